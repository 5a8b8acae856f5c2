import Tensor

/// numpy's math: the ufuncs behind Python's operators (`a + b` is `add a b`), `matmul` (`@`),
/// elementwise functions and reductions. Every body is one call into module Tensor; Python
/// scalars stay "weak" operands, so `float32_array * 2` stays float32 as in numpy 2.
enum MathCommands {
    static let all: [Command] = binaryCommands + [matmul, dot, negative, positive, exp, tanh, sigmoid, softmax]
        + reductions + [argmax, argmin]

    static func operands(_ call: Invocation) throws(ShellError) -> (Operand, Operand) {
        let a = call.arguments
        return (try ValueConversion.operand(a["x1"], span: a.span("x1"), shell: call.evaluator),
                try ValueConversion.operand(a["x2"], span: a.span("x2"), shell: call.evaluator))
    }

    /// A 0-d result of an operation on scalars or a full reduction is a numpy scalar, as numpy returns.
    static func result(_ a: NDArray) -> Value { a.ndim == 0 ? .scalar(a) : .array(a) }

    /// What an operator's result dtype follows; each help page states it and proves it with
    /// numpy-checked examples (issue 13: a help claim is an example that runs).
    enum ResultRule {
        /// `+ - *`: the operands' common dtype; a Python number adapts to the array (NEP 50).
        case promoted
        /// `/`: true division, float64 for integers, float32 kept.
        case division
        /// `== != < <= > >=`: always bool.
        case comparison
    }

    static let binarySpecs: [(BinaryOp, String, String, ResultRule, String)] = [
        (.add, "add", "+", .promoted, "Elementwise sum, with broadcasting: `a + b`."),
        (.subtract, "subtract", "-", .promoted, "Elementwise difference: `a - b`."),
        (.multiply, "multiply", "*", .promoted, "Elementwise product (not the matrix product, which is `@`): `a * b`."),
        (.divide, "divide", "/", .division, "Elementwise true division (integers give float64): `a / b`."),
        (.equal, "equal", "==", .comparison, "Elementwise `a == b`, a bool array."),
        (.notEqual, "not_equal", "!=", .comparison, "Elementwise `a != b`, a bool array."),
        (.less, "less", "<", .comparison, "Elementwise `a < b`, a bool array."),
        (.lessEqual, "less_equal", "<=", .comparison, "Elementwise `a <= b`, a bool array."),
        (.greater, "greater", ">", .comparison, "Elementwise `a > b`, a bool array."),
        (.greaterEqual, "greater_equal", ">=", .comparison, "Elementwise `a >= b`, a bool array."),
    ]

    /// The help paragraph's dtype sentence and the examples that check it against numpy.
    static func dtypeRule(_ rule: ResultRule, _ symbol: String) -> (String, [Example]) {
        switch rule {
        case .promoted:
            return ("""
                The result has the operands' common dtype (int32 \(symbol) float32 is float64), and a \
                Python number adapts to the array's dtype where it fits (NEP 50): `x \(symbol) 1` \
                keeps an int32 x int32.
                """,
                [.numpy("(np.arange(3, dtype=np.int32) \(symbol) np.ones(3, dtype=np.float32)).dtype"),
                 .numpy("(np.arange(3, dtype=np.int32) \(symbol) 1).dtype")])
        case .division:
            return ("""
                True division: integers give float64, even divided by 1; float32 stays float32 \
                (a Python number adapts to it, NEP 50). `//` is `floor_divide`.
                """,
                [.numpy("(np.arange(3) / 1).dtype"),
                 .numpy("(np.ones(3, dtype=np.float32) / 2).dtype")])
        case .comparison:
            return ("""
                The result is a bool array whatever the operands' dtypes, ready for a mask \
                (`x[x \(symbol) 1]`) or `.sum()` to count.
                """,
                [.numpy("np.arange(4) \(symbol) 2"),
                 .numpy("(np.arange(4.0) \(symbol) 2).dtype")])
        }
    }

    static let binaryCommands: [Command] = binarySpecs.map { spec in
        let (op, name, symbol, rule, summary) = spec
        let (sentence, checked) = dtypeRule(rule, symbol)
        return Command(
            name: name, category: "Math", summary: summary,
            parameters: [Parameter("x1", .value, help: "an array or a number"),
                         Parameter("x2", .value, help: "an array or a number")],
            help: """
                numpy's `np.\(name)`, which `a \(symbol) b` calls. Shapes broadcast as in numpy \
                (trailing dimensions must match or be 1). \(sentence)
                """,
            examples: [Example("\(name) (arange 3) 10"), Example("np.arange(6).reshape(2, 3) \(symbol) np.arange(3)")] + checked,
            run: { call in
                let (a, b) = try operands(call)
                return result(try NDArray.binary(op, a, b))
            })
    }

