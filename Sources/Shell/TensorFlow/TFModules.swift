import Tensor
import Graph

/// The `tensorflow` modules rnnsh provides: TF1's API as the tutorials of its era import it
/// (`import tensorflow as tf`, `from tensorflow.python.ops import rnn, rnn_cell`,
/// `from tensorflow.examples.tutorials.mnist import input_data`) and its aliases
/// (`tf.nn.rnn_cell`, `tf.contrib.rnn`, `tf.compat.v1`). Each module is a table of names; a
/// name that is not there says `rnnsh's tensorflow has no tf.X (yet)`.
enum TFModules {
    enum Entry {
        case module(String)
        case function(String)
        case dtype(DType)
        /// `tf.AUTO_REUSE`.
        case autoReuse
        /// A class (`tf.errors.InvalidArgumentError`), by its qualified name.
        case type(String)
        /// A function shown by another name than the one it dispatches to
        /// (`tf.random.normal` is `random_normal`, `tf.logging.info` is `logging.info`).
        case alias(shown: String, function: String)
        /// A constant: `tf.logging.ERROR`, `tf.GraphKeys.TRAINABLE_VARIABLES`.
        case int(Int)
        case string(String)
    }

    static let root = "tensorflow"
    private static let cells: [String: Entry] = [
        "BasicLSTMCell": .function("BasicLSTMCell"), "LSTMCell": .function("LSTMCell"), "BasicRNNCell": .function("BasicRNNCell"), "GRUCell": .function("GRUCell"),
        "MultiRNNCell": .function("MultiRNNCell"), "DropoutWrapper": .function("DropoutWrapper"),
        "LSTMStateTuple": .function("LSTMStateTuple"),
    ]
    private static let core: [String: Entry] = {
        var t: [String: Entry] = [
            "nn": .module("tensorflow.nn"), "train": .module("tensorflow.train"), "contrib": .module("tensorflow.contrib"),
            "compat": .module("tensorflow.compat"), "examples": .module("tensorflow.examples"), "python": .module("tensorflow.python"),
            "models": .module("tensorflow.models"), "math": .module("tensorflow.math"),
            "layers": .module("tensorflow.layers"), "errors": .module("tensorflow.errors"),
            "float32": .dtype(.float32), "float64": .dtype(.float64), "int32": .dtype(.int32), "int64": .dtype(.int64),
            "bool": .dtype(.bool), "uint8": .dtype(.uint8), "float": .dtype(.float32), "double": .dtype(.float64),
            "AUTO_REUSE": .autoReuse,
        ]
        for f in ["placeholder", "Variable", "random_normal", "truncated_normal", "random_uniform", "zeros", "ones", "constant",
                  "set_random_seed", "transpose", "reshape", "split", "unstack", "unpack", "concat", "matmul", "add", "subtract",
                  "sub", "multiply", "mul", "divide", "div", "truediv", "reduce_mean", "reduce_sum", "argmax", "arg_max", "equal",
                  "cast", "Session", "InteractiveSession", "initialize_all_variables", "global_variables_initializer",
                  "global_variables", "all_variables", "trainable_variables", "reset_default_graph", "get_default_session",
                  "log", "negative", "neg", "clip_by_value", "not_equal", "assign", "tanh", "sigmoid",
                  "stack", "pack", "reverse", "reverse_v2", "reverse_sequence", "gather", "shape", "range",
                  "square", "exp", "sqrt", "abs", "maximum", "minimum", "pow", "reduce_max", "reduce_min",
                  "variable_scope", "name_scope", "get_variable", "get_variable_scope", "random_normal_initializer",
                  "truncated_normal_initializer", "random_uniform_initializer", "constant_initializer", "zeros_initializer",
                  "ones_initializer", "glorot_uniform_initializer", "gradients",
                  "greater", "less", "greater_equal", "less_equal", "sign", "stop_gradient", "expand_dims", "squeeze", "one_hot",
                  "zeros_like", "ones_like", "identity", "tile", "where", "sequence_mask", "to_float", "to_int32", "to_int64",
                  "to_double", "reduce_prod", "size", "rank", "add_n", "pad", "slice", "boolean_mask", "placeholder_with_default",
                  "squared_difference"] {
            t[f] = .function(f)
        }
        // Gradient clipping and the ops it is built from (PTB's training loop).
        for f in ["clip_by_global_norm", "clip_by_norm", "global_norm", "floor"] { t[f] = .function(f) }
        // Graphs of their own (`graph = tf.Graph(); with graph.as_default():`, `tf.Session(graph=graph)`).
        for f in ["Graph", "get_default_graph"] { t[f] = .function(f) }
        // TF 2's lines for running TF1 code, collections, ops run for their effect.
        for f in TFProgramFunctions.names { t[f] = .function(f) }
        t["logging"] = .module("tensorflow.logging")
        t["random"] = .module("tensorflow.random")
        t["GraphKeys"] = .module("tensorflow.GraphKeys")
        return t
    }()

