import Foundation
import Tensor

/// numpy's text files: `np.savetxt` writes a 1-d or 2-d array one row per line, each element
/// through Python's `%` formatting (`fmt='%.18e'` by default, so ints are written as floats);
/// `np.loadtxt` and `np.genfromtxt` read one back (module Tensor's `TextTable` has their rules).
///
/// File names are numpy's: `~` is not expanded, nothing is added to the name. `savetxt` writes
/// the way every rnnsh save does (`AtomicWrite`: a temporary file renamed over the target; a
/// symlink written through, a FIFO or device written into, a read-only file refused with
/// Python's `[Errno 13] Permission denied`, and only under the current directory in `--safe`).
/// The readers take a file name or, as numpy does, a list of lines.
enum TextFileCommands {
    static let all: [Command] = [savetxt, loadtxt, genfromtxt]

    typealias A = FunctionArguments

    // MARK: - savetxt

    static let savetxt = Command(
        name: "savetxt", category: "Files",
        summary: "Write a 1-d or 2-d array to a text file, one row per line.",
        parameters: [Parameter("fname", .value, help: "the file name (written as given: no `~`, no extension added)"),
                     Parameter("X", .value, help: "a 1-d array (one value per line) or a 2-d array (one row per line)"),
                     Parameter("fmt", .value, default: .string("%.18e"), help: "a `%` format for every value, one per column, or a list of them"),
                     Parameter("delimiter", .value, default: .string(" "), help: "the text between columns"),
                     Parameter("newline", .value, default: .string("\n"), help: "the text after each line"),
                     Parameter("header", .value, default: .string(""), help: "text written first, each of its lines after `comments`"),
                     Parameter("footer", .value, default: .string(""), help: "text written last, each of its lines after `comments`"),
                     Parameter("comments", .value, default: .string("# "), help: "what header and footer lines start with"),
                     Parameter("encoding", .value, default: .none, help: "accepted ('latin1' and None write the same ASCII text)")],
        help: """
            numpy's `np.savetxt(fname, X, fmt='%.18e', delimiter=' ', newline='\\n', header='', \
            footer='', comments='# ')`: each row is `fmt % tuple(row)` as Python formats it, so \
            `fmt='%d'` truncates floats and `'%.3f'` rounds. A single format with one `%` is used \
            for every column (joined by `delimiter`); a format with one `%` per column, or a list \
            of formats, gives each column its own. `np.loadtxt` reads the file back.
            """,
        examples: [Example("x = np.arange(6.0).reshape(2, 3)\nnp.savetxt('x.txt', x, fmt='%.2f', delimiter=',', header='a,b,c', comments='')\nnp.loadtxt('x.txt', delimiter=',', skiprows=1)")],
        run: { call in
            let args = call.arguments
            guard case .string(let fname) = args["fname"] else {
                throw ShellError("fname must be a string or file handle", span: args.span("fname") ?? call.span, kind: .valueError)
            }
            if fname.hasSuffix(".gz") {
                throw ShellError("rnnsh's savetxt writes plain text only, not .gz", span: args.span("fname"), kind: .notImplementedError)
            }
            let x = try call.evaluator.toArray(args["X"], span: args.span("X") ?? call.span)
            guard x.ndim == 1 || x.ndim == 2 else {
                throw ShellError("Expected 1D or 2D array, got \(x.ndim)D array instead", span: args.span("X") ?? call.span, kind: .valueError)
            }
            let delimiter = try text(args, "delimiter", call)
            let newline = try text(args, "newline", call)
            let comments = try text(args, "comments", call)
            let header = try text(args, "header", call), footer = try text(args, "footer", call)
            // numpy writes a 1-d array as a column.
            let table = x.ndim == 1 ? try x.reshape([x.shape[0], 1]) : x
            let rows = table.shape[0], columns = table.shape[1]
            let format = try rowFormat(args["fmt"], columns: columns, delimiter: delimiter, span: args.span("fmt") ?? call.span)
            var out = ""
            if !header.isEmpty { out += comments + header.replacingOccurrences(of: "\n", with: "\n" + comments) + newline }
            for r in 0..<rows {
                var items: [Value] = []
                items.reserveCapacity(columns)
                for c in 0..<columns { items.append(.scalar(try table.subscripted([.index(r), .index(c)]))) }
                do throws(ShellError) {
                    out += try PyFormat.percent(format, .tuple(items), span: args.span("fmt") ?? call.span, evaluator: call.evaluator)
                } catch {
                    // numpy turns Python's TypeError for the row into its own sentence.
                    guard error.kind == .typeError else { throw error }
                    throw ShellError("Mismatch between array dtype ('\(x.dtype.name)') and format specifier ('\(format)')",
                                     span: args.span("fmt") ?? call.span, kind: .typeError)
                }
                out += newline
                try Cancellation.check()
                try PythonArithmetic.reserve(out.utf8.count, "the text of savetxt", call.span)
            }
            if !footer.isEmpty { out += comments + footer.replacingOccurrences(of: "\n", with: "\n" + comments) + newline }
            try FileText.writeAtomically(out, to: try call.writablePath(fname), shown: fname)
            return .none
        }).namingFilesAsPython()

