import Tensor

/// Python's `itertools`: each function returns a lazy iterator (`PyIterator` with a producer),
/// making its items one at a time as CPython's do, consuming its inputs exactly as far as
/// CPython's (so `islice(it, 2)` on a shared iterator takes two items and no more). The endless
/// ones (`count`, `cycle`, `repeat` without times) stop on Ctrl-C: a loop checks between
/// statements, and `list(count())` is stopped by the producer itself. Argument errors are
/// CPython's, whose words differ from function to function (Argument Clinic's or the older
/// `PyArg_` ones), so each function names its style.
enum ItertoolsModule {
    static let functions: Set<String> = [
        "count", "cycle", "repeat", "accumulate", "chain", "compress", "dropwhile", "takewhile", "filterfalse",
        "groupby", "islice", "starmap", "zip_longest", "product", "permutations", "combinations",
        "combinations_with_replacement", "pairwise", "tee",
    ]

    static func attribute(_ name: String, span: Range<Int>) throws(ShellError) -> Value {
        guard functions.contains(name) else {
            throw ShellError("module 'itertools' has no attribute '\(name)'", span: span, kind: .attributeError)
        }
        return .builtin(Builtin(name: "itertools." + name, receiver: nil))
    }

    // MARK: - Argument styles

    /// Positional-only (`takewhile expected 2 arguments, got 1`).
    private static func positional(_ name: String, _ args: [Value], _ keywords: [(String, Value)], _ n: ClosedRange<Int>, _ span: Range<Int>) throws(ShellError) {
        if !keywords.isEmpty { throw ShellError("\(name)() takes no keyword arguments", span: span, kind: .typeError) }
        guard n.contains(args.count) else {
            let what: String
            if n.lowerBound == n.upperBound { what = "\(n.lowerBound) argument\(n.lowerBound == 1 ? "" : "s")" }
            else if args.count < n.lowerBound { what = "at least \(n.lowerBound) arguments" }
            else { what = "at most \(n.upperBound) arguments" }
            throw ShellError("\(name) expected \(what), got \(args.count)", span: span, kind: .typeError)
        }
    }

    /// Argument Clinic's (`combinations() missing required argument 'r' (pos 2)`).
    private static func clinic(_ name: String, _ args: [Value], _ keywords: [(String, Value)], _ parameters: [String], required: Int,
                               keywordOnly: [String] = [], positionalWord: String = "arguments", _ span: Range<Int>) throws(ShellError) -> [Value?] {
        if args.count > parameters.count {
            throw ShellError("\(name)() takes at most \(parameters.count) \(positionalWord) (\(args.count) given)", span: span, kind: .typeError)
        }
        var bound = [Value?](repeating: nil, count: parameters.count + keywordOnly.count)
        for (i, a) in args.enumerated() { bound[i] = a }
        for (k, v) in keywords {
            if let i = parameters.firstIndex(of: k) {
                if bound[i] != nil {
                    throw ShellError("argument for \(name)() given by name ('\(k)') and position (\(i + 1))", span: span, kind: .typeError)
                }
                bound[i] = v
            } else if let j = keywordOnly.firstIndex(of: k) {
                bound[parameters.count + j] = v
            } else if required > 0, bound[0] == nil {
                break
            } else {
                throw ShellError("'\(k)' is an invalid keyword argument for \(name)()", span: span, kind: .typeError)
            }
        }
        for i in 0..<required where bound[i] == nil {
            throw ShellError("\(name)() missing required argument '\(parameters[i])' (pos \(i + 1))", span: span, kind: .typeError)
        }
        return bound
    }

    /// An index argument (`'str' object cannot be interpreted as an integer`).
    private static func integer(_ v: Value, _ span: Range<Int>) throws(ShellError) -> Int {
        if case .float = v { throw ShellError("'float' object cannot be interpreted as an integer", span: span, kind: .typeError) }
        do { return try ArgumentBinder.integer(v, span) } catch where error.kind == nil {
            throw ShellError("'\(v.typeName)' object cannot be interpreted as an integer", span: span, kind: .typeError)
        }
    }

    /// Ctrl-C (the session's interrupt check) stops an endless or huge iterator between items.
    private static func interruptible(_ ev: Evaluator? = Evaluator.current) throws(ShellError) {
        if Interrupt.isRequested || ev?.interpreter.options.isInterrupted() == true { throw Interrupt.error }
    }

    private static func iterator(_ kind: String, _ producer: @escaping () throws(ShellError) -> Value?) -> Value {
        .iterator(PyIterator(kind: "itertools." + kind, producer: producer))
    }

