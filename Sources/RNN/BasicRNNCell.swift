import Tensor

/// TF1's `BasicRNNCell(num_units, activation=tf.tanh)`, with `activation` one of tanh (TF1's
/// default), relu or sigmoid (`CellActivation`, the cell's one option).
///
/// Contract: variables under `basic_rnn_cell/`: `kernel [I+U, U]` (glorot-uniform), `bias [U]`
/// (zeros); state `h`; per step
///
///     h' = act(concat([x, h], 1) @ kernel + bias)           (output = h')
///
/// Keras's `SimpleRNN(activation=…)` (kernel, recurrent_kernel, bias) and PyTorch's `nn.RNN`
/// (`nonlinearity='tanh'|'relu'`; two biases, summed) are the same function, so conversions
/// both ways are exact; PyTorch has no sigmoid RNN, so that export is refused with the reason.
///
/// Forward per step: one product `[x_t, h_{t-1}]·kernel` and the activation. Backward per step:
/// `dpre = dh·act'(pre)`, written from the output as TF's gradients are (tanh: `1 − h²`, relu:
/// `h > 0`, sigmoid: `h·(1 − h)`; see `rowForward`/`rowBackward`, side by side), then
/// `dh_{t-1} = dpre·kernel[I:]ᵀ`; the weight and input gradients of all steps are one product
/// each at the end.
struct BasicRNNCell: SingleKernelCell {
    static let kind = CellKind.rnn
    static let tfClass = "BasicRNNCell"
    static let scope = "basic_rnn_cell"
    static let shortName = "RNN"
    static let gateBlocks = 1
    static let stateNames = ["h"]
    static let takesActivation = true
    let units: Int
    let options: CellOptions

    init(units: Int, options: CellOptions) { self.units = units; self.options = options }

    func makeKernel() -> SequenceKernel { RNNKernel() }

    /// TF1's BasicRNNCell's output at step t is its activation's op: `Tanh_t`, `Relu_t`, `Sigmoid_t`.
    static func unrolledOpNames(steps: Int, options: CellOptions) -> (outputs: [String], state: [String])? {
        ((0..<steps).map { numberedOp(options.activation.tfOp, $0) }, [])
    }

    func forwardFlopsPerStep(input: Int) -> Double { 2 * Double(input + units) * Double(units) }

    private func blocks(_ input: Int) -> GateBlocks { GateBlocks(input: input, units: units, order: [0], shift: [0]) }

    func frameworkWeights(_ tf: [String: NDArray], framework: Framework) throws(TensorError) -> [(String, NDArray)] {
        let k = try GateBlocks.weight(tf, "kernel"), b = try GateBlocks.weight(tf, "bias")
        switch framework {
        case .tf: return [("kernel", k), ("bias", b)]
        case .keras: return blocks(k.shape[0] - units).keras(kernel: ArrayConversion.floats(k), bias: ArrayConversion.floats(b))
        case .torch:
            if let refusal = torchRefusal { throw refusal }
            return blocks(k.shape[0] - units).torch(kernel: ArrayConversion.floats(k), bias: ArrayConversion.floats(b))
        }
    }

    func tfWeights(from w: [String: NDArray], framework: Framework, input: Int) throws(TensorError) -> [String: NDArray] {
        let r: (kernel: [Float], bias: [Float])
        switch framework {
        case .tf: return w
        case .keras: r = try blocks(input).fromKeras(w)
        case .torch: r = try blocks(input).fromTorch(w)
        }
        return ["kernel": ArrayConversion.array(r.kernel, shape: [input + units, units]),
                "bias": ArrayConversion.array(r.bias, shape: [units])]
    }

    /// PyTorch's `nn.RNN` has `nonlinearity='tanh'` and `'relu'` only.
    var torchRefusal: TensorError? {
        guard options.activation.torchNonlinearity == nil else { return nil }
        return TensorError("cannot export a BasicRNNCell(activation=\(options.activation.tfFunction)) for PyTorch: nn.RNN's nonlinearity is 'tanh' or 'relu', so no nn.RNN computes a \(options.activation.rawValue) cell",
                           explanation: "export format=keras gives Keras's SimpleRNN(activation='\(options.activation.rawValue)'), which is exact")
    }

