import Tensor

/// Python's classes, as tutorials use them (`class RNN:` with `__init__`, methods, instance
/// attributes holding arrays, `super().__init__()`, single and multiple inheritance by C3,
/// `@staticmethod`/`@classmethod`/`@property`). Classes and instances plug into the evaluator
/// as shell objects (`Value.object`), so adding them touched no exhaustive switch over `Value`.
///
/// Instance and class attributes are references, as in Python (`b = a; b.x = 1` changes `a`);
/// rebinding one is recorded in the statement's `WriteJournal`, so a failing top-level
/// statement puts the old binding back, as it puts back array bytes.

/// A class made by a `class` statement.
final class PyClass: ShellObject, ThrowingAttributes, PythonCallable, ReprObject, HashableObject, @unchecked Sendable {
    let name: String
    let bases: [PyClass]
    /// The method resolution order, this class first (C3, as CPython computes it).
    private(set) var mro: [PyClass] = []
    /// The class body's names, in definition order (`A.__dict__`).
    let namespace = PyDict()
    /// The built-in exception class this class derives from (`class MyError(ValueError)`),
    /// nil for a class that is no exception.
    let exceptionBase: String?

    init(name: String, bases: [PyClass], exceptionBase: String? = nil) throws(ShellError) {
        self.name = name
        self.bases = bases
        self.exceptionBase = exceptionBase ?? bases.lazy.compactMap(\.exceptionBase).first
        mro = try Self.linearize(self, bases)
    }

    /// C3 linearization: CPython's MRO, and its error when none exists.
    static func linearize(_ cls: PyClass, _ bases: [PyClass]) throws(ShellError) -> [PyClass] {
        var seqs: [[PyClass]] = bases.map(\.mro) + [bases]
        var result = [cls]
        while true {
            seqs = seqs.filter { !$0.isEmpty }
            if seqs.isEmpty { return result }
            var head: PyClass? = nil
            for s in seqs {
                let h = s[0]
                if !seqs.contains(where: { $0.dropFirst().contains { $0 === h } }) { head = h; break }
            }
            guard let head else {
                throw ShellError("Cannot create a consistent method resolution\norder (MRO) for bases "
                                 + bases.map(\.name).joined(separator: ", "), kind: .typeError)
            }
            result.append(head)
            seqs = seqs.map { $0[0] === head ? Array($0.dropFirst()) : $0 }
        }
    }

    var kind: String { "type" }
    var summary: String { "class \(name)" }
    var detail: String { reprText }
    var reprText: String { "<class '__main__.\(name)'>" }
    var hashIdentity: String { "class:\(ObjectIdentifier(self).hashValue)" }

    func own(_ n: String) -> Value? { namespace.get(.string(n)) }

    /// `n` looked up along the MRO, and the class that has it.
    func find(_ n: String) -> Value? {
        for c in mro { if let v = c.own(n) { return v } }
        return nil
    }

    func isSubclass(of other: PyClass) -> Bool { mro.contains { $0 === other } }

    /// The names `dir(A)` lists from the class itself (its MRO's namespaces).
    var classNames: Set<String> {
        var names = Set<String>()
        for c in mro { for k in c.namespace.keys { if case .string(let s) = k { names.insert(s) } } }
        return names
    }

    var attributeNames: [String] { classNames.sorted() }

    func lookup(_ n: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        switch n {
        case "__name__", "__qualname__": return .string(name)
        case "__module__": return .string("__main__")
        case "__dict__": return .dict(namespace)
        case "__bases__":
            if bases.isEmpty { return .tuple([.type(exceptionBase ?? "object")]) }
            return .tuple(bases.map { .object($0) })
        case "__mro__": return .tuple(mro.map { .object($0) } + ExceptionClasses.lineage(exceptionBase).map { .type($0) } + [.type("object")])
        default: break
        }
        guard let v = find(n) else {
            throw ShellError("type object '\(name)' has no attribute '\(n)'", span: span, kind: .attributeError)
        }
        switch v {
        case .object(let s as StaticMethod): return s.function
        case .object(let c as ClassMethod): return .object(BoundMethod(function: c.function, receiver: .object(self)))
        default: return v
        }
    }

