/// Adding and removing length-1 axes: `squeeze` and `expand_dims`. Both are views.
extension NDArray {
    /// `np.squeeze(a, axis=)`. Without axes every length-1 axis goes. Errors are numpy's:
    /// `axis 2 is out of bounds for array of dimension 2`, `duplicate value in 'axis'`,
    /// `cannot select an axis to squeeze out which has size not equal to one`.
    public func squeeze(axis: [Int]? = nil) throws(TensorError) -> NDArray {
        var drop = [Bool](repeating: false, count: ndim)
        if let axis {
            for a in try NDArray.normalizeAxes(axis, ndim: ndim, duplicateMessage: "duplicate value in 'axis'") {
                drop[a] = true
            }
            for i in 0..<ndim where drop[i] && shape[i] != 1 {
                throw TensorError("cannot select an axis to squeeze out which has size not equal to one",
                                  explanation: "axis \(i) has size \(shape[i])", kind: .valueError)
            }
        } else {
            for i in 0..<ndim where shape[i] == 1 { drop[i] = true }
        }
        var sh: [Int] = [], st: [Int] = []
        for i in 0..<ndim where !drop[i] { sh.append(shape[i]); st.append(strides[i]) }
        return NDArray(viewing: storage, dtype: dtype, shape: sh, strides: st, offset: offset, isView: true, writeable: isWriteable)
    }

    /// `np.squeeze(a, axis=k)`.
    public func squeeze(axis: Int) throws(TensorError) -> NDArray { try squeeze(axis: [axis]) }

    /// `np.expand_dims(a, axis)`: a new length-1 axis at each position of the *result*.
    /// Errors: `axis 3 is out of bounds for array of dimension 3` (the result's rank),
    /// `repeated axis`.
    public func expandDims(axis: [Int]) throws(TensorError) -> NDArray {
        let outNdim = ndim + axis.count
        var isNew = [Bool](repeating: false, count: outNdim)
        for a in try NDArray.normalizeAxes(axis, ndim: outNdim) { isNew[a] = true }
        var newShape: [Int] = []
        var k = 0
        for i in 0..<outNdim {
            if isNew[i] { newShape.append(1) } else { newShape.append(shape[k]); k += 1 }
        }
        return try reshape(newShape)
    }

    /// `np.expand_dims(a, k)`.
    public func expandDims(axis: Int) throws(TensorError) -> NDArray { try expandDims(axis: [axis]) }
}
