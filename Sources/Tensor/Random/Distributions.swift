import Foundation

/// numpy's current samplers (`distributions.c`): what `Generator` uses, and the few that
/// `RandomState` shares with it (laplace, gumbel, logistic, triangular). Normals and exponentials
/// here are the ziggurat ones (`standardNormal`, `standardExponential`). numpy's C retries by
/// calling itself when a uniform hits an excluded end point; here that is a loop, with the same
/// draws.
extension BitGenerator {
    /// `random_laplace`: U ≥ ½ gives `loc − scale·log(2 − 2U)`, 0 < U < ½ `loc + scale·log(2U)`;
    /// U = 0 draws again.
    public mutating func laplace(_ loc: Double, _ scale: Double) -> Double {
        while true {
            let u = nextDouble()
            if u >= 0.5 { return loc - scale * Foundation.log(2.0 - u - u) }
            if u > 0.0 { return loc + scale * Foundation.log(u + u) }
        }
    }

    /// `random_gumbel`: `loc − scale·log(−log(1 − U))`, U = 0 drawn again.
    public mutating func gumbel(_ loc: Double, _ scale: Double) -> Double {
        while true {
            let u = 1.0 - nextDouble()
            if u < 1.0 { return loc - scale * Foundation.log(-Foundation.log(u)) }
        }
    }

    /// `random_logistic`: `loc + scale·log(U / (1 − U))`, U = 0 drawn again.
    public mutating func logistic(_ loc: Double, _ scale: Double) -> Double {
        while true {
            let u = nextDouble()
            if u > 0.0 { return loc + scale * Foundation.log(u / (1.0 - u)) }
        }
    }

    /// `random_triangular`: inversion of the piecewise-linear distribution function.
    public mutating func triangular(_ left: Double, _ mode: Double, _ right: Double) -> Double {
        let base = right - left
        let leftbase = mode - left
        let ratio = leftbase / base
        let leftprod = leftbase * base
        let rightprod = (right - mode) * base
        let u = nextDouble()
        if u <= ratio { return left + (u * leftprod).squareRoot() }
        return right - ((1.0 - u) * rightprod).squareRoot()
    }

    // MARK: - Generator's own

    /// `random_standard_gamma`: as the legacy one, with the ziggurat normal and exponential.
    /// The generator moves into the draws and back, so its state is not copied.
    public mutating func standardGamma(_ shape: Double) -> Double {
        var draws = ZigguratDraws(bits: consume self)
        defer { self = draws.bits }
        return draws.standardGamma(shape)
    }

    /// `random_standard_gamma_f`: the same in float32 arithmetic (float ziggurats, `powf`, `logf`).
    public mutating func standardGammaFloat(_ shape: Float) -> Float {
        var draws = ZigguratFloatDraws(bits: consume self)
        defer { self = draws.bits }
        return draws.standardGamma(shape)
    }

    /// `random_beta`: Johnk's algorithm for a, b ≤ 1 (with a log-space fallback when a power
    /// underflows, and a single comparison for tiny a and b), else a ratio of gammas.
    public mutating func beta(_ a: Double, _ b: Double) -> Double {
        if a <= 1.0 && b <= 1.0 {
            if a < 3e-103 && b < 3e-103 {
                let u = nextDouble()
                return (a + b) * u < a ? 1.0 : 0.0
            }
            while true {
                let u = nextDouble(), v = nextDouble()
                let x = Foundation.pow(u, 1.0 / a), y = Foundation.pow(v, 1.0 / b)
                let xpy = x + y
                if xpy <= 1.0 && u + v > 0.0 {
                    if x > 0 && y > 0 { return x / xpy }
                    let logX = Foundation.log(u) / a, logY = Foundation.log(v) / b
                    let delta = logX - logY
                    if delta > 0 { return Foundation.exp(-Foundation.log1p(Foundation.exp(-delta))) }
                    return Foundation.exp(delta - Foundation.log1p(Foundation.exp(delta)))
                }
            }
        }
        let ga = standardGamma(a)
        let gb = standardGamma(b)
        return ga / (ga + gb)
    }

    public mutating func chisquare(_ df: Double) -> Double { 2.0 * standardGamma(df / 2.0) }

    public mutating func fDistribution(_ dfnum: Double, _ dfden: Double) -> Double {
        let a = chisquare(dfnum) * dfden
        let b = chisquare(dfden) * dfnum
        return a / b
    }

    public mutating func standardCauchy() -> Double {
        let a = standardNormal()
        let b = standardNormal()
        return a / b
    }

    public mutating func pareto(_ a: Double) -> Double { Foundation.expm1(standardExponential() / a) }

    public mutating func weibull(_ a: Double) -> Double {
        if a == 0.0 { return 0.0 }
        return Foundation.pow(standardExponential(), 1.0 / a)
    }

