import Foundation
import Tensor

/// What `Benchmark.run` measures with.
public struct BenchmarkConfig: Sendable {
    public var batch = 128, units = 128, steps = 28, input = 28, classes = 10
    /// Timed training batches (after `warmupBatches` untimed ones).
    public var trainBatches = 120, warmupBatches = 5
    /// Forward-only examples for the evaluation figure (the tutorial's test set: 10,000).
    public var evalExamples = 10_000
    public var threads = 2
    public var parallelism: Parallelism = .replicas
    public var seed: UInt64 = 0
    /// The cell the model runs (the tutorial's LSTM; `bench` also runs GRU and RNN).
    public var cell: CellKind = .standard
    /// Time training only: no evaluation, no sgemm peaks, no profile (their figures are 0). For
    /// the cells `bench` compares, interleaved, against one run's peak.
    public var trainOnly = false
    public init() {}
    /// The defaults, with `RNNSH_BENCH_THREADS`, `RNNSH_BENCH_PARALLELISM` (blas|replicas) and
    /// `RNNSH_BENCH_BATCHES` from the environment when set (for comparing configurations).
    public static func fromEnvironment() -> BenchmarkConfig {
        var c = BenchmarkConfig()
        let env = ProcessInfo.processInfo.environment
        if let t = env["RNNSH_BENCH_THREADS"].flatMap({ Int($0) }), t >= 1, t <= 64 { c.threads = t }
        if let p = env["RNNSH_BENCH_PARALLELISM"].flatMap({ Parallelism(rawValue: $0) }) { c.parallelism = p }
        if let b = env["RNNSH_BENCH_BATCHES"].flatMap({ Int($0) }), b >= 1, b <= 100_000 { c.trainBatches = b }
        return c
    }
}

/// Where the time of one training batch goes (seconds per batch, from replaying the batch's
/// matrix products alone and its element-wise cell work alone on the same buffers).
public struct BatchProfile: Sendable {
    public var totalSeconds: Double
    public var gemmSeconds: Double
    public var activationSeconds: Double
    /// Everything else: copying the batch in, loss, summing gradients, Adam, thread hand-offs.
    public var otherSeconds: Double { max(0, totalSeconds - gemmSeconds - activationSeconds) }
}

/// The benchmark's figures (no printing here: `rnnsh bench` formats them).
public struct BenchmarkResult: Sendable {
    public var config: BenchmarkConfig
    /// Matrix-product FLOPs per training example, counted as the frameworks' summaries count
    /// them: 3 × the forward products (forward, input gradients, weight gradients) =
    /// 3 × (T·2·(I+U)·4U + 2·U·K) = 13,433,856 for the tutorial's model.
    public var flopsPerExample: Double
    /// Forward products per example (for evaluation): T·2·(I+U)·4U + 2·U·K.
    public var forwardFlopsPerExample: Double
    public var trainExamplesPerSecond: Double
    public var trainGFLOPS: Double
    /// Process CPU seconds per training batch (all threads). On a shared, busy machine the wall
    /// clock mostly measures the neighbours; `batch / (cpuSecondsPerBatch / threads)` is what
    /// the same work would give with the cores to itself.
    public var trainCPUSecondsPerBatch: Double
    public var idleMachineExamplesPerSecond: Double {
        trainCPUSecondsPerBatch > 0 ? Double(config.batch) * Double(config.threads) / trainCPUSecondsPerBatch : 0
    }
    /// The machine's load average over the last minute when the run ended.
    public var loadAverage: Double
    /// Cores other processes kept busy during the timed training (nil without /proc/stat).
    public var trainLoad: MachineLoad?
    /// A 60,000-image epoch at the measured speed.
    public var epochSeconds: Double
    /// The machine's sgemm speed in the same run: the fastest of several 512³ products with
    /// the best kernel set, split over the benchmark's threads.
    public var peakGFLOPS: Double
    /// Single-thread 512³ peaks of every kernel set this CPU supports, best set first.
    public var kernelPeaks: [(kernel: String, gflops: Double)]
    public var peakFraction: Double { peakGFLOPS > 0 ? trainGFLOPS / peakGFLOPS : 0 }
    /// Training's GFLOP per CPU second of its threads: what each core did while it ran the
    /// engine. Set against a one-thread peak it is the efficiency that other processes' load
    /// does not hide (a busy machine takes wall time, not the work done per CPU second).
    public var trainGFLOPSPerCPUSecond: Double {
        trainCPUSecondsPerBatch > 0 ? flopsPerExample * Double(config.batch) / trainCPUSecondsPerBatch / 1e9 : 0
    }
    /// The one-thread 512³ peak of the kernel set the products ran on (0 when not measured).
    public var activeKernelPeak: Double { kernelPeaks.first { $0.kernel == kernel }?.gflops ?? 0 }
    public var evalSeconds: Double
    /// Process CPU seconds of that evaluation (all threads).
    public var evalCPUSeconds: Double
    public var evalExamplesPerSecond: Double
    public var evalGFLOPS: Double
    /// Peak resident memory of the process so far (VmHWM), MiB.
    public var rssMB: Double
    public var profile: BatchProfile
    /// Loss of the first and last timed batches (synthetic data; it should fall).
    public var firstLoss: Float, lastLoss: Float
    public var blasConfiguration: String
    /// The kernel set the products ran on (`avx512`, `avx2`, `generic`).
    public var kernel: String
}

