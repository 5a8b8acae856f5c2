import Foundation
import Tensor
import Graph

/// `tf.AUTO_REUSE`: a variable scope's third reuse mode (share what exists, make what does not).
struct TFAutoReuse: ShellObject, ReprObject, HashableObject {
    var kind: String { "_ReuseMode" }
    var summary: String { reprText }
    var detail: String { "_ReuseMode.AUTO_REUSE" }
    var reprText: String { "<_ReuseMode.AUTO_REUSE: 1>" }
    var hashIdentity: String { "tf.AUTO_REUSE" }
}

/// What `tf.variable_scope(…)` / `tf.name_scope(…)` return: entered by `with`, left at its end.
/// It holds the graph it was made for, so a `with` block leaves the scope of that graph.
final class TFScopeContext: ShellObject, ContextManager, ReprObject, @unchecked Sendable {
    enum Kind {
        case variable(name: String?, scope: VariableScope?, defaultName: String?, reuse: VariableReuse?, initializer: VariableInitializer?)
        case name(String)
    }
    let graph: Graph
    let spec: Kind
    init(graph: Graph, spec: Kind) { self.graph = graph; self.spec = spec }
    var kind: String { "variable_scope" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String {
        if case .name = spec { return "<tensorflow.python.framework.ops.name_scope object>" }
        return "<tensorflow.python.ops.variable_scope.variable_scope object>"
    }
    func enter(evaluator: Evaluator) throws(ShellError) -> Value {
        switch spec {
        case .variable(let name, let scope, let defaultName, let reuse, let initializer):
            do {
                let s = try graph.enterVariableScope(name: name, scope: scope, defaultName: defaultName, reuse: reuse, initializer: initializer)
                return .object(TFVariableScope(scope: s))
            } catch {
                throw ShellError(error.message, kind: error.kind)
            }
        case .name(let n):
            return .string(graph.enterNameScope(n))
        }
    }
    func exit(evaluator: Evaluator) throws(ShellError) { graph.exitScope() }
}

/// A TF1 `VariableScope` (`with tf.variable_scope("rnn") as scope:`, `tf.get_variable_scope()`).
struct TFVariableScope: ShellObject, ReprObject, HashableObject {
    let scope: VariableScope
    var kind: String { "VariableScope" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<tensorflow.python.ops.variable_scope.VariableScope object>" }
    var hashIdentity: String { "tf.VariableScope:\(ObjectIdentifier(scope).hashValue)" }
    func attribute(_ name: String) -> Value? {
        switch name {
        case "name": return .string(scope.name)
        case "original_name_scope": return .string(scope.originalNameScope)
        case "reuse":
            switch scope.reuse {
            case .no: return .bool(false)
            case .yes: return .bool(true)
            case .auto: return .object(TFAutoReuse())
            }
        case "reuse_variables": return .object(TFBoundMethod(name: name, receiver: .object(self)))
        default: return nil
        }
    }
    var attributeNames: [String] { ["name", "original_name_scope", "reuse", "reuse_variables"] }
}

/// An initializer object (`tf.random_normal_initializer(stddev=0.1)`), given to
/// `tf.get_variable(…, initializer=)` or `tf.variable_scope(…, initializer=)`.
struct TFInitializer: ShellObject, ReprObject {
    let initializer: VariableInitializer
    let className: String
    var kind: String { className }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<tensorflow.python.ops.init_ops.\(className) object>" }
}

/// `tf.train.Saver(var_list=None, max_to_keep=5)`: the variables it checkpoints (by their
/// checkpoint names) and the checkpoints it has written, newest last (only the last
/// `max_to_keep` are kept, as TF deletes older ones).
final class TFSaver: ShellObject, ReprObject, @unchecked Sendable {
    let graph: Graph
    let variables: [(name: String, op: Int)]
    let maxToKeep: Int
    /// (file prefix as resolved, as recorded in the `checkpoint` file).
    var kept: [(path: String, recorded: String)] = []
    init(graph: Graph, variables: [(name: String, op: Int)], maxToKeep: Int) {
        self.graph = graph; self.variables = variables; self.maxToKeep = maxToKeep
    }
    var kind: String { "Saver" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<tensorflow.python.training.saver.Saver object>" }
    func attribute(_ name: String) -> Value? {
        switch name {
        case "save", "restore": return .object(TFBoundMethod(name: name, receiver: .object(self)))
        case "last_checkpoints": return .list(kept.map { .string($0.recorded) })
        default: return nil
        }
    }
    var attributeNames: [String] { ["save", "restore", "last_checkpoints"] }
}

/// The functions behind variable scopes, `get_variable`, initializers and checkpoints.
enum TFScopeFunctions {
    /// `reuse=`: True, tf.AUTO_REUSE, or False/None (inherit the enclosing scope's).
    static func reuse(_ v: Value?, _ a: TFArguments) throws(ShellError) -> VariableReuse? {
        guard let v, !v.isNone else { return nil }
        switch v {
        case .bool(let b): return b ? .yes : nil
        case .object(is TFAutoReuse): return .auto
        default:
            throw a.error("reuse must be True, False, None or tf.AUTO_REUSE, got \(ValueFormatter.repr(v))", .valueError)
        }
    }

