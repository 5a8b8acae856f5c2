import Tensor

/// The contract every recurrent cell of the engine keeps. A cell is a value (its size and
/// options; no weights) that knows:
/// - its TF1 variables for a given input width (names under its TF scope, shapes, initial
///   values), laid out one after another in a flat parameter slice;
/// - how to run a whole sequence forward and backward on that slice (`makeKernel`);
/// - how its weights look in Keras's and PyTorch's layouts (or why they cannot);
/// - what one step computes inside (`internals`, for the explorer's `gates`).
///
/// Everything else — the workspace cell (`Cell`), the model's stacked and bidirectional
/// layers, checkpoints, export and import, the shell — goes through this protocol and
/// `CellKind`, so a new cell is one file (its conformer and its kernel, forward and backward
/// side by side) plus one `CellKind` case.
protocol RecurrentCell: Sendable {
    static var kind: CellKind { get }
    /// TF1's class name (`BasicLSTMCell`), its variable scope (`basic_lstm_cell`) and the short
    /// name tables use (`LSTM`).
    static var tfClass: String { get }
    static var scope: String { get }
    static var shortName: String { get }
    /// The width of the cell's gate pre-activations in units (LSTM 4, GRU 3, RNN 1).
    static var gateBlocks: Int { get }
    /// Whether the cell takes `forget_bias` (default false).
    static var takesForgetBias: Bool { get }
    /// Whether the cell takes `activation` (default false: its activations are fixed).
    static var takesActivation: Bool { get }
    init(units: Int, options: CellOptions)
    /// The input width and units that TF-layout weights (names as in `variables`) imply, or an
    /// error saying what does not fit.
    static func infer(_ w: [String: NDArray]) throws(TensorError) -> (input: Int, units: Int)
    var units: Int { get }
    /// The options this cell takes (the LSTM's `forget_bias`, the RNN cell's `activation`).
    var options: CellOptions { get }
    /// The state's parts in TF's order: `["c", "h"]` for the LSTM's `LSTMStateTuple`, `["h"]`
    /// for cells whose state is their output. The last part is always `h`, the output.
    static var stateNames: [String] { get }
    /// The variables for inputs of width `input`, in their order in the flat parameter slice,
    /// named as in TF1's graph under the cell's scope (`kernel`, `gates/kernel`, …).
    func variables(input: Int) -> [CellVariable]
    /// TF1's initial values of every variable (glorot-uniform kernels, the cell's own bias
    /// convention), drawn from `rng` in variable order.
    func initialValues(input: Int, rng: inout SeededRandom) -> [Float]
    /// A fresh sequence runner (one per model replica and direction; it owns its activations).
    func makeKernel() -> SequenceKernel
    /// The weights (TF names → arrays) in `framework`'s layout, names without a prefix; throws
    /// with the reason when `framework` has no layer computing the same function.
    func frameworkWeights(_ tf: [String: NDArray], framework: Framework) throws(TensorError) -> [(String, NDArray)]
    /// The inverse of `frameworkWeights`: TF-layout weights from `framework`'s arrays.
    func tfWeights(from w: [String: NDArray], framework: Framework, input: Int) throws(TensorError) -> [String: NDArray]
    /// The Python expression of the equivalent layer (`keras.layers.LSTM(128)`, …), with
    /// `extra` keyword arguments appended (`return_sequences=True`, `num_layers=2`).
    func frameworkLayer(_ framework: Framework, input: Int, extra: [String]) throws(TensorError) -> String
    /// One step opened up (for `gates`): what the gates were before and after activation.
    func internals(params: UnsafePointer<Float>, x: NDArray, state: [NDArray], input: Int) throws(TensorError) -> CellInternals
    /// FLOPs of the matrix products of one step forward for one example (for the benchmark).
    func forwardFlopsPerStep(input: Int) -> Double
    /// What a listing of the cell's variables adds after `name` (default none).
    static func variableNote(_ name: String) -> String?
    /// The op names TF1's `static_rnn` gives the unrolled cell's step outputs and its final state
    /// parts before `h` (see `CellKind.unrolledOpNames`); nil (the default) where rnnsh's TF
    /// graph does not build the cell. `options` because an op's name can follow an option
    /// (BasicRNNCell's output is its activation's op: `Tanh_t`, `Relu_t`).
    static func unrolledOpNames(steps: Int, options: CellOptions) -> (outputs: [String], state: [String])?
}

