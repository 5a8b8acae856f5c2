import Foundation
import Tensor

/// How the tutorial's output layer starts: `tf.random.normal` for weights and biases (the
/// article's choice: logits of size ~10 at first, so the first losses are large), or
/// glorot-uniform weights and zero biases (the saner choice).
public enum OutputInit: String, Sendable, CaseIterable {
    case randomNormal = "random_normal"
    case glorot
}

/// How the cores share the work of a batch.
public enum Parallelism: String, Sendable, CaseIterable {
    /// One replica over the whole batch; each large product is split by rows over `threads`
    /// threads (the cell's element-wise work stays on one). Results do not depend on `threads`.
    case blas
    /// The batch is cut into `2 × threads` chunks (one when `threads` is 1) that `threads`
    /// workers claim as they become free, each running whole chunks forward and backward, so
    /// the activations run in parallel too and a worker on a busy core simply takes fewer
    /// chunks (see `WorkerPool`). Each chunk's gradient has its own buffer and they are summed
    /// in chunk order, so results are bit-identical for a given thread count, whichever
    /// worker ran which chunk.
    case replicas
}

/// Which way an image becomes a sequence: its rows (the tutorial: 28 steps of 28 pixels) or
/// its columns (step t is column t, read top to bottom).
public enum SequenceOrder: String, Sendable, CaseIterable {
    case rows, columns
}

/// The tutorial's model (pythonprogramming.net's "RNN example in TensorFlow") and its
/// generalisations: each 28×28 image is read as 28 steps of 28 pixels by a recurrent cell
/// (`cell`: TF1's BasicLSTMCell by default), optionally `layers` of them stacked (TF1's
/// `MultiRNNCell`) and `bidirectional` (a backward cell per layer reads the steps reversed;
/// outputs concatenated, as Keras's `Bidirectional` does), with TF1 `DropoutWrapper` dropout
/// (`keepProb` on every cell's inputs and outputs while training); the last output goes through
/// a dense layer to `classes` logits, trained with mean softmax cross-entropy and Adam.
public struct ModelConfig: Sendable, Equatable {
    public var steps = 28
    public var input = 28
    public var units = 128
    public var classes = 10
    public var forgetBias: Float = 1
    public var outputInit: OutputInit = .randomNormal
    public var seed: UInt64 = 0
    public var adam = AdamConfig()
    /// Cores to use (1 or more); see `parallelism`.
    public var threads = 2
    public var parallelism: Parallelism = .replicas
    public var cell: CellKind = .standard
    public var layers = 1
    public var bidirectional = false
    /// DropoutWrapper's keep_prob for the inputs and outputs of every cell while training
    /// (1: no dropout). Evaluation never drops.
    public var keepProb: Float = 1
    public var order: SequenceOrder = .rows
    /// The plain RNN cell's activation (`BasicRNNCell(activation=…)`, `SimpleRNN(activation=…)`);
    /// every layer and direction shares it. Other cells keep tanh (`ModelConfigValidation`).
    public var activation: CellActivation = .tanh

    public init(steps: Int = 28, input: Int = 28, units: Int = 128, classes: Int = 10, forgetBias: Float = 1,
                outputInit: OutputInit = .randomNormal, seed: UInt64 = 0, adam: AdamConfig = AdamConfig(),
                threads: Int = 2, parallelism: Parallelism = .replicas, cell: CellKind = .standard, layers: Int = 1,
                bidirectional: Bool = false, keepProb: Float = 1, order: SequenceOrder = .rows) {
        self.steps = steps; self.input = input; self.units = units; self.classes = classes
        self.forgetBias = forgetBias; self.outputInit = outputInit; self.seed = seed; self.adam = adam
        self.threads = threads; self.parallelism = parallelism
        self.cell = cell; self.layers = layers; self.bidirectional = bidirectional; self.keepProb = keepProb
        self.order = order
    }

    public var directions: Int { bidirectional ? 2 : 1 }
    public var cellOptions: CellOptions { CellOptions(forgetBias: forgetBias, activation: activation) }

    /// The cell as tables and summaries name it: `LSTM(128)`, `RNN(128, relu)` (the default
    /// tanh left out).
    public var cellLabel: String {
        "\(cell.shortName)(\(units)" + (cell.hasActivation && activation != .tanh ? ", \(activation.rawValue)" : "") + ")"
    }
}

