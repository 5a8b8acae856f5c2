/// The common boolean-mask case on its own fast path: `x[m]` and `x[m] = v` where `m` is a bool
/// array of exactly `x`'s shape and both are C-contiguous (`x[x > 0]`, `x[x < 0] = 0`). One pass
/// over the mask, no coordinate arrays. Results and errors are those of the general advanced
/// indexing path (`AdvancedIndex`), which every other case takes.
extension NDArray {
    /// The mask if `items` is one bool array shaped like this array and both are C-contiguous.
    func contiguousFullMask(_ items: [IndexItem]) -> NDArray? {
        guard items.count == 1, case .array(let m) = items[0], m.dtype == .bool, m.shape == shape,
              m.isCContiguous, isCContiguous, ndim > 0 else { return nil }
        return m
    }

    /// Number of true bytes of a C-contiguous bool array.
    func countTrue() -> Int {
        let p = storage.pointer.assumingMemoryBound(to: UInt8.self) + offset
        var count = 0
        for k in 0..<size where p[k] != 0 { count += 1 }
        return count
    }

    /// `x[m]` for a contiguous full mask.
    func maskGather(_ m: NDArray) throws(TensorError) -> NDArray {
        let count = m.countTrue()
        let out = try NDArray(uninitialized: [count], dtype: dtype)   // every element is written below
        if count == 0 { return out }
        let mp = m.storage.pointer.assumingMemoryBound(to: UInt8.self) + m.offset
        func typed<W>(_: W.Type) {
            let sp = storage.pointer.assumingMemoryBound(to: W.self) + offset
            let dp = out.storage.pointer.assumingMemoryBound(to: W.self)
            var j = 0
            for k in 0..<size where mp[k] != 0 { dp[j] = sp[k]; j += 1 }
        }
        switch itemSize {
        case 1: typed(UInt8.self)
        case 2: typed(UInt16.self)
        case 4: typed(UInt32.self)
        default: typed(UInt64.self)
        }
        return out
    }

    /// `x[m] = v` for a contiguous full mask, when `v` (of this dtype) is one value or exactly one
    /// value per true element; false otherwise (the caller takes the general path, which also
    /// produces numpy's errors).
    func maskScatter(_ m: NDArray, _ value: NDArray) -> Bool {
        guard itemSize <= 8, [1, 2, 4, 8].contains(itemSize) else { return false }
        let v = value.droppingLeadingOnes(toAtMost: 1)
        let single = v.size == 1
        if !single {
            guard v.ndim == 1, v.isCContiguous, v.storage !== storage, v.size == m.countTrue() else { return false }
        }
        // setItem refused a read-only array before choosing this path.
        recordForUndo()
        let mp = m.storage.pointer.assumingMemoryBound(to: UInt8.self) + m.offset
        func typed<W>(_: W.Type) {
            let dp = storage.pointer.assumingMemoryBound(to: W.self) + offset
            let vp = v.storage.pointer.assumingMemoryBound(to: W.self) + v.offset
            if single {
                let x = vp[0]
                for k in 0..<size where mp[k] != 0 { dp[k] = x }
            } else {
                var j = 0
                for k in 0..<size where mp[k] != 0 { dp[k] = vp[j]; j += 1 }
            }
        }
        switch itemSize {
        case 1: typed(UInt8.self)
        case 2: typed(UInt16.self)
        case 4: typed(UInt32.self)
        default: typed(UInt64.self)
        }
        return true
    }
}
