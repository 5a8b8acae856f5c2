import Foundation
import Tensor

/// Running Python's statements: blocks, loops, `def` and calls, `try`, `with`, imports. Each
/// statement was parsed once; a loop body or a function body runs its parsed statements again
/// and again without re-reading source.
extension Evaluator {
    /// Runs one statement and says how it ended.
    func run(_ statement: Statement) throws(ShellError) -> Flow {
        switch statement {
        case .expression, .assign, .importModule, .help:
            _ = try execute(statement, text: "")
            return .normal
        case .pass, .global, .nonlocal:
            return .normal
        case .augmentedAssign(let target, let op, let expr):
            try augmentedAssign(target, op, expr)
            return .normal
        case .ifElse(let clauses, let orElse):
            for c in clauses where try truth(try evaluate(c.test), c.test.span) {
                return try runBlock(c.body)
            }
            if let orElse { return try runBlock(orElse) }
            return .normal
        case .whileLoop(let test, let body, let orElse):
            while try truth(try evaluate(test), test.span) {
                if interpreter.options.isInterrupted() { throw Interrupt.error }
                switch try runBlock(body) {
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                default: break
                }
            }
            if let orElse { return try runBlock(orElse) }
            return .normal
        case .forLoop(let target, let iterable, let body, let orElse):
            let source = try evaluate(iterable)
            var broke = false
            var result: Flow = .normal
            try forLoopItems(source, iterable) { (item) throws(ShellError) -> Bool in
                if self.interpreter.options.isInterrupted() { throw Interrupt.error }
                if case .name(let n, _) = target { self.setName(n, item) } else { try self.assign(item, to: target) }
                switch try self.runBlock(body) {
                case .breakLoop: broke = true; return false
                case .returned(let v): result = .returned(v); broke = true; return false
                default: return true
                }
            }
            if case .returned = result { return result }
            if !broke, let orElse { return try runBlock(orElse) }
            return .normal
        case .functionDef(let def):
            setName(def.name, .closure(try makeFunction(def)))
            return .normal
        case .returnValue(let e, _):
            return .returned(try e.map { (x) throws(ShellError) -> Value in try evaluate(x) } ?? .none)
        case .breakLoop:
            return .breakLoop
        case .continueLoop:
            return .continueLoop
        case .delete(let targets, _):
            for t in targets { try delete(t) }
            return .normal
        case .assert(let test, let message, let span):
            if try !truth(try evaluate(test), test.span) {
                let m = try message.map { (x) throws(ShellError) -> String in ValueFormatter.str(try evaluate(x)) } ?? ""
                throw ShellError(m, span: span, kind: .assertionError)
            }
            return .normal
        case .raise(let e, let span, let cause):
            guard let e else {
                if let current = handling.last { throw current }
                throw ShellError("No active exception to reraise", span: span, kind: .runtimeError)
            }
            var error = try raisedError(try evaluate(e), span)
            // `raise E from cause`: the cause is evaluated after E, as CPython does.
            if let cause { error.cause = ExceptionCause(try exceptionCause(try evaluate(cause), span)) }
            throw error
        case .tryExcept(let body, let handlers, let orElse, let fin):
            return try runTry(body, handlers, orElse, fin)
        case .with(let items, let body):
            return try runWith(items, body)
        case .imports(let items, let span):
            try runImports(items, span)
            return .normal
        case .classDef(let def):
            setName(def.name, try makeClass(def))
            return .normal
        case .yieldValue(_, _, _, let span):
            // A generator's own yields are taken by `PyGenerator` before they get here.
            if frame?.function != nil { throw PyGenerator.unsupportedYield }
            throw ShellError("'yield' outside function", span: span, kind: .syntaxError)
        case .decorated(let decorators, let inner):
            let name: String
            var value: Value
            switch inner {
            case .functionDef(let def): name = def.name; value = .closure(try makeFunction(def))
            case .classDef(let def): name = def.name; value = try makeClass(def)
            default: return try run(inner)
            }
            for d in decorators.reversed() {
                let f = try evaluate(d)
                value = try callPython(f, [value], [], span: d.span)
            }
            setName(name, value)
            return .normal
        }
    }

    /// CPython frees a generator the moment its last reference goes, and freeing closes it:
    /// `for x in gen():` left by `break`, `return` or an error runs the generator's `finally`
    /// blocks and `with` exits right there, before the next statement. rnnsh counts no
    /// references, but a generator made by the loop's own call is reachable from nothing else,
    /// so the loop closes it. One bound to a name stays open, as in CPython (`next(g)` after
    /// the loop goes on). An error while closing is dropped, as CPython's finaliser drops it.
    static func closeTemporaryGenerator(_ source: Value, _ iterable: Expr) {
        guard case .call(let callee, let args, _) = iterable, case .iterator(let it) = source else { return }
        if let g = it.generator {
            try? g.close(it)
            return
        }
        // `enumerate(gen())`, `zip(gen(), xs)`: the wrapper the loop made held the only
        // reference to each generator an argument's own call made; CPython frees (and so
        // closes) those when the loop is left. A named generator (`zip(g, xs)`) stays open.
        guard case .name(let n, _) = callee, n == "enumerate" || n == "zip", !it.wrapped.isEmpty,
              !args.contains(where: { if case .starred = $0.value { return true }; return false }) else { return }
        // In reverse, as CPython releases the items of zip's tuple of iterators.
        for (arg, inner) in Swift.zip(args, it.wrapped).reversed() {
            guard arg.label == nil, case .call = arg.value, let g = inner.generator else { continue }
            try? g.close(inner)
        }
    }

