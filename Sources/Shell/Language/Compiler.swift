import Tensor

/// A compiled expression: evaluates against the running evaluator.
typealias CompiledExpr = (Evaluator) throws(ShellError) -> Value
/// A compiled statement or block: runs and says how it ended.
typealias CompiledBlock = (Evaluator) throws(ShellError) -> Flow
/// A compiled assignment target: stores a value.
typealias CompiledStore = (Evaluator, Value) throws(ShellError) -> Void

/// A compiled expression kept in an array. A closure put straight into an array (or a tuple
/// in one) is stored in the most general calling convention, so every call through the array
/// goes through two conversion thunks (each an extra indirect call, retain and release: about
/// a fifth of a call of `fib`); a closure held by a struct field keeps its own convention.
struct ExprCode {
    let run: CompiledExpr
}

/// A compiled statement kept in an array (see `ExprCode`).
struct BlockCode {
    let run: CompiledBlock
}

/// One `if`/`elif` clause, compiled (see `ExprCode`).
struct ClauseCode {
    let test: (Evaluator) throws(ShellError) -> Bool
    let body: CompiledBlock
}

/// Turns a parsed `def` body, or a top-level block, into closures once, so a loop or a call
/// runs them again and again without walking the tree, switching on operator strings or
/// looking local names up in a dictionary (CPython's compile.c and symtable are the model:
/// scopes are resolved here, a function's locals live in slots of its `Frame`).
///
/// What is compiled: names (a local by its slot number), literals, Python's operators with
/// int and float fast paths, calls of functions, builtins and methods with plain arguments,
/// subscripts, attribute reads, assignments to names, `+=` on names, `if`, `while`, `for`,
/// `return`, `break`, `continue`, `pass`. Everything else (command form, pipelines,
/// comprehensions, f-strings, `try`, `with`, …) is handed to the tree-walking `Evaluator`
/// unchanged, so it behaves exactly as before; the compiled forms call the same evaluator
/// functions for every case they do not take a fast path on.
struct Compiler {
    /// The scope being compiled: a function's layout, or nil at the top level (names live in
    /// the workspace).
    let layout: ScopeLayout?

    /// The body of a `def` or `lambda`.
    static func function(_ def: FunctionDef) -> CompiledBlock {
        Compiler(layout: def.layout).block(def.body)
    }

    /// The slot of a local of the scope being compiled (nil for globals, free and nonlocal names).
    func slot(_ name: String) -> Int? {
        guard let layout, !layout.globalNames.contains(name), !layout.nonlocalNames.contains(name) else { return nil }
        return layout.slotOf[name]
    }

    // MARK: - Statements

    func block(_ statements: [Parser.Parsed]) -> CompiledBlock {
        switch statements.count {
        case 0: return { _ in .normal }
        case 1: return statement(statements[0].statement)
        case 2:
            let a = statement(statements[0].statement), b = statement(statements[1].statement)
            return { ev throws(ShellError) -> Flow in
                let f = try a(ev)
                if case .normal = f { return try b(ev) }
                return f
            }
        case 3:
            let a = statement(statements[0].statement), b = statement(statements[1].statement)
            let c = statement(statements[2].statement)
            return { ev throws(ShellError) -> Flow in
                let f = try a(ev)
                guard case .normal = f else { return f }
                let g = try b(ev)
                guard case .normal = g else { return g }
                return try c(ev)
            }
        default:
            let compiled = statements.map { BlockCode(run: statement($0.statement)) }
            return { ev throws(ShellError) -> Flow in
                for s in compiled {
                    let f = try s.run(ev)
                    if case .normal = f { continue }
                    return f
                }
                return .normal
            }
        }
    }

    func statement(_ s: Statement) -> CompiledBlock {
        let compiled = compileStatement(s)
        // At the top level each simple statement of a block is a unit of undo for the array
        // bytes it writes (see `Evaluator.runBlock`); inside a function the caller's statement
        // owns the journal.
        if layout == nil && !s.isBlock { return Self.journaled(compiled) }
        return compiled
    }

