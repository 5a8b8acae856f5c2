import Foundation
import Tensor
import RNN

/// The value of each op from its inputs' values (forward). Everything is computed with the
/// Tensor module's numpy-exact operations, except the two fused hot paths: the recurrent op
/// (the engine, `Session.runRecurrent`) and the softmax cross-entropy (float32 loops as TF's
/// kernel computes it).
enum Kernels {
    static func compute(_ op: Op, _ x: [NDArray]) throws(TensorError) -> [NDArray] {
        switch op.kind {
        case .constant(let v): return [v]
        case .transpose(let perm): return [try x[0].transpose(perm)]
        case .reshape(let shape):
            let n = x[0].size, known = shape.filter { $0 != -1 }.reduce(1, *)
            if shape.contains(-1) ? (known == 0 || n % known != 0) : n != known {
                throw TensorError("Input to reshape is a tensor with \(n) values, but the requested shape \(shape.contains(-1) ? "requires a multiple of" : "has") \(known)", kind: .valueError)
            }
            return [try x[0].reshape(shape)]
        case .split(let axis, let count):
            let a = try ShapeInference.axis(axis, rank: x[0].ndim, "split")
            guard x[0].shape[a] % count == 0 else {
                throw TensorError("Number of ways to split should evenly divide the split dimension, but got split_dim \(a) (size = \(x[0].shape[a])) and num_split \(count)", kind: .valueError)
            }
            return try x[0].split(sections: count, axis: a)
        case .unstack(let axis, let count):
            let a = try ShapeInference.axis(axis, rank: x[0].ndim, "unstack")
            guard x[0].shape[a] == count else {
                throw TensorError("Input shape axis \(a) must equal \(count), got shape \(shapeList(x[0].shape))", kind: .valueError)
            }
            var shape = x[0].shape; shape.remove(at: a)
            var out: [NDArray] = []
            for piece in try x[0].split(sections: count, axis: a) { out.append(try piece.reshape(shape)) }
            return out
        case .stack(let axis):
            return [try NDArray.stack(x, axis: axis)]
        case .reverse:
            return [try ReverseKernels.reverse(x[0], x[1])]
        case .reverseSequence(let seqAxis, let batchAxis):
            return [try ReverseKernels.reverseSequence(x[0], x[1], seqAxis: seqAxis, batchAxis: batchAxis)]
        case .gather:
            return [try GatherKernels.forward(x[0], x[1], x[2])]
        case .shape:
            return [IndexArithmeticKernels.shape(x[0])]
        case .range:
            return [try IndexArithmeticKernels.range(x[0], x[1], x[2], dtype: op.outputs[0].dtype)]
        case .concat(let axis):
            return [try NDArray.concatenate(x, axis: try ShapeInference.axis(axis, rank: x[0].ndim, "concat"))]
        case .matmul(let ta, let tb):
            guard x[0].ndim == 2, x[1].ndim == 2, x[0].shape[ta ? 0 : 1] == x[1].shape[tb ? 1 : 0] else {
                throw TensorError("Matrix size-incompatible: In[0]: \(shapeList(x[0].shape)), In[1]: \(shapeList(x[1].shape))", kind: .valueError)
            }
            return [try NDArray.matmul(ta ? try x[0].transpose() : x[0], tb ? try x[1].transpose() : x[1])]
        case .compare(let k):
            try broadcastable(x[0], x[1], op.name)
            return [try NDArray.binary(k.ufunc, .array(x[0]), .array(x[1]))]
        case .oneHot(let depth, let axis, let on, let off):
            return [try ShapeOpKernels.oneHot(x[0], depth: depth, axis: axis, on: on, off: off, dtype: op.outputs[0].dtype)]
        case .expandDims(let axis):
            return [try ShapeOpKernels.expandDims(x[0], axis: axis)]
        case .squeeze(let axes):
            return [try ShapeOpKernels.squeeze(x[0], axes: axes)]
        case .stopGradient:
            return [x[0]]
        case .clipByNorm(let c):
            return [try ClipKernels.clipByNorm(x[0], c)]
        case .binary(let k):
            try broadcastable(x[0], x[1], op.name)
            let r: NDArray
            switch k {
            case .add: r = try NDArray.add(.array(x[0]), .array(x[1]))
            case .sub: r = try NDArray.subtract(.array(x[0]), .array(x[1]))
            case .mul: r = try NDArray.multiply(.array(x[0]), .array(x[1]))
            case .div: r = try NDArray.divide(.array(x[0]), .array(x[1]))
            case .maximum: r = try NDArray.apply(.maximum, .array(x[0]), .array(x[1]))
            case .minimum: r = try NDArray.apply(.minimum, .array(x[0]), .array(x[1]))
            case .pow: r = try NDArray.apply(.power, .array(x[0]), .array(x[1]))
            case .floorDiv, .floorMod:
                // TF's integer kernels refuse a zero divisor (numpy would give 0 and warn).
                if x[1].dtype.isInteger, try x[1].doubleValues().contains(0) {
                    throw TensorError("Integer division by zero", kind: .invalidArgumentError)
                }
                r = try floorDivMod(k == .floorDiv, x[0], x[1])
            }
            return [r.dtype == op.outputs[0].dtype ? r : try r.astype(op.outputs[0].dtype)]
        case .equal:
            try broadcastable(x[0], x[1], op.name)
            return [try NDArray.equal(.array(x[0]), .array(x[1]))]
        case .softmax:
            return [try softmax(x[0])]
        case .softmaxCrossEntropy:
            return [try crossEntropy(logits: x[0], labels: x[1]).loss]
        case .reduce(let kind, let axes, let keepdims):
            let ax = try axes.map { (a: [Int]) throws(TensorError) -> [Int] in
                var out: [Int] = []
                for v in a { out.append(try ShapeInference.axis(v, rank: x[0].ndim, "reduce")) }
                return out
            }
            let r: NDArray
            switch kind {
            case .mean: r = try x[0].mean(axis: ax, keepdims: keepdims)
            case .sum: r = try x[0].sum(axis: ax, keepdims: keepdims)
            case .max, .min: r = try ReduceExtremumKernels.forward(kind == .max, x[0], axes: ax, keepdims: keepdims)
            }
            return [r.dtype == op.outputs[0].dtype ? r : try r.astype(op.outputs[0].dtype)]
        case .argmax(let axis):
            return [try x[0].argmax(axis: try ShapeInference.axis(axis, rank: x[0].ndim, "argmax"))]
        case .cast(let d):
            return [try x[0].astype(d)]
        case .notEqual:
            try broadcastable(x[0], x[1], op.name)
            return [try NDArray.binary(.notEqual, .array(x[0]), .array(x[1]))]
        case .stridedSlice(let items):
            return [try SliceKernels.forward(x[0], items)]
        case .unary(let k):
            let r = try ElementwiseKernels.unary(k, x[0])
            return [r.dtype == op.outputs[0].dtype ? r : try r.astype(op.outputs[0].dtype)]
        case .clip(let lo, let hi):
            let r = try ElementwiseKernels.clip(x[0], lo, hi)
            return [r.dtype == op.outputs[0].dtype ? r : try r.astype(op.outputs[0].dtype)]
        case .sparseSoftmaxCrossEntropy:
            return [try sparseCrossEntropy(logits: x[0], labels: x[1]).loss]
        case .l2Loss:
            let r = try L2LossKernels.forward(x[0])
            return [r.dtype == op.outputs[0].dtype ? r : try r.astype(op.outputs[0].dtype)]
        case .inTopK(let k):
            return [try inTopK(x[0], x[1], k: k)]
        case .kernel(let k):
            return try k.forward(x, op)
        case .placeholder, .variable, .random, .cellInitial, .recurrent, .initializer, .minimize, .group, .dropout, .assign, .gradients:
            throw TensorError("internal: \(op.type) is computed by the session", kind: .runtimeError)
        }
    }

