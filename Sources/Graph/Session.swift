import Foundation
import Tensor
import RNN

/// What `sess.run` may fetch: a tensor (gives its value) or an op (runs it, gives None).
public enum RunTarget: Sendable {
    case tensor(GraphTensor)
    case operation(GraphOperation)
}

/// A TF1 session: holds the variables' values and the optimizers' state for one graph, and
/// computes fetches from feeds. One `run` computes each op at most once (so
/// `sess.run([optimizer, cost], feed_dict)` reports the cost of the forward pass the update
/// used, from the weights before the update, as TF1 did), then applies the updates.
public final class Session: @unchecked Sendable {
    public let graph: Graph
    /// Threads the fused recurrent ops run on.
    public let threads: Int
    /// Variable op id → its value (float32, contiguous; updated in place by optimizers).
    var values: [Int: NDArray] = [:]
    var adam: [Int: [Int: AdamState]] = [:]
    var engines: [Int: SequenceEngine] = [:]
    var weightSlices: [Int: Floats] = [:]
    var gradientSlices: [Int: Floats] = [:]
    var randomDraws: [Int: UInt64] = [:]
    /// The last value fed to each placeholder (the explorer's sample feed).
    public private(set) var lastFeeds: [GraphTensor: NDArray] = [:]
    public private(set) var closed = false

    public init(graph: Graph, threads: Int = 2) {
        self.graph = graph
        self.threads = max(1, threads)
    }

    public func close() { closed = true; values = [:]; adam = [:]; engines = [:] }

    public func isInitialized(_ variable: GraphTensor) -> Bool { values[variable.op] != nil }

    /// Runs `targets` with `feeds` (placeholder or any tensor → value). Ops give nil.
    public func run(_ targets: [RunTarget], feeds: [GraphTensor: NDArray] = [:]) throws(TensorError) -> [NDArray?] {
        guard !closed else { throw TensorError("Attempted to use a closed Session.", kind: .runtimeError) }
        var run = Run(session: self, feeds: try checkedFeeds(feeds))
        var training: [Int] = [], initializers: [Int] = []
        var wanted: [GraphTensor] = []
        for t in try expandGroups(targets) {
            switch t {
            case .tensor(let x):
                guard x.graph === graph else { throw TensorError("Tensor \(x.name) is not an element of this graph.", kind: .valueError) }
                wanted.append(x)
            case .operation(let o):
                guard o.graph === graph else { throw TensorError("Operation \(o.name) is not an element of this graph.", kind: .valueError) }
                switch graph.ops[o.op].kind {
                case .minimize(let spec):
                    training.append(o.op)
                    if let loss = spec.loss { wanted.append(loss) }
                    wanted += spec.gradients ?? []
                    if let lr = spec.learningRate { wanted.append(lr) }
                    // What the update reads must be initialized (TF's error otherwise): the
                    // variables, their slots, the step it increments.
                    for v in spec.variables { wanted.append(graph.tensor(v)) }
                    for v in spec.variables { for id in spec.accumulators[v] ?? [] { wanted.append(graph.tensor(id)) } }
                    if let gs = spec.globalStep { wanted.append(graph.tensor(gs)) }
                case .initializer(let vars):
                    initializers.append(o.op)
                    for v in vars { if case .variable(let initial, _) = graph.ops[v].kind { wanted.append(initial) } }
                default:
                    // Any other op (`sess.run("y")`, `sess.run(assign_op.op)`) runs: its outputs are computed.
                    for k in graph.ops[o.op].outputs.indices { wanted.append(graph.tensor(o.op, k)) }
                }
            }
        }
        // Recurrent ops a minimize backpropagates through keep their activations.
        for op in training {
            if case .minimize(let spec) = graph.ops[op].kind, let loss = spec.loss {
                run.keepForBackward.formUnion(Gradients.path(to: loss, from: Set(spec.variables), in: graph))
            }
        }
        try run.evaluate(wanted)
        var results: [NDArray?] = []
        for t in targets {
            switch t {
            case .tensor(let x):
                let v = try run.value(x)
                results.append(x.isVariable ? try FloatArrays.copy(v) : v)
            case .operation: results.append(nil)
            }
        }
        var stepped = Set<Int>()
        for op in training {
            if case .minimize(let spec) = graph.ops[op].kind {
                try apply(spec, op: op, run: &run)
                // TF1's minimize(global_step=gs) ends with assign_add(gs, 1) after the update.
                if let gs = spec.globalStep, let v = values[gs] {
                    values[gs] = try NDArray.add(.array(v), .int(1)).astype(v.dtype)
                    stepped.insert(gs)
                }
            }
        }
        // A step fetched in the same run is read after its increment, as TF's fetch of the
        // variable's reference gave it (`_, step = sess.run([train, gs])` gives 1 first).
        for (i, t) in targets.enumerated() {
            if case .tensor(let x) = t, x.isVariable, stepped.contains(x.op), let v = values[x.op] { results[i] = try FloatArrays.copy(v) }
        }
        // A re-run initializer resets Adam's slots, so the states restart from them (as TF's do).
        if !initializers.isEmpty { adam = [:] }
        for op in initializers {
            if case .initializer(let vars) = graph.ops[op].kind {
                for v in vars {
                    if case .variable(let initial, _) = graph.ops[v].kind {
                        values[v] = try FloatArrays.copy(try run.value(initial))
                    }
                }
            }
        }
        // An assignment's output is TF1's reference to the variable, read when the run hands
        // back its fetches: after every update of the run (`sess.run([v.assign_add(2.),
        // v.assign_sub(.5)])` gives the final value twice, as TF's did).
        for (i, t) in targets.enumerated() {
            if case .tensor(let x) = t, case .assign = graph.ops[x.op].kind, let target = graph.ops[x.op].inputs.first,
               let v = values[target.op] {
                results[i] = try FloatArrays.copy(v)
            }
        }
        for (t, v) in feeds where graph.ops[t.op].type == "Placeholder" { lastFeeds[t] = v }
        return results
    }