    /// Runs a top-level simple statement with its own undo: the statement's writes are put
    /// back when it fails, the finished ones before it stay.
    static func journaled(_ s: @escaping CompiledBlock) -> CompiledBlock {
        return { ev throws(ShellError) -> Flow in
            guard ev.frame == nil else { return try s(ev) }
            if let journal = ev.loopJournal ?? WriteJournal.current {
                // The journal of the top-level block: what it holds so far (the block header's
                // writes, kept as in Python) is forgotten, so it holds only this statement's
                // (usually nothing: a loop of int arithmetic writes no array).
                if !journal.isEmpty { journal.commit() }
                do throws(ShellError) { return try s(ev) } catch {
                    journal.rollback()
                    throw error
                }
            }
            let journal = WriteJournal()
            let result: Result<Flow, ShellError> = WriteJournal.$current.withValue(journal) {
                Result { () throws(ShellError) -> Flow in try s(ev) }
            }
            if case .failure = result { journal.rollback() } else { journal.commit() }
            return try result.get()
        }
    }

    private func compileStatement(_ s: Statement) -> CompiledBlock {
        let topLevel = layout == nil
        switch s {
        case .expression(let e):
            let c = expr(e)
            return { ev throws(ShellError) -> Flow in _ = try c(ev); return .normal }
        case .assign(let targets, let e) where targets.count == 1:
            let c = expr(e), store = self.store(targets[0])
            return { ev throws(ShellError) -> Flow in try store(ev, try c(ev)); return .normal }
        case .augmentedAssign(.name(let n, let span), let op, let e):
            let load = name(n, span), rhs = expr(e), code = BinaryCode(op), rhsSpan = e.span
            let whole = span.lowerBound..<e.span.upperBound
            let store = self.store(.name(n, span))
            return { ev throws(ShellError) -> Flow in
                let current = try load(ev)
                let r = try rhs(ev)
                if let v = try Self.fast(code, current, r, whole) {
                    try store(ev, v)
                } else {
                    try ev.augmentName(n, span, op, current, r, rhsSpan)
                }
                return .normal
            }
        case .pass, .global, .nonlocal:
            return { _ in .normal }
        case .breakLoop:
            return { _ in .breakLoop }
        case .continueLoop:
            return { _ in .continueLoop }
        case .returnValue(let e, _):
            guard let e else { return { _ in .returned(.none) } }
            let c = expr(e)
            return { ev throws(ShellError) -> Flow in .returned(try c(ev)) }
        case .ifElse(let clauses, let orElse):
            if clauses.count == 1 {
                let test = condition(clauses[0].test), body = block(clauses[0].body)
                guard let orElse else {
                    return { ev throws(ShellError) -> Flow in
                        if try test(ev) { return try body(ev) }
                        return .normal
                    }
                }
                let otherwise = block(orElse)
                return { ev throws(ShellError) -> Flow in
                    if try test(ev) { return try body(ev) }
                    return try otherwise(ev)
                }
            }
            let tests = clauses.map { ClauseCode(test: condition($0.test), body: block($0.body)) }
            let otherwise = orElse.map { BlockCode(run: block($0)) }
            return { ev throws(ShellError) -> Flow in
                for clause in tests where try clause.test(ev) { return try clause.body(ev) }
                if let otherwise { return try otherwise.run(ev) }
                return .normal
            }
        case .whileLoop(let t, let body, let orElse):
            let test = condition(t), b = block(body), otherwise = orElse.map { block($0) }
            return { ev throws(ShellError) -> Flow in
                // Ctrl-C is polled before every iteration (read once: the options never change).
                let isInterrupted = ev.interpreter.options.isInterrupted
                let savedJournal = ev.loopJournal
                if topLevel { ev.loopJournal = WriteJournal.current }
                defer { ev.loopJournal = savedJournal }
                while try test(ev) {
                    if isInterrupted() { throw Interrupt.error }
                    switch try b(ev) {
                    case .breakLoop: return .normal
                    case .returned(let v): return .returned(v)
                    default: break
                    }
                }
                if let otherwise { return try otherwise(ev) }
                return .normal
            }
        case .forLoop(let target, let iterable, let body, let orElse):
            let source = expr(iterable), store = self.store(target), b = block(body)
            let otherwise = orElse.map { block($0) }
            return { ev throws(ShellError) -> Flow in
                let items = try source(ev)
                var broke = false
                var result: Flow = .normal
                let isInterrupted = ev.interpreter.options.isInterrupted
                let savedJournal = ev.loopJournal
                if topLevel { ev.loopJournal = WriteJournal.current }
                defer { ev.loopJournal = savedJournal }
                try ev.forLoopItems(items, iterable) { (item) throws(ShellError) -> Bool in
                    if isInterrupted() { throw Interrupt.error }
                    try store(ev, item)
                    switch try b(ev) {
                    case .breakLoop: broke = true; return false
                    case .returned(let v): result = .returned(v); broke = true; return false
                    default: return true
                    }
                }
                if case .returned = result { return result }
                if !broke, let otherwise { return try otherwise(ev) }
                return .normal
            }
        default:
            // Everything else runs as the evaluator runs it (its blocks too).
            return { ev throws(ShellError) -> Flow in try ev.run(s) }
        }
    }