    /// `A(args)`: a new instance, initialised by `__init__` along the MRO.
    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        let instance = PyInstance(cls: self)
        // BaseException keeps the arguments the class was called with, whatever `__init__` does.
        if exceptionBase != nil { instance.exceptionArgs = positional }
        if let initializer = find("__init__") {
            let result = try ev.callPython(ClassRuntime.bind(initializer, to: .object(instance), cls: self), positional, keywords, span: span)
            guard result.isNone else {
                throw ShellError("__init__() should return None, not '\(result.typeName)'", span: span, kind: .typeError)
            }
        } else if exceptionBase != nil {
            if !keywords.isEmpty {
                throw ShellError("\(name)() takes no keyword arguments", span: span, kind: .typeError)
            }
        } else if !positional.isEmpty || !keywords.isEmpty {
            throw ShellError("\(name)() takes no arguments", span: span, kind: .typeError)
        }
        return .object(instance)
    }
}

/// An instance of a `PyClass`: its own attributes (`self.W = …`) in assignment order.
final class PyInstance: ShellObject, ThrowingAttributes, PythonCallable, ReprObject, HashableObject, @unchecked Sendable {
    let cls: PyClass
    let attributes = PyDict()
    /// `e.args` of an instance of an exception class.
    var exceptionArgs: [Value] = []
    /// The journal of the statement that made the instance (see `ClassRuntime.journaledSet`).
    weak var bornIn: WriteJournal?

    init(cls: PyClass) {
        self.cls = cls
        bornIn = WriteJournal.current
    }

    /// `MyError('x')` as BaseException shows it, and its str (the one argument, or the tuple).
    var exceptionObject: PyException { PyException(kind: cls.name, args: exceptionArgs) }

    var kind: String { cls.name }
    var summary: String { "\(cls.name) object" }
    var hashIdentity: String { "instance:\(ObjectIdentifier(self).hashValue)" }
    /// `<__main__.A object at 0x7f…>`: the address is the object's identity, as CPython's is.
    var defaultRepr: String {
        "<__main__.\(cls.name) object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>"
    }

    var reprText: String {
        ClassRuntime.text(self, "__repr__") ?? (cls.exceptionBase != nil ? ValueFormatter.repr(.exception(exceptionObject)) : defaultRepr)
    }
    var detail: String {
        if let s = ClassRuntime.text(self, "__str__") { return s }
        if cls.exceptionBase != nil, cls.find("__repr__") == nil { return exceptionObject.message }
        return reprText
    }

    var attributeNames: [String] {
        var names = cls.classNames
        for k in attributes.keys { if case .string(let s) = k { names.insert(s) } }
        return names.sorted()
    }

    func lookup(_ n: String, span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        if n == "__class__" { return .object(cls) }
        if n == "__dict__" { return .dict(attributes) }
        let inClass = cls.find(n)
        // A property comes before the instance's own attribute (a data descriptor, in Python's words).
        if case .object(let p as Property)? = inClass { return try p.get(.object(self), span: span, evaluator: ev) }
        if let v = attributes.get(.string(n)) { return v }
        if let v = inClass { return ClassRuntime.bind(v, to: .object(self), cls: cls) }
        if cls.exceptionBase != nil && n == "args" { return .tuple(exceptionArgs) }
        if let getter = cls.find("__getattr__") {
            return try ev.callPython(ClassRuntime.bind(getter, to: .object(self), cls: cls), [.string(n)], [], span: span)
        }
        throw ShellError("'\(cls.name)' object has no attribute '\(n)'", span: span, kind: .attributeError)
    }

    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        guard let f = cls.find("__call__") else {
            throw ShellError("'\(cls.name)' object is not callable", span: span, kind: .typeError)
        }
        return try ev.callPython(ClassRuntime.bind(f, to: .object(self), cls: cls), positional, keywords, span: span)
    }
}

/// A function bound to its receiver (`obj.f`, or a classmethod bound to its class).
final class BoundMethod: ShellObject, ThrowingAttributes, PythonCallable, ReprObject, @unchecked Sendable {
    let function: Value
    let receiver: Value

    init(function: Value, receiver: Value) {
        self.function = function
        self.receiver = receiver
    }

    var kind: String { "method" }
    var summary: String { reprText }
    var detail: String { reprText }
    var functionName: String {
        if case .closure(let f) = function { return f.qualifiedName }
        return "method"
    }
    var reprText: String { "<bound method \(functionName) of \(ValueFormatter.repr(receiver))>" }

