import Tensor

/// Python's generators: calling a `def` whose body yields (`def batches(X, n): for i in …:
/// yield X[i:i+n]`) makes one of these instead of running the body, and each `next()` runs the
/// body from where it stopped to its next `yield`, in the call's own frame, as CPython does.
///
/// Function bodies are compiled to closures (`Compiler`), and a closure cannot stop in the
/// middle. So a generator keeps where it stopped as data: a stack of `Cursor`s, each a block and
/// the index of its next statement, and the loop that repeats the block (a `for` with its
/// iterator, a `while` with its test). A statement without a `yield` in it runs whole through
/// the evaluator, as in any function; only the statements that hold one (`for`, `while`, `if`)
/// are opened into cursors, so the cost of a resumable body is paid only on the path to a
/// `yield`. A `try` or `with` that holds a `yield` is a cursor too: an error, `return`,
/// `break` or `continue` leaves cursors one by one (`unwind`), and an `except` that matches,
/// a `finally` or a `with`'s `__exit__` takes it over as CPython's would, also for what
/// `throw()` and `close()` raise where the body stopped. `x = yield v` binds x to what `send`
/// passes in (None for `next`); a yield elsewhere inside an expression is refused by the parser.
final class PyGenerator: @unchecked Sendable {
    let function: PyFunction
    let frame: Frame
    /// The evaluator of the statement that made it, for when no statement is running (a
    /// statement's own evaluator is preferred: see `Evaluator.current`).
    private weak var maker: Evaluator?

    /// What leaves blocks early: an error, a `return`, a `break` or a `continue`.
    private enum Pending {
        case error(ShellError)
        case returned(Value)
        case breakLoop
        case continueLoop
    }

    private enum Loop {
        case block
        case forLoop(Target, PyIterator, orElse: [Parser.Parsed]?)
        case whileLoop(Expr, orElse: [Parser.Parsed]?)
        /// A `try`'s body; its handlers, `else` and `finally` come after it.
        case tryBody([ExceptHandler], orElse: [Parser.Parsed]?, finally: [Parser.Parsed]?)
        /// An `except` clause's body (the error it handles and the name bound to it) or a
        /// `try`'s `else` (no error); the `finally` runs after it.
        case tryHandler(ShellError?, name: String?, finally: [Parser.Parsed]?)
        /// A `finally` block and what it interrupted, carried on when it ends.
        case finallyBlock(Pending?)
        /// A `with`'s body: the manager's exit runs when it is left (true: swallow the error).
        case with((ShellError?, Evaluator) throws(ShellError) -> Bool)
    }

    private struct Cursor {
        let block: [Parser.Parsed]
        var index: Int
        let loop: Loop

        /// True when leaving it runs code (an `except` or `finally` around it, a `with`'s exit).
        var holdsCleanup: Bool {
            switch loop {
            case .tryBody, .tryHandler, .with: return true
            default: return false
            }
        }
    }

    private var stack: [Cursor]
    /// The iterator a `yield from` hands out items of, until it ends.
    private var delegate: PyIterator?
    private var running = false
    private var finished = false
    private var started = false
    /// The names of the `x = yield v` the body stopped at, bound to `sent` when it resumes.
    private var waiting: [Target] = []
    /// What `send` passes in (None for `next`).
    private var sent: Value = .none
    /// The value of the body's `return` (None when it ran off its end): what
    /// `x = yield from this` binds x to.
    fileprivate(set) var returnValue: Value = .none
    /// The names of the `x = yield from g` the body is delegating in, bound to g's return
    /// value when g ends.
    private var delegateTargets: [Target] = []
    /// What `throw()` or `close()` raises where the body stopped, when it resumes.
    private var thrownIn: ShellError?

    init(function: PyFunction, frame: Frame, evaluator: Evaluator) {
        self.function = function
        self.frame = frame
        self.maker = evaluator
        stack = [Cursor(block: function.definition.body, index: 0, loop: .block)]
    }

    /// The generator as a Python value: an iterator whose items the body makes on demand.
    func value() -> Value {
        let it = PyIterator(kind: "generator") { [self] () throws(ShellError) -> Value? in try self.resume() }
        it.generatorName = function.qualifiedName
        it.generator = self
        return .iterator(it)
    }

