import Foundation
import Tensor
import Graph

/// The `tf` functions a TF1 program calls around its model rather than in it:
/// - the lines that run TF1 code under TF 2 (`tf.disable_v2_behavior()`,
///   `tf.compat.v1.disable_eager_execution()`), which rnnsh, a TF1 graph runtime, takes as
///   already true; `tf.executing_eagerly()` is False, and asking for eager execution is refused;
/// - graph collections (`tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope=)`,
///   `tf.add_to_collection`), where the standard keys read the graph itself;
/// - ops run for their effect: `tf.group`, `tf.no_op`, `tf.assign_add`/`assign_sub`,
///   `tf.variables_initializer`, `tf.local_variables_initializer` (see Graph's ControlOps.swift).
enum TFProgramFunctions {
    static let names: Set<String> = [
        "disable_v2_behavior", "enable_v2_behavior", "disable_eager_execution", "enable_eager_execution", "executing_eagerly",
        "get_collection", "get_collection_ref", "add_to_collection", "add_to_collections",
        "group", "no_op", "assign_add", "assign_sub", "variables_initializer", "initialize_variables",
        "local_variables_initializer", "initialize_local_variables",
    ]

    /// The version `tf.__version__` reports: rnnsh's tensorflow is TF1's API as of its last
    /// release (graph mode, `tf.contrib`), so programs that test the version take their TF1 path.
    static let version = "1.15.5"

    /// `tf.GraphKeys`: the standard collection names (TF's values).
    static let graphKeys: [String: String] = [
        "GLOBAL_VARIABLES": "variables", "VARIABLES": "variables", "TRAINABLE_VARIABLES": "trainable_variables",
        "LOCAL_VARIABLES": "local_variables", "MODEL_VARIABLES": "model_variables", "GLOBAL_STEP": "global_step",
        "TRAIN_OP": "train_op", "UPDATE_OPS": "update_ops", "LOSSES": "losses", "REGULARIZATION_LOSSES": "regularization_losses",
        "SUMMARIES": "summaries", "MOVING_AVERAGE_VARIABLES": "moving_average_variables", "QUEUE_RUNNERS": "queue_runners",
        "INIT_OP": "init_op", "SAVERS": "savers", "ACTIVATIONS": "activations", "WEIGHTS": "weights", "BIASES": "biases",
    ]

    static func call(_ name: String, _ a: TFArguments, evaluator ev: Evaluator) throws -> Value? {
        guard names.contains(name) else { return nil }
        let state = ev.interpreter.tensorflow
        let g = state.graph
        switch name {
        case "disable_v2_behavior", "disable_eager_execution":
            try a.only([], positionalMax: 0)
            return Value.none
        case "enable_v2_behavior", "enable_eager_execution":
            throw a.error("rnnsh's tensorflow has no eager execution (yet): it runs TF1 graphs in sessions (tf.\(name))", .notImplementedError)
        case "executing_eagerly":
            try a.only([], positionalMax: 0)
            return .bool(false)

        // MARK: collections
        case "get_collection", "get_collection_ref":
            try a.only(name == "get_collection" ? ["key", "scope"] : ["key"], positionalMax: name == "get_collection" ? 2 : 1)
            let key = try collectionKey(try a.required(0, "key"), a)
            if name == "get_collection_ref" {
                // The stored list itself (appending to it adds to the collection, as in TF);
                // the standard keys computed from the graph have no such list.
                guard standard(key, g) == nil else {
                    throw a.error("rnnsh's tensorflow has no tf.get_collection_ref('\(key)') (yet): its items come from the graph; use tf.get_collection", .notImplementedError)
                }
                return .list(state.collections(of: g).list(key))
            }
            var items = standard(key, g) ?? []
            items += state.collections(of: g).existing(key)?.items ?? []
            if let scope = a.value(1, "scope") {
                guard case .string(let pattern) = scope else { throw a.error("scope must be a string, got \(scope.typeName)", .typeError) }
                items = try items.filter { try matchesScope($0, pattern, a) }
            }
            return .list(items)
        case "add_to_collection", "add_to_collections":
            try a.only(name == "add_to_collection" ? ["name", "value"] : ["names", "value"], positionalMax: 2)
            let keys: [String]
            let given = try a.required(0, name == "add_to_collection" ? "name" : "names")
            if name == "add_to_collections", case .string = given {
                keys = [try collectionKey(given, a)]
            } else if name == "add_to_collections" {
                var ks: [String] = []
                for k in try ev.iterate(given, a.span) { ks.append(try collectionKey(k, a)) }
                keys = ks
            } else {
                keys = [try collectionKey(given, a)]
            }
            let value = try a.required(1, "value")
            for k in keys { state.collections(of: g).list(k).append(value) }
            return Value.none

        // MARK: ops run for their effect
        case "group", "no_op":
            for (k, _) in a.keywords where k != "name" {
                throw a.error("Unknown keyword arguments: \(k)", .typeError)
            }
            if name == "no_op" { try a.only(["name"], positionalMax: 1) }
            var members: [Int] = []
            func add(_ v: Value) throws {
                switch v {
                case .object(let t as TFTensor): members.append(try sameGraph(t.tensor.graph, t.tensor.op, g, a))
                case .object(let o as TFOperation): members.append(try sameGraph(o.operation.graph, o.operation.op, g, a))
                case .list, .tuple: for item in v.sequenceItems ?? [] { try add(item) }
                default:
                    throw a.error("'inputs' should be zero or more (nested) Tensors. Received '\(ValueFormatter.str(v))' with type '<class '\(v.typeName)'>'.", .typeError)
                }
            }
            let explicitName: String?
            if name == "no_op" {
                explicitName = a.string(0, "name")
            } else {
                for v in a.positional { try add(v) }
                explicitName = a.string(nil, "name")
            }
            return .object(TFOperation(operation: try g.group(members, name: explicitName, fallback: name == "group" ? "group_deps" : "NoOp")))
        case "assign_add", "assign_sub":
            try a.only(["ref", "value", "use_locking", "name"], positionalMax: 4)
            let ref = try a.tensor(0, "ref", graph: g)
            let delta = try TFArguments.operand(try a.required(1, "value"), graph: g, span: a.span)
            return TFFunctions.tensorValue(try g.assignUpdate(ref, delta, subtract: name == "assign_sub", name: a.string(3, "name")))
        case "variables_initializer", "initialize_variables":
            try a.only(["var_list", "name"], positionalMax: 2)
            let list = try a.required(0, "var_list")
            if case .object(is TFTensor) = list {
                // TF iterates the argument; a tensor refuses that (OperatorNotAllowedInGraphError, a TypeError).
                throw a.error("Iterating over a symbolic `tf.Tensor` is not allowed: variables_initializer takes a list of variables", .typeError)
            }
            var vars: [GraphTensor] = []
            for v in try ev.iterate(list, a.span) {
                guard case .object(let t as TFTensor) = v else {
                    throw a.error("'\(v.typeName)' object has no attribute 'initializer'", .attributeError)
                }
                vars.append(t.tensor)
            }
            return .object(TFOperation(operation: try g.variablesInitializer(vars, name: a.string(1, "name"))))
        case "local_variables_initializer", "initialize_local_variables":
            // rnnsh makes no local variables (TF's are metrics' counters and input queues).
            try a.only([], positionalMax: 0)
            return .object(TFOperation(operation: try g.variablesInitializer([])))
        default:
            return nil
        }
    }