    func lookup(_ n: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        switch n {
        case "__self__": return receiver
        case "__func__": return function
        case "__name__":
            if case .closure(let f) = function { return .string(f.name) }
        default: break
        }
        throw ShellError("'method' object has no attribute '\(n)'", span: span, kind: .attributeError)
    }

    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        try ev.callPython(function, [receiver] + positional, keywords, span: span)
    }
}

/// `@staticmethod`: called without a receiver.
final class StaticMethod: ShellObject, ReprObject, PythonCallable, @unchecked Sendable {
    let function: Value
    init(_ f: Value) { function = f }
    var kind: String { "staticmethod" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<staticmethod(\(ValueFormatter.repr(function)))>" }
    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        try ev.callPython(function, positional, keywords, span: span)
    }
}

/// `@classmethod`: called with the class as its first argument.
final class ClassMethod: ShellObject, ReprObject, @unchecked Sendable {
    let function: Value
    init(_ f: Value) { function = f }
    var kind: String { "classmethod" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<classmethod(\(ValueFormatter.repr(function)))>" }
}

/// `@property` (and `@name.setter`).
final class Property: ShellObject, ThrowingAttributes, ReprObject, @unchecked Sendable {
    let getter: Value?
    let setter: Value?
    /// The attribute name it was defined under (for its error messages).
    var name = ""
    init(getter: Value?, setter: Value?) {
        self.getter = getter
        self.setter = setter
    }
    var kind: String { "property" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<property object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>" }

    func get(_ instance: Value, span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        guard let getter else {
            throw ShellError("property '\(name)' of '\(instance.typeName)' object has no getter", span: span, kind: .attributeError)
        }
        return try ev.callPython(getter, [instance], [], span: span)
    }

    func lookup(_ n: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        switch n {
        case "setter": return .object(PropertySetter(property: self))
        case "fget": return getter ?? .none
        case "fset": return setter ?? .none
        default: throw ShellError("'property' object has no attribute '\(n)'", span: span, kind: .attributeError)
        }
    }
}

/// `prop.setter`: the decorator that adds a setter to a property.
final class PropertySetter: ShellObject, PythonCallable, @unchecked Sendable {
    let property: Property
    init(property: Property) { self.property = property }
    var kind: String { "builtin_function_or_method" }
    var summary: String { "property.setter" }
    var detail: String { "<built-in method setter of property object>" }
    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        guard positional.count == 1, let f = positional.first else {
            throw ShellError("setter() takes exactly one argument (\(positional.count) given)", span: span, kind: .typeError)
        }
        return .object(Property(getter: property.getter, setter: f))
    }
}

/// `super()`: attribute lookups start after `start` in the MRO of the receiver's class.
final class SuperObject: ShellObject, ThrowingAttributes, ReprObject, @unchecked Sendable {
    let start: PyClass
    let receiver: Value
    let receiverClass: PyClass
    init(start: PyClass, receiver: Value, receiverClass: PyClass) {
        self.start = start
        self.receiver = receiver
        self.receiverClass = receiverClass
    }
    var kind: String { "super" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<super: <class '\(start.name)'>, <\(receiverClass.name) object>>" }

    func lookup(_ n: String, span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        let mro = receiverClass.mro
        let from = (mro.firstIndex { $0 === start } ?? mro.count) + 1
        for c in mro.dropFirst(from) {
            guard let v = c.own(n) else { continue }
            if case .object(let p as Property) = v { return try p.get(receiver, span: span, evaluator: ev) }
            if case .object(is PyClass) = receiver {
                switch v {
                case .object(let s as StaticMethod): return s.function
                case .object(let m as ClassMethod): return .object(BoundMethod(function: m.function, receiver: receiver))
                default: return v
                }
            }
            return ClassRuntime.bind(v, to: receiver, cls: receiverClass)
        }
        // An exception class's `super().__init__(msg)` is BaseException's: it sets `args`.
        if n == "__init__", case .object(let i as PyInstance) = receiver, receiverClass.exceptionBase != nil {
            return .object(ExceptionInit(instance: i))
        }
        // `object.__init__` takes no arguments besides self: a base without `__init__` ends there.
        if n == "__init__" { return .object(StaticMethod(.builtin(Builtin(name: "object.__init__", receiver: nil)))) }
        throw ShellError("'super' object has no attribute '\(n)'", span: span, kind: .attributeError)
    }
}

/// What running a class needs from the evaluator: binding, dunder calls from formatting,
/// operators, and the builtins that know about classes.
enum ClassRuntime {
    /// The evaluator that `repr`/`str` of an instance calls `__repr__`/`__str__` with, and the
    /// first error such a call raised (formatting itself cannot throw; see `formatting`).
    final class Context: @unchecked Sendable {
        let evaluator: Evaluator
        var error: ShellError?
        init(_ ev: Evaluator) { evaluator = ev }
    }
    @TaskLocal static var context: Context?

