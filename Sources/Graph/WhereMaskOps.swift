import Tensor

/// Choosing elements by a condition: `tf.where(c, x, y)` (TF1's `Select`: c of x's shape, or a
/// vector choosing whole rows; not numpy's broadcasting), `tf.where(c)` (`Where`: the int64
/// coordinates of the true elements, one row each), `tf.boolean_mask(t, mask)` (the elements
/// or rows where the mask holds, TF's `boolean_mask/GatherV2`), and `tf.sequence_mask(lengths,
/// maxlen)` (`SequenceMask/Less`: row i true in its first `lengths[i]` places). Select's
/// gradient goes to x where c holds and to y elsewhere; boolean_mask's back to the rows it
/// took; the others have none (their outputs are coordinates and flags).
extension Graph {
    public func select(_ condition: GraphOperand, _ x: GraphOperand, _ y: GraphOperand, name: String? = nil) throws(TensorError) -> GraphTensor {
        let n = uniqueName(name, "Select")
        let c = try operandTensor(condition, scope: n, part: "condition", dtype: nil)
        // A Python value takes the other branch's dtype, as TF converts it.
        var xt: GraphTensor, yt: GraphTensor
        switch (x, y) {
        case (.value, .tensor(let b)):
            yt = try operandTensor(y, scope: n, part: "e"); xt = try operandTensor(x, scope: n, part: "t", dtype: b.dtype)
        case (.tensor(let a), _):
            xt = try operandTensor(x, scope: n, part: "t"); yt = try operandTensor(y, scope: n, part: "e", dtype: a.dtype)
        case (.value, .value):
            xt = try operandTensor(x, scope: n, part: "t"); yt = try operandTensor(y, scope: n, part: "e", dtype: xt.dtype)
        }
        guard c.dtype == .bool else {
            throw TensorError("Input 'condition' of 'Select' Op has type \(c.dtype.name) that does not match expected type of bool.", kind: .typeError)
        }
        guard xt.dtype == yt.dtype else {
            throw TensorError("Input 'e' of 'Select' Op has type \(yt.dtype.name) that does not match type \(xt.dtype.name) of argument 't'.", kind: .typeError)
        }
        let tail = " for '\(n)' (op: 'Select') with input shapes: \(c.shape.bracketText), \(xt.shape.bracketText), \(yt.shape.bracketText)."
        let shape = try ShapeInference.merge(xt.shape, yt.shape, suffix: tail)
        if let cr = c.shape.rank, let r = shape.rank, cr != r {
            // TF1's Select: a vector condition picks rows (its length the first dimension).
            guard cr == 1 else {
                throw TensorError("Shapes must be equal rank, but are \(cr) and \(r)" + tail, kind: .valueError)
            }
            _ = try ShapeInference.merge(StaticShape([c.shape.dim(0)]), StaticShape([shape.dim(0)]), suffix: tail)
        } else {
            _ = try ShapeInference.merge(c.shape, shape, suffix: tail)
        }
        return tensor(kernelOp(n, type: "Select", SelectKernel(), inputs: [c, xt, yt], outputs: [(shape, xt.dtype)]))
    }

    public func whereTrue(_ condition: GraphTensor, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([condition])
        let n = uniqueName(name, "Where")
        let shape = StaticShape([nil, condition.shape.rank])
        return tensor(kernelOp(n, type: "Where", WhereKernel(), inputs: [condition], outputs: [(condition.shape.rank == nil ? .unknown : shape, .int64)]))
    }

    public func booleanMask(_ x: GraphTensor, _ mask: GraphOperand, axis: Int = 0, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x])
        let scope = uniqueName(name, "boolean_mask")
        let m = try operandTensor(mask, scope: scope, part: "mask")
        guard let k = m.shape.rank else {
            throw TensorError("Number of mask dimensions must be specified, even if some dimensions are None.  E.g. shape=[None] is ok, but shape=None is not.", kind: .valueError)
        }
        guard k > 0 else { throw TensorError("mask cannot be scalar.", kind: .valueError) }
        guard m.dtype == .bool else {
            throw TensorError("Input 'mask' of boolean_mask has type \(m.dtype.name), expected bool", kind: .typeError)
        }
        var shape = StaticShape.unknown
        if let d = x.shape.dims {
            let a = axis < 0 ? axis + d.count : axis
            guard a >= 0, a + k <= d.count else {
                throw TensorError("Shapes \(StaticShape(Array(d[max(0, min(a, d.count))...]))) and \(m.shape) are incompatible", kind: .valueError)
            }
            try ShapeInference.compatible(StaticShape(Array(d[a..<(a + k)])), m.shape)
            shape = StaticShape(Array(d[..<a]) + [nil] + Array(d[(a + k)...]))
        }
        let out = scope + "/GatherV2"
        naming.reserve(out)
        return tensor(kernelOp(out, type: "GatherV2", BooleanMaskKernel(axis: axis, maskRank: k), inputs: [x, m], outputs: [(shape, x.dtype)]))
    }

    /// `maxlen` nil: the longest length, known only when the mask is computed.
    public func sequenceMask(_ lengths: GraphOperand, maxlen: Int? = nil, dtype: DType = .bool, name: String? = nil) throws(TensorError) -> GraphTensor {
        let scope = uniqueName(name, "SequenceMask")
        let l = try operandTensor(lengths, scope: scope, part: "lengths")
        var shape = StaticShape.unknown
        if let d = l.shape.dims { shape = StaticShape(d + [maxlen]) }
        if let m = maxlen, m < 0 {
            throw TensorError("maxlen must be non-negative, got \(m)", kind: .valueError)
        }
        // TF's last op: the Less, or the Cast of it when a dtype other than bool is asked for.
        let out = scope + (dtype == .bool ? "/Less" : "/Cast_1")
        naming.reserve(out)
        return tensor(kernelOp(out, type: dtype == .bool ? "Less" : "Cast", SequenceMaskKernel(maxlen: maxlen, dtype: dtype),
                               inputs: [l], outputs: [(shape, dtype)]))
    }
}

