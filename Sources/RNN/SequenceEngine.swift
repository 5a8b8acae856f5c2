import Foundation
import Tensor

/// One cell run over a whole sequence as ONE engine call, forward and backward, for callers
/// outside the engine that hold their own weights: the TF1 graph's `rnn.rnn`/`static_rnn`/
/// `dynamic_rnn` (module Graph). A graph built by TF1 unrolls the cell into hundreds of small
/// ops; running it op by op would be an order of magnitude slower than `train`. Instead the
/// graph keeps the unrolled loop as one node whose forward and backward are this engine's
/// tuned kernels (`LSTMLayer` for BasicLSTMCell), with the batch cut into chunks that the
/// worker pool's threads take as they become free, exactly as `Model` does for `train`.
///
/// Weights are one flat float32 slice in the cell's TF variable order (`variables`):
/// for BasicLSTMCell `kernel [I+U, 4U]` (gates i, j, f, o) then `bias [4U]`.
public final class SequenceEngine: @unchecked Sendable {
    public let kind: CellKind
    public let units: Int
    public let input: Int
    public let options: CellOptions
    /// Threads the chunks run on (1: everything on the calling thread).
    public let threads: Int
    let cell: any RecurrentCell
    private var kernels: [SequenceKernel] = []
    private var chunkGrads: [FloatBuffer] = []
    private var chunkInputGrads: [FloatBuffer] = []
    private var chunks: [(start: Int, count: Int)] = []
    private(set) public var batch = 0, steps = 0

    public init(kind: CellKind, units: Int, input: Int, options: CellOptions = CellOptions(), threads: Int = 2) {
        self.kind = kind; self.units = units; self.input = input; self.options = options
        self.threads = max(1, min(threads, WorkerPool.maxWorkers))
        cell = kind.cell(units: units, options: options)
    }

    /// The cell's TF variables (names under its scope, shapes) in slice order.
    public var variables: [CellVariable] { cell.variables(input: input) }
    /// Floats in the weight slice.
    public var parameterCount: Int { cell.parameterCount(input: input) }
    /// The state parts in TF's order (`["c", "h"]` for the LSTM).
    public var stateNames: [String] { kind.stateNames }

    /// TF1's initial values (glorot-uniform kernels, the cell's bias convention) from `rng`.
    public func initialValues(rng: inout SeededRandom) -> [Float] { cell.initialValues(input: input, rng: &rng) }

    /// Cuts `batch` rows into chunks (2 per thread, contiguous) and sizes each chunk's kernel.
    private func prepare(batch b: Int, steps t: Int) {
        let n = threads > 1 ? min(2 * threads, max(b, 1)) : 1
        if kernels.count != n {
            kernels = (0..<n).map { _ in cell.makeKernel() }
            chunkGrads = (0..<n).map { _ in FloatBuffer() }
            chunkInputGrads = (0..<n).map { _ in FloatBuffer() }
        }
        chunks = []
        var start = 0
        for r in 0..<n {
            let c = b / n + (r < b % n ? 1 : 0)
            chunks.append((start, c)); start += c
        }
        batch = b; steps = t
        for (k, ch) in zip(kernels, chunks) where ch.count > 0 {
            k.prepare(SequenceDims(batch: ch.count, input: input, units: units, steps: t))
        }
    }

    private func parallel(_ params: UnsafePointer<Float>, _ body: (Int) -> Void) {
        let n = chunks.count
        BLASThreads.exclusively(threads: 1) {
            GEMM.whileConstant(params, count: parameterCount) {
                if threads <= 1 || n <= 1 {
                    for c in 0..<n { body(c) }
                } else {
                    WorkerPool.shared.run(tasks: n, workers: threads) { c, _ in body(c) }
                }
            }
        }
    }

