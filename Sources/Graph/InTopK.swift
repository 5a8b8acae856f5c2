import Foundation
import Tensor

/// `tf.nn.in_top_k(predictions, targets, k)`, the accuracy test of TF1's MNIST examples
/// (`correct = tf.nn.in_top_k(logits, y, 1)`): for each row, whether the target class is among
/// the k largest predictions. As TF's kernel decides it: the target is in when fewer than k
/// classes score strictly higher (so ties at the boundary are all in), and out when the target
/// is not a class of the row or any prediction of the row is not finite. `k <= 0`: all out.
/// The op lives in a scope of its own (`in_top_k/InTopKV2:0`; named, `top/top:0`).
extension Graph {
    public func inTopK(predictions p: GraphTensor, targets t: GraphTensor, k: Int, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard p.graph === self, t.graph === self else {
            throw TensorError("Tensor must be from the same graph as the other tensors", kind: .valueError)
        }
        guard t.dtype == .int32 || t.dtype == .int64 else {
            throw TensorError("Value passed to parameter 'targets' has DataType \(t.dtype.name) not in list of allowed values: int32, int64", kind: .typeError)
        }
        guard p.dtype == .float32 else {
            throw TensorError("Input 'predictions' of 'InTopKV2' Op has type \(p.dtype.name) that does not match expected type of float32.", kind: .typeError)
        }
        let scope = uniqueName(name, "in_top_k")
        let opName = "\(scope)/\(name ?? "InTopKV2")"
        func rank(_ x: GraphTensor, _ r: Int) throws(TensorError) {
            if let have = x.shape.rank, have != r {
                throw TensorError("Shape must be rank \(r) but is rank \(have) for '{{node \(opName)}} = InTopKV2[T=DT_\(t.dtype.name.uppercased())](\(ops[p.op].name), \(ops[t.op].name), \(opName)/k)' with input shapes: \(p.shape.bracketText), \(t.shape.bracketText), [].", kind: .valueError)
            }
        }
        try rank(p, 2)
        try rank(t, 1)
        naming.reserve(opName)
        let batch = p.shape.dim(0) ?? t.shape.dim(0)
        return tensor(append(scope, type: "InTopKV2", .inTopK(k: k), inputs: [p, t], outputs: [(StaticShape([batch]), .bool)],
                             outputNames: [opName + ":0"]))
    }
}

extension Kernels {
    static func inTopK(_ predictions: NDArray, _ targets: NDArray, k: Int) throws(TensorError) -> NDArray {
        let p = try FloatArrays.contiguous(predictions)
        let ids = try targets.astype(.int64)
        guard p.ndim == 2, ids.ndim == 1 else {
            throw TensorError("predictions must be 2-dimensional and targets 1-dimensional, got shapes \(shapeList(p.shape)) and \(shapeList(ids.shape))", kind: .valueError)
        }
        let rows = p.shape[0], classes = p.shape[1]
        guard ids.shape[0] == rows else {
            throw TensorError("First dimension of predictions \(rows) must match length of targets \(ids.shape[0])", kind: .valueError)
        }
        var out = [Bool](repeating: false, count: rows)
        FloatArrays.withPointer(p) { scores in
            for (r, target) in ids.scalars.enumerated() {
                guard case .int(let c) = target, c >= 0, c < Int64(classes) else { continue }
                let row = scores + r * classes, own = row[Int(c)]
                guard own.isFinite else { continue }
                var higher = 0, finite = true
                for j in 0..<classes {
                    if !row[j].isFinite { finite = false; break }
                    if row[j] > own { higher += 1 }
                }
                out[r] = finite && higher < k
            }
        }
        return try NDArray.fromBools(out, shape: [rows])
    }
}