    /// The names of module `path` (nil: not a module rnnsh has).
    static func table(_ path: String) -> [String: Entry]? {
        switch path {
        case "tensorflow", "tensorflow.compat.v1": return core
        case "tensorflow.compat": return ["v1": .module("tensorflow.compat.v1")]
        case "tensorflow.logging":
            var t: [String: Entry] = [:]
            for f in TFLogging.functions { t[f] = .alias(shown: f, function: "logging." + f) }
            for (k, v) in TFLogging.levels { t[k] = .int(v) }
            return t
        // TF 1.13+'s `tf.random` (`tf.compat.v1.random.set_random_seed`): the same ops.
        case "tensorflow.random":
            return ["set_random_seed": .function("set_random_seed"), "normal": .alias(shown: "normal", function: "random_normal"),
                    "uniform": .alias(shown: "uniform", function: "random_uniform"),
                    "truncated_normal": .alias(shown: "truncated_normal", function: "truncated_normal")]
        case "tensorflow.GraphKeys": return TFProgramFunctions.graphKeys.mapValues { .string($0) }
        // The run-time errors a session raises, for `except tf.errors.InvalidArgumentError:`.
        case "tensorflow.errors":
            var t: [String: Entry] = [:]
            for k in [ErrorKind.tfOpError, .invalidArgumentError, .failedPreconditionError, .outOfRangeError, .notFoundError] {
                t[k.rawValue] = .type(k.tracebackName)
            }
            return t
        // TF 1.13+'s home of the math ops (`tf.math.square`, `tf.math.reduce_max`): the same functions.
        case "tensorflow.math":
            var t: [String: Entry] = [:]
            for f in ["square", "exp", "sqrt", "abs", "log", "negative", "maximum", "minimum", "pow", "reduce_max", "reduce_min",
                      "reduce_mean", "reduce_sum", "sigmoid", "tanh", "equal", "not_equal", "argmax", "add", "subtract", "multiply",
                      "divide", "truediv", "in_top_k", "greater", "less", "greater_equal", "less_equal", "sign",
                      "reduce_prod", "add_n", "squared_difference", "log_softmax", "top_k", "l2_normalize", "floor"] { t[f] = .function(f) }
            return t
        case "tensorflow.nn":
            var t: [String: Entry] = ["rnn_cell": .module("tensorflow.nn.rnn_cell")]
            for f in ["softmax", "softmax_cross_entropy_with_logits", "softmax_cross_entropy_with_logits_v2",
                      "sparse_softmax_cross_entropy_with_logits", "dropout", "static_rnn", "dynamic_rnn", "rnn", "static_bidirectional_rnn", "bidirectional_dynamic_rnn", "relu", "tanh", "sigmoid",
                      "in_top_k", "l2_loss", "embedding_lookup", "log_softmax", "sigmoid_cross_entropy_with_logits", "bias_add",
                      "xw_plus_b", "top_k", "l2_normalize", "moments"] { t[f] = .function(f) }
            return t
        case "tensorflow.nn.rnn_cell", "tensorflow.python.ops.rnn_cell", "tensorflow.models.rnn.rnn_cell": return cells
        case "tensorflow.contrib": return ["rnn": .module("tensorflow.contrib.rnn"), "layers": .module("tensorflow.contrib.layers")]
        case "tensorflow.contrib.layers": return ["fully_connected": .function("fully_connected"), "xavier_initializer": .function("xavier_initializer")]
        case "tensorflow.contrib.rnn":
            var t = cells
            t["static_rnn"] = .function("static_rnn")
            t["static_bidirectional_rnn"] = .function("static_bidirectional_rnn")
            return t
        case "tensorflow.python": return ["ops": .module("tensorflow.python.ops")]
        case "tensorflow.python.ops": return ["rnn": .module("tensorflow.python.ops.rnn"), "rnn_cell": .module("tensorflow.python.ops.rnn_cell")]
        case "tensorflow.python.ops.rnn", "tensorflow.models.rnn.rnn":
            return ["rnn": .function("rnn"), "static_rnn": .function("static_rnn"), "dynamic_rnn": .function("dynamic_rnn"),
                    "bidirectional_rnn": .function("bidirectional_rnn"), "static_bidirectional_rnn": .function("static_bidirectional_rnn"),
                    "bidirectional_dynamic_rnn": .function("bidirectional_dynamic_rnn")]
        // TF 0.x's home of rnn and rnn_cell (`from tensorflow.models.rnn import rnn, rnn_cell`).
        case "tensorflow.models": return ["rnn": .module("tensorflow.models.rnn")]
        case "tensorflow.models.rnn": return ["rnn": .module("tensorflow.models.rnn.rnn"), "rnn_cell": .module("tensorflow.models.rnn.rnn_cell")]
        case "tensorflow.layers": return ["dense": .function("dense")]
        case "tensorflow.train":
            return ["AdamOptimizer": .function("AdamOptimizer"), "GradientDescentOptimizer": .function("GradientDescentOptimizer"),
                    "Saver": .function("Saver"), "latest_checkpoint": .function("latest_checkpoint"),
                    "MomentumOptimizer": .function("MomentumOptimizer"), "RMSPropOptimizer": .function("RMSPropOptimizer"),
                    "AdagradOptimizer": .function("AdagradOptimizer"), "exponential_decay": .function("exponential_decay"),
                    "get_or_create_global_step": .function("get_or_create_global_step"), "get_global_step": .function("get_global_step"),
                    "create_global_step": .function("create_global_step"), "global_step": .function("global_step")]
        case "tensorflow.examples": return ["tutorials": .module("tensorflow.examples.tutorials")]
        case "tensorflow.examples.tutorials": return ["mnist": .module("tensorflow.examples.tutorials.mnist")]
        case "tensorflow.examples.tutorials.mnist": return ["input_data": .module("tensorflow.examples.tutorials.mnist.input_data")]
        case "tensorflow.examples.tutorials.mnist.input_data": return ["read_data_sets": .function("read_data_sets")]
        default: return nil
        }
    }