    /// A stored value's destination.
    func store(_ target: Target) -> CompiledStore {
        switch target {
        case .name(let n, _):
            if let k = slot(n), let layout {
                return { ev, v throws(ShellError) in
                    if let f = ev.frame, f.layout === layout { f[slot: k] = v } else { ev.setName(n, v) }
                }
            }
            let cache = GlobalSlotCache()
            let declaredGlobal = layout?.globalNames.contains(n) ?? false
            let layout = self.layout
            return { ev, v throws(ShellError) in
                // The top level, or a `global` name of the running function: the workspace,
                // through the slot it was last found in (what `setName` does, without hashing).
                if let f = ev.frame {
                    if declaredGlobal, f.layout === layout { ev.workspace.set(n, v, cache: cache) } else { ev.setName(n, v) }
                } else {
                    ev.workspace.set(n, v, cache: cache)
                }
            }
        default:
            return { ev, v throws(ShellError) in try ev.assign(v, to: target) }
        }
    }

    // MARK: - Expressions

    /// A test's truth (`if`, `while`), with fast paths for Python's bools and ints.
    func condition(_ e: Expr) -> (Evaluator) throws(ShellError) -> Bool {
        let c = expr(e), span = e.span
        return { ev throws(ShellError) -> Bool in
            let v = try c(ev)
            switch v {
            case .bool(let b): return b
            case .int(let i): return i != 0
            default: return try ev.truth(v, span)
            }
        }
    }

    /// A name's value: `boundValue`'s cases written out in one closure each (a name is read
    /// more often than anything else; a second closure call per read cost as much as the read).
    func name(_ n: String, _ span: Range<Int>) -> CompiledExpr {
        if let k = slot(n), let layout {
            return { ev throws(ShellError) -> Value in
                if let f = ev.frame, f.layout === layout, let v = f[slot: k] { return v }
                return try ev.lookup(n, span)
            }
        }
        let cache = GlobalSlotCache()
        guard let layout else {
            return { ev throws(ShellError) -> Value in
                if ev.frame == nil, let v = ev.workspace.value(n, cache: cache) { return v }
                return try ev.lookup(n, span)
            }
        }
        guard layout.slotOf[n] == nil, !layout.nonlocalNames.contains(n) else {
            return { ev throws(ShellError) -> Value in try ev.lookup(n, span) }
        }
        return { ev throws(ShellError) -> Value in
            if let f = ev.frame, f.layout === layout, f.parent == nil, let v = ev.workspace.value(n, cache: cache) { return v }
            return try ev.lookup(n, span)
        }
    }

