/// The output layer `logits = h · W + b` (W [U, K], b [K]), forward and backward side by side.
enum DenseLayer {
    /// `out[B, K] = x[B, U] · w[U, K] + b`.
    static func forward(x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>,
                        out: UnsafeMutablePointer<Float>, batch: Int, inputs: Int, outputs: Int) {
        for r in 0..<batch { (out + r * outputs).update(from: b, count: outputs) }
        GEMM.sgemm(m: batch, n: outputs, k: inputs, a: x, lda: inputs, b: w, ldb: outputs,
                   beta: 1, c: out, ldc: outputs)
    }

    /// Given dL/dout: `dw = xᵀ·dout`, `db = Σ_rows dout` (added to what is there when
    /// `accumulate`), and `dx = dout · wᵀ` when `dx` is given.
    static func backward(x: UnsafePointer<Float>, w: UnsafePointer<Float>, dout: UnsafePointer<Float>,
                         dw: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>,
                         dx: UnsafeMutablePointer<Float>?, accumulate: Bool,
                         batch: Int, inputs: Int, outputs: Int) {
        GEMM.sgemm(transA: true, m: inputs, n: outputs, k: batch, a: x, lda: inputs, b: dout, ldb: outputs,
                   beta: accumulate ? 1 : 0, c: dw, ldc: outputs)
        FloatLoops.columnSums(dout, rows: batch, columns: outputs, into: db, accumulate: accumulate)
        if let dx {
            GEMM.sgemm(transB: true, m: batch, n: inputs, k: outputs, a: dout, lda: outputs, b: w, ldb: outputs,
                       beta: 0, c: dx, ldc: inputs)
        }
    }
}