/// Options a cell may take. One struct so checkpoints and the shell carry them uniformly.
public struct CellOptions: Sendable, Equatable {
    /// `BasicLSTMCell`'s `forget_bias`, added to the forget gate at every step (not stored in
    /// the bias). Ignored by cells without a forget gate.
    public var forgetBias: Float
    /// `BasicRNNCell`'s `activation` (TF1's default tanh). Only cells with `takesActivation`
    /// read it; the others refuse anything but tanh where a configuration is checked
    /// (`ModelConfigValidation`, the shell), so a non-default value never goes unused silently.
    public var activation: CellActivation
    public init(forgetBias: Float = 1, activation: CellActivation = .tanh) {
        self.forgetBias = forgetBias; self.activation = activation
    }
}

/// The activations a plain RNN cell can apply to its pre-activation: TF1's
/// `BasicRNNCell(activation=tf.tanh | tf.nn.relu | tf.sigmoid)`, Keras's
/// `SimpleRNN(activation='tanh' | 'relu' | 'sigmoid')`. The raw value is the word the shell,
/// checkpoints (`config/activation`) and Keras configurations use. How each is computed, forward
/// and backward, is in `BasicRNNCell.swift` beside the kernel that uses it.
public enum CellActivation: String, Sendable, CaseIterable, Equatable {
    case tanh, relu, sigmoid

    /// TF1's function (`tf.nn.relu`), as an `activation=` argument is written.
    public var tfFunction: String {
        switch self {
        case .tanh: return "tf.tanh"
        case .relu: return "tf.nn.relu"
        case .sigmoid: return "tf.sigmoid"
        }
    }

    /// The op TF1 builds for it (`Relu`): the name of a BasicRNNCell's step output.
    public var tfOp: String {
        switch self {
        case .tanh: return "Tanh"
        case .relu: return "Relu"
        case .sigmoid: return "Sigmoid"
        }
    }

    /// PyTorch's `nn.RNN(nonlinearity=)`, which has only tanh and relu.
    public var torchNonlinearity: String? {
        switch self {
        case .tanh: return "tanh"
        case .relu: return "relu"
        case .sigmoid: return nil
        }
    }

    /// The activation TF1, Keras or the shell names `word` (`relu`, `tf.nn.relu`), or nil.
    public init?(word: String) {
        let w = word.lowercased()
        guard let a = CellActivation.allCases.first(where: { $0.rawValue == w || $0.tfFunction == w
            || "tf.nn.\($0.rawValue)" == w || "tf.math.\($0.rawValue)" == w }) else { return nil }
        self = a
    }
}

/// One TF variable of a cell: its name under the cell's scope and its shape.
public struct CellVariable: Sendable, Equatable {
    public var name: String
    public var shape: [Int]
    public var count: Int { shape.reduce(1, *) }
}

/// The frameworks weights are exported to and imported from.
public enum Framework: String, Sendable, CaseIterable {
    case tf, keras, torch
}

/// One step of a cell opened up, for the explorer: each gate's pre-activation and activation
/// (`(batch, units)` each), and the new state's parts with their formulas.
public struct CellInternals: Sendable {
    public struct Gate: Sendable {
        public var name: String, role: String, formula: String
        public var preactivation: NDArray, activation: NDArray
    }
    public var gates: [Gate]
    /// How the pre-activations are formed, e.g. `concat([x, h], 1) (2, 7) @ kernel (7, 16) + bias (16,) → gates (2, 16), split into i, j, f, o of (2, 4)`.
    public var product: String
    /// The new state's parts: name, role, formula, value (`c`, `h`).
    public var outputs: [(name: String, role: String, formula: String, value: NDArray)]
    public var units: Int
    /// The LSTM's forget bias (the explorer prints it in the forget gate's formula), else nil.
    public var forgetBias: Float? = nil
    /// The new `h` (the cell's output).
    public var h: NDArray { outputs[outputs.count - 1].value }
}

