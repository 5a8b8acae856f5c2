import Foundation
import RNN

/// `rnnsh bench` (and `make bench`): trains the tutorial's model on synthetic data of its shapes,
/// measures the machine's sgemm peak in the same run, and prints a table and, last, one
/// machine-readable line. The engine measures; this only formats.
func runBench() -> Int32 {
    let r: BenchmarkResult
    do {
        r = try Benchmark.run(BenchmarkConfig.fromEnvironment())
    } catch {
        StandardStreams.err("bench: \(error)\n")
        return 1
    }
    func f(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }
    let c = r.config
    let p = r.profile
    let ms = { (s: Double) in f(s * 1e3, 2) + " ms" }
    let pct = { (s: Double) in f(100 * s / max(p.totalSeconds, 1e-12), 0) + "%" }
    let rows: [(String, String)] = [
        ("model", "\(c.cell.shortName)(\(c.units)) over \(c.steps) steps of \(c.input), dense \(c.units)->\(c.classes), batch \(c.batch)"),
        ("threads", "\(c.threads) (\(c.parallelism.rawValue))"),
        ("kernels", r.blasConfiguration),
        ("FLOP per example", "\(Int(r.flopsPerExample)) (3 x \(Int(r.forwardFlopsPerExample)) forward)"),
        ("train", "\(f(r.trainExamplesPerSecond, 0)) examples/s, \(f(r.trainGFLOPS, 1)) GFLOP/s"),
        ("60k-image epoch", "\(f(r.epochSeconds, 2)) s"),
        ("CPU per batch", "\(ms(r.trainCPUSecondsPerBatch)) on \(c.threads) threads -> \(f(r.idleMachineExamplesPerSecond, 0)) examples/s with the cores to itself (load average \(f(r.loadAverage, 1)))"),
        ("sgemm peak (512^3)", "\(f(r.peakGFLOPS, 1)) GFLOP/s \(r.kernel) on \(c.threads) threads -> train at \(f(100 * r.peakFraction, 0))% of peak; 1 thread: "
            + r.kernelPeaks.map { "\($0.kernel) \(f($0.gflops, 1))" }.joined(separator: ", ")),
        ("machine load", loadText(r)),
        ("eval \(c.evalExamples) images", "\(f(r.evalSeconds, 3)) s, \(f(r.evalExamplesPerSecond, 0)) examples/s, \(f(r.evalGFLOPS, 1)) GFLOP/s; CPU \(f(r.evalCPUSeconds, 3)) s"),
        ("per batch", "\(ms(p.totalSeconds)): GEMM \(ms(p.gemmSeconds)) (\(pct(p.gemmSeconds))), cell activations \(ms(p.activationSeconds)) (\(pct(p.activationSeconds))), rest \(ms(p.otherSeconds)) (\(pct(p.otherSeconds)))"),
        ("loss (synthetic)", "\(r.firstLoss) -> \(r.lastLoss) over \(c.trainBatches) batches"),
        ("peak RSS", "\(f(r.rssMB, 0)) MiB"),
    ]
    // Every cell on the same shapes, trained in turns (LSTM, GRU, RNN, LSTM, …) so that a load
    // that changes during the run falls on all of them alike; each cell's best round, set
    // against this run's peaks: the wall-clock fraction of the 2-thread peak and, which other
    // processes' load does not hide, GFLOP per CPU second against the one-thread peak.
    let onePeak = r.activeKernelPeak
    func cpuFraction(_ x: BenchmarkResult) -> Double { onePeak > 0 ? x.trainGFLOPSPerCPUSecond / onePeak : 0 }
    var best: [CellKind: BenchmarkResult] = [:]
    for _ in 0..<2 {
        for kind in CellKind.allCases {
            var oc = c
            oc.cell = kind; oc.trainBatches = max(10, c.trainBatches / 3); oc.trainOnly = true
            guard let o = try? Benchmark.run(oc) else { continue }
            if (best[kind]?.trainExamplesPerSecond ?? 0) < o.trainExamplesPerSecond { best[kind] = o }
        }
    }
    let others = CellKind.allCases.compactMap { k in best[k].map { (k, $0) } }
    var allRows = rows
    allRows.insert(("train per CPU second", "\(f(r.trainGFLOPSPerCPUSecond, 1)) GFLOP/s per core -> \(f(100 * cpuFraction(r), 0))% of the 1-thread \(r.kernel) peak"), at: 8)
    for (kind, o) in others {
        let frac = r.peakGFLOPS > 0 ? o.trainGFLOPS / r.peakGFLOPS : 0
        allRows.append(("train \(kind.shortName)(\(c.units)), in turns",
                        "\(f(o.trainExamplesPerSecond, 0)) examples/s, \(f(o.trainGFLOPS, 1)) GFLOP/s -> \(f(100 * frac, 0))% of peak; "
                        + "\(f(o.trainGFLOPSPerCPUSecond, 1)) GFLOP/s per CPU second -> \(f(100 * cpuFraction(o), 0))% of the 1-thread peak; "
                        + "others used \(o.trainLoad.map { f($0.otherCores, 2) } ?? "?") cores"))
    }
    let w = allRows.map(\.0.count).max() ?? 0
    for (k, v) in allRows { print(k.padding(toLength: w, withPad: " ", startingAt: 0) + "  " + v) }
    print("bench train_ex_per_s=\(f(r.trainExamplesPerSecond, 0)) train_gflops=\(f(r.trainGFLOPS, 1)) "
          + "peak_gflops=\(f(r.peakGFLOPS, 1)) peak_fraction=\(f(r.peakFraction, 3)) "
          + "eval_ex_per_s=\(f(r.evalExamplesPerSecond, 0)) rss_mb=\(f(r.rssMB, 0)) "
          + "kernel=\(r.kernel) threads=\(c.threads) others_cores=\(r.trainLoad.map { f($0.otherCores, 2) } ?? "na")"
          + " cpu_peak_fraction=\(f(cpuFraction(r), 3))"
          + others.map { k, o in
              let n = k.rawValue
              return " \(n)_ex_per_s=\(f(o.trainExamplesPerSecond, 0)) \(n)_peak_fraction=\(f(r.peakGFLOPS > 0 ? o.trainGFLOPS / r.peakGFLOPS : 0, 3))"
                  + " \(n)_cpu_peak_fraction=\(f(cpuFraction(o), 3)) \(n)_others_cores=\(o.trainLoad.map { f($0.otherCores, 2) } ?? "na")"
          }.joined())
    return 0
}

/// What the machine's other processes did while training was timed: a figure taken while they
/// held the cores is not the engine's speed, and the line says so.
func loadText(_ r: BenchmarkResult) -> String {
    guard let l = r.trainLoad else { return "unknown (no /proc/stat)" }
    let used = String(format: "%.2f", l.otherCores)
    let verdict = l.otherCores < 0.1 ? "quiet machine" :
        "BUSY: other processes used \(used) of \(l.cores) cores, so the wall-clock figures above are low; CPU per batch is the better guide"
    return "other processes used \(used) of \(l.cores) cores during training (\(verdict))"
}
