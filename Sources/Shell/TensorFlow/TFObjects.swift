import Tensor
import Graph
import RNN

/// A shell object whose `repr` is its own text (TF's `<tf.Tensor 'split:0' shape=(?, 28) dtype=float32>`
/// inside a printed list), not the shell's generic `<kind: summary>`.
protocol ReprObject {
    var reprText: String { get }
}

/// A shell object usable as a dict key (`feed_dict={x: batch}`): Python hashes it by identity.
protocol HashableObject {
    var hashIdentity: String { get }
}

/// A shell object whose attributes can fail with their own message (TF's
/// `rnnsh's tensorflow has no tf.X (yet)`) instead of the generic AttributeError.
protocol ThrowingAttributes {
    func lookup(_ name: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value
}

/// A shell object with its own binary operators (`tf.matmul(a, W) + b`).
protocol OperatorObject {}

/// A graph tensor (TF1's `Tensor`, or a `Variable`): prints as TF1 printed it.
struct TFTensor: ShellObject, ReprObject, HashableObject, ThrowingAttributes, OperatorObject {
    let tensor: GraphTensor
    var kind: String { tensor.isVariable ? "Variable" : "Tensor" }
    var summary: String { tensor.description }
    var detail: String { tensor.description }
    var reprText: String {
        if tensor.isVariable { return tensor.description }
        if tensor.shape.dims == nil { return "<tf.Tensor '\(tensor.name)' dtype=\(tensor.dtype.name)>" }
        return "<tf.Tensor '\(tensor.name)' shape=\(tensor.shape) dtype=\(tensor.dtype.name)>"
    }
    var hashIdentity: String { "tf.Tensor:\(ObjectIdentifier(tensor.graph).hashValue):\(tensor.op):\(tensor.index)" }
    var attributeNames: [String] { ["name", "shape", "dtype", "op", "graph", "eval", "get_shape"] + (tensor.isVariable ? ["assign", "assign_add", "assign_sub", "initializer"] : []) }

    func attribute(_ name: String) -> Value? { nil }

    /// `t[:, -1, :]`, `t[-1]`: TF1's strided slice (ints and slices).
    func item(_ key: Value) throws(ShellError) -> Value? {
        let parts: [Value]
        if case .tuple(let items) = key { parts = items.array } else { parts = [key] }
        var items: [IndexItem] = []
        for p in parts {
            switch p {
            case .int(let i): items.append(.index(i))
            case .bool: throw ShellError("Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar tf.int32/tf.int64 tensors are valid indices, got \(ValueFormatter.repr(p))", kind: .typeError)
            case .slice(let a, let b, let c): items.append(.slice(start: a, stop: b, step: c))
            case .scalar(let a) where a.dtype.isInteger:
                guard let v = try? a.doubleValues().first else { break }
                items.append(.index(Int(v)))
            case .ellipsis, .none:
                throw ShellError("rnnsh's tensorflow has no tensor indexing with ... or None (yet): use ints and slices", kind: .notImplementedError)
            default:
                throw ShellError("Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar tf.int32/tf.int64 tensors are valid indices, got \(ValueFormatter.repr(p))", kind: .typeError)
            }
        }
        do {
            return TFFunctions.tensorValue(try tensor.graph.stridedSlice(tensor, items))
        } catch {
            throw ShellError(error.message, kind: error.kind)
        }
    }

