import Foundation
import Synchronization

/// Guards against shapes that would exhaust memory: every allocation size is computed with
/// overflow checks and compared with `maxBytes` before any memory is touched.
public enum Limits {
    private static let maxBytesStorage = Atomic<Int>(4 << 30)

    /// The largest array, in bytes, that may be allocated (default 4 GiB).
    public static var maxBytes: Int {
        get { maxBytesStorage.load(ordering: .relaxed) }
        set { maxBytesStorage.store(newValue, ordering: .relaxed) }
    }

    /// The number of elements of `shape`, or an error if a dimension is negative or the
    /// product overflows. Like numpy, the product of the *nonzero* dimensions (times the item
    /// size) must fit, even when another dimension is 0: `(0, 2**62, 4)` is refused, so no
    /// stride computed for such a shape can overflow.
    public static func elementCount(_ shape: [Int]) throws(TensorError) -> Int {
        try counts(shape, itemSize: 1)
    }

    private static func counts(_ shape: [Int], itemSize: Int) throws(TensorError) -> Int {
        let tooBig = TensorError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.")
        var n = itemSize
        var hasZero = false
        for d in shape {
            if d < 0 { throw TensorError("negative dimensions are not allowed") }
            if d == 0 { hasZero = true; continue }
            let (p, o) = n.multipliedReportingOverflow(by: d)
            if o { throw tooBig }
            n = p
        }
        return hasZero ? 0 : n / itemSize
    }

    /// Checks that an array of `shape` and `dtype` may be allocated; returns its element count.
    @discardableResult
    public static func checkAllocation(_ shape: [Int], _ dtype: DType) throws(TensorError) -> Int {
        let n = try counts(shape, itemSize: dtype.itemSize)
        let bytes = n * dtype.itemSize
        if bytes > maxBytes {
            throw TensorError("Unable to allocate \(numpySizeString(bytes)) for an array with shape \(shapeString(shape)) and data type \(dtype.name)",
                              explanation: "the limit is \(formatBytes(maxBytes)); raise it with `limit GIB` if this is intended")
        }
        return n
    }

    /// numpy's `_ArrayMemoryError._size_to_string`, so the MemoryError text is numpy's to the
    /// byte: `1000 bytes`, `1.00 KiB`, `7.45 GiB`, `100. GiB`, `1023. MiB` (3 significant
    /// figures with `#` formatting, the unit bumped when rounding reaches 1024).
    public static func numpySizeString(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        let bitLength = bytes > 0 ? Int.bitWidth - bytes.leadingZeroBitCount : 0
        var unit = Swift.max(bitLength - 1, 1) / 10
        var n = Double(bytes) / Double(sign: .plus, exponent: unit * 10, significand: 1)
        if n.rounded(.toNearestOrEven) == 1024 { unit += 1; n /= 1024 }
        if unit >= units.count {
            n *= Double(sign: .plus, exponent: (unit - units.count + 1) * 10, significand: 1)
            unit = units.count - 1
        }
        if unit == 0 { return String(format: "%.0f bytes", n) }
        if n.rounded(.toNearestOrEven) < 1000 { return String(format: "%#.3g", n) + " " + units[unit] }
        return String(format: "%#.0f", n) + " " + units[unit]
    }

    /// rnnsh's own size wording (limits in explanations): binary units with up to 3 significant digits (`7.45 GiB`).
    public static func formatBytes(_ b: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var v = Double(b); var u = 0
        while v >= 1024 && u < units.count - 1 { v /= 1024; u += 1 }
        if u == 0 { return "\(b) B" }
        let digits = v >= 100 ? 0 : (v >= 10 ? 1 : 2)
        var s = String(format: "%.\(digits)f", v)
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return "\(s) \(units[u])"
    }
}

/// A shape written as numpy writes a Python tuple: `(24,)`, `(2, 4, 3)`, `()`.
public func shapeString(_ shape: [Int]) -> String {
    if shape.count == 1 { return "(\(shape[0]),)" }
    return "(" + shape.map(String.init).joined(separator: ", ") + ")"
}
