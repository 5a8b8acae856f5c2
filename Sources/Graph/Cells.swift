import Tensor
import RNN

/// A TF1 RNN cell object (`rnn_cell.BasicLSTMCell(128)`, `BasicRNNCell`): its size and
/// options. Like TF1's cell it creates its variables the first time an RNN runs it (named under
/// that RNN's scope: `rnn/basic_lstm_cell/kernel`, `…/bias`) and reuses them after.
public final class GraphCell: @unchecked Sendable, CustomStringConvertible {
    /// The TF1 class the program named (`LSTMCell`), which sets the names of the cell's
    /// variables and ops; `kind` is the engine's cell computing it.
    public let tfClass: TFCellClass
    public var kind: CellKind { tfClass.kind }
    public let units: Int
    /// The options the engine's cell runs with (forget bias, activation).
    public let options: CellOptions
    public var forgetBias: Float { options.forgetBias }
    /// The variables once built (kernel, bias) and the input width they were built for.
    public private(set) var variables: [GraphTensor]?
    public private(set) var input: Int?

    /// `activation`: `BasicRNNCell(activation=tf.nn.relu)`; the engine's cell computes it, so
    /// the graph has no separate activation op and TF's op names follow it (`Relu_t`).
    public init(_ tfClass: TFCellClass, units: Int, forgetBias: Float = 1, activation: CellActivation = .tanh) throws(TensorError) {
        let options = CellOptions(forgetBias: forgetBias, activation: activation)
        guard tfClass.unrolledOpNames(steps: 1, options: options) != nil else {
            throw TensorError("rnnsh's tensorflow has no tf.nn.rnn_cell.\(tfClass.rawValue) graph op (yet)", kind: .notImplementedError)
        }
        guard units > 0 else { throw TensorError("num_units must be positive, got \(units)", kind: .valueError) }
        try Cell.checkOptions(kind: tfClass.kind, options)
        self.tfClass = tfClass; self.units = units; self.options = options
    }

    /// The TF1 class of the engine's `kind` (`BasicLSTMCell` for the LSTM).
    public convenience init(kind: CellKind, units: Int, forgetBias: Float = 1, activation: CellActivation = .tanh) throws(TensorError) {
        try self.init(TFCellClass(kind: kind), units: units, forgetBias: forgetBias, activation: activation)
    }

    /// `(c, h)` for the LSTM, `h` alone for the RNN cell.
    public var stateNames: [String] { kind.stateNames }
    public var stateSize: Int { units }
    public var outputSize: Int { units }
    public var description: String { "<\(tfClass.rawValue) units=\(units)>" }

    func build(graph: Graph, scope: String, input: Int) throws(TensorError) -> [GraphTensor] {
        if let v = variables {
            guard v[0].graph === graph else { throw TensorError("this cell's variables belong to another graph", kind: .valueError) }
            guard self.input == input else {
                throw TensorError("Dimensions must be equal: the cell was built for inputs of \(self.input ?? 0), got \(input)", kind: .valueError)
            }
            return v
        }
        let engine = SequenceEngine(kind: kind, units: units, input: input, options: options, threads: 1)
        // TF1's cells made their variables with get_variable: a second cell under the same scope
        // is refused unless the variable scope reuses, and then it shares the first one's.
        var shared: [GraphTensor] = []
        for v in engine.variables {
            let name = "\(scope)/\(tfClass.scope)/\(v.name)"
            if let existing = try graph.sharedVariable(name, shape: v.shape, dtype: .float32) { shared.append(existing) }
        }
        if !shared.isEmpty {
            guard shared.count == engine.variables.count else {
                throw TensorError("Variable \(scope)/\(tfClass.scope)/\(engine.variables[shared.count].name) does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?", kind: .valueError)
            }
            variables = shared
            self.input = input
            return shared
        }
        let spec = RecurrentSpec(kind: kind, units: units, input: input, options: options, layout: .steps, steps: 0,
                                 hasInitialState: false, variables: [], cellID: graph.ops.count)
        var made: [GraphTensor] = []
        for (part, v) in engine.variables.enumerated() {
            let name = "\(scope)/\(tfClass.scope)/\(v.name)"
            let initial: GraphTensor
            if let scoped = graph.currentVariableScope.initializer, v.name.hasSuffix("kernel") {
                // TF1's cells left the kernel's initializer to the variable scope's (the biases
                // have their own), as `variable_scope(…, initializer=)` programs rely on.
                initial = try graph.initialValue(scoped, shape: v.shape, dtype: .float32, prefix: name + "/Initializer/")
            } else {
                let initName = name + "/Initializer"
                graph.naming.reserve(initName)
                initial = graph.tensor(graph.append(initName, type: "Initializer", .cellInitial(spec, part: part), inputs: [],
                                                    outputs: [(.known(v.shape), .float32)]))
            }
            let made1 = try graph.variable(initial, name: name)
            graph.register(made1, as: name)
            made.append(made1)
        }
        variables = made
        self.input = input
        return made
    }
}