/// The sizes of one run of a kernel.
struct SequenceDims: Equatable, Sendable {
    var batch: Int, input: Int, units: Int, steps: Int
    var rowWidth: Int { input + units }
}

/// Runs a cell over a whole sequence, forward and backward, on raw float buffers; owns the
/// activations kept for backpropagation (reused across batches, growing only).
///
/// Protocol of use: `prepare(dims)`; write every `x_t` to `input(t, b)` and the initial state's
/// parts to `initialState(k, b)`; `forward`. Then `output(t, b)` and `finalState(k, b)` hold
/// the results. For backward, put dL/d(final state part k) into `stateGradient(k)` (the `h`
/// part includes the last output's gradient), call `backward`, which calls
/// `outputGradient(t)` for every earlier output's extra gradient; on return `stateGradient(k)`
/// holds dL/d(initial state part k) (when `needInitialState`).
protocol SequenceKernel: AnyObject {
    var dims: SequenceDims { get }
    func prepare(_ d: SequenceDims)
    func input(_ t: Int, _ b: Int) -> UnsafeMutablePointer<Float>
    func initialState(_ k: Int, _ b: Int) -> UnsafeMutablePointer<Float>
    func output(_ t: Int, _ b: Int) -> UnsafeMutablePointer<Float>
    func finalState(_ k: Int, _ b: Int) -> UnsafeMutablePointer<Float>
    func stateGradient(_ k: Int) -> UnsafeMutablePointer<Float>
    /// With `forBackward: false` the kernel may skip keeping what only backpropagation needs.
    func forward(params: UnsafePointer<Float>, options: CellOptions, forBackward: Bool)
    /// Weight gradients go to `grads` (the cell's slice layout; added when `accumulate`), input
    /// gradients `[T, B, I]` to `inputGradients` when given.
    func backward(params: UnsafePointer<Float>, options: CellOptions, grads: UnsafeMutablePointer<Float>,
                  accumulate: Bool, inputGradients: UnsafeMutablePointer<Float>?, needInitialState: Bool,
                  outputGradient: ((Int) -> UnsafePointer<Float>?)?)
}

extension RecurrentCell {
    static var takesForgetBias: Bool { false }
    static var takesActivation: Bool { false }
    static func variableNote(_ name: String) -> String? { nil }
    static func unrolledOpNames(steps: Int, options: CellOptions) -> (outputs: [String], state: [String])? { nil }
    /// TF's name for the k-th op of a kind within a scope: `Mul`, `Mul_1`, `Mul_2`, …
    static func numberedOp(_ base: String, _ k: Int) -> String { k == 0 ? base : "\(base)_\(k)" }
    var kind: CellKind { Self.kind }
    var stateNames: [String] { Self.stateNames }
    func parameterCount(input: Int) -> Int { variables(input: input).reduce(0) { $0 + $1.count } }
}

/// A cell whose weights are one `kernel` `[input + units, gateBlocks·units]` over the
/// concatenated `[x, h]` and one `bias`, zero at first: TF1's BasicLSTMCell and BasicRNNCell.
/// Their layout, inference and initial values are this one rule, so it is written once here.
protocol SingleKernelCell: RecurrentCell {}

extension SingleKernelCell {
    static func infer(_ w: [String: NDArray]) throws(TensorError) -> (input: Int, units: Int) {
        try GateBlocks.infer(w, kernelName: "kernel", blocks: gateBlocks)
    }

    func variables(input: Int) -> [CellVariable] {
        [CellVariable(name: "kernel", shape: [input + units, Self.gateBlocks * units]),
         CellVariable(name: "bias", shape: [Self.gateBlocks * units])]
    }

    func initialValues(input: Int, rng: inout SeededRandom) -> [Float] {
        Initializers.glorotUniform(rows: input + units, columns: Self.gateBlocks * units, rng: &rng)
            + [Float](repeating: 0, count: Self.gateBlocks * units)
    }
}
