import Tensor

/// Which of `collections`' dict subclasses a `PyDict` is. They stay `Value.dict`, so every dict
/// operation (items, `in`, `len`, iteration, `**`, methods) works on them unchanged; the
/// flavour adds what the subclass changes: a missing key (`Counter` answers 0, `defaultdict`
/// calls its factory), the repr, the class name, and the subclass's own methods and operators.
enum DictFlavour {
    case plain
    case counter
    case defaultDict(factory: Value)
    case ordered

    var isPlain: Bool {
        if case .plain = self { return true }
        return false
    }

    var isCounter: Bool {
        if case .counter = self { return true }
        return false
    }

    /// The name CPython's messages use (`'Counter' object has no attribute …`).
    var typeName: String {
        switch self {
        case .plain: return "dict"
        case .counter: return "Counter"
        case .defaultDict: return "collections.defaultdict"
        case .ordered: return "collections.OrderedDict"
        }
    }

    /// The class `type(d)` shows (`<class 'collections.Counter'>`).
    var className: String {
        switch self {
        case .plain: return "dict"
        case .counter: return "collections.Counter"
        case .defaultDict: return "collections.defaultdict"
        case .ordered: return "collections.OrderedDict"
        }
    }
}

/// Python's `collections`: `Counter`, `defaultdict` and `OrderedDict` as flavoured dicts,
/// `deque` (PyDeque) and `namedtuple` (NamedTuple.swift).
enum CollectionsModule {
    static let classes: Set<String> = ["Counter", "defaultdict", "OrderedDict", "deque"]

    static func attribute(_ name: String, span: Range<Int>) throws(ShellError) -> Value {
        if classes.contains(name) { return .type("collections." + name) }
        if name == "namedtuple" { return .builtin(Builtin(name: "collections.namedtuple", receiver: nil)) }
        throw ShellError("module 'collections' has no attribute '\(name)'", span: span, kind: .attributeError)
    }

    /// The class `type(v)` and `isinstance` see, where it is not the type name.
    static func className(_ v: Value) -> String? {
        switch v {
        case .dict(let d) where !d.flavour.isPlain: return d.flavour.className
        default: return nil
        }
    }

    static func isSubclass(_ actual: String, of cls: String) -> Bool {
        cls == "dict" && ["collections.Counter", "collections.defaultdict", "collections.OrderedDict"].contains(actual)
    }

    // MARK: - Construction

    static func construct(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        switch name {
        case "collections.Counter":
            if args.count > 1 { throw ShellError("expected at most 1 argument, got \(args.count)", span: span, kind: .typeError) }
            let d = PyDict(flavour: .counter)
            try counterUpdate(d, args.first, keywords, sign: 1, span, ev)
            return .dict(d)
        case "collections.defaultdict":
            let factory = args.first ?? .none
            if !factory.isNone && !FunctoolsModule.isCallable(factory) {
                throw ShellError("first argument must be callable or None", span: span, kind: .typeError)
            }
            let d = PyDict(flavour: .defaultDict(factory: factory))
            try fill(d, Array(args.dropFirst()), keywords, "defaultdict", span, ev)
            return .dict(d)
        case "collections.OrderedDict":
            let d = PyDict(flavour: .ordered)
            try fill(d, args, keywords, "OrderedDict", span, ev)
            return .dict(d)
        case "collections.deque":
            return .object(try PyDeque.make(args, keywords, span, ev))
        default:
            throw ShellError("\(name)() is not supported in rnnsh", span: span, kind: .notImplementedError)
        }
    }

    /// `dict(mapping_or_pairs, **keywords)`'s filling, into a dict of another flavour.
    static func fill(_ d: PyDict, _ args: [Value], _ keywords: [(String, Value)], _ name: String, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) {
        if args.count > 1 { throw ShellError("\(name) expected at most 1 argument, got \(args.count)", span: span, kind: .typeError) }
        if let first = args.first {
            guard case .dict(let plain) = try Builtins.construct("dict", [first], [], span: span, evaluator: ev) else { return }
            for (k, v) in plain.items { try d.set(k, v, span: span) }
        }
        for (k, v) in keywords { d.set(.string(k), .string(k), v) }
    }

