import Tensor

/// The int32 ops a TF1 program computes indices with: `tf.shape(x)` (the shape a tensor has
/// when the session runs, which a `?` dimension only then knows) and `tf.range(start, limit,
/// delta)`. aymericdamien's dynamic_rnn.py picks each row's last valid output with
/// `tf.range(0, tf.shape(outputs)[0]) * seq_max_len + (seqlen - 1)`. Neither has a gradient.
extension Graph {
    /// `tf.shape(x)`: an int32 vector of x's rank (unknown length for an unknown rank).
    public func shape(of x: GraphTensor, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        let n = uniqueName(name, "Shape")
        return tensor(append(n, type: "Shape", .shape, inputs: [x], outputs: [(StaticShape([x.shape.rank]), .int32)]))
    }

    /// `tf.range(start, limit, delta)`, each a scalar tensor or a Python number (a constant
    /// `range/start`, `range/limit`, `range/delta` in the op's scope, as TF converted it). The
    /// dtype is int32 unless a number or tensor is a float (float32). Constant bounds give a
    /// known length and TF's build-time errors.
    public func range(start: GraphOperand, limit: GraphOperand, delta: GraphOperand, name: String? = nil) throws(TensorError) -> GraphTensor {
        let n = uniqueName(name, "range")
        func isFloat(_ o: GraphOperand) -> Bool {
            switch o {
            case .tensor(let t): return t.dtype == .float32 || t.dtype == .float64
            case .value(let v): return v.dtype.isFloat
            }
        }
        // A tensor bound sets the dtype (the numbers are converted to it); numbers alone give
        // int32, or float32 when one is a float.
        var dtype: DType = [start, limit, delta].contains(where: isFloat) ? .float32 : .int32
        for o in [start, limit, delta] { if case .tensor(let t) = o { dtype = t.dtype; break } }
        var inputs: [GraphTensor] = [], known: [Double?] = []
        for (o, part) in [(start, "start"), (limit, "limit"), (delta, "delta")] {
            switch o {
            case .tensor(let t):
                guard t.graph === self else { throw TensorError("Tensor \(t.name) must be from the same graph as the other tensors", kind: .valueError) }
                if let r = t.shape.rank, r != 0 {
                    throw TensorError("Shape must be rank 0 but is rank \(r) for '\(n)' (op: 'Range') (\(part))", kind: .valueError)
                }
                guard t.dtype == dtype else {
                    throw TensorError("Input '\(part)' of 'Range' Op has type \(t.dtype.name) that does not match type \(dtype.name).", kind: .typeError)
                }
                inputs.append(t)
                known.append(nil)
            case .value(let v):
                let c = try v.astype(dtype)
                let nm = n + "/" + part
                naming.reserve(nm)
                inputs.append(tensor(append(nm, type: "Const", .constant(c), inputs: [], outputs: [(.known(c.shape), dtype)])))
                known.append(try v.doubleValues().first)
            }
        }
        var length: Int? = nil
        if let s = known[0], let l = known[1], let d = known[2] {
            length = try Self.rangeLength(s, l, d, node: n, dtype: dtype)
        }
        return tensor(append(n, type: "Range", .range, inputs: inputs, outputs: [(StaticShape([length]), dtype)]))
    }

    /// The number of values, with TF's errors (its shape function's text at build time).
    static func rangeLength(_ s: Double, _ l: Double, _ d: Double, node: String? = nil, dtype: DType = .int32) throws(TensorError) -> Int {
        let context: String
        if let node {
            let show = { (v: Double) -> String in fmt(v, dtype) }
            context = " for '\(node)' (op: 'Range') with input shapes: [], [], [] and with computed input tensors: input[0] = <\(show(s))>, input[1] = <\(show(l))>, input[2] = <\(show(d))>."
        } else {
            context = ""
        }
        guard d != 0 else { throw TensorError("Requires delta != 0" + context, kind: .valueError) }
        if d > 0, s > l { throw TensorError("Requires start <= limit when delta > 0: \(fmt(s, dtype))/\(fmt(l, dtype))" + context, kind: .valueError) }
        if d < 0, s < l { throw TensorError("Requires start >= limit when delta < 0: \(fmt(s, dtype))/\(fmt(l, dtype))" + context, kind: .valueError) }
        let count = dtype.isInteger ? ((abs(l - s) + abs(d) - 1) / abs(d)).rounded(.down) : (abs(l - s) / abs(d)).rounded(.up)
        guard count.isFinite, count < Double(Int32.max) else { throw TensorError("Requires ((limit - start) / delta) <= 2147483647", kind: .valueError) }
        return Int(count.rounded(.down))
    }

    private static func fmt(_ v: Double, _ dtype: DType) -> String { dtype.isInteger ? String(Int(v)) : String(Float(v)) }
}

enum IndexArithmeticKernels {
    static func shape(_ x: NDArray) -> NDArray { NDArray(x.shape.map { Int32(truncatingIfNeeded: $0) }) }

    /// Value i is `start + i·delta` in the range's dtype, as TF 2's kernel computes it (float32:
    /// `tf.range(0., 1., 0.1)` ends in 0.90000004, the float32 product 9·0.1).
    static func range(_ start: NDArray, _ limit: NDArray, _ delta: NDArray, dtype: DType) throws(TensorError) -> NDArray {
        guard start.size == 1, limit.size == 1, delta.size == 1,
              let s = try start.doubleValues().first, let l = try limit.doubleValues().first, let d = try delta.doubleValues().first else {
            throw TensorError("start, limit and delta must be scalars", kind: .valueError)
        }
        let n = try Graph.rangeLength(s, l, d, dtype: dtype)
        _ = try Limits.checkAllocation([n], dtype)
        if dtype.isInteger {
            let a = Int64(s), step = Int64(d)
            var out: [Int64] = []
            out.reserveCapacity(n)
            for i in 0..<n { out.append(a &+ Int64(i) &* step) }
            return try NDArray(out).astype(dtype)
        }
        let a = Float(s), step = Float(d)
        var out: [Float] = []
        out.reserveCapacity(n)
        for i in 0..<n { out.append(a + Float(i) * step) }
        return try NDArray(out).astype(dtype)
    }
}
