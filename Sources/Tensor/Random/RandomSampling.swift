/// Pieces shared by `LegacyRandomState` and `Generator`: filling arrays in C order from a
/// sampler, numpy's broadcasting of distribution parameters, bounded integers per dtype,
/// in-place Fisher–Yates shuffles over strided storage, and gathering rows by index.
public enum RandomSampling {
    /// Python's repr of a shape tuple: `(2, 3)`, `(2,)`, `()`.
    static func pythonTuple(_ shape: [Int]) -> String {
        if shape.count == 1 { return "(\(shape[0]),)" }
        return "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// An array of `shape` whose elements (C order) are `draw()`; the shape is checked against
    /// the memory limit before anything is drawn. Ctrl-C is polled every ~1M draws.
    public static func fill<T: TensorElement>(_ shape: [Int], _ draw: () -> T) throws(TensorError) -> NDArray {
        let n = try Limits.checkAllocation(shape, T.dtype)
        var values: [T] = []
        values.reserveCapacity(n)
        for i in 0..<n {
            values.append(draw())
            if i & 0xFFFFF == 0xFFFFF { try Cancellation.check() }
        }
        return try NDArray(values, shape: shape)
    }

    /// numpy's multi-iterator broadcast of (output of `size`, parameters...), with its error.
    static func broadcastShape(size: [Int]?, _ params: [NDArray]) throws(TensorError) -> [Int] {
        var shapes = params.map(\.shape)
        if let size { shapes.insert(size, at: 0) }
        let nd = shapes.map(\.count).max() ?? 0
        var out = [Int](repeating: 1, count: nd)
        for i in 0..<nd {
            var source = -1
            for (j, s) in shapes.enumerated() {
                let k = i + s.count - nd
                guard k >= 0 else { continue }
                let d = s[k]
                if d == 1 { continue }
                if out[i] == 1 {
                    out[i] = d
                    source = j
                } else if out[i] != d {
                    throw TensorError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg \(max(source, 0)) with shape \(pythonTuple(shapes[max(source, 0)])) and arg \(j) with shape \(pythonTuple(s)).", kind: .valueError)
                }
            }
        }
        if let size, out != size {
            // The output's own shape must be the broadcast shape (numpy's validate_output_shape).
            throw TensorError("Output size \(pythonTuple(size)) is not compatible with broadcast dimensions of inputs \(pythonTuple(out)).", kind: .valueError)
        }
        return out
    }

    /// The float64 values of `a` broadcast to `shape`, C order.
    static func doubles(_ a: NDArray, _ shape: [Int]) throws(TensorError) -> [Double] {
        let b = try a.astype(.float64).broadcast(to: shape)
        return b.scalars.map(\.doubleValue)
    }

    /// A continuous distribution of two parameters, drawn in C order of the broadcast shape.
    static func continuous2(size: [Int]?, _ a: NDArray, _ b: NDArray,
                            _ draw: (Double, Double) -> Double) throws(TensorError) -> NDArray {
        let shape = try broadcastShape(size: size, [a, b])
        _ = try Limits.checkAllocation(shape, .float64)
        if a.size == 1 && b.size == 1, let x = a.scalars.first?.doubleValue, let y = b.scalars.first?.doubleValue {
            return try fill(shape) { draw(x, y) }
        }
        let av = try doubles(a, shape), bv = try doubles(b, shape)
        var i = 0
        return try fill(shape) { defer { i += 1 }; return draw(av[i], bv[i]) }
    }

    // MARK: - Bounded integers

    /// How numpy draws integers of a dtype: the unsigned width and the dtype's range.
    struct IntegerKind {
        var width: IntegerWidth
        var lower: Int128
        var upper: Int128
    }

    static func integerKind(_ dtype: DType) -> IntegerKind? {
        switch dtype {
        case .int64: return IntegerKind(width: .bits64, lower: Int128(Int64.min), upper: Int128(Int64.max))
        case .int32: return IntegerKind(width: .bits32, lower: Int128(Int32.min), upper: Int128(Int32.max))
        case .uint8: return IntegerKind(width: .bits8, lower: 0, upper: 255)
        case .bool: return IntegerKind(width: .bool, lower: 0, upper: 1)
        default: return nil
        }
    }

    /// numpy's `_rand_<dtype>` for scalar bounds: values in [low, high) (or [low, high] when
    /// `closed`), checked with numpy's errors. `function` names the caller in the dtype error.
    static func boundedIntegers<G: BitGenerator>(_ g: inout G, low: Int128, high: Int128, shape: [Int], dtype: DType,
                                                 masked: Bool, closed: Bool, function: String) throws(TensorError) -> NDArray {
        guard let kind = integerKind(dtype) else {
            throw TensorError("Unsupported dtype dtype('\(dtype.name)') for \(function)", kind: .typeError)
        }
        let n = try Limits.checkAllocation(shape, dtype)
        if n == 0 { return try NDArray(zeros: shape, dtype: dtype) }
        let top = closed ? high : high - 1
        if low < kind.lower { throw TensorError("low is out of bounds for \(dtype.name)", kind: .valueError) }
        if top > kind.upper { throw TensorError("high is out of bounds for \(dtype.name)", kind: .valueError) }
        if low > top {
            throw TensorError(low == 0 ? (closed ? "high < 0" : "high <= 0") : (closed ? "low > high" : "low >= high"), kind: .valueError)
        }
        let rng = UInt64(truncatingIfNeeded: top - low)
        let off = UInt64(truncatingIfNeeded: low)
        let raw = g.boundedFill(kind.width, off: off, rng: rng, count: n, masked: masked)
        try Cancellation.check()
        return try integerArray(raw, shape: shape, dtype: dtype, width: kind.width)
    }

    /// Raw bit patterns of `width` as an array of `dtype` (signed types reinterpret the bits).
    /// Written straight into the array's storage, a million elements between Ctrl-C checks (a
    /// `map` and a copy of 10^8 elements were seconds no Ctrl-C could stop).
    static func integerArray(_ raw: [UInt64], shape: [Int], dtype: DType, width: IntegerWidth) throws(TensorError) -> NDArray {
        func write<T>(_: T.Type, _ dtype: DType, _ convert: (UInt64) -> T) throws(TensorError) -> NDArray {
            let a = try NDArray(uninitialized: shape, dtype: dtype)
            let out = a.storage.pointer.bindMemory(to: T.self, capacity: Swift.max(raw.count, 1))
            var i = 0
            while i < raw.count {
                if i > 0 { try Cancellation.check() }
                let end = Swift.min(i + (1 << 20), raw.count)
                for k in i..<end { (out + k).initialize(to: convert(raw[k])) }
                i = end
            }
            return a
        }
        switch dtype {
        case .int64: return try write(Int64.self, .int64) { Int64(bitPattern: $0) }
        case .int32: return try write(Int32.self, .int32) { Int32(truncatingIfNeeded: $0) }
        case .uint8: return try write(UInt8.self, .uint8) { UInt8(truncatingIfNeeded: $0) }
        case .bool: return try write(Bool.self, .bool) { $0 & 1 != 0 }
        default: return try write(Int64.self, .int64) { Int64(bitPattern: $0) }.astype(dtype)
        }
    }

    // MARK: - Shuffles

    /// Swaps the sub-arrays at positions `i` and `j` along `axis` of `a`, in its storage.
    static func swapSlices(_ a: NDArray, axis: Int, _ i: Int, _ j: Int) {
        if i == j { return }
        var shape = a.shape, strides = a.strides
        let step = strides[axis]
        shape.remove(at: axis)
        strides.remove(at: axis)
        let view = NDArray(viewing: a.storage, dtype: a.dtype, shape: shape, strides: strides, offset: a.offset + i * step)
        let delta = (j - i) * step
        let size = a.itemSize
        let base = a.storage.pointer
        view.forEachOffset { off in
            let p = base + off * size, q = base + (off + delta) * size
            for k in 0..<size {
                let t = p.load(fromByteOffset: k, as: UInt8.self)
                p.storeBytes(of: q.load(fromByteOffset: k, as: UInt8.self), toByteOffset: k, as: UInt8.self)
                q.storeBytes(of: t, toByteOffset: k, as: UInt8.self)
            }
        }
    }

    /// Fisher–Yates in place along `axis`, from the last position down to `first`, with numpy's
    /// `random_interval` draws (what `shuffle` does; `first` is 1, or 0 for `permuted`'s lanes).
    /// Ctrl-C is polled between swaps: np.random.permutation(3 * 10**8) ran a minute with no
    /// way to stop it. Callers shuffling an array that already existed call `willWrite` first,
    /// so an interrupted shuffle is rolled back with its statement.
    static func shuffle<G: BitGenerator>(_ g: inout G, _ a: NDArray, axis: Int = 0, first: Int = 1) throws(TensorError) {
        guard a.ndim > 0, a.size > 0 else { return }
        let n = a.shape[axis]
        if axis == 0 && a.isCContiguous {
            // Whole rows side by side: swap their bytes directly (swapSlices walks a view per swap).
            try shuffleRows(&g, a.storage.pointer + a.offset * a.itemSize, count: n,
                            rowBytes: a.size / n * a.itemSize, first: first)
            return
        }
        var i = n - 1
        while i >= first {
            if i & 0xFFF == 0 { try Cancellation.check() }
            let j = Int(g.interval(UInt64(i)))
            swapSlices(a, axis: axis, i, j)
            i -= 1
        }
    }

    /// Fisher–Yates over `count` rows of `rowBytes` bytes each at `base` (C-contiguous rows).
    static func shuffleRows<G: BitGenerator>(_ g: inout G, _ base: UnsafeMutableRawPointer, count n: Int,
                                             rowBytes: Int, first: Int) throws(TensorError) {
        let temp = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(rowBytes, 1), alignment: 16)
        defer { temp.deallocate() }
        var i = n - 1
        while i >= first {
            if i & 0xFFFF == 0 { try Cancellation.check() }
            let j = Int(g.interval(UInt64(i)))
            if i != j {
                let p = base + i * rowBytes, q = base + j * rowBytes
                if rowBytes == 8 {
                    let t = p.loadUnaligned(as: UInt64.self)
                    p.storeBytes(of: q.loadUnaligned(as: UInt64.self), as: UInt64.self)
                    q.storeBytes(of: t, as: UInt64.self)
                } else {
                    temp.copyMemory(from: p, byteCount: rowBytes)
                    p.copyMemory(from: q, byteCount: rowBytes)
                    q.copyMemory(from: temp, byteCount: rowBytes)
                }
            }
            i -= 1
        }
    }

