import Tensor

/// TF1's `BasicLSTMCell(num_units, forget_bias=1.0)`.
///
/// Contract: variables `kernel [I+U, 4U]` (glorot-uniform) and `bias [4U]` (zeros) under
/// `basic_lstm_cell/`; state `(c, h)`; per step
///
///     i, j, f, o = split(concat([x, h], 1) @ kernel + bias, 4, axis=1)
///     c' = c·σ(f + forget_bias) + σ(i)·tanh(j)
///     h' = tanh(c')·σ(o)                                  (output = h')
///
/// `forget_bias` is added at every step and never stored in the bias. The forward and backward
/// passes over a whole sequence are `LSTMLayer` (LSTMLayer.swift: the engine's tuned kernel);
/// `LSTMKernel` below adapts it to `SequenceKernel`. Keras's `LSTM` and PyTorch's `nn.LSTM`
/// compute the same function with gates in the order i, f, c(g), o and the forget bias folded
/// into the bias, so conversions both ways are exact.
struct BasicLSTMCell: SingleKernelCell {
    static let kind = CellKind.lstm
    static let tfClass = "BasicLSTMCell"
    static let scope = "basic_lstm_cell"
    static let shortName = "LSTM"
    static let gateBlocks = 4
    static let takesForgetBias = true
    static let stateNames = ["c", "h"]
    let units: Int
    let options: CellOptions

    init(units: Int, options: CellOptions) { self.units = units; self.options = options }

    func makeKernel() -> SequenceKernel { LSTMKernel() }

    static func variableNote(_ name: String) -> String? {
        name == "kernel" ? "concat([x, h]) @ kernel, gates i, j, f, o" : nil
    }

    /// TF1's BasicLSTMCell makes per step `Mul` (c·σ(f)), `Mul_1` (σ(i)·tanh(j)), `Add` (c'),
    /// `Mul_2` (h' = tanh(c')·σ(o)), …: step t's output is `Mul_{3t+2}`, the final c `Add_{2(T-1)+1}`.
    static func unrolledOpNames(steps: Int, options: CellOptions) -> (outputs: [String], state: [String])? {
        ((0..<steps).map { numberedOp("Mul", 3 * $0 + 2) }, [numberedOp("Add", 2 * (steps - 1) + 1)])
    }

    func forwardFlopsPerStep(input: Int) -> Double { 2 * Double(input + units) * Double(4 * units) }

    /// Keras and PyTorch order the gates i, f, c(g), o: their block k is TF's block `order[k]`.
    private func blocks(_ input: Int) -> GateBlocks {
        GateBlocks(input: input, units: units, order: [0, 2, 1, 3], shift: [0, options.forgetBias, 0, 0])
    }

    func frameworkWeights(_ tf: [String: NDArray], framework: Framework) throws(TensorError) -> [(String, NDArray)] {
        let k = try GateBlocks.weight(tf, "kernel"), b = try GateBlocks.weight(tf, "bias")
        let input = k.shape[0] - units
        switch framework {
        case .tf: return [("kernel", k), ("bias", b)]
        case .keras: return blocks(input).keras(kernel: ArrayConversion.floats(k), bias: ArrayConversion.floats(b))
        case .torch: return blocks(input).torch(kernel: ArrayConversion.floats(k), bias: ArrayConversion.floats(b))
        }
    }

    func tfWeights(from w: [String: NDArray], framework: Framework, input: Int) throws(TensorError) -> [String: NDArray] {
        let r: (kernel: [Float], bias: [Float])
        switch framework {
        case .tf: return w
        case .keras: r = try blocks(input).fromKeras(w)
        case .torch: r = try blocks(input).fromTorch(w)
        }
        return ["kernel": ArrayConversion.array(r.kernel, shape: [input + units, 4 * units]),
                "bias": ArrayConversion.array(r.bias, shape: [4 * units])]
    }

    func frameworkLayer(_ framework: Framework, input: Int, extra: [String]) throws(TensorError) -> String {
        let more = extra.map { ", " + $0 }.joined()
        switch framework {
        case .tf: return "tf.nn.rnn_cell.BasicLSTMCell(\(units), forget_bias=\(pythonFloat(options.forgetBias))\(more))"
        case .keras: return "keras.layers.LSTM(\(units)\(more))"
        case .torch: return "torch.nn.LSTM(\(input), \(units), batch_first=True\(more))"
        }
    }

