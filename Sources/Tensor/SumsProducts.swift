/// numpy's products and running totals: `prod`, `cumsum`, `cumprod`, `diff`.
///
/// Products and running totals are sequential in index order along the axis (numpy's
/// `multiply.reduce` and `add/multiply.accumulate` are not pairwise), so float results match
/// numpy's bit for bit. Integer and bool inputs accumulate in int64, wrapping as numpy's do.
extension NDArray {
    /// The dtype numpy's sum/prod/cumsum give: floats keep theirs, the rest int64.
    /// Unsigned integers accumulate in uint64.
    var accumulationType: DType {
        if dtype.isFloat { return dtype }
        if dtype.isUnsignedInteger { return .uint64 }
        return .int64
    }

    /// The array with the `axes` moved last, as rows of `inner` elements: `(rows, inner, keptShape)`.
    func rowsOver(_ axes: [Int]?) throws(TensorError) -> (values: NDArray, inner: Int, kept: [Int], reduced: [Bool]) {
        let ax = try axes.map { (a) throws(TensorError) -> [Int] in try NDArray.normalizeAxes(a, ndim: ndim, duplicateMessage: "duplicate value in 'axis'") } ?? Array(0..<ndim)
        var reduced = [Bool](repeating: false, count: ndim)
        for a in ax { reduced[a] = true }
        let keptAxes = (0..<ndim).filter { !reduced[$0] }, redAxes = (0..<ndim).filter { reduced[$0] }
        let moved = try transpose(keptAxes + redAxes).copy()
        let inner = redAxes.reduce(1) { $0 * shape[$1] }
        return (moved, inner, keptAxes.map { shape[$0] }, reduced)
    }

    /// `np.prod(a, axis, keepdims)`; `start` (a 0-d array, numpy's `initial=`) replaces the
    /// identity 1 as the first factor.
    public func product(axis: [Int]?, keepdims: Bool, start: NDArray? = nil) throws(TensorError) -> NDArray {
        let (moved, inner, kept, reduced) = try rowsOver(axis)
        let outShape = keepdims ? (0..<ndim).map { reduced[$0] ? 1 : shape[$0] } : kept
        let rows = kept.reduce(1, *)
        let t = accumulationType
        if t == .float64 || t.isFloat {
            if t == .float64 {
                let v = try moved.doubleValues()
                let s0 = try start?.doubleValues().first ?? 1
                let out: [Double] = (0..<rows).map { r in var p = s0; for k in 0..<inner { p *= v[r * inner + k] }; return p }
                return try NDArray.fromDoubles(out, shape: outShape)
            }
            let v = try moved.floatValues()
            // float16 multiplies in float32 and rounds to half after every step, as numpy's half loop.
            let round: (Float) -> Float = t == .float16 ? { Float(Float16($0)) } : { $0 }
            let s0 = try start?.astype(t).floatValues().first ?? 1
            let out: [Float] = (0..<rows).map { r in var p: Float = s0; for k in 0..<inner { p = round(p * v[r * inner + k]) }; return p }
            return try NDArray.fromFloats(out, shape: outShape, dtype: t)
        }
        let v = try moved.int64Values()
        let s0 = try start?.astype(t).int64Values().first ?? 1
        let out: [Int64] = (0..<rows).map { r in var p: Int64 = s0; for k in 0..<inner { p = p &* v[r * inner + k] }; return p }
        // The wrapping int64 product has the bits of the uint64 one.
        return try NDArray.fromInt64s(out, shape: outShape, dtype: t)
    }

    /// `np.cumsum(a, axis=None)` / `np.cumprod`: `axis: nil` runs over the flattened array.
    public func accumulate(product: Bool, axis: Int?) throws(TensorError) -> NDArray {
        let src = axis == nil ? try reshape([-1]) : self
        if ndim == 0 && axis != nil { throw TensorError("axis \(axis ?? 0) is out of bounds for array of dimension 0", kind: .axisError) }
        let ax = try NDArray.normalizeAxis(axis ?? 0, ndim: src.ndim)
        var perm = Array(0..<src.ndim); perm.remove(at: ax); perm.append(ax)
        let moved = try src.transpose(perm).copy()
        let n = src.shape[ax]
        var inverse = [Int](repeating: 0, count: perm.count)
        for (i, p) in perm.enumerated() { inverse[p] = i }
        let t = accumulationType
        let result: NDArray
        if t == .float64 {
            var v = try moved.doubleValues()
            if n > 0 { for r in 0..<(v.count / n) { for k in 1..<Swift.max(n, 1) { let i = r * n + k; v[i] = product ? v[i - 1] * v[i] : v[i - 1] + v[i] } } }
            result = try NDArray.fromDoubles(v, shape: moved.shape)
        } else if t.isFloat {
            var v = try moved.floatValues()
            let round: (Float) -> Float = t == .float16 ? { Float(Float16($0)) } : { $0 }
            if n > 0 { for r in 0..<(v.count / n) { for k in 1..<Swift.max(n, 1) { let i = r * n + k; v[i] = round(product ? v[i - 1] * v[i] : v[i - 1] + v[i]) } } }
            result = try NDArray.fromFloats(v, shape: moved.shape, dtype: t)
        } else {
            var v = try moved.int64Values()
            if n > 0 { for r in 0..<(v.count / n) { for k in 1..<Swift.max(n, 1) { let i = r * n + k; v[i] = product ? v[i - 1] &* v[i] : v[i - 1] &+ v[i] } } }
            result = try NDArray.fromInt64s(v, shape: moved.shape, dtype: t)
        }
        return try result.transpose(inverse).copy()
    }

    /// `np.diff(a, n=1, axis=-1)`: `a[1:] - a[:-1]` along the axis, n times (bools: `!=`).
    public func difference(n: Int = 1, axis: Int = -1) throws(TensorError) -> NDArray {
        if n < 0 { throw TensorError("order must be non-negative but got \(n)", kind: .valueError) }
        if n == 0 { return self }
        if ndim == 0 { throw TensorError("diff requires input that is at least one dimensional", kind: .valueError) }
        let ax = try NDArray.normalizeAxis(axis, ndim: ndim)
        var a = self
        for _ in 0..<n {
            let len = a.shape[ax]
            // An empty axis stays empty, with the same dtype, however many more times it is
            // differenced: stop here, so `np.diff(x, 2**63 - 1)` answers (numpy loops n times).
            if len == 0 { break }
            var hi = [IndexItem](repeating: .all, count: a.ndim), lo = hi
            hi[ax] = .slice(start: 1, stop: nil, step: nil)
            lo[ax] = .slice(start: nil, stop: Swift.max(len - 1, 0), step: nil)
            let x = try a.subscripted(hi), y = try a.subscripted(lo)
            a = try NDArray.binary(a.dtype == .bool ? .notEqual : .subtract, .array(x), .array(y))
        }
        return a
    }
}
