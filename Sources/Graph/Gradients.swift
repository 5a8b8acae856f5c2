import Tensor
import RNN

/// Reverse-mode differentiation over the graph (TF1's `tf.gradients`, which `minimize` uses):
/// from d loss/d loss = 1, each op on a path between a variable and the loss turns its outputs'
/// gradients into its inputs', in reverse graph order, summing where a tensor is used twice.
/// Values come from the forward pass of the same run. Ops off every such path are skipped, so
/// training the tutorial's model never differentiates the shape ops on the images.
enum Gradients {
    /// The variables (op ids) `loss` depends on.
    static func variablesReaching(_ loss: GraphTensor, in g: Graph) -> Set<Int> {
        var seen = Set<Int>(), stack = [loss.op], found = Set<Int>()
        while let op = stack.popLast() {
            if !seen.insert(op).inserted { continue }
            if case .variable = g.ops[op].kind { found.insert(op) }
            // No gradient reaches a variable only through tf.stop_gradient.
            if case .stopGradient = g.ops[op].kind { continue }
            for i in g.ops[op].inputs { stack.append(i.op) }
        }
        return found
    }

    /// The ops on a path from one of `variables` to `loss`.
    static func path(to loss: GraphTensor, from variables: Set<Int>, in g: Graph) -> Set<Int> {
        var ancestors = Set<Int>(), stack = [loss.op]
        while let op = stack.popLast() {
            if !ancestors.insert(op).inserted { continue }
            for i in g.ops[op].inputs { stack.append(i.op) }
        }
        var depends = Set<Int>()
        for op in ancestors.sorted() {
            if variables.contains(op) || g.ops[op].inputs.contains(where: { depends.contains($0.op) }) { depends.insert(op) }
        }
        return depends
    }

    /// d loss / d variable for each of `variables` (op id → gradient; absent: no path).
    static func compute(loss: GraphTensor, variables: [Int], run: inout Run) throws(TensorError) -> [Int: NDArray] {
        let g = run.graph
        let onPath = path(to: loss, from: Set(variables), in: g)
        var grads: [GraphTensor: NDArray] = [:]
        let lossValue = try run.value(loss)
        grads[loss] = try NDArray.ones(lossValue.shape, dtype: .float32)
        func add(_ t: GraphTensor, _ d: NDArray) throws(TensorError) {
            if let old = grads[t] { grads[t] = try NDArray.add(.array(old), .array(d)) } else { grads[t] = d }
        }
        for id in onPath.sorted(by: >) {
            let op = g.ops[id]
            if case .variable = op.kind { continue }
            let outGrads = (0..<op.outputs.count).map { grads[GraphTensor(graph: g, op: id, index: $0)] }
            if outGrads.allSatisfy({ $0 == nil }) { continue }
            let wanted = op.inputs.map { onPath.contains($0.op) && run.feeds[$0] == nil }
            if !wanted.contains(true) { continue }
            var xs: [NDArray] = []
            for t in op.inputs { xs.append(try run.value(t)) }
            let inGrads = try backward(id, op, xs, outGrads, wanted, run: &run)
            for (k, t) in op.inputs.enumerated() where wanted[k] {
                if k < inGrads.count, let d = inGrads[k] { try add(t, d) }
            }
        }
        var out: [Int: NDArray] = [:]
        for v in variables { if let d = grads[GraphTensor(graph: g, op: v, index: 0)] { out[v] = d } }
        return out
    }

