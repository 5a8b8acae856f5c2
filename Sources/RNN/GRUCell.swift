import Tensor

/// TF1's `GRUCell(num_units)`.
///
/// Contract: variables under `gru_cell/`: `gates/kernel [I+U, 2U]` (glorot-uniform),
/// `gates/bias [2U]` (ones: TF1's default, so the gates start half open towards keeping the
/// state), `candidate/kernel [I+U, U]` (glorot-uniform), `candidate/bias [U]` (zeros); state `h`;
/// per step
///
///     r, u = split(σ(concat([x, h], 1) @ gates/kernel + gates/bias), 2, axis=1)
///     c    = tanh(concat([x, r·h], 1) @ candidate/kernel + candidate/bias)
///     h'   = u·h + (1 − u)·c                                 (output = h')
///
/// Keras's `GRU(reset_after=False)` is the same function (gates z=u, r, h=c, one bias); Keras's
/// default `GRU(reset_after=True)` and PyTorch's `nn.GRU` apply the reset gate after the
/// recurrent product (`r·(h @ W_hn + b_hn)`), a different function: conversions to and from
/// them are refused with that reason.
///
/// Forward per step: two products, `[x_t, h_{t-1}]·gates/kernel` and (after r is known)
/// `[x_t, r·h_{t-1}]·candidate/kernel`. Backward per step: the recurrent halves only
/// (`dc·candidate/kernel[I:]ᵀ`, `dgates·gates/kernel[I:]ᵀ`); the weight and input gradients
/// of all steps are one product each at the end.
struct GRUCell: RecurrentCell {
    static let kind = CellKind.gru
    static let tfClass = "GRUCell"
    static let scope = "gru_cell"
    static let shortName = "GRU"
    static let gateBlocks = 3
    static let stateNames = ["h"]
    let units: Int
    let options: CellOptions

    init(units: Int, options: CellOptions) { self.units = units; self.options = options }

    static func infer(_ w: [String: NDArray]) throws(TensorError) -> (input: Int, units: Int) {
        try GateBlocks.infer(w, kernelName: "candidate/kernel", blocks: 1)
    }

    func variables(input: Int) -> [CellVariable] {
        let r = input + units
        return [CellVariable(name: "gates/kernel", shape: [r, 2 * units]), CellVariable(name: "gates/bias", shape: [2 * units]),
                CellVariable(name: "candidate/kernel", shape: [r, units]), CellVariable(name: "candidate/bias", shape: [units])]
    }

    func initialValues(input: Int, rng: inout SeededRandom) -> [Float] {
        let r = input + units
        return Initializers.glorotUniform(rows: r, columns: 2 * units, rng: &rng) + [Float](repeating: 1, count: 2 * units)
            + Initializers.glorotUniform(rows: r, columns: units, rng: &rng) + [Float](repeating: 0, count: units)
    }

    func makeKernel() -> SequenceKernel { GRUKernel() }

    /// TF1's GRUCell's output at step t is its `add_t` op (`u·h + (1 − u)·c`).
    static func unrolledOpNames(steps: Int, options: CellOptions) -> (outputs: [String], state: [String])? {
        ((0..<steps).map { numberedOp("add", $0) }, [])
    }

    func forwardFlopsPerStep(input: Int) -> Double { 2 * Double(input + units) * Double(3 * units) }

    /// TF's two kernels side by side: `[I+U, 3U]` with blocks r, u, c (and the biases).
    private func joined(_ tf: [String: NDArray]) throws(TensorError) -> (kernel: [Float], bias: [Float], input: Int) {
        let (input, U) = try Self.infer(tf)
        let R = input + U
        let gk = try GateBlocks.member(tf, "gates/kernel", [R, 2 * U]), gb = try GateBlocks.member(tf, "gates/bias", [2 * U])
        let ck = try GateBlocks.member(tf, "candidate/kernel", [R, U]), cb = try GateBlocks.member(tf, "candidate/bias", [U])
        var k = [Float](repeating: 0, count: R * 3 * U)
        for row in 0..<R {
            for j in 0..<(2 * U) { k[row * 3 * U + j] = gk[row * 2 * U + j] }
            for j in 0..<U { k[row * 3 * U + 2 * U + j] = ck[row * U + j] }
        }
        return (k, gb + cb, input)
    }

