import Foundation

/// The samplers `RandomState` keeps from numpy 1.16 (numpy's `legacy-distributions.c`), so old
/// seeds give old numbers. They differ from `Generator`'s in small ways that change every value:
/// Gaussians come from the polar method with its cache (`nextGauss`), exponentials are
/// `-log(1 - U)` instead of the ziggurat, and several formulas use `log`/`exp` where the newer code
/// uses `log1p`/`expm1`. Each function below names the C function it follows.
extension LegacyRandomState {
    /// `legacy_standard_exponential`: `-log(1 - U)`.
    public mutating func legacyStandardExponential() -> Double {
        -Foundation.log(1.0 - bits.nextDouble())
    }

    /// `legacy_standard_gamma`: exponential for shape 1; Johnk-style rejection (Ahrens–Dieter
    /// GS) below 1; Marsaglia and Tsang above, with the legacy Gaussian (see `GammaDraws`).
    public mutating func legacyStandardGamma(_ shape: Double) -> Double { standardGamma(shape) }

    /// `legacy_beta`: Johnk's algorithm when both a, b ≤ 1, else a ratio of gammas.
    public mutating func legacyBeta(_ a: Double, _ b: Double) -> Double {
        if a <= 1.0 && b <= 1.0 {
            while true {
                let u = bits.nextDouble(), v = bits.nextDouble()
                let x = Foundation.pow(u, 1.0 / a), y = Foundation.pow(v, 1.0 / b)
                if x + y <= 1.0 {
                    if x + y > 0 { return x / (x + y) }
                    var logX = Foundation.log(u) / a, logY = Foundation.log(v) / b
                    let logM = logX > logY ? logX : logY
                    logX -= logM
                    logY -= logM
                    return Foundation.exp(logX - Foundation.log(Foundation.exp(logX) + Foundation.exp(logY)))
                }
            }
        }
        let ga = legacyStandardGamma(a)
        let gb = legacyStandardGamma(b)
        return ga / (ga + gb)
    }

    public mutating func legacyChisquare(_ df: Double) -> Double { 2.0 * legacyStandardGamma(df / 2.0) }

    public mutating func legacyF(_ dfnum: Double, _ dfden: Double) -> Double {
        let num = legacyChisquare(dfnum) * dfden
        return num / (legacyChisquare(dfden) * dfnum)
    }

    public mutating func legacyStandardT(_ df: Double) -> Double {
        let num = nextGauss()
        let denom = legacyStandardGamma(df / 2)
        return (df / 2).squareRoot() * num / denom.squareRoot()
    }

    public mutating func legacyStandardCauchy() -> Double {
        let num = nextGauss()
        return num / nextGauss()
    }

    public mutating func legacyPareto(_ a: Double) -> Double { Foundation.exp(legacyStandardExponential() / a) - 1 }

    public mutating func legacyWeibull(_ a: Double) -> Double {
        if a == 0.0 { return 0.0 }
        return Foundation.pow(legacyStandardExponential(), 1.0 / a)
    }

    public mutating func legacyPower(_ a: Double) -> Double {
        Foundation.pow(1 - Foundation.exp(-legacyStandardExponential()), 1.0 / a)
    }

    /// `legacy_rayleigh`: `mode · √(−2 log1p(−U))`.
    public mutating func legacyRayleigh(_ mode: Double) -> Double {
        mode * (-2.0 * Foundation.log1p(-bits.nextDouble())).squareRoot()
    }

    public mutating func legacyLognormal(_ mean: Double, _ sigma: Double) -> Double {
        Foundation.exp(mean + sigma * nextGauss())
    }

    /// `legacy_wald`.
    public mutating func legacyWald(_ mean: Double, _ scale: Double) -> Double {
        let mu2l = mean / (2 * scale)
        var y = nextGauss()
        y = mean * y * y
        let x = mean + mu2l * (y - (4 * scale * y + y * y).squareRoot())
        let u = bits.nextDouble()
        return u <= mean / (mean + x) ? x : mean * mean / x
    }

    public mutating func legacyNoncentralChisquare(_ df: Double, _ nonc: Double) -> Double {
        if nonc == 0 { return legacyChisquare(df) }
        if 1 < df {
            let chi2 = legacyChisquare(df - 1)
            let n = nextGauss() + nonc.squareRoot()
            return chi2 + n * n
        }
        let i = bits.poisson(nonc / 2.0)
        // `df + 2 * i` in C's int64, as numpy (see `noncentralChisquare`).
        let out = legacyChisquare(df + Double(2 &* i))
        return nonc.isNaN ? .nan : out
    }

