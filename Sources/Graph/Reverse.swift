import Tensor

/// `tf.reverse(x, axis)` (TF's `ReverseV2`) and `tf.reverse_sequence(x, seq_lengths, seq_axis,
/// batch_axis)` (`ReverseSequence`): the two ways a bidirectional RNN turns its sequence around.
/// `reverse` flips whole axes; `reverse_sequence` flips, in each row along `batch_axis`, only the
/// first `seq_lengths[row]` steps along `seq_axis` and leaves the padding after them in place,
/// so a padded row's valid steps come out reversed at the front. Each is its own gradient (the
/// same flip of the incoming gradient).
extension Graph {
    public func reverse(_ x: GraphTensor, axes: [Int], name: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        let n = uniqueName(name, "ReverseV2")
        if let r = x.shape.rank {
            var seen = Set<Int>()
            for a in axes {
                guard a >= -r && a < r else {
                    throw TensorError("'axis'[0] = \(a) is out of valid range [0, \(r - 1) for '\(n)' (op: 'ReverseV2') with input shapes: \(x.shape.bracketText), [\(axes.count)] and with computed input tensors: input[1] = <\(axes.map(String.init).joined(separator: " "))>.", kind: .valueError)
                }
                guard seen.insert(a < 0 ? a + r : a).inserted else {
                    throw TensorError("axis \(a < 0 ? a + r : a) specified more than once.", kind: .valueError)
                }
            }
        }
        let axisName = n + "/axis"
        naming.reserve(axisName)
        let axisConst = tensor(append(axisName, type: "Const", .constant(NDArray(axes.map { Int32(truncatingIfNeeded: $0) })), inputs: [], outputs: [(.known([axes.count]), .int32)]))
        return tensor(append(n, type: "ReverseV2", .reverse, inputs: [x, axisConst], outputs: [(x.shape, x.dtype)]))
    }

    public func reverseSequence(_ x: GraphTensor, lengths: GraphTensor, seqAxis: Int, batchAxis: Int = 0,
                                name: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self, lengths.graph === self else {
            throw TensorError("Tensor must be from the same graph as the other tensors", kind: .valueError)
        }
        guard lengths.dtype == .int32 || lengths.dtype == .int64 else {
            throw TensorError("Value passed to parameter 'seq_lengths' has DataType \(lengths.dtype.name) not in list of allowed values: int32, int64", kind: .typeError)
        }
        let n = uniqueName(name, "ReverseSequence")
        if let r = x.shape.rank {
            guard seqAxis >= 0 && seqAxis < r, batchAxis >= 0 && batchAxis < r else {
                throw TensorError("Invalid seq_dim \(seqAxis) or batch_dim \(batchAxis) for input of rank \(r)", kind: .valueError)
            }
            guard seqAxis != batchAxis else {
                throw TensorError("seq_dim and batch_dim must be different, both are \(seqAxis)", kind: .valueError)
            }
        }
        if let lr = lengths.shape.rank, lr != 1 {
            throw TensorError("Shape must be rank 1 but is rank \(lr) for '\(n)' (op: 'ReverseSequence') with input shapes: \(x.shape.bracketText), \(lengths.shape.bracketText).", kind: .valueError)
        }
        return tensor(append(n, type: "ReverseSequence", .reverseSequence(seqAxis: seqAxis, batchAxis: batchAxis),
                             inputs: [x, lengths], outputs: [(x.shape, x.dtype)]))
    }
}

enum ReverseKernels {
    /// `x` with each of `axes` (negative from the end) flipped.
    static func reverse(_ x: NDArray, _ axes: NDArray) throws(TensorError) -> NDArray {
        var items = [IndexItem](repeating: .all, count: x.ndim)
        for a in try axes.int64Values().map { Int($0) } {
            let axis = a < 0 ? a + x.ndim : a
            guard axis >= 0 && axis < x.ndim else { throw TensorError("'axis'[0] = \(a) is out of valid range [0, \(x.ndim - 1)", kind: .valueError) }
            items[axis] = .slice(start: nil, stop: nil, step: -1)
        }
        return try x.subscripted(items).copy()
    }

    /// Row `b` (along `batchAxis`) with its first `lengths[b]` steps (along `seqAxis`) reversed;
    /// TF's run-time checks, in its words.
    static func reverseSequence(_ x: NDArray, _ lengths: NDArray, seqAxis: Int, batchAxis: Int) throws(TensorError) -> NDArray {
        guard seqAxis < x.ndim, batchAxis < x.ndim else {
            throw TensorError("Invalid seq_dim \(seqAxis) or batch_dim \(batchAxis) for input of rank \(x.ndim)", kind: .valueError)
        }
        let lens = try lengths.int64Values().map { Int($0) }
        guard lens.count == x.shape[batchAxis] else {
            throw TensorError("Length of seq_lengths != input.dims(\(batchAxis)), (\(lens.count) vs. \(x.shape[batchAxis]))", kind: .valueError)
        }
        for (b, l) in lens.enumerated() {
            guard l >= 0 else { throw TensorError("seq_lens(\(b)) < 0", kind: .valueError) }
            guard l <= x.shape[seqAxis] else { throw TensorError("seq_lens(\(b)) > input.dims(\(seqAxis))", kind: .valueError) }
        }
        let out = try x.copy()
        for (b, l) in lens.enumerated() where l > 1 {
            var dst = [IndexItem](repeating: .all, count: x.ndim), src = dst
            dst[batchAxis] = .index(b); src[batchAxis] = .index(b)
            dst[seqAxis] = .slice(start: 0, stop: l, step: nil)
            src[seqAxis] = .slice(start: l - 1, stop: nil, step: -1)
            // Steps l-1 down to 0 of `x` (never of `out`, so the flip needs no temporary).
            try out.subscripted(dst).assign(try x.subscripted(src))
        }
        return out
    }
}
