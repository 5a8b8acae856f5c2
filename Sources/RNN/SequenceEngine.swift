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
    private var chunkOutputGrads: [FloatBuffer] = []
    private var chunks: [Chunk] = []
    private(set) public var batch = 0, steps = 0

    /// Rows of the batch one kernel runs: a contiguous range, or (when sequences have lengths)
    /// rows of one length gathered from anywhere in the batch. `steps` is how many steps those
    /// rows run; the steps after it are TF's "finished" steps (zero outputs, state copied
    /// through), which are not computed at all.
    private struct Chunk {
        var start: Int, count: Int, steps: Int
        var rows: [Int]? = nil
        /// The batch row of the chunk's row `r`.
        @inline(__always) func row(_ r: Int) -> Int { rows?[r] ?? start + r }
    }

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
    /// With `lengths`, rows are grouped by their step count (clamped to `0...t`, as TF1 treats
    /// a `sequence_length` beyond the inputs or below zero), each group cut the same way in
    /// proportion to its size, so a row never runs past its end.
    private func prepare(batch b: Int, steps t: Int, lengths: [Int]? = nil) {
        let pieces = threads > 1 ? min(2 * threads, max(b, 1)) : 1
        chunks = []
        if let lengths {
            var groups: [Int: [Int]] = [:]
            for r in 0..<b { groups[min(max(lengths[r], 0), t), default: []].append(r) }
            for (steps, rows) in groups.sorted(by: { $0.key > $1.key }) {
                let n = max(1, min(rows.count, (pieces * rows.count + b - 1) / max(b, 1)))
                var start = 0
                for p in 0..<n {
                    let c = rows.count / n + (p < rows.count % n ? 1 : 0)
                    chunks.append(Chunk(start: 0, count: c, steps: steps, rows: Array(rows[start..<(start + c)])))
                    start += c
                }
            }
        } else {
            var start = 0
            for r in 0..<pieces {
                let c = b / pieces + (r < b % pieces ? 1 : 0)
                chunks.append(Chunk(start: start, count: c, steps: t)); start += c
            }
        }
        // Kernels (with their activations) are kept and only added to: a batch of other
        // lengths reuses them rather than reallocating.
        while kernels.count < chunks.count {
            kernels.append(cell.makeKernel())
            chunkGrads.append(FloatBuffer()); chunkInputGrads.append(FloatBuffer()); chunkOutputGrads.append(FloatBuffer())
        }
        batch = b; steps = t
        for (k, ch) in zip(kernels, chunks) where ch.count > 0 && ch.steps > 0 {
            k.prepare(SequenceDims(batch: ch.count, input: input, units: units, steps: ch.steps))
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
    ///
    /// `lengths` (TF1's `sequence_length`, one per row) ends row b's sequence after
    /// `lengths[b]` steps: its later outputs are zeros and its final state is the state after
    /// its last step (the initial state for a length of 0 or less).
    public func forward(params: UnsafePointer<Float>, batch b: Int, steps t: Int,
                        inputs: (Int) -> UnsafePointer<Float>, initial: [UnsafePointer<Float>]?,
                        outputs: (Int) -> UnsafeMutablePointer<Float>,
                        finalState: [UnsafeMutablePointer<Float>], forBackward: Bool, lengths: [Int]? = nil) {
        prepare(batch: b, steps: t, lengths: lengths?.count == b ? lengths : nil)
        let (I, U, T) = (input, units, t)
        let parts = stateNames.count
        let xs = UncheckedBox((0..<T).map(inputs))
        let outs = UncheckedBox((0..<T).map(outputs))
        let init0 = UncheckedBox(initial), fin = UncheckedBox(finalState)
        let options = self.options
        parallel(params) { c in
            let ch = chunks[c]
            let (count, L) = (ch.count, ch.steps)
            if count == 0 { return }
            // The initial state of row r, part p (nil: zeros).
            func initialRow(_ p: Int, _ r: Int) -> UnsafePointer<Float>? {
                guard let i = init0.value, p < i.count else { return nil }
                return i[p] + ch.row(r) * U
            }
            for s in L..<T {
                for r in 0..<count { (outs.value[s] + ch.row(r) * U).update(repeating: 0, count: U) }
            }
            guard L > 0 else {
                // Sequences of no steps: the final state is the initial one.
                for p in 0..<min(parts, fin.value.count) {
                    for r in 0..<count {
                        let dst = fin.value[p] + ch.row(r) * U
                        if let src = initialRow(p, r) { dst.update(from: src, count: U) } else { dst.update(repeating: 0, count: U) }
                    }
                }
                return
            }
            let k = kernels[c]
            for s in 0..<L {
                for r in 0..<count { k.input(s, r).update(from: xs.value[s] + ch.row(r) * I, count: I) }
            }
            for p in 0..<parts {
                for r in 0..<count {
                    if let src = initialRow(p, r) { k.initialState(p, r).update(from: src, count: U) } else { k.initialState(p, r).update(repeating: 0, count: U) }
                }
            }
            k.forward(params: params, options: options, forBackward: forBackward)
            for s in 0..<L {
                for r in 0..<count { (outs.value[s] + ch.row(r) * U).update(from: k.output(s, r), count: U) }
            }
            for p in 0..<min(parts, fin.value.count) {
                for r in 0..<count { (fin.value[p] + ch.row(r) * U).update(from: k.finalState(p, r), count: U) }
            }
        }
    }

    /// Backpropagation through time after `forward(forBackward: true)`. `dOutputs(t)` is dL/d
    /// output t `[batch, units]` (nil where the loss does not use it); `dFinal` the gradients of
    /// the final state parts (nil entries: zero). Writes dL/dweights to `grads` (the slice
    /// layout, replacing its contents), and when given, dL/d input t to `inputGradients(t)`
    /// and dL/d initial state parts to `initialGradients`.
    ///
    /// With the forward's `lengths`, a row's final-state gradient enters at its last step, the
    /// (constant zero) outputs after it take no gradient, nor do its inputs there.
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
            for (c, ch) in chunks.enumerated() { chunkInputGrads[c].ensure(max(1, ch.steps * ch.count * I)) }
            inputPointers = UncheckedBox(chunkInputGrads.map(\.pointer))
        } else {
            inputPointers = UncheckedBox([])
        }
        // Rows gathered from across the batch read their output gradients from a copy laid
        // out as the kernel expects (`[count, units]` per step).
        for (c, ch) in chunks.enumerated() where ch.rows != nil { chunkOutputGrads[c].ensure(max(1, ch.steps * ch.count * U)) }
        let outputGradPointers = UncheckedBox(chunkOutputGrads.map(\.pointer))
        parallel(params) { c in
            let ch = chunks[c]
            let (count, L) = (ch.count, ch.steps)
            let g = gradPointers.value[c]
            let wantInputs = !inputPointers.value.isEmpty
            if let dx = dxs.value {
                for s in L..<T {
                    for r in 0..<count { (dx[s] + ch.row(r) * I).update(repeating: 0, count: I) }
                }
            }
            if count == 0 || L == 0 {
                // No step ran: no weight gradient, and the final state's gradient is the initial state's.
                g.update(repeating: 0, count: total)
                if let di = dinit.value {
                    for p in 0..<min(parts, di.count) {
                        for r in 0..<count {
                            let dst = di[p] + ch.row(r) * U
                            if p < dfin.value.count, let src = dfin.value[p] { dst.update(from: src + ch.row(r) * U, count: U) } else { dst.update(repeating: 0, count: U) }
                        }
                    }
                }
                return
            }
            let k = kernels[c]
            for p in 0..<parts {
                let dst = k.stateGradient(p)
                for r in 0..<count {
                    if p < dfin.value.count, let src = dfin.value[p] {
                        (dst + r * U).update(from: src + ch.row(r) * U, count: U)
                    } else {
                        (dst + r * U).update(repeating: 0, count: U)
                    }
                }
            }
            // The last output is the h part of the final state: its gradient adds there.
            if let last = douts.value[L - 1] {
                let dh = k.stateGradient(parts - 1)
                for r in 0..<count {
                    let src = last + ch.row(r) * U, dst = dh + r * U
                    for i in 0..<U { dst[i] += src[i] }
                }
            }
            let outputGradient: (Int) -> UnsafePointer<Float>?
            if ch.rows != nil {
                let buffer = outputGradPointers.value[c]
                for s in 0..<(L - 1) {
                    guard let src = douts.value[s] else { continue }
                    for r in 0..<count { (buffer + (s * count + r) * U).update(from: src + ch.row(r) * U, count: U) }
                }
                outputGradient = { s in douts.value[s] == nil ? nil : UnsafePointer(buffer + s * count * U) }
            } else {
                outputGradient = { s in douts.value[s].map { UnsafePointer($0 + ch.start * U) } }
            }
            k.backward(params: params, options: options, grads: g, accumulate: false,
                       inputGradients: wantInputs ? inputPointers.value[c] : nil,
                       needInitialState: dinit.value != nil, outputGradient: outputGradient)
            if wantInputs, let dx = dxs.value {
                let src = inputPointers.value[c]
                for s in 0..<L {
                    for r in 0..<count { (dx[s] + ch.row(r) * I).update(from: src + (s * count + r) * I, count: I) }
                }
            }
            if let di = dinit.value {
                for p in 0..<min(parts, di.count) {
                    for r in 0..<count { (di[p] + ch.row(r) * U).update(from: k.stateGradient(p) + r * U, count: U) }
                }
            }
        }
        // Sum the chunks' weight gradients in chunk order: the same result whichever thread ran which.
        grads.update(from: chunkGrads[0].pointer, count: total)
        for c in 1..<max(chunks.count, 1) { FloatLoops.add(chunkGrads[c].pointer, into: grads, count: total) }
    }
}