public enum Benchmark {
    /// Trains the tutorial's model on synthetic data of its shapes, then evaluates, measures
    /// the sgemm peak and profiles a batch. Takes ~10 s.
    public static func run(_ bc: BenchmarkConfig = BenchmarkConfig()) throws -> BenchmarkResult {
        let cfg = ModelConfig(steps: bc.steps, input: bc.input, units: bc.units, classes: bc.classes,
                              seed: bc.seed, threads: bc.threads, parallelism: bc.parallelism, cell: bc.cell)
        let model = try Model(config: cfg)
        let perImage = bc.steps * bc.input
        // Synthetic images with a learnable label: the class is the brightest of K bands.
        // Written straight into the array's storage (no second copy: the RSS figure counts).
        let n = bc.trainOnly ? bc.batch * 32 : max(bc.batch * 32, bc.evalExamples)
        var rng = SeededRandom(seed: bc.seed &+ 1)
        let images = try NDArray(zeros: [n, perImage], dtype: .float32)
        var labels = [Int64](repeating: 0, count: n)
        ArrayConversion.withFloats(images) { px in
            for i in 0..<n {
                let k = Int(rng.next() % UInt64(bc.classes))
                labels[i] = Int64(k)
                for p in 0..<perImage {
                    let band = p * bc.classes / perImage
                    px[i * perImage + p] = Float(rng.unit()) * (band == k ? 1 : 0.5)
                }
            }
        }
        let labelArray = try NDArray(labels, shape: [n])
        var source = try ArrayBatches(images: images, labels: labelArray, batchSize: bc.batch, seed: bc.seed)

        for _ in 0..<bc.warmupBatches {
            let (x, y) = try source.nextBatch()
            _ = try model.step(images: x, labels: y)
        }
        var first: Float = .nan, last: Float = .nan
        let c0 = cpuNow()
        let probe = MachineLoad.start()
        let t0 = now()
        for b in 0..<bc.trainBatches {
            let (x, y) = try source.nextBatch()
            let r = try model.step(images: x, labels: y)
            if b == 0 { first = r.loss }
            last = r.loss
        }
        let trainSeconds = now() - t0
        let trainCPU = cpuNow() - c0
        let load = probe.finish()
        let trainEx = Double(bc.trainBatches * bc.batch)
        let fwd = model.forwardFlopsPerExample
        let flops = 3 * fwd

        let perBatch = trainSeconds / Double(max(bc.trainBatches, 1))
        var evalSeconds = Double.infinity, evalCPU = Double.infinity
        var peak = 0.0
        var kernelPeaks: [(kernel: String, gflops: Double)] = []
        var profile = BatchProfile(totalSeconds: perBatch, gemmSeconds: 0, activationSeconds: 0)
        if !bc.trainOnly {
            // Evaluation: forward only over evalExamples images, best of two.
            let evalSet = n == bc.evalExamples ? images : try firstRows(images, bc.evalExamples)
            for _ in 0..<2 {
                let e0 = now(), ec0 = cpuNow()
                _ = try model.logits(evalSet)
                evalSeconds = min(evalSeconds, now() - e0)
                evalCPU = min(evalCPU, cpuNow() - ec0)
            }
            peak = sgemmPeak(threads: bc.threads)
            kernelPeaks = GEMMKernels.supported.map { ($0, sgemmPeak(kernel: $0)) }
            profile = try profileBatch(model, &source, total: perBatch)
        }

        let exPerS = trainEx / trainSeconds
        let evalN = Double(bc.evalExamples)
        return BenchmarkResult(
            config: bc, flopsPerExample: flops, forwardFlopsPerExample: fwd,
            trainExamplesPerSecond: exPerS, trainGFLOPS: exPerS * flops / 1e9,
            trainCPUSecondsPerBatch: trainCPU / Double(max(bc.trainBatches, 1)), loadAverage: loadAverage(), trainLoad: load,
            epochSeconds: 60_000 / exPerS,
            peakGFLOPS: peak, kernelPeaks: kernelPeaks, evalSeconds: evalSeconds.isFinite ? evalSeconds : 0,
            evalCPUSeconds: evalCPU.isFinite ? evalCPU : 0, evalExamplesPerSecond: evalSeconds.isFinite ? evalN / evalSeconds : 0,
            evalGFLOPS: evalSeconds.isFinite ? evalN * fwd / evalSeconds / 1e9 : 0, rssMB: peakRSSMegabytes(), profile: profile,
            firstLoss: first, lastLoss: last, blasConfiguration: BLASThreads.configuration,
            kernel: GEMMKernels.active)
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// CPU time of the whole process (all threads), seconds.
    static func cpuNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func loadAverage() -> Double {
        var l = [Double](repeating: 0, count: 3)
        return getloadavg(&l, 3) > 0 ? l[0] : 0
    }

    /// The first `count` rows of a C-contiguous float32 `[N, D]` array, as a new array.
    static func firstRows(_ a: NDArray, _ count: Int) throws -> NDArray {
        let d = a.shape[1], c = min(count, a.shape[0])
        return ArrayConversion.withFloats(a) { ArrayConversion.array($0, shape: [c, d]) }
    }

    /// The fastest of several 512×512×512 sgemms with the active kernel set, split by rows over
    /// `threads` workers (as `Parallelism.blas` splits products), GFLOP/s.
    public static func sgemmPeak(threads: Int, size: Int = 512, repeats: Int = 12) -> Double {
        let n = size
        let a = FloatBuffer(n * n), b = FloatBuffer(n * n), c = FloatBuffer(n * n)
        for k in 0..<(n * n) { a.pointer[k] = Float(k % 7) * 0.01; b.pointer[k] = Float(k % 5) * 0.01 }
        var best = Double.infinity
        BLASThreads.exclusively(threads: threads) {
            for _ in 0..<repeats {
                let t0 = now()
                GEMM.sgemm(m: n, n: n, k: n, a: a.pointer, lda: n, b: b.pointer, ldb: n, beta: 0, c: c.pointer, ldc: n)
                best = min(best, now() - t0)
            }
        }
        return 2 * Double(n * n * n) / best / 1e9
    }

    /// The same product on one thread with a named kernel set, GFLOP/s.
    public static func sgemmPeak(kernel: String, size: Int = 512, repeats: Int = 8) -> Double {
        let n = size
        let a = FloatBuffer(n * n), b = FloatBuffer(n * n), c = FloatBuffer(n * n)
        for k in 0..<(n * n) { a.pointer[k] = Float(k % 7) * 0.01; b.pointer[k] = Float(k % 5) * 0.01 }
        var best = Double.infinity
        BLASThreads.exclusively(threads: 1) {
            for _ in 0..<repeats {
                let t0 = now()
                GEMMKernels.sgemm(with: kernel, m: n, n: n, k: n, a: a.pointer, lda: n, b: b.pointer, ldb: n,
                                  c: c.pointer, ldc: n)
                best = min(best, now() - t0)
            }
        }
        return 2 * Double(n * n * n) / best / 1e9
    }

    /// Peak resident set size (VmHWM from /proc/self/status), MiB; 0 where unavailable.
    public static func peakRSSMegabytes() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }

