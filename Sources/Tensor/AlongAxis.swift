/// `np.take_along_axis` and `np.put_along_axis`: the index numpy's `_make_along_axis_idx`
/// builds — `indices` at `axis`, and `arange(n)` shaped to lie along each other axis — used as
/// an advanced index, so broadcasting, bounds and their error texts are the fancy-indexing ones
/// (`shape mismatch: indexing arrays could not be broadcast together with shapes (2,1) (3,1) `).
extension NDArray {
    /// The fancy index of `indices` along `axis` of an array of `shape`, or numpy's errors.
    static func alongAxisIndex(_ shape: [Int], _ indices: NDArray, axis: Int) throws(TensorError) -> [IndexItem] {
        guard indices.dtype.isInteger else { throw TensorError("`indices` must be an integer array", kind: .indexError) }
        guard indices.ndim == shape.count else {
            throw TensorError("`indices` and `arr` must have the same number of dimensions", kind: .valueError)
        }
        var items: [IndexItem] = []
        for (dim, n) in shape.enumerated() {
            if dim == axis { items.append(.array(indices)); continue }
            var along = [Int](repeating: 1, count: shape.count)
            along[dim] = n
            items.append(.array(try NDArray((0..<n).map { Int64($0) }, shape: along)))
        }
        return items
    }

    /// `axis=None`: numpy works on `arr.flat` and wants 1-d indices.
    static func checkFlatIndices(_ indices: NDArray) throws(TensorError) {
        guard indices.ndim == 1 else {
            throw TensorError("when axis=None, `indices` must have a single dimension.", kind: .valueError)
        }
    }

    /// `np.take_along_axis(arr, indices, axis=-1)`: with `axis` nil, the flattened array.
    public func takeAlongAxis(_ indices: NDArray, axis: Int?) throws(TensorError) -> NDArray {
        guard let axis else {
            try Self.checkFlatIndices(indices)
            let flat = try ravel()
            return try flat.subscripted(try Self.alongAxisIndex(flat.shape, indices, axis: 0))
        }
        let ax = try NDArray.normalizeAxis(axis, ndim: ndim)
        return try subscripted(try Self.alongAxisIndex(shape, indices, axis: ax))
    }

    /// `np.put_along_axis(arr, indices, values, axis)`: writes in place (journaled as every
    /// assignment is). With `axis` nil the writes go through the flattened array, which for an
    /// array that is not C-contiguous is a copy, so rnnsh refuses that case instead of losing them.
    public func putAlongAxis(_ indices: NDArray, _ values: Operand, axis: Int?) throws(TensorError) {
        guard let axis else {
            try Self.checkFlatIndices(indices)
            guard isCContiguous else {
                throw TensorError("rnnsh's put_along_axis with axis=None needs a C-contiguous array; pass np.ascontiguousarray(arr) and keep that", kind: .valueError)
            }
            let flat = try reshape([size])
            try flat.setItem(try Self.alongAxisIndex(flat.shape, indices, axis: 0), values)
            return
        }
        let ax = try NDArray.normalizeAxis(axis, ndim: ndim)
        try setItem(try Self.alongAxisIndex(shape, indices, axis: ax), values)
    }
}