    /// A `for` loop's walk over `source` (the value of `iterable`): `body` runs per item and
    /// returns false to leave the loop; a generator the loop made is closed when it is left
    /// early or by an error (`closeTemporaryGenerator`). Shared by the interpreted and the
    /// compiled loop.
    func forLoopItems(_ source: Value, _ iterable: Expr, _ body: (Value) throws(ShellError) -> Bool) throws(ShellError) {
        var leftEarly = false
        do {
            try forEach(source, iterable.span) { (item) throws(ShellError) -> Bool in
                let goOn = try body(item)
                if !goOn { leftEarly = true }
                return goOn
            }
        } catch {
            Self.closeTemporaryGenerator(source, iterable)
            throw error
        }
        if leftEarly { Self.closeTemporaryGenerator(source, iterable) }
    }

    /// Runs statements in order; stops at `break`, `continue` or `return`.
    func runBlock(_ block: [Parser.Parsed]) throws(ShellError) -> Flow {
        // In a block typed at the top level each simple statement is a unit of undo for array
        // writes: a failing one puts back the bytes it wrote, the finished ones stay (as in
        // Python). Inside a function the caller's statement owns the journal.
        if frame == nil {
            for p in block {
                let flow: Flow
                if p.statement.isBlock {
                    flow = try runBlock([p], journaled: false)
                } else {
                    let journal = WriteJournal()
                    let result: Result<Flow, ShellError> = WriteJournal.$current.withValue(journal) {
                        Result { () throws(ShellError) -> Flow in try runBlock([p], journaled: false) }
                    }
                    if case .failure = result { journal.rollback() } else { journal.commit() }
                    flow = try result.get()
                }
                if case .normal = flow { continue }
                return flow
            }
            return .normal
        }
        return try runBlock(block, journaled: false)
    }

    private func runBlock(_ block: [Parser.Parsed], journaled: Bool) throws(ShellError) -> Flow {
        for p in block {
            switch p.statement {
            case .expression(let e):
                // Inside a block or a function an expression statement is for its effect, as
                // in a Python script: only a top-level one echoes (`xs.pop()` in a loop is silent).
                _ = try evaluate(e)
            case .assign(let targets, let e) where targets.count == 1:
                let v = try evaluate(e)
                if case .name(let n, _) = targets[0] { setName(n, v) } else { try assign(v, to: targets[0]) }
            default:
                let flow = try run(p.statement)
                if case .normal = flow { continue }
                return flow
            }
        }
        return .normal
    }

    // MARK: - Iteration

    /// Calls `body` with each item of `value` until it returns false. Ranges and iterators are
    /// never materialised.
    func forEach(_ value: Value, _ span: Range<Int>, _ body: (Value) throws(ShellError) -> Bool) throws(ShellError) {
        switch value {
        case .range(let a, let b, let c):
            var i = a
            if c > 0 {
                while i < b { if try !body(.int(i)) { return }; let (n, o) = i.addingReportingOverflow(c); if o { return }; i = n }
            } else {
                while i > b { if try !body(.int(i)) { return }; let (n, o) = i.addingReportingOverflow(c); if o { return }; i = n }
            }
        case .iterator(let it) where !it.isView:
            while let v = try it.next() { if try !body(v) { return } }
        case .object(let f as PyFile):
            // `for line in f`: one line at a time, so `break` leaves the rest for the next read.
            while let line = try f.nextLine(span) { if try !body(line) { return } }
        case .object(let i as PyInstance):
            let it = try ClassRuntime.iterator(i, span, self)
            while let v = try it.next() {
                if try !body(v) { return }
            }
        case .list(let list):
            // The live list, as Python's list iterator: items appended by the loop are
            // reached, and removing items shifts what comes next.
            var i = 0
            while i < list.count {
                if try !body(list[i]) { return }
                i += 1
            }
        case .dict(let d):
            // Python refuses to go on once the dict's size changed under the loop.
            let n = d.count
            var i = 0
            while i < n {
                if d.count != n { throw ShellError("dictionary changed size during iteration", span: span, kind: .runtimeError) }
                if try !body(d.keys[i]) { return }
                i += 1
            }
            if d.count != n { throw ShellError("dictionary changed size during iteration", span: span, kind: .runtimeError) }
        case .set(let set):
            // The same rule for sets, in CPython's words (capital S).
            let items = set.ordered, n = set.count
            for v in items {
                if set.count != n { throw ShellError("Set changed size during iteration", span: span, kind: .runtimeError) }
                if try !body(v) { return }
            }
            if set.count != n { throw ShellError("Set changed size during iteration", span: span, kind: .runtimeError) }
        default:
            for v in try iterate(value, span) { if try !body(v) { return } }
        }
    }