    /// Keras orders the blocks z (= TF's u), r, h (= TF's c).
    private func blocks(_ input: Int) -> GateBlocks { GateBlocks(input: input, units: units, order: [1, 0, 2], shift: [0, 0, 0]) }

    static let resetAfterReason = "TF1's GRUCell applies the reset gate before the recurrent product (tanh(x·W + (r·h)·U + b)); PyTorch's nn.GRU and Keras's GRU(reset_after=True) apply it after (tanh(x·W + b + r·(h·U + b_h))), a different function, so no weights of one compute the other"

    func frameworkWeights(_ tf: [String: NDArray], framework: Framework) throws(TensorError) -> [(String, NDArray)] {
        switch framework {
        case .tf:
            return try variables(input: 1).map { v throws(TensorError) in (v.name, try GateBlocks.weight(tf, v.name)) }
        case .keras:
            let j = try joined(tf)
            return blocks(j.input).keras(kernel: j.kernel, bias: j.bias)
        case .torch:
            throw TensorError("cannot export a GRUCell for PyTorch: \(Self.resetAfterReason)",
                              explanation: "export format=keras gives Keras's GRU(reset_after=False), which is exact")
        }
    }

    func tfWeights(from w: [String: NDArray], framework: Framework, input: Int) throws(TensorError) -> [String: NDArray] {
        let U = units, R = input + units
        switch framework {
        case .tf: return w
        case .torch:
            throw TensorError("cannot import PyTorch's nn.GRU as a GRUCell: \(Self.resetAfterReason)")
        case .keras:
            if let b = w["bias"], b.ndim == 2 {
                throw TensorError("cannot import Keras's GRU(reset_after=True) (bias of shape \(shapeString(b.shape))) as a GRUCell: \(Self.resetAfterReason)")
            }
            let r = try blocks(input).fromKeras(w)
            var gk = [Float](repeating: 0, count: R * 2 * U), ck = [Float](repeating: 0, count: R * U)
            for row in 0..<R {
                for j in 0..<(2 * U) { gk[row * 2 * U + j] = r.kernel[row * 3 * U + j] }
                for j in 0..<U { ck[row * U + j] = r.kernel[row * 3 * U + 2 * U + j] }
            }
            return ["gates/kernel": ArrayConversion.array(gk, shape: [R, 2 * U]),
                    "gates/bias": ArrayConversion.array(Array(r.bias[0..<(2 * U)]), shape: [2 * U]),
                    "candidate/kernel": ArrayConversion.array(ck, shape: [R, U]),
                    "candidate/bias": ArrayConversion.array(Array(r.bias[(2 * U)...]), shape: [U])]
        }
    }

    func frameworkLayer(_ framework: Framework, input: Int, extra: [String]) throws(TensorError) -> String {
        let more = extra.map { ", " + $0 }.joined()
        switch framework {
        case .tf: return "tf.nn.rnn_cell.GRUCell(\(units)\(more))"
        case .keras: return "keras.layers.GRU(\(units), reset_after=False\(more))"
        case .torch: throw TensorError("cannot export a GRUCell for PyTorch: \(Self.resetAfterReason)")
        }
    }

