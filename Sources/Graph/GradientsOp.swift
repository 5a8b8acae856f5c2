import Tensor

/// `tf.gradients(ys, xs)`: the sum over `ys` of d y / d x for each x, as tensors a session
/// computes (one op; a run differentiates in reverse over the values of its own forward pass,
/// with the same per-op gradients `minimize` uses). An x that no y depends on gives None, as in
/// TF. The op's output names are rnnsh's (`gradients/W_grad:0`); TF named the last op of its
/// gradient graph, which depends on the op consuming x.
extension Graph {
    public func gradients(_ ys: [GraphTensor], _ xs: [GraphTensor], name: String? = nil) throws(TensorError) -> [GraphTensor?] {
        for t in ys + xs where t.graph !== self {
            throw TensorError("Tensor \(t.name) must be from the same graph as the other tensors", kind: .valueError)
        }
        for y in ys where !(y.dtype == .float32 || y.dtype == .float64) {
            throw TensorError("Gradients of complex tensors or integer tensors must set grad_ys explicitly: \(y) has dtype \(y.dtype.name)", kind: .typeError)
        }
        // Which xs some y depends on: the ancestors of the ys.
        var ancestors = Set<Int>(), stack = ys.map(\.op)
        while let op = stack.popLast() {
            if !ancestors.insert(op).inserted { continue }
            // tf.stop_gradient cuts the path: an x behind it alone gives None, as in TF.
            if case .stopGradient = ops[op].kind { continue }
            for i in ops[op].inputs { stack.append(i.op) }
        }
        let connected = xs.filter { ancestors.contains($0.op) }
        guard !connected.isEmpty else { return xs.map { _ in nil } }
        let n = uniqueName(name, "gradients")
        var names: [String] = []
        for x in connected {
            let base = "\(n)/\(x.operation.name)_grad"
            naming.reserve(base)
            names.append(base + ":\(names.filter { $0.hasPrefix(base + ":") }.count)")
        }
        let id = append(n, type: "Gradients", .gradients(xs: connected), inputs: ys,
                        outputs: connected.map { ($0.shape, $0.dtype) }, outputNames: names)
        var k = 0
        return xs.map { x in
            guard ancestors.contains(x.op) else { return nil }
            defer { k += 1 }
            return tensor(id, k)
        }
    }
}

extension Gradients {
    /// The values of a `tf.gradients` op: d (sum of ys) / d x for each x, zeros where no
    /// gradient arrives (a path blocked by an op without one).
    static func values(ys: [GraphTensor], xs: [GraphTensor], run: inout Run) throws(TensorError) -> [NDArray] {
        let g = run.graph
        let sources = Set(xs.map(\.op))
        let onPath = path(to: ys, from: sources, in: g)
        let wantedX = Set(xs)
        var grads: [GraphTensor: NDArray] = [:]
        func add(_ t: GraphTensor, _ d: NDArray) throws(TensorError) {
            if let old = grads[t] { grads[t] = try NDArray.add(.array(old), .array(d)) } else { grads[t] = d }
        }
        for y in ys { try add(y, try NDArray.ones(try run.value(y).shape, dtype: .float32)) }
        for id in onPath.sorted(by: >) {
            let op = g.ops[id]
            if case .variable = op.kind { continue }
            // Nothing upstream of an x is wanted (unless it leads to another x).
            let outGrads = (0..<op.outputs.count).map { grads[GraphTensor(graph: g, op: id, index: $0)] }
            if outGrads.allSatisfy({ $0 == nil }) { continue }
            // A fed tensor is a constant to the run, unless it is one of the xs themselves.
            let wanted = op.inputs.map { onPath.contains($0.op) && (run.feeds[$0] == nil || wantedX.contains($0)) }
            if !wanted.contains(true) { continue }
            var inputs: [NDArray] = []
            for t in op.inputs { inputs.append(try run.value(t)) }
            let inGrads = try backward(id, op, inputs, outGrads, wanted, run: &run)
            for (k, t) in op.inputs.enumerated() where wanted[k] {
                if k < inGrads.count, let d = inGrads[k] { try add(t, d) }
            }
        }
        var out: [NDArray] = []
        for x in xs {
            if let d = grads[x] {
                out.append(d.dtype == x.dtype ? d : try d.astype(x.dtype))
            } else {
                out.append(try NDArray.zeros(try run.value(x).shape, dtype: x.dtype))
            }
        }
        return out
    }

    /// The ops on a path from one of `sources` to one of `ys`.
    static func path(to ys: [GraphTensor], from sources: Set<Int>, in g: Graph) -> Set<Int> {
        var ancestors = Set<Int>(), stack = ys.map(\.op)
        while let op = stack.popLast() {
            if !ancestors.insert(op).inserted { continue }
            for i in g.ops[op].inputs { stack.append(i.op) }
        }
        var depends = Set<Int>()
        for op in ancestors.sorted() {
            if sources.contains(op) || g.ops[op].inputs.contains(where: { depends.contains($0.op) }) { depends.insert(op) }
        }
        return depends
    }
}
