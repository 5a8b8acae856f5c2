import Tensor

/// Everything backpropagation gives for one batch, without updating anything: for checking
/// against TensorFlow and for the explorer (which pixels and which initial state matter).
public struct ModelGradients: Sendable {
    /// Mean loss of the batch.
    public var loss: Float
    /// dL/dw for every weight, under the names of `Model.weights()`.
    public var weights: [String: NDArray]
    /// dL/dimages, `[N, T, I]`.
    public var inputs: NDArray
    /// dL/dc0 and dL/dh0, `[N, units]` each.
    public var initialState: LSTMState
}

extension Model {
    /// The gradients of the batch-mean loss on `(images, labels)`, optionally from a given
    /// initial state (default zero). Runs on one replica; the weights are not changed.
    public func gradients(images x: NDArray, labels y: NDArray, initialState: LSTMState? = nil)
        throws(TensorError) -> ModelGradients {
        let n = try stageImages(x)
        try stageLabels(y, count: n)
        let (T, I, U) = (config.steps, config.input, config.units)
        let c0 = FloatBuffer(max(n * U, 1)), h0 = FloatBuffer(max(n * U, 1))
        if let s = initialState {
            try ArrayConversion.expect(s.c, shape: [n, U], "initial c")
            try ArrayConversion.expect(s.h, shape: [n, U], "initial h")
            ArrayConversion.copy(s.c, into: c0.pointer)
            ArrayConversion.copy(s.h, into: h0.pointer)
        }
        let dx = FloatBuffer(max(T * n * I, 1))
        let rep = replicas[0]
        let r = BLASThreads.exclusively(threads: config.parallelism == .blas ? config.threads : 1) { rep.trainSlice(params: params.pointer, forgetBias: config.forgetBias, images: images.pointer,
                               targets: targets.pointer, rows: n, total: n,
                               initial: initialState == nil ? nil : (UnsafePointer(c0.pointer), UnsafePointer(h0.pointer)),
                               needInitialState: true, inputGradients: dx.pointer) }
        // dx is time-major [T, N, I]; report it per image, [N, T, I].
        let perImage = FloatBuffer(max(T * n * I, 1))
        for t in 0..<T {
            for b in 0..<n { (perImage.pointer + (b * T + t) * I).update(from: dx.pointer + (t * n + b) * I, count: I) }
        }
        let l = layout, g = rep.grads.pointer
        return ModelGradients(
            loss: r.loss / Float(max(n, 1)),
            weights: [
                Model.kernelName: ArrayConversion.array(g + l.kernel, shape: [I + U, 4 * U]),
                Model.biasName: ArrayConversion.array(g + l.bias, shape: [4 * U]),
                Model.denseWeightsName: ArrayConversion.array(g + l.denseW, shape: [U, l.classes]),
                Model.denseBiasName: ArrayConversion.array(g + l.denseB, shape: [l.classes]),
            ],
            inputs: ArrayConversion.array(perImage.pointer, shape: [n, T, I]),
            initialState: LSTMState(c: ArrayConversion.array(rep.act.dc.pointer, shape: [n, U]),
                                    h: ArrayConversion.array(rep.act.dh.pointer, shape: [n, U])))
    }
}
