import Tensor

/// The ops a TF1 program runs for their effect rather than their value: a variable's own
/// initializer (`v.initializer`, TF's `Variable/Assign`), initializers of chosen variables
/// (`tf.variables_initializer`), `tf.group` and `tf.no_op` (NoOps whose control inputs are what
/// running them runs), and the in-place updates `tf.assign_add` / `tf.assign_sub`.
///
/// A session runs an op of these kinds by running what it names (`Session.expandGroups`); none
/// has a value, so fetching one gives None, as TF's `sess.run(op)` does.
extension Graph {
    /// `v.initializer`: the op that gives `v` its initial value, named `<variable>/Assign` as TF
    /// names it. TF builds it with the variable; rnnsh builds it the first time it is asked for,
    /// and every later ask gives the same op.
    public func variableInitializer(_ v: GraphTensor) throws(TensorError) -> GraphOperation {
        guard v.graph === self, v.isVariable else {
            throw TensorError("'\(v.name)' is not a tf.Variable: only variables have an initializer", kind: .attributeError)
        }
        let name = ops[v.op].name + "/Assign"
        if let id = op(named: name), case .initializer(let vars) = ops[id].kind, vars == [v.op] { return operation(id) }
        naming.reserve(name)
        return operation(append(name, type: "Assign", .initializer([v.op]), inputs: [], outputs: []))
    }

    /// `tf.variables_initializer(var_list)` (and `local_variables_initializer()`, rnnsh having no
    /// local variables): a NoOp named `init` that initializes exactly those variables.
    public func variablesInitializer(_ vars: [GraphTensor], name: String? = nil) throws(TensorError) -> GraphOperation {
        for v in vars where !(v.graph === self && v.isVariable) {
            throw TensorError("'\(v.name)' is not a tf.Variable: variables_initializer takes a list of variables", kind: .typeError)
        }
        let n = uniqueName(name, "init")
        return operation(append(n, type: "NoOp", .initializer(vars.map(\.op)), inputs: [], outputs: []))
    }

    /// `tf.group(*inputs)` (named `group_deps`) and `tf.no_op()` (named `NoOp`, nothing to run):
    /// a NoOp whose control inputs are the given ops (a tensor stands for the op computing it).
    public func group(_ members: [Int], name: String? = nil, fallback: String) throws(TensorError) -> GraphOperation {
        let n = uniqueName(name, fallback)
        return operation(append(n, type: "NoOp", .group(members), inputs: [], outputs: []))
    }

    /// The control inputs TF's NodeDef lists (`input: "^Variable/Assign"`) for the NoOps above:
    /// an initializer's variables' Assign ops, a group's members.
    public func controlInputNames(_ id: Int) -> [String] {
        switch ops[id].kind {
        case .initializer(let vars) where ops[id].type == "NoOp": return vars.map { "^" + ops[$0].name + "/Assign" }
        case .group(let members): return members.map { "^" + ops[$0].name }
        default: return []
        }
    }

    /// `tf.assign_add(v, delta)` / `tf.assign_sub(v, delta)` (`v.assign_add(delta)`): ops
    /// `AssignAdd` / `AssignSub` whose run stores `v ± delta` in `v` and gives it. They read
    /// the variable, so it must be initialized (TF's FailedPreconditionError otherwise).
    public func assignUpdate(_ v: GraphTensor, _ delta: GraphOperand, subtract: Bool, name: String? = nil) throws(TensorError) -> GraphTensor {
        try assign(v, delta, update: subtract ? .subtract : .add, name: name)
    }

    /// TF's GLOBAL_STEP collection: the step `get_or_create_global_step` made.
    public var globalStepCollection: [GraphTensor] { globalStepID.map { [tensor($0)] } ?? [] }

    /// TF's TRAIN_OP collection: every update op an optimizer made (`minimize`, `apply_gradients`).
    public var trainOps: [GraphOperation] {
        ops.indices.filter { if case .minimize = ops[$0].kind { return true } else { return false } }.map(operation)
    }
}