    /// Runs a formatting `body` with `__repr__`/`__str__` callable, and throws the first
    /// error one of them raised.
    static func formatting<T>(_ ev: Evaluator, _ body: () throws(ShellError) -> T) throws(ShellError) -> T {
        let ctx = Context(ev)
        let result: Result<T, ShellError> = $context.withValue(ctx) {
            do throws(ShellError) { return .success(try body()) } catch { return .failure(error) }
        }
        if let e = ctx.error { throw e }
        return try result.get()
    }

    /// The text `__repr__` or `__str__` returns; nil when the class has none (or nothing can call it).
    static func text(_ instance: PyInstance, _ dunder: String) -> String? {
        guard let f = instance.cls.find(dunder), let ctx = context else { return nil }
        if ctx.error != nil { return "" }
        do {
            let v = try ctx.evaluator.callPython(bind(f, to: .object(instance), cls: instance.cls), [], [], span: 0..<0)
            guard case .string(let s) = v else {
                ctx.error = ShellError("\(dunder) returned non-string (type \(v.typeName))", kind: .typeError)
                return ""
            }
            return s
        } catch {
            ctx.error = error
            return ""
        }
    }

    /// A class attribute read through an instance: functions become bound methods.
    static func bind(_ v: Value, to receiver: Value, cls: PyClass) -> Value {
        switch v {
        case .closure: return .object(BoundMethod(function: v, receiver: receiver))
        case .object(let s as StaticMethod): return s.function
        case .object(let c as ClassMethod): return .object(BoundMethod(function: c.function, receiver: .object(cls)))
        default: return v
        }
    }

    /// A list, tuple or string: what `*` repeats.
    static func isRepeatable(_ v: Value) -> Bool {
        switch v {
        case .list, .tuple, .string: return true
        default: return false
        }
    }

    static func isInstance(_ v: Value) -> Bool {
        if case .object(is PyInstance) = v { return true }
        return false
    }

    /// Records how to put an attribute back if the running statement fails.
    static func journaledSet(_ dict: PyDict, _ name: String, _ value: Value, bornIn: WriteJournal? = nil) {
        let key = HashKey.string(name)
        // An instance made by the running statement was not there before it: nothing to put
        // back (and an exception object raised by the statement keeps its attributes).
        if let journal = WriteJournal.current, journal !== bornIn {
            let old = dict.get(key)
            journal.recordUndo {
                if let old { dict.set(.string(name), key, old) } else { dict.remove(key) }
            }
        }
        dict.set(.string(name), key, value)
    }

