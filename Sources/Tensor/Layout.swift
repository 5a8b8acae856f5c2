/// The memory layout numpy gives a *new* array computed from existing ones.
///
/// numpy allocates results in "K" order: the output's axes are laid out in the order of the
/// inputs' strides, so `a.T + 1`, `np.exp(a.T)` and `a.T.astype(...)` are Fortran-ordered when
/// `a` is C-ordered. That is visible (strides, and whether a later reshape is a view), so rnnsh
/// reproduces it with numpy's own stable insertion sorts (nditer's
/// `npyiter_find_best_axis_ordering`, and `PyArray_CreateMultiSortedStridePerm` for
/// `concatenate`). Strides are in elements; results always have positive strides.
enum Layout {
    /// The axes from slowest- to fastest-varying in memory, as numpy's iterator orders them for
    /// operands with these (broadcast, element) strides. An axis of length 1 compares as stride 0;
    /// stride-0 pairs are ambiguous and keep C order; when operands disagree, C order wins.
    static func iteratorOrder(shape: [Int], operands: [[Int]]) -> [Int] {
        let nd = shape.count
        // numpy sorts in reversed-C order (fastest first); do the same, then reverse.
        var perm = Array((0..<nd).reversed())
        func stride(_ op: Int, _ axis: Int) -> Int { shape[axis] == 1 ? 0 : operands[op][axis] }
        if nd < 2 { return Array(0..<nd) }
        for i0 in 1..<nd {
            var ipos = i0
            let j0 = perm[i0]
            var i1 = i0 - 1
            while i1 >= 0 {
                let j1 = perm[i1]
                var ambiguous = true, shouldSwap = false
                for op in operands.indices {
                    let s0 = stride(op, j0), s1 = stride(op, j1)
                    if s0 != 0 && s1 != 0 {
                        if s1.magnitude <= s0.magnitude { shouldSwap = false } else if ambiguous { shouldSwap = true }
                        ambiguous = false
                    }
                }
                if !ambiguous {
                    if shouldSwap { ipos = i1 } else { break }
                }
                i1 -= 1
            }
            if ipos != i0 {
                var k = i0
                while k > ipos { perm[k] = perm[k - 1]; k -= 1 }
                perm[ipos] = j0
            }
        }
        return perm.reversed()
    }

    /// `PyArray_CreateMultiSortedStridePerm`: the same sort from the slowest axis, where an
    /// operand takes part in a comparison only if both axes have length other than 1.
    static func multiSortedOrder(shape: [Int], arrays: [NDArray]) -> [Int] {
        let nd = shape.count
        var perm = Array(0..<nd)
        if nd < 2 { return perm }
        for i0 in 1..<nd {
            var ipos = i0
            let j0 = perm[i0]
            var i1 = i0 - 1
            while i1 >= 0 {
                let j1 = perm[i1]
                var ambiguous = true, shouldSwap = false
                for a in arrays where a.shape[j0] != 1 && a.shape[j1] != 1 {
                    if a.strides[j0].magnitude <= a.strides[j1].magnitude { shouldSwap = false } else if ambiguous { shouldSwap = true }
                    ambiguous = false
                }
                if !ambiguous {
                    if shouldSwap { ipos = i1 } else { break }
                }
                i1 -= 1
            }
            if ipos != i0 {
                var k = i0
                while k > ipos { perm[k] = perm[k - 1]; k -= 1 }
                perm[ipos] = j0
            }
        }
        return perm
    }

    /// Dense positive strides for `shape` with axes laid out slowest-first in `order`.
    static func strides(shape: [Int], order: [Int]) -> [Int] {
        var st = [Int](repeating: 0, count: shape.count)
        var s = 1
        for axis in order.reversed() {
            st[axis] = s
            s *= Swift.max(shape[axis], 1)
        }
        return st
    }
}

extension NDArray {
    /// A new zero-filled array of `shape` laid out in the given axis order (dense, positive
    /// strides), checked against `Limits` before allocating.
    init(zeros shape: [Int], dtype: DType, order: [Int]) throws(TensorError) {
        let n = try Limits.checkAllocation(shape, dtype)
        self.init(viewing: Storage(byteCount: n * dtype.itemSize), dtype: dtype, shape: shape,
                  strides: Layout.strides(shape: shape, order: order), offset: 0, isView: false)
    }

    /// A new array shaped like the result of an elementwise operation over `operands` (already
    /// broadcast to `shape`), in numpy's K order.
    static func elementwiseResult(shape: [Int], dtype: DType, operands: [NDArray]) throws(TensorError) -> NDArray {
        let order = Layout.iteratorOrder(shape: shape, operands: operands.map(\.strides))
        return try NDArray(zeros: shape, dtype: dtype, order: order)
    }
}
