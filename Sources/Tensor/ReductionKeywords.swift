/// numpy's reduction keywords beyond `axis`/`keepdims`: `dtype=`, `initial=`, `where=` and
/// `out=`, for `sum`, `prod`, `max`, `min`, `mean`, `var`, `std`, `cumsum`, `cumprod`.
///
/// Each function follows numpy's own definition (`np.add.reduce`, `_methods._mean`/`_var`):
/// - `dtype=` is the type the loop computes in: the input is cast to it first, so
///   `x.std(dtype=np.float64)` of float32 data computes in float64 (and gives float64).
///   A bool `dtype` makes `sum` numpy's logical or and `prod` its logical and.
/// - `initial=` starts every output there instead of at the identity (cast to the result's
///   dtype as `x[...] = initial` would); max/min of an empty selection then give it.
/// - `where=` (bool, broadcast to the input) leaves elements out; max/min need `initial`.
///   `mean`/`var` divide by the count of selected elements.
/// - `out=` receives the result (cast unsafely, as numpy's reductions do), after numpy's shape
///   checks; the caller returns `out` itself.
public struct ReductionKeywords: Sendable {
    public var dtype: DType?
    public var initial: Operand?
    /// `where=`: any array numpy casts to bool; None means every element.
    public var mask: NDArray?

    public init(dtype: DType? = nil, initial: Operand? = nil, mask: NDArray? = nil) {
        self.dtype = dtype; self.initial = initial; self.mask = mask
    }

    public var isPlain: Bool { dtype == nil && initial == nil && mask == nil }
}

extension NDArray {
    /// `np.sum/max/min(a, axis, dtype=, keepdims, initial=, where=)`. `singleAxis`: `axis` was
    /// one integer (numpy accepts axis 0 or -1 on a 0-d array then).
    public func reduce(_ op: ReduceOp, axis: [Int]?, singleAxis: Bool, keepdims: Bool, keywords kw: ReductionKeywords) throws(TensorError) -> NDArray {
        if op == .mean { return try mean(axis: axis, singleAxis: singleAxis, keepdims: keepdims, keywords: kw) }
        let mask = try kw.mask.map { (m) throws(TensorError) -> NDArray in try broadcastMask(m) }
        var src = self
        if let d = kw.dtype, op == .sum {
            if d == .bool {
                // numpy's add on bools is logical or: the largest truth value.
                return try astype(.bool).reduce(.max, axis: axis, singleAxis: singleAxis, keepdims: keepdims,
                                                keywords: ReductionKeywords(initial: kw.initial ?? .bool(false), mask: kw.mask))
            }
            if d != dtype { src = try astype(d) }
        }
        let resultType: DType
        switch op {
        case .sum: resultType = kw.dtype ?? src.accumulationType
        default: resultType = dtype
        }
        let initial = try kw.initial.map { (v) throws(TensorError) -> NDArray in try v.storedArray(as: resultType).astype(resultType) }
        if let initial, initial.ndim != 0 { throw TensorError("setting an array element with a sequence.", kind: .valueError) }
        let r = try src.reduce(op, axes: axis, singleAxis: singleAxis, keepdims: keepdims, initial: initial, mask: mask)
        return r.dtype == resultType ? r : try r.astype(resultType)
    }

    /// `where=` as numpy takes it: cast to bool, broadcast to this array's shape.
    func broadcastMask(_ m: NDArray) throws(TensorError) -> NDArray {
        let b = m.dtype == .bool ? m : try m.astype(.bool)
        guard (try? NDArray.broadcastShapes([b.shape, shape])) == shape else {
            throw TensorError("operands could not be broadcast together with remapped shapes [original->remapped]: \(numpyShapeString(shape)) \(numpyShapeString(b.shape)) ",
                              kind: .valueError)
        }
        return b.broadcastView(to: shape)
    }

    /// The count of selected elements per output (`_count_reduce_items`): an int64 array
    /// shaped like the reduction's result.
    func selectedCount(axis: [Int]?, singleAxis: Bool, keepdims: Bool, mask: NDArray?) throws(TensorError) -> NDArray {
        if let mask {
            return try mask.reduce(.sum, axes: axis, singleAxis: singleAxis, keepdims: keepdims)
        }
        let n = try reducedCount(axis.map { singleAxis && ndim == 0 ? [] : $0 })
        return NDArray(scalar: Int64(n))
    }