    /// TF's FloorDiv and FloorMod. Integers are numpy's floor_divide and remainder (Python's
    /// rules, which TF's integer kernels share). Floats are TF's formulas, which numpy's
    /// divmod-based ones do not always round alike: `floor(x / y)` (1 // 0.1 is 10, numpy 9)
    /// and `fmod(x, y)`, plus y when the signs differ (-1.5 % 0.75 is -0., numpy 0.).
    static func floorDivMod(_ div: Bool, _ a: NDArray, _ b: NDArray) throws(TensorError) -> NDArray {
        guard a.dtype.isFloat || b.dtype.isFloat else {
            return try NDArray.binary(div ? .floorDivide : .remainder, .array(a), .array(b))
        }
        let shape = try NDArray.broadcastShapes([a.shape, b.shape])
        let dtype = a.dtype
        if dtype == .float32 {
            let x = try FloatArrays.contiguous(try a.broadcast(to: shape)), y = try FloatArrays.contiguous(try b.broadcast(to: shape))
            let out = try FloatArrays.zeros(shape)
            FloatArrays.withPointers(x, y, out) { p, q, o in
                for i in 0..<out.size {
                    if div { o[i] = (p[i] / q[i]).rounded(.down) } else {
                        var m = Foundation.fmod(p[i], q[i])
                        if m != 0 && ((q[i] < 0) != (m < 0)) { m += q[i] }
                        o[i] = m
                    }
                }
            }
            return out
        }
        let x = try a.broadcast(to: shape).doubleValues(), y = try b.broadcast(to: shape).doubleValues()
        var out = [Double](repeating: 0, count: x.count)
        for i in out.indices {
            if div { out[i] = (x[i] / y[i]).rounded(.down) } else {
                var m = Foundation.fmod(x[i], y[i])
                if m != 0 && ((y[i] < 0) != (m < 0)) { m += y[i] }
                out[i] = m
            }
        }
        return try NDArray(out, shape: shape).astype(dtype)
    }