/// One layer of what an RNN function unrolls: a cell, optionally inside TF1's `DropoutWrapper`
/// (dropout on the layer's inputs and/or outputs, never on the state). A `MultiRNNCell` is a
/// list of them, each layer's outputs the next one's inputs.
public struct RNNLayer: Sendable {
    public var cell: GraphCell
    public var inputKeep: GraphOperand?
    public var outputKeep: GraphOperand?
    public init(cell: GraphCell, inputKeep: GraphOperand? = nil, outputKeep: GraphOperand? = nil) {
        self.cell = cell; self.inputKeep = inputKeep; self.outputKeep = outputKeep
    }
}

extension Graph {
    /// `rnn.rnn` / `tf.nn.static_rnn(cell, inputs, initial_state=, dtype=, scope=)`: the cell
    /// unrolled over a list of `[batch, input]` tensors, as ONE op that the engine runs
    /// forward and backward. Returns every step's output and the final state parts (for the
    /// LSTM `(c, h)`, h being the last output), named as TF1's unrolled ops were
    /// (`rnn/basic_lstm_cell/Mul_2:0`, …, `rnn/basic_lstm_cell/Add_55:0`).
    public func staticRNN(_ cell: GraphCell, _ inputs: [GraphTensor], initialState: [GraphTensor]? = nil,
                          sequenceLength: GraphTensor? = nil, scope: String? = nil) throws(TensorError) -> (outputs: [GraphTensor], state: [GraphTensor]) {
        let r = try staticRNN([RNNLayer(cell: cell)], multi: false, inputs, initialState: initialState.map { [$0] },
                              sequenceLength: sequenceLength, scope: scope)
        return (r.outputs, r.state[0])
    }

    /// `static_rnn` of a stack of layers (`multi`: a `MultiRNNCell`, whose variables live under
    /// `rnn/multi_rnn_cell/cell_k/` and whose ops TF1 named `rnn/rnn/multi_rnn_cell/cell_k/…`).
    /// One fused op per layer; a DropoutWrapper's dropout is an op on each step's tensor
    /// (`rnn/dropout_t/SelectV2:0`). The state is one list of parts per layer.
    ///
    /// With `sequenceLength` TF1 wrapped each step in a `cond` that zeroes finished rows'
    /// outputs and copies their state through: the outputs are `rnn/cond_t/Merge:0` and the
    /// final states' parts `rnn/cond_{T-1}/Merge_1:0`, `Merge_2`, … layer after layer.
    public func staticRNN(_ layers: [RNNLayer], multi: Bool, _ inputs: [GraphTensor], initialState: [[GraphTensor]]? = nil,
                          sequenceLength: GraphTensor? = nil, scope: String? = nil) throws(TensorError) -> (outputs: [GraphTensor], state: [[GraphTensor]]) {
        try staticRNN(layers, multi: multi, inputs, initialState: initialState, sequenceLength: sequenceLength, scope: scope, opScope: nil)
    }

