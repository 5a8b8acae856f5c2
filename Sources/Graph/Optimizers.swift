import Tensor
import RNN

/// TF1's optimizer API over the graph: `minimize(loss)` = `compute_gradients` +
/// `apply_gradients`, the update op either way. `compute_gradients` is a `tf.gradients` op
/// (one (grad, var) pair per variable, None where the loss does not depend on it);
/// `apply_gradients` takes any gradient tensors (clipped ones, PTB's idiom) and makes the
/// update op, with the optimizer's slot variables made as TF made them (`w/Momentum`,
/// `w/RMSProp`, `w/RMSProp_1`, `w/Adagrad`; Adam's `beta1_power`, `w/Adam`, `w/Adam_1`), and
/// with `global_step=` TF's `AssignAdd` under the optimizer's name. A learning rate may be a
/// tensor (`exponential_decay`, a variable), read in the same run as the gradients.
extension Graph {
    /// TF's `_assert_valid_dtypes` of the loss.
    private func checkLoss(_ loss: GraphTensor) throws(TensorError) {
        guard loss.graph === self else { throw TensorError("Tensor \(loss.name) must be from the same graph as the other tensors", kind: .valueError) }
        guard loss.dtype == .float32 || loss.dtype == .float64 else {
            throw TensorError("Invalid type tf.\(loss.dtype.name) for \(loss.name), expected: [tf.float32, tf.float64, tf.float16, tf.bfloat16].", kind: .valueError)
        }
    }

    private func checkGlobalStep(_ gs: GraphTensor?) throws(TensorError) {
        guard let gs else { return }
        guard gs.graph === self else { throw TensorError("Tensor \(gs.name) must be from the same graph as the other tensors", kind: .valueError) }
        guard gs.isVariable else {
            throw TensorError("rnnsh's tensorflow has no global_step= of a tensor that is not a tf.Variable (yet): \(gs)", kind: .notImplementedError)
        }
        guard gs.dtype.isInteger || gs.dtype == .float32 || gs.dtype == .float64 else {
            throw TensorError("Value passed to parameter 'ref' has DataType \(gs.dtype.name) not in list of allowed values: float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, uint64", kind: .typeError)
        }
    }

    private func checkLearningRate(_ lr: GraphTensor?) throws(TensorError) {
        guard let lr else { return }
        guard lr.graph === self else { throw TensorError("Tensor \(lr.name) must be from the same graph as the other tensors", kind: .valueError) }
        guard lr.dtype.isFloat || lr.dtype.isInteger else {
            throw TensorError("Cast \(lr.dtype.name) to float32 is not supported", kind: .typeError)
        }
    }