    func internals(params: UnsafePointer<Float>, x: NDArray, state: [NDArray], input: Int) throws(TensorError) -> CellInternals {
        let batch = x.shape[0], U = units, G = 4 * units, R = input + units
        let k = LSTMKernel()
        k.prepare(SequenceDims(batch: batch, input: input, units: U, steps: 1))
        stageStep(k, x: x, state: state, parts: 2)
        let pre = FloatBuffer(batch * G)
        // The forward pass's own product: [x, h] · kernel in one GEMM, then + bias.
        GEMM.sgemm(m: batch, n: G, k: R, a: k.input(0, 0), lda: R, b: params, ldb: G, beta: 0, c: pre.pointer, ldc: G)
        for b in 0..<batch { for g in 0..<G { pre.pointer[b * G + g] += params[R * G + g] } }
        k.forward(params: params, options: options, forBackward: true)
        let preA = ArrayConversion.array(pre.pointer, shape: [batch, G])
        let actA = ArrayConversion.array(k.act.gates.pointer, shape: [batch, G])
        let names = [("i", "input gate", "sigmoid(i)"), ("j", "candidate", "tanh(j)"),
                     ("f", "forget gate", "sigmoid(f + forget_bias)"), ("o", "output gate", "sigmoid(o)")]
        var gates: [CellInternals.Gate] = []
        for (n, (name, role, formula)) in names.enumerated() {
            gates.append(.init(name: name, role: role, formula: formula,
                               preactivation: columns(preA, n * U, U), activation: columns(actA, n * U, U)))
        }
        return CellInternals(
            gates: gates,
            product: "concat([x, h], 1) \(shapeString([batch, R])) @ kernel \(shapeString([R, G])) + bias \(shapeString([G])) → gates \(shapeString([batch, G])), split into i, j, f, o of \(shapeString([batch, U]))",
            outputs: [("c", "new cell", "c*f + i*j", ArrayConversion.array(k.finalState(0, 0), shape: [batch, U])),
                      ("h", "output", "tanh(c)*o", ArrayConversion.array(k.output(0, 0), shape: [batch, U]))],
            units: U, forgetBias: options.forgetBias)
    }
}

/// `BasicLSTMCell` as a `SequenceKernel`: the state parts are (c, h).
final class LSTMKernel: SequenceKernel {
    let act = LSTMActivations()
    private(set) var dims = SequenceDims(batch: 0, input: 0, units: 0, steps: 0)

    func prepare(_ d: SequenceDims) {
        dims = d
        act.prepare(LSTMDims(batch: d.batch, input: d.input, units: d.units, steps: d.steps))
    }
    func input(_ t: Int, _ b: Int) -> UnsafeMutablePointer<Float> { act.x(t, b) }
    func initialState(_ k: Int, _ b: Int) -> UnsafeMutablePointer<Float> { k == 0 ? act.cell(after: -1, b) : act.hIn(0, b) }
    func output(_ t: Int, _ b: Int) -> UnsafeMutablePointer<Float> { act.output(t, b) }
    func finalState(_ k: Int, _ b: Int) -> UnsafeMutablePointer<Float> {
        k == 0 ? act.cell(after: dims.steps - 1, b) : act.output(dims.steps - 1, b)
    }
    func stateGradient(_ k: Int) -> UnsafeMutablePointer<Float> { k == 0 ? act.dc.pointer : act.dh.pointer }

    private func view(_ p: UnsafePointer<Float>, _ o: CellOptions) -> LSTMWeightsView {
        LSTMWeightsView(kernel: p, bias: p + dims.rowWidth * 4 * dims.units, forgetBias: o.forgetBias)
    }

    func forward(params: UnsafePointer<Float>, options: CellOptions, forBackward: Bool) {
        LSTMLayer.forward(view(params, options), act, forBackward: forBackward)
    }

    func backward(params: UnsafePointer<Float>, options: CellOptions, grads: UnsafeMutablePointer<Float>,
                  accumulate: Bool, inputGradients: UnsafeMutablePointer<Float>?, needInitialState: Bool,
                  outputGradient: ((Int) -> UnsafePointer<Float>?)?) {
        let g = LSTMGradientsView(kernel: grads, bias: grads + dims.rowWidth * 4 * dims.units,
                                  accumulate: accumulate, inputs: inputGradients)
        LSTMLayer.backward(view(params, options), act, g, needInitialState: needInitialState, outputGradient: outputGradient)
    }
}

/// Columns `start..<start+count` of a 2-d array, as a new array.
func columns(_ a: NDArray, _ start: Int, _ count: Int) -> NDArray {
    (try? a.subscripted([.all, .slice(start: start, stop: start + count, step: nil)]).contiguous()) ?? a
}

/// Writes one step's input and the state parts (zeros when empty) into a prepared kernel.
func stageStep(_ k: SequenceKernel, x: NDArray, state: [NDArray], parts: Int) {
    let d = k.dims
    let xs = ArrayConversion.floats(x)
    for b in 0..<d.batch {
        xs.withUnsafeBufferPointer { p in if let base = p.baseAddress { k.input(0, b).update(from: base + b * d.input, count: d.input) } }
    }
    for part in 0..<parts {
        let v = part < state.count ? ArrayConversion.floats(state[part]) : [Float](repeating: 0, count: d.batch * d.units)
        v.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            for b in 0..<d.batch { k.initialState(part, b).update(from: base + b * d.units, count: d.units) }
        }
    }
}

/// `1.0`, `0.5`: a float as Python prints it (for the recipes' layer expressions).
func pythonFloat(_ v: Float) -> String {
    let d = Double(v)
    if d == d.rounded(), abs(d) < 1e15 { return String(format: "%.1f", d) }
    return "\(v)"
}
