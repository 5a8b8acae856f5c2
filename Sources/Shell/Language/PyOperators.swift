import Tensor

/// Python's operators on Python's own values (no arrays involved): equality and ordering of
/// containers, `in`, `is`, string `%` formatting, set algebra, and Python's TypeError wording
/// when an operator does not apply.
extension Evaluator {
    /// nil when an operand is array-like or the operator belongs to numpy (the caller then
    /// goes to the registry's ufuncs).
    func pythonBinary(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>) throws(ShellError) -> Value? {
        // `t > 0` on a TF tensor builds TF's Greater op before Python's ordering refuses it
        // (the tensor test first: it is a tag check for every non-object value).
        if TFOperators.isTensor(l) || TFOperators.isTensor(r), TFOperators.comparisons.contains(op),
           let v = try TFOperators.binary(op, l, r, span, evaluator: self) { return v }
        if let v = try ClassRuntime.binary(op, l, r, span, self) { return v }
        if let v = try CollectionsModule.binary(op, l, r, span, self) { return v }
        switch op {
        case "in", "not in":
            let found = try contains(r, l, span)
            return .bool(op == "in" ? found : !found)
        case "is", "is not":
            let same = Self.identical(l, r)
            return .bool(op == "is" ? same : !same)
        case "==": if let e = try pyEquals(l, r) { return .bool(e) }
        case "!=": if let e = try pyEquals(l, r) { return .bool(!e) }
        case "<", "<=", ">", ">=":
            if case .set(let a) = l, case .set(let b) = r {
                var sub = true, sup = true
                for x in a.items where !b.contains(try HashKey.of(x, span: span)) { sub = false }
                for x in b.items where !a.contains(try HashKey.of(x, span: span)) { sup = false }
                switch op {
                case "<=": return .bool(sub)
                case "<": return .bool(sub && a.count < b.count)
                case ">=": return .bool(sup)
                default: return .bool(sup && a.count > b.count)
                }
            }
            if let c = try pyCompare(l, r, op, span) {
                switch op {
                case "<": return .bool(c < 0)
                case "<=": return .bool(c <= 0)
                case ">": return .bool(c > 0)
                default: return .bool(c >= 0)
                }
            }
        case "%":
            if case .string(let fmt) = l {
                return .string(try ClassRuntime.formatting(self) { () throws(ShellError) -> String in try PyFormat.percent(fmt, r, span: span, evaluator: self) })
            }
        default: break
        }
        // `int | None`: a union of classes (UnionType.swift), before `|` as bitwise or.
        if op == "|", let u = UnionTypeObject.union(l, r) { return u }
        if let v = try PythonArithmetic.binary(op, l, r, span) { return v }
        switch (op, l, r) {
        case ("-", .set(let a), .set(let b)):
            var out = PySet()
            for x in a.items where !b.contains(try HashKey.of(x, span: span)) { try out.insert(x, span: span) }
            return .set(out)
        case ("&", .set(let a), .set(let b)):
            var out = PySet()
            for x in a.items where b.contains(try HashKey.of(x, span: span)) { try out.insert(x, span: span) }
            return .set(out)
        case ("^", .set(let a), .set(let b)):
            var out = PySet()
            for x in a.items where !b.contains(try HashKey.of(x, span: span)) { try out.insert(x, span: span) }
            for x in b.items where !a.contains(try HashKey.of(x, span: span)) { try out.insert(x, span: span) }
            return .set(out)
        case ("|", .set(let l), .set(let b)):
            let a = l.copy()
            for x in b.items { try a.insert(x, span: span) }
            return .set(a)
        case ("|", .dict(let l), .dict(let b)):
            let a = l.copy()
            for (k, v) in b.items { try a.set(k, v, span: span) }
            return .dict(a)
        case ("|", .int(let a), .int(let b)): return .int(a | b)
        case ("*", .list(let a), .bool(let b)): return .list(b ? a.items : [])
        case ("*", .string(let a), .bool(let b)): return .string(b ? a : "")
        default: break
        }
        // Python refuses the rest. Lists and tuples are not arrays here: `[80, 90] + 1` and
        // `[0] * (6 / 3)` are Python's TypeErrors (numpy takes a list only beside an array or
        // a numpy scalar, which the caller sends to numpy).
        func pythonOperand(_ v: Value) -> Bool { v.sequenceItems != nil || Self.isScalarLike(v) }
        if Self.isPythonOnly(l) || Self.isPythonOnly(r) || (pythonOperand(l) && pythonOperand(r)) {
            throw typeErrorFor(op, l, r, span)
        }
        return nil
    }

