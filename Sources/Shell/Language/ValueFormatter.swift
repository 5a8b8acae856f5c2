import Tensor

/// Turns values into the text Python prints for them: `str` (what `print` shows) and `repr`
/// (what the REPL echo and containers show). Arrays and numpy scalars are formatted by the
/// Printing module; this file only does Python's own containers and scalars.
public enum ValueFormatter {
    /// What `print(value)` shows.
    public static func str(_ value: Value) -> String {
        switch value {
        case .array(let a): return ArrayText.str(a)
        case .scalar(let a): return ArrayText.scalarStr(a)
        case .string(let s): return s
        case .dtype(let d): return d.name
        case .object(let o): return o.detail
        case .record(let r): return recordDetail(r)
        case .exception(let e): return e.message
        default: return repr(value)
        }
    }

    /// What `repr(value)` shows.
    public static func repr(_ value: Value) -> String {
        var seen = Seen()
        return repr(value, &seen)
    }

    /// Containers nested this deep are past what CPython shows (its RecursionError "while
    /// getting the repr of an object", raised by `PyNumbers.checkDigits` before printing).
    static let depthLimit = 999

    /// The lists and dicts being shown, and how deep the containers being shown are nested.
    struct Seen {
        var ids: [ObjectIdentifier] = []
        var depth = 0
        func contains(_ id: ObjectIdentifier) -> Bool { ids.contains(id) }
        mutating func append(_ id: ObjectIdentifier) { ids.append(id) }
        mutating func removeLast() { ids.removeLast() }
    }

    /// `repr` with the lists and dicts being shown (a list holding itself shows `[...]`, a dict
    /// `{...}`, as Python's). Past `depthLimit` levels a container shows as `...`: a caller
    /// that did not check the depth first gets a shortened text instead of a stack overflow.
    static func repr(_ value: Value, _ seen: inout Seen) -> String {
        switch value {
        case .list, .tuple, .dict, .set, .iterator, .exception:
            if seen.depth >= depthLimit { return "..." }
            seen.depth += 1
            defer { seen.depth -= 1 }
            return containerRepr(value, &seen)
        default:
            return containerRepr(value, &seen)
        }
    }

    private static func containerRepr(_ value: Value, _ seen: inout Seen) -> String {
        switch value {
        case .array(let a): return ArrayText.repr(a)
        case .scalar(let a): return ArrayText.scalarRepr(a)
        case .list(let list):
            let id = ObjectIdentifier(list)
            if seen.contains(id) { return "[...]" }
            seen.append(id)
            defer { seen.removeLast() }
            return "[" + interruptible(list.items, &seen).joined(separator: ", ") + "]"
        case .tuple(let items):
            if items.count == 1, let only = items.first { return "(" + repr(only, &seen) + ",)" }
            return "(" + items.map { repr($0, &seen) }.joined(separator: ", ") + ")"
        case .int(let i): return String(i)
        case .bigint(let b): return b.description
        case .float(let d): return pythonFloat(d)
        case .string(let s): return pythonStringRepr(s)
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        case .dtype(let d): return "dtype('\(d.name)')"
        case .record(let r): return "record(" + r.fields.map { "\($0.name)=\(summary($0.value))" }.joined(separator: ", ") + ")"
        case .object(let o as ReprObject): return o.reprText
        case .object(let o): return "<\(o.kind): \(o.summary)>"
        case .function(let c):
            if let receiver = c.receiver { return "<built-in method \(c.name) of \(receiver.typeName) object>" }
            return "<function \(c.name)>"
        case .namespace(let n): return "<module '\(n)'>"
        case .ellipsis: return "Ellipsis"
        case .slice(let a, let b, let c):
            func part(_ v: Int?) -> String { v.map(String.init) ?? "None" }
            return "slice(\(part(a)), \(part(b)), \(part(c)))"
        case .dict(let d):
            let id = ObjectIdentifier(d.table)
            if seen.contains(id) { return "{...}" }
            seen.append(id)
            defer { seen.removeLast() }
            if !d.flavour.isPlain {
                let shownItems: [(Value, Value)] = d.flavour.isCounter ? CollectionsModule.mostCommon(d) : d.items
                var parts: [String] = []
                for (k, v) in shownItems {
                    let kt: String = repr(k, &seen)
                    let vt: String = repr(v, &seen)
                    if case .ordered = d.flavour { parts.append("(" + kt + ", " + vt + ")") } else { parts.append(kt + ": " + vt) }
                }
                return CollectionsModule.repr(d.flavour, parts)
            }
            return "{" + zip(d.keys, d.values).map { repr($0, &seen) + ": " + repr($1, &seen) }.joined(separator: ", ") + "}"
        case .set(let s):
            if s.count == 0 { return s.isFrozen ? "frozenset()" : "set()" }
            let body = "{" + s.ordered.map { repr($0, &seen) }.joined(separator: ", ") + "}"
            return s.isFrozen ? "frozenset(" + body + ")" : body
        case .closure(let f):
            return f.definition.isLambda ? "<function <lambda>>" : "<function \(f.name)>"
        case .builtin(let b):
            if case .type(let t)? = b.receiver { return "<method '\(b.name)' of '\(t)' objects>" }
            if let r = b.receiver { return "<built-in method \(b.name) of \(r.typeName) object>" }
            return "<built-in function \(b.name)>"
        case .range(let a, let b, let c):
            return c == 1 ? "range(\(a), \(b))" : "range(\(a), \(b), \(c))"
        case .iterator(let it):
            if it.isView { return "\(it.kind)(" + repr(.list(it.items), &seen) + ")" }
            return "<\(it.kind) object>"
        case .exception(let e):
            return e.kind + "(" + e.args.map { repr($0, &seen) }.joined(separator: ", ") + ")"
        case .type(let n):
            return "<class '\(n)'>"
        }
    }

