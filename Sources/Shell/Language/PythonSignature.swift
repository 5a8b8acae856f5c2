/// The parameters of a function written in Python in CPython's standard library
/// (`Random.randint(self, a, b)`, `functools.reduce(function, iterable, initial)`), so calls to
/// rnnsh's versions bind their arguments and fail with the same TypeErrors CPython's do.
struct PythonSignature {
    /// The name the errors show (`Random.randint`, `reduce`).
    let name: String
    /// Positional-or-keyword parameters, in order.
    let parameters: [String]
    /// How many of them have no default.
    let required: Int
    /// Keyword-only parameters (`*, counts=None`).
    var keywordOnly: [String] = []
    /// True for a method: CPython counts `self` in "takes N positional arguments".
    var isMethod = false
    /// True for a C function taking positional arguments only (`reduce`).
    var positionalOnly = false

    /// The arguments by parameter (positional then keyword-only), nil where not given.
    func bind(_ args: [Value], _ keywords: [(String, Value)], _ span: Range<Int>) throws(ShellError) -> [Value?] {
        var bound = [Value?](repeating: nil, count: parameters.count + keywordOnly.count)
        let extra = isMethod ? 1 : 0
        if args.count > parameters.count {
            let given = args.count + extra
            let takes = required == parameters.count
                ? "\(parameters.count + extra) positional argument\(parameters.count + extra == 1 ? "" : "s")"
                : "from \(required + extra) to \(parameters.count + extra) positional arguments"
            throw ShellError("\(name)() takes \(takes) but \(given) \(given == 1 ? "was" : "were") given", span: span, kind: .typeError)
        }
        for (i, a) in args.enumerated() { bound[i] = a }
        for (k, v) in keywords {
            if positionalOnly {
                throw ShellError("\(name)() takes no keyword arguments", span: span, kind: .typeError)
            }
            if let i = parameters.firstIndex(of: k) {
                if bound[i] != nil { throw ShellError("\(name)() got multiple values for argument '\(k)'", span: span, kind: .typeError) }
                bound[i] = v
            } else if let j = keywordOnly.firstIndex(of: k) {
                bound[parameters.count + j] = v
            } else {
                throw ShellError("\(name)() got an unexpected keyword argument '\(k)'", span: span, kind: .typeError)
            }
        }
        let missing = (0..<required).filter { bound[$0] == nil }.map { "'\(parameters[$0])'" }
        if !missing.isEmpty {
            let list = missing.count == 1 ? missing[0]
                : missing.dropLast().joined(separator: ", ") + (missing.count > 2 ? "," : "") + " and " + (missing.last ?? "")
            throw ShellError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)",
                             span: span, kind: .typeError)
        }
        return bound
    }
}
