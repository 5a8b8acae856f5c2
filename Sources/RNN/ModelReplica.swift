/// Where each tensor of the model lives in its one flat parameter vector (and in the gradient
/// and Adam buffers of the same layout), so the optimizer is a single vectorised loop:
/// `kernel [I+U, 4U] | bias [4U] | dense W [U, K] | dense b [K]`.
struct ParameterLayout: Equatable, Sendable {
    let input: Int, units: Int, classes: Int
    var kernel: Int { 0 }
    var kernelCount: Int { (input + units) * 4 * units }
    var bias: Int { kernelCount }
    var denseW: Int { bias + 4 * units }
    var denseB: Int { denseW + units * classes }
    var total: Int { denseB + classes }
}

/// The whole model, forward and backward, on a slice of a batch: rows of images `[rows, T·I]`
/// → LSTM over the T rows of each image → dense on the last output → softmax cross-entropy.
/// Each replica owns its activations (reused across batches): one replica per worker thread,
/// each running whole chunks of a batch, so the workers share nothing but the weights.
final class ModelReplica: @unchecked Sendable {
    let layout: ParameterLayout
    let steps: Int
    let act = LSTMActivations()
    let logits = FloatBuffer(), dlogits = FloatBuffer()
    /// The gradient buffer of single-replica work (`Model.gradients`); training chunks write
    /// into the model's per-chunk buffers instead.
    let grads: FloatBuffer
    /// Evaluation rows converted to float32 by this replica's worker.
    let staged = FloatBuffer()

    init(layout: ParameterLayout, steps: Int) {
        self.layout = layout; self.steps = steps
        grads = FloatBuffer(layout.total)
    }

    private func weights(_ params: UnsafePointer<Float>, forgetBias: Float) -> LSTMWeightsView {
        LSTMWeightsView(kernel: params + layout.kernel, bias: params + layout.bias, forgetBias: forgetBias)
    }

    /// Forward pass of `rows` images (each `steps·input` floats, row-major `[T, I]`) into `logits`.
    /// `initial` (c0, h0, each `[rows, U]`) defaults to the zero state.
    /// `forBackward: false` (evaluation) skips keeping what only backpropagation needs.
    func forward(params: UnsafePointer<Float>, forgetBias: Float, images: UnsafePointer<Float>, rows: Int,
                 initial: (c: UnsafePointer<Float>, h: UnsafePointer<Float>)? = nil, forBackward: Bool = true) {
        let (I, U, K, T) = (layout.input, layout.units, layout.classes, steps)
        act.prepare(LSTMDims(batch: rows, input: I, units: U, steps: T))
        logits.ensure(rows * K)
        for t in 0..<T {
            for b in 0..<rows { act.x(t, b).update(from: images + (b * T + t) * I, count: I) }
        }
        if let s = initial {
            act.cell(after: -1, 0).update(from: s.c, count: rows * U)
            for b in 0..<rows { act.hIn(0, b).update(from: s.h + b * U, count: U) }
        } else {
            act.cell(after: -1, 0).update(repeating: 0, count: rows * U)
            for b in 0..<rows { act.hIn(0, b).update(repeating: 0, count: U) }
        }
        LSTMLayer.forward(weights(params, forgetBias: forgetBias), act, forBackward: forBackward)
        DenseLayer.forward(x: act.hLast.pointer, w: params + layout.denseW, b: params + layout.denseB,
                           out: logits.pointer, batch: rows, inputs: U, outputs: K)
    }

    /// Forward and backward on `rows` rows of a batch of `total`: writes these rows' share of
    /// the gradient of the batch-mean loss into `gradients` (default: `grads`) and returns the
    /// summed loss and correct count of these rows.
    /// With `needInitialState`/`inputGradients`, also leaves dL/dc0, dL/dh0 in `act.dc`/`act.dh`
    /// and fills `inputGradients` (`[T, rows, I]`).
    func trainSlice(params: UnsafePointer<Float>, forgetBias: Float, images: UnsafePointer<Float>,
                    targets: UnsafePointer<Float>, rows: Int, total: Int,
                    initial: (c: UnsafePointer<Float>, h: UnsafePointer<Float>)? = nil,
                    needInitialState: Bool = false,
                    inputGradients: UnsafeMutablePointer<Float>? = nil,
                    gradients: UnsafeMutablePointer<Float>? = nil) -> SoftmaxCrossEntropy.Result {
        let (U, K) = (layout.units, layout.classes)
        forward(params: params, forgetBias: forgetBias, images: images, rows: rows, initial: initial)
        dlogits.ensure(rows * K)
        let r = SoftmaxCrossEntropy.forwardBackward(logits: logits.pointer, labels: targets, dlogits: dlogits.pointer,
                                                    batch: rows, meanOver: total, classes: K)
        let g = gradients ?? grads.pointer
        DenseLayer.backward(x: act.hLast.pointer, w: params + layout.denseW, dout: dlogits.pointer,
                            dw: g + layout.denseW, db: g + layout.denseB, dx: act.dh.pointer,
                            accumulate: false, batch: rows, inputs: U, outputs: K)
        act.dc.zero(rows * U)
        LSTMLayer.backward(weights(params, forgetBias: forgetBias), act,
                           LSTMGradientsView(kernel: g + layout.kernel, bias: g + layout.bias,
                                             accumulate: false, inputs: inputGradients),
                           needInitialState: needInitialState)
        return r
    }
}
