import Foundation

/// CPython's `math.gamma` and `math.lgamma`.
///
/// CPython does not call the C library's tgamma/lgamma (their accuracy varies between
/// platforms); it computes both with Lanczos' approximation, g = 6.024680040776729583740234375
/// and 13 terms, a reflection formula for negative arguments, and a table of exact factorials
/// for small integers. glibc's functions differ from it in the last bits for most arguments,
/// so the same algorithm, in the same order of operations, is what gives CPython's digits.
enum Gamma {
    enum Failure { case domain, range }

    static let g = 6.024680040776729583740234375
    static let gMinusHalf = 5.524680040776729583740234375
    /// The numerator's and denominator's coefficients of the Lanczos sum as a rational
    /// function (the denominator's are those of x(x+1)…(x+11)).
    static let numerator: [Double] = [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ]
    static let denominator: [Double] = [
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
        2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    ]
    /// Γ(n) = (n−1)! for n = 1…23, exact in a double.
    static let integral: [Double] = {
        var f = [1.0]
        for n in 1..<23 { f.append(f[n - 1] * Double(n)) }
        return f
    }()

    /// The Lanczos sum at x > 0: Horner's rule in x below 5, in 1/x above (so it never
    /// overflows).
    static func lanczosSum(_ x: Double) -> Double {
        var num = 0.0, den = 0.0
        if x < 5.0 {
            for i in stride(from: numerator.count - 1, through: 0, by: -1) {
                num = num * x + numerator[i]
                den = den * x + denominator[i]
            }
        } else {
            for i in 0..<numerator.count {
                num = num / x + numerator[i]
                den = den / x + denominator[i]
            }
        }
        return num / den
    }

    /// sin(πx) for finite x, reduced first so that it is exact at integers and half-integers.
    static func sinPi(_ x: Double) -> Double {
        let y = Foundation.fmod(Swift.abs(x), 2.0)
        let n = Int((2.0 * y).rounded(.toNearestOrAwayFromZero))
        let r: Double
        switch n {
        case 0: r = Foundation.sin(.pi * y)
        case 1: r = Foundation.cos(.pi * (y - 0.5))
        case 2: r = Foundation.sin(.pi * (1.0 - y))
        case 3: r = -Foundation.cos(.pi * (y - 1.5))
        default: r = Foundation.sin(.pi * (y - 2.0))
        }
        return Foundation.copysign(1.0, x) * r
    }

    static func gamma(_ x: Double) -> (value: Double, error: Failure?) {
        if !x.isFinite {
            if x.isNaN || x > 0 { return (x, nil) }
            return (.nan, .domain)
        }
        if x == 0 { return (Foundation.copysign(.infinity, x), .domain) }
        if x == x.rounded(.down) {
            if x < 0 { return (.nan, .domain) }
            if x <= Double(integral.count) { return (integral[Int(x) - 1], nil) }
        }
        let absx = Swift.abs(x)
        if absx < 1e-20 {
            let r = 1.0 / x
            return (r, r.isInfinite ? .range : nil)
        }
        if absx > 200.0 {
            if x < 0 { return (0.0 / sinPi(x), nil) }
            return (.infinity, .range)
        }
        let y = absx + gMinusHalf
        // The rounding error of y, carried into the result.
        var z: Double
        if absx > gMinusHalf {
            let q = y - absx
            z = q - gMinusHalf
        } else {
            let q = y - gMinusHalf
            z = q - absx
        }
        z = z * g / y
        var r: Double
        if x < 0 {
            r = -Double.pi / sinPi(absx) / absx * Foundation.exp(y) / lanczosSum(absx)
            r -= z * r
            if absx < 140.0 {
                r /= Foundation.pow(y, absx - 0.5)
            } else {
                let sqrtpow = Foundation.pow(y, absx / 2.0 - 0.25)
                r /= sqrtpow
                r /= sqrtpow
            }
        } else {
            r = lanczosSum(absx) / Foundation.exp(y)
            r += z * r
            if absx < 140.0 {
                r *= Foundation.pow(y, absx - 0.5)
            } else {
                let sqrtpow = Foundation.pow(y, absx / 2.0 - 0.25)
                r *= sqrtpow
                r *= sqrtpow
            }
        }
        return (r, r.isInfinite ? .range : nil)
    }

    static func logGamma(_ x: Double) -> (value: Double, error: Failure?) {
        if !x.isFinite { return (x.isNaN ? x : .infinity, nil) }
        if x == x.rounded(.down) && x <= 2.0 {
            if x <= 0 { return (.infinity, .domain) }
            return (0.0, nil)
        }
        let absx = Swift.abs(x)
        if absx < 1e-20 { return (-Foundation.log(absx), nil) }
        var r = Foundation.log(lanczosSum(absx)) - g
        r += (absx - 0.5) * (Foundation.log(absx + g - 0.5) - 1)
        if x < 0 {
            // Reflection: log|Γ(x)| = log π − log|sin πx| − log|x| − log|Γ(|x|)|.
            r = 1.144729885849400174143427351353058711647 - Foundation.log(Swift.abs(sinPi(absx))) - Foundation.log(absx) - r
        }
        return (r, r.isInfinite ? .range : nil)
    }
}
