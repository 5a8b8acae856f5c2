import Foundation
import Tensor

/// One argument on its way into a command: unevaluated source (most arguments) or an already
/// computed value (the left side of a pipe, the receiver of a method call).
struct ArgumentInput {
    var label: String?
    var expr: Expr?
    var value: Value?
    var span: Range<Int>?
    /// The operand as written, when `span` covers more (a binary operator's sides).
    var text: String?

    /// Where `label=` was written, for errors about the keyword itself.
    var labelSpan: Range<Int>?

    init(label: String? = nil, expr: Expr, labelSpan: Range<Int>? = nil) {
        self.label = label
        self.expr = expr
        self.span = expr.span
        self.labelSpan = labelSpan
    }

    init(value: Value, span: Range<Int>?) {
        self.value = value
        self.span = span
    }
}

/// A command's arguments after binding: every parameter has a value of its declared kind
/// (or its default).
///
/// Names are checked: the binder knows the command's declared parameters, and reading a name
/// the command does not declare (a typo such as `a.array("axsi")`) is never a silent `None`.
/// The read is recorded, and the evaluator turns the call into an internal error naming the
/// undeclared parameter (`Evaluator.call`), whatever the body did with the `None`. Two tests
/// make a typo fail before it ships: `RegistryTests.everyExampleRuns` runs every example
/// (an undeclared read fails it), and `ArgumentNameTests` scans the command sources for every
/// literal parameter name read and checks that a command declares it, covering code paths the
/// examples do not reach.
public struct BoundArguments: Sendable {
    var values: [String: Value] = [:]
    var spans: [String: Range<Int>] = [:]
    var given: Set<String> = []
    var statements: [String: (statement: Statement, text: String)] = [:]
    /// Every parameter and option name the command declares.
    var declared: Set<String> = []
    /// Undeclared names read so far (shared by copies, so the evaluator sees the body's reads).
    let undeclaredReads = UndeclaredReads()

    init(declared: Set<String> = []) { self.declared = declared }

    /// Records `name` when the command does not declare it; returns whether it is declared.
    @discardableResult
    func check(_ name: String) -> Bool {
        if declared.contains(name) { return true }
        undeclaredReads.record(name)
        return false
    }

    /// The bound value (already converted to the parameter's kind). An undeclared name reads
    /// as `None` and is recorded, which fails the call (see the type's comment).
    public subscript(name: String) -> Value {
        check(name)
        return values[name] ?? .none
    }

    /// True when the user passed this parameter (rather than its default applying).
    public func isGiven(_ name: String) -> Bool { check(name) && given.contains(name) }

    /// Where the argument was written, for carets.
    public func span(_ name: String) -> Range<Int>? { check(name) ? spans[name] : nil }

    public func array(_ name: String) -> NDArray? {
        if case .array(let a) = self[name] { return a }
        return nil
    }

    public func int(_ name: String) -> Int? {
        if case .int(let i) = self[name] { return i }
        return nil
    }

    public func double(_ name: String) -> Double? {
        if case .float(let d) = self[name] { return d }
        return nil
    }

    public func bool(_ name: String) -> Bool? {
        if case .bool(let b) = self[name] { return b }
        return nil
    }

    /// Strings, words and paths.
    public func string(_ name: String) -> String? {
        if case .string(let s) = self[name] { return s }
        return nil
    }

    public func ints(_ name: String) -> [Int]? {
        guard let items = self[name].sequenceItems else { return nil }
        var out: [Int] = []
        for item in items {
            guard case .int(let i) = item else { return nil }
            out.append(i)
        }
        return out
    }

    public func dtype(_ name: String) -> DType? {
        if case .dtype(let d) = self[name] { return d }
        return nil
    }

    public func statement(_ name: String) -> (statement: Statement, text: String)? { check(name) ? statements[name] : nil }
}

/// The undeclared parameter names a command body asked for (normally none). A class so that
/// every copy of a `BoundArguments` records into the one log the evaluator checks.
final class UndeclaredReads: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []

    func record(_ name: String) {
        lock.lock(); defer { lock.unlock() }
        if !names.contains(name) { names.append(name) }
    }

    var all: [String] {
        lock.lock(); defer { lock.unlock() }
        return names
    }
}