    /// Python's wording for an operator that does not apply.
    func typeErrorFor(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>) -> ShellError {
        if ["<", "<=", ">", ">="].contains(op) {
            return ShellError("'\(op)' not supported between instances of '\(l.typeName)' and '\(r.typeName)'", span: span, kind: .typeError)
        }
        if op == "+" {
            switch l {
            case .list: return ShellError("can only concatenate list (not \"\(r.typeName)\") to list", span: span, kind: .typeError)
            case .tuple: return ShellError("can only concatenate tuple (not \"\(r.typeName)\") to tuple", span: span, kind: .typeError)
            case .string: return ShellError("can only concatenate str (not \"\(r.typeName)\") to str", span: span, kind: .typeError)
            default: break
            }
        }
        if op == "*" {
            switch (l, r) {
            case (.list, _), (.tuple, _), (.string, _), (_, .list), (_, .tuple), (_, .string):
                let other = l.sequenceItems != nil || { if case .string = l { return true } else { return false } }() ? r : l
                return ShellError("can't multiply sequence by non-int of type '\(other.typeName)'", span: span, kind: .typeError)
            default: break
            }
        }
        let shown = op == "**" ? "** or pow()" : op
        return ShellError("unsupported operand type(s) for \(shown): '\(l.typeName)' and '\(r.typeName)'", span: span, kind: .typeError)
    }

    static func isScalarLike(_ v: Value) -> Bool {
        switch v {
        case .int, .float, .bool, .none: return true
        default: return false
        }
    }

    /// Values numpy never takes as an operand (so an operator on them is Python's business).
    static func isPythonOnly(_ v: Value) -> Bool {
        switch v {
        case .string, .dict, .set, .none, .closure, .builtin, .range, .iterator, .exception, .type, .namespace: return true
        default: return false
        }
    }