    /// Every item of an iterable (Python's `list(x)`); an iterator is consumed.
    func iterate(_ value: Value, _ span: Range<Int>?) throws(ShellError) -> [Value] {
        switch value {
        case .list, .tuple: let items = (value).sequenceItems ?? []; return items
        case .string(let s): return s.unicodeScalars.map { .string(String(Character($0))) }
        case .dict(let d): return d.keys
        case .set(let s): return s.ordered
        case .range(let a, let b, let c):
            if PythonRange.count(a, b, c) > PythonLimits.maxItems {
                throw ShellError("range of \(PythonRange.count(a, b, c)) items is too large to build as a list", span: span, kind: .memoryError)
            }
            return PythonRange.items(a, b, c)
        case .iterator(let it): return try it.drain()
        case .object(let i as PyInstance):
            return try ClassRuntime.iterator(i, span ?? 0..<0, self).drain()
        case .array(let a):
            if a.ndim == 0 { throw ShellError("iteration over a 0-d array", span: span, kind: .typeError) }
            var out: [Value] = []
            out.reserveCapacity(a.shape[0])
            for i in 0..<a.shape[0] { out.append(try subscriptValue(value, [.int(i)], span ?? 0..<0)) }
            return out
        case .record(let r): return r.fields.map { .string($0.name) }
        case .object(let o as StringArrayObject):
            if o.codes.ndim == 0 { throw ShellError("iteration over a 0-d array", span: span, kind: .typeError) }
            return o.iterationItems ?? []
        case .object(let o as NumpyStrObject): return o.iterationItems ?? []
        case .object(let f as PyFile): return try f.remainingLines(span ?? 0..<0)
        case .object(let o as PythonSized): return o.sizedItems
        // Any other object that declares its items (`list(state)` of an LSTMStateTuple, a
        // namedtuple record, an .npz archive's names): the same items unpacking and `for` see.
        case .object(let o) where o.iterationItems != nil: return o.iterationItems ?? []
        default:
            throw ShellError("'\(value.typeName)' object is not iterable", span: span, kind: .typeError)
        }
    }

    // MARK: - Assignment forms

    /// A binary operator on any two values (Python's or numpy's).
    func operate(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>, texts: (String, String)? = nil) throws(ShellError) -> Value {
        // `is` compares identity for every kind of value, arrays included (never numpy's).
        if op == "is" { return .bool(Self.identical(l, r)) }
        if op == "is not" { return .bool(!Self.identical(l, r)) }
        let (l, r) = StringArrayDispatch.plainStrings(l, r)
        if !Self.isArrayLike(l) && !Self.isArrayLike(r) {
            if case .int(let a) = l, case .int(let b) = r, let v = try PythonArithmetic.integer(op, a, b, span) { return v }
            if let v = try pythonBinary(op, l, r, span) { return v }
        }
        return try binary(op, l, r, span, texts: texts)
    }

    /// `container[index] = value` for Python's lists and dicts, changed in place (they are
    /// references, so every name holding them sees it).
    func assignItem(_ value: Value, base: Expr, items: [SubscriptItem], span: Range<Int>, evaluatedIndex: [Value]? = nil,
                    container given: Value? = nil) throws(ShellError) {
        let container: Value
        if let given { container = given } else { container = try evaluate(base) }
        let index: [Value]
        if let evaluatedIndex { index = evaluatedIndex } else { index = try subscriptIndexValues(items) }
        if case .object(is PyInstance) = container {
            _ = try ClassRuntime.setItem(container, index.count == 1 ? (index.first ?? .none) : .tuple(index), value, span, self)
            return
        }
        // `a.flat[3] = 7` writes into the array behind the iterator (FlatIterObject).
        if case .object(let f as FlatIterObject) = container {
            try f.set(index, value, span: span, evaluator: self)
            return
        }
        if case .object(let d as PyDeque) = container {
            let positions = try ClassRuntime.indices(index, span, self)
            try d.setItem(positions.count == 1 ? (positions.first ?? .none) : .tuple(positions), value, span)
            return
        }
        let positions = try Self.indexesByPosition(container) ? ClassRuntime.indices(index, span, self) : index
        try Self.setItem(container, positions, value, span)
    }