    /// `opScope`: the name scope of the ops when it is not the variable scope (a bidirectional
    /// RNN's `bidirectional_rnn/fw/fw/…` ops beside its `bidirectional_rnn/fw/…` variables).
    func staticRNN(_ layers: [RNNLayer], multi: Bool, _ inputs: [GraphTensor], initialState: [[GraphTensor]]?,
                   sequenceLength: GraphTensor?, scope: String?, opScope: String?) throws(TensorError) -> (outputs: [GraphTensor], state: [[GraphTensor]]) {
        guard !inputs.isEmpty else { throw TensorError("inputs must not be empty", kind: .valueError) }
        for x in inputs {
            guard x.graph === self else { throw TensorError("inputs must be from the same graph", kind: .valueError) }
            guard x.shape.rank == nil || x.shape.rank == 2 else {
                throw TensorError("Expected inputs of rank 2 ([batch, input]), got shape \(x.shape) for \(x.name)", kind: .valueError)
            }
        }
        if let s = initialState, s.count != layers.count {
            throw TensorError("initial_state must have one state per layer (\(layers.count)), got \(s.count)", kind: .valueError)
        }
        try checkSequenceLength(sequenceLength)
        // Variables under the variable scope (`foo/rnn/…`), ops under the name scope (`foo_1/rnn/…`
        // in a re-entered scope); the parts are then named from these, as given.
        let s = uniqueName(opScope ?? scope, "rnn")
        let varScope = variableName(scope ?? "rnn")
        return try absolute { () throws(TensorError) -> (outputs: [GraphTensor], state: [[GraphTensor]]) in
        var merge = 1
        var xs = inputs
        var states: [[GraphTensor]] = []
        for (k, layer) in layers.enumerated() {
            if let keep = layer.inputKeep { xs = try xs.map { (x) throws(TensorError) -> GraphTensor in try dropout(x, keepProb: keep, scope: s) } }
            let vs = multi ? "\(varScope)/multi_rnn_cell/cell_\(k)" : varScope
            // The cell's call re-enters the variable scope, whose name scope is its last
            // component under the op scope: `m/rnn/rnn/multi_rnn_cell`, not `m/rnn/m/rnn/…`.
            let inner = varScope.split(separator: "/").last.map(String.init) ?? "rnn"
            let ns = multi ? "\(s)/\(inner)/multi_rnn_cell/cell_\(k)" : s
            let conds = sequenceLength.map { _ in (scope: s, last: k == layers.count - 1 && layer.outputKeep == nil, firstMerge: merge) }
            let r = try unrolled(layer.cell, xs, initialState: initialState?[k], sequenceLength: sequenceLength, conds: conds,
                                 opName: k == 0 ? s : uniqueName(nil, ns), varScope: vs, nameScope: ns)
            merge += r.state.count
            states.append(r.state)
            xs = r.outputs
            if let keep = layer.outputKeep { xs = try xs.map { (x) throws(TensorError) -> GraphTensor in try dropout(x, keepProb: keep, scope: s) } }
        }
        return (xs, states)
        }
    }

    /// One layer of `static_rnn` as one op. `conds` (given with a sequence length) names the
    /// outputs (when `last`) and final state parts after TF1's per-step `cond`s.
    private func unrolled(_ cell: GraphCell, _ inputs: [GraphTensor], initialState: [GraphTensor]?, sequenceLength: GraphTensor?,
                          conds: (scope: String, last: Bool, firstMerge: Int)?, opName s: String,
                          varScope: String, nameScope: String) throws(TensorError) -> (outputs: [GraphTensor], state: [GraphTensor]) {
        guard let first = inputs.first else { throw TensorError("inputs must not be empty", kind: .valueError) }
        guard let input = inputs.compactMap({ $0.shape.dim(1) }).first else {
            throw TensorError("Input size (dimension 1 of inputs) must be accessible via shape inference, but saw value None.", kind: .valueError)
        }
        let batch = inputs.compactMap { $0.shape.dim(0) }.first
        let T = inputs.count
        let vars = try cell.build(graph: self, scope: varScope, input: input)
        var spec = try recurrentSpec(cell, input: input, layout: .steps, steps: T, initial: initialState, vars: vars)
        spec.hasSequenceLength = sequenceLength != nil
        let cellScope = nameScope + "/" + cell.tfClass.scope
        guard let opNames = cell.tfClass.unrolledOpNames(steps: T, options: cell.options) else {
            throw TensorError("rnnsh's tensorflow has no tf.nn.rnn_cell.\(cell.tfClass.rawValue) graph op (yet)", kind: .notImplementedError)
        }
        var stepNames = opNames.outputs.map { "\(cellScope)/\($0):0" }
        // Every step's output, the final state's parts before h, then h (the last output).
        var names: [String]
        if let c = conds {
            if c.last { stepNames = (0..<T).map { "\(c.scope)/\($0 == 0 ? "cond" : "cond_\($0)")/Merge:0" } }
            let lastCond = T == 1 ? "cond" : "cond_\(T - 1)"
            names = stepNames + (0..<spec.stateParts).map { "\(c.scope)/\(lastCond)/Merge_\(c.firstMerge + $0):0" }
        } else {
            names = stepNames + opNames.state.map { "\(cellScope)/\($0):0" }
            names.append(stepNames[T - 1])
        }
        var outs: [(StaticShape, DType)] = [(StaticShape, DType)](repeating: (StaticShape([batch, cell.units]), first.dtype), count: T)
        outs += [(StaticShape, DType)](repeating: (StaticShape([batch, cell.units]), first.dtype), count: spec.stateParts)
        naming.reserve(cellScope)
        let id = append(s, type: "StaticRNN", .recurrent(spec), inputs: inputs + vars + (initialState ?? []) + (sequenceLength.map { [$0] } ?? []),
                        outputs: outs, outputNames: names)
        let outputs = (0..<T).map { tensor(id, $0) }
        var state = (0..<spec.stateParts).map { tensor(id, T + $0) }
        // TF's final h is the last output itself, unless finished rows copy their state through.
        if sequenceLength == nil { state[state.count - 1] = outputs[T - 1] }
        return (outputs, state)
    }

