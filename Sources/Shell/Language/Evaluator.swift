import Tensor

/// Runs parsed statements against a working copy of the workspace. The interpreter keeps the
/// copy only when the statement succeeds. The evaluator itself never does array math: operators
/// and methods become calls of registry commands, whose bodies call module Tensor.
final class Evaluator {
    var workspace: Workspace
    let interpreter: Interpreter
    let emit: (Output) -> Void
    /// The full text given to `execute`; spans index into it (inside a function call: the
    /// text the function was defined in).
    var source: [Unicode.Scalar]
    /// The input line (script or stdin) `source` starts on, when known; a function defined
    /// here keeps it, so an error inside it later names its input line.
    var sourceFirstLine: Int?
    var depth = 0
    /// The running function's (or comprehension's) locals; nil at the top level, where names
    /// live in the workspace.
    var frame: Frame?
    /// Python function calls in progress (Python's recursion limit counts these).
    var callDepth = 0
    /// The lowest address the thread's stack may reach before calls are refused with
    /// RecursionError instead of overflowing (see `StackGuard`).
    let stackLimit: UInt
    /// The explorer's trace of this statement (Tracing.swift); active under `trace`.
    var trace = TraceLog()
    /// True while the right-hand side of an assignment runs: commands that would otherwise
    /// store their result under a default name (`train` → `model`) leave naming to it.
    var statementAssigns = false
    /// While a compiled top-level loop runs: the journal its statements commit to
    /// (`WriteJournal.current`, a task-local read, read once per loop instead of once per
    /// statement; see `Compiler.journaled`).
    var loopJournal: WriteJournal?
    /// While `explain` walks a pipeline (ExplainPipeline.swift): what the current stage calls its
    /// input and its result, so stage 2 explains `y → z` after stage 1 explained `x → y`.
    var explainNames: (source: String?, result: String)?
    /// The frame of the class body running now, if any (`Classes.swift`).
    var classBodyFrame: Frame?
    /// The parsed input `source` holds the scalars of, while a function runs: a call of a
    /// function from the same input (a recursion, a loop calling a helper) then leaves
    /// `source` as it is instead of swapping two arrays in and out on every call.
    var sourceOwner: SourceText?
    /// True while a ufunc or operator runs under `checkingFloatErrors` (FloatWarnings.swift).
    var floatCheckActive = false
    /// `interpreter.options.isInterrupted`, read once (the options never change): a call polls it.
    let isInterrupted: @Sendable () -> Bool

    convenience init(workspace: Workspace, interpreter: Interpreter, source: String, emit: @escaping (Output) -> Void) {
        self.init(workspace: workspace, interpreter: interpreter, scalars: Array(source.unicodeScalars), emit: emit)
    }

    /// With the source already split into scalars: `Interpreter.execute` splits a long input
    /// once and shares the array with every statement's evaluator (copying it per statement
    /// made 16,000 statements on one line quadratic).
    init(workspace: Workspace, interpreter: Interpreter, scalars: [Unicode.Scalar], emit: @escaping (Output) -> Void) {
        self.workspace = workspace
        self.interpreter = interpreter
        self.source = scalars
        self.emit = emit
        self.stackLimit = interpreter.stackLimit()
        self.isInterrupted = interpreter.options.isInterrupted
        self.trace.active = interpreter.explore.traceAll
    }

    var registry: Registry { interpreter.registry }

    func rawText(_ r: Range<Int>) -> String {
        let lo = min(max(r.lowerBound, 0), source.count)
        let hi = min(max(r.upperBound, lo), source.count)
        return ScalarText.string(source[lo..<hi])
    }

    func enter(_ span: Range<Int>?) throws(ShellError) {
        depth += 1
        if StackGuard.exhausted(stackLimit) {
            throw ShellError("maximum recursion depth exceeded", span: span, kind: .recursionError)
        }
        if interpreter.options.isInterrupted() { throw Interrupt.error }
    }

    // MARK: - Statements

    /// Runs one statement; returns the value a bare expression produced (else `None`).
    @discardableResult
    func execute(_ statement: Statement, text: String) throws(ShellError) -> Value {
        try enter(nil)
        defer { depth -= 1 }
        switch statement {
        case .importModule:
            return .none
        case .help(let name, let span):
            guard let help = registry["help"] else { return .none }
            return try call(help, [ArgumentInput(value: .string(name), span: span)], span: span)
        case .assign(let targets, let expr):
            statementAssigns = true
            defer { statementAssigns = false }
            let value = try evaluate(expr)
            for (k, t) in targets.enumerated() {
                // The last item assignment of a statement is its last action: nothing can fail
                // after it, so its old bytes need no journal (a 10^7-element `x[:] = 0` stays a
                // single pass). See WriteJournal.
                if k == targets.count - 1, case .item = t {
                    try unjournaled { () throws(ShellError) in try assign(value, to: t) }
                } else {
                    try assign(value, to: t)
                }
            }
            return .none
        case .augmentedAssign(let target, let op, let expr):
            try augmentedAssign(target, op, expr)
            return .none
        case .expression(let expr):
            let value = try evaluate(expr)
            // Python's REPL echoes expression statements; in a function or block they are for their effect.
            if !value.isNone && frame == nil && interpreter.options.mode == .session {
                try PyNumbers.checkDigits(value, expr.span)
                if !traceShowedLast(value) {
                    // An instance echoes its repr, as Python's REPL shows it.
                    let text = try ClassRuntime.formatting(self) { () throws(ShellError) -> String in
                        ClassRuntime.isInstance(value) ? ValueFormatter.repr(value) : ValueFormatter.str(value)
                    }
                    // Formatting a huge value stops early on Ctrl-C; show nothing then.
                    if interpreter.options.isInterrupted() { throw Interrupt.error }
                    emit(.text(text))
                }
                workspace["_"] = value
            }
            return value
        default:
            // A block typed at the top level is compiled once (see `Compiler`); its loops then
            // run the closures.
            let flow: Flow
            if statement.isBlock {
                flow = try Compiler(layout: nil).statement(statement)(self)
            } else {
                flow = try run(statement)
            }
            switch flow {
            case .normal: return .none
            case .returned: throw ShellError("'return' outside function", kind: .syntaxError)
            case .breakLoop: throw ShellError("'break' outside loop", kind: .syntaxError)
            case .continueLoop: throw ShellError("'continue' not properly in loop", kind: .syntaxError)
            }
        }
    }