    /// `import tensorflow…`: the module object, or nil when rnnsh has no such module.
    static func module(_ dotted: String) -> Value? {
        table(dotted) == nil ? nil : .object(TFModule(path: dotted))
    }

    /// How a module is named in messages: `tf`, `tf.nn`, `input_data`.
    static func display(_ path: String) -> String {
        if path == "tensorflow.examples.tutorials.mnist.input_data" { return "input_data" }
        if path == root { return "tf" }
        return "tf" + path.dropFirst(root.count)
    }
}

/// A `tensorflow` module used as a value (`tf`, `tf.nn`, `rnn_cell`).
struct TFModule: ShellObject, ReprObject, ThrowingAttributes, HashableObject {
    let path: String
    var kind: String { "module" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<module '\(path)' (rnnsh's TF1 graph API)>" }
    var hashIdentity: String { "module:" + path }
    var attributeNames: [String] { (TFModules.table(path) ?? [:]).keys.sorted() }
    func attribute(_ name: String) -> Value? {
        switch TFModules.table(path)?[name] {
        case .module(let p)?: return .object(TFModule(path: p))
        case .function(let f)?: return .object(TFFunction(name: f, module: path))
        case .alias(let shown, let f)?: return .object(TFFunction(name: f, module: path, shown: shown))
        case .int(let i)?: return .int(i)
        case .string(let s)?: return .string(s)
        case .dtype(let d)?: return .object(TFDType(dtype: d))
        case .autoReuse?: return .object(TFAutoReuse())
        case .type(let name)?: return .type(name)
        case nil: return nil
        }
    }
    func lookup(_ name: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        if let v = attribute(name) { return v }
        if name == "__name__" { return .string(path) }
        if name == "__version__", path == TFModules.root || path == "tensorflow.compat.v1" { return .string(TFProgramFunctions.version) }
        throw ShellError("rnnsh's tensorflow has no \(TFModules.display(path)).\(name) (yet)", span: span, kind: .attributeError)
    }
}

/// A function of a `tensorflow` module (`tf.transpose`, `rnn.rnn`, `input_data.read_data_sets`).
struct TFFunction: ShellObject, PythonCallable, ReprObject {
    let name: String
    let module: String
    /// The name it has in its module, when that is not the one it dispatches to.
    var shown: String? = nil
    var kind: String { "function" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<function \(TFModules.display(module)).\(shown ?? name)>" }
    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        let args = TFArguments(positional, keywords, span: span, function: shown ?? name)
        do {
            let v = try TFFunctions.call(name, args, evaluator: evaluator)
            evaluator.recordGraphStage("\(TFModules.display(module)).\(shown ?? name)", v)
            return v
        } catch let e as TensorError {
            throw ShellError(e.message, explanation: e.explanation, span: span, kind: e.kind)
        } catch let e as ShellError {
            throw e
        } catch {
            throw ShellError("\(error)", span: span)
        }
    }
}
