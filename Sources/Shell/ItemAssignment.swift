import Tensor

/// The evaluator's side of mutation: `x[...] = v`, `x op= v`, and turning index values into
/// Tensor's `IndexItem`s (lists and arrays become advanced indices). The semantics live in
/// module Tensor (`NDArray.setItem`, `NDArray.binary(_:_:_:out:)`); this file only follows
/// Python's order of evaluation and maps values.
extension Evaluator {
    /// numpy's in-place ufunc behind each augmented operator.
    static let inPlaceOperators: [String: BinaryOp] = [
        "+": .add, "-": .subtract, "*": .multiply, "/": .divide, "//": .floorDivide, "%": .remainder,
        "**": .power, "&": .bitwiseAnd, "|": .bitwiseOr, "^": .bitwiseXor, "<<": .leftShift, ">>": .rightShift,
    ]

    /// Runs `body` with the write journal off: for the last write of a statement, after which
    /// nothing can fail (see `WriteJournal`).
    func unjournaled<T>(_ body: () throws(ShellError) -> T) throws(ShellError) -> T {
        // Inside a function the write is not the last action of the statement that owns the
        // journal (the caller's), so it must be recorded.
        if frame != nil { return try body() }
        let result: Result<T, ShellError> = WriteJournal.$current.withValue(nil) {
            Result { () throws(ShellError) -> T in try body() }
        }
        return try result.get()
    }

    /// `target op= value`, in Python's order: the target's base and index first, then the value.
    /// An array is changed in place (`__iadd__`, views see it); a list extends in place
    /// (`xs += [v]`); anything else is rebound to `target op value` (Python's ints and floats,
    /// strings, a dict or list item).
    func augmentedAssign(_ target: Target, _ op: String, _ expr: Expr) throws(ShellError) {
        let whole = target.span.lowerBound..<expr.span.upperBound
        switch target {
        case .name(let n, let span):
            let current = try lookup(n, span)
            let rhs = try evaluate(expr)
            try augmentName(n, span, op, current, rhs, expr.span)
        case .item(let base, let items, let span):
            let b = try evaluate(base)
            let index = try subscriptIndexValues(items)
            let current = try subscriptValue(b, index, span, baseSpan: base.span)
            let rhs = try evaluate(expr)
            if case .array = b {
                let result = try inPlace(op, current, rhs, span: span, rhsSpan: expr.span)
                try unjournaled { () throws(ShellError) in try setItem(b, index, result, span, base: base) }
                return
            }
            var new: Value
            if let v = try ClassRuntime.inPlace(op, current, rhs, whole, self) {
                new = v
            } else {
                new = try operate(op, current, rhs, whole, texts: (rawText(span), rawText(expr.span)))
            }
            try assignItem(new, base: base, items: items, span: span, evaluatedIndex: index)
        case .attribute(let base, let name, let span):
            // `self.W -= lr * dW`: an array attribute changes in place (numpy's `__isub__`), then
            // is bound again, as Python does; anything else is rebound to `current op rhs`.
            let b = try evaluate(base)
            let current = try attribute(b, name, span)
            let rhs = try evaluate(expr)
            let new: Value
            if let v = try ClassRuntime.inPlace(op, current, rhs, whole, self) {
                new = v
            } else if case .array = current {
                new = try inPlace(op, current, rhs, span: span, rhsSpan: expr.span)
            } else if op == "+", case .list(let list) = current {
                let more = try iterate(rhs, expr.span)
                try PythonArithmetic.reserve(items: list.count, more.count, "a list", whole)
                list.journaledAppend(contentsOf: more)
                new = current
            } else {
                new = try operate(op, current, rhs, whole, texts: (rawText(span), rawText(expr.span)))
            }
            if try !ClassRuntime.setAttribute(b, name, new, span, self) {
                throw ShellError("'\(b.typeName)' object has no attribute '\(name)'", span: span, kind: .attributeError)
            }
        default:
            throw ShellError("'\(Self.targetKind(target))' is an illegal expression for augmented assignment", span: target.span, kind: .syntaxError)
        }
    }

