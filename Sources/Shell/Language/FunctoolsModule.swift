import Tensor

/// Python's `functools`: `reduce`, `partial`, and the memoizing decorators `lru_cache` and
/// `cache` (with CPython's keys, hit counts and least-recently-used eviction, so
/// `cache_info()` reads as CPython's).
enum FunctoolsModule {
    static let functions: Set<String> = ["reduce", "partial", "lru_cache", "cache", "wraps", "update_wrapper", "cmp_to_key"]

    static func attribute(_ name: String, span: Range<Int>) throws(ShellError) -> Value {
        guard functions.contains(name) else {
            throw ShellError("module 'functools' has no attribute '\(name)'", span: span, kind: .attributeError)
        }
        return .builtin(Builtin(name: "functools." + name, receiver: nil))
    }

    static func isCallable(_ v: Value) -> Bool {
        switch v {
        case .closure, .builtin, .type, .function, .dtype: return true
        case .object(let i as PyInstance): return i.cls.find("__call__") != nil
        case .object(let o): return o is PythonCallable
        default: return false
        }
    }

    static func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        switch name {
        case "reduce":
            if !keywords.isEmpty { throw ShellError("reduce() takes no keyword arguments", span: span, kind: .typeError) }
            guard (2...3).contains(args.count) else {
                let bound = args.count < 2 ? "at least 2" : "at most 3"
                throw ShellError("reduce expected \(bound) arguments, got \(args.count)", span: span, kind: .typeError)
            }
            let source: PyIterator
            do { source = try ev.pullIterator(args[1], span) } catch where error.kind == .typeError {
                throw ShellError("reduce() arg 2 must support iteration", span: span, kind: .typeError)
            }
            var total: Value? = args.count == 3 ? args[2] : nil
            while let x = try source.next() {
                if Interrupt.isRequested { throw Interrupt.error }
                if let t = total { total = try ev.callPython(args[0], [t, x], [], span: span) } else { total = x }
            }
            guard let total else {
                throw ShellError("reduce() of empty iterable with no initial value", span: span, kind: .typeError)
            }
            return total
        case "partial":
            guard let f = args.first else { throw ShellError("type 'partial' takes at least one argument", span: span, kind: .typeError) }
            guard isCallable(f) else { throw ShellError("the first argument must be callable", span: span, kind: .typeError) }
            // A partial of a partial flattens, as CPython's does.
            if case .object(let inner as PartialFunction) = f {
                var merged = inner.keywords
                for (k, v) in keywords {
                    if let i = merged.firstIndex(where: { $0.0 == k }) { merged[i].1 = v } else { merged.append((k, v)) }
                }
                return .object(PartialFunction(function: inner.function, arguments: inner.arguments + args.dropFirst(), keywords: merged))
            }
            return .object(PartialFunction(function: f, arguments: Array(args.dropFirst()), keywords: keywords))
        case "wraps":
            // `@wraps(f)` is `update_wrapper` with f: a decorator copying f's names onto the wrapper.
            let a = try PythonSignature(name: "wraps", parameters: ["wrapped", "assigned", "updated"], required: 1).bind(args, keywords, span)
            let wrapped = a[0] ?? .none
            return .object(NativeMethod("update_wrapper", of: "functools") { (args, keywords, span, ev) throws(ShellError) -> Value in
                let w = try PythonSignature(name: "update_wrapper", parameters: ["wrapper"], required: 1).bind(args, keywords, span)
                return try updateWrapper(w[0] ?? .none, wrapped, span, ev)
            })
        case "update_wrapper":
            let a = try PythonSignature(name: "update_wrapper", parameters: ["wrapper", "wrapped", "assigned", "updated"], required: 2).bind(args, keywords, span)
            return try updateWrapper(a[0] ?? .none, a[1] ?? .none, span, ev)
        case "cmp_to_key":
            let a = try PythonSignature(name: "cmp_to_key", parameters: ["mycmp"], required: 1).bind(args, keywords, span)
            let cmp = a[0] ?? .none
            return .object(NativeMethod("K", of: "functools") { (args, keywords, span, _) throws(ShellError) -> Value in
                let k = try PythonSignature(name: "K", parameters: ["obj"], required: 1).bind(args, keywords, span)
                return .object(ComparisonKey(compare: cmp, item: k[0] ?? .none))
            })
        case "cache":
            let a = try PythonSignature(name: "cache", parameters: ["user_function"], required: 1).bind(args, keywords, span)
            return .object(CachedFunction(function: a[0] ?? .none, maxsize: nil, typed: false))
        case "lru_cache":
            let a = try PythonSignature(name: "lru_cache", parameters: ["maxsize", "typed"], required: 0).bind(args, keywords, span)
            let typed = try a[1].map { (v) throws(ShellError) -> Bool in try ev.truth(v, span) } ?? false
            let first = a[0] ?? .int(128)
            switch first {
            case .none: return .object(CacheDecorator(maxsize: nil, typed: typed))
            case .int(let n): return .object(CacheDecorator(maxsize: max(0, n), typed: typed))
            case .bool(let b): return .object(CacheDecorator(maxsize: b ? 1 : 0, typed: typed))
            default:
                guard isCallable(first) else {
                    throw ShellError("Expected first argument to be an integer, a callable, or None", span: span, kind: .typeError)
                }
                return .object(CachedFunction(function: first, maxsize: 128, typed: typed))
            }
        default:
            throw ShellError("module 'functools' has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }
}

/// `functools.partial(f, *args, **keywords)`: calls `f` with the stored arguments first and
/// the stored keywords overridden by the call's.
final class PartialFunction: ShellObject, PythonCallable, ReprObject, ThrowingAttributes, HashableObject, @unchecked Sendable {
    let function: Value
    let arguments: [Value]
    let keywords: [(String, Value)]

    init(function: Value, arguments: [Value], keywords: [(String, Value)]) {
        self.function = function
        self.arguments = arguments
        self.keywords = keywords
    }

    var kind: String { "functools.partial" }
    var summary: String { reprText }
    var detail: String { reprText }
    var hashIdentity: String { "partial:\(ObjectIdentifier(self).hashValue)" }
    var reprText: String {
        let parts = [ValueFormatter.repr(function)] + arguments.map(ValueFormatter.repr) + keywords.map { "\($0.0)=\(ValueFormatter.repr($0.1))" }
        return "functools.partial(" + parts.joined(separator: ", ") + ")"
    }
    var attributeNames: [String] { ["args", "func", "keywords"] }

    func lookup(_ name: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        switch name {
        case "func": return function
        case "args": return .tuple(arguments)
        case "keywords":
            let d = PyDict()
            for (k, v) in keywords { d.set(.string(k), .string(k), v) }
            return .dict(d)
        default:
            throw ShellError("'functools.partial' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }

    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        var merged = self.keywords
        for (k, v) in keywords {
            if let i = merged.firstIndex(where: { $0.0 == k }) { merged[i].1 = v } else { merged.append((k, v)) }
        }
        return try ev.callPython(function, arguments + positional, merged, span: span)
    }
}

/// What `lru_cache(maxsize=…)` returns: the decorator that wraps a function in a cache.
struct CacheDecorator: ShellObject, PythonCallable, ReprObject {
    let maxsize: Int?
    let typed: Bool

    var kind: String { "function" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<function lru_cache.<locals>.decorating_function>" }

    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        let a = try PythonSignature(name: "decorating_function", parameters: ["user_function"], required: 1).bind(positional, keywords, span)
        return .object(CachedFunction(function: a[0] ?? .none, maxsize: maxsize, typed: typed))
    }
}

/// A function wrapped by `lru_cache`/`cache`: results kept by CPython's key (one exact int or
/// str argument is its own key; otherwise the arguments' tuple, keywords after a marker, and
/// with `typed=True` their types), the least recently used dropped past `maxsize`.
final class CachedFunction: ShellObject, PythonCallable, ReprObject, ThrowingAttributes, HashableObject, @unchecked Sendable {
    let function: Value
    let maxsize: Int?
    let typed: Bool
    private var results: [HashKey: Value] = [:]
    /// Keys from least to most recently used (kept only when `maxsize` bounds the cache).
    private var order: [HashKey] = []
    private var hits = 0
    private var misses = 0

    init(function: Value, maxsize: Int?, typed: Bool) {
        self.function = function
        self.maxsize = maxsize
        self.typed = typed
    }

    var kind: String { "functools._lru_cache_wrapper" }
    var summary: String { reprText }
    var detail: String { reprText }
    var hashIdentity: String { "lru:\(ObjectIdentifier(self).hashValue)" }
    var reprText: String { "<functools._lru_cache_wrapper object>" }
    var attributeNames: [String] { ["cache_clear", "cache_info", "__wrapped__"] }

    func lookup(_ name: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        switch name {
        case "cache_info": return .object(CacheMethod(owner: self, clear: false))
        case "cache_clear": return .object(CacheMethod(owner: self, clear: true))
        case "__wrapped__": return function
        case "__name__":
            if case .closure(let f) = function { return .string(f.name) }
            fallthrough
        default:
            throw ShellError("'functools._lru_cache_wrapper' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }

    var info: Value {
        .object(NamedRecord(typeName: "CacheInfo", fields: [
            ("hits", .int(hits)), ("misses", .int(misses)), ("maxsize", maxsize.map { .int($0) } ?? .none), ("currsize", .int(results.count)),
        ]))
    }

    func clear() {
        results = [:]
        order = []
        hits = 0
        misses = 0
    }

    private func key(_ positional: [Value], _ keywords: [(String, Value)], _ span: Range<Int>) throws(ShellError) -> HashKey {
        if keywords.isEmpty, positional.count == 1, !typed {
            switch positional[0] {
            case .int, .bigint, .string: return try HashKey.of(positional[0], span: span)
            default: break
            }
        }
        var parts: [HashKey] = []
        for a in positional { parts.append(try HashKey.of(a, span: span)) }
        if !keywords.isEmpty {
            parts.append(.other("lru_cache keyword mark"))
            for (k, v) in keywords {
                parts.append(.string(k))
                parts.append(try HashKey.of(v, span: span))
            }
        }
        if typed {
            for a in positional { parts.append(.type(a.typeName)) }
            for (_, v) in keywords { parts.append(.type(v.typeName)) }
        }
        return .tuple(parts)
    }

    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        if maxsize == 0 {
            misses += 1
            return try ev.callPython(function, positional, keywords, span: span)
        }
        let k = try key(positional, keywords, span)
        if let v = results[k] {
            hits += 1
            if maxsize != nil, let i = order.firstIndex(of: k) {
                order.remove(at: i)
                order.append(k)
            }
            return v
        }
        misses += 1
        let v = try ev.callPython(function, positional, keywords, span: span)
        // A recursive call may have stored the same key meanwhile (CPython keeps that one).
        if results[k] != nil { return v }
        results[k] = v
        if let maxsize {
            order.append(k)
            if results.count > maxsize, let oldest = order.first {
                order.removeFirst()
                results[oldest] = nil
            }
        }
        return v
    }
}

/// `f.cache_info` and `f.cache_clear` of a cached function.
struct CacheMethod: ShellObject, PythonCallable, ReprObject {
    let owner: CachedFunction
    let clear: Bool

    var kind: String { "builtin_function_or_method" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<built-in method \(clear ? "cache_clear" : "cache_info") of functools._lru_cache_wrapper object>" }

    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        let name = clear ? "cache_clear" : "cache_info"
        if !keywords.isEmpty { throw ShellError("_lru_cache_wrapper.\(name)() takes no keyword arguments", span: span, kind: .typeError) }
        if !positional.isEmpty {
            throw ShellError("_lru_cache_wrapper.\(name)() takes no arguments (\(positional.count) given)", span: span, kind: .typeError)
        }
        if clear {
            owner.clear()
            return .none
        }
        return owner.info
    }
}

/// A read-only record shown as a namedtuple is (`CacheInfo(hits=1, misses=2, …)`), with its
/// fields as attributes, by index, and iterable.
struct NamedRecord: ShellObject, ReprObject, ThrowingAttributes {
    let typeName: String
    let fields: [(String, Value)]

    var kind: String { typeName }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { typeName + "(" + fields.map { "\($0.0)=\(ValueFormatter.repr($0.1))" }.joined(separator: ", ") + ")" }
    var attributeNames: [String] { fields.map(\.0) }
    var iterationItems: [Value]? { fields.map(\.1) }

    func lookup(_ name: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        guard let v = fields.first(where: { $0.0 == name })?.1 else {
            throw ShellError("'\(typeName)' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
        return v
    }

    func item(_ key: Value) throws(ShellError) -> Value? {
        guard case .int(let i) = key else { return nil }
        let j = i < 0 ? i + fields.count : i
        guard fields.indices.contains(j) else { throw ShellError("tuple index out of range", kind: .indexError) }
        return fields[j].1
    }
}

extension FunctoolsModule {
    /// `functools.update_wrapper(wrapper, wrapped)`: the wrapper takes the wrapped function's
    /// `__module__`, `__name__`, `__qualname__`, `__doc__` and attributes, and `__wrapped__`
    /// points at it, as CPython's does; names the wrapped object lacks are skipped.
    static func updateWrapper(_ wrapper: Value, _ wrapped: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
            guard let v = try? ev.attribute(wrapped, name, span) else { continue }
            _ = try ClassRuntime.setAttribute(wrapper, name, v, span, ev)
        }
        if case .closure(let f) = wrapped, f.hasAttributes, case .closure(let w) = wrapper {
            let into = w.touchAttributes()
            for (k, v) in zip(f.attributes.keys, f.attributes.values) {
                if case .string(let n) = k { ClassRuntime.journaledSet(into, n, v) }
            }
        }
        _ = try ClassRuntime.setAttribute(wrapper, "__wrapped__", wrapped, span, ev)
        return wrapper
    }
}

/// What `functools.cmp_to_key(mycmp)(x)` makes: a key that orders by calling `mycmp` on the
/// items it wraps (`sorted(words, key=cmp_to_key(compare))`).
final class ComparisonKey: ShellObject, @unchecked Sendable {
    let compare: Value
    let item: Value

    init(compare: Value, item: Value) {
        self.compare = compare
        self.item = item
    }

    var kind: String { "functools.KeyWrapper" }
    var summary: String { "<functools.KeyWrapper object>" }
    var detail: String { summary }

    /// `mycmp(a, b)` against 0: the order of two keys, -1, 0 or 1.
    static func order(_ a: Value, _ b: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Int? {
        guard case .object(let x as ComparisonKey) = a else { return nil }
        guard case .object(let y as ComparisonKey) = b else {
            throw ShellError("other argument must be K instance", span: span, kind: .typeError)
        }
        let r = try ev.callPython(x.compare, [x.item, y.item], [], span: span)
        if try ev.truth(try ev.operate("<", r, .int(0), span), span) { return -1 }
        if try ev.truth(try ev.operate(">", r, .int(0), span), span) { return 1 }
        return 0
    }
}
