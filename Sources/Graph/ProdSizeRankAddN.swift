import Tensor

/// `tf.reduce_prod` (`Prod`; gradient: the product of the other elements of each group, from
/// exclusive products on both sides so a zero element gets it without dividing by zero, as TF's
/// _ProdGrad), `tf.size` and `tf.rank` (`Size`, `Rank`: int32 scalars of the run-time tensor,
/// no gradient), `tf.add_n` (`AddN`: tensors of one shape and dtype summed, the gradient passed
/// to each) and `tf.squared_difference` (`SquaredDifference`, broadcasting: `(x − y)²`,
/// gradient `±2(x − y)·d`).
extension Graph {
    public func reduceProd(_ x: GraphTensor, axes: [Int]?, keepdims: Bool = false, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x])
        let n = uniqueName(name, "Prod")
        if let r = x.shape.rank, let bad = axes?.first(where: { $0 < -r || $0 >= r }) {
            throw TensorError("Invalid reduction dimension \(bad) for input with \(r) dimensions. for '\(n)' (op: 'Prod') with input shapes: \(x.shape.bracketText), [\(axes?.count == 1 ? "" : String(axes?.count ?? 0))] and with computed input tensors: input[1] = <\(axes?.map(String.init).joined(separator: " ") ?? "")>.", kind: .valueError)
        }
        if x.dtype == .bool {
            throw TensorError("Value passed to parameter 'input' has DataType bool not in list of allowed values: float32, float64, int32, uint8, int16, int8, complex64, int64, qint8, quint8, qint32, bfloat16, qint16, quint16, uint16, complex128, float16, uint32, uint64", kind: .typeError)
        }
        let s = try ShapeInference.reduce(x.shape, axes: axes, keepdims: keepdims)
        naming.reserve(n + "/reduction_indices")
        return tensor(kernelOp(n, type: "Prod", ProdKernel(axes: axes, keepdims: keepdims), inputs: [x], outputs: [(s, x.dtype)]))
    }

    public func size(of x: GraphTensor, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x])
        let n = uniqueName(name, "Size")
        return tensor(kernelOp(n, type: "Size", CountKernel(rank: false), inputs: [x], outputs: [(.known([]), .int32)]))
    }

    public func rank(of x: GraphTensor, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x])
        let n = uniqueName(name, "Rank")
        return tensor(kernelOp(n, type: "Rank", CountKernel(rank: true), inputs: [x], outputs: [(.known([]), .int32)]))
    }

    /// A single tensor is returned as it is, as TF's add_n does.
    public func addN(_ xs: [GraphTensor], name: String? = nil) throws(TensorError) -> GraphTensor {
        guard let first = xs.first else {
            throw TensorError("Inputs must be an iterable of at least one Tensor/IndexedSlices with the same dtype and shape.", kind: .valueError)
        }
        try sameGraph(xs)
        if xs.count == 1 { return first }
        guard xs.allSatisfy({ $0.dtype == first.dtype }) else {
            throw TensorError("Tensors in list passed to 'inputs' of 'AddN' Op have types [\(xs.map(\.dtype.name).joined(separator: ", "))] that don't all match.", kind: .typeError)
        }
        let n = uniqueName(name, "AddN")
        let tail = " for '\(n)' (op: 'AddN') with input shapes: \(xs.map(\.shape.bracketText).joined(separator: ", "))."
        var shape = first.shape
        for x in xs.dropFirst() { shape = try ShapeInference.merge(shape, x.shape, suffix: tail) }
        return tensor(kernelOp(n, type: "AddN", AddNKernel(), inputs: xs, outputs: [(shape, first.dtype)]))
    }

    public func squaredDifference(_ a: GraphOperand, _ b: GraphOperand, name: String? = nil) throws(TensorError) -> GraphTensor {
        let n = uniqueName(name, "SquaredDifference")
        var x: GraphTensor, y: GraphTensor
        switch (a, b) {
        case (.value, .tensor(let t)): y = t; x = try operandTensor(a, scope: n, part: "x", dtype: t.dtype)
        case (.tensor(let t), _): x = t; y = try operandTensor(b, scope: n, part: "y", dtype: t.dtype)
        case (.value, .value): x = try operandTensor(a, scope: n, part: "x"); y = try operandTensor(b, scope: n, part: "y", dtype: x.dtype)
        }
        try sameGraph([x, y])
        guard x.dtype == y.dtype else {
            throw TensorError("Input 'y' of 'SquaredDifference' Op has type \(y.dtype.name) that does not match type \(x.dtype.name) of argument 'x'.", kind: .typeError)
        }
        let s = try ShapeInference.broadcast(x.shape, y.shape, op: n, type: "SquaredDifference")
        return tensor(kernelOp(n, type: "SquaredDifference", SquaredDifferenceKernel(), inputs: [x, y], outputs: [(s, x.dtype)]))
    }
}

