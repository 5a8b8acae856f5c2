/// numpy's ufunc methods `reduce`, `accumulate` and `outer` for any binary ufunc, as one fold.
///
/// numpy's `accumulate` and the `reduce` of every ufunc but add's floats run sequentially in
/// index order: `out[k] = op(out[k - 1], x[k])`. Folding whole slices with the ufunc itself (the
/// axis moved first) gives numpy's values and dtypes for free — NaN rules of maximum, the bool
/// result of logical_and, true division's float64 — because each step *is* that ufunc.
/// (Pairwise float sums stay with `Reductions.reduce(.sum)`; the shell routes plain add there.)
public struct BinaryUfunc: Sendable {
    /// numpy's name (`maximum`), as its messages spell it.
    public let name: String
    let call: @Sendable (Operand, Operand) throws(TensorError) -> NDArray
    /// numpy's `ufunc.identity`: what an empty reduction gives; nil refuses it.
    let identity: Operand?
    /// numpy reduces over several axes at once only when the order cannot matter.
    let reorderable: Bool
    /// add and multiply compute small integers and bools in int64 (uint64), as `np.sum` does.
    let widensSmallIntegers: Bool

    public init(_ op: BinaryOp) {
        name = op.ufuncName
        call = { (a, b) throws(TensorError) in try NDArray.binary(op, a, b) }
        switch op {
        case .add, .bitwiseOr, .bitwiseXor: identity = .int(0)
        case .multiply: identity = .int(1)
        case .bitwiseAnd: identity = .int(-1)
        default: identity = nil
        }
        reorderable = [.add, .multiply, .bitwiseAnd, .bitwiseOr, .bitwiseXor].contains(op)
        widensSmallIntegers = op == .add || op == .multiply
    }

    public init(_ function: BinaryFunction) {
        name = function.rawValue
        call = { (a, b) throws(TensorError) in try NDArray.apply(function, a, b) }
        switch function {
        case .logicalAnd: identity = .bool(true)
        case .logicalOr, .logicalXor: identity = .bool(false)
        default: identity = nil
        }
        reorderable = [.maximum, .minimum, .fmax, .fmin, .logicalAnd, .logicalOr, .logicalXor].contains(function)
        widensSmallIntegers = false
    }
}

extension NDArray {
    /// The input as the ufunc's loop reads it: `dtype=` when given, else int64 for add's and
    /// multiply's small integers.
    func ufuncInput(_ u: BinaryUfunc, dtype: DType?) throws(TensorError) -> NDArray {
        if let dtype { return try astype(dtype) }
        if u.widensSmallIntegers && !self.dtype.isFloat && self.dtype != accumulationType { return try astype(accumulationType) }
        return self
    }

    /// The dtype the ufunc's loop gives for two operands of this dtype (numpy's errors for
    /// loops that do not exist, such as bool subtract).
    func ufuncResultType(_ u: BinaryUfunc) throws(TensorError) -> DType {
        let none = try NDArray(zeros: [0], dtype: dtype)
        return try u.call(.array(none), .array(none)).dtype
    }

    /// `ufunc.accumulate(a, axis=0, dtype=None)`: the running fold along one axis.
    public func accumulate(_ u: BinaryUfunc, axis: Int, dtype: DType? = nil) throws(TensorError) -> NDArray {
        if ndim == 0 { throw TensorError("cannot accumulate on a scalar", kind: .typeError) }
        let ax = try NDArray.normalizeAxis(axis, ndim: ndim)
        var perm = Array(0..<ndim); perm.remove(at: ax); perm.insert(ax, at: 0)
        let src = try ufuncInput(u, dtype: dtype).transpose(perm)
        let outType = try src.ufuncResultType(u)
        var inverse = [Int](repeating: 0, count: ndim)
        for (i, p) in perm.enumerated() { inverse[p] = i }
        let n = src.shape[0]
        if n == 0 || src.size == 0 { return try NDArray.zeros(shape, dtype: outType) }
        var acc = try src.subscripted([.index(0)]).astype(outType)
        var steps = [acc]
        steps.reserveCapacity(n)
        for k in 1..<n {
            try Cancellation.check()
            acc = try u.call(.array(acc), .array(try src.subscripted([.index(k)])))
            steps.append(acc)
        }
        return try NDArray.stack(steps, axis: 0).transpose(inverse).copy()
    }

    /// `ufunc.reduce(a, axis=0, dtype=None, keepdims=False, initial=<none>)` by folding in index
    /// order; `axes: nil` is every axis.
    public func reduce(_ u: BinaryUfunc, axes: [Int]?, keepdims: Bool = false, dtype: DType? = nil,
                       initial: Operand? = nil) throws(TensorError) -> NDArray {
        let src = try ufuncInput(u, dtype: dtype)
        let outType = try src.ufuncResultType(u)
        // numpy reduces a 0-d array to itself.
        if ndim == 0 {
            guard let initial else { return try src.astype(outType) }
            return try u.call(.array(try initial.asArray.astype(outType)), .array(src))
        }
        let ax = try axes.map { (a) throws(TensorError) -> [Int] in
            try NDArray.normalizeAxes(a, ndim: ndim, duplicateMessage: "duplicate value in 'axis'")
        } ?? Array(0..<ndim)
        if ax.count > 1 && !u.reorderable {
            throw TensorError("reduction operation '\(u.name)' is not reorderable, so at most one axis may be specified", kind: .valueError)
        }
        let reduced = ax.sorted(), kept = (0..<ndim).filter { !ax.contains($0) }
        let keptShape = kept.map { shape[$0] }
        let n = reduced.reduce(1) { $0 * shape[$1] }
        let rows = try src.transpose(reduced + kept).reshape([n] + keptShape)
        var acc: NDArray
        var first = 0
        if let initial {
            acc = try initial.asArray.astype(outType).broadcast(to: keptShape).copy()
        } else if n == 0 {
            guard let identity = u.identity else {
                if keptShape.contains(0) { return try NDArray.zeros(outShape(reduced, keepdims), dtype: outType) }
                throw TensorError("zero-size array to reduction operation \(u.name) which has no identity", kind: .valueError)
            }
            acc = try identity.asArray.astype(outType).broadcast(to: keptShape).copy()
        } else {
            acc = try rows.subscripted([.index(0)]).astype(outType)
            first = 1
        }
        if first < n {
            for k in first..<n {
                try Cancellation.check()
                acc = try u.call(.array(acc), .array(try rows.subscripted([.index(k)])))
            }
        }
        return try acc.reshape(outShape(reduced, keepdims))
    }

    private func outShape(_ reduced: [Int], _ keepdims: Bool) -> [Int] {
        keepdims ? (0..<ndim).map { reduced.contains($0) ? 1 : shape[$0] } : (0..<ndim).filter { !reduced.contains($0) }.map { shape[$0] }
    }

    /// `ufunc.outer(A, B)`: the ufunc of every pair, shape `A.shape + B.shape`.
    public static func outer(_ u: BinaryUfunc, _ a: NDArray, _ b: NDArray) throws(TensorError) -> NDArray {
        let left = try a.reshape(a.shape + [Int](repeating: 1, count: b.ndim))
        return try u.call(.array(left), .array(b))
    }
}