    /// Times, per batch, the matrix products alone and the element-wise cell work alone, by
    /// replaying them on the replicas' buffers exactly as a training batch issues them.
    static func profileBatch<S: BatchSource>(_ model: Model, _ source: inout S, total: Double) throws -> BatchProfile {
        let (x, y) = try source.nextBatch()
        _ = try model.step(images: x, labels: y)   // sizes every buffer for this batch
        let rows = x.shape[0]
        let slices = model.split(rows)
        let p = UnsafePointer(model.params.pointer)
        let reps = 10
        var gemm = Double.infinity, act = Double.infinity
        for _ in 0..<3 {
            let g0 = now()
            for _ in 0..<reps { model.runParallel(slices.count) { _, w in model.replicas[w].replayGEMMs(params: p) } }
            gemm = min(gemm, (now() - g0) / Double(reps))
            let a0 = now()
            for _ in 0..<reps {
                model.runParallel(slices.count) { _, w in model.replicas[w].replayCellWork(params: p, forgetBias: model.config.forgetBias) }
            }
            act = min(act, (now() - a0) / Double(reps))
        }
        return BatchProfile(totalSeconds: total, gemmSeconds: gemm, activationSeconds: act)
    }
}

extension ModelReplica {
    /// The products of one `trainSlice`, same shapes and buffers, values ignored.
    /// The LSTM's activations (the profile replays the LSTM's work; other cells are not profiled).
    var act: LSTMActivations { (first as? LSTMKernel)?.act ?? LSTMActivations() }