/// Accuracy and loss of a model on a labelled set.
public struct Evaluation: Sendable {
    public var accuracy: Double
    /// Mean softmax cross-entropy.
    public var loss: Double
    public var correct: Int
    public var count: Int
    /// The predicted class of every example (argmax of the logits).
    public var predictions: [Int]
}

/// The model: parameters in one flat buffer, Adam state, and the replicas that run batches.
/// Train with `trainStep` or `train(...)`; weights in and out as `[name: NDArray]`.
public final class Model {
    public let config: ModelConfig
    let layout: ParameterLayout
    let params: FloatBuffer
    let adam: AdamState
    let replicas: [ModelReplica]
    /// One gradient buffer per chunk of a batch (see `Parallelism.replicas`).
    let chunkGradients: [FloatBuffer]
    /// How many of the replicas' workers jobs use now (1...replicas.count). The chunks and the
    /// order of their sums do not depend on it, so neither do the results; the training loop
    /// lowers it when the extra threads do not pay for themselves (`WorkerTuner`).
    var activeWorkers = Int.max
    /// Batch staging buffers (images `[B, T·I]`, label distributions `[B, K]`), reused.
    let images = FloatBuffer(), targets = FloatBuffer()
    /// The largest number of rows one replica runs forward at once when evaluating; bounds memory.
    static let evalChunk = 128

    /// Weight names in `weights()` (TF's variable names for the tutorial's one-layer LSTM graph).
    public static let kernelName = "rnn/basic_lstm_cell/kernel"
    public static let biasName = "rnn/basic_lstm_cell/bias"
    public static let denseWeightsName = "weights"
    public static let denseBiasName = "biases"
    /// The cell's conformer (all layers and directions share the kind and options).
    let cellSpec: any RecurrentCell
    /// Dropout masks of the current batch (when training with keep_prob < 1).
    let dropoutInputs: [FloatBuffer], dropoutOutputs: [FloatBuffer]

    public init(config: ModelConfig = ModelConfig()) throws(TensorError) {
        guard config.steps > 0, config.input > 0, config.units > 0, config.classes > 0 else {
            throw TensorError("steps, input, units and classes must be positive")
        }
        guard config.threads >= 1 else { throw TensorError("threads must be at least 1, got \(config.threads)") }
        guard config.layers >= 1, config.layers <= 64 else { throw TensorError("layers must be between 1 and 64, got \(config.layers)") }
        guard config.keepProb > 0, config.keepProb <= 1 else {
            throw TensorError("keep_prob must be in (0, 1], got \(config.keepProb)")
        }
        try Cell.checkOptions(kind: config.cell, config.cellOptions)
        let spec = config.cell.cell(units: config.units, options: config.cellOptions)
        let width = max(config.input, config.directions * config.units)
        _ = try Limits.checkAllocation([config.layers * config.directions + 1, width + config.units + config.classes + 1, 4 * config.units], .float32)
        let l = ParameterLayout(cell: spec, input: config.input, classes: config.classes, layers: config.layers,
                                directions: config.directions)
        self.config = config
        cellSpec = spec
        layout = l
        params = FloatBuffer(l.total)
        adam = AdamState(count: l.total, config: config.adam)
        let n = config.parallelism == .replicas ? config.threads : 1
        replicas = (0..<n).map { _ in ModelReplica(layout: l, steps: config.steps, cell: spec, order: config.order) }
        chunkGradients = (0..<Model.chunkCount(replicas: n)).map { _ in FloatBuffer(l.total) }
        dropoutInputs = l.slots.map { _ in FloatBuffer() }
        dropoutOutputs = l.slots.map { _ in FloatBuffer() }
        var rng = SeededRandom(seed: config.seed)
        for slot in l.slots { write(spec.initialValues(input: slot.input, rng: &rng), at: slot.offset) }
        switch config.outputInit {
        case .randomNormal:
            write(Initializers.randomNormal(count: l.features * l.classes, rng: &rng), at: l.denseW)
            write(Initializers.randomNormal(count: l.classes, rng: &rng), at: l.denseB)
        case .glorot:
            write(Initializers.glorotUniform(rows: l.features, columns: l.classes, rng: &rng), at: l.denseW)
        }
    }

    private func write(_ v: [Float], at offset: Int) {
        v.withUnsafeBufferPointer { b in
            if let p = b.baseAddress { (params.pointer + offset).update(from: p, count: b.count) }
        }
    }

    /// Adam steps taken so far.
    public var stepCount: Int { adam.steps }

