import Tensor
import RNN

/// What an op computes. The cases are the TF1 API the tutorials of its era use; each case's
/// shape rule is in `ShapeInference`, its value in `Kernels`, its gradient in `Gradients`.
public enum OpKind: Sendable {
    /// Fed by `feed_dict`.
    case placeholder
    /// A TF1 variable: its value lives in a session; `initial` is the tensor its initializer
    /// computes (a random draw, a constant, zeros).
    case variable(initial: GraphTensor, trainable: Bool)
    case constant(NDArray)
    /// `random_normal`/`truncated_normal`/`random_uniform` of a fixed shape, drawn from the
    /// graph's seeded stream.
    case random(RandomKind, shape: [Int], a: Float, b: Float)
    /// The initial values of a cell's variables (TF1's initializers for it), drawn from the
    /// graph's seeded stream: the cell's whole flat slice, `part` selects kernel or bias.
    case cellInitial(RecurrentSpec, part: Int)
    case transpose([Int]?)
    case reshape([Int])
    /// Equal pieces along `axis` (outputs `count`).
    case split(axis: Int, count: Int)
    case unstack(axis: Int, count: Int)
    /// `tf.stack(values, axis)` (TF's `Pack`): the inputs, of one shape, along a new axis.
    case stack(axis: Int)
    /// `tf.reverse(x, axis)`: inputs (x, the axes as an int32 constant).
    case reverse
    /// `tf.reverse_sequence(x, seq_lengths, seq_axis, batch_axis)`: inputs (x, lengths).
    case reverseSequence(seqAxis: Int, batchAxis: Int)
    /// `tf.gather(params, indices, axis)`: inputs (params, indices, the axis as a constant).
    case gather
    /// `tf.shape(x)`: x's run-time shape as int32.
    case shape
    /// `tf.range(start, limit, delta)`: inputs the three scalars.
    case range
    case concat(axis: Int)
    /// `tf.matmul(a, b, transpose_a=, transpose_b=)`: each operand optionally transposed first.
    case matmul(transposeA: Bool, transposeB: Bool)
    /// `a > b`, `tf.greater` and the other orderings: broadcasting, a bool result.
    case compare(CompareKind)
    /// `tf.one_hot(indices, depth, on_value, off_value, axis)`: input the indices; an index
    /// outside [0, depth) (negative ones included) gives a row of `off`.
    case oneHot(depth: Int, axis: Int, on: Double, off: Double)
    /// `tf.expand_dims(x, axis)`: a length-1 axis inserted at `axis` (counted from the end when
    /// negative, as TF does: -1 appends).
    case expandDims(axis: Int)
    /// `tf.squeeze(x, axis)`: the given length-1 axes removed (nil: every length-1 axis).
    case squeeze([Int]?)
    /// `tf.stop_gradient(x)`: x's value; no gradient flows back through it.
    case stopGradient
    /// `tf.clip_by_norm(t, clip_norm)` over all axes: `t·clip/max(‖t‖, clip)` (see ClipOps.swift).
    case clipByNorm(Float)
    case binary(BinaryKind)
    case softmax
    /// Per-row cross-entropy of softmax(logits) against labels: inputs (logits, labels).
    case softmaxCrossEntropy
    case reduce(ReduceKind, axes: [Int]?, keepdims: Bool)
    case argmax(axis: Int)
    case equal
    /// `tf.not_equal` (`a != b` elementwise).
    case notEqual
    case cast(DType)
    /// `t[:, -1, :]`, `t[-1]`: TF1's StridedSlice of basic indices (ints and slices).
    case stridedSlice([IndexItem])
    /// `tf.log`, `-t` (`tf.negative`), `tf.square`, `tf.exp`, `tf.sqrt`, `tf.abs`, and the
    /// activations `tf.nn.relu`, `tf.tanh`, `tf.sigmoid`.
    case unary(UnaryKind)
    /// `tf.nn.in_top_k(predictions, targets, k)`: whether each row's target class is among its
    /// k largest predictions (ties at the boundary count as in; a row with a non-finite
    /// prediction or a target outside the classes, as out).
    case inTopK(k: Int)
    /// `tf.clip_by_value(t, lo, hi)` with number bounds.
    case clip(min: Float, max: Float)
    /// Per-row cross-entropy of softmax(logits) against class ids: inputs (logits, labels).
    case sparseSoftmaxCrossEntropy
    /// `tf.nn.l2_loss(t)`: `sum(t²) / 2`, a scalar.
    case l2Loss
    /// `tf.nn.dropout(x, keep_prob)` (also a DropoutWrapper's): inputs (x, keep_prob); outputs
    /// (x / keep_prob · mask, mask) with mask = floor(keep_prob + uniform[0, 1)).
    case dropout
    /// `v.assign(value)` / `tf.assign(v, value)`: inputs (variable, value); running it stores the
    /// value in the session's variable and gives it.
    case assign(AssignUpdate)
    /// A cell unrolled over a sequence, run as one engine call (see `RecurrentSpec`).
    case recurrent(RecurrentSpec)
    /// `tf.gradients(ys, xs)`: inputs the ys; outputs d (sum of ys) / d x, one per x.
    case gradients(xs: [GraphTensor])
    /// `global_variables_initializer()`: assigns every variable its initial value.
    case initializer([Int])
    /// `tf.group(...)`, `tf.no_op()`: running it runs these ops (op ids); it has no value.
    case group([Int])
    /// `optimizer.minimize(loss)`: one update of `variables` (op ids) from d loss/d variable.
    case minimize(OptimizerSpec)
    /// An op whose value and gradient live side by side in one type (`GraphKernel`), one file
    /// per idea (`EmbeddingLookup.swift`, `FillOps.swift`, …), so adding an op does not
    /// touch the switches of `Kernels` and `Gradients`.
    case kernel(any GraphKernel)
}

