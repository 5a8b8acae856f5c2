import Tensor

/// numpy's `x.view(dtype)`: the same bytes read as another dtype, no copy (writes through either
/// array show in the other, and a read-only array gives a read-only view).
///
/// numpy's rules when the item size changes: a 0-d array cannot (`Changing the dtype of a 0d
/// array is only supported if the itemsize is unchanged`); the last axis must be contiguous
/// (`To change to a dtype of a different size, the last axis must be contiguous`); a smaller
/// dtype must divide the old one, and a larger one the bytes of the last axis. The last axis is
/// then longer or shorter by the size ratio (`float32 (3,)` as `uint8` is `(12,)`).
///
/// rnnsh keeps offsets and strides in elements, so a view whose start or rows would fall
/// between two elements of the new dtype (numpy allows such unaligned views) is refused, as is
/// a big-endian array (rnnsh keeps its bytes in this machine's order), and reading non-bool
/// memory as bool.
extension NDArray {
    public func view(as newType: DType) throws(TensorError) -> NDArray {
        // Swift reads a bool byte by its lowest bit, so bytes other than 0 and 1 (numpy: True)
        // would read wrong: only bool memory is read as bool.
        if newType == .bool && dtype != .bool {
            throw TensorError("rnnsh views only bool arrays as bool (use x != 0 for the truth of each element)", kind: .notImplementedError)
        }
        let old = itemSize, new = newType.itemSize
        if old == new {
            return NDArray(viewing: storage, dtype: newType, shape: shape, strides: strides, offset: offset, isView: true,
                           writeable: isWriteable)
        }
        if ndim == 0 {
            throw TensorError("Changing the dtype of a 0d array is only supported if the itemsize is unchanged", kind: .valueError)
        }
        let last = ndim - 1
        if shape[last] != 1 && size != 0 && strides[last] != 1 {
            throw TensorError("To change to a dtype of a different size, the last axis must be contiguous", kind: .valueError)
        }
        let lastBytes = shape[last] * old
        if new < old && old % new != 0 {
            throw TensorError("When changing to a smaller dtype, its size must be a divisor of the size of original dtype", kind: .valueError)
        }
        if new > old && lastBytes % new != 0 {
            throw TensorError("When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.",
                              kind: .valueError)
        }
        if isBigEndian {
            throw TensorError("rnnsh cannot reinterpret a big-endian array's bytes: view a native copy (x.astype(x.dtype.newbyteorder('=')))",
                              kind: .notImplementedError)
        }
        var newShape = shape, newStrides: [Int] = []
        newShape[last] = lastBytes / new
        for (axis, s) in strides.enumerated() {
            if axis == last { newStrides.append(1); continue }
            let bytes = s &* old
            // A length-1 axis's stride is never used to address memory.
            guard bytes % new == 0 || shape[axis] <= 1 else {
                throw TensorError("rnnsh cannot view this array as \(newType.name): its axis \(axis) steps \(bytes) bytes, not a whole number of \(newType.name) items (copy it first)",
                                  kind: .notImplementedError)
            }
            newStrides.append(bytes / new)
        }
        let startBytes = offset * old
        guard startBytes % new == 0 else {
            throw TensorError("rnnsh cannot view this array as \(newType.name): it starts \(startBytes) bytes into its memory, between two \(newType.name) items (copy it first)",
                              kind: .notImplementedError)
        }
        return NDArray(viewing: storage, dtype: newType, shape: newShape, strides: newStrides, offset: startBytes / new, isView: true,
                       writeable: isWriteable)
    }
}
