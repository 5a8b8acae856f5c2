/// `np.cov` and `np.corrcoef`, step for step as numpy computes them (rows are variables by
/// default; the mean is numpy's pairwise mean; the cross products are one matrix product; the
/// scaling multiplies by 1/(N - ddof)), so results agree with numpy's to the last bit wherever
/// the matrix product does.
extension NDArray {
    /// `np.cov(m, y=None, rowvar=True, bias=False, ddof=None)`.
    public static func covariance(_ m: NDArray, _ y: NDArray? = nil, rowvar: Bool = true, bias: Bool = false,
                                  ddof: Int? = nil) throws(TensorError) -> NDArray {
        if m.ndim > 2 { throw TensorError("m has more than 2 dimensions", kind: .valueError) }
        let floatType: DType = (m.dtype == .float32 && (y?.dtype ?? .float32) == .float32) ? .float32 : .float64
        var x = try m.astype(floatType).atLeast(2)
        if !rowvar && x.shape[0] != 1 { x = x.T }
        if x.shape[0] == 0 { return try NDArray.zeros([0, 0], dtype: floatType) }
        if let y {
            if y.ndim > 2 { throw TensorError("y has more than 2 dimensions", kind: .valueError) }
            var yy = try y.astype(floatType).atLeast(2)
            if !rowvar && yy.shape[0] != 1 { yy = yy.T }
            x = try NDArray.concatenate([x, yy], axis: 0)
        }
        let dof = ddof ?? (bias ? 0 : 1)
        let mean = try x.reduce(.mean, axis: [1], keepdims: true)
        let factor = Double(x.shape[1] - dof)
        let centred = try NDArray.subtract(.array(x), .array(mean))
        let products = try NDArray.matmul(centred, centred.T)
        let scale = factor == 0 ? Double.infinity : 1 / factor
        let c = try NDArray.multiply(.array(products), .array(try NDArray(scalar: scale).astype(floatType)))
        return try c.squeeze()
    }

    /// `np.corrcoef(x, y=None, rowvar=True)`: the covariance divided by the outer product of the
    /// standard deviations, clipped to [-1, 1].
    public static func correlation(_ x: NDArray, _ y: NDArray? = nil, rowvar: Bool = true) throws(TensorError) -> NDArray {
        let c = try covariance(x, y, rowvar: rowvar)
        if c.ndim == 0 { return try NDArray.divide(.array(c), .array(c)) }
        let d = try NDArray.diag(c)
        let stddev = try d.apply(MathFunction.sqrt)
        var r = try NDArray.divide(.array(c), .array(try stddev.expandDims(axis: 1)))
        r = try NDArray.divide(.array(r), .array(try stddev.expandDims(axis: 0)))
        return try NDArray.clip(.array(r), min: .float(-1), max: .float(1))
    }
}