    func lookup(_ name: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        switch name {
        case "name": return .string(tensor.name)
        case "shape": return .object(TFShape(shape: tensor.shape))
        case "dtype": return .object(TFDType(dtype: tensor.dtype, ref: tensor.isVariable))
        case "op": return .object(TFOperation(operation: GraphOperation(graph: tensor.graph, op: tensor.op)))
        case "graph": return .object(TFGraph(tensor.graph))
        case "eval", "get_shape":
            return .object(TFBoundMethod(name: name, receiver: .object(self)))
        case "assign", "assign_add", "assign_sub" where tensor.isVariable:
            return .object(TFBoundMethod(name: name, receiver: .object(self)))
        // A property in TF (`sess.run(v.initializer)`, `v.initializer.run()`): the variable's own Assign op.
        case "initializer" where tensor.isVariable:
            do { return .object(TFOperation(operation: try tensor.graph.variableInitializer(tensor))) } catch {
                throw ShellError(error.message, span: span, kind: error.kind)
            }
        default:
            throw ShellError("'\(kind)' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }
}

/// An op used as a value (`init`, `optimizer`).
struct TFOperation: ShellObject, ReprObject, HashableObject {
    let operation: GraphOperation
    var kind: String { "Operation" }
    var summary: String { operation.description }
    /// TF's `str(op)` is its NodeDef. For a NoOp (`init`, `tf.group`) that is the whole of it:
    /// the name, the type, the control inputs, and the text format's final newline; other ops
    /// also list data inputs and attributes, which rnnsh leaves out.
    var detail: String {
        let g = operation.graph, type = g.ops[operation.op].type
        let head = "name: \"\(operation.name)\"\nop: \"\(type)\""
        guard type == "NoOp" else { return head }
        return head + g.controlInputNames(operation.op).map { "\ninput: \"\($0)\"" }.joined() + "\n"
    }
    var reprText: String { operation.description }
    var hashIdentity: String { "tf.Operation:\(ObjectIdentifier(operation.graph).hashValue):\(operation.op)" }
    func attribute(_ name: String) -> Value? {
        switch name {
        case "name": return .string(operation.name)
        case "type": return .string(operation.graph.ops[operation.op].type)
        case "run": return .object(TFBoundMethod(name: "run", receiver: .object(self)))
        case "graph": return .object(TFGraph(operation.graph))
        default: return nil
        }
    }
    var attributeNames: [String] { ["name", "type", "run", "graph"] }
}

/// `tf.float32` and friends (`<dtype: 'float32'>`).
struct TFDType: ShellObject, ReprObject, HashableObject {
    let dtype: DType
    var ref = false
    var kind: String { "DType" }
    var summary: String { detail }
    var detail: String { "<dtype: '\(dtype.name)\(ref ? "_ref" : "")'>" }
    var reprText: String { "tf.\(dtype.name)\(ref ? "_ref" : "")" }
    var hashIdentity: String { "tf.dtype:" + dtype.name }

    /// TF's `DType.__eq__`: the other side as `tf.as_dtype` reads it (a DType, a name such as
    /// 'float32', a numpy dtype or type, a DataType enum number), equal when it is the same
    /// type, `_ref` included; anything `as_dtype` refuses is simply unequal.
    func equals(_ other: Value) -> Bool {
        switch other {
        case .object(let o as TFDType): return o.dtype == dtype && o.ref == ref
        case .string(let s):
            let isRef = s.hasSuffix("_ref")
            let base = isRef ? String(s.dropLast(4)) : s
            // TF's 'float' is float32 (numpy's is float64).
            let named: DType? = base == "float" ? .float32 : base == "double" ? .float64 : DType(numpyName: base)
            return named == dtype && isRef == ref
        case .dtype(let d): return !ref && d == dtype
        // TF reads Python's float as float32 and bool as bool.
        case .type(let t): return !ref && (t == "float" ? DType.float32 : t == "bool" ? DType.bool : nil) == dtype
        case .int(let n):
            let e: Int
            switch dtype {
            case .float32: e = 1
            case .float64: e = 2
            case .int32: e = 3
            case .uint8: e = 4
            case .int64: e = 9
            case .bool: e = 10
            default: return false
            }
            return n == e + (ref ? 100 : 0)
        default: return false
        }
    }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "name": return .string(dtype.name + (ref ? "_ref" : ""))
        case "base_dtype": return .object(TFDType(dtype: dtype))
        case "as_numpy_dtype": return .dtype(dtype)
        default: return nil
        }
    }
}

/// A static shape: `(?, 28, 28)` (TF1's `TensorShape`), `as_list()` gives `[None, 28, 28]`.
struct TFShape: ShellObject, ReprObject {
    let shape: StaticShape
    var kind: String { "TensorShape" }
    var summary: String { detail }
    var detail: String { shape.description }
    var reprText: String {
        guard let d = shape.dims else { return "TensorShape(None)" }
        return "TensorShape([" + d.map { $0.map { "Dimension(\($0))" } ?? "Dimension(None)" }.joined(separator: ", ") + "])"
    }
    var listValue: Value {
        guard let d = shape.dims else { return .none }
        return .list(d.map { $0.map { Value.int($0) } ?? .none })
    }
    func attribute(_ name: String) -> Value? {
        switch name {
        case "as_list", "num_elements": return .object(TFBoundMethod(name: name, receiver: .object(self)))
        case "ndims": return shape.rank.map { .int($0) } ?? Value.none
        default: return nil
        }
    }
    func item(_ key: Value) throws(ShellError) -> Value? {
        guard let d = shape.dims else { throw ShellError("Cannot index a shape of unknown rank", kind: .valueError) }
        let i = try ArgumentBinder.integer(key, nil)
        let j = i < 0 ? i + d.count : i
        guard j >= 0 && j < d.count else { throw ShellError("list index out of range", kind: .indexError) }
        return d[j].map { .int($0) } ?? Value.none
    }
    var iterationItems: [Value]? { shape.dims.map { $0.map { $0.map { Value.int($0) } ?? .none } } }
}

/// `rnn_cell.BasicLSTMCell(128)`, `LSTMCell(n)`, `BasicRNNCell(n)`, `GRUCell(n)`, and the wrappers of TF1's
/// era around them: `DropoutWrapper(cell, input_keep_prob=, output_keep_prob=)` and
/// `MultiRNNCell([cells])`, kept as the layers an RNN function unrolls (see `RNNLayer`).
struct TFCell: ShellObject, ReprObject {
    let layers: [RNNLayer]
    /// A `MultiRNNCell`: its state is a tuple of one state per layer.
    let multi: Bool
    let className: String

