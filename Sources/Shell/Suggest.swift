/// "Did you mean" suggestions for mistyped names, commands, attributes and options, using
/// CPython's own rule so suggestions feel the same as in Python.
public enum Suggest {
    /// The candidate closest to `name` within CPython's cut-off: edit distance where a case
    /// change costs 1 and any other edit 2, at most `(len(name) + len(candidate) + 3) * 2 / 6`.
    /// Unlike CPython, swapping two adjacent letters counts as one edit (`hlep` → `help`).
    public static func closest(to name: String, in candidates: [String]) -> String? {
        best(to: name, in: candidates)?.0
    }

    /// CPython 3.11's NameError suggestion (suggestions.c): the closest name among the
    /// function's locals, only if none, among the globals, only if none, among the builtins
    /// (so `xrange` gives 'range', and a global `arangee` beats it). `extras` are the names
    /// rnnsh defines that Python has not (its commands and numpy constants, which rnnsh reads
    /// without an import): they compete with the builtins, which win a tie.
    public static func closest(to name: String, locals: [String], globals: [String], builtins: [String], extras: [String]) -> String? {
        if let l = closest(to: name, in: locals) { return l }
        if let g = closest(to: name, in: globals) { return g }
        let b = best(to: name, in: builtins)
        if let e = best(to: name, in: extras), e.1 < (b?.1 ?? Int.max) { return e.0 }
        return b?.0
    }

    /// CPython 3.11's `dir(builtins)`: what a NameError suggestion considers after the globals.
    public static let pythonBuiltinNames: [String] = [
        "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
        "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
        "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
        "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
        "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
        "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
        "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
        "ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError",
        "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
        "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
        "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit",
        "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
        "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError",
        "Warning", "ZeroDivisionError", "__build_class__", "__debug__", "__doc__", "__import__", "__loader__",
        "__name__", "__package__", "__spec__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool",
        "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright",
        "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float",
        "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int",
        "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map", "max", "memoryview", "min",
        "next", "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed",
        "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars",
        "zip",
    ]

    /// The candidate closest to `name` within CPython's cut-off, with its distance; ties go to
    /// the first in sorted order.
    static func best(to name: String, in candidates: [String]) -> (String, Int)? {
        let target = Array(name.unicodeScalars)
        if target.isEmpty || target.count > 40 { return nil }
        var best: (String, Int)? = nil
        for candidate in Set(candidates) .sorted() where candidate != name {
            let c = Array(candidate.unicodeScalars)
            if c.count > 40 { continue }
            let limit = (target.count + c.count + 3) * 2 / 6
            let d = distance(target, c)
            if d <= limit, best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        return best
    }

    /// Python's wording: `MESSAGE. Did you mean: 'x'?`.
    public static func message(_ message: String, name: String, candidates: [String]) -> String {
        guard let s = closest(to: name, in: candidates) else { return message }
        return message + ". Did you mean: '\(s)'?"
    }

    /// Weighted optimal-string-alignment distance: substitution of a letter by the same letter in another
    /// case costs 1, every other insertion, deletion or substitution costs 2.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return 2 * b.count }
        if b.isEmpty { return 2 * a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = (0...b.count).map { 2 * $0 }
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = 2 * i
            for j in 1...b.count {
                let x = a[i - 1], y = b[j - 1]
                let cost = x == y ? 0 : (x.properties.lowercaseMapping == y.properties.lowercaseMapping ? 1 : 2)
                var v = min(previous[j] + 2, current[j - 1] + 2, previous[j - 1] + cost)
                if i > 1, j > 1, x == b[j - 2], a[i - 2] == y { v = min(v, previous2[j - 2] + 2) }
                current[j] = v
            }
            previous2 = previous
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
