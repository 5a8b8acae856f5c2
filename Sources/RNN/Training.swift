import Foundation
import Tensor

/// Where training batches come from: the tutorial's `mnist.train.next_batch(batch_size)`
/// called `batchesPerEpoch` times per epoch. The shell's datasets conform; `ArrayBatches`
/// is the engine's own (for the benchmark and tests).
public protocol BatchSource {
    /// Batches in one epoch (the tutorial: `int(num_examples / batch_size)`).
    var batchesPerEpoch: Int { get }
    /// The next `(images, labels)`: images `[B, T·I]` or `[B, T, I]`; labels `[B]` class ids
    /// or `[B, K]` one-hot.
    mutating func nextBatch() throws -> (images: NDArray, labels: NDArray)
}

/// Where a training run is, reported after every batch; the shell renders it.
public struct TrainingProgress: Sendable {
    /// 0-based epoch and its count.
    public var epoch: Int, epochs: Int
    /// Batches done in this epoch (1-based) and the epoch's total.
    public var step: Int, stepsPerEpoch: Int
    /// Mean loss and accuracy over this epoch's batches so far.
    public var runningLoss: Double, runningAccuracy: Double
    /// The last batch's loss.
    public var batchLoss: Float
    /// Training throughput of this epoch so far, and the seconds it has taken.
    public var examplesPerSecond: Double, elapsed: Double
    /// Seconds left in this epoch at the current speed.
    public var eta: Double { examplesPerSecond > 0 && step > 0 ? elapsed / Double(step) * Double(stepsPerEpoch - step) : 0 }
}

/// One finished (or interrupted) epoch.
public struct EpochSummary: Sendable {
    public var epoch: Int
    /// The sum of the batch losses: the tutorial's `Epoch 0 completed out of 3 loss: 301.12`.
    public var lossSum: Double
    public var meanLoss: Double
    /// Training accuracy over the epoch's batches (each measured before its update).
    public var accuracy: Double
    public var steps: Int, examples: Int
    public var seconds: Double
    /// False when the epoch was cut short (Ctrl-C or a non-finite loss).
    public var complete: Bool
}

/// Why a training run ended.
public enum TrainingOutcome: Sendable, Equatable {
    case completed
    /// `shouldStop` returned true; the weights are those after the last finished batch.
    case interrupted
    /// A batch gave a NaN or infinite loss or gradient; it was not applied, so the weights are
    /// the last good ones.
    case nonFiniteLoss(epoch: Int, step: Int, loss: Float)
}

/// What a training run did.
public struct TrainingReport: Sendable {
    public var epochs: [EpochSummary]
    public var outcome: TrainingOutcome
    /// Every applied batch's loss, in order (for plots; bit-identical for the same seed, data
    /// and thread count).
    public var batchLosses: [Float]
    /// Every applied batch's training accuracy.
    public var batchAccuracies: [Float]
}

extension Model {
    /// The tutorial's training loop: `epochs` × `source.batchesPerEpoch` Adam steps.
    /// `shouldStop` is polled between batches (Ctrl-C): training then ends after the batch in
    /// progress, keeping its update. `progress` is called after every batch, `epochEnd` after
    /// every epoch (e.g. to measure validation accuracy). A non-finite loss stops training with
    /// the last good weights. Errors from the source are rethrown (weights so far are kept).
    public func train<S: BatchSource>(_ source: inout S, epochs: Int,
                                      shouldStop: () -> Bool = { false },
                                      progress: ((TrainingProgress) -> Void)? = nil,
                                      epochEnd: ((EpochSummary) -> Void)? = nil) throws -> TrainingReport {
        var report = TrainingReport(epochs: [], outcome: .completed, batchLosses: [], batchAccuracies: [])
        let steps = source.batchesPerEpoch
        var tuner = WorkerTuner(workers: replicas.count)
        defer { activeWorkers = Int.max }
        report.batchLosses.reserveCapacity(max(0, epochs) * max(0, steps))
        for epoch in 0..<max(0, epochs) {
            var summary = EpochSummary(epoch: epoch, lossSum: 0, meanLoss: 0, accuracy: 0, steps: 0,
                                       examples: 0, seconds: 0, complete: true)
            var correct = 0
            let start = DispatchTime.now().uptimeNanoseconds
            var stop: TrainingOutcome?
            for step in 0..<steps {
                if shouldStop() { stop = .interrupted; break }
                let (x, y) = try source.nextBatch()
                let b0 = DispatchTime.now().uptimeNanoseconds
                let r = try self.step(images: x, labels: y)
                activeWorkers = tuner.next(afterBatchOf: Double(DispatchTime.now().uptimeNanoseconds - b0) / 1e9)
                guard r.applied else { stop = .nonFiniteLoss(epoch: epoch, step: step, loss: r.loss); break }
                summary.lossSum += Double(r.loss)
                summary.steps += 1
                summary.examples += r.count
                correct += r.correct
                report.batchLosses.append(r.loss)
                report.batchAccuracies.append(Float(r.correct) / Float(max(r.count, 1)))
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                progress?(TrainingProgress(
                    epoch: epoch, epochs: epochs, step: step + 1, stepsPerEpoch: steps,
                    runningLoss: summary.lossSum / Double(summary.steps),
                    runningAccuracy: Double(correct) / Double(max(summary.examples, 1)),
                    batchLoss: r.loss, examplesPerSecond: elapsed > 0 ? Double(summary.examples) / elapsed : 0,
                    elapsed: elapsed))
            }
            summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            summary.meanLoss = summary.steps > 0 ? summary.lossSum / Double(summary.steps) : 0
            summary.accuracy = summary.examples > 0 ? Double(correct) / Double(summary.examples) : 0
            summary.complete = stop == nil
            report.epochs.append(summary)
            epochEnd?(summary)
            if let stop { report.outcome = stop; break }
        }
        return report
    }
}