    public mutating func power(_ a: Double) -> Double {
        Foundation.pow(-Foundation.expm1(-standardExponential()), 1.0 / a)
    }

    public mutating func lognormal(_ mean: Double, _ sigma: Double) -> Double {
        Foundation.exp(mean + sigma * standardNormal())
    }

    public mutating func rayleigh(_ mode: Double) -> Double { mode * (2.0 * standardExponential()).squareRoot() }

    public mutating func standardT(_ df: Double) -> Double {
        let num = standardNormal()
        let denom = standardGamma(df / 2)
        return (df / 2).squareRoot() * num / denom.squareRoot()
    }

    public mutating func noncentralChisquare(_ df: Double, _ nonc: Double) -> Double {
        if nonc.isNaN { return .nan }
        if nonc == 0 { return chisquare(df) }
        if 1 < df {
            let chi2 = chisquare(df - 1)
            let n = standardNormal() + nonc.squareRoot()
            return chi2 + n * n
        }
        let i = poisson(nonc / 2.0)
        // numpy doubles the count in int64 (`df + 2 * i`, wrapping in C): a huge or infinite
        // nonc's Poisson draw is int64's minimum, and twice it is 0, not -1.8e19.
        return chisquare(df + Double(2 &* i))
    }

    public mutating func noncentralF(_ dfnum: Double, _ dfden: Double, _ nonc: Double) -> Double {
        let t = noncentralChisquare(dfnum, nonc) * dfden
        return t / (chisquare(dfden) * dfnum)
    }

    /// `random_wald`.
    public mutating func wald(_ mean: Double, _ scale: Double) -> Double {
        var y = standardNormal()
        y = mean * y * y
        let d = 1 + (1 + 4 * scale / y).squareRoot()
        let x = mean * (1 - 2 / d)
        let u = nextDouble()
        return u <= mean / (mean + x) ? x : mean * mean / x
    }

    /// `random_vonmises`: above kappa 10⁶ a wrapped normal.
    public mutating func vonMises(_ mu: Double, _ kappa: Double) -> Double {
        if kappa.isNaN { return .nan }
        if kappa < 1e-8 { return Double.pi * (2 * nextDouble() - 1) }
        let s: Double
        if kappa < 1e-5 {
            s = 1.0 / kappa + kappa
        } else if kappa <= 1e6 {
            let r = 1 + (1 + 4 * kappa * kappa).squareRoot()
            let rho = (r - (2 * r).squareRoot()) / (2 * kappa)
            s = (1 + rho * rho) / (2 * rho)
        } else {
            var result = mu + (1.0 / kappa).squareRoot() * standardNormal()
            if result < -Double.pi { result += 2 * Double.pi }
            if result > Double.pi { result -= 2 * Double.pi }
            return result
        }
        return vonMisesTail(mu, kappa, s)
    }

    /// `random_negative_binomial`: a Poisson of a gamma.
    public mutating func negativeBinomial(_ n: Double, _ p: Double) -> Int64 {
        let y = (1 - p) / p * standardGamma(n)
        return poisson(y)
    }

    /// `random_binomial` (Generator): 0 without a draw when n or p is 0; inversion uses log1p.
    public mutating func binomial(n: Int64, p: Double) -> Int64 {
        if n == 0 || p == 0.0 { return 0 }
        if p <= 0.5 {
            return p * Double(n) <= 30.0 ? binomialInversionLog1p(n, p) : binomialBTPE(n, p, corrected: true)
        }
        let q = 1.0 - p
        return q * Double(n) <= 30.0 ? n &- binomialInversionLog1p(n, q) : n &- binomialBTPE(n, q, corrected: true)
    }

    /// Generator's inversion: q^n as `exp(n·log1p(−p))`.
    mutating func binomialInversionLog1p(_ n: Int64, _ p: Double) -> Int64 {
        binomialInversion(n, p, qn: Foundation.exp(Double(n) * Foundation.log1p(-p)))
    }

    /// `random_geometric`: search for p ≥ 1/3, else `ceil(−E / log1p(−p))` (E the ziggurat
    /// exponential), capped at int64's maximum.
    public mutating func geometric(_ p: Double) -> Int64 {
        if p >= 0.333333333333333333333333 { return geometricSearch(p) }
        let z = Foundation.ceil(-standardExponential() / Foundation.log1p(-p))
        if z >= 9.223372036854776e+18 { return .max }
        return cTruncatingCast(z)
    }

    /// `random_zipf` (Generator): U drawn from (Umin, 1] so too-large values are never tried.
    public mutating func zipf(_ a: Double) -> Int64 {
        if a >= 1025 { return 1 }
        let am1 = a - 1.0
        let b = Foundation.pow(2.0, am1)
        let umin = Foundation.pow(9.223372036854775807e18, -am1)
        var tries = 0
        while true {
            if rejectionStopped(&tries) { return 0 }
            let u01 = nextDouble()
            let u = u01 * umin + (1 - u01)
            let v = nextDouble()
            let x = Foundation.floor(Foundation.pow(u, -1.0 / am1))
            if x > 9.223372036854775807e18 || x < 1.0 { continue }
            let t = Foundation.pow(1.0 + 1.0 / x, am1)
            if v * x * (t - 1.0) / (b - 1.0) <= t / b { return cTruncatingCast(x) }
        }
    }

