// Persistent line history: readline's history list, loaded at start and saved when the REPL ends.
import CReadline
import Glibc

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

    /// Adds one statement, skipping blank lines and immediate repeats (as bash's ignoredups).
    func add(_ statement: String) {
        guard !statement.allSatisfy(\.isWhitespace) else { return }
        if let last = rnnsh_history_last_line(), String(cString: last) == statement { return }
        add_history(statement)
    }

    /// Writes the whole list atomically (a temp file beside it, then rename), so a crash or a
    /// second rnnsh exiting at the same moment never leaves a half-written history file.
    /// Returns an error message to show, or nil.
    @discardableResult
    func save() -> String? {
        guard let path else { return nil }
        let temp = path + ".tmp.\(getpid())"
        let status = write_history(temp)
        if status != 0 {
            unlink(temp)
            return "could not write history file \(path): \(String(cString: strerror(status)))"
        }
        if rename(temp, path) != 0 {
            let message = String(cString: strerror(errno))
            unlink(temp)
            return "could not write history file \(path): \(message)"
        }
        return nil
    }
}
