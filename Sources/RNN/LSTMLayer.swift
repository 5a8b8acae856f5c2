/// The LSTM over a whole sequence, forward and backward side by side (like llm.c's
/// train_gpt2.c), on raw float buffers. TF1 `BasicLSTMCell` semantics:
///
///     gates = [x_t, h_{t-1}] · kernel + bias          kernel [I+U, 4U], split i | j | f | o
///     c_t   = c_{t-1} · σ(f + forget_bias) + σ(i) · tanh(j)
///     h_t   = tanh(c_t) · σ(o)
///
/// Shaped for big matrix products: the kernel gradient summed over all timesteps is one GEMM
/// (`[x,h]ᵀ · dgates`, `[I+U, T·B] · [T·B, 4U]`), the input gradients of all timesteps are one
/// GEMM, and only the recurrent parts are done step by step. Forward, each step is one product
/// `[x_t, h_{t-1}] · kernel` (`[B, I+U] · [I+U, 4U]`): measured on this machine, projecting the
/// inputs of all timesteps in one `[T·B, I] · [I, 4U]` product first and adding
/// `h_{t-1} · kernel[I:]` per step cost 8–10% more CPU per batch (the projection's K = 28 is too
/// thin to run near peak, and its 3.6 MB result is zeroed, written and re-read from memory,
/// where the per-step product's 128 KB stays in cache).
///
/// Layout (time-major, row-major, all in `LSTMActivations`):
/// - `xh[t]`   `[B, I+U]`: the row `[x_t, h_{t-1}]`, exactly the rows the kernel multiplies; the
///   cell writes `h_t` straight into the `h` half of `xh[t+1]` (the last `h` goes to `hLast`),
///   so the kernel gradient needs no gathering.
/// - `gates[t]` `[B, 4U]`: pre-activations, then (after the forward pass) the activated
///   `σ(i), tanh(j), σ(f+fb), σ(o)`, then (after the backward pass) the pre-activation gradients.
/// - `c[t]` `[B, U]` for t = 0…T (c[0] is the initial state), `tc[t] = tanh(c_{t+1})`.
struct LSTMDims: Equatable, Sendable {
    var batch: Int, input: Int, units: Int, steps: Int
    var rowWidth: Int { input + units }
    var gateWidth: Int { 4 * units }
}

/// The activations of one sequence kept for backpropagation; reused across batches.
final class LSTMActivations: @unchecked Sendable {
    let xh = FloatBuffer(), gates = FloatBuffer(), c = FloatBuffer(), tc = FloatBuffer()
    let hLast = FloatBuffer()
    /// Running gradients of h and c while stepping back in time.
    let dh = FloatBuffer(), dc = FloatBuffer()
    private(set) var dims = LSTMDims(batch: 0, input: 0, units: 0, steps: 0)

    /// Sizes the buffers for `dims` (growing only); contents are unspecified.
    func prepare(_ d: LSTMDims) {
        dims = d
        let rows = d.steps * d.batch
        xh.ensure(rows * d.rowWidth)
        gates.ensure(rows * d.gateWidth)
        c.ensure((d.steps + 1) * d.batch * d.units)
        tc.ensure(rows * d.units)
        hLast.ensure(d.batch * d.units)
        dh.ensure(d.batch * d.units)
        dc.ensure(d.batch * d.units)
    }

    /// Where the input `x_t` of row `b` goes (I floats).
    func x(_ t: Int, _ b: Int) -> UnsafeMutablePointer<Float> {
        xh.pointer + (t * dims.batch + b) * dims.rowWidth
    }
    /// `h_{t-1}` of row `b` as the cell reads it (U floats): for t = 0 the initial state.
    func hIn(_ t: Int, _ b: Int) -> UnsafeMutablePointer<Float> {
        xh.pointer + (t * dims.batch + b) * dims.rowWidth + dims.input
    }
    /// The output `h_t` of row `b` (U floats), t in 0..<steps.
    func output(_ t: Int, _ b: Int) -> UnsafeMutablePointer<Float> {
        t == dims.steps - 1 ? hLast.pointer + b * dims.units : hIn(t + 1, b)
    }
    /// `c_t` after step t (t = -1 is the initial state), row `b`.
    func cell(after t: Int, _ b: Int) -> UnsafeMutablePointer<Float> {
        c.pointer + ((t + 1) * dims.batch + b) * dims.units
    }
}

/// The weights the layer reads: `kernel` [I+U, 4U] and `bias` [4U], TF layout.
struct LSTMWeightsView {
    var kernel: UnsafePointer<Float>
    var bias: UnsafePointer<Float>
    var forgetBias: Float
}

/// Where the backward pass puts its results.
struct LSTMGradientsView {
    var kernel: UnsafeMutablePointer<Float>     // [I+U, 4U]
    var bias: UnsafeMutablePointer<Float>       // [4U]
    /// Add to the gradients already there (summing over several sequences) instead of replacing.
    var accumulate: Bool = false
    /// If set, receives the gradient of every input `x_t`: `[T, B, I]`.
    var inputs: UnsafeMutablePointer<Float>? = nil
}

