/// Searching sorted data and flat positions: `np.searchsorted`, `np.digitize`,
/// `np.unravel_index`, `np.flatnonzero`. Comparisons are numpy's (NaN sorts last).
extension NDArray {
    /// `np.searchsorted(a, v, side)`: for each value the insertion index into the sorted 1-d
    /// `a` that keeps it sorted (`right`: after equal elements). int64, shaped like `v`.
    public static func searchSorted(_ a: NDArray, _ v: NDArray, right: Bool = false) throws(TensorError) -> NDArray {
        if a.ndim != 1 { throw TensorError("object too deep for desired array", kind: .valueError) }
        let haystack = try a.doubleValues()
        let needles = try v.doubleValues()
        // numpy's order: NaN is greater than everything.
        func less(_ x: Double, _ y: Double) -> Bool { x < y || (y.isNaN && !x.isNaN) }
        var out: [Int64] = []
        out.reserveCapacity(needles.count)
        for x in needles {
            var lo = 0, hi = haystack.count
            while lo < hi {
                let mid = (lo + hi) / 2
                let goRight = right ? !less(x, haystack[mid]) : less(haystack[mid], x)
                if goRight { lo = mid + 1 } else { hi = mid }
            }
            out.append(Int64(lo))
        }
        return try fromInt64s(out, shape: v.shape)
    }

    /// `np.digitize(x, bins, right=False)`: the index of the bin each value falls in, for bins
    /// increasing or decreasing (numpy's rule: searchsorted on the side opposite to `right`).
    public static func digitize(_ x: NDArray, _ bins: NDArray, right: Bool = false) throws(TensorError) -> NDArray {
        if bins.ndim != 1 { throw TensorError("object too deep for desired array", kind: .valueError) }
        let b = try bins.doubleValues()
        var increasing = true, decreasing = true
        for i in b.indices.dropFirst() {
            if b[i] < b[i - 1] { increasing = false }
            if b[i] > b[i - 1] { decreasing = false }
        }
        if !increasing && !decreasing { throw TensorError("bins must be monotonically increasing or decreasing", kind: .valueError) }
        if increasing || b.count < 2 { return try searchSorted(bins, x, right: !right) }
        // Decreasing bins: numpy searches the reversed bins and counts from the end.
        let reversed = try bins.flipped(axis: [0])
        let found = try searchSorted(reversed, x, right: right)
        return try NDArray.subtract(.int(Int64(b.count)), .array(found))
    }

    /// `np.unravel_index(indices, shape)`: flat (C-order) positions as one index array per axis.
    public static func unravelIndex(_ indices: NDArray, shape: [Int]) throws(TensorError) -> [NDArray] {
        guard indices.dtype.isInteger else {
            throw TensorError("only int indices permitted", kind: .typeError)
        }
        let flat = try indices.int64Values()
        let total = shape.reduce(1, *)
        var per = [[Int64]](repeating: [], count: shape.count)
        for var f in flat {
            if f < 0 || Int(f) >= total {
                throw TensorError("index \(f) is out of bounds for array with size \(total)", kind: .valueError)
            }
            for axis in stride(from: shape.count - 1, through: 0, by: -1) {
                let n = Int64(shape[axis])
                per[axis].append(f % n)
                f /= n
            }
        }
        return try per.map { (column) throws(TensorError) -> NDArray in try fromInt64s(column, shape: indices.shape) }
    }

    /// `np.convolve(a, v, mode)`: the discrete linear convolution of two 1-d sequences, in
    /// numpy's modes `full`, `same` and `valid` (numpy swaps the inputs so the longer one slides).
    public static func convolve(_ a: NDArray, _ v: NDArray, mode: String = "full") throws(TensorError) -> NDArray {
        var x = try a.ravel(), w = try v.ravel()
        if x.size == 0 { throw TensorError("a cannot be empty", kind: .valueError) }
        if w.size == 0 { throw TensorError("v cannot be empty", kind: .valueError) }
        if w.size > x.size { swap(&x, &w) }
        let dtype = DType.promote(x.dtype, w.dtype)
        let xs = try x.doubleValues(), ws = try w.doubleValues()
        let n = xs.count, m = ws.count
        let (start, count): (Int, Int)
        switch mode {
        case "full": (start, count) = (0, n + m - 1)
        case "same": (start, count) = ((m - 1) / 2, n)
        case "valid": (start, count) = (m - 1, n - m + 1)
        default:
            throw TensorError("mode must be one of 'valid', 'same', or 'full' (got \(mode.debugDescription.replacingOccurrences(of: "\"", with: "'")))", kind: .valueError)
        }
        var out = [Double](repeating: 0, count: count)
        for k in 0..<count {
            let t = start + k
            var s = 0.0
            // numpy's correlate loop: a running sum in the order of the kernel.
            for j in 0..<m {
                let i = t - (m - 1 - j)
                if i >= 0 && i < n { s += xs[i] * ws[m - 1 - j] }
            }
            out[k] = s
        }
        let result = try fromDoubles(out, shape: [count])
        return dtype == .float64 ? result : try result.astype(dtype == .bool ? .bool : dtype)
    }

    /// numpy's `np.correlate(a, v, mode)` for real 1-d sequences: `c[k] = sum_n a[n + k] * v[n]`.
    /// numpy computes it with the same loop as `convolve` on `v` reversed, and when `v` is the
    /// longer one, on the two swapped with the result reversed; doing exactly that here gives
    /// numpy's sums in numpy's order (checked bit for bit against numpy for every length pair
    /// up to 8 and every mode), including its off-centre 'same' window when `v` is longer.
    public static func correlate(_ a: NDArray, _ v: NDArray, mode: String = "valid") throws(TensorError) -> NDArray {
        for x in [a, v] {
            if x.ndim == 0 { throw TensorError("object of too small depth for desired array", kind: .valueError) }
            if x.ndim > 1 {
                throw TensorError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.",
                                  kind: .valueError)
            }
        }
        if a.size == 0 { throw TensorError("first array argument cannot be empty", kind: .valueError) }
        if v.size == 0 { throw TensorError("second array argument cannot be empty", kind: .valueError) }
        if a.size >= v.size { return try convolve(a, try v.flipped(axis: [0]), mode: mode) }
        return try convolve(v, try a.flipped(axis: [0]), mode: mode).flipped(axis: [0]).copy()
    }
}
