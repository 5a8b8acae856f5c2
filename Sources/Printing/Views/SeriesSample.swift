import Tensor

extension LineSeries {
    /// Arrays up to this long are charted value by value; a chart is at most a few hundred
    /// dots wide, so more points only cost time and memory.
    static let maxPlainPoints = 8192
    /// A longer array is cut into this many equal spans...
    static let spans = 1024
    /// ...and each span is read at most at this many evenly spaced positions, so charting a
    /// 10⁸-element array reads ~64K values: bounded time and memory whatever the size.
    static let readsPerSpan = 64

    /// The series `plot` draws for a 1-d array of any length, and what the legend should say
    /// about how it was reduced (nil when every value is drawn). A long array becomes, per
    /// span, its smallest and largest value (in index order, at their indices), so spikes
    /// and the envelope stay visible.
    public static func sampled(_ a: NDArray, name: String) -> LineSeries {
        let n = a.ndim == 1 ? a.shape[0] : a.size
        let stride = a.ndim == 1 ? a.strides[0] : 1
        func value(_ i: Int) -> Double { a.scalar(atStorageOffset: a.offset + i * stride).doubleValue }
        if n <= maxPlainPoints {
            return LineSeries(name, (0..<n).map(value))
        }
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(2 * spans); ys.reserveCapacity(2 * spans)
        var everyValue = true
        for s in 0..<spans {
            let lo = s * n / spans, hi = (s + 1) * n / spans
            if hi <= lo { continue }
            let count = hi - lo
            let reads = Swift.min(count, readsPerSpan)
            if reads < count { everyValue = false }
            var minI = -1, maxI = -1, minV = Double.infinity, maxV = -Double.infinity
            for j in 0..<reads {
                let i = reads == count ? lo + j : lo + (j * (count - 1)) / (reads - 1)
                let v = value(i)
                guard v.isFinite else { continue }
                if v < minV { minV = v; minI = i }
                if v > maxV { maxV = v; maxI = i }
            }
            if minI < 0 { xs.append(Double(lo)); ys.append(.nan); continue }
            for i in minI == maxI ? [minI] : [Swift.min(minI, maxI), Swift.max(minI, maxI)] {
                xs.append(Double(i)); ys.append(i == minI ? minV : maxV)
            }
        }
        // The chart's x axis runs from the array's first index to its last, as numpy's indices
        // do: with only each span's extremes, it ran from wherever the first span's extreme
        // fell (`plot` of 2·10^8 values was labelled `1.55e+05 … 1.999e+08`).
        if xs.first != 0, case let v = value(0), v.isFinite { xs.insert(0, at: 0); ys.insert(v, at: 0) }
        if xs.last != Double(n - 1), case let v = value(n - 1), v.isFinite { xs.append(Double(n - 1)); ys.append(v) }
        let how = everyValue ? "min and max of each of \(spans) spans"
                             : "min and max of each of \(spans) spans, \(readsPerSpan) evenly spaced values read per span"
        return LineSeries("\(name) (\(n) values: \(how))", ys, x: xs)
    }
}
