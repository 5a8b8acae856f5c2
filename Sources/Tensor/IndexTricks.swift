/// numpy's index tricks that build arrays from subscripts (`numpy/lib/_index_tricks_impl.py`):
/// `np.r_`/`np.c_` (`AxisConcatenator`) and `np.mgrid`/`np.ogrid` (`nd_grid`), step by step
/// as numpy's `__getitem__` does them.
///
/// - r_/c_: a slice is `arange(start, stop, step)`; a scalar is kept aside for weak promotion;
///   an array is raised to `ndmin` dimensions with its own axes placed at `trans1d`; then every
///   piece is cast to `result_type(pieces…, scalars…)` (NEP 50) and they are concatenated along
///   `axis`. c_ is `axis=-1, ndmin=2, trans1d=0`; r_ is `axis=0, ndmin=1, trans1d=-1`.
/// - mgrid: `indices(sizes) * step + start` per axis, sizes `ceil((stop - start) / step)`;
///   ogrid: the same axes as broadcastable `arange`s.
public enum ConcatPiece: Sendable {
    case scalar(Operand)
    case array(NDArray)
    case range(start: Int, stop: Int, step: Int)
}

extension NDArray {
    /// `np.r_[...]` / `np.c_[...]` with the concatenator's settings.
    public static func axisConcatenate(_ pieces: [ConcatPiece], axis: Int, ndmin: Int, trans1d: Int) throws(TensorError) -> NDArray {
        var objs: [NDArray] = []
        var strong: [DType] = []
        var weak: [Operand] = []
        for p in pieces {
            switch p {
            case .range(let start, let stop, let step):
                var a = try arange(start: .int(Int64(start)), stop: .int(Int64(stop)), step: .int(Int64(step)))
                if ndmin > 1 {
                    a = try a.raised(to: ndmin)
                    if trans1d != -1 { a = try a.swapaxes(-1, trans1d) }
                }
                objs.append(a); strong.append(a.dtype)
            case .scalar(let s):
                objs.append(s.asArray); weak.append(s)
            case .array(let x):
                var a = try x.raised(to: ndmin)
                if trans1d != -1 && x.ndim < ndmin {
                    let k2 = ndmin - x.ndim
                    var k1 = trans1d
                    if k1 < 0 { k1 += k2 + 1 }
                    guard k1 >= 0 && k1 <= ndmin else { throw TensorError("axes don't match array", kind: .valueError) }
                    let d = Array(0..<ndmin)
                    let lo = Swift.min(k1, k2), hi = Swift.max(k1, k2)
                    let axes = Array(d[..<k1]) + Array(d[k2...]) + (k1 < k2 ? Array(d[lo..<hi]) : [])
                    a = try a.transpose(axes)
                }
                objs.append(a); strong.append(a.dtype)
            }
        }
        guard !objs.isEmpty else { throw TensorError("need at least one array to concatenate", kind: .valueError) }
        let final = try resultType(strong: strong, weak: weak)
        var cast: [NDArray] = []
        for o in objs {
            let c = o.dtype == final ? o : try o.astype(final)
            cast.append(try c.raised(to: ndmin))
        }
        return try concatenate(cast, axis: axis)
    }

    /// numpy's `result_type(*dtypes, *python_scalars)`: the dtypes promote; a Python scalar
    /// only raises the kind (NEP 50); Python scalars alone give their kind's default dtype.
    static func resultType(strong: [DType], weak: [Operand]) throws(TensorError) -> DType {
        if var r = DType.resultType(strong) {
            for w in weak { r = Operand.resultType(.array(try NDArray(zeros: [], dtype: r)), w) }
            return r
        }
        var acc = weak.first?.defaultDType ?? .float64
        for w in weak.dropFirst() { acc = DType.promote(acc, w.defaultDType) }
        return acc
    }

    /// `np.array(a, ndmin=n)`: leading length-1 axes added up to `n` dimensions.
    func raised(to n: Int) throws(TensorError) -> NDArray {
        ndim >= n ? self : try reshape([Int](repeating: 1, count: n - ndim) + shape)
    }

    /// `np.mgrid[...]` (`sparse: false`, one array with a leading axis per range) and
    /// `np.ogrid[...]` (`sparse: true`, one broadcastable array per range), for integer ranges.
    public static func grid(_ ranges: [(start: Int, stop: Int, step: Int)], sparse: Bool) throws(TensorError) -> [NDArray] {
        var sizes: [Int] = []
        for r in ranges {
            if r.step == 0 { throw TensorError("division by zero", kind: .zeroDivisionError) }
            // ceil((stop - start) / step) in Python's float division; negative sizes are 0 for arange.
            let q = (Double(r.stop) - Double(r.start)) / Double(r.step)
            sizes.append(Swift.max(0, Int(q.rounded(.up))))
        }
        if sparse {
            var out: [NDArray] = []
            for (k, r) in ranges.enumerated() {
                var shape = [Int](repeating: 1, count: ranges.count)
                shape[k] = sizes[k]
                let a = try arange(.int(Int64(sizes[k])))
                let v = try binary(.add, .array(try binary(.multiply, .array(a), .int(Int64(r.step)))), .int(Int64(r.start)))
                out.append(try v.reshape(shape))
            }
            return out
        }
        let nn = try indices(sizes)
        var steps = [Int64](), starts = [Int64]()
        for r in ranges { steps.append(Int64(r.step)); starts.append(Int64(r.start)) }
        let col = [ranges.count] + [Int](repeating: 1, count: ranges.count)
        let s = try fromInt64s(steps, shape: col), b = try fromInt64s(starts, shape: col)
        return [try binary(.add, .array(try binary(.multiply, .array(nn), .array(s))), .array(b))]
    }
}