    static func setItem(_ container: Value, _ index: [Value], _ value: Value, _ span: Range<Int>) throws(ShellError) {
        switch container {
        case .dict(let d):
            let key: Value = index.count == 1 ? index[0] : .tuple(index)
            try d.journaledSet(key, value, span: span)
        case .list(let list):
            let items = list.items
            guard index.count == 1, let only = index.first else {
                throw ShellError("list indices must be integers or slices, not tuple", span: span, kind: .typeError)
            }
            if case .slice(let a, let b, let c) = only {
                let n = items.count
                let step = c ?? 1
                if step != 1 {
                    // CPython's list_ass_subscript: an extended slice (any step but 1) is
                    // replaced item by item, so the new items must be exactly as many as the
                    // positions it picks (a plain slice may grow or shrink the list).
                    let picked = try PythonRange.slicePositions(n, a, b, c, span)
                    guard let newItems = value.sequenceItems else {
                        throw ShellError("must assign iterable to extended slice", span: span, kind: .typeError)
                    }
                    guard newItems.count == picked.count else {
                        throw ShellError("attempt to assign sequence of size \(newItems.count) to extended slice of size \(picked.count)",
                                         span: span, kind: .valueError)
                    }
                    for (k, v) in newItems.enumerated() { list.journaledSet(picked.first + k * picked.step, v) }
                    return
                }
                func clamp(_ v: Int?, _ d: Int) -> Int {
                    guard var v else { return d }
                    if v < 0 { v += n }
                    return min(max(v, 0), n)
                }
                let lo = clamp(a, 0), hi = max(clamp(b, n), clamp(a, 0))
                guard let newItems = value.sequenceItems else {
                    throw ShellError("can only assign an iterable", span: span, kind: .typeError)
                }
                list.journaledReplace(lo..<hi, with: newItems)
                return
            }
            if case .bigint = only { throw ArgumentBinder.indexSized(span) }
            guard let i = try? ArgumentBinder.integer(only, span) else {
                throw ShellError("list indices must be integers or slices, not \(only.typeName)", span: span, kind: .typeError)
            }
            let j = i < 0 ? i + items.count : i
            guard j >= 0 && j < items.count else { throw ShellError("list assignment index out of range", span: span, kind: .indexError) }
            list.journaledSet(j, value)
        case .tuple:
            throw ShellError("'tuple' object does not support item assignment", span: span, kind: .typeError)
        case .string:
            throw ShellError("'str' object does not support item assignment", span: span, kind: .typeError)
        case .array, .scalar:
            throw ShellError("cannot assign to an element or attribute",
                             explanation: "rnnsh arrays are immutable values: build a new array instead (e.g. with np.concatenate or arithmetic)",
                             span: span)
        default:
            throw ShellError("'\(container.typeName)' object does not support item assignment", span: span, kind: .typeError)
        }
    }

    func delete(_ target: Target) throws(ShellError) {
        switch target {
        case .name(let n, let s):
            if let f = frame, !f.globalNames.contains(n) {
                guard f[n] != nil else {
                    throw ShellError("cannot access local variable '\(n)' where it is not associated with a value", span: s, kind: .unboundLocalError)
                }
                f[n] = nil
                return
            }
            guard workspace[n] != nil else { throw ShellError("name '\(n)' is not defined", span: s, kind: .nameError) }
            workspace[n] = nil
        case .unpack(let items, _):
            for t in items { try delete(t) }
        case .attribute(let base, let name, let span):
            if try ClassRuntime.deleteAttribute(try evaluate(base), name, span) { return }
            throw ShellError("cannot delete attribute '\(name)'", span: span, kind: .attributeError)
        case .item(let base, let items, let span):
            let given = try subscriptIndexValues(items)
            let container = try evaluate(base)
            let index = try Self.indexesByPosition(container) ? ClassRuntime.indices(given, span, self) : given
            do {
                switch container {
                case .dict(let d):
                    let key: Value = index.count == 1 ? index[0] : .tuple(index)
                    let removed = (try? d.journaledRemove(HashKey.of(key, span: span))) ?? nil
                    if removed == nil { throw ShellError(ValueFormatter.repr(key), span: span, kind: .keyError) }
                case .list(let list):
                    guard index.count == 1, let only = index.first else { return }
                    let xs = list.items
                    if case .slice(let a, let b, let c) = only {
                        let keep = Set(PythonSequence.indices(xs.count, a, b, c))
                        list.journaledReplaceAll(xs.enumerated().filter { !keep.contains($0.offset) }.map(\.element))
                        return
                    }
                    if case .bigint = only { throw ArgumentBinder.indexSized(span) }
                    let i = try ArgumentBinder.integer(only, span)
                    let j = i < 0 ? i + xs.count : i
                    guard j >= 0 && j < xs.count else { throw ShellError("list assignment index out of range", span: span, kind: .indexError) }
                    list.journaledRemove(at: j)
                case .object(is PyInstance):
                    _ = try ClassRuntime.deleteItem(container, index.count == 1 ? (index.first ?? .none) : .tuple(index), span, self)
                case .object(let d as PyDeque):
                    try d.setItem(index.count == 1 ? (index.first ?? .none) : .tuple(index), nil, span)
                default:
                    throw ShellError("'\(container.typeName)' object doesn't support item deletion", span: span, kind: .typeError)
                }
            }
        default:
            throw ShellError("cannot delete \(target)", span: target.span, kind: .syntaxError)
        }
    }

    // MARK: - Functions

    func makeFunction(_ def: FunctionDef) throws(ShellError) -> PyFunction {
        var defaults: [String: Value] = [:]
        for p in def.parameters {
            if let d = p.defaultValue { defaults[p.name] = try evaluate(d) }
        }
        // A function defined in a class body does not see the class's names (Python's rule).
        let closure = classBodyFrame != nil && frame === classBodyFrame ? frame?.parent : frame
        return PyFunction(definition: def, defaults: defaults, closure: closure, sourceFirstLine: sourceFirstLine)
    }

    static let recursionLimit = 1000