    /// One line for `vars`: short enough for a table cell.
    /// Each item's repr, stopping early (the text is then dropped) when Ctrl-C is pending: a
    /// list of a million lists of a million numbers would otherwise print for hours.
    static func interruptible(_ items: [Value], _ seen: inout Seen) -> [String] {
        var out: [String] = []
        out.reserveCapacity(items.count)
        for item in items {
            if Interrupt.isRequested { break }
            out.append(repr(item, &seen))
        }
        return out
    }

    /// A one-line description for `vars` and records. Looks at a bounded number of nested
    /// items (`x = [[0]*10**6]*10**6; vars` walked 10^12 of them): past the bound a list is
    /// described by its length only.
    public static func summary(_ value: Value) -> String {
        var budget = 10_000
        return summary(value, budget: &budget)
    }

    static func summary(_ value: Value, budget: inout Int) -> String {
        budget -= 1
        switch value {
        case .array(let a):
            return "\(shapeString(a.shape)) \(a.dtype.name)"
        case .list, .tuple:
            let items = (value).sequenceItems ?? []
            let open = value.typeName == "list" ? "[" : "("
            let close = value.typeName == "list" ? "]" : ")"
            if items.isEmpty { return open + close }
            guard items.count <= budget else { return "\(items.count) items" }
            var kinds = Set<String>()
            for item in items {
                kinds.insert(summary(item, budget: &budget))
                if budget < 0 || kinds.count > 1 { return "\(items.count) items" }
            }
            if kinds.count == 1, let k = kinds.first { return "\(items.count) × \(k)" }
            return "\(items.count) items"
        case .object(let o): return o.summary
        case .record(let r): return "fields " + r.fields.map(\.name).joined(separator: ", ")
        case .string(let s):
            let r = pythonStringRepr(s)
            return r.count > 40 ? String(r.prefix(37)) + "..." : r
        default:
            let r = repr(value)
            return r.count > 40 ? String(r.prefix(37)) + "..." : r
        }
    }

    static func recordDetail(_ r: Record) -> String {
        var lines = ["record with \(r.fields.count) field\(r.fields.count == 1 ? "" : "s"):"]
        for f in r.fields { lines.append("  \(f.name): \(summary(f.value))") }
        return lines.joined(separator: "\n")
    }

    /// Python's `repr(float)`: shortest round-trip digits, scientific outside 1e-4 … 1e16.
    public static func pythonFloat(_ d: Double) -> String { ArrayText.pythonFloat(d) }

    /// Python's `repr(str)`: single quotes unless the text has a `'` and no `"`.
    public static func pythonStringRepr(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if Character(u) == quote {
                    out += "\\" + String(quote)
                } else if u.value < 0x20 || u.value == 0x7F {
                    let h = String(u.value, radix: 16)
                    out += "\\x" + (h.count < 2 ? "0" : "") + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out.append(quote)
        return out
    }
}