    /// The gradient of each input of one op.
    static func backward(_ id: Int, _ op: Op, _ x: [NDArray], _ dy: [NDArray?], _ wanted: [Bool],
                         run: inout Run) throws(TensorError) -> [NDArray?] {
        func zeros(_ a: NDArray) throws(TensorError) -> NDArray { try NDArray.zeros(a.shape, dtype: .float32) }
        switch op.kind {
        case .recurrent(let spec):
            return try run.session.recurrentGradients(id, spec, inputs: x, outputGrads: dy, wanted: wanted)
        case .kernel(let k):
            var y: [NDArray] = []
            for i in 0..<op.outputs.count { y.append(try run.value(GraphTensor(graph: run.graph, op: id, index: i))) }
            return try k.backward(x, y, dy, wanted: wanted, op)
        default: break
        }
        guard let d = dy[0] ?? (op.outputs.count > 1 ? nil : nil) else {
            // Multi-output ops (split, unstack) may have gradients on some outputs only.
            if case .split = op.kind {} else if case .unstack = op.kind {} else { return [] }
            return try multiOutput(op, x, dy)
        }
        switch op.kind {
        case .transpose(let perm):
            let p = perm ?? Array((0..<x[0].ndim).reversed())
            var inverse = [Int](repeating: 0, count: p.count)
            for (i, a) in p.enumerated() { inverse[a] = i }
            return [try d.transpose(inverse)]
        case .reshape:
            return [try d.reshape(x[0].shape)]
        case .split, .unstack:
            return try multiOutput(op, x, dy)
        case .stack(let axis):
            let a = axis < 0 ? axis + d.ndim : axis
            var out: [NDArray?] = []
            for k in 0..<x.count {
                var items = [IndexItem](repeating: .all, count: d.ndim)
                items[a] = .index(k)
                out.append(try d.subscripted(items))
            }
            return out
        case .reverse:
            return [try ReverseKernels.reverse(d, x[1]), nil]
        case .reverseSequence(let seqAxis, let batchAxis):
            return [try ReverseKernels.reverseSequence(d, x[1], seqAxis: seqAxis, batchAxis: batchAxis), nil]
        case .gather:
            return [try GatherKernels.backward(x[0], x[1], x[2], d), nil, nil]
        case .concat(let axis):
            let a = try ShapeInference.axis(axis, rank: x[0].ndim, "concat")
            var out: [NDArray?] = []
            var start = 0
            for xi in x {
                let n = xi.shape[a]
                var items = [IndexItem](repeating: .all, count: d.ndim)
                items[a] = .slice(start: start, stop: start + n, step: nil)
                out.append(try d.subscripted(items))
                start += n
            }
            return out
        case .matmul(let ta, let tb):
            // TF's _MatMulGrad for each combination of transposes.
            let a = x[0], b = x[1]
            func mm(_ p: NDArray, _ q: NDArray) throws(TensorError) -> NDArray { try NDArray.matmul(p, q) }
            let da: NDArray?, db: NDArray?
            switch (ta, tb) {
            case (false, false):
                da = wanted[0] ? try mm(d, try b.transpose()) : nil
                db = wanted[1] ? try mm(try a.transpose(), d) : nil
            case (false, true):
                da = wanted[0] ? try mm(d, b) : nil
                db = wanted[1] ? try mm(try d.transpose(), a) : nil
            case (true, false):
                da = wanted[0] ? try mm(b, try d.transpose()) : nil
                db = wanted[1] ? try mm(a, d) : nil
            case (true, true):
                da = wanted[0] ? try mm(try b.transpose(), try d.transpose()) : nil
                db = wanted[1] ? try mm(try d.transpose(), try a.transpose()) : nil
            }
            return [da, db]
        case .expandDims, .squeeze:
            return [try d.reshape(x[0].shape)]
        case .clipByNorm(let c):
            return [try ClipKernels.clipByNormGradient(x[0], c, d)]
        case .binary(.floorDiv):
            // TF registers no gradient for FloorDiv (None for both inputs).
            return [nil, nil]
        case .binary(.floorMod):
            // TF's _FloorModGrad: d for x, -d · floor(x / y) for y.
            let q = try Kernels.floorDivMod(true, x[0], x[1])
            let dy = try NDArray.multiply(.array(d), .array(try q.negative()))
            return [wanted[0] ? try unbroadcast(d, to: x[0].shape) : nil,
                    wanted[1] ? try unbroadcast(dy.dtype == d.dtype ? dy : try dy.astype(d.dtype), to: x[1].shape) : nil]
        case .binary(let k) where k == .maximum || k == .minimum:
            return try MaximumMinimumKernels.gradient(k == .maximum, x[0], x[1], d, wanted: wanted)
        case .binary(.pow):
            let z = try run.value(GraphTensor(graph: run.graph, op: id, index: 0))
            return try PowKernels.gradient(x[0], x[1], z, d, wanted: wanted)
        case .binary(let k):
            var da: NDArray, db: NDArray
            switch k {
            case .add: da = d; db = d
            case .sub: da = d; db = try NDArray.subtract(.int(0), .array(d))
            case .mul:
                da = try NDArray.multiply(.array(d), .array(x[1]))
                db = try NDArray.multiply(.array(d), .array(x[0]))
            case .div:
                da = try NDArray.divide(.array(d), .array(x[1]))
                // d(a/b)/db = -a/b²
                let q = try NDArray.divide(.array(x[0]), .array(try NDArray.multiply(.array(x[1]), .array(x[1]))))
                db = try NDArray.multiply(.array(d), .array(try NDArray.subtract(.int(0), .array(q))))
            case .maximum, .minimum, .pow, .floorDiv, .floorMod:
                return []   // above
            }
            return [wanted[0] ? try unbroadcast(da, to: x[0].shape) : nil, wanted[1] ? try unbroadcast(db, to: x[1].shape) : nil]
        case .softmax:
            let y = try run.value(GraphTensor(graph: run.graph, op: id, index: 0))
            let dot = try NDArray.multiply(.array(d), .array(y)).sum(axis: [y.ndim - 1], keepdims: true)
            return [try NDArray.multiply(.array(try NDArray.subtract(.array(d), .array(dot))), .array(y))]
        case .softmaxCrossEntropy:
            let back = try Kernels.crossEntropy(logits: x[0], labels: x[1]).backprop
            let scale = try d.reshape(d.shape + [1])
            return [try NDArray.multiply(.array(back), .array(scale)), nil]
        case .reduce(let kind, let axes, let keepdims) where kind == .max || kind == .min:
            return [try ReduceExtremumKernels.gradient(kind == .max, x[0], axes: axes, keepdims: keepdims, d)]
        case .reduce(let kind, let axes, let keepdims):
            let shape = x[0].shape
            var ax = Set<Int>()
            if let a = axes { for v in a { ax.insert(try ShapeInference.axis(v, rank: shape.count, "reduce")) } } else { ax = Set(0..<shape.count) }
            var kept = shape
            for a in ax { kept[a] = 1 }
            let dk = keepdims ? d : try d.reshape(kept)
            var g = try NDArray.add(.array(dk), .array(try NDArray.zeros(shape, dtype: .float32)))
            if kind == .mean {
                let n = ax.reduce(1) { $0 * shape[$1] }
                g = try NDArray.divide(.array(g), .array(NDArray(scalar: Float(max(n, 1)))))
            }
            return [g]
        case .cast:
            return [x[0].dtype == .float32 || x[0].dtype == .float64 ? try d.astype(x[0].dtype) : nil]
        case .stridedSlice(let items):
            return [try SliceKernels.backward(x[0], items, d)]
        case .unary(let k):
            return [try ElementwiseKernels.unaryGradient(k, x[0], d)]
        case .clip(let lo, let hi):
            return [try ElementwiseKernels.clipGradient(x[0], lo, hi, d)]
        case .sparseSoftmaxCrossEntropy:
            let back = try Kernels.sparseCrossEntropy(logits: x[0], labels: x[1]).backprop
            let scale = try d.reshape(d.shape + [1])
            return [try NDArray.multiply(.array(back), .array(scale)), nil]
        case .l2Loss:
            // TF's _L2LossGrad: t · grad.
            return [try NDArray.multiply(.array(x[0]), .array(d))]
        case .dropout:
            // d · mask / keep_prob; the mask is the op's second output from this run.
            let mask = try run.value(GraphTensor(graph: run.graph, op: id, index: 1))
            let keep = try x[1].doubleValues().first ?? 1
            let g = try NDArray.multiply(.array(d), .array(mask))
            return [keep >= 1 ? g : try NDArray.divide(.array(g), .array(NDArray(scalar: Float(keep)))), nil]
        default:
            return []
        }
    }

