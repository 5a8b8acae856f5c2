import Foundation

/// numpy's numerical ranges and grids: `linspace`, `logspace`, `meshgrid`, `indices`.
extension NDArray {
    /// `np.linspace(start, stop, num=50, endpoint=True, dtype=None)`, numpy's arithmetic:
    /// `step = (stop - start) / div`, `y[i] = i * step + start` (or `i / div * delta` when the
    /// step underflows to 0), and the last element set to `stop` exactly. Integer dtypes floor.
    public static func linspace(_ start: Operand, _ stop: Operand, num: Int = 50, endpoint: Bool = true,
                                dtype: DType? = nil) throws(TensorError) -> (values: NDArray, step: Double) {
        if num < 0 { throw TensorError("Number of samples, \(num), must be non-negative.", kind: .valueError) }
        let s = try start.asArray.doubleValues().first ?? 0, e = try stop.asArray.doubleValues().first ?? 0
        _ = try Limits.checkAllocation([num], .float64)
        let div = endpoint ? num - 1 : num
        let delta = e - s
        var y = (0..<num).map { Double($0) }
        let step: Double
        if div > 0 {
            step = delta / Double(div)
            if step == 0 { y = y.map { $0 / Double(div) * delta } } else { y = y.map { $0 * step } }
        } else {
            step = .nan
            y = y.map { $0 * delta }
        }
        y = y.map { $0 + s }
        if endpoint && num > 1 { y[num - 1] = e }
        // A float32 operand makes the computation type float32 in numpy; here: float64, rounded.
        var computeType: DType = .float64
        for o in [start, stop] { if case .array(let a) = o, a.dtype.isFloat, a.dtype != .float64, computeType == .float64 { computeType = a.dtype } }
        let target = dtype ?? computeType
        if target.isInteger { y = y.map { Foundation.floor($0) } }
        return (try fromDoubles(y, shape: [num], dtype: target), step)
    }

    public static func linspace(_ start: Operand, _ stop: Operand, num: Int = 50) throws(TensorError) -> NDArray {
        try linspace(start, stop, num: num, endpoint: true, dtype: nil).values
    }

    /// `np.logspace(start, stop, num=50, endpoint=True, base=10.0)`: `base ** linspace(...)`.
    public static func logspace(_ start: Operand, _ stop: Operand, num: Int = 50, endpoint: Bool = true,
                                base: Double = 10, dtype: DType? = nil) throws(TensorError) -> NDArray {
        let y = try linspace(start, stop, num: num, endpoint: endpoint, dtype: nil).values
        let v = try y.doubleValues().map { Foundation.pow(base, $0) }
        return try fromDoubles(v, shape: y.shape, dtype: dtype ?? .float64)
    }

    /// `np.geomspace(start, stop, num=50, endpoint=True, dtype=None)` for scalar ends, as numpy
    /// computes it: start's sign taken out, `logspace(log10(start), log10(stop))`, the ends set
    /// exactly to start and stop (10**log10(x) need not be x), the sign put back.
    public static func geomspace(_ start: Double, _ stop: Double, num: Int = 50, endpoint: Bool = true,
                                 dtype: DType? = nil) throws(TensorError) -> NDArray {
        if start == 0 || stop == 0 { throw TensorError("Geometric sequence cannot include zero", kind: .valueError) }
        let sign: Double = start > 0 ? 1 : (start < 0 ? -1 : start)
        let (s, e) = (start / sign, stop / sign)
        var v = try logspace(.float(Foundation.log10(s)), .float(Foundation.log10(e)), num: num, endpoint: endpoint).doubleValues()
        if !v.isEmpty {
            v[0] = s
            if v.count > 1 && endpoint { v[v.count - 1] = e }
        }
        return try fromDoubles(v.map { $0 * sign }, shape: [v.count]).astype(dtype ?? .float64)
    }

    /// `np.meshgrid(*xi, indexing='xy', sparse=False)`: coordinate arrays, each input flattened.
    public static func meshgrid(_ xs: [NDArray], cartesian: Bool = true, sparse: Bool = false) throws(TensorError) -> [NDArray] {
        let n = xs.count
        let flat = try xs.map { (x) throws(TensorError) -> NDArray in try x.reshape([-1]) }
        var outShape = flat.map { $0.size }
        if cartesian && n > 1 { outShape.swapAt(0, 1) }
        var out: [NDArray] = []
        for (i, x) in flat.enumerated() {
            var s = [Int](repeating: 1, count: n)
            var pos = i
            if cartesian && n > 1 && i < 2 { pos = 1 - i }
            s[pos] = x.size
            let shaped = try x.reshape(s)
            out.append(sparse ? try shaped.copy() : try shaped.broadcast(to: outShape).copy())
        }
        return out
    }

    /// `np.indices(dimensions, dtype=int)`: shape `(len(dimensions), *dimensions)`, entry k
    /// holding each element's index along axis k.
    public static func indices(_ dims: [Int], dtype: DType = .int64) throws(TensorError) -> NDArray {
        let total = try Limits.elementCount(dims)
        _ = try Limits.checkAllocation([dims.count] + dims, dtype)
        var values = [Int64](repeating: 0, count: dims.count * total)
        let strides = contiguousStrides(dims)
        for k in 0..<dims.count {
            for i in 0..<total { values[k * total + i] = Int64((i / Swift.max(strides[k], 1)) % Swift.max(dims[k], 1)) }
        }
        return try fromInt64s(values, shape: [dims.count] + dims, dtype: dtype)
    }
}
