/// The scalar-parameter distributions of `np.random` / `RandomState` and `Generator`, as data:
/// each one's parameters (numpy's names, defaults and checks) and which sampler draws it in each
/// API. The shell registers one command per case and API from this table, and the samplers are
/// in `LegacyDistributions.swift` (RandomState's numpy-1.16 algorithms) and `Distributions.swift`
/// (Generator's).
public enum Distribution: String, CaseIterable, Sendable {
    case beta, binomial, chisquare, exponential, f, gamma, geometric, gumbel, hypergeometric, laplace, logistic
    case lognormal, logseries, pareto, poisson, power, rayleigh, triangular, vonmises, wald, weibull, zipf
    case negativeBinomial = "negative_binomial"
    case noncentralChisquare = "noncentral_chisquare"
    case noncentralF = "noncentral_f"
    case standardCauchy = "standard_cauchy"
    case standardExponential = "standard_exponential"
    case standardGamma = "standard_gamma"
    case standardT = "standard_t"

    public struct Parameter: Sendable {
        public var name: String
        /// numpy's default, or nil when the parameter is required.
        public var defaultValue: Double?
        public var constraint: ParameterConstraint
        /// An integer parameter (numpy converts it to int64, truncating floats).
        public var isInteger = false
    }

    /// Integer results (int64), or float64.
    public var isDiscrete: Bool {
        switch self {
        case .binomial, .geometric, .hypergeometric, .logseries, .negativeBinomial, .poisson, .zipf: return true
        default: return false
        }
    }

    /// The parameters in numpy's order, with the checks of `RandomState` (`legacy`) or `Generator`.
    public func parameters(legacy: Bool) -> [Parameter] {
        func p(_ name: String, _ d: Double? = nil, _ c: ParameterConstraint = .none, int: Bool = false) -> Parameter {
            Parameter(name: name, defaultValue: d, constraint: c, isInteger: int)
        }
        switch self {
        case .beta: return [p("a", nil, .positive), p("b", nil, .positive)]
        case .binomial: return [p("n", nil, legacy ? .legacyLong : .nonNegative, int: true), p("p", nil, .bounded01)]
        case .chisquare: return [p("df", nil, .positive)]
        case .exponential: return [p("scale", 1, .nonNegative)]
        case .f: return [p("dfnum", nil, .positive), p("dfden", nil, .positive)]
        case .gamma: return [p("shape", nil, .nonNegative), p("scale", 1, .nonNegative)]
        case .geometric: return [p("p", nil, .boundedAbove0To1)]
        case .gumbel, .laplace, .logistic: return [p("loc", 0), p("scale", 1, .nonNegative)]
        case .hypergeometric:
            return legacy ? [p("ngood", nil, .legacyLong, int: true), p("nbad", nil, .nonNegative, int: true),
                             p("nsample", nil, .atLeast1, int: true)]
                          : [p("ngood", nil, .nonNegative, int: true), p("nbad", nil, .nonNegative, int: true),
                             p("nsample", nil, .nonNegative, int: true)]
        case .lognormal: return [p("mean", 0), p("sigma", 1, .nonNegative)]
        case .logseries: return [p("p", nil, .bounded0ToBelow1)]
        case .negativeBinomial:
            return legacy ? [p("n", nil, .positive), p("p", nil, .bounded01)]
                          : [p("n", nil, .positiveNotNaN), p("p", nil, .boundedAbove0To1)]
        case .noncentralChisquare: return [p("df", nil, .positive), p("nonc", nil, .nonNegative)]
        case .noncentralF: return [p("dfnum", nil, .positive), p("dfden", nil, .positive), p("nonc", nil, .nonNegative)]
        case .pareto, .power: return [p("a", nil, .positive)]
        case .poisson: return [p("lam", 1, .poisson)]
        case .rayleigh: return [p("scale", 1, .nonNegative)]
        case .standardCauchy, .standardExponential: return []
        case .standardGamma: return [p("shape", nil, .nonNegative)]
        case .standardT: return [p("df", nil, .positive)]
        case .triangular: return [p("left"), p("mode"), p("right")]
        case .vonmises: return [p("mu"), p("kappa", nil, .nonNegative)]
        case .wald: return [p("mean", nil, .positive), p("scale", nil, .positive)]
        case .weibull: return [p("a", nil, .nonNegative)]
        case .zipf: return [p("a", nil, .greaterThan1)]
        }
    }

