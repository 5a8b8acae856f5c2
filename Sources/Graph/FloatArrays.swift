import Tensor

/// float32 arrays as the graph's kernels use them: contiguous, with a pointer to element 0.
enum FloatArrays {
    /// `a` as a C-contiguous float32 array (converted or copied only when it is not one).
    static func contiguous(_ a: NDArray) throws(TensorError) -> NDArray {
        let f = a.dtype == .float32 ? a : try a.astype(.float32)
        return f.isCContiguous ? f : try f.copy()
    }

    /// Calls `body` with a pointer to element 0 of `a` (a C-contiguous float32 array) and keeps
    /// `a`'s storage alive until `body` returns. This is the only way the graph's kernels reach
    /// an array's memory: Swift may release a local after its last use rather than at the end
    /// of its scope, so a bare pointer to a fresh contiguous copy could dangle while a kernel
    /// still reads through it (it did: garbage or NaN gradients that changed from run to run).
    /// The pointer must not escape `body`.
    static func withPointer<R, E: Error>(_ a: NDArray, _ body: (UnsafeMutablePointer<Float>) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(a.storage) { () throws(E) -> R in try body(start(a)) }
    }

    /// `withPointer` for two arrays.
    static func withPointers<R, E: Error>(_ a: NDArray, _ b: NDArray,
                                          _ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime((a.storage, b.storage)) { () throws(E) -> R in try body(start(a), start(b)) }
    }

    /// `withPointer` for three arrays.
    static func withPointers<R, E: Error>(_ a: NDArray, _ b: NDArray, _ c: NDArray,
                                          _ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime((a.storage, b.storage, c.storage)) { () throws(E) -> R in try body(start(a), start(b), start(c)) }
    }

    /// `withPointer` for a list of arrays, some absent (nil in, nil out).
    static func withPointers<R, E: Error>(_ arrays: [NDArray?], _ body: ([UnsafeMutablePointer<Float>?]) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(arrays.map { $0?.storage }) { () throws(E) -> R in try body(arrays.map { $0.map(start) }) }
    }

    /// `withPointer` for a list of arrays.
    static func withPointers<R, E: Error>(_ arrays: [NDArray], _ body: ([UnsafeMutablePointer<Float>]) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(arrays.map(\.storage)) { () throws(E) -> R in try body(arrays.map(start)) }
    }

    /// Element 0 of `a`; private so that only the scoped functions above hand it out.
    private static func start(_ a: NDArray) -> UnsafeMutablePointer<Float> {
        precondition(a.dtype == .float32 && a.isCContiguous, "FloatArrays needs C-contiguous float32 arrays")
        return a.storage.pointer.assumingMemoryBound(to: Float.self) + a.offset
    }

    static func zeros(_ shape: [Int]) throws(TensorError) -> NDArray { try NDArray(zeros: shape, dtype: .float32) }

    /// A fresh float32 array with `a`'s values (a variable's value handed to the user must not
    /// alias the session's copy that training updates in place).
    static func copy(_ a: NDArray) throws(TensorError) -> NDArray {
        if a.dtype != .float32 { return try a.copy() }
        let out = try zeros(a.shape)
        let src = try contiguous(a)
        withPointers(out, src) { o, s in o.update(from: s, count: a.size) }
        return out
    }
}

/// A growable float buffer owned by a session (a cell's weights gathered into the engine's
/// flat slice, its gradient).
final class Floats: @unchecked Sendable {
    private(set) var pointer: UnsafeMutablePointer<Float>
    private(set) var capacity: Int
    init(_ n: Int = 0) {
        capacity = max(n, 1)
        pointer = .allocate(capacity: capacity)
        pointer.initialize(repeating: 0, count: capacity)
    }
    deinit { pointer.deallocate() }
    func ensure(_ n: Int) {
        guard n > capacity else { return }
        pointer.deallocate()
        capacity = n
        pointer = .allocate(capacity: n)
        pointer.initialize(repeating: 0, count: n)
    }
}
