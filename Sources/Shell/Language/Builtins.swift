import Foundation
import Tensor

/// Python's built-in functions and classes (`len`, `range`, `sorted`, `int`, `ValueError`, …).
/// They come before the registry's commands when called by name, so `max(1, 5)` is Python's
/// max and `np.max` numpy's; command form (`len x`) still runs the command.
enum Builtins {
    static let functions: Set<String> = [
        "print", "len", "enumerate", "zip", "map", "filter", "sorted", "reversed", "sum", "abs", "divmod", "pow",
        "min", "max", "round", "repr", "isinstance", "issubclass", "hasattr", "getattr", "setattr", "iter", "next", "any", "all",
        "chr", "ord", "hex", "bin", "oct", "hash", "id", "callable", "format", "ascii", "dir", "delattr", "object.__init__",
        "open", "exec", "eval", "compile", "__import__", "input", "breakpoint", "globals", "locals",
    ]
    static let types: Set<String> = ["int", "float", "bool", "str", "list", "tuple", "dict", "set", "frozenset", "range", "type", "object", "slice", "complex", "bytes",
                                     "staticmethod", "classmethod", "property", "super"]
    static let refused: Set<String> = ["exec", "eval", "compile", "__import__", "input", "breakpoint", "globals", "locals"]

    /// Python builtins that rnnsh implements as commands: the only command names a Python
    /// program (`Interpreter.Mode.program`) can use as names.
    static let commandsThatArePythonBuiltins: Set<String> = ["print", "exit", "quit", "help", "vars"]

    static let names: Set<String> = functions.union(types).union(ExceptionClasses.parents.keys).union(["BaseException"])

    static func value(_ name: String) -> Value? {
        if types.contains(name) || ExceptionClasses.isClass(name) { return .type(name) }
        if functions.contains(name) { return .builtin(Builtin(name: name, receiver: nil)) }
        return nil
    }

    /// The dtype a Python class stands for in `dtype=int`, `x.astype(float)`.
    static func dtype(ofType t: String) -> DType? {
        switch t {
        case "int": return .int64
        case "float": return .float64
        case "bool": return .bool
        // numpy's scalar classes as `type(x)` and `x.dtype.type` name them (`numpy.float32`).
        default: return t.hasPrefix("numpy.") ? DType(numpyName: t) : nil
        }
    }

    static func noKeywords(_ name: String, _ keywords: [(String, Value)], _ span: Range<Int>) throws(ShellError) {
        if let k = keywords.first {
            throw ShellError("\(name)() takes no keyword arguments", explanation: "got '\(k.0)'", span: span, kind: .typeError)
        }
    }

    static func exactly(_ name: String, _ args: [Value], _ n: Int, _ span: Range<Int>) throws(ShellError) {
        if args.count != n {
            let what = n == 1 ? "exactly one argument" : "exactly \(n) arguments"
            throw ShellError("\(name)() takes \(what) (\(args.count) given)", span: span, kind: .typeError)
        }
    }

    /// `dict.fromkeys(iterable, value=None)`: every key holds the one value object, as in
    /// CPython (`dict.fromkeys(ks, [])` shares one list).
    static func dictFromKeys(_ args: [Value], _ keywords: [(String, Value)], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        try noKeywords("dict.fromkeys", keywords, span)
        guard (1...2).contains(args.count) else {
            throw ShellError("fromkeys expected \(args.isEmpty ? "at least 1 argument" : "at most 2 arguments"), got \(args.count)", span: span, kind: .typeError)
        }
        let value = args.count > 1 ? args[1] : .none
        let d = PyDict()
        var seen = 0
        try ev.forEach(args[0], span) { (k) throws(ShellError) -> Bool in
            try d.set(k, value, span: span)
            // `dict.fromkeys(range(10**12))` grows until the memory budget says no, and
            // Ctrl-C stops a long or endless iterable (itertools.count()).
            seen &+= 1
            if seen & 0xFFFF == 0 {
                if Interrupt.isRequested { throw Interrupt.error }
                try PythonArithmetic.reserve(items: d.count, 0, "a dict", span)
            }
            return true
        }
        return .dict(d)
    }

    static func keyword(_ keywords: [(String, Value)], _ name: String) -> Value? {
        keywords.first { $0.0 == name }?.1
    }