    /// Runs the body to its next `yield` and returns the value (nil: the body ended, Python's
    /// StopIteration). An error ends the generator, as in Python.
    func resume() throws(ShellError) -> Value? {
        guard !finished, let ev = Evaluator.current ?? maker else { return nil }
        if running { throw ShellError("generator already executing", kind: .valueError) }
        if ev.callDepth >= Evaluator.recursionLimit || StackGuard.exhausted(ev.stackLimit) {
            throw ShellError("maximum recursion depth exceeded", kind: .recursionError)
        }
        running = true
        let savedFrame = ev.frame, savedSource = ev.source, savedFirstLine = ev.sourceFirstLine
        ev.frame = frame
        ev.source = function.scalars
        ev.sourceFirstLine = function.sourceFirstLine
        ev.callDepth += 1
        // The exceptions the body's `except` clauses it stopped in are handling (for a bare
        // `raise`) are the generator's own, as each frame keeps its own in CPython.
        let savedHandling = ev.handling
        for c in stack { if case .tryHandler(let e?, _, _) = c.loop { ev.handling.append(e) } }
        defer {
            ev.frame = savedFrame
            ev.source = savedSource
            ev.sourceFirstLine = savedFirstLine
            ev.callDepth -= 1
            ev.handling = savedHandling
            running = false
        }
        do {
            let value = sent
            sent = .none
            started = true
            if let thrown = thrownIn {
                // Raised where the body stopped (step takes it), or first in the generator
                // `yield from` delegates to.
                waiting = []
                if let d = delegate {
                    thrownIn = nil
                    if let v = try throwIntoDelegate(thrown, d, ev) { return v }
                }
            } else if !waiting.isEmpty {
                let targets = waiting
                waiting = []
                for t in targets { try ev.assign(value, to: t) }
            }
            if let v = try step(ev, sent: value) { return v }
            finish()
            return nil
        } catch {
            finish()
            throw ev.locateInFunction(error, function)
        }
    }

    private func finish() {
        finished = true
        stack = []
        delegate = nil
        waiting = []
        thrownIn = nil
    }

    /// `throw()` while delegating with `yield from`: the error goes to the inner generator
    /// first; when that one ends or passes it on, the outer body goes on from its `yield from`.
    /// Returns the inner generator's next value, or nil when the outer body is to go on.
    private func throwIntoDelegate(_ error: ShellError, _ d: PyIterator, _ ev: Evaluator) throws(ShellError) -> Value? {
        delegate = nil
        guard let g = d.generator else {
            thrownIn = error
            return nil
        }
        do {
            if error.kind == .generatorExit {
                try g.close(d)
                thrownIn = error
                return nil
            }
            if let v = try g.raiseInside(error, through: d) {
                delegate = d
                return v
            }
            try bindDelegateResult(d, ev)
            return nil
        } catch {
            thrownIn = error
            delegateTargets = []
            return nil
        }
    }

    /// `gen.send(v)`: resumes the body with `v` as the value of the `yield` it stopped at, and
    /// returns the next value yielded (StopIteration when the body ends), as Python's does.
    func send(_ value: Value, through it: PyIterator, _ span: Range<Int>) throws(ShellError) -> Value {
        if case .none = value {} else if !started, !finished, !running {
            throw ShellError("can't send non-None value to a just-started generator", span: span, kind: .typeError)
        }
        if !running { sent = value }
        guard let v = try it.next() else { throw Self.stopIteration(it, span) }
        return v
    }

    /// The StopIteration an ended iterator raises: a generator's carries what its body
    /// returned (`StopIteration(value)`, once, as CPython's), any other an empty one.
    static func stopIteration(_ it: PyIterator, _ span: Range<Int>?) -> ShellError {
        guard let g = it.generator, !g.returnValue.isNone else { return ShellError("", span: span, kind: .stopIteration) }
        let value = g.returnValue
        g.returnValue = .none
        var error = ShellError(ValueFormatter.str(value), span: span, kind: .stopIteration)
        error.arguments = ExceptionArguments([value])
        return error
    }