/// Python's binding rules, with Python's error wording, driven by the command's declaration.
enum ArgumentBinder {
    struct Context {
        var evaluate: (Expr) throws(ShellError) -> Value
        var toArray: (Value, Range<Int>?) throws(ShellError) -> NDArray
        /// A workspace variable's value, for path arguments (`f = 'w.npz'; load f`).
        var variable: (String) -> Value?
        var rawText: (Range<Int>) -> String
    }

    static func bind(_ command: Command, _ inputs: [ArgumentInput], callSpan: Range<Int>, form: CallForm = .function,
                     context: Context) throws(ShellError) -> BoundArguments {
        let params = command.parameters.map { $0.binding(in: form) }
        let name = command.name
        var assigned: [String: [ArgumentInput]] = [:]
        var positionalCount = 0
        var index = 0
        for input in inputs where input.label == nil {
            positionalCount += 1
            guard index < params.count else { continue }
            assigned[params[index].name, default: []].append(input)
            if !params[index].isVariadic { index += 1 }
        }
        let maxPositional = params.contains(where: \.isVariadic) ? Int.max : params.count
        if positionalCount > maxPositional {
            let required = params.filter(\.isRequired).count
            let takes = required == params.count
                ? "takes \(params.count) positional argument\(params.count == 1 ? "" : "s")"
                : "takes from \(required) to \(params.count) positional arguments"
            let extra = inputs.filter { $0.label == nil }.dropFirst(params.count).first?.span
            throw ShellError("\(name)() \(takes) but \(positionalCount) \(positionalCount == 1 ? "was" : "were") given", span: extra, kind: .typeError)
        }
        let all = params + command.options
        let keywordCollector = all.first(where: \.collectsKeywords)
        var collected: [(name: String, input: ArgumentInput)] = []
        for input in inputs {
            guard let label = input.label else { continue }
            if let keywordCollector, !all.contains(where: { $0.name == label && !$0.collectsKeywords }) {
                if collected.contains(where: { $0.name == label }) {
                    throw ShellError("keyword argument repeated: \(label)", span: input.span, kind: .syntaxError)
                }
                collected.append((label, input))
                _ = keywordCollector
                continue
            }
            guard let p = all.first(where: { $0.name == label }) else {
                // Python's sentence, then the option meant — by spelling, or by the name another
                // library gives it (`hidden=` → `units=`) — and every option there is.
                var msg = "\(name)() got an unexpected keyword argument '\(label)'"
                if let meant = all.first(where: { $0.aliases.contains(label) }) {
                    msg += ". Did you mean: '\(meant.name)'?"
                } else {
                    msg = Suggest.message(msg, name: label, candidates: all.map(\.name))
                }
                let names = (command.options.isEmpty ? all : command.options).filter { $0.kind != .statement }.map { $0.name + "=" }
                throw ShellError(msg, explanation: names.isEmpty ? "\(name) takes no keyword arguments" : "\(name) takes: \(names.joined(separator: " "))",
                                 span: input.labelSpan ?? input.span, kind: .typeError)
            }
            if assigned[p.name] != nil {
                throw ShellError("\(name)() got multiple values for argument '\(label)'", span: input.span, kind: .typeError)
            }
            assigned[p.name] = [input]
        }
        let missing = params.filter { $0.isRequired && assigned[$0.name] == nil }.map(\.name)
        if !missing.isEmpty {
            let quoted = missing.map { "'\($0)'" }
            let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " and " + (quoted.last ?? "")
            throw ShellError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)",
                             explanation: "usage: \(command.synopsis)", span: callSpan, kind: .typeError)
        }
        let missingOptions = command.options.filter { $0.isRequired && assigned[$0.name] == nil }.map(\.name)
        if let first = missingOptions.first {
            throw ShellError("\(name)() missing 1 required keyword-only argument: '\(first)'",
                             explanation: "usage: \(command.synopsis)", span: callSpan, kind: .typeError)
        }

        var bound = BoundArguments(declared: Set(all.map(\.name)))
        if let keywordCollector {
            var fields: [(name: String, value: Value)] = []
            for (label, input) in collected { fields.append((label, try raw(input, keywordCollector, context))) }
            bound.values[keywordCollector.name] = .record(Record(fields))
            if !collected.isEmpty { bound.given.insert(keywordCollector.name) }
        }
        for p in all where !p.collectsKeywords {
            guard let given = assigned[p.name], let first = given.first else {
                bound.values[p.name] = p.defaultValue ?? Value.none
                continue
            }
            bound.given.insert(p.name)
            let lo = given.compactMap { $0.span?.lowerBound }.min()
            let hi = given.compactMap { $0.span?.upperBound }.max()
            if let lo, let hi { bound.spans[p.name] = lo..<hi }
            if p.kind == .statement {
                guard case .statement(let s, let text, _)? = first.expr else {
                    throw ShellError("\(name)() expects a statement", span: first.span)
                }
                bound.statements[p.name] = (s, text)
                bound.values[p.name] = .string(text)
                continue
            }
            if p.isVariadic {
                var values: [Value] = []
                for g in given { values.append(try raw(g, p, context)) }
                if p.kind == .ints {
                    if values.count == 1, let only = values.first, only.sequenceItems != nil || isIntArray(only) {
                        bound.values[p.name] = try convert(only, p, name, first.span, context)
                    } else {
                        bound.values[p.name] = try convert(.tuple(values), p, name, bound.spans[p.name], context)
                    }
                } else {
                    var converted: [Value] = []
                    for (g, v) in zip(given, values) { converted.append(try convert(v, p, name, g.span, context)) }
                    bound.values[p.name] = .tuple(converted)
                }
            } else {
                bound.values[p.name] = try convert(try raw(first, p, context), p, name, first.span, context)
            }
        }
        return bound
    }

    static func isIntArray(_ v: Value) -> Bool {
        if case .array(let a) = v { return a.dtype.isInteger && a.ndim == 1 }
        return false
    }

    /// The argument's value before conversion: evaluated, or taken literally for words and paths.
    static func raw(_ input: ArgumentInput, _ p: Parameter, _ c: Context) throws(ShellError) -> Value {
        if let v = input.value { return v }
        guard let expr = input.expr else { return .none }
        switch p.kind {
        case .word:
            switch expr {
            case .string(let s, _): return .string(s)
            default: return .string(c.rawText(expr.span))
            }
        case .path:
            // A file name as typed (`w.npz`, `/tmp/x.npy`), a string, or a variable's value
            // (so numpy's `np.save('x.npy', x)` order reaches `save` intact).
            switch expr {
            case .string(let s, _): return .string(s)
            case .name(let n, _): return c.variable(n) ?? .string(n)
            case .word(let w, _): return .string(w)
            case .attribute, .int, .float:
                if let v = try? c.evaluate(expr) { return v }
                return .string(c.rawText(expr.span))
            default: return try c.evaluate(expr)
            }
        case .bool:
            // A shell user types `one_hot=true` (the issue's own spelling); Python's True/False
            // work as well. A variable named `true` still wins.
            if case .name(let n, _) = expr, n == "true" || n == "false", c.variable(n) == nil { return .bool(n == "true") }
            return try c.evaluate(expr)
        default:
            return try c.evaluate(expr)
        }
    }

    /// Converts to the parameter's kind, with numpy's/Python's wording on failure.
    /// numpy's `np.dtype(v)` for an argument: a dtype, its name (`'float32'`, `'f4'`), Python's
    /// `int`/`float`/`bool`; nil for None (the caller's default). Anything else is numpy's TypeError.
    static func dtype(_ v: Value, _ span: Range<Int>?) throws(ShellError) -> DType? {
        switch v {
        case .none: return nil
        case .dtype(let d): return d
        case .object(let o as ByteOrderDTypeObject): return o.dtype
        case .type(let t) where Builtins.dtype(ofType: t) != nil:
            // Python's classes as dtypes: `dtype=int`, `x.astype(float)`.
            return Builtins.dtype(ofType: t) ?? .float64
        case .type("object"), .string("object"), .string("O"):
            throw ShellError("rnnsh has no object arrays (dtype=object): its arrays hold numbers, bools or strings", span: span, kind: .typeError)
        case .string(let s):
            if let d = DType(numpyName: s) { return d }
            throw ShellError("data type \(ValueFormatter.pythonStringRepr(s)) not understood", span: span, kind: .typeError)
        case .array:
            throw ShellError("Cannot construct a dtype from an array", span: span, kind: .typeError)
        default:
            throw ShellError("Cannot interpret \(ValueFormatter.pythonStringRepr(ValueFormatter.repr(v))) as a data type", span: span, kind: .typeError)
        }
    }

    static func convert(_ v: Value, _ p: Parameter, _ command: String, _ span: Range<Int>?, _ c: Context) throws(ShellError) -> Value {
        switch p.kind {
        case .value, .statement:
            return v
        case .array:
            return .array(try c.toArray(v, span))
        case .int:
            return .int(try integer(v, span))
        case .optionalInt:
            if v.isNone { return .none }
            return .int(try integer(v, span))
        case .float:
            switch v {
            case .int(let i): return .float(Double(i))
            case .float: return v
            case .bool(let b): return .float(b ? 1 : 0)
            case .scalar(let a) where a.size == 1:
                if let s = a.scalar(at: []) { return .float(s.doubleValue) }
            default: break
            }
            throw ShellError("must be real number, not \(v.typeName)", span: span, kind: .typeError)
        case .bool:
            switch v {
            case .bool: return v
            case .int(let i): return .bool(i != 0)
            default: throw ShellError("\(p.name) must be True or False, not \(v.typeName)", span: span, kind: .typeError)
            }
        case .path:
            return v
        case .string, .word:
            if case .string = v { return v }
            throw ShellError("\(command)() argument '\(p.name)' must be str, not \(v.typeName)", span: span, kind: .typeError)
        case .dtype:
            return try dtype(v, span).map { .dtype($0) } ?? .none
        case .ints:
            return .tuple(try integers(v, span).map { .int($0) })
        case .intOrInts:
            if let items = v.sequenceItems { return .list(try items.map { (x) throws(ShellError) -> Value in .int(try integer(x, span)) }) }
            if case .array = v { return .list(try integers(v, span).map { .int($0) }) }
            return .int(try integer(v, span))
        }
    }

    /// Python's `operator.index`: ints, bools and integer numpy scalars; never floats.
    static func integer(_ v: Value, _ span: Range<Int>?) throws(ShellError) -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .scalar(let a) where a.dtype.isInteger || a.dtype == .bool:
            if case .int(let i)? = a.scalar(at: []) { return Int(i) }
            if case .bool(let b)? = a.scalar(at: []) { return b ? 1 : 0 }
        case .array(let a) where a.ndim == 0 && a.dtype.isInteger:
            if case .int(let i)? = a.scalar(at: []) { return Int(i) }
        case .bigint:
            // An int, only too big: CPython's words for a C ssize_t argument ('a'.ljust(2**63)).
            throw ShellError("Python int too large to convert to C ssize_t", span: span, kind: .overflowError)
        case .object(is PyInstance):
            // An object with `__index__` is an integer wherever CPython takes one (range(obj)).
            if let ev = Evaluator.current, let i = try ClassRuntime.index(v, span, ev) { return try integer(i, span) }
        default: break
        }
        throw ShellError("'\(v.typeName)' object cannot be interpreted as an integer", span: span, kind: .typeError)
    }

    /// CPython's words for an int past 64 bits used as a sequence index or repeat count
    /// (`[1][2**63]` said "list indices must be integers or slices, not int"): an IndexError
    /// for an index, an OverflowError for `seq * n`.
    static func indexSized(_ span: Range<Int>?, kind: ErrorKind = .indexError) -> ShellError {
        ShellError("cannot fit 'int' into an index-sized integer", span: span, kind: kind)
    }

    static func integers(_ v: Value, _ span: Range<Int>?) throws(ShellError) -> [Int] {
        if let items = v.sequenceItems {
            var out: [Int] = []
            for item in items { out.append(try integer(item, span)) }
            return out
        }
        if case .array(let a) = v, a.dtype.isInteger, a.ndim <= 1 {
            return a.scalars.map { s in if case .int(let i) = s { return Int(i) } else { return 0 } }
        }
        return [try integer(v, span)]
    }
}
