import Foundation
import Tensor

/// The `tf.nn` functions tutorials write their outputs and losses with, each one op under the
/// name of the tensor TF returned: `softmax`/`log_softmax` along any axis (`Softmax`,
/// `LogSoftmax`; along another axis than the last TF swapped it last with transposes, so the
/// result is `transpose_1` and the helper ops' names are taken as TF took them),
/// `sigmoid_cross_entropy_with_logits` (`logistic_loss`: `max(x, 0) − x·z + log1p(exp(−|x|))`),
/// `bias_add` (`BiasAdd`), `xw_plus_b` (`xw_plus_b`, after `xw_plus_b/MatMul`), `l2_normalize`
/// (`x · rsqrt(max(Σx², ε))`) and `moments` (mean and variance, `moments/Squeeze` and
/// `moments/Squeeze_1`, or `moments/mean` and `moments/variance` with keep_dims). Each gradient
/// is the derivative of the value computed, as TF's chain of ops gives it.
extension Graph {
    public func softmax(_ x: GraphTensor, axis: Int, log: Bool, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x])
        let type = log ? "LogSoftmax" : "Softmax"
        guard x.dtype.isFloat else {
            throw TensorError("Value passed to parameter 'logits' has DataType \(x.dtype.name) not in list of allowed values: float16, bfloat16, float32, float64", kind: .typeError)
        }
        if let r = x.shape.rank {
            guard axis >= -r && axis < r else {
                throw TensorError("`dim` must be in the range [\(-r), \(r)) where \(r) is the number of dimensions in the input. Received: dim=\(axis)", kind: .valueError)
            }
        }
        let last = axis == -1 || axis == (x.shape.rank ?? 0) - 1
        if !last {
            guard x.shape.rank != nil else {
                throw TensorError("rnnsh's tensorflow has no softmax along axis \(axis) of a tensor of unknown rank (yet)", kind: .notImplementedError)
            }
            // TF's _swap_axis twice: Rank, Sub, range, concat, transpose, the op, and again.
            for part in ["Rank", "Rank", "Sub", "range", "range", "concat", "transpose", type, "Sub", "range", "range", "concat"] {
                _ = uniqueName(nil, part)
            }
        }
        let n = uniqueName(name, last ? type : "transpose")
        return tensor(kernelOp(n, type: last ? type : "Transpose", SoftmaxKernel(axis: axis, log: log), inputs: [x], outputs: [(x.shape, x.dtype)]))
    }

    public func sigmoidCrossEntropy(labels: GraphOperand, logits: GraphTensor, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([logits])
        let n = uniqueName(name, "logistic_loss")
        let z = try operandTensor(labels, scope: n, part: "labels", dtype: logits.dtype)
        guard logits.dtype.isFloat else {
            throw TensorError("Value passed to parameter 'x' has DataType \(logits.dtype.name) not in list of allowed values: bfloat16, float16, float32, float64, int8, int16, int32, int64, complex64, complex128", kind: .typeError)
        }
        guard z.dtype == logits.dtype else {
            throw TensorError("Input 'y' of 'Mul' Op has type \(z.dtype.name) that does not match type \(logits.dtype.name) of argument 'x'.", kind: .typeError)
        }
        let shape: StaticShape
        do { shape = try ShapeInference.merge(logits.shape, z.shape) } catch {
            throw TensorError("`logits` and `labels` must have the same shape, received (\(logits.shape) vs \(z.shape)).", kind: .valueError)
        }
        return tensor(kernelOp(n, type: "Add", SigmoidCrossEntropyKernel(), inputs: [logits, z], outputs: [(shape, logits.dtype)]))
    }

    public func biasAdd(_ x: GraphTensor, _ bias: GraphOperand, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x])
        let n = uniqueName(name, "BiasAdd")
        let b = try operandTensor(bias, scope: n, part: "bias", dtype: x.dtype)
        guard b.dtype == x.dtype else {
            throw TensorError("Input 'bias' of 'BiasAdd' Op has type \(b.dtype.name) that does not match type \(x.dtype.name) of argument 'value'.", kind: .typeError)
        }
        let tail = " for '\(n)' (op: 'BiasAdd') with input shapes: \(x.shape.bracketText), \(b.shape.bracketText)."
        if let r = b.shape.rank, r != 1 { throw TensorError("Shape must be rank 1 but is rank \(r)" + tail, kind: .valueError) }
        if let r = x.shape.rank, r < 2 { throw TensorError("Shape must be at least rank 2 but is rank \(r)" + tail, kind: .valueError) }
        if let k = x.shape.dim(-1), let m = b.shape.dim(0), k != m {
            throw TensorError("Dimensions must be equal, but are \(k) and \(m)" + tail, kind: .valueError)
        }
        var shape = x.shape
        if var d = shape.dims, let last = d.indices.last, d[last] == nil { d[last] = b.shape.dim(0); shape = StaticShape(d) }
        return tensor(kernelOp(n, type: "BiasAdd", BiasAddKernel(), inputs: [x, b], outputs: [(shape, x.dtype)]))
    }

    public func xwPlusB(_ x: GraphTensor, _ w: GraphTensor, _ b: GraphTensor, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x, w, b])
        let n = uniqueName(name, "xw_plus_b")
        let mm = n + "/MatMul"
        naming.reserve(mm)
        let s = try ShapeInference.matmul(x.shape, w.shape, op: mm)
        guard x.dtype == w.dtype, x.dtype == b.dtype else {
            throw TensorError("Input 'b' of 'MatMul' Op has type \(w.dtype.name) that does not match type \(x.dtype.name) of argument 'a'.", kind: .typeError)
        }
        if let r = b.shape.rank, r != 1 {
            throw TensorError("Shape must be rank 1 but is rank \(r) for '\(n)' (op: 'BiasAdd') with input shapes: \(s.bracketText), \(b.shape.bracketText).", kind: .valueError)
        }
        if let k = s.dim(1), let m = b.shape.dim(0), k != m {
            throw TensorError("Dimensions must be equal, but are \(k) and \(m) for '\(n)' (op: 'BiasAdd') with input shapes: \(s.bracketText), \(b.shape.bracketText).", kind: .valueError)
        }
        return tensor(kernelOp(n, type: "BiasAdd", XWPlusBKernel(), inputs: [x, w, b], outputs: [(s, x.dtype)]))
    }

    public func l2Normalize(_ x: GraphTensor, axes: [Int]?, epsilon: Double = 1e-12, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x])
        let n = uniqueName(name, "l2_normalize")
        _ = try ShapeInference.reduce(x.shape, axes: axes, keepdims: true)
        return tensor(kernelOp(n, type: "Mul", L2NormalizeKernel(axes: axes, epsilon: epsilon), inputs: [x], outputs: [(x.shape, x.dtype)]))
    }

    /// `(mean, variance)` over `axes`.
    public func moments(_ x: GraphTensor, axes: [Int], keepdims: Bool = false, name: String? = nil) throws(TensorError) -> (GraphTensor, GraphTensor) {
        try sameGraph([x])
        let scope = uniqueName(name, "moments")
        let shape = try ShapeInference.reduce(x.shape, axes: axes, keepdims: keepdims)
        for part in ["mean", "StopGradient", "SquaredDifference", "variance"] { naming.reserve(scope + "/" + part) }
        let names = keepdims ? ["mean", "variance"] : ["Squeeze", "Squeeze_1"]
        for part in names { naming.reserve(scope + "/" + part) }
        let mean = kernelOp(scope + "/" + names[0], type: keepdims ? "Mean" : "Squeeze", MomentsKernel(axes: axes, keepdims: keepdims, variance: false),
                            inputs: [x], outputs: [(shape, x.dtype)])
        let variance = kernelOp(scope + "/" + names[1], type: keepdims ? "Mean" : "Squeeze", MomentsKernel(axes: axes, keepdims: keepdims, variance: true),
                                inputs: [x], outputs: [(shape, x.dtype)])
        return (tensor(mean), tensor(variance))
    }
}