    func internals(params: UnsafePointer<Float>, x: NDArray, state: [NDArray], input: Int) throws(TensorError) -> CellInternals {
        let batch = x.shape[0], U = units, R = input + units
        let k = GRUKernel()
        k.prepare(SequenceDims(batch: batch, input: input, units: U, steps: 1))
        stageStep(k, x: x, state: state, parts: 1)
        let pg = FloatBuffer(batch * 2 * U), pc = FloatBuffer(batch * U)
        let gk = params, gb = params + R * 2 * U, ck = gb + 2 * U, cb = ck + R * U
        GEMM.sgemm(m: batch, n: 2 * U, k: R, a: k.input(0, 0), lda: R, b: gk, ldb: 2 * U, beta: 0, c: pg.pointer, ldc: 2 * U)
        for b in 0..<batch { for g in 0..<(2 * U) { pg.pointer[b * 2 * U + g] += gb[g] } }
        k.forward(params: params, options: options, forBackward: true)
        GEMM.sgemm(m: batch, n: U, k: R, a: k.xrh.pointer, lda: R, b: ck, ldb: U, beta: 0, c: pc.pointer, ldc: U)
        for b in 0..<batch { for g in 0..<U { pc.pointer[b * U + g] += cb[g] } }
        let preG = ArrayConversion.array(pg.pointer, shape: [batch, 2 * U])
        let actG = ArrayConversion.array(k.gates.pointer, shape: [batch, 2 * U])
        return CellInternals(
            gates: [.init(name: "r", role: "reset gate", formula: "sigmoid(r)", preactivation: columns(preG, 0, U), activation: columns(actG, 0, U)),
                    .init(name: "u", role: "update gate", formula: "sigmoid(u)", preactivation: columns(preG, U, U), activation: columns(actG, U, U)),
                    .init(name: "c", role: "candidate", formula: "tanh(c)", preactivation: ArrayConversion.array(pc.pointer, shape: [batch, U]),
                          activation: ArrayConversion.array(k.cand.pointer, shape: [batch, U]))],
            product: "concat([x, h], 1) \(shapeString([batch, R])) @ gates/kernel \(shapeString([R, 2 * U])) + gates/bias → r, u of \(shapeString([batch, U])); concat([x, r*h], 1) @ candidate/kernel \(shapeString([R, U])) + candidate/bias → c",
            outputs: [("h", "output", "u*h + (1-u)*c", ArrayConversion.array(k.output(0, 0), shape: [batch, U]))],
            units: U)
    }
}

/// `GRUCell` over a sequence. Buffers (time-major): `xh[t]` `[B, I+U]` = `[x_t, h_{t-1}]`,
/// `xrh[t]` = `[x_t, r_t·h_{t-1}]`, `gates[t]` `[B, 2U]` (activated r | u, then their
/// pre-activation gradients), `cand[t]` `[B, U]` (activated c, then its gradient).
final class GRUKernel: HRowActivations, SequenceKernel {
    typealias V = SIMD8<Float>
    let xrh = FloatBuffer(), gates = FloatBuffer(), cand = FloatBuffer(), drh = FloatBuffer()

    func prepare(_ d: SequenceDims) {
        prepareRows(d)
        let rows = d.steps * d.batch
        xrh.ensure(rows * d.rowWidth); gates.ensure(rows * 2 * d.units); cand.ensure(rows * d.units)
        drh.ensure(d.batch * d.units)
    }

    func forward(params: UnsafePointer<Float>, options: CellOptions, forBackward: Bool) {
        let d = dims
        let (B, I, U, T, R) = (d.batch, d.input, d.units, d.steps, d.rowWidth)
        let gk = params, gb = params + R * 2 * U, ck = gb + 2 * U, cb = ck + R * U
        for t in 0..<T {
            let g = gates.pointer + t * B * 2 * U, c = cand.pointer + t * B * U
            GEMM.sgemm(m: B, n: 2 * U, k: R, a: input(t, 0), lda: R, b: gk, ldb: 2 * U, beta: 0, c: g, ldc: 2 * U)
            for b in 0..<B {
                let row = xrh.pointer + (t * B + b) * R
                row.update(from: input(t, b), count: I)
                Self.gatesForward(gates: g + b * 2 * U, bias: gb, hPrev: hIn(t, b), rh: row + I, units: U)
            }
            GEMM.sgemm(m: B, n: U, k: R, a: xrh.pointer + t * B * R, lda: R, b: ck, ldb: U, beta: 0, c: c, ldc: U)
            for b in 0..<B {
                Self.candidateForward(cand: c + b * U, bias: cb, update: g + b * 2 * U + U, hPrev: hIn(t, b),
                                      h: output(t, b), units: U)
            }
        }
    }

