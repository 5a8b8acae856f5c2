import Tensor

/// numpy's elementwise mathematical functions: exponents and logarithms, roots, powers,
/// trigonometry, rounding, signs, NaN handling, comparison helpers and the logical family.
/// Every body is one call into module Tensor (`MathFunctions`, `BinaryFunctions`).
enum MathFunctionCommands {
    static let all: [Command] = unaryCommands + [round, around, nanToNum, isnan, isinf, isfinite, logicalNot, interp]
        + binaryCommands + [whereCommand, clip, isclose, allclose, arrayEqual]

    typealias A = FunctionArguments

    static let unarySpecs: [(String, MathFunction, String, String)] = [
        ("sqrt", .sqrt, "Elementwise square root.", "np.array([1.0, 4.0, 2.0])"),
        ("cbrt", .cbrt, "Elementwise cube root.", "np.array([8.0, -27.0])"),
        ("square", .square, "Elementwise x*x (integers stay integers).", "np.arange(4)"),
        ("log", .log, "Natural logarithm, elementwise (cross-entropy's np.log).", "np.array([1.0, np.e, 10.0])"),
        ("log2", .log2, "Base-2 logarithm, elementwise.", "np.array([1.0, 8.0, 10.0])"),
        ("log10", .log10, "Base-10 logarithm, elementwise.", "np.array([1.0, 100.0, 5.0])"),
        ("log1p", .log1p, "log(1 + x), accurate for small x.", "np.array([0.0, 1e-10, 1.0])"),
        ("expm1", .expm1, "exp(x) - 1, accurate for small x.", "np.array([0.0, 1e-10, 1.0])"),
        ("exp2", .exp2, "2**x, elementwise.", "np.arange(4)"),
        ("sin", .sin, "Sine, elementwise (radians).", "np.array([0.0, np.pi / 2, np.pi])"),
        ("cos", .cos, "Cosine, elementwise (radians).", "np.array([0.0, np.pi / 2, np.pi])"),
        ("tan", .tan, "Tangent, elementwise (radians).", "np.array([0.0, 0.5, 1.0])"),
        ("arcsin", .arcsin, "Inverse sine, elementwise.", "np.array([-1.0, 0.0, 1.0])"),
        ("arccos", .arccos, "Inverse cosine, elementwise.", "np.array([-1.0, 0.0, 1.0])"),
        ("arctan", .arctan, "Inverse tangent, elementwise.", "np.array([-1.0, 0.0, 1.0])"),
        ("sinh", .sinh, "Hyperbolic sine, elementwise.", "np.array([-1.0, 0.0, 1.0])"),
        ("cosh", .cosh, "Hyperbolic cosine, elementwise.", "np.array([-1.0, 0.0, 1.0])"),
        ("arcsinh", .arcsinh, "Inverse hyperbolic sine, elementwise.", "np.array([-1.0, 0.0, 1.0])"),
        ("arccosh", .arccosh, "Inverse hyperbolic cosine, elementwise.", "np.array([1.0, 2.0, 10.0])"),
        ("arctanh", .arctanh, "Inverse hyperbolic tangent, elementwise.", "np.array([-0.5, 0.0, 0.5])"),
        ("deg2rad", .deg2rad, "Degrees to radians.", "np.array([0.0, 90.0, 180.0])"),
        ("radians", .radians, "Degrees to radians (same as deg2rad).", "np.array([0.0, 90.0, 180.0])"),
        ("rad2deg", .rad2deg, "Radians to degrees.", "np.array([0.0, np.pi])"),
        ("degrees", .degrees, "Radians to degrees (same as rad2deg).", "np.array([0.0, np.pi])"),
        ("rint", .rint, "Round to the nearest integer, halves to even.", "np.array([0.5, 1.5, 2.5, -0.5])"),
        ("floor", .floor, "Round down, elementwise.", "np.array([-1.5, 0.2, 1.7])"),
        ("ceil", .ceil, "Round up, elementwise.", "np.array([-1.5, 0.2, 1.7])"),
        ("trunc", .trunc, "Round toward zero, elementwise.", "np.array([-1.5, 0.2, 1.7])"),
        ("fix", .fix, "Round toward zero (np.fix).", "np.array([-1.5, 0.2, 1.7])"),
        ("absolute", .absolute, "Absolute value, elementwise (np.abs).", "np.array([-2, 0, 3])"),
        ("abs", .absolute, "Absolute value, elementwise (np.absolute).", "np.array([-1.5, 0.0, 2.0])"),
        ("fabs", .fabs, "Absolute value as a float.", "np.array([-2, 3])"),
        ("sign", .sign, "-1, 0 or 1 by the sign of each element (NaN stays NaN).", "np.array([-2.5, 0.0, 3.0])"),
        ("reciprocal", .reciprocal, "1/x elementwise (integers: integer result, as numpy).", "np.array([1.0, 2.0, 4.0])"),
    ]

