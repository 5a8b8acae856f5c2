/// Joining arrays: `concatenate` (along an existing axis) and `stack` (along a new one). The
/// result is always a new array whose dtype is numpy's `result_type` of the inputs.
extension NDArray {
    /// `np.concatenate(arrays, axis=)`; `axis: nil` flattens every input first. numpy's errors:
    /// `need at least one array to concatenate`, `zero-dimensional arrays cannot be concatenated`,
    /// `axis 2 is out of bounds for array of dimension 2`,
    /// `all the input arrays must have same number of dimensions, but the array at index 0 has 2
    /// dimension(s) and the array at index 1 has 1 dimension(s)`,
    /// `all the input array dimensions except for the concatenation axis must match exactly, but
    /// along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2`.
    public static func concatenate(_ arrays: [NDArray], axis: Int? = 0) throws(TensorError) -> NDArray {
        guard let first = arrays.first else { throw TensorError("need at least one array to concatenate", kind: .valueError) }
        guard let axis else {
            var flat: [NDArray] = []
            for a in arrays { flat.append(try a.ravel()) }
            return try concatenate(flat, axis: 0)
        }
        let nd = first.ndim
        if nd == 0 { throw TensorError("zero-dimensional arrays cannot be concatenated", kind: .valueError) }
        let ax = try normalizeAxis(axis, ndim: nd)
        var shape = first.shape
        var total = 0
        for (k, a) in arrays.enumerated() {
            if a.ndim != nd {
                throw TensorError("all the input arrays must have same number of dimensions, but the array at index 0 has \(nd) dimension(s) and the array at index \(k) has \(a.ndim) dimension(s)", kind: .valueError)
            }
            for d in 0..<nd where d != ax && a.shape[d] != first.shape[d] {
                throw TensorError("all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(d), the array at index 0 has size \(first.shape[d]) and the array at index \(k) has size \(a.shape[d])", kind: .valueError)
            }
            let (s, o) = total.addingReportingOverflow(a.shape[ax])
            if o { throw TensorError("total number of elements too large to concatenate", kind: .valueError) }
            total = s
        }
        shape[ax] = total
        let dt = DType.resultType(arrays.map(\.dtype)) ?? first.dtype
        // numpy lays the result out like the inputs (a concatenation of F-ordered arrays is F-ordered).
        let out = try NDArray(zeros: shape, dtype: dt, order: Layout.multiSortedOrder(shape: shape, arrays: arrays))
        var start = 0
        for a in arrays {
            let n = a.shape[ax]
            if n == 0 { continue }
            var items = [IndexItem](repeating: .all, count: ax)
            items.append(.slice(start: start, stop: start + n, step: nil))
            let dst = try out.subscripted(items)
            let src = a.dtype == dt ? a : try a.astype(dt)
            copyElements(from: src, into: dst)
            start += n
        }
        return out
    }

    /// `np.stack(arrays, axis=)`: every input gets a new length-1 axis at `axis` (of the
    /// result's rank) and they are concatenated there. numpy's errors:
    /// `need at least one array to stack`, `all input arrays must have the same shape`,
    /// `axis 3 is out of bounds for array of dimension 3`.
    public static func stack(_ arrays: [NDArray], axis: Int = 0) throws(TensorError) -> NDArray {
        guard let first = arrays.first else { throw TensorError("need at least one array to stack", kind: .valueError) }
        for a in arrays where a.shape != first.shape {
            throw TensorError("all input arrays must have the same shape",
                              explanation: "shapes \(arrays.map { shapeString($0.shape) }.joined(separator: ", "))", kind: .valueError)
        }
        let ax = try normalizeAxis(axis, ndim: first.ndim + 1)
        var expanded: [NDArray] = []
        for a in arrays {
            var items = [IndexItem](repeating: .all, count: ax)
            items.append(.newAxis)
            expanded.append(try a.subscripted(items))
        }
        return try concatenate(expanded, axis: ax)
    }
}