    // MARK: - Calls

    static func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        weak let weakEvaluator = ev
        /// The evaluator running now (a producer may run long after this call's statement).
        func current() -> Evaluator? { Evaluator.current ?? weakEvaluator }
        func call(_ f: Value, _ a: [Value]) throws(ShellError) -> Value {
            guard let ev = current() else { return .none }
            return try ev.callPython(f, a, [], span: span)
        }
        func truth(_ v: Value) throws(ShellError) -> Bool {
            guard let ev = current() else { return false }
            return try ev.truth(v, span)
        }
        func equal(_ a: Value, _ b: Value) throws(ShellError) -> Bool {
            guard let ev = current() else { return false }
            if let e = try ev.pyEquals(a, b) { return e }
            return try ev.truth(try ev.binary("==", a, b, span), span)
        }
        func add(_ a: Value, _ b: Value) throws(ShellError) -> Value {
            guard let ev = current() else { return .none }
            return try ev.operate("+", a, b, span)
        }
        func pull(_ v: Value) throws(ShellError) -> PyIterator { try ev.pullIterator(v, span) }
        /// `pull` for a producer: never holds the evaluator (it holds the statement's output,
        /// which must not outlive the statement; see PyGenerator).
        let lazyPull: (Value) throws(ShellError) -> PyIterator = { (v) throws(ShellError) -> PyIterator in
            guard let ev = current() else { throw ShellError("no statement is running", span: span) }
            return try ev.pullIterator(v, span)
        }

