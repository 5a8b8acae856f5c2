import Tensor

/// Everything backpropagation gives for one batch, without updating anything: for checking
/// against TensorFlow and for the explorer (which pixels and which initial state matter).
public struct ModelGradients: Sendable {
    /// Mean loss of the batch.
    public var loss: Float
    /// dL/dw for every weight, under the names of `Model.weights()`.
    public var weights: [String: NDArray]
    /// dL/dimages, `[N, T, I]` (step-major per image, in the model's sequence order).
    public var inputs: NDArray
    /// dL/d(initial state) of the first layer's forward cell, each part `[N, units]`.
    public var initialState: CellState
}

extension Model {
    /// The gradients of the batch-mean loss on `(images, labels)`, optionally from a given
    /// initial state of the first layer's forward cell (default zero). Runs on one replica
    /// without dropout; the weights are not changed.
    ///
    /// `dropout` gives the DropoutWrapper masks to apply (for checking dropout against TF with
    /// the same masks): per cell (layer · directions + direction) its inputs' `[T, N, in]` and
    /// outputs' `[T, N, U]` multipliers (0 or 1/keep_prob), in the cell's own time order.
    public func gradients(images x: NDArray, labels y: NDArray, initialState: CellState? = nil,
                          dropout: (inputs: [NDArray], outputs: [NDArray])? = nil)
        throws(TensorError) -> ModelGradients {
        let n = try stageImages(x)
        try stageLabels(y, count: n)
        let (T, I, U) = (config.steps, config.input, config.units)
        let parts = config.cell.stateNames.count
        let state = (0..<parts).map { _ in FloatBuffer(max(n * U, 1)) }
        if let s = initialState {
            guard s.parts.count == parts else { throw TensorError("the initial state needs \(parts) parts") }
            for (p, a) in s.parts.enumerated() {
                try ArrayConversion.expect(a, shape: [n, U], "initial \(config.cell.stateNames[p])")
                ArrayConversion.copy(a, into: state[p].pointer)
            }
        }
        let dx = FloatBuffer(max(T * n * I, 1))
        var masks: DropoutMasks?
        var maskBuffers: [FloatBuffer] = []
        if let d = dropout {
            guard d.inputs.count == layout.slots.count, d.outputs.count == layout.slots.count else {
                throw TensorError("dropout needs \(layout.slots.count) input and output masks (one per cell)")
            }
            for (slot, (mi, mo)) in zip(layout.slots, zip(d.inputs, d.outputs)) {
                try ArrayConversion.expect(mi, shape: [T, n, slot.input], "input mask")
                try ArrayConversion.expect(mo, shape: [T, n, U], "output mask")
            }
            maskBuffers = (d.inputs + d.outputs).map { a in
                let b = FloatBuffer(a.size)
                ArrayConversion.copy(a, into: b.pointer)
                return b
            }
            let k = layout.slots.count
            masks = DropoutMasks(inputs: maskBuffers[0..<k].map { UnsafePointer($0.pointer) },
                                 outputs: maskBuffers[k...].map { UnsafePointer($0.pointer) }, rows: n, start: 0)
        }
        let rep = replicas[0]
        // `masks` points into `maskBuffers`, which must live until the run returns.
        let r = withExtendedLifetime(maskBuffers) {
            BLASThreads.exclusively(threads: config.parallelism == .blas ? config.threads : 1) {
                rep.trainSlice(params: params.pointer, images: images.pointer, targets: targets.pointer, rows: n, total: n,
                               initial: initialState == nil ? nil : state.map { UnsafePointer($0.pointer) },
                               needInitialState: true, inputGradients: dx.pointer, dropout: masks)
            }
        }
        // dx is time-major [T, N, I]; report it per image, [N, T, I].
        let perImage = FloatBuffer(max(T * n * I, 1))
        for t in 0..<T {
            for b in 0..<n { (perImage.pointer + (b * T + t) * I).update(from: dx.pointer + (t * n + b) * I, count: I) }
        }
        var weights: [String: NDArray] = [:]
        var offset = 0
        for v in variables {
            weights[v.name] = ArrayConversion.array(rep.grads.pointer + offset, shape: v.shape)
            offset += v.count
        }
        let first = rep.first
        return ModelGradients(
            loss: r.loss / Float(max(n, 1)),
            weights: weights,
            inputs: ArrayConversion.array(perImage.pointer, shape: [n, T, I]),
            initialState: CellState((0..<parts).map { ArrayConversion.array(first.stateGradient($0), shape: [n, U]) }))
    }
}
