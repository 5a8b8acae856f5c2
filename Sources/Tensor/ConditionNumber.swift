/// `np.linalg.cond(x, p=None)` as numpy's Python code computes it: p None, 2 or -2 from the
/// singular values (`s[..., 0] / s[..., -1]`, in s's dtype, 1/0 giving inf as under numpy's
/// errstate(all='ignore')); any other p is `norm(x, p) * norm(inv(x), p)` over the last two axes,
/// where a singular matrix's inverse is numpy's all-NaN matrix. A NaN result becomes inf unless
/// that matrix itself holds a NaN.
extension NDArray {
    public func conditionNumber(ord: Double?, matrixOrd: String?) throws(TensorError) -> NDArray {
        if size == 0 && shape.suffix(2).reduce(1, *) == 0 {
            throw TensorError("cond is not defined on empty arrays", kind: .linAlgError)
        }
        var r: NDArray
        if matrixOrd == nil && (ord == nil || ord == 2 || ord == -2) {
            let resultType = try NDArray.linalgResultType([self])
            let s = try svd(full: false, computeUV: false).s
            let k = s.shape[s.ndim - 1]
            let first = try s.subscripted([.ellipsis, .index(0)]), last = try s.subscripted([.ellipsis, .index(k - 1)])
            let (num, den) = ord == -2 ? (last, first) : (first, last)
            r = try NDArray.binary(.divide, .array(try num.astype(resultType)), .array(try den.astype(resultType)))
        } else {
            if ndim < 2 { throw TensorError("\(ndim)-dimensional array given. Array must be at least two-dimensional", kind: .linAlgError) }
            let resultType = try NDArray.linalgResultType([self])
            let inv = try inverse(nanOnSingular: true)
            let product = try NDArray.binary(.multiply, .array(try norm(ord: ord, matrixOrd: matrixOrd, axis: [-2, -1])),
                                             .array(try inv.norm(ord: ord, matrixOrd: matrixOrd, axis: [-2, -1])))
            r = try product.astype(resultType)
        }
        // NaN -> inf where the matrix had no NaN of its own.
        let values = try r.doubleValues()
        guard values.contains(where: { $0.isNaN }) else { return r }
        let entries = try doubleValues()
        let per = values.isEmpty ? 0 : entries.count / values.count
        var fixed = values
        for i in fixed.indices where fixed[i].isNaN && !entries[(i * per)..<((i + 1) * per)].contains(where: { $0.isNaN }) {
            fixed[i] = .infinity
        }
        return try NDArray.fromDoubles(fixed, shape: r.shape, dtype: r.dtype)
    }
}
