/// `reshape` and `ravel`, with numpy's rule for when the result is a view: always when the
/// array is C-contiguous, otherwise whenever numpy's `_attempt_nocopy_reshape` finds strides
/// for the new shape (e.g. splitting or adding length-1 axes of a transposed array); otherwise
/// the data is copied in C order first.
extension NDArray {
    /// `a.reshape(shape)`. One negative entry is inferred from the size. Errors are numpy's:
    /// `can only specify one unknown dimension`, `cannot reshape array of size 8 into shape (3,3)`
    /// (the shape printed as numpy prints it: `newaxis` for the unknown entry, leading unknowns
    /// dropped).
    ///
    /// When a copy is needed the result owns fresh storage (`isView == false`). numpy returns a
    /// view *of that temporary copy* (`base` is set) — an implementation detail we do not mimic,
    /// since what a learner needs to know is that the original's memory is not shared.
    public func reshape(_ newShape: [Int]) throws(TensorError) -> NDArray {
        // numpy returns a plain view when the requested dimensions equal the current ones.
        if newShape == shape {
            return NDArray(viewing: storage, dtype: dtype, shape: shape, strides: strides, offset: offset, isView: true, writeable: isWriteable)
        }
        let dims = try resolvedShape(newShape)
        if isCContiguous {
            return NDArray(viewing: storage, dtype: dtype, shape: dims, strides: NDArray.contiguousStrides(dims),
                           offset: offset, isView: true, writeable: isWriteable)
        }
        if let st = noCopyStrides(for: dims) {
            return NDArray(viewing: storage, dtype: dtype, shape: dims, strides: st, offset: offset, isView: true, writeable: isWriteable)
        }
        let c = try copy()
        return NDArray(viewing: c.storage, dtype: dtype, shape: dims, strides: NDArray.contiguousStrides(dims),
                       offset: 0, isView: false)
    }

    /// The requested shape with its unknown (negative) entry filled in, or numpy's error.
    func resolvedShape(_ newShape: [Int]) throws(TensorError) -> [Int] {
        try Limits.checkDimensions(newShape.count)
        var dims = newShape
        var unknown: Int? = nil
        var known = 1
        let mismatch = TensorError("cannot reshape array of size \(size) into shape \(numpyShapeString(newShape))", kind: .valueError)
        for (i, d) in newShape.enumerated() {
            if d < 0 {
                if unknown != nil { throw TensorError("can only specify one unknown dimension", kind: .valueError) }
                unknown = i
            } else {
                let (p, o) = known.multipliedReportingOverflow(by: d)
                if o { throw mismatch }
                known = p
            }
        }
        if let u = unknown {
            if known == 0 || size % known != 0 { throw mismatch }
            dims[u] = size / known
        } else if known != size {
            throw mismatch
        }
        // A zero-size result may still name huge axes; numpy refuses those as too big.
        try NDArray.checkShapeFits(dims, itemSize: itemSize)
        return dims
    }

    /// numpy's `_attempt_nocopy_reshape` for C order: strides that let `newShape` walk the same
    /// memory in C order, or nil when the existing axes cannot be merged that way.
    func noCopyStrides(for newShape: [Int]) -> [Int]? {
        var oldDims: [Int] = [], oldStrides: [Int] = []
        for i in 0..<ndim where shape[i] != 1 {
            oldDims.append(shape[i]); oldStrides.append(strides[i])
        }
        let newNd = newShape.count, oldNd = oldDims.count
        var newStrides = [Int](repeating: 0, count: newNd)
        var oi = 0, oj = 1, ni = 0, nj = 1
        while ni < newNd && oi < oldNd {
            var np = newShape[ni], op = oldDims[oi]
            while np != op {
                if np < op {
                    guard nj < newNd else { return nil }
                    np *= newShape[nj]; nj += 1
                } else {
                    guard oj < oldNd else { return nil }
                    op *= oldDims[oj]; oj += 1
                }
            }
            for ok in oi..<(oj - 1) where oldStrides[ok] != oldDims[ok + 1] * oldStrides[ok + 1] {
                return nil
            }
            newStrides[nj - 1] = oldStrides[oj - 1]
            var nk = nj - 1
            while nk > ni {
                newStrides[nk - 1] = newStrides[nk] * newShape[nk]
                nk -= 1
            }
            ni = nj; nj += 1
            oi = oj; oj += 1
        }
        // Trailing 1s of the new shape.
        let last = ni >= 1 ? newStrides[ni - 1] : 1
        for nk in ni..<newNd { newStrides[nk] = last }
        return newStrides
    }

    /// `np.ravel(a)` (C order): a view when the array is C-contiguous, else a copy.
    public func ravel() throws(TensorError) -> NDArray {
        if isCContiguous {
            return NDArray(viewing: storage, dtype: dtype, shape: [size], strides: [1], offset: offset, isView: true, writeable: isWriteable)
        }
        let c = try copy()
        return NDArray(viewing: c.storage, dtype: dtype, shape: [size], strides: [1], offset: 0, isView: false)
    }

    /// `a.flatten()`: always a copy.
    public func flatten() throws(TensorError) -> NDArray {
        let c = try copy()
        return NDArray(viewing: c.storage, dtype: dtype, shape: [size], strides: [1], offset: 0, isView: false)
    }
}

extension NDArray {
    /// numpy's wording when `a.shape = s` would need a copy (an AttributeError there).
    public static let incompatibleInPlaceShape =
        "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape."

    /// `a.shape = newShape`: numpy's shape setter. The result is the same array object (the
    /// same storage, offset, flags and ownership) seen with the new shape; it never copies.
    /// Errors are numpy's: the size mismatch and unknown-dimension ones of `reshape`, and
    /// `incompatibleInPlaceShape` (AttributeError) when the memory cannot be walked in the new
    /// shape without copying (a transposed array flattened). Read-only arrays may be reshaped,
    /// as in numpy: no element is written.
    ///
    /// An owner's new layout is what `x.base` shows from now on (numpy's base is this object),
    /// so the storage's owner layout changes too, recorded in the statement's journal so a
    /// statement that fails afterwards leaves it as it was.
    public func reshapedInPlace(_ newShape: [Int]) throws(TensorError) -> NDArray {
        let dims = try resolvedShape(newShape)
        let newStrides: [Int]
        if dims == shape {
            newStrides = strides
        } else if isCContiguous {
            newStrides = NDArray.contiguousStrides(dims)
        } else if let st = noCopyStrides(for: dims) {
            newStrides = st
        } else {
            throw TensorError(NDArray.incompatibleInPlaceShape, kind: .attributeError)
        }
        let oldOwner = storage.owner
        let result = NDArray(viewing: storage, dtype: dtype, shape: dims, strides: newStrides, offset: offset,
                             isView: isView, flags: flags)
        if !isView {
            let s = storage
            WriteJournal.current?.recordUndo { s.owner = oldOwner }
        }
        return result
    }
}