    private static func multiOutput(_ op: Op, _ x: [NDArray], _ dy: [NDArray?]) throws(TensorError) -> [NDArray?] {
        switch op.kind {
        case .split(let axis, let count):
            let a = try ShapeInference.axis(axis, rank: x[0].ndim, "split")
            var shape = x[0].shape; shape[a] /= max(count, 1)
            var parts: [NDArray] = []
            for k in 0..<count { if let v = dy[k] { parts.append(v) } else { parts.append(try NDArray.zeros(shape, dtype: .float32)) } }
            return [try NDArray.concatenate(parts, axis: a)]
        case .unstack(let axis, let count):
            let a = try ShapeInference.axis(axis, rank: x[0].ndim, "unstack")
            var shape = x[0].shape; shape.remove(at: a)
            var parts: [NDArray] = []
            for k in 0..<count { if let v = dy[k] { parts.append(v) } else { parts.append(try NDArray.zeros(shape, dtype: .float32)) } }
            return [try NDArray.stack(parts, axis: a)]
        default: return []
        }
    }

    /// Sums a broadcast gradient back to the input's shape.
    static func unbroadcast(_ d: NDArray, to shape: [Int]) throws(TensorError) -> NDArray {
        if d.shape == shape { return d }
        let extra = d.ndim - shape.count
        var axes = Array(0..<max(extra, 0))
        for (i, n) in shape.enumerated() where n == 1 && d.shape[i + extra] != 1 { axes.append(i + extra) }
        let s = axes.isEmpty ? d : try d.sum(axis: axes, keepdims: true)
        return try s.reshape(shape)
    }
}
