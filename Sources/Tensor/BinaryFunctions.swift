import Foundation

/// numpy's two-argument elementwise functions that are not Python operators: `maximum`,
/// `minimum`, `fmax`, `fmin`, `power`, `fmod`, `arctan2`, `hypot`, the `logical_*` family, and the
/// composites built from them (`clip`, three-argument `where`, `isclose`).
///
/// Result dtypes follow NEP 50 (`Operand.resultType`): a Python scalar takes the array's dtype.
/// NaN rules are numpy's scalar loops: `maximum(a, b) = (a >= b || isnan(a)) ? a : b`, so NaN
/// propagates from either side and a tie keeps the first operand; `fmax` prefers the non-NaN.
public enum BinaryFunction: String, CaseIterable, Sendable {
    case maximum, minimum, fmax, fmin, power, arctan2, hypot, copysign, fmod
    case logicalAnd = "logical_and", logicalOr = "logical_or", logicalXor = "logical_xor"
}

extension NDArray {
    public static func apply(_ function: BinaryFunction, _ a: Operand, _ b: Operand) throws(TensorError) -> NDArray {
        let rt = Operand.resultType(a, b)
        switch function {
        // numpy's maximum and minimum give the second operand when the two compare equal, so
        // a ReLU `np.maximum(x, 0.0)` turns -0.0 into 0.0 (and `np.maximum(0.0, -0.0)` is -0.0);
        // NaN wins from either side. fmax and fmin take the first of two zeros, as numpy's
        // scalar loop does, and ignore a NaN.
        case .maximum:
            return try mapBinary(a, b, dtype: rt, { x, y in (x > y || x.isNaN) ? x : y }, { x, y in (x > y || x.isNaN) ? x : y },
                                 int: { x, y in Swift.max(x, y) }, bool: { $0 || $1 })
        case .fmax:
            return try mapBinary(a, b, dtype: rt, { x, y in (x >= y || y.isNaN) ? x : y }, { x, y in (x >= y || y.isNaN) ? x : y },
                                 int: { x, y in Swift.max(x, y) }, bool: { $0 || $1 })
        case .minimum:
            return try mapBinary(a, b, dtype: rt, { x, y in (x < y || x.isNaN) ? x : y }, { x, y in (x < y || x.isNaN) ? x : y },
                                 int: { x, y in Swift.min(x, y) }, bool: { $0 && $1 })
        case .fmin:
            return try mapBinary(a, b, dtype: rt, { x, y in (x <= y || y.isNaN) ? x : y }, { x, y in (x <= y || y.isNaN) ? x : y },
                                 int: { x, y in Swift.min(x, y) }, bool: { $0 && $1 })
        case .power:
            if rt == .bool {
                // numpy has no bool power loop; it computes in int8.
                let loop = try boolPromotedInteger(.bool, function: "power")
                return try apply(.power, .array(try a.materialized(as: .bool).astype(loop)), .array(try b.materialized(as: .bool).astype(loop)))
            }
            return try mapBinary(a, b, dtype: rt, { Foundation.pow($0, $1) }, { Foundation.pow($0, $1) },
                                 int: { (x: Int64, y: Int64) throws(TensorError) -> Int64 in
                                     if y < 0 { throw TensorError("Integers to negative integer powers are not allowed.", kind: .valueError) }
                                     return integerPower(x, y)
                                 })
        case .fmod:
            // C's fmod: the remainder of truncated division, with the dividend's sign (Python's
            // `%` takes the divisor's). numpy's integer loop gives 0 for a zero divisor (raising
            // the divide-by-zero flag, so the shell warns),
            // and has no bool loop: bools compute in int8, as for power.
            if rt == .bool {
                let loop = try boolPromotedInteger(.bool, function: "fmod")
                return try apply(.fmod, .array(try a.materialized(as: .bool).astype(loop)), .array(try b.materialized(as: .bool).astype(loop)))
            }
            return try mapBinary(a, b, dtype: rt, { Foundation.fmod($0, $1) }, { Foundation.fmod($0, $1) },
                                 int: { (x: Int64, y: Int64) throws(TensorError) -> Int64 in
                                     if y == 0 { FloatFlags.raise(FloatFlags.divideByZero); return 0 }
                                     return y == -1 ? 0 : x % y
                                 })
        case .arctan2, .hypot, .copysign:
            let loop = try floatLoopType(for: rt, function: function.rawValue)
            let f64: (Double, Double) -> Double = function == .arctan2 ? Foundation.atan2 : function == .hypot ? Foundation.hypot : { Double(signOf: $1, magnitudeOf: $0) }
            let f32: (Float, Float) -> Float = function == .arctan2 ? Foundation.atan2 : function == .hypot ? Foundation.hypot : { Float(signOf: $1, magnitudeOf: $0) }
            return try mapBinary(.array(try a.materialized(as: rt).astype(loop)), .array(try b.materialized(as: rt).astype(loop)),
                                 dtype: loop, f64, f32, int: nil)
        case .logicalAnd, .logicalOr, .logicalXor:
            let x = try a.materialized(as: a.defaultDType == .bool ? .bool : rt)
            let y = try b.materialized(as: b.defaultDType == .bool ? .bool : rt)
            let shape = try broadcastShapes([x.shape, y.shape])
            let xs = try x.broadcastView(to: shape).boolValues(), ys = try y.broadcastView(to: shape).boolValues()
            let f: (Bool, Bool) -> Bool = function == .logicalAnd ? { $0 && $1 } : function == .logicalOr ? { $0 || $1 } : { $0 != $1 }
            return try fromBools(zip(xs, ys).map(f), shape: shape)
        }
    }

