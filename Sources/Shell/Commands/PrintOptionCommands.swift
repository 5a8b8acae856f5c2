import Printing
import Tensor

/// numpy's printing controls: `np.set_printoptions` (kept in the session's workspace, so a failed
/// statement leaves them unchanged), `np.array2string`, `np.array_repr` and `np.array_str`.
/// The text itself comes from module Printing (docs/printing.md).
enum PrintOptionCommands {
    static let all: [Command] = [setPrintOptions, getPrintOptions, printOptions, array2string, arrayRepr, arrayStr]

    /// The options every command here shares, numpy's names and order.
    static let optionParameters: [Parameter] = [
        Parameter("precision", .value, default: .none, help: "fraction digits of floats (default 8)"),
        Parameter("threshold", .value, default: .none, help: "summarise arrays with more elements (default 1000; np.inf: never)"),
        Parameter("edgeitems", .value, default: .none, help: "items shown at each end of a summarised axis (default 3)"),
        Parameter("linewidth", .value, default: .none, help: "characters per line (default 75)"),
        Parameter("suppress", .value, default: .none, help: "True: small floats print as 0. instead of in scientific notation"),
        Parameter("nanstr", .value, default: .none, help: "the text of nan (default 'nan')"),
        Parameter("infstr", .value, default: .none, help: "the text of inf (default 'inf')"),
        Parameter("formatter", .value, default: .none, help: "dict of functions giving elements their text: keys 'bool', 'int', 'float', 'numpystr', 'int_kind', 'float_kind', 'str_kind', 'all'"),
        Parameter("sign", .value, default: .none, help: "'-' (default), '+' or ' '"),
        Parameter("floatmode", .value, default: .none, help: "'maxprec' (default), 'maxprec_equal', 'fixed' or 'unique'"),
    ]

    static let setPrintOptions = Command(
        name: "set_printoptions", category: "Output",
        summary: "numpy's np.set_printoptions: precision, threshold, edgeitems, linewidth, suppress, sign, floatmode, formatter.",
        parameters: optionParameters,
        options: [Parameter("legacy", .value, default: .none, help: "only False/None (numpy 2 output)"),
                  // In get_printoptions()'s dict, so `np.set_printoptions(**saved)` passes it back.
                  Parameter("override_repr", .value, default: .none, help: "only None (numpy's repr)")],
        help: """
            Changes how every later array prints, exactly as numpy does: `precision` (fraction \
            digits), `threshold` (summarise arrays with more elements; `np.inf` never does), \
            `edgeitems`, `linewidth`, `suppress=True` (no scientific notation for small values), \
            `sign` (`'+'`, `' '`), `floatmode` (`'fixed'`, `'unique'`, `'maxprec'`, \
            `'maxprec_equal'`) and `formatter` (a dict of functions that give elements their \
            whole text, e.g. `{'float': '{:.2f}'.format}`). Options not given keep their value, \
            except `formatter`, which every call resets, as numpy's does. The rules are in \
            docs/printing.md.
            """,
        examples: [Example("np.set_printoptions(precision=3)\nnp.array([3.14159, 2.71828])"),
                   Example("np.set_printoptions(suppress=True)\nnp.array([1e-10, 1.5])")],
        run: { call in
            var options = call.workspace.printOptions
            try apply(call, to: &options, names: ["precision", "threshold", "edgeitems", "linewidth", "suppress",
                                                  "nanstr", "infstr", "sign", "floatmode"])
            // numpy resets the formatter on every call: options left out keep their value,
            // but a formatter left out is gone.
            options.formatter = PythonFormatter.option(call.arguments["formatter"])
            if call.arguments.isGiven("legacy") {
                let legacy = call.arguments["legacy"]
                switch legacy {
                case .none, .bool(false): break
                default: throw ShellError("legacy printing modes are not supported", span: call.arguments.span("legacy"), kind: .valueError)
                }
            }
            if !call.arguments["override_repr"].isNone {
                throw ShellError("override_repr (a function replacing numpy's repr) is not supported in rnnsh", span: call.arguments.span("override_repr"), kind: .notImplementedError)
            }
            call.workspace.printOptions = options
            return .none
        })

    static let getPrintOptions = Command(
        name: "get_printoptions", category: "Output",
        summary: "numpy's np.get_printoptions: the print options now in force, as a dict.",
        help: """
            Returns a new dict of the session's print options, keys in numpy's order: \
            `edgeitems`, `threshold`, `floatmode`, `precision`, `suppress`, `linewidth`, \
            `nanstr`, `infstr`, `sign`, `formatter` (None, or the dict given), `legacy` (always \
            False) and `override_repr` (always None). A threshold set to `np.inf` reads back as \
            `sys.maxsize` (9223372036854775807), where numpy keeps the float.
            """,
        examples: [Example("np.get_printoptions()['precision']")],
        run: { call in dictionary(call.workspace.printOptions) })

