import RNN
import Explore
import Tensor

/// The tutorial's `rnn_cell.BasicLSTMCell(rnn_size)` and `rnn.static_rnn(lstm_cell, x)`, one
/// piece at a time: make a cell (any of the engine's kinds), a zero state, one step, or a whole
/// unroll. Nothing here names a cell type: the kind is a word the engine's `CellKind` reads.
enum CellCommands {
    static let all: [Command] = [cell, zeroState, step, unroll]

    static let cell = Command(
        name: "cell", category: "LSTM",
        summary: "A recurrent cell: TF's BasicLSTMCell (default), GRUCell or BasicRNNCell.",
        parameters: [Parameter("units", .int, help: "num_units: the size of h (and c)")],
        options: [Parameter("kind", .word, default: .string("lstm"), help: "lstm (BasicLSTMCell), gru (GRUCell) or rnn (BasicRNNCell)"),
                  Parameter("forget_bias", .float, default: .float(1.0), help: "the LSTM's: added to the forget gate at every step"),
                  Parameter("activation", .word, default: .string("tanh"), help: "the plain RNN cell's (kind=rnn): tanh, relu or sigmoid").choices(["tanh", "relu", "sigmoid"]),
                  Parameter("seed", .int, default: .int(0), help: "seed of the glorot-uniform kernels")],
        help: """
            TF1's `BasicLSTMCell(num_units, forget_bias=1.0)`: a kernel of shape \
            `(input + units, 4*units)` and a bias of `(4*units,)`, created on first use (that \
            is when the input width becomes known, as in TF) with a glorot-uniform kernel from \
            `seed` and a zero bias. Gates `concat([x, h], 1) @ kernel + bias` split into i, j, \
            f, o; `c' = c*sigmoid(f + forget_bias) + sigmoid(i)*tanh(j)`, `h' = tanh(c')*sigmoid(o)`. \
            `kind=gru` is TF1's `GRUCell`: `gates/kernel (input + units, 2*units)` and \
            `gates/bias` (ones) give r, u = sigmoid(concat([x, h]) @ gates/kernel + gates/bias); \
            `candidate/kernel (input + units, units)` and `candidate/bias` give \
            c = tanh(concat([x, r*h]) @ candidate/kernel + candidate/bias), and h' = u*h + (1-u)*c; \
            its state is just h. `kind=rnn` is `BasicRNNCell`: h' = tanh(concat([x, h]) @ kernel + bias); \
            `activation=relu` or `sigmoid` applies that instead (TF1's `BasicRNNCell(activation=tf.nn.relu)`). \
            `save CELL FILE` writes the weights (TF layout) to an .npz that `load` turns back into a cell.
            """,
        examples: [Example("lstm = cell 4\nlstm\noutputs, state = unroll lstm (zeros 3 2 5)\nlstm.kernel.shape"),
                   Example("gru = cell 3 kind=gru\noutputs, h = unroll gru (zeros 2 1 4)\ngru.gates_kernel.shape\nh")],
        run: { call in
            let units = call.arguments.int("units") ?? 0
            guard units > 0 else { throw call.error("num_units must be positive, got \(units)", argument: "units") }
            let fb = call.arguments.double("forget_bias") ?? 1
            guard fb.isFinite else { throw call.error("forget_bias must be finite", argument: "forget_bias") }
            let seed = call.arguments.int("seed") ?? 0
            let kind = try cellKind(call.arguments.string("kind") ?? CellKind.standard.rawValue, call: call)
            let act = try activation(call.arguments.string("activation"), kind: kind, call: call)
            return .object(CellObject(try Cell(kind: kind, units: units, options: CellOptions(forgetBias: Float(fb), activation: act),
                                               seed: UInt64(bitPattern: Int64(seed)))))
        })

    static let zeroState = Command(
        name: "zero_state", category: "LSTM",
        summary: "The all-zero state (c, h) for a batch: cell.zero_state(batch, tf.float32).",
        parameters: [Parameter("cell", .value, help: "a cell"), Parameter("batch", .int, help: "the batch size"),
                     Parameter("dtype", .dtype, default: .none, help: "float32 (TF's `cell.zero_state(batch, tf.float32)`); the engine computes in float32")],
        help: "A tuple `(c, h)` of two float32 zero arrays of shape `(batch, units)`, the state an unroll starts from. Also a method, as TF1 calls it: `state = cell.zero_state(batch_size, np.float32)`.",
        examples: [Example("c, h = zero_state (cell 4) 2\nh"), Example("lstm = cell 3\nc, h = lstm.zero_state(2, np.float32)\nh.shape")],
        run: { call in
            let c = try ObjectArguments.cell(call.arguments["cell"], call: call, argument: "cell")
            let batch = call.arguments.int("batch") ?? 0
            if let d = call.arguments.dtype("dtype"), d != .float32 {
                throw call.error("the cell computes in float32, not \(d.name)", argument: "dtype")
            }
            return ObjectArguments.stateValue(try c.zeroState(batch: batch))
        })

