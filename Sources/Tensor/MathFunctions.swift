import Foundation

/// numpy's one-argument mathematical functions ("Mathematical functions" in numpy's reference):
/// exponents and logarithms, roots and powers, trigonometric and hyperbolic functions,
/// rounding, and the sign family.
///
/// dtypes follow numpy's ufunc loops (see `UfuncLoops`): the transcendental functions compute
/// in the input's float type (integers in float64, bool and 1-byte integers in float16);
/// `square`, `abs`, `sign`, `floor`, `ceil`, `trunc` keep integer dtypes (numpy 2 returns
/// integers from floor/ceil/trunc of integers); `reciprocal` of an integer is `1.0/x` cast
/// back, so `reciprocal(2) == 0` and `reciprocal(0)` is the x86 cast of inf.
///
/// float64 calls glibc's libm, as numpy does for these on Linux; float32 calls the `f`
/// variants.
public enum MathFunction: String, CaseIterable, Sendable {
    case sqrt, cbrt, log, log2, log10, log1p, exp2, expm1
    case sin, cos, tan, arcsin, arccos, arctan
    case sinh, cosh, arcsinh, arccosh, arctanh
    case deg2rad, rad2deg, degrees, radians
    case rint, floor, ceil, trunc, fix
    case square, absolute, fabs, sign, reciprocal

    /// The float64 and float32 kernels of the transcendental functions.
    var kernels: ((Double) -> Double, (Float) -> Float)? {
        switch self {
        case .sqrt: return ({ $0.squareRoot() }, { $0.squareRoot() })
        case .cbrt: return (Foundation.cbrt, Foundation.cbrt)
        // float32 log, sin and cos are numpy's own algorithms (docs/float32-math.md), float64 the C library's.
        case .log: return ({ Foundation.log($0) }, NumpyFloat32.log)
        case .log2: return (Foundation.log2, Foundation.log2)
        case .log10: return (Foundation.log10, Foundation.log10)
        case .log1p: return (Foundation.log1p, Foundation.log1p)
        case .exp2: return (Foundation.exp2, Foundation.exp2)
        case .expm1: return (Foundation.expm1, Foundation.expm1)
        case .sin: return (Foundation.sin, NumpyFloat32.sin)
        case .cos: return (Foundation.cos, NumpyFloat32.cos)
        case .tan: return (Foundation.tan, Foundation.tan)
        case .arcsin: return (Foundation.asin, Foundation.asin)
        case .arccos: return (Foundation.acos, Foundation.acos)
        case .arctan: return (Foundation.atan, Foundation.atan)
        case .sinh: return (Foundation.sinh, Foundation.sinh)
        case .cosh: return (Foundation.cosh, Foundation.cosh)
        case .arcsinh: return (Foundation.asinh, Foundation.asinh)
        case .arccosh: return (Foundation.acosh, Foundation.acosh)
        case .arctanh: return (Foundation.atanh, Foundation.atanh)
        // numpy: deg2rad(x) = x * (pi / 180), rad2deg(x) = x * (180 / pi), the constant folded first.
        case .deg2rad, .radians: return ({ $0 * (Double.pi / 180) }, { $0 * Float(Double.pi / 180) })
        case .rad2deg, .degrees: return ({ $0 * (180 / Double.pi) }, { $0 * Float(180 / Double.pi) })
        case .rint: return ({ $0.rounded(.toNearestOrEven) }, { $0.rounded(.toNearestOrEven) })
        case .fabs: return ({ Swift.abs($0) }, { Swift.abs($0) })
        default: return nil
        }
    }
}