struct ProdKernel: GraphKernel {
    let axes: [Int]?, keepdims: Bool
    func reduced(_ rank: Int) throws(TensorError) -> [Int] {
        guard let axes else { return Array(0..<rank) }
        var out: [Int] = []
        for a in axes { let k = try ShapeInference.axis(a, rank: rank, "reduce_prod"); if !out.contains(k) { out.append(k) } }
        return out.sorted()
    }
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        let r = try x[0].product(axis: try reduced(x[0].ndim), keepdims: keepdims)
        return [r.dtype == op.outputs[0].dtype ? r : try r.astype(op.outputs[0].dtype)]
    }
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil] }
        let shape = x[0].shape, axes = try reduced(shape.count)
        let kept = (0..<shape.count).filter { !axes.contains($0) }
        // Reduced axes last: each row of (outer, inner) is one product's group.
        let perm = kept + axes
        let moved = try x[0].transpose(perm).copy()
        let inner = axes.reduce(1) { $0 * shape[$1] }, outer = kept.reduce(1) { $0 * shape[$1] }
        let values = try moved.doubleValues(), grads = try d.doubleValues()
        guard grads.count == outer else { throw TensorError("internal: reduce_prod gradient of \(grads.count) for \(outer) groups", kind: .runtimeError) }
        var out = [Float](repeating: 0, count: values.count)
        for o in 0..<outer where inner > 0 {
            let base = o * inner
            var left = 1.0
            var lefts = [Double](repeating: 1, count: inner)
            for i in 0..<inner { lefts[i] = left; left *= values[base + i] }
            var right = 1.0
            for i in stride(from: inner - 1, through: 0, by: -1) {
                out[base + i] = Float(grads[o] * lefts[i] * right)
                right *= values[base + i]
            }
        }
        var inverse = [Int](repeating: 0, count: perm.count)
        for (i, p) in perm.enumerated() { inverse[p] = i }
        return [try NDArray(out, shape: moved.shape).transpose(inverse).copy()]
    }
}

struct CountKernel: GraphKernel {
    let rank: Bool
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        [NDArray(scalar: Int32(truncatingIfNeeded: rank ? x[0].ndim : x[0].size))]
    }
}

struct AddNKernel: GraphKernel {
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        for a in x.dropFirst() where a.shape != x[0].shape {
            throw TensorError("Inputs to operation \(op.name) of type AddN must have the same size and shape.  Input 0: \(shapeList(x[0].shape)) != input 1: \(shapeList(a.shape))", kind: .valueError)
        }
        var sum = x[0]
        for a in x.dropFirst() { sum = try NDArray.add(.array(sum), .array(a)) }
        return [sum.dtype == op.outputs[0].dtype ? sum : try sum.astype(op.outputs[0].dtype)]
    }
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        x.map { _ in dy[0] }
    }
}

struct SquaredDifferenceKernel: GraphKernel {
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        _ = try NDArray.broadcastShapes([x[0].shape, x[1].shape])
        let diff = try NDArray.subtract(.array(x[0]), .array(x[1]))
        let r = try NDArray.multiply(.array(diff), .array(diff))
        return [r.dtype == op.outputs[0].dtype ? r : try r.astype(op.outputs[0].dtype)]
    }
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil, nil] }
        let diff = try NDArray.subtract(.array(x[0]), .array(x[1]))
        let g = try KernelMath.f32(try NDArray.multiply(.array(try NDArray.multiply(.array(d), .array(NDArray(scalar: Float(2))))), .array(diff)))
        return [wanted[0] ? try Gradients.unbroadcast(g, to: x[0].shape) : nil,
                wanted[1] ? try Gradients.unbroadcast(try g.negative(), to: x[1].shape) : nil]
    }
}