    static let step = Command(
        name: "step", category: "LSTM",
        summary: "One step of a cell: (output, (c, h)) = cell(x, state).",
        parameters: [Parameter("cell", .value, help: "a cell"),
                     Parameter("x", .array, help: "the input, (batch, input)"),
                     Parameter("state", .value, help: "the state (c, h), e.g. from zero_state")],
        help: """
            Runs the cell once, as `output, state = cell(x, state)` does in TF: the output is the \
            new `h`, the state the tuple `(c', h')`. Inputs of any numeric dtype are computed in float32.
            """,
        examples: [Example("lstm = cell 3\ns = zero_state lstm 2\nout, s = step lstm (ones 2 4) s\nout"),
                   Example("lstm = cell 3\nstate = lstm.zero_state(2, np.float32)\noutput, state = lstm(np.ones((2, 4)), state)\noutput.shape")],
        run: { call in
            let c = try ObjectArguments.cell(call.arguments["cell"], call: call, argument: "cell")
            guard let x = call.arguments.array("x") else { return .none }
            let state = try ObjectArguments.state(call.arguments["state"], for: c, call: call, argument: "state")
            let r = try c.step(x, state: state)
            return .tuple([.array(r.output), ObjectArguments.stateValue(r.state)])
        })

    static let unroll = Command(
        name: "unroll", category: "LSTM",
        summary: "Run a cell over a list of steps: outputs, state = rnn.static_rnn(cell, xs).",
        parameters: [Parameter("cell", .value, help: "a cell"),
                     Parameter("xs", .value, help: "a list of (batch, input) arrays, or one (steps, batch, input) array")],
        options: [Parameter("state", .value, default: .none, help: "the initial state (c, h); default zeros"),
                  Parameter("trace", .value, default: .bool(false), help: "True: one line per step with the shapes of x, h, gates, c; 'values': also each step's h")],
        help: """
            TF's `rnn.static_rnn(cell, xs, dtype=tf.float32)`: returns `outputs, state`, a list \
            with one `(batch, units)` output per step and the final state tuple `(c, h)`. The \
            tutorial feeds it `split(reshape(transpose(x, [1, 0, 2]), [-1, 28]), 28)`; the last \
            output then goes through the dense layer (`outputs[-1] @ W + b`). `save` writes the \
            outputs list as `arr_0, arr_1, …`.
            """,
        examples: [Example("xs = split (arange 24 | reshape 4 6) 2\noutputs, state = unroll (cell 3) xs\nlen(outputs)\noutputs[-1].shape")],
        run: { call in
            let c = try ObjectArguments.cell(call.arguments["cell"], call: call, argument: "cell")
            let xs = try ObjectArguments.steps(call.arguments["xs"], call: call, argument: "xs")
            let initial: CellState? = call.arguments["state"].isNone ? nil
                : try ObjectArguments.state(call.arguments["state"], for: c, call: call, argument: "state")
            let r = try c.unroll(xs, initialState: initial)
            // The explorer's per-step view (Explore.UnrollTrace): `step 3: x (2,3) + h (2,128) → …`.
            switch call.arguments["trace"] {
            case .bool(true), .int(1):
                call.print(UnrollTrace.text(inputs: xs, outputs: r.outputs, units: c.units, gateBlocks: c.kind.gateBlocks, stateNames: c.stateNames))
            case .string(let s) where s == "values":
                call.print(UnrollTrace.text(inputs: xs, outputs: r.outputs, units: c.units, gateBlocks: c.kind.gateBlocks,
                                             stateNames: c.stateNames, values: true))
            default:
                break
            }
            return .tuple([.list(r.outputs.map { .array($0) }), ObjectArguments.stateValue(r.state)])
        })

    /// The cell kind a word names (`lstm`, `gru`, `rnn`, or TF's class name), or an error listing them.
    /// The `activation=` word (tanh when not given); refused for a cell whose activations are
    /// fixed, so `cell=lstm activation=relu` is an error rather than an LSTM that ignored it.
    static func activation(_ word: String?, kind: CellKind, call: Invocation, argument: String = "activation") throws(ShellError) -> CellActivation {
        guard let word else { return .tanh }
        guard let a = CellActivation(word: word) else {
            throw call.error("unknown activation '\(word)': use one of \(CellActivation.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))", argument: argument)
        }
        guard kind.hasActivation || a == .tanh else {
            throw call.error("activation=\(a.rawValue) is the plain RNN cell's option (cell=rnn); a \(kind.tfClass)'s activations are fixed", argument: argument)
        }
        return a
    }

    static func cellKind(_ word: String, call: Invocation, argument: String = "kind") throws(ShellError) -> CellKind {
        guard let k = CellKind(word: word) else {
            throw call.error("unknown cell '\(word)': use one of \(CellKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))", argument: argument)
        }
        return k
    }
}
