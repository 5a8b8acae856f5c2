/// Raw, reference-counted bytes shared by an array and all of its views (numpy's data buffer).
/// Arrays never write into a storage after creating it, so sharing one between views and
/// threads is safe.
public final class Storage: @unchecked Sendable {
    public let pointer: UnsafeMutableRawPointer
    public let byteCount: Int

    /// Zero-filled storage. Callers must have validated `byteCount` with `Limits`.
    init(byteCount: Int) {
        self.byteCount = byteCount
        // 64-byte alignment suits SIMD loads and BLAS; at least one byte so the pointer is valid.
        pointer = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: 64)
        pointer.initializeMemory(as: UInt8.self, repeating: 0, count: max(byteCount, 1))
    }

    deinit { pointer.deallocate() }
}

/// Swift types that can be the elements of an array.
public protocol TensorElement: Sendable {
    static var dtype: DType { get }
}
extension Bool: TensorElement { public static var dtype: DType { .bool } }
extension UInt8: TensorElement { public static var dtype: DType { .uint8 } }
extension Int32: TensorElement { public static var dtype: DType { .int32 } }
extension Int64: TensorElement { public static var dtype: DType { .int64 } }
extension Float: TensorElement { public static var dtype: DType { .float32 } }
extension Double: TensorElement { public static var dtype: DType { .float64 } }
