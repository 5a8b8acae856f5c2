/// Dropout masks of one batch (TF1 `DropoutWrapper` semantics: each element kept with
/// probability keep_prob and then scaled by 1/keep_prob, a fresh draw every step), for every
/// layer and direction: the cell's inputs `[T, N, in]` and outputs `[T, N, U]`, time-major in the
/// cell's own time order, over the whole batch of N rows.
struct DropoutMasks {
    /// `inputs[slot]`, `outputs[slot]` (slot = layer · directions + direction).
    var inputs: [UnsafePointer<Float>]
    var outputs: [UnsafePointer<Float>]
    /// The batch's rows and where this replica's slice starts.
    var rows: Int, start: Int
}

/// The whole model, forward and backward, on a slice of a batch: rows of images `[rows, T·I]`
/// → every layer's cells over the T steps (the backward direction reads the steps reversed; a
/// layer's outputs, directions concatenated, are the next layer's inputs) → dense on the last
/// outputs → softmax cross-entropy. Each replica owns its cells' kernels and buffers (reused
/// across batches), so two replicas can work on the two halves of a batch on the two cores.
final class ModelReplica: @unchecked Sendable {
    let layout: ParameterLayout
    let steps: Int
    let order: SequenceOrder
    let cellOptions: CellOptions
    /// `kernels[layer][direction]`.
    let kernels: [[SequenceKernel]]
    /// A layer's outputs `[T, rows, D·U]` (original time order), the next layer's input; and
    /// the gradient with respect to them.
    let sequence = FloatBuffer(), dSequence = FloatBuffer()
    /// Per direction: dL/d(outputs) `[T, rows, U]` in the cell's time order, and the input
    /// gradients `[T, rows, in]`.
    let dOutputs: [FloatBuffer], dInputs: [FloatBuffer]
    /// The dense layer's input `[rows, D·U]` and its gradient.
    let last = FloatBuffer(), dLast = FloatBuffer()
    let logits = FloatBuffer(), dlogits = FloatBuffer()
    /// The gradient buffer of single-replica work (`Model.gradients`); training chunks write
    /// into the model's per-chunk buffers instead.
    let grads: FloatBuffer
    /// Evaluation rows converted to float32 by this replica's worker.
    let staged = FloatBuffer()

    init(layout: ParameterLayout, steps: Int, cell: any RecurrentCell, order: SequenceOrder) {
        self.layout = layout; self.steps = steps; self.order = order
        cellOptions = cell.options
        stateParts = cell.stateNames.count
        kernels = (0..<layout.layers).map { _ in (0..<layout.directions).map { _ in cell.makeKernel() } }
        dOutputs = (0..<layout.directions).map { _ in FloatBuffer() }
        dInputs = (0..<layout.directions).map { _ in FloatBuffer() }
        grads = FloatBuffer(layout.total)
    }

    /// The first layer's forward cell (its kernel holds the activations the explorer reads).
    var first: SequenceKernel { kernels[0][0] }

    /// Forward pass of `rows` images (each `steps·input` floats, row-major) into `logits`.
    /// `initial` (the first layer's forward cell's state parts, each `[rows, U]`) defaults to
    /// zeros. `forBackward: false` (evaluation) skips keeping what only backpropagation needs.
    func forward(params: UnsafePointer<Float>, images: UnsafePointer<Float>, rows: Int,
                 initial: [UnsafePointer<Float>]? = nil, forBackward: Bool = true, dropout: DropoutMasks? = nil) {
        let (I, U, K, T, D) = (layout.input, layout.units, layout.classes, steps, layout.directions)
        let F = D * U
        logits.ensure(rows * K)
        last.ensure(rows * F)
        for l in 0..<layout.layers {
            let width = l == 0 ? I : F
            if l > 0 { swapSequenceIn(rows: rows) }
            for d in 0..<D {
                let k = kernels[l][d], slot = layout.slot(l, d)
                k.prepare(SequenceDims(batch: rows, input: width, units: U, steps: T))
                for t in 0..<T {
                    let s = d == 0 ? t : T - 1 - t
                    for b in 0..<rows {
                        let dst = k.input(t, b)
                        if l == 0 {
                            let img = images + b * T * I
                            switch order {
                            case .rows: dst.update(from: img + s * I, count: I)
                            case .columns: for i in 0..<I { dst[i] = img[i * T + s] }
                            }
                        } else {
                            dst.update(from: previous.pointer + (s * rows + b) * F, count: F)
                        }
                        if let m = dropout {
                            let mask = m.inputs[l * D + d] + (t * m.rows + m.start + b) * width
                            for i in 0..<width { dst[i] *= mask[i] }
                        }
                    }
                }
                let parts = k === first ? (initial?.count ?? 0) : 0
                for p in 0..<max(stateParts, 1) {
                    for b in 0..<rows {
                        if p < parts, let src = initial?[p] {
                            k.initialState(p, b).update(from: src + b * U, count: U)
                        } else {
                            k.initialState(p, b).update(repeating: 0, count: U)
                        }
                    }
                }
                k.forward(params: params + slot.offset, options: cellOptions, forBackward: forBackward)
                let top = l == layout.layers - 1
                if top {
                    for b in 0..<rows {
                        let dst = last.pointer + b * F + d * U
                        dst.update(from: k.output(T - 1, b), count: U)
                        if let m = dropout {
                            let mask = m.outputs[l * D + d] + ((T - 1) * m.rows + m.start + b) * U
                            for u in 0..<U { dst[u] *= mask[u] }
                        }
                    }
                } else {
                    sequence.ensure(T * rows * F)
                    for t in 0..<T {
                        let s = d == 0 ? t : T - 1 - t
                        for b in 0..<rows {
                            let dst = sequence.pointer + (s * rows + b) * F + d * U
                            dst.update(from: k.output(t, b), count: U)
                            if let m = dropout {
                                let mask = m.outputs[l * D + d] + (t * m.rows + m.start + b) * U
                                for u in 0..<U { dst[u] *= mask[u] }
                            }
                        }
                    }
                }
            }
        }
        DenseLayer.forward(x: last.pointer, w: params + layout.denseW, b: params + layout.denseB,
                           out: logits.pointer, batch: rows, inputs: F, outputs: K)
    }

