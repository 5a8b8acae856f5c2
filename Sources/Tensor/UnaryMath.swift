import Foundation

/// Elementwise functions: `exp`, `tanh`, `sigmoid`, `negative`.
///
/// dtypes follow numpy's ufunc loops: float32 stays float32, float64 stays float64, 1-byte
/// integers and bools compute in float16, 2-byte integers in float32, wider ones in float64.
///
/// Accuracy: float32 `exp` and `tanh` and float64 `tanh` are numpy's own algorithms, bit for
/// bit (NumpyFloat32, NumpyFloat64, docs/float32-math.md). float64 `exp` calls glibc, while
/// numpy 2.4 on an AVX-512F machine uses its own algorithm that differs from glibc by 1 ulp on
/// a few percent of inputs; tests allow exactly that distance for it.
public enum UnaryOp: String, CaseIterable, Sendable {
    case exp, tanh, sigmoid, negative
}

extension NDArray {
    /// numpy's `np.exp`, `np.tanh`, `np.negative`, and `sigmoid(x) = 1/(1+exp(-x))` evaluated
    /// exactly as that numpy expression is (each step rounded in the array's float dtype).
    public func apply(_ op: UnaryOp) throws(TensorError) -> NDArray {
        switch op {
        case .negative: return try negative()
        case .exp, .tanh, .sigmoid:
            if op == .sigmoid && dtype == .bool {
                // -x comes first in 1/(1+exp(-x)).
                throw TensorError(NDArray.boolNegativeMessage, kind: .typeError)
            }
            let ft = try floatDType(for: op)
            if ft == .float16 {
                // numpy's half loops compute in float32 and round each result to float16;
                // sigmoid is the numpy expression 1/(1+exp(-x)), each step rounded to float16.
                if op == .sigmoid {
                    let e = try negative().apply(.exp)
                    return try NDArray.binary(.divide, .int(1), .array(try NDArray.binary(.add, .int(1), .array(e))))
                }
                return try (dtype == .float16 ? self : astype(.float16)).astype(.float32).apply(op).astype(.float16)
            }
            let x = dtype == ft ? self : try (op == .sigmoid ? negative() : self).astype(ft)
            let out = try NDArray.elementwiseResult(shape: shape, dtype: ft, operands: [x])
            let negated = op == .sigmoid && dtype != ft   // integers were negated before casting
            switch ft {
            case .float32:
                switch op {
                case .exp: NDArray.run(out, x, Float.self, Float.self) { NumpyFloat32.exp($0) }
                case .tanh: NDArray.run(out, x, Float.self, Float.self) { NumpyFloat32.tanh($0) }
                default:
                    NDArray.run(out, x, Float.self, Float.self) { v in 1 / (1 + NumpyFloat32.exp(negated ? v : -v)) }
                }
            default:
                switch op {
                case .exp: NDArray.run(out, x, Double.self, Double.self) { Foundation.exp($0) }
                case .tanh: NDArray.run(out, x, Double.self, Double.self) { NumpyFloat64.tanh($0) }
                default:
                    NDArray.run(out, x, Double.self, Double.self) { v in 1 / (1 + Foundation.exp(negated ? v : -v)) }
                }
            }
            return out
        }
    }

    // No instance methods named `exp`/`tanh`: they would shadow Foundation's functions inside
    // every NDArray extension. Use `apply(.exp)`.

    static let boolNegativeMessage = "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead."

    /// numpy's `-x`: integers wrap (`-(-128)` stays as numpy leaves it), bool is refused.
    public func negative() throws(TensorError) -> NDArray {
        let out = try NDArray.elementwiseResult(shape: shape, dtype: dtype, operands: [self])
        switch dtype {
        case .bool: throw TensorError(NDArray.boolNegativeMessage, kind: .typeError)
        case .int8: NDArray.run(out, self, Int8.self, Int8.self) { 0 &- $0 }
        case .int16: NDArray.run(out, self, Int16.self, Int16.self) { 0 &- $0 }
        case .int32: NDArray.run(out, self, Int32.self, Int32.self) { 0 &- $0 }
        case .int64: NDArray.run(out, self, Int64.self, Int64.self) { 0 &- $0 }
        case .uint8: NDArray.run(out, self, UInt8.self, UInt8.self) { 0 &- $0 }
        case .uint16: NDArray.run(out, self, UInt16.self, UInt16.self) { 0 &- $0 }
        case .uint32: NDArray.run(out, self, UInt32.self, UInt32.self) { 0 &- $0 }
        case .uint64: NDArray.run(out, self, UInt64.self, UInt64.self) { 0 &- $0 }
        case .float16: NDArray.run(out, self, Float16.self, Float16.self) { -$0 }
        case .float32: NDArray.run(out, self, Float.self, Float.self) { -$0 }
        case .float64: NDArray.run(out, self, Double.self, Double.self) { -$0 }
        }
        return out
    }

    private func floatDType(for op: UnaryOp) throws(TensorError) -> DType {
        try NDArray.floatLoopType(for: dtype, function: op.rawValue)
    }
}
