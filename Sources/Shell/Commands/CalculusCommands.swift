import Tensor

/// numpy's calculus on samples and its polynomial helpers: `gradient`, `trapezoid`, `polyval`,
/// `polyfit`, `vander`. Bodies call module Tensor (`Calculus`, `Polynomials`).
enum CalculusCommands {
    static let all: [Command] = [gradient, trapezoid, polyval, polyfit, vander]

    typealias A = FunctionArguments

    /// One spacing as numpy's varargs take it: a Python number (weak), a numpy scalar, or coordinates.
    static func spacing(_ v: Value, _ call: Invocation) throws(ShellError) -> NDArray.GradientSpacing {
        switch v {
        case .int(let i): return .number(Double(i))
        case .float(let d): return .number(d)
        case .bool(let b): return .number(b ? 1 : 0)
        case .scalar(let a): return .scalar(a)
        case .array(let a) where a.ndim == 0: return .scalar(a)
        default:
            let a = try call.evaluator.toArray(v, span: call.span)
            return a.ndim == 0 ? .scalar(a) : .coordinates(a)
        }
    }

    static let gradient = Command(
        name: "gradient", category: "Math",
        summary: "Numerical derivative of sampled values: np.gradient(f, dx).",
        parameters: [Parameter("f", .array, help: "the sampled values"),
                     Parameter("varargs", .value, default: .tuple([]), variadic: true, help: "the spacing: one number for every axis, or one number or coordinate array per axis (default 1)")],
        options: [Parameter("axis", .value, default: .none, help: "an axis or a tuple of axes (default: all)"),
                  Parameter("edge_order", .int, default: .int(1), help: "1 or 2: the accuracy of the one-sided differences at the ends")],
        help: """
            numpy's `np.gradient`: central differences (f[i+1] - f[i-1]) / (2 dx) inside and one-sided \\
            differences at the ends, computed as numpy does so the values match its bits. One array \\
            for a 1-d input or one axis; a tuple of arrays, one per axis, otherwise.
            """,
        examples: [Example("np.gradient(np.array([1, 2, 4, 7, 11]))"), Example("np.gradient(np.array([1.0, 4.0, 9.0, 16.0]), 0.5)"),
                   Example("np.gradient(np.array([[1, 2, 6], [3, 4, 5]]), axis=0)")],
        run: { call in
            let f = try A.array(call, "f")
            var spacings: [NDArray.GradientSpacing] = []
            for v in call.arguments["varargs"].sequenceItems ?? [] { spacings.append(try spacing(v, call)) }
            let results = try f.gradient(spacings: spacings, axes: try A.axes(call), edgeOrder: call.arguments.int("edge_order") ?? 1)
            return results.count == 1 ? .array(results[0]) : .tuple(results.map { .array($0) })
        })

    static let trapezoid = Command(
        name: "trapezoid", category: "Math",
        summary: "Integral of sampled values by the trapezoidal rule: np.trapezoid(y, x).",
        parameters: [Parameter("y", .array, help: "the sampled values"),
                     Parameter("x", .value, default: .none, help: "the sample points (default: spaced by dx)"),
                     Parameter("dx", .value, default: .float(1.0), help: "the spacing when x is None"),
                     Parameter("axis", .int, default: .int(-1), help: "the axis to integrate along")],
        help: "numpy's `np.trapezoid` (numpy 2's name for trapz): sum of (x[i+1] - x[i]) * (y[i+1] + y[i]) / 2 along the axis, summed as numpy sums.",
        examples: [Example("np.trapezoid(np.array([1, 2, 3]))"), Example("np.trapezoid(np.array([1.0, 4.0, 9.0]), x=np.array([0.0, 1.0, 3.0]))")],
        run: { call in
            let y = try A.array(call, "y")
            let x = call.arguments["x"].isNone ? nil : try call.evaluator.toArray(call.arguments["x"], span: call.arguments.span("x"))
            let dx = try A.operand(call, "dx")
            return A.result(try y.trapezoid(x: x, dx: dx, axis: call.arguments.int("axis") ?? -1))
        })

