import Tensor

/// An operand as the user wrote it: the text of the argument (`x`, `outs[-1]`, or nil for a
/// literal) and its shape.
public struct NamedShape: Sendable, Equatable {
    public var name: String?
    public var shape: [Int]
    public init(_ name: String?, _ shape: [Int]) { self.name = name; self.shape = shape }

    /// `x (2, 4, 3)` or just `(2, 4, 3)`.
    var described: String { (name.map { "\($0) " } ?? "") + shapeString(shape) }
    /// `x` or `the array`.
    var noun: String { name ?? "the array" }
}

/// "Errors that teach": after numpy's one-line error, a second line that says why in terms of
/// the operands the user wrote, in the spirit of TensorSensor —
/// `reshape: x has 24 elements (2·4·3); (5, 5) needs 25`,
/// `matmul: (128, 128) @ (156, 512): inner sizes 128 and 156 differ`.
/// Each function returns nil when the operands do not show the failure it explains (so a
/// caller can simply try the one that matches the command).
public enum ErrorExplanation {
    /// `2·4·3`, for sizes of more than one axis.
    static func product(_ shape: [Int]) -> String {
        shape.map(String.init).joined(separator: "·")
    }

    static func elements(_ x: NamedShape) -> String {
        let n = x.shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }
        let unit = n == 1 ? "element" : "elements"
        return "\(x.noun) has \(n) \(unit)" + (x.shape.count > 1 ? " (\(product(x.shape)))" : "")
    }

    /// `x.reshape(requested)` failed.
    public static func reshape(_ x: NamedShape, requested: [Int]) -> String? {
        let size = x.shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }
        let unknowns = requested.filter { $0 < 0 }.count
        let wanted = shapeString(requested)
        if unknowns > 1 {
            return "reshape: \(wanted) has \(unknowns) entries of -1; only one size can be left for numpy to infer"
        }
        var known = 1
        for d in requested where d >= 0 {
            let (p, o) = known.multipliedReportingOverflow(by: d)
            if o { return "reshape: \(elements(x)); \(wanted) needs more elements than fit in memory" }
            known = p
        }
        if unknowns == 1 {
            if known == 0 { return "reshape: \(elements(x)); the other sizes of \(wanted) multiply to 0, so -1 cannot be inferred" }
            if size % known == 0 { return nil }
            return "reshape: \(elements(x)); \(wanted) needs a multiple of \(known), and \(size) = \(known)·\(size / known) + \(size % known)"
        }
        if known == size { return nil }
        return "reshape: \(elements(x)); \(wanted) needs \(known)"
    }

    /// `a @ b` failed. Only the shapes' last two axes (and broadcast batch axes) are involved.
    public static func matmul(_ a: NamedShape, _ b: NamedShape) -> String? {
        let head = "matmul: \(a.described) @ \(b.described): "
        if a.shape.isEmpty || b.shape.isEmpty {
            let scalar = a.shape.isEmpty ? a : b
            return head + "\(scalar.noun) is 0-d; @ needs at least one axis on each side (use * to scale)"
        }
        let inner = a.shape[a.shape.count - 1]
        let other = b.shape.count == 1 ? b.shape[0] : b.shape[b.shape.count - 2]
        if inner != other {
            let where_ = b.shape.count == 1 ? "the length of \(b.noun)" : "axis -2 of \(b.noun)"
            var s = head + "inner sizes \(inner) and \(other) differ"
            if let an = a.name, b.name != nil { s += " (the last axis of \(an) must equal \(where_))" }
            return s
        }
        let batchA = Array(a.shape.dropLast(2)), batchB = Array(b.shape.dropLast(2))
        if let clash = broadcastClash(batchA, batchB) {
            return head + "the stacked (batch) axes \(shapeString(batchA)) and \(shapeString(batchB)) do not broadcast: \(clash)"
        }
        return nil
    }

    /// Broadcasting an elementwise `op` (`+`, `*`, `add`, …) failed.
    public static func broadcast(_ op: String, _ a: NamedShape, _ b: NamedShape) -> String? {
        guard let clash = broadcastClash(a.shape, b.shape) else { return nil }
        let symbol = ["add": "+", "subtract": "-", "multiply": "*", "divide": "/", "true_divide": "/", "power": "**"][op] ?? op
        let joined = symbol.count <= 2 ? "\(a.described) \(symbol) \(b.described)" : "\(op)(\(a.described), \(b.described))"
        return "\(joined): shapes are compared from the last axis; \(clash)"
    }

    /// The first axis (from the right) where two shapes cannot broadcast, in words.
    static func broadcastClash(_ a: [Int], _ b: [Int]) -> String? {
        let n = max(a.count, b.count)
        for k in 1...max(n, 1) where k <= a.count && k <= b.count {
            let x = a[a.count - k], y = b[b.count - k]
            if x != y && x != 1 && y != 1 {
                return "axis -\(k) has sizes \(x) and \(y), and neither is 1"
            }
        }
        return nil
    }

    /// `np.split(x, sections, axis)` could not divide the axis evenly.
    public static func split(_ x: NamedShape, sections: Int, axis: Int) -> String? {
        guard axis >= -x.shape.count && axis < x.shape.count, sections > 0 else { return nil }
        let ax = axis < 0 ? axis + x.shape.count : axis
        let n = x.shape[ax]
        guard n % sections != 0 else { return nil }
        return "split: axis \(ax) of \(x.noun) has length \(n) = \(sections)·\(n / sections) + \(n % sections), not a multiple of \(sections) (array_split allows unequal pieces)"
    }

    /// `split 4 x`: a number where the array goes and the array where the sections go.
    public static func splitSwapped(number: String, array: NamedShape) -> String {
        "split: the array to cut comes first and the number of pieces second; \(number) is a number and \(array.noun) "
            + "is the array: split \(array.name ?? "x") \(number)"
    }

    /// `x.transpose(axes)` with the wrong number of axes.
    public static func transpose(_ x: NamedShape, axes: [Int]) -> String? {
        guard axes.count != x.shape.count else { return nil }
        return "transpose: \(x.noun) has \(x.shape.count) ax\(x.shape.count == 1 ? "is" : "es") \(shapeString(x.shape)), but \(shapeString(axes)) lists \(axes.count); give one entry per axis"
    }

    /// `x[index]` out of range on `axis`.
    public static func index(_ x: NamedShape, index: Int, axis: Int) -> String? {
        guard axis >= 0 && axis < x.shape.count else { return nil }
        let n = x.shape[axis]
        guard index < -n || index >= n else { return nil }
        if n == 0 { return "index: axis \(axis) of \(x.noun) is empty, so no index is valid" }
        return "index: axis \(axis) of \(x.noun) has length \(n), so valid indices are 0 to \(n - 1) (or -\(n) to -1)"
    }

    /// `np.concatenate(xs, axis)` with arrays that differ off the joining axis.
    public static func concatenate(_ xs: [NamedShape], axis: Int) -> String? {
        guard let first = xs.first else { return nil }
        for x in xs.dropFirst() {
            if x.shape.count != first.shape.count {
                return "concatenate: \(first.described) has \(first.shape.count) axes but \(x.described) has \(x.shape.count); the arrays must have the same number of axes"
            }
            let ax = axis < 0 ? axis + first.shape.count : axis
            for d in first.shape.indices where d != ax && first.shape[d] != x.shape[d] {
                return "concatenate: \(first.described) and \(x.described) differ on axis \(d) (\(first.shape[d]) vs \(x.shape[d])); only axis \(ax), the one being joined, may differ"
            }
        }
        return nil
    }
}