    /// The targets with every `tf.group`/`tf.no_op` replaced by the ops it names, recursively
    /// (a group of groups), each op once: what running the group runs.
    private func expandGroups(_ targets: [RunTarget]) throws(TensorError) -> [RunTarget] {
        var out: [RunTarget] = [], seen = Set<Int>()
        func add(_ t: RunTarget) throws(TensorError) {
            guard case .operation(let o) = t, o.graph === graph, case .group(let members) = graph.ops[o.op].kind else {
                out.append(t)
                return
            }
            guard seen.insert(o.op).inserted else { return }
            for m in members { try add(.operation(graph.operation(m))) }
        }
        for t in targets { try add(t) }
        return out
    }

    /// Gives every variable its initial value without an `init` op in the graph (the
    /// explorer's scratch session).
    public func initializeVariables() throws(TensorError) {
        var run = Run(session: self, feeds: [:])
        var initials: [(Int, GraphTensor)] = []
        for v in graph.variables { if case .variable(let initial, _) = graph.ops[v].kind { initials.append((v, initial)) } }
        try run.evaluate(initials.map(\.1))
        for (v, initial) in initials { values[v] = try FloatArrays.copy(try run.value(initial)) }
    }

    private func checkedFeeds(_ feeds: [GraphTensor: NDArray]) throws(TensorError) -> [GraphTensor: NDArray] {
        var out: [GraphTensor: NDArray] = [:]
        for (t, v) in feeds {
            guard t.graph === graph else { throw TensorError("Tensor \(t.name) is not an element of this graph.", kind: .valueError) }
            guard t.shape.accepts(v.shape) else {
                throw TensorError("Cannot feed value of shape \(StaticShape.known(v.shape)) for Tensor '\(t.name)', which has shape '\(t.shape)'", kind: .valueError)
            }
            out[t] = v.dtype == t.dtype ? v : try v.astype(t.dtype)
        }
        return out
    }