/// float32 rows along the last axis after moving `axis` there, and back.
enum LastAxis {
    static func moved(_ a: NDArray, _ axis: Int) throws(TensorError) -> (NDArray, [Int]?) {
        let r = a.ndim
        let k = try ShapeInference.axis(axis, rank: r, "softmax")
        if k == r - 1 { return (try FloatArrays.contiguous(a), nil) }
        var perm = Array(0..<r)
        perm.swapAt(k, r - 1)
        return (try FloatArrays.contiguous(try a.transpose(perm)), perm)
    }
    static func back(_ a: NDArray, _ perm: [Int]?) throws(TensorError) -> NDArray {
        guard let perm else { return a }
        return try a.transpose(perm).copy()   // a swap is its own inverse
    }
    /// `f(row in, row out, length)` over every row of `a`'s last axis.
    static func rows(_ a: NDArray, _ f: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void) throws(TensorError) -> NDArray {
        let out = try FloatArrays.zeros(a.shape)
        guard let k = a.shape.last, k > 0 else { return out }
        FloatArrays.withPointers(a, out) { s, d in for r in 0..<(a.size / k) { f(s + r * k, d + r * k, k) } }
        return out
    }
}

struct SoftmaxKernel: GraphKernel {
    let axis: Int, log: Bool
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        let (a, perm) = try LastAxis.moved(x[0], axis)
        let y = try LastAxis.rows(a) { z, o, k in
            var m = z[0]
            for j in 1..<k { m = max(m, z[j]) }
            var s: Float = 0
            for j in 0..<k { s += Foundation.exp(z[j] - m) }
            if log {
                let l = Foundation.log(s)
                for j in 0..<k { o[j] = (z[j] - m) - l }
            } else {
                for j in 0..<k { o[j] = Foundation.exp(z[j] - m) / s }
            }
        }
        let r = try LastAxis.back(y, perm)
        return [r.dtype == op.outputs[0].dtype ? r : try r.astype(op.outputs[0].dtype)]
    }
    /// Softmax: `(d − Σ d·y)·y`; log-softmax: `d − exp(y)·Σ d`.
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil] }
        let (ym, perm) = try LastAxis.moved(y[0], axis)
        let (dm, _) = try LastAxis.moved(d, axis)
        let out = try FloatArrays.zeros(ym.shape)
        if let k = ym.shape.last, k > 0 {
            let log = self.log
            FloatArrays.withPointers(ym, dm, out) { yp, dp, op in
                for r in 0..<(ym.size / k) {
                    let yr = yp + r * k, dr = dp + r * k, o = op + r * k
                    var s: Float = 0
                    if log {
                        for j in 0..<k { s += dr[j] }
                        for j in 0..<k { o[j] = dr[j] - Foundation.exp(yr[j]) * s }
                    } else {
                        for j in 0..<k { s += dr[j] * yr[j] }
                        for j in 0..<k { o[j] = (dr[j] - s) * yr[j] }
                    }
                }
            }
        }
        return [try LastAxis.back(out, perm)]
    }
}

