import Tensor
import Graph

/// The arguments of one TF call, read the way Python binds them: by position or by keyword,
/// with TF's parameter names, converting shell values to what the graph needs (tensors,
/// shapes with `None`, dtypes from `'float'`, `tf.float32` or `np.float32`).
struct TFArguments {
    let positional: [Value]
    let keywords: [(String, Value)]
    let span: Range<Int>
    let function: String
    private var used = Set<String>()

    init(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, function: String) {
        self.positional = positional; self.keywords = keywords; self.span = span; self.function = function
    }

    func error(_ message: String, _ kind: ErrorKind = .valueError) -> ShellError {
        ShellError(message, span: span, kind: kind)
    }

    /// The argument at `position` or named `name` (nil when absent or None).
    func value(_ position: Int?, _ name: String) -> Value? {
        if let k = keywords.first(where: { $0.0 == name }) { return k.1.isNone ? nil : k.1 }
        if let p = position, p < positional.count { return positional[p].isNone ? nil : positional[p] }
        return nil
    }

    func has(_ position: Int?, _ name: String) -> Bool { value(position, name) != nil }

    /// The argument as given, `None` included (nil only when absent): for parameters where an
    /// explicit None means something (`activation_fn=None`: no activation).
    func given(_ position: Int?, _ name: String) -> Value? {
        if let k = keywords.first(where: { $0.0 == name }) { return k.1 }
        if let p = position, p < positional.count { return positional[p] }
        return nil
    }

    /// Refuses by name the first of `options` (position, keyword) that was given: options that
    /// would change what `function` computes, which rnnsh does not have, are never ignored.
    func refuse(_ options: [(Int?, String)], in function: String) throws(ShellError) {
        for (p, option) in options where has(p, option) {
            throw error("rnnsh's tensorflow has no \(function)(\(option)=) (yet)", .notImplementedError)
        }
    }

    func required(_ position: Int?, _ name: String) throws(ShellError) -> Value {
        guard let v = value(position, name) else {
            throw error("\(function)() missing required argument: '\(name)'", .typeError)
        }
        return v
    }

    /// Refuses keywords the function does not take (Python's TypeError).
    func only(_ names: [String], positionalMax: Int) throws(ShellError) {
        for (k, _) in keywords where !names.contains(k) {
            throw error("\(function)() got an unexpected keyword argument '\(k)'", .typeError)
        }
        if positional.count > positionalMax {
            throw error("\(function)() takes at most \(positionalMax) positional arguments but \(positional.count) were given", .typeError)
        }
    }

    func int(_ position: Int?, _ name: String) throws(ShellError) -> Int? {
        guard let v = value(position, name) else { return nil }
        return try TFArguments.int(v, span)
    }

    static func int(_ v: Value, _ span: Range<Int>) throws(ShellError) -> Int {
        if case .float(let d) = v, d == d.rounded(), abs(d) < 1e15 { return Int(d) }
        return try ArgumentBinder.integer(v, span)
    }

    func float(_ position: Int?, _ name: String) throws(ShellError) -> Float? {
        guard let v = value(position, name) else { return nil }
        switch v {
        case .int(let i): return Float(i)
        case .float(let d): return Float(d)
        case .bool(let b): return b ? 1 : 0
        case .scalar(let a), .array(let a):
            if a.size == 1, let s = a.scalars.first { return Float(s.doubleValue) }
        default: break
        }
        throw error("\(function)(): \(name) must be a number, got \(v.typeName)", .typeError)
    }

    func bool(_ position: Int?, _ name: String) -> Bool? {
        guard let v = value(position, name) else { return nil }
        switch v {
        case .bool(let b): return b
        case .int(let i): return i != 0
        default: return nil
        }
    }

    func string(_ position: Int?, _ name: String) -> String? {
        guard case .string(let s)? = value(position, name) else { return nil }
        return s
    }

    /// A list of ints (`[1, 0, 2]`, a tuple, an int array).
    func ints(_ position: Int?, _ name: String) throws(ShellError) -> [Int]? {
        guard let v = value(position, name) else { return nil }
        return try TFArguments.ints(v, span)
    }

    static func ints(_ v: Value, _ span: Range<Int>) throws(ShellError) -> [Int] {
        switch v {
        case .list, .tuple: let items = v.sequenceItems ?? [];
            var out: [Int] = []
            for i in items { out.append(try int(i, span)) }
            return out
        case .int: return [try int(v, span)]
        default: return try ArgumentBinder.integers(v, span)
        }
    }

