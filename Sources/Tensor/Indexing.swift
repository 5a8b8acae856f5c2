/// Basic indexing (`x[1]`, `x[-1]`, `x[1:3]`, `x[:, 0]`, `x[::-1]`, `x[..., 0]`, `x[None]`):
/// always a view, as in numpy — integers drop an axis, slices keep it with a new start, length
/// and stride, `newAxis` inserts a length-1 axis.

/// One entry of an index tuple.
public enum IndexItem: Sendable, Equatable {
    /// An integer; negative counts from the end.
    case index(Int)
    /// `start:stop:step`, each optional, with Python's slice semantics.
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `...`: as many full slices as needed.
    case ellipsis
    /// `None` / `np.newaxis`.
    case newAxis
    /// An integer or bool array (advanced indexing, `AdvancedIndexing.swift`): `x[[0, 2]]`,
    /// `x[mask]`, `probs[np.arange(N), y]`. Any other dtype is numpy's IndexError.
    case array(NDArray)

    /// `:`.
    public static let all = IndexItem.slice(start: nil, stop: nil, step: nil)

    /// True when numpy returns a scalar rather than an array for this index: every dimension
    /// indexed by an integer, with no slice, ellipsis or newaxis (`x[1, 2]` on a 2-d array, `x[()]`
    /// on a 0-d one). `subscripted` still returns a 0-d array; the shell may show it as a scalar.
    public static func == (a: IndexItem, b: IndexItem) -> Bool {
        switch (a, b) {
        case (.index(let x), .index(let y)): return x == y
        case (.slice(let a1, let b1, let c1), .slice(let a2, let b2, let c2)): return a1 == a2 && b1 == b2 && c1 == c2
        case (.ellipsis, .ellipsis), (.newAxis, .newAxis): return true
        case (.array(let x), .array(let y)): return x.storage === y.storage && x.shape == y.shape && x.strides == y.strides && x.offset == y.offset
        default: return false
        }
    }

    /// True when some item is an array (numpy's advanced indexing: the result is a copy).
    public static func isAdvanced(_ items: [IndexItem]) -> Bool {
        items.contains { if case .array = $0 { return true } else { return false } }
    }

    public static func selectsScalar(_ items: [IndexItem], ndim: Int) -> Bool {
        items.count == ndim && items.allSatisfy { if case .index = $0 { return true } else { return false } }
    }
}

extension NDArray {
    /// `x[items...]` with numpy's basic-indexing rules and errors, checked in numpy's order:
    /// `an index can only have a single ellipsis ('...')`, then
    /// `too many indices for array: array is 2-dimensional, but 3 were indexed`, then per item
    /// `index 5 is out of bounds for axis 0 with size 3` / `slice step cannot be zero`.
    public func subscripted(_ items: [IndexItem]) throws(TensorError) -> NDArray {
        if IndexItem.isAdvanced(items) {
            if let m = contiguousFullMask(items) { return try maskGather(m) }
            return try AdvancedIndex(self, items).gather()
        }
        var consumed = 0
        var sawEllipsis = false
        for item in items {
            switch item {
            case .ellipsis:
                if sawEllipsis { throw TensorError("an index can only have a single ellipsis ('...')", kind: .indexError) }
                sawEllipsis = true
            case .index, .slice: consumed += 1
            case .newAxis, .array: break
            }
        }
        if consumed > ndim {
            throw TensorError("too many indices for array: array is \(ndim)-dimensional, but \(consumed) were indexed", kind: .indexError)
        }
        let resultDims = ndim - items.reduce(0) { n, item in if case .index = item { return n + 1 }; return n }
            + items.reduce(0) { n, item in if case .newAxis = item { return n + 1 }; return n }
        if resultDims > Limits.maxDimensions {
            throw TensorError("number of dimensions must be within [0, \(Limits.maxDimensions)], indexing result would have \(resultDims)", kind: .indexError)
        }
        var newShape: [Int] = [], newStrides: [Int] = []
        var off = offset
        var axis = 0
        var empty = false
        func take(_ item: IndexItem) throws(TensorError) {
            switch item {
            case .index(let i):
                let n = shape[axis]
                guard i >= -n && i < n else {
                    throw TensorError("index \(i) is out of bounds for axis \(axis) with size \(n)", kind: .indexError)
                }
                off += (i < 0 ? i + n : i) * strides[axis]
                axis += 1
            case .slice(let start, let stop, let step):
                let (s, len, st) = try NDArray.sliceIndices(start: start, stop: stop, step: step, length: shape[axis])
                if len == 0 { empty = true } else { off += s * strides[axis] }
                newShape.append(len)
                newStrides.append(st &* strides[axis])  // a lone element may have any stride; wrap, never trap
                axis += 1
            case .newAxis:
                newShape.append(1)
                newStrides.append(0)
            case .ellipsis:
                for _ in 0..<(ndim - consumed) {
                    newShape.append(shape[axis]); newStrides.append(strides[axis]); axis += 1
                }
            case .array:
                break   // handled by AdvancedIndex
            }
        }
        for item in items { try take(item) }
        while axis < ndim {
            newShape.append(shape[axis]); newStrides.append(strides[axis]); axis += 1
        }
        // An empty selection reads nothing; keep a valid offset rather than one past the end.
        if empty { off = offset }
        return NDArray(viewing: storage, dtype: dtype, shape: newShape, strides: newStrides, offset: off, isView: true,
                       writeable: isWriteable)
    }

    /// Python's `slice.indices(length)` plus the resulting length: (start, count, step).
    /// A zero step is numpy's `slice step cannot be zero`.
    public static func sliceIndices(start: Int?, stop: Int?, step: Int?, length: Int) throws(TensorError) -> (start: Int, count: Int, step: Int) {
        var st = step ?? 1
        if st == 0 { throw TensorError("slice step cannot be zero", kind: .valueError) }
        if st < -Int.max { st = -Int.max }
        func adjust(_ v: Int?, _ dflt: Int) -> Int {
            guard var v else { return dflt }
            if v < 0 {
                v += length
                if v < 0 { v = st < 0 ? -1 : 0 }
            } else if v >= length {
                v = st < 0 ? length - 1 : length
            }
            return v
        }
        let s = adjust(start, st < 0 ? length - 1 : 0)
        let e = adjust(stop, st < 0 ? -1 : length)
        var count = 0
        if st < 0 {
            if e < s { count = (s - e - 1) / (-st) + 1 }
        } else if s < e {
            count = (e - s - 1) / st + 1
        }
        return (s, count, st)
    }
}