    /// Reads `n` where it is bound as a variable when that is cheap to know: a local by its
    /// slot, a global through the workspace slot it was last found in. Nil when `n` is not
    /// bound there, or could be bound in an enclosing function's frame: the caller then asks
    /// the evaluator (`lookup`), which walks the frames, and also finds builtins, numpy's
    /// constants and commands, or says the error.
    func boundValue(_ n: String) -> (Evaluator) -> Value? {
        if let k = slot(n), let layout {
            return { ev in
                if let f = ev.frame, f.layout === layout { return f[slot: k] }
                return nil
            }
        }
        let cache = GlobalSlotCache()
        guard let layout else {
            return { ev in ev.frame == nil ? ev.workspace.value(n, cache: cache) : nil }
        }
        // A name the function neither binds nor declares `nonlocal`: in a function defined at
        // the top level (no enclosing frame) it can only be a global.
        guard layout.slotOf[n] == nil, !layout.nonlocalNames.contains(n) else { return { _ in nil } }
        return { ev in
            if let f = ev.frame, f.layout === layout, f.parent == nil { return ev.workspace.value(n, cache: cache) }
            return nil
        }
    }

    /// A literal: the value is made once, when the code is compiled.
    func constant(_ v: Value) -> CompiledExpr { { _ in v } }

    func expr(_ e: Expr) -> CompiledExpr {
        switch e {
        case .name(let n, let span):
            return name(n, span)
        case .int(let i, _): return constant(.int(i))
        case .float(let d, _): return constant(.float(d))
        case .string(let s, _): return constant(.string(s))
        case .bool(let b, _): return constant(.bool(b))
        case .none: return constant(.none)
        case .binary(let op, let lhs, let rhs, let span) where op == "and" || op == "or":
            let l = expr(lhs), r = expr(rhs), isAnd = op == "and", lspan = lhs.span
            return { ev throws(ShellError) -> Value in
                let a = try l(ev)
                let t: Bool
                switch a {
                case .bool(let b): t = b
                case .int(let i): t = i != 0
                default: t = try ev.truth(a, lspan)
                }
                if isAnd != t { return a }
                _ = span
                return try r(ev)
            }
        case .binary(let op, let lhs, let rhs, let span):
            let l = expr(lhs), r = expr(rhs), code = BinaryCode(op), lspan = lhs.span, rspan = rhs.span
            return { ev throws(ShellError) -> Value in
                let a = try l(ev)
                let b = try r(ev)
                if let v = try Self.fast(code, a, b, span) { return v }
                return try ev.binaryOperands(op, a, b, span, lspan, rspan)
            }
        case .unary(let op, let inner, let span) where op == "-" || op == "not":
            let c = expr(inner)
            let negate = op == "-"
            return { ev throws(ShellError) -> Value in
                let v = try c(ev)
                if negate {
                    if case .int(let i) = v, i != Int.min { return .int(-i) }
                    if case .float(let d) = v { return .float(-d) }
                } else {
                    if case .bool(let b) = v { return .bool(!b) }
                }
                return try ev.unary(op, v, span)
            }
        case .list(let items, _) where !items.contains(where: Self.isStarred):
            let cs = items.map { ExprCode(run: expr($0)) }
            return { ev throws(ShellError) -> Value in .list(try Self.evaluateAll(cs, ev)) }
        case .tuple(let items, _) where !items.contains(where: Self.isStarred):
            let cs = items.map { ExprCode(run: expr($0)) }
            return { ev throws(ShellError) -> Value in .tuple(try Self.evaluateAll(cs, ev)) }
        case .attribute(let base, let n, let span):
            let b = expr(base)
            return { ev throws(ShellError) -> Value in try ev.attribute(try b(ev), n, span) }
        case .indexing(let base, let items, let span):
            return indexing(base, items, span)
        case .call(let callee, let args, let span):
            return call(callee, args, span, whole: e)
        case .conditional(let body, let test, let orElse, _):
            let b = expr(body), t = condition(test), o = expr(orElse)
            return { ev throws(ShellError) -> Value in try t(ev) ? try b(ev) : try o(ev) }
        default:
            return { ev throws(ShellError) -> Value in try ev.evaluate(e) }
        }
    }