    /// Runs the cell over `steps` steps of `batch` rows. `inputs(t)` points at step t's rows
    /// `[batch, input]` (row stride `input`); `initial` holds the state parts `[batch, units]`
    /// (nil: zeros). Writes every step's output `[batch, units]` to `outputs(t)` and the final
    /// state parts to `finalState`. With `forBackward` the activations are kept for `backward`.
    public func forward(params: UnsafePointer<Float>, batch b: Int, steps t: Int,
                        inputs: (Int) -> UnsafePointer<Float>, initial: [UnsafePointer<Float>]?,
                        outputs: (Int) -> UnsafeMutablePointer<Float>,
                        finalState: [UnsafeMutablePointer<Float>], forBackward: Bool) {
        prepare(batch: b, steps: t)
        let (I, U, T) = (input, units, t)
        let parts = stateNames.count
        let xs = UncheckedBox((0..<T).map(inputs))
        let outs = UncheckedBox((0..<T).map(outputs))
        let init0 = UncheckedBox(initial), fin = UncheckedBox(finalState)
        let options = self.options
        parallel(params) { c in
            let (start, count) = chunks[c]
            if count == 0 { return }
            let k = kernels[c]
            for s in 0..<T {
                let src = xs.value[s] + start * I
                for r in 0..<count { k.input(s, r).update(from: src + r * I, count: I) }
            }
            for p in 0..<parts {
                for r in 0..<count {
                    if let i = init0.value, p < i.count {
                        k.initialState(p, r).update(from: i[p] + (start + r) * U, count: U)
                    } else {
                        k.initialState(p, r).update(repeating: 0, count: U)
                    }
                }
            }
            k.forward(params: params, options: options, forBackward: forBackward)
            for s in 0..<T {
                let dst = outs.value[s] + start * U
                for r in 0..<count { (dst + r * U).update(from: k.output(s, r), count: U) }
            }
            for p in 0..<min(parts, fin.value.count) {
                for r in 0..<count { (fin.value[p] + (start + r) * U).update(from: k.finalState(p, r), count: U) }
            }
        }
    }

    /// Backpropagation through time after `forward(forBackward: true)`. `dOutputs(t)` is dL/d
    /// output t `[batch, units]` (nil where the loss does not use it); `dFinal` the gradients of
    /// the final state parts (nil entries: zero). Writes dL/dweights to `grads` (the slice
    /// layout, replacing its contents), and when given, dL/d input t to `inputGradients(t)`
    /// and dL/d initial state parts to `initialGradients`.
    public func backward(params: UnsafePointer<Float>, dOutputs: (Int) -> UnsafePointer<Float>?,
                         dFinal: [UnsafePointer<Float>?], grads: UnsafeMutablePointer<Float>,
                         inputGradients: ((Int) -> UnsafeMutablePointer<Float>)?,
                         initialGradients: [UnsafeMutablePointer<Float>]?) {
        let (I, U, T) = (input, units, steps)
        let parts = stateNames.count
        let total = parameterCount
        let douts = UncheckedBox((0..<T).map(dOutputs))
        let dfin = UncheckedBox(dFinal)
        let dxs = UncheckedBox(inputGradients.map { f in (0..<T).map(f) })
        let dinit = UncheckedBox(initialGradients)
        let options = self.options
        for c in 0..<chunks.count { chunkGrads[c].ensure(total) }
        let gradPointers = UncheckedBox(chunkGrads.map(\.pointer))
        let inputPointers: UncheckedBox<[UnsafeMutablePointer<Float>]>
        if inputGradients != nil {
            for (c, ch) in chunks.enumerated() { chunkInputGrads[c].ensure(max(1, T * ch.count * I)) }
            inputPointers = UncheckedBox(chunkInputGrads.map(\.pointer))
        } else {
            inputPointers = UncheckedBox([])
        }
        parallel(params) { c in
            let (start, count) = chunks[c]
            let g = gradPointers.value[c]
            if count == 0 { g.update(repeating: 0, count: total); return }
            let k = kernels[c]
            for p in 0..<parts {
                let dst = k.stateGradient(p)
                if p < dfin.value.count, let src = dfin.value[p] {
                    dst.update(from: src + start * U, count: count * U)
                } else {
                    dst.update(repeating: 0, count: count * U)
                }
            }
            // The last output is the h part of the final state: its gradient adds there.
            if let last = douts.value[T - 1] {
                let dh = k.stateGradient(parts - 1)
                for i in 0..<(count * U) { dh[i] += last[start * U + i] }
            }
            let wantInputs = !inputPointers.value.isEmpty
            k.backward(params: params, options: options, grads: g, accumulate: false,
                       inputGradients: wantInputs ? inputPointers.value[c] : nil,
                       needInitialState: dinit.value != nil,
                       outputGradient: { s in douts.value[s].map { UnsafePointer($0 + start * U) } })
            if wantInputs, let dx = dxs.value {
                let src = inputPointers.value[c]
                for s in 0..<T { (dx[s] + start * I).update(from: src + s * count * I, count: count * I) }
            }
            if let di = dinit.value {
                for p in 0..<min(parts, di.count) { (di[p] + start * U).update(from: k.stateGradient(p), count: count * U) }
            }
        }
        // Sum the chunks' weight gradients in chunk order: the same result whichever thread ran which.
        grads.update(from: chunkGrads[0].pointer, count: total)
        for c in 1..<max(chunks.count, 1) { FloatLoops.add(chunkGrads[c].pointer, into: grads, count: total) }
    }
}
