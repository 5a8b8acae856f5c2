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
/// `yield`. A `yield` inside `try` or `with` is refused (NotImplementedError): generators in
/// tutorials do not write one. `x = yield v` binds x to what `send` passes in (None for
/// `next`); a yield elsewhere inside an expression is refused by the parser.
final class PyGenerator: @unchecked Sendable {
    let function: PyFunction
    let frame: Frame
    /// The evaluator of the statement that made it, for when no statement is running (a
    /// statement's own evaluator is preferred: see `Evaluator.current`).
    private weak var maker: Evaluator?

    private enum Loop {
        case block
        case forLoop(Target, PyIterator, orElse: [Parser.Parsed]?)
        case whileLoop(Expr, orElse: [Parser.Parsed]?)
    }

    private struct Cursor {
        let block: [Parser.Parsed]
        var index: Int
        let loop: Loop
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
    private(set) var returnValue: Value = .none
    /// The names of the `x = yield from g` the body is delegating in, bound to g's return
    /// value when g ends.
    private var delegateTargets: [Target] = []

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
        defer {
            ev.frame = savedFrame
            ev.source = savedSource
            ev.sourceFirstLine = savedFirstLine
            ev.callDepth -= 1
            running = false
        }
        do {
            let value = sent
            sent = .none
            started = true
            if !waiting.isEmpty {
                let targets = waiting
                waiting = []
                for t in targets { try ev.assign(value, to: t) }
            }
            if let v = try step(ev) { return v }
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
    }

    /// `gen.send(v)`: resumes the body with `v` as the value of the `yield` it stopped at, and
    /// returns the next value yielded (StopIteration when the body ends), as Python's does.
    func send(_ value: Value, through it: PyIterator, _ span: Range<Int>) throws(ShellError) -> Value {
        if case .none = value {} else if !started, !finished, !running {
            throw ShellError("can't send non-None value to a just-started generator", span: span, kind: .typeError)
        }
        if !running { sent = value }
        guard let v = try it.next() else { throw ShellError("", span: span, kind: .stopIteration) }
        return v
    }

    /// `gen.throw(e)` and `gen.close()`: the exception is raised where the body stopped. No
    /// `yield` stands inside a `try` (see above), so nothing in the body can catch it: the
    /// generator ends, and `throw` passes the exception on, while `close` (GeneratorExit)
    /// returns None, as in Python.
    func stop(_ it: PyIterator) throws(ShellError) {
        if running { throw ShellError("generator already executing", kind: .valueError) }
        finish()
        it.finishProducer()
    }

    /// Runs statements until a `yield` (its value) or the end of the body (nil).
    private func step(_ ev: Evaluator) throws(ShellError) -> Value? {
        if let d = delegate {
            if let v = try d.next() { return v }
            delegate = nil
            try bindDelegateResult(d, ev)
        }
        while let top = stack.last {
            if top.index >= top.block.count {
                try repeatOrLeave(ev)
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
            case .returned(let v):
                returnValue = v
                return nil
            case .breakLoop: leaveLoop(continuing: false)
            case .continueLoop: leaveLoop(continuing: true)
            }
        }
        return nil
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
    /// a plain block is left.
    private func repeatOrLeave(_ ev: Evaluator) throws(ShellError) {
        guard let top = stack.popLast() else { return }
        switch top.loop {
        case .block:
            return
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
    }

    /// `break` or `continue` from a statement run whole: leave the blocks up to the innermost
    /// loop; `continue` then lets that loop go round again, `break` leaves it without its `else`.
    private func leaveLoop(continuing: Bool) {
        while let top = stack.last {
            if case .block = top.loop {
                stack.removeLast()
                continue
            }
            if continuing {
                stack[stack.count - 1].index = top.block.count
            } else {
                stack.removeLast()
            }
            return
        }
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
        default:
            throw PyGenerator.unsupportedYield
        }
    }

    static let methods: Set<String> = ["send", "throw", "close"]

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
            try stop(it)
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
                if case .tuple(let t) = value { items = t } else { items = [value] }
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
            try stop(it)
            throw error
        }
    }

    static let unsupportedYield = ShellError("yield inside a try or with block is not supported",
                                             explanation: "rnnsh's generators yield from for, while and if blocks", kind: .notImplementedError)
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
        case .object(is PyInstance): return true
        default: return false
        }
    }
}
