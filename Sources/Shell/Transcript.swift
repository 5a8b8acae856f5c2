import Foundation
/// Session scripts replayed as transcripts: each statement after a `>>> ` prompt (`... ` for
/// its continuation lines), then what it printed — exactly what a user would have seen.
/// Comment-only and blank lines are kept as they are, so the transcript reads like the script.
///
/// `rnnsh FILE.rnn` prints the transcript; `rnnsh --check FILE.rnn` compares it with `FILE.out`.
public enum Transcript {
    public static let prompt = ">>> "
    public static let continuation = "... "

    /// The result of replaying a script.
    public struct Replay: Sendable {
        /// The transcript text (ends with a newline unless empty).
        public var text: String
        /// Unexpected errors, with the line of the statement that failed.
        public var errors: [(line: Int, error: ShellError)]
    }

    /// Replays `source` in `interpreter`. Stops at the first unexpected error unless `keepGoing`.
    /// An error on a statement marked `# error:` is part of the transcript, not a failure;
    /// a marked statement that succeeds is a failure ("expected an error").
    /// `onText` receives transcript text as soon as it exists (for live output); `onProgress`
    /// the transient progress lines, which are never part of the transcript. Without `echo`
    /// only what the statements print is the text, as `python3 FILE.py` shows a program.
    /// An error's line is the line of the statement that failed (inside a function called
    /// later: the function's line, Python's last frame).
    public static func replay(_ source: String, interpreter: Interpreter, keepGoing: Bool = false, echo: Bool = true,
                              onText: (String) -> Void = { _ in },
                              onProgress: (String) -> Void = { _ in },
                              onWarning: (String) -> Void = { _ in }) -> Replay {
        var out = ""
        func put(_ s: String) {
            out += s
            onText(s)
        }
        func putPending() {
            let rest = interpreter.takePendingText()
            if !rest.isEmpty { put(rest) }
        }
        func echoed(_ s: String) {
            if echo { put(s) }
        }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let script: Script
        do {
            script = try Script.parse(source, grammar: interpreter.grammar)
        } catch {
            return Replay(text: "", errors: [(error.line ?? 1, error)])
        }
        var errors: [(line: Int, error: ShellError)] = []
        var nextLine = 1
        for item in script.items {
            // Echo the lines up to and including this statement's lines.
            let statementLines = item.text.split(separator: "\n", omittingEmptySubsequences: false).count
            let lastLine = item.line + statementLines - 1
            if item.line >= nextLine {
                for n in nextLine..<item.line where n - 1 < lines.count {
                    echoed(lines[n - 1] + "\n")
                }
                for n in item.line...lastLine where n - 1 < lines.count {
                    echoed((n == item.line ? prompt : continuation) + lines[n - 1] + "\n")
                }
                nextLine = lastLine + 1
                // The empty line that closes a block shows as Python's REPL shows it: `...`.
                var compound = item.statement.isBlock
                switch item.statement {
                case .functionDef, .classDef, .decorated: compound = true
                default: break
                }
                if compound, lastLine < lines.count, lines[lastLine].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                    echoed(continuation.trimmingCharacters(in: .whitespaces) + "\n")
                    nextLine = lastLine + 2
                }
            }
            var failure: ShellError? = nil
            _ = interpreter.execute(item, of: script) { output in
                switch output {
                case .text(let t): put(t + "\n")
                case .progress(let p): onProgress(p)
                case .warning(let w): onWarning(w)
                case .error(let e):
                    failure = e
                    if item.expectsError { put(e.rendered() + "\n") }
                }
            }
            if interpreter.options.mode == .program, failure != nil, !keepGoing { putPending() }
            if item.expectsError && failure == nil {
                errors.append((item.line, ShellError("expected an error (the statement is marked `# error:`), but it succeeded")))
                if !keepGoing { return Replay(text: out, errors: errors) }
            } else if let failure, !item.expectsError {
                errors.append((failure.inputLine ?? item.line + (failure.line ?? 1) - 1, failure))
                if !keepGoing { return Replay(text: out, errors: errors) }
                // In a transcript the error shows where it happened; a program's errors go to
                // stderr only (`errors`).
                if echo { put(failure.rendered() + "\n") }
            }
            if interpreter.exitStatus != nil { break }
        }
        // A program whose last print had no newline ends without one, as python3's does.
        putPending()
        if interpreter.exitStatus == nil {
            for n in nextLine...max(lines.count, nextLine) where n - 1 < lines.count {
                // A file's final newline is not a line of its own.
                if n == lines.count && lines[n - 1].isEmpty { break }
                echoed(lines[n - 1] + "\n")
            }
        }
        return Replay(text: out, errors: errors)
    }

    /// A unified diff (`---`/`+++` headers, `@@` hunks, 3 lines of context) of two texts, or
    /// nil when they are equal.
    public static func unifiedDiff(expected: String, actual: String, expectedName: String, actualName: String) -> String? {
        if expected == actual { return nil }
        // A final newline ends the last line; it does not start an empty one.
        // An empty text has no lines at all (not one empty line).
        func lines(_ s: String) -> [String] {
            if s.isEmpty { return [] }
            var l = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if s.hasSuffix("\n") { l.removeLast() }
            return l
        }
        let a = lines(expected)
        let b = lines(actual)
        let ops = LineDiff.diff(a, b)
        var out = "--- \(expectedName)\n+++ \(actualName)\n"
        out += LineDiff.hunks(ops, a, b, context: 3)
        return out
    }
}