    /// numpy's integer loops: these functions keep an integer dtype (`np.floor` of int64 is
    /// int64 in numpy 2, `np.reciprocal` of integers divides in integers); the rest compute
    /// integers in float64.
    static let keepsIntegers: Set<MathFunction> = [.square, .floor, .ceil, .trunc, .fix, .absolute, .sign, .reciprocal]

    static let unaryCommands: [Command] = unarySpecs.map { spec in
        let (name, function, summary, example) = spec
        let keeps = keepsIntegers.contains(function)
        // The dtype rule in words, then examples that check it against numpy.
        let rule = keeps
            ? "Integer input keeps its dtype, as numpy's integer loop does (int32 stays int32\(function == .reciprocal ? ", and 1/2 is 0" : "")), and float32 stays float32."
            : "int64 and int32 input compute in float64, and float32 stays float32. For bool and uint8 numpy gives float16, a dtype rnnsh lacks, so rnnsh refuses them and says to convert first."
        let intInput = function == .reciprocal ? "np.array([1, 2, 4], dtype=np.int32)" : "np.arange(1, 3, dtype=np.int32)"
        var checked: [Example] = [.numpy("np.\(name)(\(intInput)).dtype"), .numpy("np.\(name)(np.ones(2, dtype=np.float32)).dtype")]
        if function == .reciprocal { checked.insert(.numpy("np.reciprocal(\(intInput))"), at: 0) }
        return Command(
            name: name, category: "Elementwise", summary: summary,
            parameters: [Parameter("x", .array, help: "the input array (or number)")],
            help: """
                numpy's `np.\(name)`, applied to every element; a number gives a numpy scalar. \
                \(rule)
                """,
            examples: [Example("np.\(name)(\(example))")] + checked,
            run: { call in A.result(try A.array(call, "x").apply(function)) })
    }

    static func roundCommand(_ name: String) -> Command {
        Command(
            name: name, category: "Elementwise",
            summary: "Round to the given number of decimals, halves to even (np.\(name)).",
            parameters: [Parameter("a", .array, help: "the array"),
                         Parameter("decimals", .int, default: .int(0), help: "decimal places (negative: tens, hundreds, …)")],
            help: """
                numpy's `np.\(name)` (also `x.round(decimals)`): halves go to the even neighbour \
                (`round(2.5) == 2.0`), and with decimals numpy multiplies by 10**decimals, rounds \
                and divides back, so results are those floats, not decimal rounding \
                (`np.round(2.675, 2)` is 2.68 because 2.675 * 100 is 267.5 in binary).
                """,
            examples: [Example("np.\(name)(np.array([0.5, 1.5, 2.5, -2.5]))"), Example("np.\(name)(np.array([3.14159, 2.71828]), 2)")],
            isMethod: name == "round",
            run: { call in
                A.result(try A.array(call, "a").rounded(decimals: call.arguments.int("decimals") ?? 0))
            })
    }

    static let round = roundCommand("round")
    static let around = roundCommand("around")

