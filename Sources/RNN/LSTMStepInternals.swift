import Tensor

/// One step of a cell with what it computed on the way, for the explorer's `gates` view:
/// the gate pre-activations `concat([x, h], 1) @ kernel + bias` and their activations, the new
/// `c` and `h`. Computed by the engine's own forward pass (the same GEMMs and activation code
/// as `step`), so the values are exactly those a step produces.
public struct LSTMStepInternals: Sendable {
    /// `(batch, 4·units)` float32: `concat([x, h]) @ kernel + bias`, columns `i | j | f | o`
    /// (`forget_bias` not yet added).
    public var preactivations: NDArray
    /// `(batch, 4·units)`: `σ(i) | tanh(j) | σ(f + forget_bias) | σ(o)`.
    public var activations: NDArray
    public var c: NDArray
    public var h: NDArray
    public var forgetBias: Float
    public var units: Int
}

extension LSTMCell {
    /// `step(x, state)` keeping the gates (a zero state when `state` is nil). Binds the input
    /// size on first use, like `step`.
    public func stepInternals(_ x: NDArray, state: LSTMState?) throws(TensorError) -> LSTMStepInternals {
        guard x.ndim == 2 else {
            throw TensorError("each input must be 2-D (batch, input), got shape \(shapeString(x.shape))")
        }
        let (batch, width) = (x.shape[0], x.shape[1])
        try build(inputSize: width)
        if let s = state {
            try ArrayConversion.expect(s.c, shape: [batch, units], "state c")
            try ArrayConversion.expect(s.h, shape: [batch, units], "state h")
        }
        let d = LSTMDims(batch: batch, input: width, units: units, steps: 1)
        _ = try Limits.checkAllocation([batch, d.rowWidth + 2 * d.gateWidth + 2 * d.units], .float32)
        let a = LSTMActivations()
        a.prepare(d)
        stage([x], initialState: state, into: a, batch: batch, width: width)
        let (G, R) = (d.gateWidth, d.rowWidth)
        let pre = FloatBuffer(batch * G)
        withWeights { kp, bp in
            // The forward pass's own product: [x, h] · kernel in one GEMM.
            GEMM.sgemm(m: batch, n: G, k: R, a: a.xh.pointer, lda: R, b: kp, ldb: G, beta: 0, c: pre.pointer, ldc: G)
            for b in 0..<batch {
                for g in 0..<G { pre.pointer[b * G + g] += bp[g] }
            }
            LSTMLayer.forward(LSTMWeightsView(kernel: kp, bias: bp, forgetBias: forgetBias), a)
        }
        return LSTMStepInternals(
            preactivations: ArrayConversion.array(pre.pointer, shape: [batch, G]),
            activations: ArrayConversion.array(a.gates.pointer, shape: [batch, G]),
            c: ArrayConversion.array(a.cell(after: 0, 0), shape: [batch, units]),
            h: ArrayConversion.array(a.output(0, 0), shape: [batch, units]),
            forgetBias: forgetBias, units: units)
    }
}
