/// numpy's `ufunc.at(a, indices, b)`: an unbuffered in-place operation. Unlike `a[idx] += b`,
/// an index that appears several times is applied once per appearance (the scatter-add of an
/// embedding's gradient, a confusion matrix with `np.add.at(cm, (y_true, y_pred), 1)`).
public enum UfuncAtOp: String, CaseIterable, Sendable {
    case add, subtract, multiply, maximum, minimum
}

extension NDArray {
    /// Applies `op` in place at `items` (numpy's indexing: integers, slices, integer and bool
    /// arrays), element by element in index order, with `values` broadcast to the indexed shape.
    public func applyAt(_ op: UfuncAtOp, _ items: [IndexItem], _ values: Operand) throws(TensorError) {
        let positions = try NDArray.arange(.int(Int64(size))).reshape(shape).subscripted(items)
        let targets = try positions.int64Values()
        let operand = try values.asArray.broadcast(to: positions.shape)
        if dtype.isFloat {
            var data = try doubleValues()
            let b = try operand.doubleValues()
            let single = dtype == .float32
            for (k, t) in targets.enumerated() {
                let i = Int(t)
                var r: Double
                switch op {
                case .add: r = data[i] + b[k]
                case .subtract: r = data[i] - b[k]
                case .multiply: r = data[i] * b[k]
                // As np.maximum: the second operand when equal (-0.0 and 0.0), NaN from either.
                case .maximum: r = (data[i] > b[k] || data[i].isNaN) ? data[i] : b[k]
                case .minimum: r = (data[i] < b[k] || data[i].isNaN) ? data[i] : b[k]
                }
                if single { r = Double(Float(r)) }
                data[i] = r
            }
            try assign(try NDArray.fromDoubles(data, shape: shape).astype(dtype))
        } else {
            var data = try int64Values()
            let b = try operand.int64Values()
            for (k, t) in targets.enumerated() {
                let i = Int(t)
                switch op {
                case .add: data[i] = data[i] &+ b[k]
                case .subtract: data[i] = data[i] &- b[k]
                case .multiply: data[i] = data[i] &* b[k]
                case .maximum: data[i] = Swift.max(data[i], b[k])
                case .minimum: data[i] = Swift.min(data[i], b[k])
                }
            }
            try assign(try NDArray.fromInt64s(data, shape: shape).astype(dtype))
        }
    }
}
