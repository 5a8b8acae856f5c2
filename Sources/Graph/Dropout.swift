import Tensor

/// `tf.nn.dropout(x, keep_prob)`, and what a `DropoutWrapper` adds around a cell: each element
/// kept with probability `keep_prob` (a number or a fed tensor) and scaled by `1/keep_prob`, the
/// rest zeroed; a new mask on every run, from the graph's seeded stream (TF's own generator is
/// not reproduced). `keep_prob` 1 passes `x` through unchanged, as in TF. Named as TF 2's
/// compat.v1 names it: scope `dropout`, output `dropout/SelectV2:0`.
extension Graph {
    public func dropout(_ x: GraphTensor, keepProb: GraphOperand, name: String? = nil, scope: String? = nil,
                        outputName: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        guard x.dtype == .float32 || x.dtype == .float64 else {
            throw TensorError("x has to be a floating point tensor since it's going to be scaled. Got a \(x.dtype.name) tensor instead.", kind: .valueError)
        }
        let s = uniqueName(name, (scope.map { $0 + "/" } ?? "") + "dropout")
        let keep: GraphTensor
        switch keepProb {
        case .tensor(let t):
            guard t.graph === self else { throw TensorError("keep_prob must be from the same graph as x", kind: .valueError) }
            if let r = t.shape.rank, r != 0 { throw TensorError("rate must be a scalar tensor or a float in the range [0, 1), got a tensor of shape \(t.shape)", kind: .valueError) }
            keep = t
        case .value(let v):
            guard v.size == 1, let f = try? v.doubleValues().first else {
                throw TensorError("keep_prob must be a scalar", kind: .valueError)
            }
            guard f > 0 && f <= 1 else { throw TensorError("rate must be a scalar tensor or a float in the range [0, 1), got \(formatRate(1 - f))", kind: .valueError) }
            let nm = s + "/keep_prob"
            naming.reserve(nm)
            let c = try NDArray(scalar: Float(f)).astype(x.dtype)
            keep = tensor(append(nm, type: "Const", .constant(c), inputs: [], outputs: [(.known([]), x.dtype)]))
        }
        naming.reserve(s + "/SelectV2")
        return tensor(append(s, type: "SelectV2", .dropout, inputs: [x, keep], outputs: [(x.shape, x.dtype), (x.shape, x.dtype)],
                             outputNames: [outputName ?? s + "/SelectV2:0", s + "/mask:0"]))
    }

    private func formatRate(_ r: Double) -> String { r == r.rounded() ? String(Int(r)) : String(r) }
}

extension Session {
    /// The dropped-out value and its mask.
    func runDropout(_ id: Int, _ x: NDArray, _ keepValue: NDArray) throws(TensorError) -> [NDArray] {
        guard keepValue.size == 1, let kd = try keepValue.doubleValues().first else {
            throw TensorError("keep_prob must be a scalar, got shape \(shapeList(keepValue.shape))", kind: .valueError)
        }
        guard kd > 0 && kd <= 1 else {
            throw TensorError("keep_prob must be in the range (0, 1], got \(kd)", kind: .valueError)
        }
        let keep = Float(kd)
        let xs = try FloatArrays.contiguous(x)
        let out = try FloatArrays.zeros(xs.shape), mask = try FloatArrays.zeros(xs.shape)
        var rng = generator(for: id)
        FloatArrays.withPointers(xs, out, mask) { xp, op, mp in
            for i in 0..<xs.size {
                let m: Float = keep >= 1 ? 1 : (Float(rng.unit()) < keep ? 1 : 0)
                mp[i] = m
                op[i] = m == 0 ? 0 : (keep >= 1 ? xp[i] : xp[i] / keep)
            }
        }
        return [x.dtype == .float32 ? out : try out.astype(x.dtype), mask]
    }
}

extension Graph {
    /// `v.assign(value)` / `tf.assign(v, value)`: an op named `Assign` whose output is the
    /// variable's new value (TF1's `float32_ref` tensor). The value must have the variable's shape.
    public func assign(_ v: GraphTensor, _ value: GraphOperand, update: AssignUpdate = .set, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard v.graph === self, v.isVariable else {
            throw TensorError("'\(v.name)' is not a tf.Variable: only variables can be assigned", kind: .typeError)
        }
        let n = uniqueName(name, update.opType)
        let t: GraphTensor
        switch value {
        case .tensor(let x):
            guard x.graph === self else { throw TensorError("the value must be from the same graph as the variable", kind: .valueError) }
            t = x
        case .value(let a):
            let nm = n + "/value"
            naming.reserve(nm)
            let c = try a.astype(v.dtype)
            t = tensor(append(nm, type: "Const", .constant(c), inputs: [], outputs: [(.known(c.shape), c.dtype)]))
        }
        if let a = v.shape.dims, let b = t.shape.dims {
            guard a.count == b.count else {
                throw TensorError("Shapes must be equal rank, but are \(a.count) and \(b.count) for '\(n)' (op: '\(update.opType)') with input shapes: \(v.shape.bracketText), \(t.shape.bracketText).", kind: .valueError)
            }
            for (i, (p, q)) in zip(a, b).enumerated() {
                if let p, let q, p != q {
                    throw TensorError("Dimension \(i) in both shapes must be equal, but are \(p) and \(q). Shapes are \(v.shape.bracketText) and \(t.shape.bracketText). for '\(n)' (op: '\(update.opType)') with input shapes: \(v.shape.bracketText), \(t.shape.bracketText).", kind: .valueError)
                }
            }
        }
        return tensor(append(n, type: update.opType, .assign(update), inputs: [v, t], outputs: [(v.shape, v.dtype)]))
    }
}
