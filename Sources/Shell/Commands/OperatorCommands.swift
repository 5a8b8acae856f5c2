import Tensor

/// numpy's ufuncs behind Python's remaining operators: `//` `%` `&` `|` `^` `<<` `>>`
/// (`floor_divide` ... `right_shift`), `~` (`invert`) and `divmod` (`**` and `abs` are
/// MathFunctionCommands' `power` and `absolute`). Each
/// body is one call into module Tensor (Operators.swift), which holds numpy's dtype rules and
/// corner cases; Python numbers stay weak operands (NEP 50).
enum OperatorCommands {
    static let all: [Command] = binaryCommands + [invert, divmod]

    static let binarySpecs: [(BinaryOp, String)] = [
        (.floorDivide, "Elementwise floor division `a // b` (integers: by zero gives 0, as numpy does)."),
        (.remainder, "Elementwise remainder `a % b`, with the sign of b (Python's rule)."),
        (.bitwiseAnd, "Elementwise `a & b`: bitwise and of integers, logical and of bools."),
        (.bitwiseOr, "Elementwise `a | b`: bitwise or of integers, logical or of bools."),
        (.bitwiseXor, "Elementwise `a ^ b`: bitwise xor of integers, logical xor of bools."),
        (.leftShift, "Elementwise `a << b`: integer bits shifted left."),
        (.rightShift, "Elementwise `a >> b`: integer bits shifted right (arithmetic for signed)."),
    ]

    static let binaryCommands: [Command] = binarySpecs.map { spec in
        let (op, summary) = spec
        let name = op.ufuncName
        let bits = op == .bitwiseAnd || op == .bitwiseOr || op == .bitwiseXor || op == .leftShift || op == .rightShift
        let example = bits ? "np.arange(6) \(op.symbol) 3" : "np.arange(-3, 4) \(op.symbol) 2"
        return Command(
            name: name, category: "Math", summary: summary,
            parameters: [Parameter("x1", .value, help: "an array or a number"),
                         Parameter("x2", .value, help: "an array or a number")],
            help: """
                numpy's `np.\(name)`, which `a \(op.symbol) b` calls (`a \(op.symbol)= b` in place). \
                Shapes broadcast; a Python number takes the array's dtype (NEP 50).\(bits ? " Floats are refused, as numpy refuses them." : "")
                """,
            examples: [Example("\(name) (np.arange(4)) 2"), Example(example)],
            run: { call in
                let (a, b) = try MathCommands.operands(call)
                return MathCommands.result(try NDArray.binary(op, a, b))
            })
    }

    static let invert = Command(
        name: "invert", category: "Math",
        summary: "Elementwise `~x`: bitwise not of integers, logical not of bools.",
        parameters: [Parameter("x", .array, help: "an integer or bool array")],
        help: "numpy's `np.invert` (also `np.bitwise_not`), which `~x` calls. `~mask` flips a bool mask; floats are refused.",
        examples: [Example("~np.array([True, False])"), Example("~np.arange(3)")],
        run: { call in
            guard let x = call.arguments.array("x") else { return .none }
            return MathCommands.result(try x.invert())
        })

    static let divmod = Command(
        name: "divmod", category: "Math",
        summary: "`(a // b, a % b)` in one call: Python's `divmod`, numpy's `np.divmod`.",
        parameters: [Parameter("x1", .value, help: "an array or a number"),
                     Parameter("x2", .value, help: "an array or a number")],
        help: "Returns the tuple (floor quotient, remainder) with the remainder taking the divisor's sign. For two Python numbers, Python's own divmod.",
        examples: [Example("divmod(np.arange(-3, 4), 2)")],
        run: { call in
            let args = call.arguments
            let l = args["x1"], r = args["x2"]
            if !Evaluator.isArrayLike(l) && !Evaluator.isArrayLike(r),
               let q = try PythonArithmetic.binary("//", l, r, call.span), let m = try PythonArithmetic.binary("%", l, r, call.span) {
                return .tuple([q, m])
            }
            let (a, b) = try MathCommands.operands(call)
            let (q, m) = try NDArray.divmod(a, b)
            return .tuple([MathCommands.result(q), MathCommands.result(m)])
        })
}
