import Testing
import Foundation
import Tensor
@testable import RNN

/// The training loop: learning, reproducibility bit for bit, stopping between batches, the
/// NaN guard, and weights/optimizer state in and out. Small shapes: seconds, not minutes.
@Suite struct TrainingTests {
    /// A toy task of the tutorial's form: 8 steps of 6 values; the class is the brightest band.
    static func data(n: Int, seed: UInt64) throws -> (NDArray, NDArray) {
        var rng = SeededRandom(seed: seed)
        var x = [Float](), y = [Int64]()
        for _ in 0..<n {
            let k = Int(rng.next() % 4)
            y.append(Int64(k))
            for p in 0..<48 { x.append(Float(rng.unit()) * (p * 4 / 48 == k ? 1 : 0.3)) }
        }
        return (try NDArray(x, shape: [n, 8, 6]), NDArray(y))
    }
    static func config(threads: Int = 1, parallelism: Parallelism = .blas, seed: UInt64 = 5) -> ModelConfig {
        ModelConfig(steps: 8, input: 6, units: 12, classes: 4, outputInit: .glorot, seed: seed,
                    adam: AdamConfig(learningRate: 0.01), threads: threads, parallelism: parallelism)
    }

    @Test func learnsAndReportsEpochs() throws {
        let (x, y) = try Self.data(n: 256, seed: 1)
        let m = try Model(config: Self.config())
        var src = try ArrayBatches(images: x, labels: y, batchSize: 32, seed: 2)
        var seen: [TrainingProgress] = []
        var ends: [EpochSummary] = []
        let r = try m.train(&src, epochs: 6, progress: { seen.append($0) }, epochEnd: { ends.append($0) })
        #expect(r.outcome == .completed)
        #expect(r.epochs.count == 6 && ends.count == 6 && seen.count == 6 * 8)
        #expect(seen.last?.step == 8 && seen.last?.stepsPerEpoch == 8)
        #expect(r.batchLosses.count == 48 && m.stepCount == 48)
        let e0 = r.epochs[0], e5 = r.epochs[5]
        #expect(abs(e0.lossSum - Double(r.batchLosses[0..<8].reduce(0, +))) < 1e-4)
        #expect(e5.meanLoss < e0.meanLoss * 0.5)
        let (tx, ty) = try Self.data(n: 200, seed: 3)
        let ev = try m.evaluate(images: tx, labels: ty)
        #expect(ev.accuracy > 0.9 && ev.count == 200 && ev.predictions.count == 200)
        let p = floats(try m.predict(tx))
        #expect(abs(p[0..<4].reduce(0, +) - 1) < 1e-5)
    }

    @Test(arguments: [(1, Parallelism.blas), (2, Parallelism.replicas), (2, Parallelism.blas)])
    func sameSeedSameLossesBitForBit(threads: Int, parallelism: Parallelism) throws {
        let (x, y) = try Self.data(n: 192, seed: 4)
        func run() throws -> [Float] {
            let m = try Model(config: Self.config(threads: threads, parallelism: parallelism))
            var src = try ArrayBatches(images: x, labels: y, batchSize: 64, seed: 7)
            return try m.train(&src, epochs: 3).batchLosses
        }
        let a = try run(), b = try run()
        #expect(a.count == 9)
        #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
    }

    @Test func replicasAgreeWithOneReplica() throws {
        let (x, y) = try Self.data(n: 64, seed: 8)
        let one = try Model(config: Self.config(threads: 1, parallelism: .blas))
        let two = try Model(config: Self.config(threads: 2, parallelism: .replicas))
        for _ in 0..<3 {
            let a = try one.trainStep(images: x, labels: y), b = try two.trainStep(images: x, labels: y)
            #expect(abs(a - b) <= 1e-5 * abs(a))
        }
    }

    @Test func shouldStopEndsBetweenBatches() throws {
        let (x, y) = try Self.data(n: 128, seed: 1)
        let m = try Model(config: Self.config())
        var src = try ArrayBatches(images: x, labels: y, batchSize: 16, seed: 2)
        var polls = 0
        let r = try m.train(&src, epochs: 3, shouldStop: { polls += 1; return polls > 11 })
        #expect(r.outcome == .interrupted)
        #expect(m.stepCount == 11 && r.batchLosses.count == 11)
        #expect(r.epochs.count == 2 && r.epochs[0].complete && !r.epochs[1].complete && r.epochs[1].steps == 3)
    }

