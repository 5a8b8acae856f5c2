import Tensor

/// `tf.nn.embedding_lookup(params, ids)`: the rows of `params` that `ids` name, in ids' shape
/// (char-rnn and PTB: ids `(batch, steps)` int32 → `(batch, steps, dim)`). TF1 built it as a
/// `GatherV2` named `embedding_lookup` (its axis constant `embedding_lookup/axis`) followed by
/// `embedding_lookup/Identity`, which is the tensor the program holds; so it is one op here,
/// named as that Identity. An id outside `[0, rows)` is TF's run-time error, which names the
/// id by its position in `ids` (`indices[0,4] = 12 is not in [0, 10)`).
///
/// The gradient is dense: zeros of params' shape with each looked-up row's gradient added back
/// (an id used twice gets both). TF passes an IndexedSlices instead, but every optimizer here
/// (GradientDescent, TF1's non-lazy Adam, whose sparse update also decays every row's m and v)
/// applies both alike.
extension Graph {
    public func embeddingLookup(_ params: GraphTensor, _ ids: GraphOperand, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([params])
        let n = uniqueName(name, "embedding_lookup")
        let idTensor = try operandTensor(ids, scope: n, part: "ids")
        guard idTensor.dtype == .int32 || idTensor.dtype == .int64 else {
            throw TensorError("Value passed to parameter 'indices' has DataType \(idTensor.dtype.name) not in list of allowed values: int16, int32, int64", kind: .typeError)
        }
        var shape = StaticShape.unknown
        if let p = params.shape.dims {
            guard !p.isEmpty else {
                throw TensorError("Shape must be at least rank 1 but is rank 0 for '\(n)' (op: 'GatherV2') with input shapes: [], \(idTensor.shape.bracketText), [].", kind: .valueError)
            }
            if let i = idTensor.shape.dims { shape = StaticShape(i + Array(p.dropFirst())) }
        }
        naming.reserve(n + "/axis")
        let out = n + "/Identity"
        naming.reserve(out)
        return tensor(kernelOp(out, type: "Identity", EmbeddingLookupKernel(), inputs: [params, idTensor], outputs: [(shape, params.dtype)]))
    }
}

struct EmbeddingLookupKernel: GraphKernel {
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        let params = x[0]
        guard params.ndim >= 1 else { throw TensorError("params must be at least 1 dimensional", kind: .valueError) }
        let rows = params.shape[0]
        let ids = try x[1].int64Values()
        for (k, i) in ids.enumerated() where i < 0 || i >= Int64(rows) {
            throw TensorError("indices[\(KernelMath.index(k, in: x[1].shape))] = \(i) is not in [0, \(rows))", kind: .valueError)
        }
        _ = try Limits.checkAllocation(x[1].shape + Array(params.shape.dropFirst()), params.dtype)
        return [try params.take(x[1], axis: 0)]
    }

    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard wanted[0], let d = dy[0] else { return [nil, nil] }
        let params = x[0]
        let ids = try x[1].int64Values()
        let rows = params.shape[0], width = rows == 0 ? 0 : params.size / rows
        let g = try FloatArrays.zeros(params.shape)
        let src = try FloatArrays.contiguous(d)
        guard src.size == ids.count * width else {
            throw TensorError("internal: embedding gradient of \(src.size) values for \(ids.count) ids of \(width)", kind: .runtimeError)
        }
        FloatArrays.withPointers(g, src) { gp, dp in
            for (k, i) in ids.enumerated() where i >= 0 && i < Int64(rows) {
                let to = gp + Int(i) * width, from = dp + k * width
                for j in 0..<width { to[j] += from[j] }
            }
        }
        return [g, nil]
    }
}
