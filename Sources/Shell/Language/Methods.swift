import Foundation
import Tensor

/// The methods of Python's own values: `str`, `list`, `dict`, `set`, `tuple`, `int`, `float`.
/// A mutating method changes `receiver` in place; the evaluator stores it back.
enum Methods {
    static let stringMethods: Set<String> = [
        "upper", "lower", "strip", "lstrip", "rstrip", "split", "rsplit", "join", "replace", "startswith", "endswith",
        "find", "rfind", "index", "rindex", "count", "format", "zfill", "center", "ljust", "rjust", "title", "capitalize",
        "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isnumeric", "isdecimal", "isidentifier",
        "splitlines", "partition", "rpartition", "swapcase", "casefold", "removeprefix", "removesuffix", "expandtabs",
        "encode", "istitle",
    ]
    static let listMethods: Set<String> = ["append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "clear", "copy"]
    static let listMutating: Set<String> = ["append", "extend", "insert", "pop", "remove", "sort", "reverse", "clear"]
    static let dictMethods: Set<String> = ["keys", "values", "items", "get", "pop", "setdefault", "update", "clear", "copy", "popitem"]
    static let dictMutating: Set<String> = ["pop", "setdefault", "update", "clear", "popitem"]
    static let setMethods: Set<String> = ["add", "remove", "discard", "pop", "union", "intersection", "difference", "symmetric_difference",
                                          "update", "issubset", "issuperset", "isdisjoint", "clear", "copy", "intersection_update",
                                          "difference_update"]
    static let setMutating: Set<String> = ["add", "remove", "discard", "pop", "update", "clear", "intersection_update", "difference_update"]

    /// Values whose methods live here (arrays' methods are registry commands).
    static func handles(_ v: Value) -> Bool {
        switch v {
        case .string, .list, .dict, .set, .tuple, .int, .bigint, .float, .bool: return true
        default: return false
        }
    }

    static func has(_ v: Value, _ name: String) -> Bool {
        switch v {
        case .string: return stringMethods.contains(name)
        // numpy's str_ is a str: its methods are str's, and they return plain str.
        case .object(is NumpyStrObject): return stringMethods.contains(name)
        case .list: return listMethods.contains(name)
        case .dict(let d): return dictMethods.contains(name) || CollectionsModule.hasMethod(d, name)
        case .set(let s): return setMethods.contains(name) && !(s.isFrozen && setMutating.contains(name))
        case .tuple: return name == "index" || name == "count"
        case .int, .bool, .bigint: return ["bit_length", "to_bytes", "conjugate", "is_integer"].contains(name)
        case .float: return ["is_integer", "hex", "conjugate", "as_integer_ratio"].contains(name)
        case .range: return name == "index" || name == "count"
        case .iterator(let it): return it.generator != nil && PyGenerator.methods.contains(name)
        default: return false
        }
    }

    /// The builtin types whose methods can be read off the type (`str.lower`), and whether
    /// `name` is one of them. Only methods that leave their receiver unchanged: a mutating call
    /// through the type (`list.append(xs, 1)`) would bypass the statement's undo journal.
    static func unbound(_ type: String, _ name: String) -> Bool {
        switch type {
        case "str": return stringMethods.contains(name)
        case "list": return listMethods.contains(name) && !listMutating.contains(name)
        case "dict": return dictMethods.contains(name) && !dictMutating.contains(name)
        case "set", "frozenset": return setMethods.contains(name) && !setMutating.contains(name)
        case "tuple": return name == "index" || name == "count"
        case "int": return ["bit_length", "conjugate", "is_integer"].contains(name)
        case "float": return ["is_integer", "conjugate"].contains(name)
        default: return false
        }
    }

    /// True when `type` names a builtin type whose mutating method `name` is (`list.append`).
    static func unboundMutating(_ type: String, _ name: String) -> Bool {
        switch type {
        case "list": return listMutating.contains(name)
        case "dict": return dictMutating.contains(name)
        case "set": return setMutating.contains(name)
        default: return false
        }
    }

    static func mutates(_ v: Value, _ name: String) -> Bool {
        switch v {
        case .list: return listMutating.contains(name)
        case .dict: return dictMutating.contains(name)
        case .set: return setMutating.contains(name)
        default: return false
        }
    }

    static func argCount(_ name: String, _ args: [Value], _ lo: Int, _ hi: Int, _ span: Range<Int>) throws(ShellError) {
        if args.count < lo || args.count > hi {
            if lo == hi {
                let what = lo == 0 ? "no arguments" : (lo == 1 ? "exactly one argument" : "exactly \(lo) arguments")
                throw ShellError("\(name)() takes \(what) (\(args.count) given)", span: span, kind: .typeError)
            }
            if args.count < lo {
                throw ShellError("\(name) expected at least \(lo) argument\(lo == 1 ? "" : "s"), got \(args.count)", span: span, kind: .typeError)
            }
            throw ShellError("\(name) expected at most \(hi) argument\(hi == 1 ? "" : "s"), got \(args.count)", span: span, kind: .typeError)
        }
    }

    static func call(_ receiver: inout Value, _ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        switch receiver {
        case .string(let s): return try stringMethod(s, name, args, keywords, span, ev)
        case .object(let o as NumpyStrObject): return try stringMethod(o.value, name, args, keywords, span, ev)
        case .list(let list):
            if !listMutating.contains(name) {
                var items = list.items
                return try listMethod(&items, name, args, keywords, span, ev)
            }
            // Only a statement that runs under a journal needs to know what changed.
            // The list reads as empty while it is changed (`mutate`): `xs.extend(xs)` must take
            // its items first (it appended nothing).
            var args = args
            if name == "extend", args.count == 1, case .list(let other) = args[0], other === list { args[0] = .list(Array(list.items)) }
            let edit = WriteJournal.current == nil ? nil : ListEditRecord()
            let r = try list.mutate { (items) throws(ShellError) -> Value in
                try listMethod(&items, name, args, keywords, span, ev, edit: edit)
            }
            if let e = edit?.edit { list.journal(e) }
            return r
        case .dict(var d):
            if !d.flavour.isPlain, let r = try CollectionsModule.method(d, name, args, keywords, span, ev) { return r }
            let r = try dictMethod(&d, name, args, span, ev)
            if name == "update" { for (k, v) in keywords { try d.journaledSet(.string(k), v, span: span) } }
            return r
        case .set(var s):
            return try setMethod(&s, name, args, span, ev)
        case .tuple(let items):
            var copy = items.array
            return try listMethod(&copy, name, args, keywords, span, ev, typeName: "tuple")
        case .range:
            var items = try ev.iterate(receiver, span)
            return try listMethod(&items, name, args, keywords, span, ev, typeName: "range")
        case .int(let i):
            if name == "bit_length" { return .int(i == 0 ? 0 : Int.bitWidth - i.magnitude.leadingZeroBitCount) }
            if name == "conjugate" { return .int(i) }
            if name == "is_integer" { return .bool(true) }
        case .bool(let b):
            if name == "bit_length" { return .int(b ? 1 : 0) }
        case .bigint(let b):
            if name == "bit_length" { return .int(b.bitWidth) }
            if name == "conjugate" { return receiver }
            if name == "is_integer" { return .bool(true) }
        case .float(let d):
            if name == "is_integer" { return .bool(d.isFinite && d == d.rounded()) }
            if name == "conjugate" { return .float(d) }
        case .iterator(let it):
            if let g = it.generator { return try g.method(name, it, args, keywords, span, ev) }
        case .object(let r as PythonRandomObject):
            return try r.call(name, args, keywords, span: span, evaluator: ev)
        default: break
        }
        throw ShellError("'\(receiver.typeName)' object has no attribute '\(name)'", span: span, kind: .attributeError)
    }

    static func string(_ v: Value, _ what: String, _ span: Range<Int>) throws(ShellError) -> String {
        guard case .string(let s) = v else {
            throw ShellError("\(what) must be str, not \(v.typeName)", span: span, kind: .typeError)
        }
        return s
    }

    static func optionalString(_ args: [Value], _ i: Int) -> String? {
        guard i < args.count, case .string(let s) = args[i] else { return nil }
        return s
    }

    static func stripSet(_ args: [Value], _ name: String, _ span: Range<Int>) throws(ShellError) -> Set<Unicode.Scalar>? {
        guard let a = args.first, !a.isNone else { return nil }
        return Set(try string(a, "\(name) arg", span).unicodeScalars)
    }

    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        u == " " || u == "\t" || u == "\n" || u == "\r" || u == "\u{0B}" || u == "\u{0C}" || u.properties.isWhitespace
    }