    /// `random_logseries` (Generator: log1p/expm1).
    public mutating func logseries(_ p: Double) -> Int64 {
        let r = Foundation.log1p(-p)
        while true {
            let v = nextDouble()
            if v >= p { return 1 }
            let u = nextDouble()
            let q = -Foundation.expm1(r * u)
            if v <= q * q {
                let result = cTruncatingCast(Foundation.floor(1 + Foundation.log(v) / Foundation.log(q)))
                if result < 1 || v == 0.0 { continue }
                return result
            }
            return v >= q ? 1 : 2
        }
    }
    // MARK: - Generator's hypergeometric

    /// `random_hypergeometric` (Generator): HRUA for 10 ≤ sample ≤ total − 10, otherwise an urn
    /// simulation with `random_interval` draws (not RandomState's HYP/HRUA split).
    public mutating func hypergeometric(_ good: Int64, _ bad: Int64, _ sample: Int64) -> Int64 {
        if sample >= 10 && sample <= good &+ bad &- 10 { return hypergeometricRatioOfUniforms(good, bad, sample) }
        return hypergeometricUrn(good, bad, sample)
    }

    mutating func hypergeometricUrn(_ good: Int64, _ bad: Int64, _ sample: Int64) -> Int64 {
        let total = good &+ bad
        let computed0 = sample > total / 2 ? total &- sample : sample
        var computed = computed0
        var remainingTotal = total
        var remainingGood = good
        while computed > 0 && remainingGood > 0 && remainingTotal > remainingGood {
            remainingTotal -= 1
            if Int64(truncatingIfNeeded: interval(UInt64(truncatingIfNeeded: remainingTotal))) < remainingGood {
                remainingGood -= 1
            }
            computed -= 1
        }
        if remainingTotal == remainingGood { remainingGood &-= computed }
        return sample > total / 2 ? remainingGood : good &- remainingGood
    }

    mutating func hypergeometricRatioOfUniforms(_ good: Int64, _ bad: Int64, _ sample: Int64) -> Int64 {
        let d1 = 1.7155277699214135, d2 = 0.8989161620588988
        let popsize = good &+ bad
        let computed = Swift.min(sample, popsize &- sample)
        let mingoodbad = Swift.min(good, bad)
        let maxgoodbad = Swift.max(good, bad)
        let p = Double(mingoodbad) / Double(popsize)
        let q = Double(maxgoodbad) / Double(popsize)
        let mu = Double(computed) * p
        let a = mu + 0.5
        let variance = Double(popsize &- computed) * Double(computed) * p * q / Double(popsize &- 1)
        let c = (variance + 0.5).squareRoot()
        let h = d1 * c + d2
        let m = cTruncatingCast(Foundation.floor(Double(computed &+ 1) * Double(mingoodbad &+ 1) / Double(popsize &+ 2)))
        let g = logFactorial(m) + logFactorial(mingoodbad &- m) + logFactorial(computed &- m) + logFactorial(maxgoodbad &- computed &+ m)
        let b = Swift.min(Double(Swift.min(computed, mingoodbad) &+ 1), Foundation.floor(a + 16 * c))
        var k: Int64 = 0
        var tries = 0
        while true {
            if rejectionStopped(&tries) { return 0 }
            let u = nextDouble()
            let v = nextDouble()
            let x = a + h * (v - 0.5) / u
            if x < 0.0 || x >= b { continue }
            k = cTruncatingCast(Foundation.floor(x))
            let gp = logFactorial(k) + logFactorial(mingoodbad &- k) + logFactorial(computed &- k) + logFactorial(maxgoodbad &- computed &+ k)
            let t = g - gp
            if u * (4.0 - u) - 3.0 <= t { break }
            if u * (u - t) >= 1 { continue }
            if 2.0 * Foundation.log(u) <= t { break }
        }
        if good > bad { k = computed &- k }
        if computed < sample { k = good &- k }
        return k
    }
}

/// numpy's `logfactorial`: the table below 126, Stirling's series to the 1/k³ term above.
func logFactorial(_ k: Int64) -> Double {
    if k >= 0 && k < Int64(LogFactorialTable.values.count) { return LogFactorialTable.values[Int(k)] }
    let kd = Double(k)
    return (kd + 0.5) * Foundation.log(kd) - kd + (0.9189385332046728 + (1.0 / kd) * (1 / 12.0 - 1 / (360.0 * kd * kd)))
}
