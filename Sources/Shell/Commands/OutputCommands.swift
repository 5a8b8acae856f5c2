/// `print` and `repr`: showing values the way Python does.
enum OutputCommands {
    static let all: [Command] = [printCommand, reprCommand, len]

    static let len = Command(
        name: "len", category: "Output",
        summary: "The number of items: of a list, or along an array's first axis.",
        parameters: [Parameter("obj", .value, help: "a list, tuple, string, record or array")],
        help: "Python's len(): the length of a list or tuple, or `x.shape[0]` for an array (a 0-d array has none).",
        examples: [Example("len (split (arange 8) 4)"), Example("len(np.zeros((3, 5)))")],
        run: { call in
            let v = call.arguments["obj"]
            switch v {
            case .list, .tuple: let items = (v).sequenceItems ?? []; return .int(items.count)
            case .string(let s): return .int(s.count)
            case .record(let r): return .int(r.fields.count)
            case .object(let o) where o.iterationItems != nil: return .int(o.iterationItems?.count ?? 0)
            case .array(let a):
                guard let n = a.shape.first else { throw call.error("len() of unsized object") }
                return .int(n)
            default:
                throw call.error("object of type '\(v.typeName)' has no len()", argument: "obj")
            }
        })

    static let printCommand = Command(
        name: "print", category: "Output",
        summary: "Print values the way Python's print() does.",
        parameters: [Parameter("values", .value, default: .tuple([]), variadic: true, help: "values to print, separated by `sep`")],
        options: [Parameter("sep", .string, default: .string(" "), help: "text between values"),
                  Parameter("end", .string, default: .string("\n"), help: "text after the last value (`end=''` continues the line)")],
        help: """
            Prints each value's str() — arrays in numpy's print format, lists of arrays as \
            Python shows them — separated by `sep`. `print(x)` and `print x` are the same. A bare \
            expression prints this way too, so `x` alone is `print(x)`.
            """,
        examples: [Example("print 1 2.5 'three'"), Example("print([1, 2], (3,), None, sep=' | ')")],
        run: { call in
            let sep = call.arguments.string("sep") ?? " "
            let values = call.arguments["values"].sequenceItems ?? []
            let end = call.arguments.string("end") ?? "\n"
            for v in values { try PyNumbers.checkDigits(v, nil) }
            let text = try call.evaluator.withCurrentPrintOptions { () throws(ShellError) in values.map(ValueFormatter.str).joined(separator: sep) + end }
            // Formatting a huge list stops early on Ctrl-C: print nothing of it then.
            try Interrupt.check()
            call.evaluator.write(text)
            return .none
        })

    static let reprCommand = Command(
        name: "repr", category: "Output",
        summary: "A value's repr, e.g. array([...]) for arrays: Python's repr().",
        parameters: [Parameter("value", .value, help: "the value to show")],
        help: """
            Returns what Python's repr() gives — arrays as `array([...])` with their dtype when \
            it is not the default, numpy scalars as `np.float32(0.5)`, strings quoted — so \
            `repr x` on its own line shows it and `print(repr(x))` prints it.
            """,
        examples: [Example("repr 'text'"), Example("repr([1, 2.0, None])")],
        run: { call in
            .string(ValueFormatter.repr(call.arguments["value"]))
        })
}
