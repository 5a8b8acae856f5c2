import Tensor

/// The small ops RNN tutorials of TF1's era wrote their inputs and masks with:
/// `tf.one_hot(labels, depth)`, `tf.expand_dims`, `tf.squeeze`, and `tf.stop_gradient`.
/// Shapes, names and build-time errors are TF1's (`ExpandDims:0`, `one_hot:0`, its shape
/// functions' texts with TF 1's `for 'Squeeze' (op: 'Squeeze')` quoting). one_hot has no
/// gradient (its input is integer); expand_dims and squeeze pass the gradient back reshaped;
/// stop_gradient passes none.
extension Graph {
    /// `tf.one_hot(indices, depth, on_value, off_value, axis, dtype)`: the indices' shape with
    /// `depth` inserted at `axis` (-1: last). TF's op also takes the depth and values as
    /// constants in its scope (`one_hot/depth`), which are named here as TF named them.
    public func oneHot(_ indices: GraphTensor, depth: Int, on: Double = 1, off: Double = 0, axis: Int = -1,
                       dtype: DType = .float32, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard indices.graph === self else { throw TensorError("Tensor \(indices.name) must be from the same graph as the other tensors", kind: .valueError) }
        guard [DType.uint8, .int8, .int32, .int64].contains(indices.dtype) else {
            throw TensorError("Value passed to parameter 'indices' has DataType \(indices.dtype.name) not in list of allowed values: uint8, int8, int32, int64", kind: .typeError)
        }
        let n = uniqueName(name, "one_hot")
        let inputShape = indices.shape.bracketText
        guard depth >= 0 else {
            throw TensorError("Dimension size, given by scalar input 1, must be non-negative but is \(depth) for '\(n)' (op: 'OneHot') with input shapes: \(inputShape), [], [], [] and with computed input tensors: input[1] = <\(depth)>.", kind: .valueError)
        }
        var shape = StaticShape.unknown
        if let d = indices.shape.dims {
            guard axis == -1 || (axis >= 0 && axis <= d.count) else {
                throw TensorError("Expected axis to be -1 or between [0, \(d.count + 1)).  But received: \(axis) for '\(n)' (op: 'OneHot') with input shapes: \(inputShape), [], [], [].", kind: .valueError)
            }
            var out = d
            out.insert(depth, at: axis == -1 ? d.count : axis)
            shape = StaticShape(out)
        } else if axis < -1 {
            throw TensorError("Expected axis to be -1 or between [0, rank]. But received: \(axis)", kind: .valueError)
        }
        for part in ["depth", "on_value", "off_value"] { naming.reserve(n + "/" + part) }
        return tensor(append(n, type: "OneHot", .oneHot(depth: depth, axis: axis, on: on, off: off), inputs: [indices], outputs: [(shape, dtype)]))
    }

    /// `tf.expand_dims(x, axis)`: a length-1 axis at `axis`, in [-rank-1, rank].
    public func expandDims(_ x: GraphTensor, axis: Int, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        let n = uniqueName(name, "ExpandDims")
        var shape = StaticShape.unknown
        if let d = x.shape.dims {
            let r = d.count
            guard axis >= -r - 1 && axis <= r else {
                throw TensorError("dim \(axis) not in the interval [\(-r - 1), \(r)]. for '\(n)' (op: 'ExpandDims') with input shapes: \(x.shape.bracketText), [] and with computed input tensors: input[1] = <\(axis)>.", kind: .valueError)
            }
            var out = d
            out.insert(1, at: axis < 0 ? axis + r + 1 : axis)
            shape = StaticShape(out)
        }
        naming.reserve(n + "/dim")
        return tensor(append(n, type: "ExpandDims", .expandDims(axis: axis), inputs: [x], outputs: [(shape, x.dtype)]))
    }

    /// `tf.squeeze(x, axis)`: without axes every length-1 axis goes (an unknown dimension might
    /// be 1, so then TF knows no shape at all); listed axes must be in [-rank, rank) and of
    /// length 1 (an unknown one is taken to be).
    public func squeeze(_ x: GraphTensor, axes: [Int]? = nil, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        let n = uniqueName(name, "Squeeze")
        var shape = StaticShape.unknown
        if let d = x.shape.dims {
            let r = d.count
            if let axes {
                var drop = Set<Int>()
                for (i, a) in axes.enumerated() {
                    guard a >= -r && a < r else {
                        throw TensorError("squeeze_dims[\(i)] not in [\(-r),\(r)). for '\(n)' (op: 'Squeeze') with input shapes: \(x.shape.bracketText).", kind: .valueError)
                    }
                    let k = a < 0 ? a + r : a
                    if let size = d[k], size != 1 {
                        throw TensorError("Can not squeeze dim[\(k)], expected a dimension of 1, got \(size) for '\(n)' (op: 'Squeeze') with input shapes: \(x.shape.bracketText).", kind: .valueError)
                    }
                    drop.insert(k)
                }
                shape = StaticShape(d.enumerated().filter { !drop.contains($0.offset) }.map(\.element))
            } else if !d.contains(where: { $0 == nil }) {
                shape = StaticShape(d.filter { $0 != 1 })
            }
        }
        return tensor(append(n, type: "Squeeze", .squeeze(axes), inputs: [x], outputs: [(shape, x.dtype)]))
    }