    static func initializer(_ v: Value?, _ a: TFArguments, graph g: Graph) throws(ShellError) -> VariableInitializer? {
        guard let v else { return nil }
        switch v {
        case .object(let i as TFInitializer): return i.initializer
        case .object(let t as TFTensor): return .tensor(t.tensor)
        default:
            throw a.error("rnnsh's tensorflow has no initializer=\(ValueFormatter.repr(v)) (yet): an initializer such as tf.random_normal_initializer(), or a tensor", .notImplementedError)
        }
    }

    static func call(_ name: String, _ a: TFArguments, evaluator ev: Evaluator) throws -> Value? {
        let state = ev.interpreter.tensorflow
        let g = state.graph
        switch name {
        case "variable_scope":
            try a.only(["name_or_scope", "default_name", "values", "initializer", "regularizer", "caching_device", "partitioner",
                        "custom_getter", "reuse", "dtype", "use_resource", "constraint", "auxiliary_name_scope"], positionalMax: 3)
            try a.refuse([(4, "regularizer"), (6, "partitioner"), (7, "custom_getter"), (11, "constraint")], in: "tf.variable_scope")
            var scopeName: String?, scopeObject: VariableScope?
            switch a.value(0, "name_or_scope") {
            case .string(let s)?: scopeName = s
            case .object(let o as TFVariableScope)?: scopeObject = o.scope
            case nil: break
            case let other?: throw a.error("VariableScope: name_or_scope must be a string or VariableScope, got \(other.typeName).", .typeError)
            }
            let defaultName = a.string(1, "default_name")
            if scopeName == nil, scopeObject == nil, defaultName == nil {
                throw a.error("If default_name is None then name_or_scope is required", .typeError)
            }
            return .object(TFScopeContext(graph: g, spec: .variable(name: scopeName, scope: scopeObject, defaultName: defaultName,
                                                                    reuse: try reuse(a.value(8, "reuse"), a),
                                                                    initializer: try initializer(a.value(3, "initializer"), a, graph: g))))
        case "name_scope":
            try a.only(["name", "default_name", "values"], positionalMax: 3)
            guard let n = a.string(0, "name") ?? a.string(1, "default_name") else {
                throw a.error("name_scope() missing required argument: 'name'", .typeError)
            }
            return .object(TFScopeContext(graph: g, spec: .name(n)))
        case "get_variable_scope":
            try a.only([], positionalMax: 0)
            return .object(TFVariableScope(scope: g.currentVariableScope))
        case "get_variable":
            try a.only(["name", "shape", "dtype", "initializer", "regularizer", "trainable", "collections", "caching_device",
                        "partitioner", "validate_shape", "use_resource", "custom_getter", "constraint", "synchronization",
                        "aggregation"], positionalMax: 6)
            try a.refuse([(4, "regularizer"), (nil, "partitioner"), (nil, "custom_getter"), (nil, "constraint"), (nil, "collections")],
                         in: "tf.get_variable")
            guard let n = a.string(0, "name") else {
                if a.has(0, "name") { throw a.error("get_variable(): name must be a string, got \(a.value(0, "name")?.typeName ?? "None")", .typeError) }
                throw a.error("get_variable() missing required argument: 'name'", .typeError)
            }
            var shape: [Int]? = nil
            if a.has(1, "shape") {
                // An unknown dimension stays -1 here: get_variable refuses it in TF's words.
                shape = try a.staticShape(1, "shape").dims.map { $0.map { $0 ?? -1 } }
            }
            if shape != nil, let iv = a.value(3, "initializer"), !(iv.isInitializerObject) {
                throw a.error("If initializer is a constant, do not specify shape.", .valueError)
            }
            let initial = try initializerOrConstant(a.value(3, "initializer"), a, g, dtype: try a.dtype(2, "dtype"))
            return TFFunctions.tensorValue(try g.getVariable(n, shape: shape, dtype: try a.dtype(2, "dtype"), initializer: initial,
                                                              trainable: a.bool(5, "trainable") ?? true))
        case "random_normal_initializer", "truncated_normal_initializer":
            try a.only(["mean", "stddev", "seed", "dtype"], positionalMax: 4)
            if a.has(2, "seed") { throw a.error("rnnsh's tensorflow has no op-level seed= (yet): use tf.set_random_seed", .notImplementedError) }
            let m = try a.float(0, "mean") ?? 0, s = try a.float(1, "stddev") ?? 1
            if name == "random_normal_initializer" {
                return Value.object(TFInitializer(initializer: .normal(mean: m, stddev: s), className: "RandomNormal"))
            }
            return Value.object(TFInitializer(initializer: .truncatedNormal(mean: m, stddev: s), className: "TruncatedNormal"))
        case "random_uniform_initializer":
            try a.only(["minval", "maxval", "seed", "dtype"], positionalMax: 4)
            if a.has(2, "seed") { throw a.error("rnnsh's tensorflow has no op-level seed= (yet): use tf.set_random_seed", .notImplementedError) }
            return .object(TFInitializer(initializer: .uniform(min: try a.float(0, "minval") ?? 0, max: try a.float(1, "maxval") ?? 1),
                                         className: "RandomUniform"))
        case "glorot_uniform_initializer", "xavier_initializer":
            try a.only(["seed", "dtype", "uniform"], positionalMax: name == "xavier_initializer" ? 3 : 2)
            if a.has(name == "xavier_initializer" ? 1 : 0, "seed") { throw a.error("rnnsh's tensorflow has no op-level seed= (yet): use tf.set_random_seed", .notImplementedError) }
            if name == "xavier_initializer", a.bool(0, "uniform") == false {
                throw a.error("rnnsh's tensorflow has no xavier_initializer(uniform=False) (yet)", .notImplementedError)
            }
            return .object(TFInitializer(initializer: .glorotUniform, className: "GlorotUniform"))
        case "constant_initializer":
            try a.only(["value", "dtype", "verify_shape"], positionalMax: 3)
            let v = try TFArguments.array(a.value(0, "value") ?? .int(0), span: a.span, dtype: nil)
            return .object(TFInitializer(initializer: .constant(v), className: "Constant"))
        case "zeros_initializer", "ones_initializer":
            try a.only(["dtype"], positionalMax: 1)
            return .object(TFInitializer(initializer: name == "zeros_initializer" ? .zeros : .ones,
                                         className: name == "zeros_initializer" ? "Zeros" : "Ones"))
        case "Saver":
            try a.only(["var_list", "reshape", "sharded", "max_to_keep", "keep_checkpoint_every_n_hours", "name", "restore_sequentially",
                        "saver_def", "builder", "defer_build", "allow_empty", "write_version", "pad_step_number",
                        "save_relative_paths", "filename"], positionalMax: 15)
            var vars: [(name: String, op: Int)] = []
            switch a.value(0, "var_list") {
            case nil:
                vars = g.variables.map { (g.ops[$0].name, $0) }
            case .dict(let d)?:
                for (k, v) in d.items {
                    guard case .string(let key) = k else { throw a.error("var_list keys must be strings, got \(k.typeName)", .typeError) }
                    vars.append((key, try savable(v, a)))
                }
            case let list?:
                guard let items = list.sequenceItems else { throw a.error("Variables to save should be passed in a dict or a list: \(ValueFormatter.repr(list))", .typeError) }
                for v in items {
                    let op = try savable(v, a)
                    vars.append((g.ops[op].name, op))
                }
            }
            var seen = Set<String>()
            for v in vars where !seen.insert(v.name).inserted {
                throw a.error("At least two variables have the same name: \(v.name)", .valueError)
            }
            if vars.isEmpty, a.bool(10, "allow_empty") != true { throw a.error("No variables to save", .valueError) }
            let keep = try a.int(3, "max_to_keep") ?? 5
            return .object(TFSaver(graph: g, variables: vars, maxToKeep: keep))
        case "gradients":
            try a.only(["ys", "xs", "grad_ys", "name", "colocate_gradients_with_ops", "gate_gradients", "aggregation_method",
                        "stop_gradients"], positionalMax: 8)
            try a.refuse([(2, "grad_ys"), (7, "stop_gradients")], in: "tf.gradients")
            func tensors(_ v: Value) throws(ShellError) -> [GraphTensor] {
                if case .object(let t as TFTensor) = v { return [t.tensor] }
                return try TFArguments.tensors(v, graph: g, span: a.span)
            }
            let ys = try tensors(try a.required(0, "ys")), xs = try tensors(try a.required(1, "xs"))
            let out = try g.gradients(ys, xs, name: a.string(3, "name"))
            return .list(out.map { $0.map(TFFunctions.tensorValue) ?? Value.none })
        case "latest_checkpoint":
            try a.only(["checkpoint_dir", "latest_filename"], positionalMax: 2)
            guard let dir = a.string(0, "checkpoint_dir") else { throw a.error("latest_checkpoint() missing required argument: 'checkpoint_dir'", .typeError) }
            let stateName = a.string(1, "latest_filename") ?? "checkpoint"
            let resolved = ev.interpreter.resolvePath(join(dir, stateName), meaning: .python)
            guard FileManager.default.fileExists(atPath: resolved),
                  let bytes = try? BinaryFile.readAll(path: resolved),
                  let recorded = CheckpointState.latest(String(decoding: bytes, as: UTF8.self)) else { return Value.none }
            let path = recorded.hasPrefix("/") ? recorded : join(dir, recorded)
            guard FileManager.default.fileExists(atPath: ev.interpreter.resolvePath(path, meaning: .python) + ".npz") else { return Value.none }
            return .string(path)
        default:
            return nil
        }
    }

