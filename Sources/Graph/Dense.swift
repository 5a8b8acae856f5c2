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
        // The layer's variables live under the variable scope (`foo/dense/kernel`), its ops
        // under the name scope (`foo/dense/MatMul`, `foo_1/dense/…` in a re-entered scope).
        let layerName: String
        var unnamedScope: String?
        if let n = name {
            layerName = n
        } else {
            let u = uniqueName(nil, style.defaultScope)
            unnamedScope = u
            layerName = String(u.dropFirst(namePrefix.count))
        }
        let scope = variableName(layerName)
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
        // A reusing variable scope shares the layer's variables (TF1 built them with get_variable).
        // Checked before the op scope is named: a refused layer uses up no op name (TF's didn't).
        let sharedKernel = try sharedVariable(kernelName, shape: [input, units], dtype: x.dtype)
        let opScope = unnamedScope ?? uniqueName(layerName, layerName)
        return try absolute { () throws(TensorError) -> GraphTensor in
        let kernel: GraphTensor
        if let shared = sharedKernel {
            kernel = shared
        } else {
            // No kernel_initializer: the variable scope's, else glorot-uniform (get_variable's default).
            let kernelInit = try initialValue(currentVariableScope.initializer ?? .glorotUniform, shape: [input, units], dtype: x.dtype,
                                              prefix: "\(kernelName)/Initializer/")
            kernel = try variable(kernelInit, name: kernelName)
            register(kernel, as: kernelName)
        }
        var bias: GraphTensor?
        if useBias {
            if let shared = try sharedVariable(biasName, shape: [units], dtype: x.dtype) {
                bias = shared
            } else {
                let zeros = constant(try NDArray.zeros([units], dtype: x.dtype), name: "\(biasName)/Initializer/zeros")
                let b = try variable(zeros, name: biasName)
                register(b, as: biasName)
                bias = b
            }
        }
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
}
