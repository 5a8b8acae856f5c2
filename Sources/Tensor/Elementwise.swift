import Foundation

/// Binary elementwise operations (numpy ufuncs) with broadcasting and NEP 50 promotion.
public enum BinaryOp: String, CaseIterable, Sendable {
    case add, subtract, multiply, divide
    case equal, notEqual, less, lessEqual, greater, greaterEqual

    /// Comparisons produce bool arrays.
    public var isComparison: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide: return false
        default: return true
        }
    }

    /// The Python operator, for messages and for the shell.
    public var symbol: String {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        }
    }
}

extension NDArray {
    /// numpy's `a <op> b` for arrays and Python scalars.
    /// - dtype: `Operand.resultType` (NEP 50); `divide` of integers or bools computes in float64
    ///   (numpy's true divide); comparisons return bool.
    /// - Integer arithmetic wraps (two's complement), as numpy's does; float arithmetic is IEEE,
    ///   so results are bit-identical to numpy's.
    /// - bool: `+` is logical or, `*` logical and, `-` is refused with numpy's TypeError text.
    /// - A Python int that does not fit the array's integer dtype is numpy's OverflowError
    ///   (`Python integer 300 out of bounds for uint8`) in arithmetic, but compares exactly
    ///   (`uint8_array == 300` is all False), as numpy 2 does.
    /// - Two Python scalars compute as numpy scalars of their default dtypes (int64/float64/bool)
    ///   and give a 0-d array.
    public static func binary(_ op: BinaryOp, _ a: Operand, _ b: Operand) throws(TensorError) -> NDArray {
        let rt = Operand.resultType(a, b)
        if op == .subtract && rt == .bool {
            throw TensorError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
        }
        let compute: DType = (op == .divide && !rt.isFloat) ? .float64 : rt
        if op.isComparison, compute.isInteger, let r = try exactIntComparison(op, a, b) { return r }
        let x = try a.materialized(as: compute)
        let y = try b.materialized(as: compute)
        let shape = try broadcastShapes([x.shape, y.shape])
        let xv = x.broadcastView(to: shape), yv = y.broadcastView(to: shape)
        let out = try elementwiseResult(shape: shape, dtype: op.isComparison ? .bool : compute, operands: [xv, yv])
        switch compute {
        case .bool: boolKernel(op, out, xv, yv)
        case .uint8: intKernel(op, out, xv, yv, UInt8.self)
        case .int32: intKernel(op, out, xv, yv, Int32.self)
        case .int64: intKernel(op, out, xv, yv, Int64.self)
        case .float32: floatKernel(op, out, xv, yv, Float.self)
        case .float64: floatKernel(op, out, xv, yv, Double.self)
        }
        return out
    }

    public static func add(_ a: Operand, _ b: Operand) throws(TensorError) -> NDArray { try binary(.add, a, b) }
    public static func subtract(_ a: Operand, _ b: Operand) throws(TensorError) -> NDArray { try binary(.subtract, a, b) }
    public static func multiply(_ a: Operand, _ b: Operand) throws(TensorError) -> NDArray { try binary(.multiply, a, b) }
    public static func divide(_ a: Operand, _ b: Operand) throws(TensorError) -> NDArray { try binary(.divide, a, b) }
    public static func equal(_ a: Operand, _ b: Operand) throws(TensorError) -> NDArray { try binary(.equal, a, b) }

    public static func + (a: NDArray, b: NDArray) throws(TensorError) -> NDArray { try binary(.add, .array(a), .array(b)) }
    public static func - (a: NDArray, b: NDArray) throws(TensorError) -> NDArray { try binary(.subtract, .array(a), .array(b)) }
    public static func * (a: NDArray, b: NDArray) throws(TensorError) -> NDArray { try binary(.multiply, .array(a), .array(b)) }
    public static func / (a: NDArray, b: NDArray) throws(TensorError) -> NDArray { try binary(.divide, .array(a), .array(b)) }

    /// Comparisons of an integer array with a Python int outside its dtype's range: numpy 2
    /// compares the true values instead of raising. nil when that case does not apply.
    private static func exactIntComparison(_ op: BinaryOp, _ a: Operand, _ b: Operand) throws(TensorError) -> NDArray? {
        func outOfRange(_ s: Operand, _ other: Operand) -> Bool {
            guard case .int(let i) = s, case .array(let arr) = other, arr.dtype.isInteger else { return false }
            return (try? checkPythonInt(i, fits: arr.dtype)) == nil
        }
        guard outOfRange(a, b) || outOfRange(b, a) else { return nil }
        // Every value involved fits int64 exactly, so compare there.
        let x = try a.materialized(as: .int64), y = try b.materialized(as: .int64)
        let shape = try broadcastShapes([x.shape, y.shape])
        let xv = x.broadcastView(to: shape), yv = y.broadcastView(to: shape)
        let out = try elementwiseResult(shape: shape, dtype: .bool, operands: [xv, yv])
        intKernel(op, out, xv, yv, Int64.self)
        return out
    }

    private static func boolKernel(_ op: BinaryOp, _ out: NDArray, _ a: NDArray, _ b: NDArray) {
        // Read bools as bytes (any nonzero byte is true, as numpy reads them).
        switch op {
        case .add: run(out, a, b, UInt8.self, UInt8.self) { x, y in (x != 0 || y != 0) ? 1 : 0 }
        case .multiply: run(out, a, b, UInt8.self, UInt8.self) { x, y in (x != 0 && y != 0) ? 1 : 0 }
        case .subtract, .divide: break   // refused / computed in float64 before reaching here
        default: compareKernel(op, out, a, b, UInt8.self) { $0 != 0 ? 1 : 0 }
        }
    }

