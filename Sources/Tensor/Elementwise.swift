import Foundation

/// Binary elementwise operations (numpy ufuncs) with broadcasting and NEP 50 promotion.
public enum BinaryOp: String, CaseIterable, Sendable {
    case add, subtract, multiply, divide
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    // Operators.swift: `//`, `%`, `**`, `&`, `|`, `^`, `<<`, `>>`.
    case floorDivide, remainder, power, bitwiseAnd, bitwiseOr, bitwiseXor, leftShift, rightShift

    /// Comparisons produce bool arrays.
    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }

    /// numpy's ufunc name (`np.add`, `np.floor_divide`, ...), as numpy's messages spell it.
    public var ufuncName: String {
        switch self {
        case .add, .subtract, .multiply, .divide, .equal, .less, .greater, .remainder, .power: return rawValue
        case .notEqual: return "not_equal"
        case .lessEqual: return "less_equal"
        case .greaterEqual: return "greater_equal"
        case .floorDivide: return "floor_divide"
        case .bitwiseAnd: return "bitwise_and"
        case .bitwiseOr: return "bitwise_or"
        case .bitwiseXor: return "bitwise_xor"
        case .leftShift: return "left_shift"
        case .rightShift: return "right_shift"
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
        case .floorDivide: return "//"
        case .remainder: return "%"
        case .power: return "**"
        case .bitwiseAnd: return "&"
        case .bitwiseOr: return "|"
        case .bitwiseXor: return "^"
        case .leftShift: return "<<"
        case .rightShift: return ">>"
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
        try binary(op, a, b, out: nil)
    }

    /// `np.<ufunc>(a, b, out=out)`: with `out`, the result is written into that array (which the
    /// in-place operators `+=`, `-=`, ... pass as their left side) after numpy's `same_kind`
    /// check of the output cast (`Cannot cast ufunc 'add' output from dtype('float64') to
    /// dtype('int64') with casting rule 'same_kind'`); the result broadcast must equal
    /// `out`'s shape. An input that overlaps `out` in any other way than element for element is
    /// copied first, as numpy does, so `x += x.T` reads the old values. Returns `out`.
    public static func binary(_ op: BinaryOp, _ a: Operand, _ b: Operand, out: NDArray?) throws(TensorError) -> NDArray {
        // numpy's ufunc refuses a read-only output before any casting or broadcasting check.
        try out?.requireWriteable(NDArray.readOnlyOutput)
        let rt = Operand.resultType(a, b)
        if let out, out.dtype == .bool, rt == .bool, [.floorDivide, .remainder, .power, .leftShift, .rightShift].contains(op) {
            // numpy computes these in int8, which cannot go back into a bool array.
            throw TensorError("Cannot cast ufunc '\(op.ufuncName)' output from dtype('int8') to dtype('bool') with casting rule 'same_kind'",
                              kind: .ufuncTypeError)
        }
        let compute = try computeDType(op, rt)
        if let out { try checkOutputCast(op, from: op.isComparison ? .bool : compute, to: out.dtype) }
        if op.isComparison, compute.isInteger, let r = try exactIntComparison(op, a, b) {
            return try finish(r, into: out)
        }
        var x = try a.materialized(as: compute)
        var y = try b.materialized(as: compute)
        if op == .power { try checkIntegerPower(compute, y) }
        let shape = try broadcastShapes([x.shape, y.shape])
        let resultDType: DType = op.isComparison ? .bool : compute
        if let out {
            guard (try? broadcastShapes([shape, out.shape])) == out.shape else {
                throw TensorError("non-broadcastable output operand with shape \(numpyShapeString(out.shape)) doesn't match the broadcast shape \(numpyShapeString(try broadcastShapes([shape, out.shape])))", kind: .valueError)
            }
            if resultDType == out.dtype {
                x = try x.copyIfOverlapping(out)
                y = try y.copyIfOverlapping(out)
                let xv = x.broadcastView(to: out.shape), yv = y.broadcastView(to: out.shape)
                try out.willWrite()
                // Stopping half-way would leave `out` half-changed: an in-place write runs to the end.
                Cancellation.deferring { kernel(op, compute, out, xv, yv) }
                return out
            }
        }
        let xv = x.broadcastView(to: shape), yv = y.broadcastView(to: shape)
        let result = try elementwiseResult(shape: shape, dtype: resultDType, operands: [xv, yv])
        kernel(op, compute, result, xv, yv)
        try checkStoppedFill()
        return try finish(result, into: out)
    }

    /// Runs the kernel of `op` for operands already of dtype `compute`, broadcast to `out`'s shape.
    static func kernel(_ op: BinaryOp, _ compute: DType, _ out: NDArray, _ xv: NDArray, _ yv: NDArray) {
        switch compute {
        case .bool: boolKernel(op, out, xv, yv)
        case .int8: intKernel(op, out, xv, yv, Int8.self)
        case .int16: intKernel(op, out, xv, yv, Int16.self)
        case .int32: intKernel(op, out, xv, yv, Int32.self)
        case .int64: intKernel(op, out, xv, yv, Int64.self)
        case .uint8: intKernel(op, out, xv, yv, UInt8.self)
        case .uint16: intKernel(op, out, xv, yv, UInt16.self)
        case .uint32: intKernel(op, out, xv, yv, UInt32.self)
        case .uint64: intKernel(op, out, xv, yv, UInt64.self)
        case .float16: floatKernel(op, out, xv, yv, Float16.self)
        case .float32: floatKernel(op, out, xv, yv, Float.self)
        case .float64: floatKernel(op, out, xv, yv, Double.self)
        }
    }

    /// A computed result, or that result cast into `out` (numpy's output cast).
    private static func finish(_ result: NDArray, into out: NDArray?) throws(TensorError) -> NDArray {
        guard let out else { return result }
        try out.assign(result)
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

    static func boolKernel(_ op: BinaryOp, _ out: NDArray, _ a: NDArray, _ b: NDArray) {
        // Read bools as bytes (any nonzero byte is true, as numpy reads them).
        switch op {
        case .add: run(out, a, b, UInt8.self, UInt8.self) { x, y in (x != 0 || y != 0) ? 1 : 0 }
        case .multiply: run(out, a, b, UInt8.self, UInt8.self) { x, y in (x != 0 && y != 0) ? 1 : 0 }
        case .subtract, .divide, .floorDivide, .remainder, .power, .leftShift, .rightShift:
            break   // refused or computed in another dtype before reaching here (computeDType)
        case .bitwiseAnd: run(out, a, b, UInt8.self, UInt8.self) { (x, y) -> UInt8 in (x != 0 && y != 0) ? 1 : 0 }
        case .bitwiseOr: run(out, a, b, UInt8.self, UInt8.self) { (x, y) -> UInt8 in (x != 0 || y != 0) ? 1 : 0 }
        case .bitwiseXor: run(out, a, b, UInt8.self, UInt8.self) { (x, y) -> UInt8 in (x != 0) != (y != 0) ? 1 : 0 }
        default: compareKernel(op, out, a, b, UInt8.self) { $0 != 0 ? 1 : 0 }
        }
    }

    static func intKernel<T: FixedWidthInteger>(_ op: BinaryOp, _ out: NDArray, _ a: NDArray, _ b: NDArray, _: T.Type) {
        switch op {
        case .add: run(out, a, b, T.self, T.self) { $0 &+ $1 }
        case .subtract: run(out, a, b, T.self, T.self) { $0 &- $1 }
        case .multiply: run(out, a, b, T.self, T.self) { $0 &* $1 }
        case .divide: break   // integers divide in float64
        case .floorDivide, .remainder, .power, .bitwiseAnd, .bitwiseOr, .bitwiseXor, .leftShift, .rightShift:
            integerOperatorKernel(op, out, a, b, T.self)
        default: compareKernel(op, out, a, b, T.self) { $0 }
        }
    }

    static func floatKernel<T: BinaryFloatingPoint>(_ op: BinaryOp, _ out: NDArray, _ a: NDArray, _ b: NDArray, _: T.Type) {
        switch op {
        case .add: run(out, a, b, T.self, T.self) { $0 + $1 }
        case .subtract: run(out, a, b, T.self, T.self) { $0 - $1 }
        case .multiply: run(out, a, b, T.self, T.self) { $0 * $1 }
        case .divide: run(out, a, b, T.self, T.self) { $0 / $1 }
        case .floorDivide, .remainder, .power, .bitwiseAnd, .bitwiseOr, .bitwiseXor, .leftShift, .rightShift:
            floatOperatorKernel(op, out, a, b, T.self)
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

    /// The loop of a binary kernel: `out[i] = f(a[i], b[i])` over broadcast views.
    ///
    /// Always inlined into the kernel that calls it, so `f` is inlined into the inner loops and
    /// they vectorise. When every operand is laid out like a C-contiguous `out` or is one
    /// repeated value (`x + 1`, `x += y`, `W -= lr * dW`), the whole operation is one flat loop
    /// over raw pointers with no per-run bookkeeping; anything else goes through `StridedLoop`.
    @inline(__always)
    static func run<T, R>(_ out: NDArray, _ a: NDArray, _ b: NDArray, _: T.Type, _: R.Type, _ f: (T, T) -> R) {
        let po = out.storage.pointer.assumingMemoryBound(to: R.self)
        let pa = a.storage.pointer.assumingMemoryBound(to: T.self)
        let pb = b.storage.pointer.assumingMemoryBound(to: T.self)
        if let ka = denseStep(a, like: out), let kb = denseStep(b, like: out) {
            let n = out.size
            let o = po + out.offset, x = pa + a.offset, y = pb + b.offset
            switch (ka, kb) {
            case (1, 1): inFlatBlocks(n) { r in for k in r { o[k] = f(x[k], y[k]) } }
            case (1, _): let v = y[0]; inFlatBlocks(n) { r in for k in r { o[k] = f(x[k], v) } }
            case (_, 1): let u = x[0]; inFlatBlocks(n) { r in for k in r { o[k] = f(u, y[k]) } }
            default: if n > 0 { let c = f(x[0], y[0]); inFlatBlocks(n) { r in for k in r { o[k] = c } } }
            }
            return
        }
        let loop = StridedLoop(shape: out.shape, operands: [(out.strides, out.offset), (a.strides, a.offset), (b.strides, b.offset)])
        loop.run { s, count, inner in
            var o = s[0], i = s[1], j = s[2]
            let so = inner[0], sa = inner[1], sb = inner[2]
            if so == 1 && sa == 1 && sb == 1 {
                let oo = po + o, aa = pa + i, bb = pb + j
                for k in 0..<count { oo[k] = f(aa[k], bb[k]) }
                return
            }
            // An array with a scalar (or a broadcast row) on either side.
            if so == 1 && sa == 1 && sb == 0 {
                let y = pb[j], oo = po + o, aa = pa + i
                for k in 0..<count { oo[k] = f(aa[k], y) }
                return
            }
            if so == 1 && sa == 0 && sb == 1 {
                let x = pa[i], oo = po + o, bb = pb + j
                for k in 0..<count { oo[k] = f(x, bb[k]) }
                return
            }
            for _ in 0..<count {
                po[o] = f(pa[i], pb[j])
                o += so; i += sa; j += sb
            }
        }
    }

    /// The loop of a unary kernel: `out[i] = f(a[i])` (flat when both are dense, as above).
    @inline(__always)
    static func run<T, R>(_ out: NDArray, _ a: NDArray, _: T.Type, _: R.Type, _ f: (T) -> R) {
        let po = out.storage.pointer.assumingMemoryBound(to: R.self)
        let pa = a.storage.pointer.assumingMemoryBound(to: T.self)
        if let ka = denseStep(a, like: out) {
            let n = out.size
            let o = po + out.offset, x = pa + a.offset
            if ka == 1 {
                inFlatBlocks(n) { r in for k in r { o[k] = f(x[k]) } }
            } else if n > 0 {
                let c = f(x[0])
                inFlatBlocks(n) { r in for k in r { o[k] = c } }
            }
            return
        }
        let loop = StridedLoop(shape: out.shape, operands: [(out.strides, out.offset), (a.strides, a.offset)])
        loop.run { s, count, inner in
            var o = s[0], i = s[1]
            let so = inner[0], sa = inner[1]
            if so == 1 && sa == 1 {
                let oo = po + o, aa = pa + i
                for k in 0..<count { oo[k] = f(aa[k]) }
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
