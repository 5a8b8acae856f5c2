import Foundation
import Tensor

/// Python's `open()` for text files, as char-rnn tutorials use it (`data = open('input.txt',
/// 'r').read()`, `with open(p) as f: for line in f:`, `f.write(s)`).
///
/// Reading takes the whole file into memory when it is opened (after reserving its size from
/// the memory budget, so a file bigger than the budget is a MemoryError, not an exhausted
/// machine), decoded as UTF-8 with Python's universal newlines (`\r\n` and `\r` read as `\n`).
///
/// Writing follows rnnsh's write policy (`WritePolicy`, `AtomicWrite`): the path is checked
/// against `--safe` when the file is opened, and the text is kept in memory and written as a
/// whole file, atomically (temporary + rename), at `flush()`, `close()`, the end of a `with`
/// block, and the end of the top-level statement that wrote it (rnnsh has no reference
/// counting to notice a file object nobody holds any more, as CPython closes
/// `open(p, 'w').write(s)`). A reader never sees half a file; symlinks are written through,
/// read-only files and directories refused, as `save` does. Mode 'a' rewrites the old contents
/// followed by the new text the same way.
final class PyFile: ShellObject, ReprObject, ThrowingAttributes, HashableObject, @unchecked Sendable {
    /// The name as given (`f.name`, and the name errors show).
    let name: String
    /// The path it resolved to against the session's directory.
    let path: String
    let mode: String
    let encoding: String
    let reading: Bool
    private(set) var closed = false
    /// What a reading file holds, and how far it has been read.
    private var text = ""
    private var position: String.Index
    /// A read that cannot be decoded fails at the first read, as CPython's does (not at open).
    private var decodeError: ShellError?
    /// A writing file's contents: how many bytes the file held at open() (mode 'a'; what
    /// tell() counts from) and what was written since.
    private var prefixCount = 0
    private var written = ""
    /// True when `written` has text the disk does not have yet.
    private(set) var dirty = false
    /// How many bytes of `written` are on disk: mode 'a' appends only the rest at a flush.
    private var flushedCount = 0
    /// The last statement-end flush failed and nothing was written since: the next statement's
    /// end does not try (and report) it again; `flush()`, `close()` and the next write do.
    private var endFlushFailed = false
    /// The session's write policy, checked at open() and again at every flush.
    private let policy: WritePolicy

    private init(name: String, path: String, mode: String, encoding: String, reading: Bool, policy: WritePolicy = .anywhere) {
        self.name = name
        self.path = path
        self.mode = mode
        self.encoding = encoding
        self.reading = reading
        self.policy = policy
        self.position = text.startIndex
    }