    /// `gen.throw(e)`: the exception is raised where the body stopped, where an `except` may
    /// catch it; the next value yielded is returned, nil when the body then ends (StopIteration
    /// to the caller). A generator not started yet, or finished, raises it at once.
    func raiseInside(_ error: ShellError, through it: PyIterator) throws(ShellError) -> Value? {
        if running { throw ShellError("generator already executing", kind: .valueError) }
        guard started, !finished else {
            finish()
            it.finishProducer()
            throw error
        }
        thrownIn = error
        return try it.next()
    }

    /// `gen.close()`: GeneratorExit is raised where the body stopped, so its `finally` blocks
    /// and `with` exits run; a body that yields again is a RuntimeError, as in Python.
    func close(_ it: PyIterator) throws(ShellError) {
        if running { throw ShellError("generator already executing", kind: .valueError) }
        if started, !finished, stack.contains(where: { $0.holdsCleanup }) || delegate != nil {
            do throws(ShellError) {
                thrownIn = ShellError("", kind: .generatorExit)
                if try it.next() != nil {
                    finish()
                    it.finishProducer()
                    throw ShellError("generator ignored GeneratorExit", kind: .runtimeError)
                }
            } catch where error.kind == .generatorExit || error.kind == .stopIteration {
            }
        }
        finish()
        it.finishProducer()
    }

    /// Runs statements until a `yield` (its value) or the end of the body (nil). An error on
    /// the way is raised where it happened: `unwind` finds the `except`, `finally` or `with`
    /// that takes it, or throws it out of the generator.
    private func step(_ ev: Evaluator, sent: Value) throws(ShellError) -> Value? {
        var pending: Pending? = thrownIn.map { Pending.error($0) }
        thrownIn = nil
        var sent = sent
        while true {
            do {
                if let p = pending {
                    pending = nil
                    if try unwind(p, ev) { return nil }
                }
                if let d = delegate {
                    // `send` goes on to the generator `yield from` delegates to.
                    if let g = d.generator, !sent.isNone { g.sent = sent }
                    sent = .none
                    if let v = try d.next() { return v }
                    delegate = nil
                    try bindDelegateResult(d, ev)
                }
                return try run(ev)
            } catch {
                // Nothing is left to take an error that left every cursor: it leaves the body.
                if error.isInterruption || stack.isEmpty { throw error }
                delegate = nil
                delegateTargets = []
                pending = .error(error)
            }
        }
    }

    /// The statements of the cursors, until a `yield` or the end of the body.
    private func run(_ ev: Evaluator) throws(ShellError) -> Value? {
        while let top = stack.last {
            if top.index >= top.block.count {
                if try repeatOrLeave(ev) { return nil }
                continue
            }
            let parsed = top.block[top.index]
            stack[stack.count - 1].index += 1
            let statement = parsed.statement
            if case .yieldValue(let e, let from, let targets, let span) = statement {
                if from {
                    guard let e else { throw ShellError("invalid syntax", span: span, kind: .syntaxError) }
                    let it = try ev.pullIterator(try ev.evaluate(e), e.span)
                    delegateTargets = targets
                    if let v = try it.next() {
                        delegate = it
                        return v
                    }
                    try bindDelegateResult(it, ev)
                    continue
                }
                waiting = targets
                return try e.map { (x) throws(ShellError) -> Value in try ev.evaluate(x) } ?? Value.none
            }
            if statement.containsYield {
                try open(statement, ev)
                continue
            }
            switch try ev.runBlock([parsed]) {
            case .normal: continue
            case .returned(let v): if try unwind(.returned(v), ev) { return nil }
            case .breakLoop: _ = try unwind(.breakLoop, ev)
            case .continueLoop: _ = try unwind(.continueLoop, ev)
            }
        }
        return nil
    }