/// What an op computes, forward and backward together. `forward` gets the inputs' values and
/// returns every output's; `backward` gets the inputs' and outputs' values of the same run and
/// the gradient arriving at each output (nil where none arrives), and returns one gradient per
/// input (nil: none, as for TF's integer inputs or ops TF registers no gradient for). Only the
/// inputs marked `wanted` need one.
public protocol GraphKernel: Sendable {
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray]
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?]
}

extension GraphKernel {
    /// No gradient (TF's `ops.NotDifferentiable`: Size, Rank, Where, the `*_like` fills).
    public func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        x.map { _ in nil }
    }
}

public enum RandomKind: String, Sendable { case normal, truncatedNormal, uniform }
/// What an assignment op stores: the value (`tf.assign`), or the variable plus or minus it
/// (`tf.assign_add`, `tf.assign_sub`).
public enum AssignUpdate: Sendable {
    case set, add, subtract
    /// TF's op type, also the op's default name.
    var opType: String {
        switch self { case .set: return "Assign"; case .add: return "AssignAdd"; case .subtract: return "AssignSub" }
    }
}
public enum BinaryKind: String, Sendable {
    case add, sub, mul, div
    /// `tf.maximum`, `tf.minimum` (elementwise, broadcasting; also `clip_by_value`'s two ops).
    case maximum, minimum
    /// `tf.pow(x, y)` and `x ** y`.
    case pow
    /// `x // y` and `x % y` (TF's FloorDiv, FloorMod: Python's flooring division and the
    /// remainder with the divisor's sign).
    case floorDiv, floorMod
    /// TF's op name (the `name` of the op): what Python's operators name it (`x ** 2` is
    /// `pow`); `tf.maximum`/`tf.minimum` are named by their type.
    var opName: String {
        switch self {
        case .div: return "truediv"
        case .maximum, .minimum: return opType
        case .floorDiv: return "floordiv"
        case .floorMod: return "mod"
        default: return rawValue
        }
    }
    /// The dtypes TF's kernel takes, as its TypeError lists them, for the ops that refuse bool
    /// (nil: not checked here).
    var allowedTypes: String? {
        switch self {
        case .maximum, .minimum: return "bfloat16, float16, float32, float64, int8, uint8, int16, uint16, int32, uint32, int64, uint64"
        case .pow: return "bfloat16, float32, float16, float64, int8, int16, int32, int64, complex64, complex128"
        default: return nil
        }
    }
    /// TF's op type (in shape errors).
    var opType: String {
        switch self {
        case .add: return "Add"
        case .sub: return "Sub"
        case .mul: return "Mul"
        case .div: return "RealDiv"
        case .maximum: return "Maximum"
        case .minimum: return "Minimum"
        case .pow: return "Pow"
        case .floorDiv: return "FloorDiv"
        case .floorMod: return "FloorMod"
        }
    }
}