        switch name {
        case "count":
            let a = try clinic("count", args, keywords, ["start", "step"], required: 0, span)
            let start = a[0] ?? .int(0), step = a[1] ?? .int(1)
            for v in [start, step] {
                switch v {
                case .int, .bigint, .float, .bool: break
                default: throw ShellError("a number is required", span: span, kind: .typeError)
                }
            }
            var next = start
            return iterator("count") { () throws(ShellError) -> Value? in
                try interruptible(current())
                let v = next
                next = try add(next, step)
                return v
            }
        case "cycle":
            try positional("cycle", args, keywords, 1...1, span)
            let source = try pull(args[0])
            var saved: [Value] = []
            var sourceDone = false
            var i = 0
            return iterator("cycle") { () throws(ShellError) -> Value? in
                try interruptible(current())
                if !sourceDone {
                    if let v = try source.next() {
                        saved.append(v)
                        return v
                    }
                    sourceDone = true
                }
                guard !saved.isEmpty else { return nil }
                defer { i = (i + 1) % saved.count }
                return saved[i]
            }
        case "repeat":
            let a = try clinic("repeat", args, keywords, ["object", "times"], required: 1, span)
            let object = a[0] ?? .none
            var left: Int? = try a[1].map { (t) throws(ShellError) -> Int in max(0, try integer(t, span)) }
            return iterator("repeat") { () throws(ShellError) -> Value? in
                try interruptible(current())
                if let l = left {
                    if l <= 0 { return nil }
                    left = l - 1
                }
                return object
            }
        case "accumulate":
            let a = try clinic("accumulate", args, keywords, ["iterable", "func"], required: 1, keywordOnly: ["initial"],
                               positionalWord: "positional arguments", span)
            let source = try pull(a[0] ?? .none)
            let function = a[1].flatMap { $0.isNone ? nil : $0 }
            var total: Value? = a[2].flatMap { $0.isNone ? nil : $0 }
            var initialPending = total != nil
            return iterator("accumulate") { () throws(ShellError) -> Value? in
                if initialPending {
                    initialPending = false
                    return total
                }
                guard let x = try source.next() else { return nil }
                if let t = total {
                    if let f = function { total = try call(f, [t, x]) } else { total = try add(t, x) }
                } else {
                    total = x
                }
                return total
            }
        case "chain":
            if !keywords.isEmpty { throw ShellError("chain() takes no keyword arguments", span: span, kind: .typeError) }
            return chain(PyIterator(args, kind: "tuple_iterator"), pull: lazyPull)
        case "chain.from_iterable":
            if !keywords.isEmpty { throw ShellError("chain.from_iterable() takes no keyword arguments", span: span, kind: .typeError) }
            guard args.count == 1 else {
                throw ShellError("chain.from_iterable() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            return chain(try pull(args[0]), pull: lazyPull)
        case "compress":
            let a = try clinic("compress", args, keywords, ["data", "selectors"], required: 2, span)
            let data = try pull(a[0] ?? .none), selectors = try pull(a[1] ?? .none)
            return iterator("compress") { () throws(ShellError) -> Value? in
                while true {
                    guard let d = try data.next(), let s = try selectors.next() else { return nil }
                    if try truth(s) { return d }
                }
            }
        case "dropwhile", "takewhile", "filterfalse":
            try positional(name, args, keywords, 2...2, span)
            let predicate = args[0]
            let source = try pull(args[1])
            var dropping = true
            var taking = true
            return iterator(name) { () throws(ShellError) -> Value? in
                while let x = try source.next() {
                    switch name {
                    case "dropwhile":
                        if dropping, try truth(try call(predicate, [x])) { continue }
                        dropping = false
                        return x
                    case "takewhile":
                        guard taking else { return nil }
                        if try truth(try call(predicate, [x])) { return x }
                        taking = false
                        return nil
                    default:
                        let keep = predicate.isNone ? try truth(x) : try truth(try call(predicate, [x]))
                        if !keep { return x }
                    }
                }
                return nil
            }
        case "groupby":
            let a = try clinic("groupby", args, keywords, ["iterable", "key"], required: 1, span)
            return try GroupBy(source: try pull(a[0] ?? .none), key: a[1].flatMap { $0.isNone ? nil : $0 }, call: call, equal: equal).value()
        case "islice":
            try positional("islice", args, keywords, 2...4, span)
            return try islice(try pull(args[0]), Array(args.dropFirst()), span)
        case "starmap":
            try positional("starmap", args, keywords, 2...2, span)
            let function = args[0]
            let source = try pull(args[1])
            return iterator("starmap") { () throws(ShellError) -> Value? in
                guard let x = try source.next(), let ev = current() else { return nil }
                return try ev.callPython(function, try ev.iterate(x, span), [], span: span)
            }
        case "zip_longest":
            var fill: Value = .none
            for (k, v) in keywords {
                guard k == "fillvalue" else {
                    throw ShellError("zip_longest() got an unexpected keyword argument", span: span, kind: .typeError)
                }
                fill = v
            }
            var sources: [PyIterator?] = []
            for x in args { sources.append(try pull(x)) }
            var active = sources.count
            return iterator("zip_longest") { () throws(ShellError) -> Value? in
                guard active > 0 else { return nil }
                var row: [Value] = []
                for i in sources.indices {
                    if let s = sources[i], let v = try s.next() {
                        row.append(v)
                        continue
                    }
                    if sources[i] != nil {
                        sources[i] = nil
                        active -= 1
                        if active == 0 { return nil }
                    }
                    row.append(fill)
                }
                return .tuple(row)
            }
        case "tee":
            // n iterators over one source: each item is pulled from the source once, by the
            // iterator that gets to it first, and kept until every iterator has passed it.
            try positional("tee", args, keywords, 1...2, span)
            var n = 2
            if args.count == 2 { n = try integer(args[1], span) }
            if n < 0 { throw ShellError("n must be >= 0", span: span, kind: .valueError) }
            let source = try pull(args[0])
            if n > PythonLimits.maxItems { throw ShellError("tee() with n=\(n) is too large", span: span, kind: .memoryError) }
            let shared = TeeBuffer(source, count: n)
            return .tuple((0..<n).map { (k) -> Value in
                let it = PyIterator(kind: "itertools._tee") { () throws(ShellError) -> Value? in try shared.next(for: k) }
                return .iterator(it)
            })
        case "pairwise":
            try positional("pairwise", args, keywords, 1...1, span)
            let source = try pull(args[0])
            var previous: Value? = nil
            return iterator("pairwise") { () throws(ShellError) -> Value? in
                if previous == nil {
                    guard let first = try source.next() else { return nil }
                    previous = first
                }
                guard let p = previous, let x = try source.next() else { return nil }
                previous = x
                return .tuple([p, x])
            }
        case "product":
            var repeatCount = 1
            for (k, v) in keywords {
                guard k == "repeat" else {
                    throw ShellError("'\(k)' is an invalid keyword argument for product()", span: span, kind: .typeError)
                }
                repeatCount = try integer(v, span)
                if repeatCount < 0 { throw ShellError("repeat argument cannot be negative", span: span, kind: .valueError) }
            }
            var pools: [[Value]] = []
            for x in args { pools.append(try ev.iterate(x, span)) }
            if repeatCount > 0, repeatCount > 10_000 / max(1, pools.count) {
                throw ShellError("product() with repeat=\(repeatCount) is too large", span: span, kind: .memoryError)
            }
            let all = repeatCount == 0 ? [] : Array([[[Value]]](repeating: pools, count: repeatCount).joined())
            return product(all)
        case "permutations":
            let a = try clinic("permutations", args, keywords, ["iterable", "r"], required: 1, span)
            let pool = try ev.iterate(a[0] ?? .none, span)
            var r = pool.count
            if let rv = a[1], !rv.isNone {
                guard case .int(let i) = rv else { throw ShellError("Expected int as r", span: span, kind: .typeError) }
                r = i
            }
            if r < 0 { throw ShellError("r must be non-negative", span: span, kind: .valueError) }
            return permutations(pool, r)
        case "combinations", "combinations_with_replacement":
            let a = try clinic(name, args, keywords, ["iterable", "r"], required: 2, span)
            let pool = try ev.iterate(a[0] ?? .none, span)
            let r = try integer(a[1] ?? .none, span)
            if r < 0 { throw ShellError("r must be non-negative", span: span, kind: .valueError) }
            return combinations(pool, r, replacement: name == "combinations_with_replacement")
        default:
            throw ShellError("module 'itertools' has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }

    // MARK: - The iterators with state of their own

    private static func chain(_ sources: PyIterator, pull: @escaping (Value) throws(ShellError) -> PyIterator) -> Value {
        var active: PyIterator? = nil
        return iterator("chain") { () throws(ShellError) -> Value? in
            while true {
                if let a = active, let v = try a.next() { return v }
                guard let nextSource = try sources.next() else { return nil }
                active = try pull(nextSource)
            }
        }
    }

    /// CPython's islice: skips to `start`, yields every `step`-th item, and stops at `stop`
    /// without reading past it.
    private static func islice(_ source: PyIterator, _ args: [Value], _ span: Range<Int>) throws(ShellError) -> Value {
        let stopMessage = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        let indexMessage = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        func index(_ v: Value, _ message: String) throws(ShellError) -> Int? {
            switch v {
            case .none: return nil
            case .int(let i) where i >= 0: return i
            case .bool(let b): return b ? 1 : 0
            default: throw ShellError(message, span: span, kind: .valueError)
            }
        }
        var start = 0, step = 1
        let stop: Int?
        if args.count == 1 {
            stop = try index(args[0], stopMessage)
        } else {
            start = try index(args[0], indexMessage) ?? 0
            stop = try index(args[1], stopMessage)
            if args.count == 3 {
                if case .none = args[2] {} else {
                    guard case .int(let s) = args[2], s > 0 else {
                        throw ShellError("Step for islice() must be a positive integer or None.", span: span, kind: .valueError)
                    }
                    step = s
                }
            }
        }
        var count = 0
        var next = start
        var done = false
        return iterator("islice") { () throws(ShellError) -> Value? in
            guard !done else { return nil }
            while count < next {
                guard try source.next() != nil else { done = true; return nil }
                count += 1
            }
            if let stop, count >= stop { done = true; return nil }
            guard let item = try source.next() else { done = true; return nil }
            count += 1
            let (n, overflow) = next.addingReportingOverflow(step)
            next = overflow ? (stop ?? Int.max) : n
            if let stop, next > stop { next = stop }
            return item
        }
    }

    /// The odometer over the pools, last pool fastest.
    private static func product(_ pools: [[Value]]) -> Value {
        var indices = [Int](repeating: 0, count: pools.count)
        var done = pools.contains { $0.isEmpty }
        var first = true
        return iterator("product") { () throws(ShellError) -> Value? in
            try interruptible()
            guard !done else { return nil }
            if first {
                first = false
            } else {
                var i = pools.count - 1
                while i >= 0 {
                    indices[i] += 1
                    if indices[i] < pools[i].count { break }
                    indices[i] = 0
                    i -= 1
                }
                if i < 0 { done = true; return nil }
            }
            return .tuple(indices.enumerated().map { pools[$0.offset][$0.element] })
        }
    }

    /// CPython's permutations (the cycles algorithm of its documentation): lexicographic in
    /// the positions of the pool.
    private static func permutations(_ pool: [Value], _ r: Int) -> Value {
        let n = pool.count
        var indices = Array(0..<n)
        var cycles = Array(stride(from: n, to: n - r, by: -1))
        var done = r > n
        var first = true
        return iterator("permutations") { () throws(ShellError) -> Value? in
            try interruptible()
            guard !done else { return nil }
            if first {
                first = false
                return .tuple(indices.prefix(r).map { pool[$0] })
            }
            var i = r - 1
            while i >= 0 {
                cycles[i] -= 1
                if cycles[i] == 0 {
                    let moved = indices.remove(at: i)
                    indices.append(moved)
                    cycles[i] = n - i
                } else {
                    let j = cycles[i]
                    indices.swapAt(i, n - j)
                    return .tuple(indices.prefix(r).map { pool[$0] })
                }
                i -= 1
            }
            done = true
            return nil
        }
    }

    /// CPython's combinations and combinations_with_replacement: index tuples in
    /// lexicographic order.
    private static func combinations(_ pool: [Value], _ r: Int, replacement: Bool) -> Value {
        let n = pool.count
        var indices = replacement ? [Int](repeating: 0, count: r) : Array(0..<r)
        var done = replacement ? (n == 0 && r > 0) : r > n
        var first = true
        return iterator(replacement ? "combinations_with_replacement" : "combinations") { () throws(ShellError) -> Value? in
            try interruptible()
            guard !done else { return nil }
            if first {
                first = false
                return .tuple(indices.map { pool[$0] })
            }
            var i = r - 1
            if replacement {
                while i >= 0, indices[i] == n - 1 { i -= 1 }
                if i < 0 { done = true; return nil }
                let v = indices[i] + 1
                for j in i..<r { indices[j] = v }
            } else {
                while i >= 0, indices[i] == i + n - r { i -= 1 }
                if i < 0 { done = true; return nil }
                indices[i] += 1
                for j in (i + 1)..<max(i + 1, r) { indices[j] = indices[j - 1] + 1 }
            }
            return .tuple(indices.map { pool[$0] })
        }
    }
}

/// `itertools.groupby`: CPython's algorithm, in which the groups share the one source
/// iterator, so moving to the next key ends the group before it (as CPython's `_grouper`),
/// and a group reads its next item only when asked.
final class GroupBy: @unchecked Sendable {
    let source: PyIterator
    let key: Value?
    let call: (Value, [Value]) throws(ShellError) -> Value
    let equal: (Value, Value) throws(ShellError) -> Bool
    /// CPython's `tgtkey`, `currkey` and `currvalue` (nil where CPython's pointer is NULL).
    var targetKey: Value?
    var currentKey: Value?
    var currentValue: Value?
    /// Which group iterator is current (0: none); a group stops once it is not.
    var currentGroup = 0
    var groupsMade = 0

    init(source: PyIterator, key: Value?, call: @escaping (Value, [Value]) throws(ShellError) -> Value,
         equal: @escaping (Value, Value) throws(ShellError) -> Bool) {
        self.source = source
        self.key = key
        self.call = call
        self.equal = equal
    }

    /// `groupby_step`: reads the next item and its key (false at the end of the source).
    private func step() throws(ShellError) -> Bool {
        guard let v = try source.next() else { return false }
        let k = try key.map { (f) throws(ShellError) -> Value in try call(f, [v]) } ?? v
        currentValue = v
        currentKey = k
        return true
    }

    func value() throws(ShellError) -> Value {
        .iterator(PyIterator(kind: "itertools.groupby") { () throws(ShellError) -> Value? in try self.next() })
    }

    private func next() throws(ShellError) -> Value? {
        currentGroup = 0
        while true {
            if let c = currentKey {
                guard let t = targetKey else { break }
                if try !equal(t, c) { break }
            }
            guard try step() else { return nil }
        }
        targetKey = currentKey
        guard let target = targetKey else { return nil }
        groupsMade += 1
        let mine = groupsMade
        currentGroup = mine
        let group = PyIterator(kind: "itertools._grouper") { [self] () throws(ShellError) -> Value? in
            guard currentGroup == mine else { return nil }
            if currentValue == nil { guard try step() else { return nil } }
            guard let c = currentKey, try equal(target, c) else { return nil }
            let v = currentValue
            currentValue = nil
            return v
        }
        return .tuple([target, .iterator(group)])
    }
}

/// The items `itertools.tee`'s iterators share: what the source gave that some iterator has
/// not read yet.
final class TeeBuffer: @unchecked Sendable {
    private let source: PyIterator
    private var items: [Value] = []
    /// The index in the whole stream of `items[0]`.
    private var first = 0
    private var positions: [Int]
    private var ended = false

    init(_ source: PyIterator, count: Int) {
        self.source = source
        positions = [Int](repeating: 0, count: count)
    }

    func next(for k: Int) throws(ShellError) -> Value? {
        let p = positions[k]
        if p - first >= items.count {
            if ended { return nil }
            guard let v = try source.next() else {
                ended = true
                return nil
            }
            items.append(v)
        }
        let v = items[p - first]
        positions[k] = p + 1
        // Items every iterator has read are dropped.
        let lowest = positions.min() ?? 0
        if lowest > first {
            items.removeFirst(lowest - first)
            first = lowest
        }
        return v
    }
}
