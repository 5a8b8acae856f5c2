import Foundation
import Synchronization

/// One memory budget for the whole session: every array storage alive in the process (the
/// workspace and the temporaries of the running statement) is counted in `liveBytes`, and a
/// new allocation is refused — before any memory is touched — when it would take the total
/// over `maxBytes`. Sizes are computed with overflow checks, so a shape from input can never
/// trap. Other growth that is not an array (Python lists and strings in the shell, zip
/// members, dataset files) asks `reserve` the same question.
public enum Limits {
    /// numpy's `NPY_MAXDIMS`.
    public static let maxDimensions = 64

    /// The default budget: a fair share of the machine — a quarter of physical memory, at
    /// least 1 GiB and at most 64 GiB (on the project's 24 GiB machine: 6 GiB). A quarter
    /// leaves room for the copies a statement makes while it runs, for the engine's own
    /// buffers, and for the other programs on the machine.
    public static let defaultMaxBytes: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return 4 << 30 }
        let (physical, o) = pages.multipliedReportingOverflow(by: pageSize)
        if o { return 64 << 30 }
        return Swift.min(Swift.max(physical / 4, 1 << 30), 64 << 30)
    }()

    private static let maxBytesStorage = Atomic<Int>(defaultMaxBytes)
    private static let liveBytesStorage = Atomic<Int>(0)

    /// The memory budget in bytes (`limit GIB` in the shell changes it); inside `withBudget`,
    /// the smaller of it and that scope's budget.
    public static var maxBytes: Int {
        get {
            let process = maxBytesStorage.load(ordering: .relaxed)
            guard let scoped = scopedMaxBytes else { return process }
            return Swift.min(process, scoped)
        }
        set { maxBytesStorage.store(newValue, ordering: .relaxed) }
    }

    @TaskLocal private static var scopedMaxBytes: Int?

    /// Runs `body` under a budget of at most `bytes` (still counted against what the whole
    /// process holds), for this caller only: a fuzz harness keeps each generated statement to
    /// arrays that take a fraction of a second to fill, where `limit` would change the budget
    /// of every test running beside it.
    public static func withBudget<R>(_ bytes: Int, _ body: () throws -> R) rethrows -> R {
        try $scopedMaxBytes.withValue(bytes) { try body() }
    }

    /// Bytes held by all array storages alive now.
    public static var liveBytes: Int { liveBytesStorage.load(ordering: .relaxed) }

    private static let heldOutsideArraysStorage = Atomic<Int>(0)

    /// Bytes the session holds in values that are not arrays (Python lists and strings in the
    /// workspace). The shell sets it after each statement; it counts against the budget like
    /// array bytes, so `l = [0] * 10**8` leaves less room for arrays, and the other way round.
    public static var heldOutsideArrays: Int {
        get { heldOutsideArraysStorage.load(ordering: .relaxed) }
        set { heldOutsideArraysStorage.store(Swift.max(newValue, 0), ordering: .relaxed) }
    }

    /// What is left of the budget.
    public static var availableBytes: Int {
        let (used, o) = liveBytes.addingReportingOverflow(heldOutsideArrays)
        return o ? 0 : Swift.max(maxBytes - used, 0)
    }

    static func didAllocate(_ bytes: Int) { liveBytesStorage.wrappingAdd(bytes, ordering: .relaxed) }
    static func didFree(_ bytes: Int) { liveBytesStorage.wrappingSubtract(bytes, ordering: .relaxed) }

    /// numpy's rank cap: `maximum supported dimension for an ndarray is currently 64, found 65`.
    public static func checkDimensions(_ ndim: Int) throws(TensorError) {
        if ndim > maxDimensions {
            throw TensorError("maximum supported dimension for an ndarray is currently \(maxDimensions), found \(ndim)", kind: .valueError)
        }
    }

    /// Refuses `bytes` more (for `what`) when they do not fit in what is left of the budget.
    /// For growth that is not an array: lists, strings, files read whole. The message is
    /// Python's MemoryError wording plus the budget in the explanation.
    public static func reserve(_ bytes: Int, for what: @autoclosure () -> String) throws(TensorError) {
        if bytes > availableBytes {
            throw TensorError("cannot allocate \(numpySizeString(Swift.max(bytes, 0))) for \(what())",
                              explanation: budgetExplanation, kind: .memoryError)
        }
    }

    /// The second line of every refusal: how the budget is used and how to change it.
    public static var budgetExplanation: String {
        let live = liveBytes, other = heldOutsideArrays
        var held = live > 0 ? "arrays alive now hold \(formatBytes(live)) of the \(formatBytes(maxBytes)) memory budget" : "the memory budget is \(formatBytes(maxBytes))"
        if other > 0 { held += ", lists and strings \(formatBytes(other))" }
        return held + "; `limit GIB` shows or changes it"
    }

    /// The number of elements of `shape`, or an error if a dimension is negative or the
    /// product overflows. Like numpy, the product of the *nonzero* dimensions (times the item
    /// size) must fit, even when another dimension is 0: `(0, 2**62, 4)` is refused, so no
    /// stride computed for such a shape can overflow.
    public static func elementCount(_ shape: [Int]) throws(TensorError) -> Int {
        try counts(shape, itemSize: 1)
    }

    private static func counts(_ shape: [Int], itemSize: Int) throws(TensorError) -> Int {
        let tooBig = TensorError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.", kind: .valueError)
        try checkDimensions(shape.count)
        var n = itemSize
        var hasZero = false
        for d in shape {
            if d < 0 { throw TensorError("negative dimensions are not allowed", kind: .valueError) }
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
        if bytes > availableBytes {
            throw TensorError("Unable to allocate \(numpySizeString(bytes)) for an array with shape \(shapeString(shape)) and data type \(dtype.name)",
                              explanation: budgetExplanation, kind: .memoryError)
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
