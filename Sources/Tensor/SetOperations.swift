/// numpy's set routines on flattened arrays: `isin`, `intersect1d`, `union1d`, `setdiff1d`,
/// `setxor1d` (numpy's `lib/_arraysetops_impl.py`).
///
/// Each follows numpy's own recipe step by step (unique, concatenate in the promoted dtype,
/// stable sort, compare neighbours), so the dtype, the order and the NaN behaviour come out as
/// numpy's: values compare in `result_type` of the inputs, and NaN never equals NaN (a NaN is
/// never "in" another array, and `setxor1d` keeps the NaN of each side).
extension NDArray {
    /// Order and equality of the elements of one flattened array, exact for every dtype: integers
    /// compare as integers (uint64 by an order-preserving bit flip), floats with NaN last.
    struct SetKeys {
        let less: (Int, Int) -> Bool
        let equal: (Int, Int) -> Bool

        init(_ flat: NDArray) throws(TensorError) {
            if flat.dtype.isInteger || flat.dtype == .bool {
                var v = try flat.int64Values()
                if flat.dtype == .uint64 { v = v.map { $0 ^ Int64.min } }
                less = { v[$0] < v[$1] }
                equal = { v[$0] == v[$1] }
            } else {
                let v = try flat.doubleValues()
                less = { NDArray.numpyLess(v[$0], v[$1]) }
                equal = { v[$0] == v[$1] }
            }
        }

        /// The stable sort order of `count` elements (numpy's `kind='mergesort'`).
        func order(_ count: Int) throws(TensorError) -> [Int] {
            try InterruptibleSort.sorted(Array(0..<count), by: less)
        }
    }

    /// `np.concatenate((a, b), axis=None)`: both flattened, in their `result_type`.
    static func joinedFlat(_ a: NDArray, _ b: NDArray) throws(TensorError) -> NDArray {
        try concatenate([a, b], axis: nil)
    }

    /// `np.isin(element, test_elements, invert=)`: for each element of `self`, whether it equals
    /// some element of `test` (compared in their promoted dtype). The result has `self`'s shape.
    public func isIn(_ test: NDArray, invert: Bool = false) throws(TensorError) -> NDArray {
        let flat = try ravel()
        let joined = try NDArray.joinedFlat(flat, test)
        let keys = try SetKeys(joined)
        let n = flat.size, m = joined.size - n
        // Sort the test elements once, then binary-search each element among them.
        let sortedTest = try InterruptibleSort.sorted(Array(n..<(n + m)), by: keys.less)
        var out = [Bool](repeating: false, count: n)
        for i in 0..<n {
            if i & 0xFFFF == 0 { try Cancellation.check() }
            var lo = 0, hi = sortedTest.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys.less(sortedTest[mid], i) { lo = mid + 1 } else { hi = mid }
            }
            let found = lo < sortedTest.count && keys.equal(sortedTest[lo], i)
            out[i] = found != invert
        }
        return try NDArray.fromBools(out, shape: shape)
    }

    /// `np.intersect1d(ar1, ar2, assume_unique=, return_indices=)`: the sorted values in both,
    /// with the index of each in `ar1` and in `ar2` (first occurrences).
    public static func intersect1d(_ ar1: NDArray, _ ar2: NDArray, assumeUnique: Bool = false)
        throws(TensorError) -> (values: NDArray, indices1: NDArray, indices2: NDArray) {
        var a = try ar1.ravel(), b = try ar2.ravel()
        var ind1: [Int64]? = nil, ind2: [Int64]? = nil
        if !assumeUnique {
            let u1 = try a.unique(), u2 = try b.unique()
            a = u1.values; b = u2.values
            ind1 = try u1.index.int64Values(); ind2 = try u2.index.int64Values()
        }
        let aux = try joinedFlat(a, b)
        let keys = try SetKeys(aux)
        let order = try keys.order(aux.size)
        var picked: [Int] = [], i1: [Int64] = [], i2: [Int64] = []
        if order.count > 1 {
            for k in 0..<(order.count - 1) where keys.equal(order[k], order[k + 1]) {
                picked.append(order[k])
                let x = Int64(order[k]), y = Int64(order[k + 1] - a.size)
                if let ind1, let ind2 {
                    // numpy indexes `ind2` with Python's rules: a negative position (two values
                    // of ar1 equal once promoted) counts from the end.
                    let yy = y < 0 ? Int(y) + ind2.count : Int(y)
                    guard Int(x) < ind1.count, yy >= 0, yy < ind2.count else {
                        throw TensorError("index \(y) is out of bounds for axis 0 with size \(ind2.count)", kind: .indexError)
                    }
                    i1.append(ind1[Int(x)]); i2.append(ind2[yy])
                } else {
                    i1.append(x); i2.append(y)
                }
            }
        }
        return (try aux.take(picked), try fromInt64s(i1, shape: [i1.count]), try fromInt64s(i2, shape: [i2.count]))
    }

    /// `np.union1d(ar1, ar2)`: the sorted distinct values of both.
    public static func union1d(_ ar1: NDArray, _ ar2: NDArray) throws(TensorError) -> NDArray {
        try joinedFlat(ar1, ar2).unique().values
    }

    /// `np.setdiff1d(ar1, ar2, assume_unique=)`: the values of `ar1` not in `ar2`; sorted and
    /// distinct unless `assume_unique`, when `ar1` keeps its order (numpy's shortcut).
    public static func setdiff1d(_ ar1: NDArray, _ ar2: NDArray, assumeUnique: Bool = false) throws(TensorError) -> NDArray {
        let a = assumeUnique ? try ar1.ravel() : try ar1.unique().values
        let b = assumeUnique ? ar2 : try ar2.unique().values
        let keep = try a.isIn(b, invert: true).boolValues()
        return try a.take(keep.indices.filter { keep[$0] })
    }

    /// `np.setxor1d(ar1, ar2, assume_unique=)`: the sorted values in exactly one of the two.
    public static func setxor1d(_ ar1: NDArray, _ ar2: NDArray, assumeUnique: Bool = false) throws(TensorError) -> NDArray {
        let a = assumeUnique ? ar1 : try ar1.unique().values
        let b = assumeUnique ? ar2 : try ar2.unique().values
        let aux = try joinedFlat(a, b)
        if aux.size == 0 { return aux }
        let keys = try SetKeys(aux)
        let order = try keys.order(aux.size)
        // numpy: flag[k] = (k == 0 || aux[k] != aux[k-1]); keep k when flag[k] && flag[k+1].
        var flag = [Bool](repeating: true, count: order.count + 1)
        for k in 1..<order.count { flag[k] = !keys.equal(order[k], order[k - 1]) }
        var picked: [Int] = []
        for k in 0..<order.count where flag[k] && flag[k + 1] { picked.append(order[k]) }
        return try aux.take(picked)
    }
}
