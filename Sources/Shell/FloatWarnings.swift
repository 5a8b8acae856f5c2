import Glibc
import Tensor

/// numpy's reports of floating-point errors in its ufuncs: `RuntimeWarning: divide by zero
/// encountered in log`. numpy reads the CPU's sticky exception flags after each ufunc loop and
/// acts on each raised one, in the order divide, overflow, underflow, invalid, as the session's
/// modes (`np.seterr`/`np.errstate`, `FloatErrorModes`) say. rnnsh's loops compute with the
/// same IEEE operations and libm calls on the calling thread, so the same flags go up; the
/// shell lowers them before a ufunc command or an array operator and reads them after. The
/// core never reports anything itself.
///
/// Only the ufuncs numpy's loops report for are checked: comparisons, `maximum`, `clip` and
/// the like give NaN results silently in numpy, and a vectorised comparison here may raise the
/// invalid flag on a NaN operand that numpy's loops would not.
enum FloatWarnings {
    /// Command name → the ufunc name numpy's message uses.
    static let ufuncs: [String: String] = [
        "add": "add", "subtract": "subtract", "multiply": "multiply", "divide": "divide", "true_divide": "divide",
        "floor_divide": "floor_divide", "remainder": "remainder", "mod": "remainder", "fmod": "fmod", "divmod": "divmod",
        "power": "power", "float_power": "float_power", "exp": "exp", "exp2": "exp2", "expm1": "expm1",
        "log": "log", "log2": "log2", "log10": "log10", "log1p": "log1p", "sqrt": "sqrt", "square": "square",
        "reciprocal": "reciprocal", "sin": "sin", "cos": "cos", "tan": "tan", "arcsin": "arcsin",
        "arccos": "arccos", "arccosh": "arccosh", "arctanh": "arctanh", "sinh": "sinh", "cosh": "cosh",
        "hypot": "hypot",
    ]

    /// Python's arithmetic operators → their ufuncs.
    static let operators: [String: String] = [
        "+": "add", "-": "subtract", "*": "multiply", "/": "divide", "//": "floor_divide", "%": "remainder", "**": "power",
    ]

    static let invalidFlag = FloatFlags.invalid, divideByZeroFlag = FloatFlags.divideByZero
    static let overflowFlag = FloatFlags.overflow, underflowFlag = FloatFlags.underflow
    static let watched = divideByZeroFlag | overflowFlag | underflowFlag | invalidFlag

    /// Lowers the flags; only when one is up (reading them is cheaper than writing them, and a
    /// loop of small array statements checks them on every operation).
    static func clear() {
        if fetestexcept(watched) != 0 { feclearexcept(watched) }
    }

    /// The categories raised since `clear()`, in numpy's order, with numpy's words.
    static func raised() -> [(mode: String, words: String)] {
        let flags = fetestexcept(watched)
        if flags == 0 { return [] }
        var out: [(String, String)] = []
        if flags & divideByZeroFlag != 0 { out.append(("divide", "divide by zero")) }
        if flags & overflowFlag != 0 { out.append(("over", "overflow")) }
        if flags & underflowFlag != 0 { out.append(("under", "underflow")) }
        if flags & invalidFlag != 0 { out.append(("invalid", "invalid value")) }
        return out
    }

    /// The ufunc name numpy's message gives an operator on these operands: numpy scalars
    /// (with Python numbers) go through numpy's scalar math, "scalar divide"; a float array to
    /// the power 0.5, 2 or -1 through `sqrt`, `square`, `reciprocal` (see
    /// `Evaluator.scalarPowerShortcut`). nil when no operand is numpy's.
    static func operatorUfunc(_ op: String, _ l: Value, _ r: Value) -> String? {
        guard let name = operators[op] else { return nil }
        func isArray(_ v: Value) -> Bool { if case .array = v { return true } else { return false } }
        func isScalar(_ v: Value) -> Bool { if case .scalar = v { return true } else { return false } }
        func isNumber(_ v: Value) -> Bool {
            switch v {
            case .int, .float, .bool: return true
            default: return false
            }
        }
        if isScalar(l) || isScalar(r) {
            if (isScalar(l) || isNumber(l)) && (isScalar(r) || isNumber(r)) { return "scalar " + name }
            return name
        }
        guard isArray(l) || isArray(r) else { return nil }
        if op == "**", case .array(let a) = l, a.dtype.isFloat, a.ndim > 0 {
            let e: Double?
            switch r {
            case .int(let i): e = Double(i)
            case .float(let d): e = d
            default: e = nil
            }
            if e == 0.5 { return "sqrt" }
            if e == 2 { return "square" }
            if e == -1 { return "reciprocal" }
        }
        return name
    }
}

