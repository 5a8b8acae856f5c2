/// Axis arguments, normalised the way numpy's `normalize_axis_index` does it, so every op that
/// takes `axis=` accepts negative axes and reports numpy's `AxisError` wording.
extension NDArray {
    /// Maps `axis` (possibly negative) into `0..<ndim`, or throws numpy's AxisError text:
    /// `axis 3 is out of bounds for array of dimension 2`.
    public static func normalizeAxis(_ axis: Int, ndim: Int) throws(TensorError) -> Int {
        guard axis >= -ndim && axis < ndim else {
            throw TensorError("axis \(axis) is out of bounds for array of dimension \(ndim)", kind: .axisError)
        }
        return axis < 0 ? axis + ndim : axis
    }

    /// numpy's `normalize_axis_tuple`: each axis normalised, duplicates refused with
    /// `repeated axis` (the wording numpy uses for `expand_dims` and reductions).
    static func normalizeAxes(_ axes: [Int], ndim: Int, duplicateMessage: String = "repeated axis") throws(TensorError) -> [Int] {
        var seen = [Bool](repeating: false, count: ndim)
        var out: [Int] = []
        out.reserveCapacity(axes.count)
        for a in axes {
            let n = try normalizeAxis(a, ndim: ndim)
            if seen[n] { throw TensorError(duplicateMessage, kind: .valueError) }
            seen[n] = true
            out.append(n)
        }
        return out
    }
}

/// numpy's `convert_shape_to_string`, used in its reshape and broadcasting errors: no spaces,
/// negative entries printed as `newaxis`, and *leading* negative entries dropped altogether
/// (so `reshape(-1, 3)` of 8 elements reports `shape (3)`).
public func numpyShapeString(_ shape: [Int]) -> String {
    var i = 0
    while i < shape.count && shape[i] < 0 { i += 1 }
    if i == shape.count { return "()" }
    var s = String(shape[i])
    for d in shape[(i + 1)...] { s += d < 0 ? ",newaxis" : ",\(d)" }
    // Only a one-entry shape gets Python's trailing comma: `(8,)`, but `reshape(-1, 3)` → `(3)`.
    return shape.count == 1 ? "(\(s),)" : "(\(s))"
}

/// A Python tuple's repr, as numpy's messages embed it (`(2,)`, `(2, 2)`, `()`).
func pythonTupleString(_ values: [Int]) -> String { shapeString(values) }

extension NDArray {
    /// numpy's check that `prod(nonzero dims) * itemsize` fits in an intp, applied to every
    /// shape a view may take (a zero-size view could otherwise name axes whose byte strides
    /// overflow): `array is too big; ...`.
    static func checkShapeFits(_ dims: [Int], itemSize: Int) throws(TensorError) {
        try Limits.checkDimensions(dims.count)
        var n = itemSize
        for d in dims where d != 0 {
            if d < 0 { throw TensorError("negative dimensions are not allowed", kind: .valueError) }
            let (p, o) = n.multipliedReportingOverflow(by: d)
            if o { throw TensorError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.", kind: .valueError) }
            n = p
        }
    }
}
