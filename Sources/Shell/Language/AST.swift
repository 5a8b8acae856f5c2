/// The syntax tree of one statement. Every node keeps its source columns so evaluation errors
/// can point at the exact argument that failed.

/// An expression: something that evaluates to a `Value`.
public indirect enum Expr: Equatable, Sendable {
    /// A variable, constant (`np`, `float32`, `pi`) or command used as a value.
    case name(String, Range<Int>)
    case int(Int, Range<Int>)
    /// An integer literal past 64 bits.
    case bigInt(BigInt, Range<Int>)
    case float(Double, Range<Int>)
    case string(String, Range<Int>)
    case bool(Bool, Range<Int>)
    case none(Range<Int>)
    /// `[a, b]`
    case list([Expr], Range<Int>)
    /// `(a, b)` or `a, b` on the right of `=`.
    case tuple([Expr], Range<Int>)
    /// `-x`, `+x`, `not x`, `~x`.
    case unary(String, Expr, Range<Int>)
    /// `a + b`, `a @ b`, `a == b`, …
    case binary(String, Expr, Expr, Range<Int>)
    /// `f(a, k=v)` — numpy form; `callee` is a name or an attribute (a method call).
    case call(callee: Expr, args: [CallArgument], Range<Int>)
    /// `x.name`
    case attribute(Expr, String, Range<Int>)
    /// `x[i, j:k]`
    case indexing(Expr, [SubscriptItem], Range<Int>)
    /// Command form: `reshape x 2 4 3 order='C'`.
    case command(name: String, args: [CallArgument], nameSpan: Range<Int>, Range<Int>)
    /// `a | b | c`: each stage after the first receives the previous value as its first argument.
    case pipeline([Expr], Range<Int>)
    /// A run of adjacent characters in command form that is not an expression (`/tmp/x.npy`,
    /// `~/w.npz`): only arguments that take a word or a path accept it.
    case word(String, Range<Int>)
    /// A whole statement given to a command that runs statements (`time x = arange 9`).
    case statement(Statement, String, Range<Int>)
    /// `{k: v, **other}` (a nil key spreads a mapping).
    case dict([DictItem], Range<Int>)
    /// `{a, b}`
    case set([Expr], Range<Int>)
    /// `[e for x in xs if c]`, `{…}`, `(… for …)`.
    case comprehension(Comprehension, Range<Int>)
    /// `body if test else orElse`
    case conditional(body: Expr, test: Expr, orElse: Expr, Range<Int>)
    /// `a < b <= c`, `x in y`, `x is not None`: a chain of comparisons (Python's `and` of each link).
    case compare(Expr, [ComparisonLink], Range<Int>)
    /// `lambda x, y=1: x + y`
    case lambda(FunctionDef, Range<Int>)
    /// `f'{x!r:>10}'`: text and formatted expressions.
    case fstring([FStringPart], Range<Int>)
    /// `*xs` in a call, a list/tuple display or an unpacking target; `**kw` in a call.
    case starred(Expr, doubled: Bool, Range<Int>)
    /// `name := value` (PEP 572): the value, bound to `name` on the way.
    case named(String, Expr, Range<Int>)

    /// The source columns of this expression.
    public var span: Range<Int> {
        switch self {
        case .name(_, let s), .int(_, let s), .bigInt(_, let s), .float(_, let s), .string(_, let s), .bool(_, let s),
             .none(let s), .list(_, let s), .tuple(_, let s), .unary(_, _, let s), .binary(_, _, _, let s),
             .call(_, _, let s), .attribute(_, _, let s), .indexing(_, _, let s), .command(_, _, _, let s),
             .pipeline(_, let s), .word(_, let s), .statement(_, _, let s), .dict(_, let s), .set(_, let s),
             .comprehension(_, let s), .conditional(_, _, _, let s), .compare(_, _, let s), .lambda(_, let s),
             .fstring(_, let s), .starred(_, _, let s), .named(_, _, let s):
            return s
        }
    }
}

/// One argument of a call or command: positional when `label` is nil, else `label=value`.
public struct CallArgument: Equatable, Sendable {
    public var label: String?
    public var value: Expr
    public var labelSpan: Range<Int>?

