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
        if nd < 2 { return Array(0..<nd) }
        // numpy sorts in reversed-C order (fastest first); do the same, then reverse.
        var perm = Array((0..<nd).reversed())
        func stride(_ op: Int, _ axis: Int) -> Int { shape[axis] == 1 ? 0 : operands[op][axis] }
        insertionSort(&perm) { j0, j1 in
            swapVote(operands.indices.lazy
                .filter { stride($0, j0) != 0 && stride($0, j1) != 0 }
                .map { (stride($0, j0).magnitude, stride($0, j1).magnitude) })
        }
        return perm.reversed()
    }

    /// `PyArray_CreateMultiSortedStridePerm`: the same sort from the slowest axis, where an
    /// operand takes part in a comparison only if both axes have length other than 1.
    static func multiSortedOrder(shape: [Int], arrays: [NDArray]) -> [Int] {
        var perm = Array(0..<shape.count)
        if perm.count < 2 { return perm }
        insertionSort(&perm) { j0, j1 in
            swapVote(arrays.lazy
                .filter { $0.shape[j0] != 1 && $0.shape[j1] != 1 }
                .map { ($0.strides[j1].magnitude, $0.strides[j0].magnitude) })
        }
        return perm
    }

    /// numpy's stable insertion sort of axes, shared by both orders: the axis at `i0` moves left
    /// past every axis that `shouldSwap(moving, other)` says it goes before, and stops at the
    /// first that says no; a pair no operand can compare (`nil`) is stepped over undecided.
    private static func insertionSort(_ perm: inout [Int], shouldSwap: (_ moving: Int, _ other: Int) -> Bool?) {
        for i0 in 1..<perm.count {
            var ipos = i0
            let j0 = perm[i0]
            var i1 = i0 - 1
            while i1 >= 0 {
                if let swap = shouldSwap(j0, perm[i1]) {
                    if swap { ipos = i1 } else { break }
                }
                i1 -= 1
            }
            if ipos != i0 {
                var k = i0
                while k > ipos { perm[k] = perm[k - 1]; k -= 1 }
                perm[ipos] = j0
            }
        }
    }

    /// How numpy's sorts let several operands vote on one pair of axes: each operand that can
    /// compare them gives two stride magnitudes `(low, high)` in the order the sort wants them;
    /// the axes swap only if every such operand has `high > low` (the first decides, later ones
    /// can only veto), and the pair is undecided (`nil`) when no operand can compare them.
    private static func swapVote<S: Sequence>(_ votes: S) -> Bool? where S.Element == (UInt, UInt) {
        var decision: Bool?
        for (low, high) in votes {
            if high <= low { decision = false } else if decision == nil { decision = true }
        }
        return decision
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
    ///
    /// Its bytes are unspecified: every caller's kernel writes each element (a kernel stopped
    /// by Ctrl-C leaves a result the shell drops, see `Cancellation`).
    static func elementwiseResult(shape: [Int], dtype: DType, operands: [NDArray]) throws(TensorError) -> NDArray {
        let order = Layout.iteratorOrder(shape: shape, operands: operands.map(\.strides))
        let n = try Limits.checkAllocation(shape, dtype)
        return NDArray(viewing: Storage(byteCount: n * dtype.itemSize, zeroed: false), dtype: dtype, shape: shape,
                       strides: Layout.strides(shape: shape, order: order), offset: 0, isView: false)
    }
}