    /// A Saver's entry: a variable (TF refuses any other tensor).
    static func savable(_ v: Value, _ a: TFArguments) throws(ShellError) -> Int {
        guard case .object(let t as TFTensor) = v, t.tensor.isVariable else {
            // TF's message shows the tensor's str(), `Tensor("add:0", shape=(2,), dtype=float32)`.
            let shown: String
            if case .object(let t as TFTensor) = v { shown = t.tensor.description } else { shown = ValueFormatter.repr(v) }
            throw a.error("Variable to save is not a Variable: \(shown)", .typeError)
        }
        return t.tensor.op
    }

    /// `initializer=` of get_variable: an initializer object, a tensor, or a plain value (a
    /// constant initial value, as TF converts it).
    static func initializerOrConstant(_ v: Value?, _ a: TFArguments, _ g: Graph, dtype: DType?) throws -> VariableInitializer? {
        guard let v else { return nil }
        switch v {
        case .object(is TFInitializer), .object(is TFTensor): return try initializer(v, a, graph: g)
        default:
            let arr = try TFArguments.array(v, span: a.span, dtype: dtype ?? .float32)
            return .tensor(g.constant(arr))
        }
    }

    /// Python's `os.path.join(a, b)`.
    static func join(_ a: String, _ b: String) -> String {
        if b.hasPrefix("/") || a.isEmpty { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }

    // MARK: Saver methods

    /// `saver.save(sess, save_path, global_step=None, write_state=True)`: the variables into
    /// `<save_path>.npz` (numpy's format: `np.load` reads it, one array per variable under its
    /// TF name), written atomically, then TF's `checkpoint` state file beside it, which
    /// `tf.train.latest_checkpoint` reads. Returns the checkpoint's prefix, as TF does.
    static func save(_ saver: TFSaver, _ a: TFArguments, _ ev: Evaluator) throws -> Value {
        try a.only(["sess", "save_path", "global_step", "latest_filename", "meta_graph_suffix", "write_meta_graph", "write_state",
                    "strip_default_attrs", "save_debug_info"], positionalMax: 9)
        guard case .object(let s as TFSession)? = a.value(0, "sess") else {
            throw a.error("'sess' must be a Session; \(a.value(0, "sess").map { ValueFormatter.repr($0) } ?? "None")", .typeError)
        }
        guard let given = a.string(1, "save_path") else { throw a.error("save() missing required argument: 'save_path'", .typeError) }
        var prefix = given
        if let step = a.value(2, "global_step") {
            switch step {
            case .object(let t as TFTensor):
                let values = try s.session.run([.tensor(t.tensor)])
                guard let v = values.first ?? nil, let d = try v.doubleValues().first, d.isFinite, abs(d) < 1e18 else {
                    throw a.error("global_step must be a number", .typeError)
                }
                prefix += "-\(Int(d))"
            default: prefix += "-\(try TFArguments.int(step, a.span))"
            }
        }
        let resolved = ev.interpreter.resolvePath(prefix, meaning: .python)
        let dir = (resolved as NSString).deletingLastPathComponent
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir, isDirectory: &isDir), isDir.boolValue else {
            throw a.error("Parent directory of \(prefix) doesn't exist, can't save.", .valueError)
        }
        let policy = ev.interpreter.options.writePolicy
        try policy.check(resolved + ".npz", shown: prefix + ".npz")
        let writeState = a.bool(6, "write_state") ?? true
        let stateFile = (dir as NSString).appendingPathComponent(a.string(3, "latest_filename") ?? "checkpoint")
        if writeState { try policy.check(stateFile, shown: stateFile) }
        let members = try s.session.checkpointValues(saver.variables)
        try NPZFile.write(members, to: resolved + ".npz")
        let recorded = prefix.hasPrefix("/") ? prefix : (prefix as NSString).lastPathComponent
        saver.kept.removeAll { $0.path == resolved }
        saver.kept.append((resolved, recorded))
        if saver.maxToKeep > 0 {
            while saver.kept.count > saver.maxToKeep {
                let old = saver.kept.removeFirst()
                // Only this saver's own files, as TF deletes them; one already gone is no error.
                try? FileManager.default.removeItem(atPath: old.path + ".npz")
            }
        }
        if writeState {
            let text = CheckpointState.text(latest: recorded, all: saver.kept.map(\.recorded))
            try AtomicWrite.write(Array(text.utf8), to: stateFile, shown: stateFile)
        }
        return .string(prefix)
    }

