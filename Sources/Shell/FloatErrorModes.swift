/// numpy's floating-point error handling for this session (`np.seterr`, `np.geterr`,
/// `np.errstate`): what happens on a division by zero, an overflow, an underflow or an invalid
/// operation. Results are inf and nan; 'warn', 'print' and 'ignore' decide what is said, and
/// 'raise' turns the error into numpy's FloatingPointError (FloatWarnings.swift,
/// docs/numpy-algorithms.md). 'call', which needs `np.seterrcall`'s callback, is refused.
public struct FloatErrorModes: Sendable, Equatable {
    public var divide = "warn", over = "warn", under = "ignore", invalid = "warn"

    /// numpy's category names, in the order `np.geterr()` lists them.
    static let categories = ["divide", "over", "under", "invalid"]
    /// The modes numpy accepts.
    static let modes = ["ignore", "warn", "raise", "call", "print", "log"]

    subscript(category: String) -> String {
        get {
            switch category {
            case "divide": return divide
            case "over": return over
            case "under": return under
            default: return invalid
            }
        }
        set {
            switch category {
            case "divide": divide = newValue
            case "over": over = newValue
            case "under": under = newValue
            default: invalid = newValue
            }
        }
    }

    /// The dict `np.geterr()` returns.
    var dict: Value {
        let d = PyDict()
        for c in Self.categories { d.set(.string(c), .string(c), .string(self[c])) }
        return .dict(d)
    }

    /// These modes with `all=` and then each category given in `settings` applied, as
    /// numpy's seterr and errstate apply them; numpy's errors for a bad mode.
    func applying(_ settings: [(name: String, value: Value)], command: String, span: Range<Int>?) throws(ShellError) -> FloatErrorModes {
        var result = self
        // `all` first, then the categories named beside it override it.
        for (name, value) in settings.filter({ $0.name == "all" }) + settings.filter({ $0.name != "all" }) {
            guard name == "all" || Self.categories.contains(name) else {
                throw ShellError("\(command)() got an unexpected keyword argument '\(name)'", span: span, kind: .typeError)
            }
            if value.isNone { continue }
            guard case .string(let mode) = value, Self.modes.contains(mode) else {
                throw ShellError("invalid error mode \(ValueFormatter.repr(value))", span: span, kind: .valueError)
            }
            if mode == "call" {
                throw ShellError("np.\(command)(\(name)='\(mode)') is not supported: rnnsh has no np.seterrcall callbacks",
                                 span: span, kind: .notImplementedError)
            }
            if name == "all" { for c in Self.categories { result[c] = mode } } else { result[name] = mode }
        }
        return result
    }
}
