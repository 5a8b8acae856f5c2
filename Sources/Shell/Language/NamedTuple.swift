import Tensor

/// `collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`:
/// the class it makes, with CPython's validation of the names.
final class NamedTupleClass: ShellObject, PythonCallable, ReprObject, ThrowingAttributes, HashableObject, @unchecked Sendable {
    let name: String
    let fields: [String]
    /// Defaults of the last fields.
    let defaults: [Value]

    init(name: String, fields: [String], defaults: [Value]) {
        self.name = name
        self.fields = fields
        self.defaults = defaults
    }

    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return s.unicodeScalars.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }

    static func make(_ args: [Value], _ keywords: [(String, Value)], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        let a = try PythonSignature(name: "namedtuple", parameters: ["typename", "field_names"], required: 2,
                                    keywordOnly: ["rename", "defaults", "module"]).bind(args, keywords, span)
        guard case .string(let typename) = a[0] ?? .none else {
            throw ShellError("Type names and field names must be valid identifiers: \(ValueFormatter.repr(a[0] ?? .none))", span: span, kind: .typeError)
        }
        var names: [String] = []
        let given = a[1] ?? .none
        if case .string(let s) = given {
            names = s.replacingOccurrences(of: ",", with: " ").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        } else {
            for v in try ev.iterate(given, span) {
                guard case .string(let s) = v else {
                    throw ShellError("Type names and field names must be strings", span: span, kind: .typeError)
                }
                names.append(s)
            }
        }
        let rename = try a[2].map { (v) throws(ShellError) -> Bool in try ev.truth(v, span) } ?? false
        if rename {
            var seen = Set<String>()
            for (i, n) in names.enumerated() {
                if !isIdentifier(n) || Self.keywords.contains(n) || n.hasPrefix("_") || seen.contains(n) { names[i] = "_\(i)" }
                seen.insert(names[i])
            }
        }
        for n in [typename] + names {
            if !isIdentifier(n) { throw ShellError("Type names and field names must be valid identifiers: \(ValueFormatter.repr(.string(n)))", span: span, kind: .valueError) }
            if Self.keywords.contains(n) { throw ShellError("Type names and field names cannot be a keyword: \(ValueFormatter.repr(.string(n)))", span: span, kind: .valueError) }
        }
        var seen = Set<String>()
        for n in names {
            if n.hasPrefix("_") { throw ShellError("Field names cannot start with an underscore: \(ValueFormatter.repr(.string(n)))", span: span, kind: .valueError) }
            if !seen.insert(n).inserted { throw ShellError("Encountered duplicate field name: \(ValueFormatter.repr(.string(n)))", span: span, kind: .valueError) }
        }
        var defaults: [Value] = []
        if let d = a[3], !d.isNone {
            defaults = try ev.iterate(d, span)
            if defaults.count > names.count { throw ShellError("Got more default values than field names", span: span, kind: .typeError) }
        }
        return .object(NamedTupleClass(name: typename, fields: names, defaults: defaults))
    }

    var kind: String { "type" }
    var summary: String { "class \(name)" }
    var detail: String { reprText }
    var reprText: String { "<class '__main__.\(name)'>" }
    var hashIdentity: String { "namedtuple-class:\(ObjectIdentifier(self).hashValue)" }
    var attributeNames: [String] { ["_field_defaults", "_fields", "_make"] }

    var fieldDefaults: Value {
        let d = PyDict()
        for (n, v) in zip(fields.suffix(defaults.count), defaults) { d.set(.string(n), .string(n), v) }
        return .dict(d)
    }

    func lookup(_ n: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        switch n {
        case "_fields": return .tuple(fields.map { .string($0) })
        case "_field_defaults": return fieldDefaults
        case "__name__", "__qualname__": return .string(name)
        case "_make":
            return .object(NativeMethod("_make", of: name) { [self] (args, keywords, span, ev) throws(ShellError) -> Value in
                let a = try PythonSignature(name: "\(name)._make", parameters: ["iterable"], required: 1).bind(args, keywords, span)
                let values = try ev.iterate(a[0] ?? .none, span)
                guard values.count == fields.count else {
                    throw ShellError("Expected \(fields.count) arguments, got \(values.count)", span: span, kind: .typeError)
                }
                return .object(NamedTupleValue(cls: self, values: values))
            })
        default:
            throw ShellError("type object '\(name)' has no attribute '\(n)'", span: span, kind: .attributeError)
        }
    }

    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        let bound = try PythonSignature(name: "\(name).__new__", parameters: fields, required: fields.count - defaults.count, isMethod: true)
            .bind(positional, keywords, span)
        let firstDefault = fields.count - defaults.count
        let values = bound.enumerated().map { $0.element ?? defaults[$0.offset - firstDefault] }
        return .object(NamedTupleValue(cls: self, values: values))
    }
}

