/// numpy's array-manipulation routines beyond reshape/transpose: stacking helpers
/// (`vstack`, `hstack`, `dstack`, `column_stack`), `atleast_1d/2d/3d`, `tile`, `repeat`,
/// `pad` (constant), `flip`, `roll`, `moveaxis`. Each is built from the view and copy
/// primitives, in numpy's own definition (e.g. `vstack` is `concatenate(atleast_2d(...), 0)`).
extension NDArray {
    /// `np.atleast_1d/2d/3d` for one array: numpy's placement of the new axes
    /// (1-d `(N,)` → `(1, N)` → `(1, N, 1)`; 2-d `(M, N)` → `(M, N, 1)`).
    public func atLeast(_ n: Int) throws(TensorError) -> NDArray {
        if ndim >= n { return self }
        switch (n, ndim) {
        case (1, _): return try reshape([1])
        case (2, 0): return try reshape([1, 1])
        case (2, _): return try reshape([1] + shape)
        case (3, 0): return try reshape([1, 1, 1])
        case (3, 1): return try reshape([1, shape[0], 1])
        default: return try reshape(shape + [1])
        }
    }

    public static func vstack(_ arrays: [NDArray]) throws(TensorError) -> NDArray {
        try concatenate(try arrays.map { (a) throws(TensorError) -> NDArray in try a.atLeast(2) }, axis: 0)
    }

    public static func hstack(_ arrays: [NDArray]) throws(TensorError) -> NDArray {
        let arrs = try arrays.map { (a) throws(TensorError) -> NDArray in try a.atLeast(1) }
        return try concatenate(arrs, axis: arrs.first?.ndim == 1 ? 0 : 1)
    }

    public static func dstack(_ arrays: [NDArray]) throws(TensorError) -> NDArray {
        try concatenate(try arrays.map { (a) throws(TensorError) -> NDArray in try a.atLeast(3) }, axis: 2)
    }

    /// `np.column_stack`: 1-d arrays become columns, 2-d ones are joined as they are.
    public static func columnStack(_ arrays: [NDArray]) throws(TensorError) -> NDArray {
        try concatenate(try arrays.map { (a) throws(TensorError) -> NDArray in a.ndim < 2 ? try a.atLeast(1).reshape([-1, 1]) : a }, axis: 1)
    }

    /// Copies the elements of `self` into a new C-contiguous array gathering along axis `ax`
    /// from source positions `index[j]`.
    func gather(axis ax: Int, _ index: [Int]) throws(TensorError) -> NDArray {
        var outShape = shape
        outShape[ax] = index.count
        let out = try NDArray(zeros: outShape, dtype: dtype)
        if out.size == 0 { return out }
        let w = dtype.itemSize
        let outer = shape[..<ax].reduce(1, *), inner = shape[(ax + 1)...].reduce(1, *)
        let src = try contiguous()
        let n = shape[ax]
        for o in 0..<outer {
            for (j, i) in index.enumerated() {
                out.storage.pointer.advanced(by: ((o * index.count + j) * inner) * w)
                    .copyMemory(from: src.storage.pointer.advanced(by: (src.offset + (o * n + i) * inner) * w), byteCount: inner * w)
            }
        }
        return out
    }

    /// `np.repeat(a, repeats, axis=None)`: each element (or slice along `axis`) repeated.
    public func repeated(_ repeats: [Int], axis: Int?) throws(TensorError) -> NDArray {
        let src = axis == nil ? try reshape([-1]) : self
        let ax = try NDArray.normalizeAxis(axis ?? 0, ndim: Swift.max(src.ndim, 1))
        if src.ndim == 0 { return try reshape([1]).repeated(repeats, axis: 0) }
        let n = src.shape[ax]
        if repeats.contains(where: { $0 < 0 }) { throw TensorError("repeats may not contain negative values.", kind: .valueError) }
        let reps: [Int]
        if repeats.count == 1 { reps = [Int](repeating: repeats[0], count: n) }
        else if repeats.count == n { reps = repeats }
        else { throw TensorError("operands could not be broadcast together with shape (\(n),) (\(repeats.count),)", kind: .valueError) }
        var index: [Int] = []
        var total = 0
        for r in reps { let (t, o) = total.addingReportingOverflow(r); if o { throw TensorError("array is too big", kind: .valueError) }; total = t }
        var shape2 = src.shape; shape2[ax] = total
        _ = try Limits.checkAllocation(shape2, dtype)
        index.reserveCapacity(total)
        for (i, r) in reps.enumerated() {
            // np.repeat(x, 3) of 10^8 elements built this index deaf to Ctrl-C (killed after 80 s).
            if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
            index += repeatElement(i, count: r)
        }
        return try src.gather(axis: ax, index)
    }