    /// `is`: the same object. Python's small values are interned, so scalars compare by value.
    static func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y && x >= -5 && x <= 256
        case (.string(let x), .string(let y)): return x == y
        case (.type(let x), .type(let y)): return x == y
        // numpy's scalar classes exist once: `x.dtype.type is np.float32`, `type(s) is np.int64`.
        case (.type(let t), .dtype(let d)), (.dtype(let d), .type(let t)): return t.hasPrefix("numpy.") && Builtins.dtype(ofType: t) == d
        case (.closure(let x), .closure(let y)): return x === y
        case (.list(let x), .list(let y)): return x === y
        case (.dict(let x), .dict(let y)): return x.isSame(y)
        case (.set(let x), .set(let y)): return x.isSame(y)
        case (.iterator(let x), .iterator(let y)): return x === y
        case (.dtype(let x), .dtype(let y)): return x == y
        // TF's DTypes are interned: `x.dtype is tf.float32` (a `_ref` dtype is another one).
        case (.object(let x as TFDType), .object(let y as TFDType)): return x.dtype == y.dtype && x.ref == y.ref
        // One TF graph is one Python object, however it was reached (`t.graph is g`).
        case (.object(let x as TFGraph), .object(let y as TFGraph)): return x.graph === y.graph
        // So is one tensor or op (TF keeps one object per op and output): what a collection
        // hands back `is` what was added (`tf.get_collection('logits')[0] is logits`).
        case (.object(let x as TFTensor), .object(let y as TFTensor)): return x.tensor == y.tensor
        case (.object(let x as TFOperation), .object(let y as TFOperation)):
            return x.operation.graph === y.operation.graph && x.operation.op == y.operation.op
        case (.array(let x), .array(let y)), (.scalar(let x), .scalar(let y)):
            // An array value has no identity of its own: the same storage seen the same way,
            // and both the owner or both views (`a[:] is a` is False, `W = m.W; W is m.W` True).
            return x.storage === y.storage && x.isView == y.isView && x.offset == y.offset && x.shape == y.shape
                && x.strides == y.strides && x.dtype == y.dtype
        case (.tuple(let x), .tuple(let y)): return x.isEmpty && y.isEmpty
        case (.ellipsis, .ellipsis): return true
        case (.function(let x), .function(let y)): return x.name == y.name && x.receiver == nil && y.receiver == nil
        case (.namespace(let x), .namespace(let y)): return x == y
        case (.object(let x as AnyObject), .object(let y as AnyObject)): return x === y
        case (.builtin(let x), .builtin(let y)):
            // Builtin functions and a type's method descriptors exist once (`str.lower is
            // str.lower`); a bound method is made anew by each attribute lookup.
            guard x.name == y.name else { return false }
            switch (x.receiver, y.receiver) {
            case (nil, nil): return true
            case (.type(let a)?, .type(let b)?): return a == b
            default: return false
            }
        default: return false
        }
    }

    /// CPython's identity shortcut in container `==` and `in` (PyObject_RichCompareBool):
    /// the same object is equal to itself without asking `__eq__`, so `x = float('nan');
    /// [x] == [x]` and `x in [x]` are True. rnnsh's floats are values, not objects, so a NaN
    /// stands for the same object as a NaN with the same bits: `[np.nan] == [np.nan]` is True
    /// as in CPython, and so is `[float('nan')] == [float('nan')]`, which CPython makes False
    /// (two objects).
    static func sameObject(_ a: Value, _ b: Value) -> Bool {
        if case .float(let x) = a, case .float(let y) = b { return x.isNaN && x.bitPattern == y.bitPattern }
        return identical(a, b)
    }

    /// Python's `==` on Python values; nil when numpy decides (an array is involved).
    func pyEquals(_ a: Value, _ b: Value) throws(ShellError) -> Bool? {
        if case .object(let t as NamedTupleValue) = a { return try pyEquals(.tuple(t.values), b) }
        if case .object(let t as NamedTupleValue) = b { return try pyEquals(a, .tuple(t.values)) }
        if ClassRuntime.isInstance(a) || ClassRuntime.isInstance(b), let e = try ClassRuntime.binary("==", a, b, 0..<0, self) {
            return try truth(e, 0..<0)
        }
        if case .object(let d as TFDType) = a { return d.equals(b) }
        if case .object(let d as TFDType) = b { return d.equals(a) }
        if Self.isArrayLike(a) || Self.isArrayLike(b) {
            // A numpy scalar against a Python number compares by value.
            if case .scalar(let x) = a, let d = Self.number(b), let s = x.scalar(at: []) { return s.doubleValue == d }
            if case .scalar(let x) = b, let d = Self.number(a), let s = x.scalar(at: []) { return s.doubleValue == d }
            return nil
        }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.bigint, _), (_, .bigint):
            guard let x = PythonArithmetic.number(a), let y = PythonArithmetic.number(b) else { return false }
            if case .bool(let e)? = try PythonArithmetic.numeric("==", x, y, 0..<0) { return e }
            return false
        case (.string(let x), .string(let y)): return x == y
        case (.none, .none): return true
        case (.none, _), (_, .none): return false
        case (.list(let l), .list(let r)) where l === r: return true
        case (.list, .list), (.tuple, .tuple):
            let x = a.sequenceItems ?? [], y = b.sequenceItems ?? []
            guard x.count == y.count else { return false }
            try enterComparison(span: nil)
            defer { callDepth -= 1 }
            for (p, q) in zip(x, y) {
                // Python compares items by identity first (a list holding itself equals itself).
                if Self.sameObject(p, q) { continue }
                guard let e = try pyEquals(p, q) else { return nil }
                if !e { return false }
            }
            return true
        case (.dict(let x), .dict(let y)):
            guard x.count == y.count else { return false }
            try enterComparison(span: nil)
            defer { callDepth -= 1 }
            for (k, v) in x.items {
                guard let w = y.get(try HashKey.of(k, span: nil)) else { return false }
                // The identity shortcut first: `d == d` of a dict that holds itself (or a chain
                // of 200,000 nested dicts) is True at once, as in CPython.
                if Self.sameObject(v, w) { continue }
                guard let e = try pyEquals(v, w), e else { return false }
            }
            return true
        case (.set(let x), .set(let y)):
            guard x.count == y.count else { return false }
            for item in x.items where !y.contains(try HashKey.of(item, span: nil)) { return false }
            return true
        case (.range(let a1, let b1, let c1), .range(let a2, let b2, let c2)):
            let n1 = PythonRange.count(a1, b1, c1), n2 = PythonRange.count(a2, b2, c2)
            return n1 == n2 && (n1 == 0 || (a1 == a2 && (n1 == 1 || c1 == c2)))
        case (.type(let x), .type(let y)): return x == y
        case (.dtype(let x), .dtype(let y)): return x == y
        case (.dtype(let x), .string(let s)), (.string(let s), .dtype(let x)): return DType(numpyName: s) == x
        case (.dtype(let x), .type(let t)), (.type(let t), .dtype(let x)): return Builtins.dtype(ofType: t) == x
        case (.exception(let x), .exception(let y)): return x.kind == y.kind && x.message == y.message
        default:
            if let x = Self.number(a), let y = Self.number(b) { return x == y }
            if case .closure(let x) = a, case .closure(let y) = b { return x === y }
            return Self.identical(a, b)
        }
    }

    /// One level deeper into nested containers being compared, counted with the calls as
    /// CPython counts them: lists nested 30,000 deep compared by recursion until the stack
    /// overflowed (rc 139, red team); CPython says RecursionError at its recursion limit.
    /// The caller decrements `callDepth` when it leaves the level.
    func enterComparison(span: Range<Int>?) throws(ShellError) {
        if callDepth >= Self.recursionLimit || StackGuard.exhausted(stackLimit) {
            throw ShellError("maximum recursion depth exceeded in comparison", span: span, kind: .recursionError)
        }
        callDepth += 1
    }

    static func number(_ v: Value) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// Python's ordering: -1, 0, 1; nil when numpy decides; TypeError when Python refuses.
    func pyCompare(_ a: Value, _ b: Value, _ op: String, _ span: Range<Int>) throws(ShellError) -> Int? {
        // A named tuple orders as the tuple of its items.
        if case .object(let t as NamedTupleValue) = a { return try pyCompare(.tuple(t.values), b, op, span) }
        if case .object(let t as NamedTupleValue) = b { return try pyCompare(a, .tuple(t.values), op, span) }
        if let c = try ComparisonKey.order(a, b, span, self) { return c }
        if Self.isArrayLike(a) || Self.isArrayLike(b) {
            // Two numpy scalars order by value (`sorted(np.array([3, 1, 2]))`), integers exactly.
            if case .scalar(let x) = a, case .scalar(let y) = b, let s = x.scalar(at: []), let t = y.scalar(at: []) {
                if case .int(let i) = s, case .int(let j) = t { return i < j ? -1 : (i == j ? 0 : 1) }
                return Self.order(s.doubleValue, t.doubleValue)
            }
            if case .scalar(let x) = a, let d = Self.number(b), let s = x.scalar(at: []) { return Self.order(s.doubleValue, d) }
            if case .scalar(let x) = b, let d = Self.number(a), let s = x.scalar(at: []) { return Self.order(d, s.doubleValue) }
            return nil
        }
        if let c = try ClassRuntime.order(a, b, span, self) { return c }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.bigint, _), (_, .bigint):
            guard let x = PythonArithmetic.number(a), let y = PythonArithmetic.number(b) else { throw typeErrorFor(op, a, b, span) }
            if case .bool(true)? = try PythonArithmetic.numeric("<", x, y, span) { return -1 }
            if case .bool(true)? = try PythonArithmetic.numeric("==", x, y, span) { return 0 }
            if case .bool(true)? = try PythonArithmetic.numeric(">", x, y, span) { return 1 }
            return 2
        case (.string(let x), .string(let y)):
            let p = Array(x.unicodeScalars).map(\.value), q = Array(y.unicodeScalars).map(\.value)
            return p.lexicographicallyPrecedes(q) ? -1 : (p == q ? 0 : 1)
        case (.list, .list), (.tuple, .tuple):
            let x = a.sequenceItems ?? [], y = b.sequenceItems ?? []
            try enterComparison(span: span)
            defer { callDepth -= 1 }
            for (p, q) in zip(x, y) {
                if Self.sameObject(p, q) { continue }
                if let e = try pyEquals(p, q), e { continue }
                guard let c = try pyCompare(p, q, op, span) else { return nil }
                return c
            }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        default:
            if let x = Self.number(a), let y = Self.number(b) { return Self.order(x, y) }
            throw typeErrorFor(op, a, b, span)
        }
    }

    /// NaN compares false both ways: report "not less, not equal, not greater" as 2 (so
    /// `<`, `<=`, `>`, `>=` — all tested against -1/0/1 — come out as Python's).
    static func order(_ x: Double, _ y: Double) -> Int {
        if x < y { return -1 }
        if x == y { return 0 }
        if x > y { return 1 }
        return 2
    }

    /// `item in container`.
    func contains(_ container: Value, _ item: Value, _ span: Range<Int>) throws(ShellError) -> Bool {
        if let found = try ClassRuntime.contains(container, item, span, self) { return found }
        switch container {
        case .string(let s):
            guard case .string(let sub) = item else {
                throw ShellError("'in <string>' requires string as left operand, not \(item.typeName)", span: span, kind: .typeError)
            }
            return sub.isEmpty || s.contains(sub)
        case .dict(let d): return d.get(try HashKey.of(item, span: span)) != nil
        case .set(let s): return s.contains(try HashKey.of(item, span: span))
        case .object(let o as PythonSized):
            for x in o.sizedItems where try itemEquals(x, item, span) { return true }
            return false
        case .range(let a, let b, let c):
            guard case .int(let i) = item else { return try iterate(container, span).contains { (try? pyEquals($0, item)) == true } }
            if c > 0 { return i >= a && i < b && (i - a) % c == 0 }
            return i <= a && i > b && (a - i) % (-c) == 0
        case .object(let o as StringArrayObject):
            // numpy's `(a == item).any()`: a string compares with each element; anything
            // else equals none of them.
            guard let text = StringArrayDispatch.pythonString(item) else { return false }
            return o.table.code(of: text).map { code in o.codes.scalars.contains { $0 == .int(Int64(code)) } } ?? false
        case .array, .scalar:
            guard let eq = registry["equal"], let any = registry["any"] else { break }
            let e = try call(eq, [ArgumentInput(value: container, span: span), ArgumentInput(value: item, span: span)], span: span)
            return try truth(try call(any, [ArgumentInput(value: e, span: span)], span: span), span)
        case .list, .tuple, .iterator:
            for x in try iterate(container, span) where try itemEquals(x, item, span) { return true }
            return false
        default: break
        }
        throw ShellError("argument of type '\(container.typeName)' is not iterable", span: span, kind: .typeError)
    }

    /// CPython's `PyObject_RichCompareBool(x, item, Py_EQ)` as `in` asks it of each item: the
    /// same object first (`sameObject`), then Python's `==`, then numpy's (the truth of its
    /// result, so an array item compares as numpy says).
    func itemEquals(_ x: Value, _ item: Value, _ span: Range<Int>) throws(ShellError) -> Bool {
        if Self.sameObject(x, item) { return true }
        if let e = try pyEquals(x, item) { return e }
        return try truth(try binary("==", x, item, span), span)
    }
}

