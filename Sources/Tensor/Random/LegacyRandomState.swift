import Foundation

/// numpy's legacy `RandomState` (what `np.random.seed`, `rand`, `randn`, `randint`, ... use):
/// MT19937 plus the cached second value of the polar Gaussian.
///
/// The Gaussian is Marsaglia's polar method: draw x1, x2 uniform in (-1, 1) until
/// 0 < r² = x1² + x2² < 1, then f = sqrt(-2 ln r² / r²); return f·x2 and keep f·x1 for the next
/// request (`has_gauss`). The cache belongs to the state: it survives across calls (an odd-sized
/// `randn(3)` leaves one value that the next normal draw returns first) and `seed` clears it.
public struct LegacyRandomState: Sendable, Equatable {
    public var bits: MT19937
    public var hasGauss = false
    public var gauss = 0.0

    public init(seed: UInt32) { bits = MT19937(seed: seed) }

    public init(seedArray: [UInt32]) { bits = MT19937(seedArray: seedArray) }

    public init(bits: MT19937, hasGauss: Bool, gauss: Double) {
        self.bits = bits
        self.hasGauss = hasGauss
        self.gauss = gauss
    }

    /// Seeded from the operating system's entropy, as `np.random.seed()` and a fresh numpy process.
    public static func fromEntropy() -> LegacyRandomState {
        var sys = SystemRandomNumberGenerator()
        return LegacyRandomState(seedArray: (0..<4).map { _ in UInt32.random(in: .min ... .max, using: &sys) })
    }

    /// `legacy_gauss`.
    public mutating func nextGauss() -> Double {
        if hasGauss {
            hasGauss = false
            let t = gauss
            gauss = 0
            return t
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * bits.nextDouble() - 1.0
            x2 = 2.0 * bits.nextDouble() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * Foundation.log(r2) / r2).squareRoot()
        gauss = f * x1
        hasGauss = true
        return f * x2
    }

    // MARK: - Continuous

    /// `random_sample(size)`: doubles in [0, 1).
    public mutating func randomSample(_ shape: [Int]) throws(TensorError) -> NDArray {
        try RandomSampling.fill(shape) { bits.nextDouble() }
    }

    public mutating func standardNormal(_ shape: [Int]) throws(TensorError) -> NDArray {
        try RandomSampling.fill(shape) { nextGauss() }
    }

    /// `normal(loc, scale, size)`: `loc + scale * gauss`, parameters broadcast.
    public mutating func normal(loc: NDArray, scale: NDArray, size: [Int]?) throws(TensorError) -> NDArray {
        try Self.checkNonNegative(scale, "scale")
        return try RandomSampling.continuous2(size: size, loc, scale) { l, s in l + s * nextGauss() }
    }

    /// `uniform(low, high, size)`: `low + (high - low) * U`.
    public mutating func uniform(low: NDArray, high: NDArray, size: [Int]?) throws(TensorError) -> NDArray {
        let lo = low.scalars.map(\.doubleValue), hi = high.scalars.map(\.doubleValue)
        if low.ndim == 0 && high.ndim == 0, let l = lo.first, let h = hi.first {
            guard (h - l).isFinite else { throw TensorError("Range exceeds valid bounds", kind: .overflowError) }
            let shape = size ?? []
            return try RandomSampling.fill(shape) { l + (h - l) * bits.nextDouble() }
        }
        let shape = try RandomSampling.broadcastShape(size: nil, [low, high])
        let ranges = zip(try RandomSampling.doubles(low, shape), try RandomSampling.doubles(high, shape)).map { $1 - $0 }
        guard ranges.allSatisfy(\.isFinite) else { throw TensorError("Range exceeds valid bounds", kind: .overflowError) }
        let range = try NDArray(ranges, shape: shape)
        return try RandomSampling.continuous2(size: size, low, range) { l, r in l + r * bits.nextDouble() }
    }

    /// `exponential(scale, size)`: `-log(1 - U) * scale`.
    public mutating func exponential(scale: NDArray, size: [Int]?) throws(TensorError) -> NDArray {
        try Self.checkNonNegative(scale, "scale")
        let one = NDArray(scalar: 1.0)
        return try RandomSampling.continuous2(size: size, scale, one) { s, _ in s * -Foundation.log(1.0 - bits.nextDouble()) }
    }

    static func checkNonNegative(_ a: NDArray, _ name: String) throws(TensorError) {
        for s in a.scalars where s.doubleValue.sign == .minus && !s.doubleValue.isNaN {
            throw TensorError("\(name) < 0", kind: .valueError)
        }
    }

    // MARK: - Discrete

    /// `randint(low, high, size, dtype)`: masked rejection sampling (numpy keeps the slower
    /// method here so old seeds give old numbers).
    public mutating func randint(low: Int128, high: Int128, shape: [Int], dtype: DType) throws(TensorError) -> NDArray {
        try RandomSampling.boundedIntegers(&bits, low: low, high: high, shape: shape, dtype: dtype,
                                           masked: true, closed: false, function: "randint")
    }

