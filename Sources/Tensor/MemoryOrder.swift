/// numpy's `order=` argument: how a new array is laid out, or in which order a reshape or a
/// flattening reads the elements.
///
/// - `C`: row-major (the last axis varies fastest);
/// - `F`: column-major (the first axis varies fastest);
/// - `A`: `F` when the input is Fortran-ordered (F- but not C-contiguous), else `C`;
/// - `K`: as close to the input's own layout as possible.
///
/// Learners meet it pasting `x.reshape(2, 3, order='F')` or `np.zeros(3, int, 'F')`; the layout
/// is visible through `strides`, `flags` and whether a later reshape is a view, so each routine
/// follows numpy's own rule for it.
public enum MemoryOrder: Sendable, Equatable {
    case c, f, a, k

    /// numpy's `PyArray_OrderConverter`: one letter, either case; anything else is its error.
    public init(numpy text: String) throws(TensorError) {
        switch text {
        case "C", "c": self = .c
        case "F", "f": self = .f
        case "A", "a": self = .a
        case "K", "k": self = .k
        default:
            throw TensorError("order must be one of 'C', 'F', 'A', or 'K' (got \(pythonRepr(text)))", kind: .valueError)
        }
    }

    /// The orders `np.zeros`, `np.ones`, `np.empty` and `np.full` accept (they have no input
    /// whose layout `A` or `K` could follow).
    public func creationOrder() throws(TensorError) -> MemoryOrder {
        guard self == .c || self == .f else { throw TensorError("only 'C' or 'F' order is permitted", kind: .valueError) }
        return self
    }
}

/// Python's `repr` of a short string: single quotes unless it contains one and no double quote.
func pythonRepr(_ s: String) -> String {
    if s.contains("'") && !s.contains("\"") { return "\"\(s)\"" }
    return "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
}

extension NDArray {
    /// numpy's `PyArray_ISFORTRAN`: F-contiguous and not C-contiguous (what `order='A'` asks).
    public var isFortranOrdered: Bool { isFContiguous && !isCContiguous }

    /// The axes slowest-first for a new array of this shape in `order` (`C` or `F`).
    static func axisOrder(_ order: MemoryOrder, ndim: Int) -> [Int] {
        order == .f ? Array((0..<ndim).reversed()) : Array(0..<ndim)
    }

    /// A new zero-filled array in `C` or `F` layout (`np.zeros(shape, order=...)`). A size-0 array
    /// gets all-zero strides, as numpy 2.x gives every freshly allocated empty array.
    public static func zeros(_ shape: [Int], dtype: DType, order: MemoryOrder) throws(TensorError) -> NDArray {
        let o = try order.creationOrder()
        if o == .c { return try NDArray(zeros: shape, dtype: dtype) }
        return try NDArray(zeros: shape, dtype: dtype, order: axisOrder(.f, ndim: shape.count)).zeroStridesIfEmpty()
    }

    func zeroStridesIfEmpty() -> NDArray {
        guard size == 0 else { return self }
        return NDArray(viewing: storage, dtype: dtype, shape: shape, strides: [Int](repeating: 0, count: ndim), offset: offset, isView: isView,
                       writeable: isWriteable)
    }

    /// numpy's `PyArray_CreateSortedStridePerm`: the axes ordered by decreasing stride magnitude,
    /// ties kept in axis order (a stable sort).
    func sortedStridePerm() -> [Int] {
        Array(0..<ndim).sorted { i, j in
            let a = strides[i].magnitude, b = strides[j].magnitude
            return a != b ? a > b : i < j
        }
    }

    /// The axes slowest-first of a new array "like" this one (`PyArray_NewLikeArray`): `A` is F
    /// for a Fortran-ordered array, `K` follows this array's strides (C when it is C-contiguous
    /// or has at most one axis), and a `shape` of another rank gets C order.
    public func likeAxisOrder(_ order: MemoryOrder, shape newShape: [Int]? = nil) -> [Int] {
        let nd = newShape?.count ?? ndim
        switch order {
        case .c: return NDArray.axisOrder(.c, ndim: nd)
        case .f: return NDArray.axisOrder(.f, ndim: nd)
        case .a: return NDArray.axisOrder(isFortranOrdered ? .f : .c, ndim: nd)
        case .k:
            if isCContiguous || ndim <= 1 || nd != ndim { return NDArray.axisOrder(.c, ndim: nd) }
            return sortedStridePerm()
        }
    }

    /// A new zero-filled array of `shape` and `dtype` laid out like this one in `order`
    /// (`np.zeros_like(a, order=...)`, and `np.empty_like`/`ones_like`/`full_like` before filling).
    public func zerosLike(shape newShape: [Int]? = nil, dtype newType: DType? = nil, order: MemoryOrder = .k) throws(TensorError) -> NDArray {
        let sh = newShape ?? shape
        let perm = likeAxisOrder(order, shape: newShape)
        if perm == Array(0..<sh.count) { return try NDArray(zeros: sh, dtype: newType ?? dtype) }
        return try NDArray(zeros: sh, dtype: newType ?? dtype, order: perm).zeroStridesIfEmpty()
    }

    /// `a.copy(order=...)` / `np.copy(a, order=...)`: a new array that owns its data, laid out as
    /// `order` asks (see `likeAxisOrder`).
    public func copy(order: MemoryOrder) throws(TensorError) -> NDArray {
        if order == .c { return try copy() }
        let out = try zerosLike(order: order)
        NDArray.copyElements(from: self, into: out)
        return out
    }