/// An instance of a named tuple: a tuple whose items are also fields (`p.x`), shown as
/// `P(x=1, y=2)`; it compares, hashes, concatenates and unpacks as the tuple of its items.
final class NamedTupleValue: ShellObject, ReprObject, ThrowingAttributes, HashableObject, PythonSized, @unchecked Sendable {
    let cls: NamedTupleClass
    let values: [Value]

    init(cls: NamedTupleClass, values: [Value]) {
        self.cls = cls
        self.values = values
    }

    var kind: String { cls.name }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String {
        cls.name + "(" + zip(cls.fields, values).map { "\($0)=\(ValueFormatter.repr($1))" }.joined(separator: ", ") + ")"
    }
    var hashIdentity: String { "namedtuple:\(ObjectIdentifier(self).hashValue)" }
    var sizedItems: [Value] { values }
    var iterationItems: [Value]? { values }
    var attributeNames: [String] { cls.fields + ["_asdict", "_fields", "_replace", "count", "index"] }

    func item(_ key: Value) throws(ShellError) -> Value? {
        guard let ev = Evaluator.current else { return nil }
        return try ev.subscriptValue(.tuple(values), [key], 0..<0)
    }

    func lookup(_ n: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        if let i = cls.fields.firstIndex(of: n) { return values[i] }
        switch n {
        case "_fields": return .tuple(cls.fields.map { .string($0) })
        case "_field_defaults": return cls.fieldDefaults
        case "_asdict":
            return .object(NativeMethod("_asdict", of: cls.name) { [self] (args, keywords, span, _) throws(ShellError) -> Value in
                _ = try PythonSignature(name: "\(cls.name)._asdict", parameters: [], required: 0, isMethod: true).bind(args, keywords, span)
                let d = PyDict()
                for (f, v) in zip(cls.fields, values) { d.set(.string(f), .string(f), v) }
                return .dict(d)
            })
        case "_replace":
            return .object(NativeMethod("_replace", of: cls.name) { [self] (args, keywords, span, _) throws(ShellError) -> Value in
                if !args.isEmpty {
                    throw ShellError("\(cls.name)._replace() takes 1 positional argument but \(args.count + 1) were given", span: span, kind: .typeError)
                }
                var new = values
                var unknown: [String] = []
                for (k, v) in keywords {
                    if let i = cls.fields.firstIndex(of: k) { new[i] = v } else { unknown.append(k) }
                }
                if !unknown.isEmpty {
                    throw ShellError("Got unexpected field names: " + ValueFormatter.repr(.list(unknown.map { .string($0) })), span: span, kind: .valueError)
                }
                return .object(NamedTupleValue(cls: cls, values: new))
            })
        case "count", "index":
            return .object(NativeMethod(n, of: cls.name) { [self] (args, keywords, span, ev) throws(ShellError) -> Value in
                try ev.callPython(.builtin(Builtin(name: n, receiver: .tuple(values))), args, keywords, span: span)
            })
        default:
            throw ShellError("'\(cls.name)' object has no attribute '\(n)'", span: span, kind: .attributeError)
        }
    }

    /// A tuple operator with this value on one side: the operator on its plain tuple (nil for
    /// identity and membership of the named tuple itself, which stay as they are).
    func binary(_ op: String, _ other: Value, _ span: Range<Int>, _ ev: Evaluator, left: Bool) throws(ShellError) -> Value? {
        if op == "is" || op == "is not" { return nil }
        if left && (op == "in" || op == "not in") { return nil }
        var o = other
        if case .object(let t as NamedTupleValue) = other { o = .tuple(t.values) }
        let me = Value.tuple(values)
        return try left ? ev.operate(op, me, o, span) : ev.operate(op, o, me, span)
    }
}