    func replayGEMMs(params: UnsafePointer<Float>) {
        let act = self.act
        let d = act.dims
        let (B, I, U, T, R, G, K) = (d.batch, d.input, d.units, d.steps, d.rowWidth, d.gateWidth, layout.classes)
        let g = grads.pointer
        for t in 0..<T {
            GEMM.sgemm(m: B, n: G, k: R, a: act.xh.pointer + t * B * R, lda: R, b: params, ldb: G,
                       beta: 0, c: act.gates.pointer + t * B * G, ldc: G)
        }
        GEMM.sgemm(m: B, n: K, k: U, a: act.hLast.pointer, lda: U, b: params + layout.denseW, ldb: K,
                   beta: 1, c: logits.pointer, ldc: K)
        GEMM.sgemm(transA: true, m: U, n: K, k: B, a: act.hLast.pointer, lda: U, b: dlogits.pointer, ldb: K,
                   beta: 0, c: g + layout.denseW, ldc: K)
        GEMM.sgemm(transB: true, m: B, n: U, k: K, a: dlogits.pointer, lda: K, b: params + layout.denseW, ldb: K,
                   beta: 0, c: act.dh.pointer, ldc: U)
        for t in stride(from: T - 1, to: 0, by: -1) {
            GEMM.sgemm(transB: true, m: B, n: U, k: G, a: act.gates.pointer + t * B * G, lda: G, b: params + I * G,
                       ldb: G, beta: 0, c: act.dh.pointer, ldc: U)
        }
        GEMM.sgemm(transA: true, m: R, n: G, k: T * B, a: act.xh.pointer, lda: R, b: act.gates.pointer, ldb: G,
                   beta: 0, c: g, ldc: G)
    }

    /// The element-wise cell work of one `trainSlice` (forward and backward cells), values ignored.
    func replayCellWork(params: UnsafePointer<Float>, forgetBias: Float) {
        let act = self.act
        let d = act.dims
        let (B, U, T, G, R) = (d.batch, d.units, d.steps, d.gateWidth, d.rowWidth)
        let scratch = act.hLast.pointer
        for t in 0..<T {
            for b in 0..<B {
                LSTMLayer.cellForward(gates: act.gates.pointer + (t * B + b) * G, bias: params + R * G,
                                      forgetBias: forgetBias, cPrev: act.cell(after: t - 1, b),
                                      c: act.dc.pointer + b * U, tanhC: act.tc.pointer + (t * B + b) * U,
                                      h: scratch + b * U, units: U)
            }
        }
        for t in stride(from: T - 1, through: 0, by: -1) {
            for b in 0..<B {
                LSTMLayer.cellBackward(gates: act.gates.pointer + (t * B + b) * G, cPrev: act.cell(after: t - 1, b),
                                       tanhC: act.tc.pointer + (t * B + b) * U, dh: act.dh.pointer + b * U,
                                       dc: act.dc.pointer + b * U, units: U)
            }
        }
    }
}