struct SigmoidCrossEntropyKernel: GraphKernel {
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        guard x[0].shape == x[1].shape else {
            throw TensorError("Incompatible shapes: \(shapeList(x[0].shape)) vs. \(shapeList(x[1].shape))", kind: .valueError)
        }
        let r = try ElementwiseKernels.zipMap(x[0], x[1]) { v, z in
            // TF's logistic_loss, op by op in float32: relu(x) − x·z + log1p(exp(−|x|)).
            (v >= 0 ? v : 0) - v * z + Foundation.log1p(Foundation.exp(v >= 0 ? -v : v))
        }
        return [r.dtype == op.outputs[0].dtype ? r : try r.astype(op.outputs[0].dtype)]
    }
    /// d/dx: `sigmoid(x) − z` as TF's chain gives it (the select's branch, then −z, then the
    /// log1p's derivative); d/dz: `−x`.
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil, nil] }
        let df = try KernelMath.f32(d)
        var dx: NDArray? = nil, dz: NDArray? = nil
        if wanted[0] {
            let part = try ElementwiseKernels.zipMap(x[0], x[1]) { v, z in
                let e = Foundation.exp(v >= 0 ? -v : v)
                let sel: Float = v >= 0 ? 1 : 0
                // d log1p(exp(−|x|)) = −sign(x)·e / (1 + e) (TF: Log1pGrad · ExpGrad · Neg through the Select).
                let soft = (v >= 0 ? -e : e) / (1 + e)
                return sel - z + soft
            }
            dx = try ElementwiseKernels.zipMap(part, df) { p, g in g * p }
        }
        if wanted[1] { dz = try ElementwiseKernels.zipMap(x[0], df) { v, g in -(g * v) } }
        return [dx, dz]
    }
}

struct BiasAddKernel: GraphKernel {
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        guard x[1].ndim == 1, x[0].ndim >= 2, x[0].shape.last == x[1].shape[0] else {
            throw TensorError("Must provide as many biases as the last dimension of the input tensor: \(shapeList(x[1].shape)) vs. \(shapeList(x[0].shape))", kind: .valueError)
        }
        let r = try NDArray.add(.array(x[0]), .array(x[1]))
        return [r.dtype == op.outputs[0].dtype ? r : try r.astype(op.outputs[0].dtype)]
    }
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil, nil] }
        let g = try KernelMath.f32(d)
        return [wanted[0] ? g : nil, wanted[1] ? try g.sum(axis: Array(0..<(g.ndim - 1))) : nil]
    }
}

