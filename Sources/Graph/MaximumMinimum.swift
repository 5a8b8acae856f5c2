import Tensor

/// `tf.maximum(x, y)` and `tf.minimum(x, y)` (the `BinaryKind` cases `Graph.binary` builds:
/// broadcasting, a number on either side a constant of the tensor's dtype, ops named
/// `Maximum`/`Minimum`), and `tf.clip_by_value` with tensor bounds, which TF builds from them:
/// `Minimum(t, hi)` named `clip_by_value/Minimum`, then `Maximum(that, lo)` named by the scope
/// itself (`clip_by_value:0`). The gradient is TF's `_MaximumMinimumGrad`: the incoming
/// gradient goes to x where `x >= y` (Minimum: `x <= y`) and to y elsewhere, so a tie trains x
/// only and a clipped value trains its bound; each side is summed back over the axes it was
/// broadcast along.
extension Graph {
    public func clip(_ x: GraphTensor, min lo: GraphOperand, max hi: GraphOperand, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        let scope = uniqueName(name, "clip_by_value")
        return try absolute { () throws(TensorError) -> GraphTensor in
        let upper = try binary(.minimum, .tensor(x), hi, name: scope + "/Minimum")
        // TF refuses bounds that would broadcast the values to a larger shape.
        try Graph.compatible(x.shape, upper.shape)
        let out = try binary(.maximum, .tensor(upper), lo, uniqueName: scope)
        try Graph.compatible(x.shape, out.shape)
        return out
        }
    }

    /// TF's `TensorShape.assert_is_compatible_with`.
    static func compatible(_ a: StaticShape, _ b: StaticShape) throws(TensorError) {
        guard let p = a.dims, let q = b.dims else { return }
        let fits = p.count == q.count && zip(p, q).allSatisfy { u, v in u == nil || v == nil || u == v }
        guard fits else { throw TensorError("Shapes \(a) and \(b) are incompatible", kind: .valueError) }
    }
}

enum MaximumMinimumKernels {
    /// The gradients of `Maximum(x, y)` (`isMax`) or `Minimum(x, y)` from `d`, the gradient of
    /// their broadcast result; nil for an input not wanted.
    static func gradient(_ isMax: Bool, _ x: NDArray, _ y: NDArray, _ d: NDArray, wanted: [Bool]) throws(TensorError) -> [NDArray?] {
        let mask = try NDArray.binary(isMax ? .greaterEqual : .lessEqual, .array(x), .array(y))
        let m = try mask.astype(.float32)
        // A selection, not a product: d · 0 would turn an infinite gradient into NaN.
        let dx = wanted[0] ? try ElementwiseKernels.zipMap(m, d) { k, g in k != 0 ? g : 0 } : nil
        let dy = wanted.count > 1 && wanted[1] ? try ElementwiseKernels.zipMap(m, d) { k, g in k != 0 ? 0 : g } : nil
        return [try dx.map { (v) throws(TensorError) -> NDArray in try Gradients.unbroadcast(v, to: x.shape) },
                try dy.map { (v) throws(TensorError) -> NDArray in try Gradients.unbroadcast(v, to: y.shape) }]
    }
}