    public mutating func legacyNoncentralF(_ dfnum: Double, _ dfden: Double, _ nonc: Double) -> Double {
        let t = legacyNoncentralChisquare(dfnum, nonc) * dfden
        return t / (legacyChisquare(dfden) * dfnum)
    }

    /// `legacy_negative_binomial`: a Poisson of a gamma.
    public mutating func legacyNegativeBinomial(_ n: Double, _ p: Double) -> Int64 {
        let y = (1 - p) / p * legacyStandardGamma(n)
        return bits.poisson(y)
    }
}

extension BitGenerator {
    /// `legacy_vonmises` (no wrapped-normal branch for huge kappa, unlike Generator's).
    public mutating func legacyVonMises(_ mu: Double, _ kappa: Double) -> Double {
        if kappa.isNaN { return .nan }
        if kappa < 1e-8 { return Double.pi * (2 * nextDouble() - 1) }
        let s: Double
        if kappa < 1e-5 {
            s = 1.0 / kappa + kappa
        } else {
            let r = 1 + (1 + 4 * kappa * kappa).squareRoot()
            let rho = (r - (2 * r).squareRoot()) / (2 * kappa)
            s = (1 + rho * rho) / (2 * rho)
        }
        // Past kappa ≈ 1e16 (or at infinity) s rounds to 1 or is not a number: every proposal
        // then has w = 1, y = 0, and numpy's legacy loop never accepts one and never returns.
        // There rnnsh answers as numpy's Generator does above kappa 1e6, a wrapped normal.
        if !(s > 1) || !s.isFinite {
            var result = mu + (1.0 / kappa).squareRoot() * standardNormal()
            if result < -Double.pi { result += 2 * Double.pi }
            if result > Double.pi { result -= 2 * Double.pi }
            return result
        }
        return vonMisesTail(mu, kappa, s)
    }

    /// The rejection loop and wrapping both von Mises samplers share.
    mutating func vonMisesTail(_ mu: Double, _ kappa: Double, _ s: Double) -> Double {
        var w = 0.0
        var tries = 0
        while true {
            if rejectionStopped(&tries) { return .nan }
            let u = nextDouble()
            let z = Foundation.cos(Double.pi * u)
            w = (1 + s * z) / (s + z)
            let y = kappa * (s - w)
            let v = nextDouble()
            if y * (2 - y) - v >= 0 || Foundation.log(y / v) + 1 - y >= 0 { break }
        }
        let u = nextDouble()
        var result = Foundation.acos(w)
        if u < 0.5 { result = -result }
        result += mu
        let neg = result < 0
        var mod = Swift.abs(result)
        mod = Foundation.fmod(mod + Double.pi, 2 * Double.pi) - Double.pi
        if neg { mod *= -1 }
        return mod
    }

    /// `legacy_random_zipf`. For a ≥ 1025, 2^(a-1) is infinite and numpy's acceptance test is
    /// NaN, so its legacy loop never returns (numpy's Generator returns 1 there); we return 1 as
    /// the Generator does: P(X ≥ 2) < 2^-1024, so 1 is the distribution to double precision, and
    /// the shell must not hang on a parameter (found by the fuzz test: zipf(2**63)).
    public mutating func legacyZipf(_ a: Double) -> Int64 {
        if a >= 1025 { return 1 }
        let am1 = a - 1.0
        let b = Foundation.pow(2.0, am1)
        var tries = 0
        while true {
            if rejectionStopped(&tries) { return 0 }
            let u = 1.0 - nextDouble()
            let v = nextDouble()
            let x = Foundation.floor(Foundation.pow(u, -1.0 / am1))
            if x > 9.223372036854775807e18 || x < 1.0 { continue }
            let t = Foundation.pow(1.0 + 1.0 / x, am1)
            if v * x * (t - 1.0) / (b - 1.0) <= t / b { return cTruncatingCast(x) }
        }
    }