    /// Calls a `def`/`lambda` function: binds arguments as Python does, runs the body in a new
    /// frame, and names the function and line in an error raised inside it.
    func callFunction(_ f: PyFunction, _ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>) throws(ShellError) -> Value {
        let def = f.definition
        if callDepth >= Self.recursionLimit || StackGuard.exhausted(stackLimit) {
            throw ShellError("maximum recursion depth exceeded", span: span, kind: .recursionError)
        }
        if interpreter.options.isInterrupted() { throw Interrupt.error }
        let newFrame = Frame.make(layout: def.layout, parent: f.closure, function: def.name)
        if keywords.isEmpty, let n = def.simpleArity, positional.count == n {
            for i in 0..<n { newFrame[slot: i] = positional[i] }
        } else {
            try bindArguments(def, f, positional, keywords, into: newFrame)
        }
        return try run(f, in: newFrame)
    }

    /// Calls `f` with its frame already made and its parameters filled (the compiled call of
    /// a function with exactly its positional arguments, `Compiler.call`): the same checks
    /// as `callFunction`, in the same order.
    func callFunction(_ f: PyFunction, frame newFrame: Frame, span: Range<Int>) throws(ShellError) -> Value {
        if callDepth >= Self.recursionLimit || StackGuard.exhausted(stackLimit) {
            throw ShellError("maximum recursion depth exceeded", span: span, kind: .recursionError)
        }
        if isInterrupted() { throw Interrupt.error }
        return try run(f, in: newFrame)
    }

    /// Runs `f`'s compiled body in `newFrame`.
    private func run(_ f: PyFunction, in newFrame: Frame) throws(ShellError) -> Value {
        let def = f.definition
        // A generator function's call only binds its arguments; the body runs on `next()`.
        if def.isGenerator { return PyGenerator(function: f, frame: newFrame, evaluator: self).value() }
        let body: CompiledBlock
        if let compiled = def.compiled {
            body = compiled.run
        } else {
            body = Compiler.function(def)
            def.compiled = BlockCode(run: body)
        }
        let savedFrame = frame, savedFirstLine = sourceFirstLine
        let text = f.definition.sourceText
        // `source` already holds this text's scalars when `sourceOwner` is it (see there).
        let switches = text !== sourceOwner
        var savedSource: [Unicode.Scalar] = [], savedOwner: SourceText? = nil
        if switches {
            savedSource = source
            savedOwner = sourceOwner
            source = text.scalars
            sourceOwner = text
        }
        frame = newFrame
        sourceFirstLine = f.sourceFirstLine
        callDepth += 1
        defer {
            frame = savedFrame
            if switches {
                source = savedSource
                sourceOwner = savedOwner
            }
            sourceFirstLine = savedFirstLine
            callDepth -= 1
        }
        do {
            if case .returned(let v) = try body(self) { return v }
            return .none
        } catch {
            throw locateInFunction(error, f)
        }
    }

    /// An error from inside a function: its line and text come from the function's source,
    /// and the explanation says which function (`in f(), line 3`), as a traceback would.
    func locateInFunction(_ error: ShellError, _ f: PyFunction) -> ShellError {
        if error.sourceLine != nil || error.isInterruption { return error }
        var e = Interpreter.locate(error, in: f.definition.sourceText)
        var line = e.line ?? f.definition.line
        // Defined in a script or piped input: the line in it, as `python3 < file` reports it
        // (at the REPL each entry counts its own lines, as Python's REPL does).
        if let first = f.sourceFirstLine {
            line = first + line - 1
            e.inputLine = line
        }
        let place = "in \(f.name)(), line \(line)"
        e.explanation = e.explanation.map { place + ": " + $0 } ?? place
        return e
    }

    func bindArguments(_ def: FunctionDef, _ f: PyFunction, _ positional: [Value], _ keywords: [(String, Value)], into frame: Frame) throws(ShellError) {
        let name = f.qualifiedName
        let normal = def.parameters.filter { $0.kind == .normal }
        var extra: [Value] = []
        for (i, v) in positional.enumerated() {
            if i < normal.count { frame[normal[i].name] = v } else { extra.append(v) }
        }
        let varArgs = def.parameters.first { $0.kind == .varArgs }
        let varKeywords = def.parameters.first { $0.kind == .varKeywords }
        if !extra.isEmpty && varArgs == nil {
            let required = normal.filter { $0.defaultValue == nil }.count
            let takes = required == normal.count ? "\(normal.count)" : "from \(required) to \(normal.count)"
            let plural = normal.count == 1 && required == normal.count ? "" : "s"
            throw ShellError("\(name)() takes \(takes) positional argument\(plural) but \(positional.count) \(positional.count == 1 ? "was" : "were") given", kind: .typeError)
        }
        if let varArgs { frame[varArgs.name] = .tuple(extra) }
        var kw = PyDict()
        for (k, v) in keywords {
            if let p = def.parameters.first(where: { $0.name == k && ($0.kind == .normal || $0.kind == .keywordOnly) }) {
                if frame[p.name] != nil {
                    throw ShellError("\(name)() got multiple values for argument '\(k)'", kind: .typeError)
                }
                frame[p.name] = v
            } else if varKeywords != nil {
                kw.set(.string(k), .string(k), v)
            } else {
                throw ShellError("\(name)() got an unexpected keyword argument '\(k)'", kind: .typeError)
            }
        }
        if let varKeywords { frame[varKeywords.name] = .dict(kw) }
        var missing: [String] = []
        var missingKeyword: [String] = []
        for p in def.parameters where p.kind == .normal || p.kind == .keywordOnly {
            if frame[p.name] == nil {
                if let d = f.defaults[p.name] { frame[p.name] = d } else if p.kind == .normal { missing.append(p.name) } else { missingKeyword.append(p.name) }
            }
        }
        if !missing.isEmpty || !missingKeyword.isEmpty {
            let names = missing.isEmpty ? missingKeyword : missing
            let quoted = names.map { "'\($0)'" }
            let list = quoted.count == 1 ? quoted[0]
                : quoted.dropLast().joined(separator: ", ") + (quoted.count > 2 ? "," : "") + " and " + (quoted.last ?? "")
            let what = missing.isEmpty ? "keyword-only" : "positional"
            throw ShellError("\(name)() missing \(names.count) required \(what) argument\(names.count == 1 ? "" : "s"): \(list)", kind: .typeError)
        }
    }