    static let nanToNum = Command(
        name: "nan_to_num", category: "Elementwise",
        summary: "Replace NaN and infinities by numbers.",
        parameters: [Parameter("x", .array, help: "the array"),
                     Parameter("copy", .bool, default: .bool(true), help: "ignored: the result is always a new array")],
        options: [Parameter("nan", .float, default: .float(0), help: "the value for NaN"),
                  Parameter("posinf", .value, default: .none, help: "the value for +inf (default: the dtype's largest)"),
                  Parameter("neginf", .value, default: .none, help: "the value for -inf (default: the dtype's most negative)")],
        help: "numpy's `np.nan_to_num`: NaN → 0.0, ±inf → the largest finite values of the dtype, unless given.",
        examples: [Example("np.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.5]))")],
        run: { call in
            let x = try A.array(call, "x")
            return A.result(try x.nanToNum(nan: call.arguments.double("nan") ?? 0,
                                           posinf: try A.optionalDouble(call, "posinf"), neginf: try A.optionalDouble(call, "neginf")))
        })

    static func predicate(_ name: String, _ summary: String, _ help: String, _ checked: String,
                          _ f: @escaping @Sendable (NDArray) throws(TensorError) -> NDArray) -> Command {
        Command(
            name: name, category: "Elementwise", summary: summary,
            parameters: [Parameter("x", .array, help: "the array")],
            help: "numpy's `np.\(name)`: a bool array of the same shape. \(help)",
            examples: [Example("np.\(name)(np.array([1.0, np.nan, np.inf, -np.inf]))"), .numpy(checked)],
            run: { call in A.result(try f(try A.array(call, "x"))) })
    }

    static let isnan = predicate("isnan", "True where the element is NaN.", "Integers are never NaN.", "np.isnan(np.arange(3))") { (x) throws(TensorError) in try x.isNaN() }
    static let isinf = predicate("isinf", "True where the element is ±inf.", "Integers are never infinite.", "np.isinf(np.arange(3))") { (x) throws(TensorError) in try x.isInfinite() }
    static let isfinite = predicate("isfinite", "True where the element is neither NaN nor ±inf.", "Integers are always finite.", "np.isfinite(np.arange(3))") { (x) throws(TensorError) in try x.isFinite() }
    static let logicalNot = predicate("logical_not", "Elementwise not (truth of each element).", "True where the element is zero (or False), for any dtype.", "np.logical_not(np.array([0, 1, 2]))") { (x) throws(TensorError) in try x.logicalNot() }

    static let binarySpecs: [(String, BinaryFunction, String, String)] = [
        ("maximum", .maximum, "Elementwise larger of two arrays (NaN wins); ReLU is np.maximum(x, 0).", "np.maximum(np.array([-2.0, 0.5, 3.0]), 0)"),
        ("minimum", .minimum, "Elementwise smaller of two arrays (NaN wins).", "np.minimum(np.array([1, 5, 3]), np.array([4, 2, 6]))"),
        ("fmax", .fmax, "Elementwise larger, ignoring NaN.", "np.fmax(np.array([1.0, np.nan]), np.array([np.nan, 2.0]))"),
        ("fmin", .fmin, "Elementwise smaller, ignoring NaN.", "np.fmin(np.array([1.0, np.nan]), np.array([np.nan, 2.0]))"),
        ("power", .power, "x1 ** x2 elementwise.", "np.power(np.arange(4), 2)"),
        ("fmod", .fmod, "Remainder with the dividend's sign (C's fmod; `%` takes the divisor's).", "np.fmod(np.array([-3, -2, -1, 1, 2, 3]), 2)"),
        ("arctan2", .arctan2, "Angle of the point (x2, x1): arctan(x1/x2) in the right quadrant.", "np.arctan2(np.array([1.0, -1.0]), np.array([-1.0, -1.0]))"),
        ("hypot", .hypot, "sqrt(x1**2 + x2**2) elementwise, without overflow.", "np.hypot(3, 4)"),
        ("copysign", .copysign, "The magnitude of x1 with the sign of x2.", "np.copysign(np.array([1.0, 2.0]), -1)"),
        ("logical_and", .logicalAnd, "Elementwise `and` of truth values.", "np.logical_and(np.array([True, True, False]), np.array([True, False, False]))"),
        ("logical_or", .logicalOr, "Elementwise `or` of truth values.", "np.logical_or(np.array([True, False]), np.array([False, False]))"),
        ("logical_xor", .logicalXor, "Elementwise `xor` of truth values.", "np.logical_xor(np.array([True, False]), True)"),
    ]

    /// The logical family returns bool; the others keep the operands' (NEP 50) dtype.
    static let logical: Set<BinaryFunction> = [.logicalAnd, .logicalOr, .logicalXor]

