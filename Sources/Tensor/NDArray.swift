/// An n-dimensional array with numpy's memory model: a shared `Storage`, an element `offset`,
/// a `shape` and element `strides`. Shape ops such as `transpose` and basic slicing return views
/// (new shape/strides over the same storage); operations that cannot be expressed that way copy.
///
/// The struct itself is a value (its shape and strides never change), but the storage is shared
/// and writable: element assignment (`Assignment.swift`) writes through any view, exactly as
/// numpy's views alias. `isView == false` marks the array that owns its storage (numpy's
/// `OWNDATA`); `base` rebuilds that owner for a view.
public struct NDArray: @unchecked Sendable {
    public let dtype: DType
    public let shape: [Int]
    /// Element strides (numpy's byte strides divided by the item size); see `byteStrides`.
    public let strides: [Int]
    /// Offset of element `[0, 0, ...]` in the storage, in elements.
    public let offset: Int
    public let storage: Storage
    /// True when this array borrows another array's storage (numpy: `a.base is not None`).
    public let isView: Bool
    /// numpy's flags that can change after creation (`WRITEABLE`, `ALIGNED`). A reference: every
    /// copy of this struct is the same numpy array object, so `y = x; x.setflags(write=False)`
    /// makes `y` read-only too, while a view made from it gets flags of its own
    /// (see `ArrayFlags.swift`).
    public let flags: ArrayFlags

    /// numpy's `x.flags.writeable`.
    public var isWriteable: Bool { flags.writeable }

    public var ndim: Int { shape.count }
    /// numpy's `dtype.byteorder == '>'` (see `Storage.isBigEndian`); one-byte types have none.
    public var isBigEndian: Bool { storage.isBigEndian && dtype.itemSize > 1 }
    /// Zero-size arrays may have other axes whose product overflows (e.g. a transposed
    /// `(0, 2^62, 4)`), so a zero anywhere is checked first; otherwise the product is at most
    /// the number of elements actually stored.
    public var size: Int { shape.contains(0) ? 0 : shape.reduce(1, *) }
    public var nbytes: Int { size * dtype.itemSize }
    /// numpy's `strides`: element strides times the item size, wrapping as numpy's C
    /// arithmetic does. A huge step on a length-1 axis (`arange(3)[::2**62]`) is a legal view
    /// whose stride is never used to address memory; numpy reports the wrapped product
    /// (`(0,)` there), and so do we instead of trapping.
    public var byteStrides: [Int] { strides.map { $0 &* dtype.itemSize } }
    public var itemSize: Int { dtype.itemSize }

