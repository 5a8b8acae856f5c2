import Tensor

/// A shell object whose `len`, truth and iteration are its items (a deque, a named tuple).
protocol PythonSized {
    var sizedItems: [Value] { get }
}

/// A method of a native object bound to it (`q.append`, `p._asdict`): called like a function.
final class NativeMethod: ShellObject, PythonCallable, ReprObject, @unchecked Sendable {
    let name: String
    let ownerType: String
    let body: ([Value], [(String, Value)], Range<Int>, Evaluator) throws(ShellError) -> Value

    init(_ name: String, of ownerType: String, _ body: @escaping ([Value], [(String, Value)], Range<Int>, Evaluator) throws(ShellError) -> Value) {
        self.name = name
        self.ownerType = ownerType
        self.body = body
    }

    var kind: String { "builtin_function_or_method" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<built-in method \(name) of \(ownerType) object>" }

    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        try body(positional, keywords, span, evaluator)
    }
}

/// `collections.deque`: a double-ended queue, appends and pops at both ends in constant time
/// (the items sit in an array with free room kept before the first), optionally bounded by
/// `maxlen` (adding at one end then drops from the other, as CPython's does).
final class PyDeque: ShellObject, ReprObject, ThrowingAttributes, PythonSized, @unchecked Sendable {
    private var storage: [Value] = []
    private var head = 0
    let maxlen: Int?

    init(_ items: [Value], maxlen: Int?) {
        self.maxlen = maxlen
        if let maxlen, items.count > maxlen { storage = Array(items.suffix(maxlen)) } else { storage = items }
    }

