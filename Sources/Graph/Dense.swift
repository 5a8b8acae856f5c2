import Foundation
import Tensor

/// The two TF1 functions that build a fully connected layer, which differ only in names:
/// `tf.layers.dense` (scope `dense`, variables `kernel` and `bias`) and contrib's
/// `fully_connected` (scope `fully_connected`, variables `weights` and `biases`), the one
/// Hands-On Machine Learning's first edition put after its RNNs.
public enum DenseStyle: Sendable {
    case layersDense, contribFullyConnected
    var defaultScope: String { self == .layersDense ? "dense" : "fully_connected" }
    var kernelName: String { self == .layersDense ? "kernel" : "weights" }
    var biasName: String { self == .layersDense ? "bias" : "biases" }
}

/// The activations a layer can end with (`activation=tf.nn.relu`), by TF's op names.
public enum LayerActivation: String, Sendable, CaseIterable {
    case relu, tanh, sigmoid, softmax
    /// The elementwise op computing it; nil for softmax, which is an op of its own.
    var unary: UnaryKind? { self == .softmax ? nil : UnaryKind(rawValue: rawValue) }
}

/// `tf.layers.dense(inputs, units, activation=, use_bias=, name=)`, the fully connected layer
/// the TF1 tutorials of 2017–18 put after their RNN (`logits = tf.layers.dense(states, 10)`).
/// As TF1's layer it creates two variables under the layer's scope — `dense/kernel`
/// `[input, units]`, glorot-uniform (uniform in ±√(6 / (input + units))), and `dense/bias`
/// `[units]`, zeros — and builds `dense/MatMul`, `dense/BiasAdd` and the activation
/// (`dense/Relu`). Inputs of rank 3 or more are multiplied on their last axis (TF's
/// `dense/Tensordot`). A layer without a name takes `dense`, `dense_1`, …; a named layer keeps
/// its name for its variables, and a second layer of that name is refused as TF1's variable
/// scope refused it.
extension Graph {
    public func dense(_ x: GraphTensor, units: Int, activation: LayerActivation? = nil, useBias: Bool = true,
                      name: String? = nil, style: DenseStyle = .layersDense) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        guard units >= 0 else {
            throw TensorError("Received an invalid value for `units`, expected a positive integer. Received: units=\(units)", kind: .valueError)
        }
        guard x.dtype == .float32 || x.dtype == .float64 else {
            throw TensorError("A Dense layer can only be built with a floating-point dtype. Received: dtype=<dtype: '\(x.dtype.name)'>", kind: .typeError)
        }
        // TF names the layer before it looks at the input, so a refused input uses up a name.
        let scope: String
        if let n = name {
            scope = n
        } else {
            scope = uniqueName(nil, style.defaultScope)
        }
        guard let dims = x.shape.dims, let last = dims.last, let input = last else {
            throw TensorError("The last dimension of the inputs to a Dense layer should be defined. Found None. Full input shape received: \(x.shape)", kind: .valueError)
        }
        guard dims.count >= 2 else {
            throw TensorError("Input 0 of layer \"\(scope)\" is incompatible with the layer: expected min_ndim=2, found ndim=\(dims.count). Full shape received: (\(dims.map { "Dimension(\($0.map(String.init) ?? "None"))" }.joined(separator: ", ")),)", kind: .valueError)
        }
        let leading = dims.dropLast()
        if dims.count > 2, leading.filter({ $0 == nil }).count > 1 {
            throw TensorError("rnnsh's tensorflow has no tf.layers.dense on inputs with more than one unknown dimension (yet): reshape to [-1, \(input)] first", kind: .notImplementedError)
        }
        let kernelName = "\(scope)/\(style.kernelName)", biasName = "\(scope)/\(style.biasName)"
        if name != nil, variables.contains(where: { ops[$0].name == kernelName }) {
            throw TensorError("Variable \(kernelName) already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?", kind: .valueError)
        }
        let limit = Float((6 / Double(max(input + units, 1))).squareRoot())
        let kernelInit = try random(.uniform, shape: [input, units], a: -limit, b: limit, dtype: x.dtype,
                                    name: "\(kernelName)/Initializer/random_uniform")
        let kernel = try variable(kernelInit, name: kernelName)
        var bias: GraphTensor?
        if useBias {
            let zeros = constant(try NDArray.zeros([units], dtype: x.dtype), name: "\(biasName)/Initializer/zeros")
            bias = try variable(zeros, name: biasName)
        }
        // The ops live in a name scope made unique on its own (a named layer's ops go under
        // `softmax_1/` when an op already took `softmax`).
        let opScope = name == nil ? scope : uniqueName(scope, scope)
        var y: GraphTensor
        if dims.count == 2 {
            y = try matmul(x, kernel, name: "\(opScope)/MatMul")
        } else {
            // [..., input] · kernel as one product over the flattened leading axes, shaped back.
            let flat = try reshape(x, [-1, input], name: "\(opScope)/Tensordot/Reshape")
            let product = try matmul(flat, kernel, name: "\(opScope)/Tensordot/MatMul")
            y = try reshape(product, leading.map { $0 ?? -1 } + [units], name: "\(opScope)/Tensordot")
        }
        if let b = bias {
            let n = uniqueName("\(opScope)/BiasAdd", "BiasAdd")
            y = tensor(append(n, type: "BiasAdd", .binary(.add), inputs: [y, b], outputs: [(y.shape, y.dtype)]))
        }
        if let kind = activation?.unary {
            y = try unary(kind, y, name: "\(opScope)/\(kind.opName)")
        } else if activation == .softmax {
            y = try softmax(y, name: "\(opScope)/Softmax")
        }
        return y
    }
}
