/// numpy's `np.delete` and `np.insert` (`lib/_function_base_impl.py`): a new array with
/// positions along one axis removed or added. `axis=None` works on the flattened array.
///
/// `obj` arrives as an `IndexItem`: `.index` for a Python int, `.slice` for a slice object,
/// `.array` for a list or array of positions (integers, or a bool mask). The steps follow
/// numpy's own code, so the same inputs fail with the same words: out-of-range positions are
/// IndexErrors that name the axis and its size, a wrong-shaped mask is a ValueError.
extension NDArray {
    /// The array and axis numpy works on: `axis=None` flattens (a 1-d array stays itself).
    private func editTarget(axis: Int?) throws(TensorError) -> (NDArray, Int) {
        guard let axis else {
            let flat = ndim == 1 ? self : try ravel()
            return (flat, 0)
        }
        return (self, try NDArray.normalizeAxis(axis, ndim: ndim))
    }

    /// `[:, :, item]` with `item` at `axis`.
    private static func along(_ axis: Int, _ item: IndexItem) -> [IndexItem] {
        [IndexItem](repeating: .all, count: axis) + [item]
    }

    /// `np.delete(arr, obj, axis=None)`.
    public func deleting(_ obj: IndexItem, axis: Int?) throws(TensorError) -> NDArray {
        let (arr, ax) = try editTarget(axis: axis)
        let n = arr.shape[ax]
        var keep = [Bool](repeating: true, count: n)
        switch obj {
        case .index(let i):
            keep = try NDArray.keepAllBut(i, n: n, axis: ax)
        case .slice(let start, let stop, let step):
            let (s, count, st) = try NDArray.sliceIndices(start: start, stop: stop, step: step, length: n)
            if count <= 0 { return try arr.copy() }
            for k in 0..<count { keep[s + k * st] = false }
        case .array(let positions):
            if positions.dtype == .bool {
                guard positions.shape == [n] else {
                    throw TensorError("boolean array argument obj to delete must be one dimensional and match the axis length of \(n)",
                                      kind: .valueError)
                }
                keep = try positions.boolValues().map { !$0 }
            } else if positions.size == 1 && positions.dtype.isInteger {
                // numpy treats a one-element integer list like the int itself.
                keep = try NDArray.keepAllBut(Int(try positions.int64Values()[0]), n: n, axis: ax)
            } else {
                // numpy: `keep[obj,] = False` (its IndexErrors name axis 0 of `keep`).
                let mask = try NDArray.fromBools(keep, shape: [n])
                try mask.setItem([.array(positions)], .bool(false))
                keep = try mask.boolValues()
            }
        case .ellipsis, .newAxis:
            throw TensorError("only integers, slices, and integer or boolean arrays are valid positions", kind: .indexError)
        }
        return try arr.subscripted(NDArray.along(ax, .array(try NDArray.fromBools(keep, shape: [n]))))
    }

    /// The keep-mask of a single deleted position, range-checked as numpy does.
    private static func keepAllBut(_ i: Int, n: Int, axis: Int) throws(TensorError) -> [Bool] {
        guard i >= -n && i < n else {
            throw TensorError("index \(i) is out of bounds for axis \(axis) with size \(n)", kind: .indexError)
        }
        var keep = [Bool](repeating: true, count: n)
        keep[i < 0 ? i + n : i] = false
        return keep
    }

    /// `np.insert(arr, obj, values, axis=None)`. `objText` is how Python prints `obj`, for
    /// numpy's out-of-range message (`index [7] is out of bounds for axis 0 with size 3`).
    public func inserting(_ obj: IndexItem, _ values: Operand, axis: Int?, objText: String) throws(TensorError) -> NDArray {
        let (arr, ax) = try editTarget(axis: axis)
        let n = arr.shape[ax]
        // numpy's `indices` (an int array) and whether obj was a scalar (0-d).
        var indices: [Int64]
        var scalarObj = false
        switch obj {
        case .index(let i):
            indices = [Int64(i)]; scalarObj = true
        case .slice(let start, let stop, let step):
            let (s, count, st) = try NDArray.sliceIndices(start: start, stop: stop, step: step, length: n)
            indices = (0..<Swift.max(count, 0)).map { Int64(s + $0 * st) }
        case .array(let a):
            if a.dtype == .bool {
                if a.ndim != 1 { throw TensorError("boolean array argument obj to insert must be one dimensional", kind: .valueError) }
                indices = try a.boolValues().enumerated().filter(\.element).map { Int64($0.offset) }
            } else {
                if a.ndim > 1 { throw TensorError("index array argument obj to insert must be one dimensional or scalar", kind: .valueError) }
                if a.dtype.isFloat && a.size > 0 {
                    if a.size == 1 {
                        throw TensorError("slice indices must be integers or None or have an __index__ method", kind: .typeError)
                    }
                    throw TensorError("arrays used as indices must be of integer (or boolean) type", kind: .indexError)
                }
                indices = try a.int64Values()
                scalarObj = a.ndim == 0
            }
        case .ellipsis, .newAxis:
            throw TensorError("only integers, slices, and integer or boolean arrays are valid positions", kind: .indexError)
        }
        var newShape = arr.shape
        if indices.count == 1 {
            var index = Int(indices[0])
            guard index >= -n && index <= n else {
                throw TensorError("index \(objText) is out of bounds for axis \(ax) with size \(n)", kind: .indexError)
            }
            if index < 0 { index += n }
            // numpy: `values = np.array(values, ndmin=arr.ndim, dtype=arr.dtype)`, and a scalar
            // position inserts along `axis` what was values' first axis.
            var v = try values.storedArray(as: arr.dtype)
            if v.dtype != arr.dtype { v = try v.astype(arr.dtype) }
            if v.ndim < arr.ndim { v = try v.reshape([Int](repeating: 1, count: arr.ndim - v.ndim) + v.shape) }
            if scalarObj { v = try v.movedAxes([0], [ax]) }
            let added = v.shape[ax]
            newShape[ax] += added
            let out = try NDArray(zeros: newShape, dtype: arr.dtype)
            try out.setItem(NDArray.along(ax, .slice(start: nil, stop: index, step: nil)),
                            .array(try arr.subscripted(NDArray.along(ax, .slice(start: nil, stop: index, step: nil)))))
            try out.setItem(NDArray.along(ax, .slice(start: index, stop: index + added, step: nil)), .array(v))
            try out.setItem(NDArray.along(ax, .slice(start: index + added, stop: nil, step: nil)),
                            .array(try arr.subscripted(NDArray.along(ax, .slice(start: index, stop: nil, step: nil)))))
            return out
        }
        // Several positions: each shifts by the number inserted before it (stable order).
        for k in indices.indices where indices[k] < 0 { indices[k] += Int64(n) }
        let order = try InterruptibleSort.sorted(Array(indices.indices)) { indices[$0] < indices[$1] }
        for (k, i) in order.enumerated() { indices[i] += Int64(k) }
        newShape[ax] += indices.count
        let positions = try NDArray.fromInt64s(indices, shape: [indices.count])
        let oldMask = try NDArray.fromBools([Bool](repeating: true, count: newShape[ax]), shape: [newShape[ax]])
        try oldMask.setItem([.array(positions)], .bool(false))
        let out = try NDArray(zeros: newShape, dtype: arr.dtype)
        try out.setItem(NDArray.along(ax, .array(positions)), values)
        try out.setItem(NDArray.along(ax, .array(oldMask)), .array(arr))
        return out
    }
}
