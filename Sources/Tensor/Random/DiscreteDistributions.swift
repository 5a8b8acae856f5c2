import Foundation

/// C's cast of a double to int64 as x86-64 performs it (`cvttsd2si`): truncation toward zero,
/// and the "integer indefinite" value `Int64.min` for NaN and out-of-range values. numpy's
/// binomial and Poisson samplers cast floors that can be infinite and then reject the result,
/// so the cast must not trap.
@inline(__always)
func cTruncatingCast(_ d: Double) -> Int64 {
    guard d.isFinite, d >= -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else { return .min }
    return Int64(d)
}

/// A rejection loop that extreme parameters can keep rejecting for a very long time (numpy's C
/// spins too: zipf with a just above 1, von Mises with a huge kappa, NaNs reaching a loop) polls
/// Ctrl-C at every try and gives up with a meaningless value; the caller's `fill` then throws
/// the interruption, so that value is never seen (Cancellation's contract). Every try, not every
/// 4096th: the count started again at each draw, so draws of fewer tries never polled, and once
/// stopped each remaining draw still ran 4096 tries before `fill`'s next check, 2^20 draws on
/// (`vonmises(0, 1e300, size=10**6)` went on for over a minute after Ctrl-C). The poll is one
/// relaxed load, next to a try's pow, cos or log.
@inline(__always)
func rejectionStopped(_ tries: inout Int) -> Bool {
    tries &+= 1
    return Cancellation.isRequested
}

extension BitGenerator {
    /// The legacy binomial (`legacy_random_binomial`, numpy 1.16's algorithm, kept by
    /// `RandomState`): for p ≤ 1/2 inversion when n·p ≤ 30, otherwise Kachitvichyanukul and
    /// Schmeiser's BTPE; for p > 1/2 the same on 1 - p, subtracted from n.
    public mutating func legacyBinomial(n: Int64, p: Double) -> Int64 {
        if p <= 0.5 {
            return p * Double(n) <= 30.0 ? binomialInversion(n, p) : binomialBTPE(n, p)
        }
        let q = 1.0 - p
        return q * Double(n) <= 30.0 ? n &- binomialInversion(n, q) : n &- binomialBTPE(n, q)
    }

    /// Inversion (`random_binomial_inversion`): the legacy copy computes q^n as `exp(n·log(q))`,
    /// Generator's as `exp(n·log1p(−p))` (`binomialInversionLog1p`); the search is the same.
    mutating func binomialInversion(_ n: Int64, _ p: Double) -> Int64 {
        binomialInversion(n, p, qn: Foundation.exp(Double(n) * Foundation.log(1.0 - p)))
    }

    mutating func binomialInversion(_ n: Int64, _ p: Double, qn: Double) -> Int64 {
        let q = 1.0 - p
        let np = Double(n) * p
        let bound = cTruncatingCast(Swift.min(Double(n), np + 10.0 * (np * q + 1).squareRoot()))
        var x: Int64 = 0
        var px = qn
        var u = nextDouble()
        while u > px {
            x += 1
            if x > bound {
                x = 0
                px = qn
                u = nextDouble()
            } else {
                u -= px
                px = (Double(n - x + 1) * p * px) / (Double(x) * q)
            }
        }
        return x
    }