    public init(label: String? = nil, value: Expr, labelSpan: Range<Int>? = nil) {
        self.label = label
        self.value = value
        self.labelSpan = labelSpan
    }

    /// The columns of the whole argument, label included.
    public var span: Range<Int> {
        guard let labelSpan else { return value.span }
        return labelSpan.lowerBound..<max(labelSpan.upperBound, value.span.upperBound)
    }
}

/// One item between the brackets of a subscript.
public enum SubscriptItem: Equatable, Sendable {
    /// `i` (an int, a list of ints, an array, or `None` for a new axis).
    case index(Expr)
    /// `start:stop:step`, each part optional.
    case slice(Expr?, Expr?, Expr?, Range<Int>)
    /// `...`
    case ellipsis(Range<Int>)
}

/// Where an assigned value goes.
public indirect enum Target: Equatable, Sendable {
    case name(String, Range<Int>)
    /// `a, b = …` or `(a, b) = …`, possibly nested.
    case unpack([Target], Range<Int>)
    /// `x[i, j:k] = …`, `d[k] = v`, `xs[i] = v`: numpy's item assignment for arrays, Python's
    /// for lists and dicts.
    case item(Expr, [SubscriptItem], Range<Int>)
    /// `obj.name = v`
    case attribute(Expr, String, Range<Int>)
    /// `first, *rest = …`
    case starred(Target, Range<Int>)

    public var span: Range<Int> {
        switch self {
        case .name(_, let s), .unpack(_, let s), .item(_, _, let s), .attribute(_, _, let s), .starred(_, let s): return s
        }
    }

    /// The names this target binds (for a function's local names).
    var boundNames: [String] {
        switch self {
        case .name(let n, _): return [n]
        case .unpack(let items, _): return items.flatMap(\.boundNames)
        case .starred(let t, _): return t.boundNames
        case .item, .attribute: return []
        }
    }
}

/// One `key: value` of a dict display; `key` nil for `**mapping`.
public struct DictItem: Equatable, Sendable {
    public var key: Expr?
    public var value: Expr
}

/// One link of a comparison chain: the operator (`<`, `in`, `not in`, `is not`, …) and its right side.
public struct ComparisonLink: Equatable, Sendable {
    public var op: String
    public var rhs: Expr
}

/// A piece of an f-string: literal text, or an expression with its conversion (`!r`), its
/// format spec (itself possibly holding `{…}`), and the `=` self-documenting text.
public indirect enum FStringPart: Equatable, Sendable {
    case text(String)
    case value(Expr, conversion: Character?, spec: [FStringPart]?, selfDoc: String?)
}

/// `for target in iterable if condition …` clauses of a comprehension.
public struct ComprehensionClause: Equatable, Sendable {
    public var target: Target
    public var iterable: Expr
    public var conditions: [Expr]
}

/// A list, set, dict or generator comprehension.
public struct Comprehension: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case list, set, dict, generator }
    public var kind: Kind
    /// The element (the key, for a dict comprehension).
    public var element: Expr
    /// The value of a dict comprehension.
    public var value: Expr?
    public var clauses: [ComprehensionClause]
}

/// A parameter of a `def` or `lambda`.
public struct FunctionParameter: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case normal, varArgs, keywordOnly, varKeywords }
    public var name: String
    public var kind: Kind
    public var defaultValue: Expr?
}

/// A `def` (or a `lambda`, whose body is one `return`): compiled once when parsed — its local
/// names are resolved here, so a call only creates its frame.
public final class FunctionDef: Equatable, @unchecked Sendable {
    public let name: String
    public let parameters: [FunctionParameter]
    public let body: [Parser.Parsed]
    /// Names assigned in the body (and parameters): Python's local variables.
    public let localNames: Set<String>
    public let globalNames: Set<String>
    public let nonlocalNames: Set<String>
    /// The source text the spans of `body` refer to, and the line the `def` starts on in it.
    public var source: String { sourceText.text }
    public let line: Int
    public let isLambda: Bool
    /// The source as the parser read it (shared by every `def` of one parse: never copied).
    let sourceText: SourceText

