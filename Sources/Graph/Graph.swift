import Tensor
import RNN

/// A TF1 graph: ops appended in the order the program builds them (so op ids are a
/// topological order), TF1's unique names, and the graph-level random seed. Building never
/// computes anything; a `Session` does. Builders check shapes and dtypes as TF1's shape
/// functions did and throw TF's ValueError/TypeError wording.
public final class Graph: @unchecked Sendable {
    public private(set) var ops: [Op] = []
    var naming = OpNaming()
    /// `tf.set_random_seed(seed)`: every random op and initializer draws from a stream seeded by
    /// this and the op's own position, so the same program gives the same values every run.
    public var seed: UInt64 = 0
    /// Variables in creation order (`tf.global_variables()`), and the trainable ones.
    public private(set) var variables: [Int] = []
    public private(set) var trainableVariables: [Int] = []
    /// The variable `tf.train.get_or_create_global_step()` made (TF's GLOBAL_STEP collection).
    var globalStepID: Int?

    /// TF1's variable and name scopes (`VariableScope.swift`): the `with` blocks entered, the op
    /// name prefix they set (`foo/`), how many composite builders are naming their own parts,
    /// how often each variable scope was opened (for `default_name`), and the variables
    /// `get_variable` (or a cell, or a layer) made, by full name, which a reusing scope shares.
    var scopeStack: [ScopeFrame] = []
    var currentNamePrefix = ""
    var absoluteDepth = 0
    var openedScopes: [String: Int] = [:]
    var variableStore: [String: Int] = [:]
    let rootScope = VariableScope(name: "", reuse: .no, originalNameScope: "")

    public init() {}

    public func tensor(_ op: Int, _ index: Int = 0) -> GraphTensor { GraphTensor(graph: self, op: op, index: index) }
    public func operation(_ op: Int) -> GraphOperation { GraphOperation(graph: self, op: op) }
    public var variableTensors: [GraphTensor] { variables.map { tensor($0) } }

    /// A unique op name from `requested` (a user's `name=`) or TF's default for the op type.
    /// Inside `with tf.variable_scope("foo")` (or `tf.name_scope`) the name is `foo/…`.
    func uniqueName(_ requested: String?, _ fallback: String) -> String { naming.unique(namePrefix + (requested ?? fallback)) }

    @discardableResult
    func append(_ name: String, type: String, _ kind: OpKind, inputs: [GraphTensor],
                outputs: [(StaticShape, DType)], outputNames: [String]? = nil) -> Int {
        let specs = outputs.enumerated().map { i, o in
            OutputSpec(name: outputNames?[i] ?? "\(name):\(i)", shape: o.0, dtype: o.1)
        }
        ops.append(Op(name: name, kind: kind, inputs: inputs, outputs: specs, type: type))
        return ops.count - 1
    }

    private func owned(_ t: GraphTensor) throws(TensorError) {
        guard t.graph === self else {
            throw TensorError("Tensor \(t.name) must be from the same graph as the other tensors", kind: .valueError)
        }
    }

    // MARK: inputs and variables

    public func placeholder(dtype: DType, shape: StaticShape, name: String? = nil) -> GraphTensor {
        let n = uniqueName(name, "Placeholder")
        return tensor(append(n, type: "Placeholder", .placeholder, inputs: [], outputs: [(shape, dtype)]))
    }

    /// `tf.constant(value)`, also `tf.zeros`/`tf.ones` (`fallback` names the op).
    public func constant(_ value: NDArray, name: String? = nil, fallback: String = "Const") -> GraphTensor {
        let n = uniqueName(name, fallback)
        return tensor(append(n, type: "Const", .constant(value), inputs: [], outputs: [(.known(value.shape), value.dtype)]))
    }

    public func random(_ kind: RandomKind, shape: [Int], a: Float, b: Float, dtype: DType = .float32,
                       name: String? = nil) throws(TensorError) -> GraphTensor {
        guard shape.allSatisfy({ $0 >= 0 }) else { throw TensorError("Dimension -1 must be >= 0", kind: .valueError) }
        _ = try Limits.checkAllocation(shape, .float32)
        let fallback: String
        switch kind { case .normal: fallback = "random_normal"; case .truncatedNormal: fallback = "truncated_normal"; case .uniform: fallback = "random_uniform" }
        let n = uniqueName(name, fallback)
        return tensor(append(n, type: "Add", .random(kind, shape: shape, a: a, b: b), inputs: [], outputs: [(.known(shape), dtype)]))
    }

