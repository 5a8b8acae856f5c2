/// `np.matmul` (`a @ b`): matrix products over the last two axes, broadcasting the leading
/// ("batch") axes; a 1-d left operand is a row, a 1-d right operand a column, and the added
/// axis is removed from the result (numpy's gufunc signature `(n?,k),(k,m?)->(n?,m?)`).
///
/// dtype: `np.promote_types` of the two (bool @ bool is bool: OR of ANDs). Integers wrap like
/// numpy's loops. Floats accumulate in the array's own precision, in k order; numpy hands
/// float32/float64 to its bundled OpenBLAS, whose blocking and FMA use decide the last bits, so
/// float results agree with numpy's within the usual dot-product rounding bound, not bit for bit.
extension NDArray {
    static let matmulSignature = "(n?,k),(k,m?)->(n?,m?)"

    public static func matmul(_ a: NDArray, _ b: NDArray) throws(TensorError) -> NDArray {
        for (i, x) in [a, b].enumerated() where x.ndim == 0 {
            throw TensorError("matmul: Input operand \(i) does not have enough dimensions (has 0, gufunc core with signature \(matmulSignature) requires 1)", kind: .valueError)
        }
        // Core dimensions, with numpy's optional n? and m?.
        let aVector = a.ndim == 1, bVector = b.ndim == 1
        let n = aVector ? 1 : a.shape[a.ndim - 2]
        let k = a.shape[a.ndim - 1]
        let kb = bVector ? b.shape[0] : b.shape[b.ndim - 2]
        let m = bVector ? 1 : b.shape[b.ndim - 1]
        if kb != k {
            throw TensorError("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature \(matmulSignature) (size \(kb) is different from \(k))",
                              explanation: "\(shapeString(a.shape)) @ \(shapeString(b.shape)): the last axis of the left operand must equal the \(bVector ? "length" : "second-to-last axis") of the right", kind: .valueError)
        }
        let aBatch = Array(a.shape.dropLast(aVector ? 1 : 2))
        let bBatch = Array(b.shape.dropLast(bVector ? 1 : 2))
        let batch: [Int]
        do {
            batch = try broadcastShapes([aBatch, bBatch])
        } catch {
            let ra = numpyShapeString(aBatch + [Int](repeating: -1, count: aVector ? 1 : 2))
            let rb = numpyShapeString(bBatch + [Int](repeating: -1, count: bVector ? 1 : 2))
            var requested: [Int] = []
            if !aVector { requested.append(n) }
            if !bVector { requested.append(m) }
            throw TensorError("operands could not be broadcast together with remapped shapes [original->remapped]: \(numpyShapeString(a.shape))->\(ra) \(numpyShapeString(b.shape))->\(rb)  and requested shape \(numpyShapeString(requested))", kind: .valueError)
        }
        var outShape = batch
        if !aVector { outShape.append(n) }
        if !bVector { outShape.append(m) }
        let dt = DType.promote(a.dtype, b.dtype)
        let out = try NDArray(zeros: outShape, dtype: dt)
        // Views with explicit (batch..., n, k) and (batch..., k, m) axes, cast to the result dtype.
        let a3 = try (a.dtype == dt ? a : a.astype(dt)).matmulOperand(batch: batch, rows: n, cols: k, vector: aVector, left: true)
        let b3 = try (b.dtype == dt ? b : b.astype(dt)).matmulOperand(batch: batch, rows: k, cols: m, vector: bVector, left: false)
        switch dt {
        case .bool: matmulKernel(a3, b3, out, n, k, m, UInt8.self, zero: 0) { acc, x, y in (acc != 0 || (x != 0 && y != 0)) ? 1 : 0 }
        case .int8: matmulKernel(a3, b3, out, n, k, m, Int8.self, zero: 0) { $0 &+ $1 &* $2 }
        case .int16: matmulKernel(a3, b3, out, n, k, m, Int16.self, zero: 0) { $0 &+ $1 &* $2 }
        case .int32: matmulKernel(a3, b3, out, n, k, m, Int32.self, zero: 0) { $0 &+ $1 &* $2 }
        case .int64: matmulKernel(a3, b3, out, n, k, m, Int64.self, zero: 0) { $0 &+ $1 &* $2 }
        case .uint8: matmulKernel(a3, b3, out, n, k, m, UInt8.self, zero: 0) { $0 &+ $1 &* $2 }
        case .uint16: matmulKernel(a3, b3, out, n, k, m, UInt16.self, zero: 0) { $0 &+ $1 &* $2 }
        case .uint32: matmulKernel(a3, b3, out, n, k, m, UInt32.self, zero: 0) { $0 &+ $1 &* $2 }
        case .uint64: matmulKernel(a3, b3, out, n, k, m, UInt64.self, zero: 0) { $0 &+ $1 &* $2 }
        // numpy's float16 matmul accumulates each product in half precision (its
        // generic `HALF_dot` goes through float32 per element and rounds back each step).
        case .float16: matmulKernel(a3, b3, out, n, k, m, Float16.self, zero: 0) { Float16(Float($0) + Float($1) * Float($2)) }
        case .float32: matmulKernel(a3, b3, out, n, k, m, Float.self, zero: 0) { $0 + $1 * $2 }
        case .float64: matmulKernel(a3, b3, out, n, k, m, Double.self, zero: 0) { $0 + $1 * $2 }
        }
        try Cancellation.check()
        return out
    }

    /// This operand as a C-contiguous (batch..., rows, cols) array, broadcast over `batch`.
    private func matmulOperand(batch: [Int], rows: Int, cols: Int, vector: Bool, left: Bool) throws(TensorError) -> NDArray {
        let core = vector ? (left ? try reshape([1, cols]) : try reshape([rows, 1])) : self
        return try core.broadcastView(to: batch + [rows, cols]).copy()
    }

    /// out[b] = a[b] (n×k) · b[b] (k×m), i-k-j order so the inner loop runs along rows of b.
    private static func matmulKernel<T>(_ a: NDArray, _ b: NDArray, _ out: NDArray, _ n: Int, _ k: Int, _ m: Int,
                                        _: T.Type, zero: T, _ fma: (T, T, T) -> T) {
        let pa = a.storage.pointer.assumingMemoryBound(to: T.self)
        let pb = b.storage.pointer.assumingMemoryBound(to: T.self)
        let po = out.storage.pointer.assumingMemoryBound(to: T.self)
        let batches = n * m == 0 ? 0 : out.size / (n * m)
        for bt in 0..<batches {
            let ao = bt * n * k, bo = bt * k * m, oo = bt * n * m
            for i in 0..<n {
                // One output row at a time, so Ctrl-C stops an 8000² product within a row
                // (the result is then discarded; see `Cancellation`).
                if Cancellation.isRequested { return }
                let row = po + oo + i * m
                for j in 0..<m { row[j] = zero }
                for p in 0..<k {
                    let x = pa[ao + i * k + p]
                    let brow = pb + bo + p * m
                    for j in 0..<m { row[j] = fma(row[j], x, brow[j]) }
                }
            }
        }
    }
}
