import Tensor

/// Everything a name in the workspace can hold, and everything an expression evaluates to.
///
/// Python's own scalars (`int`, `float`, `str`, `bool`, `None`) stay distinct from numpy's
/// (`scalar`: what `x[0, 0]` returns, printed `np.int64(0)` by `repr`), because numpy prints them
/// differently. Objects of later modules (cells, models, datasets) plug in through `ShellObject`
/// so adding one never touches the evaluator.
///
/// Not `indirect` as a whole: an int, float, bool, string or reference (list, dict, function)
/// is stored in the enum itself, so `i + 1` in a loop allocates nothing. Only the payloads larger
/// than a `String` are boxed (`indirect case`), which keeps a `Value` at 17 bytes.
public enum Value: Sendable {
    indirect case array(NDArray)
    /// A numpy scalar (`np.float32(0.5)`), held as a 0-d array.
    indirect case scalar(NDArray)
    /// Python's list: a reference, as in Python (`b = a; b.append(1)` changes `a`).
    case list(PyList)
    /// Python's tuple (see `TupleItems`; `.tuple([Value])` makes one).
    case tuple(TupleItems)
    case int(Int)
    /// A Python int past 64 bits (`2**100`); `PythonArithmetic` makes one only when an `Int`
    /// result would overflow, and never for a value that fits (see `BigInt`).
    indirect case bigint(BigInt)
    case float(Double)
    case string(String)
    case bool(Bool)
    case none
    /// `np.float32`, `int64`, … as passed to `dtype=`.
    case dtype(DType)
    /// Named fields (an `.npz` with its own member names; later: dataset splits).
    case record(Record)
    /// A cell, model, dataset, … (see `ShellObject`).
    indirect case object(any ShellObject)
    /// A command used as a value: `np.arange`, or a bound method such as `x.reshape`.
    indirect case function(Callable)
    /// The `np` / `numpy` namespace.
    case namespace(String)
    /// `...` in a subscript.
    case ellipsis
    /// A `start:stop:step` slice object (from `slice(...)`).
    indirect case slice(Int?, Int?, Int?)
    /// Python's dict (insertion-ordered).
    case dict(PyDict)
    case set(PySet)
    /// A function made by `def` or `lambda`.
    case closure(PyFunction)
    /// A built-in function (`len`) or a method of a Python value (`'a'.upper`).
    indirect case builtin(Builtin)
    /// `range(start, stop, step)`, never materialised.
    indirect case range(Int, Int, Int)
    case iterator(PyIterator)
    /// An exception object (`ValueError('bad')`, or `e` in `except … as e`).
    indirect case exception(PyException)
    /// A class: `int`, `str`, `list`, `ValueError`, `numpy.ndarray` (what `type(x)` returns).
    case type(String)
}

extension Value {
    /// A new list holding `items`.
    public static func list(_ items: [Value]) -> Value { .list(PyList(items)) }
}

/// Python's list object. A class, so every name, element and argument that holds it holds the
/// same list: `append`, item assignment, `+=` and the other mutating methods change it where
/// it is seen. Reading is through `Collection` (`xs.count`, `xs[i]`, `for x in xs`); changing
/// only through the methods below, so code that means to build a new list says so.
public final class PyList: @unchecked Sendable, RandomAccessCollection {
    public private(set) var items: [Value]

    public init(_ items: [Value] = []) { self.items = items }

    deinit { ContainerTeardown.release(&items) }

    /// Empties the list and returns what it held (for `ContainerTeardown`).
    func takeItems() -> [Value] {
        var out: [Value] = []
        swap(&out, &items)
        return out
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { items.count }
    public subscript(i: Int) -> Value { items[i] }

    public func append(_ v: Value) { items.append(v) }
    public func append(contentsOf more: some Sequence<Value>) { items.append(contentsOf: more) }
    public func insert(_ v: Value, at i: Int) { items.insert(v, at: i) }
    @discardableResult public func remove(at i: Int) -> Value { items.remove(at: i) }
    public func set(_ i: Int, _ v: Value) { items[i] = v }
    public func replace(_ range: Range<Int>, with new: [Value]) { items.replaceSubrange(range, with: new) }
    /// Replaces every item (`xs.sort()`, `xs.reverse()`, `xs[:] = …`, `xs.clear()`).
    public func replaceAll(_ new: [Value]) { items = new }

    /// Runs `body` on the items in place (no copy: the list holds no other reference to its
    /// buffer meanwhile, so it reads as empty during the call, as CPython's does while sorting).
    func mutate<R>(_ body: (inout [Value]) throws(ShellError) -> R) throws(ShellError) -> R {
        var local = items
        items = []
        defer { items = local }
        return try body(&local)
    }
}

/// A command waiting to be called, with the receiver of a method call (`x.reshape` → `x`).
public struct Callable: Sendable {
    public var name: String
    public var receiver: Value?