    static func stringMethod(_ s: String, _ name: String, _ args: [Value], _ keywords: [(String, Value)], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        if name == "split" || name == "rsplit", let parts = try splitAll(s, args, keywords, span) { return parts }
        let u = Array(s.unicodeScalars)
        func str(_ x: [Unicode.Scalar]) -> Value { .string(String(String.UnicodeScalarView(x))) }
        func index(_ i: Int, _ def: Int) throws(ShellError) -> Int {
            guard i < args.count, !args[i].isNone else { return def }
            var v = try ArgumentBinder.integer(args[i], span)
            if v < 0 { v = max(0, v + u.count) }
            return min(v, u.count)
        }
        switch name {
        case "upper": return .string(s.uppercased())
        case "lower", "casefold": return .string(s.lowercased())
        case "swapcase": return .string(String(s.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }))
        case "strip", "lstrip", "rstrip":
            try argCount(name, args, 0, 1, span)
            let set = try stripSet(args, name, span)
            func strip(_ c: Unicode.Scalar) -> Bool { set.map { $0.contains(c) } ?? isSpace(c) }
            var lo = 0, hi = u.count
            if name != "rstrip" { while lo < hi && strip(u[lo]) { lo += 1 } }
            if name != "lstrip" { while hi > lo && strip(u[hi - 1]) { hi -= 1 } }
            return str(Array(u[lo..<hi]))
        case "split", "rsplit":
            var sep: String? = optionalString(args, 0)
            var maxsplit = args.count > 1 ? try ArgumentBinder.integer(args[1], span) : -1
            for (k, v) in keywords {
                if k == "sep" { sep = v.isNone ? nil : try string(v, "sep", span) } else if k == "maxsplit" { maxsplit = try ArgumentBinder.integer(v, span) } else {
                    throw ShellError("'\(k)' is an invalid keyword argument for \(name)()", span: span, kind: .typeError)
                }
            }
            if let sep {
                if sep.isEmpty { throw ShellError("empty separator", span: span, kind: .valueError) }
                var parts = s.components(separatedBy: sep)
                if maxsplit >= 0 && parts.count > maxsplit + 1 {
                    if name == "split" {
                        let head = Array(parts[0..<maxsplit])
                        parts = head + [parts[maxsplit...].joined(separator: sep)]
                    } else {
                        let tailStart = parts.count - maxsplit
                        parts = [parts[0..<tailStart].joined(separator: sep)] + Array(parts[tailStart...])
                    }
                }
                return .list(parts.map { .string($0) })
            }
            var words: [String] = []
            var current = String.UnicodeScalarView()
            var i = 0
            if name == "split" {
                while i < u.count {
                    if isSpace(u[i]) {
                        if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
                        if maxsplit >= 0 && words.count == maxsplit {
                            while i < u.count && isSpace(u[i]) { i += 1 }
                            if i < u.count { words.append(String(String.UnicodeScalarView(u[i...]))) }
                            return .list(words.map { .string($0) })
                        }
                    } else {
                        current.append(u[i])
                    }
                    i += 1
                }
                if !current.isEmpty { words.append(String(current)) }
                return .list(words.map { .string($0) })
            }
            let all = s.split(whereSeparator: { $0.unicodeScalars.allSatisfy(isSpace) }).map(String.init)
            if maxsplit < 0 || all.count <= maxsplit + 1 { return .list(all.map { .string($0) }) }
            // rsplit with a limit: split from the right.
            var rest = Substring(s)
            var out: [String] = []
            while out.count < maxsplit {
                while let l = rest.last, l.unicodeScalars.allSatisfy(isSpace) { rest.removeLast() }
                guard let cut = rest.lastIndex(where: { $0.unicodeScalars.allSatisfy(isSpace) }) else { break }
                out.insert(String(rest[rest.index(after: cut)...]), at: 0)
                rest = rest[..<cut]
            }
            while let l = rest.last, l.unicodeScalars.allSatisfy(isSpace) { rest.removeLast() }
            while let f = rest.first, f.unicodeScalars.allSatisfy(isSpace) { rest.removeFirst() }
            if !rest.isEmpty { out.insert(String(rest), at: 0) }
            return .list(out.map { .string($0) })
        case "splitlines":
            var lines = s.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            return .list(lines.map { .string($0) })
        case "join":
            try argCount("join", args, 1, 1, span)
            var parts: [String] = []
            // The joined length, added up with overflow checks and checked against the memory
            // budget before joining: `','.join(['a' * 10**6] * 10**5)` asked the allocator for
            // 33 GB and the process aborted (CPython: MemoryError).
            var bytes = 0, overflow = false
            for (i, item) in try ev.iterate(args[0], span).enumerated() {
                guard case .string(let p) = item else {
                    throw ShellError("sequence item \(i): expected str instance, \(item.typeName) found", span: span, kind: .typeError)
                }
                let (b, o) = bytes.addingReportingOverflow(p.utf8.count + (i > 0 ? s.utf8.count : 0))
                bytes = b
                overflow = overflow || o
                parts.append(p)
            }
            try PythonArithmetic.reserve(overflow ? Int.max : bytes, "a string of \(overflow ? "more than \(Int.max)" : String(bytes)) bytes", span)
            return .string(parts.joined(separator: s))
        case "replace":
            try argCount("replace", args, 2, 3, span)
            let old = try string(args[0], "replace() argument 1", span), new = try string(args[1], "replace() argument 2", span)
            let count = args.count > 2 ? try ArgumentBinder.integer(args[2], span) : -1
            try reserveReplacement(s, old, new, count, span)
            if count < 0 { return .string(old.isEmpty ? new + s.map { String($0) + new }.joined() : s.replacingOccurrences(of: old, with: new)) }
            var out = s
            var done = 0
            var searchStart = out.startIndex
            while done < count, let r = out.range(of: old, range: searchStart..<out.endIndex) {
                out.replaceSubrange(r, with: new)
                searchStart = out.index(r.lowerBound, offsetBy: new.count)
                done += 1
            }
            return .string(out)
        case "startswith", "endswith":
            try argCount(name, args, 1, 3, span)
            let lo = try index(1, 0), hi = try index(2, u.count)
            let part = String(String.UnicodeScalarView(u[lo..<max(lo, hi)]))
            let candidates: [Value] = args[0].sequenceItems ?? [args[0]]
            for c in candidates {
                let p = try string(c, "\(name) first arg", span)
                if name == "startswith" ? part.unicodeScalars.starts(with: p.unicodeScalars) : Array(part.unicodeScalars).reversed().starts(with: Array(p.unicodeScalars).reversed()) {
                    return .bool(true)
                }
            }
            return .bool(false)
        case "find", "rfind", "index", "rindex", "count":
            try argCount(name, args, 1, 3, span)
            let sub = Array(try string(args[0], "must be str, not", span).unicodeScalars)
            let lo = try index(1, 0), hi = try index(2, u.count)
            var hits: [Int] = []
            if sub.isEmpty {
                hits = lo <= hi ? Array(lo...hi) : []
            } else if hi - lo >= sub.count {
                var i = lo
                while i + sub.count <= hi {
                    if Array(u[i..<(i + sub.count)]) == sub {
                        hits.append(i)
                        if name == "count" { i += sub.count; continue }
                    }
                    i += 1
                }
            }
            switch name {
            case "count": return .int(hits.count)
            case "find": return .int(hits.first ?? -1)
            case "rfind": return .int(hits.last ?? -1)
            default:
                guard let h = name == "index" ? hits.first : hits.last else { throw ShellError("substring not found", span: span, kind: .valueError) }
                return .int(h)
            }
        case "format":
            return .string(try PyFormat.format(s, args, keywords, span: span, evaluator: ev))
        case "zfill":
            let width = try ArgumentBinder.integer(args.first ?? .int(0), span)
            if u.count >= width { return .string(s) }
            try PythonArithmetic.reserve(width, "a string of \(width) bytes", span)
            let pad = PythonArithmetic.repeatedString("0", width - u.count)
            if let f = u.first, f == "-" || f == "+" { return .string(String(Character(f)) + pad + String(String.UnicodeScalarView(u.dropFirst()))) }
            return .string(pad + s)
        case "center", "ljust", "rjust":
            try argCount(name, args, 1, 2, span)
            let width = try ArgumentBinder.integer(args[0], span)
            let fill = args.count > 1 ? try string(args[1], "fill character", span) : " "
            if u.count >= width { return .string(s) }
            // `'a'.ljust(10**12)` is refused before allocating (it was a Swift trap, rc 134/132).
            let (bytes, o) = width.multipliedReportingOverflow(by: max(fill.utf8.count, 1))
            try PythonArithmetic.reserve(o ? Int.max : bytes, "a string of \(o ? "more than \(Int.max)" : String(bytes)) bytes", span)
            let total = width - u.count
            switch name {
            case "ljust": return .string(s + PythonArithmetic.repeatedString(fill, total))
            case "rjust": return .string(PythonArithmetic.repeatedString(fill, total) + s)
            default:
                let left = total / 2 + (total & width & 1)
                return .string(PythonArithmetic.repeatedString(fill, left) + s + PythonArithmetic.repeatedString(fill, total - left))
            }
        case "title":
            var out = ""
            var previousLetter = false
            for c in s {
                out += previousLetter ? c.lowercased() : c.uppercased()
                previousLetter = c.isLetter
            }
            return .string(out)
        case "capitalize":
            guard let f = s.first else { return .string("") }
            return .string(f.uppercased() + s.dropFirst().lowercased())
        case "isdigit", "isnumeric", "isdecimal": return .bool(!u.isEmpty && u.allSatisfy { $0.properties.numericType != nil })
        case "isalpha": return .bool(!u.isEmpty && u.allSatisfy { $0.properties.isAlphabetic })
        case "isalnum": return .bool(!u.isEmpty && u.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        case "isspace": return .bool(!u.isEmpty && u.allSatisfy(isSpace))
        case "isupper": return .bool(s.contains { $0.isCased } && !s.contains { $0.isLowercase })
        case "islower": return .bool(s.contains { $0.isCased } && !s.contains { $0.isUppercase })
        case "istitle": return .bool(s == (try stringMethod(s, "title", [], [], span, ev)).stringValue && s.contains { $0.isCased })
        case "isidentifier": return .bool(!u.isEmpty && Lexer.isIdentifierStart(u[0]) && u.allSatisfy(Lexer.isIdentifierContinue))
        case "partition", "rpartition":
            let sep = try string(args.first ?? .none, "partition argument", span)
            if sep.isEmpty { throw ShellError("empty separator", span: span, kind: .valueError) }
            let r = name == "partition" ? s.range(of: sep) : s.range(of: sep, options: .backwards)
            guard let r else { return name == "partition" ? .tuple([.string(s), .string(""), .string("")]) : .tuple([.string(""), .string(""), .string(s)]) }
            return .tuple([.string(String(s[..<r.lowerBound])), .string(sep), .string(String(s[r.upperBound...]))])
        case "removeprefix":
            let p = try string(args.first ?? .none, "removeprefix() argument", span)
            return .string(s.hasPrefix(p) ? String(s.dropFirst(p.count)) : s)
        case "removesuffix":
            let p = try string(args.first ?? .none, "removesuffix() argument", span)
            return .string(s.hasSuffix(p) && !p.isEmpty ? String(s.dropLast(p.count)) : s)
        case "expandtabs":
            // Python's columns: a tab pads to the next multiple of tabsize (removed when
            // tabsize <= 0), a newline or return starts column 0 again.
            try argCount(name, args, 0, 1, span)
            var tabValue = args.first
            for (k, v) in keywords {
                guard k == "tabsize", tabValue == nil else {
                    throw ShellError("'\(k)' is an invalid keyword argument for expandtabs()", span: span, kind: .typeError)
                }
                tabValue = v
            }
            let tab = try tabValue.map { (v) throws(ShellError) -> Int in try ArgumentBinder.integer(v, span) } ?? 8
            var column = 0, length = 0, overflow = false
            for c in u {
                let width: Int
                if c == "\t" { width = tab > 0 ? tab - column % tab : 0 } else { width = 1 }
                let (l, o1) = length.addingReportingOverflow(width)
                let (col, o2) = column.addingReportingOverflow(width)
                if o1 || o2 { overflow = true; break }
                length = l
                column = c == "\n" || c == "\r" ? 0 : col
            }
            if overflow { throw ShellError("new string is too long", span: span, kind: .overflowError) }
            try PythonArithmetic.reserve(length, "a string of \(length) characters", span)
            var out = String.UnicodeScalarView()
            column = 0
            for c in u {
                if c == "\t" {
                    let pad = tab > 0 ? tab - column % tab : 0
                    out.append(contentsOf: repeatElement(" " as Unicode.Scalar, count: pad))
                    column += pad
                } else {
                    out.append(c)
                    column = c == "\n" || c == "\r" ? 0 : column + 1
                }
            }
            return .string(String(out))
        case "encode":
            throw ShellError("bytes are not supported", span: span, kind: .notImplementedError)
        default:
            throw ShellError("'str' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }

    /// A method of a list (or of a tuple or range, for the methods that do not change it).
    /// `edit`, when given, is told what a changing method did, for its undo.
    /// `s.split(sep)` with every split (no maxsplit), by bytes: UTF-8 finds a separator's bytes
    /// only where the separator is. `('a,' * 10**8).split(',')` went through Foundation's
    /// components(separatedBy:) and an array of every scalar first, over 20 s and deaf to
    /// Ctrl-C; now the parts are counted, checked against the memory budget, and cut with
    /// memchr, Ctrl-C seen every 2^20 parts. nil: not this case (no separator, maxsplit).
    static func splitAll(_ s: String, _ args: [Value], _ keywords: [(String, Value)], _ span: Range<Int>) throws(ShellError) -> Value? {
        guard args.count <= 2 else { return nil }
        var sepValue = args.first, maxValue = args.count > 1 ? args[1] : nil
        for (k, v) in keywords {
            if k == "sep" { sepValue = v } else if k == "maxsplit" { maxValue = v } else { return nil }
        }
        guard case .string(var sep)? = sepValue, !sep.isEmpty else { return nil }
        if let maxValue { guard case .int(let m) = maxValue, m < 0 else { return nil } }
        var text = s
        var interrupted = false
        var refused: ShellError?
        let parts: [Value]? = text.withUTF8 { t -> [Value]? in
            sep.withUTF8 { p -> [Value]? in
                guard let tb = t.baseAddress, let pb = p.baseAddress else { return nil }
                let n = t.count, m = p.count
                // Each separator's start, left to right, matches not overlapping (Python's rule).
                func next(from i: Int) -> Int? {
                    var i = i
                    while i + m <= n {
                        guard let hit = memchr(tb + i, Int32(pb[0]), n - m + 1 - i) else { return nil }
                        let j = tb.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        if memcmp(tb + j, pb, m) == 0 { return j }
                        i = j + 1
                    }
                    return nil
                }
                var count = 1, i = 0
                while let j = next(from: i) { count += 1; i = j + m }
                do throws(ShellError) { try PythonArithmetic.reserve(items: count, 0, "a list", span) } catch { refused = error; return nil }
                var out: [Value] = []
                out.reserveCapacity(count)
                var start = 0
                while let j = next(from: start) {
                    out.append(.string(String(decoding: UnsafeBufferPointer(start: tb + start, count: j - start), as: UTF8.self)))
                    start = j + m
                    if out.count & 0xFFFFF == 0 && Interrupt.isRequested { interrupted = true; return nil }
                }
                out.append(.string(String(decoding: UnsafeBufferPointer(start: tb + start, count: n - start), as: UTF8.self)))
                return out
            }
        }
        if interrupted { throw Interrupt.error }
        if let refused { throw refused }
        return parts.map { .list($0) }
    }

    /// `s.replace(old, new, count)` checked against the memory budget before it is built:
    /// `('a' * 10**6).replace('a', 'bb' * 10**4)` (20 GB) grew past the budget, past physical
    /// memory, where CPython says MemoryError. Occurrences are counted as bytes (left to
    /// right, not overlapping, as replace matches); an empty `old` matches between every
    /// character and at both ends.
    static func reserveReplacement(_ s: String, _ old: String, _ new: String, _ count: Int, _ span: Range<Int>) throws(ShellError) {
        let n = s.utf8.count, m = old.utf8.count, k = new.utf8.count
        if k <= m { return }
        var hits = 0
        if m == 0 {
            hits = s.count + 1
        } else {
            var text = s, pattern = old
            var interrupted = false
            text.withUTF8 { t in
                pattern.withUTF8 { p in
                    guard let tb = t.baseAddress, let pb = p.baseAddress else { return }
                    var i = 0
                    while i + m <= n, count < 0 || hits < count {
                        guard let hit = memchr(tb + i, Int32(pb[0]), n - m + 1 - i) else { return }
                        let j = tb.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        if memcmp(tb + j, pb, m) == 0 { hits += 1; i = j + m } else { i = j + 1 }
                        if hits & 0xFFFFF == 0xFFFFF && Interrupt.isRequested { interrupted = true; return }
                    }
                }
            }
            if interrupted { throw Interrupt.error }
        }
        if count >= 0 { hits = Swift.min(hits, count) }
        let (grow, o1) = hits.multipliedReportingOverflow(by: k - m)
        let (total, o2) = n.addingReportingOverflow(grow)
        let overflow = o1 || o2
        try PythonArithmetic.reserve(overflow ? Int.max : total, "a string of \(overflow ? "more than \(Int.max)" : String(total)) bytes", span)
    }

    static func listMethod(_ items: inout [Value], _ name: String, _ args: [Value], _ keywords: [(String, Value)], _ span: Range<Int>, _ ev: Evaluator,
                           typeName: String = "list", edit: ListEditRecord? = nil) throws(ShellError) -> Value {
        switch name {
        case "append":
            try argCount("list.append", args, 1, 1, span)
            edit?.edit = .appended(from: items.count)
            items.append(args[0])
            return .none
        case "extend":
            try argCount("list.extend", args, 1, 1, span)
            let more = try ev.iterate(args[0], span)
            // `l.extend(l)` in a loop doubles: refused before the budget is passed, as `l + l`.
            try PythonArithmetic.reserve(items: items.count, more.count, typeName == "list" ? "a list" : "a \(typeName)", span)
            edit?.edit = .appended(from: items.count)
            items.append(contentsOf: more)
            return .none
        case "insert":
            if args.count != 2 { throw ShellError("insert expected 2 arguments, got \(args.count)", span: span, kind: .typeError) }
            var i = try ArgumentBinder.integer(args[0], span)
            if i < 0 { i = max(0, i + items.count) }
            let at = min(i, items.count)
            edit?.edit = .inserted(at: at)
            items.insert(args[1], at: at)
            return .none
        case "pop":
            try argCount("pop", args, 0, 1, span)
            if items.isEmpty { throw ShellError("pop from empty list", span: span, kind: .indexError) }
            let i = args.isEmpty ? items.count - 1 : try ArgumentBinder.integer(args[0], span)
            let j = i < 0 ? i + items.count : i
            guard j >= 0 && j < items.count else { throw ShellError("pop index out of range", span: span, kind: .indexError) }
            edit?.edit = .removed(items[j], at: j)
            return items.remove(at: j)
        case "remove":
            try argCount("list.remove", args, 1, 1, span)
            for (i, x) in items.enumerated() where (try ev.pyEquals(x, args[0])) == true {
                edit?.edit = .removed(x, at: i)
                items.remove(at: i)
                return .none
            }
            throw ShellError("list.remove(x): x not in list", span: span, kind: .valueError)
        case "index":
            try argCount("index", args, 1, 3, span)
            for (i, x) in items.enumerated() where (try ev.pyEquals(x, args[0])) == true { return .int(i) }
            if typeName == "tuple" { throw ShellError("tuple.index(x): x not in tuple", span: span, kind: .valueError) }
            if typeName == "range" { throw ShellError("\(ValueFormatter.repr(args[0])) is not in range", span: span, kind: .valueError) }
            throw ShellError("\(ValueFormatter.repr(args[0])) is not in list", span: span, kind: .valueError)
        case "count":
            try argCount("count", args, 1, 1, span)
            var n = 0
            for x in items where (try ev.pyEquals(x, args[0])) == true { n += 1 }
            return .int(n)
        case "reverse":
            edit?.edit = .replacedAll(items)
            items.reverse()
            return .none
        case "clear":
            edit?.edit = .replacedAll(items)
            items.removeAll()
            return .none
        case "copy":
            return .list(items)
        case "sort":
            if !args.isEmpty { throw ShellError("sort() takes no positional arguments", span: span, kind: .typeError) }
            let sorted = try Builtins.sorted(items, keywords, span: span, evaluator: ev)
            edit?.edit = .replacedAll(items)
            items = sorted
            return .none
        default:
            throw ShellError("'\(typeName)' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }

    static func dictMethod(_ d: inout PyDict, _ name: String, _ args: [Value], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        switch name {
        case "keys": return .iterator(PyIterator(d.keys, kind: "dict_keys"))
        case "values": return .iterator(PyIterator(d.values, kind: "dict_values"))
        case "items": return .iterator(PyIterator(d.items.map { .tuple([$0.0, $0.1]) }, kind: "dict_items"))
        case "get":
            try argCount("get", args, 1, 2, span)
            return d.get(try HashKey.of(args[0], span: span)) ?? (args.count > 1 ? args[1] : .none)
        case "pop":
            try argCount("pop", args, 1, 2, span)
            if let v = d.journaledRemove(try HashKey.of(args[0], span: span)) { return v }
            if args.count > 1 { return args[1] }
            throw ShellError(ValueFormatter.repr(args[0]), span: span, kind: .keyError)
        case "popitem":
            guard let k = d.keys.last else { throw ShellError("'popitem(): dictionary is empty'", span: span, kind: .keyError) }
            let v = d.journaledRemove(try HashKey.of(k, span: span)) ?? .none
            return .tuple([k, v])
        case "setdefault":
            try argCount("setdefault", args, 1, 2, span)
            let h = try HashKey.of(args[0], span: span)
            if let v = d.get(h) { return v }
            let v = args.count > 1 ? args[1] : .none
            try d.journaledSet(args[0], v, span: span)
            return v
        case "update":
            try argCount("update", args, 0, 1, span)
            if let other = args.first {
                if case .dict(let o) = other {
                    for (k, v) in o.items { try d.journaledSet(k, v, span: span) }
                } else {
                    for pair in try ev.iterate(other, span) {
                        let kv = try ev.iterate(pair, span)
                        guard kv.count == 2 else {
                            throw ShellError("dictionary update sequence element #0 has length \(kv.count); 2 is required", span: span, kind: .valueError)
                        }
                        try d.journaledSet(kv[0], kv[1], span: span)
                    }
                }
            }
            return .none
        case "clear":
            d.journaledRemoveAll()
            return .none
        case "copy":
            return .dict(d.copy())
        default:
            throw ShellError("'dict' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }

    static func setMethod(_ s: inout PySet, _ name: String, _ args: [Value], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        func others() throws(ShellError) -> [PySet] {
            var out: [PySet] = []
            for a in args {
                var x = PySet()
                for item in try ev.iterate(a, span) { try x.insert(item, span: span) }
                out.append(x)
            }
            return out
        }
        switch name {
        case "add":
            try argCount("set.add", args, 1, 1, span)
            try s.journaledInsert([args[0]], span: span)
            return .none
        case "remove":
            try argCount("set.remove", args, 1, 1, span)
            if try !s.journaledRemove(args[0], span: span) { throw ShellError(ValueFormatter.repr(args[0]), span: span, kind: .keyError) }
            return .none
        case "discard":
            try argCount("set.discard", args, 1, 1, span)
            _ = try s.journaledRemove(args[0], span: span)
            return .none
        case "pop":
            guard let first = s.ordered.first else { throw ShellError("'pop from an empty set'", span: span, kind: .keyError) }
            _ = try s.journaledRemove(first, span: span)
            return first
        case "clear":
            s.journaledReplaceContents(with: PySet())
            return .none
        case "copy":
            return .set(s.copy())
        case "union", "update":
            if name == "update" {
                try s.journaledInsert(try others().flatMap(\.items), span: span)
                return .none
            }
            let out = s.copy()
            for o in try others() { for x in o.items { try out.insert(x, span: span) } }
            return .set(out)
        case "intersection", "intersection_update":
            var out = PySet()
            let os = try others()
            for x in s.items {
                let h = try HashKey.of(x, span: span)
                if os.allSatisfy({ $0.contains(h) }) { try out.insert(x, span: span) }
            }
            if name == "intersection_update" { s.journaledReplaceContents(with: out); return .none }
            return .set(out)
        case "difference", "difference_update":
            var out = PySet()
            let os = try others()
            for x in s.items {
                let h = try HashKey.of(x, span: span)
                if !os.contains(where: { $0.contains(h) }) { try out.insert(x, span: span) }
            }
            if name == "difference_update" { s.journaledReplaceContents(with: out); return .none }
            return .set(out)
        case "symmetric_difference":
            guard let o = try others().first else { return .set(s) }
            return try ev.pythonBinary("^", .set(s), .set(o), span) ?? .set(s)
        case "issubset", "issuperset", "isdisjoint":
            guard let o = try others().first else { return .bool(true) }
            var sub = true, sup = true, disjoint = true
            for x in s.items {
                if o.contains(try HashKey.of(x, span: span)) { disjoint = false } else { sub = false }
            }
            for x in o.items where !s.contains(try HashKey.of(x, span: span)) { sup = false }
            switch name {
            case "issubset": return .bool(sub)
            case "issuperset": return .bool(sup)
            default: return .bool(disjoint)
            }
        default:
            throw ShellError("'set' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }
}

extension Value {
    /// The text of a `str`, or "".
    var stringValue: String {
        if case .string(let s) = self { return s }
        return ""
    }
}