    /// numpy's `get_printoptions()` dict of `options` (also what `with np.printoptions(...) as
    /// opts` binds).
    static func dictionary(_ options: PrintOptions) -> Value {
        let d = PyDict()
        let formatter: Value = (options.formatter?.functions as? PythonFormatter)?.value ?? .none
        let entries: [(String, Value)] = [
            ("edgeitems", .int(options.edgeItems)), ("threshold", .int(options.threshold)),
            ("floatmode", .string(options.floatMode.rawValue)), ("precision", .int(options.precision)),
            ("suppress", .bool(options.suppress)), ("linewidth", .int(options.lineWidth)),
            ("nanstr", .string(options.nanString)), ("infstr", .string(options.infString)),
            ("sign", .string(options.sign.rawValue)), ("formatter", formatter),
            ("legacy", .bool(false)), ("override_repr", .none),
        ]
        for (key, value) in entries { d.set(.string(key), HashKey.string(key), value) }
        return .dict(d)
    }

    static let printOptions = Command(
        name: "printoptions", category: "Output",
        summary: "numpy's np.printoptions: print options for the body of a `with` block only.",
        parameters: optionParameters,
        help: """
            `with np.printoptions(precision=3):` sets the options as `set_printoptions` does while \
            the block runs and puts the previous ones back when it ends, even when it ends with an \
            error. Outside `with` it does nothing.
            """,
        examples: [Example("with np.printoptions(precision=3):\n    print(np.array([1 / 3]))\nprint(np.array([1 / 3]))")],
        run: { call in
            var options = call.workspace.printOptions
            try apply(call, to: &options, names: ["precision", "threshold", "edgeitems", "linewidth", "suppress",
                                                  "nanstr", "infstr", "sign", "floatmode"])
            options.formatter = PythonFormatter.option(call.arguments["formatter"])
            return .object(PrintOptionsContext(options: options))
        })

