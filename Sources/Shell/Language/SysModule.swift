import Foundation
import Tensor

/// Python's `sys` and `os` (with `os.path`) as tutorials use them: progress lines written with
/// `sys.stdout.write("\rstep %d" % i)`, `sys.argv`, `sys.exit`, version checks, and paths built
/// and tested with `os.path`. Relative paths are the session's (its working directory), and
/// the only writes (`os.makedirs`, `os.mkdir`) go through the write policy, as `save` does.
enum SysModule {
    static let sysNames: Set<String> = [
        "argv", "stdout", "stderr", "exit", "version", "version_info", "maxsize", "platform", "byteorder",
        "getrecursionlimit", "setrecursionlimit", "path", "executable", "float_info",
    ]
    static let osFunctions: Set<String> = ["getcwd", "listdir", "makedirs", "mkdir", "getenv", "cpu_count", "getpid"]
    static let pathFunctions: Set<String> = [
        "join", "exists", "isfile", "isdir", "basename", "dirname", "splitext", "split", "abspath", "expanduser",
        "getsize", "isabs", "normpath",
    ]

    static func attribute(_ module: String, _ name: String, span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        switch module {
        case "sys":
            switch name {
            case "argv": return .list(PyList(ev.interpreter.options.argv.map { .string($0) }))
            case "stdout": return .object(SysStream.stdout)
            case "stderr": return .object(SysStream.stderr)
            case "version": return .string("3.11.7 (rnnsh)")
            case "version_info":
                let cls = NamedTupleClass(name: "sys.version_info", fields: ["major", "minor", "micro", "releaselevel", "serial"], defaults: [])
                return .object(NamedTupleValue(cls: cls, values: [.int(3), .int(11), .int(7), .string("final"), .int(0)]))
            case "maxsize": return .int(Int.max)
            case "platform": return .string("linux")
            case "byteorder": return .string("little")
            case "path": return .list(PyList([.string("")]))
            case "executable": return .string("")
            default:
                if sysNames.contains(name) { return .builtin(Builtin(name: "sys." + name, receiver: nil)) }
            }
        case "os":
            switch name {
            case "path": return .namespace("os.path")
            case "sep": return .string("/")
            case "linesep": return .string("\n")
            case "name": return .string("posix")
            case "environ":
                return .dict(ev.interpreter.environment)
            default:
                if osFunctions.contains(name) { return .builtin(Builtin(name: "os." + name, receiver: nil)) }
            }
        case "os.path":
            if name == "sep" { return .string("/") }
            if pathFunctions.contains(name) { return .builtin(Builtin(name: "os.path." + name, receiver: nil)) }
        default: break
        }
        throw ShellError("module '\(module)' has no attribute '\(name)'", span: span, kind: .attributeError)
    }

    /// A path argument: CPython's TypeError for anything but a str.
    static func path(_ v: Value?, _ span: Range<Int>, what: String? = nil) throws(ShellError) -> String {
        guard case .string(let s)? = v else {
            let t = v?.typeName ?? "NoneType"
            throw ShellError(what.map { "\($0) argument must be str, bytes, or os.PathLike object, not '\(t)'" }
                             ?? "expected str, bytes or os.PathLike object, not \(t)", span: span, kind: .typeError)
        }
        return s
    }