    /// Evaluates call arguments into positional values and keywords (`*xs`, `**kw` spread).
    func evaluateArguments(_ args: [CallArgument]) throws(ShellError) -> ([Value], [(String, Value)]) {
        var positional: [Value] = []
        var keywords: [(String, Value)] = []
        for a in args {
            if case .starred(let inner, let doubled, let s) = a.value {
                let v = try evaluate(inner)
                if doubled {
                    guard case .dict(let d) = v else { throw ShellError("argument after ** must be a mapping, not \(v.typeName)", span: s, kind: .typeError) }
                    for (k, val) in d.items {
                        guard case .string(let key) = k else { throw ShellError("keywords must be strings", span: s, kind: .typeError) }
                        keywords.append((key, val))
                    }
                } else {
                    positional += try iterate(v, s)
                }
            } else if let label = a.label {
                if keywords.contains(where: { $0.0 == label }) {
                    throw ShellError("keyword argument repeated: \(label)", span: a.labelSpan, kind: .syntaxError)
                }
                keywords.append((label, try evaluate(a.value)))
            } else {
                positional.append(try evaluate(a.value))
            }
        }
        return (positional, keywords)
    }

    /// Calls any Python callable value with evaluated arguments.
    func callPython(_ f: Value, _ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>) throws(ShellError) -> Value {
        switch f {
        case .closure(let fn):
            return try callFunction(fn, positional, keywords, span: span)
        case .builtin(let b):
            if case .type(let type)? = b.receiver {
                guard var receiver = positional.first else {
                    throw ShellError("unbound method \(type).\(b.name)() needs an argument", span: span, kind: .typeError)
                }
                // numpy's str_ is a str subclass; bool is an int.
                if case .object(let o as NumpyStrObject) = receiver { receiver = .string(o.value) }
                let given = receiver.typeName
                guard given == type || (type == "int" && given == "bool") else {
                    throw ShellError("descriptor '\(b.name)' for '\(type)' objects doesn't apply to a '\(given)' object", span: span, kind: .typeError)
                }
                return try Methods.call(&receiver, b.name, Array(positional.dropFirst()), keywords, span: span, evaluator: self)
            }
            if var receiver = b.receiver {
                return try Methods.call(&receiver, b.name, positional, keywords, span: span, evaluator: self)
            }
            return try Builtins.call(b.name, positional, keywords, span: span, evaluator: self)
        case .type(let name):
            // `x.dtype.type(3)`, `type(s)(3)`: numpy's scalar class makes a scalar, as the dtype does.
            if name.hasPrefix("numpy."), let d = Builtins.dtype(ofType: name) { return try callPython(.dtype(d), positional, keywords, span: span) }
            return try Builtins.construct(name, positional, keywords, span: span, evaluator: self)
        case .function(let c):
            guard let command = registry[c.name] else { throw ShellError("'\(c.name)' is not a command", span: span) }
            var inputs: [ArgumentInput] = []
            if let receiver = c.receiver { inputs.append(ArgumentInput(value: receiver, span: span)) }
            for v in positional { inputs.append(ArgumentInput(value: v, span: span)) }
            for (k, v) in keywords {
                var input = ArgumentInput(value: v, span: span)
                input.label = k
                inputs.append(input)
            }
            return try call(command, inputs, span: span)
        case .dtype(let d):
            guard let command = registry["asarray"], positional.count == 1, let arg = positional.first else {
                throw ShellError("\(d.name)() takes exactly one argument", span: span, kind: .typeError)
            }
            var dtypeInput = ArgumentInput(value: .dtype(d), span: nil)
            dtypeInput.label = "dtype"
            let converted = try call(command, [ArgumentInput(value: arg, span: span), dtypeInput], span: span)
            if case .array(let a) = converted, a.ndim == 0 { return .scalar(a) }
            return converted
        case .object(let o):
            if let callable = o as? PythonCallable {
                return try callable.call(positional, keywords, span: span, evaluator: self)
            }
        default:
            break
        }
        throw ShellError("'\(f.typeName)' object is not callable", span: span, kind: .typeError)
    }