    /// `tf.Variable(initial)`: the initial value is a tensor (a random op, a constant).
    public func variable(_ initial: GraphTensor, name: String? = nil, trainable: Bool = true) throws(TensorError) -> GraphTensor {
        try owned(initial)
        guard initial.shape.concrete != nil else {
            throw TensorError("initial_value must have a shape specified: \(initial)", kind: .valueError)
        }
        let n = uniqueName(name, "Variable")
        let id = append(n, type: "VariableV2", .variable(initial: initial, trainable: trainable), inputs: [],
                        outputs: [(initial.shape, initial.dtype)])
        variables.append(id)
        if trainable { trainableVariables.append(id) }
        return tensor(id)
    }

    /// `tf.Variable(numpy_value)`: TF names the constant `Variable/initial_value`.
    public func variable(value: NDArray, name: String? = nil, trainable: Bool = true) throws(TensorError) -> GraphTensor {
        let n = uniqueName(name, "Variable")
        let initName = n + "/initial_value"
        naming.reserve(initName)
        let c = tensor(append(initName, type: "Const", .constant(value), inputs: [], outputs: [(.known(value.shape), value.dtype)]))
        let id = append(n, type: "VariableV2", .variable(initial: c, trainable: trainable), inputs: [], outputs: [(c.shape, c.dtype)])
        variables.append(id)
        if trainable { trainableVariables.append(id) }
        return tensor(id)
    }

    // MARK: shape ops

    public func transpose(_ x: GraphTensor, _ perm: [Int]?, name: String? = nil) throws(TensorError) -> GraphTensor {
        try owned(x)
        let s = try ShapeInference.transpose(x.shape, perm)
        let n = uniqueName(name, "transpose")
        return tensor(append(n, type: "Transpose", .transpose(perm), inputs: [x], outputs: [(s, x.dtype)]))
    }

    public func reshape(_ x: GraphTensor, _ shape: [Int], name: String? = nil) throws(TensorError) -> GraphTensor {
        try owned(x)
        let n = uniqueName(name, "Reshape")
        let s = try ShapeInference.reshape(x.shape, shape, op: n)
        return tensor(append(n, type: "Reshape", .reshape(shape), inputs: [x], outputs: [(s, x.dtype)]))
    }

    public func split(_ x: GraphTensor, count: Int, axis: Int, name: String? = nil) throws(TensorError) -> [GraphTensor] {
        try owned(x)
        guard count >= 1 else { throw TensorError("num_split must be at least 1, got \(count)", kind: .valueError) }
        let n = uniqueName(name, "split")
        let s = try ShapeInference.split(x.shape, axis: axis, count: count, op: n)
        let id = append(n, type: "Split", .split(axis: axis, count: count), inputs: [x],
                        outputs: [(StaticShape, DType)](repeating: (s, x.dtype), count: count))
        return (0..<count).map { tensor(id, $0) }
    }

    public func unstack(_ x: GraphTensor, count: Int?, axis: Int, name: String? = nil) throws(TensorError) -> [GraphTensor] {
        try owned(x)
        let (s, known) = try ShapeInference.unstack(x.shape, axis: axis)
        guard let num = count ?? known else {
            throw TensorError("Cannot infer argument `num` from shape \(x.shape)", kind: .valueError)
        }
        if let k = known, k != num {
            throw TensorError("Dimension \(axis) in both shapes must be equal, but are \(k) and \(num)", kind: .valueError)
        }
        let n = uniqueName(name, "unstack")
        let id = append(n, type: "Unpack", .unstack(axis: axis, count: num), inputs: [x],
                        outputs: [(StaticShape, DType)](repeating: (s, x.dtype), count: num))
        return (0..<num).map { tensor(id, $0) }
    }