    /// `a.reshape(shape, order=...)`. `F` reads and writes the elements with the first index
    /// fastest: the C-order reshape of the reversed-axes array, with its axes reversed back (so
    /// the view-or-copy rule is numpy's `_attempt_nocopy_reshape` with `is_f_order`, and a copy
    /// is laid out in F order, as numpy's). `A` is F for a Fortran-ordered array; `K` is refused.
    public func reshape(_ newShape: [Int], order: MemoryOrder) throws(TensorError) -> NDArray {
        switch order {
        case .k: throw TensorError("order 'K' is not permitted for reshaping", kind: .valueError)
        case .c: return try reshape(newShape)
        case .a: return try reshape(newShape, order: isFortranOrdered ? .f : .c)
        case .f:
            if newShape == shape { return try reshape(newShape) }
            return try T.reshape(newShape.reversed()).T
        }
    }

    /// `np.ravel(a, order)`, numpy's `PyArray_Ravel`: a view when the elements already lie in
    /// that order in memory (for `K`: in the order of this array's strides), else a copy.
    public func ravel(order: MemoryOrder) throws(TensorError) -> NDArray {
        var o = order
        if o == .a { o = isFortranOrdered ? .f : .c }
        if o == .k {
            if isCContiguous { o = .c } else if isFContiguous { o = .f }
        }
        switch o {
        case .c: return try ravel()
        case .f: return isFContiguous ? try T.ravel() : try flatten(order: .f)
        default:
            // K: a view when the strides, sorted, describe one contiguous block.
            let perm = sortedStridePerm()
            var expected = 1
            var contiguous = true
            for axis in perm.reversed() where shape[axis] != 1 {
                if strides[axis] != expected { contiguous = false; break }
                expected *= shape[axis]
            }
            if contiguous {
                return NDArray(viewing: storage, dtype: dtype, shape: [size], strides: [1], offset: offset, isView: true, writeable: isWriteable)
            }
            return try flatten(order: .k)
        }
    }

    /// `a.flatten(order)`: always a copy, its elements read in `order` (`K`: memory order as
    /// numpy's iterator sees it, negative strides not flipped, as `PyArray_CopyAsFlat` does).
    public func flatten(order: MemoryOrder) throws(TensorError) -> NDArray {
        switch order {
        case .c: return try flatten()
        case .f: return try T.flatten()
        case .a: return try flatten(order: isFortranOrdered ? .f : .c)
        case .k: return try transpose(Layout.iteratorOrder(shape: shape, operands: [strides])).flatten()
        }
    }

    /// `np.asarray(a, order=...)`: this array itself when its layout already satisfies `order`
    /// (`C`: C-contiguous, `F`: F-contiguous, `A`/`K`: any), else a copy in that order.
    public func asarray(order: MemoryOrder) throws(TensorError) -> NDArray {
        switch order {
        case .c where !isCContiguous: return try copy(order: .c)
        case .f where !isFContiguous: return try copy(order: .f)
        default: return self
        }
    }

    /// numpy 2's `x.mT` / `np.matrix_transpose(x)`: the last two axes swapped, a view.
    public func matrixTranspose() throws(TensorError) -> NDArray {
        guard ndim >= 2 else { throw TensorError("matrix transpose with ndim < 2 is undefined", kind: .valueError) }
        return try swapaxes(-1, -2)
    }

    /// numpy 2.1's `np.unstack(x, axis=0)`: the views `x[i]` along `axis` (numpy moves the axis
    /// to the front, then takes each row).
    public func unstack(axis: Int = 0) throws(TensorError) -> [NDArray] {
        guard ndim >= 1 else { throw TensorError("Input array must be at least 1-d.", kind: .valueError) }
        let a: Int
        do { a = try NDArray.normalizeAxis(axis, ndim: ndim) } catch {
            throw TensorError("source: " + error.message, explanation: error.explanation, kind: .axisError)
        }
        var perm = Array(0..<ndim)
        perm.remove(at: a)
        perm.insert(a, at: 0)
        let moved = try transpose(perm)
        let rowShape = Array(moved.shape.dropFirst()), rowStrides = Array(moved.strides.dropFirst())
        return (0..<moved.shape[0]).map { i in
            NDArray(viewing: storage, dtype: dtype, shape: rowShape, strides: rowStrides,
                    offset: offset + i * moved.strides[0], isView: true, writeable: isWriteable)
        }
    }
}

extension NDArray {
    /// `np.full(shape, value, dtype, order)`: `full` laid out in `C` or `F` order.
    public static func full(_ shape: [Int], _ fillValue: Operand, dtype: DType?, order: MemoryOrder) throws(TensorError) -> NDArray {
        let o = try order.creationOrder()
        let c = try full(shape, fillValue, dtype: dtype)
        return o == .c ? c : try c.copy(order: .f)
    }

    /// `np.full_like(a, value, dtype, order, shape=...)` (and `zeros_like`, `ones_like`): `full`
    /// laid out like this array as `order` asks (see `likeAxisOrder`).
    public func fullLike(_ fillValue: Operand, shape newShape: [Int]? = nil, dtype newType: DType? = nil,
                         order: MemoryOrder = .k) throws(TensorError) -> NDArray {
        let c = try NDArray.full(newShape ?? shape, fillValue, dtype: newType ?? dtype)
        let sh = newShape ?? shape
        if likeAxisOrder(order, shape: newShape) == Array(0..<sh.count) { return c }
        let out = try zerosLike(shape: newShape, dtype: c.dtype, order: order)
        NDArray.copyElements(from: c, into: out)
        return out
    }
}