    /// The first layer's (forward) cell, a copy of its current weights, e.g. for export or exploring.
    public var cell: Cell { cell(layer: 0, direction: 0) }

    /// The cell of `layer` and `direction` (0 forward, 1 backward), a copy of its weights.
    public func cell(layer: Int, direction: Int) -> Cell {
        let slot = layout.slot(layer, direction)
        var w: [String: NDArray] = [:]
        var offset = slot.offset
        for v in slot.variables {
            w[v.name] = ArrayConversion.array(params.pointer + offset, shape: v.shape)
            offset += v.count
        }
        // The shapes come from this model's own buffers, so building the cell cannot fail.
        if let c = try? Cell(kind: config.cell, weights: w, options: config.cellOptions) { return c }
        preconditionFailure("the model's own weights always form a valid cell")
    }

    /// The TF scope of the cell of `layer`, `direction` in the graph the tutorial's code builds
    /// for this configuration: `rnn/basic_lstm_cell` (one layer), `rnn/multi_rnn_cell/cell_1/…`
    /// (`MultiRNNCell`), `bidirectional_rnn/fw/…` (`static_bidirectional_rnn`), and
    /// `stack_bidirectional_rnn/cell_1/bidirectional_rnn/bw/…` (stacked bidirectional).
    public func scope(layer: Int, direction: Int) -> String { Self.scope(config, layer: layer, direction: direction) }

    static func scope(_ config: ModelConfig, layer: Int, direction: Int) -> String {
        let c = config.cell.scope
        switch (config.layers > 1, config.bidirectional) {
        case (false, false): return "rnn/\(c)"
        case (true, false): return "rnn/multi_rnn_cell/cell_\(layer)/\(c)"
        case (false, true): return "bidirectional_rnn/\(direction == 0 ? "fw" : "bw")/\(c)"
        case (true, true): return "stack_bidirectional_rnn/cell_\(layer)/bidirectional_rnn/\(direction == 0 ? "fw" : "bw")/\(c)"
        }
    }

    /// Every weight's TF name and shape, in parameter order.
    public var variables: [CellVariable] { Self.variables(config, layout) }

    /// The weights (TF names and shapes) a model of `config` holds, without building it: a
    /// checkpoint's weights are checked against these before anything is allocated (a file
    /// claiming `input=1e6` beside small weights took a minute and 290 MB to refuse).
    public static func variables(for config: ModelConfig) -> [CellVariable] {
        let spec = config.cell.cell(units: config.units, options: config.cellOptions)
        return variables(config, ParameterLayout(cell: spec, input: config.input, classes: config.classes,
                                                 layers: config.layers, directions: config.directions))
    }

    static func variables(_ config: ModelConfig, _ layout: ParameterLayout) -> [CellVariable] {
        var out: [CellVariable] = []
        for slot in layout.slots {
            let prefix = scope(config, layer: slot.layer, direction: slot.direction)
            for v in slot.variables { out.append(CellVariable(name: prefix + "/" + v.name, shape: v.shape)) }
        }
        out.append(CellVariable(name: Model.denseWeightsName, shape: [layout.features, layout.classes]))
        out.append(CellVariable(name: Model.denseBiasName, shape: [layout.classes]))
        return out
    }

    /// Trainable parameters.
    public var parameterCount: Int { layout.total }

    /// Matrix-product FLOPs of one forward pass of one example.
    public var forwardFlopsPerExample: Double {
        var f = 0.0
        for slot in layout.slots { f += Double(config.steps) * cellSpec.forwardFlopsPerStep(input: slot.input) }
        return f + 2 * Double(layout.features * layout.classes)
    }

    // MARK: weights in and out

    /// The weights under TF's names, float32, TF layout.
    public func weights() -> [String: NDArray] {
        var out: [String: NDArray] = [:]
        var offset = 0
        for v in variables {
            out[v.name] = ArrayConversion.array(params.pointer + offset, shape: v.shape)
            offset += v.count
        }
        return out
    }

    /// Replaces the weights (every name of `variables` required, shapes as listed).
    public func setWeights(_ w: [String: NDArray]) throws(TensorError) {
        let specs = variables
        for v in specs {
            guard let a = w[v.name] else { throw TensorError("missing weight '\(v.name)'") }
            try ArrayConversion.expect(a, shape: v.shape, "weight '\(v.name)'")
        }
        var offset = 0
        for v in specs {
            if let a = w[v.name] { ArrayConversion.copy(a, into: params.pointer + offset) }
            offset += v.count
        }
    }

