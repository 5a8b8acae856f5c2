/// `np.partition` / `np.argpartition`: the element that belongs at each `kth` position in sorted
/// order is put there, with nothing greater before it and nothing smaller after it.
///
/// numpy defines only that; the order within each side comes from its introselect, which
/// differs between CPUs (x86-simd-sort on AVX-512 machines). rnnsh sorts the whole lane (a
/// stable sort), which satisfies the contract for every kth at once; docs/numpy-algorithms.md
/// says so. For small arrays numpy's own result is often the sorted one too.
extension NDArray {
    /// The kth positions, checked as numpy checks them: `kth(=5) out of bounds (3)`.
    func checkedKth(_ kth: [Int], axis: Int?) throws(TensorError) {
        let n: Int
        if let axis {
            if ndim == 0 { throw TensorError("axis \(axis) is out of bounds for array of dimension 0", kind: .axisError) }
            n = shape[try NDArray.normalizeAxis(axis, ndim: ndim)]
        } else {
            n = size
        }
        // numpy adds n to a negative kth before it checks (so -4 of 3 reports -1).
        for k in kth {
            let shown = k < 0 ? k + n : k
            if shown < 0 || shown >= n { throw TensorError("kth(=\(shown)) out of bounds (\(n))", kind: .valueError) }
        }
    }

    /// `np.partition(a, kth, axis=-1)`.
    public func partitioned(kth: [Int], axis: Int? = -1) throws(TensorError) -> NDArray {
        try checkedKth(kth, axis: axis)
        return try sorted(axis: axis)
    }

    /// `np.argpartition(a, kth, axis=-1)`: indices that partition each lane.
    public func argpartitioned(kth: [Int], axis: Int? = -1) throws(TensorError) -> NDArray {
        try checkedKth(kth, axis: axis)
        return try argsorted(axis: axis)
    }
}