    static let binaryCommands: [Command] = binarySpecs.map { spec in
        let (name, function, summary, example) = spec
        return Command(
            name: name, category: "Elementwise", summary: summary,
            parameters: [Parameter("x1", .value, help: "an array or a number"),
                         Parameter("x2", .value, help: "an array or a number")],
            help: logical.contains(function) ? """
                numpy's `np.\(name)`, elementwise with broadcasting: a bool array whatever the \
                operands' dtypes, each element taken as its truth (nonzero is True).
                """ : """
                numpy's `np.\(name)`, elementwise with broadcasting. A Python number adapts to the \
                array's dtype where it fits (NEP 50), so `np.\(name)(float32_array, 2)` stays float32.
                """,
            examples: [Example(example),
                       .numpy(logical.contains(function) ? "np.\(name)(np.arange(3), 1.5)"
                              : "np.\(name)(np.ones(2, dtype=np.float32), 2).dtype")],
            run: { call in
                A.result(try NDArray.apply(function, try A.operand(call, "x1"), try A.operand(call, "x2")))
            })
    }

    static let whereCommand = Command(
        name: "where", category: "Elementwise",
        summary: "Choose from x where the condition holds, else from y.",
        parameters: [Parameter("condition", .array, help: "a bool array (other values: their truth)"),
                     Parameter("x", .value, default: .none, help: "values where the condition is True"),
                     Parameter("y", .value, default: .none, help: "values where it is False")],
        help: """
            numpy's `np.where(condition, x, y)`: the three broadcast together; the dtype is \
            that of x and y combined (NEP 50). With the condition alone it is `np.nonzero`.
            """,
        examples: [Example("x = np.array([-2.0, 0.5, 3.0])\nnp.where(x > 0, x, 0)")],
        run: { call in
            let a = call.arguments
            let cond = try A.array(call, "condition")
            if a["x"].isNone && a["y"].isNone && !a.isGiven("x") && !a.isGiven("y") {
                guard let nonzero = call.registry["nonzero"] else {
                    throw call.error("where() with only a condition needs nonzero, which this build lacks")
                }
                return try call.evaluator.call(nonzero, [ArgumentInput(value: .array(cond), span: a.span("condition"))], span: call.span)
            }
            if !a.isGiven("x") || !a.isGiven("y") {
                throw ShellError("either both or neither of x and y should be given", span: call.span, kind: .valueError)
            }
            return A.result(try NDArray.choose(cond, try A.operand(call, "x"), try A.operand(call, "y")))
        })

