import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw, reference-counted bytes shared by an array and all of its views (numpy's data buffer).
///
/// Storage is mutable, as numpy's buffers are: every view over it sees a write (`y = x[0];
/// y[:] = 7` changes `x`). Writes go through the funnel in `WriteJournal.swift`
/// (`NDArray.willWrite`), which records the old bytes in the active `WriteJournal` so a statement
/// that fails can be undone. Code that hands an array to someone who may write into it while it
/// keeps its own reference (engine weights, caches) must hand out a copy unless numpy's semantics
/// say the two share.
///
/// Storage of 1 MiB or more is mapped straight from the system (`mmap`): the kernel hands out
/// zeroed pages lazily as they are first touched, so a large zero-filled array costs nothing
/// until used, and a reader that fills every byte (`np.load`) does not pay for zeroing first —
/// numpy's `np.empty` + `readinto` behaves the same way. Freeing unmaps, so the memory really
/// goes back to the system.
public final class Storage: @unchecked Sendable {
    public let pointer: UnsafeMutableRawPointer
    public let byteCount: Int
    private let mapped: Bool
    /// The layout of the array that owns this buffer (numpy's `x.base` of every view over it);
    /// set by the array created with `isView: false`.
    var owner: OwnerLayout?
    /// numpy's byte order of this buffer's dtype as the user sees it (`>f4` from a big-endian
    /// `.npy`, `astype('>f8')`). The bytes themselves are always this machine's order, so every
    /// kernel reads them as usual; only `repr`, `.dtype` and `np.save` say big-endian. Views
    /// share the buffer and so the byte order, as numpy's views keep the dtype; anything that
    /// computes a new buffer is native, as numpy's arithmetic results are.
    public var isBigEndian = false

    static let mapThreshold = 1 << 20
    static let hugePageThreshold = 4 << 20

    /// Zero-filled storage. Callers must have validated `byteCount` with `Limits`.
    convenience init(byteCount: Int) { self.init(byteCount: byteCount, zeroed: true) }

    /// Storage whose bytes are zero when `zeroed`, unspecified otherwise (for callers that
    /// overwrite every byte before anyone reads it). `byteCount` must be validated with `Limits`.
    ///
    /// Big storages (1 MiB and more) are their own anonymous `mmap`: the kernel hands them out
    /// zero-filled and takes them back whole on `munmap`, so a session that keeps creating and
    /// dropping big arrays does not fragment the malloc heap (300 × `z = np.ones(10**6)` grew
    /// RSS to 2.35 GB). Every storage is counted in `Limits.liveBytes`, the one memory budget.
    init(byteCount: Int, zeroed: Bool) {
        self.byteCount = byteCount
        Limits.didAllocate(byteCount)
        if byteCount >= Storage.mapThreshold, let reused = MappingCache.take(byteCount) {
            // A mapping freed a moment ago (the temporary of the previous `W -= lr * dW`): its
            // pages are already faulted in, so only the zeroing is left, and only if asked.
            if zeroed { reused.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount) }
            pointer = reused
            mapped = true
            return
        }
        if byteCount >= Storage.mapThreshold,
           let raw = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
           raw != MAP_FAILED {
            // Transparent huge pages where the system offers them on request (as numpy asks
            // for arrays of 4 MiB and more): 512× fewer page faults when the array is first
            // filled, which dominated loading a 100 MB .npy.
            if byteCount >= Storage.hugePageThreshold { _ = madvise(raw, byteCount, Int32(MADV_HUGEPAGE)) }
            pointer = raw
            mapped = true
            return
        }
        // 64-byte alignment suits SIMD loads; at least one byte so the pointer is valid.
        pointer = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: 64)
        mapped = false
        if zeroed { pointer.initializeMemory(as: UInt8.self, repeating: 0, count: max(byteCount, 1)) }
    }

    deinit {
        Limits.didFree(byteCount)
        if mapped { MappingCache.give(pointer, byteCount) } else { pointer.deallocate() }
    }
}

/// The few big mappings most recently freed, kept for the next storage of the same size
/// instead of being unmapped at once.
///
/// Why: a fresh mapping costs a page fault and a kernel zero-fill per page on first touch —
/// more than the arithmetic itself for `z = x > 5` or the temporary of `W -= lr * dW` on
/// 10^7 elements, which statements and training loops repeat with the same sizes. numpy gets
/// the same reuse from glibc's malloc for blocks up to 32 MiB. The cache is small and bounded
/// (`maxEntries` mappings, `maxBytes` in all, oldest unmapped first) so memory still goes back
/// to the system; cached bytes do not count as live arrays in `Limits`.
enum MappingCache {
    struct Entry: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
        let byteCount: Int
    }
    static let maxEntries = 4
    static let maxBytes = 128 << 20
    private static let entries = Mutex<[Entry]>([])

    /// A cached mapping of exactly `byteCount` bytes (its old contents still in it), or nil.
    static func take(_ byteCount: Int) -> UnsafeMutableRawPointer? {
        entries.withLock { list -> UnsafeMutableRawPointer? in
            guard let i = list.lastIndex(where: { $0.byteCount == byteCount }) else { return nil }
            return list.remove(at: i).pointer
        }
    }

    /// Keeps a freed mapping, unmapping whatever no longer fits (the oldest first).
    static func give(_ pointer: UnsafeMutableRawPointer, _ byteCount: Int) {
        guard byteCount <= maxBytes else { munmap(pointer, byteCount); return }
        let evicted = entries.withLock { list -> [Entry] in
            list.append(Entry(pointer: pointer, byteCount: byteCount))
            var total = list.reduce(0) { $0 + $1.byteCount }
            var out: [Entry] = []
            while list.count > maxEntries || total > maxBytes {
                let e = list.removeFirst()
                total -= e.byteCount
                out.append(e)
            }
            return out
        }
        for e in evicted { munmap(e.pointer, e.byteCount) }
    }
}

/// How the owning array of a storage lays out its elements (what `x.base` shows).
struct OwnerLayout {
    var dtype: DType
    var shape: [Int]
    var strides: [Int]
    var offset: Int
    /// The owner's flags: `x.base` is that same array object, and whether a view may be made
    /// writeable again depends on whether its owner is (`ArrayFlags.swift`).
    var flags: ArrayFlags
}

/// Swift types that can be the elements of an array.
public protocol TensorElement: Sendable {
    static var dtype: DType { get }
}
extension Bool: TensorElement { public static var dtype: DType { .bool } }
extension Int8: TensorElement { public static var dtype: DType { .int8 } }
extension Int16: TensorElement { public static var dtype: DType { .int16 } }
extension UInt8: TensorElement { public static var dtype: DType { .uint8 } }
extension UInt16: TensorElement { public static var dtype: DType { .uint16 } }
extension UInt32: TensorElement { public static var dtype: DType { .uint32 } }
extension UInt64: TensorElement { public static var dtype: DType { .uint64 } }
extension Float16: TensorElement { public static var dtype: DType { .float16 } }
extension Int32: TensorElement { public static var dtype: DType { .int32 } }
extension Int64: TensorElement { public static var dtype: DType { .int64 } }
extension Float: TensorElement { public static var dtype: DType { .float32 } }
extension Double: TensorElement { public static var dtype: DType { .float64 } }