    func backward(params: UnsafePointer<Float>, options: CellOptions, grads: UnsafeMutablePointer<Float>,
                  accumulate: Bool, inputGradients: UnsafeMutablePointer<Float>?, needInitialState: Bool,
                  outputGradient: ((Int) -> UnsafePointer<Float>?)?) {
        let d = dims
        let (B, I, U, T, R) = (d.batch, d.input, d.units, d.steps, d.rowWidth)
        let gk = params, ck = params + R * 2 * U + 2 * U
        let dh = self.dh.pointer, dhp = dhNext.pointer
        for t in stride(from: T - 1, through: 0, by: -1) {
            let g = gates.pointer + t * B * 2 * U, c = cand.pointer + t * B * U
            for b in 0..<B {
                Self.outputBackward(gates: g + b * 2 * U, cand: c + b * U, hPrev: hIn(t, b), dh: dh + b * U,
                                    dhPrev: dhp + b * U, units: U)
            }
            // d(r·h) = dc_pre · candidate/kernel[I:]ᵀ
            GEMM.sgemm(transB: true, m: B, n: U, k: U, a: c, lda: U, b: ck + I * U, ldb: U, beta: 0, c: drh.pointer, ldc: U)
            for b in 0..<B {
                Self.resetBackward(gates: g + b * 2 * U, hPrev: hIn(t, b), drh: drh.pointer + b * U,
                                   dhPrev: dhp + b * U, units: U)
            }
            if t > 0 || needInitialState {
                GEMM.sgemm(transB: true, m: B, n: U, k: 2 * U, a: g, lda: 2 * U, b: gk + I * 2 * U, ldb: 2 * U,
                           beta: 1, c: dhp, ldc: U)
                if t > 0, let extra = outputGradient?(t - 1) { FloatLoops.add(extra, into: dhp, count: B * U) }
                dh.update(from: dhp, count: B * U)
            }
        }
        let gkG = grads, gbG = grads + R * 2 * U, ckG = gbG + 2 * U, cbG = ckG + R * U
        GEMM.sgemm(transA: true, m: R, n: 2 * U, k: T * B, a: xh.pointer, lda: R, b: gates.pointer, ldb: 2 * U,
                   beta: accumulate ? 1 : 0, c: gkG, ldc: 2 * U)
        FloatLoops.columnSums(gates.pointer, rows: T * B, columns: 2 * U, into: gbG, accumulate: accumulate)
        GEMM.sgemm(transA: true, m: R, n: U, k: T * B, a: xrh.pointer, lda: R, b: cand.pointer, ldb: U,
                   beta: accumulate ? 1 : 0, c: ckG, ldc: U)
        FloatLoops.columnSums(cand.pointer, rows: T * B, columns: U, into: cbG, accumulate: accumulate)
        if let dx = inputGradients {
            GEMM.sgemm(transB: true, m: T * B, n: I, k: 2 * U, a: gates.pointer, lda: 2 * U, b: gk, ldb: 2 * U,
                       beta: 0, c: dx, ldc: I)
            GEMM.sgemm(transB: true, m: T * B, n: I, k: U, a: cand.pointer, lda: U, b: ck, ldb: U,
                       beta: 1, c: dx, ldc: I)
        }
    }

    // One row of the cell each (as `LSTMLayer.cellForward`): called once per row, with the
    // eight-lane body inlined into its loop (see `Lanes`).

