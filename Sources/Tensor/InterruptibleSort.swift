/// A stable sort that Ctrl-C can stop: the standard library's sort cannot be interrupted, and
/// sorting 10^8 values takes many seconds. It sorts runs of 16,384 elements with the standard
/// sort, then merges them bottom-up, polling `Cancellation` every ~256K elements moved, so it
/// stops within milliseconds and throws `TensorError.interrupted`. The merge keeps equal
/// elements in input order, so the whole sort is stable (the run sort is the standard
/// library's, which is stable too); `np.sort`, `argsort`, `unique`, `median` and `quantile`
/// depend on that for numpy's order of ties.
enum InterruptibleSort {
    static let runLength = 1 << 14
    static let pollEvery = 1 << 18

    /// `values` sorted by `less` (a strict weak order), stably.
    static func sorted<T>(_ values: [T], by less: (T, T) -> Bool) throws(TensorError) -> [T] {
        var a = values
        try sort(&a, by: less)
        return a
    }

    /// Sorts `a` in place by `less`, stably; on Ctrl-C throws and leaves `a` a permutation of
    /// its input (callers discard it).
    static func sort<T>(_ a: inout [T], by less: (T, T) -> Bool) throws(TensorError) {
        let n = a.count
        if n <= runLength { a.sort(by: less); return }
        var polled = 0
        var start = 0
        while start < n {
            let end = Swift.min(start + runLength, n)
            a[start..<end].sort(by: less)
            start = end
            polled += runLength
            if polled >= pollEvery { polled = 0; try Cancellation.check() }
        }
        var b = a
        var width = runLength
        var sourceIsA = true
        while width < n {
            var interrupted = false
            func mergePass(_ src: UnsafeMutableBufferPointer<T>, _ dst: UnsafeMutableBufferPointer<T>) {
                var lo = 0
                var sinceCheck = 0
                while lo < n {
                    let mid = Swift.min(lo + width, n), hi = Swift.min(lo + 2 * width, n)
                    var i = lo, j = mid, k = lo
                    while i < mid && j < hi {
                        // Take from the right only when strictly less: equal elements keep their order.
                        if less(src[j], src[i]) { dst[k] = src[j]; j += 1 } else { dst[k] = src[i]; i += 1 }
                        k += 1
                        sinceCheck += 1
                        if sinceCheck >= pollEvery {
                            sinceCheck = 0
                            if Cancellation.isRequested { interrupted = true; return }
                        }
                    }
                    while i < mid { dst[k] = src[i]; i += 1; k += 1 }
                    while j < hi { dst[k] = src[j]; j += 1; k += 1 }
                    lo = hi
                }
            }
            if sourceIsA {
                a.withUnsafeMutableBufferPointer { pa in b.withUnsafeMutableBufferPointer { pb in mergePass(pa, pb) } }
            } else {
                b.withUnsafeMutableBufferPointer { pb in a.withUnsafeMutableBufferPointer { pa in mergePass(pb, pa) } }
            }
            if interrupted { throw TensorError.interrupted }
            sourceIsA.toggle()
            width *= 2
        }
        if !sourceIsA { a = b }
    }
}