extension NDArray {
    /// `np.<function>(x)` for the one-argument functions of `MathFunction`.
    public func apply(_ function: MathFunction) throws(TensorError) -> NDArray {
        let name = function.rawValue
        if let (f64, f32) = function.kernels {
            return try mapFloat(name, f64, f32)
        }
        switch function {
        case .floor, .ceil, .trunc, .fix:
            if !dtype.isFloat { return try copy() }   // integers and bools are already whole
            let rule: FloatingPointRoundingRule = function == .floor ? .down : function == .ceil ? .up : .towardZero
            return try NDArray.mapFloat(self, loop: dtype, { $0.rounded(rule) }, { $0.rounded(rule) })
        case .square:
            if dtype.isFloat { return try NDArray.mapFloat(self, loop: dtype, { $0 * $0 }, { $0 * $0 }) }
            let loop = try NDArray.boolPromotedInteger(dtype, function: name)
            return try NDArray.fromInt64s(try astype(loop).int64Values().map { $0 &* $0 }, shape: shape, dtype: loop)
        case .reciprocal:
            if dtype.isFloat { return try NDArray.mapFloat(self, loop: dtype, { 1 / $0 }, { 1 / $0 }) }
            let loop = try NDArray.boolPromotedInteger(dtype, function: name)
            // numpy's integer loop computes 1.0/x in double and casts (x86: inf → the minimum).
            return try NDArray.fromDoubles(try doubleValues().map { 1 / $0 }, shape: shape, dtype: loop)
        case .absolute:
            if dtype == .bool { return try copy() }
            if dtype.isFloat { return try NDArray.mapFloat(self, loop: dtype, { Swift.abs($0) }, { Swift.abs($0) }) }
            return try NDArray.fromInt64s(try int64Values().map { $0 < 0 ? 0 &- $0 : $0 }, shape: shape, dtype: dtype)
        case .sign:
            if dtype == .bool {
                throw TensorError("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None", kind: .ufuncTypeError)
            }
            if dtype.isFloat {
                return try NDArray.mapFloat(self, loop: dtype,
                                            { $0.isNaN ? $0 : ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) },
                                            { $0.isNaN ? $0 : ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) })
            }
            return try NDArray.fromInt64s(try int64Values().map { $0.signum() }, shape: shape, dtype: dtype)
        default:
            return try copy()
        }
    }

    /// numpy's integer loop for bool input of square/reciprocal: int8.
    static func boolPromotedInteger(_ dtype: DType, function: String) throws(TensorError) -> DType {
        guard dtype == .bool else { return dtype }
        if let int8 = DType(numpyName: "int8") { return int8 }
        throw TensorError("\(function) of a bool array gives int8 in numpy, a dtype rnnsh does not support",
                          explanation: "convert first, e.g. x.astype(int64)")
    }

    /// `np.round(a, decimals)` (`np.around`): numpy multiplies by 10**decimals, rounds half to
    /// even (`rint`) and divides back (for negative decimals: divides, rounds, multiplies), so
    /// `round(2.5) == 2.0` and `round(0.125, 2) == 0.12`. Integers with decimals >= 0 are
    /// returned unchanged; with decimals < 0 they round in the integer domain, half to even.
    public func rounded(decimals rawDecimals: Int) throws(TensorError) -> NDArray {
        // Beyond ±400 every float result is the same (x, or 0 / ±inf / NaN), so clamp.
        let decimals = Swift.max(Swift.min(rawDecimals, 400), -400)
        if !dtype.isFloat {
            if decimals >= 0 || dtype == .bool { return try copy() }
            let d = Swift.min(-decimals, 19)
            var p: Int64 = 1
            for _ in 0..<d { let (q, o) = p.multipliedReportingOverflow(by: 10); if o { p = Int64.max; break }; p = q }
            if d >= 19 { p = Int64.max }
            let values: [Int64] = try int64Values().map { v in
                if p == Int64.max { return 0 }
                // Floor division, then half-to-even on the remainder.
                var q = v / p, r = v % p
                if r < 0 { q -= 1; r += p }
                let twice = r &* 2
                if twice > p || (twice == p && q % 2 != 0) { q += 1 }
                return q &* p
            }
            return try NDArray.fromInt64s(values, shape: shape, dtype: dtype)
        }
        let f = pow(10.0, Double(Swift.abs(decimals)))
        if dtype == .float64 {
            if decimals >= 0 {
                return try NDArray.mapFloat(self, loop: dtype, { ($0 * f).rounded(.toNearestOrEven) / f }, { $0 })
            }
            return try NDArray.mapFloat(self, loop: dtype, { ($0 / f).rounded(.toNearestOrEven) * f }, { $0 })
        }
        // float32 (and float16): the Python float factor is weak, so numpy works in the array's type.
        let ff = Float(f)
        if decimals >= 0 {
            return try NDArray.mapFloat(self, loop: dtype, { $0 }, { ($0 * ff).rounded(.toNearestOrEven) / ff })
        }
        return try NDArray.mapFloat(self, loop: dtype, { $0 }, { ($0 / ff).rounded(.toNearestOrEven) * ff })
    }

    /// `np.isnan`, `np.isinf`, `np.isfinite`: bool arrays; integers are never NaN or infinite.
    public func isNaN() throws(TensorError) -> NDArray { try mapPredicate({ $0.isNaN }, { $0.isNaN }, integer: false) }
    public func isInfinite() throws(TensorError) -> NDArray { try mapPredicate({ $0.isInfinite }, { $0.isInfinite }, integer: false) }
    public func isFinite() throws(TensorError) -> NDArray { try mapPredicate({ $0.isFinite }, { $0.isFinite }, integer: true) }

    /// `np.nan_to_num(x, nan=0.0, posinf=None, neginf=None)`: NaN → `nan`, +inf → `posinf`
    /// (default: the dtype's largest finite value), -inf → `neginf` (default: the most negative).
    /// Non-float arrays are returned as a copy.
    public func nanToNum(nan: Double = 0, posinf: Double? = nil, neginf: Double? = nil) throws(TensorError) -> NDArray {
        guard dtype.isFloat else { return try copy() }
        if dtype == .float64 {
            let hi = posinf ?? Double.greatestFiniteMagnitude, lo = neginf ?? -Double.greatestFiniteMagnitude
            return try NDArray.mapFloat(self, loop: dtype, { $0.isNaN ? nan : ($0 == .infinity ? hi : ($0 == -.infinity ? lo : $0)) }, { $0 })
        }
        let hi = posinf.map { Float($0) } ?? Float.greatestFiniteMagnitude, lo = neginf.map { Float($0) } ?? -Float.greatestFiniteMagnitude
        let n = Float(nan)
        return try NDArray.mapFloat(self, loop: dtype, { $0 }, { $0.isNaN ? n : ($0 == .infinity ? hi : ($0 == -.infinity ? lo : $0)) })
    }
}