/// The orderings of tensors (`>`, `<`, `>=`, `<=`, and `tf.greater` and friends).
public enum CompareKind: String, Sendable {
    case greater, less, greaterEqual, lessEqual
    /// TF's op type, also the op's default name (`Greater`, `LessEqual`).
    public var opType: String {
        switch self {
        case .greater: return "Greater"
        case .less: return "Less"
        case .greaterEqual: return "GreaterEqual"
        case .lessEqual: return "LessEqual"
        }
    }
    /// The ordering with its operands swapped (`2 < t` is `t > 2`, as Python reflects it).
    public var mirrored: CompareKind {
        switch self {
        case .greater: return .less
        case .less: return .greater
        case .greaterEqual: return .lessEqual
        case .lessEqual: return .greaterEqual
        }
    }
    var ufunc: BinaryOp {
        switch self {
        case .greater: return .greater
        case .less: return .less
        case .greaterEqual: return .greaterEqual
        case .lessEqual: return .lessEqual
        }
    }
}
public enum ReduceKind: String, Sendable {
    case mean, sum
    /// `tf.reduce_max`, `tf.reduce_min`.
    case max, min
    /// TF's op name and type (`Mean`, `Max`).
    var opType: String {
        switch self { case .mean: return "Mean"; case .sum: return "Sum"; case .max: return "Max"; case .min: return "Min" }
    }
}
public enum UnaryKind: String, Sendable {
    case log, neg, relu, tanh, sigmoid
    case square, exp, sqrt, abs
    /// `tf.floor` (also `exponential_decay(staircase=True)`'s); TF registers no gradient.
    case floor
    /// `tf.sign`: -1, 0 or 1 in the tensor's dtype (NaN stays NaN); its gradient is zero.
    case sign
    /// TF's op name and type (`Log`, `Relu`).
    var opName: String {
        switch self {
        case .log: return "Log"
        case .neg: return "Neg"
        case .relu: return "Relu"
        case .tanh: return "Tanh"
        case .sigmoid: return "Sigmoid"
        case .square: return "Square"
        case .exp: return "Exp"
        case .sqrt: return "Sqrt"
        case .abs: return "Abs"
        case .sign: return "Sign"
        case .floor: return "Floor"
        }
    }
    /// The dtypes TF's kernel takes besides floats, as its TypeError lists them, for the ops
    /// that refuse bool (nil: not checked here).
    var allowedWithIntegers: String? {
        switch self {
        case .square: return "bfloat16, float16, float32, float64, int8, int16, int32, int64, uint8, uint16, uint32, uint64, complex64, complex128"
        case .abs: return "bfloat16, float16, float32, float64, int8, int16, int32, int64"
        case .neg, .sign: return "bfloat16, float16, float32, float64, int8, int16, int32, int64, complex64, complex128"
        default: return nil
        }
    }
    /// Whether TF's kernel takes only floating-point (and complex) tensors.
    var floatOnly: Bool {
        switch self {
        case .log, .tanh, .sigmoid, .exp, .sqrt, .floor: return true
        case .neg, .relu, .square, .abs, .sign: return false
        }
    }
}

/// One output of an op: its full TF name (`split:3`, `rnn/basic_lstm_cell/Mul_5:0`), static
/// shape and dtype.
public struct OutputSpec: Sendable {
    public var name: String
    public var shape: StaticShape
    public var dtype: DType
}

/// A node of the graph.
public struct Op: Sendable {
    public var name: String
    public var kind: OpKind
    public var inputs: [GraphTensor]
    public var outputs: [OutputSpec]
    /// TF's op type, for `<tf.Operation 'init' type=NoOp>`.
    public var type: String
}

/// How a cell is unrolled: `static_rnn` over a list of `[batch, input]` tensors, or
/// `dynamic_rnn` over one `[batch, time, input]` (`timeMajor`: `[time, batch, input]`) tensor.
/// Inputs of the op: the step tensors (or the one sequence tensor), then the cell's variables
/// (kernel, bias), then the initial state parts when given, then `sequence_length` when given.
/// Outputs: every step's output (or one sequence tensor), then the final state parts.
public struct RecurrentSpec: Sendable {
    public enum Layout: Sendable, Equatable { case steps, batchMajor, timeMajor }
    public var kind: CellKind
    public var units: Int
    public var input: Int
    /// The cell's options (the LSTM's forget bias, the RNN cell's activation).
    public var options: CellOptions
    public var layout: Layout
    /// Step count (for `.steps`, the number of input tensors).
    public var steps: Int
    public var hasInitialState: Bool
    /// Whether the op's last input is TF1's `sequence_length` (one step count per row: later
    /// outputs are zeros and the final state is the one after the row's last step).
    public var hasSequenceLength: Bool = false
    /// The cell's variables in the engine's slice order (op ids of `Variable` ops).
    public var variables: [Int]
    /// Where the cell's variables came from (for the initial values' seed).
    public var cellID: Int
    var stateParts: Int { kind.stateNames.count }
    var inputCount: Int { layout == .steps ? steps : 1 }
}