    static func broadcastable(_ a: NDArray, _ b: NDArray, _ name: String) throws(TensorError) {
        let n = max(a.ndim, b.ndim)
        for i in 0..<n {
            let p = i - (n - a.ndim), q = i - (n - b.ndim)
            let u = p >= 0 ? a.shape[p] : 1, v = q >= 0 ? b.shape[q] : 1
            if u != v && u != 1 && v != 1 {
                throw TensorError("Incompatible shapes: \(shapeList(a.shape)) vs. \(shapeList(b.shape)) [Op:\(name)]", kind: .valueError)
            }
        }
    }

    /// Softmax over the last axis in float32 (max subtracted first, as TF's kernel).
    static func softmax(_ a: NDArray) throws(TensorError) -> NDArray {
        let x = try FloatArrays.contiguous(a)
        let out = try FloatArrays.zeros(x.shape)
        guard let k = x.shape.last, k > 0 else { return out }
        FloatArrays.withPointers(x, out) { src, dst in
            for r in 0..<(x.size / k) {
                let zr = src + r * k, o = dst + r * k
                var m = zr[0]
                for j in 1..<k { m = max(m, zr[j]) }
                var s: Float = 0
                for j in 0..<k { o[j] = Foundation.exp(zr[j] - m); s += o[j] }
                for j in 0..<k { o[j] /= s }
            }
        }
        return out
    }

    /// Per-row `Σ_k y_k·(logsumexp(z) − z_k)` over the last axis, and the gradient of each
    /// row's loss with respect to the logits, `softmax(z)·Σy − y` (what TF's
    /// SoftmaxCrossEntropyWithLogits kernel returns as its second output).
    static func crossEntropy(logits: NDArray, labels: NDArray) throws(TensorError) -> (loss: NDArray, backprop: NDArray) {
        let z = try FloatArrays.contiguous(logits)
        var y = try FloatArrays.contiguous(labels)
        if y.shape != z.shape {
            guard y.size == z.size || y.ndim <= z.ndim else {
                throw TensorError("logits and labels must be broadcastable: logits_size=\(shapeList(z.shape)) labels_size=\(shapeList(y.shape))", kind: .valueError)
            }
            do { y = try FloatArrays.contiguous(try NDArray.add(.array(y), .array(try NDArray.zeros(z.shape, dtype: .float32)))) } catch {
                throw TensorError("logits and labels must be broadcastable: logits_size=\(shapeList(z.shape)) labels_size=\(shapeList(labels.shape))", kind: .valueError)
            }
        }
        guard let k = z.shape.last, k > 0 else {
            throw TensorError("logits must have at least one class", kind: .valueError)
        }
        let rows = z.size / k
        let loss = try FloatArrays.zeros(Array(z.shape.dropLast()))
        let back = try FloatArrays.zeros(z.shape)
        FloatArrays.withPointers([z, y, loss, back]) { p in
            let (zp, yp, lp, bp) = (p[0], p[1], p[2], p[3])
            for r in 0..<rows {
                let zr = zp + r * k, yr = yp + r * k, br = bp + r * k
                var m = zr[0]
                for j in 1..<k { m = max(m, zr[j]) }
                var s: Float = 0
                for j in 0..<k { s += Foundation.exp(zr[j] - m) }
                let lse = Foundation.log(s)
                var l: Float = 0, ys: Float = 0
                for j in 0..<k { l += yr[j] * (lse - (zr[j] - m)); ys += yr[j] }
                lp[r] = l
                for j in 0..<k { br[j] = Foundation.exp(zr[j] - m) / s * ys - yr[j] }
            }
        }
        return (loss, back)
    }
}
