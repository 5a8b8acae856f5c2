import Tensor

/// Covariance, correlation and convolution: `np.cov`, `np.corrcoef`, `np.convolve` (module
/// Tensor's `Correlation`, `Searching`).
enum CorrelationCommands {
    static let all: [Command] = [cov, corrcoef, convolve, correlate]

    typealias A = FunctionArguments

    static func optionalArray(_ call: Invocation, _ name: String) throws(ShellError) -> NDArray? {
        call.arguments[name].isNone ? nil : try call.evaluator.toArray(call.arguments[name], span: call.arguments.span(name))
    }

    static let cov = Command(
        name: "cov", category: "Statistics",
        summary: "Covariance matrix of variables (rows by default).",
        parameters: [Parameter("m", .array, help: "variables by observations (rowvar=True)"),
                     Parameter("y", .value, default: .none, help: "more variables, joined to m")],
        options: [Parameter("rowvar", .bool, default: .bool(true), help: "True: each row is a variable; False: each column"),
                  Parameter("bias", .bool, default: .bool(false), help: "divide by N instead of N - 1"),
                  Parameter("ddof", .optionalInt, default: .none, help: "divide by N - ddof (overrides bias)")],
        help: "numpy's `np.cov`: entry (i, j) is the covariance of variables i and j. Data with one sample per row (as in ML) needs `rowvar=False`.",
        examples: [Example("np.cov(np.array([[0, 1, 2], [2, 1, 0]]))"), Example("np.cov(np.array([[1.0, 2.0], [2.0, 5.0], [3.0, 7.0]]), rowvar=False)")],
        run: { call in
            let a = call.arguments
            return A.result(try NDArray.covariance(try A.array(call, "m"), try optionalArray(call, "y"), rowvar: a.bool("rowvar") ?? true,
                                                   bias: a.bool("bias") ?? false, ddof: a.int("ddof")))
        })

    static let corrcoef = Command(
        name: "corrcoef", category: "Statistics",
        summary: "Pearson correlation coefficients of variables.",
        parameters: [Parameter("x", .array, help: "variables by observations (rowvar=True)"),
                     Parameter("y", .value, default: .none, help: "more variables, joined to x")],
        options: [Parameter("rowvar", .bool, default: .bool(true), help: "True: each row is a variable; False: each column")],
        help: "numpy's `np.corrcoef`: the covariance matrix normalised by the standard deviations, clipped to [-1, 1]. `np.corrcoef(x, y)[0, 1]` is the correlation of two 1-d arrays.",
        examples: [Example("np.corrcoef(np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 5.0]))")],
        run: { call in
            A.result(try NDArray.correlation(try A.array(call, "x"), try optionalArray(call, "y"), rowvar: call.arguments.bool("rowvar") ?? true))
        })

    static let correlate = Command(
        name: "correlate", category: "Statistics",
        summary: "Cross-correlation of two 1-d sequences.",
        parameters: [Parameter("a", .array, help: "the first sequence"), Parameter("v", .array, help: "the second sequence"),
                     Parameter("mode", .string, default: .string("valid"), help: "'valid', 'same' or 'full'").choices(["valid", "same", "full"])],
        help: "numpy's `np.correlate`: `c[k] = sum(a[n + k] * v[n])`, the sliding dot product of `v` along `a`; `mode='valid'` (the default) keeps the positions where `v` fits inside `a`. It is `np.convolve(a, v[::-1], mode)` when `a` is the longer.",
        examples: [Example("np.correlate(np.array([1, 2, 3]), np.array([0, 1, 0.5]))"), Example("np.correlate(np.array([1, 2, 3]), np.array([0, 1, 0.5]), 'full')")],
        run: { call in
            .array(try NDArray.correlate(try A.array(call, "a"), try A.array(call, "v"), mode: call.arguments.string("mode") ?? "valid"))
        })

    static let convolve = Command(
        name: "convolve", category: "Statistics",
        summary: "Discrete linear convolution of two 1-d sequences.",
        parameters: [Parameter("a", .array, help: "the first sequence"), Parameter("v", .array, help: "the second sequence"),
                     Parameter("mode", .string, default: .string("full"), help: "'full', 'same' or 'valid'").choices(["full", "same", "valid"])],
        help: "numpy's `np.convolve`: a moving average is `np.convolve(x, np.ones(w) / w, mode='valid')`.",
        examples: [Example("np.convolve(np.array([1, 2, 3]), np.array([0, 1, 0.5]))"), Example("np.convolve(np.arange(6.0), np.ones(3) / 3, mode='valid')")],
        run: { call in
            .array(try NDArray.convolve(try A.array(call, "a"), try A.array(call, "v"), mode: call.arguments.string("mode") ?? "full"))
        })
}
