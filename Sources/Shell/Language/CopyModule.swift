import Foundation
import Tensor

/// Python's `copy`: `copy.copy(x)` (a new container holding the same items) and
/// `copy.deepcopy(x)` (new containers all the way down, arrays copied, instances of your
/// classes copied attribute by attribute). deepcopy keeps a memo of what it copied, as
/// CPython's does, so an object met twice is copied once (`[[0]] * 2` stays two references to
/// one new list) and a list that holds itself gives a new list that holds itself.
/// Immutable values (numbers, strings, a tuple of them) are their own copies.
enum CopyModule {
    static let functions: Set<String> = ["copy", "deepcopy"]

    static func attribute(_ name: String, span: Range<Int>) throws(ShellError) -> Value {
        if functions.contains(name) { return .builtin(Builtin(name: "copy." + name, receiver: nil)) }
        if name == "Error" { return .type("Exception") }
        throw ShellError("module 'copy' has no attribute '\(name)'", span: span, kind: .attributeError)
    }

    static func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        let bound = try PythonSignature(name: name, parameters: name == "copy" ? ["x"] : ["x", "memo", "_nil"], required: 1).bind(args, keywords, span)
        guard let x = bound[0] else { throw ShellError("\(name)() missing 1 required positional argument: 'x'", span: span, kind: .typeError) }
        if name == "copy" { return try shallow(x, span) }
        if let memo = bound.count > 1 ? bound[1] : nil, !memo.isNone {
            throw ShellError("deepcopy's memo= is not supported", span: span, kind: .notImplementedError)
        }
        var copier = DeepCopier(span: span)
        return try copier.copy(x)
    }

    static func array(_ a: NDArray, _ span: Range<Int>) throws(ShellError) -> NDArray {
        do { return try a.copy() } catch {
            if error.isInterruption { throw Interrupt.error }
            throw ShellError(error.message, explanation: error.explanation, span: span, kind: error.kind)
        }
    }

    static func shallow(_ x: Value, _ span: Range<Int>) throws(ShellError) -> Value {
        switch x {
        case .list(let l): return .list(PyList(l.items))
        case .dict(let d): return .dict(d.copy())
        case .set(let s): return s.isFrozen ? x : .set(s.copy())
        case .array(let a): return .array(try array(a, span))
        case .object(let i as PyInstance) where i.cls.exceptionBase == nil:
            let c = PyInstance(cls: i.cls)
            for (k, v) in i.attributes.items { try c.attributes.set(k, v, span: span) }
            return .object(c)
        case .object(let q as PyDeque): return .object(PyDeque(q.items, maxlen: q.maxlen))
        default: return try immutable(x, span)
        }
    }

    /// Values that are their own copies in CPython; anything else rnnsh cannot copy yet.
    static func immutable(_ x: Value, _ span: Range<Int>) throws(ShellError) -> Value {
        switch x {
        case .none, .bool, .int, .bigint, .float, .string, .scalar, .tuple, .range, .type, .closure, .builtin, .function,
             .namespace, .ellipsis, .dtype, .exception:
            return x
        case .object(is NamedTupleValue), .object(is PyClass):
            return x
        default:
            throw ShellError("copying a \(x.typeName) is not supported", explanation: "copy.copy/deepcopy take lists, dicts, sets, tuples, arrays and instances of your classes",
                             span: span, kind: .notImplementedError)
        }
    }

    struct DeepCopier {
        let span: Range<Int>
        var memo: [ObjectIdentifier: Value] = [:]
        var depth = 0

        mutating func copy(_ x: Value) throws(ShellError) -> Value {
            if Interrupt.isRequested { throw Interrupt.error }
            depth += 1
            defer { depth -= 1 }
            // CPython's deepcopy recurses in Python and stops at the recursion limit.
            if depth > 990 { throw ShellError("maximum recursion depth exceeded", span: span, kind: .recursionError) }
            switch x {
            case .list(let l):
                if let seen = memo[ObjectIdentifier(l)] { return seen }
                let out = PyList()
                memo[ObjectIdentifier(l)] = .list(out)
                try PythonArithmetic.reserve(items: l.items.count, 0, "a list", span)
                for item in l.items { out.append(try copy(item)) }
                return .list(out)
            case .dict(let d):
                if let seen = memo[ObjectIdentifier(d.table)] { return seen }
                let out = PyDict(flavour: d.table.flavour)
                memo[ObjectIdentifier(d.table)] = .dict(out)
                for (k, v) in d.items { try out.set(try copy(k), try copy(v), span: span) }
                return .dict(out)
            case .set(let s):
                if let seen = memo[ObjectIdentifier(s.table)] { return seen }
                let out = PySet()
                for item in s.items { try out.insert(try copy(item), span: span) }
                if s.isFrozen { out.freeze() }
                memo[ObjectIdentifier(s.table)] = .set(out)
                return .set(out)
            case .tuple(let items):
                // A tuple of immutables is itself (CPython returns the same object).
                var changed = false
                var out: [Value] = []
                for item in items {
                    let c = try copy(item)
                    if !Evaluator.identical(c, item) { changed = true }
                    out.append(c)
                }
                return changed ? .tuple(out) : x
            case .array(let a):
                return .array(try CopyModule.array(a, span))
            case .object(let i as PyInstance) where i.cls.exceptionBase == nil:
                if let seen = memo[ObjectIdentifier(i)] { return seen }
                let c = PyInstance(cls: i.cls)
                memo[ObjectIdentifier(i)] = .object(c)
                for (k, v) in i.attributes.items { try c.attributes.set(k, try copy(v), span: span) }
                return .object(c)
            case .object(let q as PyDeque):
                if let seen = memo[ObjectIdentifier(q)] { return seen }
                var items: [Value] = []
                for item in q.items { items.append(try copy(item)) }
                let c = PyDeque(items, maxlen: q.maxlen)
                memo[ObjectIdentifier(q)] = .object(c)
                return .object(c)
            default:
                return try CopyModule.immutable(x, span)
            }
        }
    }
}