    static let matmul = Command(
        name: "matmul", category: "Math",
        summary: "Matrix product: `a @ b`.",
        parameters: [Parameter("x1", .array, help: "left matrix (or stack of matrices, or vector)"),
                     Parameter("x2", .array, help: "right matrix (or vector)")],
        help: """
            numpy's `np.matmul`, the `@` operator: (n, k) @ (k, m) gives (n, m); the inner sizes \
            must agree. This is how the tutorial's output layer computes `outputs[-1] @ W + b`.
            """,
        examples: [Example("np.arange(6).reshape(2, 3) @ np.ones((3, 2))")],
        run: { call in
            guard let a = call.arguments.array("x1"), let b = call.arguments.array("x2") else { return .none }
            return result(try NDArray.matmul(a, b))
        })

    static let dot = Command(
        name: "dot", category: "Math",
        summary: "Dot product of vectors or matrices (np.dot for 1-d and 2-d).",
        parameters: [Parameter("a", .array, help: "a vector or matrix"),
                     Parameter("b", .array, help: "a vector or matrix")],
        help: "For 1-d and 2-d arrays `np.dot` is the matrix product `a @ b`; a scalar multiplies; for higher ranks it sums over the last axis of a and the second-to-last of b, as numpy does.",
        examples: [Example("np.dot(np.arange(3), np.arange(3))")],
        isMethod: true,
        run: { call in
            guard let a = call.arguments.array("a"), let b = call.arguments.array("b") else { return .none }
            return result(try NDArray.dot(a, b))
        })

    static func unary(_ name: String, _ op: UnaryOp, _ summary: String, _ help: String, checked: [Example] = []) -> Command {
        Command(
            name: name, category: "Math", summary: summary,
            parameters: [Parameter("x", .array, help: "the array")],
            help: help,
            examples: [Example("\(name) (np.array([-1.0, 0.0, 1.0]))")] + checked,
            run: { call in
                guard let x = call.arguments.array("x") else { return .none }
                return result(try x.apply(op))
            })
    }

    static let negative = unary("negative", .negative, "Elementwise negation: `-x`.", "numpy's `np.negative`, which `-x` calls; integers wrap as in numpy (the most negative int32 stays itself).",
                                checked: [.numpy("-np.array([-2147483648, 5], dtype=np.int32)")])
    static let exp = unary("exp", .exp, "Elementwise e**x.", "numpy's `np.exp`; float32 stays float32, int64 and int32 compute in float64.",
                           checked: [.numpy("np.exp(np.arange(2)).dtype"), .numpy("np.exp(np.ones(2, dtype=np.float32)).dtype")])
    static let tanh = unary("tanh", .tanh, "Elementwise hyperbolic tangent.", "numpy's `np.tanh`, the LSTM's cell activation.")
    static let sigmoid = unary("sigmoid", .sigmoid, "Elementwise logistic 1/(1+exp(-x)).",
                               "The LSTM's gate activation, computed exactly as numpy computes `1/(1+np.exp(-x))`.")

    static let positive = Command(
        name: "positive", category: "Math",
        summary: "Elementwise +x (a copy).",
        parameters: [Parameter("x", .array, help: "the array")],
        help: "numpy's `np.positive`, which `+x` calls: a copy of x.",
        examples: [Example("+np.arange(3)")],
        run: { call in
            guard let x = call.arguments.array("x") else { return .none }
            return result(try x.positive())
        })

    static let softmax = Command(
        name: "softmax", category: "Math",
        summary: "Softmax along an axis (the classifier's probabilities).",
        parameters: [Parameter("x", .array, help: "logits"),
                     Parameter("axis", .optionalInt, default: .int(-1), help: "the axis that sums to 1")],
        help: "exp(x - max) / sum(exp(x - max)) along `axis`, as `scipy.special.softmax` computes it.",
        examples: [Example("softmax (np.array([1.0, 2.0, 3.0]))")],
        run: { call in
            guard let x = call.arguments.array("x") else { return .none }
            return result(try x.softmax(axis: call.arguments.int("axis")))
        })