/// A TF1 optimizer as configured (`AdamOptimizer(...)`, `GradientDescentOptimizer(lr)`,
/// `MomentumOptimizer`, `RMSPropOptimizer`, `AdagradOptimizer`), and one update op it made:
/// `minimize(loss)` differentiates `loss` in the run; `apply_gradients(grads_and_vars)` takes
/// the gradient tensors it was given (one per variable), which the run computes like any fetch.
public struct OptimizerSpec: Sendable {
    public enum Method: Sendable, Equatable {
        case adam(AdamConfig)
        case gradientDescent(Float)
        /// TF's ApplyMomentum: `accum = accum·momentum + g`, then `w -= lr·accum`, or with
        /// Nesterov `w -= lr·g + lr·momentum·accum`.
        case momentum(learningRate: Float, momentum: Float, nesterov: Bool)
        /// TF's ApplyRMSProp: `ms += (g² − ms)(1 − decay)`, `mom = mom·momentum + lr·g/sqrt(ms + ε)`,
        /// `w -= mom` (ε inside the square root; `ms` starts at ones).
        case rmsProp(learningRate: Float, decay: Float, momentum: Float, epsilon: Float)
        /// TF's ApplyAdagrad: `accum += g²`, `w -= lr·g/sqrt(accum)` (`accum` starts at
        /// `initial_accumulator_value`).
        case adagrad(learningRate: Float, initialAccumulator: Float)

        /// The optimizer's name: its update op's default name and its slots' suffix.
        public var name: String {
            switch self {
            case .adam: return "Adam"
            case .gradientDescent: return "GradientDescent"
            case .momentum: return "Momentum"
            case .rmsProp: return "RMSProp"
            case .adagrad: return "Adagrad"
            }
        }
        /// How many slot variables per variable the session's update reads (`accumulators`).
        var slotCount: Int {
            switch self {
            case .adam, .gradientDescent: return 0
            case .momentum, .adagrad: return 1
            case .rmsProp: return 2
            }
        }
        /// The learning rate given as a number.
        public var learningRate: Float {
            switch self {
            case .adam(let c): return c.learningRate
            case .gradientDescent(let lr): return lr
            case .momentum(let lr, _, _), .rmsProp(let lr, _, _, _), .adagrad(let lr, _): return lr
            }
        }
    }
    public var method: Method
    /// `minimize(loss)`: the loss differentiated in the run (nil for `apply_gradients`).
    public var loss: GraphTensor?
    /// `apply_gradients`: the gradient of each of `variables`, in the same order.
    public var gradients: [GraphTensor]?
    /// A learning rate given as a tensor (`exponential_decay`, a variable): read in the run,
    /// before the global step is incremented, as TF's update op read it.
    public var learningRate: GraphTensor?
    public var variables: [Int]
    /// Adam's state as TF1's graph held it: per variable the slots `var/Adam` (m) and
    /// `var/Adam_1` (v), and the optimizer's `beta1_power`, `beta2_power` (variable op ids), so
    /// `tf.global_variables()` lists them, a run shows them and a Saver checkpoints them.
    public var slots: [Int: AdamSlots] = [:]
    public var powers: (beta1: Int, beta2: Int)?
    /// The other optimizers' slots, per variable (op ids): Momentum's `var/Momentum`,
    /// RMSProp's `var/RMSProp` (ms) and `var/RMSProp_1` (mom), Adagrad's `var/Adagrad`. Their
    /// state lives only there (the session's values), so an initializer resets it and a Saver
    /// keeps it.
    public var accumulators: [Int: [Int]] = [:]
    /// `global_step=gs`: the variable (op id) each update adds 1 to.
    public var globalStep: Int?

    public init(method: Method, loss: GraphTensor?, gradients: [GraphTensor]? = nil, variables: [Int]) {
        self.method = method; self.loss = loss; self.gradients = gradients; self.variables = variables
    }
}

/// The op ids of one variable's two Adam slots.
public struct AdamSlots: Sendable {
    public var m: Int
    public var v: Int
}
