import Testing
import Foundation
@testable import RNN

/// The engine's own matrix product (Sources/CKernels) against a naive double-precision product:
/// every kernel set this CPU supports, odd shapes around the register tiles (8×32, 6×16, 4×8)
/// and the k-blocks, all four transpose combinations, padded row strides, alpha/beta, and
/// beta = 0 leaving NaN garbage in C unread. Also the row split over the worker pool and the
/// pool itself.
@Suite struct KernelTests {
    /// A reproducible fill in [-1, 1).
    static func values(_ n: Int, seed: UInt64) -> [Float] {
        var rng = SeededRandom(seed: seed)
        return (0..<n).map { _ in Float(rng.unit()) * 2 - 1 }
    }

    struct Case: CustomStringConvertible, Sendable {
        var m: Int, n: Int, k: Int, transA: Bool, transB: Bool
        var description: String { "\(m)x\(n)x\(k) \(transA ? "T" : "N")\(transB ? "T" : "N")" }
    }

    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (1, 33, 7), (5, 1, 3), (7, 31, 9), (8, 32, 16), (9, 33, 17), (13, 65, 130),
        (6, 16, 257), (17, 47, 300), (128, 10, 128), (33, 128, 513),
    ]
    static let cases: [Case] = shapes.flatMap { s in
        [(false, false), (true, false), (false, true), (true, true)].map { Case(m: s.0, n: s.1, k: s.2, transA: $0.0, transB: $0.1) }
    }

    /// Runs one product with `kernel` and checks every element against the float64 product
    /// within the rounding bound of a k-term float sum; padding columns must stay untouched.
    static func check(_ kernel: String, _ c: Case, alpha: Float, beta: Float) {
        let (m, n, k) = (c.m, c.n, c.k)
        let lda = (c.transA ? m : k) + 3, ldb = (c.transB ? k : n) + 2, ldc = n + 5
        let a = values((c.transA ? k : m) * lda, seed: UInt64(m * 131 + k))
        let b = values((c.transB ? n : k) * ldb, seed: UInt64(n * 17 + k * 3))
        let c0 = values(m * ldc, seed: 99)
        var out = beta == 0 ? [Float](repeating: .nan, count: m * ldc) : c0
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    GEMMKernels.sgemm(with: kernel, transA: c.transA, transB: c.transB, m: m, n: n, k: k, alpha: alpha,
                                      a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb,
                                      beta: beta, c: pc.baseAddress!, ldc: ldc)
                }
            }
        }
        var worst = 0.0
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0, mag = 0.0
                for p in 0..<k {
                    let x = Double(c.transA ? a[p * lda + i] : a[i * lda + p])
                    let y = Double(c.transB ? b[j * ldb + p] : b[p * ldb + j])
                    sum += x * y; mag += abs(x * y)
                }
                let want = Double(alpha) * sum + (beta == 0 ? 0 : Double(beta) * Double(c0[i * ldc + j]))
                let bound = Double(k + 2) * 1.2e-7 * (Double(abs(alpha)) * mag + abs(Double(beta) * Double(c0[i * ldc + j]))) + 1e-30
                worst = max(worst, abs(Double(out[i * ldc + j]) - want) / bound)
            }
            for j in n..<ldc {
                if beta == 0 { #expect(out[i * ldc + j].isNaN, "\(kernel) \(c): wrote padding") }
                else { #expect(out[i * ldc + j] == c0[i * ldc + j], "\(kernel) \(c): wrote padding") }
            }
        }
        #expect(worst <= 1, "\(kernel) \(c) alpha \(alpha) beta \(beta): error \(worst)× the rounding bound")
    }

    @Test func everySupportedKernelMatchesTheNaiveProduct() {
        #expect(GEMMKernels.supported.contains("generic"))
        for kernel in GEMMKernels.supported {
            for c in Self.cases {
                Self.check(kernel, c, alpha: 1, beta: 0)
                Self.check(kernel, c, alpha: -0.5, beta: 2)
            }
        }
    }

    @Test func activeKernelIsTheBestThatPassedItsCheck() {
        // No set failed its check on a correct CPU, so the best supported one is active.
        #expect(GEMMKernels.active == GEMMKernels.supported.first)
        #expect(BLASThreads.configuration.contains(GEMMKernels.active))
    }

    /// A transposed B is cached per thread by address and content: changing the bytes at the
    /// same address must give the new product, not the cached one.
    @Test func transposedOperandCacheSeesChangedContents() {
        let (m, n, k) = (16, 40, 70)
        var a = Self.values(m * k, seed: 1), b = Self.values(n * k, seed: 2)
        var c1 = [Float](repeating: 0, count: m * n), c2 = c1
        func run(_ c: inout [Float]) {
            a.withUnsafeMutableBufferPointer { pa in b.withUnsafeMutableBufferPointer { pb in c.withUnsafeMutableBufferPointer { pc in
                GEMM.sgemm(transB: true, m: m, n: n, k: k, a: pa.baseAddress!, lda: k, b: pb.baseAddress!, ldb: k,
                           c: pc.baseAddress!, ldc: n)
            } } }
        }
        run(&c1)
        b[k * 3 + 5] += 1    // element (p = 5, j = 3) of op(B)
        run(&c2)
        for i in 0..<m {
            for j in 0..<n {
                let expected = j == 3 ? c1[i * n + j] + a[i * k + 5] : c1[i * n + j]
                #expect(abs(c2[i * n + j] - expected) <= 1e-5 * max(1, abs(expected)))
            }
        }
    }

    /// Inside `GEMM.whileConstant`, operands in the declared range are packed once and reused:
    /// several different operands from the same buffer (a block, its transpose, another block)
    /// must each give their own product, bit for bit what they give outside the scope.
    @Test func constantOperandsGiveTheSameBits() {
        let (rows, cols) = (40, 96)
        let w = Self.values(rows * cols, seed: 11)          // a weight buffer [40, 96]
        let x = Self.values(24 * 96, seed: 12)
        func products() -> [[Float]] {
            var outs: [[Float]] = []
            w.withUnsafeBufferPointer { pw in x.withUnsafeBufferPointer { px in
                let wp = pw.baseAddress!, xp = px.baseAddress!
                var c1 = [Float](repeating: 0, count: 24 * 96), c2 = [Float](repeating: 0, count: 24 * 30)
                var c3 = [Float](repeating: 0, count: 24 * 96)
                for _ in 0..<2 {   // the second round hits the packings made by the first
                    c1.withUnsafeMutableBufferPointer { c in   // x[:, :40] · w
                        GEMM.sgemm(m: 24, n: 96, k: 40, a: xp, lda: 96, b: wp, ldb: 96, c: c.baseAddress!, ldc: 96)
                    }
                    c2.withUnsafeMutableBufferPointer { c in   // x · w[10:40]ᵀ (a transposed block)
                        GEMM.sgemm(transB: true, m: 24, n: 30, k: 96, a: xp, lda: 96, b: wp + 10 * 96, ldb: 96,
                                   c: c.baseAddress!, ldc: 30)
                    }
                    c3.withUnsafeMutableBufferPointer { c in   // x[:, :20] · w[20:40] (another block)
                        GEMM.sgemm(m: 24, n: 96, k: 20, a: xp, lda: 96, b: wp + 20 * 96, ldb: 96, c: c.baseAddress!, ldc: 96)
                    }
                }
                outs = [c1, c2, c3]
            } }
            return outs
        }
        let plain = products()
        let constant = w.withUnsafeBufferPointer { pw in GEMM.whileConstant(pw.baseAddress!, count: pw.count) { products() } }
        #expect(plain.map { $0.map(\.bitPattern) } == constant.map { $0.map(\.bitPattern) })
        // After the scope the packings are gone: a weight changed in place, at the same
        // address, shows up in the next product.
        let wm = UnsafeMutablePointer<Float>.allocate(capacity: w.count)
        defer { wm.deallocate() }
        wm.initialize(from: w, count: w.count)
        func firstRow() -> [Float] {
            var c = [Float](repeating: 0, count: 96)
            x.withUnsafeBufferPointer { px in c.withUnsafeMutableBufferPointer { cp in
                GEMM.sgemm(m: 1, n: 96, k: 40, a: px.baseAddress!, lda: 96, b: wm, ldb: 96, c: cp.baseAddress!, ldc: 96)
            } }
            return c
        }
        let before = GEMM.whileConstant(wm, count: w.count) { firstRow() }
        wm[5] += 1            // element (p = 0, j = 5)
        let after = firstRow()
        #expect(before[5] == plain[0][5])
        #expect(abs(after[5] - (before[5] + x[0])) <= 1e-5 * max(1, abs(after[5])))
        #expect(after[4] == before[4])
    }

    /// A kernel set may cut the rows into tiles of different heights (AVX2: 6-row tiles, and
    /// 4-row ones for the rows left over, so 32 rows are 6+6+6+6+4+4); each row must come out
    /// with the same bits whichever tile computed it. Row i of an m-row product against the
    /// same row multiplied alone (a 1-row product, which takes the smallest tile).
    @Test func aRowsBitsDoNotDependOnItsTile() {
        let (n, k) = (40, 156)
        for kernel in GEMMKernels.supported {
            for m in [7, 13, 16, 32, 128] {
                for transB in [false, true] {
                    let a = Self.values(m * k, seed: UInt64(m)), b = Self.values(k * n, seed: 5)
                    let c0 = Self.values(m * n, seed: 6)
                    var all = c0
                    a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in all.withUnsafeMutableBufferPointer { pc in
                        GEMMKernels.sgemm(with: kernel, transB: transB, m: m, n: n, k: k, alpha: 0.5, a: pa.baseAddress!, lda: k,
                                          b: pb.baseAddress!, ldb: transB ? k : n, beta: 1.5, c: pc.baseAddress!, ldc: n)
                    } } }
                    for i in 0..<m {
                        var row = Array(c0[(i * n)..<((i + 1) * n)])
                        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in row.withUnsafeMutableBufferPointer { pc in
                            GEMMKernels.sgemm(with: kernel, transB: transB, m: 1, n: n, k: k, alpha: 0.5, a: pa.baseAddress! + i * k,
                                              lda: k, b: pb.baseAddress!, ldb: transB ? k : n, beta: 1.5, c: pc.baseAddress!, ldc: n)
                        } } }
                        #expect(row.map(\.bitPattern) == all[(i * n)..<((i + 1) * n)].map(\.bitPattern),
                                "\(kernel) m=\(m) transB=\(transB): row \(i)")
                    }
                }
            }
        }
    }

    /// Products split by rows over the worker pool give the very same bits as one thread.
    @Test func rowSplitIsBitIdentical() {
        let (m, n, k) = (100, 96, 160)
        let a = Self.values(m * k, seed: 3), b = Self.values(k * n, seed: 4)
        func run(threads: Int) -> [Float] {
            var c = [Float](repeating: 0, count: m * n)
            BLASThreads.exclusively(threads: threads) {
                a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in c.withUnsafeMutableBufferPointer { pc in
                    GEMM.sgemm(m: m, n: n, k: k, a: pa.baseAddress!, lda: k, b: pb.baseAddress!, ldb: n,
                               c: pc.baseAddress!, ldc: n)
                } } }
            }
            return c
        }
        #expect(run(threads: 1).map(\.bitPattern) == run(threads: 3).map(\.bitPattern))
    }

    @Test func workerPoolRunsEveryTaskOnceOnDistinctWorkers() {
        for workers in [1, 2, 3] {
            // Per task: times run; per worker id: tasks running now; violations seen (written
            // only by their own task or worker, checked after the job).
            let counts = UnsafeMutablePointer<Int>.allocate(capacity: 50)
            counts.initialize(repeating: 0, count: 50)
            let busy = UnsafeMutablePointer<Int>.allocate(capacity: 8)
            busy.initialize(repeating: 0, count: 8)
            let bad = UnsafeMutablePointer<Int>.allocate(capacity: 50)
            bad.initialize(repeating: 0, count: 50)
            let box = UncheckedBox((counts, busy, bad))
            WorkerPool.shared.run(tasks: 50, workers: workers) { t, w in
                let (counts, busy, bad) = box.value
                if w < 0 || w >= workers { bad[t] += 1; return }
                busy[w] += 1          // a worker id is never used by two threads at once
                if busy[w] != 1 { bad[t] += 1 }
                counts[t] += 1
                // A job started while the pool runs one runs inline on this thread, as worker 0.
                if workers > 1 {
                    WorkerPool.shared.run(tasks: 2, workers: 2) { _, inner in if inner != 0 { bad[t] += 1 } }
                }
                busy[w] -= 1
            }
            #expect((0..<50).allSatisfy { counts[$0] == 1 }, "workers \(workers)")
            #expect((0..<50).allSatisfy { bad[$0] == 0 }, "workers \(workers)")
            counts.deallocate(); busy.deallocate(); bad.deallocate()
        }
    }
}
