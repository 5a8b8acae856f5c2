// Persistent line history: readline's history list, loaded at start and saved when the REPL ends.
import CReadline
import Glibc
import Shell

struct History {
    /// How many entries are kept in memory and in the file.
    static let capacity: Int32 = 5000

    /// The history file, or nil when history is not persisted.
    let path: String?

    /// `RNNSH_HISTORY` names the file (set but empty: no history file at all); otherwise
    /// `~/.rnnsh_history`; with no `HOME` either, history lives only for the session.
    static func defaultPath(rnnshHistory: String?, home: String?) -> String? {
        if let rnnshHistory { return rnnshHistory.isEmpty ? nil : rnnshHistory }
        guard let home, !home.isEmpty else { return nil }
        return home.hasSuffix("/") ? home + ".rnnsh_history" : home + "/.rnnsh_history"
    }

    init(path: String?) {
        self.path = path
        using_history()
        stifle_history(Self.capacity)
    }

    /// Reads the file if there is one. A missing file is the normal first run, not an error.
    func load() {
        guard let path else { return }
        _ = read_history(path)
        // `read_history` leaves the history cursor where it was; start recall from the end.
        using_history()
    }

    /// The history entries for a statement typed on several lines. Recalling it should give
    /// one editable line, so the lines are joined with blanks (a trailing `\` dropped), which
    /// means the same inside brackets. A comment would swallow what follows it, so with `#` in
    /// any line but the last each line is its own entry, recalled one by one as it was typed
    /// (the history file holds one line per entry). Trailing blanks (often left by a
    /// completion) are dropped.
    static func entries(for lines: [String]) -> [String] {
        func trimmed(_ line: some StringProtocol) -> String {
            var text = Substring(line)
            while let last = text.last, last == " " || last == "\t" { text.removeLast() }
            return String(text)
        }
        if lines.dropLast().contains(where: { $0.contains("#") }) { return lines.map(trimmed) }
        let joined = lines.enumerated().map { index, line in
            var text = Substring(trimmed(line))
            if index < lines.count - 1, text.last == "\\" { text = Substring(trimmed(text.dropLast())) }
            return String(text)
        }.joined(separator: " ")
        return [trimmed(joined)]
    }

    /// Adds one statement, skipping blank lines and immediate repeats (as bash's ignoredups).
    func add(_ statement: String) {
        guard !statement.allSatisfy(\.isWhitespace) else { return }
        if let last = rnnsh_history_last_line(), String(cString: last) == statement { return }
        add_history(statement)
    }

    /// Writes the whole list by `AtomicWrite`'s rules (a temp file beside it, then rename; a
    /// symlinked history file is written through, a hard-linked one in place), so a crash or a
    /// second rnnsh exiting at the same moment never leaves a half-written history file.
    /// Returns an error message to show, or nil.
    @discardableResult
    func save() -> String? {
        guard let path else { return nil }
        var text = ""
        for i in 0..<rnnsh_history_count() {
            if let line = rnnsh_history_line(i) { text += String(cString: line) + "\n" }
        }
        do {
            try FileText.writeAtomically(text, to: path)
        } catch {
            return "could not write history file: \(error.message)"
        }
        return nil
    }
}
