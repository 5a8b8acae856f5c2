import Foundation
import Tensor

/// The modules `import` knows: numpy (the shell's own namespace), and Python's `math`,
/// `time` (for timing loops), `random`, `itertools`, `functools`, `collections`, `__future__`, `sys`/`os`/`os.path` (`SysModule`), `json`, `copy` and `typing` (`TypingModule`). Anything else is Python's ModuleNotFoundError.
enum Modules {
    static let pythonModules: Set<String> = ["math", "time", "random", "itertools", "functools", "collections", "__future__", "sys", "os", "os.path", "json", "copy", "typing"]

    static func isPythonModule(_ name: String) -> Bool { pythonModules.contains(name) }

    static func module(_ dotted: String) -> Value? {
        switch dotted {
        case "numpy": return .namespace("numpy")
        case "numpy.random": return .namespace("numpy.random")
        case "math", "time", "random", "itertools", "functools", "collections", "__future__", "sys", "os", "os.path", "json", "copy", "typing": return .namespace(dotted)
        default: return TFModules.module(dotted)
        }
    }

    /// The first part of a dotted name that does not exist (`No module named 'foo'`).
    static func missingPart(_ dotted: String) -> String {
        let parts = dotted.split(separator: ".").map(String.init)
        var prefix = ""
        for p in parts {
            prefix = prefix.isEmpty ? p : prefix + "." + p
            if module(prefix) == nil { return prefix }
        }
        return dotted
    }

    static func attribute(_ module: String, _ name: String, span: Range<Int>) throws(ShellError) -> Value {
        if module == "math", let v = MathModule.attribute(name) { return v }
        if module == "time", let v = TimeModule.attribute(name) { return v }
        if module == "random" { return try RandomModule.attribute(name, span: span) }
        if module == "itertools" { return try ItertoolsModule.attribute(name, span: span) }
        if module == "functools" { return try FunctoolsModule.attribute(name, span: span) }
        if module == "collections" { return try CollectionsModule.attribute(name, span: span) }
        if module == "__future__" { return try FutureModule.attribute(name, span: span) }
        if module == "json" { return try JsonModule.attribute(name, span: span) }
        if module == "copy" { return try CopyModule.attribute(name, span: span) }
        if module == "typing" { return try TypingModule.attribute(name, span: span) }
        throw ShellError("module '\(module)' has no attribute '\(name)'", span: span, kind: .attributeError)
    }

    /// `math.f(…)` and `time.f(…)`, the built-ins these modules hand out.
    static func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        let short = String(name.split(separator: ".").last ?? "")
        if name.hasPrefix("time.") { return try TimeModule.call(short, args, keywords, span: span, evaluator: ev) }
        return try MathModule.call(short, args, keywords, span: span, evaluator: ev)
    }
}
