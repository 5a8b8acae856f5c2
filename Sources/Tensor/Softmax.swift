/// Softmax, written as the numpy expression learners would write (and scipy uses):
/// `e = np.exp(x - x.max(axis, keepdims=True)); e / e.sum(axis, keepdims=True)`.
/// Subtracting the maximum first keeps `exp` from overflowing (the "stable" softmax) without
/// changing the result mathematically. Every step is the numpy operation of the same name, so
/// dtypes, rounding and summation order are numpy's.
extension NDArray {
    /// Softmax along `axis` (default: the last axis, as in Keras/TF; `nil`: over the whole
    /// array, like `scipy.special.softmax`'s default).
    public func softmax(axis: Int? = -1) throws(TensorError) -> NDArray {
        let axes = axis.map { [$0] }
        let m = try amax(axis: axes, keepdims: true)
        let e = try NDArray.binary(.subtract, .array(self), .array(m)).apply(.exp)
        let s = try e.sum(axis: axes, keepdims: true)
        return try NDArray.binary(.divide, .array(e), .array(s))
    }
}
