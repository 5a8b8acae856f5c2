import Foundation

/// numpy's `np.sinc` and `np.heaviside`, built from the ufuncs numpy builds them from, so dtypes
/// (float32 stays float32, integers become float64) and roundings are numpy's.
extension NDArray {
    /// `np.sinc(x)`: numpy's own formula, `y = pi * where(x == 0, 1.0e-20, x)`, then
    /// `sin(y) / y` (so sinc(0) is exactly 1 and sinc(1) is sin(pi)/pi, not 0).
    public func sinc() throws(TensorError) -> NDArray {
        let zero = try NDArray.binary(.equal, .array(self), .int(0))
        let w = try NDArray.choose(zero, .float(1.0e-20), .array(self))
        let y = try NDArray.binary(.multiply, .float(Double.pi), .array(w))
        return try NDArray.binary(.divide, .array(try y.apply(.sin)), .array(y))
    }

    /// `np.heaviside(x1, x2)`: 0 where x1 < 0, x2 where x1 == 0, 1 where x1 > 0, NaN where x1 is
    /// NaN. A float ufunc: integer operands compute in float64.
    public static func heaviside(_ x1: Operand, _ x2: Operand) throws(TensorError) -> NDArray {
        let promoted = try NDArray.binary(.add, x1, x2).dtype
        let dtype: DType = promoted.isFloat ? promoted : .float64
        let a = x1.asArray, b = x2.asArray
        let shape = try broadcastShapes([a.shape, b.shape])
        let av = try a.broadcast(to: shape).doubleValues()
        let bv = try b.astype(dtype).broadcast(to: shape).doubleValues()
        let out: [Double] = av.indices.map { k in
            let x = av[k]
            if x.isNaN { return x }
            return x < 0 ? 0 : (x == 0 ? bv[k] : 1)
        }
        return try fromDoubles(out, shape: shape).astype(dtype)
    }
}
