/// `np.histogram(a, bins=edges)`: counts between given, increasing edges, as numpy computes them
/// for non-uniform bins — the data sorted in blocks of 65536 and each edge located with
/// `searchsorted` (left, the last edge right, so the last bin includes its right edge); with
/// weights, differences of the sorted weights' running sum. Values outside the edges and NaN
/// count nowhere; `range=` does not apply.
extension NDArray {
    public func histogram(edges: NDArray, weights: NDArray? = nil, density: Bool = false) throws(TensorError) -> (hist: NDArray, edges: NDArray) {
        guard edges.ndim == 1 else { throw TensorError("`bins` must be 1d, when an array", kind: .valueError) }
        let e = try edges.doubleValues()
        for i in 0..<Swift.max(e.count - 1, 0) where e[i] > e[i + 1] {
            throw TensorError("`bins` must increase monotonically, when an array", kind: .valueError)
        }
        let a = try ravel().doubleValues()
        let w = try weights.map { (w) throws(TensorError) -> [Double] in
            guard w.size == a.count else { throw TensorError("weights should have the same shape as a.", kind: .valueError) }
            return try w.ravel().doubleValues()
        }
        /// Elements of sorted `s` before `v` (`<` for left, `<=` for right); NaN sorts last.
        func position(_ s: [Double], _ v: Double, right: Bool) -> Int {
            var lo = 0, hi = s.count
            while lo < hi {
                let mid = (lo + hi) / 2
                let before = right ? !(v < s[mid]) && !s[mid].isNaN : s[mid] < v
                if before { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        var cumulative = [Double](repeating: 0, count: e.count)
        let block = 65536
        var start = 0
        while start < a.count {
            try Cancellation.check()
            let end = Swift.min(start + block, a.count)
            let order = (start..<end).sorted { (i, j) in a[i] < a[j] || (!a[i].isNaN && a[j].isNaN) }
            let sorted = order.map { a[$0] }
            var running = [0.0]
            if let w { for i in order { running.append((running.last ?? 0) + w[i]) } }
            for (k, edge) in e.enumerated() {
                let p = position(sorted, edge, right: k == e.count - 1)
                cumulative[k] += w == nil ? Double(p) : running[p]
            }
            start = end
        }
        let n = Swift.max(e.count - 1, 0)
        let counts = (0..<n).map { cumulative[$0 + 1] - cumulative[$0] }
        if density {
            let total = counts.reduce(0, +)
            return (try NDArray.fromDoubles((0..<n).map { counts[$0] / (e[$0 + 1] - e[$0]) / total }, shape: [n]), edges)
        }
        if let weights, weights.dtype.isFloat { return (try NDArray.fromDoubles(counts, shape: [n]), edges) }
        return (try NDArray.fromInt64s(counts.map { Int64($0) }, shape: [n]), edges)
    }
}