    var kind: String { "_io.TextIOWrapper" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String {
        "<_io.TextIOWrapper name=\(ValueFormatter.pythonStringRepr(name)) mode='\(mode)' encoding='\(encoding)'>"
    }
    var hashIdentity: String { "file:\(ObjectIdentifier(self).hashValue)" }

    // MARK: - open()

    /// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None)`.
    static func open(_ args: [Value], _ keywords: [(String, Value)], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        // CPython's open() is a C function: its wording for a missing file argument is its own.
        if args.isEmpty && !keywords.contains(where: { $0.0 == "file" }) {
            throw ShellError("open() missing required argument 'file' (pos 1)", span: span, kind: .typeError)
        }
        let bound = try PythonSignature(name: "open", parameters: ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
                                        required: 1).bind(args, keywords, span)
        guard let file = bound[0] else { throw ShellError("open() missing required argument 'file' (pos 1)", span: span, kind: .typeError) }
        let name: String
        switch file {
        case .string(let s): name = s
        case .int, .bool:
            throw ShellError("open() of a file descriptor is not supported", explanation: "give the file's name",
                             span: span, kind: .notImplementedError)
        default:
            throw ShellError("expected str, bytes or os.PathLike object, not \(file.typeName)", span: span, kind: .typeError)
        }
        var mode = "r"
        if let m = bound[1] {
            guard case .string(let s) = m else { throw ShellError("open() argument 'mode' must be str, not \(m.typeName)", span: span, kind: .typeError) }
            mode = s
        }
        // CPython's checks of the mode string, in its order (Modules/_io/_iomodule.c).
        var seen = Set<Character>()
        for c in mode {
            guard "rwxabt+".contains(c), !seen.contains(c) else {
                throw ShellError("invalid mode: \(ValueFormatter.pythonStringRepr(mode))", span: span, kind: .valueError)
            }
            seen.insert(c)
        }
        let primaries = seen.intersection(["r", "w", "x", "a"]).count
        if seen.contains("t") && seen.contains("b") {
            throw ShellError("can't have text and binary mode at once", span: span, kind: .valueError)
        }
        if primaries > 1 {
            throw ShellError("must have exactly one of create/read/write/append mode", span: span, kind: .valueError)
        }
        if primaries == 0 {
            throw ShellError("Must have exactly one of create/read/write/append mode and at most one plus", span: span, kind: .valueError)
        }
        if seen.contains("b") {
            if let e = bound[3], !e.isNone { throw ShellError("binary mode doesn't take an encoding argument", span: span, kind: .valueError) }
            throw ShellError("binary files are not supported: open() reads and writes text",
                             explanation: "open the file without 'b' (text), or use np.load/np.save for arrays", span: span, kind: .notImplementedError)
        }
        if seen.contains("+") {
            throw ShellError("open() with '+' (read and write at once) is not supported",
                             explanation: "open the file once to read it and once to write it", span: span, kind: .notImplementedError)
        }
        var encoding = "UTF-8"
        if let e = bound[3], !e.isNone {
            guard case .string(let s) = e else { throw ShellError("open() argument 'encoding' must be str or None, not \(e.typeName)", span: span, kind: .typeError) }
            let normal = s.lowercased().replacingOccurrences(of: "_", with: "-")
            guard ["utf-8", "utf8", "u8", "utf", "cp65001"].contains(normal) else {
                if ["ascii", "latin-1", "latin1", "iso-8859-1", "utf-16", "utf-32", "cp1252", "us-ascii"].contains(normal) {
                    throw ShellError("open() with encoding \(ValueFormatter.pythonStringRepr(s)) is not supported", explanation: "rnnsh reads and writes UTF-8 text",
                                     span: span, kind: .notImplementedError)
                }
                throw ShellError("unknown encoding: \(s)", span: span, kind: .lookupError)
            }
            encoding = s
        }
        if let b = bound[2], !b.isNone, case .int = b {} else if let b = bound[2], !b.isNone {
            throw ShellError("'\(b.typeName)' object cannot be interpreted as an integer", span: span, kind: .typeError)
        }
        let path = ev.interpreter.resolvePath(name, meaning: .python)
        if seen.contains("r") {
            let f = PyFile(name: name, path: path, mode: mode, encoding: encoding, reading: true)
            try f.load(span)
            return .object(f)
        }
        let policy = ev.interpreter.options.writePolicy
        try policy.check(path, shown: name)
        try checkWritable(path, name: name, exclusive: seen.contains("x"), span)
        if seen.contains("x") {
            // CPython creates the file at open() (O_EXCL): a second open(p, 'x') before this
            // one's text is written must be FileExistsError, not a silent overwrite at the flush.
            let code = createExclusively(path)
            if code == EEXIST { throw ShellError("[Errno 17] File exists: \(ValueFormatter.pythonStringRepr(name))", span: span, kind: .fileExistsError) }
            if code != 0 {
                throw ShellError("[Errno \(code)] \(String(cString: strerror(code))): \(ValueFormatter.pythonStringRepr(name))", span: span, kind: .osError)
            }
        }
        let f = PyFile(name: name, path: path, mode: mode, encoding: encoding, reading: false, policy: policy)
        if seen.contains("a") {
            f.prefixCount = try readBytes(path, name: name, missingIsEmpty: true, span).count
        }
        // CPython truncates (or creates) the file when it opens it; rnnsh writes the empty file
        // at the end of this statement, or whatever was written by then.
        f.dirty = true
        ev.interpreter.openWriters.append(f)
        return .object(f)
    }

    /// The checks CPython's `open(p, 'w')` makes when it opens: a directory, a missing or
    /// non-directory parent, a read-only file, and for 'x' an existing one.
    static func checkWritable(_ path: String, name: String, exclusive: Bool, _ span: Range<Int>) throws(ShellError) {
        let shown = ValueFormatter.pythonStringRepr(name)
        var st = stat()
        if stat(path, &st) == 0 {
            if exclusive { throw ShellError("[Errno 17] File exists: \(shown)", span: span, kind: .fileExistsError) }
            if (st.st_mode & S_IFMT) == S_IFDIR { throw ShellError("[Errno 21] Is a directory: \(shown)", span: span, kind: .isADirectoryError) }
            if access(path, W_OK) != 0 { throw ShellError("[Errno 13] Permission denied: \(shown)", span: span, kind: .permissionError) }
            return
        }
        if path.hasSuffix("/") { throw ShellError("[Errno 21] Is a directory: \(shown)", span: span, kind: .isADirectoryError) }
        let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        var dst = stat()
        if stat(dir.isEmpty ? "/" : dir, &dst) != 0 {
            if errno == ENOTDIR { throw ShellError("[Errno 20] Not a directory: \(shown)", span: span, kind: .notADirectoryError) }
            throw ShellError("[Errno 2] No such file or directory: \(shown)", span: span, kind: .fileNotFoundError)
        }
        if (dst.st_mode & S_IFMT) != S_IFDIR { throw ShellError("[Errno 20] Not a directory: \(shown)", span: span, kind: .notADirectoryError) }
        if access(dir.isEmpty ? "/" : dir, W_OK) != 0 { throw ShellError("[Errno 13] Permission denied: \(shown)", span: span, kind: .permissionError) }
    }

    /// A file's bytes, its size reserved from the memory budget first (twice: the bytes and the
    /// decoded text are alive together).
    static func readBytes(_ path: String, name: String, missingIsEmpty: Bool, _ span: Range<Int>) throws(ShellError) -> [UInt8] {
        var st = stat()
        if stat(path, &st) != 0 {
            if missingIsEmpty && errno == ENOENT { return [] }
        } else if (st.st_mode & S_IFMT) == S_IFREG {
            let size = Int(st.st_size)
            let (twice, overflow) = size.multipliedReportingOverflow(by: 2)
            try PythonArithmetic.reserve(overflow ? Int.max : twice, "the text of \(ValueFormatter.pythonStringRepr(name))", span)
        }
        try checkReadablePath(path, name: name, span)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ShellError("[Errno 13] Permission denied: \(ValueFormatter.pythonStringRepr(name))", span: span, kind: .permissionError)
        }
        defer { try? handle.close() }
        // Read in chunks so Ctrl-C stops a slow or endless read (a FIFO, /dev/zero), and so a
        // file that grows past the budget while read is refused.
        var bytes: [UInt8] = []
        while true {
            if Interrupt.isRequested { throw Interrupt.error }
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw ShellError("[Errno 5] Input/output error: \(ValueFormatter.pythonStringRepr(name))", span: span, kind: .osError)
            }
            if chunk.isEmpty { break }
            let (total, overflow) = (bytes.count + chunk.count).multipliedReportingOverflow(by: 2)
            try PythonArithmetic.reserve(overflow ? Int.max : total, "the text of \(ValueFormatter.pythonStringRepr(name))", span)
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }

    /// CPython's errors for a file that cannot be opened for reading, errno by errno.
    static func checkReadablePath(_ path: String, name: String, _ span: Range<Int>) throws(ShellError) {
        let shown = ValueFormatter.pythonStringRepr(name)
        var st = stat()
        if stat(path, &st) != 0 {
            switch errno {
            case ENOTDIR: throw ShellError("[Errno 20] Not a directory: \(shown)", span: span, kind: .notADirectoryError)
            case EACCES: throw ShellError("[Errno 13] Permission denied: \(shown)", span: span, kind: .permissionError)
            default: throw ShellError("[Errno 2] No such file or directory: \(shown)", span: span, kind: .fileNotFoundError)
            }
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw ShellError("[Errno 21] Is a directory: \(shown)", span: span, kind: .isADirectoryError) }
        if access(path, R_OK) != 0 { throw ShellError("[Errno 13] Permission denied: \(shown)", span: span, kind: .permissionError) }
    }

    /// Python's universal newlines on reading: `\r\n` and a lone `\r` are `\n`.
    static func universalNewlines(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in text.unicodeScalars {
            if u == "\r" { out.append("\n"); previousCR = true; continue }
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(u)
        }
        return String(out)
    }

    private func load(_ span: Range<Int>) throws(ShellError) {
        let bytes = try Self.readBytes(path, name: name, missingIsEmpty: false, span)
        if let bad = Self.firstInvalidUTF8(bytes) {
            decodeError = ShellError("'utf-8' codec can't decode byte 0x\(String(format: "%02x", bytes[bad.offset])) in position \(bad.offset): \(bad.reason)",
                                     span: span, kind: .unicodeDecodeError)
        } else {
            text = Self.universalNewlines(String(decoding: bytes, as: UTF8.self))
        }
        position = text.startIndex
    }