    /// Checks numpy makes before the per-parameter ones, on the parameters broadcast together.
    func validate(_ columns: [[Double]], legacy: Bool, scalar: Bool) throws(TensorError) {
        switch self {
        case .triangular:
            guard columns.count == 3 else { return }
            let n = columns[0].count
            if (0..<n).contains(where: { columns[0][$0] > columns[1][$0] }) { throw TensorError("left > mode", kind: .valueError) }
            if (0..<n).contains(where: { columns[1][$0] > columns[2][$0] }) { throw TensorError("mode > right", kind: .valueError) }
            if (0..<n).contains(where: { columns[0][$0] == columns[2][$0] }) { throw TensorError("left == right", kind: .valueError) }
        case .hypergeometric:
            guard columns.count == 3 else { return }
            let n = columns[0].count
            if !legacy, (0..<n).contains(where: { columns[0][$0] >= 1e9 || columns[1][$0] >= 1e9 }) {
                throw TensorError("both ngood and nbad must be less than 1000000000", kind: .valueError)
            }
            // In int64 as numpy adds them: a sum that overflows is negative and refused here.
            if (0..<n).contains(where: { cTruncatingCast(columns[0][$0]) &+ cTruncatingCast(columns[1][$0]) < cTruncatingCast(columns[2][$0]) }) {
                throw TensorError("ngood + nbad < nsample", kind: .valueError)
            }
        case .negativeBinomial where !legacy:
            // Generator checks the parameters first, then that the gamma's mean stays in range.
            guard columns.count == 2 else { return }
            let spec = parameters(legacy: false)
            for (k, s) in spec.enumerated() {
                if scalar, let v = columns[k].first { try s.constraint.check(v, s.name) } else { try s.constraint.check(array: columns[k], s.name) }
            }
            for i in 0..<columns[0].count {
                let n = columns[0][i], p = columns[1][i]
                if (1 - p) / p * (n + 10 * n.squareRoot()) > ParameterConstraint.poissonLamMax {
                    throw TensorError("n too large or p too small, see Generator.negative_binomial Notes", kind: .valueError)
                }
            }
        default:
            return
        }
    }
}