    /// `n op= rhs` once the name's value and the right side are evaluated.
    func augmentName(_ n: String, _ span: Range<Int>, _ op: String, _ current: Value, _ rhs: Value, _ rhsSpan: Range<Int>) throws(ShellError) {
        let whole = span.lowerBound..<rhsSpan.upperBound
        if let v = try ClassRuntime.inPlace(op, current, rhs, whole, self) {
            setName(n, v)
            return
        }
        if case .array = current {
            // The in-place write is the statement's last action: no journal needed.
            let result = try unjournaled { () throws(ShellError) -> Value in try inPlace(op, current, rhs, span: span, rhsSpan: rhsSpan) }
            setName(n, result)
            return
        }
        if case .int(let a) = current, case .int(let b) = rhs, let v = try PythonArithmetic.integer(op, a, b, whole) {
            setName(n, v)
            return
        }
        // `xs += ys` extends the list itself, as Python's list.__iadd__ (any iterable).
        if op == "+", case .list(let list) = current {
            let more = try iterate(rhs, rhsSpan)
            // `l += l` doubles in place: checked against the budget as `l + l` is (it asked
            // the allocator for 26 GB and the process aborted).
            try PythonArithmetic.reserve(items: list.count, more.count, "a list", whole)
            list.journaledAppend(contentsOf: more)
            return
        }
        setName(n, try operate(op, current, rhs, whole, texts: (n, rawText(rhsSpan))))
    }

    static func targetKind(_ t: Target) -> String {
        switch t {
        case .unpack: return "tuple"
        case .starred: return "starred"
        case .attribute: return "attribute"
        default: return "expression"
        }
    }

    /// `current op= rhs`: in place for arrays (numpy's same_kind output cast), else `current op rhs`.
    func inPlace(_ op: String, _ current: Value, _ rhs: Value, span: Range<Int>, rhsSpan: Range<Int>) throws(ShellError) -> Value {
        guard case .array(let a) = current else { return try binary(op, current, rhs, span) }
        // numpy's in-place operators are ufuncs writing into `out=a`, which refuse a read-only
        // array before looking at the other operand (`x += 'a'`, `x @= y` included).
        if !a.isWriteable { throw ShellError(NDArray.readOnlyOutput, span: span, kind: .valueError) }
        if op == "@" {
            let product = try binary("@", current, rhs, span)
            guard case .array(let p) = product, p.shape == a.shape else {
                throw ShellError("matmul: In-place matrix multiplication requires the result to have the same shape as the left operand",
                                 span: span, kind: .valueError)
            }
            do { try a.assign(p) } catch { throw ShellError(error.message, span: span, kind: error.kind) }
            return current
        }
        guard let ufunc = Self.inPlaceOperators[op] else {
            throw ShellError("unsupported operand type(s) for \(op)=: '\(current.typeName)' and '\(rhs.typeName)'", span: span, kind: .typeError)
        }
        let operand = try ValueConversion.operand(rhs, span: rhsSpan, shell: self)
        try checkingFloatErrors(FloatWarnings.operators[op] ?? ufunc.ufuncName, span: span) { () throws(ShellError) in
            do throws(TensorError) {
                if ufunc == .power {
                    _ = try NDArray.power(.array(a), operand, out: a)
                } else {
                    _ = try NDArray.binary(ufunc, .array(a), operand, out: a)
                }
            } catch {
                throw ShellError(error.message, explanation: error.explanation, span: span, kind: error.kind)
            }
        }
        return current
    }

    /// `a ** 2`, `a ** 0.5`, `a ** -1` on a float array: ndarray's `__pow__` takes numpy's
    /// shortcuts (`square`, `sqrt`, `reciprocal`, see `NDArray.power`), which `np.power` does not;
    /// nil when the shortcut does not apply (then `**` is the `power` command).
    func scalarPowerShortcut(_ l: Value, _ r: Value, _ span: Range<Int>) throws(ShellError) -> Value? {
        guard case .array(let a) = l, a.dtype.isFloat, a.ndim > 0 else { return nil }
        let e: Double
        switch r {
        case .int(let i): e = Double(i)
        case .float(let d): e = d
        default: return nil
        }
        guard e == 2 || e == 0.5 || e == -1 else { return nil }
        do {
            return .array(try NDArray.power(.array(a), e == 2 ? .int(2) : (e == -1 ? .int(-1) : .float(0.5))))
        } catch {
            throw ShellError(error.message, explanation: error.explanation, span: span, kind: error.kind)
        }
    }

