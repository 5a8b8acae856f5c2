/// `print` and `repr`: showing values the way Python does.
enum OutputCommands {
    static let all: [Command] = [printCommand, reprCommand]

    static let printCommand = Command(
        name: "print", category: "Output",
        summary: "Print values the way Python's print() does.",
        parameters: [Parameter("values", .value, default: .tuple([]), variadic: true, help: "values to print, separated by `sep`")],
        options: [Parameter("sep", .string, default: .string(" "), help: "text between values")],
        help: """
            Prints each value's str() — arrays in numpy's print format, lists of arrays as \
            Python shows them — separated by `sep`. `print(x)` and `print x` are the same. A bare \
            expression prints this way too, so `x` alone is `print(x)`.
            """,
        examples: [Example("print 1 2.5 'three'"), Example("print([1, 2], (3,), None, sep=' | ')")],
        run: { call in
            let sep = call.arguments.string("sep") ?? " "
            let values = call.arguments["values"].sequenceItems ?? []
            call.print(values.map(ValueFormatter.str).joined(separator: sep))
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
