import Foundation

/// numpy's `Generator` on PCG64 (what `np.random.default_rng(seed)` returns).
///
/// Unlike `RandomState` it uses the ziggurat for normals and exponentials, Lemire's method for
/// bounded integers, and Floyd's algorithm (or a partial shuffle) for sampling without
/// replacement. See docs/random.md for each algorithm.
public struct Generator: Sendable, Equatable {
    public var bits: PCG64

    /// `default_rng(seed)` for a seed already cut into 32-bit words (see `SeedSequence.words`).
    public init(entropy: [UInt32]) {
        bits = PCG64(seedSequence: SeedSequence(entropy: entropy))
    }

    public init(bits: PCG64) { self.bits = bits }

    /// `default_rng()`: 128 bits of the operating system's entropy.
    public static func fromEntropy() -> Generator {
        var sys = SystemRandomNumberGenerator()
        return Generator(entropy: (0..<4).map { _ in UInt32.random(in: .min ... .max, using: &sys) })
    }

    /// `random(size, dtype)`: float64 from 53 bits of one 64-bit draw; float32 from 24 bits of a
    /// (buffered) 32-bit draw.
    public mutating func random(_ shape: [Int], dtype: DType) throws(TensorError) -> NDArray {
        switch dtype {
        case .float64: return try RandomSampling.fill(shape) { bits.nextDouble() }
        case .float32: return try RandomSampling.fill(shape) { bits.nextFloat() }
        default: throw TensorError("Unsupported dtype dtype('\(dtype.name)') for random", kind: .typeError)
        }
    }

    public mutating func standardNormal(_ shape: [Int], dtype: DType) throws(TensorError) -> NDArray {
        switch dtype {
        case .float64: return try RandomSampling.fill(shape) { bits.standardNormal() }
        case .float32: return try RandomSampling.fill(shape) { bits.standardNormalFloat() }
        default: throw TensorError("Unsupported dtype dtype('\(dtype.name)') for standard_normal", kind: .typeError)
        }
    }

    public mutating func standardExponential(_ shape: [Int], dtype: DType) throws(TensorError) -> NDArray {
        switch dtype {
        case .float64: return try RandomSampling.fill(shape) { bits.standardExponential() }
        case .float32: return try RandomSampling.fill(shape) { bits.standardExponentialFloat() }
        default: throw TensorError("Unsupported dtype dtype('\(dtype.name)') for standard_exponential", kind: .typeError)
        }
    }

    /// `normal(loc, scale, size)`: `loc + scale * z` with the ziggurat z.
    public mutating func normal(loc: NDArray, scale: NDArray, size: [Int]?) throws(TensorError) -> NDArray {
        try LegacyRandomState.checkNonNegative(scale, "scale")
        return try RandomSampling.continuous2(size: size, loc, scale) { l, s in l + s * bits.standardNormal() }
    }

    /// `exponential(scale, size)`: `scale * E` with the ziggurat E.
    public mutating func exponential(scale: NDArray, size: [Int]?) throws(TensorError) -> NDArray {
        try LegacyRandomState.checkNonNegative(scale, "scale")
        return try RandomSampling.continuous2(size: size, scale, NDArray(scalar: 1.0)) { s, _ in s * bits.standardExponential() }
    }

    /// `uniform(low, high, size)`: `low + (high - low) * U`; `high - low` must be finite and ≥ 0.
    public mutating func uniform(low: NDArray, high: NDArray, size: [Int]?) throws(TensorError) -> NDArray {
        let shape = try RandomSampling.broadcastShape(size: nil, [low, high])
        let ranges = zip(try RandomSampling.doubles(low, shape), try RandomSampling.doubles(high, shape)).map { $1 - $0 }
        if low.ndim == 0 && high.ndim == 0 {
            guard ranges.allSatisfy(\.isFinite) else { throw TensorError("high - low range exceeds valid bounds", kind: .overflowError) }
        } else {
            guard ranges.allSatisfy(\.isFinite) else { throw TensorError("Range exceeds valid bounds", kind: .overflowError) }
        }
        let range = try NDArray(ranges, shape: shape)
        try LegacyRandomState.checkNonNegative(range, "high - low")
        return try RandomSampling.continuous2(size: size, low, range) { l, r in l + r * bits.nextDouble() }
    }

    /// `integers(low, high, size, dtype, endpoint)`: Lemire's method.
    public mutating func integers(low: Int128, high: Int128, shape: [Int], dtype: DType, endpoint: Bool) throws(TensorError) -> NDArray {
        try RandomSampling.boundedIntegers(&bits, low: low, high: high, shape: shape, dtype: dtype,
                                           masked: false, closed: endpoint, function: "integers")
    }

    // MARK: - Permutations

    /// `shuffle(x, axis)`: in place.
    public mutating func shuffle(_ a: NDArray, axis: Int) throws(TensorError) {
        guard a.ndim > 0 else { throw TensorError("object of type 'numpy.ndarray' has no len()", kind: .typeError) }
        let ax = try RandomSampling.normalizeAxis(axis, a.ndim)
        try a.requireWriteable("array is read-only")
        try a.willWrite()
        try RandomSampling.shuffle(&bits, a, axis: ax)
    }

    /// `permutation(n)`: a shuffled `arange(n)`.
    public mutating func permutation(_ n: Int) throws(TensorError) -> NDArray {
        let a = try RandomSampling.arange(n)
        try RandomSampling.shuffle(&bits, a)
        return a
    }

