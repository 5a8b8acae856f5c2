import Foundation

/// numpy's sorting, searching and counting: `sort`, `argsort`, `unique`, `bincount`,
/// `histogram`, `count_nonzero`.
///
/// Sorting is stable, with NaN last as numpy orders it. numpy's default `quicksort` is not
/// stable for long arrays, so `argsort` of tied values can order ties differently from numpy
/// there (numpy's own docs leave that order unspecified); distinct values agree exactly.
extension NDArray {
    /// numpy's float order: NaN sorts after everything.
    static func numpyLess(_ x: Double, _ y: Double) -> Bool {
        if x.isNaN { return false }
        if y.isNaN { return true }
        return x < y
    }

    /// Sorted order of one lane, stable; for int64 beyond 2^53 compares exactly.
    /// Interruptible (Ctrl-C throws `TensorError.interrupted`).
    static func stableOrder(_ values: [Double]) throws(TensorError) -> [Int] {
        try InterruptibleSort.sorted(Array(values.indices)) { numpyLess(values[$0], values[$1]) }
    }

    /// Rows along `axis` (moved last), processed by `body`, and moved back.
    private func alongAxis(_ axis: Int?, dtype outType: DType, _ body: ([Double], [Int64]?) throws(TensorError) -> [Double]) throws(TensorError) -> NDArray {
        let src = axis == nil ? try reshape([-1]) : self
        let ax = try NDArray.normalizeAxis(axis ?? 0, ndim: Swift.max(src.ndim, 0))
        var perm = Array(0..<src.ndim); perm.remove(at: ax); perm.append(ax)
        let moved = try src.transpose(perm).copy()
        let n = src.shape[ax]
        let values = try moved.doubleValues()
        let ints = dtype.isInteger ? try moved.int64Values() : nil
        var out: [Double] = []
        out.reserveCapacity(values.count)
        if n > 0 {
            for r in 0..<(values.count / n) {
                try Cancellation.check()
                out += try body(Array(values[(r * n)..<((r + 1) * n)]), ints.map { Array($0[(r * n)..<((r + 1) * n)]) })
            }
        }
        var inverse = [Int](repeating: 0, count: perm.count)
        for (i, p) in perm.enumerated() { inverse[p] = i }
        let result = try NDArray.fromDoubles(out, shape: moved.shape, dtype: outType)
        return try result.transpose(inverse).copy()
    }

    /// `np.sort(a, axis=-1)` (`axis=None` sorts the flattened array). 0-d arrays need an axis
    /// of None, as numpy says.
    public func sorted(axis: Int? = -1) throws(TensorError) -> NDArray {
        if ndim == 0 && axis != nil { throw TensorError("Cannot sort a 0-d array", kind: .axisError) }
        if dtype.isInteger {
            // Exact for every int64: sort the integers themselves.
            return try alongAxisInt(axis) { (lane) throws(TensorError) in try InterruptibleSort.sorted(lane, by: <) }
        }
        return try alongAxis(axis, dtype: dtype) { (lane, _) throws(TensorError) in try InterruptibleSort.sorted(lane, by: NDArray.numpyLess) }
    }

    private func alongAxisInt(_ axis: Int?, _ body: ([Int64]) throws(TensorError) -> [Int64]) throws(TensorError) -> NDArray {
        let src = axis == nil ? try reshape([-1]) : self
        let ax = try NDArray.normalizeAxis(axis ?? 0, ndim: src.ndim)
        var perm = Array(0..<src.ndim); perm.remove(at: ax); perm.append(ax)
        let moved = try src.transpose(perm).copy()
        let n = src.shape[ax]
        let values = try moved.int64Values()
        var out: [Int64] = []
        if n > 0 {
            for r in 0..<(values.count / n) {
                try Cancellation.check()
                out += try body(Array(values[(r * n)..<((r + 1) * n)]))
            }
        }
        var inverse = [Int](repeating: 0, count: perm.count)
        for (i, p) in perm.enumerated() { inverse[p] = i }
        return try NDArray.fromInt64s(out, shape: moved.shape, dtype: dtype).transpose(inverse).copy()
    }

