/// numpy 2.x's own float32 `exp` and `log` on x86-64 (docs/float32-math.md).
///
/// numpy does not call libm for float32 exp/log when the CPU has AVX2+FMA3 or AVX512F: it runs
/// a vector algorithm of its own, per lane. Each lane's result depends only on that lane's
/// input, so the same steps done one element at a time — every operation rounded to float32,
/// the fused multiply-adds fused — give numpy's bits. The AVX2 and AVX512F paths run the same
/// steps (AVX512F reads exponent and mantissa with `getexp`/`getmant`, AVX2 emulates them with
/// the same results), so one scalar version serves both.
public enum NumpyFloat32 {
    // Cody–Waite split of -ln 2 and the rational approximations numpy uses (their published
    // minimax coefficients, as float32 literals).
    static let ln2High: Float = -6.93145752e-1
    static let ln2Low: Float = -1.42860677e-6
    static let log2e: Float = 1.442695040888963407359924681001892137
    static let ln2: Float = 0.693147180559945309417232121458176568
    static let sqrtHalf: Float = 0.707106781186547524400844362104849039
    /// 1.5 · 2^23: adding and subtracting it rounds a float32 to an integer (ties to even).
    static let roundMagic: Float = 12582912

    static let expP: [Float] = [9.999999999980870924916e-01, 7.257664613233124478488e-01, 2.473615434895520810817e-01,
                                5.114512081637298353406e-02, 6.757896990527504603057e-03, 5.082762527590693718096e-04]
    static let expQ: [Float] = [1.0, -2.742335390411667452936e-01, 2.159509375685829852307e-02]
    static let logP: [Float] = [0, 9.999999999999998702752e-01, 2.112677543073053063722e+00, 1.480000633576506585156e+00,
                                3.808837741388407920751e-01, 2.589979117907922693523e-02]
    static let logQ: [Float] = [1.0, 2.612677543073109236779e+00, 2.453006071784736363091e+00, 9.864942958519418960339e-01,
                                1.546476374983906719538e-01, 5.875095403124574342950e-03]

    /// Horner with fused multiply-adds, highest coefficient first, as numpy chains `fmadd`.
    @inline(__always) static func horner(_ c: [Float], _ x: Float) -> Float {
        var r = c[c.count - 1]
        var i = c.count - 2
        while i >= 0 {
            r = c[i].addingProduct(r, x)
            i -= 1
        }
        return r
    }

    /// numpy's float32 `exp`: overflow to inf from 88.72283935546875 up, 0 at or below
    /// -103.97208404541015625, otherwise k = rint(x·log2 e), a Cody–Waite reduction, a (5, 2)
    /// rational approximation, and a scale by 2^k with one rounding.
    public static func exp(_ input: Float) -> Float {
        if input.isNaN { return .nan }
        if input >= 88.72283935546875 { return .infinity }
        if input <= -103.97208404541015625 { return 0 }
        let k = (input * log2e + roundMagic) - roundMagic
        var r = input.addingProduct(k, ln2High)
        r = r.addingProduct(k, ln2Low)
        r = r.addingProduct(k, 0)
        let poly = horner(expP, r) / horner(expQ, r)
        // scalef: poly · 2^k rounded once (exact in Double, then one rounding to float32).
        return Float(Double(poly) * pow2(Int(k)))
    }

    /// numpy's float32 `log`: x = m · 2^e with m in [0.5, 1) (subnormals normalised), m doubled
    /// and e lowered when m ≤ √½, then log(1 + (m - 1)) by a (5, 5) rational approximation plus
    /// e · ln 2, fused. Negative → nan, 0 → -inf, inf → inf.
    public static func log(_ x: Float) -> Float {
        if x.isNaN { return .nan }
        if x < 0 { return -Float.nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return .infinity }
        var exponent = Float(x.exponent) + 1
        var m = x.significand * 0.5
        if m <= sqrtHalf {
            m = m + m
            exponent = exponent - 1
        }
        let t = m - 1
        let poly = horner(logP, t) / horner(logQ, t)
        return poly.addingProduct(exponent, ln2)
    }

    @inline(__always) static func pow2(_ k: Int) -> Double {
        Double(sign: .plus, exponent: k, significand: 1)
    }
}
