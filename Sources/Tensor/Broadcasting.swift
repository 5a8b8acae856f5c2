/// numpy broadcasting: shapes are aligned at their trailing dimensions; each pair of sizes must
/// be equal or one of them 1. A broadcast operand becomes a view whose stretched dimensions
/// have stride 0, so no data is copied until an operation reads it.
extension NDArray {
    /// The broadcast shape of several shapes, or numpy's error, which lists the shapes of the
    /// operands that failed (numpy's ufunc wording, including its trailing space):
    /// `operands could not be broadcast together with shapes (2,3) (3,2) `.
    public static func broadcastShapes(_ shapes: [[Int]]) throws(TensorError) -> [Int] {
        let ndim = shapes.map(\.count).max() ?? 0
        var out = [Int](repeating: 1, count: ndim)
        for s in shapes {
            let pad = ndim - s.count
            for (i, d) in s.enumerated() {
                let j = pad + i
                if out[j] == d || d == 1 { continue }
                if out[j] == 1 { out[j] = d; continue }
                let listed = shapes.map { numpyShapeString($0) + " " }.joined()
                throw TensorError("operands could not be broadcast together with shapes \(listed)",
                                  explanation: "dimensions are compared from the right; sizes must be equal or 1", kind: .valueError)
            }
        }
        return out
    }

    /// A view of this array broadcast to `shape`, which must be a valid broadcast target
    /// (checked by `broadcastShapes`); stretched dimensions get stride 0.
    func broadcastView(to shape: [Int]) -> NDArray {
        if shape == self.shape { return self }
        let pad = shape.count - ndim
        var st = [Int](repeating: 0, count: shape.count)
        for i in 0..<ndim where self.shape[i] == shape[pad + i] {
            st[pad + i] = strides[i]
        }
        return NDArray(viewing: storage, dtype: dtype, shape: shape, strides: st, offset: offset, isView: true, writeable: isWriteable)
    }

    /// `np.broadcast_to(a, shape)`: a view with stride-0 stretched dimensions, or numpy's errors
    /// (`input operand has more dimensions than allowed by the axis remapping`;
    /// `operands could not be broadcast together with remapped shapes [original->remapped]: (2,)  and requested shape (3,)`).
    ///
    /// numpy's result is a read-only view (its stride-0 axes make many elements one memory
    /// cell), even when the shape does not change; `readOnly: false` is `np.broadcast_arrays`,
    /// whose views keep the input's WRITEABLE flag.
    public func broadcast(to shape: [Int], readOnly: Bool = true) throws(TensorError) -> NDArray {
        try NDArray.checkShapeFits(shape, itemSize: itemSize)
        if ndim > shape.count {
            throw TensorError("input operand has more dimensions than allowed by the axis remapping", kind: .valueError)
        }
        let pad = shape.count - ndim
        for i in 0..<ndim where self.shape[i] != shape[pad + i] && self.shape[i] != 1 {
            throw TensorError("operands could not be broadcast together with remapped shapes [original->remapped]: \(numpyShapeString(self.shape))  and requested shape \(numpyShapeString(shape))", kind: .valueError)
        }
        let v = broadcastView(to: shape)
        return NDArray(viewing: storage, dtype: dtype, shape: v.shape, strides: v.strides, offset: offset, isView: true,
                       writeable: readOnly ? false : isWriteable)
    }

    /// The broadcast used when values are written into an array of `shape` (numpy's `copyto`,
    /// `full`): the source may not have more dimensions, and only its 1-sized dimensions stretch.
    func broadcastForAssignment(to shape: [Int]) throws(TensorError) -> NDArray {
        try NDArray.checkShapeFits(shape, itemSize: itemSize)
        let pad = shape.count - ndim
        var ok = pad >= 0
        if ok {
            for i in 0..<ndim where self.shape[i] != shape[pad + i] && self.shape[i] != 1 { ok = false }
        }
        guard ok else {
            throw TensorError("could not broadcast input array from shape \(numpyShapeString(self.shape)) into shape \(numpyShapeString(shape))", kind: .valueError)
        }
        return broadcastView(to: shape)
    }
}