    /// `obj.name = value` on an instance or a class; false for other values.
    static func setAttribute(_ base: Value, _ name: String, _ value: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Bool {
        switch base {
        case .object(let i as PyInstance):
            if case .object(let p as Property)? = i.cls.find(name) {
                guard let setter = p.setter else {
                    throw ShellError("property '\(name)' of '\(i.cls.name)' object has no setter", span: span, kind: .attributeError)
                }
                _ = try ev.callPython(setter, [base, value], [], span: span)
                return true
            }
            journaledSet(i.attributes, name, value, bornIn: i.bornIn)
            return true
        case .object(let c as PyClass):
            journaledSet(c.namespace, name, value)
            return true
        case .closure(let f):
            journaledSet(f.touchAttributes(), name, value)
            return true
        default:
            return false
        }
    }

    /// `del obj.name`.
    static func deleteAttribute(_ base: Value, _ name: String, _ span: Range<Int>) throws(ShellError) -> Bool {
        let dict: PyDict
        let message: String
        switch base {
        case .object(let i as PyInstance): dict = i.attributes; message = "'\(i.cls.name)' object has no attribute '\(name)'"
        case .object(let c as PyClass): dict = c.namespace; message = "type object '\(c.name)' has no attribute '\(name)'"
        default: return false
        }
        let key = HashKey.string(name)
        guard dict.get(key) != nil else { throw ShellError(message, span: span, kind: .attributeError) }
        // Put back at its place, so vars(obj) lists it where it was.
        dict.journaledRemove(key)
        return true
    }

    /// Calls `obj.dunder(args)` when the class defines it (nil otherwise).
    static func dunder(_ v: Value, _ name: String, _ args: [Value], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value? {
        guard case .object(let i as PyInstance) = v, let f = i.cls.find(name) else { return nil }
        return try ev.callPython(bind(f, to: v, cls: i.cls), args, [], span: span)
    }

    static let operatorDunders: [String: (String, String)] = [
        "+": ("__add__", "__radd__"), "-": ("__sub__", "__rsub__"), "*": ("__mul__", "__rmul__"),
        "/": ("__truediv__", "__rtruediv__"), "//": ("__floordiv__", "__rfloordiv__"), "%": ("__mod__", "__rmod__"),
        "**": ("__pow__", "__rpow__"), "@": ("__matmul__", "__rmatmul__"),
        "==": ("__eq__", "__eq__"), "!=": ("__ne__", "__ne__"),
        "<": ("__lt__", "__gt__"), ">": ("__gt__", "__lt__"), "<=": ("__le__", "__ge__"), ">=": ("__ge__", "__le__"),
    ]

    static func isNotImplemented(_ v: Value) -> Bool {
        if case .type("NotImplemented") = v { return true }
        return false
    }

    /// An operator with an instance on either side: its dunder, the reflected one, then
    /// Python's defaults (`==` is identity) and its TypeError. Nil when no instance is involved.
    static func binary(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value? {
        guard isInstance(l) || isInstance(r) else { return nil }
        if op == "is" || op == "is not" || op == "in" || op == "not in" { return nil }
        if let (forward, reflected) = operatorDunders[op] {
            if let v = try dunder(l, forward, [r], span, ev), !isNotImplemented(v) { return v }
            if op == "!=", let v = try dunder(l, "__eq__", [r], span, ev), !isNotImplemented(v) {
                return .bool(!(try ev.truth(v, span)))
            }
            if let v = try dunder(r, reflected, [l], span, ev), !isNotImplemented(v) { return v }
            if op == "==" { return .bool(Evaluator.identical(l, r)) }
            if op == "!=" { return .bool(!Evaluator.identical(l, r)) }
        }
        // `[0] * obj`, `obj * 'ab'`: a sequence repeated by an object with `__index__`, as
        // CPython repeats it once neither side's `__mul__` answers.
        if op == "*" {
            if isRepeatable(l), let n = try index(r, span, ev) { return try ev.operate("*", l, n, span) }
            if isRepeatable(r), let n = try index(l, span, ev) { return try ev.operate("*", n, r, span) }
        }
        throw ev.typeErrorFor(op, l, r, span)
    }

    /// Python's truth of an instance: `__bool__`, else `__len__`, else True.
    static func truth(_ v: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Bool? {
        guard isInstance(v) else { return nil }
        if let b = try dunder(v, "__bool__", [], span, ev) {
            guard case .bool(let t) = b else {
                throw ShellError("__bool__ should return bool, returned \(b.typeName)", span: span, kind: .typeError)
            }
            return t
        }
        guard case .object(let i as PyInstance) = v, i.cls.find("__len__") != nil else { return true }
        if let n = try length(v, span, ev) { return n != 0 }
        return true
    }

    /// `len(obj)` through `__len__`; nil when not an instance.
    static func length(_ v: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Int? {
        guard case .object(let i as PyInstance) = v else { return nil }
        guard let n = try dunder(v, "__len__", [], span, ev) else {
            throw ShellError("object of type '\(i.cls.name)' has no len()", span: span, kind: .typeError)
        }
        switch n {
        case .int(let k):
            if k < 0 { throw ShellError("__len__() should return >= 0", span: span, kind: .valueError) }
            return k
        case .bool(let b): return b ? 1 : 0
        default: throw ShellError("'\(n.typeName)' object cannot be interpreted as an integer", span: span, kind: .typeError)
        }
    }

    /// `obj[key]` through `__getitem__`; nil when not an instance.
    static func item(_ v: Value, _ key: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value? {
        guard case .object(let i as PyInstance) = v else { return nil }
        guard let r = try dunder(v, "__getitem__", [key], span, ev) else {
            throw ShellError("'\(i.cls.name)' object is not subscriptable", span: span, kind: .typeError)
        }
        return r
    }

    /// `isinstance`/`issubclass` when a class made by `class` is involved (nil otherwise).
    static func isInstanceCheck(_ name: String, _ args: [Value], _ span: Range<Int>) throws(ShellError) -> Value? {
        let classes: [Value] = args[1].sequenceItems ?? [args[1]]
        let subject: PyClass?
        if name == "issubclass" {
            if case .object(let c as PyClass) = args[0] { subject = c } else { subject = nil }
        } else if case .object(let i as PyInstance) = args[0] {
            subject = i.cls
        } else {
            subject = nil
        }
        let anyClass = classes.contains { if case .object(is PyClass) = $0 { return true } else { return false } }
        guard subject != nil || anyClass else { return nil }
        for c in classes {
            switch c {
            case .object(let k as PyClass):
                if let subject, subject.isSubclass(of: k) { return .bool(true) }
            case .type(let t):
                if let subject {
                    if t == "object" { return .bool(true) }
                    if let base = subject.exceptionBase, ExceptionClasses.matches(base, t) { return .bool(true) }
                } else if Builtins.isInstance(name == "issubclass" ? "type" : args[0].typeName, of: t) {
                    return .bool(true)
                }
            default:
                throw ShellError("\(name)() arg 2 must be a type, a tuple of types, or a union", span: span, kind: .typeError)
            }
        }
        return .bool(false)
    }

    /// The class and receiver `super()` means inside the running method: the class whose
    /// namespace holds the running function, and the method's first argument.
    static func zeroArgumentSuper(_ ev: Evaluator, _ span: Range<Int>) throws(ShellError) -> Value {
        guard let frame = ev.frame, frame.function != nil, let receiver = frame[slot: 0] else {
            throw ShellError("super(): no arguments", span: span, kind: .runtimeError)
        }
        let receiverClass: PyClass
        switch receiver {
        case .object(let i as PyInstance): receiverClass = i.cls
        case .object(let c as PyClass): receiverClass = c
        default: throw ShellError("super(): __class__ cell not found", span: span, kind: .runtimeError)
        }
        func defines(_ v: Value) -> Bool {
            switch v {
            case .closure(let f): return f.definition.layout === frame.layout
            case .object(let s as StaticMethod): return defines(s.function)
            case .object(let c as ClassMethod): return defines(c.function)
            case .object(let p as Property): return (p.getter.map(defines) ?? false) || (p.setter.map(defines) ?? false)
            default: return false
            }
        }
        for c in receiverClass.mro where c.namespace.values.contains(where: defines) {
            return .object(SuperObject(start: c, receiver: receiver, receiverClass: receiverClass))
        }
        throw ShellError("super(): __class__ cell not found", span: span, kind: .runtimeError)
    }

    /// The builtins that are classes about classes: `staticmethod`, `classmethod`, `property`,
    /// `super`, and `type(obj)` of an instance (nil: not one of these).
    static func construct(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value? {
        switch name {
        case "staticmethod", "classmethod":
            guard args.count == 1, let f = args.first else {
                throw ShellError("\(name) expected 1 argument, got \(args.count)", span: span, kind: .typeError)
            }
            return .object(name == "staticmethod" ? StaticMethod(f) as ShellObject : ClassMethod(f))
        case "property":
            let getter = args.first ?? Builtins.keyword(keywords, "fget")
            let setter = args.count > 1 ? args[1] : Builtins.keyword(keywords, "fset")
            return .object(Property(getter: getter.flatMap { $0.isNone ? nil : $0 }, setter: setter.flatMap { $0.isNone ? nil : $0 }))
        case "super":
            if args.isEmpty { return try zeroArgumentSuper(ev, span) }
            guard args.count == 2, case .object(let start as PyClass) = args[0] else {
                throw ShellError("super() argument 1 must be a type, not \(args.first?.typeName ?? "nothing")", span: span, kind: .typeError)
            }
            switch args[1] {
            case .object(let i as PyInstance) where i.cls.isSubclass(of: start):
                return .object(SuperObject(start: start, receiver: args[1], receiverClass: i.cls))
            case .object(let c as PyClass) where c.isSubclass(of: start):
                return .object(SuperObject(start: start, receiver: args[1], receiverClass: c))
            default:
                throw ShellError("super(type, obj): obj must be an instance or subtype of type", span: span, kind: .typeError)
            }
        case "type":
            guard args.count == 1 else { return nil }
            switch args[0] {
            case .object(let i as PyInstance): return .object(i.cls)
            case .object(is PyClass): return .type("type")
            default: return nil
            }
        default:
            return nil
        }
    }

    static let objectDir = ["__class__", "__delattr__", "__dict__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
                            "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__",
                            "__lt__", "__module__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__",
                            "__sizeof__", "__str__", "__subclasshook__", "__weakref__"]

    /// `dir(obj)`: sorted attribute names, as CPython lists them for plain classes and instances.
    static func dir(_ v: Value, _ ev: Evaluator) -> Value? {
        var names: Set<String>
        switch v {
        case .object(let i as PyInstance): names = Set(i.attributeNames)
        case .object(let c as PyClass): names = c.classNames
        default: return nil
        }
        names.formUnion(objectDir)
        return .list(names.sorted().map { .string($0) })
    }
}

extension Evaluator {
    /// Runs a `class` statement: evaluates the bases, runs the body once in its own scope
    /// (functions defined there do not see that scope, as in Python), and makes the class.
    func makeClass(_ def: ClassDef) throws(ShellError) -> Value {
        var bases: [PyClass] = []
        var exceptionBase: String? = nil
        for b in def.bases {
            let v = try evaluate(b)
            switch v {
            case .object(let c as PyClass): bases.append(c)
            case .type("object"): continue
            case .type(let n) where ExceptionClasses.isClass(n):
                exceptionBase = exceptionBase ?? n
            case .type(let n):
                throw ShellError("subclassing the built-in class '\(n)' is not supported", explanation: "rnnsh's classes derive from object or from other classes made with `class`",
                                 span: b.span, kind: .notImplementedError)
            default:
                throw ShellError("bases must be classes, not '\(v.typeName)'", span: b.span, kind: .typeError)
            }
        }
        var order: [String] = []
        var assigned = Set<String>(), globals = Set<String>(), nonlocals = Set<String>()
        for p in def.body {
            var mine = Set<String>()
            p.statement.collectScope(assigned: &mine, globals: &globals, nonlocals: &nonlocals)
            for n in mine.sorted() where !assigned.contains(n) { order.append(n) }
            assigned.formUnion(mine)
        }
        let locals = assigned.subtracting(globals).subtracting(nonlocals)
        let layout = ScopeLayout(parameters: [], localNames: locals, globalNames: globals, nonlocalNames: nonlocals)
        let classFrame = Frame.make(layout: layout, parent: frame, function: nil)
        let cls = try PyClass(name: def.name, bases: bases, exceptionBase: exceptionBase)
        do {
            let savedFrame = frame, savedBody = classBodyFrame
            frame = classFrame
            classBodyFrame = classFrame
            defer {
                frame = savedFrame
                classBodyFrame = savedBody
            }
            let flow = try runBlock(def.body)
            if case .returned = flow { throw ShellError("'return' outside function", span: def.span, kind: .syntaxError) }
        }
        func own(_ v: Value) {
            switch v {
            case .closure(let f): if f.ownerName == nil { f.ownerName = def.name }
            case .object(let s as StaticMethod): own(s.function)
            case .object(let c as ClassMethod): own(c.function)
            case .object(let p as Property):
                if let g = p.getter { own(g) }
                if let s = p.setter { own(s) }
            default: break
            }
        }
        for n in order where locals.contains(n) {
            guard let v = classFrame[n] else { continue }
            own(v)
            if case .object(let p as Property) = v { p.name = n }
            cls.namespace.set(.string(n), .string(n), v)
        }
        return .object(cls)
    }
}

/// `super().__init__(*args)` in an exception class: BaseException's initializer, which only
/// records the arguments (`e.args`, and what `str(e)` shows).
final class ExceptionInit: ShellObject, PythonCallable, @unchecked Sendable {
    let instance: PyInstance
    init(instance: PyInstance) { self.instance = instance }
    var kind: String { "method-wrapper" }
    var summary: String { "<method-wrapper '__init__'>" }
    var detail: String { summary }
    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        if !keywords.isEmpty {
            throw ShellError("\(instance.cls.name)() takes no keyword arguments", span: span, kind: .typeError)
        }
        instance.exceptionArgs = positional
        return .none
    }
}