    /// `tf.stop_gradient(x)`: x's value, a constant to every gradient.
    public func stopGradient(_ x: GraphTensor, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        let n = uniqueName(name, "StopGradient")
        return tensor(append(n, type: "StopGradient", .stopGradient, inputs: [x], outputs: [(x.shape, x.dtype)]))
    }
}

/// What `sess.run("y:0")` and `feed_dict={"x:0": …}` name: an output of an op (`op:index`) or
/// an op (a name without a colon). The errors are TF's `as_graph_element`'s, whose KeyErrors
/// Python shows quoted.
public enum GraphElement: Sendable {
    case tensor(GraphTensor)
    case operation(GraphOperation)
}

public struct GraphElementError: Error, Sendable {
    /// The message, and whether TF raised it as a KeyError (shown in quotes when wrapped).
    public let message: String
    public let isKeyError: Bool
}

extension Graph {
    /// The op called `name` (ops' names are unique).
    public func op(named name: String) -> Int? { ops.firstIndex { $0.name == name } }

    /// TF's `Graph.as_graph_element(name, allow_tensor=True, allow_operation=)`.
    public func element(named name: String, allowOperation: Bool) -> Result<GraphElement, GraphElementError> {
        let shown = "'" + name + "'"
        let form = " Tensor names must be of the form \"<op_name>:<output_index>\"."
        if name.contains(":") {
            let parts = name.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[1]) else {
                return .failure(GraphElementError(message: "The name \(shown) looks a like a Tensor name, but is not a valid one." + form, isKeyError: false))
            }
            let opName = String(parts[0])
            guard let id = op(named: opName) else {
                return .failure(GraphElementError(message: "The name \(shown) refers to a Tensor which does not exist. The operation, '\(opName)', does not exist in the graph.", isKeyError: true))
            }
            guard index >= 0 && index < ops[id].outputs.count else {
                return .failure(GraphElementError(message: "The name \(shown) refers to a Tensor which does not exist. The operation, '\(opName)', exists but only has \(ops[id].outputs.count) outputs.", isKeyError: true))
            }
            return .success(.tensor(tensor(id, index)))
        }
        if allowOperation {
            guard let id = op(named: name) else {
                return .failure(GraphElementError(message: "The name \(shown) refers to an Operation not in the graph.", isKeyError: true))
            }
            return .success(.operation(operation(id)))
        }
        if op(named: name) != nil {
            return .failure(GraphElementError(message: "The name \(shown) refers to an Operation, not a Tensor." + form, isKeyError: false))
        }
        return .failure(GraphElementError(message: "The name \(shown) looks like an (invalid) Operation name, not a Tensor." + form, isKeyError: false))
    }
}

enum ShapeOpKernels {
    static func oneHot(_ indices: NDArray, depth: Int, axis: Int, on: Double, off: Double, dtype: DType) throws(TensorError) -> NDArray {
        var shape = indices.shape
        let a = axis == -1 ? shape.count : axis
        guard a >= 0 && a <= shape.count else {
            throw TensorError("Expected axis to be -1 or between [0, \(shape.count + 1)).  But received: \(axis)")
        }
        shape.insert(depth, at: a)
        _ = try Limits.checkAllocation(shape, dtype)
        let idx = try indices.doubleValues()
        // Output element (p, j, s): p runs over the axes before `a`, s over those after.
        let suffix = indices.shape[a...].reduce(1, *)
        let prefix = indices.shape[..<a].reduce(1, *)
        var out = [Double](repeating: off, count: prefix * depth * suffix)
        for p in 0..<prefix {
            for s in 0..<suffix {
                let v = idx[p * suffix + s]
                guard v >= 0, v < Double(depth) else { continue }
                out[(p * depth + Int(v)) * suffix + s] = on
            }
        }
        return try NDArray(out, shape: shape).astype(dtype)
    }

    static func expandDims(_ x: NDArray, axis: Int) throws(TensorError) -> NDArray {
        let r = x.ndim
        guard axis >= -r - 1 && axis <= r else {
            throw TensorError("Tried to expand dim index \(axis) for tensor with \(r) dimensions.")
        }
        var shape = x.shape
        shape.insert(1, at: axis < 0 ? axis + r + 1 : axis)
        return try x.reshape(shape)
    }

    static func squeeze(_ x: NDArray, axes: [Int]?) throws(TensorError) -> NDArray {
        let r = x.ndim
        var drop = Set<Int>()
        if let axes {
            for a in axes {
                guard a >= -r && a < r else { throw TensorError("Tried to squeeze dim index \(a) for tensor with \(r) dimensions.") }
                let k = a < 0 ? a + r : a
                guard x.shape[k] == 1 else {
                    throw TensorError("Can not squeeze dim[\(k)], expected a dimension of 1, got \(x.shape[k])")
                }
                drop.insert(k)
            }
        } else {
            for (k, n) in x.shape.enumerated() where n == 1 { drop.insert(k) }
        }
        return try x.reshape(x.shape.enumerated().filter { !drop.contains($0.offset) }.map(\.element))
    }
}
