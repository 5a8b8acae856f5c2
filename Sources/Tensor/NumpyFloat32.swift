import Foundation

/// numpy 2.x's own float32 `exp`, `log`, `tanh`, `sin` and `cos` on x86-64 (docs/float32-math.md).
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

    // MARK: sin and cos

    /// 2/π and -π/2 split in three parts for the Cody–Waite reduction (numpy's hex constants).
    static let twoOverPi = Float(bitPattern: 0x3f22_f983)            // 0x1.45f306p-1
    static let piOver2High = Float(bitPattern: 0xbfc9_0fd8)          // -0x1.921fb0p+00
    static let piOver2Mid = Float(bitPattern: 0xb4a8_885a)           // -0x1.5110b4p-22
    static let piOver2Low = Float(bitPattern: 0xa7c2_34c4)           // -0x1.846988p-48
    /// cos(r) ≈ 1 - r²/2 + … on [-π/4, π/4], highest coefficient first.
    static let cosPoly: [Float] = [Float(bitPattern: 0x37cc_730b), Float(bitPattern: 0xbab6_036e),
                                   Float(bitPattern: 0x3d2a_aa9e), -0.5, 1]
    /// sin(r)/r - 1 over r² ≈ -1/6 + …, highest coefficient first.
    static let sinPoly: [Float] = [Float(bitPattern: 0x363e_9dde), Float(bitPattern: 0xb950_35dd),
                                   Float(bitPattern: 0x3c08_88cd), Float(bitPattern: 0xbe2a_aaab)]

    /// numpy's float32 `sin`.
    public static func sin(_ x: Float) -> Float { sinCos(x, cosine: false) }

    /// numpy's float32 `cos`.
    public static func cos(_ x: Float) -> Float { sinCos(x, cosine: true) }

    /// numpy's sine/cosine: nan gives nan; beyond |x| = 117435.992 (sin) or 71476.0625 (cos),
    /// where a three-part reduction loses accuracy, and for ±inf, numpy calls the C library's
    /// `sinf`/`cosf`. Otherwise q = rint(x·2/π) (one fused multiply-add with the rounding
    /// constant), r = x - q·π/2 by three fused steps, a sine or
    /// cosine polynomial in r chosen by q's parity, negated (as 0 - v) when bit 1 of q is set
    /// (cos adds one quadrant first).
    static func sinCos(_ input: Float, cosine: Bool) -> Float {
        if input.isNaN { return .nan }
        let limit: Float = cosine ? 71476.0625 : 117435.992
        guard Swift.abs(input) <= limit else { return cosine ? Foundation.cos(input) : Foundation.sin(input) }
        // numpy's compiler fuses x·(2/π) + 1.5·2^23 into one multiply-add: rint of the exact product.
        let q = roundMagic.addingProduct(input, twoOverPi) - roundMagic
        var r = input.addingProduct(q, piOver2High)
        r = r.addingProduct(q, piOver2Mid)
        r = r.addingProduct(q, piOver2Low)
        let r2 = r * r
        var quadrant = Int32(q)
        if cosine { quadrant &+= 1 }
        var v: Float
        if quadrant & 1 == 0 {
            v = sinPoly[0]
            for c in sinPoly.dropFirst() { v = c.addingProduct(v, r2) }
            v = Float(0).addingProduct(v, r2)
            v = r.addingProduct(v, r)
        } else {
            v = cosPoly[0]
            for c in cosPoly.dropFirst() { v = c.addingProduct(v, r2) }
        }
        if quadrant & 2 == 2 { v = 0 - v }
        return v
    }

    // MARK: tanh

    /// numpy's float32 `tanh` (converted by numpy from Intel's SVML): |x| picks one of 32
    /// intervals from its exponent and top mantissa bit, and tanh(|x|) is a degree-6 polynomial
    /// in y = |x| - b on that interval, evaluated by fused Horner steps; the sign is or-ed back
    /// in. |x| ≥ 2^127-ish (exponent field above 0x7f000000 after masking), and ±inf, give ±1;
    /// nan gives nan.
    public static func tanh(_ x: Float) -> Float {
        if x.isNaN { return .nan }
        let masked = Int32(bitPattern: x.bitPattern & 0x7fe0_0000)
        let sign = x.bitPattern & 0x8000_0000
        guard masked <= 0x7f00_0000 else { return Float(bitPattern: Float(1).bitPattern | sign) }
        let index = Int(UInt32(min(max(masked - 0x3d40_0000, 0), 0x03e0_0000)) >> 21)
        let c = tanhTable[index]
        let y = Swift.abs(x) - Float(bitPattern: c[0])
        var r = Float(bitPattern: c[7])
        var k = 6
        while k >= 1 {
            r = Float(bitPattern: c[k]).addingProduct(r, y)
            k -= 1
        }
        return Float(bitPattern: r.bitPattern | sign)
    }

    /// numpy's table: per interval b, c0, c1, …, c6 as float32 bit patterns (interval 31 is the
    /// saturated 1.0).
    static let tanhTable: [[UInt32]] = [
        [0x00000000, 0x00000000, 0x3f800000, 0xb0343c7b, 0xbeaaaaa5, 0xb76dd6b9, 0x3e0910e9, 0xbc0e2f66],
        [0x3d700000, 0x3d6fb9c9, 0x3f7f1f84, 0xbd6ee69d, 0xbeab0612, 0xbe1c276d, 0x43761143, 0x460bda12],
        [0x3d900000, 0x3d8fc35f, 0x3f7ebd11, 0xbd8f0da7, 0xbea7f01f, 0x3c1dcf2f, 0x4165ecdc, 0x43d638ef],
        [0x3db00000, 0x3daf9169, 0x3f7e1e5f, 0xbdae477d, 0xbea4e120, 0x3dc1a78d, 0xc190f756, 0xc3e11c3e],
        [0x3dd00000, 0x3dcf49ab, 0x3f7d609f, 0xbdcd2a1f, 0xbea387b7, 0x3d96f985, 0xc08c097d, 0xc2baa4e9],
        [0x3df00000, 0x3deee849, 0x3f7c842d, 0xbdeba80d, 0xbea15962, 0x3da2b61b, 0xc02ba813, 0xc249da2d],
        [0x3e100000, 0x3e0f0ee8, 0x3f7b00e5, 0xbe0c443b, 0xbe9d57f7, 0x3dc13397, 0xbf7f6bda, 0xc1859b82],
        [0x3e300000, 0x3e2e4984, 0x3f789580, 0xbe293cf3, 0xbe976b5a, 0x3dd2f670, 0x3f2b1dc0, 0x40dd5b57],
        [0x3e500000, 0x3e4d2f8e, 0x3f75b8ad, 0xbe44f282, 0xbe90230d, 0x3df48a0a, 0x3ece105d, 0x40494640],
        [0x3e700000, 0x3e6bb32e, 0x3f726fd9, 0xbe5f3651, 0xbe880dff, 0x3e06c5a8, 0x3f426a94, 0x40c730a8],
        [0x3e900000, 0x3e8c51cd, 0x3f6cc59b, 0xbe81c7c0, 0xbe7479b3, 0x3e1a3aba, 0xbadb0dc4, 0xbf0f160e],
        [0x3eb00000, 0x3ea96163, 0x3f63fb92, 0xbe96d7ca, 0xbe4c3d88, 0x3e27c405, 0x3da43b17, 0x3e30e76f],
        [0x3ed00000, 0x3ec543f1, 0x3f59ff97, 0xbea7fb8e, 0xbe212482, 0x3e2e78d0, 0xbd51ab88, 0xbea81387],
        [0x3ef00000, 0x3edfd735, 0x3f4f11d7, 0xbeb50e9e, 0xbdeb8cba, 0x3e2c3e44, 0xbcaea23d, 0xbdb26a1c],
        [0x3f100000, 0x3f028438, 0x3f3d7573, 0xbec12efe, 0xbd5e78ad, 0x3e1d3097, 0xbd3b6d8d, 0xbd351e57],
        [0x3f300000, 0x3f18abf0, 0x3f24f360, 0xbec4be92, 0x3c6b5e6e, 0x3df4a8f4, 0xbd6caaad, 0xbb4c01a0],
        [0x3f500000, 0x3f2bc480, 0x3f0cbfe7, 0xbebce070, 0x3d839143, 0x3da38508, 0xbd795bed, 0x3c1d7bfb],
        [0x3f700000, 0x3f3bec1c, 0x3eec1a69, 0xbead510e, 0x3dc21ee1, 0x3d31416a, 0xbd5fddda, 0x3c722cd1],
        [0x3f900000, 0x3f4f2e5b, 0x3eb0a801, 0xbe8ef7d6, 0x3de347af, 0x3b562657, 0xbd038f3b, 0x3c973f1c],
        [0x3fb00000, 0x3f613c53, 0x3e6753a2, 0xbe4b8704, 0x3dcbec96, 0xbcaeeac9, 0xbc1cad63, 0x3c33a31b],
        [0x3fd00000, 0x3f6ce37d, 0x3e132f1a, 0xbe083237, 0x3d99ef2d, 0xbcce9419, 0x3abb4766, 0x3b862ef4],
        [0x3ff00000, 0x3f743c4f, 0x3db7e7d3, 0xbdaf7449, 0x3d542ea1, 0xbcaaeac4, 0x3b95f10b, 0x3a27b3d0],
        [0x40100000, 0x3f7a5feb, 0x3d320845, 0xbd2e1ec4, 0x3cdde701, 0xbc49e7d0, 0x3b825873, 0xba3b5907],
        [0x40300000, 0x3f7dea85, 0x3c84d3d4, 0xbc83bf06, 0x3c2cca67, 0xbba71ddd, 0x3afaea66, 0xba0efc22],
        [0x40500000, 0x3f7f3b3d, 0x3bc477b7, 0xbbc3e0b5, 0x3b81cb27, 0xbb003b0e, 0x3a49f878, 0xb97f9f0f],
        [0x40700000, 0x3f7fb78c, 0x3b10d3da, 0xbb10aadc, 0x3ac073a1, 0xba3f9a05, 0x39996bf3, 0xb8c8af50],
        [0x40900000, 0x3f7fefd4, 0x3a01601e, 0xba0157db, 0x39ac3032, 0xb92c08a7, 0x388f3e6c, 0xb7bdddfb],
        [0x40b00000, 0x3f7ffdd0, 0x388c1a3b, 0xb88c18f2, 0x383a94d9, 0xb7ba9232, 0x371bb0e3, 0xb64f2950],
        [0x40d00000, 0x3f7fffb4, 0x3717b0da, 0xb717b096, 0x36ca081d, 0xb64a0b0f, 0x35a8a5e6, 0xb4e085b1],
        [0x40f00000, 0x3f7ffff6, 0x35a43bce, 0xb5a43bae, 0x355abd4c, 0xb4dac169, 0x34369b17, 0xb3731dfa],
        [0x41100000, 0x3f7fffff, 0x338306c6, 0xb383012c, 0x332b3cb6, 0xb2ab78ac, 0x322487b0, 0xb15a1f04],
        [0x00000000, 0x3f800000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000],
    ]
}
