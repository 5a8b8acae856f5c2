import Tensor

/// A generator expression (`(x * x for x in xs if x)`): lazy, as CPython's. Making it
/// evaluates only the first `for`'s iterable (in the enclosing scope, and takes its iterator,
/// so a non-iterable fails at once); each item is computed when asked for, so
/// `any((hit := v) > 5 for v in values)` stops at the first match and leaves it in `hit`, and
/// `sum(x for x in range(10**9))` never holds a list. The loop variables live in the
/// expression's own scope, as in a comprehension.
final class GeneratorExpression: @unchecked Sendable {
    private let comprehension: Comprehension
    private let scope: Frame
    private let span: Range<Int>
    /// The evaluator of the statement that made it, for when no statement is running (see
    /// `Evaluator.current`, preferred: a later statement's own evaluator runs it).
    private weak var maker: Evaluator?
    /// One iterator per `for` clause entered, outermost first.
    private var iterators: [PyIterator]
    private var finished = false

    private init(_ c: Comprehension, scope: Frame, first: PyIterator, span: Range<Int>, maker: Evaluator) {
        comprehension = c
        self.scope = scope
        self.span = span
        self.maker = maker
        iterators = [first]
    }

    static func make(_ c: Comprehension, scope: Frame, firstIterable: Value, span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        let first = try ev.pullIterator(firstIterable, c.clauses[0].iterable.span)
        let g = GeneratorExpression(c, scope: scope, first: first, span: span, maker: ev)
        let it = PyIterator(kind: "generator") { () throws(ShellError) -> Value? in try g.next() }
        it.generatorName = "<genexpr>"
        return .iterator(it)
    }

    private func next() throws(ShellError) -> Value? {
        guard !finished, let ev = Evaluator.current ?? maker else { return nil }
        let saved = ev.frame
        ev.frame = scope
        defer { ev.frame = saved }
        do throws(ShellError) {
            let clauses = comprehension.clauses
            while let inner = iterators.last {
                let level = iterators.count - 1
                guard let item = try inner.next() else {
                    iterators.removeLast()
                    continue
                }
                if ev.interpreter.options.isInterrupted() { throw Interrupt.error }
                let clause = clauses[level]
                try ev.assign(item, to: clause.target)
                var kept = true
                for cond in clause.conditions where try !ev.truth(try ev.evaluate(cond), cond.span) {
                    kept = false
                    break
                }
                if !kept { continue }
                if level + 1 == clauses.count { return try ev.evaluate(comprehension.element) }
                let next = clauses[level + 1].iterable
                iterators.append(try ev.pullIterator(try ev.evaluate(next), next.span))
            }
            finished = true
            return nil
        } catch {
            finished = true
            iterators = []
            throw error
        }
    }
}