    /// `x ** y` for integers by repeated squaring, wrapping as numpy's integer loop does.
    static func integerPower(_ x: Int64, _ y: Int64) -> Int64 {
        var result: Int64 = 1, base = x, e = y
        while e > 0 {
            if e & 1 == 1 { result = result &* base }
            base = base &* base
            e >>= 1
        }
        return result
    }

    /// `np.logical_not(x)`.
    public func logicalNot() throws(TensorError) -> NDArray {
        try NDArray.fromBools(try boolValues().map { !$0 }, shape: shape)
    }

    /// `np.where(condition, x, y)`: `x` where the condition holds, else `y`, all three
    /// broadcast; the dtype is the NEP 50 result type of `x` and `y`.
    public static func choose(_ condition: NDArray, _ x: Operand, _ y: Operand) throws(TensorError) -> NDArray {
        let rt = Operand.resultType(x, y)
        let xa = try x.materialized(as: rt), ya = try y.materialized(as: rt)
        let shape = try broadcastShapes([condition.shape, xa.shape, ya.shape])
        let c = condition.dtype == .bool ? condition : try condition.astype(.bool)
        let cv = c.broadcastView(to: shape), xv = xa.broadcastView(to: shape), yv = ya.broadcastView(to: shape)
        let out = try NDArray(uninitialized: shape, dtype: rt)
        // x and y already have the result dtype, so choosing is a copy of raw element bits.
        switch rt.itemSize {
        case 1: select(out, cv, xv, yv, UInt8.self)
        case 2: select(out, cv, xv, yv, UInt16.self)
        case 4: select(out, cv, xv, yv, UInt32.self)
        default: select(out, cv, xv, yv, UInt64.self)
        }
        return out
    }