    public init(name: String, receiver: Value? = nil) {
        self.name = name
        self.receiver = receiver
    }
}

/// Fields in the order they were created (an `.npz`'s member order), so printing is stable.
public struct Record: Sendable {
    public var fields: [(name: String, value: Value)]

    public init(_ fields: [(name: String, value: Value)]) {
        self.fields = fields
    }

    public subscript(name: String) -> Value? {
        fields.first { $0.name == name }?.value
    }
}

/// A value contributed by another module (an LSTM cell, a model, a dataset). The shell only
/// needs to show it and read its attributes; commands that create or use it know the concrete type.
public protocol ShellObject: Sendable {
    /// Short kind name for `vars` and error messages (`cell`, `model`, `dataset`).
    var kind: String { get }
    /// One line for `vars` (e.g. `LSTM cell, 128 units, input 28`).
    var summary: String { get }
    /// The full display, printed when the value is shown or `print`ed.
    var detail: String { get }
    /// Attributes readable with `value.name` (e.g. `data.train`, `model.history`).
    func attribute(_ name: String) -> Value?
    /// Attribute names, for completion after `value.`.
    var attributeNames: [String] { get }
    /// The arrays `save VALUE FILE.npz` writes for it (nil: it cannot be saved).
    var archiveMembers: [(name: String, array: NDArray)]? { get }
    /// `value[key]` (e.g. an `.npz` archive's `z['kernel']`); nil: not subscriptable.
    func item(_ key: Value) throws(ShellError) -> Value?
    /// What iterating the object yields (`list(z)`, `for k in z`, unpacking, `len`, `in`);
    /// nil: not iterable.
    var iterationItems: [Value]? { get }
}

extension ShellObject {
    public func attribute(_ name: String) -> Value? { nil }
    public var attributeNames: [String] { [] }
    public var archiveMembers: [(name: String, array: NDArray)]? { nil }
    public func item(_ key: Value) throws(ShellError) -> Value? { nil }
    public var iterationItems: [Value]? { nil }
}

extension Value {
    /// Python's type name, as it appears in Python's error messages (`'str' object …`).
    public var typeName: String {
        switch self {
        case .array: return "numpy.ndarray"
        case .scalar(let a): return "numpy.\(a.dtype.name)"
        case .list: return "list"
        case .tuple: return "tuple"
        case .int, .bigint: return "int"
        case .float: return "float"
        case .string: return "str"
        case .bool: return "bool"
        case .none: return "NoneType"
        case .dtype: return "type"
        case .record: return "record"
        case .object(let o): return o.kind
        case .function: return "function"
        case .namespace: return "module"
        case .ellipsis: return "ellipsis"
        case .slice: return "slice"
        case .dict(let d): return d.flavour.typeName
        case .set(let s): return s.isFrozen ? "frozenset" : "set"
        case .closure: return "function"
        case .builtin(let b):
            if case .type? = b.receiver { return "method_descriptor" }
            return "builtin_function_or_method"
        case .range: return "range"
        case .iterator(let it): return it.kind
        case .exception(let e): return e.kind
        case .type: return "type"
        }
    }

    /// The kind column of `vars`.
    public var kindName: String {
        switch self {
        case .array: return "ndarray"
        case .scalar(let a): return a.dtype.name
        default: return typeName
        }
    }

    /// True for `None`.
    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// The items of a list or tuple.
    public var sequenceItems: [Value]? {
        switch self {
        case .list(let v): return v.items
        case .tuple(let v): return v.array
        default: return nil
        }
    }
}