    /// `base[index] = value`: numpy's item assignment for arrays; Python's for a list held by
    /// a name (the name is rebound to the changed list).
    func setItem(_ base: Value, _ index: [Value], _ value: Value, _ span: Range<Int>, base baseExpr: Expr) throws(ShellError) {
        let index = try Self.indexesByPosition(base) ? ClassRuntime.indices(index, span, self) : index
        switch base {
        case .array(let a):
            // numpy refuses a read-only array before it reads the index or the value
            // (`x[10] = 1` and `x[0] = 'a'` are read-only errors there too).
            if !a.isWriteable { throw ShellError(NDArray.readOnlyAssignment, span: span, kind: .valueError) }
            var flat = index
            if flat.count == 1, case .tuple(let inner)? = flat.first { flat = inner.array }
            var items: [IndexItem] = []
            for v in flat { items.append(try indexItem(v, span: span)) }
            let operand: Operand
            switch value {
            case .list, .tuple:
                if IndexItem.selectsScalar(items, ndim: a.ndim) {
                    let kind = a.dtype.isFloat ? "float" : (a.dtype == .bool ? "bool" : "int")
                    if kind == "bool" { operand = .bool(true); break }
                    throw ShellError("\(kind)() argument must be a string, a bytes-like object or a real number, not '\(value.typeName)'",
                                     span: span, kind: .typeError)
                }
                operand = try ValueConversion.operand(value, span: span, shell: self)
            default:
                operand = try ValueConversion.operand(value, span: span, shell: self)
            }
            do {
                try a.setItem(items, operand)
            } catch {
                throw ShellError(error.message, explanation: error.explanation, span: span, kind: error.kind)
            }
        case .list, .dict:
            try Self.setItem(base, index, value, span)
        case .object(is PyInstance):
            let key: Value = index.count == 1 ? (index.first ?? .none) : .tuple(index)
            _ = try ClassRuntime.setItem(base, key, value, span, self)
        case .object(let o as StringArrayObject):
            try setStrings(o, index, value, span, base: baseExpr)
        case .object(let f as FlatIterObject):
            try f.set(index, value, span: span, evaluator: self)
        default:
            throw ShellError("'\(base.typeName)' object does not support item assignment", span: span, kind: .typeError)
        }
    }

    /// One entry of an array subscript: integers, slices, `...`, `None`, and (advanced) integer
    /// or bool arrays, lists of them, and bools.
    func indexItem(_ v: Value, span: Range<Int>) throws(ShellError) -> IndexItem {
        switch v {
        case .array(let a):
            guard a.dtype == .bool || a.dtype.isInteger else {
                throw ShellError("arrays used as indices must be of integer (or boolean) type", span: span, kind: .indexError)
            }
            return .array(a)
        case .scalar(let a) where a.dtype == .bool:
            return .array(a)
        case .bool(let b):
            return .array(NDArray(scalar: b))
        case .list, .tuple:
            let items = (v).sequenceItems ?? []
            // numpy reads an empty list as an empty integer index.
            if items.isEmpty { return .array(NDArray([Int64]())) }
            let a = try toArray(v, span: span)
            guard a.dtype == .bool || a.dtype.isInteger else {
                throw ShellError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices",
                                 span: span, kind: .indexError)
            }
            return .array(a)
        case .object(is PyInstance):
            // `x[obj, 0]`: an object with `__index__` is its int, as numpy takes it.
            if let i = try ClassRuntime.index(v, span, self) { return try indexItem(i, span: span) }
            fallthrough
        default:
            do { return try ValueConversion.indexItem(v, span: span) } catch {
                var e = error
                e.kind = .indexError
                throw e
            }
        }
    }
}