    /// `out[i] = c[i] ? x[i] : y[i]` on raw elements of width `W`, over views broadcast to
    /// `out`'s shape (a bool is true when its byte is nonzero, as numpy reads it).
    private static func select<W: FixedWidthInteger>(_ out: NDArray, _ c: NDArray, _ x: NDArray, _ y: NDArray, _: W.Type) {
        let po = out.storage.pointer.assumingMemoryBound(to: W.self)
        let pc = c.storage.pointer.assumingMemoryBound(to: UInt8.self)
        let px = x.storage.pointer.assumingMemoryBound(to: W.self)
        let py = y.storage.pointer.assumingMemoryBound(to: W.self)
        if denseStep(c, like: out) == 1, let kx = denseStep(x, like: out), let ky = denseStep(y, like: out) {
            let n = out.size
            let o = po + out.offset, cc = pc + c.offset, xx = px + x.offset, yy = py + y.offset
            // A bit select (mask all ones where the condition holds) instead of `c ? x : y`:
            // both sides are read unconditionally, so the loop vectorises with plain loads.
            @inline(__always) func pick(_ c: UInt8, _ a: W, _ b: W) -> W {
                let mask = W(0) &- W(truncatingIfNeeded: c != 0 ? 1 : 0)
                return (a & mask) | (b & ~mask)
            }
            switch (kx, ky) {
            case (1, 1): for k in 0..<n { o[k] = pick(cc[k], xx[k], yy[k]) }
            case (1, _): let v = yy[0]; for k in 0..<n { o[k] = pick(cc[k], xx[k], v) }
            case (_, 1): let u = xx[0]; for k in 0..<n { o[k] = pick(cc[k], u, yy[k]) }
            default: if n > 0 { let u = xx[0], v = yy[0]; for k in 0..<n { o[k] = pick(cc[k], u, v) } }
            }
            return
        }
        let loop = StridedLoop(shape: out.shape, operands: [(out.strides, out.offset), (c.strides, c.offset),
                                                             (x.strides, x.offset), (y.strides, y.offset)])
        loop.run { s, count, inner in
            var o = s[0], i = s[1], j = s[2], l = s[3]
            for _ in 0..<count {
                po[o] = pc[i] != 0 ? px[j] : py[l]
                o += inner[0]; i += inner[1]; j += inner[2]; l += inner[3]
            }
        }
    }

    /// `np.clip(a, a_min, a_max)`: numpy 2 computes `minimum(maximum(a, a_min), a_max)` with
    /// NEP 50 dtypes, skipping a bound that is None.
    public static func clip(_ a: Operand, min lo: Operand?, max hi: Operand?) throws(TensorError) -> NDArray {
        var r = a
        if let lo { r = .array(try apply(.maximum, r, lo)) }
        if let hi { r = .array(try apply(.minimum, r, hi)) }
        if case .array(let out) = r, lo != nil || hi != nil { return out }
        return try a.materialized(as: a.defaultDType).copy()
    }

    /// `np.isclose(a, b, rtol, atol, equal_nan)`: `|a - b| <= atol + rtol * |b|` (and equal
    /// infinities), computed in `result_type(a, b, 1.0)`, as numpy does.
    public static func isClose(_ a: Operand, _ b: Operand, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false) throws(TensorError) -> NDArray {
        let rt = Operand.resultType(.array(Operand.resultTypeArray(a, b)), .float(1))
        let (x, y, shape) = try broadcastPair(a, b, as: rt)
        if rt == .float64 || !rt.isFloat {
            let xs = try x.doubleValues(), ys = try y.doubleValues()
            return try fromBools((0..<xs.count).map { i in
                let p = xs[i], q = ys[i]
                var r = (Swift.abs(p - q) <= atol + rtol * Swift.abs(q) && q.isFinite) || p == q
                if equalNaN && p.isNaN && q.isNaN { r = true }
                return r
            }, shape: shape)
        }
        let xs = try x.floatValues(), ys = try y.floatValues()
        let fa = Float(atol), fr = Float(rtol)
        return try fromBools((0..<xs.count).map { i in
            let p = xs[i], q = ys[i]
            var r = (Swift.abs(p - q) <= fa + fr * Swift.abs(q) && q.isFinite) || p == q
            if equalNaN && p.isNaN && q.isNaN { r = true }
            return r
        }, shape: shape)
    }

    /// `np.array_equal(a1, a2, equal_nan=False)`: same shape and every element equal.
    public static func arrayEqual(_ a: NDArray, _ b: NDArray, equalNaN: Bool = false) throws(TensorError) -> Bool {
        guard a.shape == b.shape else { return false }
        let rt = DType.promote(a.dtype, b.dtype)
        if rt.isFloat {
            let xs = try a.doubleValues(), ys = try b.doubleValues()
            for i in 0..<xs.count where !(xs[i] == ys[i] || (equalNaN && xs[i].isNaN && ys[i].isNaN)) { return false }
            return true
        }
        return try a.int64Values() == b.int64Values()
    }
}

extension Operand {
    /// A zero-size stand-in carrying the NEP 50 result dtype of two operands, for combining
    /// with a third (strong) operand.
    static func resultTypeArray(_ a: Operand, _ b: Operand) -> NDArray {
        let rt = resultType(a, b)
        return (try? NDArray(zeros: [0], dtype: rt)) ?? a.asArray
    }
}