enum LSTMLayer {
    typealias V = SIMD8<Float>

    // MARK: forward

    /// Runs all steps. The caller has written every `x_t` into `a.xh`, `h_{-1}` into `a.hIn(0, b)`
    /// and `c_{-1}` into `a.cell(after: -1, b)`. With `forBackward: false` (inference) the
    /// activated gates and tanh(c) are not kept, which saves five of the seven stores per unit,
    /// and `a.gates` holds the last step's pre-activations only.
    static func forward(_ w: LSTMWeightsView, _ a: LSTMActivations, forBackward: Bool = true) {
        let d = a.dims
        let (B, U, T, R, G) = (d.batch, d.units, d.steps, d.rowWidth, d.gateWidth)
        for t in 0..<T {
            // gates_t = [x_t, h_{t-1}] · kernel: the row already holds both halves. Inference
            // needs one step's gates at a time, so every step uses step 0's: a large batch then
            // touches (page-faults in) 1/T of the gates buffer.
            let g = a.gates.pointer + (forBackward ? t * B * G : 0)
            GEMM.sgemm(m: B, n: G, k: R, a: a.xh.pointer + t * B * R, lda: R, b: w.kernel, ldb: G,
                       beta: 0, c: g, ldc: G)
            forEachRowRange(B) { rows in
                if forBackward {
                    for b in rows {
                        cellForward(gates: g + b * G, bias: w.bias, forgetBias: w.forgetBias,
                                    cPrev: a.cell(after: t - 1, b), c: a.cell(after: t, b),
                                    tanhC: a.tc.pointer + (t * B + b) * U, h: a.output(t, b), units: U, keep: true)
                    }
                } else {
                    for b in rows {
                        cellForward(gates: g + b * G, bias: w.bias, forgetBias: w.forgetBias,
                                    cPrev: a.cell(after: t - 1, b), c: a.cell(after: t, b),
                                    tanhC: a.tc.pointer + (t * B + b) * U, h: a.output(t, b), units: U, keep: false)
                    }
                }
            }
        }
    }

    /// Runs `body` over `0..<rows` in contiguous ranges: on the worker pool when products are
    /// split over several threads (`BLASThreads.current`, e.g. the shell's `unroll` of a large
    /// batch), else in one call. Rows are independent, so the result is the same either way.
    @inline(__always)
    static func forEachRowRange(_ rows: Int, _ body: (Range<Int>) -> Void) {
        let threads = BLASThreads.current
        // Below ~64 rows a step's cell work (~10 µs) is too short to hand off.
        guard threads > 1, rows >= 64 else { body(0..<rows); return }
        let parts = min(threads, rows / 32)
        WorkerPool.shared.run(tasks: parts, workers: threads) { part, _ in
            body((part * rows / parts)..<((part + 1) * rows / parts))
        }
    }

    /// One row of the cell: activates the gates in place and writes c, tanh(c) and h.
    @inline(__always)
    static func cellForward(gates g: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, forgetBias: Float,
                            cPrev: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
                            tanhC: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, units U: Int,
                            keep: Bool = true) {
        let fb = V(repeating: forgetBias)
        var u = 0
        while u + 8 <= U {
            let i = Activations.sigmoid8(Activations.load(g + u) + Activations.load(bias + u))
            let j = Activations.tanh8(Activations.load(g + U + u) + Activations.load(bias + U + u))
            let f = Activations.sigmoid8(Activations.load(g + 2 * U + u) + Activations.load(bias + 2 * U + u) + fb)
            let o = Activations.sigmoid8(Activations.load(g + 3 * U + u) + Activations.load(bias + 3 * U + u))
            let cv = Activations.load(cPrev + u) * f + i * j
            let tcv = Activations.tanh8(cv)
            if keep {
                Activations.store(i, g + u); Activations.store(j, g + U + u)
                Activations.store(f, g + 2 * U + u); Activations.store(o, g + 3 * U + u)
                Activations.store(tcv, tanhC + u)
            }
            Activations.store(cv, c + u)
            Activations.store(tcv * o, h + u)
            u += 8
        }
        if u < U {
            let n = U - u
            let i = Activations.sigmoid8(Activations.loadPartial(g + u, n) + Activations.loadPartial(bias + u, n))
            let j = Activations.tanh8(Activations.loadPartial(g + U + u, n) + Activations.loadPartial(bias + U + u, n))
            let f = Activations.sigmoid8(Activations.loadPartial(g + 2 * U + u, n) + Activations.loadPartial(bias + 2 * U + u, n) + fb)
            let o = Activations.sigmoid8(Activations.loadPartial(g + 3 * U + u, n) + Activations.loadPartial(bias + 3 * U + u, n))
            let cv = Activations.loadPartial(cPrev + u, n) * f + i * j
            let tcv = Activations.tanh8(cv)
            Activations.storePartial(i, g + u, n); Activations.storePartial(j, g + U + u, n)
            Activations.storePartial(f, g + 2 * U + u, n); Activations.storePartial(o, g + 3 * U + u, n)
            Activations.storePartial(cv, c + u, n); Activations.storePartial(tcv, tanhC + u, n)
            Activations.storePartial(tcv * o, h + u, n)
        }
    }

