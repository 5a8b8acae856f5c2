import Tensor

/// The engine computes in float32 on flat buffers; these convert at its edges. Inputs of any
/// numeric dtype are read as float32, as `dtype=tf.float32` makes TF do.
enum ArrayConversion {
    /// The elements of `a` in C order, converted to Float.
    static func floats(_ a: NDArray) -> [Float] {
        var out = [Float](repeating: 0, count: a.size)
        out.withUnsafeMutableBufferPointer { buf in
            if let p = buf.baseAddress { copy(a, into: p) }
        }
        return out
    }

    /// Calls `body` with a pointer to element 0 of each array (C-contiguous float32 arrays this
    /// module made) and keeps their storage alive until `body` returns: Swift may release a
    /// local after its last use rather than at the end of its scope, so a bare pointer into a
    /// fresh array could outlive it. The pointers must not escape `body`. (Reading a parameter's
    /// storage, as `copy` and `copyRows` do, needs no scope: the caller keeps it alive for the call.)
    static func withFloats<R, E: Error>(_ arrays: [NDArray], _ body: ([UnsafeMutablePointer<Float>]) throws(E) -> R) throws(E) -> R {
        for a in arrays { precondition(a.dtype == .float32 && a.isCContiguous, "withFloats needs C-contiguous float32 arrays") }
        return try withExtendedLifetime(arrays.map(\.storage)) { () throws(E) -> R in
            try body(arrays.map { $0.storage.pointer.assumingMemoryBound(to: Float.self) + $0.offset })
        }
    }

    /// `withFloats` for one array.
    static func withFloats<R, E: Error>(_ a: NDArray, _ body: (UnsafeMutablePointer<Float>) throws(E) -> R) throws(E) -> R {
        try withFloats([a]) { (p: [UnsafeMutablePointer<Float>]) throws(E) -> R in try body(p[0]) }
    }

    /// Writes the elements of `a` in C order, converted to Float, to `dst` (a.size floats).
    static func copy(_ a: NDArray, into dst: UnsafeMutablePointer<Float>) {
        let raw = a.storage.pointer
        var i = 0
        switch a.dtype {
        case .float32:
            let p = raw.assumingMemoryBound(to: Float.self)
            if a.isCContiguous {
                dst.update(from: p + a.offset, count: a.size)
                return
            }
            a.forEachOffset { dst[i] = p[$0]; i += 1 }
        case .float64:
            let p = raw.assumingMemoryBound(to: Double.self)
            a.forEachOffset { dst[i] = Float(p[$0]); i += 1 }
        case .int64:
            let p = raw.assumingMemoryBound(to: Int64.self)
            a.forEachOffset { dst[i] = Float(p[$0]); i += 1 }
        case .int32:
            let p = raw.assumingMemoryBound(to: Int32.self)
            a.forEachOffset { dst[i] = Float(p[$0]); i += 1 }
        case .uint8:
            let p = raw.assumingMemoryBound(to: UInt8.self)
            a.forEachOffset { dst[i] = Float(p[$0]); i += 1 }
        case .bool:
            let p = raw.assumingMemoryBound(to: UInt8.self)
            a.forEachOffset { dst[i] = p[$0] != 0 ? 1 : 0; i += 1 }
        default:
            // The rarer dtypes go through numpy's cast to float32.
            guard let f = try? a.astype(.float32) else { return }
            copy(f, into: dst)
        }
    }

    /// A new float32 array of `shape` holding `count` floats from `src`.
    static func array(_ src: UnsafePointer<Float>, shape: [Int]) -> NDArray {
        // The engine's own buffers are already allocated, so their size is within the limits.
        guard let out = try? NDArray(zeros: shape, dtype: .float32) else { return NDArray([Float]()) }
        withFloats(out) { $0.update(from: src, count: out.size) }
        return out
    }

    static func array(_ values: [Float], shape: [Int]) -> NDArray {
        values.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return (try? NDArray(zeros: shape, dtype: .float32)) ?? NDArray([Float]()) }
            return array(p, shape: shape)
        }
    }

    /// An error unless `a` has exactly `shape`.
    static func expect(_ a: NDArray, shape: [Int], _ what: String) throws(TensorError) {
        if a.shape != shape {
            throw TensorError("\(what) has shape \(shapeString(a.shape)), expected \(shapeString(shape))")
        }
    }

    /// Gathers whole rows (first-axis entries) of a C-contiguous `a` into `dst`, as Float.
    static func copyRows(_ a: NDArray, rows: [Int], into dst: UnsafeMutablePointer<Float>) {
        let n = a.shape.first ?? 0
        let per = n > 0 ? a.size / n : 0
        let raw = a.storage.pointer
        @inline(__always) func gather<T>(_ type: T.Type, _ convert: (T) -> Float) {
            let p = raw.assumingMemoryBound(to: T.self) + a.offset
            for (r, src) in rows.enumerated() where src >= 0 && src < n {
                let s = p + src * per, d = dst + r * per
                for k in 0..<per { d[k] = convert(s[k]) }
            }
        }
        switch a.dtype {
        case .float32: gather(Float.self) { $0 }
        case .float64: gather(Double.self) { Float($0) }
        case .int64: gather(Int64.self) { Float($0) }
        case .int32: gather(Int32.self) { Float($0) }
        case .uint8: gather(UInt8.self) { Float($0) }
        case .bool: gather(UInt8.self) { $0 != 0 ? 1 : 0 }
        case .int8: gather(Int8.self) { Float($0) }
        case .int16: gather(Int16.self) { Float($0) }
        case .uint16: gather(UInt16.self) { Float($0) }
        case .uint32: gather(UInt32.self) { Float($0) }
        case .uint64: gather(UInt64.self) { Float($0) }
        case .float16: gather(Float16.self) { Float($0) }
        }
    }

    /// Copies rows `start..<start+count` of a C-contiguous 2-d `a` (as Float) to `dst`, row r at
    /// `dst + r·stride` (a kernel's `[x, h]` rows take the x part of each).
    static func copyRows(_ a: NDArray, start: Int, count: Int, into dst: UnsafeMutablePointer<Float>, stride: Int) {
        let per = a.ndim == 2 ? a.shape[1] : 0
        guard count > 0, per > 0, start >= 0, start + count <= a.shape[0] else { return }
        let raw = a.storage.pointer
        @inline(__always) func gather<T>(_ type: T.Type, _ convert: (T) -> Float) {
            let p = raw.assumingMemoryBound(to: T.self) + a.offset + start * per
            for r in 0..<count {
                let s = p + r * per, d = dst + r * stride
                for k in 0..<per { d[k] = convert(s[k]) }
            }
        }
        switch a.dtype {
        case .float32:
            let p = raw.assumingMemoryBound(to: Float.self) + a.offset + start * per
            for r in 0..<count { (dst + r * stride).update(from: p + r * per, count: per) }
        case .float64: gather(Double.self) { Float($0) }
        case .int64: gather(Int64.self) { Float($0) }
        case .int32: gather(Int32.self) { Float($0) }
        case .uint8: gather(UInt8.self) { Float($0) }
        case .bool: gather(UInt8.self) { $0 != 0 ? 1 : 0 }
        case .int8: gather(Int8.self) { Float($0) }
        case .int16: gather(Int16.self) { Float($0) }
        case .uint16: gather(UInt16.self) { Float($0) }
        case .uint32: gather(UInt32.self) { Float($0) }
        case .uint64: gather(UInt64.self) { Float($0) }
        case .float16: gather(Float16.self) { Float($0) }
        }
    }
}
