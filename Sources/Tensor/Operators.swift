import Foundation

/// Python's arithmetic and bitwise operators on arrays — `//`, `%`, `**`, `&`, `|`, `^`, `<<`,
/// `>>`, `~`, unary `+`, `abs`, `divmod` — with numpy 2's dtypes (NEP 50) and numpy's results
/// for every corner:
/// - Integer `//` and `%` by zero give 0 and raise the divide-by-zero flag, which the shell
///   reports as numpy does (`RuntimeWarning: divide by zero encountered in floor_divide`).
///   `MIN // -1` wraps to MIN and raises the overflow flag (`MIN % -1` is a silent 0).
///   `%` takes the sign of the divisor (Python's rule).
/// - Float `//` and `%` follow numpy's `npy_divmod`: the remainder comes from `fmod` and is
///   moved to the divisor's sign, the quotient is `(a - mod) / b` snapped to an integer; by zero
///   `//` gives `a / 0` (±inf or nan) and `%` gives nan.
/// - Integer `**` is exact repeated squaring that wraps; a negative integer exponent anywhere is
///   `Integers to negative integer powers are not allowed.`. Float `**` is libm's `pow`, except
///   that a float array raised to the Python scalars 2, 0.5 and -1 uses numpy's shortcuts
///   (`square`, `sqrt`, `reciprocal`), which differ from `pow` for -0.0 and -inf.
/// - Shifts by at least the bit width (or by a negative amount) give 0, or -1 for `>>` of a
///   negative number, as numpy defines them.
/// - bool: `&`, `|`, `^` and `~` are logical; `//`, `%`, `**`, `<<`, `>>` of two bools compute in
///   int8 as numpy does. Floats refuse the bitwise operators with numpy's TypeError.
extension NDArray {
    /// The dtype a binary ufunc computes in, given the promoted dtype of its operands.
    static func computeDType(_ op: BinaryOp, _ rt: DType) throws(TensorError) -> DType {
        switch op {
        case .subtract where rt == .bool:
            throw TensorError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
                              kind: .typeError)
        case .divide where !rt.isFloat:
            return .float64
        case .floorDivide, .remainder, .power, .leftShift, .rightShift:
            if rt.isFloat && (op == .leftShift || op == .rightShift) { throw unsupportedTypes(op) }
            if rt == .bool {
                // numpy has no bool loop for these; the smallest integer loop is int8.
                guard let int8 = DType(numpyName: "int8") else {
                    throw TensorError("\(op.symbol) of two bool arrays gives int8 in numpy, a dtype rnnsh does not support yet",
                                      explanation: "convert first, e.g. x.astype(int)")
                }
                return int8
            }
            return rt
        case .bitwiseAnd, .bitwiseOr, .bitwiseXor:
            if rt.isFloat { throw unsupportedTypes(op) }
            return rt
        default:
            return rt
        }
    }

    static func unsupportedTypes(_ op: BinaryOp) -> TensorError {
        TensorError("ufunc '\(op.ufuncName)' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
                    kind: .typeError)
    }

    /// numpy's `same_kind` rule for the output of an in-place operation: a cast may go up the
    /// kinds bool < unsigned < signed < float (any size within a kind), never down.
    static func checkOutputCast(_ op: BinaryOp, from: DType, to: DType) throws(TensorError) {
        if from.castKind > to.castKind {
            throw TensorError("Cannot cast ufunc '\(op.ufuncName)' output from dtype('\(from.name)') to dtype('\(to.name)') with casting rule 'same_kind'",
                              kind: .ufuncTypeError)
        }
    }

    /// `Integers to negative integer powers are not allowed.` when an integer exponent is < 0.
    static func checkIntegerPower(_ compute: DType, _ exponent: NDArray) throws(TensorError) {
        guard compute.isInteger, exponent.dtype.isInteger else { return }
        var negative = false
        exponent.forEachOffset { off in
            if !negative, case .int(let i) = exponent.scalar(atStorageOffset: off), i < 0 { negative = true }
        }
        if negative { throw TensorError("Integers to negative integer powers are not allowed.", kind: .valueError) }
    }

    static func integerOperatorKernel<T: FixedWidthInteger>(_ op: BinaryOp, _ out: NDArray, _ a: NDArray, _ b: NDArray, _: T.Type) {
        switch op {
        case .floorDivide:
            run(out, a, b, T.self, T.self) { x, y in
                if y == 0 { FloatFlags.raise(FloatFlags.divideByZero); return 0 }
                if T.isSigned && y == -1 {   // MIN // -1 wraps to MIN
                    if x == T.min { FloatFlags.raise(FloatFlags.overflow) }
                    return 0 &- x
                }
                let q = x / y
                return (x % y != 0 && ((x < 0) != (y < 0))) ? q - 1 : q
            }
        case .remainder:
            run(out, a, b, T.self, T.self) { x, y in
                if y == 0 { FloatFlags.raise(FloatFlags.divideByZero); return 0 }
                if T.isSigned && y == -1 { return 0 }
                let r = x % y
                return (r != 0 && ((r < 0) != (y < 0))) ? r + y : r
            }
        case .power:
            run(out, a, b, T.self, T.self) { x, y in
                var result: T = 1, base = x, e = y
                while e > 0 {
                    if e & 1 == 1 { result = result &* base }
                    e >>= 1
                    if e > 0 { base = base &* base }
                }
                return result
            }
        case .bitwiseAnd: run(out, a, b, T.self, T.self) { $0 & $1 }
        case .bitwiseOr: run(out, a, b, T.self, T.self) { $0 | $1 }
        case .bitwiseXor: run(out, a, b, T.self, T.self) { $0 ^ $1 }
        case .leftShift:
            run(out, a, b, T.self, T.self) { x, y in
                (y >= 0 && y < T.bitWidth) ? x << y : 0
            }
        case .rightShift:
            run(out, a, b, T.self, T.self) { x, y in
                if y >= 0 && y < T.bitWidth { return x >> y }
                return x < 0 ? (0 &- 1) : 0
            }
        default: break
        }
    }

    static func floatOperatorKernel<T: BinaryFloatingPoint>(_ op: BinaryOp, _ out: NDArray, _ a: NDArray, _ b: NDArray, _: T.Type) {
        switch op {
        case .floorDivide: run(out, a, b, T.self, T.self) { x, y in floorDivideFloat(x, y) }
        case .remainder: run(out, a, b, T.self, T.self) { x, y in remainderFloat(x, y) }
        case .power:
            if T.self == Float.self {
                run(out, a, b, Float.self, Float.self) { Foundation.pow($0, $1) }
            } else {
                run(out, a, b, Double.self, Double.self) { Foundation.pow($0, $1) }
            }
        default: break
        }
    }

    /// numpy's `npy_divmod` for floats: (floor quotient, remainder with the divisor's sign).
    @inline(__always)
    ///
    /// Its tests are sign-bit and equality tests, never `<` or `>`: a vectorised ordered
    /// comparison raises the CPU's invalid flag on a NaN operand (numpy's `isless` does not),
    /// and the shell reports that flag as numpy's `RuntimeWarning: invalid value`, which numpy
    /// gives for `inf // 1` but not for `nan // 1`. With `mod` and `b` nonzero, `x < 0` is the
    /// sign bit; `frac > 0.5` is the sign of `0.5 - frac`, which rounding cannot flip.
    static func divmodFloat<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> (T, T) {
        var mod = a.truncatingRemainder(dividingBy: b)
        if b == 0 { return (a / b, mod) }
        var div = (a - mod) / b
        if mod != 0 {
            if (b.sign == .minus) != (mod.sign == .minus) { mod += b; div -= 1 }
        } else {
            mod = T(signOf: b, magnitudeOf: 0)
        }
        var floordiv: T
        if div != 0 {
            floordiv = div.rounded(.down)
            if (0.5 - (div - floordiv)).sign == .minus { floordiv += 1 }
        } else {
            floordiv = T(signOf: a / b, magnitudeOf: 0)
        }
        return (floordiv, mod)
    }

    @inline(__always)
    static func floorDivideFloat<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> T {
        if b == 0 { return a / b }
        return divmodFloat(a, b).0
    }

    @inline(__always)
    static func remainderFloat<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> T {
        if b == 0 { return a.truncatingRemainder(dividingBy: b) }
        return divmodFloat(a, b).1
    }

    /// `a ** b` as Python's operator computes it on arrays: numpy's `fast_scalar_power` turns
    /// a float array (not a 0-d one) raised to the Python number 2, 0.5 or -1 into `square`,
    /// `sqrt` or `reciprocal`; everything else is `np.power`. `out` as in `binary`.
    public static func power(_ a: Operand, _ b: Operand, out: NDArray? = nil) throws(TensorError) -> NDArray {
        try out?.requireWriteable(NDArray.readOnlyOutput)
        if case .array(let x) = a, x.dtype.isFloat, x.ndim > 0 {
            let e: Double?
            switch b {
            case .int(let i): e = Double(i)
            case .float(let d): e = d
            default: e = nil
            }
            if e == 2 { return try binary(.multiply, a, a, out: out) }
            if e == -1 { return try binary(.divide, .float(1), a, out: out) }
            if e == 0.5 {
                if let out { try checkOutputCast(.power, from: x.dtype, to: out.dtype) }
                let r = try x.squareRoot()
                guard let out else { return r }
                try out.assign(r)
                return out
            }
        }
        return try binary(.power, a, b, out: out)
    }

    /// `np.sqrt` of a float array (IEEE: correctly rounded, `sqrt(-0.0)` is -0.0).
    func squareRoot() throws(TensorError) -> NDArray {
        let out = try NDArray.elementwiseResult(shape: shape, dtype: dtype, operands: [self])
        switch dtype {
        case .float16: NDArray.run(out, self, Float16.self, Float16.self) { Float16(Float($0).squareRoot()) }
        case .float32: NDArray.run(out, self, Float.self, Float.self) { $0.squareRoot() }
        case .float64: NDArray.run(out, self, Double.self, Double.self) { $0.squareRoot() }
        default: return try astype(.float64).squareRoot()
        }
        return out
    }

    /// numpy's `divmod(a, b)`: `(a // b, a % b)`.
    public static func divmod(_ a: Operand, _ b: Operand) throws(TensorError) -> (NDArray, NDArray) {
        (try binary(.floorDivide, a, b), try binary(.remainder, a, b))
    }

    // MARK: - Unary operators

    /// `~x` (`np.invert`): bitwise not of integers, logical not of bools; floats are refused.
    public func invert() throws(TensorError) -> NDArray {
        let out = try NDArray.elementwiseResult(shape: shape, dtype: dtype, operands: [self])
        switch dtype {
        case .bool: NDArray.run(out, self, UInt8.self, UInt8.self) { $0 == 0 ? 1 : 0 }
        case .int8: NDArray.run(out, self, Int8.self, Int8.self) { ~$0 }
        case .int16: NDArray.run(out, self, Int16.self, Int16.self) { ~$0 }
        case .int32: NDArray.run(out, self, Int32.self, Int32.self) { ~$0 }
        case .int64: NDArray.run(out, self, Int64.self, Int64.self) { ~$0 }
        case .uint8: NDArray.run(out, self, UInt8.self, UInt8.self) { ~$0 }
        case .uint16: NDArray.run(out, self, UInt16.self, UInt16.self) { ~$0 }
        case .uint32: NDArray.run(out, self, UInt32.self, UInt32.self) { ~$0 }
        case .uint64: NDArray.run(out, self, UInt64.self, UInt64.self) { ~$0 }
        case .float16, .float32, .float64:
            throw TensorError("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
                              kind: .typeError)
        }
        return out
    }

    /// `abs(x)` (`np.absolute`): integers wrap (`abs(MIN)` is MIN), bools stay bools.
    public func absolute() throws(TensorError) -> NDArray {
        let out = try NDArray.elementwiseResult(shape: shape, dtype: dtype, operands: [self])
        switch dtype {
        case .bool, .uint8, .uint16, .uint32, .uint64: NDArray.copyElements(from: self, into: out)
        case .int8: NDArray.run(out, self, Int8.self, Int8.self) { $0 < 0 ? 0 &- $0 : $0 }
        case .int16: NDArray.run(out, self, Int16.self, Int16.self) { $0 < 0 ? 0 &- $0 : $0 }
        case .int32: NDArray.run(out, self, Int32.self, Int32.self) { $0 < 0 ? 0 &- $0 : $0 }
        case .int64: NDArray.run(out, self, Int64.self, Int64.self) { $0 < 0 ? 0 &- $0 : $0 }
        case .float16: NDArray.run(out, self, Float16.self, Float16.self) { Swift.abs($0) }
        case .float32: NDArray.run(out, self, Float.self, Float.self) { Swift.abs($0) }
        case .float64: NDArray.run(out, self, Double.self, Double.self) { Swift.abs($0) }
        }
        return out
    }

    /// `+x` (`np.positive`): a copy; bool has no loop, as in numpy.
    public func positive() throws(TensorError) -> NDArray {
        if dtype == .bool {
            throw TensorError("ufunc 'positive' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None",
                              kind: .ufuncTypeError)
        }
        let out = try NDArray.elementwiseResult(shape: shape, dtype: dtype, operands: [self])
        NDArray.copyElements(from: self, into: out)
        return out
    }
}

extension DType {
    /// The kinds numpy's `same_kind` casting orders: bool 0 < unsigned 1 < signed 2 < float 3.
    public var castKind: Int {
        if self == .bool { return 0 }
        if isFloat { return 3 }
        return isUnsignedInteger ? 1 : 2
    }
}