    /// Adam's state (`m`/`v` in the flat layout, and the step count), to resume training exactly.
    public func optimizerState() -> [String: NDArray] {
        let n = layout.total
        return ["adam/m": ArrayConversion.array(adam.m.pointer, shape: [n]),
                "adam/v": ArrayConversion.array(adam.v.pointer, shape: [n]),
                "adam/steps": NDArray(scalar: Int64(adam.steps))]
    }

    /// Restores what `optimizerState()` returned.
    public func setOptimizerState(_ s: [String: NDArray]) throws(TensorError) {
        let n = layout.total
        guard let m = s["adam/m"], let v = s["adam/v"], let st = s["adam/steps"] else {
            throw TensorError("optimizer state needs adam/m, adam/v and adam/steps")
        }
        try ArrayConversion.expect(m, shape: [n], "adam/m")
        try ArrayConversion.expect(v, shape: [n], "adam/v")
        guard st.size == 1, let steps = st.scalars.first?.doubleValue, steps >= 0, steps < 1e12 else {
            throw TensorError("adam/steps must be one non-negative count")
        }
        adam.restore(m: ArrayConversion.floats(m), v: ArrayConversion.floats(v), steps: Int(steps))
    }

    // MARK: batches in

    /// Checks that `x` is `[N, T·I]` or `[N, T, I]`; returns N.
    func checkImages(_ x: NDArray) throws(TensorError) -> Int {
        let per = config.steps * config.input
        let ok = (x.ndim == 2 && x.shape[1] == per) || (x.ndim == 3 && x.shape[1] == config.steps && x.shape[2] == config.input)
        guard ok else {
            throw TensorError("images have shape \(shapeString(x.shape)); expected (N, \(per)) or (N, \(config.steps), \(config.input))")
        }
        return x.shape[0]
    }

    /// Copies images (`[N, T·I]` or `[N, T, I]`, any numeric dtype) into the staging buffer.
    @discardableResult
    func stageImages(_ x: NDArray) throws(TensorError) -> Int {
        let per = config.steps * config.input
        let n = try checkImages(x)
        images.ensure(n * per)
        ArrayConversion.copy(x, into: images.pointer)
        return n
    }

    /// Copies labels (`[N]` class ids, or `[N, K]` one-hot/distributions) into `targets` as `[N, K]`.
    func stageLabels(_ y: NDArray, count n: Int) throws(TensorError) {
        let k = config.classes
        targets.ensure(n * k)
        if y.ndim == 1 {
            guard y.shape[0] == n else { throw TensorError("\(y.shape[0]) labels for \(n) images") }
            let ids = ArrayConversion.floats(y)
            targets.zero(n * k)
            for (r, v) in ids.enumerated() {
                guard v >= 0, v < Float(k), v == v.rounded(.towardZero) else {
                    throw TensorError("label \(v) at index \(r) is not a class id in 0..<\(k)")
                }
                targets.pointer[r * k + Int(v)] = 1
            }
        } else if y.ndim == 2 {
            guard y.shape == [n, k] else {
                throw TensorError("labels have shape \(shapeString(y.shape)); expected (\(n),) or (\(n), \(k))")
            }
            ArrayConversion.copy(y, into: targets.pointer)
        } else {
            throw TensorError("labels must be class ids (N,) or one-hot (N, \(k)), got shape \(shapeString(y.shape))")
        }
    }

    // MARK: training

    /// The outcome of one training step.
    public struct StepResult: Sendable {
        /// Mean loss of the batch (before the update).
        public var loss: Float
        public var correct: Int
        public var count: Int
        /// False when the loss or a gradient was NaN/inf: the weights were left unchanged.
        public var applied: Bool
    }

    /// One Adam step on a batch; returns the batch's mean loss (TF's `cost`). A non-finite
    /// loss or gradient leaves the weights untouched (see `step` for the details).
    public func trainStep(images x: NDArray, labels y: NDArray) throws(TensorError) -> Float {
        try step(images: x, labels: y).loss
    }

    /// One Adam step with the full outcome.
    public func step(images x: NDArray, labels y: NDArray) throws(TensorError) -> StepResult {
        let n = try stageImages(x)
        try stageLabels(y, count: n)
        return trainStaged(rows: n)
    }