    // MARK: backward

    /// Backpropagation through time after `forward`. On entry `a.dh` holds dL/dh_T (the last
    /// output's gradient; zero it if the loss does not use it) and `a.dc` dL/dc_T (usually zero).
    /// `outputGradient(t)`, if given, returns dL/dh_t for earlier outputs (nil where none).
    /// On exit `a.dh` and `a.dc` hold the gradients of the initial state, `g.kernel`/`g.bias`
    /// the weight gradients and `g.inputs` (if set) the input gradients.
    /// `needInitialState: false` skips the last recurrent product (the model does not need it).
    static func backward(_ w: LSTMWeightsView, _ a: LSTMActivations, _ grads: LSTMGradientsView,
                         needInitialState: Bool,
                         outputGradient: ((Int) -> UnsafePointer<Float>?)? = nil) {
        let d = a.dims
        let (B, I, U, T, R, G) = (d.batch, d.input, d.units, d.steps, d.rowWidth, d.gateWidth)
        let recurrent = w.kernel + I * G
        let dh = a.dh.pointer, dc = a.dc.pointer
        for t in stride(from: T - 1, through: 0, by: -1) {
            let g = a.gates.pointer + t * B * G
            for b in 0..<B {
                cellBackward(gates: g + b * G, cPrev: a.cell(after: t - 1, b),
                             tanhC: a.tc.pointer + (t * B + b) * U,
                             dh: dh + b * U, dc: dc + b * U, units: U)
            }
            if t > 0 || needInitialState {
                // dh_{t-1} = dgates_t · kernel[I:]ᵀ (+ the loss's own gradient of output t-1).
                GEMM.sgemm(transB: true, m: B, n: U, k: G, a: g, lda: G, b: recurrent, ldb: G,
                           beta: 0, c: dh, ldc: U)
                if t > 0, let extra = outputGradient?(t - 1) {
                    for k in 0..<(B * U) { dh[k] += extra[k] }
                }
            }
        }
        // Weight gradients summed over all timesteps: one product each.
        GEMM.sgemm(transA: true, m: R, n: G, k: T * B, a: a.xh.pointer, lda: R, b: a.gates.pointer, ldb: G,
                   beta: grads.accumulate ? 1 : 0, c: grads.kernel, ldc: G)
        FloatLoops.columnSums(a.gates.pointer, rows: T * B, columns: G, into: grads.bias, accumulate: grads.accumulate)
        if let dx = grads.inputs {
            GEMM.sgemm(transB: true, m: T * B, n: I, k: G, a: a.gates.pointer, lda: G, b: w.kernel, ldb: G,
                       beta: 0, c: dx, ldc: I)
        }
    }

    /// One row of the cell backwards: turns the activated gates into pre-activation gradients
    /// in place, and `dc` into the gradient of the previous cell state.
    @inline(__always)
    static func cellBackward(gates g: UnsafeMutablePointer<Float>, cPrev: UnsafePointer<Float>,
                             tanhC: UnsafePointer<Float>, dh: UnsafePointer<Float>,
                             dc: UnsafeMutablePointer<Float>, units U: Int) {
        @inline(__always)
        func kernel(_ i: V, _ j: V, _ f: V, _ o: V, _ cp: V, _ tcv: V, _ dhv: V, _ dcv: V)
            -> (V, V, V, V, V) {
            let dct = dcv + dhv * o * (1 - tcv * tcv)
            let di = dct * j * i * (1 - i)
            let dj = dct * i * (1 - j * j)
            let df = dct * cp * f * (1 - f)
            let dO = dhv * tcv * o * (1 - o)
            return (di, dj, df, dO, dct * f)
        }
        var u = 0
        while u + 8 <= U {
            let r = kernel(Activations.load(g + u), Activations.load(g + U + u), Activations.load(g + 2 * U + u),
                           Activations.load(g + 3 * U + u), Activations.load(cPrev + u), Activations.load(tanhC + u),
                           Activations.load(dh + u), Activations.load(dc + u))
            Activations.store(r.0, g + u); Activations.store(r.1, g + U + u)
            Activations.store(r.2, g + 2 * U + u); Activations.store(r.3, g + 3 * U + u)
            Activations.store(r.4, dc + u)
            u += 8
        }
        if u < U {
            let n = U - u
            let r = kernel(Activations.loadPartial(g + u, n), Activations.loadPartial(g + U + u, n),
                           Activations.loadPartial(g + 2 * U + u, n), Activations.loadPartial(g + 3 * U + u, n),
                           Activations.loadPartial(cPrev + u, n), Activations.loadPartial(tanhC + u, n),
                           Activations.loadPartial(dh + u, n), Activations.loadPartial(dc + u, n))
            Activations.storePartial(r.0, g + u, n); Activations.storePartial(r.1, g + U + u, n)
            Activations.storePartial(r.2, g + 2 * U + u, n); Activations.storePartial(r.3, g + 3 * U + u, n)
            Activations.storePartial(r.4, dc + u, n)
        }
    }
}