    /// r, u = sigmoid(pre + bias) in place in `gates` (r | u), and r·h_{t-1} into `rh`.
    static func gatesForward(gates g: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>,
                             hPrev: UnsafePointer<Float>, rh: UnsafeMutablePointer<Float>, units U: Int) {
        @inline(__always) func lanes(_ u: Int, _ n: Int) {
            let r = Activations.sigmoid8(Lanes.ld(g + u, n) + Lanes.ld(bias + u, n))
            let z = Activations.sigmoid8(Lanes.ld(g + U + u, n) + Lanes.ld(bias + U + u, n))
            Lanes.st(r, g + u, n); Lanes.st(z, g + U + u, n)
            Lanes.st(r * Lanes.ld(hPrev + u, n), rh + u, n)
        }
        var u = 0
        while u + 8 <= U { lanes(u, 8); u += 8 }
        if u < U { lanes(u, U - u) }
    }

    /// c = tanh(pre + bias) in place in `cand`, and h = u·h_{t-1} + (1 - u)·c.
    static func candidateForward(cand c: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>,
                                 update z: UnsafePointer<Float>, hPrev: UnsafePointer<Float>,
                                 h: UnsafeMutablePointer<Float>, units U: Int) {
        @inline(__always) func lanes(_ u: Int, _ n: Int) {
            let cv = Activations.tanh8(Lanes.ld(c + u, n) + Lanes.ld(bias + u, n))
            Lanes.st(cv, c + u, n)
            let zv = Lanes.ld(z + u, n)
            Lanes.st(zv * Lanes.ld(hPrev + u, n) + (1 - zv) * cv, h + u, n)
        }
        var u = 0
        while u + 8 <= U { lanes(u, 8); u += 8 }
        if u < U { lanes(u, U - u) }
    }

    /// From dh: the candidate's pre-activation gradient (in place in `cand`), the update gate's
    /// (in place in the u half of `gates`), and dh·u, the direct part of dh_{t-1}, into `dhPrev`.
    static func outputBackward(gates g: UnsafeMutablePointer<Float>, cand c: UnsafeMutablePointer<Float>,
                               hPrev: UnsafePointer<Float>, dh: UnsafePointer<Float>,
                               dhPrev: UnsafeMutablePointer<Float>, units U: Int) {
        @inline(__always) func lanes(_ u: Int, _ n: Int) {
            let z = Lanes.ld(g + U + u, n), cv = Lanes.ld(c + u, n), dhv = Lanes.ld(dh + u, n)
            let h0 = Lanes.ld(hPrev + u, n)
            let dc = dhv * (1 - z)
            let dz = dhv * (h0 - cv)
            Lanes.st(dc * (1 - cv * cv), c + u, n)
            Lanes.st(dz * z * (1 - z), g + U + u, n)
            Lanes.st(dhv * z, dhPrev + u, n)
        }
        var u = 0
        while u + 8 <= U { lanes(u, 8); u += 8 }
        if u < U { lanes(u, U - u) }
    }

    /// From d(r·h): the reset gate's pre-activation gradient (in place in the r half of
    /// `gates`), and d(r·h)·r added to `dhPrev`.
    static func resetBackward(gates g: UnsafeMutablePointer<Float>, hPrev: UnsafePointer<Float>,
                              drh: UnsafePointer<Float>, dhPrev: UnsafeMutablePointer<Float>, units U: Int) {
        @inline(__always) func lanes(_ u: Int, _ n: Int) {
            let r = Lanes.ld(g + u, n), drv = Lanes.ld(drh + u, n)
            Lanes.st(drv * Lanes.ld(hPrev + u, n) * r * (1 - r), g + u, n)
            Lanes.st(Lanes.ld(dhPrev + u, n) + drv * r, dhPrev + u, n)
        }
        var u = 0
        while u + 8 <= U { lanes(u, 8); u += 8 }
        if u < U { lanes(u, U - u) }
    }
}