    static func make(_ args: [Value], _ keywords: [(String, Value)], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> PyDeque {
        if args.count > 2 { throw ShellError("deque() takes at most 2 arguments (\(args.count) given)", span: span, kind: .typeError) }
        var iterable = args.first
        var limit = args.count > 1 ? args[1] : nil
        for (k, v) in keywords {
            switch k {
            case "iterable": iterable = v
            case "maxlen": limit = v
            default: throw ShellError("deque() got an unexpected keyword argument '\(k)'", span: span, kind: .typeError)
            }
        }
        var maxlen: Int? = nil
        if let limit, !limit.isNone {
            guard case .int(let n) = limit else { throw ShellError("an integer is required", span: span, kind: .typeError) }
            if n < 0 { throw ShellError("maxlen must be non-negative", span: span, kind: .valueError) }
            maxlen = n
        }
        return PyDeque(try iterable.map { (v) throws(ShellError) -> [Value] in try ev.iterate(v, span) } ?? [], maxlen: maxlen)
    }

    var items: [Value] { Array(storage[head...]) }
    var count: Int { storage.count - head }
    var sizedItems: [Value] { items }
    var iterationItems: [Value]? { items }

    var kind: String { "collections.deque" }
    var summary: String { "deque of \(count) items" }
    var detail: String { reprText }
    var reprText: String {
        let body = "[" + items.map { ValueFormatter.repr($0) }.joined(separator: ", ") + "]"
        return maxlen.map { "deque(\(body), maxlen=\($0))" } ?? "deque(\(body))"
    }

    private func replace(_ new: [Value]) {
        storage = new
        head = 0
    }

    func append(_ v: Value) {
        if maxlen == 0 { return }
        storage.append(v)
        if let maxlen, count > maxlen { popLeft() }
    }

    func appendLeft(_ v: Value) {
        if maxlen == 0 { return }
        if head == 0 {
            // Room before the first item, as much as there are items, so appendleft stays
            // constant time on average.
            let room = max(8, count)
            storage.insert(contentsOf: [Value](repeating: .none, count: room), at: 0)
            head = room
        }
        head -= 1
        storage[head] = v
        if let maxlen, count > maxlen { storage.removeLast() }
    }

    @discardableResult
    func popLeft() -> Value? {
        guard count > 0 else { return nil }
        let v = storage[head]
        storage[head] = .none
        head += 1
        if head > 64, head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return v
    }

    func item(_ key: Value) throws(ShellError) -> Value? {
        let i: Int
        switch key {
        case .int(let n): i = n
        case .bool(let b): i = b ? 1 : 0
        default: throw ShellError("sequence index must be integer, not '\(key.typeName)'", kind: .typeError)
        }
        let j = i < 0 ? i + count : i
        guard j >= 0, j < count else { throw ShellError("deque index out of range", kind: .indexError) }
        return storage[head + j]
    }

    /// `d[i] = v` (or `del d[i]` when `value` is nil), with CPython's index rules and words.
    func setItem(_ key: Value, _ value: Value?, _ span: Range<Int>) throws(ShellError) {
        let i: Int
        switch key {
        case .int(let n): i = n
        case .bool(let b): i = b ? 1 : 0
        default: throw ShellError("sequence index must be integer, not '\(key.typeName)'", span: span, kind: .typeError)
        }
        let j = i < 0 ? i + count : i
        guard j >= 0, j < count else { throw ShellError("deque index out of range", span: span, kind: .indexError) }
        if let value { storage[head + j] = value } else { storage.remove(at: head + j) }
    }

    private func position(of x: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Int? {
        for (i, y) in items.enumerated() {
            if Evaluator.sameObject(x, y) { return i }
            if try ev.truth(try ev.operate("==", y, x, span), span) { return i }
        }
        return nil
    }

    func contains(_ op: String, _ x: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        let found = try position(of: x, span, ev) != nil
        return .bool(op == "in" ? found : !found)
    }

    /// `==`, `+`, `*` and `in` with a deque on the left (nil: not a deque operator).
    func binary(_ op: String, _ r: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value? {
        switch op {
        case "==", "!=":
            var equal = false
            if case .object(let other as PyDeque) = r, other.count == count {
                equal = try ev.truth(try ev.operate("==", .list(items), .list(other.items), span), span)
            }
            return .bool(op == "==" ? equal : !equal)
        case "+":
            guard case .object(let other as PyDeque) = r else {
                throw ShellError("can only concatenate deque (not \"\(r.typeName)\") to deque", span: span, kind: .typeError)
            }
            return .object(PyDeque(items + other.items, maxlen: maxlen))
        case "*":
            guard case .int(let n) = r else { return nil }
            let (total, overflow) = count.multipliedReportingOverflow(by: max(0, n))
            if overflow || total > PythonLimits.maxItems { throw ShellError("deque too large", span: span, kind: .memoryError) }
            return .object(PyDeque(n <= 0 ? [] : Array([[Value]](repeating: items, count: n).joined()), maxlen: maxlen))
        default:
            return nil
        }
    }

    static let methods: Set<String> = [
        "append", "appendleft", "pop", "popleft", "extend", "extendleft", "rotate", "clear", "count", "index",
        "remove", "reverse", "copy", "insert",
    ]
    var attributeNames: [String] { Self.methods.sorted() + ["maxlen"] }

    func lookup(_ name: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        if name == "maxlen" { return maxlen.map { .int($0) } ?? .none }
        guard Self.methods.contains(name) else {
            throw ShellError("'collections.deque' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
        return .object(NativeMethod(name, of: "collections.deque") { [self] (args, keywords, span, ev) throws(ShellError) -> Value in
            try self.call(name, args, keywords, span, ev)
        })
    }

    private func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        if !keywords.isEmpty { throw ShellError("deque.\(name)() takes no keyword arguments", span: span, kind: .typeError) }
        func exactly(_ n: Int) throws(ShellError) {
            guard args.count == n else {
                let what = n == 0 ? "no arguments" : (n == 1 ? "exactly one argument" : "exactly \(n) arguments")
                throw ShellError("deque.\(name)() takes \(what) (\(args.count) given)", span: span, kind: .typeError)
            }
        }
        switch name {
        case "append", "appendleft":
            try exactly(1)
            if name == "append" { append(args[0]) } else { appendLeft(args[0]) }
            return .none
        case "pop", "popleft":
            try exactly(0)
            guard count > 0 else { throw ShellError("pop from an empty deque", span: span, kind: .indexError) }
            if name == "popleft" { return popLeft() ?? .none }
            return storage.removeLast()
        case "extend", "extendleft":
            try exactly(1)
            let it = try ev.pullIterator(args[0], span)
            while let x = try it.next() {
                if name == "extend" { append(x) } else { appendLeft(x) }
            }
            return .none
        case "rotate":
            if args.count > 1 { throw ShellError("rotate expected at most 1 argument, got \(args.count)", span: span, kind: .typeError) }
            var n = 1
            if let a = args.first {
                if case .float = a { throw ShellError("'float' object cannot be interpreted as an integer", span: span, kind: .typeError) }
                if case .string = a { throw ShellError("'str' object cannot be interpreted as an integer", span: span, kind: .typeError) }
                n = try ArgumentBinder.integer(a, span)
            }
            let all = items
            guard all.count > 1 else { return .none }
            let k = ((n % all.count) + all.count) % all.count
            replace(Array(all[(all.count - k)...] + all[..<(all.count - k)]))
            return .none
        case "clear":
            try exactly(0)
            replace([])
            return .none
        case "count":
            try exactly(1)
            var c = 0
            for y in items {
                if Evaluator.sameObject(args[0], y) { c += 1 } else if try ev.truth(try ev.operate("==", y, args[0], span), span) { c += 1 }
            }
            return .int(c)
        case "index":
            guard (1...3).contains(args.count) else {
                throw ShellError("index expected at least 1 argument, got \(args.count)", span: span, kind: .typeError)
            }
            guard let i = try position(of: args[0], span, ev) else {
                throw ShellError("\(ValueFormatter.repr(args[0])) is not in deque", span: span, kind: .valueError)
            }
            return .int(i)
        case "remove":
            try exactly(1)
            guard let i = try position(of: args[0], span, ev) else {
                throw ShellError("\(ValueFormatter.repr(args[0])) is not in deque", span: span, kind: .valueError)
            }
            var all = items
            all.remove(at: i)
            replace(all)
            return .none
        case "reverse":
            try exactly(0)
            replace(items.reversed())
            return .none
        case "copy":
            try exactly(0)
            return .object(PyDeque(items, maxlen: maxlen))
        case "insert":
            guard args.count == 2 else { throw ShellError("insert() takes exactly 2 arguments (\(args.count) given)", span: span, kind: .typeError) }
            if let maxlen, count >= maxlen { throw ShellError("deque already at its maximum size", span: span, kind: .indexError) }
            var i = try ArgumentBinder.integer(args[0], span)
            var all = items
            if i < 0 { i = max(0, i + all.count) }
            all.insert(args[1], at: min(i, all.count))
            replace(all)
            return .none
        default:
            throw ShellError("'collections.deque' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }
}
