import Tensor

/// Evaluating the expressions Python has beyond numpy's: displays of dicts and sets,
/// comprehensions, conditional expressions, comparison chains, lambdas and f-strings.
extension Evaluator {
    func evaluatePython(_ expr: Expr) throws(ShellError) -> Value {
        switch expr {
        case .dict(let items, _):
            var d = PyDict()
            for item in items {
                if let k = item.key {
                    let key = try evaluate(k)
                    try d.set(key, try evaluate(item.value), span: k.span)
                } else {
                    let v = try evaluate(item.value)
                    guard case .dict(let other) = v else {
                        throw ShellError("'\(v.typeName)' object is not a mapping", span: item.value.span, kind: .typeError)
                    }
                    for (k, val) in other.items { try d.set(k, val, span: item.value.span) }
                }
            }
            return .dict(d)
        case .set(let items, _):
            var s = PySet()
            for v in try evaluateItems(items) { try s.insert(v, span: expr.span) }
            return .set(s)
        case .conditional(let body, let test, let orElse, _):
            return try truth(try evaluate(test), test.span) ? try evaluate(body) : try evaluate(orElse)
        case .compare(let first, let links, let span):
            var left = try evaluate(first)
            var result: Value = .bool(true)
            for link in links {
                let right = try evaluate(link.rhs)
                result = try operate(link.op, left, right, span)
                if try !truth(result, span) { return result }
                left = right
            }
            return result
        case .lambda(let def, _):
            return .closure(try makeFunction(def))
        case .fstring(let parts, let span):
            return .string(try ClassRuntime.formatting(self) { () throws(ShellError) -> String in try renderFString(parts, span) })
        case .comprehension(let c, let span):
            return try evaluateComprehension(c, span)
        case .named(let name, let valueExpr, _):
            let value = try evaluate(valueExpr)
            bindNamed(name, value)
            return value
        case .starred(_, _, let span):
            throw ShellError("can't use starred expression here", span: span, kind: .syntaxError)
        default:
            throw ShellError("invalid syntax", span: expr.span, kind: .syntaxError)
        }
    }

    /// Items of a list/tuple/set display, with `*xs` spread.
    func evaluateItems(_ items: [Expr]) throws(ShellError) -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(items.count)
        for e in items {
            if case .starred(let inner, false, let s) = e {
                out += try iterate(try evaluate(inner), s)
            } else {
                out.append(try evaluate(e))
            }
        }
        return out
    }

    func renderFString(_ parts: [FStringPart], _ span: Range<Int>) throws(ShellError) -> String {
        var out = ""
        for p in parts {
            switch p {
            case .text(let t): out += t
            case .value(let e, let conversion, let spec, let selfDoc):
                var v = try evaluate(e)
                if let selfDoc { out += selfDoc }
                if let conversion {
                    v = .string(conversion == "s" ? ValueFormatter.str(v) : ValueFormatter.repr(v))
                }
                let specText = try spec.map { (s) throws(ShellError) -> String in try renderFString(s, span) } ?? ""
                out += try PyFormat.formatValue(v, specText, span: e.span, evaluator: self)
            }
        }
        return out
    }

    /// `name := value`: binds in the scope the expression is in; inside a comprehension, in the
    /// nearest enclosing scope that is not a comprehension (PEP 572), where `collectScope`
    /// made it a local (or at the top level, a workspace name).
    func bindNamed(_ name: String, _ value: Value) {
        var scope = frame
        while let f = scope, f.isComprehension { scope = f.parent }
        if scope === frame {
            setName(name, value)
            return
        }
        let saved = frame
        frame = scope
        setName(name, value)
        frame = saved
    }

    /// A comprehension runs in its own scope (its loop variables do not leak), as in Python 3.
    func evaluateComprehension(_ c: Comprehension, _ span: Range<Int>) throws(ShellError) -> Value {
        var names = Set<String>()
        for clause in c.clauses { names.formUnion(clause.target.boundNames) }
        let scope = Frame.make(layout: ScopeLayout(parameters: [], localNames: names), parent: frame, function: nil, isComprehension: true)
        var list: [Value] = []
        var set = PySet()
        var dict = PyDict()
        // The first iterable is evaluated in the enclosing scope, as Python does.
        let firstIterable = try evaluate(c.clauses[0].iterable)
        if c.kind == .generator {
            return try GeneratorExpression.make(c, scope: scope, firstIterable: firstIterable, span: span, self)
        }
        let saved = frame
        frame = scope
        defer { frame = saved }
        func loop(_ level: Int, _ iterable: Value?) throws(ShellError) {
            if level == c.clauses.count {
                switch c.kind {
                case .list, .generator: list.append(try evaluate(c.element))
                case .set: try set.insert(try evaluate(c.element), span: c.element.span)
                case .dict:
                    let k = try evaluate(c.element)
                    try dict.set(k, try evaluate(c.value ?? c.element), span: c.element.span)
                }
                return
            }
            let clause = c.clauses[level]
            let source: Value
            if let iterable { source = iterable } else { source = try evaluate(clause.iterable) }
            try forEach(source, clause.iterable.span) { (item) throws(ShellError) -> Bool in
                if self.interpreter.options.isInterrupted() { throw Interrupt.error }
                try self.assign(item, to: clause.target)
                for cond in clause.conditions where try !self.truth(try self.evaluate(cond), cond.span) { return true }
                try loop(level + 1, nil)
                return true
            }
        }
        try loop(0, firstIterable)
        switch c.kind {
        case .list: return .list(list)
        case .generator: return .iterator(PyIterator(list, kind: "generator"))
        case .set: return .set(set)
        case .dict: return .dict(dict)
        }
    }

    /// Printed text without a forced newline (`print(x, end='')`): complete lines are emitted,
    /// the rest waits for the next output.
    func write(_ text: String) {
        let all = interpreter.pendingText + text
        guard let lastNewline = all.lastIndex(of: "\n") else {
            interpreter.pendingText = all
            return
        }
        interpreter.pendingText = String(all[all.index(after: lastNewline)...])
        interpreter.pendingText.isEmpty ? () : ()
        let complete = String(all[..<lastNewline])
        let saved = interpreter.pendingText
        interpreter.pendingText = ""
        emit(.text(complete))
        interpreter.pendingText = saved
    }
}
