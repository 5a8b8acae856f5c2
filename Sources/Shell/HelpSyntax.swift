/// IPython's ways of asking for help, recognised before a line is parsed (IPython does the same:
/// its input transformers rewrite `name?` into a help call before Python sees the line):
///
///     ?            the introduction and the command index
///     ?reshape     reshape?     reshape??     help on one command
///     ?x.reshape   x.reshape?   np.reshape?   help on a method or a numpy function
///
/// Only whole lines of this shape are help requests; `?` anywhere else is left to the parser.
public enum HelpSyntax {
    /// The dotted name asked about ("" for a bare `?`), or nil when `line` is not a help request.
    public static func target(_ line: String) -> String? {
        // Fast path (every statement of a long script comes through here): no `?`, no help.
        guard line.utf8.contains(UInt8(ascii: "?")) else { return nil }
        var s = Substring(line.trimmingCharacters(in: [" ", "\t"]))
        guard s.hasPrefix("?") || s.hasSuffix("?") else { return nil }
        while s.hasPrefix("?") { s = s.dropFirst() }
        while s.hasSuffix("?") { s = s.dropLast() }
        s = Substring(s.trimmingCharacters(in: [" ", "\t"]))
        if s.isEmpty { return "" }
        return isDottedName(s) ? String(s) : nil
    }

    /// `source` with every whole line that is a help request replaced by its `help TARGET`
    /// statement (line numbers unchanged), and the numbers (1-based) of the lines replaced.
    public static func rewrite(_ source: String) -> (source: String, lines: Set<Int>) {
        guard source.utf8.contains(UInt8(ascii: "?")) else { return (source, []) }
        var replaced: Set<Int> = []
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { k, line -> String in
            guard let t = target(String(line)) else { return String(line) }
            replaced.insert(k + 1)
            return t.isEmpty ? "help" : "help " + t
        }
        return (lines.joined(separator: "\n"), replaced)
    }

    /// True when a statement asks for help (`help …`, `?…`, `…?`): the REPL pages its output.
    public static func isHelpRequest(_ statement: String) -> Bool {
        if target(statement) != nil { return true }
        let t = statement.trimmingCharacters(in: [" ", "\t"])
        return t == "help" || t.hasPrefix("help ") || t.hasPrefix("help(")
    }

    /// `name` or `a.b.c`, each part a Python identifier.
    static func isDottedName(_ s: Substring) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
            return part.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