    init(name: String, parameters: [FunctionParameter], body: [Parser.Parsed], source: SourceText, line: Int, isLambda: Bool) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.sourceText = source
        self.line = line
        self.isLambda = isLambda
        var globals = Set<String>(), nonlocals = Set<String>()
        var assigned = Set(parameters.map(\.name))
        for p in body { p.statement.collectScope(assigned: &assigned, globals: &globals, nonlocals: &nonlocals) }
        self.globalNames = globals
        self.nonlocalNames = nonlocals
        self.localNames = assigned.subtracting(globals).subtracting(nonlocals)
        self.layout = ScopeLayout(parameters: parameters.map(\.name), localNames: localNames,
                                  globalNames: globals, nonlocalNames: nonlocals)
        var positionalOnly = true
        for p in parameters where p.kind != .normal || p.defaultValue != nil { positionalOnly = false }
        self.simpleArity = positionalOnly && Set(parameters.map(\.name)).count == parameters.count ? parameters.count : nil
        self.isGenerator = !isLambda && body.contains { $0.statement.containsYield }
    }

    /// True when the body yields (outside nested functions and classes): calling it makes a
    /// generator instead of running the body (see `PyGenerator`).
    public let isGenerator: Bool

    /// The slots of the function's locals.
    let layout: ScopeLayout
    /// The parameter count when every parameter is a plain positional one without a default:
    /// a call with exactly that many positional arguments fills the first slots directly.
    let simpleArity: Int?
    /// The body compiled to closures, on the first call (see `Compiler`; in a struct, so the
    /// closure keeps its own calling convention, see `ExprCode`).
    var compiled: BlockCode?

    public static func == (a: FunctionDef, b: FunctionDef) -> Bool { a === b }
}

/// One `if`/`elif` test with its block.
public struct IfClause: Equatable, Sendable {
    public var test: Expr
    public var body: [Parser.Parsed]
}

/// One `except Kind as name:` handler (`kinds` nil for a bare `except:`).
public struct ExceptHandler: Equatable, Sendable {
    public var kinds: Expr?
    public var name: String?
    public var body: [Parser.Parsed]
    public var span: Range<Int>
}

/// `with expr as target, …:`
public struct WithItem: Equatable, Sendable {
    public var context: Expr
    public var target: Target?
}

/// One name of an `import`: `import numpy as np` is (module "numpy", name nil, alias "np");
/// `from numpy import zeros as z` is (module "numpy", name "zeros", alias "z").
public struct ImportItem: Equatable, Sendable {
    public var module: String
    public var name: String?
    public var alias: String?
}

/// One statement.
public indirect enum Statement: Equatable, Sendable {
    /// `targets = value` (several targets for `a = b = value`).
    case assign([Target], Expr)
    /// `target op= value` (`x += 1`, `W -= lr * dW`, `x[mask] *= 2`, `d[k] += 1`): `op` is the
    /// binary operator without its `=`. An array target is changed in place, as numpy's
    /// `__iadd__` does; anything else is rebound to `target op value`.
    case augmentedAssign(Target, String, Expr)
    /// A bare expression: its value prints like `print()` and becomes `_`.
    case expression(Expr)
    /// `import numpy as np` and friends: accepted so pasted numpy code runs; nothing to do.
    case importModule(String)
    /// `?name`: help on a command.
    case help(String, Range<Int>)
    case ifElse([IfClause], orElse: [Parser.Parsed]?)
    case forLoop(Target, Expr, body: [Parser.Parsed], orElse: [Parser.Parsed]?)
    case whileLoop(Expr, body: [Parser.Parsed], orElse: [Parser.Parsed]?)
    case functionDef(FunctionDef)
    case returnValue(Expr?, Range<Int>)
    case breakLoop(Range<Int>)
    case continueLoop(Range<Int>)
    case pass
    case global([String])
    case nonlocal([String])
    case delete([Target], Range<Int>)
    case assert(Expr, Expr?, Range<Int>)
    /// `raise`, `raise E`, `raise E from cause`.
    case raise(Expr?, Range<Int>, cause: Expr?)
    case tryExcept(body: [Parser.Parsed], handlers: [ExceptHandler], orElse: [Parser.Parsed]?, finally: [Parser.Parsed]?)
    case with([WithItem], body: [Parser.Parsed])
    /// `import m`, `import m as a`, `from m import n as a` (one item per name).
    case imports([ImportItem], Range<Int>)
    /// `class Name(Base):` and its body (see `Classes.swift`).
    case classDef(ClassDef)
    /// `yield value` or `yield from iterable`: makes the enclosing `def` a generator function.
    /// `x = yield value` binds `into` to what `send` passes in when the generator resumes
    /// (None for `next`).
    case yieldValue(Expr?, from: Bool, into: [Target], Range<Int>)
    /// `@decorator` lines, then the `def` or `class` they apply to (bottom one first).
    case decorated([Expr], Statement)
}