    /// Where strict UTF-8 decoding fails and CPython's reason, or nil for valid text.
    static func firstInvalidUTF8(_ b: [UInt8]) -> (offset: Int, reason: String)? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let need: Int, low: UInt8, high: UInt8
            switch c {
            case 0xC2...0xDF: need = 1; low = 0x80; high = 0xBF
            case 0xE0: need = 2; low = 0xA0; high = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: need = 2; low = 0x80; high = 0xBF
            case 0xED: need = 2; low = 0x80; high = 0x9F
            case 0xF0: need = 3; low = 0x90; high = 0xBF
            case 0xF1...0xF3: need = 3; low = 0x80; high = 0xBF
            case 0xF4: need = 3; low = 0x80; high = 0x8F
            default: return (i, "invalid start byte")
            }
            for k in 1...need {
                guard i + k < n else { return (i, "unexpected end of data") }
                let d = b[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if d < lo || d > hi { return (i, "invalid continuation byte") }
            }
            i += need + 1
        }
        return nil
    }

    // MARK: - Reading

    private func checkOpen(_ span: Range<Int>) throws(ShellError) {
        if closed { throw ShellError("I/O operation on closed file.", span: span, kind: .valueError) }
    }

    private func checkReadable(_ span: Range<Int>) throws(ShellError) {
        try checkOpen(span)
        guard reading else { throw ShellError("not readable", span: span, kind: .unsupportedOperation) }
        if let decodeError { var e = decodeError; e.span = span; throw e }
    }

    private func checkWritable(_ span: Range<Int>) throws(ShellError) {
        try checkOpen(span)
        guard !reading else { throw ShellError("not writable", span: span, kind: .unsupportedOperation) }
    }

    /// The next line, its `\n` included; "" at the end. `limit` characters at most (nil: no limit).
    func readLine(limit: Int? = nil) -> String {
        let rest = text.unicodeScalars[position...]
        var end = rest.firstIndex(of: "\n").map { text.unicodeScalars.index(after: $0) } ?? text.endIndex
        if let limit, limit >= 0 {
            end = min(end, text.unicodeScalars.index(position, offsetBy: limit, limitedBy: end) ?? end)
        }
        let line = String(text.unicodeScalars[position..<end])
        position = end
        return line
    }

    /// `for line in f`, `next(f)`: the next line, nil at the end.
    func nextLine(_ span: Range<Int>) throws(ShellError) -> Value? {
        try checkReadable(span)
        let line = readLine()
        return line.isEmpty ? nil : .string(line)
    }

    /// Every line not read yet (`list(f)`, `f.readlines()`); `hint` stops once that many
    /// characters are read, as CPython's does.
    func remainingLines(_ span: Range<Int>, hint: Int = -1) throws(ShellError) -> [Value] {
        try checkReadable(span)
        // The lines are a second copy of the text not read yet.
        try PythonArithmetic.reserve(bytes: text.utf8.distance(from: position, to: text.endIndex), 0, span)
        var lines: [Value] = []
        var total = 0
        while position < text.endIndex {
            if Interrupt.isRequested { throw Interrupt.error }
            let line = readLine()
            lines.append(.string(line))
            total += line.unicodeScalars.count
            if hint > 0 && total >= hint { break }
        }
        return lines
    }

    // MARK: - Writing

    /// `print(..., file=f)`: what `f.write(text)` does.
    func writeText(_ s: String, _ span: Range<Int>) throws(ShellError) -> Int {
        try checkWritable(span)
        try write(s, span)
        return s.unicodeScalars.count
    }

    private func write(_ s: String, _ span: Range<Int>) throws(ShellError) {
        try PythonArithmetic.reserve(bytes: prefixCount + written.utf8.count, s.utf8.count, span)
        written += s
        dirty = true
        endFlushFailed = false
    }

    /// The flush at the end of a top-level statement (see the type's comment): reported once
    /// when it fails, so one unwritable file does not fail every statement after it.
    func flushAtStatementEnd() throws(ShellError) {
        guard !closed, dirty, !endFlushFailed else { return }
        do { try flush(nil) } catch {
            endFlushFailed = true
            throw error
        }
    }

    /// Puts the contents on disk as a whole file, atomically (see the type's comment).
    func flush(_ span: Range<Int>?) throws(ShellError) {
        guard !reading, dirty else { return }
        // Checked again where the bytes are written: a symlink put at the path since open()
        // must not carry the text outside a --safe replay's directory.
        do { try policy.check(path, shown: name) } catch { var e = error; e.span = span; throw e }
        let body = Array(written.utf8)
        // Mode 'a' appends to what the file holds now, not to what it held at open(): text
        // another writer added since (a second open(p, 'a'), a `with` block) stays, as with
        // CPython's O_APPEND. (`prefixCount`, read at open(), is what tell() counts from.)
        var head: [UInt8] = []
        var tail = body[...]
        if mode.contains("a") {
            do { head = try Self.readBytes(path, name: name, missingIsEmpty: true, 0..<0) } catch { var e = error; e.span = span; throw e }
            tail = body[Swift.min(flushedCount, body.count)...]
        }
        let rest = Array(tail)
        do {
            try AtomicWrite.write(to: path, shown: name) { (sink: inout AtomicWrite.Sink) throws(TensorError) in
                try sink.write(head)
                try sink.write(rest)
            }
        } catch {
            if error.isInterruption { throw Interrupt.error }
            throw ShellError(error.message, explanation: error.explanation, span: span, kind: error.kind)
        }
        flushedCount = body.count
        dirty = false
    }

    func close(_ span: Range<Int>?) throws(ShellError) {
        guard !closed else { return }
        defer {
            closed = true
            text = ""
            position = text.startIndex
        }
        try flush(span)
    }

    // MARK: - Attributes and methods

    static let methods: Set<String> = [
        "read", "readline", "readlines", "write", "writelines", "close", "flush", "readable", "writable", "seekable",
        "seek", "tell", "__enter__", "__exit__", "__iter__", "__next__", "fileno", "isatty",
    ]
    var attributeNames: [String] { (Self.methods.filter { !$0.hasPrefix("_") } + ["closed", "name", "mode", "encoding"]).sorted() }

    func lookup(_ name: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value {
        switch name {
        case "closed": return .bool(closed)
        case "name": return .string(self.name)
        case "mode": return .string(mode)
        case "encoding": return .string(encoding)
        case "newlines": return .none
        case "errors": return .string("strict")
        default: break
        }
        guard Self.methods.contains(name) else {
            throw ShellError("'_io.TextIOWrapper' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
        return .object(NativeMethod(name, of: "_io.TextIOWrapper") { [self] (args, keywords, span, ev) throws(ShellError) -> Value in
            try self.call(name, args, keywords, span, ev)
        })
    }

    private func call(_ method: String, _ args: [Value], _ keywords: [(String, Value)], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        func noKeywords() throws(ShellError) {
            if !keywords.isEmpty { throw ShellError("\(method)() takes no keyword arguments", span: span, kind: .typeError) }
        }
        func atMost(_ n: Int) throws(ShellError) {
            if args.count > n {
                let what = n == 0 ? "takes no arguments" : "expected at most \(n) argument\(n == 1 ? "" : "s")"
                throw ShellError(n == 0 ? "TextIOWrapper.\(method)() \(what) (\(args.count) given)" : "\(method) \(what), got \(args.count)",
                                 span: span, kind: .typeError)
            }
        }
        /// A size argument: an int, or None / negative for "no limit".
        func size(_ i: Int) throws(ShellError) -> Int? {
            guard i < args.count, !args[i].isNone else { return nil }
            switch args[i] {
            case .int(let n): return n < 0 ? nil : n
            case .bool(let b): return b ? 1 : 0
            default: throw ShellError("argument should be integer or None, not '\(args[i].typeName)'", span: span, kind: .typeError)
            }
        }
        switch method {
        case "read":
            try noKeywords(); try atMost(1)
            let n = try size(0)
            try checkReadable(span)
            let end = n.flatMap { text.unicodeScalars.index(position, offsetBy: $0, limitedBy: text.endIndex) } ?? text.endIndex
            let s = String(text.unicodeScalars[position..<end])
            position = end
            return .string(s)
        case "readline":
            try noKeywords(); try atMost(1)
            if args.count == 1, !args[0].isNone, case .int = args[0] {} else if args.count == 1, !args[0].isNone {
                throw ShellError("'\(args[0].typeName)' object cannot be interpreted as an integer", span: span, kind: .typeError)
            }
            let n = try size(0)
            try checkReadable(span)
            return .string(readLine(limit: n))
        case "readlines":
            try noKeywords(); try atMost(1)
            let hint = try size(0) ?? -1
            return .list(PyList(try remainingLines(span, hint: hint)))
        case "write":
            try noKeywords()
            guard args.count == 1 else {
                throw ShellError("TextIOWrapper.write() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            guard case .string(let s) = args[0] else {
                throw ShellError("write() argument must be str, not \(args[0].typeName)", span: span, kind: .typeError)
            }
            try checkWritable(span)
            try write(s, span)
            return .int(s.unicodeScalars.count)
        case "writelines":
            try noKeywords()
            guard args.count == 1 else {
                throw ShellError("_io._IOBase.writelines() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            try checkOpen(span)
            for line in try ev.iterate(args[0], span) {
                guard case .string(let s) = line else {
                    throw ShellError("write() argument must be str, not \(line.typeName)", span: span, kind: .typeError)
                }
                try checkWritable(span)
                try write(s, span)
            }
            return .none
        case "close":
            try noKeywords(); try atMost(0)
            try close(span)
            return .none
        case "flush":
            try noKeywords(); try atMost(0)
            try checkOpen(span)
            try flush(span)
            return .none
        case "readable", "writable", "seekable", "isatty":
            try noKeywords(); try atMost(0)
            // CPython's buffered layer answers False for the direction a file was not opened
            // in without looking further, even once closed; otherwise a closed file is this
            // ValueError, here without a full stop (the raw file's check, not TextIOWrapper's).
            if method == "readable" && !reading || method == "writable" && reading { return .bool(false) }
            if closed { throw ShellError("I/O operation on closed file", span: span, kind: .valueError) }
            if method == "isatty" { return .bool(false) }
            return .bool(true)
        case "fileno":
            throw ShellError("fileno() is not supported", explanation: "rnnsh's files have no descriptor of their own", span: span, kind: .notImplementedError)
        case "tell":
            try noKeywords(); try atMost(0)
            try checkOpen(span)
            // CPython's tell() of a text file is an opaque cookie; for UTF-8 text it is the byte
            // offset, which is what seek() takes back.
            if reading { return .int(text.utf8.distance(from: text.startIndex, to: position)) }
            return .int(prefixCount + written.utf8.count)
        case "seek":
            try noKeywords()
            guard (1...2).contains(args.count) else {
                throw ShellError("seek expected at least 1 argument, got \(args.count)", span: span, kind: .typeError)
            }
            try checkOpen(span)
            guard case .int(let offset) = args[0] else {
                throw ShellError("'\(args[0].typeName)' object cannot be interpreted as an integer", span: span, kind: .typeError)
            }
            var whence = 0
            if args.count == 2 {
                guard case .int(let w) = args[1] else {
                    throw ShellError("'\(args[1].typeName)' object cannot be interpreted as an integer", span: span, kind: .typeError)
                }
                whence = w
            }
            guard reading else {
                throw ShellError("seek() on a file open for writing is not supported", span: span, kind: .notImplementedError)
            }
            switch whence {
            case 0:
                if offset < 0 { throw ShellError("negative seek position \(offset)", span: span, kind: .valueError) }
                let target = text.utf8.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
                // A byte offset inside a character is no position of the text: the character's start.
                var offset = text.utf8.distance(from: text.startIndex, to: target)
                var at = String.Index(target, within: text.unicodeScalars)
                while at == nil && offset > 0 {
                    offset -= 1
                    at = String.Index(text.utf8.index(text.startIndex, offsetBy: offset), within: text.unicodeScalars)
                }
                position = at ?? text.startIndex
                return .int(text.utf8.distance(from: text.startIndex, to: position))
            case 1, 2:
                if offset != 0 { throw ShellError("can't do nonzero cur-relative seeks", span: span, kind: .unsupportedOperation) }
                if whence == 2 { position = text.endIndex }
                return .int(text.utf8.distance(from: text.startIndex, to: position))
            default:
                throw ShellError("invalid whence (\(whence), should be 0, 1 or 2)", span: span, kind: .valueError)
            }
        case "__enter__":
            try checkOpen(span)
            return .object(self)
        case "__exit__":
            try close(span)
            return .none
        case "__iter__":
            try checkOpen(span)
            return .object(self)
        case "__next__":
            guard let line = try nextLine(span) else { throw ShellError("", span: span, kind: .stopIteration) }
            return line
        default:
            throw ShellError("'_io.TextIOWrapper' object has no attribute '\(method)'", span: span, kind: .attributeError)
        }
    }
}

extension PyFile: ContextManager {
    func enter(evaluator: Evaluator) throws(ShellError) -> Value {
        try checkOpen(0..<0)
        return .object(self)
    }

    func exit(evaluator: Evaluator) throws(ShellError) {
        try close(nil)
    }
}

/// `open(2)` with O_CREAT | O_EXCL, closed at once: 0, or the errno. (Outside `PyFile`, whose
/// own `open` and `close` would hide the C functions.)
private func createExclusively(_ path: String) -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    if fd < 0 { return errno }
    close(fd)
    return 0
}