    /// `permutation(x, axis)`: a copy of x shuffled along `axis`.
    public mutating func permutation(array x: NDArray, axis: Int) throws(TensorError) -> NDArray {
        guard x.ndim >= 1 else { throw TensorError("axis \(axis) is out of bounds for array of dimension 0", kind: .axisError) }
        let ax = try RandomSampling.normalizeAxis(axis, x.ndim)
        if x.ndim == 1 {
            let copy = try x.copy()
            try RandomSampling.shuffle(&bits, copy)
            return copy
        }
        let idx = try permutation(x.shape[ax])
        return try RandomSampling.take(x, RandomSampling.intPrefix(idx, idx.size), indexShape: [x.shape[ax]], axis: ax)
    }

    /// `permuted(x, axis)`: a copy with each lane along `axis` shuffled independently; with no
    /// axis, all elements shuffled as one flat sequence (in memory order of the copy).
    public mutating func permuted(_ x: NDArray, axis: Int?) throws(TensorError) -> NDArray {
        // numpy copies with order='K': a Fortran-ordered input stays Fortran-ordered, and the
        // flat shuffle then runs in that order.
        let fortran = x.ndim > 1 && x.isFContiguous && !x.isCContiguous
        let out: NDArray
        if fortran {
            let t = try x.transpose().copy()
            out = try t.transpose()
        } else {
            out = try x.copy()
        }
        guard let axis else {
            if out.size == 0 { return out }
            let flat = NDArray(viewing: out.storage, dtype: out.dtype, shape: [out.size], strides: [1], offset: out.offset)
            try RandomSampling.shuffle(&bits, flat)
            return out
        }
        let ax = try RandomSampling.normalizeAxis(axis, max(out.ndim, 1))
        guard out.ndim > 0, out.size > 0 else { return out }
        // Every lane along `ax`, visited in C order of the other axes.
        var shape = out.shape, strides = out.strides
        shape[ax] = 1
        strides[ax] = 0
        let lanes = NDArray(viewing: out.storage, dtype: out.dtype, shape: shape, strides: strides, offset: out.offset)
        var starts: [Int] = []
        lanes.forEachOffset { starts.append($0) }
        for s in starts {
            let lane = NDArray(viewing: out.storage, dtype: out.dtype, shape: [out.shape[ax]], strides: [out.strides[ax]], offset: s)
            try RandomSampling.shuffle(&bits, lane, first: 0)
        }
        return out
    }

    /// `choice(a, size, replace, p, shuffle)`: indices into a population of `populationSize`.
    public mutating func choice(populationSize: Int, isInteger: Bool, shape: [Int], replace: Bool, p: [Double]?,
                                pIsFloat32: Bool = false, shuffle: Bool = true) throws(TensorError) -> [Int] {
        let count = try Limits.elementCount(shape)
        if isInteger {
            if populationSize <= 0 && count != 0 { throw TensorError("a must be a positive integer unless no samples are taken", kind: .valueError) }
        } else if populationSize == 0 && count != 0 {
            throw TensorError("a cannot be empty unless no samples are taken", kind: .valueError)
        }
        if let p {
            try LegacyRandomState.checkProbabilities(p, populationSize, float32: pIsFloat32, legacy: false)
        }
        if replace {
            if let p {
                return try RandomSampling.picksByProbability(p, count: count) { bits.nextDouble() }
            }
            let a = try integers(low: 0, high: Int128(populationSize), shape: [count], dtype: .int64, endpoint: false)
            return RandomSampling.intPrefix(a, count)
        }
        if count > populationSize {
            throw TensorError("Cannot take a larger sample than population when replace is False", kind: .valueError)
        }
        if let p {
            if p.filter({ $0 > 0 }).count < count { throw TensorError("Fewer non-zero entries in p than size", kind: .valueError) }
            return try RandomSampling.choiceWithoutReplacement(p, count: count) { (k) throws(TensorError) -> [Double] in
                (0..<k).map { _ in bits.nextDouble() }
            }
        }
        let cutoff = shuffle ? 50 : 20
        if populationSize > 10000 && count > populationSize / cutoff {
            // Partial Fisher–Yates of the tail: only the last `count` positions are drawn.
            _ = try Limits.checkAllocation([populationSize], .int64)
            var idx = [Int](repeating: 0, count: populationSize)
            for i in 0..<populationSize {
                if i & 0xFFFFF == 0xFFFFF { try Cancellation.check() }
                idx[i] = i
            }
            try shuffleInts(&idx, first: max(populationSize - count, 1))
            return Array(idx[(populationSize - count)...])
        }
        // Floyd's algorithm with an open-addressing hash set, then (optionally) a shuffle.
        _ = try Limits.checkAllocation([count, 3], .int64)
        var idx = [Int](repeating: 0, count: count)
        let mask = Int(smallestMask(UInt64(Double(count) * 1.2)))
        var set = [Int](repeating: -1, count: mask + 1)
        for j in (populationSize - count)..<populationSize {
            if j & 0xFFFF == 0xFFFF { try Cancellation.check() }
            let val = Int(bits.bounded64(off: 0, rng: UInt64(j), masked: false))
            var loc = val & mask
            while set[loc] != -1 && set[loc] != val { loc = (loc + 1) & mask }
            if set[loc] == -1 {
                set[loc] = val
                idx[j - populationSize + count] = val
            } else {
                loc = j & mask
                while set[loc] != -1 { loc = (loc + 1) & mask }
                set[loc] = j
                idx[j - populationSize + count] = j
            }
        }
        if shuffle { try shuffleInts(&idx, first: 1) }
        return idx
    }

    /// numpy's `_shuffle_int`: Fisher–Yates with `random_bounded_uint64` (Lemire) draws.
    mutating func shuffleInts(_ a: inout [Int], first: Int) throws(TensorError) {
        var i = a.count - 1
        while i >= first {
            if i & 0xFFFF == 0 { try Cancellation.check() }
            let j = Int(bits.bounded64(off: 0, rng: UInt64(i), masked: false))
            a.swapAt(i, j)
            i -= 1
        }
    }
}
