import Tensor

/// float32 arrays as the graph's kernels use them: contiguous, with a pointer to element 0.
enum FloatArrays {
    /// `a` as a C-contiguous float32 array (converted or copied only when it is not one).
    static func contiguous(_ a: NDArray) throws(TensorError) -> NDArray {
        let f = a.dtype == .float32 ? a : try a.astype(.float32)
        return f.isCContiguous ? f : try f.copy()
    }

    /// Element 0 of `a`. The pointer is only valid while `a` (or another owner of its storage)
    /// lives, and Swift may release a local after its last use rather than at the end of its
    /// scope: a caller whose array has no other owner (a fresh contiguous copy) keeps it alive
    /// with `withExtendedLifetime` until its last access through the pointer.
    static func pointer(_ a: NDArray) -> UnsafeMutablePointer<Float> {
        a.storage.pointer.assumingMemoryBound(to: Float.self) + a.offset
    }

    static func zeros(_ shape: [Int]) throws(TensorError) -> NDArray { try NDArray(zeros: shape, dtype: .float32) }

    /// A fresh float32 array with `a`'s values (a variable's value handed to the user must not
    /// alias the session's copy that training updates in place).
    static func copy(_ a: NDArray) throws(TensorError) -> NDArray {
        if a.dtype != .float32 { return try a.copy() }
        let out = try zeros(a.shape)
        let src = try contiguous(a)
        withExtendedLifetime(src) { pointer(out).update(from: pointer(src), count: a.size) }
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