/// A `class` statement: its name, base expressions and body (run once, as Python runs a
/// class body, into the class's namespace).
public struct ClassDef: Equatable, Sendable {
    public var name: String
    public var bases: [Expr]
    public var body: [Parser.Parsed]
    public var span: Range<Int>
}

extension Statement {
    /// True when this statement is or holds a `yield` of its own scope (nested `def`s and
    /// classes are scopes of their own).
    var containsYield: Bool {
        func any(_ b: [Parser.Parsed]?) -> Bool { (b ?? []).contains { $0.statement.containsYield } }
        switch self {
        case .yieldValue: return true
        case .ifElse(let clauses, let orElse): return clauses.contains { any($0.body) } || any(orElse)
        case .forLoop(_, _, let body, let orElse), .whileLoop(_, let body, let orElse): return any(body) || any(orElse)
        case .tryExcept(let body, let handlers, let orElse, let fin):
            return any(body) || handlers.contains { any($0.body) } || any(orElse) || any(fin)
        case .with(_, let body): return any(body)
        default: return false
        }
    }

    /// A compound statement: its effects stay when it fails part-way (see `Interpreter`).
    public var isBlock: Bool {
        switch self {
        case .forLoop, .whileLoop, .ifElse, .tryExcept, .with: return true
        default: return false
        }
    }

    /// The expressions of this statement itself (not of the blocks it holds).
    var ownExpressions: [Expr] {
        switch self {
        case .assign(_, let v), .augmentedAssign(_, _, let v), .expression(let v): return [v]
        case .ifElse(let clauses, _): return clauses.map(\.test)
        case .forLoop(_, let iterable, _, _): return [iterable]
        case .whileLoop(let test, _, _): return [test]
        case .returnValue(let v?, _), .yieldValue(let v?, _, _, _): return [v]
        case .raise(let v?, _, let cause): return [v] + (cause.map { [$0] } ?? [])
        case .assert(let test, let message, _): return [test] + (message.map { [$0] } ?? [])
        case .with(let items, _): return items.map(\.context)
        default: return []
        }
    }

    /// Adds the names this statement binds to `assigned` (Python's rule: a name assigned
    /// anywhere in a function body is local to it), and its `global`/`nonlocal` declarations.
    /// `name := value` binds too, in a comprehension as well (PEP 572: the comprehension's
    /// enclosing scope).
    func collectScope(assigned: inout Set<String>, globals: inout Set<String>, nonlocals: inout Set<String>) {
        func block(_ b: [Parser.Parsed]?) {
            for p in b ?? [] { p.statement.collectScope(assigned: &assigned, globals: &globals, nonlocals: &nonlocals) }
        }
        for e in ownExpressions { assigned.formUnion(e.walrusNames) }
        switch self {
        case .assign(let targets, _): for t in targets { assigned.formUnion(t.boundNames) }
        case .augmentedAssign(let t, _, _): assigned.formUnion(t.boundNames)
        case .yieldValue(_, _, let targets, _): for t in targets { assigned.formUnion(t.boundNames) }
        case .ifElse(let clauses, let orElse):
            for c in clauses { block(c.body) }
            block(orElse)
        case .forLoop(let t, _, let body, let orElse):
            assigned.formUnion(t.boundNames); block(body); block(orElse)
        case .whileLoop(_, let body, let orElse): block(body); block(orElse)
        case .functionDef(let f): assigned.insert(f.name)
        case .classDef(let c): assigned.insert(c.name)
        case .decorated(_, let inner): inner.collectScope(assigned: &assigned, globals: &globals, nonlocals: &nonlocals)
        case .global(let names): globals.formUnion(names)
        case .nonlocal(let names): nonlocals.formUnion(names)
        case .delete(let targets, _): for t in targets { assigned.formUnion(t.boundNames) }
        case .tryExcept(let body, let handlers, let orElse, let fin):
            block(body)
            for h in handlers {
                if let n = h.name { assigned.insert(n) }
                block(h.body)
            }
            block(orElse); block(fin)
        case .with(let items, let body):
            for i in items { if let t = i.target { assigned.formUnion(t.boundNames) } }
            block(body)
        case .imports(let items, _):
            for i in items { assigned.insert(i.alias ?? i.name ?? String(i.module.split(separator: ".").first ?? "")) }
        default: break
        }
    }
}