/// `range` arithmetic without materialising.
enum PythonRange {
    /// How many items, capped at `Int.max` (`len` refuses more: see `exactCount`).
    static func count(_ a: Int, _ b: Int, _ c: Int) -> Int { exactCount(a, b, c) ?? Int.max }

    /// How many items, or nil past `Int.max` (`range(-2**63, 2**63 - 1)` has 2**64 - 1):
    /// `b - a` overflowed there, a Swift trap. The distance fits in a UInt.
    static func exactCount(_ a: Int, _ b: Int, _ c: Int) -> Int? {
        guard c > 0 ? b > a : a > b else { return 0 }
        let distance = c > 0 ? UInt(bitPattern: b &- a) : UInt(bitPattern: a &- b)
        let n = (distance - 1) / c.magnitude + 1
        return n > UInt(Int.max) ? nil : Int(n)
    }

    /// The positions `[start:stop:step]` picks in a sequence of `n` items, as CPython's
    /// `PySlice_AdjustIndices` clamps them: the first, the end (not reached) and the count.
    static func slicePositions(_ n: Int, _ start: Int?, _ stop: Int?, _ step: Int?,
                               _ span: Range<Int>) throws(ShellError) -> (first: Int, end: Int, step: Int, count: Int) {
        let s = step ?? 1
        if s == 0 { throw ShellError("slice step cannot be zero", span: span, kind: .valueError) }
        func clamp(_ v: Int?, _ dflt: Int, _ lo: Int, _ hi: Int) -> Int {
            guard var v else { return dflt }
            if v < 0 { v = v < -n ? lo : v + n }
            return Swift.min(Swift.max(v, lo), hi)
        }
        if s > 0 {
            let first = clamp(start, 0, 0, n)
            let end = clamp(stop, n, 0, n)
            return (first, end, s, end > first ? Int((UInt(end - first) - 1) / s.magnitude + 1) : 0)
        }
        let first = clamp(start, n - 1, -1, n - 1)
        let end = clamp(stop, -1, -1, n - 1)
        return (first, end, s, first > end ? Int((UInt(first - end) - 1) / s.magnitude + 1) : 0)
    }

