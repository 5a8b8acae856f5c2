import Tensor

/// Argument readers shared by the numpy function families (axes, operands, optional numbers),
/// so each family file only says what its functions compute.
enum FunctionArguments {
    /// `axis=None | int | tuple of ints` as numpy takes it for reductions: nil means all axes.
    static func axes(_ call: Invocation, _ name: String = "axis") throws(ShellError) -> [Int]? {
        let v = call.arguments[name]
        if v.isNone { return nil }
        return try ArgumentBinder.integers(v, call.arguments.span(name))
    }

    /// `axis=None | int` for functions that take one axis only; a tuple is numpy's TypeError.
    static func axis(_ call: Invocation, _ name: String = "axis") throws(ShellError) -> Int? {
        let v = call.arguments[name]
        if v.isNone { return nil }
        if v.sequenceItems != nil {
            throw ShellError("'tuple' object cannot be interpreted as an integer", span: call.arguments.span(name), kind: .typeError)
        }
        return try ArgumentBinder.integer(v, call.arguments.span(name))
    }

    /// numpy's `order=` parameter ('C', 'F', 'A' or 'K'; None means the function's default).
    static func orderParameter(default d: String, help: String) -> Parameter {
        Parameter("order", .value, default: .string(d), help: help).choices(["C", "F", "A", "K"])
    }

    /// The `order=` argument, with numpy's errors: `order must be str, not int`, and
    /// `order must be one of 'C', 'F', 'A', or 'K' (got 'X')`. None gives `otherwise`.
    static func order(_ call: Invocation, _ name: String = "order", otherwise: MemoryOrder = .c) throws(ShellError) -> MemoryOrder {
        switch call.arguments[name] {
        case .none: return otherwise
        case .string(let s):
            do { return try MemoryOrder(numpy: s) } catch {
                throw ShellError(error.message, span: call.arguments.span(name), kind: error.kind)
            }
        case let v:
            throw ShellError("order must be str, not \(v.typeName)", span: call.arguments.span(name), kind: .typeError)
        }
    }

    /// A numpy operand (Python scalars stay weak, NEP 50).
    static func operand(_ call: Invocation, _ name: String) throws(ShellError) -> Operand {
        try ValueConversion.operand(call.arguments[name], span: call.arguments.span(name), shell: call.evaluator)
    }

    /// An operand, or nil for None.
    static func optionalOperand(_ call: Invocation, _ name: String) throws(ShellError) -> Operand? {
        call.arguments[name].isNone ? nil : try operand(call, name)
    }

    /// An array argument (declared `.array`, so always present).
    static func array(_ call: Invocation, _ name: String) throws(ShellError) -> NDArray {
        if case .array(let a) = call.arguments[name] { return a }
        return try call.evaluator.toArray(call.arguments[name], span: call.arguments.span(name))
    }

    /// A float argument that may be None.
    static func optionalDouble(_ call: Invocation, _ name: String) throws(ShellError) -> Double? {
        switch call.arguments[name] {
        case .none: return nil
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .scalar(let a), .array(let a) where a.size == 1: return a.firstDouble
        case let v: throw ShellError("must be real number, not \(v.typeName)", span: call.arguments.span(name), kind: .typeError)
        }
    }

    /// Arrays from a sequence argument (`np.vstack([a, b])`).
    static func arrays(_ call: Invocation, _ name: String) throws(ShellError) -> [NDArray] {
        let v = call.arguments[name]
        var items: [Value]
        if let s = v.sequenceItems { items = s }
        else if case .array(let a) = v, a.ndim >= 1 {
            // numpy iterates an array argument over its first axis.
            items = []
            for i in 0..<a.shape[0] { items.append(.array(try Self.wrap { () throws(TensorError) -> NDArray in try a.subscripted([.index(i)]) })) }
        } else {
            throw ShellError("arrays to stack must be passed as a \"sequence\" type such as list or tuple.", span: call.arguments.span(name), kind: .typeError)
        }
        var out: [NDArray] = []
        for item in items { out.append(try call.evaluator.toArray(item, span: call.arguments.span(name))) }
        return out
    }

    static func wrap<T>(_ body: () throws(TensorError) -> T) throws(ShellError) -> T {
        do { return try body() } catch { throw ShellError(error.message, explanation: error.explanation, kind: error.kind) }
    }

    /// A 0-d result is a numpy scalar, as numpy returns from ufuncs on scalars and full reductions.
    static func result(_ a: NDArray) -> Value { a.ndim == 0 ? .scalar(a) : .array(a) }

    /// A tuple of arrays (numpy's multiple return values).
    static func tuple(_ arrays: [NDArray]) -> Value { .tuple(arrays.map { result($0) }) }
}