    static func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        func one(_ short: String) throws(ShellError) -> String {
            guard args.count == 1, keywords.isEmpty else {
                throw ShellError("\(short)() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            return try path(args[0], span)
        }
        /// A path the session means: relative ones against its working directory.
        func resolved(_ p: String) -> String { p.isEmpty ? p : ev.interpreter.resolvePath(p, meaning: .python) }
        func statError(_ v: Value) -> ShellError {
            ShellError("stat: path should be string, bytes, os.PathLike or integer, not \(v.typeName)", span: span, kind: .typeError)
        }
        func status(_ p: String) -> stat? {
            var st = stat()
            return stat(resolved(p), &st) == 0 ? st : nil
        }
        switch name {
        case "sys.exit":
            if args.count > 1 { throw ShellError("exit expected at most 1 argument, got \(args.count)", span: span, kind: .typeError) }
            var e = ShellError(args.first.map { ValueFormatter.str($0) } ?? "", span: span, kind: .systemExit)
            if let a = args.first, !a.isNone { e.arguments = ExceptionArguments([a]) }
            throw e
        case "sys.getrecursionlimit":
            return .int(1000)
        case "sys.setrecursionlimit":
            guard args.count == 1, case .int(let n) = args[0] else {
                throw ShellError("setrecursionlimit() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            if n < 1 { throw ShellError("recursion limit must be greater or equal than 1", span: span, kind: .valueError) }
            // rnnsh's frames are bounded by its thread's stack (1000 Python frames, as CPython's
            // default); the call is accepted so tutorials that raise the limit run, and the limit stays.
            return .none
        case "os.getcwd":
            return .string(ev.interpreter.options.workingDirectory ?? FileManager.default.currentDirectoryPath)
        case "os.getpid":
            return .int(Int(getpid()))
        case "os.cpu_count":
            return .int(ProcessInfo.processInfo.activeProcessorCount)
        case "os.getenv":
            guard (1...2).contains(args.count), case .string(let k) = args[0] else {
                throw ShellError("str expected, not \(args.first?.typeName ?? "NoneType")", span: span, kind: .typeError)
            }
            return ev.interpreter.environment.get(.string(k)) ?? (args.count > 1 ? args[1] : .none)
        case "os.listdir":
            var given = "."
            if let a = args.first, !a.isNone {
                guard case .string(let s) = a else {
                    throw ShellError("listdir: path should be string, bytes, os.PathLike, integer or None, not \(a.typeName)", span: span, kind: .typeError)
                }
                given = s
            }
            let p = resolved(given)
            let shown = ValueFormatter.pythonStringRepr(given)
            guard let st = status(given) else {
                throw ShellError("[Errno 2] No such file or directory: \(shown)", span: span, kind: .fileNotFoundError)
            }
            if (st.st_mode & S_IFMT) != S_IFDIR { throw ShellError("[Errno 20] Not a directory: \(shown)", span: span, kind: .notADirectoryError) }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: p) else {
                throw ShellError("[Errno 13] Permission denied: \(shown)", span: span, kind: .permissionError)
            }
            // CPython lists in the directory's own order, which is no order; sorted here so a
            // session's output is the same on every run.
            return .list(PyList(names.sorted().map { .string($0) }))
        case "os.makedirs", "os.mkdir":
            let bound = try PythonSignature(name: name == "os.mkdir" ? "mkdir" : "makedirs",
                                            parameters: name == "os.mkdir" ? ["path", "mode"] : ["name", "mode", "exist_ok"],
                                            required: 1).bind(args, keywords, span)
            let given = try path(bound[0], span)
            let existOK = try bound.count > 2 ? bound[2].map { (v) throws(ShellError) -> Bool in try ev.truth(v, span) } ?? false : false
            let p = resolved(given)
            let shown = ValueFormatter.pythonStringRepr(given)
            try ev.interpreter.options.writePolicy.check(p, shown: given)
            if let st = status(given) {
                if existOK && (st.st_mode & S_IFMT) == S_IFDIR { return .none }
                throw ShellError("[Errno 17] File exists: \(shown)", span: span, kind: .fileExistsError)
            }
            do {
                try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: name == "os.makedirs")
            } catch {
                let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code ?? Int(ENOENT)
                let kind: ErrorKind = code == Int(EACCES) ? .permissionError : (code == Int(ENOTDIR) ? .notADirectoryError : .fileNotFoundError)
                let text = kind == .permissionError ? "[Errno 13] Permission denied" : (kind == .notADirectoryError ? "[Errno 20] Not a directory" : "[Errno 2] No such file or directory")
                throw ShellError("\(text): \(shown)", span: span, kind: kind)
            }
            return .none
        case "os.path.join":
            guard let first = args.first else {
                throw ShellError("join() missing 1 required positional argument: 'a'", span: span, kind: .typeError)
            }
            var out = try path(first, span)
            for b in args.dropFirst() {
                let s = try path(b, span, what: "join()")
                if s.hasPrefix("/") { out = s } else if out.isEmpty || out.hasSuffix("/") { out += s } else { out += "/" + s }
            }
            return .string(out)
        case "os.path.exists", "os.path.isfile", "os.path.isdir":
            guard args.count == 1, keywords.isEmpty else {
                throw ShellError("\(name.dropFirst(8))() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            // An int is a file descriptor to CPython; rnnsh's Python has none open.
            if case .int = args[0] { return .bool(false) }
            guard case .string(let p) = args[0] else { throw statError(args[0]) }
            guard let st = status(p) else { return .bool(false) }
            switch name {
            case "os.path.isfile": return .bool((st.st_mode & S_IFMT) == S_IFREG)
            case "os.path.isdir": return .bool((st.st_mode & S_IFMT) == S_IFDIR)
            default: return .bool(true)
            }
        case "os.path.getsize":
            guard args.count == 1, case .string(let p) = args[0] else {
                if args.count == 1 { throw statError(args[0]) }
                throw ShellError("getsize() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            guard let st = status(p) else {
                throw ShellError("[Errno 2] No such file or directory: \(ValueFormatter.pythonStringRepr(p))", span: span, kind: .fileNotFoundError)
            }
            return .int(Int(st.st_size))
        case "os.path.isabs":
            return .bool(try one("isabs").hasPrefix("/"))
        case "os.path.basename":
            let p = try one("basename")
            return .string(p.lastIndex(of: "/").map { String(p[p.index(after: $0)...]) } ?? p)
        case "os.path.dirname":
            return .string(splitPath(try one("dirname")).head)
        case "os.path.split":
            let (head, tail) = splitPath(try one("split"))
            return .tuple([.string(head), .string(tail)])
        case "os.path.splitext":
            let (root, ext) = splitExtension(try one("splitext"))
            return .tuple([.string(root), .string(ext)])
        case "os.path.expanduser":
            return .string(Interpreter.expandTilde(try one("expanduser")))
        case "os.path.normpath":
            return .string(normalized(try one("normpath")))
        case "os.path.abspath":
            let p = try one("abspath")
            let cwd = ev.interpreter.options.workingDirectory ?? FileManager.default.currentDirectoryPath
            return .string(normalized(p.hasPrefix("/") ? p : cwd + "/" + p))
        default:
            throw ShellError("module '\(name.split(separator: ".").dropLast().joined(separator: "."))' has no attribute '\(name.split(separator: ".").last ?? "")'",
                             span: span, kind: .attributeError)
        }
    }

    /// posixpath.split: the part before the last slash (its trailing slashes dropped unless it
    /// is all slashes) and the part after.
    static func splitPath(_ p: String) -> (head: String, tail: String) {
        guard let slash = p.lastIndex(of: "/") else { return ("", p) }
        var head = String(p[...slash])
        let tail = String(p[p.index(after: slash)...])
        if !head.allSatisfy({ $0 == "/" }) { while head.hasSuffix("/") { head.removeLast() } }
        return (head, tail)
    }

    /// posixpath.splitext: the extension starts at the last dot of the last component, unless
    /// every character before it in the component is a dot (`.bashrc` has none).
    static func splitExtension(_ p: String) -> (String, String) {
        let chars = Array(p)
        let sepIndex = chars.lastIndex(of: "/") ?? -1
        guard let dotIndex = chars.lastIndex(of: "."), dotIndex > sepIndex else { return (p, "") }
        var i = sepIndex + 1
        while i < dotIndex {
            if chars[i] != "." { return (String(chars[..<dotIndex]), String(chars[dotIndex...])) }
            i += 1
        }
        return (p, "")
    }

    /// posixpath.normpath: `.` and empty components dropped, `..` taking the one before.
    static func normalized(_ p: String) -> String {
        if p.isEmpty { return "." }
        let absolute = p.hasPrefix("/")
        // POSIX keeps exactly two leading slashes, as CPython does.
        let leading = absolute ? (p.hasPrefix("//") && !p.hasPrefix("///") ? "//" : "/") : ""
        var parts: [Substring] = []
        for c in p.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." {
                if let last = parts.last, last != ".." { parts.removeLast(); continue }
                if absolute { continue }
            }
            parts.append(c)
        }
        let body = leading + parts.joined(separator: "/")
        return body.isEmpty ? "." : body
    }
}

/// `sys.stdout` and `sys.stderr`: `write` (returning the count, as CPython's does) and `flush`.
/// stdout is the session's output (the same stream print writes); stderr is the process's.
final class SysStream: ShellObject, ReprObject, ThrowingAttributes, HashableObject, @unchecked Sendable {
    let isError: Bool
    static let stdout = SysStream(isError: false)
    static let stderr = SysStream(isError: true)
    private init(isError: Bool) { self.isError = isError }

    var streamName: String { isError ? "<stderr>" : "<stdout>" }
    var kind: String { "_io.TextIOWrapper" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String { "<_io.TextIOWrapper name='\(streamName)' mode='w' encoding='utf-8'>" }
    var hashIdentity: String { streamName }

    func write(_ s: String, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) {
        if isError {
            FileHandle.standardError.write(Data(s.utf8))
        } else {
            ev.write(s)
        }
    }

    func lookup(_ name: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        switch name {
        case "name": return .string(streamName)
        case "mode": return .string("w")
        case "encoding": return .string("utf-8")
        case "closed": return .bool(false)
        case "write", "flush", "isatty", "writelines", "fileno":
            return .object(NativeMethod(name, of: "_io.TextIOWrapper") { [self] (args, keywords, span, ev) throws(ShellError) -> Value in
                if !keywords.isEmpty { throw ShellError("\(name)() takes no keyword arguments", span: span, kind: .typeError) }
                switch name {
                case "write":
                    guard args.count == 1 else {
                        throw ShellError("TextIOWrapper.write() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
                    }
                    guard case .string(let s) = args[0] else {
                        throw ShellError("write() argument must be str, not \(args[0].typeName)", span: span, kind: .typeError)
                    }
                    try self.write(s, span, ev)
                    return .int(s.unicodeScalars.count)
                case "writelines":
                    for line in try ev.iterate(args.first ?? .list(PyList()), span) {
                        guard case .string(let s) = line else {
                            throw ShellError("write() argument must be str, not \(line.typeName)", span: span, kind: .typeError)
                        }
                        try self.write(s, span, ev)
                    }
                    return .none
                case "isatty": return .bool(ev.interpreter.options.display.isTerminal && !self.isError)
                case "fileno": return .int(self.isError ? 2 : 1)
                default:
                    if !args.isEmpty {
                        throw ShellError("TextIOWrapper.flush() takes no arguments (\(args.count) given)", span: span, kind: .typeError)
                    }
                    return .none
                }
            })
        default:
            throw ShellError("'_io.TextIOWrapper' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }
}