    /// `arange(n)` as int64, written in place a million at a time between Ctrl-C checks, after
    /// the memory budget allowed it (what permutation(n) shuffles).
    static func arange(_ n: Int) throws(TensorError) -> NDArray {
        if n < 0 { throw TensorError("negative dimensions are not allowed", kind: .valueError) }
        let a = try NDArray(uninitialized: [n], dtype: .int64)
        let p = a.storage.pointer
        var i = 0
        while i < n {
            if i > 0 { try Cancellation.check() }
            let end = Swift.min(i + (1 << 20), n)
            for k in i..<end { p.storeBytes(of: Int64(k), toByteOffset: k * 8, as: Int64.self) }
            i = end
        }
        return a
    }

    /// The first `count` elements of a C-contiguous int64 array as Ints (not through `scalars`,
    /// which boxes every element of the whole array).
    static func intPrefix(_ a: NDArray, _ count: Int) -> [Int] {
        let n = Swift.min(count, a.size)
        let p = a.storage.pointer + a.offset * 8
        return (0..<n).map { Int(p.load(fromByteOffset: $0 * 8, as: Int64.self)) }
    }

    /// `count` picks with replacement by probabilities: one uniform per pick looked up in the
    /// running sum of p (a Ctrl-C check every 64K picks).
    static func picksByProbability(_ p: [Double], count: Int, _ next: () -> Double) throws(TensorError) -> [Int] {
        _ = try Limits.checkAllocation([count], .int64)
        let c = cdf(p)
        var out: [Int] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
            out.append(searchRight(c, next()))
        }
        return out
    }

    /// `a.take(indices, axis=axis)` for in-range indices: a new C-contiguous array whose `axis`
    /// is replaced by the indices' shape.
    public static func take(_ a: NDArray, _ indices: [Int], indexShape: [Int], axis: Int) throws(TensorError) -> NDArray {
        var outShape = Array(a.shape[..<axis])
        outShape += indexShape
        outShape += a.shape[(axis + 1)...]
        let out = try NDArray(zeros: outShape, dtype: a.dtype)
        let outer = a.shape[..<axis].reduce(1, *)
        let inner = a.shape[(axis + 1)...].reduce(1, *)
        let src = try a.contiguous()
        let size = a.itemSize
        let axisLen = a.shape[axis]
        let sp = src.storage.pointer + src.offset * size, dp = out.storage.pointer
        var d = 0
        for o in 0..<outer {
            for idx in indices {
                let from = sp + ((o * axisLen + idx) * inner) * size
                (dp + d * size).copyMemory(from: from, byteCount: inner * size)
                d += inner
            }
        }
        return out
    }

    /// Checks `axis` against `ndim` with numpy's AxisError wording; returns it made non-negative.
    public static func normalizeAxis(_ axis: Int, _ ndim: Int) throws(TensorError) -> Int {
        let a = axis < 0 ? axis + ndim : axis
        guard a >= 0 && a < ndim else {
            throw TensorError("axis \(axis) is out of bounds for array of dimension \(ndim)", kind: .axisError)
        }
        return a
    }

    // MARK: - choice with probabilities

    /// numpy's `kahan_sum` of the probabilities (compensated summation).
    static func kahanSum(_ v: [Double]) -> Double {
        guard var sum = v.first else { return 0 }
        var c = 0.0
        for x in v.dropFirst() {
            let y = x - c
            let t = sum + y
            c = (t - sum) - y
            sum = t
        }
        return sum
    }

    /// The normalised running sum `cdf = p.cumsum(); cdf /= cdf[-1]`.
    static func cdf(_ p: [Double]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(p.count)
        var s = 0.0
        for x in p { s += x; out.append(s) }
        if let last = out.last { for i in out.indices { out[i] /= last } }
        return out
    }

    /// `cdf.searchsorted(x, side='right')`: the number of entries ≤ x.
    static func searchRight(_ cdf: [Double], _ x: Double) -> Int {
        var lo = 0, hi = cdf.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cdf[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Sampling without replacement by probabilities (both APIs): repeatedly draw the missing
    /// count of uniforms, zero the probabilities already taken, keep the new distinct picks in
    /// order of first appearance.
    static func choiceWithoutReplacement(_ p: [Double], count: Int, uniforms: (Int) throws(TensorError) -> [Double]) throws(TensorError) -> [Int] {
        var p = p
        var found: [Int] = []
        while found.count < count {
            try Cancellation.check()
            let x = try uniforms(count - found.count)
            for f in found { p[f] = 0 }
            let c = cdf(p)
            var seen = Set<Int>()
            for (i, u) in x.enumerated() {
                if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
                let k = searchRight(c, u)
                if seen.insert(k).inserted { found.append(k) }
            }
        }
        return found
    }
}
