/// `np.dot` and `np.linalg.multi_dot`.
///
/// multi_dot follows numpy's `_multi_dot`: a 1-d first array is a row and a 1-d last array a
/// column, every array must then be 2-d, three arrays pick the cheaper of (AB)C and A(BC) by
/// numpy's cost formula, more run Cormen's matrix-chain order (ties keep the first split, as
/// numpy's strict `<`), and the order decides which products are rounded when, so float results
/// match numpy's grouping.
extension NDArray {
    /// `np.dot(a, b)`: a scalar on either side multiplies; two float vectors go through BLAS
    /// ddot/sdot as numpy's do; 1-d and 2-d operands are the matrix product; higher ranks sum over
    /// the last axis of a and the second-to-last of b. A size mismatch is numpy's `not aligned`.
    public static func dot(_ a: NDArray, _ b: NDArray) throws(TensorError) -> NDArray {
        if a.ndim == 0 || b.ndim == 0 { return try binary(.multiply, .array(a), .array(b)) }
        let da = a.ndim - 1, db = Swift.max(b.ndim - 2, 0)
        if a.shape[da] != b.shape[db] {
            throw TensorError("shapes \(numpyShapeString(a.shape)) and \(numpyShapeString(b.shape)) not aligned: \(a.shape[da]) (dim \(da)) != \(b.shape[db]) (dim \(db))", kind: .valueError)
        }
        if a.ndim == 1, b.ndim == 1, DType.promote(a.dtype, b.dtype).isFloat { return try vdot(a, b) }
        if a.ndim > 2 || b.ndim > 2 { return try tensordot(a, b, axesA: [da], axesB: [db]) }
        return try matmul(a, b)
    }

    /// `np.linalg.multi_dot(arrays)`.
    public static func multiDot(_ arrays: [NDArray]) throws(TensorError) -> NDArray {
        guard arrays.count >= 2 else { throw TensorError("Expecting at least two arrays.", kind: .valueError) }
        if arrays.count == 2 { return try dot(arrays[0], arrays[1]) }
        var mats = arrays
        let firstVector = arrays[0].ndim == 1, lastVector = arrays[arrays.count - 1].ndim == 1
        if firstVector { mats[0] = try arrays[0].reshape([1, arrays[0].shape[0]]) }
        if lastVector { let l = arrays[arrays.count - 1]; mats[mats.count - 1] = try l.reshape([l.shape[0], 1]) }
        for m in mats where m.ndim != 2 {
            throw TensorError("\(m.ndim)-dimensional array given. Array must be two-dimensional", kind: .linAlgError)
        }
        let result: NDArray
        if mats.count == 3 {
            let (a0, a1b0) = (mats[0].shape[0], mats[0].shape[1]), (b1c0, c1) = (mats[2].shape[0], mats[2].shape[1])
            // numpy's costs in Python ints; Double keeps huge shapes from overflowing Int.
            let cost1 = Double(a0) * Double(b1c0) * (Double(a1b0) + Double(c1))
            let cost2 = Double(a1b0) * Double(c1) * (Double(a0) + Double(b1c0))
            result = cost1 < cost2 ? try dot(try dot(mats[0], mats[1]), mats[2]) : try dot(mats[0], try dot(mats[1], mats[2]))
        } else {
            let order = chainOrder(mats)
            result = try chainProduct(mats, order, 0, mats.count - 1)
        }
        if firstVector && lastVector { return try result.subscripted([.index(0), .index(0)]) }
        if firstVector || lastVector { return try result.reshape([-1]) }
        return result
    }

    /// Cormen's matrix-chain table as numpy builds it: split[i][j] is the k of the cheapest
    /// (A_i..A_k)(A_k+1..A_j), costs in float64 as numpy's `m` array.
    private static func chainOrder(_ mats: [NDArray]) -> [[Int]] {
        let n = mats.count
        let p = mats.map { Double($0.shape[0]) } + [Double(mats[n - 1].shape[1])]
        var cost = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var split = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        for l in 1..<n {
            for i in 0..<(n - l) {
                let j = i + l
                cost[i][j] = .infinity
                for k in i..<j {
                    let q = cost[i][k] + cost[k + 1][j] + p[i] * p[k + 1] * p[j + 1]
                    if q < cost[i][j] { cost[i][j] = q; split[i][j] = k }
                }
            }
        }
        return split
    }

    private static func chainProduct(_ mats: [NDArray], _ split: [[Int]], _ i: Int, _ j: Int) throws(TensorError) -> NDArray {
        if i == j { return mats[i] }
        return try dot(try chainProduct(mats, split, i, split[i][j]), try chainProduct(mats, split, split[i][j] + 1, j))
    }
}