    /// A string argument (numpy's keywords here are strings).
    static func text(_ args: BoundArguments, _ name: String, _ call: Invocation) throws(ShellError) -> String {
        guard case .string(let s) = args[name] else {
            throw ShellError("\(name) must be a str, not \(args[name].typeName)", span: args.span(name) ?? call.span, kind: .typeError)
        }
        return s
    }

    /// The `%` template of one row, by numpy's rules for `fmt`.
    static func rowFormat(_ fmt: Value, columns: Int, delimiter: String, span: Range<Int>) throws(ShellError) -> String {
        switch fmt {
        case .string(let f):
            let n = f.filter { $0 == "%" }.count
            if n == 1 { return Array(repeating: f, count: columns).joined(separator: delimiter) }
            if n != columns { throw ShellError("fmt has wrong number of % formats:  \(f)", span: span, kind: .valueError) }
            return f
        case .list, .tuple:
            let items = fmt.sequenceItems ?? []
            if items.count != columns {
                // numpy's own class for this one (it tests `len(fmt) != ncol` and raises AttributeError).
                throw ShellError("fmt has wrong shape.  \(ValueFormatter.str(fmt))", span: span, kind: .attributeError)
            }
            var parts: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw ShellError("sequence item \(parts.count): expected str instance, \(item.typeName) found", span: span, kind: .typeError) }
                parts.append(s)
            }
            return parts.joined(separator: delimiter)
        default:
            throw ShellError("invalid fmt: \(ValueFormatter.str(fmt))", span: span, kind: .valueError)
        }
    }

    // MARK: - Reading

    /// The lines of a file named `fname` (numpy's `FileNotFoundError: f.txt not found.`), or of
    /// a list of strings.
    static func lines(_ value: Value, _ call: Invocation, span: Range<Int>) throws(ShellError) -> [Substring] {
        switch value {
        case .string(let name):
            if name.hasSuffix(".gz") || name.hasSuffix(".bz2") || name.hasSuffix(".xz") {
                throw ShellError("rnnsh reads plain text files only, not compressed ones", span: span, kind: .notImplementedError)
            }
            let path = call.resolvePath(name)
            guard FileManager.default.fileExists(atPath: path) else {
                throw ShellError("\(name) not found.", span: span, kind: .fileNotFoundError)
            }
            try FileText.checkReadable(path, shown: name)
            // FileText.read ends lines at '\r\n' and a lone '\r' too, as Python's text mode
            // (numpy's) does.
            let text = try FileText.read(path)
            return text.split(separator: "\n", omittingEmptySubsequences: false)
        case .list, .tuple:
            var out: [Substring] = []
            for item in value.sequenceItems ?? [] {
                guard case .string(let s) = item else {
                    throw ShellError("non-string in the list of lines: \(item.typeName)", span: span, kind: .typeError)
                }
                var line = Substring(s)
                // A line's own ending ('\n', '\r\n' or '\r'; Swift's last Character) is not data.
                if let last = line.last, last == "\n" || last == "\r\n" || last == "\r" { line = line.dropLast() }
                out.append(line)
            }
            return out
        default:
            throw ShellError("fname must be a string, filehandle, list of strings,\nor generator. Got \(value.typeName) instead.", span: span, kind: .typeError)
        }
    }

    /// `comments=`: a string, a list of strings, or None.
    static func comments(_ v: Value, span: Range<Int>) throws(ShellError) -> [String] {
        switch v {
        case .none: return []
        case .string(let s): return [s]
        case .list, .tuple:
            var out: [String] = []
            for item in v.sequenceItems ?? [] {
                guard case .string(let s) = item else { throw ShellError("comments must be a string or a sequence of strings", span: span, kind: .typeError) }
                out.append(s)
            }
            return out
        default:
            throw ShellError("comments must be a string or a sequence of strings", span: span, kind: .typeError)
        }
    }

    /// `delimiter=`: None (runs of blanks) or one character (numpy's C reader's rule).
    static func delimiter(_ v: Value, span: Range<Int>) throws(ShellError) -> Character? {
        switch v {
        case .none: return nil
        case .string(let s) where s.count == 1: return s.first
        default:
            throw ShellError("Text reading control character must be a single unicode character or None; but got: \(ValueFormatter.repr(v))",
                             span: span, kind: .typeError)
        }
    }

    /// `usecols=`: an int or a sequence of ints.
    static func usecols(_ v: Value, span: Range<Int>) throws(ShellError) -> [Int]? {
        switch v {
        case .none: return nil
        case .int(let i): return [i]
        default:
            var given = v.sequenceItems
            if case .range(let a, let b, let c) = v {
                if PythonRange.count(a, b, c) > PythonLimits.maxItems {
                    throw ShellError("range of \(PythonRange.count(a, b, c)) items is too large to build as a list", span: span, kind: .memoryError)
                }
                given = PythonRange.items(a, b, c)
            }
            guard let items = given else {
                throw ShellError("usecols must be an int or a sequence of ints but it contains at least one element of type '\(v.typeName)'", span: span, kind: .typeError)
            }
            var out: [Int] = []
            for item in items {
                guard case .int(let i) = item else {
                    throw ShellError("usecols must be an int or a sequence of ints but it contains at least one element of type '\(item.typeName)'", span: span, kind: .typeError)
                }
                out.append(i)
            }
            return out
        }
    }

    /// A count that must not be negative (`skiprows=`, `max_rows=`), or nil for None.
    static func count(_ v: Value, _ span: Range<Int>) throws(ShellError) -> Int? {
        if v.isNone { return nil }
        let n = try ArgumentBinder.integer(v, span)
        if n < 0 { throw ShellError("argument must be nonnegative", span: span, kind: .valueError) }
        return n
    }

    /// numpy's `ndmin` and `unpack` on a table read from text.
    static func shaped(_ a: NDArray, ndmin: Int, unpack: Bool) throws(TensorError) -> NDArray {
        var r = a
        if r.ndim > ndmin { r = try r.squeeze() }
        if r.ndim < ndmin {
            // numpy: atleast_1d, or for 2 atleast_2d(a).T (a single row read as a column).
            if ndmin == 1 { r = try r.reshape([1]) } else if r.ndim == 0 { r = try r.reshape([1, 1]) } else { r = try r.reshape([1, r.size]).T }
        }
        return unpack ? r.T : r
    }

    static func dtype(_ call: Invocation, _ name: String) throws(ShellError) -> DType {
        guard let d = call.arguments.dtype(name) else {
            throw ShellError("rnnsh reads text into number arrays only (dtype=float, int, bool, ...)", span: call.arguments.span(name) ?? call.span,
                             kind: .notImplementedError)
        }
        guard TextTable.readable(d) else {
            throw ShellError("rnnsh reads text into number arrays only, not \(d.name)", span: call.arguments.span(name) ?? call.span, kind: .notImplementedError)
        }
        return d
    }

    static func refuseUnlessNone(_ call: Invocation, _ names: [String], _ why: String) throws(ShellError) {
        for n in names where !call.arguments[n].isNone {
            throw ShellError("\(n)= is not supported in rnnsh (\(why))", span: call.arguments.span(n) ?? call.span, kind: .notImplementedError)
        }
    }

    // MARK: - loadtxt

    static let loadtxt = Command(
        name: "loadtxt", category: "Files",
        summary: "Read a table of numbers from a text file (every field must parse).",
        parameters: [Parameter("fname", .value, help: "a file name, or a list of lines"),
                     Parameter("dtype", .dtype, default: .dtype(.float64), help: "the element type (float, int, bool, ...)"),
                     Parameter("comments", .value, default: .string("#"), help: "what starts a comment (a string, a list of them, or None)"),
                     Parameter("delimiter", .value, default: .none, help: "one character between fields; None: runs of blanks"),
                     Parameter("converters", .value, default: .none, help: "not supported (must be None)"),
                     Parameter("skiprows", .value, default: .int(0), help: "lines skipped first, comments and blank lines included"),
                     Parameter("usecols", .value, default: .none, help: "the columns to keep (an int or a sequence; negative from the end)"),
                     Parameter("unpack", .bool, default: .bool(false), help: "True: the transpose, so `x, y = np.loadtxt(f, unpack=True)`"),
                     Parameter("ndmin", .value, default: .int(0), help: "0, 1 or 2: the fewest dimensions of the result")],
        options: [Parameter("encoding", .value, default: .none, help: "accepted (files are read as UTF-8)"),
                  Parameter("max_rows", .value, default: .none, help: "read at most this many rows (after skiprows; blank lines not counted)"),
                  Parameter("quotechar", .value, default: .none, help: "not supported (must be None)"),
                  Parameter("like", .value, default: .none, help: "accepted for numpy's signature")],
        help: """
            numpy's `np.loadtxt`: one row per line, fields split at `delimiter` (default: runs of \
            blanks), text after `comments` dropped, empty lines skipped. Every field must be a \
            number (`could not convert string 'x' to float64 at row 0, column 2.`) and every row \
            as wide as the first; `np.genfromtxt` fills missing values instead. The table is \
            squeezed (one row or one column gives a 1-d array) unless `ndmin=` says otherwise.
            """,
        examples: [Example("np.savetxt('t.txt', np.arange(6).reshape(3, 2), fmt='%d')\nnp.loadtxt('t.txt')\nx, y = np.loadtxt('t.txt', unpack=True)\ny"),
                   Example("np.loadtxt(['1,2,3', '4,5,6'], delimiter=',', usecols=(0, 2), dtype=int)")],
        run: { call in
            let args = call.arguments
            let span = call.span
            let d = try dtype(call, "dtype")
            let commentMarks = try comments(args["comments"], span: args.span("comments") ?? span)
            let delim = try delimiter(args["delimiter"], span: args.span("delimiter") ?? span)
            try refuseUnlessNone(call, ["converters", "quotechar"], "fields are read as numbers")
            let skip = try count(args["skiprows"], args.span("skiprows") ?? span) ?? 0
            let cols = try usecols(args["usecols"], span: args.span("usecols") ?? span)
            let ndmin = try ArgumentBinder.integer(args["ndmin"], args.span("ndmin") ?? span)
            guard (0...2).contains(ndmin) else {
                throw ShellError("Illegal value of ndmin keyword: \(ndmin)", span: args.span("ndmin") ?? span, kind: .valueError)
            }
            let maxRows = try count(args["max_rows"], args.span("max_rows") ?? span)
            let all = try lines(args["fname"], call, span: args.span("fname") ?? span)
            let options = TextTable.Options(delimiter: delim, comments: commentMarks, usecols: cols, maxRows: maxRows)
            let table = try TextTable.loadtxt(Array(all.dropFirst(skip)), dtype: d, options)
            // numpy returns a 0-d array for a single value (array(42.)), not a scalar.
            return .array(try shaped(table, ndmin: ndmin, unpack: args.bool("unpack") ?? false))
        }).namingFilesAsPython()

    // MARK: - genfromtxt

    static let genfromtxt = Command(
        name: "genfromtxt", category: "Files",
        summary: "Read a table of numbers from a text file, missing values filled (NaN).",
        parameters: [Parameter("fname", .value, help: "a file name, or a list of lines"),
                     Parameter("dtype", .dtype, default: .dtype(.float64), help: "the element type (float, int, bool, ...)"),
                     Parameter("comments", .value, default: .string("#"), help: "what starts a comment"),
                     Parameter("delimiter", .value, default: .none, help: "one character between fields; None: runs of blanks"),
                     Parameter("skip_header", .value, default: .int(0), help: "lines skipped first"),
                     Parameter("skip_footer", .value, default: .int(0), help: "rows dropped at the end")],
        options: [Parameter("converters", .value, default: .none, help: "not supported (must be None)"),
                  Parameter("missing_values", .value, default: .none, help: "more strings that mean a missing value (an empty field always does)"),
                  Parameter("filling_values", .value, default: .none, help: "the value of a missing field (default NaN; -1 for integers)"),
                  Parameter("usecols", .value, default: .none, help: "the columns to keep"),
                  Parameter("names", .value, default: .none, help: "must be None (rnnsh has no structured arrays)"),
                  Parameter("unpack", .value, default: .none, help: "True: the transpose"),
                  Parameter("usemask", .bool, default: .bool(false), help: "must be False (no masked arrays)"),
                  Parameter("invalid_raise", .bool, default: .bool(true), help: "False: skip rows of the wrong width instead of failing"),
                  Parameter("max_rows", .value, default: .none, help: "read at most this many rows"),
                  Parameter("encoding", .value, default: .none, help: "accepted (files are read as UTF-8)"),
                  Parameter("autostrip", .bool, default: .bool(false), help: "True: blanks around a field are dropped (numbers are read without them anyway; a bool 'True' needs it after a delimiter)"),
                  Parameter("ndmin", .value, default: .int(0), help: "0, 1 or 2: the fewest dimensions of the result"),
                  Parameter("like", .value, default: .none, help: "accepted for numpy's signature")],
        help: """
            numpy's `np.genfromtxt`: like `np.loadtxt`, but an empty or unreadable field is a \
            missing value: NaN in a float table (`filling_values=` chooses another), -1 in an \
            integer one. Rows of the wrong width are all reported at once, by line number \
            (`Line #4 (got 2 columns instead of 3)`). `names=` (structured arrays) is not in rnnsh.
            """,
        examples: [Example("np.genfromtxt(['1,2,3', '4,,6'], delimiter=',')"),
                   Example("np.genfromtxt(['1,2,3', '4,,6'], delimiter=',', filling_values=0)")],
        run: { call in
            let args = call.arguments
            let span = call.span
            if !args["names"].isNone {
                throw ShellError("names= gives numpy's structured arrays, which rnnsh does not have: read the header with skip_header=1",
                                 span: args.span("names") ?? span, kind: .notImplementedError)
            }
            if args.bool("usemask") == true {
                throw ShellError("usemask=True gives numpy's masked arrays, which rnnsh does not have", span: args.span("usemask") ?? span, kind: .notImplementedError)
            }
            try refuseUnlessNone(call, ["converters"], "fields are read as numbers")
            let d = try dtype(call, "dtype")
            let commentMarks = try comments(args["comments"], span: args.span("comments") ?? span)
            let delim = try delimiter(args["delimiter"], span: args.span("delimiter") ?? span)
            let skipHeader = try max(0, ArgumentBinder.integer(args["skip_header"], args.span("skip_header") ?? span))
            let skipFooter = try max(0, ArgumentBinder.integer(args["skip_footer"], args.span("skip_footer") ?? span))
            var maxRows: Int? = nil
            if !args["max_rows"].isNone {
                if skipFooter > 0 {
                    throw ShellError("The keywords 'skip_footer' and 'max_rows' can not be specified at the same time.", span: args.span("max_rows") ?? span, kind: .valueError)
                }
                let m = try ArgumentBinder.integer(args["max_rows"], args.span("max_rows") ?? span)
                if m < 1 { throw ShellError("'max_rows' must be at least 1.", span: args.span("max_rows") ?? span, kind: .valueError) }
                maxRows = m
            }
            let cols = try usecols(args["usecols"], span: args.span("usecols") ?? span)
            let ndmin = try ArgumentBinder.integer(args["ndmin"], args.span("ndmin") ?? span)
            guard (0...2).contains(ndmin) else {
                throw ShellError("Illegal value of ndmin keyword: \(ndmin)", span: args.span("ndmin") ?? span, kind: .valueError)
            }
            var filling: TextTable.Fill? = nil
            switch args["filling_values"] {
            case .none: break
            case .int(let i): filling = .int(Int64(i))
            case .float(let f): filling = .float(f)
            case .bool(let b): filling = .int(b ? 1 : 0)
            default:
                throw ShellError("filling_values must be a number in rnnsh", span: args.span("filling_values") ?? span, kind: .notImplementedError)
            }
            var missing: [String] = []
            switch args["missing_values"] {
            case .none: break
            case .string(let s): missing = s.split(separator: ",").map(String.init)
            case let v where v.sequenceItems != nil:
                for item in v.sequenceItems ?? [] {
                    guard case .string(let s) = item else { throw ShellError("missing_values must be strings", span: args.span("missing_values") ?? span, kind: .typeError) }
                    missing.append(s)
                }
            default:
                throw ShellError("missing_values must be a string or a list of strings", span: args.span("missing_values") ?? span, kind: .typeError)
            }
            let all = try lines(args["fname"], call, span: args.span("fname") ?? span)
            let options = TextTable.Options(delimiter: delim, comments: commentMarks, usecols: cols, maxRows: maxRows)
            let table = try TextTable.genfromtxt(Array(all.dropFirst(skipHeader)), skipped: skipHeader, dtype: d, filling: filling,
                                                 missing: missing, skipFooter: skipFooter, invalidRaise: args.bool("invalid_raise") ?? true,
                                                 autostrip: args.bool("autostrip") ?? false, options)
            let unpack = try args["unpack"].isNone ? false : call.evaluator.truth(args["unpack"], args.span("unpack") ?? span)
            return .array(try shaped(table, ndmin: ndmin, unpack: unpack))
        }).namingFilesAsPython()
}