    /// One optimizer step: the gradients (by backpropagation over this run's values for
    /// `minimize`, the given tensors' values for `apply_gradients`), then each variable and its
    /// slots updated in place. Everything is checked before the first variable changes, so a
    /// failing update leaves the session as it was.
    private func apply(_ spec: OptimizerSpec, op: Int, run: inout Run) throws(TensorError) {
        var grads: [Int: NDArray] = [:]
        if let given = spec.gradients {
            for (v, t) in zip(spec.variables, given) { grads[v] = try run.value(t) }
        } else if let loss = spec.loss {
            grads = try Gradients.compute(loss: loss, variables: spec.variables, run: &run)
        }
        var lr = spec.method.learningRate
        if let t = spec.learningRate {
            let a = try run.value(t)
            guard a.size == 1, let x = try a.doubleValues().first else {
                throw TensorError("lr is not a scalar: \(shapeList(a.shape))", kind: .invalidArgumentError)
            }
            lr = Float(x)
        }
        var updates: [(v: Int, w: NDArray, g: NDArray, slots: [NDArray])] = []
        for v in spec.variables {
            guard let w = values[v], let g = grads[v] else { continue }
            // Updated in place: the session's own copy (`FloatArrays.copy`), float32 and contiguous.
            guard w.dtype == .float32, w.isCContiguous else {
                throw TensorError("rnnsh's tensorflow trains float32 variables only; \(graph.ops[v].name) is \(w.dtype.name)", kind: .notImplementedError)
            }
            guard w.shape == g.shape else {
                throw TensorError("var and grad do not have the same shape\(shapeList(w.shape)) \(shapeList(g.shape))", kind: .invalidArgumentError)
            }
            var slots: [NDArray] = []
            for id in spec.accumulators[v] ?? [] {
                guard let a = values[id] else { throw TensorError("Attempting to use uninitialized value \(graph.ops[id].name)", kind: .failedPreconditionError) }
                guard a.dtype == .float32, a.isCContiguous, a.shape == w.shape else {
                    throw TensorError("rnnsh's tensorflow trains float32 variables only; \(graph.ops[id].name) is \(a.dtype.name)", kind: .notImplementedError)
                }
                slots.append(a)
            }
            guard slots.count == spec.method.slotCount else {
                throw TensorError("internal: \(graph.ops[op].name) has \(slots.count) slots for \(graph.ops[v].name)", kind: .runtimeError)
            }
            updates.append((v, w, try FloatArrays.contiguous(g), slots))
        }
        // The optimizer's powers as they were before this step: each variable's state that
        // starts now starts from them (they are published once, after every variable's update).
        let powers = try adamPowers(spec)
        var last: AdamState?
        for (v, w, g, slots) in updates {
            let n = w.size
            switch spec.method {
            case .adam(let config):
                let state: AdamState
                if let s = adam[op]?[v] { state = s } else {
                    state = AdamState(count: n, config: config)
                    try resumeAdam(state, spec, variable: v, powers: powers)
                    adam[op, default: [:]][v] = state
                }
                FloatArrays.withPointers(w, g) { wp, gp in state.apply(params: wp, grads: gp, learningRate: lr) }
                try publishAdam(state, spec, variable: v)
                last = state
            case .gradientDescent:
                FloatArrays.withPointers(w, g) { wp, gp in for i in 0..<n { wp[i] -= gp[i] * lr } }
            case .momentum(_, let momentum, let nesterov):
                FloatArrays.withPointers([w, g, slots[0]]) { p in
                    let wp = p[0], gp = p[1], acc = p[2]
                    for i in 0..<n {
                        acc[i] = acc[i] * momentum + gp[i]
                        if nesterov { wp[i] -= gp[i] * lr + acc[i] * momentum * lr } else { wp[i] -= acc[i] * lr }
                    }
                }
            case .rmsProp(_, let decay, let momentum, let epsilon):
                FloatArrays.withPointers([w, g, slots[0], slots[1]]) { p in
                    let wp = p[0], gp = p[1], ms = p[2], mom = p[3]
                    for i in 0..<n {
                        ms[i] += (gp[i] * gp[i] - ms[i]) * (1 - decay)
                        mom[i] = mom[i] * momentum + (gp[i] * lr) / (ms[i] + epsilon).squareRoot()
                        wp[i] -= mom[i]
                    }
                }
            case .adagrad:
                FloatArrays.withPointers([w, g, slots[0]]) { p in
                    let wp = p[0], gp = p[1], acc = p[2]
                    for i in 0..<n {
                        acc[i] += gp[i] * gp[i]
                        wp[i] -= gp[i] * lr * (1 / acc[i].squareRoot())
                    }
                }
            }
        }
        if let s = last, let p = spec.powers {
            let now = s.powers
            values[p.beta1] = NDArray(scalar: now.beta1Power)
            values[p.beta2] = NDArray(scalar: now.beta2Power)
        }
    }