extension LegacyRandomState {
    /// `np.random.NAME(params..., size)` for a scalar-parameter distribution: numpy's checks,
    /// broadcasting and RandomState algorithm.
    public mutating func sample(_ d: Distribution, _ params: [NDArray], size: [Int]?) throws(TensorError) -> NDArray {
        let spec = d.parameters(legacy: true)
        let columns = try RandomSampling.parameterColumns(params, spec)
        try d.validate(columns.broadcast, legacy: true, scalar: params.allSatisfy { $0.ndim == 0 })
        if d.isDiscrete {
            return try RandomSampling.sample(params, spec, columns, size: size) { (a: Double, b: Double, c: Double) -> Int64 in
                switch d {
                case .binomial: return bits.legacyBinomial(n: cTruncatingCast(a), p: b)
                case .geometric: return bits.legacyGeometric(a)
                case .hypergeometric: return bits.legacyHypergeometric(cTruncatingCast(a), cTruncatingCast(b), cTruncatingCast(c))
                case .logseries: return bits.legacyLogseries(a)
                case .negativeBinomial: return legacyNegativeBinomial(a, b)
                case .poisson: return bits.poisson(a)
                case .zipf: return bits.legacyZipf(a)
                default: return 0
                }
            }
        }
        return try RandomSampling.sample(params, spec, columns, size: size) { (a: Double, b: Double, c: Double) -> Double in
            switch d {
            case .beta: return legacyBeta(a, b)
            case .chisquare: return legacyChisquare(a)
            case .exponential: return a * legacyStandardExponential()
            case .f: return legacyF(a, b)
            case .gamma: return b * legacyStandardGamma(a)
            case .gumbel: return bits.gumbel(a, b)
            case .laplace: return bits.laplace(a, b)
            case .logistic: return bits.logistic(a, b)
            case .lognormal: return legacyLognormal(a, b)
            case .noncentralChisquare: return legacyNoncentralChisquare(a, b)
            case .noncentralF: return legacyNoncentralF(a, b, c)
            case .pareto: return legacyPareto(a)
            case .power: return legacyPower(a)
            case .rayleigh: return legacyRayleigh(a)
            case .standardCauchy: return legacyStandardCauchy()
            case .standardExponential: return legacyStandardExponential()
            case .standardGamma: return legacyStandardGamma(a)
            case .standardT: return legacyStandardT(a)
            case .triangular: return bits.triangular(a, b, c)
            case .vonmises: return bits.legacyVonMises(a, b)
            case .wald: return legacyWald(a, b)
            case .weibull: return legacyWeibull(a)
            default: return 0
            }
        }
    }
}

extension Generator {
    /// `rng.NAME(params..., size)` for a scalar-parameter distribution, with Generator's checks
    /// and algorithms. `dtype` float32 is accepted where numpy accepts it (standard_gamma).
    public mutating func sample(_ d: Distribution, _ params: [NDArray], size: [Int]?, dtype: DType = .float64) throws(TensorError) -> NDArray {
        let spec = d.parameters(legacy: false)
        let columns = try RandomSampling.parameterColumns(params, spec)
        try d.validate(columns.broadcast, legacy: false, scalar: params.allSatisfy { $0.ndim == 0 })
        if d == .standardGamma && dtype == .float32 {
            return try RandomSampling.sample(params, spec, columns, size: size) { (a: Double, _: Double, _: Double) -> Float in
                bits.standardGammaFloat(Float(a))
            }
        }
        if d.isDiscrete {
            return try RandomSampling.sample(params, spec, columns, size: size) { (a: Double, b: Double, c: Double) -> Int64 in
                switch d {
                case .binomial: return bits.binomial(n: cTruncatingCast(a), p: b)
                case .geometric: return bits.geometric(a)
                case .hypergeometric: return bits.hypergeometric(cTruncatingCast(a), cTruncatingCast(b), cTruncatingCast(c))
                case .logseries: return bits.logseries(a)
                case .negativeBinomial: return bits.negativeBinomial(a, b)
                case .poisson: return bits.poisson(a)
                case .zipf: return bits.zipf(a)
                default: return 0
                }
            }
        }
        return try RandomSampling.sample(params, spec, columns, size: size) { (a: Double, b: Double, c: Double) -> Double in
            switch d {
            case .beta: return bits.beta(a, b)
            case .chisquare: return bits.chisquare(a)
            case .exponential: return a * bits.standardExponential()
            case .f: return bits.fDistribution(a, b)
            case .gamma: return b * bits.standardGamma(a)
            case .gumbel: return bits.gumbel(a, b)
            case .laplace: return bits.laplace(a, b)
            case .logistic: return bits.logistic(a, b)
            case .lognormal: return bits.lognormal(a, b)
            case .noncentralChisquare: return bits.noncentralChisquare(a, b)
            case .noncentralF: return bits.noncentralF(a, b, c)
            case .pareto: return bits.pareto(a)
            case .power: return bits.power(a)
            case .rayleigh: return bits.rayleigh(a)
            case .standardCauchy: return bits.standardCauchy()
            case .standardExponential: return bits.standardExponential()
            case .standardGamma: return bits.standardGamma(a)
            case .standardT: return bits.standardT(a)
            case .triangular: return bits.triangular(a, b, c)
            case .vonmises: return bits.vonMises(a, b)
            case .wald: return bits.wald(a, b)
            case .weibull: return bits.weibull(a)
            default: return 0
            }
        }
    }
}