    @Test func nonFiniteLossStopsAndKeepsLastGoodWeights() throws {
        let (x, y) = try Self.data(n: 64, seed: 1)
        let m = try Model(config: Self.config())
        _ = try m.trainStep(images: x, labels: y)
        let good = m.weights()
        var xv = floats(x); xv[5] = .nan
        let bad = try NDArray(xv, shape: x.shape)
        struct OneBad: BatchSource {
            let good: (NDArray, NDArray), bad: (NDArray, NDArray)
            var n = 0
            var batchesPerEpoch: Int { 4 }
            mutating func nextBatch() throws -> (images: NDArray, labels: NDArray) {
                n += 1
                return n == 3 ? bad : good
            }
        }
        var src = OneBad(good: (x, y), bad: (bad, y))
        let r = try m.train(&src, epochs: 2)
        guard case .nonFiniteLoss(let epoch, let step, let loss) = r.outcome else {
            Issue.record("expected a non-finite stop, got \(r.outcome)"); return
        }
        #expect(epoch == 0 && step == 2 && loss.isNaN)
        #expect(m.stepCount == 3)   // 1 + the two good batches before the bad one
        let after = m.weights()
        #expect(after.values.allSatisfy { floats($0).allSatisfy(\.isFinite) })
        // Training the same two good batches from `good` reproduces the weights: nothing of the bad batch stuck.
        let replay = try Model(config: Self.config())
        _ = try replay.trainStep(images: x, labels: y)
        _ = try replay.trainStep(images: x, labels: y)
        _ = try replay.trainStep(images: x, labels: y)
        for (k, v) in replay.weights() { #expect(floats(v) == floats(try #require(after[k])), "\(k)") }
        _ = good
    }

    @Test func weightsAndOptimizerStateRoundTrip() throws {
        let (x, y) = try Self.data(n: 64, seed: 1)
        let a = try Model(config: Self.config())
        for _ in 0..<3 { _ = try a.trainStep(images: x, labels: y) }
        let b = try Model(config: Self.config(seed: 99))
        try b.setWeights(a.weights())
        try b.setOptimizerState(a.optimizerState())
        #expect(b.stepCount == 3)
        let la = try a.trainStep(images: x, labels: y), lb = try b.trainStep(images: x, labels: y)
        #expect(la.bitPattern == lb.bitPattern)
        for (k, v) in a.weights() { #expect(floats(v) == floats(try #require(b.weights()[k]))) }
        // Wrong shapes and missing names are refused.
        var w = a.weights(); w[Model.biasName] = NDArray([Float(1)])
        #expect(throws: TensorError.self) { try b.setWeights(w) }
        w.removeValue(forKey: Model.biasName)
        #expect(throws: TensorError.self) { try b.setWeights(w) }
    }

    @Test func tutorialInitialisation() throws {
        // random_normal output layer (weights and biases), glorot-uniform LSTM kernel, zero bias.
        let m = try Model(config: ModelConfig(seed: 0))
        let w = m.weights()
        let dense = floats(try #require(w[Model.denseWeightsName]))
        let mean = dense.reduce(0, +) / Float(dense.count)
        let sd = (dense.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(dense.count)).squareRoot()
        #expect(abs(mean) < 0.15 && abs(sd - 1) < 0.1)
        #expect(floats(try #require(w[Model.denseBiasName])).contains { $0 != 0 })
        #expect(floats(try #require(w[Model.biasName])).allSatisfy { $0 == 0 })
        #expect(try #require(w[Model.kernelName]).shape == [156, 512])
        let g = try Model(config: ModelConfig(outputInit: .glorot)).weights()
        #expect(floats(try #require(g[Model.denseBiasName])).allSatisfy { $0 == 0 })
    }

    @Test func labelForms() throws {
        let (x, y) = try Self.data(n: 16, seed: 1)
        let ids = floats(y).map { Int($0) }
        var onehot = [Float](repeating: 0, count: 16 * 4)
        for (r, k) in ids.enumerated() { onehot[r * 4 + k] = 1 }
        let a = try Model(config: Self.config()), b = try Model(config: Self.config())
        let la = try a.trainStep(images: x, labels: y)
        let lb = try b.trainStep(images: x, labels: try NDArray(onehot, shape: [16, 4]))
        #expect(la.bitPattern == lb.bitPattern)
        #expect(throws: TensorError.self) { try a.trainStep(images: x, labels: NDArray([Int64](repeating: 7, count: 16))) }
        #expect(throws: TensorError.self) { try a.trainStep(images: x, labels: NDArray([Int64](repeating: 0, count: 15))) }
        #expect(throws: TensorError.self) { try a.trainStep(images: try NDArray(zeros: [16, 5], dtype: .float32), labels: y) }
    }
}

@Suite struct ArrayBatchesTests {
    @Test func shufflesEveryEpochAndScalesBytes() throws {
        let n = 10
        let images = try NDArray((0..<(n * 2)).map { UInt8($0) }, shape: [n, 2])
        let labels = NDArray((0..<n).map { Int64($0) })
        var src = try ArrayBatches(images: images, labels: labels, batchSize: 3, seed: 1, scale: 0.5)
        #expect(src.batchesPerEpoch == 3)
        var epoch1: [Float] = [], epoch2: [Float] = []
        for _ in 0..<3 {
            let (x, y) = try src.nextBatch()
            #expect(x.dtype == .float32 && x.shape == [3, 2] && y.shape == [3])
            let xv = floats(x), yv = floats(y)
            for r in 0..<3 { #expect(xv[2 * r] == Float(2 * Int(yv[r])) * 0.5 && xv[2 * r + 1] == Float(2 * Int(yv[r]) + 1) * 0.5) }
            epoch1 += yv
        }
        for _ in 0..<3 { epoch2 += floats(try src.nextBatch().labels) }
        #expect(Set(epoch1).count == 9 && Set(epoch2).count == 9)
        #expect(epoch1 != epoch2)
        #expect(throws: TensorError.self) { try ArrayBatches(images: images, labels: NDArray([Int64(1)]), batchSize: 3) }
    }
}

@Suite struct InferenceTests {
    /// Evaluation's forward-only pass (which keeps less) computes exactly the training forward:
    /// its mean loss equals the loss `gradients` reports, bit for bit (same products, one replica).
    @Test func evaluationMatchesTrainingForward() throws {
        let (x, y) = try TrainingTests.data(n: 40, seed: 6)
        let m = try Model(config: TrainingTests.config())
        _ = try m.trainStep(images: x, labels: y)
        let g = try m.gradients(images: x, labels: y)
        let e = try m.evaluate(images: x, labels: y)
        #expect(Float(e.loss).bitPattern == g.loss.bitPattern)
        let z = floats(try m.logits(x))
        #expect(z.count == 40 * 4 && z.allSatisfy(\.isFinite))
    }
}