struct SelectKernel: GraphKernel {
    /// The condition as the values' shape (a vector condition repeated along each row).
    func condition(_ c: NDArray, _ shape: [Int]) throws(TensorError) -> NDArray {
        if c.shape == shape { return c }
        guard c.ndim == 1, let first = shape.first, c.shape[0] == first else {
            throw TensorError("'then' and 'else' must have the same size.  but received: \(shapeList(shape)) vs. \(shapeList(c.shape))", kind: .valueError)
        }
        return try c.reshape([first] + [Int](repeating: 1, count: shape.count - 1))
    }
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        guard x[1].shape == x[2].shape else {
            throw TensorError("'then' and 'else' must have the same size.  but received: \(shapeList(x[1].shape)) vs. \(shapeList(x[2].shape))", kind: .valueError)
        }
        let c = try condition(x[0], x[1].shape)
        let r = try NDArray.choose(c, .array(x[1]), .array(x[2]))
        return [r.dtype == x[1].dtype ? r : try r.astype(x[1].dtype)]
    }
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil, nil, nil] }
        let c = try condition(x[0], x[1].shape)
        let g = try KernelMath.f32(d), zero = NDArray(scalar: Float(0))
        return [nil, wanted[1] ? try NDArray.choose(c, .array(g), .array(zero)) : nil,
                wanted[2] ? try NDArray.choose(c, .array(zero), .array(g)) : nil]
    }
}

struct WhereKernel: GraphKernel {
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        [try x[0].argwhere().astype(.int64)]
    }
}

struct BooleanMaskKernel: GraphKernel {
    let axis: Int, maskRank: Int
    /// x as (before, masked elements, after) and the flat positions the mask keeps.
    func layout(_ x: NDArray, _ mask: NDArray) throws(TensorError) -> (before: [Int], count: Int, after: [Int], kept: [Int]) {
        let a = axis < 0 ? axis + x.ndim : axis
        guard a >= 0, a + maskRank <= x.ndim, Array(x.shape[a..<(a + maskRank)]) == mask.shape else {
            throw TensorError("Shapes \(StaticShape.known(Array(x.shape.dropFirst(max(0, min(a, x.ndim)))))) and \(StaticShape.known(mask.shape)) are incompatible", kind: .valueError)
        }
        let kept = try mask.boolValues().enumerated().compactMap { $0.element ? $0.offset : nil }
        return (Array(x.shape[..<a]), mask.size, Array(x.shape[(a + maskRank)...]), kept)
    }
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        let (before, count, after, kept) = try layout(x[0], x[1])
        let flat = try x[0].reshape(before + [count] + after)
        let idx = try NDArray.fromInt64s(kept.map { Int64($0) }, shape: [kept.count])
        return [try flat.take(idx, axis: before.count)]
    }
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil, nil] }
        let (before, count, after, kept) = try layout(x[0], x[1])
        let g = try NDArray.zeros(before + [count] + after, dtype: .float32)
        let src = try KernelMath.f32(d)
        var to = [IndexItem](repeating: .all, count: g.ndim), from = to
        for (k, i) in kept.enumerated() {
            to[before.count] = .index(i); from[before.count] = .index(k)
            try g.subscripted(to).assign(try src.subscripted(from))
        }
        return [try g.reshape(x[0].shape), nil]
    }
}

struct SequenceMaskKernel: GraphKernel {
    let maxlen: Int?, dtype: DType
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        let lengths = try x[0].doubleValues()
        // Without maxlen TF takes the longest length (0 for no rows).
        let longest = max(0, lengths.max() ?? 0).rounded(.up)
        // A length beyond int32 (or NaN) cannot be a width: refused before converting it.
        guard maxlen != nil || (longest.isFinite && longest <= Double(Int32.max)) else {
            throw TensorError("sequence_mask: the longest length \(longest) is not a valid maxlen", kind: .valueError)
        }
        let width = maxlen ?? Int(longest)
        let shape = x[0].shape + [width]
        _ = try Limits.checkAllocation(shape, dtype)
        var flags = [Bool](repeating: false, count: lengths.count * width)
        for (r, l) in lengths.enumerated() {
            for j in 0..<width where Double(j) < l { flags[r * width + j] = true }
        }
        let mask = try NDArray.fromBools(flags, shape: shape)
        return [dtype == .bool ? mask : try mask.astype(dtype)]
    }
}