    /// Leaves cursors for `pending` until one takes it over: the loop a `break` or `continue`
    /// belongs to, an `except` that matches the error, a `finally` (it runs, then carries
    /// `pending` on), a `with` (its exit runs and may swallow the error). True when a `return`
    /// left the whole body; an error that leaves it is thrown.
    private func unwind(_ start: Pending, _ ev: Evaluator) throws(ShellError) -> Bool {
        var pending = start
        while let top = stack.popLast() {
            switch top.loop {
            case .block:
                continue
            case .forLoop, .whileLoop:
                switch pending {
                case .breakLoop:
                    return false
                case .continueLoop:
                    stack.append(Cursor(block: top.block, index: top.block.count, loop: top.loop))
                    return false
                default:
                    continue
                }
            case .tryBody(let handlers, _, let fin):
                if case .error(let e) = pending {
                    do {
                        for h in handlers where try ev.handlerMatches(h, e) {
                            if let n = h.name { ev.setName(n, ev.exceptionValue(e)) }
                            ev.handling.append(e)
                            stack.append(Cursor(block: h.body, index: 0, loop: .tryHandler(e, name: h.name, finally: fin)))
                            return false
                        }
                    } catch {
                        pending = .error(error)
                    }
                }
                if let fin {
                    stack.append(Cursor(block: fin, index: 0, loop: .finallyBlock(pending)))
                    return false
                }
            case .tryHandler(let handled, let name, let fin):
                leaveHandler(handled, name, ev)
                if let fin {
                    stack.append(Cursor(block: fin, index: 0, loop: .finallyBlock(pending)))
                    return false
                }
            case .finallyBlock:
                // What the finally carried is dropped: what left it now goes on instead.
                continue
            case .with(let exit):
                do {
                    if case .error(let e) = pending {
                        if try exit(e, ev) { return false }
                    } else {
                        _ = try exit(nil, ev)
                    }
                } catch {
                    pending = .error(error)
                }
            }
        }
        switch pending {
        case .error(let e): throw e
        case .returned(let v): returnValue = v
        case .breakLoop, .continueLoop: break
        }
        return true
    }

    /// An `except` clause is left: its exception is no longer being handled, and its name is unbound.
    private func leaveHandler(_ handled: ShellError?, _ name: String?, _ ev: Evaluator) {
        guard handled != nil else { return }
        if !ev.handling.isEmpty { ev.handling.removeLast() }
        if let name { ev.unbindHandlerName(name) }
    }

    /// `x = yield from g` when g has ended: x is g's return value (None for an iterator that
    /// is no generator, as in Python).
    private func bindDelegateResult(_ it: PyIterator, _ ev: Evaluator) throws(ShellError) {
        let targets = delegateTargets
        delegateTargets = []
        let result = it.generator?.returnValue ?? .none
        for t in targets { try ev.assign(result, to: t) }
    }

    /// The end of a cursor's block: a loop goes round again (or runs its `else` when done);
    /// a plain block is left; a `try` goes on to its `else` or `finally`; a `with` exits.
    /// True when the body is done (a `finally` carried a `return` out of it).
    private func repeatOrLeave(_ ev: Evaluator) throws(ShellError) -> Bool {
        guard let top = stack.popLast() else { return false }
        switch top.loop {
        case .block:
            return false
        case .tryBody(_, let orElse, let fin):
            if let orElse {
                stack.append(Cursor(block: orElse, index: 0, loop: .tryHandler(nil, name: nil, finally: fin)))
            } else if let fin {
                stack.append(Cursor(block: fin, index: 0, loop: .finallyBlock(nil)))
            }
        case .tryHandler(let handled, let name, let fin):
            leaveHandler(handled, name, ev)
            if let fin { stack.append(Cursor(block: fin, index: 0, loop: .finallyBlock(nil))) }
        case .finallyBlock(let pending):
            if let pending { return try unwind(pending, ev) }
        case .with(let exit):
            _ = try exit(nil, ev)
        case .forLoop(let target, let it, let orElse):
            if ev.interpreter.options.isInterrupted() { throw Interrupt.error }
            if let item = try it.next() {
                try ev.assign(item, to: target)
                stack.append(Cursor(block: top.block, index: 0, loop: top.loop))
            } else if let orElse {
                stack.append(Cursor(block: orElse, index: 0, loop: .block))
            }
        case .whileLoop(let test, let orElse):
            if ev.interpreter.options.isInterrupted() { throw Interrupt.error }
            if try ev.truth(try ev.evaluate(test), test.span) {
                stack.append(Cursor(block: top.block, index: 0, loop: top.loop))
            } else if let orElse {
                stack.append(Cursor(block: orElse, index: 0, loop: .block))
            }
        }
        return false
    }