    /// `beta1_power`, `beta2_power` as the session holds them (nil before initialization).
    private func adamPowers(_ spec: OptimizerSpec) throws(TensorError) -> (Float, Float)? {
        guard let p = spec.powers, let b1 = values[p.beta1], let b2 = values[p.beta2],
              let p1 = try b1.doubleValues().first, let p2 = try b2.doubleValues().first else { return nil }
        return (Float(p1), Float(p2))
    }

    /// A new Adam state starts from the graph's slots when the session holds values for them
    /// (a run initializer gives zeros and β1, β2; a restored checkpoint gives what was saved).
    private func resumeAdam(_ s: AdamState, _ spec: OptimizerSpec, variable v: Int, powers: (Float, Float)?) throws(TensorError) {
        guard let slots = spec.slots[v], let (p1, p2) = powers, let m = values[slots.m], let second = values[slots.v] else { return }
        let mf = try FloatArrays.contiguous(m), vf = try FloatArrays.contiguous(second)
        guard mf.size == s.count, vf.size == s.count else { return }
        FloatArrays.withPointers(mf, vf) { mp, vp in s.set(m: mp, v: vp, beta1Power: p1, beta2Power: p2) }
    }

    /// Writes m and v back into the slots after an update, so a run of `W/Adam` or a Saver
    /// sees what TF's graph would hold.
    private func publishAdam(_ s: AdamState, _ spec: OptimizerSpec, variable v: Int) throws(TensorError) {
        guard let slots = spec.slots[v] else { return }
        func slot(_ id: Int) throws(TensorError) -> NDArray {
            if let a = values[id], a.dtype == .float32, a.isCContiguous, a.size == s.count { return a }
            let a = try FloatArrays.zeros(graph.ops[id].outputs[0].shape.concrete ?? [s.count])
            values[id] = a
            return a
        }
        let m = try slot(slots.m), second = try slot(slots.v)
        FloatArrays.withPointers(m, second) { mp, vp in _ = s.read(m: mp, v: vp) }
    }

    // MARK: checkpoints

    /// The values of `variables` (name, variable op) for a Saver: copies, in the given order.
    /// An uninitialized one is TF's error, and nothing is returned.
    public func checkpointValues(_ variables: [(name: String, op: Int)]) throws(TensorError) -> [(name: String, array: NDArray)] {
        guard !closed else { throw TensorError("Attempted to use a closed Session.", kind: .runtimeError) }
        var out: [(name: String, array: NDArray)] = []
        for (name, op) in variables {
            guard let v = values[op] else { throw TensorError("Attempting to use uninitialized value \(graph.ops[op].name)", kind: .failedPreconditionError) }
            out.append((name, try FloatArrays.copy(v)))
        }
        return out
    }

