/// What numpy tells about memory: `np.shares_memory`, `x.base`, `x.flags`. rnnsh's arrays alias
/// exactly where numpy's do (views share a `Storage`), so these answer numpy's questions.
extension NDArray {
    /// `np.shares_memory(a, b)`: true when some element of one is an element of the other
    /// (exact, as numpy's default). Arrays over different storage never share; within one
    /// storage, first the byte ranges are compared, then the element sets.
    public static func sharesMemory(_ a: NDArray, _ b: NDArray) -> Bool {
        guard a.storage === b.storage, let ra = a.byteRange, let rb = b.byteRange, ra.overlaps(rb) else { return false }
        if a.isCContiguous || b.isCContiguous {
            // One side covers its whole range: any element of the other inside it is shared.
            let (dense, other) = a.isCContiguous ? (ra, b) : (rb, a)
            var found = false
            other.forEachOffset { off in if !found && dense.contains(off * other.itemSize) { found = true } }
            return found
        }
        let (small, large) = a.size <= b.size ? (a, b) : (b, a)
        var offsets = Set<Int>()
        small.forEachOffset { offsets.insert($0) }
        var found = false
        large.forEachOffset { off in if !found && offsets.contains(off) { found = true } }
        return found
    }

    /// `np.may_share_memory(a, b)`: only the byte ranges are compared.
    public static func mayShareMemory(_ a: NDArray, _ b: NDArray) -> Bool {
        guard a.storage === b.storage, let ra = a.byteRange, let rb = b.byteRange else { return false }
        return ra.overlaps(rb)
    }

    /// `x.base`: the array that owns the memory of a view (numpy collapses chains of views to
    /// the owner), nil for an array that owns its data.
    public var base: NDArray? {
        guard isView, let o = storage.owner else { return nil }
        return NDArray(viewing: storage, dtype: o.dtype, shape: o.shape, strides: o.strides, offset: o.offset, isView: false,
                       flags: o.flags)
    }

    /// numpy's `x.flags` as numpy prints it (`  C_CONTIGUOUS : True` ... one line per flag,
    /// each indented by two spaces).
    public var flagsDescription: String {
        let flags: [(String, Bool)] = [("C_CONTIGUOUS", isCContiguous), ("F_CONTIGUOUS", isFContiguous),
                                       ("OWNDATA", !isView), ("WRITEABLE", self.flags.writeable), ("ALIGNED", self.flags.aligned),
                                       ("WRITEBACKIFCOPY", false)]
        return flags.map { "  \($0.0) : \($0.1 ? "True" : "False")" }.joined(separator: "\n") + "\n"
    }
}