    /// Enters a compound statement that holds a `yield`: its test or first item is computed
    /// now, and the block it runs becomes the top cursor.
    private func open(_ statement: Statement, _ ev: Evaluator) throws(ShellError) {
        switch statement {
        case .ifElse(let clauses, let orElse):
            for c in clauses where try ev.truth(try ev.evaluate(c.test), c.test.span) {
                stack.append(Cursor(block: c.body, index: 0, loop: .block))
                return
            }
            if let orElse { stack.append(Cursor(block: orElse, index: 0, loop: .block)) }
        case .forLoop(let target, let iterable, let body, let orElse):
            let it = try ev.pullIterator(try ev.evaluate(iterable), iterable.span)
            if let item = try it.next() {
                try ev.assign(item, to: target)
                stack.append(Cursor(block: body, index: 0, loop: .forLoop(target, it, orElse: orElse)))
            } else if let orElse {
                stack.append(Cursor(block: orElse, index: 0, loop: .block))
            }
        case .whileLoop(let test, let body, let orElse):
            if try ev.truth(try ev.evaluate(test), test.span) {
                stack.append(Cursor(block: body, index: 0, loop: .whileLoop(test, orElse: orElse)))
            } else if let orElse {
                stack.append(Cursor(block: orElse, index: 0, loop: .block))
            }
        case .tryExcept(let body, let handlers, let orElse, let fin):
            stack.append(Cursor(block: body, index: 0, loop: .tryBody(handlers, orElse: orElse, finally: fin)))
        case .with(let items, let body):
            // One cursor per manager, the body in the innermost, so they exit innermost first.
            for (k, item) in items.enumerated() {
                let span = item.context.span
                let context = try ev.evaluate(item.context)
                let entered: Value
                let exit: (ShellError?, Evaluator) throws(ShellError) -> Bool
                if let manager = try InstanceContext(context, span: span) {
                    entered = try manager.enter(span, ev)
                    exit = { (e, ev) throws(ShellError) -> Bool in try manager.exit(e, span, ev) }
                } else if case .object(let o) = context, let manager = o as? ContextManager {
                    entered = try manager.enter(evaluator: ev)
                    exit = { (_, ev) throws(ShellError) -> Bool in
                        try manager.exit(evaluator: ev)
                        return false
                    }
                } else {
                    throw ShellError("'\(context.typeName)' object does not support the context manager protocol", span: span, kind: .typeError)
                }
                let last = k == items.count - 1
                stack.append(Cursor(block: last ? body : [], index: 0, loop: .with(exit)))
                if let t = item.target { try ev.assign(entered, to: t) }
            }
        default:
            throw ShellError("invalid syntax", kind: .syntaxError)
        }
    }

    static let methods: Set<String> = ["send", "throw", "close"]

    /// A `yield` in a statement the cursors do not open (none left today; kept for new kinds).
    static let unsupportedYield = ShellError("yield is not supported in this statement", kind: .notImplementedError)