    /// A method of a Python value; mutating methods change the list, dict or set itself (a
    /// reference: every name holding it sees the change).
    func callMethod(_ base: Value, _ name: String, baseExpr: Expr, _ args: [CallArgument], span: Range<Int>, calleeSpan: Range<Int>) throws(ShellError) -> Value {
        guard Methods.has(base, name) else {
            if case .exception(let e) = base, name == "args" { return .tuple(e.args) }
            return try callValue(try attribute(base, name, calleeSpan), callee: .name(name, calleeSpan), args, piped: nil, span: span)
        }
        let (positional, keywords) = try evaluateArguments(args)
        var receiver = base
        return try Methods.call(&receiver, name, positional, keywords, span: span, evaluator: self)
    }

    // MARK: - Exceptions

    /// Exceptions being handled (innermost last), for a bare `raise`.
    var handling: [ShellError] {
        get { interpreter.handlingStack }
        set { interpreter.handlingStack = newValue }
    }

    func raisedError(_ v: Value, _ span: Range<Int>) throws(ShellError) -> ShellError {
        switch v {
        case .exception(let e):
            var error = ShellError(e.message, span: span, kind: ErrorKind(rawValue: e.kind) ?? .exception)
            error.arguments = ExceptionArguments(e.args)
            return error
        case .type(let n) where ExceptionClasses.isClass(n):
            return ShellError("", span: span, kind: ErrorKind(rawValue: n) ?? .exception)
        case .object(let c as PyClass) where c.exceptionBase != nil:
            return try raisedError(try c.call([], [], span: span, evaluator: self), span)
        case .object(let i as PyInstance) where i.cls.exceptionBase != nil:
            let message = try ClassRuntime.formatting(self) { () throws(ShellError) -> String in i.detail }
            var e = ShellError(message, span: span)
            e.raised = RaisedException(i)
            return e
        default:
            return ShellError("exceptions must derive from BaseException", span: span, kind: .typeError)
        }
    }

    func runTry(_ body: [Parser.Parsed], _ handlers: [ExceptHandler], _ orElse: [Parser.Parsed]?, _ fin: [Parser.Parsed]?) throws(ShellError) -> Flow {
        var flow: Flow = .normal
        do {
            do {
                flow = try runBlock(body)
            } catch {
                // Ctrl-C is no exception a handler may catch (Python's KeyboardInterrupt is
                // not an Exception), however it was converted on the way.
                if error.isInterruption { throw Interrupt.error }
                var handled = false
                for h in handlers where try handlerMatches(h, error) {
                    if let n = h.name { setName(n, exceptionValue(error)) }
                    handling.append(error)
                    defer { handling.removeLast() }
                    flow = try runBlock(h.body)
                    if let n = h.name { unbindHandlerName(n) }
                    handled = true
                    break
                }
                if !handled { throw error }
                if let fin {
                    let f = try runBlock(fin)
                    if case .normal = f {} else { return f }
                }
                return flow
            }
        } catch {
            if let fin {
                let f = try runBlock(fin)
                if case .normal = f {} else { return f }
            }
            throw ShellError.converting(error)
        }
        if case .normal = flow, let orElse { flow = try runBlock(orElse) }
        if let fin {
            let f = try runBlock(fin)
            if case .normal = f {} else { return f }
        }
        return flow
    }

    /// True when the `except` clause `h` catches `error` (its classes are evaluated now, as
    /// CPython evaluates them only when an exception reaches the clause).
    func handlerMatches(_ h: ExceptHandler, _ error: ShellError) throws(ShellError) -> Bool {
        guard let kinds = h.kinds else { return true }
        let kind = error.raised?.base ?? error.kind?.rawValue ?? "Exception"
        let k = try evaluate(kinds)
        let names: [Value] = k.sequenceItems ?? [k]
        var hit = false
        for n in names {
            if case .object(let c as PyClass) = n, c.exceptionBase != nil {
                if let raised = error.raised, raised.instance.cls.isSubclass(of: c) { hit = true }
                continue
            }
            guard case .type(let cls) = n, ExceptionClasses.isClass(cls) else {
                throw ShellError("catching classes that do not inherit from BaseException is not allowed", span: h.span, kind: .typeError)
            }
            if ExceptionClasses.matches(kind, cls) { hit = true }
        }
        return hit
    }

    /// The cause `raise E from cause` records: None, an exception, or an exception class
    /// (called with no arguments, as CPython instantiates it); anything else is CPython's TypeError.
    func exceptionCause(_ v: Value, _ span: Range<Int>) throws(ShellError) -> Value {
        switch v {
        case .none, .exception: return v
        case .object(let i as PyInstance) where i.cls.exceptionBase != nil: return v
        case .type(let n) where ExceptionClasses.isClass(n): return .exception(PyException(kind: n, args: []))
        case .object(let c as PyClass) where c.exceptionBase != nil: return try c.call([], [], span: span, evaluator: self)
        default: throw ShellError("exception causes must derive from BaseException", span: span, kind: .typeError)
        }
    }

    /// `except … as e` unbinds e when the clause ends, as Python does.
    func unbindHandlerName(_ n: String) {
        if let f = frame { f[n] = nil } else { workspace[n] = nil }
    }

