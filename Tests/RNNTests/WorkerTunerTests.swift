import Testing
import Tensor
@testable import RNN

/// The training loop may run a 2-thread model on one worker when the second core does not pay
/// for itself: the choice must follow measured batch times, and must never change results.
@Suite struct WorkerTunerTests {
    /// Feeds batch times that depend on the worker count the tuner chose.
    static func run(_ time: (Int) -> Double, batches: Int) -> [Int] {
        var t = WorkerTuner(workers: 2)
        var w = 2
        var chosen: [Int] = []
        for _ in 0..<batches { w = t.next(afterBatchOf: time(w)); chosen.append(w) }
        return chosen
    }

    @Test func keepsTwoWorkersWhenTheyAreFaster() {
        let chosen = Self.run({ $0 == 2 ? 0.010 : 0.018 }, batches: 199)
        // Only the probes (every `period` batches, `probe` long) use one worker.
        #expect(chosen.filter { $0 == 1 }.count == (199 / WorkerTuner.period) * WorkerTuner.probe)
        #expect(chosen.last == 2)
    }

    @Test func dropsToOneWorkerWhenTheSecondCoreIsBusy() {
        let chosen = Self.run({ $0 == 2 ? 0.030 : 0.018 }, batches: 199)
        // After the first probe, two workers come back only for the later probes.
        #expect(chosen.suffix(100).filter { $0 == 1 }.count == 100 - 2 * WorkerTuner.probe)
    }

    @Test func oneWorkerOrTwoGiveTheSameBits() throws {
        let (x, y) = try TrainingTests.data(n: 128, seed: 9)
        func losses(workers: Int) throws -> [UInt32] {
            let m = try Model(config: TrainingTests.config(threads: 2, parallelism: .replicas))
            var out: [UInt32] = []
            for _ in 0..<3 {
                m.activeWorkers = workers
                out.append(try m.trainStep(images: x, labels: y).bitPattern)
            }
            return out
        }
        #expect(try losses(workers: 1) == losses(workers: 2))
    }
}