/// A minimal line diff (longest common subsequence) for transcript comparison.
enum LineDiff {
    enum Op: Equatable { case same(Int, Int), delete(Int), insert(Int) }

    static func diff(_ a: [String], _ b: [String]) -> [Op] {
        // Trim the common prefix and suffix so the quadratic table stays small.
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let am = Array(a[prefix..<(a.count - suffix)])
        let bm = Array(b[prefix..<(b.count - suffix)])
        var ops: [Op] = (0..<prefix).map { .same($0, $0) }
        if am.count * bm.count > 25_000_000 {
            ops += am.indices.map { .delete(prefix + $0) }
            ops += bm.indices.map { .insert(prefix + $0) }
        } else {
            let n = am.count, m = bm.count
            var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
            if n > 0 && m > 0 {
                for i in stride(from: n - 1, through: 0, by: -1) {
                    for j in stride(from: m - 1, through: 0, by: -1) {
                        lcs[i][j] = am[i] == bm[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                    }
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n && j < m && am[i] == bm[j] {
                    ops.append(.same(prefix + i, prefix + j)); i += 1; j += 1
                } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
                    ops.append(.delete(prefix + i)); i += 1
                } else {
                    ops.append(.insert(prefix + j)); j += 1
                }
            }
        }
        for k in 0..<suffix { ops.append(.same(a.count - suffix + k, b.count - suffix + k)) }
        return ops
    }

    static func hunks(_ ops: [Op], _ a: [String], _ b: [String], context: Int) -> String {
        let changed = ops.indices.filter { if case .same = ops[$0] { return false } else { return true } }
        guard let firstChange = changed.first else { return "" }
        var out = ""
        var groups: [[Int]] = [[firstChange]]
        for c in changed.dropFirst() {
            if let last = groups[groups.count - 1].last, c - last <= 2 * context {
                groups[groups.count - 1].append(c)
            } else {
                groups.append([c])
            }
        }
        for g in groups {
            guard let first = g.first, let last = g.last else { continue }
            let lo = max(0, first - context), hi = min(ops.count - 1, last + context)
            var aStart = 0, bStart = 0, aCount = 0, bCount = 0
            var body = ""
            var aSet = false, bSet = false
            // Position of the hunk in each file: the first line of that file at or after lo.
            for k in lo...hi {
                switch ops[k] {
                case .same(let i, let j):
                    if !aSet { aStart = i; aSet = true }
                    if !bSet { bStart = j; bSet = true }
                    aCount += 1; bCount += 1
                    body += " " + a[i] + "\n"
                case .delete(let i):
                    if !aSet { aStart = i; aSet = true }
                    aCount += 1
                    body += "-" + a[i] + "\n"
                case .insert(let j):
                    if !bSet { bStart = j; bSet = true }
                    bCount += 1
                    body += "+" + b[j] + "\n"
                }
            }
            if !aSet { aStart = startIndex(ops, lo, a: true) }
            if !bSet { bStart = startIndex(ops, lo, a: false) }
            func range(_ start: Int, _ count: Int) -> String {
                count == 0 ? "\(start),0" : (count == 1 ? "\(start + 1)" : "\(start + 1),\(count)")
            }
            out += "@@ -\(range(aStart, aCount)) +\(range(bStart, bCount)) @@\n" + body
        }
        return out
    }

    /// For a hunk with no lines from one side: the number of that side's lines before it.
    static func startIndex(_ ops: [Op], _ upTo: Int, a: Bool) -> Int {
        var n = 0
        for k in 0..<upTo {
            switch ops[k] {
            case .same: n += 1
            case .delete: if a { n += 1 }
            case .insert: if !a { n += 1 }
            }
        }
        return n
    }
}