    func frameworkLayer(_ framework: Framework, input: Int, extra: [String]) throws(TensorError) -> String {
        // The default tanh is left out, as TF, Keras and PyTorch code leaves it out.
        let a = options.activation
        switch framework {
        case .tf:
            let more = (a == .tanh ? [] : ["activation=\(a.tfFunction)"]) + extra
            return "tf.nn.rnn_cell.BasicRNNCell(\(units)\(more.map { ", " + $0 }.joined()))"
        case .keras:
            let more = (a == .tanh ? [] : ["activation='\(a.rawValue)'"]) + extra
            return "keras.layers.SimpleRNN(\(units)\(more.map { ", " + $0 }.joined()))"
        case .torch:
            if let refusal = torchRefusal { throw refusal }
            let more = (a == .tanh ? [] : ["nonlinearity='\(a.rawValue)'"]) + extra
            return "torch.nn.RNN(\(input), \(units), batch_first=True\(more.map { ", " + $0 }.joined()))"
        }
    }

    func internals(params: UnsafePointer<Float>, x: NDArray, state: [NDArray], input: Int) throws(TensorError) -> CellInternals {
        let batch = x.shape[0], U = units, R = input + units
        let k = RNNKernel()
        k.prepare(SequenceDims(batch: batch, input: input, units: U, steps: 1))
        stageStep(k, x: x, state: state, parts: 1)
        let pre = FloatBuffer(batch * U)
        GEMM.sgemm(m: batch, n: U, k: R, a: k.input(0, 0), lda: R, b: params, ldb: U, beta: 0, c: pre.pointer, ldc: U)
        for b in 0..<batch { for g in 0..<U { pre.pointer[b * U + g] += params[R * U + g] } }
        k.forward(params: params, options: options, forBackward: true)
        let h = ArrayConversion.array(k.output(0, 0), shape: [batch, U])
        let formula = "\(options.activation.rawValue)(h)"
        return CellInternals(
            gates: [.init(name: "h", role: "new state", formula: formula,
                          preactivation: ArrayConversion.array(pre.pointer, shape: [batch, U]), activation: h)],
            product: "concat([x, h], 1) \(shapeString([batch, R])) @ kernel \(shapeString([R, U])) + bias \(shapeString([U])) → h \(shapeString([batch, U]))",
            outputs: [("h", "output", formula, h)], units: U)
    }
}

/// `BasicRNNCell` over a sequence: `xh[t]` = `[x_t, h_{t-1}]` (see `HRowActivations`) and
/// `pre[t]` `[B, U]`, which holds the pre-activation gradient during backward.
final class RNNKernel: HRowActivations, SequenceKernel {
    let pre = FloatBuffer()

    func prepare(_ d: SequenceDims) {
        prepareRows(d)
        pre.ensure(d.steps * d.batch * d.units)
    }

    func forward(params: UnsafePointer<Float>, options: CellOptions, forBackward: Bool) {
        let d = dims
        let (B, U, T, R) = (d.batch, d.units, d.steps, d.rowWidth)
        let bias = params + R * U
        for t in 0..<T {
            let p = pre.pointer + t * B * U
            GEMM.sgemm(m: B, n: U, k: R, a: input(t, 0), lda: R, b: params, ldb: U, beta: 0, c: p, ldc: U)
            for b in 0..<B { Self.rowForward(pre: p + b * U, bias: bias, h: output(t, b), units: U, activation: options.activation) }
        }
    }

    func backward(params: UnsafePointer<Float>, options: CellOptions, grads: UnsafeMutablePointer<Float>,
                  accumulate: Bool, inputGradients: UnsafeMutablePointer<Float>?, needInitialState: Bool,
                  outputGradient: ((Int) -> UnsafePointer<Float>?)?) {
        let d = dims
        let (B, I, U, T, R) = (d.batch, d.input, d.units, d.steps, d.rowWidth)
        let dh = self.dh.pointer
        for t in stride(from: T - 1, through: 0, by: -1) {
            let p = pre.pointer + t * B * U
            for b in 0..<B { Self.rowBackward(pre: p + b * U, h: output(t, b), dh: dh + b * U, units: U, activation: options.activation) }
            if t > 0 || needInitialState {
                GEMM.sgemm(transB: true, m: B, n: U, k: U, a: p, lda: U, b: params + I * U, ldb: U, beta: 0, c: dh, ldc: U)
                if t > 0, let extra = outputGradient?(t - 1) { FloatLoops.add(extra, into: dh, count: B * U) }
            }
        }
        GEMM.sgemm(transA: true, m: R, n: U, k: T * B, a: xh.pointer, lda: R, b: pre.pointer, ldb: U,
                   beta: accumulate ? 1 : 0, c: grads, ldc: U)
        FloatLoops.columnSums(pre.pointer, rows: T * B, columns: U, into: grads + R * U, accumulate: accumulate)
        if let dx = inputGradients {
            GEMM.sgemm(transB: true, m: T * B, n: I, k: U, a: pre.pointer, lda: U, b: params, ldb: U, beta: 0, c: dx, ldc: I)
        }
    }