    /// `tf.nn.dynamic_rnn(cell, inputs, initial_state=, dtype=, time_major=)`: one
    /// `[batch, time, input]` tensor (`[time, batch, input]` when time-major) in, the outputs as
    /// one tensor of the same layout and the final state out, named as TF1's while loop named
    /// them (`rnn/transpose_1:0`, `rnn/while/Exit_3:0`, …).
    public func dynamicRNN(_ cell: GraphCell, _ x: GraphTensor, initialState: [GraphTensor]? = nil, sequenceLength: GraphTensor? = nil,
                           timeMajor: Bool = false, scope: String? = nil) throws(TensorError) -> (outputs: GraphTensor, state: [GraphTensor]) {
        let r = try dynamicRNN([RNNLayer(cell: cell)], multi: false, x, initialState: initialState.map { [$0] }, sequenceLength: sequenceLength,
                               timeMajor: timeMajor, scope: scope)
        return (r.outputs, r.state[0])
    }

    /// `dynamic_rnn` of a stack of layers: one fused op per layer over the whole sequence; the
    /// last layer's outputs (after its DropoutWrapper, if any) are `rnn/transpose_1:0`, the
    /// states' parts `rnn/while/Exit_3:0`, `Exit_4`, … layer after layer, as TF1 numbered them.
    /// With `sequenceLength`, each row's outputs after its length are zeros and its final state
    /// is the one after its last step (TF1's while loop copied it through); names are unchanged.
    public func dynamicRNN(_ layers: [RNNLayer], multi: Bool, _ x: GraphTensor, initialState: [[GraphTensor]]? = nil,
                           sequenceLength: GraphTensor? = nil, timeMajor: Bool = false,
                           scope: String? = nil) throws(TensorError) -> (outputs: GraphTensor, state: [[GraphTensor]]) {
        try dynamicRNN(layers, multi: multi, x, initialState: initialState, sequenceLength: sequenceLength, timeMajor: timeMajor,
                       scope: scope, opScope: nil)
    }

    /// `opScope`: the name scope of the ops when it is not the variable scope (a bidirectional
    /// RNN's `bidirectional_rnn/fw/fw/…` ops beside its `bidirectional_rnn/fw/…` variables).
    func dynamicRNN(_ layers: [RNNLayer], multi: Bool, _ x: GraphTensor, initialState: [[GraphTensor]]?,
                    sequenceLength: GraphTensor?, timeMajor: Bool, scope: String?,
                    opScope: String?) throws(TensorError) -> (outputs: GraphTensor, state: [[GraphTensor]]) {
        guard x.graph === self else { throw TensorError("inputs must be from this graph", kind: .valueError) }
        guard let d = x.shape.dims, d.count == 3 else {
            throw TensorError("dynamic_rnn needs inputs of rank 3 (\(timeMajor ? "[time, batch, input]" : "[batch, time, input]")), got shape \(x.shape)", kind: .valueError)
        }
        if let s = initialState, s.count != layers.count {
            throw TensorError("initial_state must have one state per layer (\(layers.count)), got \(s.count)", kind: .valueError)
        }
        try checkSequenceLength(sequenceLength)
        let s = uniqueName(opScope ?? scope, "rnn")
        let varScope = variableName(scope ?? "rnn")
        return try absolute { () throws(TensorError) -> (outputs: GraphTensor, state: [[GraphTensor]]) in
        let finalName = timeMajor ? "\(s)/TensorArrayStack/TensorArrayGatherV3:0" : "\(s)/transpose_1:0"
        var seq = x
        var states: [[GraphTensor]] = []
        var exit = 3
        for (k, layer) in layers.enumerated() {
            let last = k == layers.count - 1
            if let keep = layer.inputKeep { seq = try dropout(seq, keepProb: keep, scope: s) }
            let vs = multi ? "\(varScope)/multi_rnn_cell/cell_\(k)" : varScope
            let outName = last && layer.outputKeep == nil ? finalName : "\(s)/multi_rnn_cell/cell_\(k)/outputs:0"
            let r = try sequence(layer.cell, seq, initialState: initialState?[k], sequenceLength: sequenceLength, timeMajor: timeMajor,
                                 opName: k == 0 ? s : uniqueName(nil, "\(s)/multi_rnn_cell/cell_\(k)"), loopScope: s, varScope: vs,
                                 outputName: outName, firstExit: exit)
            exit += r.state.count
            states.append(r.state)
            seq = r.outputs
            if let keep = layer.outputKeep { seq = try dropout(seq, keepProb: keep, scope: s, outputName: last ? finalName : nil) }
        }
        return (seq, states)
        }
    }