    /// Trains on the staged batch of `rows`.
    func trainStaged(rows: Int) -> StepResult {
        if rows == 0 { return StepResult(loss: .nan, correct: 0, count: 0, applied: false) }
        drawDropoutMasks(rows: rows)
        let (loss, correct, g) = computeGradients(rows: rows)
        guard loss.isFinite, FloatLoops.allFinite(g, count: layout.total) else {
            return StepResult(loss: loss, correct: correct, count: rows, applied: false)
        }
        adam.apply(params: params.pointer, grads: g)
        return StepResult(loss: loss, correct: correct, count: rows, applied: true)
    }

    /// Chunks a batch is cut into: 2 per worker, so that a worker slowed by a busy core leaves
    /// chunks to the others; one when there is one worker (the largest products run fastest).
    static func chunkCount(replicas: Int) -> Int { replicas > 1 ? 2 * replicas : 1 }

    /// Forward and backward of the staged batch. Returns the batch-mean loss, the correct
    /// count and the summed gradient (chunk 0's buffer, valid until the next batch).
    func computeGradients(rows: Int) -> (Float, Int, UnsafeMutablePointer<Float>) {
        let per = config.steps * config.input, k = config.classes
        let p = UnsafePointer(params.pointer)
        let chunks = split(rows)
        var results = [SoftmaxCrossEntropy.Result](repeating: .init(loss: 0, correct: 0), count: chunks.count)
        let imagesP = UnsafePointer(images.pointer), targetsP = UnsafePointer(targets.pointer)
        let grads = chunkGradients.map(\.pointer)
        results.withUnsafeMutableBufferPointer { resultsBuffer in
            let out = UncheckedBox(resultsBuffer)
            // The weights do not change until Adam runs after this (see GEMM.whileConstant).
            runParallel(chunks.count, constant: (p, layout.total)) { c, worker in
                let (start, count) = chunks[c]
                // Each task writes only its own chunk's slot and gradient buffer.
                out.value[c] = replicas[worker].trainSlice(params: p, images: imagesP + start * per,
                                                           targets: targetsP + start * k, rows: count, total: rows,
                                                           gradients: grads[c], dropout: dropoutMasks(rows: rows, start: start))
            }
        }
        // Sum in chunk order: bit-identical for a given thread count.
        let g0 = grads[0]
        for c in 1..<max(chunks.count, 1) { FloatLoops.add(grads[c], into: g0, count: layout.total) }
        var lossSum: Float = 0, correct = 0
        for r in results { lossSum += r.loss; correct += r.correct }
        return (lossSum / Float(rows), correct, g0)
    }

    /// Splits `rows` into the model's chunks (contiguous, the first ones one row larger).
    func split(_ rows: Int) -> [(Int, Int)] {
        let n = min(chunkGradients.count, max(rows, 1))
        var out: [(Int, Int)] = []
        var start = 0
        for r in 0..<n {
            let c = rows / n + (r < rows % n ? 1 : 0)
            out.append((start, c)); start += c
        }
        return out
    }

    /// Runs `body(task, worker)` for tasks `0..<n` on the worker pool (`worker` picks the
    /// replica), with product threads set to suit and held (see `BLASThreads.exclusively`).
    /// `constant` names floats (the weights) that nothing writes meanwhile.
    func runParallel(_ n: Int, constant: (UnsafePointer<Float>, Int)? = nil, _ body: (Int, Int) -> Void) {
        BLASThreads.exclusively(threads: replicas.count <= 1 && config.parallelism == .blas ? config.threads : 1) {
            GEMM.whileConstant(constant?.0, count: constant?.1 ?? 0) {
                if replicas.count <= 1 {
                    for t in 0..<n { body(t, 0) }
                } else {
                    WorkerPool.shared.run(tasks: n, workers: max(1, min(activeWorkers, replicas.count)), body)
                }
            }
        }
    }

    // MARK: inference

    /// Logits `[N, K]` for images `[N, T·I]` or `[N, T, I]`.
    public func logits(_ x: NDArray) throws(TensorError) -> NDArray {
        let n = try checkImages(x)
        let out = FloatBuffer(max(n * config.classes, 1))
        try forwardChunked(x, rows: n, into: out.pointer)
        return ArrayConversion.array(out.pointer, shape: [n, config.classes])
    }

