import Tensor

/// `tf.gather(params, indices, axis=0)` (TF's `GatherV2`): `params` with `axis` replaced by the
/// rows `indices` name, as `np.take` does; the result's shape is `params.shape[:axis] +
/// indices.shape + params.shape[axis+1:]`. An index outside `[0, n)` (negative ones too: TF does
/// not count from the end) is TF's InvalidArgumentError when the op runs. The gradient adds
/// each incoming row back into the row it was read from (TF's unsorted segment sum), so an index
/// taken twice gets both rows' gradients.
extension Graph {
    public func gather(_ params: GraphTensor, _ indices: GraphTensor, axis: Int = 0, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard params.graph === self, indices.graph === self else {
            throw TensorError("Tensor must be from the same graph as the other tensors", kind: .valueError)
        }
        guard indices.dtype == .int32 || indices.dtype == .int64 else {
            throw TensorError("Value passed to parameter 'indices' has DataType \(indices.dtype.name) not in list of allowed values: int16, int32, int64", kind: .typeError)
        }
        let n = uniqueName(name, "GatherV2")
        var shape = StaticShape.unknown
        if let p = params.shape.dims {
            guard axis >= -p.count && axis < p.count else {
                throw TensorError("Shape must be at least rank \(axis < 0 ? -axis : axis + 1) but is rank \(p.count) for '\(n)' (op: 'GatherV2')", kind: .valueError)
            }
            let a = axis < 0 ? axis + p.count : axis
            if let i = indices.shape.dims { shape = StaticShape(Array(p[..<a]) + i + Array(p[(a + 1)...])) }
        }
        let axisName = n + "/axis"
        naming.reserve(axisName)
        let axisConst = tensor(append(axisName, type: "Const", .constant(NDArray(scalar: Int32(truncatingIfNeeded: axis))), inputs: [],
                                      outputs: [(.known([]), .int32)]))
        return tensor(append(n, type: "GatherV2", .gather, inputs: [params, indices, axisConst], outputs: [(shape, params.dtype)]))
    }
}

enum GatherKernels {
    static func forward(_ params: NDArray, _ indices: NDArray, _ axisValue: NDArray) throws(TensorError) -> NDArray {
        let axis = try self.axis(params, axisValue)
        let n = params.shape[axis]
        for (k, i) in try indices.int64Values().enumerated() where i < 0 || i >= Int64(n) {
            throw TensorError("indices[\(k)] = \(i) is not in [0, \(n))", kind: .invalidArgumentError)
        }
        return try params.take(indices, axis: axis)
    }

    /// Zeros of `params`' shape with each gathered slice of `d` added back where it was read.
    static func backward(_ params: NDArray, _ indices: NDArray, _ axisValue: NDArray, _ d: NDArray) throws(TensorError) -> NDArray {
        let axis = try self.axis(params, axisValue)
        let g = try NDArray.zeros(params.shape, dtype: .float32)
        let idx = try indices.int64Values()
        // d's axes: params' before `axis`, then indices' (flattened here), then params' after.
        let before = Array(params.shape[..<axis]), after = Array(params.shape[(axis + 1)...])
        let flat = try d.reshape(before + [idx.count] + after)
        for (k, i) in idx.enumerated() {
            var src = [IndexItem](repeating: .all, count: flat.ndim), dst = [IndexItem](repeating: .all, count: g.ndim)
            src[axis] = .index(k); dst[axis] = .index(Int(i))
            let target = try g.subscripted(dst)
            try target.assign(try NDArray.add(.array(target), .array(try flat.subscripted(src))))
        }
        return g
    }

    private static func axis(_ params: NDArray, _ axisValue: NDArray) throws(TensorError) -> Int {
        let a = Int(try axisValue.int64Values().first ?? 0)
        let r = a < 0 ? a + params.ndim : a
        guard r >= 0 && r < params.ndim else {
            throw TensorError("Expected axis in the range [\(-params.ndim), \(params.ndim)), but got \(a)", kind: .valueError)
        }
        return r
    }
}