extension RandomSampling {
    /// A distribution's parameters as float64 values (integer parameters truncated, as numpy's
    /// cast to int64 does), each as given and all broadcast together (for checks that compare
    /// parameters with one another).
    struct ParameterColumns {
        var given: [[Double]]
        var broadcast: [[Double]]
    }

    static func parameterColumns(_ params: [NDArray], _ spec: [Distribution.Parameter]) throws(TensorError) -> ParameterColumns {
        var given: [[Double]] = []
        for (k, a) in params.enumerated() {
            _ = try Limits.checkAllocation(a.shape, .float64)
            var v = try a.astype(.float64).elements(as: Double.self) ?? []
            if k < spec.count, spec[k].isInteger {
                if !a.dtype.isInteger && a.dtype != .bool {
                    v = v.map { $0.isFinite ? $0.rounded(.towardZero) : $0 }
                }
            }
            given.append(v)
        }
        if params.allSatisfy({ $0.ndim == 0 }) { return ParameterColumns(given: given, broadcast: given) }
        let shape = try broadcastShape(size: nil, params)
        _ = try Limits.checkAllocation(shape, .float64)
        var broadcast: [[Double]] = []
        for (k, a) in params.enumerated() {
            if a.shape == shape { broadcast.append(given[k]); continue }
            let b = try NDArray(given[k], shape: a.shape).broadcast(to: shape)
            broadcast.append(b.elements(as: Double.self) ?? [])
        }
        return ParameterColumns(given: given, broadcast: broadcast)
    }

    /// numpy's `cont`/`disc` drivers: with every parameter a scalar, the scalar checks and
    /// `size` samples (no broadcasting check); otherwise the array checks, numpy's broadcast of
    /// `size` with the parameters, and one draw per output element in C order. Up to three
    /// parameters are passed to `draw` (missing ones as 0).
    static func sample<T: TensorElement>(_ params: [NDArray], _ spec: [Distribution.Parameter], _ columns: ParameterColumns,
                                         size: [Int]?, _ draw: (Double, Double, Double) -> T) throws(TensorError) -> NDArray {
        let given = columns.given
        if params.allSatisfy({ $0.ndim == 0 }) {
            for (k, s) in spec.enumerated() where k < given.count {
                try s.constraint.check(given[k].first ?? 0, s.name)
            }
            let a = given.count > 0 ? given[0].first ?? 0 : 0
            let b = given.count > 1 ? given[1].first ?? 0 : 0
            let c = given.count > 2 ? given[2].first ?? 0 : 0
            return try fill(size ?? []) { draw(a, b, c) }
        }
        for (k, s) in spec.enumerated() where k < given.count {
            try s.constraint.check(array: given[k], s.name)
        }
        // numpy allocates the output of `size` before it broadcasts (a huge size is a MemoryError).
        if let size { _ = try Limits.checkAllocation(size, T.dtype) }
        let shape = try broadcastShape(size: size, params)
        _ = try Limits.checkAllocation(shape, T.dtype)
        var full: [[Double]] = []
        for (k, a) in params.enumerated() {
            if a.shape == shape { full.append(given[k]); continue }
            let b = try NDArray(given[k], shape: a.shape).broadcast(to: shape)
            full.append(b.elements(as: Double.self) ?? [])
        }
        while full.count < 3 { full.append([]) }
        var i = 0
        return try fill(shape) {
            defer { i += 1 }
            return draw(full[0].isEmpty ? 0 : full[0][i], full[1].isEmpty ? 0 : full[1][i], full[2].isEmpty ? 0 : full[2][i])
        }
    }
}