    /// `gen.send(v)`, `gen.throw(e)`, `gen.close()` with CPython's argument checks.
    func method(_ name: String, _ it: PyIterator, _ args: [Value], _ keywords: [(String, Value)], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        if !keywords.isEmpty {
            throw ShellError("generator.\(name)() takes no keyword arguments", span: span, kind: .typeError)
        }
        switch name {
        case "send":
            guard args.count == 1 else {
                throw ShellError("generator.send() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            return try send(args[0], through: it, span)
        case "close":
            guard args.isEmpty else {
                throw ShellError("generator.close() takes no arguments (\(args.count) given)", span: span, kind: .typeError)
            }
            try close(it)
            return .none
        default:
            guard var e = args.first else { throw ShellError("throw expected at least 1 argument, got 0", span: span, kind: .typeError) }
            guard args.count <= 3 else {
                throw ShellError("throw expected at most 3 arguments, got \(args.count)", span: span, kind: .typeError)
            }
            if args.count == 3, !args[2].isNone {
                throw ShellError("throw() third argument must be a traceback object", span: span, kind: .typeError)
            }
            let isException: Bool
            switch e {
            case .exception: isException = true
            case .type(let n): isException = ExceptionClasses.isClass(n)
            case .object(let c as PyClass): isException = c.exceptionBase != nil
            case .object(let i as PyInstance): isException = i.cls.exceptionBase != nil
            default: isException = false
            }
            guard isException else {
                throw ShellError("exceptions must be classes or instances deriving from BaseException, not \(e.typeName)", span: span, kind: .typeError)
            }
            // `throw(ExcType, value)`: the class made with the value (a tuple is its args), or
            // the value itself when it already is an instance of the class, as CPython
            // normalizes it.
            if args.count >= 2, !args[1].isNone {
                let value = args[1]
                let items: [Value]
                if case .tuple(let t) = value { items = t.array } else { items = [value] }
                switch e {
                case .type(let n):
                    if case .exception(let x) = value, ExceptionClasses.matches(x.kind, n) { e = value } else {
                        e = .exception(PyException(kind: n, args: items))
                    }
                case .object(let c as PyClass):
                    if case .object(let i as PyInstance) = value, i.cls.isSubclass(of: c) { e = value } else {
                        e = try c.call(items, [], span: span, evaluator: ev)
                    }
                default:
                    throw ShellError("instance exception may not have a separate value", span: span, kind: .typeError)
                }
            }
            let error = try ev.raisedError(e, span)
            guard let v = try raiseInside(error, through: it) else { throw Self.stopIteration(it, span) }
            return v
        }
    }
}



extension Evaluator {
    /// The evaluator running the current top-level statement. Each statement gets its own
    /// evaluator (over a copy of the workspace), so a generator made by one statement and
    /// advanced by a later one, or an instance hashed as a dict key, runs Python code with the
    /// evaluator of the statement that asks, never with the (finished) one that made it.
    final class Running: @unchecked Sendable {
        let evaluator: Evaluator
        init(_ ev: Evaluator) { evaluator = ev }
    }
    @TaskLocal static var running: Running?
    static var current: Evaluator? { running?.evaluator }

    /// Runs `body` with `self` as `Evaluator.current`.
    func asCurrent<T>(_ body: () throws(ShellError) -> T) throws(ShellError) -> T {
        let result: Result<T, ShellError> = Self.$running.withValue(Running(self)) {
            do throws(ShellError) { return .success(try body()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// An iterator over `value` that makes its items one at a time (Python's `iter()`, as a
    /// `for` loop uses it): ranges count, lists are read live, iterators and generators are
    /// advanced, instances go through `__iter__`/`__next__`; anything else is listed first.
    func pullIterator(_ value: Value, _ span: Range<Int>) throws(ShellError) -> PyIterator {
        switch value {
        case .iterator(let it) where !it.isView:
            return it
        case .list(let list):
            return PyIterator(live: list, enumerateFrom: nil, kind: "list_iterator")
        case .object(let f as PyFile):
            // A file is its own iterator: each item is read when asked for, so `zip(f, g)` and
            // `enumerate(f)` read line by line, and a loop left early leaves the rest unread.
            return PyIterator(kind: "_io.TextIOWrapper") { () throws(ShellError) -> Value? in try f.nextLine(span) }
        case .range(let a, let b, let c):
            var i = a
            return PyIterator(kind: "range_iterator") { () throws(ShellError) -> Value? in
                guard c > 0 ? i < b : i > b else { return nil }
                defer {
                    let (n, o) = i.addingReportingOverflow(c)
                    i = o ? b : n
                }
                return .int(i)
            }
        case .object(let instance as PyInstance):
            return try ClassRuntime.iterator(instance, span, self)
        default:
            return PyIterator(try iterate(value, span), kind: "iterator")
        }
    }
}

extension Evaluator {
    /// True for values whose items are made on demand (generators, instances with `__iter__`
    /// or `__getitem__`): `enumerate` and `zip` over them advance them as they are asked.
    func isLazyIterable(_ v: Value) -> Bool {
        switch v {
        case .iterator(let it): return it.isLazy && !it.isView
        case .object(is PyInstance), .object(is PyFile): return true
        default: return false
        }
    }
}