    /// `tf.stack(values, axis=0)`: TF's `Pack`, named `stack`. The inputs' static shapes merge
    /// (a `?` takes the other's size); a rank or size that differs is TF's build-time error.
    public func stack(_ xs: [GraphTensor], axis: Int = 0, name: String? = nil) throws(TensorError) -> GraphTensor {
        for x in xs { try owned(x) }
        let n = uniqueName(name, "stack")
        try sameDType(xs, "Pack")
        var merged: [Int?]? = nil
        for x in xs {
            guard let d = x.shape.dims else { continue }
            guard let m = merged else { merged = d; continue }
            guard m.count == d.count else {
                throw TensorError("Shapes must be equal rank, but are \(m.count) and \(d.count) for '\(n)' (op: 'Pack') with input shapes: \(xs.map(\.shape.bracketText).joined(separator: ", ")).", kind: .valueError)
            }
            var out = m
            for i in 0..<m.count {
                if let a = m[i], let b = d[i], a != b {
                    throw TensorError("Dimension \(i) in both shapes must be equal, but are \(a) and \(b). Shapes are \(StaticShape(m).bracketText) and \(x.shape.bracketText). for '\(n)' (op: 'Pack') with input shapes: \(xs.map(\.shape.bracketText).joined(separator: ", ")).", kind: .valueError)
                }
                out[i] = m[i] ?? d[i]
            }
            merged = out
        }
        let dtype = xs.first?.dtype ?? .float32
        guard var shape = merged ?? (xs.isEmpty ? [] : nil) else {
            return tensor(append(n, type: "Pack", .stack(axis: axis), inputs: xs, outputs: [(.unknown, dtype)]))
        }
        let r = shape.count + 1
        guard axis >= -r && axis < r else { throw TensorError("Argument `axis` = \(axis) not in range [\(-r), \(r))", kind: .valueError) }
        let a = axis < 0 ? axis + r : axis
        shape.insert(xs.count, at: a)
        if xs.isEmpty {
            throw TensorError("rnnsh's tensorflow has no tf.stack of an empty list (yet)", kind: .notImplementedError)
        }
        return tensor(append(n, type: "Pack", .stack(axis: a), inputs: xs, outputs: [(StaticShape(shape), dtype)]))
    }

    public func concat(_ xs: [GraphTensor], axis: Int, name: String? = nil) throws(TensorError) -> GraphTensor {
        for x in xs { try owned(x) }
        guard let first = xs.first else { throw TensorError("List argument 'values' to 'ConcatV2' Op with length 0 shorter than minimum length 2.", kind: .valueError) }
        try sameDType(xs, "ConcatV2")
        let n = uniqueName(name, "concat")
        let s = try ShapeInference.concat(xs.map(\.shape), axis: axis, op: n)
        return tensor(append(n, type: "ConcatV2", .concat(axis: axis), inputs: xs, outputs: [(s, first.dtype)]))
    }

    // MARK: math

    public func matmul(_ a: GraphTensor, _ b: GraphTensor, transposeA: Bool = false, transposeB: Bool = false,
                       name: String? = nil) throws(TensorError) -> GraphTensor {
        try owned(a); try owned(b)
        try sameDType([a, b], "MatMul", names: ["a", "b"])
        let n = uniqueName(name, "MatMul")
        let s = try ShapeInference.matmul(a.shape, b.shape, op: n, transposeA: transposeA, transposeB: transposeB)
        return tensor(append(n, type: "MatMul", .matmul(transposeA: transposeA, transposeB: transposeB), inputs: [a, b], outputs: [(s, a.dtype)]))
    }

    /// `a > b` and the other orderings (`tf.greater`, …): TF's ops refuse bool tensors.
    public func compare(_ kind: CompareKind, _ a: GraphOperand, _ b: GraphOperand, name: String? = nil) throws(TensorError) -> GraphTensor {
        let n = uniqueName(name, kind.opType)
        let (x, y) = try operands(a, b, scope: n, opType: kind.opType)
        if x.dtype == .bool {
            throw TensorError("Value passed to parameter 'x' has DataType bool not in list of allowed values: float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, uint64", kind: .typeError)
        }
        let s = try ShapeInference.broadcast(x.shape, y.shape, op: n, type: kind.opType)
        return tensor(append(n, type: kind.opType, .compare(kind), inputs: [x, y], outputs: [(s, .bool)]))
    }