struct XWPlusBKernel: GraphKernel {
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        guard x[0].ndim == 2, x[1].ndim == 2, x[0].shape[1] == x[1].shape[0] else {
            throw TensorError("Matrix size-incompatible: In[0]: \(shapeList(x[0].shape)), In[1]: \(shapeList(x[1].shape))", kind: .valueError)
        }
        let m = try NDArray.matmul(x[0], x[1])
        return try BiasAddKernel().forward([m, x[2]], op)
    }
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil, nil, nil] }
        let g = try KernelMath.f32(d)
        return [wanted[0] ? try NDArray.matmul(g, try KernelMath.f32(x[1]).transpose()) : nil,
                wanted[1] ? try NDArray.matmul(try KernelMath.f32(x[0]).transpose(), g) : nil,
                wanted[2] ? try g.sum(axis: [0]) : nil]
    }
}

struct L2NormalizeKernel: GraphKernel {
    let axes: [Int]?, epsilon: Double
    func reduced(_ rank: Int) throws(TensorError) -> [Int] {
        guard let axes else { return Array(0..<rank) }
        var out: [Int] = []
        for a in axes { out.append(try ShapeInference.axis(a, rank: rank, "l2_normalize")) }
        return out
    }
    /// Σx² over the axes (kept), and the factor rsqrt(max(Σx², ε)).
    func parts(_ x: NDArray) throws(TensorError) -> (NDArray, NDArray) {
        let f = try KernelMath.f32(x)
        let s = try NDArray.multiply(.array(f), .array(f)).sum(axis: try reduced(f.ndim), keepdims: true)
        let eps = Float(epsilon)
        return (s, try ElementwiseKernels.map(s) { 1 / max($0, eps).squareRoot() })
    }
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        let (_, r) = try parts(x[0])
        let out = try NDArray.multiply(.array(try KernelMath.f32(x[0])), .array(r))
        return [out.dtype == op.outputs[0].dtype ? out : try out.astype(op.outputs[0].dtype)]
    }
    /// `d·r − x·r³·Σ(d·x)` where the sum is above ε (else the maximum passes no gradient).
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil] }
        let f = try KernelMath.f32(x[0]), g = try KernelMath.f32(d)
        let (s, r) = try parts(f)
        let eps = Float(epsilon)
        let dot = try NDArray.multiply(.array(g), .array(f)).sum(axis: try reduced(f.ndim), keepdims: true)
        let coef = try ElementwiseKernels.zipMap(try ElementwiseKernels.zipMap(s, r) { v, q in v > eps ? q * q * q : 0 }, dot) { c, p in c * p }
        let first = try NDArray.multiply(.array(g), .array(r))
        return [try NDArray.subtract(.array(first), .array(try NDArray.multiply(.array(f), .array(coef))))]
    }
}

struct MomentsKernel: GraphKernel {
    let axes: [Int], keepdims: Bool, variance: Bool
    func reduced(_ rank: Int) throws(TensorError) -> [Int] {
        var out: [Int] = []
        for a in axes { out.append(try ShapeInference.axis(a, rank: rank, "moments")) }
        return out
    }
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        let f = try KernelMath.f32(x[0]), ax = try reduced(f.ndim)
        let mean = try f.mean(axis: ax, keepdims: true)
        var r = mean
        if variance {
            let diff = try NDArray.subtract(.array(f), .array(mean))
            r = try NDArray.multiply(.array(diff), .array(diff)).mean(axis: ax, keepdims: true)
        }
        if !keepdims { r = try r.reshape(f.shape.enumerated().filter { !ax.contains($0.offset) }.map(\.element)) }
        return [r.dtype == op.outputs[0].dtype ? r : try r.astype(op.outputs[0].dtype)]
    }
    /// mean: d/N to every element; variance: 2(x − mean)·d/N (TF stops the gradient through
    /// the mean inside the variance, whose contribution sums to zero anyway).
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil] }
        let f = try KernelMath.f32(x[0]), ax = try reduced(f.ndim)
        var kept = f.shape
        for a in ax { kept[a] = 1 }
        let count = Float(max(1, ax.reduce(1) { $0 * f.shape[$1] }))
        let dk = try KernelMath.f32(d).reshape(kept)
        var g = try NDArray.divide(.array(try NDArray.add(.array(dk), .array(try NDArray.zeros(f.shape, dtype: .float32)))), .array(NDArray(scalar: count)))
        if variance {
            let mean = try f.mean(axis: ax, keepdims: true)
            let diff = try NDArray.subtract(.array(f), .array(mean))
            g = try NDArray.multiply(.array(g), .array(try NDArray.multiply(.array(diff), .array(NDArray(scalar: Float(2))))))
        }
        return [g]
    }
}
