import Foundation

/// numpy's statistics: `var`/`std` (with `ddof`), `median`, `percentile`/`quantile` (linear),
/// `average` (with weights), `ptp`. Each follows numpy's own Python implementation step by
/// step, so the float results round exactly as numpy's do (docs/numpy-algorithms.md).
extension NDArray {
    /// The number of elements each output of a reduction over `axes` combines.
    public func reducedCount(_ axes: [Int]?) throws(TensorError) -> Int {
        guard let axes else { return size }
        var n = 1
        for a in try NDArray.normalizeAxes(axes, ndim: ndim, duplicateMessage: "duplicate value in 'axis'") { n *= shape[a] }
        return n
    }

    /// Divides every element by a count the way numpy's `true_divide(x, intp_count)` does:
    /// in float64, cast back to the array's float type.
    func dividedByCount(_ n: Int) throws(TensorError) -> NDArray {
        let d = Double(n)
        if dtype == .float64 { return try NDArray.fromDoubles(try doubleValues().map { $0 / d }, shape: shape) }
        return try NDArray.fromDoubles(try doubleValues().map { $0 / d }, shape: shape, dtype: dtype)
    }

    /// `np.var(a, axis, ddof=0, keepdims)`, numpy's `_var`: mean by the pairwise sum (keepdims),
    /// deviations, their squares, the pairwise sum of those, divided by `max(n - ddof, 0)`.
    /// Integers and bools compute in float64.
    public func variance(axis: [Int]? = nil, ddof: Double = 0, keepdims: Bool = false) throws(TensorError) -> NDArray {
        let arr = dtype.isFloat ? self : try astype(.float64)
        let n = try reducedCount(axis)
        let mean = try arr.reduce(.sum, axis: axis, keepdims: true).dividedByCount(n)
        let dev = try NDArray.binary(.subtract, .array(arr), .array(mean))
        let sq = try NDArray.binary(.multiply, .array(dev), .array(dev))
        let total = try sq.reduce(.sum, axis: axis, keepdims: keepdims)
        let div = Swift.max(Double(n) - ddof, 0)
        return try NDArray.fromDoubles(try total.doubleValues().map { $0 / div }, shape: total.shape, dtype: total.dtype)
    }

    /// `np.std`: the square root of `variance`, taken in the result's float type.
    public func standardDeviation(axis: [Int]? = nil, ddof: Double = 0, keepdims: Bool = false) throws(TensorError) -> NDArray {
        try variance(axis: axis, ddof: ddof, keepdims: keepdims).apply(.sqrt)
    }

    /// The array with `axis` moved last, C-contiguous, so each output's inputs are one row:
    /// `(rows, n, outShape)`. `axis: nil` is the flattened array (one row).
    func lanes(axis: Int?, keepdims: Bool) throws(TensorError) -> (rows: NDArray, n: Int, outShape: [Int]) {
        guard let axis else {
            return (try reshape([-1]).copy(), size, keepdims ? [Int](repeating: 1, count: ndim) : [])
        }
        let ax = try NDArray.normalizeAxis(axis, ndim: ndim)
        var perm = Array(0..<ndim); perm.remove(at: ax); perm.append(ax)
        var out = shape
        if keepdims { out[ax] = 1 } else { out.remove(at: ax) }
        return (try transpose(perm).copy(), shape[ax], out)
    }

    /// `np.median(a, axis, keepdims)`: numpy partitions and takes the mean of the one or two
    /// middle values (`(lo + hi) / 2` in the float type, so float32 stays float32); a lane
    /// containing NaN gives NaN. Integers give float64.
    public func median(axis: Int? = nil, keepdims: Bool = false) throws(TensorError) -> NDArray {
        let (rows, n, outShape) = try lanes(axis: axis, keepdims: keepdims)
        let count = n == 0 ? (axis == nil ? 1 : rows.size == 0 ? outShape.reduce(1, *) : 0) : rows.size / n
        let ft: DType = dtype.isFloat ? dtype : .float64
        let values = try rows.doubleValues()
        var out: [Double] = []
        out.reserveCapacity(count)
        for r in 0..<count {
            if n == 0 { out.append(.nan); continue }
            var lane = Array(values[(r * n)..<((r + 1) * n)])
            if lane.contains(where: { $0.isNaN }) { out.append(.nan); continue }
            try InterruptibleSort.sort(&lane, by: <)
            if n % 2 == 1 {
                out.append(lane[n / 2])
            } else if ft == .float64 {
                out.append((lane[n / 2 - 1] + lane[n / 2]) / 2)
            } else {
                out.append(Double(Float(Double(Float(lane[n / 2 - 1]) + Float(lane[n / 2])) / 2)))
            }
        }
        return try NDArray.fromDoubles(out, shape: outShape, dtype: ft)
    }