    /// `legacy_random_geometric`: search for p ≥ 1/3, else `ceil(log1p(−U) / log(1 − p))`.
    public mutating func legacyGeometric(_ p: Double) -> Int64 {
        if p >= 0.333333333333333333333333 { return geometricSearch(p) }
        return cTruncatingCast(Foundation.ceil(Foundation.log1p(-nextDouble()) / Foundation.log(1 - p)))
    }

    /// `random_geometric_search` (both APIs).
    mutating func geometricSearch(_ p: Double) -> Int64 {
        var x: Int64 = 1
        var sum = p, prod = p
        let q = 1.0 - p
        let u = nextDouble()
        while u > sum {
            prod *= q
            sum += prod
            x &+= 1
        }
        return x
    }

    /// `legacy_logseries`.
    public mutating func legacyLogseries(_ p: Double) -> Int64 {
        let r = Foundation.log(1.0 - p)
        while true {
            let v = nextDouble()
            if v >= p { return 1 }
            let u = nextDouble()
            let q = 1.0 - Foundation.exp(r * u)
            if v <= q * q {
                let result = cTruncatingCast(Foundation.floor(1 + Foundation.log(v) / Foundation.log(q)))
                if result < 1 || v == 0.0 { continue }
                return result
            }
            return v >= q ? 1 : 2
        }
    }

    /// `random_hypergeometric_original` (RandomState): HYP for samples ≤ 10, H2PE-like HRUA above.
    public mutating func legacyHypergeometric(_ good: Int64, _ bad: Int64, _ sample: Int64) -> Int64 {
        if sample > 10 { return hypergeometricHRUA(good, bad, sample) }
        if sample > 0 { return hypergeometricHYP(good, bad, sample) }
        return 0
    }

    mutating func hypergeometricHYP(_ good: Int64, _ bad: Int64, _ sample: Int64) -> Int64 {
        let d1 = bad &+ good &- sample
        let d2 = Double(Swift.min(bad, good))
        var y = d2
        var k = sample
        while y > 0.0 {
            let u = nextDouble()
            y -= Double(cTruncatingCast(Foundation.floor(u + y / Double(d1 &+ k))))
            k -= 1
            if k == 0 { break }
        }
        var z = cTruncatingCast(d2 - y)
        if good > bad { z = sample &- z }
        return z
    }

    mutating func hypergeometricHRUA(_ good: Int64, _ bad: Int64, _ sample: Int64) -> Int64 {
        let d1c = 1.7155277699214135, d2c = 0.8989161620588988
        let mingoodbad = Swift.min(good, bad)
        let popsize = good &+ bad
        let maxgoodbad = Swift.max(good, bad)
        let m = Swift.min(sample, popsize &- sample)
        let d4 = Double(mingoodbad) / Double(popsize)
        let d5 = 1.0 - d4
        let d6 = Double(m) * d4 + 0.5
        let d7 = (Double(popsize &- m) * Double(sample) * d4 * d5 / Double(popsize &- 1) + 0.5).squareRoot()
        let d8 = d1c * d7 + d2c
        let d9 = cTruncatingCast(Foundation.floor(Double(m &+ 1) * Double(mingoodbad &+ 1) / Double(popsize &+ 2)))
        let d10 = logGamma(Double(d9 &+ 1)) + logGamma(Double(mingoodbad &- d9 &+ 1)) + logGamma(Double(m &- d9 &+ 1))
            + logGamma(Double(maxgoodbad &- m &+ d9 &+ 1))
        let d11 = Swift.min(Double(Swift.min(m, mingoodbad)) + 1.0, Foundation.floor(d6 + 16 * d7))
        var z: Int64 = 0
        var tries = 0
        while true {
            if rejectionStopped(&tries) { return 0 }
            let x = nextDouble()
            let y = nextDouble()
            let w = d6 + d8 * (y - 0.5) / x
            if w < 0.0 || w >= d11 { continue }
            z = cTruncatingCast(Foundation.floor(w))
            let t = d10 - (logGamma(Double(z &+ 1)) + logGamma(Double(mingoodbad &- z &+ 1)) + logGamma(Double(m &- z &+ 1))
                + logGamma(Double(maxgoodbad &- m &+ z &+ 1)))
            if x * (4.0 - x) - 3.0 <= t { break }
            if x * (x - t) >= 1 { continue }
            if 2.0 * Foundation.log(x) <= t { break }
        }
        if good > bad { z = m &- z }
        if m < sample { z = good &- z }
        return z
    }
}