    static let clip = Command(
        name: "clip", category: "Elementwise",
        summary: "Limit values to [a_min, a_max].",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("a_min", .value, default: .none, help: "lower bound (None: no bound)"),
                     Parameter("a_max", .value, default: .none, help: "upper bound (None: no bound)")],
        options: [Parameter("min", .value, default: .none, help: "numpy 2's name for a_min (the method's name)"),
                  Parameter("max", .value, default: .none, help: "numpy 2's name for a_max")],
        help: """
            numpy's `np.clip(a, a_min, a_max)` (method `x.clip(min, max)`): \
            `minimum(maximum(a, a_min), a_max)`, bounds broadcast, dtype by NEP 50.
            """,
        examples: [Example("np.clip(np.arange(6), 1, 4)"), Example("np.array([-1.5, 0.5, 2.5]).clip(0, 1)")],
        isMethod: true,
        run: { call in
            let a = call.arguments
            if a.isGiven("min") && a.isGiven("a_min") {
                throw ShellError("Passed more than one argument for 'a_min' (as 'a_min' and 'min').", span: a.span("min"), kind: .typeError)
            }
            if a.isGiven("max") && a.isGiven("a_max") {
                throw ShellError("Passed more than one argument for 'a_max' (as 'a_max' and 'max').", span: a.span("max"), kind: .typeError)
            }
            let lo = try A.optionalOperand(call, a.isGiven("min") ? "min" : "a_min")
            let hi = try A.optionalOperand(call, a.isGiven("max") ? "max" : "a_max")
            return A.result(try NDArray.clip(.array(try A.array(call, "a")), min: lo, max: hi))
        })

    static let closeOptions = [Parameter("rtol", .float, default: .float(1e-5), help: "relative tolerance"),
                               Parameter("atol", .float, default: .float(1e-8), help: "absolute tolerance"),
                               Parameter("equal_nan", .bool, default: .bool(false), help: "NaN equals NaN")]

    static let isclose = Command(
        name: "isclose", category: "Elementwise",
        summary: "Elementwise |a - b| <= atol + rtol * |b|.",
        parameters: [Parameter("a", .value, help: "an array or number"), Parameter("b", .value, help: "an array or number")] + closeOptions,
        help: "numpy's `np.isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)`: a bool array. Not symmetric: the tolerance scales with |b|.",
        examples: [Example("np.isclose(np.array([1.0, 1.00001, 1.1]), 1.0)")],
        run: { call in
            let a = call.arguments
            return A.result(try NDArray.isClose(try A.operand(call, "a"), try A.operand(call, "b"),
                                                rtol: a.double("rtol") ?? 1e-5, atol: a.double("atol") ?? 1e-8, equalNaN: a.bool("equal_nan") ?? false))
        })

    static let interp = Command(
        name: "interp", category: "Math",
        summary: "Piecewise-linear interpolation: `np.interp(x, xp, fp)`.",
        parameters: [Parameter("x", .array, help: "where to evaluate (any shape)"),
                     Parameter("xp", .array, help: "the sample points, increasing (1-d)"),
                     Parameter("fp", .array, help: "the values at xp (1-d, as long as xp)"),
                     Parameter("left", .value, default: .none, help: "the value below xp[0] (default fp[0])"),
                     Parameter("right", .value, default: .none, help: "the value above xp[-1] (default fp[-1])"),
                     Parameter("period", .value, default: .none, help: "a period for angular x (left/right are then ignored)")],
        help: """
            numpy's `np.interp`: float64 values, exactly numpy's (the same segment search, slope and \
            edge rules); a learning-rate schedule between milestones: `np.interp(step, [0, 100, 1000], [0, 1e-3, 1e-5])`.
            """,
        examples: [Example("np.interp(2.5, [1, 2, 3], [3, 2, 0])"), Example("np.interp([0, 1.5, 5], [1, 2, 3], [3, 2, 0], left=-1)")],
        run: { call in
            let x = try A.array(call, "x"), xp = try A.array(call, "xp"), fp = try A.array(call, "fp")
            return MathCommands.result(try NDArray.interp(x, xp, fp, left: try A.optionalDouble(call, "left"),
                                                          right: try A.optionalDouble(call, "right"), period: try A.optionalDouble(call, "period")))
        })

    static let allclose = Command(
        name: "allclose", category: "Elementwise",
        summary: "True when every element pair is close (np.isclose(...).all()).",
        parameters: [Parameter("a", .value, help: "an array or number"), Parameter("b", .value, help: "an array or number")] + closeOptions,
        help: "numpy's `np.allclose`: a Python bool, True when `isclose` holds everywhere.",
        examples: [Example("np.allclose(np.array([1.0, 2.0]), np.array([1.0, 2.0000001]))")],
        run: { call in
            let a = call.arguments
            let r = try NDArray.isClose(try A.operand(call, "a"), try A.operand(call, "b"),
                                        rtol: a.double("rtol") ?? 1e-5, atol: a.double("atol") ?? 1e-8, equalNaN: a.bool("equal_nan") ?? false)
            return .bool(try r.boolValues().allSatisfy { $0 })
        })

    static let arrayEqual = Command(
        name: "array_equal", category: "Elementwise",
        summary: "True when two arrays have the same shape and elements.",
        parameters: [Parameter("a1", .array, help: "an array"), Parameter("a2", .array, help: "an array"),
                     Parameter("equal_nan", .bool, default: .bool(false), help: "NaN equals NaN")],
        help: "numpy's `np.array_equal`: a Python bool; different shapes give False, not an error.",
        examples: [Example("np.array_equal(np.arange(3), [0, 1, 2])")],
        run: { call in
            .bool(try NDArray.arrayEqual(try A.array(call, "a1"), try A.array(call, "a2"), equalNaN: call.arguments.bool("equal_nan") ?? false))
        })
}
