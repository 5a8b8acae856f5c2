import Tensor

/// TF1's `reuse=` of a variable scope: `False`/`None` (a new variable, and an existing one is an
/// error), `True` (an existing variable, and a missing one is an error) or `tf.AUTO_REUSE`
/// (whichever applies).
public enum VariableReuse: Sendable, Equatable {
    case no, yes, auto
}

/// A TF1 `VariableScope`: the prefix `tf.get_variable` puts before a variable's name, and its
/// reuse mode. A class because `scope.reuse_variables()` changes the scope object the program
/// holds, and re-entering that object (`with tf.variable_scope(scope):`) keeps the change.
public final class VariableScope: @unchecked Sendable {
    public let name: String
    public var reuse: VariableReuse
    /// The op name scope opened with it (`foo_1/` when `foo` was already taken by ops).
    public let originalNameScope: String
    /// `variable_scope(…, initializer=)`: what `get_variable` (and a cell's or a layer's kernel)
    /// starts from when given no initializer of its own; inherited by nested scopes.
    public let initializer: VariableInitializer?
    init(name: String, reuse: VariableReuse, originalNameScope: String, initializer: VariableInitializer? = nil) {
        self.name = name; self.reuse = reuse; self.originalNameScope = originalNameScope; self.initializer = initializer
    }
}

/// What `tf.get_variable` starts a new variable from (TF1's `init_ops`). The random ones draw
/// from the graph's seeded stream, as every rnnsh initializer does (TF's generator is not
/// reproduced); the rest give TF's values exactly.
public enum VariableInitializer: Sendable {
    case normal(mean: Float, stddev: Float)
    case truncatedNormal(mean: Float, stddev: Float)
    /// `random_uniform_initializer(minval, maxval)`.
    case uniform(min: Float, max: Float)
    /// TF1's default for `get_variable`: uniform in ±√(6 / (fan_in + fan_out)).
    case glorotUniform
    /// `constant_initializer(value)`: a number fills the variable; a list gives its values in
    /// order, the last one repeated when it is short (as TF's does).
    case constant(NDArray)
    case zeros, ones
    /// The initial value given as a tensor (`initializer=tf.constant(...)`): no `shape=`.
    case tensor(GraphTensor)
}

extension Graph {
    /// The innermost variable scope (the root scope, named "", outside every `with`).
    public var currentVariableScope: VariableScope { scopeStack.last(where: { $0.scope != nil })?.scope ?? rootScope }

    /// The op name prefix in force (`foo/`), empty while a composite op names its parts itself.
    var namePrefix: String { absoluteDepth > 0 ? "" : currentNamePrefix }

    /// `name` under the current variable scope (`foo/W`), as `tf.get_variable` names it.
    public func variableName(_ name: String) -> String {
        let s = absoluteDepth > 0 ? "" : currentVariableScope.name
        return s.isEmpty ? name : s + "/" + name
    }

    /// Builds the parts of a composite op (a layer, an RNN) whose names were already made with
    /// the scopes' prefixes: inside, names are taken as given.
    func absolute<T>(_ body: () throws(TensorError) -> T) throws(TensorError) -> T {
        absoluteDepth += 1
        defer { absoluteDepth -= 1 }
        return try body()
    }

    /// `with tf.variable_scope(name_or_scope, default_name=, reuse=):` entered. A name nests
    /// under the current scope and inherits its reuse (`reuse=False` inside a reusing scope
    /// still reuses, as in TF1); a scope object is re-entered by its own name and reuse; without
    /// either, `default_name` made unique (`def`, `def_1`). Ops built inside go under a name
    /// scope of the same name, made unique among ops (a second `with tf.variable_scope("foo")`
    /// puts its ops under `foo_1/`, its variables still under `foo/`).
    public func enterVariableScope(name: String?, scope: VariableScope?, defaultName: String?,
                                   reuse: VariableReuse?, initializer: VariableInitializer? = nil) throws(TensorError) -> VariableScope {
        let parent = currentVariableScope
        let full: String, inherited: VariableReuse, base: String
        if let s = scope {
            full = s.name
            inherited = s.reuse
            base = s.name.split(separator: "/").last.map(String.init) ?? s.name
        } else if let n = name {
            full = parent.name.isEmpty ? n : parent.name + "/" + n
            inherited = parent.reuse
            base = n
        } else if let d = defaultName {
            // TF counts the variable scopes opened under each name for default names.
            var candidate = parent.name.isEmpty ? d : parent.name + "/" + d
            var k = 0
            while openedScopes[candidate] != nil {
                k += 1
                candidate = (parent.name.isEmpty ? "" : parent.name + "/") + "\(d)_\(k)"
            }
            full = candidate
            inherited = parent.reuse
            base = full.split(separator: "/").last.map(String.init) ?? full
        } else {
            throw TensorError("If default_name is None then name_or_scope is required", kind: .typeError)
        }
        openedScopes[full, default: 0] += 1
        let opScope = base.isEmpty ? currentNamePrefix : uniqueName(nil, base) + "/"
        let effective: VariableReuse
        switch reuse {
        case .yes?: effective = .yes
        case .auto?: effective = .auto
        default: effective = inherited
        }
        let entered = VariableScope(name: full, reuse: effective, originalNameScope: opScope,
                                    initializer: initializer ?? scope?.initializer ?? (scope == nil ? parent.initializer : nil))
        scopeStack.append(ScopeFrame(scope: entered, savedPrefix: currentNamePrefix))
        currentNamePrefix = opScope
        return entered
    }

