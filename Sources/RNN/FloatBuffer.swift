/// A 64-byte-aligned Float buffer that is allocated once and reused: the engine's scratch space
/// (activations of every timestep, gradients, products) lives in these so that a training step
/// allocates nothing. `ensure` grows it only when a larger batch arrives.
final class FloatBuffer: @unchecked Sendable {
    private(set) var pointer: UnsafeMutablePointer<Float>
    private(set) var capacity: Int

    init(_ count: Int = 0) {
        capacity = max(count, 1)
        pointer = FloatBuffer.allocate(capacity)
    }

    deinit { pointer.deallocate() }

    private static func allocate(_ n: Int) -> UnsafeMutablePointer<Float> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: n * MemoryLayout<Float>.stride, alignment: 64)
        let p = raw.bindMemory(to: Float.self, capacity: n)
        p.initialize(repeating: 0, count: n)
        return p
    }

    /// Makes room for `count` elements; the contents are unspecified after growth.
    func ensure(_ count: Int) {
        if count <= capacity { return }
        pointer.deallocate()
        capacity = count
        pointer = FloatBuffer.allocate(count)
    }

    func zero(_ count: Int) {
        pointer.update(repeating: 0, count: min(count, capacity))
    }
}