extension Expr {
    /// The names `:=` binds in this expression, comprehensions included; a lambda's are its own.
    var walrusNames: [String] {
        var out: [String] = []
        collectWalrus(&out)
        return out
    }

    func collectWalrus(_ out: inout [String]) {
        func parts(_ ps: [FStringPart]) {
            for p in ps {
                if case .value(let e, _, let spec, _) = p {
                    e.collectWalrus(&out)
                    if let spec { parts(spec) }
                }
            }
        }
        switch self {
        case .named(let n, let v, _):
            out.append(n)
            v.collectWalrus(&out)
        case .name, .int, .bigInt, .float, .string, .bool, .none, .word, .lambda, .statement:
            return
        case .list(let xs, _), .tuple(let xs, _), .set(let xs, _), .pipeline(let xs, _):
            for x in xs { x.collectWalrus(&out) }
        case .unary(_, let a, _), .attribute(let a, _, _), .starred(let a, _, _):
            a.collectWalrus(&out)
        case .binary(_, let a, let b, _):
            a.collectWalrus(&out)
            b.collectWalrus(&out)
        case .call(let callee, let args, _):
            callee.collectWalrus(&out)
            for a in args { a.value.collectWalrus(&out) }
        case .command(_, let args, _, _):
            for a in args { a.value.collectWalrus(&out) }
        case .indexing(let base, let items, _):
            base.collectWalrus(&out)
            for i in items {
                switch i {
                case .index(let e): e.collectWalrus(&out)
                case .slice(let a, let b, let c, _): for e in [a, b, c] { e?.collectWalrus(&out) }
                case .ellipsis: break
                }
            }
        case .dict(let items, _):
            for i in items {
                i.key?.collectWalrus(&out)
                i.value.collectWalrus(&out)
            }
        case .comprehension(let c, _):
            c.element.collectWalrus(&out)
            c.value?.collectWalrus(&out)
            for clause in c.clauses {
                clause.iterable.collectWalrus(&out)
                for cond in clause.conditions { cond.collectWalrus(&out) }
            }
        case .conditional(let body, let test, let orElse, _):
            body.collectWalrus(&out)
            test.collectWalrus(&out)
            orElse.collectWalrus(&out)
        case .compare(let first, let links, _):
            first.collectWalrus(&out)
            for l in links { l.rhs.collectWalrus(&out) }
        case .fstring(let ps, _):
            parts(ps)
        }
    }

    /// What CPython calls this expression in "cannot use assignment expressions with …".
    var assignmentExpressionName: String {
        switch self {
        case .attribute: return "attribute"
        case .indexing: return "subscript"
        case .starred: return "starred"
        case .tuple: return "tuple"
        case .list: return "list"
        case .lambda: return "lambda"
        case .call, .command: return "function call"
        case .compare: return "comparison"
        case .conditional: return "conditional expression"
        case .named: return "named expression"
        case .bool(let b, _): return b ? "True" : "False"
        case .none: return "None"
        case .name("Ellipsis", _): return "ellipsis"
        case .int, .bigInt, .float, .string: return "literal"
        case .fstring: return "f-string expression"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .comprehension(let c, _):
            switch c.kind {
            case .list: return "list comprehension"
            case .set: return "set comprehension"
            case .dict: return "dict comprehension"
            case .generator: return "generator expression"
            }
        default: return "expression"
        }
    }
}