    /// `binomial(n, p, size)` (int64 results).
    public mutating func binomial(n: Int64, p: Double, shape: [Int]) throws(TensorError) -> NDArray {
        guard p >= 0, p <= 1 else { throw TensorError("p < 0, p > 1 or p is NaN", kind: .valueError) }
        guard n >= 0 else { throw TensorError("n < 0", kind: .valueError) }
        return try RandomSampling.fill(shape) { bits.legacyBinomial(n: n, p: p) }
    }

    /// `poisson(lam, size)` (int64 results).
    public mutating func poisson(lam: Double, shape: [Int]) throws(TensorError) -> NDArray {
        guard lam >= 0 else { throw TensorError("lam < 0 or lam is NaN", kind: .valueError) }
        guard lam <= 9.223372036854775807e18 - 3.0370004999760496e10 else { throw TensorError("lam value too large", kind: .valueError) }
        return try RandomSampling.fill(shape) { bits.poisson(lam) }
    }

    // MARK: - Permutations

    /// `shuffle(x)`: in place along axis 0, Fisher–Yates with `random_interval` draws.
    public mutating func shuffle(_ a: NDArray) throws(TensorError) {
        guard a.ndim > 0 else { throw TensorError("object of type 'numpy.ndarray' has no len()", kind: .typeError) }
        try a.requireWriteable("array is read-only")
        try a.willWrite()
        try RandomSampling.shuffle(&bits, a)
    }

    /// `permutation(n)`: a shuffled `arange(n)` (int64).
    public mutating func permutation(_ n: Int) throws(TensorError) -> NDArray {
        let a = try RandomSampling.arange(n)
        try RandomSampling.shuffle(&bits, a)
        return a
    }

    /// `permutation(x)` for an array: a shuffled copy (along axis 0).
    public mutating func permutation(array x: NDArray) throws(TensorError) -> NDArray {
        guard x.ndim >= 1 else { throw TensorError("x must be an integer or at least 1-dimensional", kind: .indexError) }
        if x.ndim == 1 {
            let copy = try x.copy()
            try RandomSampling.shuffle(&bits, copy)
            return copy
        }
        let idx = try permutation(x.shape[0])
        return try RandomSampling.take(x, RandomSampling.intPrefix(idx, idx.size), indexShape: [x.shape[0]], axis: 0)
    }

    /// `choice(a, size, replace, p)` where `a` is a population size or a 1-d array. Returns the
    /// sampled values (or indices when `population` is nil) with `shape`.
    public mutating func choice(populationSize: Int, isInteger: Bool, shape: [Int], isScalar: Bool,
                                replace: Bool, p: [Double]?, pIsFloat32: Bool = false) throws(TensorError) -> [Int] {
        let count = try Limits.elementCount(shape)
        if isInteger {
            if populationSize <= 0 && count != 0 { throw TensorError("a must be greater than 0 unless no samples are taken", kind: .valueError) }
        } else if populationSize == 0 && count != 0 {
            throw TensorError("'a' cannot be empty unless no samples are taken", kind: .valueError)
        }
        if let p {
            try Self.checkProbabilities(p, populationSize, float32: pIsFloat32, legacy: true)
        }
        if replace {
            if let p {
                return try RandomSampling.picksByProbability(p, count: count) { bits.nextDouble() }
            }
            let a = try randint(low: 0, high: Int128(populationSize), shape: [count], dtype: .int64)
            return RandomSampling.intPrefix(a, count)
        }
        if count > populationSize {
            throw TensorError("Cannot take a larger sample than population when 'replace=False'", kind: .valueError)
        }
        if let p {
            if p.filter({ $0 > 0 }).count < count { throw TensorError("Fewer non-zero entries in p than size", kind: .valueError) }
            return try RandomSampling.choiceWithoutReplacement(p, count: count) { (k) throws(TensorError) -> [Double] in
                (0..<k).map { _ in bits.nextDouble() }
            }
        }
        let perm = try permutation(populationSize)
        return RandomSampling.intPrefix(perm, count)
    }

    /// numpy's checks of `p` (legacy wording when `legacy`, Generator's otherwise).
    static func checkProbabilities(_ p: [Double], _ populationSize: Int, float32: Bool, legacy: Bool) throws(TensorError) {
        if p.count != populationSize {
            throw TensorError(legacy ? "'a' and 'p' must have same size" : "a and p must have same size", kind: .valueError)
        }
        var atol = Double.ulpOfOne.squareRoot()
        if float32 { atol = max(atol, Double(Float.ulpOfOne).squareRoot()) }
        try Cancellation.check()
        let sum = RandomSampling.kahanSum(p)
        try Cancellation.check()
        if sum.isNaN { throw TensorError(legacy ? "probabilities contain NaN" : "Probabilities contain NaN", kind: .valueError) }
        if p.contains(where: { $0 < 0 }) {
            throw TensorError(legacy ? "probabilities are not non-negative" : "Probabilities are not non-negative", kind: .valueError)
        }
        if Swift.abs(sum - 1.0) > atol {
            throw TensorError(legacy ? "probabilities do not sum to 1"
                                     : "Probabilities do not sum to 1. See Notes section of docstring for more information.", kind: .valueError)
        }
    }
}