    /// BTPE exactly as numpy's legacy copy (including its Stirling-term quirk), or with
    /// `corrected` as Generator's: 13860 for 13680 in the series, and the last two terms
    /// subtracted.
    mutating func binomialBTPE(_ n: Int64, _ p: Double, corrected: Bool = false) -> Int64 {
        let r = Swift.min(p, 1.0 - p)
        let q = 1.0 - r
        let fm = Double(n) * r + r
        let m = cTruncatingCast(Foundation.floor(fm))
        let p1 = Foundation.floor(2.195 * (Double(n) * r * q).squareRoot() - 4.6 * q) + 0.5
        let xm = Double(m) + 0.5
        let xl = xm - p1
        let xr = xm + p1
        let c = 0.134 + 20.5 / (15.3 + Double(m))
        var a = (fm - xl) / (fm - xl * r)
        let laml = a * (1.0 + a / 2.0)
        a = (xr - fm) / (xr * q)
        let lamr = a * (1.0 + a / 2.0)
        let p2 = p1 * (1.0 + 2.0 * c)
        let p3 = p2 + c / laml
        let p4 = p3 + c / lamr
        let nd = Double(n)
        var tries = 0

        while true {
            if rejectionStopped(&tries) { return 0 }
            // Step 10
            let nrq = nd * r * q
            let u = nextDouble() * p4
            var v = nextDouble()
            var y: Int64
            if u <= p1 {
                y = cTruncatingCast(Foundation.floor(xm - p1 * v + u))
                return p > 0.5 ? n - y : y
            }
            if u <= p2 {
                // Step 20
                let x = xl + (u - p1) / c
                v = v * c + 1.0 - Swift.abs(Double(m) - x + 0.5) / p1
                if v > 1.0 { continue }
                y = cTruncatingCast(Foundation.floor(x))
            } else if u <= p3 {
                // Step 30
                y = cTruncatingCast(Foundation.floor(xl + Foundation.log(v) / laml))
                if y < 0 || v == 0.0 { continue }
                v = v * (u - p2) * laml
            } else {
                // Step 40
                y = cTruncatingCast(Foundation.floor(xr - Foundation.log(v) / lamr))
                if y > n || v == 0.0 { continue }
                v = v * (u - p3) * lamr
            }
            // Step 50
            let k = Swift.abs(y &- m)
            if !(k > 20 && Double(k) < nrq / 2.0 - 1) {
                let s = r / q
                let aa = s * (nd + 1)
                var f = 1.0
                if m < y {
                    var i = m + 1
                    while i <= y { f *= (aa / Double(i) - s); i += 1 }
                } else if m > y {
                    var i = y + 1
                    while i <= m { f /= (aa / Double(i) - s); i += 1 }
                }
                if v > f { continue }
                return p > 0.5 ? n - y : y
            }
            // Step 52
            let kd = Double(k)
            let rho = (kd / nrq) * ((kd * (kd / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5)
            let t = -kd * kd / (2 * nrq)
            let bigA = Foundation.log(v)
            if bigA < t - rho { return p > 0.5 ? n - y : y }
            if bigA > t + rho { continue }
            let x1 = Double(y) + 1
            let f1 = Double(m) + 1
            let z = nd + 1 - Double(m)
            let w = nd - Double(y) + 1
            let x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w
            let head = corrected ? 13860.0 : 13680.0
            func stirling(_ s2: Double, _ s: Double) -> Double {
                (head - (462.0 - (132.0 - (99.0 - 140.0 / s2) / s2) / s2) / s2) / s / 166320.0
            }
            var bound = xm * Foundation.log(f1 / x1)
            bound += (Double(n - m) + 0.5) * Foundation.log(z / w)
            bound += Double(y - m) * Foundation.log(w * r / (x1 * q))
            bound += stirling(f2, f1)
            bound += stirling(z2, z)
            if corrected {
                bound -= stirling(x2, x1)
                bound -= stirling(w2, w)
            } else {
                bound += stirling(x2, x1)
                bound += stirling(w2, w)
            }
            if bigA > bound { continue }
            return p > 0.5 ? n - y : y
        }
    }

    /// numpy's Poisson sampler (shared by the legacy and new APIs): multiplication of uniforms
    /// for lam < 10, Hörmann's transformed rejection (PTRS) above.
    public mutating func poisson(_ lam: Double) -> Int64 {
        if lam >= 10 { return poissonPTRS(lam) }
        if lam == 0 { return 0 }
        let enlam = Foundation.exp(-lam)
        var x: Int64 = 0
        var prod = 1.0
        var tries = 0
        while true {
            if rejectionStopped(&tries) { return 0 }
            prod *= nextDouble()
            if prod > enlam { x += 1 } else { return x }
        }
    }

    mutating func poissonPTRS(_ lam: Double) -> Int64 {
        let slam = lam.squareRoot()
        let loglam = Foundation.log(lam)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invalpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        var tries = 0
        while true {
            if rejectionStopped(&tries) { return 0 }
            let u = nextDouble() - 0.5
            let v = nextDouble()
            let us = 0.5 - Swift.abs(u)
            let k = cTruncatingCast(Foundation.floor((2 * a / us + b) * u + lam + 0.43))
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if Foundation.log(v) + Foundation.log(invalpha) - Foundation.log(a / (us * us) + b)
                <= -lam + Double(k) * loglam - logGamma(Double(k) + 1) {
                return k
            }
        }
    }
}

/// numpy's `random_loggam`: log Γ(x) by Stirling's series, shifted up to x ≥ 7 (not libm's lgamma,
/// whose last bits differ).
func logGamma(_ x: Double) -> Double {
    let a: [Double] = [8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
                       8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
                       1.796443723688307e-01, -1.39243221690590e+00]
    if x == 1.0 || x == 2.0 { return 0.0 }
    // Only reached with nonsense from overflowed counts; numpy's loop below would run ~2⁶³ times.
    guard x > -1e7 else { return .nan }
    let n: Int64 = x < 7.0 ? cTruncatingCast(7 - x) : 0
    var x0 = x + Double(n)
    let x2 = (1.0 / x0) * (1.0 / x0)
    let lg2pi = 1.8378770664093453e+00
    var gl0 = a[9]
    for k in stride(from: 8, through: 0, by: -1) {
        gl0 *= x2
        gl0 += a[k]
    }
    var gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * Foundation.log(x0) - x0
    if x < 7.0 {
        var k: Int64 = 1
        while k <= n {
            gl -= Foundation.log(x0 - 1.0)
            x0 -= 1.0
            k += 1
        }
    }
    return gl
}
