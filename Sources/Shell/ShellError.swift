import Tensor

/// The one error type of the shell. Every failure — a syntax error, an unknown name, a wrong
/// argument, an error from the tensor core — ends up as one of these, and becomes an
/// `Output.error`; `Interpreter.execute` never throws.
public struct ShellError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One line in numpy's (or Python's) wording, without the `error: ` prefix.
    public var message: String
    /// An optional second line that says why, in terms of what the user wrote.
    public var explanation: String?
    /// Columns `[start, end)` of the offending text in `sourceLine`, for the caret line.
    public var span: Range<Int>?
    /// The statement text the span refers to (set by the interpreter before the error leaves it).
    public var sourceLine: String?
    /// 1-based line of `sourceLine` within the text given to `execute` (for `FILE:LINE:` prefixes).
    public var line: Int?
    /// The line of the whole input (a script, stdin) the error happened on, when it is not in
    /// the text given to `execute`: an error raised inside a function defined by an earlier
    /// statement names the function's line, as the last frame of Python's traceback does.
    public var inputLine: Int?
    /// `FILE:LINE` of a script run by `run FILE` the error happened in, shown before the class
    /// (`FILE:LINE: ValueError: …`); the message stays the exception's own.
    public var location: String?
    /// The Python exception class this error is (what `except ValueError:` matches and what the
    /// differential tests compare with CPython/numpy); nil when not recorded.
    public var kind: ErrorKind?
    /// The instance raised, when it is of an exception class made with `class`
    /// (`raise MyError('x')`): what `except MyError as e` matches and binds. Its `kind` is nil
    /// (ErrorKind names Python's built-in classes only), and its message is `str(e)`.
    public var raised: RaisedException?
    /// The arguments of the built-in exception raised, when it was made with them
    /// (`raise KeyError('a', 'b')`, a generator's `StopIteration(value)`): what `e.args` gives
    /// back. Nil when the message is all there is.
    public var arguments: ExceptionArguments?
    /// `raise E from cause`: what `e.__cause__` gives (None for `from None`); nil without `from`.
    public var cause: ExceptionCause?

    public init(_ message: String, explanation: String? = nil, span: Range<Int>? = nil, kind: ErrorKind? = nil) {
        self.message = message
        self.explanation = explanation
        self.span = span
        self.kind = kind
    }

    public init(message: String, explanation: String? = nil, span: Range<Int>? = nil) {
        self.init(message, explanation: explanation, span: span)
    }

    /// Any error as the shell's: a TensorError keeps its message, explanation and class (so
    /// `except ValueError` still catches numpy's errors that reach a generic `catch`).
    public static func converting(_ error: any Error) -> ShellError {
        if let e = error as? ShellError { return e }
        if let e = error as? TensorError { return ShellError(e.message, explanation: e.explanation, kind: e.kind) }
        return ShellError("\(error)")
    }

    public var description: String { message }

    /// The exception class as CPython's traceback names it on its last line (`ValueError`,
    /// `numpy.linalg.LinAlgError`, a user's `MyError`: classes made by `class` live in
    /// `__main__`, which CPython leaves out); nil for an error that is no Python exception
    /// (a shell command's usage error, a file the shell could not read).
    public var exceptionName: String? {
        if let raised { return raised.instance.cls.name }
        if let name = Self.numpyPrivateClass(kind, message) { return name }
        return kind?.tracebackName
    }

    /// numpy raises private subclasses of UFuncTypeError and MemoryError that its traceback
    /// names by their own qualified names, though `type(e).__name__` and `except` see the
    /// public base. Each builds its message from one format of its own (`__str__` in
    /// numpy/_core/_exceptions.py), so the message tells which one it is.
    static func numpyPrivateClass(_ kind: ErrorKind?, _ message: String) -> String? {
        let module = "numpy._core._exceptions."
        switch kind {
        case .ufuncTypeError?:
            if message.hasPrefix("Cannot cast ufunc ") {
                if message.contains(" output from ") { return module + "_UFuncOutputCastingError" }
                if message.contains(" input ") { return module + "_UFuncInputCastingError" }
            }
            if message.hasPrefix("ufunc "), message.contains(" did not contain a loop with signature matching types ") {
                return module + "_UFuncNoLoopError"
            }
            if message.hasPrefix("ufunc "), message.contains(" cannot use operands with types ") {
                return module + "_UFuncBinaryResolutionError"
            }
            return nil
        case .memoryError?:
            return message.hasPrefix("Unable to allocate ") ? module + "_ArrayMemoryError" : nil
        default:
            return nil
        }
    }

    /// The text a terminal shows: `ValueError: MESSAGE` as the last line of CPython's traceback
    /// (just `ValueError` when the message is empty), or `error: MESSAGE` for an error that is
    /// no Python exception; then — for errors with a span — the line and a caret under the
    /// offending columns, then the explanation. No trailing newline.
    /// `color` wraps the class (or `error:`) in bold red (only on a TTY and without `NO_COLOR`).
    public func rendered(color: Bool = false, prefix: String = "") -> String {
        let label = exceptionName ?? "error"
        let head = color ? "\u{1B}[1;31m\(label):\u{1B}[0m" : label + ":"
        var out = prefix + (location.map { $0 + ": " } ?? "")
        if exceptionName != nil && message.isEmpty {
            out += color ? "\u{1B}[1;31m\(label)\u{1B}[0m" : label
        } else {
            out += head + " " + Self.printable(message)
        }
        if let span, let sourceLine, !sourceLine.isEmpty {
            let width = sourceLine.unicodeScalars.count
            let start = min(max(span.lowerBound, 0), width)
            let end = min(max(span.upperBound, start + 1), max(width, start + 1))
            out += "\n  " + Self.printable(sourceLine)
            out += "\n  " + String(repeating: " ", count: start) + String(repeating: "^", count: end - start)
        }
        if let explanation { out += "\n" + explanation }
        return out
    }

    /// The same error with control characters in its message escaped (`\n` → `\\n`), so a
    /// message that quotes user text is still one line. The interpreter applies this to every
    /// error it hands out.
    public var oneLine: ShellError {
        var e = self
        if message.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            var out = ""
            for u in message.unicodeScalars {
                switch u {
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default:
                    if u.value < 0x20 || u.value == 0x7F {
                        let h = String(u.value, radix: 16)
                        out += "\\x" + (h.count < 2 ? "0" : "") + h
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
            e.message = out
        }
        return e
    }

    /// Control characters would move the cursor or corrupt the terminal: show them as `?` so
    /// the caret still lines up.
    static func printable(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}

/// The arguments a built-in exception was made with, carried by the error that raised it.
public final class ExceptionArguments: Equatable, @unchecked Sendable {
    let values: [Value]
    init(_ values: [Value]) { self.values = values }
    public static func == (a: ExceptionArguments, b: ExceptionArguments) -> Bool { a === b }
}

/// The cause `raise E from cause` gave, carried by the error it raised.
public final class ExceptionCause: Equatable, @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
    public static func == (a: ExceptionCause, b: ExceptionCause) -> Bool { a === b }
}

/// An instance of a user's exception class carried by the error that raised it.
public final class RaisedException: Equatable, @unchecked Sendable {
    let instance: PyInstance
    init(_ instance: PyInstance) { self.instance = instance }
    /// The built-in class it derives from (what `except ValueError` matches).
    var base: String { instance.cls.exceptionBase ?? "Exception" }
    public static func == (a: RaisedException, b: RaisedException) -> Bool { a === b }
}