    private static func sameGraph(_ other: Graph, _ op: Int, _ g: Graph, _ a: TFArguments) throws(ShellError) -> Int {
        guard other === g else { throw a.error("Operation \(other.ops[op].name) must be from the same graph as the others", .valueError) }
        return op
    }

    /// A collection name: a string (`tf.GraphKeys.X` is one).
    private static func collectionKey(_ v: Value, _ a: TFArguments) throws(ShellError) -> String {
        guard case .string(let s) = v else {
            throw a.error("rnnsh's tensorflow has collections named by strings only (got \(v.typeName))", .typeError)
        }
        return s
    }

    /// The items of the standard collections TF fills as the graph is built, read from the
    /// graph (nil: a key kept as a list of what the program added).
    private static func standard(_ key: String, _ g: Graph) -> [Value]? {
        switch key {
        case "variables": return g.variableTensors.map(TFFunctions.tensorValue)
        case "trainable_variables": return g.trainableVariables.map { TFFunctions.tensorValue(g.tensor($0)) }
        case "global_step": return g.globalStepCollection.map(TFFunctions.tensorValue)
        case "train_op": return g.trainOps.map { .object(TFOperation(operation: $0)) }
        default: return nil
        }
    }

    /// TF's `get_collection(key, scope)`: `re.match(scope, item.name)`, items without a name
    /// being left out.
    private static func matchesScope(_ item: Value, _ pattern: String, _ a: TFArguments) throws(ShellError) -> Bool {
        let name: String
        switch item {
        case .object(let t as TFTensor): name = t.tensor.name
        case .object(let o as TFOperation): name = o.operation.name
        default: return false
        }
        guard let re = try? NSRegularExpression(pattern: pattern) else {
            throw a.error("bad scope pattern \(ValueFormatter.pythonStringRepr(pattern))", .valueError)
        }
        let range = NSRange(name.startIndex..., in: name)
        return re.firstMatch(in: name, options: .anchored, range: range) != nil
    }
}

/// The collections a program added to, per graph (`tf.add_to_collection`): lists the program
/// may hold (`get_collection_ref`), kept by the shell because their items are shell values.
final class TFCollections {
    weak var graph: Graph?
    private var lists: [String: PyList] = [:]
    init(_ g: Graph) { graph = g }
    func existing(_ key: String) -> PyList? { lists[key] }
    func list(_ key: String) -> PyList {
        if let l = lists[key] { return l }
        let l = PyList()
        lists[key] = l
        return l
    }
}