    /// `with tf.name_scope(name):` entered: ops only, variables from `get_variable` keep their
    /// scope. Returns the scope's name (`foo/`). A name ending in `/` is taken as it is.
    public func enterNameScope(_ name: String) -> String {
        let scope = name.hasSuffix("/") ? name : (name.isEmpty ? "" : uniqueName(nil, name) + "/")
        scopeStack.append(ScopeFrame(scope: nil, savedPrefix: currentNamePrefix))
        currentNamePrefix = scope
        return scope
    }

    /// Leaves the innermost scope entered (variable or name scope), restoring the op prefix.
    public func exitScope() {
        guard let frame = scopeStack.popLast() else { return }
        currentNamePrefix = frame.savedPrefix
    }

    /// The reuse in force: the innermost variable scope's.
    var reuse: VariableReuse { currentVariableScope.reuse }

    /// A variable that `get_variable`, a cell or a layer wants under `fullName`: the existing one
    /// when the scope reuses (checked for shape and dtype), nil when a new one must be made, or
    /// TF1's error for a variable that exists where the scope does not reuse, or is missing
    /// where it must.
    func sharedVariable(_ fullName: String, shape: [Int]?, dtype: DType?) throws(TensorError) -> GraphTensor? {
        if let id = variableStore[fullName] {
            guard reuse != .no else {
                throw TensorError("Variable \(fullName) already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?", kind: .valueError)
            }
            let v = tensor(id)
            if let s = shape, let have = v.shape.concrete, have != s {
                throw TensorError("Trying to share variable \(fullName), but specified shape \(StaticShape.known(s)) and found shape \(v.shape).", kind: .valueError)
            }
            if let d = dtype, d != v.dtype {
                throw TensorError("Trying to share variable \(fullName), but specified dtype \(d.name) and found dtype \(v.dtype.name)_ref.", kind: .valueError)
            }
            return v
        }
        if reuse == .yes {
            throw TensorError("Variable \(fullName) does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?", kind: .valueError)
        }
        return nil
    }

    /// Records a variable made for `get_variable` (or a cell or layer, which TF1 built with it).
    func register(_ v: GraphTensor, as fullName: String) { variableStore[fullName] = v.op }

    /// `tf.get_variable(name, shape, dtype=, initializer=, trainable=)`: the variable
    /// `scope/name`, made with the initializer (TF1's default glorot-uniform for floats, zeros
    /// otherwise) or shared as the scope's reuse says. The initial value's ops live under
    /// `scope/name/Initializer/` as in TF1.
    public func getVariable(_ name: String, shape: [Int]?, dtype: DType?, initializer: VariableInitializer?,
                            trainable: Bool = true) throws(TensorError) -> GraphTensor {
        let full = variableName(name)
        if let v = try sharedVariable(full, shape: shape, dtype: dtype) { return v }
        if let s = shape, s.contains(where: { $0 < 0 }) {
            throw TensorError("The initializer passed is not valid. It should be a callable with no arguments and the shape should not be provided or an instance of `tf.keras.initializers.*' and `shape` should be fully defined.", kind: .valueError)
        }
        let d = dtype ?? .float32
        let initial: GraphTensor = try absolute { () throws(TensorError) -> GraphTensor in
            let prefix = full + "/Initializer/"
            if case .tensor(let t)? = initializer {
                guard shape == nil else { throw TensorError("If initializer is a constant, do not specify shape.", kind: .valueError) }
                guard t.graph === self else { throw TensorError("Tensor \(t.name) must be from the same graph as the other tensors", kind: .valueError) }
                return t
            }
            guard let shape else {
                if initializer == nil {
                    throw TensorError("Variable \(full) did not get an initializer, so its `shape` argument must be specified.", kind: .valueError)
                }
                throw TensorError("The initializer passed is not valid. It should be a callable with no arguments and the shape should not be provided or an instance of `tf.keras.initializers.*' and `shape` should be fully defined.", kind: .valueError)
            }
            return try initialValue(initializer ?? currentVariableScope.initializer, shape: shape, dtype: d, prefix: prefix)
        }
        let v = try absolute { () throws(TensorError) -> GraphTensor in try variable(initial, name: full, trainable: trainable) }
        register(v, as: full)
        return v
    }

