import Synchronization
import Tensor

/// Python's runtime objects that are not numpy's: dicts, sets, functions, iterators, exceptions
/// and the frames functions run in. Lists (`PyList`), dicts and sets are references, as in
/// Python: every name, element and argument holding one sees its changes (docs/language.md).

/// Which instances a `.custom` key stands for. Two instances whose `__hash__` agree are one key
/// only when they are the same object or `__eq__` says so, as in CPython's dict lookup (hash,
/// then identity, then `==`): `{K(1): 'a', K(2): 'b'}` with `__hash__` returning 1 had one key.
///
/// `__eq__` is asked when the key is made (`HashKey.of`, before any dict or set is touched),
/// never while a Swift dictionary compares keys: Python code run from inside a dictionary's
/// own lookup could change that dictionary (`d.clear()` in `__eq__`) under it. Each instance
/// joins the first live instance with the same hash that `__eq__` calls equal (its
/// representative) or becomes one; keys compare representatives by identity. A key holds its
/// representative, so equal keys stay equal while any of them is alive. It adds nothing to
/// the hash (the key's hash is the reduced `__hash__`). An exception raised by `__eq__` counts
/// as not equal (CPython would raise it from the lookup).
public final class CustomKeyObject: Hashable, @unchecked Sendable {
    let representative: PyInstance
    private init(_ representative: PyInstance) { self.representative = representative }
    public func hash(into hasher: inout Hasher) {}
    public static func == (a: CustomKeyObject, b: CustomKeyObject) -> Bool { a.representative === b.representative }

    private final class Weak: @unchecked Sendable { weak var instance: PyInstance?; init(_ i: PyInstance) { instance = i } }
    /// Live representatives by hash (weak: a representative lives as long as a key holds it).
    private static let representatives = Mutex<(byHash: [Int: [Weak]], added: Int)>(([:], 0))

    /// True while `hash()` makes a key only for its hash: CPython's `hash((a, 1))` never calls
    /// `__eq__`, so no representative is looked for (and none is recorded). The `__hash__`
    /// methods it calls run with it false: the dicts they build are real dicts.
    @TaskLocal static var hashOnly = false