    /// Sets `variables` from a checkpoint's arrays (by name): all of them or none (a missing
    /// key or a shape that differs is TF's error and changes nothing). Adam's states are then
    /// rebuilt from the restored slots at the next update.
    public func restoreCheckpoint(_ arrays: [String: NDArray], variables: [(name: String, op: Int)]) throws(TensorError) {
        guard !closed else { throw TensorError("Attempted to use a closed Session.", kind: .runtimeError) }
        var staged: [(Int, NDArray)] = []
        for (name, op) in variables {
            guard let a = arrays[name] else {
                throw TensorError("Restoring from checkpoint failed. This is most likely due to a Variable name or other graph key that is missing from the checkpoint. Please ensure that you have not altered the graph expected based on the checkpoint. Original error: Key \(name) not found in checkpoint", kind: .notFoundError)
            }
            let want = graph.ops[op].outputs[0]
            guard want.shape.accepts(a.shape) else {
                throw TensorError("Restoring from checkpoint failed. This is most likely due to a mismatch between the current graph and the graph from the checkpoint. Please ensure that you have not altered the graph expected based on the checkpoint. Original error: Assign requires shapes of both tensors to match. lhs shape= \(shapeList(want.shape.concrete ?? [])) rhs shape= \(shapeList(a.shape))", kind: .invalidArgumentError)
            }
            let typed = a.dtype == want.dtype ? a : try a.astype(want.dtype)
            staged.append((op, try FloatArrays.copy(typed)))
        }
        for (op, a) in staged { values[op] = a }
        adam = [:]
    }

    // MARK: random streams

    /// A generator for one draw of op `op`: seeded by the graph seed, the op and how many
    /// times this session has drawn it (TF1 draws anew on every run).
    func generator(for op: Int) -> SeededRandom {
        let n = randomDraws[op, default: 0]
        randomDraws[op] = n + 1
        var h = graph.seed &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(op) &* 0xBF58_476D_1CE4_E5B9
        h ^= n &* 0x94D0_49BB_1331_11EB
        return SeededRandom(seed: h)
    }
}

/// The values of one `Session.run`: computed on demand, each op once.
struct Run {
    let session: Session
    let feeds: [GraphTensor: NDArray]
    var cache: [Int: [NDArray]] = [:]
    var keepForBackward: Set<Int> = []
    var graph: Graph { session.graph }

    init(session: Session, feeds: [GraphTensor: NDArray]) { self.session = session; self.feeds = feeds }

    func value(_ t: GraphTensor) throws(TensorError) -> NDArray {
        if let v = feeds[t] { return v }
        if let vs = cache[t.op], t.index < vs.count { return vs[t.index] }
        throw TensorError("internal: \(t.name) was not computed", kind: .runtimeError)
    }

    /// Computes every op the tensors need, in graph order (op ids are topological).
    mutating func evaluate(_ tensors: [GraphTensor]) throws(TensorError) {
        var needed = Set<Int>()
        var stack = tensors.filter { feeds[$0] == nil }.map(\.op)
        while let op = stack.popLast() {
            if needed.contains(op) || cache[op] != nil { continue }
            needed.insert(op)
            let assigns: Bool
            if case .assign = graph.ops[op].kind { assigns = true } else { assigns = false }
            // An assignment does not read the variable it writes (it may be uninitialized).
            for (k, i) in graph.ops[op].inputs.enumerated() where feeds[i] == nil && !(assigns && k == 0) { stack.append(i.op) }
        }
        // A `tf.gradients` op differentiates through the recurrent ops on its paths: they keep
        // their activations for it.
        for op in needed {
            if case .gradients(let xs) = graph.ops[op].kind {
                keepForBackward.formUnion(Gradients.path(to: graph.ops[op].inputs, from: Set(xs.map(\.op)), in: graph))
            }
        }
        for op in needed.sorted() { try compute(op) }
    }