    /// The number of state parts of the cells (all layers use the same kind).
    let stateParts: Int
    /// The previous layer's outputs while the next layer reads them.
    private let previous = FloatBuffer()
    private func swapSequenceIn(rows: Int) {
        let n = steps * rows * layout.features
        previous.ensure(n)
        previous.pointer.update(from: sequence.pointer, count: n)
    }

    /// Forward and backward on `rows` rows of a batch of `total`: writes these rows' share of
    /// the gradient of the batch-mean loss into `gradients` (default: `grads`) and returns the
    /// summed loss and correct count of these rows.
    /// With `needInitialState`/`inputGradients`, also leaves the gradients of the first cell's
    /// initial state in its `stateGradient`s and fills `inputGradients` (`[T, rows, I]`, the
    /// first layer's inputs in original time order).
    func trainSlice(params: UnsafePointer<Float>, images: UnsafePointer<Float>,
                    targets: UnsafePointer<Float>, rows: Int, total: Int,
                    initial: [UnsafePointer<Float>]? = nil,
                    needInitialState: Bool = false,
                    inputGradients: UnsafeMutablePointer<Float>? = nil,
                    gradients: UnsafeMutablePointer<Float>? = nil,
                    dropout: DropoutMasks? = nil) -> SoftmaxCrossEntropy.Result {
        let (I, U, K, T, D) = (layout.input, layout.units, layout.classes, steps, layout.directions)
        let F = D * U
        forward(params: params, images: images, rows: rows, initial: initial, dropout: dropout)
        dlogits.ensure(rows * K)
        dLast.ensure(rows * F)
        let r = SoftmaxCrossEntropy.forwardBackward(logits: logits.pointer, labels: targets, dlogits: dlogits.pointer,
                                                    batch: rows, meanOver: total, classes: K)
        let g = gradients ?? grads.pointer
        DenseLayer.backward(x: last.pointer, w: params + layout.denseW, dout: dlogits.pointer,
                            dw: g + layout.denseW, db: g + layout.denseB, dx: dLast.pointer,
                            accumulate: false, batch: rows, inputs: F, outputs: K)
        for l in stride(from: layout.layers - 1, through: 0, by: -1) {
            let top = l == layout.layers - 1
            let width = l == 0 ? I : F
            // Each direction's output gradients, in its own time order (dropout masks applied).
            for d in 0..<D {
                let k = kernels[l][d]
                for p in 0..<stateParts { k.stateGradient(p).update(repeating: 0, count: rows * U) }
                let dh = k.stateGradient(stateParts - 1)
                if top {
                    for b in 0..<rows { (dh + b * U).update(from: dLast.pointer + b * F + d * U, count: U) }
                    if let m = dropout { applyMask(m.outputs[l * D + d], m, t: T - 1, width: U, to: dh, rows: rows) }
                } else {
                    let out = dOutputs[d]
                    out.ensure(T * rows * U)
                    for t in 0..<T {
                        let s = d == 0 ? t : T - 1 - t
                        for b in 0..<rows {
                            (out.pointer + (t * rows + b) * U).update(from: dSequence.pointer + (s * rows + b) * F + d * U, count: U)
                        }
                        if let m = dropout { applyMask(m.outputs[l * D + d], m, t: t, width: U, to: out.pointer + t * rows * U, rows: rows) }
                    }
                    dh.update(from: out.pointer + (T - 1) * rows * U, count: rows * U)
                }
            }
            for d in 0..<D {
                let k = kernels[l][d], slot = layout.slot(l, d)
                let wantInputs = l > 0 || (inputGradients != nil)
                let dx = dInputs[d]
                if wantInputs { dx.ensure(T * rows * width) }
                let out = dOutputs[d].pointer
                k.backward(params: params + slot.offset, options: cellOptions, grads: g + slot.offset, accumulate: false,
                           inputGradients: wantInputs ? dx.pointer : nil,
                           needInitialState: needInitialState && l == 0 && d == 0,
                           outputGradient: top ? nil : { t in UnsafePointer(out + t * rows * U) })
                if wantInputs, let m = dropout {
                    for t in 0..<T { applyMask(m.inputs[l * D + d], m, t: t, width: width, to: dx.pointer + t * rows * width, rows: rows) }
                }
            }
            // The gradient of the layer's inputs: the previous layer's outputs (or the images).
            if l > 0 || inputGradients != nil {
                let target: UnsafeMutablePointer<Float>
                if l > 0 { dSequence.ensure(T * rows * F); target = dSequence.pointer } else if let ig = inputGradients { target = ig } else { continue }
                target.update(repeating: 0, count: T * rows * width)
                for d in 0..<D {
                    let dx = dInputs[d].pointer
                    for t in 0..<T {
                        let s = d == 0 ? t : T - 1 - t
                        FloatLoops.add(dx + t * rows * width, into: target + s * rows * width, count: rows * width)
                    }
                }
            }
        }
        return r
    }

    private func applyMask(_ mask: UnsafePointer<Float>, _ m: DropoutMasks, t: Int, width: Int,
                           to p: UnsafeMutablePointer<Float>, rows: Int) {
        let base = mask + (t * m.rows + m.start) * width
        for k in 0..<(rows * width) { p[k] *= base[k] }
    }
}