    /// The row-major (C order) strides of `shape`, in elements.
    public static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: shape.count)
        var s = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[i] = s
            // Wrapping: only shapes that passed `Limits` reach storage, and for those the
            // product fits; an unallocated shape (e.g. in explanations) must not trap.
            s = s &* max(shape[i], 1)
        }
        return strides
    }

    /// numpy's `flags['C_CONTIGUOUS']`: dimensions of length 1 may have any stride.
    public var isCContiguous: Bool {
        if size == 0 { return true }
        var expected = 1
        for i in stride(from: ndim - 1, through: 0, by: -1) where shape[i] != 1 {
            if strides[i] != expected { return false }
            expected *= shape[i]
        }
        return true
    }

    /// numpy's `flags['F_CONTIGUOUS']`.
    public var isFContiguous: Bool {
        if size == 0 { return true }
        var expected = 1
        for i in 0..<ndim where shape[i] != 1 {
            if strides[i] != expected { return false }
            expected *= shape[i]
        }
        return true
    }

    /// A view over existing storage. The caller guarantees every reachable element is in bounds.
    ///
    /// `writeable` is the new array's WRITEABLE flag: a view made from an array passes that
    /// array's `isWriteable` (numpy: a view of a read-only array is read-only); `flags` reuses
    /// an existing array object's flags (only `base`, which rebuilds the owner, needs that).
    public init(viewing storage: Storage, dtype: DType, shape: [Int], strides: [Int], offset: Int, isView: Bool = true,
                writeable: Bool = true, flags: ArrayFlags? = nil) {
        self.storage = storage
        self.dtype = dtype
        self.shape = shape
        self.strides = strides
        self.offset = offset
        self.isView = isView
        let f = flags ?? ArrayFlags(writeable: writeable)
        self.flags = f
        if !isView { storage.owner = OwnerLayout(dtype: dtype, shape: shape, strides: strides, offset: offset, flags: f) }
    }

    /// A zero-filled, C-contiguous array. Refuses shapes over the memory limit before allocating.
    /// A new array of size 0 has all-zero strides, as numpy 2.x gives every freshly allocated
    /// empty array (`np.zeros((0, 3)).strides == (0, 0)`; views and reshapes keep computed ones).
    public init(zeros shape: [Int], dtype: DType) throws(TensorError) {
        let n = try Limits.checkAllocation(shape, dtype)
        let strides = n == 0 ? [Int](repeating: 0, count: shape.count) : NDArray.contiguousStrides(shape)
        self.init(viewing: Storage(byteCount: n * dtype.itemSize), dtype: dtype, shape: shape,
                  strides: strides, offset: 0, isView: false)
    }

    /// A C-contiguous array whose bytes are unspecified: for readers that overwrite every byte
    /// at once (`.npy` loading), so that nothing is zero-filled only to be overwritten.
    /// Refuses shapes over the memory limit before allocating.
    init(uninitialized shape: [Int], dtype: DType) throws(TensorError) {
        let n = try Limits.checkAllocation(shape, dtype)
        let strides = n == 0 ? [Int](repeating: 0, count: shape.count) : NDArray.contiguousStrides(shape)
        self.init(viewing: Storage(byteCount: n * dtype.itemSize, zeroed: false), dtype: dtype, shape: shape,
                  strides: strides, offset: 0, isView: false)
    }

    /// A C-contiguous array holding `values` (row-major) with `shape`.
    public init<T: TensorElement>(_ values: [T], shape: [Int]) throws(TensorError) {
        let n = try Limits.checkAllocation(shape, T.dtype)
        guard n == values.count else {
            throw TensorError("cannot reshape array of size \(values.count) into shape \(shapeString(shape))", kind: .valueError)
        }
        try self.init(zeros: shape, dtype: T.dtype)
        let p = storage.pointer.bindMemory(to: T.self, capacity: max(n, 1))
        values.withUnsafeBufferPointer { src in
            for i in 0..<n { p[i] = src[i] }
        }
    }

    /// A 1-d array of `values`.
    public init<T: TensorElement>(_ values: [T]) {
        // A 1-d array of an existing Swift array can never exceed the limits that array already met.
        self = (try? NDArray(values, shape: [values.count])) ?? NDArray(emptyOf: T.dtype)
    }

    /// A 0-d array holding one value.
    public init<T: TensorElement>(scalar value: T) {
        self = (try? NDArray([value], shape: [])) ?? NDArray(emptyOf: T.dtype)
    }

    private init(emptyOf dtype: DType) {
        self.init(viewing: Storage(byteCount: 0), dtype: dtype, shape: [0], strides: [0], offset: 0, isView: false)
    }

    /// Calls `body` with the storage offset of every element, in C (row-major) order.
    public func forEachOffset(_ body: (Int) throws -> Void) rethrows {
        let n = size
        if n == 0 { return }
        if ndim == 0 { try body(offset); return }
        if isCContiguous {
            for i in 0..<n { try body(offset + i) }
            return
        }
        var index = [Int](repeating: 0, count: ndim)
        var off = offset
        let last = ndim - 1
        for _ in 0..<n {
            try body(off)
            var axis = last
            while axis >= 0 {
                index[axis] += 1
                off += strides[axis]
                if index[axis] < shape[axis] { break }
                off -= strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }

    /// Storage offset of the element at a full multi-index (each index already in range).
    public func storageOffset(of index: [Int]) -> Int {
        var off = offset
        for (i, s) in zip(index, strides) { off += i * s }
        return off
    }

    /// Reads the element stored at storage offset `off`.
    public func scalar(atStorageOffset off: Int) -> Scalar {
        let p = storage.pointer
        switch dtype {
        case .bool: return .bool(p.load(fromByteOffset: off, as: UInt8.self) != 0)
        case .int8: return .int(Int64(p.load(fromByteOffset: off, as: Int8.self)))
        case .int16: return .int(Int64(p.load(fromByteOffset: off * 2, as: Int16.self)))
        case .int32: return .int(Int64(p.load(fromByteOffset: off * 4, as: Int32.self)))
        case .int64: return .int(p.load(fromByteOffset: off * 8, as: Int64.self))
        case .uint8: return .int(Int64(p.load(fromByteOffset: off, as: UInt8.self)))
        case .uint16: return .int(Int64(p.load(fromByteOffset: off * 2, as: UInt16.self)))
        case .uint32: return .int(Int64(p.load(fromByteOffset: off * 4, as: UInt32.self)))
        case .uint64: return .of(p.load(fromByteOffset: off * 8, as: UInt64.self))
        case .float16: return .float32(Float(p.load(fromByteOffset: off * 2, as: Float16.self)))
        case .float32: return .float32(p.load(fromByteOffset: off * 4, as: Float.self))
        case .float64: return .float64(p.load(fromByteOffset: off * 8, as: Double.self))
        }
    }

    /// The element at a full multi-index; nil if the index has the wrong rank or is out of range.
    public func scalar(at index: [Int]) -> Scalar? {
        guard index.count == ndim else { return nil }
        for (i, n) in zip(index, shape) where i < 0 || i >= n { return nil }
        return scalar(atStorageOffset: storageOffset(of: index))
    }

    /// All elements in C order.
    public var scalars: [Scalar] {
        var out: [Scalar] = []
        out.reserveCapacity(size)
        forEachOffset { out.append(scalar(atStorageOffset: $0)) }
        return out
    }

    /// The elements in C order as `T`, which must be this array's element type.
    /// Returns nil when the types differ (use `astype` first).
    public func elements<T: TensorElement>(as type: T.Type) -> [T]? {
        guard T.dtype == dtype else { return nil }
        let p = storage.pointer.assumingMemoryBound(to: T.self)
        var out: [T] = []
        out.reserveCapacity(size)
        forEachOffset { out.append(p[$0]) }
        return out
    }

    /// This array if it is already C-contiguous, else a C-ordered copy. Throws when the copy
    /// would exceed `Limits` (a broadcast view can describe far more elements than it stores).
    public func contiguous() throws(TensorError) -> NDArray {
        if isCContiguous { return self }
        return try copy()
    }

    /// Calls `body` with a C-ordered buffer of the elements (no copy when already contiguous).
    public func withContiguousElements<T: TensorElement, R>(_ type: T.Type, _ body: (UnsafeBufferPointer<T>) throws -> R) rethrows -> R? {
        guard T.dtype == dtype else { return nil }
        // A copy over the memory limit (a huge broadcast view) is refused: nil, never a bad buffer.
        guard let c = try? contiguous() else { return nil }
        let p = c.storage.pointer.assumingMemoryBound(to: T.self).advanced(by: c.offset)
        return try body(UnsafeBufferPointer(start: p, count: c.size))
    }
}