    /// `a + b` and friends; a Python number or array on either side becomes a constant of the
    /// tensor's dtype inside the op's scope (`mul_1/y`), as TF1 converted it.
    public func binary(_ kind: BinaryKind, _ a: GraphOperand, _ b: GraphOperand, name: String? = nil) throws(TensorError) -> GraphTensor {
        try binary(kind, a, b, uniqueName: uniqueName(name, kind.opName))
    }

    /// The op under a name already made unique (`clip_by_value`'s Maximum takes its scope's).
    func binary(_ kind: BinaryKind, _ a: GraphOperand, _ b: GraphOperand, uniqueName n: String) throws(TensorError) -> GraphTensor {
        let (x, y) = try operands(a, b, scope: n, opType: kind.opType)
        if x.dtype == .bool, let allowed = kind.allowedTypes {
            throw TensorError("Value passed to parameter 'x' has DataType bool not in list of allowed values: \(allowed)", kind: .typeError)
        }
        let s = try ShapeInference.broadcast(x.shape, y.shape, op: n, type: kind.opType)
        return tensor(append(n, type: kind.opType, .binary(kind), inputs: [x, y], outputs: [(s, x.dtype)]))
    }

    /// `tf.equal` (`tf.not_equal` when `not`).
    public func equal(_ a: GraphOperand, _ b: GraphOperand, not: Bool = false, name: String? = nil) throws(TensorError) -> GraphTensor {
        let type = not ? "NotEqual" : "Equal"
        let n = uniqueName(name, type)
        let (x, y) = try operands(a, b, scope: n, opType: type)
        let s = try ShapeInference.broadcast(x.shape, y.shape, op: n, type: type)
        return tensor(append(n, type: type, not ? .notEqual : .equal, inputs: [x, y], outputs: [(s, .bool)]))
    }

    private func operands(_ a: GraphOperand, _ b: GraphOperand, scope: String, opType: String) throws(TensorError) -> (GraphTensor, GraphTensor) {
        func const(_ v: NDArray, like t: GraphTensor, _ part: String) throws(TensorError) -> GraphTensor {
            let value = try v.astype(t.dtype)
            let nm = scope + "/" + part
            naming.reserve(nm)
            return tensor(append(nm, type: "Const", .constant(value), inputs: [], outputs: [(.known(value.shape), value.dtype)]))
        }
        switch (a, b) {
        case (.tensor(let x), .tensor(let y)):
            try owned(x); try owned(y)
            try sameDType([x, y], opType, names: ["x", "y"])
            return (x, y)
        case (.tensor(let x), .value(let v)): try owned(x); return (x, try const(v, like: x, "y"))
        case (.value(let v), .tensor(let y)): try owned(y); return (try const(v, like: y, "x"), y)
        case (.value, .value):
            throw TensorError("at least one operand must be a graph tensor", kind: .typeError)
        }
    }

    private func sameDType(_ xs: [GraphTensor], _ opType: String, names: [String]? = nil) throws(TensorError) {
        guard let first = xs.first else { return }
        for (i, x) in xs.enumerated().dropFirst() where x.dtype != first.dtype {
            let nm = names ?? xs.indices.map { "values[\($0)]" }
            throw TensorError("Input '\(nm[min(i, nm.count - 1)])' of '\(opType)' Op has type \(x.dtype.name) that does not match type \(first.dtype.name) of argument '\(nm[0])'.", kind: .typeError)
        }
    }

    public func softmax(_ x: GraphTensor, name: String? = nil) throws(TensorError) -> GraphTensor {
        try owned(x)
        try float(x, "Softmax")
        let n = uniqueName(name, "Softmax")
        return tensor(append(n, type: "Softmax", .softmax, inputs: [x], outputs: [(x.shape, x.dtype)]))
    }