    /// The exception object an error is, as `except … as e` binds it.
    func exceptionValue(_ error: ShellError) -> Value {
        if let raised = error.raised { return .object(raised.instance) }
        let cause = error.cause?.value
        if let given = error.arguments { return .exception(PyException(kind: error.kind?.rawValue ?? "Exception", args: given.values, cause: cause)) }
        let args: [Value] = error.message.isEmpty && error.kind != nil ? [] : [.string(Self.exceptionArgument(error))]
        return .exception(PyException(kind: error.kind?.rawValue ?? "Exception", args: args, cause: cause))
    }

    /// The class of the exception an error is (`type(e)`).
    func exceptionClass(_ error: ShellError) -> Value {
        if let raised = error.raised { return .object(raised.instance.cls) }
        // TF's errors are named by their module (`<class 'tensorflow.python.framework.errors_impl.InvalidArgumentError'>`).
        if let k = error.kind, k.isTensorFlowError { return .type(k.tracebackName) }
        return .type(error.kind?.rawValue ?? "Exception")
    }

    /// The argument an exception object gets from an error's message (KeyError's message is
    /// the key's repr; its argument is the key, shown again as repr by `str`).
    static func exceptionArgument(_ e: ShellError) -> String {
        if e.kind == .keyError, e.message.count >= 2, e.message.hasPrefix("'"), e.message.hasSuffix("'") {
            return String(e.message.dropFirst().dropLast())
        }
        return e.message
    }

    // MARK: - with, import

    func runWith(_ items: [WithItem], _ body: [Parser.Parsed]) throws(ShellError) -> Flow {
        guard let first = items.first else { return try runBlock(body) }
        let context = try evaluate(first.context)
        if let manager = try InstanceContext(context, span: first.context.span) {
            let span = first.context.span
            let entered = try manager.enter(span, self)
            let flow: Flow
            do {
                if let t = first.target { try assign(entered, to: t) }
                flow = try runWith(Array(items.dropFirst()), body)
            } catch {
                if error.isInterruption { throw error }
                if try manager.exit(error, span, self) { return .normal }
                throw error
            }
            _ = try manager.exit(nil, span, self)
            return flow
        }
        guard case .object(let o) = context, let manager = o as? ContextManager else {
            throw ShellError("'\(context.typeName)' object does not support the context manager protocol", span: first.context.span, kind: .typeError)
        }
        let entered = try manager.enter(evaluator: self)
        if let t = first.target { try assign(entered, to: t) }
        do {
            let flow = try runWith(Array(items.dropFirst()), body)
            try manager.exit(evaluator: self)
            return flow
        } catch {
            try? manager.exit(evaluator: self)
            throw error
        }
    }

    func runImports(_ items: [ImportItem], _ span: Range<Int>) throws(ShellError) {
        for item in items {
            let root = String(item.module.split(separator: ".").first ?? "")
            guard let module = Modules.module(item.module) else {
                throw ShellError("No module named '\(Modules.missingPart(item.module))'",
                                 explanation: "rnnsh provides numpy, math, time, random, itertools, functools and tensorflow (TF1's graph API)", span: span, kind: .moduleNotFoundError)
            }
            if root == TFModules.root { interpreter.tensorflow.imported = true }
            if let name = item.name {
                if name == "*" {
                    continue
                }
                if item.module == "__future__" { try FutureModule.checkImport(name, span: span) }
                let v: Value
                do { v = try attribute(module, name, span) } catch {
                    throw ShellError("cannot import name '\(name)' from '\(item.module)'", span: span, kind: .importError)
                }
                setName(item.alias ?? name, v)
            } else if let alias = item.alias {
                setName(alias, module)
            } else {
                setName(root, Modules.module(root) ?? module)
            }
        }
    }
}

/// A shell object that can be called like a function (`cell(x, state)`).
protocol PythonCallable {
    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value
}

/// A shell object usable in `with` (`np.printoptions(…)`, later `tf.Session()`).
protocol ContextManager {
    func enter(evaluator: Evaluator) throws(ShellError) -> Value
    func exit(evaluator: Evaluator) throws(ShellError)
}

/// Keeps deep recursion from overflowing the thread's stack: calls stop with RecursionError
/// while a safety margin is left, whatever the stack size of the thread running the shell.
@_silgen_name("pthread_getattr_np")
private func rnnsh_pthread_getattr_np(_ thread: pthread_t, _ attr: UnsafeMutablePointer<pthread_attr_t>) -> Int32

enum StackGuard {
    static let margin = 256 * 1024

    /// The lowest stack address calls may reach on this thread (0 when unknown).
    static func limit() -> UInt {
        var attr = pthread_attr_t()
        guard rnnsh_pthread_getattr_np(pthread_self(), &attr) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attr) }
        var address: UnsafeMutableRawPointer? = nil
        var size = 0
        guard pthread_attr_getstack(&attr, &address, &size) == 0, let address else { return 0 }
        return UInt(bitPattern: address) + UInt(min(margin, size / 4))
    }

    @inline(__always)
    static func exhausted(_ limit: UInt) -> Bool {
        var marker = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } < limit
    }
}
