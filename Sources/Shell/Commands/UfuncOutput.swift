import Tensor

/// numpy's `out=` on the ufuncs rnnsh has as commands: `np.add(a, b, out=a)`,
/// `np.sqrt(x, out=x)`, and `np.clip(dparam, -5, 5, out=dparam)` (min-char-rnn's gradient
/// clipping). One wrapper adds the keyword to each of them in the registry, so a ufunc's own
/// command only computes; the result is then written into `out` (module Tensor's
/// `storeUfuncResult`) and `out` itself is returned, as numpy returns it.
enum UfuncOutput {
    /// numpy's single-output ufuncs (and `np.clip`, which numpy runs as one) that take `out=`.
    static let names: Set<String> = [
        "add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "remainder", "mod", "fmod", "power",
        "equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
        "maximum", "minimum", "fmax", "fmin", "logical_and", "logical_or", "logical_xor", "logical_not",
        "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift", "invert", "bitwise_not",
        "negative", "positive", "exp", "tanh", "sqrt", "cbrt", "square", "log", "log2", "log10", "log1p", "expm1", "exp2",
        "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "arcsinh", "arccosh", "arctanh",
        "deg2rad", "radians", "rad2deg", "degrees", "rint", "floor", "ceil", "trunc", "absolute", "abs", "fabs", "sign",
        "reciprocal", "isnan", "isinf", "isfinite", "signbit", "arctan2", "hypot", "copysign", "logaddexp", "logaddexp2",
        "heaviside", "nextafter", "float_power", "gcd", "lcm", "clip",
    ]

    static let parameter = Parameter("out", .value, default: .none,
                                     help: "an array that receives the result (same_kind cast, broadcast to its shape) and is returned")

    /// `command` taking `out=` too, unless it already has its own.
    static func accepting(_ command: Command) -> Command {
        guard names.contains(command.name), !command.allParameters.contains(where: { $0.name == "out" }) else { return command }
        var c = command
        c.options.append(parameter)
        let compute = command.run
        let ufunc = command.name
        c.run = { call in
            guard let out = try output(call) else { return try compute(call) }
            // numpy refuses a read-only output before it computes anything.
            try FunctionArguments.wrap { () throws(TensorError) in try out.requireWriteable(NDArray.readOnlyOutput) }
            let value = try compute(call)
            let result: NDArray
            switch value {
            case .array(let a), .scalar(let a): result = a
            default: return value
            }
            try FunctionArguments.wrap { () throws(TensorError) in try out.storeUfuncResult(result, ufunc: ufunc) }
            return .array(out)
        }
        return c
    }

    /// `out=`: None (no output array), an array, or a 1-tuple holding one, in numpy's words otherwise.
    static func output(_ call: Invocation) throws(ShellError) -> NDArray? {
        guard call.arguments.isGiven("out") else { return nil }
        let span = call.arguments.span("out") ?? call.span
        var v = call.arguments["out"]
        if case .tuple(let items) = v {
            guard items.count == 1 else {
                throw ShellError("The 'out' tuple must have exactly one entry per ufunc output", span: span, kind: .valueError)
            }
            v = items[0]
        }
        switch v {
        case .none: return nil
        case .array(let a): return a
        default: throw ShellError("return arrays must be of ArrayType", span: span, kind: .typeError)
        }
    }
}
