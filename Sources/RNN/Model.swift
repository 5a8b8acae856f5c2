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

/// The tutorial's model (pythonprogramming.net's "RNN example in TensorFlow"): each 28×28 image
/// is read as 28 steps of 28 pixels by a `BasicLSTMCell(units)`, the last output goes through a
/// dense layer to `classes` logits, trained with mean softmax cross-entropy and Adam.
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

    public init(steps: Int = 28, input: Int = 28, units: Int = 128, classes: Int = 10, forgetBias: Float = 1,
                outputInit: OutputInit = .randomNormal, seed: UInt64 = 0, adam: AdamConfig = AdamConfig(),
                threads: Int = 2, parallelism: Parallelism = .replicas) {
        self.steps = steps; self.input = input; self.units = units; self.classes = classes
        self.forgetBias = forgetBias; self.outputInit = outputInit; self.seed = seed; self.adam = adam
        self.threads = threads; self.parallelism = parallelism
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
    /// Batch staging buffers (images `[B, T·I]`, label distributions `[B, K]`), reused.
    let images = FloatBuffer(), targets = FloatBuffer()
    /// The largest number of rows one replica runs forward at once when evaluating; bounds memory.
    static let evalChunk = 128

    /// Weight names in `weights()` (TF's variable names for this graph).
    public static let kernelName = "rnn/basic_lstm_cell/kernel"
    public static let biasName = "rnn/basic_lstm_cell/bias"
    public static let denseWeightsName = "weights"
    public static let denseBiasName = "biases"

    public init(config: ModelConfig = ModelConfig()) throws(TensorError) {
        guard config.steps > 0, config.input > 0, config.units > 0, config.classes > 0 else {
            throw TensorError("steps, input, units and classes must be positive")
        }
        guard config.threads >= 1 else { throw TensorError("threads must be at least 1, got \(config.threads)") }
        let l = ParameterLayout(input: config.input, units: config.units, classes: config.classes)
        _ = try Limits.checkAllocation([config.input + config.units + config.classes + 1, 4 * config.units], .float32)
        self.config = config
        layout = l
        params = FloatBuffer(l.total)
        adam = AdamState(count: l.total, config: config.adam)
        let n = config.parallelism == .replicas ? config.threads : 1
        replicas = (0..<n).map { _ in ModelReplica(layout: l, steps: config.steps) }
        chunkGradients = (0..<Model.chunkCount(replicas: n)).map { _ in FloatBuffer(l.total) }
        var rng = SeededRandom(seed: config.seed)
        let kernel = Initializers.glorotUniform(rows: l.input + l.units, columns: 4 * l.units, rng: &rng)
        write(kernel, at: l.kernel)
        switch config.outputInit {
        case .randomNormal:
            write(Initializers.randomNormal(count: l.units * l.classes, rng: &rng), at: l.denseW)
            write(Initializers.randomNormal(count: l.classes, rng: &rng), at: l.denseB)
        case .glorot:
            write(Initializers.glorotUniform(rows: l.units, columns: l.classes, rng: &rng), at: l.denseW)
        }
    }

    private func write(_ v: [Float], at offset: Int) {
        v.withUnsafeBufferPointer { b in
            if let p = b.baseAddress { (params.pointer + offset).update(from: p, count: b.count) }
        }
    }

    /// Adam steps taken so far.
    public var stepCount: Int { adam.steps }

    /// The LSTM part as a cell (a copy of the current weights), e.g. for export or exploring.
    public var cell: LSTMCell {
        let w = weights()
        // The shapes come from this model's own buffers, so building the cell cannot fail.
        if let k = w[Model.kernelName], let b = w[Model.biasName],
           let c = try? LSTMCell(kernel: k, bias: b, forgetBias: config.forgetBias) { return c }
        preconditionFailure("the model's own weights always form a valid cell")
    }

    // MARK: weights in and out

    /// The weights under TF's names, float32, TF layout.
    public func weights() -> [String: NDArray] {
        let l = layout, p = params.pointer
        return [
            Model.kernelName: ArrayConversion.array(p + l.kernel, shape: [l.input + l.units, 4 * l.units]),
            Model.biasName: ArrayConversion.array(p + l.bias, shape: [4 * l.units]),
            Model.denseWeightsName: ArrayConversion.array(p + l.denseW, shape: [l.units, l.classes]),
            Model.denseBiasName: ArrayConversion.array(p + l.denseB, shape: [l.classes]),
        ]
    }

    /// Replaces the weights (all four names required, shapes as in `weights()`).
    public func setWeights(_ w: [String: NDArray]) throws(TensorError) {
        let l = layout
        let specs: [(String, [Int], Int)] = [
            (Model.kernelName, [l.input + l.units, 4 * l.units], l.kernel), (Model.biasName, [4 * l.units], l.bias),
            (Model.denseWeightsName, [l.units, l.classes], l.denseW), (Model.denseBiasName, [l.classes], l.denseB),
        ]
        for (name, shape, _) in specs {
            guard let a = w[name] else { throw TensorError("missing weight '\(name)'") }
            try ArrayConversion.expect(a, shape: shape, "weight '\(name)'")
        }
        for (name, _, offset) in specs {
            if let a = w[name] { ArrayConversion.copy(a, into: params.pointer + offset) }
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
        let (loss, correct, g) = computeGradients(rows: rows)
        guard loss.isFinite, LSTMLayer.allFinite(g, count: layout.total) else {
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
        let p = UnsafePointer(params.pointer), fb = config.forgetBias
        let chunks = split(rows)
        var results = [SoftmaxCrossEntropy.Result](repeating: .init(loss: 0, correct: 0), count: chunks.count)
        let imagesP = UnsafePointer(images.pointer), targetsP = UnsafePointer(targets.pointer)
        let grads = chunkGradients.map(\.pointer)
        results.withUnsafeMutableBufferPointer { resultsBuffer in
            let out = UncheckedBox(resultsBuffer)
            runParallel(chunks.count) { c, worker in
                let (start, count) = chunks[c]
                // Each task writes only its own chunk's slot and gradient buffer.
                out.value[c] = replicas[worker].trainSlice(params: p, forgetBias: fb, images: imagesP + start * per,
                                                           targets: targetsP + start * k, rows: count, total: rows,
                                                           gradients: grads[c])
            }
        }
        // Sum in chunk order: bit-identical for a given thread count.
        let g0 = grads[0]
        for c in 1..<max(chunks.count, 1) { LSTMLayer.add(grads[c], into: g0, count: layout.total) }
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
    func runParallel(_ n: Int, _ body: (Int, Int) -> Void) {
        if replicas.count <= 1 {
            BLASThreads.exclusively(threads: config.parallelism == .blas ? config.threads : 1) {
                for t in 0..<n { body(t, 0) }
            }
            return
        }
        BLASThreads.exclusively(threads: 1) {
            WorkerPool.shared.run(tasks: n, workers: replicas.count, body)
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
    public func evaluate(images x: NDArray, labels y: NDArray) throws(TensorError) -> Evaluation {
        let n = try checkImages(x)
        try stageLabels(y, count: n)
        let k = config.classes
        let out = FloatBuffer(max(n * k, 1))
        try forwardChunked(x, rows: n, into: out.pointer)
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
    func forwardChunked(_ x: NDArray, rows: Int, into out: UnsafeMutablePointer<Float>) throws(TensorError) {
        let per = config.steps * config.input, k = config.classes
        let p = UnsafePointer(params.pointer), fb = config.forgetBias
        let src = try x.contiguous()
        let outBox = UncheckedBox(out)
        let chunk = Model.evalChunk
        let tasks = (rows + chunk - 1) / chunk
        runParallel(tasks) { t, worker in
            let s = t * chunk, c = min(chunk, rows - s)
            let rep = replicas[worker]
            rep.staged.ensure(c * per)
            ArrayConversion.copyRows(src, rows: Array(s..<(s + c)), into: rep.staged.pointer)
            rep.forward(params: p, forgetBias: fb, images: rep.staged.pointer, rows: c, forBackward: false)
            (outBox.value + s * k).update(from: rep.logits.pointer, count: c * k)
        }
    }
}

/// Carries a non-Sendable value into `concurrentPerform`; each worker touches only its own
/// replica and slice, so there is no shared mutable state.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ v: T) { value = v }
}