    /// `softmax_cross_entropy_with_logits` (scope `softmax_cross_entropy_with_logits_sg`, TF1's
    /// v1 function, which stops the labels' gradient) or `_v2` (scope
    /// `softmax_cross_entropy_with_logits`). The output is TF's `<scope>/Reshape_2:0`, shape
    /// the logits' without the last axis.
    public func softmaxCrossEntropy(logits: GraphTensor, labels: GraphTensor, v2: Bool, name: String? = nil) throws(TensorError) -> GraphTensor {
        try owned(logits); try owned(labels)
        try float(logits, "SoftmaxCrossEntropyWithLogits")
        try sameDType([logits, labels], "SoftmaxCrossEntropyWithLogits", names: ["features", "labels"])
        _ = try ShapeInference.broadcast(logits.shape, labels.shape, op: "SoftmaxCrossEntropyWithLogits", type: "SoftmaxCrossEntropyWithLogits")
        let scope = uniqueName(name, v2 ? "softmax_cross_entropy_with_logits" : "softmax_cross_entropy_with_logits_sg")
        var s = StaticShape.unknown
        if let d = logits.shape.dims {
            guard !d.isEmpty else { throw TensorError("Shape must be at least rank 1 but is rank 0", kind: .valueError) }
            s = StaticShape(Array(d.dropLast()))
        }
        let out = scope + "/Reshape_2"
        naming.reserve(out)
        return tensor(append(scope, type: "SoftmaxCrossEntropyWithLogits", .softmaxCrossEntropy, inputs: [logits, labels],
                             outputs: [(s, logits.dtype)], outputNames: [out + ":0"]))
    }

    public func reduce(_ kind: ReduceKind, _ x: GraphTensor, axes: [Int]?, keepdims: Bool = false, name: String? = nil) throws(TensorError) -> GraphTensor {
        try owned(x)
        if (kind == .max || kind == .min), x.dtype == .bool {
            throw TensorError("Value passed to parameter 'input' has DataType bool not in list of allowed values: float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, uint64, qint8, quint8, qint32, qint16, quint16", kind: .typeError)
        }
        let n = uniqueName(name, kind.opType)
        let s = try ShapeInference.reduce(x.shape, axes: axes, keepdims: keepdims)
        return tensor(append(n, type: kind.opType, .reduce(kind, axes: axes, keepdims: keepdims), inputs: [x], outputs: [(s, x.dtype)]))
    }

    public func argmax(_ x: GraphTensor, axis: Int, name: String? = nil) throws(TensorError) -> GraphTensor {
        try owned(x)
        let n = uniqueName(name, "ArgMax")
        var s = StaticShape.unknown
        if let d = x.shape.dims {
            let a = try ShapeInference.axis(axis, rank: d.count, "argmax")
            var r = d; r.remove(at: a); s = StaticShape(r)
        }
        return tensor(append(n, type: "ArgMax", .argmax(axis: axis), inputs: [x], outputs: [(s, .int64)]))
    }

    public func cast(_ x: GraphTensor, _ dtype: DType, name: String? = nil) throws(TensorError) -> GraphTensor {
        try owned(x)
        let n = uniqueName(name, "Cast")
        return tensor(append(n, type: "Cast", .cast(dtype), inputs: [x], outputs: [(x.shape, dtype)]))
    }

    private func float(_ x: GraphTensor, _ op: String) throws(TensorError) {
        guard x.dtype == .float32 || x.dtype == .float64 else {
            throw TensorError("Value passed to parameter 'features' has DataType \(x.dtype.name) not in list of allowed values: float16, bfloat16, float32, float64", kind: .typeError)
        }
    }

    // MARK: training

    /// `tf.global_variables_initializer()` / `initialize_all_variables()`: an op named `init`.
    public func globalVariablesInitializer(name: String? = nil) -> GraphOperation {
        let n = uniqueName(name, "init")
        return operation(append(n, type: "NoOp", .initializer(variables), inputs: [], outputs: []))
    }
}

/// An operand of `+ - * /` and `equal`: a graph tensor or a plain value (Python number, array).
public enum GraphOperand: Sendable {
    case tensor(GraphTensor)
    case value(NDArray)
}

extension Graph {
    /// The placeholders `t` depends on (what a run of `t` must be fed), in graph order.
    public func placeholders(reaching ts: [GraphTensor]) -> [GraphTensor] {
        var seen = Set<Int>(), stack = ts.map(\.op), found: [Int] = []
        while let op = stack.popLast() {
            if !seen.insert(op).inserted { continue }
            if case .placeholder = ops[op].kind { found.append(op) }
            for i in ops[op].inputs { stack.append(i.op) }
        }
        return found.sorted().map { tensor($0) }
    }
}
