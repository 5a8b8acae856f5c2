import Tensor

/// Ops that pass a tensor on or fill its shape: `tf.zeros_like`/`tf.ones_like` (a fill of the
/// input's run-time shape; TF registers no gradient through them), `tf.identity` (the value,
/// the gradient passed straight back) and `tf.placeholder_with_default(input, shape)` (the
/// input's value unless the tensor is fed, as any fed tensor here is not computed; its static
/// shape is the given one, checked against the input's).
extension Graph {
    public func fillLike(_ x: GraphTensor, value: Double, dtype: DType? = nil, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x])
        let n = uniqueName(name, value == 0 ? "zeros_like" : "ones_like")
        let d = dtype ?? x.dtype
        return tensor(kernelOp(n, type: value == 0 ? "ZerosLike" : "OnesLike", FillLikeKernel(value: value, dtype: d),
                               inputs: [x], outputs: [(x.shape, d)]))
    }

    public func identity(_ x: GraphTensor, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x])
        let n = uniqueName(name, "Identity")
        return tensor(kernelOp(n, type: "Identity", IdentityKernel(), inputs: [x], outputs: [(x.shape, x.dtype)]))
    }

    public func placeholderWithDefault(_ input: GraphOperand, shape: StaticShape, name: String? = nil) throws(TensorError) -> GraphTensor {
        let n = uniqueName(name, "PlaceholderWithDefault")
        let x = try operandTensor(input, scope: n, part: "input")
        _ = try ShapeInference.merge(x.shape, shape, suffix: " for '\(n)' (op: 'PlaceholderWithDefault') with input shapes: \(x.shape.bracketText).")
        return tensor(kernelOp(n, type: "PlaceholderWithDefault", IdentityKernel(), inputs: [x], outputs: [(shape, x.dtype)]))
    }
}

struct FillLikeKernel: GraphKernel {
    let value: Double
    let dtype: DType
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        _ = try Limits.checkAllocation(x[0].shape, dtype)
        return [try NDArray.full(x[0].shape, value == 0 ? .int(0) : .int(1), dtype: dtype)]
    }
}

struct IdentityKernel: GraphKernel {
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] { [x[0]] }
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        [dy[0]]
    }
}
