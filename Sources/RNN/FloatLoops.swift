/// Element-wise loops over float buffers that every cell, the dense layer and the model share
/// (summing gradients, bias gradients, the NaN guard), vectorised eight lanes at a time. They
/// belong to no cell: a new cell uses them without touching another cell's file.
enum FloatLoops {
    /// `out[j] (+)= Σ_r m[r, j]`, vectorised along the row.
    static func columnSums(_ m: UnsafePointer<Float>, rows: Int, columns: Int,
                           into out: UnsafeMutablePointer<Float>, accumulate: Bool) {
        if !accumulate { out.update(repeating: 0, count: columns) }
        for r in 0..<rows {
            let row = m + r * columns
            var j = 0
            while j + 8 <= columns {
                Activations.store(Activations.load(out + j) + Activations.load(row + j), out + j)
                j += 8
            }
            while j < columns { out[j] += row[j]; j += 1 }
        }
    }

    /// `dst += src`, vectorised.
    static func add(_ src: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>, count: Int) {
        var k = 0
        while k + 8 <= count {
            Activations.store(Activations.load(dst + k) + Activations.load(src + k), dst + k)
            k += 8
        }
        while k < count { dst[k] += src[k]; k += 1 }
    }

    /// True when no element is NaN or infinite (their sum would be).
    static func allFinite(_ p: UnsafePointer<Float>, count: Int) -> Bool {
        var acc = SIMD8<Float>()
        var k = 0
        while k + 8 <= count { acc += Activations.load(p + k) * 0; k += 8 }
        var tail: Float = 0
        while k < count { tail += p[k] * 0; k += 1 }
        return acc.sum() == 0 && tail == 0
    }
}