    /// `range(a, b, c)[start:stop:step]` (n items): a range, as CPython's `compute_slice`
    /// makes it (`range(10)[2:5]` is `range(2, 5)`, not a list), from the positions the slice
    /// picks and never by building the range (`range(10**18)[:3]` asked for 10**18 items).
    /// CPython's bounds are Python ints; when one passes 64 bits, the range ends one past its
    /// last item instead (same items, a different repr), and when even the step does not fit
    /// (two items further apart than 2**64), the items come as a list.
    static func slice(_ a: Int, _ c: Int, _ n: Int, _ start: Int?, _ stop: Int?, _ step: Int?,
                      _ span: Range<Int>) throws(ShellError) -> Value {
        let p = try slicePositions(n, start, stop, step, span)
        // In 128 bits, as CPython's Python ints: `c * end` alone can pass 64 bits where the
        // bound it gives fits (range(-2**63, 2**63 - 1, 2**62)[1:3] stops at 2**62).
        func fit(_ x: Int128) -> Int? { x >= Int128(Int.min) && x <= Int128(Int.max) ? Int(x) : nil }
        let newStart = fit(Int128(a) + Int128(c) * Int128(p.first))
        let newStop = fit(Int128(a) + Int128(c) * Int128(p.end))
        let newStep = fit(Int128(c) * Int128(p.step))
        if let newStart, let newStop, let newStep { return .range(newStart, newStop, newStep) }
        if p.count == 0 { return .range(a, a, c) }
        guard let newStart else { return .list(try sliceItems(a, c, n, start, stop, step, span)) }
        if let newStep {
            // The stop passes 64 bits: one past the last item in the step's direction fits
            // (the last item is inside the range, which never reaches Int's end it runs to).
            let last = newStart &+ (p.count - 1) &* newStep
            return .range(newStart, newStep > 0 ? last + 1 : last - 1, newStep)
        }
        if p.count == 1 {
            // One item: any step of the right sign gives the same items.
            let up = (c > 0) == (p.step > 0)
            return .range(newStart, up ? newStart + 1 : newStart - 1, up ? Int.max : -Int.max)
        }
        // Two items further apart than 64 bits: no Int range holds them.
        return .list(try sliceItems(a, c, n, start, stop, step, span))
    }

    /// `range(a, b, c)[start:stop:step]` (n items) as a list of its items.
    static func sliceItems(_ a: Int, _ c: Int, _ n: Int, _ start: Int?, _ stop: Int?, _ step: Int?,
                           _ span: Range<Int>) throws(ShellError) -> [Value] {
        let p = try slicePositions(n, start, stop, step, span)
        if p.count > PythonLimits.maxItems {
            throw ShellError("range of \(p.count) items is too large to build as a list", span: span, kind: .memoryError)
        }
        var out: [Value] = []
        out.reserveCapacity(p.count)
        var position = p.first
        // Each picked position is inside the range, so its item fits: wrapping steps are exact.
        for _ in 0..<p.count { out.append(.int(a &+ position &* c)); position &+= p.step }
        return out
    }

    static func items(_ a: Int, _ b: Int, _ c: Int) -> [Value] {
        let n = count(a, b, c)
        var out: [Value] = []
        out.reserveCapacity(n)
        var i = a
        for _ in 0..<n { out.append(.int(i)); i &+= c }
        return out
    }
}
