import Tensor

/// `tf.nn.top_k(x, k, sorted=True)` (`TopKV2`): the k largest values along the last axis and
/// their int32 positions, largest first, an equal value at the lower position first (TF's
/// kernel order, which `sorted=False` keeps too). The gradient goes back to the positions the
/// values came from; the indices have none.
extension Graph {
    public func topK(_ x: GraphTensor, k: Int, name: String? = nil) throws(TensorError) -> (GraphTensor, GraphTensor) {
        try sameGraph([x])
        let n = uniqueName(name, "TopKV2")
        guard k >= 0 else {
            throw TensorError("Need k >= 0, got \(k) for '\(n)' (op: 'TopKV2') with input shapes: \(x.shape.bracketText), [] and with computed input tensors: input[1] = <\(k)>.", kind: .valueError)
        }
        var shape = StaticShape.unknown
        if var d = x.shape.dims {
            guard let last = d.last else {
                throw TensorError("Shape must be at least rank 1 but is rank 0 for '\(n)' (op: 'TopKV2') with input shapes: [], [].", kind: .valueError)
            }
            if let m = last, m < k {
                throw TensorError("input must have last dimension >= k = \(k) but is \(m) for '\(n)' (op: 'TopKV2') with input shapes: \(x.shape.bracketText), [] and with computed input tensors: input[1] = <\(k)>.", kind: .valueError)
            }
            d[d.count - 1] = k
            shape = StaticShape(d)
        }
        naming.reserve(n + "/k")
        let id = kernelOp(n, type: "TopKV2", TopKKernel(k: k), inputs: [x], outputs: [(shape, x.dtype), (shape, .int32)])
        return (tensor(id, 0), tensor(id, 1))
    }
}

struct TopKKernel: GraphKernel {
    let k: Int
    /// Each row's k best positions, in TF's order.
    func positions(_ x: NDArray) throws(TensorError) -> (rows: Int, width: Int, picks: [Int]) {
        guard let width = x.shape.last else { throw TensorError("input must be at least 1-D", kind: .valueError) }
        guard width >= k else { throw TensorError("input must have at least k columns. Had \(width), needed \(k)", kind: .valueError) }
        let values = try x.doubleValues()
        let rows = width == 0 ? 0 : values.count / width
        var picks: [Int] = []
        picks.reserveCapacity(rows * k)
        for r in 0..<rows {
            let row = values[(r * width)..<((r + 1) * width)]
            // NaN sorts above every number, as TF's comparison puts it.
            let order = row.indices.sorted { i, j in
                let a = row[i], b = row[j]
                if a.isNaN != b.isNaN { return a.isNaN }
                return a > b || (a == b && i < j) || (a.isNaN && b.isNaN && i < j)
            }
            picks += order.prefix(k).map { $0 - r * width }
        }
        return (rows, width, picks)
    }
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        let (_, width, picks) = try positions(x[0])
        var shape = x[0].shape
        shape[shape.count - 1] = k
        if x[0].size == 0 || k == 0 { return [try NDArray.zeros(shape, dtype: x[0].dtype), try NDArray.zeros(shape, dtype: .int32)] }
        let flat = try x[0].reshape([-1, width])
        let rows = flat.shape[0]
        var gathered: [Int64] = []
        for r in 0..<rows { for j in 0..<k { gathered.append(Int64(r * width + picks[r * k + j])) } }
        let values = try flat.reshape([-1]).take(try NDArray.fromInt64s(gathered, shape: [gathered.count]), axis: 0).reshape(shape)
        let indices = try NDArray.fromInt64s(picks.map { Int64($0) }, shape: shape, dtype: .int32)
        return [values, indices]
    }
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil] }
        let (rows, width, picks) = try positions(x[0])
        let g = try FloatArrays.zeros(x[0].shape)
        let src = try FloatArrays.contiguous(d)
        FloatArrays.withPointers(g, src) { gp, dp in
            for r in 0..<rows { for j in 0..<k { gp[r * width + picks[r * k + j]] += dp[r * k + j] } }
        }
        return [g]
    }
}