    // One row each (as `LSTMLayer.cellForward`): called once per row, with the eight-lane body
    // inlined into its loop (see `Lanes`). The activation is chosen once per row, outside the
    // lane loop, so each activation's loop is as tight as the tanh-only one was.

    /// h = act(pre + bias).
    static func rowForward(pre: UnsafePointer<Float>, bias: UnsafePointer<Float>, h: UnsafeMutablePointer<Float>,
                           units U: Int, activation: CellActivation) {
        var u = 0
        switch activation {
        case .tanh:
            @inline(__always) func lanes(_ u: Int, _ n: Int) {
                Lanes.st(Activations.tanh8(Lanes.ld(pre + u, n) + Lanes.ld(bias + u, n)), h + u, n)
            }
            while u + 8 <= U { lanes(u, 8); u += 8 }
            if u < U { lanes(u, U - u) }
        case .relu:
            // max(x, 0) as TF's Relu: a NaN stays NaN (the comparison is false for it).
            @inline(__always) func lanes(_ u: Int, _ n: Int) {
                let x = Lanes.ld(pre + u, n) + Lanes.ld(bias + u, n)
                Lanes.st(x.replacing(with: 0, where: x .< 0), h + u, n)
            }
            while u + 8 <= U { lanes(u, 8); u += 8 }
            if u < U { lanes(u, U - u) }
        case .sigmoid:
            @inline(__always) func lanes(_ u: Int, _ n: Int) {
                Lanes.st(Activations.sigmoid8(Lanes.ld(pre + u, n) + Lanes.ld(bias + u, n)), h + u, n)
            }
            while u + 8 <= U { lanes(u, 8); u += 8 }
            if u < U { lanes(u, U - u) }
        }
    }

    /// The pre-activation gradient dh·act'(pre), into `pre`, from the output h as TF's gradient
    /// ops compute it: TanhGrad `dh·(1 − h²)`, ReluGrad `dh` where `h > 0` else 0 (so exactly
    /// 0 at pre = 0, as TF), SigmoidGrad `dh·h·(1 − h)`.
    static func rowBackward(pre: UnsafeMutablePointer<Float>, h: UnsafePointer<Float>, dh: UnsafePointer<Float>,
                            units U: Int, activation: CellActivation) {
        var u = 0
        switch activation {
        case .tanh:
            @inline(__always) func lanes(_ u: Int, _ n: Int) {
                let hv = Lanes.ld(h + u, n)
                Lanes.st(Lanes.ld(dh + u, n) * (1 - hv * hv), pre + u, n)
            }
            while u + 8 <= U { lanes(u, 8); u += 8 }
            if u < U { lanes(u, U - u) }
        case .relu:
            @inline(__always) func lanes(_ u: Int, _ n: Int) {
                let hv = Lanes.ld(h + u, n)
                Lanes.st(Lanes.ld(dh + u, n).replacing(with: 0, where: .!(hv .> 0)), pre + u, n)
            }
            while u + 8 <= U { lanes(u, 8); u += 8 }
            if u < U { lanes(u, U - u) }
        case .sigmoid:
            @inline(__always) func lanes(_ u: Int, _ n: Int) {
                let hv = Lanes.ld(h + u, n)
                Lanes.st(Lanes.ld(dh + u, n) * hv * (1 - hv), pre + u, n)
            }
            while u + 8 <= U { lanes(u, 8); u += 8 }
            if u < U { lanes(u, U - u) }
        }
    }
}