    init(cell: GraphCell) { layers = [RNNLayer(cell: cell)]; multi = false; className = cell.tfClass.rawValue }
    init(layers: [RNNLayer], multi: Bool, className: String) { self.layers = layers; self.multi = multi; self.className = className }

    /// The (last layer's) cell.
    var cell: GraphCell { layers[layers.count - 1].cell }
    var kind: String { className }
    var summary: String { multi ? "MultiRNNCell(\(layers.count) layers)" : "\(className)(\(cell.units))" }
    var detail: String {
        multi ? "<tensorflow.python.ops.rnn_cell_impl.MultiRNNCell layers=\(layers.count)>"
              : "<tensorflow.python.ops.rnn_cell_impl.\(className) units=\(cell.units)>"
    }
    var reprText: String { detail }

    static func stateSize(_ c: GraphCell) -> Value {
        if c.stateNames.count > 1 { return .object(TFStateTuple(parts: c.stateNames.map { _ in .int(c.units) })) }
        return .int(c.units)
    }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "state_size":
            return multi ? .tuple(layers.map { Self.stateSize($0.cell) }) : Self.stateSize(cell)
        case "output_size": return .int(cell.units)
        case "weights", "variables", "trainable_variables":
            return .list(layers.flatMap { $0.cell.variables ?? [] }.map { .object(TFTensor(tensor: $0)) })
        case "zero_state": return .object(TFBoundMethod(name: name, receiver: .object(self)))
        default: return nil
        }
    }
    var attributeNames: [String] { ["state_size", "output_size", "weights", "variables", "zero_state"] }
}

/// TF1's `LSTMStateTuple(c, h)`: a named pair that unpacks and indexes like a tuple.
struct TFStateTuple: ShellObject, ReprObject {
    let parts: [Value]
    var kind: String { "LSTMStateTuple" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String {
        "LSTMStateTuple(c=\(ValueFormatter.repr(parts[0])), h=\(ValueFormatter.repr(parts[1])))"
    }
    func attribute(_ name: String) -> Value? {
        switch name {
        case "c": return parts[0]
        case "h": return parts[1]
        default: return nil
        }
    }
    var attributeNames: [String] { ["c", "h"] }
    func item(_ key: Value) throws(ShellError) -> Value? {
        let i = try ArgumentBinder.integer(key, nil)
        let j = i < 0 ? i + 2 : i
        guard j >= 0 && j < 2 else { throw ShellError("tuple index out of range", kind: .indexError) }
        return parts[j]
    }
    var iterationItems: [Value]? { parts }
}

/// `tf.train.AdamOptimizer(...)`, `GradientDescentOptimizer(lr)`, `MomentumOptimizer`,
/// `RMSPropOptimizer`, `AdagradOptimizer`: `.minimize(cost)`, `.compute_gradients(cost)` and
/// `.apply_gradients(pairs)` add ops to the graph. A learning rate given as a tensor (a decay
/// schedule, a variable) is `learningRate`.
struct TFOptimizer: ShellObject, ReprObject {
    let method: OptimizerSpec.Method
    var learningRate: GraphTensor? = nil
    var kind: String { method.name + "Optimizer" }
    var summary: String { reprText }
    var detail: String { reprText }
    /// TF's module of the class (`tensorflow.python.training.rmsprop.RMSPropOptimizer`).
    var reprText: String {
        let module: String
        switch method {
        case .adam: module = "adam"
        case .gradientDescent: module = "gradient_descent"
        case .momentum: module = "momentum"
        case .rmsProp: module = "rmsprop"
        case .adagrad: module = "adagrad"
        }
        return "<tensorflow.python.training.\(module).\(kind)>"
    }
    static let methods = ["minimize", "compute_gradients", "apply_gradients", "get_name"]
    func attribute(_ name: String) -> Value? {
        TFOptimizer.methods.contains(name) ? .object(TFBoundMethod(name: name, receiver: .object(self))) : nil
    }
    var attributeNames: [String] { TFOptimizer.methods }
}

/// A method of a TF object waiting for its arguments (`sess.run`, `accuracy.eval`).
struct TFBoundMethod: ShellObject, PythonCallable {
    let name: String
    let receiver: Value
    var kind: String { "method" }
    var summary: String { "<bound method \(name) of \(ValueFormatter.repr(receiver))>" }
    var detail: String { summary }
    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        try TFMethods.call(name, on: receiver, TFArguments(positional, keywords, span: span, function: name), evaluator: evaluator)
    }
}