    private func sequence(_ cell: GraphCell, _ x: GraphTensor, initialState: [GraphTensor]?, sequenceLength: GraphTensor?,
                          timeMajor: Bool, opName s: String, loopScope: String,
                          varScope: String, outputName: String, firstExit: Int) throws(TensorError) -> (outputs: GraphTensor, state: [GraphTensor]) {
        guard let d = x.shape.dims, d.count == 3 else {
            throw TensorError("dynamic_rnn needs inputs of rank 3, got shape \(x.shape)", kind: .valueError)
        }
        guard let input = d[2] else {
            throw TensorError("Input size (depth of inputs) must be accessible via shape inference, but saw value None.", kind: .valueError)
        }
        let vars = try cell.build(graph: self, scope: varScope, input: input)
        let T = timeMajor ? d[0] : d[1], B = timeMajor ? d[1] : d[0]
        var spec = try recurrentSpec(cell, input: input, layout: timeMajor ? .timeMajor : .batchMajor, steps: T ?? -1,
                                     initial: initialState, vars: vars)
        spec.hasSequenceLength = sequenceLength != nil
        var names = [outputName]
        names += (0..<spec.stateParts).map { "\(loopScope)/while/Exit_\(firstExit + $0):0" }
        var outs: [(StaticShape, DType)] = [(StaticShape(timeMajor ? [T, B, cell.units] : [B, T, cell.units]), x.dtype)]
        outs += [(StaticShape, DType)](repeating: (StaticShape([B, cell.units]), x.dtype), count: spec.stateParts)
        let id = append(s, type: "DynamicRNN", .recurrent(spec), inputs: [x] + vars + (initialState ?? []) + (sequenceLength.map { [$0] } ?? []),
                        outputs: outs, outputNames: names)
        return (tensor(id, 0), (0..<spec.stateParts).map { tensor(id, 1 + $0) })
    }

    /// TF1's check when the graph is built: one length per row, a vector.
    private func checkSequenceLength(_ t: GraphTensor?) throws(TensorError) {
        guard let t else { return }
        guard t.graph === self else { throw TensorError("sequence_length must be from the same graph as the inputs", kind: .valueError) }
        if let r = t.shape.rank, r != 1 {
            throw TensorError("Argument sequence_length must be a vector of length batch_size. Received sequence_length=\(t) of shape: \(t.shape)", kind: .valueError)
        }
    }

    private func recurrentSpec(_ cell: GraphCell, input: Int, layout: RecurrentSpec.Layout, steps: Int,
                               initial: [GraphTensor]?, vars: [GraphTensor]) throws(TensorError) -> RecurrentSpec {
        if let s = initial {
            guard s.count == cell.stateNames.count else {
                throw TensorError("initial_state must have \(cell.stateNames.count) parts (\(cell.stateNames.joined(separator: ", "))), got \(s.count)", kind: .valueError)
            }
            for t in s {
                guard t.graph === self else { throw TensorError("initial_state must be from this graph", kind: .valueError) }
                if let u = t.shape.dim(1), u != cell.units {
                    throw TensorError("initial_state has shape \(t.shape); the cell's state has \(cell.units) units", kind: .valueError)
                }
            }
        }
        return RecurrentSpec(kind: cell.kind, units: cell.units, input: input, options: cell.options, layout: layout,
                             steps: steps, hasInitialState: initial != nil, variables: vars.map(\.op), cellID: vars[0].op)
    }
}
