import Foundation
import Tensor

/// `tf.nn.sparse_softmax_cross_entropy_with_logits(labels=ids, logits=z)`: the cross-entropy of
/// softmax(z) against class ids (int32/int64 of the logits' shape without the last axis). TF's
/// op lives in a scope of its own name: `SparseSoftmaxCrossEntropyWithLogits/SparseSoftmaxCrossEntropyWithLogits:0`.
/// A class id outside `[0, classes)` is TF's InvalidArgumentError when the op runs.
extension Graph {
    public func sparseSoftmaxCrossEntropy(logits: GraphTensor, labels: GraphTensor, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard logits.graph === self, labels.graph === self else {
            throw TensorError("Tensor must be from the same graph as the other tensors", kind: .valueError)
        }
        guard logits.dtype == .float32 || logits.dtype == .float64 else {
            throw TensorError("Value passed to parameter 'features' has DataType \(logits.dtype.name) not in list of allowed values: float16, bfloat16, float32, float64", kind: .typeError)
        }
        guard labels.dtype == .int32 || labels.dtype == .int64 else {
            throw TensorError("Value passed to parameter 'labels' has DataType \(labels.dtype.name) not in list of allowed values: int32, int64", kind: .typeError)
        }
        var s = StaticShape.unknown
        if let d = logits.shape.dims {
            guard !d.isEmpty else { throw TensorError("Logits cannot be scalars - received shape ().", kind: .valueError) }
            s = StaticShape(Array(d.dropLast()))
            if let l = labels.shape.dims, l.count != d.count - 1 {
                throw TensorError("Rank mismatch: Rank of labels (received \(l.count)) should equal rank of logits minus 1 (received \(d.count)).", kind: .valueError)
            }
        }
        let scope = uniqueName(name, "SparseSoftmaxCrossEntropyWithLogits")
        let out = scope + "/SparseSoftmaxCrossEntropyWithLogits"
        naming.reserve(out)
        return tensor(append(scope, type: "SparseSoftmaxCrossEntropyWithLogits", .sparseSoftmaxCrossEntropy, inputs: [logits, labels],
                             outputs: [(s, logits.dtype)], outputNames: [out + ":0"]))
    }
}

extension Kernels {
    /// Per-row loss and its gradient (softmax − one-hot), as TF's kernel computes them.
    static func sparseCrossEntropy(logits: NDArray, labels: NDArray) throws(TensorError) -> (loss: NDArray, backprop: NDArray) {
        let z = try FloatArrays.contiguous(logits)
        guard let k = z.shape.last, k > 0 else { throw TensorError("logits must have at least one class", kind: .valueError) }
        let rows = z.size / k
        let ids = try labels.astype(.int64)
        guard ids.size == rows, Array(z.shape.dropLast()) == ids.shape, let ip = ids.elements(as: Int64.self) else {
            throw TensorError("logits and labels must have the same first dimension, got logits shape \(shapeList(z.shape)) and labels shape \(shapeList(labels.shape))", kind: .valueError)
        }
        let loss = try FloatArrays.zeros(Array(z.shape.dropLast()))
        let back = try FloatArrays.zeros(z.shape)
        try FloatArrays.withPointers(z, loss, back) { (zp, lp, bp) throws(TensorError) in
            for r in 0..<rows {
                let c = Int(ip[r])
                guard c >= 0, c < k else {
                    let all = ip.map { String($0) }.joined(separator: " ")
                    throw TensorError("Received a label value of \(c) which is outside the valid range of [0, \(k)).  Label values: \(all)", kind: .valueError)
                }
                let zr = zp + r * k, br = bp + r * k
                var m = zr[0]
                for j in 1..<k { m = max(m, zr[j]) }
                var s: Float = 0
                for j in 0..<k { s += Foundation.exp(zr[j] - m) }
                lp[r] = Foundation.log(s) - (zr[c] - m)
                for j in 0..<k { br[j] = Foundation.exp(zr[j] - m) / s }
                br[c] -= 1
            }
        }
        return (loss, back)
    }
}
