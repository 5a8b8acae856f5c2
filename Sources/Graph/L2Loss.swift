import Tensor

/// `tf.nn.l2_loss(t)`, the weight penalty of TF1's regularized examples (`beta *
/// tf.nn.l2_loss(W)`): TF's `L2Loss` op, a scalar of t's dtype, `sum(t²) / 2`. Each term is
/// `t·t·0.5` rounded in t's dtype as TF's kernel computes it; the terms are added in double
/// (TF's Eigen reduction adds float32 in its own order, within a few ulps of this). The
/// gradient is TF's `_L2LossGrad`, `t · grad`.
extension Graph {
    public func l2Loss(_ x: GraphTensor, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        guard x.dtype == .float32 || x.dtype == .float64 else {
            throw TensorError("Value passed to parameter 't' has DataType \(x.dtype.name) not in list of allowed values: float16, bfloat16, float32, float64", kind: .typeError)
        }
        let n = uniqueName(name, "L2Loss")
        return tensor(append(n, type: "L2Loss", .l2Loss, inputs: [x], outputs: [(.known([]), x.dtype)]))
    }
}

enum L2LossKernels {
    static func forward(_ x: NDArray) throws(TensorError) -> NDArray {
        var sum = 0.0
        if x.dtype == .float64 {
            for v in try x.doubleValues() { sum += v * v * 0.5 }
            return NDArray(scalar: sum)
        }
        let f = try FloatArrays.contiguous(x)
        FloatArrays.withPointer(f) { p in
            for i in 0..<f.size { let v = p[i]; sum += Double(v * v * 0.5) }
        }
        return NDArray(scalar: Float(sum))
    }
}