    private mutating func compute(_ id: Int) throws(TensorError) {
        let op = graph.ops[id]
        switch op.kind {
        case .placeholder:
            let t = GraphTensor(graph: graph, op: id, index: 0)
            let dims = t.shape.dims.map { "[" + $0.map { $0.map(String.init) ?? "?" }.joined(separator: ",") + "]" } ?? "<unknown>"
            throw TensorError("You must feed a value for placeholder tensor '\(op.name)' with dtype \(t.dtype == .float32 ? "float" : t.dtype.name) and shape \(dims)", kind: .invalidArgumentError)
        case .variable:
            guard let v = session.values[id] else {
                throw TensorError("Attempting to use uninitialized value \(op.name)", kind: .failedPreconditionError)
            }
            cache[id] = [v]
        case .random(let kind, let shape, let a, let b):
            var rng = session.generator(for: id)
            let out = try FloatArrays.zeros(shape)
            FloatArrays.withPointer(out) { p in
                for i in 0..<out.size {
                    switch kind {
                    case .normal: p[i] = rng.normal(mean: a, stddev: b)
                    case .truncatedNormal:
                        var z = rng.normal()
                        while abs(z) > 2 { z = rng.normal() }
                        p[i] = a + b * z
                    case .uniform: p[i] = a + (b - a) * Float(rng.unit())
                    }
                }
            }
            cache[id] = [out.dtype == op.outputs[0].dtype ? out : try out.astype(op.outputs[0].dtype)]
        case .cellInitial(let spec, let part):
            var rng = session.generator(for: spec.cellID)
            let engine = SequenceEngine(kind: spec.kind, units: spec.units, input: spec.input,
                                        options: spec.options, threads: 1)
            let all = engine.initialValues(rng: &rng)
            var offset = 0
            for v in engine.variables.prefix(part) { offset += v.count }
            let v = engine.variables[part]
            let out = try FloatArrays.zeros(v.shape)
            all.withUnsafeBufferPointer { b in
                if let base = b.baseAddress { FloatArrays.withPointer(out) { $0.update(from: base + offset, count: v.count) } }
            }
            cache[id] = [out]
        case .recurrent(let spec):
            cache[id] = try session.runRecurrent(id, spec, inputs: op.inputs.map { (t) throws(TensorError) -> NDArray in try value(t) },
                                                 forBackward: keepForBackward.contains(id))
        case .initializer, .minimize, .group:
            cache[id] = []
        case .gradients(let xs):
            let values = try Gradients.values(ys: op.inputs, xs: xs, run: &self)
            cache[id] = values
        case .dropout:
            cache[id] = try session.runDropout(id, try value(op.inputs[0]), try value(op.inputs[1]))
        case .assign(let update):
            let target = op.inputs[0]
            var v = try value(op.inputs[1])
            if v.dtype != target.dtype { v = try v.astype(target.dtype) }
            guard target.shape.accepts(v.shape) else {
                throw TensorError("\(op.type) requires shapes of both tensors to match. lhs shape= \(shapeList(target.shape.concrete ?? [])) rhs shape= \(shapeList(v.shape))", kind: .invalidArgumentError)
            }
            if update != .set {
                // AssignAdd/AssignSub read the variable (the walk above does not: a plain
                // assignment may initialize it).
                guard let old = session.values[target.op] else {
                    throw TensorError("Attempting to use uninitialized value \(graph.ops[target.op].name)", kind: .failedPreconditionError)
                }
                v = try (update == .add ? NDArray.add(.array(old), .array(v)) : NDArray.subtract(.array(old), .array(v))).astype(target.dtype)
            }
            session.values[target.op] = try FloatArrays.copy(v)
            cache[target.op] = nil
            cache[id] = [try FloatArrays.copy(v)]
        default:
            var xs: [NDArray] = []
            for t in op.inputs { xs.append(try value(t)) }
            cache[id] = try Kernels.compute(op, xs)
        }
    }
}