    /// Class probabilities `[N, K]` (softmax of the logits).
    public func predict(_ x: NDArray) throws(TensorError) -> NDArray {
        let z = try logits(x)
        var v = ArrayConversion.floats(z)
        let k = config.classes
        for r in 0..<(v.count / k) {
            let row = r * k
            var m = v[row]
            for j in 1..<k { m = max(m, v[row + j]) }
            var s: Float = 0
            for j in 0..<k { v[row + j] = Foundation.exp(v[row + j] - m); s += v[row + j] }
            for j in 0..<k { v[row + j] /= s }
        }
        return ArrayConversion.array(v, shape: z.shape)
    }

    /// Accuracy, mean loss and predictions on a labelled set (forward only, in chunks).
    /// `scale` multiplies every image value as it is converted (1/255 for uint8 pixels kept
    /// as bytes), chunk by chunk, so the whole set is never held as float32.
    public func evaluate(images x: NDArray, labels y: NDArray, scale: Float = 1) throws(TensorError) -> Evaluation {
        let n = try checkImages(x)
        try stageLabels(y, count: n)
        let k = config.classes
        let out = FloatBuffer(max(n * k, 1))
        try forwardChunked(x, rows: n, into: out.pointer, scale: scale)
        let r = SoftmaxCrossEntropy.forwardBackward(logits: out.pointer, labels: targets.pointer, dlogits: nil,
                                                    batch: n, meanOver: n, classes: k)
        var predictions = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let row = out.pointer + i * k
            var best = 0
            for j in 1..<k where row[j] > row[best] { best = j }
            predictions[i] = best
        }
        return Evaluation(accuracy: n == 0 ? 0 : Double(r.correct) / Double(n),
                          loss: n == 0 ? 0 : Double(r.loss) / Double(n), correct: r.correct, count: n,
                          predictions: predictions)
    }

    /// Logits of the images `x` (N rows), converted and run in chunks of `evalChunk` rows that
    /// the workers claim as they become free; each worker converts its own rows, so evaluating
    /// 10,000 images never holds more than one chunk per worker as float32.
    func forwardChunked(_ x: NDArray, rows: Int, into out: UnsafeMutablePointer<Float>, scale: Float = 1) throws(TensorError) {
        let per = config.steps * config.input, k = config.classes
        let p = UnsafePointer(params.pointer)
        let src = try x.contiguous()
        let outBox = UncheckedBox(out)
        let chunk = Model.evalChunk
        let tasks = (rows + chunk - 1) / chunk
        runParallel(tasks, constant: (p, layout.total)) { t, worker in
            if Cancellation.isRequested { return }  // Ctrl-C: skip the remaining chunks
            let s = t * chunk, c = min(chunk, rows - s)
            let rep = replicas[worker]
            rep.staged.ensure(c * per)
            ArrayConversion.copyRows(src, rows: Array(s..<(s + c)), into: rep.staged.pointer)
            if scale != 1 { for i in 0..<(c * per) { rep.staged.pointer[i] *= scale } }
            rep.forward(params: p, images: rep.staged.pointer, rows: c, forBackward: false)
            (outBox.value + s * k).update(from: rep.logits.pointer, count: c * k)
        }
        try Cancellation.check()
    }
}

extension Model {
    /// Draws this batch's dropout masks (nothing when keep_prob is 1). The draw is seeded by the
    /// model's seed and the Adam step count, so a resumed run draws exactly the masks an
    /// uninterrupted one would.
    func drawDropoutMasks(rows: Int) {
        guard config.keepProb < 1 else { return }
        var rng = SeededRandom(seed: config.seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(adam.steps) &+ 1)
        let keep = Double(config.keepProb), scale = 1 / config.keepProb
        let T = config.steps
        for (n, slot) in layout.slots.enumerated() {
            for (buffer, width) in [(dropoutInputs[n], slot.input), (dropoutOutputs[n], layout.units)] {
                let count = T * rows * width
                buffer.ensure(count)
                for i in 0..<count { buffer.pointer[i] = rng.unit() < keep ? scale : 0 }
            }
        }
    }

    /// The current masks for a replica's slice, or nil without dropout.
    func dropoutMasks(rows: Int, start: Int) -> DropoutMasks? {
        guard config.keepProb < 1 else { return nil }
        return DropoutMasks(inputs: dropoutInputs.map { UnsafePointer($0.pointer) },
                            outputs: dropoutOutputs.map { UnsafePointer($0.pointer) }, rows: rows, start: start)
    }
}

/// Carries a non-Sendable value into `concurrentPerform`; each worker touches only its own
/// replica and slice, so there is no shared mutable state.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ v: T) { value = v }
}