    /// `np.argsort(a, axis=-1)`: int64 indices that sort each lane (stable).
    public func argsorted(axis: Int? = -1) throws(TensorError) -> NDArray {
        if ndim == 0 && axis != nil { return try NDArray.fromInt64s([0], shape: []) }
        return try alongAxis(axis, dtype: .int64) { (lane, ints) throws(TensorError) in
            if let ints { return try InterruptibleSort.sorted(Array(ints.indices)) { ints[$0] < ints[$1] }.map(Double.init) }
            return try NDArray.stableOrder(lane).map(Double.init)
        }
    }

    /// `np.unique(ar, return_index, return_inverse, return_counts)` of the flattened array:
    /// the sorted distinct values, the first index of each, the index of each input element's
    /// value (shaped like the input, as numpy 2 returns it), and the counts. NaNs collapse to one.
    public func unique() throws(TensorError) -> (values: NDArray, index: NDArray, inverse: NDArray, counts: NDArray) {
        let flat = try reshape([-1])
        let n = flat.size
        var order: [Int]
        let keysEqual: (Int, Int) -> Bool
        if dtype.isInteger || dtype == .bool {
            let v = try flat.int64Values()
            order = try InterruptibleSort.sorted(Array(v.indices)) { v[$0] < v[$1] }
            keysEqual = { v[$0] == v[$1] }
        } else {
            let v = try flat.doubleValues()
            order = try NDArray.stableOrder(v)
            keysEqual = { v[$0] == v[$1] || (v[$0].isNaN && v[$1].isNaN) }
        }
        var firsts: [Int] = [], counts: [Int64] = []
        var inverse = [Int64](repeating: 0, count: n)
        for (k, i) in order.enumerated() {
            if k == 0 || !keysEqual(order[k - 1], i) { firsts.append(i); counts.append(0) }
            counts[counts.count - 1] += 1
            inverse[i] = Int64(firsts.count - 1)
        }
        let picked = try flat.take(firsts)
        return (picked, try NDArray.fromInt64s(firsts.map(Int64.init), shape: [firsts.count]),
                try NDArray.fromInt64s(inverse, shape: shape), try NDArray.fromInt64s(counts, shape: [counts.count]))
    }

    /// Elements at flat positions `indices` of a 1-d array, as a new 1-d array of the same dtype.
    func take(_ indices: [Int]) throws(TensorError) -> NDArray {
        let out = try NDArray(zeros: [indices.count], dtype: dtype)
        let w = dtype.itemSize
        for (k, i) in indices.enumerated() {
            out.storage.pointer.advanced(by: k * w).copyMemory(from: storage.pointer.advanced(by: (offset + i * (strides.first ?? 1)) * w), byteCount: w)
        }
        return out
    }

    /// `np.bincount(x, weights=None, minlength=0)`: counts (int64) or summed weights (float64)
    /// of each non-negative integer in a 1-d array.
    public static func bincount(_ x: NDArray, weights: NDArray? = nil, minlength: Int = 0) throws(TensorError) -> NDArray {
        if x.ndim != 1 {
            throw TensorError("object too deep for desired array", kind: .valueError)
        }
        if x.dtype.isFloat {
            throw TensorError("Cannot cast array data from dtype('\(x.dtype.name)') to dtype('int64') according to the rule 'safe'", kind: .typeError)
        }
        if minlength < 0 { throw TensorError("'minlength' must not be negative", kind: .valueError) }
        let v = try x.int64Values()
        if v.contains(where: { $0 < 0 }) { throw TensorError("'list' argument must have no negative elements", kind: .valueError) }
        let top = v.max() ?? -1
        guard top < Int64(Int32.max) else { throw TensorError("Maximum allowed dimension exceeded", kind: .valueError) }
        let length = Swift.max(Int(top) + 1, minlength)
        _ = try Limits.checkAllocation([length], .float64)
        if let weights {
            guard weights.shape == x.shape else { throw TensorError("The weights and list don't have the same length.", kind: .valueError) }
            let w = try weights.doubleValues()
            var out = [Double](repeating: 0, count: length)
            for (i, b) in v.enumerated() { out[Int(b)] += w[i] }
            return try fromDoubles(out, shape: [length])
        }
        var out = [Int64](repeating: 0, count: length)
        for b in v { out[Int(b)] += 1 }
        return try fromInt64s(out, shape: [length])
    }

    /// `np.count_nonzero(a, axis)`: the number of elements that are not zero (NaN counts).
    public func countNonzero(axis: [Int]?, keepdims: Bool) throws(TensorError) -> NDArray {
        let b = try astype(.bool)
        return try b.reduce(.sum, axis: axis, keepdims: keepdims)
    }