    /// numpy's `true_divide(total, count, casting='unsafe')`: in float64, cast back to the
    /// total's dtype (an integer `dtype=` truncates, as numpy's does).
    static func dividedByCounts(_ total: NDArray, _ count: NDArray) throws(TensorError) -> NDArray {
        let q = try NDArray.binary(.divide, .array(try total.astype(.float64)), .array(try count.astype(.float64)))
        return q.dtype == total.dtype ? q : try q.astype(total.dtype)
    }

    /// `np.mean(a, axis, dtype=, keepdims, where=)`, numpy's `_mean`.
    func mean(axis: [Int]?, singleAxis: Bool, keepdims: Bool, keywords kw: ReductionKeywords) throws(TensorError) -> NDArray {
        if kw.isPlain { return try reduce(.mean, axes: axis, singleAxis: false, keepdims: keepdims) }
        var loop = kw.dtype
        var halfResult = false
        if loop == nil {
            if !dtype.isFloat { loop = .float64 } else if dtype == .float16 { loop = .float32; halfResult = true }
        }
        let total = try reduce(.sum, axis: axis, singleAxis: false, keepdims: keepdims, keywords: ReductionKeywords(dtype: loop, mask: kw.mask))
        let mask = try kw.mask.map { (m) throws(TensorError) -> NDArray in try broadcastMask(m) }
        let count = try selectedCount(axis: axis, singleAxis: false, keepdims: keepdims, mask: mask)
        let r = try NDArray.dividedByCounts(total, count)
        return halfResult ? try r.astype(.float16) : r
    }

    /// `np.var(a, axis, dtype=, ddof, keepdims, where=)`, numpy's `_var` step by step: the mean
    /// by a sum in `dtype` (float64 for integers) over the selected elements, deviations,
    /// squares, their sum over the selected elements, divided by `max(count - ddof, 0)`.
    public func variance(axis: [Int]?, ddof: Double, keepdims: Bool, dtype requested: DType?, mask given: NDArray?) throws(TensorError) -> NDArray {
        if requested == nil && given == nil { return try variance(axis: axis, ddof: ddof, keepdims: keepdims) }
        let loop: DType? = requested ?? (dtype.isFloat ? nil : .float64)
        let mask = try given.map { (m) throws(TensorError) -> NDArray in try broadcastMask(m) }
        let sumKeys = ReductionKeywords(dtype: loop, mask: given)
        let meanSum = try reduce(.sum, axis: axis, singleAxis: false, keepdims: true, keywords: sumKeys)
        let keptCount = try selectedCount(axis: axis, singleAxis: false, keepdims: true, mask: mask)
        let mean = try NDArray.dividedByCounts(meanSum, keptCount)
        let dev = try NDArray.binary(.subtract, .array(self), .array(mean))
        let sq = try NDArray.binary(.multiply, .array(dev), .array(dev))
        let total = try sq.reduce(.sum, axis: axis, singleAxis: false, keepdims: keepdims, keywords: sumKeys)
        let count = try selectedCount(axis: axis, singleAxis: false, keepdims: keepdims, mask: mask)
        let dof = try NDArray.fromDoubles(try count.doubleValues().map { Swift.max($0 - ddof, 0) }, shape: count.shape)
        return try NDArray.dividedByCounts(total, dof)
    }

    /// `np.std` with `dtype=`/`where=`: the square root of `variance`, in its dtype.
    public func standardDeviation(axis: [Int]?, ddof: Double, keepdims: Bool, dtype requested: DType?, mask: NDArray?) throws(TensorError) -> NDArray {
        let v = try variance(axis: axis, ddof: ddof, keepdims: keepdims, dtype: requested, mask: mask)
        if v.dtype.isFloat { return try v.apply(.sqrt) }
        // An integer dtype= : numpy takes sqrt in float64 and casts back.
        return try v.astype(.float64).apply(.sqrt).astype(v.dtype)
    }