    /// `np.tile(A, reps)`: numpy prepends 1s to the shorter of `reps` and the shape, then
    /// repeats whole blocks along each axis.
    public func tiled(_ reps: [Int]) throws(TensorError) -> NDArray {
        if reps.contains(where: { $0 < 0 }) { throw TensorError("negative dimensions are not allowed", kind: .valueError) }
        let d = Swift.max(reps.count, ndim)
        var a = try reshape([Int](repeating: 1, count: d - ndim) + shape)
        let r = [Int](repeating: 1, count: d - reps.count) + reps
        var target = a.shape
        for k in 0..<d {
            let (t, o) = target[k].multipliedReportingOverflow(by: r[k])
            if o { throw TensorError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.", kind: .valueError) }
            target[k] = t
        }
        _ = try Limits.checkAllocation(target, dtype)
        for k in 0..<d where r[k] != 1 { a = try a.repeatingBlocks(axis: k, times: r[k]) }
        return a.isView ? try a.copy() : a
    }

    /// `self` with each block from axis `ax` inwards written `times` times in a row (one axis
    /// of `np.tile`), copied block by block with a Ctrl-C check every ~10 ms of copying.
    /// np.tile of 10^8 elements went through `gather` with an index of every output element
    /// (2.4 GB of Ints, an 8-byte copy each) and stopped 75 s after Ctrl-C.
    func repeatingBlocks(axis ax: Int, times: Int) throws(TensorError) -> NDArray {
        var outShape = shape
        outShape[ax] *= times   // no overflow: at most the size np.tile checked
        // Every byte is written below (or the result dropped on Ctrl-C): no zero fill first.
        let out = try NDArray(uninitialized: outShape, dtype: dtype)
        if out.size == 0 { return out }
        let src = try contiguous()
        let block = shape[ax...].reduce(1, *) * dtype.itemSize
        let outer = shape[..<ax].reduce(1, *)
        let from = src.storage.pointer.advanced(by: src.offset * dtype.itemSize)
        var sinceCheck = 0
        for o in 0..<outer {
            let piece = from.advanced(by: o * block)
            for t in 0..<times {
                let to = out.storage.pointer.advanced(by: (o * times + t) * block)
                if block > Cancellation.copyPiece {
                    try Cancellation.copyMemory(to: to, from: piece, byteCount: block)
                } else {
                    to.copyMemory(from: piece, byteCount: block)
                }
                // Tiny blocks count as 64 bytes each: a copy of one element costs a call.
                sinceCheck += Swift.max(block, 64)
                if sinceCheck >= Cancellation.copyPiece {
                    sinceCheck = 0
                    try Cancellation.check()
                }
            }
        }
        return out
    }

    /// `np.flip(m, axis=None)`: a view with the given axes reversed (all when nil).
    public func flipped(axis: [Int]?) throws(TensorError) -> NDArray {
        let axes = try axis.map { (a) throws(TensorError) -> [Int] in try NDArray.normalizeAxes(a, ndim: ndim) } ?? Array(0..<ndim)
        var items = [IndexItem](repeating: .all, count: ndim)
        for a in axes { items[a] = .slice(start: nil, stop: nil, step: -1) }
        return try subscripted(items)
    }

    /// `np.roll(a, shift, axis=None)`: elements shifted cyclically (flattened when axis is nil).
    public func rolled(_ shifts: [Int], axis: [Int]?) throws(TensorError) -> NDArray {
        guard let axis else {
            let flat = try reshape([-1])
            let n = flat.size
            let s = n == 0 ? 0 : ((shifts.first ?? 0) % n + n) % n
            return try flat.gather(axis: 0, (0..<n).map { ($0 - s + n) % n }).reshape(shape)
        }
        var pairs: [(Int, Int)] = []
        if shifts.count == axis.count { pairs = Array(zip(axis, shifts)) }
        else if shifts.count == 1 { pairs = axis.map { ($0, shifts[0]) } }
        else if axis.count == 1 { pairs = shifts.map { (axis[0], $0) } }
        else { throw TensorError("'shift' and 'axis' should be scalars or 1D sequences", kind: .valueError) }
        var total = [Int](repeating: 0, count: ndim)
        for (a, s) in pairs {
            let ax = try NDArray.normalizeAxis(a, ndim: ndim)
            let n = Swift.max(shape[ax], 1)
            total[ax] = (total[ax] + s % n) % n   // reduced first: huge shifts never overflow
        }
        var r = try copy()
        for ax in 0..<ndim where total[ax] != 0 {
            let n = shape[ax]
            if n == 0 { continue }
            let s = (total[ax] % n + n) % n
            r = try r.gather(axis: ax, (0..<n).map { ($0 - s + n) % n })
        }
        return r
    }

    /// `np.moveaxis(a, source, destination)`: a view with the axes moved, the others in order.
    public func movedAxes(_ source: [Int], _ destination: [Int]) throws(TensorError) -> NDArray {
        func checked(_ axes: [Int], _ name: String) throws(TensorError) -> [Int] {
            for a in axes where a < -ndim || a >= ndim {
                throw TensorError("\(name): axis \(a) is out of bounds for array of dimension \(ndim)", kind: .axisError)
            }
            return try NDArray.normalizeAxes(axes, ndim: ndim, duplicateMessage: "repeated axis in `\(name)` argument")
        }
        let src = try checked(source, "source")
        let dst = try checked(destination, "destination")
        guard src.count == dst.count else {
            throw TensorError("`source` and `destination` arguments must have the same number of elements", kind: .valueError)
        }
        var order = (0..<ndim).filter { !src.contains($0) }
        for (d, s) in zip(dst, src).sorted(by: { $0.0 < $1.0 }) { order.insert(s, at: d) }
        return try transpose(order)
    }

    /// The shape `np.pad` gives each axis widened by its (before, after) pair, refused as numpy
    /// refuses negative widths and sizes past the address space (every mode checks this first).
    func paddedShape(_ widths: [(Int, Int)]) throws(TensorError) -> [Int] {
        if widths.contains(where: { $0.0 < 0 || $0.1 < 0 }) { throw TensorError("index can't contain negative values", kind: .valueError) }
        var outShape = shape
        for k in 0..<ndim {
            let (w, o1) = widths[k].0.addingReportingOverflow(widths[k].1)
            let (t, o2) = outShape[k].addingReportingOverflow(w)
            if o1 || o2 { throw TensorError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.", kind: .valueError) }
            outShape[k] = t
        }
        return outShape
    }

    /// `np.pad(array, pad_width, mode='constant', constant_values=0)`: `widths` has one
    /// (before, after) pair per axis.
    public func padded(_ widths: [(Int, Int)], value: Operand) throws(TensorError) -> NDArray {
        let outShape = try paddedShape(widths)
        var fillValue = value
        if case .array(let v) = value { fillValue = .array(try v.astype(dtype)) }
        let out = try NDArray.full(outShape, fillValue, dtype: dtype)
        if size == 0 { return out }
        let src = try contiguous()
        let w = dtype.itemSize
        let outStrides = out.strides
        let inner = shape.last ?? 1
        let rows = ndim == 0 ? 1 : size / Swift.max(inner, 1)
        var idx = [Int](repeating: 0, count: Swift.max(ndim - 1, 0))
        for r in 0..<rows {
            var off = 0
            for k in 0..<idx.count { off += (idx[k] + widths[k].0) * outStrides[k] }
            if ndim > 0 { off += widths[ndim - 1].0 * outStrides[ndim - 1] }
            out.storage.pointer.advanced(by: off * w).copyMemory(from: src.storage.pointer.advanced(by: (src.offset + r * inner) * w), byteCount: inner * w)
            var k = idx.count - 1
            while k >= 0 { idx[k] += 1; if idx[k] < shape[k] { break }; idx[k] = 0; k -= 1 }
        }
        return out
    }
}
