/// Polynomials as numpy's `np.polyval`, `np.polyfit` and `np.vander` compute them (coefficients
/// highest power first).
extension NDArray {
    /// `np.vander(x, N=None, increasing=False)`: columns x^(N-1) ... x^0 (or increasing), the
    /// powers built by numpy's running product (`multiply.accumulate`), dtype
    /// `promote_types(x.dtype, int)`.
    public static func vander(_ x: NDArray, columns: Int?, increasing: Bool) throws(TensorError) -> NDArray {
        guard x.ndim == 1 else { throw TensorError("x must be a one-dimensional array or sequence.", kind: .valueError) }
        let rows = x.shape[0], n = columns ?? rows
        if n < 0 { throw TensorError("negative dimensions are not allowed", kind: .valueError) }
        let outType = DType.promote(x.dtype, .int64)
        try Limits.checkAllocation([rows, n], outType)
        let xs = try x.astype(outType)
        // Column k holds x^k: 1, x, x*x, (x*x)*x, ... as the accumulate multiplies.
        var powers: [NDArray] = []
        if n > 0 { powers.append(try ones([rows, 1], dtype: outType)) }
        if n > 1 {
            var p = try xs.reshape([rows, 1])
            powers.append(p)
            for _ in 2..<n {
                try Cancellation.check()
                p = try binary(.multiply, .array(p), .array(try xs.reshape([rows, 1])))
                powers.append(p)
            }
        }
        if !increasing { powers.reverse() }
        if powers.isEmpty { return try zeros([rows, 0], dtype: outType) }
        return try concatenate(powers, axis: 1)
    }

    /// `np.polyval(p, x)`: Horner's rule from zeros_like(x), `y = y * x + pv` for each
    /// coefficient (numpy scalars, so their dtype counts).
    public static func polyval(_ p: NDArray, _ x: NDArray) throws(TensorError) -> NDArray {
        var y = try zeros(x.shape, dtype: x.dtype)
        let count = p.ndim == 0 ? 0 : p.shape[0]
        if p.ndim == 0 { throw TensorError("iteration over a 0-d array", kind: .typeError) }
        for i in 0..<count {
            try Cancellation.check()
            let pv = try p.subscripted([.index(i)])
            y = try binary(.add, .array(try binary(.multiply, .array(y), .array(x))), .array(pv))
        }
        return y
    }

    /// What `np.polyfit(..., full=True)` returns.
    public struct PolynomialFit: Sendable {
        public let coefficients: NDArray
        public let residuals: NDArray
        public let rank: Int
        public let singularValues: NDArray
        public let rcond: Double
        /// rcond's dtype when numpy derived it (x's float type), float64 otherwise.
        public let rcondType: DType
    }

    /// `np.polyfit(x, y, deg, rcond=None, w=None)` step by step as numpy: x and y made float
    /// (`+ 0.0`), the Vandermonde matrix (times the weights), each column scaled to unit norm,
    /// `lstsq`, then the coefficients unscaled. rcond None is `len(x) * eps` of x's float type.
    public static func polyfit(_ x0: NDArray, _ y0: NDArray, degree: Int, rcond: Double?, weights: NDArray?) throws(TensorError) -> PolynomialFit {
        let x = try binary(.add, .array(x0), .float(0.0)), y = try binary(.add, .array(y0), .float(0.0))
        if degree < 0 { throw TensorError("expected deg >= 0", kind: .valueError) }
        if x.ndim != 1 { throw TensorError("expected 1D vector for x", kind: .typeError) }
        if x.size == 0 { throw TensorError("expected non-empty vector for x", kind: .typeError) }
        if y.ndim < 1 || y.ndim > 2 { throw TensorError("expected 1D or 2D array for y", kind: .typeError) }
        if x.shape[0] != y.shape[0] { throw TensorError("expected x and y to have same length", kind: .typeError) }
        let (order, overflow) = degree.addingReportingOverflow(1)
        if overflow { throw TensorError("Python int too large to convert to C ssize_t", kind: .overflowError) }
        // numpy's default `len(x) * finfo(x.dtype).eps` is a scalar of x's float type.
        let eps: Double = x.dtype == .float32 ? Double(Float.ulpOfOne) : x.dtype == .float16 ? 0.0009765625 : Double.ulpOfOne
        let rcondType: DType = rcond == nil && (x.dtype == .float32 || x.dtype == .float16) ? x.dtype : .float64
        var cond = Double(x.shape[0]) * eps
        if let rcond { cond = rcond } else if rcondType != .float64 {
            cond = try fromDoubles([cond], shape: [], dtype: rcondType).astype(.float64).doubleValues().first ?? cond
        }
        var lhs = try vander(x, columns: order, increasing: false)
        var rhs = y
        if let weights {
            let w = try binary(.add, .array(weights), .float(0.0))
            if w.ndim != 1 { throw TensorError("expected a 1-d array for weights", kind: .typeError) }
            if w.shape[0] != y.shape[0] { throw TensorError("expected w and y to have the same length", kind: .typeError) }
            let column = try w.reshape([w.shape[0], 1])
            lhs = try binary(.multiply, .array(lhs), .array(column)).astype(lhs.dtype)
            rhs = try binary(.multiply, .array(rhs), .array(rhs.ndim == 2 ? column : w)).astype(rhs.dtype)
        }
        let scale = try binary(.multiply, .array(lhs), .array(lhs)).reduce(.sum, axis: [0]).apply(.sqrt)
        lhs = try binary(.divide, .array(lhs), .array(scale)).astype(lhs.dtype)
        let solution = try leastSquares(lhs, rhs, rcond: cond)
        let c = try binary(.divide, .array(try solution.x.transpose()), .array(scale)).transpose()
        return PolynomialFit(coefficients: c, residuals: solution.residuals, rank: solution.rank,
                             singularValues: solution.singularValues, rcond: cond, rcondType: rcondType)
    }
}
