/// Writing into arrays: numpy's `x[index] = value` and the copy behind every in-place operation.
///
/// - The value is cast to the array's dtype with numpy's setitem rules: Python ints are range
///   checked (`Python integer 300 out of bounds for uint8`), Python floats going to integers
///   are truncated (NaN and inf refused with Python's words), arrays cast unsafely (as
///   `astype` does).
/// - The value broadcasts to the selected shape after dropping leading length-1 axes, or gives
///   numpy's error for the kind of index: `could not broadcast input array from shape (3,) into
///   shape (6,)` (basic), `shape mismatch: value array of shape (3,2) could not be broadcast to
///   indexing result of shape (2,2)` (advanced), `NumPy boolean array indexing assignment cannot
///   assign 3 input values to the 2 output values where the mask is true` (one full bool mask).
/// - Every check happens before the first byte is written, and every write passes `willWrite`,
///   which records the old bytes in the statement's `WriteJournal`.
/// - A value that overlaps the destination (`x[1:] = x[:-1]`) is copied first, so the result is
///   as if the value had been read completely before writing (numpy's guarantee).
extension NDArray {
    /// `x[items] = value`.
    public func setItem(_ items: [IndexItem], _ value: Operand) throws(TensorError) {
        // numpy refuses a read-only array before it looks at the index or the value.
        try requireWriteable()
        if IndexItem.isAdvanced(items) {
            if let m = contiguousFullMask(items) {
                var v = try value.storedArray(as: dtype)
                if v.dtype != dtype { v = try v.astype(dtype) }
                if maskScatter(m, v) { return }
            }
            let plan = try AdvancedIndex(self, items)
            var v = try value.storedArray(as: dtype)
            v = v.droppingLeadingOnes(toAtMost: plan.resultShape.count)
            if plan.singleFullMask && v.ndim > 1 {
                throw TensorError("NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has \(v.ndim) dimensions",
                                  kind: .typeError)
            }
            guard (try? NDArray.broadcastShapes([v.shape, plan.resultShape])) == plan.resultShape else {
                if plan.singleFullMask && v.ndim == 1 {
                    throw TensorError("NumPy boolean array indexing assignment cannot assign \(v.size) input values to the \(plan.broadcastShape.first ?? 0) output values where the mask is true",
                                      kind: .valueError)
                }
                throw TensorError("shape mismatch: value array of shape \(numpyShapeString(v.shape)) could not be broadcast to indexing result of shape \(numpyShapeString(plan.resultShape))",
                                  kind: .valueError)
            }
            if v.dtype != dtype { v = try v.astype(dtype) } else if v.storage === storage { v = try v.copy() }
            if plan.scatterSole(v) { return }
            let bases = plan.sourceBases()
            if WriteJournal.current != nil, let (lo, hi) = plan.writtenRange(bases: bases) {
                NDArray(viewing: storage, dtype: dtype, shape: [hi - lo + 1], strides: [1], offset: lo).recordForUndo()
            }
            plan.scatter(v, bases: bases)
            return
        }
        let target = try subscripted(items)
        if IndexItem.selectsScalar(items, ndim: ndim), case .array(let a) = value, a.ndim > 0 {
            throw TensorError("setting an array element with a sequence.", kind: .valueError)
        }
        try target.assign(try value.storedArray(as: dtype))
    }

    /// Copies `source` into every element of this array (numpy's `dst[...] = src`): cast to this
    /// dtype, broadcast to this shape (leading length-1 axes of the source dropped first).
    public func assign(_ source: NDArray) throws(TensorError) {
        try requireWriteable()
        let src = source.droppingLeadingOnes(toAtMost: ndim)
        guard (try? NDArray.broadcastShapes([src.shape, shape])) == shape else {
            throw TensorError("could not broadcast input array from shape \(numpyShapeString(source.shape)) into shape \(numpyShapeString(shape))",
                              kind: .valueError)
        }
        var s = src.dtype == dtype ? src : try src.astype(dtype)
        s = try s.copyIfOverlapping(self)
        try willWrite()
        Cancellation.deferring { NDArray.copyElements(from: s.broadcastView(to: shape), into: self) }
    }

    /// This array without leading length-1 axes beyond `count` dimensions (numpy drops them
    /// from an assigned value).
    func droppingLeadingOnes(toAtMost count: Int) -> NDArray {
        var sh = shape, st = strides
        while sh.count > count, sh.first == 1 { sh.removeFirst(); st.removeFirst() }
        if sh.count == ndim { return self }
        return NDArray(viewing: storage, dtype: dtype, shape: sh, strides: st, offset: offset, isView: isView, writeable: isWriteable)
    }

    /// This array, or a copy of it when it shares memory with `destination` other than element
    /// for element (so reading it while writing `destination` sees only old values).
    func copyIfOverlapping(_ destination: NDArray) throws(TensorError) -> NDArray {
        guard storage === destination.storage else { return self }
        if let b = try? NDArray.broadcastShapes([shape, destination.shape]), b == destination.shape {
            let v = broadcastView(to: destination.shape)
            let same = v.offset == destination.offset
                && zip(zip(v.strides, destination.strides), destination.shape).allSatisfy { $0.0 == $0.1 || $1 <= 1 }
            if same { return self }
        }
        return NDArray.sharesMemory(self, destination) ? try copy() : self
    }
}

extension Operand {
    /// The value of `x[...] = value` as an array of `dtype`, with numpy's setitem conversions.
    func storedArray(as dtype: DType) throws(TensorError) -> NDArray {
        switch self {
        case .array(let a): return a
        case .int(let i): return try scalarArray(try storePythonScalar(.int(i), as: dtype), dtype)
        case .float(let d): return try scalarArray(try storePythonScalar(.float(d), as: dtype), dtype)
        case .bool(let b): return try scalarArray(.bool(b), dtype)
        }
    }

    private func scalarArray(_ v: ElementValue, _ dtype: DType) throws(TensorError) -> NDArray {
        let a = try NDArray(zeros: [], dtype: dtype)
        a.fill(with: v)
        return a
    }
}