    private static func intKernel<T: FixedWidthInteger>(_ op: BinaryOp, _ out: NDArray, _ a: NDArray, _ b: NDArray, _: T.Type) {
        switch op {
        case .add: run(out, a, b, T.self, T.self) { $0 &+ $1 }
        case .subtract: run(out, a, b, T.self, T.self) { $0 &- $1 }
        case .multiply: run(out, a, b, T.self, T.self) { $0 &* $1 }
        case .divide: break   // integers divide in float64
        default: compareKernel(op, out, a, b, T.self) { $0 }
        }
    }

    private static func floatKernel<T: BinaryFloatingPoint>(_ op: BinaryOp, _ out: NDArray, _ a: NDArray, _ b: NDArray, _: T.Type) {
        switch op {
        case .add: run(out, a, b, T.self, T.self) { $0 + $1 }
        case .subtract: run(out, a, b, T.self, T.self) { $0 - $1 }
        case .multiply: run(out, a, b, T.self, T.self) { $0 * $1 }
        case .divide: run(out, a, b, T.self, T.self) { $0 / $1 }
        default: compareKernel(op, out, a, b, T.self) { $0 }
        }
    }

    private static func compareKernel<T, K: Comparable>(_ op: BinaryOp, _ out: NDArray, _ a: NDArray, _ b: NDArray,
                                                        _: T.Type, _ key: (T) -> K) {
        switch op {
        case .equal: run(out, a, b, T.self, UInt8.self) { key($0) == key($1) ? 1 : 0 }
        case .notEqual: run(out, a, b, T.self, UInt8.self) { key($0) != key($1) ? 1 : 0 }
        case .less: run(out, a, b, T.self, UInt8.self) { key($0) < key($1) ? 1 : 0 }
        case .lessEqual: run(out, a, b, T.self, UInt8.self) { key($0) <= key($1) ? 1 : 0 }
        case .greater: run(out, a, b, T.self, UInt8.self) { key($0) > key($1) ? 1 : 0 }
        case .greaterEqual: run(out, a, b, T.self, UInt8.self) { key($0) >= key($1) ? 1 : 0 }
        default: break
        }
    }

    /// The strided loop of a binary kernel: `out[i] = f(a[i], b[i])` over broadcast views.
    @inline(__always)
    static func run<T, R>(_ out: NDArray, _ a: NDArray, _ b: NDArray, _: T.Type, _: R.Type, _ f: (T, T) -> R) {
        let po = out.storage.pointer.assumingMemoryBound(to: R.self)
        let pa = a.storage.pointer.assumingMemoryBound(to: T.self)
        let pb = b.storage.pointer.assumingMemoryBound(to: T.self)
        let loop = StridedLoop(shape: out.shape, operands: [(out.strides, out.offset), (a.strides, a.offset), (b.strides, b.offset)])
        loop.run { s, count, inner in
            var o = s[0], i = s[1], j = s[2]
            let so = inner[0], sa = inner[1], sb = inner[2]
            if so == 1 && sa == 1 && sb == 1 {
                for k in 0..<count { po[o + k] = f(pa[i + k], pb[j + k]) }
                return
            }
            // An array with a scalar (or a broadcast row) on either side.
            if so == 1 && sa == 1 && sb == 0 {
                let y = pb[j]
                for k in 0..<count { po[o + k] = f(pa[i + k], y) }
                return
            }
            if so == 1 && sa == 0 && sb == 1 {
                let x = pa[i]
                for k in 0..<count { po[o + k] = f(x, pb[j + k]) }
                return
            }
            for _ in 0..<count {
                po[o] = f(pa[i], pb[j])
                o += so; i += sa; j += sb
            }
        }
    }

    /// The strided loop of a unary kernel: `out[i] = f(a[i])`.
    @inline(__always)
    static func run<T, R>(_ out: NDArray, _ a: NDArray, _: T.Type, _: R.Type, _ f: (T) -> R) {
        let po = out.storage.pointer.assumingMemoryBound(to: R.self)
        let pa = a.storage.pointer.assumingMemoryBound(to: T.self)
        let loop = StridedLoop(shape: out.shape, operands: [(out.strides, out.offset), (a.strides, a.offset)])
        loop.run { s, count, inner in
            var o = s[0], i = s[1]
            let so = inner[0], sa = inner[1]
            if so == 1 && sa == 1 {
                for k in 0..<count { po[o + k] = f(pa[i + k]) }
                return
            }
            for _ in 0..<count {
                po[o] = f(pa[i])
                o += so; i += sa
            }
        }
    }
}

extension Operand {
    /// This operand as an array of `dtype`: arrays are cast when needed (no copy otherwise);
    /// Python scalars become 0-d arrays by numpy's NEP 50 conversion (ints range-checked).
    func materialized(as dtype: DType) throws(TensorError) -> NDArray {
        switch self {
        case .array(let a): return a.dtype == dtype ? a : try a.astype(dtype)
        case .int(let i):
            if dtype.isInteger { try checkPythonInt(i, fits: dtype) }
            return try scalarArray(dtype == .float32 ? .float(Double(i)) : .int(i), dtype)
        case .float(let d): return try scalarArray(.float(d), dtype)
        case .bool(let b): return try scalarArray(.bool(b), dtype)
        }
    }

    private func scalarArray(_ v: ElementValue, _ dtype: DType) throws(TensorError) -> NDArray {
        let a = try NDArray(zeros: [], dtype: dtype)
        a.fill(with: v)
        return a
    }
}