    /// `np.quantile(a, q, axis, keepdims)` with numpy's default 'linear' method; `q` in [0, 1].
    /// `qShape` is q's shape (empty for a scalar q), which leads the result's shape. `weakQ`:
    /// q was a Python number, so the result keeps a float32 input's type.
    public func quantile(_ qs: [Double], qShape: [Int], weakQ: Bool, axis: Int? = nil, keepdims: Bool = false) throws(TensorError) -> NDArray {
        let (rows, n, laneShape) = try lanes(axis: axis, keepdims: keepdims)
        if n == 0 { throw TensorError("Cannot index into an empty array", kind: .indexError) }
        let count = rows.size / n
        let values = try rows.doubleValues()
        let inexact = dtype.isFloat
        let float32 = dtype.isFloat && dtype != .float64
        let resultType: DType = inexact ? (weakQ ? dtype : .float64) : .float64
        var out: [Double] = []
        out.reserveCapacity(qs.count * count)
        for q in qs {
            let virtual = Double(n - 1) * q
            var prev = Foundation.floor(virtual), next = prev + 1
            var pi = Int(prev), ni = Int(next)
            if virtual >= Double(n - 1) { pi = n - 1; ni = n - 1; prev = -1 }
            if virtual < 0 { pi = 0; ni = 0; prev = 0 }
            _ = next
            let gamma = virtual - prev
            for r in 0..<count {
                var lane = Array(values[(r * n)..<((r + 1) * n)])
                if inexact && lane.contains(where: { $0.isNaN }) { out.append(.nan); continue }
                try InterruptibleSort.sort(&lane, by: <)
                let a = lane[pi], b = lane[ni]
                if float32 && weakQ {
                    let fa = Float(a), fb = Float(b), diff = fb - fa
                    let r = gamma >= 0.5 ? fb - diff * Float(1 - gamma) : fa + diff * Float(gamma)
                    out.append(Double(r))
                } else {
                    let diff = float32 ? Double(Float(b) - Float(a)) : b - a
                    out.append(gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma)
                }
            }
        }
        return try NDArray.fromDoubles(out, shape: qShape + laneShape, dtype: resultType)
    }

    /// `np.ptp(a, axis, keepdims)`: max − min in the array's dtype (integers wrap as numpy's).
    public func peakToPeak(axis: [Int]? = nil, keepdims: Bool = false) throws(TensorError) -> NDArray {
        if dtype == .bool {
            throw TensorError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.", kind: .typeError)
        }
        let hi = try reduce(.max, axis: axis, keepdims: keepdims), lo = try reduce(.min, axis: axis, keepdims: keepdims)
        return try NDArray.binary(.subtract, .array(hi), .array(lo))
    }

    /// `np.average(a, axis, weights, keepdims)` with weights: `sum(a * w) / sum(w)` in
    /// `result_type(a, w)` (at least float64 for integer `a`), numpy's shape rules and errors.
    public func average(axis: [Int]?, weights: NDArray, keepdims: Bool = false) throws(TensorError) -> (average: NDArray, weightSum: NDArray) {
        var rt = DType.promote(dtype, weights.dtype)
        if !dtype.isFloat { rt = DType.promote(rt, .float64) }
        var w = weights
        if shape != weights.shape {
            guard let axis else {
                throw TensorError("Axis must be specified when shapes of a and weights differ.", kind: .typeError)
            }
            let axes = try NDArray.normalizeAxes(axis, ndim: ndim)
            guard weights.shape == axes.map({ shape[$0] }) else {
                throw TensorError("Shape of weights must be consistent with shape of a along specified axis.", kind: .valueError)
            }
            let order = axes.indices.sorted { axes[$0] < axes[$1] }
            w = try w.transpose(order)
            w = try w.reshape((0..<ndim).map { axes.contains($0) ? shape[$0] : 1 })
        }
        let wf = try w.astype(rt)
        let scl = try wf.reduce(.sum, axis: axis, keepdims: keepdims)
        if try scl.doubleValues().contains(0) {
            throw TensorError("Weights sum to zero, can't be normalized", kind: .zeroDivisionError)
        }
        let prod = try NDArray.binary(.multiply, .array(try astype(rt)), .array(wf))
        let total = try prod.reduce(.sum, axis: axis, keepdims: keepdims)
        let avg = try NDArray.binary(.divide, .array(total), .array(scl))
        return (avg, try scl.broadcast(to: avg.shape).copy())
    }
}
