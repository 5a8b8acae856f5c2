/// Rearrangements and products numpy builds from simpler pieces, built here from the same
/// pieces in the same order: `rot90` (flips and a transpose, a view), `rollaxis`, `cross`,
/// `kron`, `trace`, `linalg.matrix_power`.
extension NDArray {
    /// `np.rot90(m, k, axes)`: rotate by 90° k times in the plane of `axes`, from the first
    /// axis towards the second.
    public func rotated90(k: Int = 1, axes: (Int, Int) = (0, 1)) throws(TensorError) -> NDArray {
        if ndim < 2 { throw TensorError("Axes must be different.", kind: .valueError) }
        let a0 = try NDArray.normalizeAxis(axes.0, ndim: ndim), a1 = try NDArray.normalizeAxis(axes.1, ndim: ndim)
        if a0 == a1 { throw TensorError("Axes must be different.", kind: .valueError) }
        let turns = ((k % 4) + 4) % 4
        if turns == 0 { return try subscripted([.ellipsis]) }
        if turns == 2 { return try flipped(axis: [a0]).flipped(axis: [a1]) }
        var order = Array(0..<ndim)
        order.swapAt(a0, a1)
        if turns == 1 { return try flipped(axis: [a1]).transpose(order) }
        return try transpose(order).flipped(axis: [a1])
    }

    /// `np.rollaxis(a, axis, start=0)`: move `axis` to sit before `start` (a view).
    public func rolledAxis(_ axis: Int, start: Int = 0) throws(TensorError) -> NDArray {
        let ax = try NDArray.normalizeAxis(axis, ndim: ndim)
        var st = start
        if st < 0 { st += ndim }
        if !(0 <= st && st < ndim + 1) {
            throw TensorError("'start' arg requires \(-ndim) <= start < \(ndim + 1), but \(start) was passed in", kind: .axisError)
        }
        if ax < st { st -= 1 }
        if ax == st { return try subscripted([.ellipsis]) }
        var order = Array(0..<ndim)
        order.remove(at: ax)
        order.insert(ax, at: st)
        return try transpose(order)
    }

    /// `np.cross(a, b)` of 3-vectors (or 2-vectors: the z component) along the last axis,
    /// broadcasting the others.
    public static func cross(_ a: NDArray, _ b: NDArray) throws(TensorError) -> NDArray {
        guard let na = a.shape.last, let nb = b.shape.last, (na == 2 || na == 3), (nb == 2 || nb == 3) else {
            throw TensorError("incompatible dimensions for cross product\n(dimension must be 2 or 3)", kind: .valueError)
        }
        func c(_ x: NDArray, _ i: Int) throws(TensorError) -> NDArray { try x.subscripted([.ellipsis, .index(i)]) }
        func mul(_ x: NDArray, _ y: NDArray) throws(TensorError) -> NDArray { try multiply(.array(x), .array(y)) }
        func sub(_ x: NDArray, _ y: NDArray) throws(TensorError) -> NDArray { try subtract(.array(x), .array(y)) }
        let a0 = try c(a, 0), a1 = try c(a, 1), b0 = try c(b, 0), b1 = try c(b, 1)
        if na == 2 && nb == 2 { return try sub(mul(a0, b1), mul(a1, b0)) }
        let a2: NDArray? = na == 3 ? try c(a, 2) : nil
        let b2: NDArray? = nb == 3 ? try c(b, 2) : nil
        let x: NDArray, y: NDArray
        switch (a2, b2) {
        case let (p?, q?): x = try sub(mul(a1, q), mul(p, b1)); y = try sub(mul(p, b0), mul(a0, q))
        case let (p?, nil): x = try sub(NDArray.zeros([], dtype: a.dtype), mul(p, b1)); y = try mul(p, b0)
        case let (nil, q?): x = try mul(a1, q); y = try sub(NDArray.zeros([], dtype: b.dtype), mul(a0, q))
        case (nil, nil): x = a0; y = a0
        }
        let z = try sub(mul(a0, b1), mul(a1, b0))
        let shape = try broadcastShapes([x.shape, y.shape, z.shape])
        return try stack([try x.broadcast(to: shape), try y.broadcast(to: shape), try z.broadcast(to: shape)], axis: -1)
    }

    /// `np.kron(a, b)`: the Kronecker product, block (i, j) being a[i, j] * b.
    public static func kron(_ a: NDArray, _ b: NDArray) throws(TensorError) -> NDArray {
        let nd = Swift.max(a.ndim, b.ndim)
        let sa = [Int](repeating: 1, count: nd - a.ndim) + a.shape
        let sb = [Int](repeating: 1, count: nd - b.ndim) + b.shape
        var left: [Int] = [], right: [Int] = [], out: [Int] = []
        for i in 0..<nd {
            left += [sa[i], 1]
            right += [1, sb[i]]
            out.append(sa[i] * sb[i])
        }
        let product = try multiply(.array(try a.reshape(left)), .array(try b.reshape(right)))
        return try product.reshape(out)
    }

    /// `np.trace(a, offset=0)`: the sum along a diagonal of the first two axes.
    public func trace(offset: Int = 0) throws(TensorError) -> NDArray {
        if ndim < 2 { throw TensorError("diag requires an array of at least two dimensions", kind: .valueError) }
        if ndim == 2 { return try NDArray.diag(self, k: offset).reduce(.sum) }
        var sums: [NDArray] = []
        let rows = shape[0], cols = shape[1]
        for i in 0..<rows {
            let j = i + offset
            if j < 0 || j >= cols { continue }
            sums.append(try subscripted([.index(i), .index(j)]))
        }
        if sums.isEmpty { return try NDArray.zeros(Array(shape.dropFirst(2)), dtype: dtype).reduce(.sum, axis: []) }
        var total = sums[0]
        for s in sums.dropFirst() { total = try NDArray.add(.array(total), .array(s)) }
        return try NDArray.add(.array(total), .int(0))
    }

    /// `np.linalg.matrix_power(a, n)`: numpy's square-and-multiply (n < 0 inverts first).
    public func matrixPower(_ n: Int) throws(TensorError) -> NDArray {
        guard ndim >= 2, shape[ndim - 1] == shape[ndim - 2] else {
            if ndim < 2 { throw TensorError("\(ndim)-dimensional array given. Array must be at least two-dimensional", kind: .linAlgError) }
            throw TensorError("Last 2 dimensions of the array must be square", kind: .linAlgError)
        }
        if n == 0 {
            let eye = try NDArray.eye(shape[ndim - 1], dtype: dtype)
            return try eye.broadcast(to: shape).copy()
        }
        var a = self
        var k = n
        if n < 0 { a = try inverse(); k = -n }
        if k == 1 { return try a.copy() }
        if k == 2 { return try NDArray.matmul(a, a) }
        if k == 3 { return try NDArray.matmul(try NDArray.matmul(a, a), a) }
        var z: NDArray? = nil, result: NDArray? = nil
        while k > 0 {
            let zz: NDArray = try z.map { (p) throws(TensorError) -> NDArray in try NDArray.matmul(p, p) } ?? a
            z = zz
            let bit = k % 2
            k /= 2
            if bit == 1 { result = try result.map { (r) throws(TensorError) -> NDArray in try NDArray.matmul(r, zz) } ?? zz }
        }
        return result ?? a
    }
}