    static func reduction(_ name: String, _ op: ReduceOp, _ summary: String) -> Command {
        typealias R = ReductionArguments
        let keywords: [Parameter]
        switch op {
        case .sum: keywords = [R.dtype, R.out, keepdims, R.initial, R.whereMask]
        case .mean: keywords = [R.dtype, R.out, keepdims, R.whereMask]
        case .max, .min: keywords = [R.out, keepdims, R.initial, R.whereMask]
        }
        let ufunc: String
        switch op {
        case .sum, .mean: ufunc = "add"
        case .max: ufunc = "maximum"
        case .min: ufunc = "minimum"
        }
        return Command(
            name: name, category: "Reductions", summary: summary,
            parameters: [Parameter("a", .array, help: "the array"),
                         Parameter("axis", .value, default: .none, help: "an axis, a tuple of axes, or None for all")],
            options: keywords,
            help: """
                numpy's `np.\(name)` (also `x.\(name)(...)`): reduces over `axis` (all axes by \
                default, giving a numpy scalar). Float sums add in numpy's order, so results \
                match numpy bit for bit.\(op == .max || op == .min ? "" : " `dtype=` is the type it computes in.") \
                `where=` takes part only the elements where a mask is True\(op == .max || op == .min ? " (it needs `initial=`)" : "")\
                \(op == .mean ? "" : ", `initial=` is where every output starts"); `out=` receives the result.
                """,
            examples: [Example("x = arange 6 | reshape 2 3\n\(name) x\nx.\(name)(axis=0)"),
                       Example(op == .mean ? "x = np.arange(6.).reshape(2, 3)\nnp.mean(x, where=x > 1)"
                               : op == .sum ? "x = np.arange(6).reshape(2, 3)\nx.sum(dtype=np.float64)\nnp.sum(x, where=x > 2, initial=1)"
                               : "np.\(name)(np.array([]), initial=0)")],
            isMethod: true,
            run: { call in
                let a = call.arguments
                guard let x = a.array("a") else { return .none }
                let keep = a.bool("keepdims") ?? false
                let kw = try R.keywords(call, Set(keywords.map(\.name)))
                // numpy's mean of nothing warns and divides 0 by 0 (EmptyMean).
                if op == .mean, kw.isPlain, EmptyMean.isEmpty(x, axis: a["axis"]) {
                    return try EmptyMean.reporting(call) { try reduceBody(call, op, x, keep, kw, ufunc) }
                }
                return try reduceBody(call, op, x, keep, kw, ufunc)
            })
    }

    /// The reduction once its arguments are read.
    private static func reduceBody(_ call: Invocation, _ op: ReduceOp, _ x: NDArray, _ keep: Bool,
                                   _ kw: ReductionKeywords, _ ufunc: String) throws -> Value {
        typealias R = ReductionArguments
        let a = call.arguments
        if kw.isPlain && !a.isGiven("out") {
            switch a["axis"] {
            case .none: return result(try x.reduce(op, axis: nil, keepdims: keep))
            case .int(let i): return result(try x.reduce(op, axis: i, keepdims: keep))
            case let v:
                let axes = try ArgumentBinder.integers(v, a.span("axis"))
                return result(try x.reduce(op, axis: axes, keepdims: keep))
            }
        }
        var single = false
        var axes: [Int]? = nil
        switch a["axis"] {
        case .none: break
        case .int(let i): axes = [i]; single = true
        case let v: axes = try ArgumentBinder.integers(v, a.span("axis"))
        }
        let r = try x.reduce(op, axis: axes, singleAxis: single, keepdims: keep, keywords: kw)
        return try R.finish(call, x, r, axes: axes, keepdims: keep, ufunc: ufunc)
    }

    static let keepdims = Parameter("keepdims", .bool, default: .bool(false), help: "keep reduced axes with length 1")

    static let reductions: [Command] = [
        reduction("sum", .sum, "Sum of elements, over all or some axes."),
        reduction("mean", .mean, "Mean of elements, over all or some axes."),
        reduction("max", .max, "Largest element, over all or some axes."),
        reduction("min", .min, "Smallest element, over all or some axes."),
    ]

    static func arg(_ name: String, max: Bool) -> Command {
        Command(
            name: name, category: "Reductions",
            summary: max ? "Index of the largest element (the predicted class)." : "Index of the smallest element.",
            parameters: [Parameter("a", .array, help: "the array"),
                         Parameter("axis", .optionalInt, default: .none, help: "the axis (None: the flattened array)")],
            options: [Parameter("keepdims", .bool, default: .bool(false), help: "keep the reduced axis with length 1")],
            help: "numpy's `np.\(name)`: int64 indices of the first \(max ? "maximum" : "minimum") along `axis` (the first one when several tie).",
            examples: [Example("np.array([[1, 9, 3], [7, 2, 8]]).\(name)(axis=1)"),
                       .numpy("np.\(name)(np.array([[1, 9, 9], [7, 2, 2]], dtype=np.int32), axis=1).dtype"),
                       .numpy("np.\(name)(np.array([3, \(max ? "9, 1, 9" : "1, 9, 1")]))")],
            isMethod: true,
            run: { call in
                let a = call.arguments
                guard let x = a.array("a") else { return .none }
                let keep = a.bool("keepdims") ?? false
                let r = max ? try x.argmax(axis: a.int("axis"), keepdims: keep) : try x.argmin(axis: a.int("axis"), keepdims: keep)
                return result(r)
            })
    }

    static let argmax = arg("argmax", max: true)
    static let argmin = arg("argmin", max: false)
}
