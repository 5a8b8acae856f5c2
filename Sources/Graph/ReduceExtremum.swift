import Tensor

/// `tf.reduce_max` and `tf.reduce_min` (ops `Max`/`Min`, `ReduceKind` cases built by
/// `Graph.reduce`, with TF1's `axis`/`reduction_indices` and `keepdims`/`keep_dims`). Values are
/// numpy's max/min over the axes, except over an empty axis, where TF gives the reduction's
/// identity (−inf for max, +inf for min) and numpy refuses. The gradient is TF's
/// `_MinOrMaxGrad`: the incoming gradient is split equally among the elements equal to their
/// slice's result, `[x == y] / count · grad`.
enum ReduceExtremumKernels {
    /// The reduced axes, each once, counted from 0.
    static func axes(_ axes: [Int]?, rank: Int) throws(TensorError) -> [Int] {
        guard let axes else { return Array(0..<rank) }
        var out = Set<Int>()
        for a in axes { out.insert(try ShapeInference.axis(a, rank: rank, "reduce")) }
        return out.sorted()
    }

    static func forward(_ isMax: Bool, _ x: NDArray, axes given: [Int]?, keepdims: Bool) throws(TensorError) -> NDArray {
        let ax = try axes(given, rank: x.ndim)
        if ax.contains(where: { x.shape[$0] == 0 }) {
            guard x.dtype.isFloat else {
                throw TensorError("rnnsh's tensorflow has no \(isMax ? "reduce_max" : "reduce_min") over an empty axis of \(x.dtype.name) (yet)", kind: .notImplementedError)
            }
            var shape: [Int] = []
            for (i, n) in x.shape.enumerated() { if ax.contains(i) { if keepdims { shape.append(1) } } else { shape.append(n) } }
            let identity = NDArray(scalar: isMax ? -Double.infinity : Double.infinity)
            return try NDArray.add(.array(try NDArray.zeros(shape, dtype: x.dtype)), .array(identity)).astype(x.dtype)
        }
        return try x.reduce(isMax ? .max : .min, axis: ax, keepdims: keepdims)
    }

    static func gradient(_ isMax: Bool, _ x: NDArray, axes given: [Int]?, keepdims: Bool, _ d: NDArray) throws(TensorError) -> NDArray {
        let ax = try axes(given, rank: x.ndim)
        var kept = x.shape
        for a in ax { kept[a] = 1 }
        // The op's result again, with the reduced axes kept so that it lines up with x.
        let y = try forward(isMax, x, axes: ax, keepdims: true)
        let dtype: DType = d.dtype == .float64 ? .float64 : .float32
        let indicators = try NDArray.equal(.array(y), .array(x)).astype(dtype)
        let count = try indicators.sum(axis: ax, keepdims: true)
        let share = try NDArray.divide(.array(indicators), .array(count))
        return try NDArray.multiply(.array(share), .array(try d.reshape(kept)))
    }
}
