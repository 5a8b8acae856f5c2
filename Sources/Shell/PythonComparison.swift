/// Python's comparison of tuples and lists (`x.shape == (2, 3)` is `True`, not numpy's
/// elementwise `[ True  True]`): `==` is item-by-item equality of the same sequence type,
/// ordering is lexicographic (the first differing item decides, then the length).
enum PythonComparison {
    /// nil when the operands are not two Python sequences (numpy's comparison applies then).
    static func compare(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>) throws(ShellError) -> Value? {
        guard let a = l.sequenceItems, let b = r.sequenceItems, ["==", "!=", "<", "<=", ">", ">="].contains(op) else { return nil }
        let sameType = l.typeName == r.typeName
        if op == "==" || op == "!=" {
            guard sameType else { return .bool(op == "!=") }
            guard let eq = try equal(a, b, span) else { return nil }
            return .bool(op == "==" ? eq : !eq)
        }
        guard sameType else {
            throw ShellError("'\(op)' not supported between instances of '\(l.typeName)' and '\(r.typeName)'", span: span, kind: .typeError)
        }
        for (x, y) in zip(a, b) {
            guard let eq = try itemEqual(x, y, span) else { return nil }
            if eq { continue }
            if let v = try PythonArithmetic.binary(op, x, y, span) { return v }
            return try compare(op, x, y, span)
        }
        return PythonArithmetic.compare(op, a.count < b.count, a.count == b.count, a.count > b.count)
    }

    static func equal(_ a: [Value], _ b: [Value], _ span: Range<Int>) throws(ShellError) -> Bool? {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            guard let eq = try itemEqual(x, y, span) else { return nil }
            if !eq { return false }
        }
        return true
    }

    /// Python's `x == y` for items: numbers, strings, None and nested sequences; nil for items
    /// this does not compare (arrays).
    static func itemEqual(_ x: Value, _ y: Value, _ span: Range<Int>) throws(ShellError) -> Bool? {
        if x.sequenceItems != nil || y.sequenceItems != nil {
            guard let items = x.sequenceItems, let other = y.sequenceItems else { return false }
            guard x.typeName == y.typeName else { return false }
            return try equal(items, other, span)
        }
        switch (x, y) {
        case (.array, _), (_, .array), (.scalar, _), (_, .scalar): return nil
        default: break
        }
        if case .bool(let b)? = try PythonArithmetic.binary("==", x, y, span) { return b }
        return false
    }
}