    static let polyval = Command(
        name: "polyval", category: "Math",
        summary: "Evaluate a polynomial (highest power first) at x: np.polyval(p, x).",
        parameters: [Parameter("p", .array, help: "the coefficients, highest power first"), Parameter("x", .array, help: "where to evaluate")],
        help: "numpy's `np.polyval`: Horner's rule, y = y * x + p[i] for each coefficient, starting from zeros_like(x); the dtype follows p and x.",
        examples: [Example("np.polyval([3, 0, 1], 5)"), Example("np.polyval(np.array([1.0, -2.0]), np.array([0.0, 1.0, 2.0]))")],
        run: { call in A.result(try NDArray.polyval(try A.array(call, "p"), try A.array(call, "x"))) })

    static let polyfit = Command(
        name: "polyfit", category: "Math",
        summary: "Least-squares polynomial fit: np.polyfit(x, y, deg), coefficients highest power first.",
        parameters: [Parameter("x", .array, help: "the sample points (1-d)"), Parameter("y", .array, help: "the values (1-d, or 2-d: one fit per column)"),
                     Parameter("deg", .int, help: "the degree of the polynomial"),
                     Parameter("rcond", .value, default: .none, help: "relative cutoff for small singular values (default len(x) * eps)"),
                     Parameter("full", .bool, default: .bool(false), help: "True: also residuals, rank, singular values and rcond"),
                     Parameter("w", .value, default: .none, help: "weights applied to the residuals (1-d, as long as y)")],
        help: """
            numpy's `np.polyfit`: the Vandermonde matrix with unit-norm columns solved by lstsq \\
            (LAPACK dgelsd), then unscaled. A line through points: `m, c = np.polyfit(x, y, 1)`. \\
            numpy's RankWarning (poorly conditioned fits) is not printed.
            """,
        examples: [Example("np.round(np.polyfit(np.array([0.0, 1.0, 2.0, 3.0]), np.array([1.0, 3.0, 5.0, 7.0]), 1), 6)")],
        run: { call in
            let w = call.arguments["w"].isNone ? nil : try call.evaluator.toArray(call.arguments["w"], span: call.arguments.span("w"))
            let fit = try NDArray.polyfit(try A.array(call, "x"), try A.array(call, "y"), degree: call.arguments.int("deg") ?? 0,
                                          rcond: try A.optionalDouble(call, "rcond"), weights: w)
            guard call.arguments.bool("full") ?? false else { return .array(fit.coefficients) }
            return .tuple([.array(fit.coefficients), .array(fit.residuals), .scalar(NDArray(scalar: Int32(clamping: fit.rank))),
                           .array(fit.singularValues),
                           call.arguments["rcond"].isNone ? .scalar(try NDArray.fromDoubles([fit.rcond], shape: [], dtype: fit.rcondType)) : call.arguments["rcond"]])
        })

    static let vander = Command(
        name: "vander", category: "Array creation",
        summary: "Vandermonde matrix: columns are powers of x, highest first.",
        parameters: [Parameter("x", .array, help: "a 1-d array"),
                     Parameter("N", .value, default: .none, help: "the number of columns (default len(x))"),
                     Parameter("increasing", .bool, default: .bool(false), help: "True: x^0 first")],
        help: "numpy's `np.vander`: column j is x**(N-1-j) (x**j when increasing), built by repeated multiplication as numpy's accumulate does.",
        examples: [Example("np.vander(np.array([1, 2, 3]), 3)"), Example("np.vander(np.array([1, 2, 3]), increasing=True)")],
        run: { call in
            let n = call.arguments["N"].isNone ? nil : try ArgumentBinder.integer(call.arguments["N"], call.arguments.span("N"))
            return .array(try NDArray.vander(try A.array(call, "x"), columns: n, increasing: call.arguments.bool("increasing") ?? false))
        })
}