    static func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        if refused.contains(name) {
            throw ShellError("\(name)() is not available in rnnsh",
                             explanation: "the shell runs only what you type; use load/save/run for files", span: span, kind: .notImplementedError)
        }
        if name == "collections.namedtuple" {
            return try NamedTupleClass.make(args, keywords, span, ev)
        }
        if name.hasPrefix("functools.") {
            return try FunctoolsModule.call(String(name.dropFirst("functools.".count)), args, keywords, span: span, evaluator: ev)
        }
        if name.hasPrefix("itertools.") {
            return try ItertoolsModule.call(String(name.dropFirst("itertools.".count)), args, keywords, span: span, evaluator: ev)
        }
        if name.hasPrefix("random.") {
            return try RandomModule.call(String(name.dropFirst("random.".count)), args, keywords, span: span, evaluator: ev)
        }
        if name == "open" { return try PyFile.open(args, keywords, span, ev) }
        if name.hasPrefix("json.") {
            return try JsonModule.call(String(name.dropFirst("json.".count)), args, keywords, span: span, evaluator: ev)
        }
        if name.hasPrefix("copy.") {
            return try CopyModule.call(String(name.dropFirst("copy.".count)), args, keywords, span: span, evaluator: ev)
        }
        if name == "dict.fromkeys" { return try dictFromKeys(args, keywords, span, ev) }
        if name.hasPrefix("sys.") || name.hasPrefix("os.") {
            return try SysModule.call(name, args, keywords, span: span, evaluator: ev)
        }
        if name.hasPrefix("math.") || name.hasPrefix("time.") {
            return try Modules.call(name, args, keywords, span: span, evaluator: ev)
        }
        switch name {
        case "print":
            let sep = try keyword(keywords, "sep").map { (v) throws(ShellError) -> String in v.isNone ? " " : try Methods.string(v, "sep", span) } ?? " "
            let end = try keyword(keywords, "end").map { (v) throws(ShellError) -> String in v.isNone ? "\n" : try Methods.string(v, "end", span) } ?? "\n"
            for (k, _) in keywords where !["sep", "end", "file", "flush"].contains(k) {
                throw ShellError("'\(k)' is an invalid keyword argument for print()", span: span, kind: .typeError)
            }
            for a in args { try PyNumbers.checkDigits(a, span) }
            let file = keyword(keywords, "file") ?? .none
            // `print(..., file=f)` needs something with a write method, as in CPython.
            switch file {
            case .none, .object(is SysStream), .object(is PyFile): break
            default:
                throw ShellError("'\(file.typeName)' object has no attribute 'write'", span: span, kind: .attributeError)
            }
            let text = try ev.withCurrentPrintOptions { () throws(ShellError) in args.map(ValueFormatter.str).joined(separator: sep) + end }
            // Formatting a huge array stops early on Ctrl-C: print nothing of it then (as the
            // print command does; print(x) wrote the cut text and the script went on).
            if ev.interpreter.options.isInterrupted() { throw Interrupt.error }
            switch file {
            case .object(let f as PyFile): _ = try f.writeText(text, span)
            case .object(let s as SysStream): try s.write(text, span, ev)
            default: ev.write(text)
            }
            return .none
        case "len":
            try noKeywords(name, keywords, span)
            try exactly("len", args, 1, span)
            let v = args[0]
            switch v {
            case .list, .tuple: let items = (v).sequenceItems ?? []; return .int(items.count)
            case .string(let s): return .int(s.unicodeScalars.count)
            case .dict(let d): return .int(d.count)
            case .set(let s): return .int(s.count)
            case .range(let a, let b, let c):
                guard let n = PythonRange.exactCount(a, b, c) else {
                    throw ShellError("Python int too large to convert to C ssize_t", span: span, kind: .overflowError)
                }
                return .int(n)
            case .iterator(let it) where it.isView: return .int(it.items.count)
            case .record(let r): return .int(r.fields.count)
            case .array(let a):
                guard let n = a.shape.first else { throw ShellError("len() of unsized object", span: span, kind: .typeError) }
                return .int(n)
            case .object(is PyInstance):
                return .int(try ClassRuntime.length(v, span, ev) ?? 0)
            case .object(let o as PythonSized):
                return .int(o.sizedItems.count)
            case .object(let o) where o is PyFile || o is SysStream:
                throw ShellError("object of type '_io.TextIOWrapper' has no len()", span: span, kind: .typeError)
            case .object:
                // Shell objects (an .npz file, a dataset) answer through the len command.
                guard let c = ev.registry["len"] else { fallthrough }
                return try ev.call(c, [ArgumentInput(value: v, span: span)], span: span)
            default:
                throw ShellError("object of type '\(v.typeName)' has no len()", span: span, kind: .typeError)
            }
        case "repr":
            try exactly("repr", args, 1, span)
            try PyNumbers.checkDigits(args[0], span)
            let only = args[0]
            return .string(try ev.withCurrentPrintOptions { () throws(ShellError) in ValueFormatter.repr(only) })
        case "ascii":
            try exactly("ascii", args, 1, span)
            // CPython's ascii(): repr() with every non-ASCII character escaped (`\xe9`,
            // `\u20ac`, `\U0001f600`); it gave repr()'s 'é'.
            var out = ""
            for u in ValueFormatter.repr(args[0]).unicodeScalars {
                if u.isASCII { out.unicodeScalars.append(u); continue }
                let (prefix, digits) = u.value < 0x100 ? ("\\x", 2) : u.value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
                let hex = String(u.value, radix: 16)
                out += prefix + String(repeating: "0", count: digits - hex.count) + hex
            }
            return .string(out)
        case "enumerate":
            guard let it = args.first ?? keyword(keywords, "iterable") else {
                throw ShellError("enumerate() missing required argument 'iterable'", span: span, kind: .typeError)
            }
            // Any Python int starts the count (a big one too, as in CPython).
            let start = try (args.count > 1 ? args[1] : keyword(keywords, "start")).map { (v) throws(ShellError) -> Value in
                if case .bigint = v { return v }
                return .int(try ArgumentBinder.integer(v, span))
            } ?? .int(0)
            if case .list(let list) = it { return .iterator(PyIterator(live: list, enumerateFrom: start, kind: "enumerate")) }
            if ev.isLazyIterable(it) {
                // A generator is advanced as the loop asks, so its prints and the loop's interleave.
                let source = try ev.pullIterator(it, span)
                var k = 0
                let enumerated = PyIterator(kind: "enumerate") { () throws(ShellError) -> Value? in
                    guard let v = try source.next() else { return nil }
                    defer { k += 1 }
                    return .tuple([PyIterator.count(k, from: start), v])
                }
                enumerated.wrapped = [source]
                return .iterator(enumerated)
            }
            let items = try ev.iterate(it, span)
            return .iterator(PyIterator(items.enumerated().map { .tuple([PyIterator.count($0.offset, from: start), $0.element]) }, kind: "enumerate"))
        case "zip":
            let strict = try keyword(keywords, "strict").map { (v) throws(ShellError) -> Bool in try ev.truth(v, span) } ?? false
            if !strict, args.contains(where: { ev.isLazyIterable($0) }) {
                var sources: [PyIterator] = []
                for a in args { sources.append(try ev.pullIterator(a, span)) }
                let zipped = PyIterator(kind: "zip") { () throws(ShellError) -> Value? in
                    var row: [Value] = []
                    for s in sources {
                        guard let v = try s.next() else { return nil }
                        row.append(v)
                    }
                    return row.isEmpty ? nil : .tuple(row)
                }
                zipped.wrapped = sources
                return .iterator(zipped)
            }
            var columns: [[Value]] = []
            for a in args { columns.append(try ev.iterate(a, span)) }
            let n = columns.map(\.count).min() ?? 0
            if strict, let message = Self.zipStrictMessage(columns.map(\.count)) {
                throw ShellError(message, span: span, kind: .valueError)
            }
            var rows: [Value] = []
            rows.reserveCapacity(n)
            for i in 0..<n { rows.append(.tuple(columns.map { $0[i] })) }
            return .iterator(PyIterator(rows, kind: "zip"))
        case "map":
            guard args.count >= 2 else { throw ShellError("map() must have at least two arguments.", span: span, kind: .typeError) }
            if args.dropFirst().contains(where: { ev.isLazyIterable($0) }) {
                // Over a generator or an endless iterator (`map(pow, xs, itertools.repeat(2))`)
                // map is lazy, as Python's always is: it stops at the shortest input.
                var sources: [PyIterator] = []
                for a in args.dropFirst() { sources.append(try ev.pullIterator(a, span)) }
                let function = args[0]
                weak let maker = ev
                return .iterator(PyIterator(kind: "map") { () throws(ShellError) -> Value? in
                    var row: [Value] = []
                    for s in sources {
                        guard let v = try s.next() else { return nil }
                        row.append(v)
                    }
                    guard let ev = Evaluator.current ?? maker else { return nil }
                    return try ev.callPython(function, row, [], span: span)
                })
            }
            var columns: [[Value]] = []
            for a in args.dropFirst() { columns.append(try ev.iterate(a, span)) }
            let n = columns.map(\.count).min() ?? 0
            var out: [Value] = []
            for i in 0..<n { out.append(try ev.callPython(args[0], columns.map { $0[i] }, [], span: span)) }
            return .iterator(PyIterator(out, kind: "map"))
        case "filter":
            try exactly("filter", args, 2, span)
            var out: [Value] = []
            for x in try ev.iterate(args[1], span) {
                let keep = args[0].isNone ? x : try ev.callPython(args[0], [x], [], span: span)
                if try ev.truth(keep, span) { out.append(x) }
            }
            return .iterator(PyIterator(out, kind: "filter"))
        case "sorted":
            guard args.count == 1 else {
                throw ShellError(args.isEmpty ? "sorted expected 1 argument, got 0" : "sorted expected 1 argument, got \(args.count)", span: span, kind: .typeError)
            }
            return .list(try sorted(try ev.iterate(args[0], span), keywords, span: span, evaluator: ev))
        case "reversed":
            try exactly("reversed", args, 1, span)
            switch args[0] {
            case .dict, .set, .iterator:
                if case .iterator(let it) = args[0], !it.isView {
                    throw ShellError("'\(args[0].typeName)' object is not reversible", span: span, kind: .typeError)
                }
                if case .set = args[0] { throw ShellError("'set' object is not reversible", span: span, kind: .typeError) }
            default: break
            }
            return .iterator(PyIterator(try ev.iterate(args[0], span).reversed(), kind: "list_reverseiterator"))
        case "sum":
            guard args.count >= 1 && args.count <= 2 else {
                throw ShellError("sum() takes at most 2 arguments (\(args.count) given)", span: span, kind: .typeError)
            }
            var total: Value = args.count > 1 ? args[1] : (keyword(keywords, "start") ?? .int(0))
            if case .string = total { throw ShellError("sum() can't sum strings [use ''.join(seq) instead]", span: span, kind: .typeError) }
            if case .range(let a, let b, let c) = args[0], case .int(let t) = total {
                // n (a + last) / 2 when it fits in 64 bits; else the loop below, in big ints.
                // `last` is inside the range, so the wrapping steps give it exactly.
                let n = PythonRange.count(a, b, c)
                if n > 0 {
                    let last = a &+ (n &- 1) &* c
                    let (ends, o1) = a.addingReportingOverflow(last)
                    let (s, o2) = ends.multipliedReportingOverflow(by: n)
                    let (total, o3) = t.addingReportingOverflow(s / 2)
                    if !o1 && !o2 && !o3 { return .int(total) }
                }
            }
            try ev.forEach(args[0], span) { (x) throws(ShellError) -> Bool in
                total = try ev.operate("+", total, x, span)
                return true
            }
            return total
        case "abs":
            try exactly("abs", args, 1, span)
            switch args[0] {
            case .object(let i as PyInstance):
                if let r = try ClassRuntime.dunder(args[0], "__abs__", [], span, ev) { return r }
                throw ShellError("bad operand type for abs(): '\(i.cls.name)'", span: span, kind: .typeError)
            case .object(is TFTensor):
                if let r = try TFOperators.abs(args[0], span, evaluator: ev) { return r }
            case .int(let i):
                if i == Int.min { return PythonArithmetic.normalized(-BigInt(i)) }
                return .int(Swift.abs(i))
            case .bigint(let b): return .bigint(b.negative ? -b : b)
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .float(Swift.abs(d))
            case .scalar(let a):
                // A numpy scalar keeps its dtype: negate it when it is negative.
                if let s = a.scalars.first, s.doubleValue < 0, let neg = ev.registry["negative"] {
                    return try ev.call(neg, [ArgumentInput(value: args[0], span: span)], span: span)
                }
                if let s = a.scalars.first, !s.doubleValue.isNaN { return args[0] }
                guard let c = ev.registry["absolute"] ?? ev.registry["abs"] else { break }
                return try ev.call(c, [ArgumentInput(value: args[0], span: span)], span: span)
            case .array:
                guard let c = ev.registry["absolute"] ?? ev.registry["abs"] else { break }
                return try ev.call(c, [ArgumentInput(value: args[0], span: span)], span: span)
            default: break
            }
            throw ShellError("bad operand type for abs(): '\(args[0].typeName)'", span: span, kind: .typeError)
        case "divmod":
            try exactly("divmod", args, 2, span)
            let pair = { () throws(ShellError) -> Value in
                .tuple([try ev.operate("//", args[0], args[1], span), try ev.operate("%", args[0], args[1], span)])
            }
            // On numpy's values Python's divmod is np.divmod, one ufunc: its warnings say
            // `divmod` (`scalar divmod` for numpy scalars), once, not `floor_divide` and `remainder`.
            guard let ufunc = FloatWarnings.operatorUfunc("//", args[0], args[1]) else { return try pair() }
            return try ev.checkingFloatErrors(ufunc.replacingOccurrences(of: "floor_divide", with: "divmod"), span: span, pair)
        case "pow":
            guard args.count == 2 || args.count == 3 else {
                throw ShellError("pow expected 2 arguments, got \(args.count)", span: span, kind: .typeError)
            }
            if args.count == 3 {
                guard case .int(var b) = args[0], case .int(var e) = args[1], case .int(let m) = args[2] else {
                    throw ShellError("pow() 3rd argument not allowed unless all arguments are integers", span: span, kind: .typeError)
                }
                if m == 0 { throw ShellError("pow() 3rd argument cannot be 0", span: span, kind: .valueError) }
                if e < 0 { throw ShellError("base is not invertible for the given modulus", span: span, kind: .valueError) }
                var r = 1 % m
                b = ((b % m) + m) % m
                while e > 0 {
                    if e & 1 == 1 { r = Int((Int64(r).multipliedFullWidth(by: Int64(b)).low % UInt64(Swift.abs(m)))) }
                    b = Int(Int64(b).multipliedFullWidth(by: Int64(b)).low % UInt64(Swift.abs(m)))
                    e >>= 1
                }
                if m < 0 && r > 0 { r += m }
                return .int(r)
            }
            return try ev.operate("**", args[0], args[1], span)
        case "min", "max":
            let key = keyword(keywords, "key")
            let dflt = keyword(keywords, "default")
            for (k, _) in keywords where k != "key" && k != "default" {
                throw ShellError("'\(k)' is an invalid keyword argument for \(name)()", span: span, kind: .typeError)
            }
            var items: [Value]
            if args.count == 1 {
                items = try ev.iterate(args[0], span)
            } else if args.isEmpty {
                throw ShellError("\(name) expected at least 1 argument, got 0", span: span, kind: .typeError)
            } else {
                if dflt != nil {
                    throw ShellError("Cannot specify a default for \(name)() with multiple positional arguments", span: span, kind: .typeError)
                }
                items = args
            }
            guard var best = items.first else {
                if let dflt { return dflt }
                throw ShellError("\(name)() arg is an empty sequence", span: span, kind: .valueError)
            }
            var bestKey = try key.map { (k) throws(ShellError) -> Value in try ev.callPython(k, [best], [], span: span) } ?? best
            for x in items.dropFirst() {
                let k = try key.map { (f) throws(ShellError) -> Value in try ev.callPython(f, [x], [], span: span) } ?? x
                var c = 0
                if let ordered = try ev.pyCompare(k, bestKey, name == "min" ? "<" : ">", span) {
                    c = ordered
                } else if try ev.truth(try ev.binary(name == "min" ? "<" : ">", k, bestKey, span), span) {
                    c = name == "min" ? -1 : 1
                }
                if (name == "min" && c == -1) || (name == "max" && c == 1) {
                    best = x
                    bestKey = k
                }
            }
            return best
        case "round":
            guard args.count >= 1 && args.count <= 2 else {
                throw ShellError("round() takes at most 2 arguments (\(args.count) given)", span: span, kind: .typeError)
            }
            let digits: Value = args.count > 1 ? args[1] : (keyword(keywords, "ndigits") ?? .none)
            return try PyNumbers.round(args[0], digits, span: span, evaluator: ev)
        case "isinstance", "issubclass":
            try exactly(name, args, 2, span)
            // A union (`int | None`) is the tuple of its members.
            var args = args
            if case .object(let u as UnionTypeObject) = args[1] { args[1] = .tuple(u.members) }
            if let v = try ClassRuntime.isInstanceCheck(name, args, span) { return v }
            // Named tuples: instances of their class and of tuple.
            let namedClasses = (args[1].sequenceItems ?? [args[1]]).compactMap { (c) -> NamedTupleClass? in
                if case .object(let k as NamedTupleClass) = c { return k }
                return nil
            }
            if name == "isinstance", case .object(let t as NamedTupleValue) = args[0] {
                if namedClasses.contains(where: { $0 === t.cls }) { return .bool(true) }
                for c in args[1].sequenceItems ?? [args[1]] {
                    if case .type(let n) = c, n == "tuple" || n == "object" { return .bool(true) }
                }
                return .bool(false)
            }
            if name == "isinstance", !namedClasses.isEmpty, (args[1].sequenceItems ?? [args[1]]).count == namedClasses.count {
                return .bool(false)
            }
            let classes: [Value] = args[1].sequenceItems ?? [args[1]]
            let actual: String
            if name == "issubclass" {
                guard case .type(let t) = args[0] else { throw ShellError("issubclass() arg 1 must be a class", span: span, kind: .typeError) }
                actual = t
            } else {
                actual = CollectionsModule.className(args[0]) ?? args[0].typeName
            }
            for c in classes {
                switch c {
                case .type(let t):
                    if isInstance(actual, of: t) { return .bool(true) }
                    // numpy's abstract classes hold numpy scalars only (a Python int is not an np.integer).
                    if let abstract = NumpyAbstractTypes.abstractName(t), name == "isinstance", case .scalar(let a) = args[0],
                       NumpyAbstractTypes.dtype(a.dtype, isSubclassOf: abstract) { return .bool(true) }
                case .dtype(let d):
                    if case .scalar(let a) = args[0], a.dtype == d { return .bool(true) }
                default:
                    throw ShellError("\(name)() arg 2 must be a type, a tuple of types, or a union", span: span, kind: .typeError)
                }
            }
            return .bool(false)
        case "hasattr", "getattr":
            guard args.count >= 2, case .string(let attr) = args[1] else {
                throw ShellError("attribute name must be string", span: span, kind: .typeError)
            }
            do {
                let v = try ev.attribute(args[0], attr, span)
                return name == "hasattr" ? .bool(true) : v
            } catch {
                if name == "hasattr" { return .bool(false) }
                if args.count > 2 { return args[2] }
                throw ShellError("'\(args[0].typeName)' object has no attribute '\(attr)'", span: span, kind: .attributeError)
            }
        case "iter":
            try exactly("iter", args, 1, span)
            if case .iterator(let it) = args[0], !it.isView { return args[0] }
            // A file is its own iterator (`iter(f) is f`), closed ones refused as CPython does.
            if case .object(let f as PyFile) = args[0] {
                if f.closed { throw ShellError("I/O operation on closed file.", span: span, kind: .valueError) }
                return args[0]
            }
            if case .object(let i as PyInstance) = args[0] {
                if i.cls.find("__iter__") != nil, let r = try ClassRuntime.dunder(args[0], "__iter__", [], span, ev) {
                    if case .object(let j as PyInstance) = r, j.cls.find("__next__") != nil { return r }
                }
                return .iterator(try ClassRuntime.iterator(i, span, ev))
            }
            let kind: String
            switch args[0] {
            case .list: kind = "list_iterator"
            case .tuple: kind = "tuple_iterator"
            case .string: kind = "str_ascii_iterator"
            case .range: kind = "range_iterator"
            case .dict: kind = "dict_keyiterator"
            case .set: kind = "set_iterator"
            default: kind = "iterator"
            }
            if case .list(let list) = args[0] { return .iterator(PyIterator(live: list, enumerateFrom: nil, kind: kind)) }
            return .iterator(PyIterator(try ev.iterate(args[0], span), kind: kind))
        case "next":
            guard args.count == 1 || args.count == 2 else {
                throw ShellError("next expected at least 1 argument, got \(args.count)", span: span, kind: .typeError)
            }
            if case .object(is PyInstance) = args[0] {
                do throws(ShellError) {
                    if let v = try ClassRuntime.next(args[0], span, ev) { return v }
                } catch where error.kind == .stopIteration && args.count == 2 {
                    return args[1]
                }
            }
            if case .object(let f as PyFile) = args[0] {
                if let line = try f.nextLine(span) { return line }
                if args.count == 2 { return args[1] }
                throw ShellError("", span: span, kind: .stopIteration)
            }
            guard case .iterator(let it) = args[0], !it.isView else {
                throw ShellError("'\(args[0].typeName)' object is not an iterator", span: span, kind: .typeError)
            }
            if let v = try it.next() { return v }
            if args.count == 2 { return args[1] }
            throw PyGenerator.stopIteration(it, span)
        case "any", "all":
            try exactly(name, args, 1, span)
            var result = name == "all"
            try ev.forEach(args[0], span) { (x) throws(ShellError) -> Bool in
                let t = try ev.truth(x, span)
                if name == "any" && t { result = true; return false }
                if name == "all" && !t { result = false; return false }
                return true
            }
            return .bool(result)
        case "chr":
            try exactly("chr", args, 1, span)
            let i = try ArgumentBinder.integer(args[0], span)
            guard i >= 0, i <= 0x10FFFF, let u = Unicode.Scalar(UInt32(i)) else {
                throw ShellError("chr() arg not in range(0x110000)", span: span, kind: .valueError)
            }
            return .string(String(Character(u)))
        case "ord":
            try exactly("ord", args, 1, span)
            guard case .string(let s) = args[0] else {
                throw ShellError("ord() expected string of length 1, but \(args[0].typeName) found", span: span, kind: .typeError)
            }
            let u = Array(s.unicodeScalars)
            guard u.count == 1 else {
                throw ShellError("ord() expected a character, but string of length \(u.count) found", span: span, kind: .typeError)
            }
            return .int(Int(u[0].value))
        case "hex", "bin", "oct":
            try exactly(name, args, 1, span)
            let radix = name == "hex" ? 16 : (name == "bin" ? 2 : 8)
            if case .bigint(let big) = args[0] { return .string(big.prefixedText(radix: radix)) }
            let i = try ArgumentBinder.integer(args[0], span)
            let prefix = name == "hex" ? "0x" : (name == "bin" ? "0b" : "0o")
            return .string((i < 0 ? "-" : "") + prefix + String(i.magnitude, radix: radix))
        case "hash":
            try exactly("hash", args, 1, span)
            if let h = try ClassRuntime.hashValue(args[0], span, ev) { return h }
            // CPython's values: hash(2**70) is 512 (ints reduce modulo 2**61 - 1), hash(1.5)
            // 1152921504606846977, and tuples and frozensets of them as CPython hashes them.
            switch args[0] {
            case .float(let d): return .int(PythonHash.ofDouble(d))
            default: return .int(try CustomKeyObject.with(hashOnly: true) { () throws(ShellError) in try HashKey.of(args[0], span: span).pythonHash })
            }
        case "id":
            try exactly("id", args, 1, span)
            return .int(ValueFormatter.repr(args[0]).hashValue & 0x7FFF_FFFF_FFFF)
        case "callable":
            try exactly("callable", args, 1, span)
            switch args[0] {
            case .closure, .builtin, .type, .function: return .bool(true)
            case .object(let i as PyInstance): return .bool(i.cls.find("__call__") != nil)
            case .object(let o): return .bool(o is PythonCallable)
            default: return .bool(false)
            }
        case "setattr":
            guard args.count == 3, case .string(let attr) = args[1] else {
                throw ShellError(args.count == 3 ? "attribute name must be string, not '\(args[1].typeName)'" : "setattr expected 3 arguments, got \(args.count)", span: span, kind: .typeError)
            }
            if try !ClassRuntime.setAttribute(args[0], attr, args[2], span, ev) {
                throw ShellError("'\(args[0].typeName)' object has no attribute '\(attr)'", span: span, kind: .attributeError)
            }
            return .none
        case "delattr":
            guard args.count == 2, case .string(let attr) = args[1] else {
                throw ShellError("delattr expected 2 arguments, got \(args.count)", span: span, kind: .typeError)
            }
            if try !ClassRuntime.deleteAttribute(args[0], attr, span) {
                throw ShellError("'\(args[0].typeName)' object has no attribute '\(attr)'", span: span, kind: .attributeError)
            }
            return .none
        case "object.__init__":
            if !args.isEmpty || !keywords.isEmpty {
                throw ShellError("object.__init__() takes exactly one argument (the instance to initialize)", span: span, kind: .typeError)
            }
            return .none
        case "dir":
            guard args.count == 1 else { throw ShellError("dir() with no argument lists the caller's names; rnnsh takes one argument", span: span, kind: .typeError) }
            if let v = ClassRuntime.dir(args[0], ev) { return v }
            var names = Set(Attributes.names(of: args[0]))
            if Attributes.acceptsMethods(args[0]) { names.formUnion(ev.registry.commands.filter(\.isMethod).map(\.name)) }
            return .list(names.filter { !$0.hasPrefix("_") }.sorted().map { .string($0) })
        case "format":
            guard args.count == 1 || args.count == 2 else { throw ShellError("format expected at most 2 arguments, got \(args.count)", span: span, kind: .typeError) }
            let spec = args.count > 1 ? try Methods.string(args[1], "format() argument 2", span) : ""
            return .string(try PyFormat.formatValue(args[0], spec, span: span, evaluator: ev))
        default:
            throw ShellError("name '\(name)' is not defined", span: span, kind: .nameError)
        }
    }

    /// `isinstance` by class name, with Python's subclasses (bool is an int; numpy's float64 a float).
    static func isInstance(_ actual: String, of cls: String) -> Bool {
        if actual == cls || cls == "object" || CollectionsModule.isSubclass(actual, of: cls) { return true }
        switch (actual, cls) {
        case ("bool", "int"), ("numpy.float64", "float"): return true
        // numpy's UFuncTypeError is no builtin class name but is a TypeError (`except TypeError`
        // catches it, and so `isinstance(e, TypeError)` holds).
        default: return (ExceptionClasses.isClass(actual) || actual == "UFuncTypeError") && ExceptionClasses.matches(actual, cls)
        }
    }

    /// Python's `sorted`: stable, by `key`, optionally reversed; TypeError for unorderable items.
    static func sorted(_ items: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> [Value] {
        var key: Value? = nil
        var reverse = false
        for (k, v) in keywords {
            switch k {
            case "key": key = v.isNone ? nil : v
            case "reverse": reverse = try ev.truth(v, span)
            default: throw ShellError("'\(k)' is an invalid keyword argument for sort()", span: span, kind: .typeError)
            }
        }
        var keyed: [(key: Value, index: Int, item: Value)] = []
        keyed.reserveCapacity(items.count)
        for (i, x) in items.enumerated() {
            keyed.append((try key.map { (f) throws(ShellError) -> Value in try ev.callPython(f, [x], [], span: span) } ?? x, i, x))
        }
        var failure: ShellError? = nil
        keyed.sort { a, b in
            if failure != nil { return false }
            do {
                let c = try ev.pyCompare(a.key, b.key, "<", span) ?? 0
                if c != 0 && c != 2 { return reverse ? c > 0 : c < 0 }
                return a.index < b.index
            } catch {
                failure = ShellError.converting(error)
                return false
            }
        }
        if let failure { throw failure }
        return keyed.map(\.item)
    }

    /// Calls a class: `int('3')`, `list(range(3))`, `dict(a=1)`, `ValueError('bad')`.
    static func construct(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        if let v = try ClassRuntime.construct(name, args, keywords, span: span, evaluator: ev) { return v }
        if ExceptionClasses.isClass(name) {
            return .exception(PyException(kind: name, args: args))
        }
        if name.hasPrefix("numpy.") {
            throw ShellError("cannot create '\(name)' instances", span: span, kind: .typeError)
        }
        if name.hasPrefix("collections.") {
            return try CollectionsModule.construct(name, args, keywords, span: span, evaluator: ev)
        }
        switch name {
        case "int": return try PyNumbers.int(args, keywords, span: span, evaluator: ev)
        case "float": return try PyNumbers.float(args, span: span, evaluator: ev)
        case "bool":
            if args.count > 1 { throw ShellError("bool expected at most 1 argument, got \(args.count)", span: span, kind: .typeError) }
            return .bool(try args.first.map { (v) throws(ShellError) -> Bool in try ev.truth(v, span) } ?? false)
        case "str":
            guard let v = args.first else { return .string("") }
            try PyNumbers.checkDigits(v, span)
            return .string(try ev.withCurrentPrintOptions { () throws(ShellError) in ValueFormatter.str(v) })
        case "list":
            if args.count > 1 { throw ShellError("list expected at most 1 argument, got \(args.count)", span: span, kind: .typeError) }
            return .list(try args.first.map { (v) throws(ShellError) -> [Value] in try ev.iterate(v, span) } ?? [])
        case "tuple":
            if args.count > 1 { throw ShellError("tuple expected at most 1 argument, got \(args.count)", span: span, kind: .typeError) }
            return .tuple(try args.first.map { (v) throws(ShellError) -> [Value] in try ev.iterate(v, span) } ?? [])
        case "set", "frozenset":
            var s = PySet()
            if let v = args.first { for x in try ev.iterate(v, span) { try s.insert(x, span: span) } }
            if name == "frozenset" { s.freeze() }
            return .set(s)
        case "dict":
            var d = PyDict()
            if let v = args.first {
                if case .dict(let o) = v {
                    d = o.copy()
                    d.table.flavour = .plain
                } else {
                    for (i, pair) in try ev.iterate(v, span).enumerated() {
                        let kv: [Value]
                        do { kv = try ev.iterate(pair, span) } catch {
                            throw ShellError("cannot convert dictionary update sequence element #\(i) to a sequence", span: span, kind: .typeError)
                        }
                        guard kv.count == 2 else {
                            throw ShellError("dictionary update sequence element #\(i) has length \(kv.count); 2 is required", span: span, kind: .valueError)
                        }
                        try d.set(kv[0], kv[1], span: span)
                    }
                }
            }
            for (k, v) in keywords { d.set(.string(k), .string(k), v) }
            return .dict(d)
        case "range":
            try noKeywords("range", keywords, span)
            var ints: [Int] = []
            for a in args {
                do { ints.append(try ArgumentBinder.integer(a, span)) } catch {
                    throw ShellError("'\(a.typeName)' object cannot be interpreted as an integer", span: span, kind: .typeError)
                }
            }
            switch ints.count {
            case 1: return .range(0, ints[0], 1)
            case 2: return .range(ints[0], ints[1], 1)
            case 3:
                if ints[2] == 0 { throw ShellError("range() arg 3 must not be zero", span: span, kind: .valueError) }
                return .range(ints[0], ints[1], ints[2])
            case 0: throw ShellError("range expected at least 1 argument, got 0", span: span, kind: .typeError)
            default: throw ShellError("range expected at most 3 arguments, got \(ints.count)", span: span, kind: .typeError)
            }
        case "type":
            guard args.count == 1 else { throw ShellError("type() takes 1 or 3 arguments", span: span, kind: .typeError) }
            if case .object(let t as NamedTupleValue) = args[0] { return .object(t.cls) }
            return .type(CollectionsModule.className(args[0]) ?? args[0].typeName)
        case "slice":
            var parts: [Int?] = []
            for a in args { parts.append(a.isNone ? nil : try ArgumentBinder.integer(a, span)) }
            switch parts.count {
            case 1: return .slice(nil, parts[0], nil)
            case 2: return .slice(parts[0], parts[1], nil)
            case 3: return .slice(parts[0], parts[1], parts[2])
            default: throw ShellError("slice expected at least 1 argument, got 0", span: span, kind: .typeError)
            }
        case "object":
            throw ShellError("object() instances are not supported", span: span, kind: .notImplementedError)
        default:
            throw ShellError("\(name)() is not supported in rnnsh", span: span, kind: .notImplementedError)
        }
    }
}

extension Builtins {
    /// CPython's `zip(..., strict=True)` error for inputs of these lengths (nil: all equal).
    /// CPython walks the rows: at the first short row, the first input that ran out is named;
    /// when that is the first input, the first later one that still had an item is "longer".
    static func zipStrictMessage(_ counts: [Int]) -> String? {
        guard let n = counts.min(), counts.contains(where: { $0 != n }),
              let shortest = counts.firstIndex(of: n) else { return nil }
        func before(_ k: Int) -> String { k == 1 ? "argument 1" : "arguments 1-\(k)" }
        if shortest > 0 { return "zip() argument \(shortest + 1) is shorter than \(before(shortest))" }
        guard let longer = counts.firstIndex(where: { $0 > n }) else { return nil }
        return "zip() argument \(longer + 1) is longer than \(before(longer))"
    }
}
