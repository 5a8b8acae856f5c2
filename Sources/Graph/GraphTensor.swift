import Tensor

/// One output of one op of a graph: what TF1 calls a `Tensor`. It has no value of its own; a
/// session computes one. Prints as TF1 printed it:
/// `Tensor("transpose:0", shape=(28, ?, 28), dtype=float32)`.
public struct GraphTensor: Hashable, Sendable, CustomStringConvertible {
    public let graph: Graph
    public let op: Int
    public let index: Int

    public init(graph: Graph, op: Int, index: Int) { self.graph = graph; self.op = op; self.index = index }

    public static func == (a: GraphTensor, b: GraphTensor) -> Bool {
        a.graph === b.graph && a.op == b.op && a.index == b.index
    }
    public func hash(into h: inout Hasher) {
        h.combine(ObjectIdentifier(graph)); h.combine(op); h.combine(index)
    }

    var spec: OutputSpec { graph.ops[op].outputs[index] }
    /// TF's tensor name: `split:3`.
    public var name: String { spec.name }
    public var shape: StaticShape { spec.shape }
    public var dtype: DType { spec.dtype }
    /// The op that computes it.
    public var operation: Op { graph.ops[op] }
    /// Whether it is a TF1 variable (printed `<tf.Variable …>`).
    public var isVariable: Bool {
        if case .variable = graph.ops[op].kind { return true }
        return false
    }

    /// TF1's `str(t)`; a variable prints as TF1's `<tf.Variable 'Variable:0' shape=(128, 10) dtype=float32_ref>`.
    public var description: String {
        if isVariable { return "<tf.Variable '\(name)' shape=\(shape) dtype=\(dtype.name)_ref>" }
        // An assignment's output is the variable's reference (`float32_ref`), as TF1 printed it.
        var ref = ""
        if case .assign = graph.ops[op].kind { ref = "_ref" }
        if shape.dims == nil { return "Tensor(\"\(name)\", dtype=\(dtype.name)\(ref))" }
        return "Tensor(\"\(name)\", shape=\(shape), dtype=\(dtype.name)\(ref))"
    }
}

/// An op used as a value (`init`, `optimizer`): runs for its effect, fetches as None.
public struct GraphOperation: Sendable, CustomStringConvertible {
    public let graph: Graph
    public let op: Int
    public init(graph: Graph, op: Int) { self.graph = graph; self.op = op }
    public var name: String { graph.ops[op].name }
    public var description: String { "<tf.Operation '\(name)' type=\(graph.ops[op].type)>" }
}