    /// `np.prod(a, axis, dtype=, keepdims, initial=, where=)`.
    public func product(axis: [Int]?, keepdims: Bool, keywords kw: ReductionKeywords) throws(TensorError) -> NDArray {
        if kw.isPlain { return try product(axis: axis, keepdims: keepdims) }
        if kw.dtype == .bool {
            // numpy's multiply on bools is logical and: the smallest truth value.
            return try astype(.bool).reduce(.min, axis: axis, singleAxis: false, keepdims: keepdims,
                                            keywords: ReductionKeywords(initial: kw.initial ?? .bool(true), mask: kw.mask))
        }
        var src = self
        if let d = kw.dtype, d != dtype { src = try astype(d) }
        let resultType = kw.dtype ?? src.accumulationType
        if let m = kw.mask {
            // Skipped elements become 1, which leaves any product unchanged (exactly, in floats too).
            src = try NDArray.choose(try src.broadcastMask(m), .array(src), .int(1))
        }
        var r = try src.product(axis: axis, keepdims: keepdims)
        if let initial = kw.initial {
            let i = try initial.storedArray(as: resultType).astype(resultType)
            if i.ndim != 0 { throw TensorError("setting an array element with a sequence.", kind: .valueError) }
            // numpy starts from `initial` and multiplies in index order: initial * a0 * a1 ...
            r = try src.product(axis: axis, keepdims: keepdims, start: i)
        }
        return r.dtype == resultType ? r : try r.astype(resultType)
    }

    /// `np.cumsum/cumprod(a, axis, dtype=)`: the input cast to `dtype` first.
    public func accumulate(product: Bool, axis: Int?, dtype requested: DType?) throws(TensorError) -> NDArray {
        guard let d = requested else { return try accumulate(product: product, axis: axis) }
        if d == .bool {
            // Logical or / and running along the axis, as numpy's bool add / multiply.
            let asInt = try astype(.bool).astype(.int64)
            let r = try asInt.accumulate(product: product, axis: axis)
            return try NDArray.binary(.notEqual, .array(r), .int(0))
        }
        let src = d == dtype ? self : try astype(d)
        let r = try src.accumulate(product: product, axis: axis)
        return r.dtype == d ? r : try r.astype(d)
    }

    /// Writes a reduction's result into `out=` after numpy's checks for reductions: the number
    /// of dimensions, every kept axis's length, and (keepdims) length 1 on reduced axes.
    /// `reducedAxes` are the input's reduced axes (nil: all). Returns `out`.
    public func storeReduction(_ result: NDArray, into out: NDArray, axis: [Int]?, keepdims: Bool, ufunc: String) throws(TensorError) -> NDArray {
        try out.requireWriteable(NDArray.readOnlyOutput)
        var reduced = [Bool](repeating: axis == nil, count: ndim)
        if let axis, ndim > 0 {
            for a in try NDArray.normalizeAxes(axis, ndim: ndim) { reduced[a] = true }
        }
        let expected = keepdims ? ndim : reduced.filter { !$0 }.count
        if out.ndim != expected {
            throw TensorError("output parameter for reduction operation \(ufunc) has the wrong number of dimensions: Found \(out.ndim) but expected \(expected)",
                              kind: .valueError)
        }
        var outAxis = 0
        var remapped: [Int] = []
        for ax in 0..<ndim {
            if reduced[ax] && !keepdims { remapped.append(-1); continue }
            let n = out.shape[outAxis]
            remapped.append(n)
            if reduced[ax] {
                if n != 1 {
                    throw TensorError("operand was set up as a reduction along axis \(ax), but the length of the axis is \(n) (it has to be 1)", kind: .valueError)
                }
            } else if n != shape[ax] {
                if n == 1 {
                    throw TensorError("output operand requires a reduction along dimension \(ax), but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.",
                                      kind: .valueError)
                }
                outAxis += 1
                for rest in (ax + 1)..<ndim {
                    if reduced[rest] && !keepdims { remapped.append(-1) } else if outAxis < out.ndim { remapped.append(out.shape[outAxis]); outAxis += 1 }
                }
                throw TensorError("operands could not be broadcast together with remapped shapes [original->remapped]: \(numpyShapeString(out.shape))->\(numpyShapeString(remapped)) \(numpyShapeString(shape)) ",
                                  kind: .valueError)
            }
            outAxis += 1
        }
        try out.assign(result.dtype == out.dtype ? result : try result.astype(out.dtype))
        return out
    }

    /// Writes a running total into `out=`: the shapes must be equal.
    public func storeAccumulation(_ result: NDArray, into out: NDArray) throws(TensorError) -> NDArray {
        try out.requireWriteable(NDArray.readOnlyOutput)
        if out.shape != result.shape {
            throw TensorError("operands could not be broadcast together with remapped shapes [original->remapped]: \(numpyShapeString(out.shape))->\(numpyShapeString(out.shape)) \(numpyShapeString(result.shape))->\(numpyShapeString(result.shape)) ",
                              kind: .valueError)
        }
        try out.assign(result.dtype == out.dtype ? result : try result.astype(out.dtype))
        return out
    }
}
