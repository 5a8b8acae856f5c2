import Foundation

/// A 64-byte-aligned Float buffer that is allocated once and reused: the engine's scratch space
/// (activations of every timestep, gradients, products) lives in these so that a training step
/// allocates nothing. `ensure` grows it only when a larger batch arrives.
///
/// Buffers of 1 MiB or more are mapped straight from the system (`mmap`), so that when one is
/// replaced or freed its memory really goes back: through malloc, glibc raises its mmap
/// threshold after the first large free and then keeps later buffers in per-thread arenas
/// (the replicas grow theirs on worker threads), which made the peak RSS drift by 100+ MB.
final class FloatBuffer: @unchecked Sendable {
    private(set) var pointer: UnsafeMutablePointer<Float>
    private(set) var capacity: Int
    private var mapped: Bool

    static let mapThreshold = 1 << 20

    init(_ count: Int = 0) {
        capacity = max(count, 1)
        (pointer, mapped) = FloatBuffer.allocate(capacity)
    }

    deinit { FloatBuffer.release(pointer, capacity, mapped) }

    private static func allocate(_ n: Int) -> (UnsafeMutablePointer<Float>, Bool) {
        let bytes = n * MemoryLayout<Float>.stride
        if bytes >= mapThreshold,
           let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
           raw != MAP_FAILED {
            // Anonymous mappings are page-aligned and zero-filled.
            return (raw.bindMemory(to: Float.self, capacity: n), true)
        }
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        let p = raw.bindMemory(to: Float.self, capacity: n)
        p.initialize(repeating: 0, count: n)
        return (p, false)
    }

    private static func release(_ p: UnsafeMutablePointer<Float>, _ n: Int, _ mapped: Bool) {
        if mapped {
            munmap(UnsafeMutableRawPointer(p), n * MemoryLayout<Float>.stride)
        } else {
            p.deallocate()
        }
    }

    /// Makes room for `count` elements; the contents are unspecified after growth.
    func ensure(_ count: Int) {
        if count <= capacity { return }
        FloatBuffer.release(pointer, capacity, mapped)
        capacity = count
        (pointer, mapped) = FloatBuffer.allocate(count)
    }

    func zero(_ count: Int) {
        pointer.update(repeating: 0, count: min(count, capacity))
    }
}