    func assign(_ value: Value, to target: Target) throws(ShellError) {
        switch target {
        case .name(let n, _):
            setName(n, value)
        case .unpack(let targets, let span):
            let items = try unpackItems(value, span)
            if let star = targets.firstIndex(where: { if case .starred = $0 { return true } else { return false } }) {
                let after = targets.count - star - 1
                if items.count < targets.count - 1 {
                    throw ShellError("not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))", span: span, kind: .valueError)
                }
                for i in 0..<star { try assign(items[i], to: targets[i]) }
                if case .starred(let inner, _) = targets[star] {
                    try assign(.list(Array(items[star..<(items.count - after)])), to: inner)
                }
                for i in 0..<after { try assign(items[items.count - after + i], to: targets[star + 1 + i]) }
                return
            }
            if items.count > targets.count {
                throw ShellError("too many values to unpack (expected \(targets.count))", span: span, kind: .valueError)
            }
            if items.count < targets.count {
                throw ShellError("not enough values to unpack (expected \(targets.count), got \(items.count))", span: span, kind: .valueError)
            }
            for (t, v) in zip(targets, items) { try assign(v, to: t) }
        case .starred(_, let span):
            throw ShellError("starred assignment target must be in a list or tuple", span: span, kind: .syntaxError)
        case .item(let base, let items, let span):
            // Arrays: numpy's item assignment into the array `base` evaluates to (views see it).
            // Lists and dicts: Python's, changed where they are held.
            let b = try evaluate(base)
            if case .array = b {
                let index = try subscriptIndexValues(items)
                try setItem(b, index, value, span, base: base)
            } else if StringArrayDispatch.isStringArray(b) {
                try setItem(b, try subscriptIndexValues(items), value, span, base: base)
            } else if case .object(let flags as FlagsObject) = b {
                // `x.flags['WRITEABLE'] = False`: numpy's flags mapping sets the array's flag.
                let index = try subscriptIndexValues(items)
                let key: Value = index.count == 1 ? (index.first ?? .none) : .tuple(index)
                try flags.setItem(key, try truth(value, span), span: span)
            } else {
                try assignItem(value, base: base, items: items, span: span)
            }
        case .attribute(let base, let name, let span):
            // `self.W.shape = s` changes the array the instance holds: the holder is
            // evaluated once and kept, so its attribute can be given the new shape.
            var holder: (object: Value, name: String)? = nil
            let b: Value
            if name == "shape", case .attribute(let inner, let attributeName, let innerSpan) = base {
                let o = try evaluate(inner)
                b = try attribute(o, attributeName, innerSpan)
                holder = (o, attributeName)
            } else {
                b = try evaluate(base)
            }
            if name == "shape" {
                if case .array(let a) = b {
                    try setArrayShape(a, to: value, holder: holder, span: span)
                    return
                }
                if case .scalar = b {
                    throw ShellError("attribute 'shape' of 'numpy.generic' objects is not writable", span: span, kind: .attributeError)
                }
            }
            // `a.flat = 0`: every element, the values repeated (FlatIterObject).
            if name == "flat", case .array(let a) = b {
                try FlatIterObject(array: a).set(nil, value, span: span, evaluator: self)
                return
            }
            if case .object(let flags as FlagsObject) = b {
                // `x.flags.writeable = False` changes the array (numpy's flags are a window on it).
                try flags.setAttribute(name, try truth(value, span), span: span)
                return
            }
            if try ClassRuntime.setAttribute(b, name, value, span, self) { return }
            if case .array = b {
                throw ShellError("cannot assign to an attribute",
                                 explanation: "rnnsh lets you assign to names and to array elements (`x[0] = 1`)",
                                 span: span, kind: .attributeError)
            }
            throw ShellError("'\(b.typeName)' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }

    /// Python iterates lists and tuples by item and arrays along their first axis.
    func unpackItems(_ value: Value, _ span: Range<Int>) throws(ShellError) -> [Value] {
        if let items = value.sequenceItems { return items }
        if case .object(let o) = value, let items = o.iterationItems { return items }
        switch value {
        case .dict, .set, .range, .iterator, .string, .object(is PyInstance): return try iterate(value, span)
        default: break
        }
        if case .array(let a) = value {
            if a.ndim == 0 { throw ShellError("iteration over a 0-d array", span: span, kind: .typeError) }
            var out: [Value] = []
            for i in 0..<a.shape[0] { out.append(try subscriptValue(value, [.int(i)], span)) }
            return out
        }
        throw ShellError("cannot unpack non-iterable \(value.typeName) object", span: span, kind: .typeError)
    }

    // MARK: - Expressions

    func evaluate(_ expr: Expr) throws(ShellError) -> Value {
        try enter(expr.span)
        defer { depth -= 1 }
        switch expr {
        case .name(let n, let span): return try lookup(n, span)
        case .int(let i, _): return .int(i)
        case .bigInt(let b, _): return .bigint(b)
        case .float(let d, _): return .float(d)
        case .string(let s, _): return .string(s)
        case .bool(let b, _): return .bool(b)
        case .none: return .none
        case .list(let items, _): return .list(try evaluateItems(items))
        case .tuple(let items, _): return .tuple(try evaluateItems(items))
        case .unary(let op, let inner, let span):
            return try unary(op, try evaluate(inner), span)
        case .binary(let op, let lhs, let rhs, let span):
            if op == "and" || op == "or" {
                let l = try evaluate(lhs)
                let t = try truth(l, lhs.span)
                if (op == "and" && !t) || (op == "or" && t) { return l }
                return try evaluate(rhs)
            }
            let l = try evaluate(lhs)
            let r = try evaluate(rhs)
            return try binaryOperands(op, l, r, span, lhs.span, rhs.span)
        case .call(let callee, let args, let span):
            return try evaluateCall(callee, args, piped: nil, span: span)
        case .attribute(let base, let name, let span):
            return try attribute(try evaluate(base), name, span)
        case .indexing(let base, let items, let span):
            let b = try evaluate(base)
            let v = try evaluateSubscript(b, items, span, baseSpan: base.span)
            if trace.active { recordIndexStage(base: b, index: rawText(base.span.upperBound..<span.upperBound), value: v) }
            return v
        case .command(let name, let args, let nameSpan, let span):
            return try callCommand(name, args, piped: nil, nameSpan: nameSpan, span: span, form: .command)
        case .pipeline(let stages, _):
            guard let first = stages.first else { return .none }
            // `explain transpose x 1 0 2 | reshape -1 3` explains every stage, not just the first.
            if case .command("explain", let args, _, let span) = first, stages.count > 1, registry["explain"] != nil {
                return try explainPipeline(args, span: span, then: Array(stages.dropFirst()))
            }
            var value = try evaluate(first)
            for stage in stages.dropFirst() { value = try evaluateStage(stage, piped: value) }
            return value
        case .word(_, let span):
            throw ShellError("invalid syntax", span: span, kind: .syntaxError)
        case .statement(_, _, let span):
            throw ShellError("invalid syntax", span: span, kind: .syntaxError)
        default:
            return try evaluatePython(expr)
        }
    }

    /// `l op r` once both sides are evaluated (`lhsSpan`, `rhsSpan`: the operands' columns).
    func binaryOperands(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>, _ lhsSpan: Range<Int>, _ rhsSpan: Range<Int>) throws(ShellError) -> Value {
        let (l, r) = StringArrayDispatch.plainStrings(l, r)
        // Python's own values first: no operand texts are needed (they only explain array errors).
        if !Self.isArrayLike(l) && !Self.isArrayLike(r) {
            if case .int(let a) = l, case .int(let b) = r, let v = try PythonArithmetic.integer(op, a, b, span) { return v }
            if let v = try pythonBinary(op, l, r, span) { return v }
        }
        return try binary(op, l, r, span, texts: (rawText(lhsSpan), rawText(rhsSpan)))
    }

    /// A stage after `|`: the piped value becomes the first argument.
    func evaluateStage(_ stage: Expr, piped: Value) throws(ShellError) -> Value {
        // A variable that shadows a command is a value: `x | sum` is an or when `sum` is one.
        switch stage {
        case .command(let name, let args, _, let span) where args.isEmpty:
            if let v = boundValue(name), !Self.isFunction(v) { return try binary("|", piped, v, span) }
        case .name(let name, let span):
            if let v = boundValue(name), !Self.isFunction(v) { return try binary("|", piped, v, span) }
        default:
            break
        }
        switch stage {
        case .command(let name, let args, let nameSpan, let span):
            return try callCommand(name, args, piped: piped, nameSpan: nameSpan, span: span, form: .command)
        case .call(let callee, let args, let span):
            return try evaluateCall(callee, args, piped: piped, span: span)
        case .name(let n, let span) where isCommandName(n) && boundValue(n) == nil:
            return try callCommand(n, [], piped: piped, nameSpan: span, span: span, form: .command)
        default:
            // `| np.transpose`, `| f` where f holds a command or a bound method.
            if case .function(let c) = try evaluate(stage), let command = registry[c.name] {
                var inputs: [ArgumentInput] = []
                if let receiver = c.receiver { inputs.append(ArgumentInput(value: receiver, span: stage.span)) }
                inputs.append(ArgumentInput(value: piped, span: nil))
                return try call(command, inputs, span: stage.span)
            }
            // `a | b` on Python's sets, dicts and ints is their union / bitwise or.
            switch piped {
            case .set, .dict, .int, .bool, .type, .none, .object(is PyClass), .object(is UnionTypeObject):
                if let v = try pythonBinary("|", piped, try evaluate(stage), stage.span) { return v }
            default: break
            }
            throw ShellError("the right side of '|' must be a command", explanation: "e.g. `arange 24 | reshape 2 4 3`", span: stage.span)
        }
    }

    /// Names resolve to workspace values, then numpy's constants, then commands.
    func lookup(_ name: String, _ span: Range<Int>) throws(ShellError) -> Value {
        var f = frame
        while let current = f {
            if let k = current.layout.slotOf[name] {
                if let v = current[slot: k] { return v }
                if current.function != nil && f === frame && !current.globalNames.contains(name) {
                    throw ShellError("cannot access local variable '\(name)' where it is not associated with a value", span: span, kind: .unboundLocalError)
                }
            }
            f = current.parent
        }
        if let v = workspace[name] { return v }
        if let b = Builtins.value(name) { return b }
        if let c = Constants.value(name) { return c }
        if isCommandName(name) { return .function(Callable(name: name)) }
        // CPython's order: the running function's locals, then the globals, then the builtins
        // (a program has no commands to suggest).
        let locals = frame.map { $0.function != nil ? Array($0.layout.slotOf.keys) : [] } ?? []
        let extras = (interpreter.options.mode == .session ? registry.names : []) + Constants.names
        let meant = Suggest.closest(to: name, locals: locals, globals: workspace.names, builtins: Suggest.pythonBuiltinNames,
                                    extras: extras)
        let message = "name '\(name)' is not defined" + (meant.map { ". Did you mean: '\($0)'?" } ?? "")
        throw ShellError(message, span: span, kind: .nameError)
    }

    /// True when `name` is a command that can be named here: any command in a session; in a
    /// program only Python's names exist, so only the commands that Python has too.
    func isCommandName(_ name: String) -> Bool {
        guard registry[name] != nil else { return false }
        return interpreter.options.mode == .session || Builtins.commandsThatArePythonBuiltins.contains(name)
    }

    /// Binds `name` where Python would: the function's locals (or the enclosing function's
    /// for `nonlocal`), else the workspace.
    func setName(_ name: String, _ value: Value) {
        if let f = frame, !f.globalNames.contains(name) {
            if f.nonlocalNames.contains(name) {
                var p = f.parent
                while let q = p {
                    if let k = q.layout.slotOf[name] { q[slot: k] = value; return }
                    p = q.parent
                }
            } else if let k = f.layout.slotOf[name] {
                f[slot: k] = value
                return
            }
        }
        workspace[name] = value
    }

    func truth(_ v: Value, _ span: Range<Int>) throws(ShellError) -> Bool {
        switch v {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .bigint: return true
        case .float(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .none: return false
        case .list, .tuple: let a = (v).sequenceItems ?? []; return !a.isEmpty
        case .dict(let d): return d.count > 0
        case .set(let x): return x.count > 0
        case .range(let a, let b, let c): return PythonRange.count(a, b, c) > 0
        case .array(let a), .scalar(let a):
            guard a.size == 1, let s = a.scalars.first else {
                if a.size == 0 { return false }
                throw ShellError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()", span: span, kind: .valueError)
            }
            return s.doubleValue != 0
        case .object(let o as StringArrayObject):
            guard o.codes.size == 1, let only = o.elements.first else {
                if o.codes.size == 0 { return false }
                throw ShellError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()", span: span, kind: .valueError)
            }
            return !only.isEmpty
        case .object(let o as NumpyStrObject): return !o.value.isEmpty
        case .object(let o as PythonSized): return !o.sizedItems.isEmpty
        case .object(is PyInstance): return try ClassRuntime.truth(v, span, self) ?? true
        default: return true
        }
    }

    // MARK: - Operators

    /// numpy's ufunc names for Python's operators; the Math commands implement them.
    static let binaryCommands: [String: String] = [
        "+": "add", "-": "subtract", "*": "multiply", "/": "divide", "//": "floor_divide", "%": "remainder",
        "**": "power", "@": "matmul", "==": "equal", "!=": "not_equal", "<": "less", "<=": "less_equal",
        ">": "greater", ">=": "greater_equal", "&": "bitwise_and", "^": "bitwise_xor", "|": "bitwise_or",
        "<<": "left_shift", ">>": "right_shift",
    ]
    static let unaryCommands: [String: String] = ["-": "negative", "+": "positive", "~": "invert"]

    static func isFunction(_ v: Value) -> Bool {
        if case .function = v { return true }
        return false
    }

    /// Commands that are methods of shell objects, by the object's kind.
    static let objectMethods: [String: Set<String>] = [
        "cell": ["zero_state", "step", "unroll"],
        "model": ["fit_batch", "predict", "eval"],
    ]

    static func isNumericArrayValue(_ v: Value) -> Bool {
        switch v {
        case .array, .scalar: return true
        default: return false
        }
    }

    static func isArrayLike(_ v: Value) -> Bool {
        switch v {
        case .array, .scalar, .object(is StringArrayObject): return true
        default: return false
        }
    }

    func binary(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>, texts: (String, String)? = nil) throws(ShellError) -> Value {
        // An operator on numpy's values is its ufunc, which reports float errors.
        if let ufunc = FloatWarnings.operatorUfunc(op, l, r) {
            return try checkingFloatErrors(ufunc, span: span) { () throws(ShellError) -> Value in
                let value = try binaryUnchecked(op, l, r, span, texts: texts)
                if ufunc.hasPrefix("scalar ") { FloatWarnings.flagScalarIntegerErrors(op, l, r, value) }
                return value
            }
        }
        return try binaryUnchecked(op, l, r, span, texts: texts)
    }

    private func binaryUnchecked(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>, texts: (String, String)?) throws(ShellError) -> Value {
        if op == "is" { return .bool(Self.identical(l, r)) }
        if op == "is not" { return .bool(!Self.identical(l, r)) }
        // `in` is the container's question whatever the item is: `np.int64(4) in [4]` compares
        // item by item with ==, `3 in np.arange(5)` is numpy's `(a == 3).any()`.
        if op == "in" || op == "not in" {
            let found = try contains(r, l, span)
            return .bool(op == "in" ? found : !found)
        }
        if op == "*", let v = try repeatedByNumpyInteger(l, r, span) { return v }
        if let v = try TFOperators.binary(op, l, r, span, evaluator: self) { return v }
        // `"loss %g" % np.float32(c)`: str's % formats a numpy scalar as the number it holds
        // (Python tries str.__mod__ first, and its errors are final); numpy's remainder never
        // sees a str. An array is one argument: `'%.2f' % np.array(0.875)` is '0.88', and one
        // with axes is numpy's TypeError, however few elements it has.
        if op == "%", case .string(let fmt) = l, Self.isNumericArrayValue(r) {
            return .string(try PyFormat.percent(fmt, r, span: span, evaluator: self))
        }
        // numpy's `str_` is a Python str, except next to a string array (then an operand of it).
        let (plainL, plainR) = StringArrayDispatch.plainStrings(l, r)
        // An array meeting a str, None, a dict, ...: numpy's result or exception
        // (NumpyForeignOperands.swift); a str that gets that far is a 0-d string array.
        if let v = try numpyForeignOperand(op, plainL, plainR, span) { return v }
        let (l, r) = try numpyStringOperands(plainL, plainR, span)
        if StringArrayDispatch.isStringArray(l) || StringArrayDispatch.isStringArray(r) {
            // `x ** 2` is numpy's `square`, whose message names it.
            var name = Self.binaryCommands[op] ?? op
            if op == "**", case .int(2) = r { name = "square" }
            if name == "square" || name == "matmul" {
                throw ShellError("ufunc '\(name)' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
                                 span: span, kind: .typeError)
            }
            guard let command = registry[name] else {
                throw ShellError("unsupported operand type(s) for \(op): '\(l.typeName)' and '\(r.typeName)'", span: span, kind: .typeError)
            }
            return try call(command, [ArgumentInput(value: l, span: span), ArgumentInput(value: r, span: span)], span: span)
        }
        if interpreter.tensorflow.imported, let (l1, r1) = TFOperators.numpy1Operands(op, l, r) {
            return try binary(op, l1, r1, span, texts: texts)
        }
        if !Self.isArrayLike(l) && !Self.isArrayLike(r) {
            if let v = try PythonArithmetic.binary(op, l, r, span) { return v }
            if let v = try PythonComparison.compare(op, l, r, span) { return v }
        } else if let v = arrayBinaryShortcut(op, l, r, span) {
            return v
        }
        if op == "**", let v = try scalarPowerShortcut(l, r, span) { return v }
        guard let name = Self.binaryCommands[op], let command = registry[name],
              Self.isArrayLike(l) || Self.isArrayLike(r) || isNumberLike(l) && isNumberLike(r) else {
            let arrays = Self.isArrayLike(l) || Self.isArrayLike(r)
            let available = Self.binaryCommands.filter { registry[$0.value] != nil }.keys.sorted().joined(separator: " ")
            throw ShellError("unsupported operand type(s) for \(op): '\(l.typeName)' and '\(r.typeName)'",
                             explanation: arrays ? "rnnsh's arrays support the operators \(available)" : nil, span: span, kind: .typeError)
        }
        var left = ArgumentInput(value: l, span: span), right = ArgumentInput(value: r, span: span)
        left.text = texts?.0
        right.text = texts?.1
        return try call(command, [left, right], span: span)
    }

    /// `[0] * np.int64(3)`, `'ab' * n` with a numpy integer: a list, tuple or str repeats itself
    /// by anything with `__index__`, numpy's integers included, before numpy is asked; a numpy
    /// bool has no `__index__` (Python's TypeError). nil: not such a pair (a numpy float
    /// scalar then broadcasts over the list, as numpy's reflected * does).
    func repeatedByNumpyInteger(_ l: Value, _ r: Value, _ span: Range<Int>) throws(ShellError) -> Value? {
        func isSequence(_ v: Value) -> Bool {
            switch v {
            case .list, .tuple, .string: return true
            default: return false
            }
        }
        let (sequence, count) = isSequence(l) ? (l, r) : (r, l)
        guard isSequence(sequence), case .scalar(let a) = count else { return nil }
        if a.dtype == .bool {
            throw ShellError("can't multiply sequence by non-int of type '\(count.typeName)'", span: span, kind: .typeError)
        }
        guard a.dtype.isInteger, case .int(let n) = a.scalar(atStorageOffset: a.offset) else { return nil }
        return try PythonArithmetic.binary("*", sequence, .int(Int(n)), span)
    }

    /// `x + 1`, `a * b`, `x < y` on arrays: the ufunc `MathCommands.binaryCommands` runs, called
    /// directly instead of through the command's argument binding (which was most of a small
    /// array statement's time). Nil for anything else, and on any failure or Ctrl-C: the command
    /// call then does the operation as before and says its error exactly as before.
    func arrayBinaryShortcut(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>) -> Value? {
        let code: BinaryOp
        switch op {
        case "+": code = .add
        case "-": code = .subtract
        case "*": code = .multiply
        case "/": code = .divide
        case "==": code = .equal
        case "!=": code = .notEqual
        case "<": code = .less
        case "<=": code = .lessEqual
        case ">": code = .greater
        case ">=": code = .greaterEqual
        default: return nil
        }
        func operand(_ v: Value) -> Operand? {
            switch v {
            case .array(let a), .scalar(let a): return .array(a)
            case .int(let i): return .int(Int64(i))
            case .float(let d): return .float(d)
            case .bool(let b): return .bool(b)
            default: return nil
            }
        }
        guard !trace.active, let a = operand(l), let b = operand(r),
              let name = Self.binaryCommands[op], registry[name] != nil,
              !StackGuard.exhausted(stackLimit), !interpreter.options.isInterrupted(),
              let out = try? NDArray.binary(code, a, b),
              !interpreter.options.isInterrupted() else { return nil }
        return MathCommands.result(out)
    }

    func isNumberLike(_ v: Value) -> Bool {
        switch v {
        case .int, .float, .bool, .array, .scalar, .list, .tuple: return true
        default: return false
        }
    }

    func unary(_ op: String, _ v: Value, _ span: Range<Int>) throws(ShellError) -> Value {
        if op == "not" { return .bool(!(try truth(v, span))) }
        if let r = try TFOperators.unary(op, v, span, evaluator: self) { return r }
        if let r = try ClassRuntime.unary(op, v, span, self) { return r }
        if StringArrayDispatch.isStringArray(v), let name = Self.unaryCommands[op] {
            throw ShellError("ufunc '\(name)' did not contain a loop with signature matching types <class 'numpy.dtypes.StrDType'> -> None",
                             span: span, kind: .ufuncTypeError)
        }
        if case .object(is NumpyStrObject) = v, let s = StringArrayDispatch.pythonString(v) { return try unary(op, .string(s), span) }
        if !Self.isArrayLike(v), let r = try PythonArithmetic.unary(op, v, span) { return r }
        guard Self.isArrayLike(v), let name = Self.unaryCommands[op], let command = registry[name] else {
            throw ShellError("bad operand type for unary \(op): '\(v.typeName)'", span: span, kind: .typeError)
        }
        return try call(command, [ArgumentInput(value: v, span: span)], span: span)
    }

    // MARK: - Calls

    func evaluateCall(_ callee: Expr, _ args: [CallArgument], piped: Value?, span: Range<Int>) throws(ShellError) -> Value {
        // `name(...)`: the command of that name, unless a variable or Python's builtin of
        // that name comes first.
        // A piped value is the receiver: `x | reshape(2, 3)` binds as `x.reshape(2, 3)`.
        if case .name(let n, let nameSpan) = callee, !isBoundName(n), !Builtins.names.contains(n), isCommandName(n) {
            return try callCommand(n, args, piped: piped, nameSpan: nameSpan, span: span, form: piped == nil ? .function : .method)
        }
        // `xs.append(x)`, `d.update(…)`: methods of Python's own values.
        if piped == nil, case .attribute(let baseExpr, let name, _) = callee {
            return try callAttribute(try evaluate(baseExpr), baseExpr: baseExpr, name, callee: callee, args, span: span)
        }
        return try callValue(try evaluate(callee), callee: callee, args, piped: piped, span: span)
    }

    /// `base.name(args)` once `base` is evaluated.
    func callAttribute(_ base: Value, baseExpr: Expr, _ name: String, callee: Expr, _ args: [CallArgument], span: Range<Int>) throws(ShellError) -> Value {
        if Methods.handles(base) {
            return try callMethod(base, name, baseExpr: baseExpr, args, span: span, calleeSpan: callee.span)
        }
        let f = try attribute(base, name, callee.span)
        return try callValue(f, callee: callee, args, piped: nil, span: span)
    }

    /// True when `name` is a local or workspace variable (which shadows commands and builtins).
    func isBoundName(_ name: String) -> Bool { boundValue(name) != nil }

    /// The value of a local (of this or an enclosing function) or workspace variable `name`.
    func boundValue(_ name: String) -> Value? {
        var f = frame
        while let current = f {
            if let k = current.layout.slotOf[name], let v = current[slot: k] { return v }
            f = current.parent
        }
        return workspace[name]
    }

    func callValue(_ f: Value, callee: Expr, _ args: [CallArgument], piped: Value?, span: Range<Int>) throws(ShellError) -> Value {
        switch f {
        case .function(let c):
            var inputs: [ArgumentInput] = []
            if let receiver = c.receiver { inputs.append(ArgumentInput(value: receiver, span: callee.span)) }
            if let piped { inputs.append(ArgumentInput(value: piped, span: nil)) }
            inputs += try commandInputs(args)
            guard let command = registry[c.name] else {
                throw ShellError("'\(c.name)' is not a command", span: callee.span)
            }
            return try call(command, inputs, span: span, form: c.receiver == nil && piped == nil ? .function : .method)
        case .dtype(let d):
            // `np.float32(0.5)`: a numpy scalar of that type.
            guard let command = registry["asarray"], args.count == 1, let arg = args.first, arg.label == nil else {
                throw ShellError("\(d.name)() takes exactly one argument", span: span, kind: .typeError)
            }
            var dtypeInput = ArgumentInput(value: .dtype(d), span: nil)
            dtypeInput.label = "dtype"
            let converted = try call(command, [ArgumentInput(expr: arg.value), dtypeInput], span: span)
            if case .array(let a) = converted, a.ndim == 0 { return .scalar(a) }
            return converted
        case .object(let o) where o.kind == "cell" && !(o is PyInstance):
            // `output, state = cell(input_, state)`: one step, as TF1 calls a cell.
            return try callValue(.function(Callable(name: "step", receiver: f)), callee: callee, args, piped: piped, span: span)
        case .closure, .builtin, .type, .object:
            var (positional, keywords) = try evaluateArguments(args)
            if let piped { positional.insert(piped, at: 0) }
            return try callPython(f, positional, keywords, span: span)
        default:
            throw ShellError("'\(f.typeName)' object is not callable", span: callee.span, kind: .typeError)
        }
    }

    /// A command's inputs: `*xs` and `**kw` spread into positional and keyword values.
    func commandInputs(_ args: [CallArgument]) throws(ShellError) -> [ArgumentInput] {
        var inputs: [ArgumentInput] = []
        for a in args {
            if case .starred(let inner, let doubled, let s) = a.value {
                let v = try evaluate(inner)
                if doubled {
                    guard case .dict(let d) = v else { throw ShellError("argument after ** must be a mapping, not \(v.typeName)", span: s, kind: .typeError) }
                    for (k, val) in d.items {
                        guard case .string(let key) = k else { throw ShellError("keywords must be strings", span: s, kind: .typeError) }
                        var input = ArgumentInput(value: val, span: s)
                        input.label = key
                        inputs.append(input)
                    }
                } else {
                    for item in try iterate(v, s) { inputs.append(ArgumentInput(value: item, span: s)) }
                }
            } else if case .comprehension = a.value {
                inputs.append(ArgumentInput(value: try evaluate(a.value), span: a.value.span))
            } else {
                inputs.append(ArgumentInput(label: a.label, expr: a.value, labelSpan: a.labelSpan))
            }
        }
        return inputs
    }

    func callCommand(_ name: String, _ args: [CallArgument], piped: Value?, nameSpan: Range<Int>, span: Range<Int>,
                     form: CallForm = .function) throws(ShellError) -> Value {
        // A bare name that is both a command and a variable (a function's local included:
        // `cell = rnn_cell.BasicLSTMCell(n)` then `rnn.rnn(cell, x)`) means the variable.
        if args.isEmpty, piped == nil, let v = boundValue(name) { return v }
        // `vars(obj)` is Python's builtin (the instance's attributes); `vars` alone stays the
        // shell's table of variables.
        if name == "vars", piped == nil, form == .function, !args.isEmpty { return try pythonVars(args, span: span) }
        guard let command = registry[name] else {
            throw ShellError(Suggest.message("unknown command '\(name)'", name: name, candidates: registry.names), span: nameSpan)
        }
        var inputs: [ArgumentInput] = []
        if let piped { inputs.append(ArgumentInput(value: piped, span: nil)) }
        inputs += try commandInputs(args)
        return try call(command, inputs, span: span, form: form)
    }

    /// Binds, checks and runs a command.
    func call(_ command: Command, _ inputs: [ArgumentInput], span: Range<Int>, form: CallForm = .function) throws(ShellError) -> Value {
        try enter(span)
        defer { depth -= 1 }
        var inputs = inputs
        // Unicode arrays run on their codes (or fail as numpy fails): StringArrayDispatch.
        if StringArrayDispatch.names.contains(command.name),
           let v = try stringArrayCall(command, &inputs, span: span, form: form) { return v }
        // (stringArrayCall has evaluated `sum`'s data argument, so a generator is seen here.)
        if let refused = Self.sumOfGeneratorError(command, inputs, span: span) { throw refused }
        if let position = Self.byteOrderCommands[command.name],
           let v = try byteOrderCall(command, &inputs, dtypePosition: position, span: span, form: form) { return v }
        let context = ArgumentBinder.Context(
            evaluate: { (e) throws(ShellError) -> Value in try self.evaluate(e) },
            toArray: { (v, s) throws(ShellError) -> NDArray in try self.toArray(v, span: s) },
            variable: { n in self.workspace[n] },
            rawText: { self.rawText($0) })
        if let swapped = swappedSplitError(command, inputs) { throw swapped }
        let bound = try ArgumentBinder.bind(command, inputs, callSpan: span, form: form, context: context)
        let invocation = Invocation(command: command, arguments: bound, span: span, form: form, evaluator: self)
        do {
            // numpy's ufuncs report the float errors of their loops (FloatWarnings.swift).
            let ufunc = FloatWarnings.ufuncs[command.name]
            let checking = ufunc != nil && beginFloatCheck()
            defer { if checking { floatCheckActive = false } }
            let value = try command.run(invocation)
            if checking, let ufunc { try endFloatCheck(ufunc, span: span) }
            // Core loops stop early on Ctrl-C and leave their result unfinished: never keep it.
            if interpreter.options.isInterrupted() { throw Interrupt.error }
            try checkDeclaredReads(command, bound)
            recordStage(command, bound, inputs, value: value)
            return value
        } catch let e as ShellError {
            try checkDeclaredReads(command, bound)
            throw e
        } catch let e as TensorError {
            if e.isInterruption { throw Interrupt.error }
            try checkDeclaredReads(command, bound)
            throw ShellError(e.message, explanation: teachingExplanation(command, bound, inputs, e) ?? e.explanation, kind: e.kind)
        } catch {
            try checkDeclaredReads(command, bound)
            throw ShellError("\(command.name): \(error)")
        }
    }

    /// A body that read a parameter its command does not declare got `None` for it: whatever it
    /// then returned or threw is not trustworthy, so the call fails, naming the misspelt name.
    func checkDeclaredReads(_ command: Command, _ bound: BoundArguments) throws(ShellError) {
        guard let name = bound.undeclaredReads.all.first else { return }
        let declared = command.allParameters.map(\.name).joined(separator: ", ")
        throw ShellError("internal error: \(command.name) read the argument '\(name)', which it does not declare (it declares: \(declared.isEmpty ? "nothing" : declared))")
    }

    /// `np.asarray` for arguments declared as arrays, through the registry's `asarray`.
    func toArray(_ v: Value, span: Range<Int>?) throws(ShellError) -> NDArray {
        switch v {
        case .array(let a), .scalar(let a): return a
        case .object(let o as StringArrayObject):
            throw ShellError("rnnsh's string arrays (dtype \(o.dtypeText)) work with printing, comparisons, indexing, sort, unique and where; this command needs numbers",
                             span: span, kind: .typeError)
        default:
            // Not an array after numpy's conversion either: a TypeError, as numpy's refusals of
            // values it cannot compute with are.
            guard let command = registry["asarray"] else {
                throw ShellError("expected an array, got \(v.typeName)", span: span, kind: .typeError)
            }
            trace.suppressed += 1
            defer { trace.suppressed -= 1 }
            let result = try call(command, [ArgumentInput(value: v, span: span)], span: span ?? 0..<0)
            guard case .array(let a) = result else { throw ShellError("expected an array, got \(v.typeName)", span: span, kind: .typeError) }
            return a
        }
    }

    // MARK: - Attributes and subscripts

    func attribute(_ base: Value, _ name: String, _ span: Range<Int>) throws(ShellError) -> Value {
        switch base {
        case .namespace(let module) where module == "sys" || module == "os" || module == "os.path":
            return try SysModule.attribute(module, name, span: span, evaluator: self)
        case .namespace(let module) where Modules.isPythonModule(module):
            return try Modules.attribute(module, name, span: span)
        case .dict, .set, .string, .list, .tuple, .int, .float, .bool, .range, .exception, .iterator:
            if case .exception(let e) = base, name == "args" { return .tuple(e.args) }
            // StopIteration.value: what the generator returned (its first argument).
            if case .exception(let e) = base, name == "value", ExceptionClasses.matches(e.kind, "StopIteration") { return e.args.first ?? .none }
            // `raise … from c`: __cause__ is c (None without `from`); a `from` suppresses the context.
            if case .exception(let e) = base, name == "__cause__" { return e.cause ?? .none }
            if case .exception(let e) = base, name == "__suppress_context__" { return .bool(e.cause != nil) }
            // SystemExit.code: the exit status or message sys.exit was given (CPython: None
            // without arguments, the one argument, else the tuple of them).
            if case .exception(let e) = base, name == "code", ExceptionClasses.matches(e.kind, "SystemExit") {
                return e.args.count == 1 ? e.args[0] : (e.args.isEmpty ? .none : .tuple(e.args))
            }
            if case .dict(let d) = base, case .defaultDict(let factory) = d.flavour, name == "default_factory" { return factory }
            if Methods.has(base, name) { return .builtin(Builtin(name: name, receiver: base)) }
            if case .int(let i) = base {
                if name == "real" || name == "numerator" { return .int(i) }
                if name == "imag" { return .int(0) }
                if name == "denominator" { return .int(1) }
            }
            if case .float(let d) = base {
                if name == "real" { return .float(d) }
                if name == "imag" { return .float(0) }
            }
            if case .range(let a, let b, let c) = base {
                switch name {
                case "start": return .int(a)
                case "stop": return .int(b)
                case "step": return .int(c)
                default: break
                }
            }
            throw ShellError("'\(base.typeName)' object has no attribute '\(name)'", span: span, kind: .attributeError)
        case .closure(let f):
            if f.hasAttributes, let v = f.attributes.get(.string(name)) { return v }
            switch name {
            case "__name__": return .string(f.name)
            case "__qualname__": return .string(f.qualifiedName)
            case "__doc__": return f.docstring
            case "__module__": return .string("__main__")
            case "__dict__": return .dict(f.touchAttributes())
            default: break
            }
        case .builtin(let b) where b.receiver == nil && b.name == "itertools.chain" && name == "from_iterable":
            return .builtin(Builtin(name: "itertools.chain.from_iterable", receiver: nil))
        // A built-in's names, as CPython's: `math.gamma.__name__` is 'gamma', `xs.append`'s
        // `__qualname__` is 'list.append' (tables of functions print their names this way).
        case .builtin(let b) where name == "__name__" || name == "__qualname__":
            let short = b.name.split(separator: ".").last.map(String.init) ?? b.name
            if name == "__qualname__", let receiver = b.receiver {
                if case .type(let n) = receiver { return .string(n + "." + short) }
                return .string(receiver.typeName + "." + short)
            }
            return .string(short)
        case .type("dict") where name == "fromkeys":
            return .builtin(Builtin(name: "dict.fromkeys", receiver: nil))
        case .type(let n) where name == "__name__":
            return .string(n.split(separator: ".").last.map(String.init) ?? n)
        case .type(let n) where Methods.unbound(n, name):
            // CPython's method descriptor: `sorted(words, key=str.lower)`, `map(str.strip, lines)`.
            return .builtin(Builtin(name: name, receiver: .type(n)))
        case .type(let n) where Methods.unboundMutating(n, name):
            throw ShellError("\(n).\(name) through the type is not supported", explanation: "call it on the value: xs.\(name)(...)",
                             span: span, kind: .notImplementedError)
        case .namespace(let module):
            // `np.random.randn`: the random commands live in the shell's one namespace.
            if name == "random" && module == "numpy" { return .namespace("numpy.random") }
            if name == "linalg" && module == "numpy" { return .namespace("numpy.linalg") }
            if module == "numpy.linalg" {
                if name == "LinAlgError" { return .type("numpy.linalg.LinAlgError") }
                if LinalgCommands.linalgNames.contains(name) { return .function(Callable(name: name)) }
                // Python's message; the suggestion goes on the explanation line, as Python prints it apart.
                let hint = Suggest.closest(to: name, in: LinalgCommands.linalgNames.sorted()).map { "Did you mean: '\($0)'?" }
                throw ShellError("module 'numpy.linalg' has no attribute '\(name)'", explanation: hint,
                                 span: span, kind: .attributeError)
            }
            if module == "numpy.random" {
                // Only numpy.random's own names: the shell's one namespace also holds np.power,
                // np.log, ..., and `np.random.power(2, 3)` printed 8 (np.power) instead of samples.
                if let command = RandomCommands.moduleFunction(name, in: registry) { return .function(Callable(name: command)) }
                let hint = Suggest.closest(to: name, in: RandomCommands.moduleNames(in: registry)).map { "Did you mean: '\($0)'?" }
                throw ShellError("module 'numpy.random' has no attribute '\(name)'", explanation: hint, span: span, kind: .attributeError)
            }
            if name == "ndarray" && module == "numpy" { return .type("numpy.ndarray") }
            // The numpy release rnnsh emulates (docs/dtypes.md), for scripts that check it.
            if name == "__version__" && module == "numpy" { return .string(Version.emulatedNumpy) }
            if module == "numpy", let abstract = NumpyAbstractTypes.value(name) { return abstract }
            if let c = Constants.value(name), name != "np", name != "numpy" { return c }
            // numpy functions whose plain name is a shell command (`np.trace`) are `numpy.NAME`.
            if module == "numpy", registry["numpy." + name] != nil { return .function(Callable(name: "numpy." + name)) }
            if registry[name] != nil { return .function(Callable(name: name)) }
            let candidates = registry.names + Constants.names
            // Python's message (str of the AttributeError); the suggestion goes on the explanation line.
            throw ShellError("module '\(module)' has no attribute '\(name)'", explanation: Suggest.closest(to: name, in: candidates).map { "Did you mean: '\($0)'?" },
                             span: span, kind: .attributeError)
        case .record(let r):
            if let v = r[name] { return v }
            throw ShellError(Suggest.message("record has no field '\(name)'", name: name, candidates: r.fields.map(\.name)), span: span)
        case .object(let o):
            if let t = o as? ThrowingAttributes { return try t.lookup(name, span: span, evaluator: self) }
            if let v = o.attribute(name) { return v }
            // TF1's methods on cells and models: `cell.zero_state(…)`, `model.fit_batch(…)`.
            if Self.objectMethods[o.kind]?.contains(name) == true, registry[name] != nil {
                return .function(Callable(name: name, receiver: base))
            }
        case .function(let f):
            // A ufunc's methods (`np.add.at`) are commands named `add.at`.
            if f.receiver == nil, registry[f.name + "." + name] != nil { return .function(Callable(name: f.name + "." + name)) }
        case .dtype(let d):
            if let v = DTypeAttributes.value(d, name) { return v }
        default:
            break
        }
        if let v = try Attributes.value(of: base, name, span: span, evaluator: self) {
            if name == "T" { recordAttributeStage(name, base: base, value: v) }
            return v
        }
        // Methods arrays have and the numpy module does not (`x.tolist()`): commands `ndarray.NAME`.
        if Attributes.acceptsMethods(base) {
            for qualified in ["ndarray." + name, "numpy." + name] where registry[qualified] != nil {
                return .function(Callable(name: qualified, receiver: base))
            }
        }
        if let command = registry[name], command.isMethod, Attributes.acceptsMethods(base) {
            return .function(Callable(name: name, receiver: base))
        }
        let candidates = Attributes.names(of: base) + registry.commands.filter(\.isMethod).map(\.name)
        throw ShellError("'\(base.typeName)' object has no attribute '\(name)'", explanation: Suggest.closest(to: name, in: candidates).map { "Did you mean: '\($0)'?" },
                         span: span, kind: .attributeError)
    }

    func evaluateSubscript(_ base: Value, _ items: [SubscriptItem], _ span: Range<Int>, baseSpan: Range<Int>? = nil) throws(ShellError) -> Value {
        try subscriptValue(base, try subscriptIndexValues(items), span, baseSpan: baseSpan)
    }

    /// The values between the brackets of a subscript (slices as `.slice`, `...` as `.ellipsis`).
    func subscriptIndexValues(_ items: [SubscriptItem]) throws(ShellError) -> [Value] {
        var values: [Value] = []
        for item in items {
            switch item {
            case .index(let e): values.append(try evaluate(e))
            case .ellipsis: values.append(.ellipsis)
            case .slice(let a, let b, let c, let s):
                func part(_ e: Expr?, step: Bool = false) throws(ShellError) -> Int? {
                    guard let e else { return nil }
                    let given = try evaluate(e)
                    // `xs[obj:]` with an `__index__` object bounds the slice at its int.
                    let v = try ClassRuntime.index(given, e.span, self) ?? given
                    if v.isNone { return nil }
                    // Past 64 bits a bound is clamped, as CPython and numpy clamp it to
                    // ssize_t (`xs[:2**63]` is all of xs), the step to ±(2**63 - 1).
                    if case .bigint(let b) = v { return b.negative ? (step ? -Int.max : Int.min) : Int.max }
                    do { return try ArgumentBinder.integer(v, e.span) } catch {
                        throw ShellError("slice indices must be integers or None or have an __index__ method", span: s, kind: .typeError)
                    }
                }
                values.append(.slice(try part(a), try part(b), try part(c, step: true)))
            }
        }
        return values
    }

    /// Whether `base[i]` takes `i` as a position (CPython's sequences and numpy's arrays),
    /// where an object with `__index__` stands for its int.
    static func indexesByPosition(_ base: Value) -> Bool {
        switch base {
        case .list, .tuple, .string, .range, .array, .scalar: return true
        case .object(let o): return o is StringArrayObject || o is NumpyStrObject || o is PyDeque
        default: return false
        }
    }

    func subscriptValue(_ base: Value, _ index: [Value], _ span: Range<Int>, baseSpan: Range<Int>? = nil) throws(ShellError) -> Value {
        // A sequence or an array takes an object with `__index__` as its int (a dict or an
        // instance's __getitem__ gets the object itself).
        let index = try Self.indexesByPosition(base) ? ClassRuntime.indices(index, span, self) : index
        switch base {
        case .object(let f as FlatIterObject):
            return try f.get(index, span: span, evaluator: self)
        case .dict(let d):
            let key: Value = index.count == 1 ? index[0] : .tuple(index)
            if let v = d.get(try HashKey.of(key, span: span)) { return v }
            if !d.flavour.isPlain, let v = try CollectionsModule.missing(d, key, span, self) { return v }
            throw ShellError(ValueFormatter.repr(key), span: span, kind: .keyError)
        case .string(let s):
            guard index.count == 1, let only = index.first else {
                throw ShellError("string indices must be integers, not 'tuple'", span: span, kind: .typeError)
            }
            let chars = Array(s.unicodeScalars)
            if case .slice(let a, let b, let c) = only {
                return .string(String(String.UnicodeScalarView(try PythonSequence.slice(chars, a, b, c, span: span))))
            }
            if case .bigint = only { throw ArgumentBinder.indexSized(span) }
            guard let i = try? ArgumentBinder.integer(only, span) else {
                throw ShellError("string indices must be integers, not '\(only.typeName)'", span: span, kind: .typeError)
            }
            let j = i < 0 ? i + chars.count : i
            guard j >= 0 && j < chars.count else { throw ShellError("string index out of range", span: span, kind: .indexError) }
            return .string(String(Character(chars[j])))
        case .range(let a, let b, let c):
            guard index.count == 1, let only = index.first else {
                throw ShellError("range indices must be integers or slices, not tuple", span: span, kind: .typeError)
            }
            let n = PythonRange.count(a, b, c)
            if case .slice(let start, let stop, let step) = only {
                return try PythonRange.slice(a, c, n, start, stop, step, span)
            }
            if case .bigint = only { throw ShellError("range object index out of range", span: span, kind: .indexError) }
            guard let i = try? ArgumentBinder.integer(only, span) else {
                throw ShellError("range indices must be integers or slices, not \(only.typeName)", span: span, kind: .typeError)
            }
            let j = i < 0 ? i + n : i
            guard j >= 0 && j < n else { throw ShellError("range object index out of range", span: span, kind: .indexError) }
            // Item j lies inside the range, so wrapping steps give it exactly (j * c alone can
            // pass 64 bits: range(-2**63, 2**63 - 1, 2**62)[3]).
            return .int(a &+ j &* c)
        case .list, .tuple:
            let items = (base).sequenceItems ?? []
            guard index.count == 1, let only = index.first else {
                throw ShellError("\(base.typeName) indices must be integers or slices, not tuple", span: span, kind: .typeError)
            }
            let isList = base.typeName == "list"
            switch only {
            case .slice(let a, let b, let c):
                let picked = try PythonSequence.slice(items, a, b, c, span: span)
                return isList ? .list(picked) : .tuple(picked)
            default:
                if case .bigint = only { throw ArgumentBinder.indexSized(span) }
                guard let i = try? ArgumentBinder.integer(only, span) else {
                    throw ShellError("\(base.typeName) indices must be integers or slices, not \(only.typeName)", span: span, kind: .typeError)
                }
                let n = items.count
                let j = i < 0 ? i + n : i
                guard j >= 0 && j < n else { throw ShellError("\(base.typeName) index out of range", span: span, kind: .indexError) }
                return items[j]
            }
        case .object(let o as StringArrayObject):
            // Indexing a unicode array indexes its codes: views stay views of the same strings.
            switch try subscriptValue(.array(o.codes), index, span, baseSpan: baseSpan) {
            case .array(let a): return .object(o.wrapping(a))
            case .scalar(let a): return o.item(of: a)
            case let v: return v
            }
        case .object(let o as NumpyStrObject):
            return try subscriptValue(.string(o.value), index, span, baseSpan: baseSpan)
        case .object(is PyInstance):
            let key: Value = index.count == 1 ? (index.first ?? .none) : .tuple(index)
            if let v = try ClassRuntime.item(base, key, span, self) { return v }
        case .object(let o as IndexTrickObject):
            return try o.item(index.count == 1 ? (index.first ?? .none) : .tuple(index), self, span)
        case .object(let o):
            let key: Value = index.count == 1 ? (index.first ?? .none) : .tuple(index)
            if let v = try o.item(key) { return v }
        case .record(let r):
            if index.count == 1, case .string(let key)? = index.first {
                if let v = r[key] { return v }
                throw ShellError("\(ValueFormatter.pythonStringRepr(key)) is not a field", span: span)
            }
        case .array(let a), .scalar(let a):
            // A tuple index `x[(0, 1)]` is the same as `x[0, 1]`.
            var flat = index
            if flat.count == 1, case .tuple(let inner)? = flat.first { flat = inner.array }
            var items: [IndexItem] = []
            for v in flat { items.append(try indexItem(v, span: span)) }
            do {
                let result = try a.subscripted(items)
                // numpy returns a scalar (a copy) when every axis gets an integer, so a later
                // write into `a` does not change it.
                if IndexItem.selectsScalar(items, ndim: a.ndim) { return .scalar(try result.copy()) }
                return .array(result)
            } catch {
                throw ShellError(error.message, explanation: teachingIndexExplanation(base, baseSpan.map(rawText), error) ?? error.explanation,
                                 span: span, kind: error.kind)
            }
        default:
            break
        }
        throw ShellError("'\(base.typeName)' object is not subscriptable", span: span, kind: .typeError)
    }
}
