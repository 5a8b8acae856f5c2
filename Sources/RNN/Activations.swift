/// Vectorised sigmoid and tanh for the LSTM's gates, eight lanes at a time, with no libm call per
/// element: glibc's `tanhf` costs ~17 ns, which would make one step's activations three times
/// slower than its matrix product.
///
/// Accuracy (measured by `ActivationsTests` against Double-precision references over
/// [-30, 30] in steps of 1/4096, plus the extremes):
/// - `tanh`: Eigen's rational approximation (odd degree-13 over even degree-6 polynomial,
///   input clamped to ±7.9053, where tanh is within 3e-7 of ±1): max abs error 3.6e-7,
///   and small relative error near 0, where the rational form is exact to first order.
/// - `sigmoid`: `1 / (1 + exp(-x))` with a Cephes-style `exp` (range reduction by ln 2 in
///   two parts, degree-6 polynomial, the power of two assembled in the exponent bits):
///   max abs error 8.9e-8, and good relative accuracy for large negative inputs.
/// The polynomials use `addingProduct` (fused multiply-add: Swift never contracts `a*b+c` on its
/// own). Build with `-target-cpu haswell` or newer (Package.swift does in release) so these become
/// FMA instructions instead of a libm `fmaf` call per lane (debug builds are correct, just slow).
public enum Activations {
    public typealias V = SIMD8<Float>

    /// exp for 8 lanes; inputs are clamped to [-87.3, 88.37] (results stay normal floats).
    public static func exp(_ x: V) -> V { exp8(x) }

    @inline(__always)
    static func exp8(_ x: V) -> V {
        var x = x.replacing(with: 88.3762626647949, where: x .> 88.3762626647949)
        x.replace(with: -87.3365478515625, where: x .< -87.3365478515625)
        // Round x·log2(e) to the nearest integer n by adding 1.5·2^23: the sum's low mantissa
        // bits then hold n (a compare-free, conversion-free rounding).
        let magic: Float = 12582912
        let t = V(repeating: magic).addingProduct(x, V(repeating: 1.44269504088896341))
        let n = t - magic
        let r = x.addingProduct(n, V(repeating: -0.693359375)).addingProduct(n, V(repeating: 2.12194440e-4))
        var p = V(repeating: 1.3981999507e-3).addingProduct(r, V(repeating: 1.9875691500e-4))
        p = V(repeating: 8.3334519073e-3).addingProduct(p, r)
        p = V(repeating: 4.1665795894e-2).addingProduct(p, r)
        p = V(repeating: 1.6666665459e-1).addingProduct(p, r)
        p = V(repeating: 5.0000001201e-1).addingProduct(p, r)
        let y = (r + 1).addingProduct(p, r * r)
        let ti = unsafeBitCast(t, to: SIMD8<Int32>.self) &- 0x4B40_0000   // n, as an integer
        let scale = unsafeBitCast((ti &+ 127) &<< 23, to: V.self)          // 2^n
        return y * scale
    }

    /// The logistic function 1 / (1 + e^-x) for 8 lanes.
    public static func sigmoid(_ x: V) -> V { sigmoid8(x) }
    /// tanh for 8 lanes.
    public static func tanh(_ x: V) -> V { tanh8(x) }

    @inline(__always)
    static func sigmoid8(_ x: V) -> V {
        1 / (1 + exp8(-x))
    }

    /// tanh for 8 lanes (Eigen's `generic_fast_tanh_float` rational approximation).
    @_transparent
    static func tanh8(_ a: V) -> V {
        let clampValue: Float = 7.90531110763549805
        var x = a.replacing(with: clampValue, where: a .> clampValue)
        x.replace(with: -clampValue, where: x .< -clampValue)
        let x2 = x * x
        var p = V(repeating: 2.00018790482477e-13).addingProduct(x2, V(repeating: -2.76076847742355e-16))
        p = V(repeating: -8.60467152213735e-11).addingProduct(p, x2)
        p = V(repeating: 5.12229709037114e-08).addingProduct(p, x2)
        p = V(repeating: 1.48572235717979e-05).addingProduct(p, x2)
        p = V(repeating: 6.37261928875436e-04).addingProduct(p, x2)
        p = V(repeating: 4.89352455891786e-03).addingProduct(p, x2)
        p = p * x
        var q = V(repeating: 1.18534705686654e-04).addingProduct(x2, V(repeating: 1.19825839466702e-06))
        q = V(repeating: 2.26843463243900e-03).addingProduct(q, x2)
        q = V(repeating: 4.89352518554385e-03).addingProduct(q, x2)
        // Below 4e-4, tanh(x) == x to float precision (and p/q would lose the last bits).
        let tiny = (a .< 0.0004) .& (a .> -0.0004)
        return (p / q).replacing(with: a, where: tiny)
    }

    /// Applies `sigmoid` to every element (for tests and non-hot paths).
    public static func sigmoid(_ values: [Float]) -> [Float] { map(values) { sigmoid8($0) } }
    /// Applies `tanh` to every element (for tests and non-hot paths).
    public static func tanh(_ values: [Float]) -> [Float] { map(values) { tanh8($0) } }

    private static func map(_ values: [Float], _ f: (V) -> V) -> [Float] {
        var out = values
        out.withUnsafeMutableBufferPointer { buf in
            guard let p = buf.baseAddress else { return }
            var i = 0
            while i + 8 <= buf.count { store(f(load(p + i)), p + i); i += 8 }
            if i < buf.count { storePartial(f(loadPartial(p + i, buf.count - i)), p + i, buf.count - i) }
        }
        return out
    }

    // Loads and stores of 8 lanes from raw pointers (unaligned is fine on x86-64).
    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }
    @inline(__always) static func load(_ p: UnsafeMutablePointer<Float>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }
    @inline(__always) static func store(_ v: V, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    }
    /// The first `count` (< 8) lanes from `p`, the rest zero: for row tails.
    @inline(__always) static func loadPartial(_ p: UnsafePointer<Float>, _ count: Int) -> V {
        var v = V()
        for k in 0..<count { v[k] = p[k] }
        return v
    }
    @inline(__always) static func loadPartial(_ p: UnsafeMutablePointer<Float>, _ count: Int) -> V {
        loadPartial(UnsafePointer(p), count)
    }
    @inline(__always) static func storePartial(_ v: V, _ p: UnsafeMutablePointer<Float>, _ count: Int) {
        for k in 0..<count { p[k] = v[k] }
    }
}