    /// `optimizer.minimize(loss)`: the update op (`Adam`, `GradientDescent`, …) over the
    /// trainable variables `loss` depends on (or `varList`).
    public func minimize(_ method: OptimizerSpec.Method, learningRate: GraphTensor? = nil, loss: GraphTensor,
                         varList: [GraphTensor]? = nil, globalStep: GraphTensor? = nil, name: String? = nil) throws(TensorError) -> GraphOperation {
        try checkLoss(loss)
        try checkGlobalStep(globalStep)
        try checkLearningRate(learningRate)
        let candidates = varList.map { $0.map(\.op) } ?? trainableVariables
        let reachable = Gradients.variablesReaching(loss, in: self)
        let vars = candidates.filter { reachable.contains($0) }
        guard !vars.isEmpty else {
            throw TensorError("No gradients provided for any variable, check your graph for ops that do not support gradients, between variables \(candidates.map { "\"" + ops[$0].name + ":0\"" }) and loss \(loss).", kind: .valueError)
        }
        let spec = OptimizerSpec(method: method, loss: loss, variables: vars)
        return try optimizerOp(spec, learningRate: learningRate, globalStep: globalStep, name: name, inputs: [loss])
    }

    /// `optimizer.compute_gradients(loss, var_list=)`: (gradient, variable) for every variable of
    /// `varList` (default: the trainable ones), the gradient None where `loss` does not depend
    /// on the variable, as TF's.
    public func computeGradients(loss: GraphTensor, varList: [GraphTensor]? = nil) throws(TensorError) -> [(GraphTensor?, GraphTensor)] {
        try checkLoss(loss)
        let vars = varList ?? trainableVariables.map { tensor($0) }
        guard !vars.isEmpty else { throw TensorError("No variables to optimize.", kind: .valueError) }
        for v in vars where v.graph !== self {
            throw TensorError("Tensor \(v.name) must be from the same graph as the other tensors", kind: .valueError)
        }
        let grads = try gradients([loss], vars)
        return Array(zip(grads, vars))
    }

    /// `optimizer.apply_gradients(grads_and_vars, global_step=)`: the update op. Pairs whose
    /// gradient is None are left out; all None is TF's ValueError.
    public func applyGradients(_ method: OptimizerSpec.Method, learningRate: GraphTensor? = nil,
                               _ pairs: [(GraphTensor?, GraphTensor)], globalStep: GraphTensor? = nil,
                               name: String? = nil) throws(TensorError) -> GraphOperation {
        guard !pairs.isEmpty else { throw TensorError("No variables provided.", kind: .valueError) }
        try checkGlobalStep(globalStep)
        try checkLearningRate(learningRate)
        for (g, v) in pairs {
            guard v.graph === self, g.map({ $0.graph === self }) ?? true else {
                throw TensorError("Tensor \(v.name) must be from the same graph as the other tensors", kind: .valueError)
            }
            guard v.isVariable else {
                throw TensorError("('Trying to update a Tensor ', <tf.Tensor '\(v.name)' shape=\(v.shape) dtype=\(v.dtype.name)>)", kind: .notImplementedError)
            }
        }
        let given = pairs.compactMap { g, v in g.map { ($0, v) } }
        guard !given.isEmpty else {
            let names = pairs.map { "\"" + $0.1.description + "\"" }.joined(separator: ", ")
            throw TensorError("No gradients provided for any variable: [\(names)].", kind: .valueError)
        }
        var seen = Set<Int>()
        for (g, v) in given {
            guard seen.insert(v.op).inserted else {
                throw TensorError("Duplicate variables in grads_and_vars: \(v.description)", kind: .valueError)
            }
            // TF's ApplyGradientDescent (and the others) merge the variable's shape with the gradient's.
            if let p = v.shape.dims, let q = g.shape.dims {
                let upd = "\(method.name)/update_\(v.operation.name)"
                guard p.count == q.count else {
                    throw TensorError("Shapes must be equal rank, but are \(p.count) and \(q.count) for '{{node \(upd)/Apply\(method.name)}}' with input shapes: \(v.shape.bracketText), \(g.shape.bracketText).", kind: .valueError)
                }
                for (i, (a, b)) in zip(p, q).enumerated() where a != nil && b != nil && a != b {
                    throw TensorError("Dimension \(i) in both shapes must be equal, but are \(a ?? 0) and \(b ?? 0). Shapes are \(v.shape.bracketText) and \(g.shape.bracketText). for '{{node \(upd)/Apply\(method.name)}}'", kind: .valueError)
                }
            }
            guard g.dtype == .float32 || g.dtype == .float64 else {
                throw TensorError("Invalid type tf.\(g.dtype.name) for \(g.name), expected: [tf.float32, tf.float64, tf.float16, tf.bfloat16].", kind: .valueError)
            }
        }
        let spec = OptimizerSpec(method: method, loss: nil, gradients: given.map(\.0), variables: given.map(\.1.op))
        return try optimizerOp(spec, learningRate: learningRate, globalStep: globalStep, name: name, inputs: given.map(\.0))
    }

    /// The update op and the optimizer's slots, in TF's order of creation.
    private func optimizerOp(_ base: OptimizerSpec, learningRate: GraphTensor?, globalStep: GraphTensor?, name: String?,
                             inputs: [GraphTensor]) throws(TensorError) -> GraphOperation {
        var spec = base
        spec.globalStep = globalStep?.op
        spec.learningRate = learningRate
        let vars = spec.variables
        let outer = namePrefix
        // Slots are named after their variable (`w/Momentum`), whatever name scope is open;
        // a second optimizer's are made unique (`w/Momentum_1`).
        try absolute { () throws(TensorError) in
            func slot(_ v: Int, _ fill: Float) throws(TensorError) -> Int {
                let shape = ops[v].outputs[0].shape.concrete ?? []
                var value = try NDArray.zeros(shape, dtype: ops[v].outputs[0].dtype)
                if fill != 0 { value = try NDArray.add(.array(value), .array(try NDArray(scalar: fill).astype(value.dtype))) }
                return try variable(value: value, name: ops[v].name + "/" + spec.method.name, trainable: false).op
            }
            switch spec.method {
            case .adam(let config):
                let b1 = try variable(value: NDArray(scalar: config.beta1), name: outer + "beta1_power", trainable: false)
                let b2 = try variable(value: NDArray(scalar: config.beta2), name: outer + "beta2_power", trainable: false)
                spec.powers = (b1.op, b2.op)
                for v in vars { spec.slots[v] = AdamSlots(m: try slot(v, 0), v: try slot(v, 0)) }
            case .gradientDescent: break
            case .momentum:
                for v in vars { spec.accumulators[v] = [try slot(v, 0)] }
            case .rmsProp:
                // TF's RMSProp: `rms` starts at ones, `momentum` at zeros.
                for v in vars { spec.accumulators[v] = [try slot(v, 1), try slot(v, 0)] }
            case .adagrad(_, let initial):
                for v in vars { spec.accumulators[v] = [try slot(v, initial)] }
            }
        }
        let n = uniqueName(name, spec.method.name)
        // With a global step TF1 returned its `assign_add(global_step, 1)`, an AssignAdd op under
        // the optimizer's name (its constant `GradientDescent/value`).
        if globalStep != nil { naming.reserve(n + "/value") }
        var all = inputs
        if let lr = learningRate { all.append(lr) }
        return operation(append(n, type: globalStep == nil ? "NoOp" : "AssignAdd", .minimize(spec), inputs: all, outputs: []))
    }

    // MARK: global step and learning-rate decay

    /// `tf.train.get_global_step()`: the variable `get_or_create_global_step` made, else a
    /// variable named `global_step` (TF's lookup by `global_step:0`), else nil.
    public func globalStepVariable() -> GraphTensor? {
        if let id = globalStepID { return tensor(id) }
        for (id, op) in ops.enumerated() where op.name == "global_step" {
            if case .variable = op.kind { return tensor(id) }
        }
        return nil
    }

    /// `tf.train.get_or_create_global_step()`: an int64 scalar variable `global_step`, not
    /// trainable, starting at 0.
    public func globalStep(create: Bool, mustNotExist: Bool = false) throws(TensorError) -> GraphTensor? {
        if let existing = globalStepVariable() {
            if mustNotExist { throw TensorError("\"global_step\" already exists.", kind: .valueError) }
            return existing
        }
        guard create else { return nil }
        let v = try absolute { () throws(TensorError) -> GraphTensor in
            try variable(value: try NDArray.zeros([], dtype: .int64), name: "global_step", trainable: false)
        }
        globalStepID = v.op
        return v
    }

    /// `tf.train.exponential_decay(lr, global_step, decay_steps, decay_rate, staircase=)`:
    /// `lr · rate^(step / steps)` (the exponent floored with `staircase`), in float32 as TF 2's
    /// `ExponentialDecay` schedule builds it under its scope (output `ExponentialDecay:0`).
    public func exponentialDecay(learningRate: NDArray, globalStep: GraphOperand, decaySteps: NDArray, decayRate: NDArray,
                                 staircase: Bool, name: String? = nil) throws(TensorError) -> GraphTensor {
        let scope = uniqueName(name, "ExponentialDecay")
        _ = enterNameScope(scope + "/")
        defer { exitScope() }
        let lr = constant(try learningRate.astype(learningRate.dtype.isFloat ? learningRate.dtype : .float32), name: "initial_learning_rate")
        let dtype = lr.dtype
        let steps = constant(try decaySteps.astype(dtype), name: "Cast")
        let rate = constant(try decayRate.astype(dtype), name: "Cast_1")
        let step: GraphTensor
        switch globalStep {
        case .tensor(let t):
            guard t.graph === self else { throw TensorError("Tensor \(t.name) must be from the same graph as the other tensors", kind: .valueError) }
            step = try cast(t, dtype, name: "Cast_2")
        case .value(let v): step = constant(try v.astype(dtype), name: "Cast_2")
        }
        var p = try binary(.div, .tensor(step), .tensor(steps))
        if staircase { p = try unary(.floor, p) }
        let power = try binary(.pow, .tensor(rate), .tensor(p))
        return try absolute { () throws(TensorError) -> GraphTensor in
            try binary(.mul, .tensor(lr), .tensor(power), uniqueName: scope)
        }
    }
}