    /// A shape for `placeholder`: a list with None for unknown dimensions, or None (unknown rank).
    func staticShape(_ position: Int?, _ name: String) throws(ShellError) -> StaticShape {
        guard let v = value(position, name) else { return .unknown }
        switch v {
        case .list, .tuple: let items = v.sequenceItems ?? [];
            var dims: [Int?] = []
            for i in items {
                if i.isNone { dims.append(nil); continue }
                let n = try TFArguments.int(i, span)
                guard n >= -1 else { throw error("Dimension \(n) must be >= -1") }
                dims.append(n == -1 ? nil : n)
            }
            return StaticShape(dims)
        case .object(let o as TFShape): return o.shape
        case .int(let n): return StaticShape([n])
        default: throw error("\(function)(): shape must be a list of dimensions (None for unknown), got \(v.typeName)", .typeError)
        }
    }

    /// A dtype from `'float'`, `'float32'`, `tf.float32`, `np.float32`.
    func dtype(_ position: Int?, _ name: String) throws(ShellError) -> DType? {
        guard let v = value(position, name) else { return nil }
        return try TFArguments.dtype(v, span)
    }

    static func dtype(_ v: Value, _ span: Range<Int>) throws(ShellError) -> DType {
        switch v {
        case .object(let o as TFDType): return o.dtype
        case .dtype(let d): return d
        case .string(let s):
            switch s {
            case "float", "float32": return .float32
            case "double", "float64": return .float64
            case "int32": return .int32
            case "int64": return .int64
            case "bool": return .bool
            case "uint8": return .uint8
            default: throw ShellError("Cannot convert '\(s)' to a TF dtype (rnnsh's tensorflow knows float32, float64, int32, int64, bool, uint8)", span: span, kind: .typeError)
            }
        default: throw ShellError("Cannot convert \(ValueFormatter.repr(v)) to a TF dtype", span: span, kind: .typeError)
        }
    }

    /// A graph tensor, or a value TF converts to a constant (numbers, lists, arrays).
    func tensor(_ position: Int?, _ name: String, graph: Graph, dtype: DType? = nil) throws(ShellError) -> GraphTensor {
        try TFArguments.tensor(try required(position, name), graph: graph, span: span, dtype: dtype)
    }

    static func tensor(_ v: Value, graph: Graph, span: Range<Int>, dtype: DType? = nil) throws(ShellError) -> GraphTensor {
        if case .object(let o as TFTensor) = v {
            guard o.tensor.graph === graph else {
                throw ShellError("Tensor \(o.tensor.name) must be from the same graph as the others (the default graph was reset?)", span: span, kind: .valueError)
            }
            return o.tensor
        }
        let a = try array(v, span: span, dtype: dtype)
        return graph.constant(a)
    }

    /// A plain value as TF converts it: Python floats become float32, ints int32.
    static func array(_ v: Value, span: Range<Int>, dtype: DType? = nil) throws(ShellError) -> NDArray {
        do {
            switch v {
            case .array(let a), .scalar(let a):
                if let d = dtype { return try a.astype(d) }
                return a.dtype == .float64 ? try a.astype(.float32) : a
            case .int(let i): return try NDArray(scalar: Int64(i)).astype(dtype ?? .int32)
            case .float(let d): return try NDArray(scalar: d).astype(dtype ?? .float32)
            case .bool(let b): return NDArray(scalar: b)
            case .list, .tuple:
                let lit = try ValueConversion.literal(v, span: span)
                let a = try NDArray(literal: lit)
                if let d = dtype { return try a.astype(d) }
                return a.dtype == .float64 ? try a.astype(.float32) : (a.dtype == .int64 ? try a.astype(.int32) : a)
            default: break
            }
        } catch let e as TensorError {
            throw ShellError(e.message, span: span, kind: e.kind ?? .valueError)
        } catch let e as ShellError {
            throw e
        } catch {
            throw ShellError("\(error)", span: span)
        }
        throw ShellError("Failed to convert object of type \(v.typeName) to Tensor", span: span, kind: .typeError)
    }

    /// A list of graph tensors (`static_rnn`'s inputs, `concat`'s values).
    static func tensors(_ v: Value, graph: Graph, span: Range<Int>) throws(ShellError) -> [GraphTensor] {
        switch v {
        case .list, .tuple: let items = v.sequenceItems ?? [];
            var out: [GraphTensor] = []
            for i in items { out.append(try tensor(i, graph: graph, span: span)) }
            return out
        default:
            throw ShellError("expected a list of tensors, got \(v.typeName)", span: span, kind: .typeError)
        }
    }

    /// An operand of `+ - * /`: a tensor, or a plain value converted later to its dtype.
    static func operand(_ v: Value, graph: Graph, span: Range<Int>) throws(ShellError) -> GraphOperand {
        if case .object(let o as TFTensor) = v {
            guard o.tensor.graph === graph else {
                throw ShellError("Tensor \(o.tensor.name) must be from the same graph as the others", span: span, kind: .valueError)
            }
            return .tensor(o.tensor)
        }
        switch v {
        case .int(let i): return .value(NDArray(scalar: Int64(i)))
        case .float(let d): return .value(NDArray(scalar: d))
        default: return .value(try array(v, span: span))
        }
    }
}

