/// numpy's selections by index array and by condition: `np.choose` and `np.compress`.
extension NDArray {
    /// `np.choose(a, choices, mode='raise')`: element i of the (broadcast) result is
    /// `choices[a[i]][i]`. The choices and `a` broadcast together (numpy's multi-iterator error
    /// names the arguments counting the choices first); the result has their common dtype.
    public static func choose(_ a: NDArray, from choices: [NDArray], mode: ClipMode = .raise) throws(TensorError) -> NDArray {
        guard !choices.isEmpty else { throw TensorError("0-length sequence.", kind: .valueError) }
        if !(a.dtype.isInteger || a.dtype == .bool) {
            throw TensorError("Cannot cast array data from dtype('\(a.dtype.name)') to dtype('int64') according to the rule 'safe'", kind: .typeError)
        }
        let shape = try RandomSampling.broadcastShape(size: nil, choices + [a])
        let dt = DType.resultType(choices.map(\.dtype)) ?? choices[0].dtype
        let n = choices.count
        var raw = try a.astype(.int64).broadcast(to: shape).int64Values()
        for k in raw.indices {
            let i = Int(raw[k])
            switch mode {
            case .raise: if i < 0 || i >= n { throw TensorError("invalid entry in choice array", kind: .valueError) }
            case .wrap: raw[k] = Int64(((i % n) + n) % n)
            case .clip: raw[k] = Int64(Swift.min(Swift.max(i, 0), n - 1))
            }
        }
        var stacked: [NDArray] = []
        for c in choices { stacked.append(try c.astype(dt).broadcast(to: shape)) }
        let all = try stack(stacked, axis: 0)
        let index = try fromInt64s(raw, shape: [1] + shape)
        return try all.takeAlongAxis(index, axis: 0).reshape(shape)
    }

    /// `np.compress(condition, a, axis=None)`: the slices along `axis` (of the flattened array
    /// when None) where the 1-d condition holds; a shorter condition counts as False.
    public func compress(_ condition: NDArray, axis: Int?) throws(TensorError) -> NDArray {
        guard condition.ndim == 1 else { throw TensorError("condition must be a 1-d array", kind: .valueError) }
        let source = axis == nil ? try ravel() : self
        let ax = try NDArray.normalizeAxis(axis ?? 0, ndim: source.ndim)
        let picked = try condition.astype(.bool).boolValues().enumerated().compactMap { $0.element ? Int64($0.offset) : nil }
        return try source.take(try NDArray.fromInt64s(picked, shape: [picked.count]), axis: ax)
    }

    /// `np.extract(condition, arr)`: the elements of the flattened arr where the flattened
    /// condition is nonzero (a shorter condition counts as False, as `compress` does).
    public func extract(_ condition: NDArray) throws(TensorError) -> NDArray {
        try compress(try condition.ravel(), axis: nil)
    }

    /// `np.lexsort(keys, axis=-1)`: indices sorting by the last key, ties broken by the one
    /// before it, and so on; each pass is the stable argsort, so equal keys keep their order.
    public static func lexsort(_ keys: [NDArray], axis: Int = -1) throws(TensorError) -> NDArray {
        guard let first = keys.first else { throw TensorError("need sequence of keys with len > 0 in lexsort", kind: .typeError) }
        for k in keys where k.shape != first.shape { throw TensorError("all keys need to be the same shape", kind: .valueError) }
        if first.ndim == 0 { return try NDArray.fromInt64s([0], shape: []) }
        let ax = try normalizeAxis(axis, ndim: first.ndim)
        var order = try first.argsorted(axis: ax)
        for key in keys.dropFirst() {
            let reordered = try key.takeAlongAxis(order, axis: ax)
            order = try order.takeAlongAxis(try reordered.argsorted(axis: ax), axis: ax)
        }
        return order
    }
}
