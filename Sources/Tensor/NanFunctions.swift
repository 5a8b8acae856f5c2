/// numpy's nan-functions (`nansum`, `nanmean`, `nanmax`, `nanmin`, `nanargmax`, `nanargmin`,
/// `nanvar`, `nanstd`), written the way numpy writes them: NaN is replaced by a neutral value
/// and the ordinary reduction runs on the result, so the sums (pairwise) and the divisions are
/// numpy's own and the results match bit for bit. Arrays that cannot hold NaN (integers, bools)
/// go straight to the ordinary reduction, as in numpy.
extension NDArray {
    /// numpy's `_replace_nan`: a copy with NaN replaced by `value`, and the NaN mask (nil when
    /// the dtype cannot hold NaN, and the array is returned as is).
    func replacingNaN(with value: Double) throws(TensorError) -> (array: NDArray, mask: NDArray?) {
        guard dtype.isFloat else { return (self, nil) }
        let mask = try isNaN()
        return (try NDArray.choose(mask, .float(value), .array(self)).astype(dtype), mask)
    }

    /// `np.nansum`: the sum with NaN counted as zero.
    public func nanSum(axis: [Int]?, keepdims: Bool) throws(TensorError) -> NDArray {
        try replacingNaN(with: 0).array.reduce(.sum, axis: axis, keepdims: keepdims)
    }

    /// `np.nanmean`: the sum of the non-NaN values over their count (NaN where there are none).
    public func nanMean(axis: [Int]?, keepdims: Bool) throws(TensorError) -> NDArray {
        let (arr, mask) = try replacingNaN(with: 0)
        guard let mask else { return try reduce(.mean, axis: axis, keepdims: keepdims) }
        let total = try arr.reduce(.sum, axis: axis, keepdims: keepdims)
        let count = try mask.logicalNot().reduce(.sum, axis: axis, keepdims: keepdims)
        return try NDArray.divide(.array(total), .array(count)).astype(dtype)
    }

    /// `np.nanmax` / `np.nanmin`: numpy's `fmax.reduce`: the extreme of the non-NaN values,
    /// NaN where a slice holds only NaN.
    public func nanExtreme(max: Bool, axis: [Int]?, keepdims: Bool) throws(TensorError) -> NDArray {
        let (arr, mask) = try replacingNaN(with: max ? -Double.infinity : Double.infinity)
        let extreme = try arr.reduce(max ? .max : .min, axis: axis, keepdims: keepdims)
        guard let mask else { return extreme }
        let allNaN = try mask.all(axis: axis, keepdims: keepdims)
        return try NDArray.choose(allNaN, .float(.nan), .array(extreme)).astype(dtype)
    }

    /// `np.nanargmax` / `np.nanargmin`: the index of the extreme ignoring NaN; a slice of only
    /// NaN is numpy's ValueError.
    public func nanArgExtreme(max: Bool, axis: Int?, keepdims: Bool = false) throws(TensorError) -> NDArray {
        let (arr, mask) = try replacingNaN(with: max ? -Double.infinity : Double.infinity)
        if let mask, mask.size > 0 {
            let allNaN = try mask.all(axis: axis.map { [$0] }, keepdims: false)
            if try allNaN.any(axis: nil, keepdims: false).boolValues().contains(true) {
                throw TensorError("All-NaN slice encountered", kind: .valueError)
            }
        }
        return max ? try arr.argmax(axis: axis, keepdims: keepdims) : try arr.argmin(axis: axis, keepdims: keepdims)
    }

    /// `np.nanvar` / `np.nanstd`, as numpy's `nanvar`: mean of the non-NaN values, deviations
    /// with NaN set to zero, their squares summed and divided by count - ddof.
    public func nanVariance(axis: [Int]?, ddof: Double, keepdims: Bool, std: Bool) throws(TensorError) -> NDArray {
        let (arr, mask) = try replacingNaN(with: 0)
        guard let mask else {
            return std ? try standardDeviation(axis: axis, ddof: ddof, keepdims: keepdims)
                       : try variance(axis: axis, ddof: ddof, keepdims: keepdims)
        }
        let count = try mask.logicalNot().reduce(.sum, axis: axis, keepdims: true)
        let mean = try NDArray.divide(.array(try arr.reduce(.sum, axis: axis, keepdims: true)), .array(count)).astype(dtype)
        let deviations = try NDArray.choose(mask, .float(0), .array(try NDArray.subtract(.array(arr), .array(mean)))).astype(dtype)
        let squares = try NDArray.multiply(.array(deviations), .array(deviations))
        var result = try squares.reduce(.sum, axis: axis, keepdims: keepdims)
        var dof = try NDArray.subtract(.array(count), .float(ddof))
        if !keepdims { dof = try dof.squeeze(axis: axis ?? Array(0..<ndim)) }
        result = try NDArray.divide(.array(result), .array(dof)).astype(dtype)
        if std { result = try result.apply(MathFunction.sqrt) }
        return result
    }
}