    /// `Counter.update` (sign 1) and `Counter.subtract` (sign -1): a mapping's counts, or one
    /// per item of an iterable, added to (or taken from) the counts.
    static func counterUpdate(_ d: PyDict, _ source: Value?, _ keywords: [(String, Value)], sign: Int, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) {
        func add(_ key: Value, _ amount: Value) throws(ShellError) {
            let h = try HashKey.of(key, span: span)
            let current = d.get(h) ?? .int(0)
            d.set(key, h, try ev.operate(sign > 0 ? "+" : "-", current, amount, span))
        }
        if let source, !source.isNone {
            if case .dict(let m) = source {
                for (k, v) in m.items { try add(k, v) }
            } else {
                let it = try ev.pullIterator(source, span)
                var n = 0
                while let x = try it.next() {
                    n += 1
                    if n & 0xFFF == 0, Interrupt.isRequested { throw Interrupt.error }
                    try add(x, .int(1))
                }
            }
        }
        for (k, v) in keywords { try add(.string(k), v) }
    }

    // MARK: - Behaviour of the flavours

    /// `d[key]` for a key `d` lacks: a Counter's 0, a defaultdict's new default (stored), nil
    /// for a plain dict or an OrderedDict (KeyError).
    static func missing(_ d: PyDict, _ key: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value? {
        switch d.flavour {
        case .counter: return .int(0)
        case .defaultDict(let factory):
            if factory.isNone { return nil }
            let v = try ev.callPython(factory, [], [], span: span)
            try d.set(key, v, span: span)
            return v
        default: return nil
        }
    }

    /// The repr of a flavoured dict from its items' texts (`k: v`, or `(k, v)` for an
    /// OrderedDict), in the order it shows them.
    static func repr(_ flavour: DictFlavour, _ parts: [String]) -> String {
        let body = parts.joined(separator: ", ")
        switch flavour {
        case .plain: return "{" + body + "}"
        case .counter: return parts.isEmpty ? "Counter()" : "Counter({" + body + "})"
        case .defaultDict(let factory): return "defaultdict(" + ValueFormatter.repr(factory) + ", {" + body + "})"
        case .ordered: return parts.isEmpty ? "OrderedDict()" : "OrderedDict([" + body + "])"
        }
    }

    /// Items by count, largest first, ties in insertion order (`sorted(…, reverse=True)` is
    /// stable, as is CPython's `most_common`).
    static func mostCommon(_ d: PyDict) -> [(Value, Value)] {
        let items = d.items
        func number(_ v: Value) -> Double {
            switch v {
            case .int(let i): return Double(i)
            case .float(let x): return x
            case .bool(let b): return b ? 1 : 0
            default: return 0
            }
        }
        return items.enumerated().sorted { a, b in
            let x = number(a.element.1), y = number(b.element.1)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    static let counterMethods: Set<String> = ["most_common", "elements", "subtract", "total"]
    static let orderedMethods: Set<String> = ["move_to_end"]

    static func hasMethod(_ d: PyDict, _ name: String) -> Bool {
        switch d.flavour {
        case .counter: return counterMethods.contains(name)
        case .ordered: return orderedMethods.contains(name)
        default: return false
        }
    }

    /// A method the flavour changes or adds (nil: the dict's own method applies).
    static func method(_ d: PyDict, _ name: String, _ args: [Value], _ keywords: [(String, Value)], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value? {
        switch (d.flavour, name) {
        case (.counter, "most_common"):
            let a = try PythonSignature(name: "Counter.most_common", parameters: ["n"], required: 0, isMethod: true).bind(args, keywords, span)
            var items = mostCommon(d)
            if let n = a[0], !n.isNone { items = Array(items.prefix(max(0, try ArgumentBinder.integer(n, span)))) }
            return .list(items.map { .tuple([$0.0, $0.1]) })
        case (.counter, "elements"):
            _ = try PythonSignature(name: "Counter.elements", parameters: [], required: 0, isMethod: true).bind(args, keywords, span)
            var out: [Value] = []
            for (k, v) in d.items {
                guard case .int(let n) = v else {
                    if case .float = v { throw ShellError("'float' object cannot be interpreted as an integer", span: span, kind: .typeError) }
                    continue
                }
                if max(0, n) > PythonLimits.maxItems - out.count {
                    throw ShellError("Counter.elements() of more than \(PythonLimits.maxItems) items", span: span, kind: .memoryError)
                }
                for _ in 0..<max(0, n) { out.append(k) }
            }
            return .iterator(PyIterator(out, kind: "itertools.chain"))
        case (.counter, "update"), (.counter, "subtract"):
            if args.count > 1 { throw ShellError("expected at most 1 argument, got \(args.count)", span: span, kind: .typeError) }
            try counterUpdate(d, args.first, keywords, sign: name == "update" ? 1 : -1, span, ev)
            return Value.none
        case (.counter, "total"):
            _ = try PythonSignature(name: "Counter.total", parameters: [], required: 0, isMethod: true).bind(args, keywords, span)
            var total: Value = .int(0)
            for v in d.values { total = try ev.operate("+", total, v, span) }
            return total
        case (.ordered, "move_to_end"):
            let a = try PythonSignature(name: "move_to_end", parameters: ["key", "last"], required: 1).bind(args, keywords, span)
            let key = a[0] ?? .none
            let last = try a[1].map { (v) throws(ShellError) -> Bool in try ev.truth(v, span) } ?? true
            let h = try HashKey.of(key, span: span)
            guard let v = d.remove(h) else { throw ShellError(ValueFormatter.repr(key), span: span, kind: .keyError) }
            if last {
                d.set(key, h, v)
            } else {
                let rest = d.items
                d.removeAll()
                d.set(key, h, v)
                for (k, x) in rest { try d.set(k, x, span: span) }
            }
            return Value.none
        case (.ordered, "popitem"):
            let a = try PythonSignature(name: "popitem", parameters: ["last"], required: 0).bind(args, keywords, span)
            let last = try a[0].map { (v) throws(ShellError) -> Bool in try ev.truth(v, span) } ?? true
            guard let k = last ? d.keys.last : d.keys.first else {
                throw ShellError("'dictionary is empty'", span: span, kind: .keyError)
            }
            let v = d.remove(try HashKey.of(k, span: span)) ?? Value.none
            return .tuple([k, v])
        default:
            return nil
        }
    }

    // MARK: - Operators

    /// Counter arithmetic (`+`, `-`, `|`, `&`, keeping positive counts), Counter equality
    /// (missing counts are zero), and the operators of deques and named tuples.
    static func binary(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value? {
        let counterOps: Set<String> = ["+", "-", "|", "&"]
        let leftCounter: Bool = { if case .dict(let a) = l { return a.flavour.isCounter }; return false }()
        let rightCounter: Bool = { if case .dict(let b) = r { return b.flavour.isCounter }; return false }()
        if leftCounter || rightCounter, case .dict(let a) = l, case .dict(let b) = r {
            if op == "==" || op == "!=" {
                guard leftCounter, rightCounter else { return nil }
                let equal = try counterEqual(a, b, span, ev)
                return .bool(op == "==" ? equal : !equal)
            }
            if leftCounter, rightCounter, counterOps.contains(op) { return .dict(try counterArithmetic(op, a, b, span, ev)) }
            if op == "|" { return nil }
        }
        if (leftCounter || rightCounter) && counterOps.contains(op) { throw ev.typeErrorFor(op, l, r, span) }
        if case .object(let q as PyDeque) = l { return try q.binary(op, r, span, ev) }
        if case .object(let q as PyDeque) = r, op == "in" || op == "not in" { return try q.contains(op, l, span, ev) }
        if case .object(is ComparisonKey) = l, ["<", "<=", ">", ">=", "==", "!="].contains(op),
           let c = try ComparisonKey.order(l, r, span, ev) {
            return try ev.operate(op, .int(c), .int(0), span)
        }
        if case .object(let t as NamedTupleValue) = l { return try t.binary(op, r, span, ev, left: true) }
        if case .object(let t as NamedTupleValue) = r { return try t.binary(op, l, span, ev, left: false) }
        return nil
    }

    static func counterEqual(_ a: PyDict, _ b: PyDict, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Bool {
        for (x, y) in [(a, b), (b, a)] {
            for (k, v) in x.items {
                let other = y.get(try HashKey.of(k, span: span)) ?? .int(0)
                if try !ev.truth(try ev.operate("==", v, other, span), span) { return false }
            }
        }
        return true
    }

    static func counterArithmetic(_ op: String, _ a: PyDict, _ b: PyDict, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> PyDict {
        let out = PyDict(flavour: .counter)
        func positive(_ v: Value) throws(ShellError) -> Bool { try ev.truth(try ev.operate(">", v, .int(0), span), span) }
        func less(_ x: Value, _ y: Value) throws(ShellError) -> Bool { try ev.truth(try ev.operate("<", x, y, span), span) }
        for (k, count) in a.items {
            let h = try HashKey.of(k, span: span)
            let other = b.get(h) ?? .int(0)
            let v: Value
            switch op {
            case "+": v = try ev.operate("+", count, other, span)
            case "-": v = try ev.operate("-", count, other, span)
            case "|": v = try less(count, other) ? other : count
            default: v = try less(count, other) ? count : other
            }
            if try positive(v) { out.set(k, h, v) }
        }
        guard op != "&" else { return out }
        for (k, count) in b.items {
            let h = try HashKey.of(k, span: span)
            guard a.get(h) == nil else { continue }
            if op == "-" {
                if try less(count, .int(0)) { out.set(k, h, try ev.operate("-", .int(0), count, span)) }
            } else if try positive(count) {
                out.set(k, h, count)
            }
        }
        return out
    }
}