    /// The items of a list or tuple display, left to right as Python evaluates them.
    static func evaluateAll(_ cs: [ExprCode], _ ev: Evaluator) throws(ShellError) -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(cs.count)
        for c in cs { out.append(try c.run(ev)) }
        return out
    }

    static func isStarred(_ e: Expr) -> Bool {
        if case .starred = e { return true }
        return false
    }

    func indexing(_ base: Expr, _ items: [SubscriptItem], _ span: Range<Int>) -> CompiledExpr {
        let b = expr(base)
        let baseSpan = base.span
        // `xs[i]` with one plain index: Python's lists and tuples answer directly.
        if items.count == 1, case .index(let ie) = items[0] {
            let i = expr(ie)
            return { ev throws(ShellError) -> Value in
                let container = try b(ev)
                let index = try i(ev)
                if case .int(let k) = index, !ev.trace.active {
                    switch container {
                    case .list(let list):
                        let j = k < 0 ? k + list.count : k
                        if j >= 0 && j < list.count { return list[j] }
                    case .tuple(let xs):
                        let j = k < 0 ? k + xs.count : k
                        if j >= 0 && j < xs.count { return xs[j] }
                    default: break
                    }
                }
                let v = try ev.subscriptValue(container, [index], span, baseSpan: baseSpan)
                if ev.trace.active {
                    ev.recordIndexStage(base: container, index: ev.rawText(baseSpan.upperBound..<span.upperBound), value: v)
                }
                return v
            }
        }
        return { ev throws(ShellError) -> Value in
            let container = try b(ev)
            let v = try ev.evaluateSubscript(container, items, span, baseSpan: baseSpan)
            if ev.trace.active {
                ev.recordIndexStage(base: container, index: ev.rawText(baseSpan.upperBound..<span.upperBound), value: v)
            }
            return v
        }
    }

    /// Plain arguments (no `*xs`, `**kw`, no comprehension given bare), compiled; nil otherwise.
    func plainArguments(_ args: [CallArgument]) -> (positional: [ExprCode], keywords: [(String, ExprCode)])? {
        var positional: [ExprCode] = []
        var keywords: [(String, ExprCode)] = []
        var seen = Set<String>()
        for a in args {
            switch a.value {
            case .starred, .comprehension: return nil
            default: break
            }
            if let label = a.label {
                // A repeated keyword is the evaluator's syntax error.
                guard seen.insert(label).inserted else { return nil }
                keywords.append((label, ExprCode(run: expr(a.value))))
            } else {
                guard keywords.isEmpty else { return nil }
                positional.append(ExprCode(run: expr(a.value)))
            }
        }
        return (positional, keywords)
    }

    func call(_ callee: Expr, _ args: [CallArgument], _ span: Range<Int>, whole: Expr) -> CompiledExpr {
        guard let plain = plainArguments(args) else {
            return { ev throws(ShellError) -> Value in try ev.evaluate(whole) }
        }
        let positional = plain.positional, keywords = plain.keywords
        func evaluateArguments(_ ev: Evaluator) throws(ShellError) -> ([Value], [(String, Value)]) {
            var p: [Value] = []
            p.reserveCapacity(positional.count)
            for c in positional { p.append(try c.run(ev)) }
            if keywords.isEmpty { return (p, []) }
            var k: [(String, Value)] = []
            for (label, c) in keywords { k.append((label, try c.run(ev))) }
            return (p, k)
        }
        switch callee {
        case .name(let n, let calleeSpan):
            let bound = boundValue(n)
            let local = slot(n) != nil
            let maybeCommand = !Builtins.names.contains(n)
            let arity = positional.count, simple = keywords.isEmpty
            return { ev throws(ShellError) -> Value in
                // `name(...)`: the command of that name unless a variable or a builtin has it
                // (as `Evaluator.evaluateCall`). A variable found first shadows any command.
                let f: Value
                if let v = bound(ev) {
                    f = v
                } else {
                    if !local, maybeCommand, ev.isCommandName(n), !ev.isBoundName(n) {
                        return try ev.callCommand(n, args, piped: nil, nameSpan: calleeSpan, span: span)
                    }
                    f = try ev.lookup(n, calleeSpan)
                }
                switch f {
                case .closure(let fn):
                    // Positional arguments that fill the parameters exactly go straight into
                    // the new frame's slots (no argument array, no binding by name).
                    if simple, fn.definition.simpleArity == arity {
                        let frame = Frame.make(layout: fn.definition.layout, parent: fn.closure, function: fn.definition.name)
                        for i in 0..<arity { frame[slot: i] = try positional[i].run(ev) }
                        return try ev.callFunction(fn, frame: frame, span: span)
                    }
                    let (p, k) = try evaluateArguments(ev)
                    return try ev.callFunction(fn, p, k, span: span)
                case .builtin:
                    let (p, k) = try evaluateArguments(ev)
                    return try ev.callPython(f, p, k, span: span)
                default:
                    return try ev.callValue(f, callee: callee, args, piped: nil, span: span)
                }
            }
        case .attribute(let baseExpr, let n, _):
            let base = expr(baseExpr)
            let appendsOne = n == "append" && positional.count == 1 && keywords.isEmpty
            let first = positional.first
            return { ev throws(ShellError) -> Value in
                let b = try base(ev)
                // `xs.append(v)`: the list grows in place (amortised O(1), never a copy), undone
                // with the statement that fails (it bypassed the journal inside functions).
                if appendsOne, case .list(let list) = b, let first {
                    list.journaledAppend(try first.run(ev))
                    return .none
                }
                if Methods.handles(b), Methods.has(b, n) {
                    let (p, k) = try evaluateArguments(ev)
                    var receiver = b
                    return try Methods.call(&receiver, n, p, k, span: span, evaluator: ev)
                }
                return try ev.callAttribute(b, baseExpr: baseExpr, n, callee: callee, args, span: span)
            }
        default:
            return { ev throws(ShellError) -> Value in try ev.evaluate(whole) }
        }
    }

    // MARK: - Operators

    /// Python's operators with a fast path on two ints or two floats.
    enum BinaryCode {
        case add, subtract, multiply, floorDivide, remainder, less, lessEqual, greater, greaterEqual, equal, notEqual, trueDivide, other

        init(_ op: String) {
            switch op {
            case "+": self = .add
            case "-": self = .subtract
            case "*": self = .multiply
            case "//": self = .floorDivide
            case "%": self = .remainder
            case "/": self = .trueDivide
            case "<": self = .less
            case "<=": self = .lessEqual
            case ">": self = .greater
            case ">=": self = .greaterEqual
            case "==": self = .equal
            case "!=": self = .notEqual
            default: self = .other
            }
        }
    }

    /// The result of `a op b` when both are Python ints or both Python floats and the answer
    /// needs no more than machine arithmetic (nil: take the general path, which also raises
    /// Python's errors, such as division by zero, and goes to big ints on overflow).
    @inline(__always)
    static func fast(_ code: BinaryCode, _ a: Value, _ b: Value, _ span: Range<Int>) throws(ShellError) -> Value? {
        if case .int(let x) = a, case .int(let y) = b {
            switch code {
            case .add:
                let (r, o) = x.addingReportingOverflow(y)
                return o ? nil : .int(r)
            case .subtract:
                let (r, o) = x.subtractingReportingOverflow(y)
                return o ? nil : .int(r)
            case .multiply:
                let (r, o) = x.multipliedReportingOverflow(by: y)
                return o ? nil : .int(r)
            case .floorDivide, .remainder:
                guard y > 0 else { return nil }
                var q = x / y, m = x % y
                if m < 0 { q -= 1; m += y }
                return .int(code == .floorDivide ? q : m)
            case .less: return .bool(x < y)
            case .lessEqual: return .bool(x <= y)
            case .greater: return .bool(x > y)
            case .greaterEqual: return .bool(x >= y)
            case .equal: return .bool(x == y)
            case .notEqual: return .bool(x != y)
            case .trueDivide, .other: return nil
            }
        }
        if case .float(let x) = a, case .float(let y) = b {
            switch code {
            case .add: return .float(x + y)
            case .subtract: return .float(x - y)
            case .multiply: return .float(x * y)
            case .less: return .bool(x < y)
            case .lessEqual: return .bool(x <= y)
            case .greater: return .bool(x > y)
            case .greaterEqual: return .bool(x >= y)
            case .equal: return .bool(x == y)
            case .notEqual: return .bool(x != y)
            case .trueDivide:
                return y != 0 ? .float(x / y) : nil
            default: return nil
            }
        }
        return nil
    }
}