/// Batches from arrays held in memory: a new random order every epoch (seeded), and
/// `N / batchSize` full batches per epoch (the rest of a shuffled epoch is skipped, as the
/// tutorial's `int(num_examples / batch_size)` loop does).
public struct ArrayBatches: BatchSource {
    public let images: NDArray, labels: NDArray
    public let batchSize: Int
    /// Multiplies every pixel as it is converted (e.g. 1/255 for uint8 images kept as bytes:
    /// 47 MB for MNIST's 60,000 images instead of 188 MB as float32).
    public let scale: Float
    public var batchesPerEpoch: Int { batchSize > 0 ? images.shape[0] / batchSize : 0 }
    private var rng: SeededRandom
    private var order: [Int] = []
    private var position = 0

    /// `images` `[N, ...]` (any numeric dtype), `labels` `[N]` or `[N, K]`. The arrays are
    /// not copied (a non-contiguous view is made contiguous once, in its own dtype).
    public init(images: NDArray, labels: NDArray, batchSize: Int, seed: UInt64 = 0, scale: Float = 1) throws(TensorError) {
        guard images.ndim >= 2, labels.ndim >= 1, images.shape[0] == labels.shape[0] else {
            throw TensorError("images \(shapeString(images.shape)) and labels \(shapeString(labels.shape)) must have the same first dimension")
        }
        guard batchSize > 0 else { throw TensorError("batch size must be positive, got \(batchSize)") }
        self.images = try images.contiguous()
        self.labels = try labels.contiguous()
        self.batchSize = batchSize
        self.scale = scale
        rng = SeededRandom(seed: seed)
    }

    public mutating func nextBatch() throws -> (images: NDArray, labels: NDArray) {
        let n = images.shape[0]
        guard n >= batchSize else {
            throw TensorError("a batch of \(batchSize) needs at least \(batchSize) examples; there are \(n)")
        }
        if position + batchSize > order.count {
            order = rng.permutation(n); position = 0
        }
        let rows = Array(order[position..<(position + batchSize)])
        position += batchSize
        var xs = Array(images.shape); xs[0] = batchSize
        var ys = Array(labels.shape); ys[0] = batchSize
        let x = try NDArray(zeros: xs, dtype: .float32), y = try NDArray(zeros: ys, dtype: .float32)
        ArrayConversion.withFloats([x, y]) { p in
            ArrayConversion.copyRows(images, rows: rows, into: p[0])
            if scale != 1 { for k in 0..<x.size { p[0][k] *= scale } }
            ArrayConversion.copyRows(labels, rows: rows, into: p[1])
        }
        return (x, y)
    }
}

/// Picks how many worker threads a training run uses, by measuring. On a shared machine a
/// second thread only helps while a second core is (mostly) free: with every core busy with
/// other programs, a batch waits at its end for the chunk a descheduled worker holds, and two
/// threads were measured slower than one. So the run uses all workers, and every `period`
/// batches tries the other choice (one worker, or all) for `probe` batches; whichever had the
/// lower median batch time is kept. The results do not change: chunks and their summing order
/// are fixed by the thread count the model was made with.
struct WorkerTuner {
    let workers: Int
    private(set) var current: Int
    static let period = 40, probe = 4
    private var count = 0
    private var recentCurrent: [Double] = []
    private var probing: [Double] = []
    private var probeWorkers = 0

    init(workers: Int) { self.workers = max(1, workers); current = max(1, workers) }

    /// Records the last batch's wall time; returns the workers for the next batch.
    mutating func next(afterBatchOf seconds: Double) -> Int {
        guard workers > 1 else { return 1 }
        count += 1
        if probeWorkers > 0 {
            probing.append(seconds)
            if probing.count < WorkerTuner.probe { return probeWorkers }
            if WorkerTuner.median(probing) < 0.95 * WorkerTuner.median(recentCurrent) { current = probeWorkers }
            probeWorkers = 0; probing = []; recentCurrent = []
            return current
        }
        // The first batches warm buffers up; keep the last few of the current choice.
        if count > 2 { recentCurrent.append(seconds) }
        if recentCurrent.count > WorkerTuner.probe { recentCurrent.removeFirst() }
        if count % WorkerTuner.period == 0 && recentCurrent.count == WorkerTuner.probe {
            probeWorkers = current == workers ? 1 : workers
            return probeWorkers
        }
        return current
    }

    static func median(_ v: [Double]) -> Double {
        let s = v.sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }
}
