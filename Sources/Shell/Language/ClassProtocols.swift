import Tensor

/// The protocols of Python's data model that a class takes part in by defining dunders:
/// iteration (`__iter__`/`__next__`, or `__getitem__` from 0), `in` (`__contains__`), item
/// assignment and deletion, hashing (`__hash__`, and `__eq__` without it making instances
/// unhashable), context managers (`__enter__`/`__exit__`) and the ordering `sorted` uses.
extension ClassRuntime {
    /// `iter(obj)`: `__iter__`'s iterator; without `__iter__`, `__getitem__` with 0, 1, 2, …
    /// until IndexError (Python's old sequence protocol); otherwise not iterable.
    static func iterator(_ instance: PyInstance, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> PyIterator {
        let v = Value.object(instance)
        if let r = try dunder(v, "__iter__", [], span, ev) {
            switch r {
            case .iterator(let it) where !it.isView:
                return it
            case .object(let j as PyInstance) where j.cls.find("__next__") != nil:
                return PyIterator(kind: j.cls.name) { [weak ev] () throws(ShellError) -> Value? in
                    guard let ev = Evaluator.current ?? ev else { return nil }
                    return try stoppingAtStopIteration { () throws(ShellError) -> Value? in try dunder(r, "__next__", [], span, ev) }
                }
            default:
                throw ShellError("iter() returned non-iterator of type '\(r.typeName)'", span: span, kind: .typeError)
            }
        }
        guard instance.cls.find("__getitem__") != nil else {
            throw ShellError("'\(instance.cls.name)' object is not iterable", span: span, kind: .typeError)
        }
        var k = 0
        return PyIterator(kind: "iterator") { [weak ev] () throws(ShellError) -> Value? in
            guard let ev = Evaluator.current ?? ev else { return nil }
            do throws(ShellError) {
                let item = try dunder(v, "__getitem__", [.int(k)], span, ev)
                k += 1
                return item
            } catch where error.kind == .indexError || error.kind == .stopIteration {
                return nil
            }
        }
    }

    /// Runs `next` and turns Python's StopIteration into the end of the items.
    static func stoppingAtStopIteration(_ next: () throws(ShellError) -> Value?) throws(ShellError) -> Value? {
        do throws(ShellError) { return try next() } catch where error.kind == .stopIteration {
            return nil
        }
    }

    /// `next(obj)` on an instance with `__next__` (nil: not such an instance).
    static func next(_ v: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value? {
        guard case .object(let i as PyInstance) = v, i.cls.find("__next__") != nil else { return nil }
        return try dunder(v, "__next__", [], span, ev)
    }

    /// `item in obj`: `__contains__`, else a search of the items (nil: not an instance).
    static func contains(_ container: Value, _ item: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Bool? {
        guard case .object(let i as PyInstance) = container else { return nil }
        if let r = try dunder(container, "__contains__", [item], span, ev) { return try ev.truth(r, span) }
        if i.cls.find("__iter__") == nil && i.cls.find("__getitem__") == nil {
            throw ShellError("argument of type '\(i.cls.name)' is not iterable", span: span, kind: .typeError)
        }
        let it = try iterator(i, span, ev)
        while let x = try it.next() {
            if try ev.itemEquals(x, item, span) { return true }
        }
        return false
    }

    /// `obj[key] = value` through `__setitem__` (false: not an instance).
    static func setItem(_ v: Value, _ key: Value, _ value: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Bool {
        guard case .object(let i as PyInstance) = v else { return false }
        guard try dunder(v, "__setitem__", [key, value], span, ev) != nil else {
            throw ShellError("'\(i.cls.name)' object does not support item assignment", span: span, kind: .typeError)
        }
        return true
    }

    /// `del obj[key]` through `__delitem__` (false: not an instance).
    static func deleteItem(_ v: Value, _ key: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Bool {
        guard case .object(let i as PyInstance) = v else { return false }
        guard try dunder(v, "__delitem__", [key], span, ev) != nil else {
            throw ShellError("'\(i.cls.name)' object doesn't support item deletion", span: span, kind: .typeError)
        }
        return true
    }

    /// The `__hash__` a class has: its own or inherited one, None where a class on the way
    /// defines `__eq__` without `__hash__` (Python sets `__hash__ = None` there), nil for
    /// object's identity hash.
    static func hashMethod(_ cls: PyClass) -> Value? {
        for c in cls.mro {
            if let h = c.own("__hash__") { return h }
            if c.own("__eq__") != nil { return Value.none }
        }
        return nil
    }

    /// The dict/set key of an instance: identity by default, `__hash__`'s int and the instance
    /// when defined (instances with equal hashes are one key when `__eq__` says they are equal),
    /// Python's TypeError when unhashable.
    static func hashKey(_ instance: PyInstance, span: Range<Int>?) throws(ShellError) -> HashKey {
        switch hashMethod(instance.cls) {
        case nil:
            return .other(instance.hashIdentity)
        case .none?:
            throw ShellError("unhashable type: '\(instance.cls.name)'", span: span, kind: .typeError)
        case let f?:
            guard let ev = Evaluator.current else { return .other(instance.hashIdentity) }
            let only = CustomKeyObject.hashOnly
            let h = try CustomKeyObject.with(hashOnly: false) { () throws(ShellError) in
                try ev.callPython(bind(f, to: .object(instance), cls: instance.cls), [], [], span: span ?? 0..<0)
            }
            let reduced = try reducedHash(h, span)
            return .custom(reduced, only ? CustomKeyObject.hashing(instance) : CustomKeyObject.of(instance, hash: reduced, evaluator: ev))
        }
    }

    /// What `hash()` makes of the value a `__hash__` returned (CPython's slot_tp_hash): an int
    /// that fits in 64 bits as it is, a bigger one hashed as an int (2**70 gives 512), -1 as
    /// -2; anything but an int is CPython's TypeError.
    static func reducedHash(_ h: Value, _ span: Range<Int>?) throws(ShellError) -> Int {
        switch h {
        case .int(let n): return n == -1 ? -2 : n
        case .bool(let b): return b ? 1 : 0
        case .bigint(let b): return PythonHash.ofBig(b)
        default: throw ShellError("__hash__ method should return an integer", span: span, kind: .typeError)
        }
    }

    /// CPython's `operator.index` on an instance: the int its class's `__index__` returns, nil
    /// when it is no instance or its class defines none. Such an object indexes a list, tuple,
    /// string, range or array and bounds a slice as its int does (`[1, 2][obj]` was a
    /// TypeError).
    static func index(_ v: Value, _ span: Range<Int>?, _ ev: Evaluator) throws(ShellError) -> Value? {
        guard case .object(let i as PyInstance) = v, let f = i.cls.find("__index__") else { return nil }
        let r = try ev.callPython(bind(f, to: v, cls: i.cls), [], [], span: span ?? 0..<0)
        switch r {
        case .int, .bigint: return r
        case .bool(let b): return .int(b ? 1 : 0)
        default: throw ShellError("__index__ returned non-int (type \(r.typeName))", span: span, kind: .typeError)
        }
    }

    /// `index` with each instance that has `__index__` replaced by its int.
    static func indices(_ index: [Value], _ span: Range<Int>?, _ ev: Evaluator) throws(ShellError) -> [Value] {
        guard index.contains(where: isInstance) else { return index }
        var out: [Value] = []
        for v in index { out.append(try self.index(v, span, ev) ?? v) }
        return out
    }

    /// `hash(obj)` of an instance: `__hash__`'s value, or an identity-derived int.
    static func hashValue(_ v: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value? {
        guard case .object(let i as PyInstance) = v else { return nil }
        switch hashMethod(i.cls) {
        case nil: return .int(ObjectIdentifier(i).hashValue >> 4)
        case .none?: throw ShellError("unhashable type: '\(i.cls.name)'", span: span, kind: .typeError)
        case let f?:
            let h = try ev.callPython(bind(f, to: v, cls: i.cls), [], [], span: span)
            return .int(try reducedHash(h, span))
        }
    }

    static let inPlaceDunders: [String: String] = [
        "+": "__iadd__", "-": "__isub__", "*": "__imul__", "/": "__itruediv__", "//": "__ifloordiv__",
        "%": "__imod__", "**": "__ipow__", "@": "__imatmul__", "&": "__iand__", "|": "__ior__", "^": "__ixor__",
    ]

    /// `x op= y` on an instance with `__iadd__` (and friends): its result is what the name is
    /// bound to (nil: no such dunder, or NotImplemented; then `x = x op y`).
    static func inPlace(_ op: String, _ current: Value, _ rhs: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value? {
        guard isInstance(current), let name = inPlaceDunders[op] else { return nil }
        guard let v = try dunder(current, name, [rhs], span, ev), !isNotImplemented(v) else { return nil }
        return v
    }

    static let unaryDunders: [String: String] = ["-": "__neg__", "+": "__pos__", "~": "__invert__"]

    /// `-obj`, `+obj`, `~obj` through their dunders (nil: not an instance).
    static func unary(_ op: String, _ v: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value? {
        guard case .object(let i as PyInstance) = v, let name = unaryDunders[op] else { return nil }
        guard let r = try dunder(v, name, [], span, ev) else {
            throw ShellError("bad operand type for unary \(op): '\(i.cls.name)'", span: span, kind: .typeError)
        }
        return r
    }

    /// Python's order of two values when an instance is involved, from `<` alone as `sorted`
    /// asks it (-1, 0 for neither before the other, 1); nil: no instance.
    static func order(_ a: Value, _ b: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Int? {
        guard isInstance(a) || isInstance(b) else { return nil }
        guard let lt = try binary("<", a, b, span, ev) else { return nil }
        if try ev.truth(lt, span) { return -1 }
        guard let gt = try binary("<", b, a, span, ev) else { return nil }
        return try ev.truth(gt, span) ? 1 : 0
    }
}

/// A class instance in a `with` statement: `__enter__`'s value is bound by `as`, `__exit__`
/// gets the error (its class, the exception, None) or three Nones, and a true answer from it
/// swallows the error, as in Python.
struct InstanceContext {
    let instance: Value
    let cls: PyClass

    init?(_ v: Value, span: Range<Int>) throws(ShellError) {
        guard case .object(let i as PyInstance) = v else { return nil }
        guard i.cls.find("__enter__") != nil, i.cls.find("__exit__") != nil else {
            let missing = i.cls.find("__enter__") == nil ? "" : " (missed __exit__ method)"
            throw ShellError("'\(i.cls.name)' object does not support the context manager protocol\(missing)", span: span, kind: .typeError)
        }
        instance = v
        cls = i.cls
    }

    func enter(_ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        try ClassRuntime.dunder(instance, "__enter__", [], span, ev) ?? .none
    }

    /// Calls `__exit__`; true when it asks to swallow `error`.
    func exit(_ error: ShellError?, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Bool {
        var args: [Value] = [.none, .none, .none]
        if let error {
            let exception = ev.exceptionValue(error)
            args = [ev.exceptionClass(error), exception, .none]
        }
        let r = try ClassRuntime.dunder(instance, "__exit__", args, span, ev) ?? .none
        guard error != nil else { return false }
        return try ev.truth(r, span)
    }
}

extension Evaluator {
    /// Python's `vars(obj)`: an instance's attribute dict, as `obj.__dict__` gives it.
    func pythonVars(_ args: [CallArgument], span: Range<Int>) throws(ShellError) -> Value {
        let (positional, keywords) = try evaluateArguments(args)
        if !keywords.isEmpty { throw ShellError("vars() takes no keyword arguments", span: span, kind: .typeError) }
        guard positional.count == 1 else {
            throw ShellError("vars expected at most 1 argument, got \(positional.count)", span: span, kind: .typeError)
        }
        switch positional[0] {
        case .object(let instance as PyInstance):
            return try instance.lookup("__dict__", span: span, evaluator: self)
        case .object(is PyClass):
            // CPython answers a mappingproxy of the class namespace, dunders included.
            throw ShellError("vars() of a class is not supported", explanation: "use vars(instance), or the class's attributes by name",
                             span: span, kind: .notImplementedError)
        default:
            throw ShellError("vars() argument must have __dict__ attribute", span: span, kind: .typeError)
        }
    }
}