    static let array2string = Command(
        name: "array2string", category: "Output",
        summary: "numpy's np.array2string: the bracketed text of an array under given options.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("max_line_width", .value, default: .none, help: "characters per line (default: linewidth)"),
                     Parameter("precision", .value, default: .none, help: "fraction digits of floats"),
                     Parameter("suppress_small", .value, default: .none, help: "like suppress"),
                     Parameter("separator", .string, default: .string(" "), help: "text between elements"),
                     Parameter("prefix", .string, default: .string(""), help: "continuation lines are indented by its length"),
                     Parameter("suffix", .string, default: .string(""), help: "the last line is shortened by its length")],
        options: [Parameter("formatter", .value, default: .none, help: "dict of functions giving elements their text (as set_printoptions)"),
                  Parameter("threshold", .value, default: .none, help: "summarise arrays with more elements"),
                  Parameter("edgeitems", .value, default: .none, help: "items shown at each end of a summarised axis"),
                  Parameter("sign", .value, default: .none, help: "'-', '+' or ' '"),
                  Parameter("floatmode", .value, default: .none, help: "'maxprec', 'maxprec_equal', 'fixed' or 'unique'"),
                  Parameter("legacy", .value, default: .none, help: "only False/None")],
        help: """
            Returns the string numpy's `np.array2string` returns: the array's body with \
            `separator` between elements, wrapped at `max_line_width` less the width of `suffix`, \
            continuation lines indented by one space plus the width of `prefix`. The options \
            override the session's print options for this call only.
            """,
        examples: [Example("np.array2string(np.array([1.5, 2.25, 3.0]), separator=', ')"),
                   Example("print(np.array2string(np.arange(6.0), precision=2, sign='+'))")],
        run: { call in
            guard let a = call.arguments.array("a") else { return .none }
            var options = call.workspace.printOptions
            try apply(call, to: &options, names: ["precision", "threshold", "edgeitems", "sign", "floatmode", "formatter"])
            try applyWidthAndSuppress(call, to: &options)
            let separator = call.arguments.string("separator") ?? " "
            let prefix = call.arguments.string("prefix") ?? ""
            let suffix = call.arguments.string("suffix") ?? ""
            // A formatter= function runs as Python; its errors surface here.
            return .string(try ClassRuntime.formatting(call.evaluator) { () throws(ShellError) -> String in
                NumpyFormat.array2string(a, options: options, separator: separator, prefix: prefix, suffix: suffix)
            })
        })

    static let arrayRepr = Command(
        name: "array_repr", category: "Output",
        summary: "numpy's np.array_repr: repr(a) with its own line width, precision, suppress.",
        parameters: [Parameter("arr", .array, help: "the array"),
                     Parameter("max_line_width", .value, default: .none, help: "characters per line"),
                     Parameter("precision", .value, default: .none, help: "fraction digits of floats"),
                     Parameter("suppress_small", .value, default: .none, help: "like suppress")],
        help: "The text of `repr(arr)` with these options overriding the session's for this call.",
        examples: [Example("np.array_repr(np.array([0.123456, 2.0]), precision=2)")],
        run: { call in
            guard let a = call.arguments.array("arr") else { return .none }
            var options = call.workspace.printOptions
            try apply(call, to: &options, names: ["precision"])
            try applyWidthAndSuppress(call, to: &options)
            return .string(try ClassRuntime.formatting(call.evaluator) { () throws(ShellError) -> String in NumpyFormat.arrayRepr(a, options: options) })
        })

    static let arrayStr = Command(
        name: "array_str", category: "Output",
        summary: "numpy's np.array_str: str(a) with its own line width, precision, suppress.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("max_line_width", .value, default: .none, help: "characters per line"),
                     Parameter("precision", .value, default: .none, help: "fraction digits of floats"),
                     Parameter("suppress_small", .value, default: .none, help: "like suppress")],
        help: "The text of `str(a)` with these options overriding the session's for this call.",
        examples: [Example("np.array_str(np.array([1e-8, 1.0]), suppress_small=True)")],
        run: { call in
            guard let a = call.arguments.array("a") else { return .none }
            var options = call.workspace.printOptions
            try apply(call, to: &options, names: ["precision"])
            try applyWidthAndSuppress(call, to: &options)
            return .string(try ClassRuntime.formatting(call.evaluator) { () throws(ShellError) -> String in NumpyFormat.arrayStr(a, options: options) })
        })

    /// `max_line_width` and `suppress_small`, the names array2string/array_repr/array_str use.
    static func applyWidthAndSuppress(_ call: Invocation, to options: inout PrintOptions) throws(ShellError) {
        let width = call.arguments["max_line_width"]
        if !width.isNone { options.lineWidth = try ArgumentBinder.integer(width, call.arguments.span("max_line_width")) }
        let suppress = call.arguments["suppress_small"]
        if !suppress.isNone { options.suppress = try call.evaluator.truth(suppress, call.arguments.span("suppress_small") ?? call.span) }
    }

    /// Reads the named options the user gave (None leaves an option as it is), with numpy's
    /// checks and messages (`_make_options_dict`).
    static func apply(_ call: Invocation, to options: inout PrintOptions, names: [String]) throws(ShellError) {
        for name in names {
            let v = call.arguments[name]
            if v.isNone { continue }
            let span = call.arguments.span(name)
            switch name {
            case "precision":
                guard let p = try? ArgumentBinder.integer(v, span) else {
                    throw ShellError("precision must be an integer", span: span, kind: .typeError)
                }
                guard p >= 0 else { throw ShellError("precision must be >= 0", span: span, kind: .valueError) }
                guard p <= PrintOptions.maxPrecision else {
                    throw ShellError("precision must be at most \(PrintOptions.maxPrecision)", span: span, kind: .valueError)
                }
                options.precision = p
            case "threshold":
                switch v {
                case .float(let d):
                    if d.isNaN { throw ShellError("threshold must be non-NAN, try sys.maxsize for untruncated representation", span: span, kind: .valueError) }
                    options.threshold = d >= Double(Int.max) ? Int.max : (d < Double(Int.min) ? Int.min : Int(d.rounded(.down)))
                default:
                    guard let t = try? ArgumentBinder.integer(v, span) else {
                        throw ShellError("threshold must be numeric", span: span, kind: .typeError)
                    }
                    options.threshold = t
                }
            case "edgeitems":
                options.edgeItems = try ArgumentBinder.integer(v, span)
            case "linewidth":
                options.lineWidth = try ArgumentBinder.integer(v, span)
            case "suppress":
                options.suppress = try call.evaluator.truth(v, span ?? call.span)
            case "nanstr", "infstr":
                guard case .string(let s) = v else { throw ShellError("\(name) must be a string", span: span, kind: .typeError) }
                if name == "nanstr" { options.nanString = s } else { options.infString = s }
            case "formatter":
                // Not checked here: numpy only meets a bad formatter when an array prints.
                options.formatter = PythonFormatter.option(v)
            case "sign":
                guard case .string(let s) = v, let sign = PrintOptions.Sign(rawValue: s) else {
                    throw ShellError("sign option must be one of ' ', '+', or '-'", span: span, kind: .valueError)
                }
                options.sign = sign
            case "floatmode":
                guard case .string(let s) = v, let mode = PrintOptions.FloatMode(rawValue: s) else {
                    throw ShellError("floatmode option must be one of \"fixed\", \"unique\", \"maxprec\", \"maxprec_equal\"", span: span, kind: .valueError)
                }
                options.floatMode = mode
            default:
                break
            }
        }
    }
}