/// `tf.Session()`: a `with` block makes it the default session and closes it at the end.
final class TFSession: ShellObject, ContextManager, ReprObject, HashableObject, @unchecked Sendable {
    let session: Session
    init(_ s: Session) { session = s }
    var kind: String { "Session" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<tensorflow.python.client.session.Session object>" }
    var hashIdentity: String { "tf.Session:\(ObjectIdentifier(self).hashValue)" }
    func attribute(_ name: String) -> Value? {
        switch name {
        case "run", "close": return .object(TFBoundMethod(name: name, receiver: .object(self)))
        case "graph": return .object(TFGraph(session.graph))
        default: return nil
        }
    }
    var attributeNames: [String] { ["run", "close", "graph"] }
    /// TF's `Session.__enter__` also enters its graph's `as_default()`: inside the block, ops
    /// are built into the session's graph (`tf.global_variables_initializer().run()` there).
    func enter(evaluator: Evaluator) throws(ShellError) -> Value {
        let state = evaluator.interpreter.tensorflow
        state.defaultSessions.append(self)
        state.pushDefault(session.graph)
        return .object(self)
    }
    func exit(evaluator: Evaluator) throws(ShellError) {
        let state = evaluator.interpreter.tensorflow
        if let i = state.defaultSessions.lastIndex(where: { $0 === self }) { state.defaultSessions.remove(at: i) }
        state.popDefault()
        session.close()
    }
}

/// `tf.Graph()`, `tf.get_default_graph()`, `t.graph`, `sess.graph`: a view of one graph. TF has
/// one Python object per graph, so two views of the same graph are `is`-identical (see
/// `Evaluator.identical`) and hash alike.
final class TFGraph: ShellObject, ReprObject, HashableObject, @unchecked Sendable {
    let graph: Graph
    init(_ g: Graph) { graph = g }
    var kind: String { "Graph" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<tensorflow.python.framework.ops.Graph object>" }
    var hashIdentity: String { "tf.Graph:\(ObjectIdentifier(graph).hashValue)" }
    func attribute(_ name: String) -> Value? {
        switch name {
        case "as_default", "get_tensor_by_name", "get_operation_by_name":
            return .object(TFBoundMethod(name: name, receiver: .object(self)))
        default: return nil
        }
    }
    var attributeNames: [String] { ["as_default", "get_tensor_by_name", "get_operation_by_name"] }
}

/// `g.as_default()`: a `with` block in which `g` is the default graph (`as` binds `g`).
final class TFGraphContext: ShellObject, ContextManager, ReprObject, @unchecked Sendable {
    let graph: TFGraph
    init(_ g: TFGraph) { graph = g }
    var kind: String { "_GeneratorContextManager" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<contextlib._GeneratorContextManager object>" }
    func enter(evaluator: Evaluator) throws(ShellError) -> Value {
        evaluator.interpreter.tensorflow.pushDefault(graph.graph)
        return .object(graph)
    }
    func exit(evaluator: Evaluator) throws(ShellError) { evaluator.interpreter.tensorflow.popDefault() }
}