    /// `saver.restore(sess, save_path)`: every variable of the saver from `<save_path>.npz`, or
    /// none of them (TF's error for a missing checkpoint, key or shape).
    static func restore(_ saver: TFSaver, _ a: TFArguments, _ ev: Evaluator) throws -> Value {
        try a.only(["sess", "save_path"], positionalMax: 2)
        guard case .object(let s as TFSession)? = a.value(0, "sess") else {
            throw a.error("'sess' must be a Session; \(a.value(0, "sess").map { ValueFormatter.repr($0) } ?? "None")", .typeError)
        }
        guard let path = a.string(1, "save_path") else { throw a.error("Can't load save_path when it is None.", .valueError) }
        let file = ev.interpreter.resolvePath(path, meaning: .python) + ".npz"
        guard FileManager.default.fileExists(atPath: file) else {
            throw a.error("The passed save_path is not a valid checkpoint: \(path)", .valueError)
        }
        var arrays: [String: NDArray] = [:]
        for m in try NPZFile.read(path: file) { arrays[m.name] = m.array }
        try s.session.restoreCheckpoint(arrays, variables: saver.variables)
        return .none
    }
}

/// TF's `checkpoint` state file, the text form of its CheckpointState proto:
/// `model_checkpoint_path: "model.ckpt-3"` then one `all_model_checkpoint_paths:` line per kept
/// checkpoint, paths relative to the file's directory unless saved with absolute ones.
enum CheckpointState {
    static func text(latest: String, all: [String]) -> String {
        var out = "model_checkpoint_path: \(quoted(latest))\n"
        for p in all { out += "all_model_checkpoint_paths: \(quoted(p))\n" }
        return out
    }

    /// The latest checkpoint's recorded path, or nil when the text has none.
    static func latest(_ text: String) -> String? {
        for line in text.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("model_checkpoint_path:") else { continue }
            let rest = t.dropFirst("model_checkpoint_path:".count).trimmingCharacters(in: .whitespaces)
            return unquoted(rest)
        }
        return nil
    }

    /// A text-proto string: quotes and backslashes escaped.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func unquoted(_ s: String) -> String? {
        guard s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") else { return nil }
        var out = "", escaped = false
        for c in s.dropFirst().dropLast() {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }
}

extension Value {
    /// An initializer object (not a constant initial value), for get_variable's shape check.
    var isInitializerObject: Bool {
        if case .object(is TFInitializer) = self { return true }
        return false
    }
}