    /// `np.all` / `np.any` over axes: bool results.
    public func all(axis: [Int]?, keepdims: Bool) throws(TensorError) -> NDArray {
        let b = try astype(.bool)
        let s = try b.reduce(.min, axisOrEmpty: axis, keepdims: keepdims, identity: true)
        return s
    }

    public func any(axis: [Int]?, keepdims: Bool) throws(TensorError) -> NDArray {
        let b = try astype(.bool)
        return try b.reduce(.max, axisOrEmpty: axis, keepdims: keepdims, identity: false)
    }

    /// max/min of a bool array where an empty reduction gives the identity (all: True, any: False).
    func reduce(_ op: ReduceOp, axisOrEmpty axis: [Int]?, keepdims: Bool, identity: Bool) throws(TensorError) -> NDArray {
        let n = try reducedCount(axis)
        if n == 0 {
            let shapeOut = try reduce(.sum, axis: axis, keepdims: keepdims).shape
            return try NDArray.fromBools([Bool](repeating: identity, count: shapeOut.reduce(1, *)), shape: shapeOut)
        }
        return try reduce(op, axis: axis, keepdims: keepdims)
    }

    /// `np.histogram(a, bins=10, range=None, weights=None)` with equal-width bins: numpy's
    /// edges (`linspace(first, last, bins + 1)`, widened by ±0.5 when first == last) and its
    /// binning arithmetic `(x - first) * (bins / (last - first))` corrected against the edges.
    public func histogram(bins: Int = 10, range: (Double, Double)? = nil, weights: NDArray? = nil,
                          density: Bool = false) throws(TensorError) -> (hist: NDArray, edges: NDArray) {
        if bins < 1 { throw TensorError("`bins` must be positive, when an integer", kind: .valueError) }
        _ = try Limits.checkAllocation([bins, 2], .float64)
        let values = try doubleValues()
        var first: Double, last: Double
        if let range {
            (first, last) = range
            if first > last { throw TensorError("max must be larger than min in range parameter.", kind: .valueError) }
            if !(first.isFinite && last.isFinite) { throw TensorError("supplied range of [\(pythonFloat(first)), \(pythonFloat(last))] is not finite", kind: .valueError) }
        } else if values.isEmpty {
            (first, last) = (0, 1)
        } else {
            first = values.min() ?? 0; last = values.max() ?? 1
            if !(first.isFinite && last.isFinite) { throw TensorError("autodetected range of [\(pythonFloat(first)), \(pythonFloat(last))] is not finite", kind: .valueError) }
        }
        if first == last { first -= 0.5; last += 0.5 }
        let edges = try NDArray.linspace(.float(first), .float(last), num: bins + 1)
        let e = try edges.doubleValues()
        let w = try weights?.doubleValues()
        var counts = [Double](repeating: 0, count: bins)
        let norm = Double(bins) / (last - first)
        for (k, x) in values.enumerated() where x >= first && x <= last {
            let f = (x - first) * norm
            // A NaN or out-of-range position (a denormal range makes norm infinite) never traps.
            var i = f.isFinite ? Int(Swift.min(Swift.max(f, 0), Double(bins))) : 0
            if i == bins { i -= 1 }
            if x < e[i] { i -= 1 }
            if i != bins - 1 && x >= e[i + 1] { i += 1 }
            counts[i] += w?[k] ?? 1
        }
        if density {
            let total = counts.reduce(0, +)
            let dens = (0..<bins).map { counts[$0] / (e[$0 + 1] - e[$0]) / total }
            return (try NDArray.fromDoubles(dens, shape: [bins]), edges)
        }
        if weights == nil {
            return (try NDArray.fromInt64s(counts.map { Int64($0) }, shape: [bins]), edges)
        }
        return (try NDArray.fromDoubles(counts, shape: [bins], dtype: weights?.dtype.isFloat == true ? .float64 : .int64), edges)
    }
}

/// Python's `repr` of a float, for error messages (`1.0`, `inf`, `nan`).
func pythonFloat(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d > 0 ? "inf" : "-inf" }
    if d == d.rounded(), Swift.abs(d) < 1e16 { return String(format: "%.1f", d) }
    return "\(d)"
}