extension Evaluator {
    /// Runs `body`, a numpy operation named `ufunc` in numpy's messages, and then does what the
    /// error modes say for each flag it raised. An operation inside another checked one (a
    /// command calling an operator) is reported once, under the outer name.
    func checkingFloatErrors<T>(_ ufunc: String, span: Range<Int>, _ body: () throws(ShellError) -> T) throws(ShellError) -> T {
        guard beginFloatCheck() else { return try body() }
        let value: T
        do {
            value = try body()
        } catch {
            floatCheckActive = false
            throw error
        }
        try endFloatCheck(ufunc, span: span)
        return value
    }

    /// Starts a check (flags lowered); false when one is already running.
    func beginFloatCheck() -> Bool {
        if floatCheckActive { return false }
        FloatWarnings.clear()
        floatCheckActive = true
        return true
    }

    /// Ends the check `beginFloatCheck` started after its operation succeeded, and reports.
    func endFloatCheck(_ ufunc: String, span: Range<Int>) throws(ShellError) {
        floatCheckActive = false
        let raised = FloatWarnings.raised()
        if !raised.isEmpty { try reportFloatErrors(raised, ufunc, span: span) }
    }

    /// numpy's `_error_handler` for each raised category, in numpy's order: 'ignore' nothing,
    /// 'warn' a RuntimeWarning, 'print' `Warning: …` on stdout, 'raise' a FloatingPointError
    /// (categories after it are not looked at), 'log' numpy's NameError (rnnsh has no
    /// `np.seterrcall` object to write to). 'call' is refused when set. A raise fails the
    /// statement, so its writes are undone (numpy keeps what the ufunc wrote: `a /= 0` has
    /// changed `a` when the error arrives).
    private func reportFloatErrors(_ raised: [(mode: String, words: String)], _ ufunc: String, span: Range<Int>) throws(ShellError) {
        let modes = workspace.floatErrorModes
        for (category, words) in raised {
            let message = "\(words) encountered in \(ufunc)"
            switch modes[category] {
            case "ignore": continue
            case "print": emit(.text("Warning: " + message))
            case "raise": throw ShellError(message, span: span, kind: .floatingPointError)
            case "log":
                throw ShellError("log specified for \(words) (in \(ufunc)) but no object with write method found.", span: span, kind: .nameError)
            default: runtimeWarning(message, span: span)
            }
        }
    }

    /// Python's default warning display: `FILE:LINE: RuntimeWarning: MESSAGE`, then the
    /// stripped source line for a script, once per message and line.
    func runtimeWarning(_ message: String, span: Range<Int>) {
        guard let place = interpreter.options.warnings else { return }
        let end = min(max(span.lowerBound, 0), source.count)
        var line = sourceFirstLine ?? 1
        var lineStart = 0
        for i in 0..<end where source[i] == "\n" {
            line += 1
            lineStart = i + 1
        }
        guard interpreter.warningsShown.insert("\(line)\u{0}\(message)").inserted else { return }
        var text = "\(place.name):\(line): RuntimeWarning: \(message)"
        if case .script = place {
            var lineEnd = lineStart
            while lineEnd < source.count && source[lineEnd] != "\n" { lineEnd += 1 }
            var scalars = source[lineStart..<lineEnd]
            while let first = scalars.first, first == " " || first == "\t" || first == "\r" { scalars.removeFirst() }
            while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
            if !scalars.isEmpty { text += "\n  " + String(String.UnicodeScalarView(scalars)) }
        }
        emit(.warning(text))
    }
}