    /// The initial value op of a new variable (names under `prefix`, which ends in
    /// `/Initializer/`); nil `initializer`: TF's default, glorot-uniform for floats, zeros else.
    func initialValue(_ initializer: VariableInitializer?, shape: [Int], dtype d: DType, prefix: String) throws(TensorError) -> GraphTensor {
        _ = try Limits.checkAllocation(shape, d)
        let floating = d == .float32 || d == .float64
        switch initializer ?? (floating ? .glorotUniform : .zeros) {
        case .normal(let m, let s): return try random(.normal, shape: shape, a: m, b: s, dtype: d, name: prefix + "random_normal")
        case .truncatedNormal(let m, let s):
            return try random(.truncatedNormal, shape: shape, a: m, b: s, dtype: d, name: prefix + "truncated_normal")
        case .uniform(let lo, let hi): return try random(.uniform, shape: shape, a: lo, b: hi, dtype: d, name: prefix + "random_uniform")
        case .glorotUniform:
            let (fanIn, fanOut) = Self.fans(shape)
            let limit = Float((6 / Double(max(fanIn + fanOut, 1))).squareRoot())
            return try random(.uniform, shape: shape, a: -limit, b: limit, dtype: d, name: prefix + "random_uniform")
        case .zeros: return constant(try NDArray.zeros(shape, dtype: d), name: prefix + "zeros")
        case .ones: return constant(try NDArray.ones(shape, dtype: d), name: prefix + "ones")
        case .constant(let v): return constant(try Self.filled(v, shape: shape, dtype: d), name: prefix + "Const")
        case .tensor(let t):
            guard t.shape.concrete == shape else {
                throw TensorError("If initializer is a constant, do not specify shape.", kind: .valueError)
            }
            return t
        }
    }

    /// TF's fan-in and fan-out of a variable's shape (`_compute_fans`): the last two axes,
    /// times the product of the others (a convolution's receptive field).
    static func fans(_ shape: [Int]) -> (Int, Int) {
        switch shape.count {
        case 0: return (1, 1)
        case 1: return (shape[0], shape[0])
        case 2: return (shape[0], shape[1])
        default:
            let field = shape.dropLast(2).reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }
            let a = shape[shape.count - 2].multipliedReportingOverflow(by: field).partialValue
            let b = shape[shape.count - 1].multipliedReportingOverflow(by: field).partialValue
            return (a, b)
        }
    }

    /// `constant_initializer(value)` for `shape`: one number fills it; a list of the right
    /// size is reshaped; a shorter one is padded with its last value (TF's constant_v1); a
    /// longer one is TF's ValueError.
    static func filled(_ value: NDArray, shape: [Int], dtype: DType) throws(TensorError) -> NDArray {
        let values = try value.doubleValues()
        let n = shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }
        if values.count > n { throw TensorError("Too many elements provided. Takes at most \(n), but got \(values.count).", kind: .valueError) }
        guard let last = values.last else {
            throw TensorError("Too few elements provided: an empty list cannot fill shape \(StaticShape.known(shape))", kind: .valueError)
        }
        _ = try Limits.checkAllocation(shape, .float64)
        let padded = values + [Double](repeating: last, count: n - values.count)
        return try NDArray.fromDoubles(padded, shape: shape).astype(dtype)
    }
}

/// One entered `with`: a variable scope (and its op name scope) or a name scope alone.
struct ScopeFrame {
    var scope: VariableScope?
    var savedPrefix: String
}