    /// Runs `body` with `hashOnly` set to `value`.
    static func with<T>(hashOnly value: Bool, _ body: () throws(ShellError) -> T) throws(ShellError) -> T {
        let result: Result<T, ShellError> = $hashOnly.withValue(value) {
            do throws(ShellError) { return .success(try body()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// A key object standing for `instance` alone, for a hash that no container keeps.
    static func hashing(_ instance: PyInstance) -> CustomKeyObject { CustomKeyObject(instance) }

    /// The key object of `instance`, whose reduced `__hash__` is `hash`.
    static func of(_ instance: PyInstance, hash: Int, evaluator ev: Evaluator) -> CustomKeyObject {
        let candidates = representatives.withLock { (state) -> [PyInstance] in
            let live = (state.byHash[hash] ?? []).filter { $0.instance != nil }
            state.byHash[hash] = live.isEmpty ? nil : live
            return live.compactMap(\.instance)
        }
        for c in candidates {
            if c === instance { return CustomKeyObject(c) }
        }
        // `__eq__` runs here, with no lock held and no container being changed.
        for c in candidates where ((try? ev.pyEquals(.object(instance), .object(c))) ?? nil) == true {
            return CustomKeyObject(c)
        }
        representatives.withLock { state in
            state.byHash[hash, default: []].append(Weak(instance))
            state.added += 1
            // Now and then, forget hashes whose instances are all gone.
            if state.added % 4096 == 0 {
                state.byHash = state.byHash.compactMapValues { list in
                    let live = list.filter { $0.instance != nil }
                    return live.isEmpty ? nil : live
                }
            }
        }
        return CustomKeyObject(instance)
    }
}

/// A dict or set key: Python's hashing rule (`1`, `1.0` and `True` are one key).
public enum HashKey: Hashable, Sendable {
    case int(Int)
    case float(UInt64)
    case string(String)
    case none
    /// A tuple's key: its items' keys (`NestedKey`, see PythonHash.swift).
    case tuple(NestedKey)
    /// A frozenset's key: its items' keys, made once and kept with the frozenset.
    case frozenset(NestedKey)
    case type(String)
    /// An instance whose class defines `__hash__`: the hash it gave, reduced as `hash()` shows
    /// it, and the instance, which `__eq__` compares when two hashes agree.
    case custom(Int, CustomKeyObject)
    /// A big int's key: the int itself (a BigInt never fits in an Int, so it never meets
    /// `.int`). It was the text of its limbs, from which `hash()` could not be CPython's.
    case big(BigInt)
    case other(String)

    /// The key of `v`, or Python's `unhashable type` error.
    static func of(_ v: Value, span: Range<Int>?) throws(ShellError) -> HashKey {
        if let items = tupleItems(v) { return try tupleKey(items, span: span) }
        return try single(v, span: span)
    }

    /// The items of a tuple or named tuple (whose key is its tuple's), nil for anything else.
    private static func tupleItems(_ v: Value) -> [Value]? {
        switch v {
        case .tuple(let t): return t.array
        case .object(let t as NamedTupleValue): return t.values
        default: return nil
        }
    }

    /// A tuple's key, its tuples inside tuples walked with a work list: by recursion, a tuple
    /// nested 100,000 deep overflowed the stack (rc 139, red team), and a depth limit made
    /// it a RecursionError where CPython hashes it.
    private static func tupleKey(_ root: [Value], span: Range<Int>?) throws(ShellError) -> HashKey {
        if !root.contains(where: { tupleItems($0) != nil }) {
            // A flat tuple (nearly every key): no work list.
            var keys: [HashKey] = []
            keys.reserveCapacity(root.count)
            for v in root { keys.append(try single(v, span: span)) }
            return .tuple(keys)
        }
        var stack: [(items: [Value], next: Int, keys: [HashKey])] = [(root, 0, [])]
        while let top = stack.indices.last {
            if stack[top].next == stack[top].items.count {
                let key = HashKey.tuple(stack[top].keys)
                stack.removeLast()
                guard let parent = stack.indices.last else { return key }
                stack[parent].keys.append(key)
                continue
            }
            let item = stack[top].items[stack[top].next]
            stack[top].next += 1
            if let inner = tupleItems(item) {
                stack.append((inner, 0, []))
            } else {
                stack[top].keys.append(try single(item, span: span))
            }
        }
        return .tuple([])
    }

    /// The key of anything but a tuple.
    private static func single(_ v: Value, span: Range<Int>?) throws(ShellError) -> HashKey {
        switch v {
        case .int(let i): return .int(i)
        case .bigint(let b): return big(b)
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            if d == d.rounded(), abs(d) < 9.2e18 { return .int(Int(d)) }
            // 2.0**70 is the key 2**70, as in Python.
            if d.isFinite, d == d.rounded(), let b = BigInt(exactly: d) { return b.asInt.map { .int($0) } ?? big(b) }
            return .float(d.isNaN ? Double.nan.bitPattern : d.bitPattern)
        case .string(let s): return .string(s)
        case .none: return .none
        case .tuple, .object(is NamedTupleValue): return try of(v, span: span)
        case .type(let n): return .type(n)
        case .scalar(let a):
            if let s = a.scalar(at: []) {
                switch s {
                case .int(let i): return .int(Int(i))
                case .bool(let b): return .int(b ? 1 : 0)
                default: return try single(.float(s.doubleValue), span: span)
                }
            }
        case .dtype(let d): return .other("dtype:" + d.name)
        case .closure(let f): return .other("function:\(ObjectIdentifier(f).hashValue)")
        case .builtin(let b) where b.receiver == nil: return .other("builtin:" + b.name)
        case .builtin(let b):
            // A bound method stays unhashable here (as before); a method descriptor is hashable.
            if case .type(let t)? = b.receiver { return .other("descriptor:\(t).\(b.name)") }
        case .range(let a, let b, let c): return .other("range:\(a):\(b):\(c)")
        case .namespace(let n): return .other("module:" + n)
        case .set(let s) where s.isFrozen: return .frozenset(s.frozenKey)
        case .object(let i as PyInstance): return try ClassRuntime.hashKey(i, span: span)
        case .object(let o as HashableObject): return .other(o.hashIdentity)
        default: break
        }
        throw ShellError("unhashable type: '\(v.typeName)'", span: span, kind: .typeError)
    }
}

/// Python's dict: keys in insertion order. A reference, as in Python: copies of this struct
/// share one table, so `d2 = d; d2['k'] = 1` changes `d`, and a dict passed to a function is
/// changed by it. `copy()` makes a new dict (what `dict(d)`, `d.copy()` and `{**d}` give).
public struct PyDict: Sendable {
    final class Table: @unchecked Sendable {
        var keys: [Value] = []
        var values: [Value] = []
        var index: [HashKey: Int] = [:]
        /// Which of `collections`' dict subclasses it is (a plain dict by default).
        var flavour: DictFlavour = .plain
        deinit {
            ContainerTeardown.release(&values)
            ContainerTeardown.release(&keys)
        }
    }
    let table: Table

    public init() { table = Table() }

    init(flavour: DictFlavour) {
        table = Table()
        table.flavour = flavour
    }

    var flavour: DictFlavour { table.flavour }

    /// A new dict with the same items, of the same class (`d.copy()` of a Counter is a Counter;
    /// `dict(d)` makes it plain).
    public func copy() -> PyDict {
        let d = PyDict()
        d.table.flavour = table.flavour
        d.table.keys = table.keys
        d.table.values = table.values
        d.table.index = table.index
        return d
    }

    /// True when both are the same dict object (`is`).
    func isSame(_ other: PyDict) -> Bool { table === other.table }

    public var keys: [Value] { table.keys }
    public var values: [Value] { table.values }
    public var count: Int { table.keys.count }

    func position(_ key: HashKey) -> Int? { table.index[key] }

    func get(_ key: HashKey) -> Value? {
        guard let i = table.index[key] else { return nil }
        return table.values[i]
    }

    func set(_ key: Value, _ hash: HashKey, _ value: Value) {
        if let i = table.index[hash] {
            table.values[i] = value
        } else {
            table.index[hash] = table.keys.count
            table.keys.append(key)
            table.values.append(value)
        }
    }

    func set(_ key: Value, _ value: Value, span: Range<Int>?) throws(ShellError) {
        set(key, try HashKey.of(key, span: span), value)
    }

    @discardableResult
    func remove(_ hash: HashKey) -> Value? {
        guard let i = table.index[hash] else { return nil }
        let v = table.values[i]
        table.keys.remove(at: i)
        table.values.remove(at: i)
        table.index[hash] = nil
        for (k, j) in table.index where j > i { table.index[k] = j - 1 }
        return v
    }

    /// Empties the dict (`d.clear()`).
    func removeAll() {
        table.keys.removeAll()
        table.values.removeAll()
        table.index.removeAll()
    }

    var items: [(Value, Value)] { Array(zip(table.keys, table.values)) }
}

/// Python's set. Iteration order follows insertion, except that a set of ints iterates in
/// ascending order (which is what CPython shows for small non-negative ints). A reference, as
/// in Python (see `PyDict`); `copy()` makes a new set.
public struct PySet: Sendable {
    final class Table: @unchecked Sendable {
        var items: [Value] = []
        /// Any change forgets the frozenset key made from it (a frozenset's index never
        /// changes after it is built; this keeps a key from ever going stale).
        var index: Set<HashKey> = [] { didSet { key = nil } }
        deinit { ContainerTeardown.release(&items) }
        /// A `frozenset`: no mutating methods, hashable.
        var frozen = false
        /// A frozenset's key, made on first use from `index` (sharing its storage).
        var key: NestedKey?
    }
    let table: Table

    public init() { table = Table() }

    public func copy() -> PySet {
        let s = PySet()
        s.table.items = table.items
        s.table.index = table.index
        return s
    }

    func isSame(_ other: PySet) -> Bool { table === other.table }

    var isFrozen: Bool { table.frozen }

    /// This set made a frozenset (only right after it was built, before anyone else holds it).
    func freeze() { table.frozen = true }

    /// This frozenset's key: made once, so a frozenset in a frozenset costs one lookup
    /// however deep it nests.
    var frozenKey: NestedKey {
        if let k = table.key { return k }
        let k = NestedKey(members: table.index)
        table.key = k
        return k
    }

    public var items: [Value] { table.items }
    public var count: Int { table.items.count }

    func contains(_ h: HashKey) -> Bool { table.index.contains(h) }

    func insert(_ v: Value, span: Range<Int>?) throws(ShellError) {
        let h = try HashKey.of(v, span: span)
        if table.index.insert(h).inserted { table.items.append(v) }
    }

    @discardableResult
    func remove(_ v: Value, span: Range<Int>?) throws(ShellError) -> Bool {
        let h = try HashKey.of(v, span: span)
        guard table.index.remove(h) != nil else { return false }
        for (i, x) in table.items.enumerated() where (try? HashKey.of(x, span: span)) == h {
            table.items.remove(at: i)
            break
        }
        return true
    }

    /// Makes this set hold what `other` holds (`intersection_update`, `difference_update`).
    func replaceContents(with other: PySet) {
        table.items = other.table.items
        table.index = other.table.index
    }

    /// Empties the set (`s.clear()`).
    func removeAll() {
        table.items.removeAll()
        table.index.removeAll()
    }

    /// Items in the order Python shows them.
    var ordered: [Value] {
        var ints: [(Int, Value)] = []
        for v in table.items {
            switch v {
            case .int(let i): ints.append((i, v))
            case .bool(let b): ints.append((b ? 1 : 0, v))
            default: return table.items
            }
        }
        if ints.allSatisfy({ $0.0 >= 0 }) { return ints.sorted { $0.0 < $1.0 }.map(\.1) }
        return table.items
    }
}

/// A function made by `def` or `lambda`: its code, its defaults (evaluated once, at `def`),
/// and the frame it was defined in (its closure).
public final class PyFunction: @unchecked Sendable {
    let definition: FunctionDef
    let defaults: [String: Value]
    let closure: Frame?
    /// The definition's source as scalars, for error lines and argument texts (shared with
    /// every function of the same parse).
    var scalars: [Unicode.Scalar] { definition.sourceText.scalars }
    /// The input line (script or stdin) the definition's source starts on, when known.
    let sourceFirstLine: Int?

    init(definition: FunctionDef, defaults: [String: Value], closure: Frame?, sourceFirstLine: Int? = nil) {
        self.definition = definition
        self.defaults = defaults
        self.closure = closure
        self.sourceFirstLine = sourceFirstLine
    }

    var name: String { definition.name }
    /// `A.f` for a method of class `A` (Python's `__qualname__`, which its TypeErrors name).
    var qualifiedName: String { ownerName.map { $0 + "." + definition.name } ?? definition.name }
    /// The class whose body defined this function, by name (set when the class is made).
    var ownerName: String?
    /// The function's own attributes (`f.calls = 0`, and what `functools.wraps` copies:
    /// `__name__`, `__doc__`, `__wrapped__`), Python's `f.__dict__`; made on first use.
    private(set) lazy var attributes = PyDict()
    var hasAttributes: Bool { _attributesMade }
    private var _attributesMade = false
    func touchAttributes() -> PyDict {
        _attributesMade = true
        return attributes
    }

    /// The docstring: the body's first statement when it is a string literal.
    var docstring: Value {
        if case .expression(.string(let s, _))? = definition.body.first?.statement { return .string(s) }
        return .none
    }
}

/// A built-in function or a method of a Python value (`len`, `'a'.upper`, `xs.append`).
public struct Builtin: Sendable {
    public var name: String
    public var receiver: Value?
}

/// An iterator (`iter(x)`, `zip(…)`, `enumerate(…)`, a generator expression, a generator) or
/// a dict view.
public final class PyIterator: @unchecked Sendable {
    var items: [Value]
    var position = 0
    /// What `repr` calls it: `zip`, `enumerate`, `map`, `filter`, `generator`, `list_iterator`,
    /// or for views `dict_keys`, `dict_values`, `dict_items` (which iterate afresh each time).
    let kind: String
    /// The name `repr` shows for a generator (`<generator object batches at 0x…>`).
    var generatorName: String?
    /// The generator this iterator runs (for `send`, `throw` and `close`).
    var generator: PyGenerator?
    /// The iterators an `enumerate` or `zip` reads, in argument order: a `for` over
    /// `enumerate(gen())` closes the generator its own call made through these
    /// (`Evaluator.closeTemporaryGenerator`), as CPython's freeing the enumerate does.
    var wrapped: [PyIterator] = []

    /// `iter(xs)` and `enumerate(xs)` over a list read the live list, as Python's list
    /// iterator does: items appended meanwhile are reached (`enumerate` counts from `start`).
    private var live: (list: PyList, enumerateFrom: Value?)?
    /// Items made on demand (a generator's body, `__next__` of a class, `enumerate` over
    /// one of those): the next item, or nil once exhausted. Its errors reach the caller.
    private var producer: (() throws(ShellError) -> Value?)?
    private var exhausted = false

    init(_ items: [Value], kind: String) {
        self.items = items
        self.kind = kind
    }

    init(live list: PyList, enumerateFrom start: Value?, kind: String) {
        self.items = []
        self.kind = kind
        self.live = (list, start)
    }

    init(kind: String, producer: @escaping () throws(ShellError) -> Value?) {
        self.items = []
        self.kind = kind
        self.producer = producer
    }

    /// `enumerate`'s count: `start + offset` as a Python int, which grows past 64 bits
    /// (`enumerate(xs, 2**63 - 1)` was a Swift overflow trap). `start` is an int or a big int.
    static func count(_ offset: Int, from start: Value) -> Value {
        switch start {
        case .int(let s):
            let (sum, overflow) = s.addingReportingOverflow(offset)
            return overflow ? PythonArithmetic.normalized(BigInt(s) + BigInt(offset)) : .int(sum)
        case .bigint(let b): return PythonArithmetic.normalized(b + BigInt(offset))
        default: return .int(offset)
        }
    }

    var isView: Bool { kind == "dict_keys" || kind == "dict_values" || kind == "dict_items" }

    /// Ends an iterator whose items are made on demand (a closed generator).
    func finishProducer() {
        guard producer != nil else { return }
        exhausted = true
        producer = nil
    }
    /// True when items are made on demand (so consuming one may run code or never end).
    var isLazy: Bool { producer != nil || live != nil }

    /// Lazy iterators pulling an item through one another right now (all threads). `x =
    /// map(abs, x)` 100,000 times, then `list(x)`, pulled each item through every level and
    /// overflowed the stack (rc 139, red team; CPython 3.11 crashes the same way). Deep
    /// pulls check the stack and fail as a RecursionError.
    private static let pulling = Atomic<Int>(0)

    func next() throws(ShellError) -> Value? {
        if let producer {
            if exhausted { return nil }
            let depth = Self.pulling.wrappingAdd(1, ordering: .relaxed).newValue
            defer { Self.pulling.wrappingSubtract(1, ordering: .relaxed) }
            if depth > 256, let ev = Evaluator.current, StackGuard.exhausted(ev.stackLimit) {
                throw ShellError("maximum recursion depth exceeded", kind: .recursionError)
            }
            guard let v = try producer() else {
                exhausted = true
                self.producer = nil
                return nil
            }
            return v
        }
        if exhausted { return nil }
        if let (list, start) = live {
            guard position < list.count else { return nil }
            defer { position += 1 }
            if let start { return .tuple([Self.count(position, from: start), list[position]]) }
            return list[position]
        }
        guard position < items.count else { return nil }
        defer { position += 1 }
        return items[position]
    }

    /// What is left (all of it, for a view); consumes an iterator. An endless generator is
    /// stopped by Ctrl-C (its body checks) or by the size limit of a list.
    func drain() throws(ShellError) -> [Value] {
        if producer != nil || live != nil {
            var rest: [Value] = []
            while let v = try next() {
                rest.append(v)
                if rest.count > PythonLimits.maxItems {
                    throw ShellError("more than \(PythonLimits.maxItems) items from one iterator", kind: .memoryError)
                }
            }
            return rest
        }
        if isView { return items }
        let rest = Array(items[min(position, items.count)...])
        position = items.count
        return rest
    }
}

/// An exception object: its class name and arguments (`ValueError('bad')`).
public struct PyException: Sendable {
    public var kind: String
    public var args: [Value]
    /// `__cause__` as `raise … from cause` set it (None for `from None`); nil: no `from`.
    public var cause: Value? = nil

    /// `str(e)`: the one argument's str, or the args tuple's repr.
    var message: String {
        if args.isEmpty { return "" }
        if args.count == 1, let only = args.first {
            if kind == "KeyError" { return ValueFormatter.repr(only) }
            return ValueFormatter.str(only)
        }
        return ValueFormatter.repr(.tuple(args))
    }
}

/// The local names of one function (or comprehension), resolved once, when it is compiled:
/// each local has a slot, parameters first in their order, so a call fills an array instead of
/// a dictionary, and compiled code reads a local by its slot number (CPython's fast locals).
final class ScopeLayout: @unchecked Sendable {
    let names: [String]
    let slotOf: [String: Int]
    let globalNames: Set<String>
    let nonlocalNames: Set<String>

    init(parameters: [String], localNames: Set<String>, globalNames: Set<String> = [], nonlocalNames: Set<String> = []) {
        var names: [String] = []
        var slotOf: [String: Int] = [:]
        for n in parameters where localNames.contains(n) && slotOf[n] == nil {
            slotOf[n] = names.count
            names.append(n)
        }
        for n in localNames.sorted() where slotOf[n] == nil {
            slotOf[n] = names.count
            names.append(n)
        }
        self.names = names
        self.slotOf = slotOf
        self.globalNames = globalNames
        self.nonlocalNames = nonlocalNames
    }
}

/// The local variables of one function call (or comprehension), and where to look next.
///
/// The slots live in the frame object itself (a `ManagedBuffer`: header, then the slots), so a
/// call allocates one object, not a frame and an array.
final class Frame: ManagedBuffer<FrameHeader, Value?> {

    /// A frame for `layout` with every local unbound.
    static func make(layout: ScopeLayout, parent: Frame?, function: String?, isComprehension: Bool = false) -> Frame {
        let n = layout.names.count
        let buffer = Frame.create(minimumCapacity: n) { _ in
            FrameHeader(layout: layout, parent: parent, function: function, count: n, isComprehension: isComprehension)
        }
        let frame = unsafeDowncast(buffer, to: Frame.self)
        frame.withUnsafeMutablePointerToElements { $0.initialize(repeating: nil, count: n) }
        return frame
    }

    deinit {
        withUnsafeMutablePointers { header, slots in _ = slots.deinitialize(count: header.pointee.count) }
    }

    var layout: ScopeLayout { withUnsafeMutablePointerToHeader { $0.pointee.layout } }
    var parent: Frame? { withUnsafeMutablePointerToHeader { $0.pointee.parent } }
    var function: String? { withUnsafeMutablePointerToHeader { $0.pointee.function } }
    var isComprehension: Bool { withUnsafeMutablePointerToHeader { $0.pointee.isComprehension } }

    /// The local in slot `k` (`layout.slotOf`); nil for a local not bound yet.
    subscript(slot k: Int) -> Value? {
        get {
            withUnsafeMutablePointers { header, slots in k >= 0 && k < header.pointee.count ? slots[k] : nil }
        }
        set {
            withUnsafeMutablePointers { header, slots in
                if k >= 0 && k < header.pointee.count { slots[k] = newValue }
            }
        }
    }

    var globalNames: Set<String> { layout.globalNames }
    var nonlocalNames: Set<String> { layout.nonlocalNames }

    /// True when `name` is a local of this scope (bound or not).
    func isLocal(_ name: String) -> Bool { layout.slotOf[name] != nil }

    /// A local by name (nil when not a local or not bound yet).
    subscript(name: String) -> Value? {
        get {
            guard let k = layout.slotOf[name] else { return nil }
            return self[slot: k]
        }
        set {
            // Every name a scope binds is in its layout (Python's rule, `collectScope`).
            guard let k = layout.slotOf[name] else { return }
            self[slot: k] = newValue
        }
    }
}

/// What a `Frame` holds besides its slots.
struct FrameHeader {
    let layout: ScopeLayout
    /// The frame the function was defined in (closures read and `nonlocal` writes it).
    let parent: Frame?
    /// The function's name for error messages (nil for a comprehension).
    let function: String?
    let count: Int
    /// A comprehension's scope: `:=` in it binds in the nearest enclosing scope that is not one.
    let isComprehension: Bool
}

/// How a statement ended: normally, or by `break`, `continue` or `return`.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned(Value)
}

/// Python's exception classes: which `except` clause catches which error.
enum ExceptionClasses {
    static let parents: [String: String] = [
        "Exception": "BaseException", "KeyboardInterrupt": "BaseException", "SystemExit": "BaseException",
        "GeneratorExit": "BaseException",
        "ValueError": "Exception", "TypeError": "Exception", "LookupError": "Exception", "IndexError": "LookupError",
        "KeyError": "LookupError", "NameError": "Exception", "UnboundLocalError": "NameError",
        "AttributeError": "Exception", "ArithmeticError": "Exception", "ZeroDivisionError": "ArithmeticError",
        "OverflowError": "ArithmeticError", "FloatingPointError": "ArithmeticError", "MemoryError": "Exception",
        "SyntaxError": "Exception", "IndentationError": "SyntaxError", "RuntimeError": "Exception",
        "RecursionError": "RuntimeError", "NotImplementedError": "RuntimeError", "AssertionError": "Exception",
        "StopIteration": "Exception", "ImportError": "Exception", "ModuleNotFoundError": "ImportError",
        "OSError": "Exception", "FileNotFoundError": "OSError", "PermissionError": "OSError",
        "IsADirectoryError": "OSError", "NotADirectoryError": "OSError", "FileExistsError": "OSError",
        "UnicodeDecodeError": "UnicodeError",
        "AxisError": "ValueError", "UnicodeError": "ValueError", "LinAlgError": "ValueError",
        // TensorFlow's tf.errors (classes of module tensorflow.python.framework.errors_impl).
        "OpError": "Exception", "InvalidArgumentError": "OpError", "FailedPreconditionError": "OpError",
        "OutOfRangeError": "OpError", "NotFoundError": "OpError",
    ]

    /// A class value's name as errors carry it: `tf.errors.InvalidArgumentError` is the class
    /// value `tensorflow.python.framework.errors_impl.InvalidArgumentError`.
    static func shortName(_ name: String) -> String {
        name.hasPrefix(ErrorKind.tensorFlowModule) ? String(name.dropFirst(ErrorKind.tensorFlowModule.count)) : name
    }

    static func isClass(_ name: String) -> Bool {
        parents[shortName(name)] != nil || name == "BaseException" || name == "numpy.linalg.LinAlgError" || name == "JSONDecodeError"
    }

    /// `name` and its ancestors up to BaseException (what a class's `__mro__` shows after it).
    static func lineage(_ name: String?) -> [String] {
        var out: [String] = []
        var k = name
        while let c = k {
            out.append(c)
            k = c == "BaseException" ? nil : (parents[c] ?? "BaseException")
        }
        return out
    }

    /// True when an error of class `kind` is caught by `except handler`.
    static func matches(_ kind: String, _ handler: String) -> Bool {
        // `np.linalg.LinAlgError` is the class value `numpy.linalg.LinAlgError`; errors carry its short name.
        let handler = handler == "numpy.linalg.LinAlgError" ? "LinAlgError" : shortName(handler)
        if kind == "AxisError" && handler == "IndexError" { return true }
        // io.UnsupportedOperation derives from both OSError and ValueError; it is no builtin name.
        if kind == "UnsupportedOperation" { return ["UnsupportedOperation", "OSError", "ValueError", "Exception", "BaseException"].contains(handler) }
        // json.JSONDecodeError is a ValueError; neither it nor io's class is a builtin name.
        if kind == "JSONDecodeError" { return ["JSONDecodeError", "ValueError", "Exception", "BaseException"].contains(handler) }
        // numpy's UFuncTypeError is a TypeError but no builtin name, so it is not in `parents`.
        var k: String? = kind == "UFuncTypeError" ? (handler == kind ? kind : "TypeError") : kind
        while let c = k {
            if c == handler { return true }
            k = parents[c]
        }
        return false
    }
}
