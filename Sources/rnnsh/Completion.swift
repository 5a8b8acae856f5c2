// Tab completion: readline asks, `Interpreter.completions(line:cursor:)` answers.
import CReadline
import Glibc

/// Bridges readline's completion to the shell's candidates.
///
/// The shell decides *what* completes (command names, workspace names, the option names of
/// the command being typed, file paths); this type only translates between the shell's words
/// and readline's. Readline splits words at `wordBreakCharacters` (and inside an open quote,
/// only at the quote), the shell at its own token boundaries; `aligned` reconciles the two, so
/// a candidate is inserted correctly whichever of the two words is shorter.
enum Completion {
    /// Given the line up to the cursor and the cursor (in characters), the candidates for the
    /// word that ends at the cursor, each a whole word. Set once by the REPL.
    nonisolated(unsafe) static var candidates: (_ line: String, _ cursor: Int) -> [String] = { _, _ in [] }

    /// Where readline splits words: blanks and the shell's punctuation. Not `/ . - ~ _`, which
    /// occur inside paths and dotted names and so belong to the word being completed.
    static let wordBreakCharacters = " \t\n=,;|()[]{}+*@<>%&!^"
    static let quoteCharacters = "\"'"

    /// The matches of the completion in progress, handed to readline one by one.
    nonisolated(unsafe) private static var matches: [String] = []
    nonisolated(unsafe) private static var nextMatch = 0

    static func install() {
        // Readline keeps these pointers for the life of the process.
        rnnsh_rl_set_completer_word_break_characters(strdup(wordBreakCharacters))
        rnnsh_rl_set_completer_quote_characters(strdup(quoteCharacters))
        rnnsh_rl_set_attempted_completion_function { text, start, end in
            Completion.attempt(text: text, start: start, end: end)
        }
    }

    private static func attempt(text: UnsafePointer<CChar>?, start: Int32, end: Int32)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        // Only our candidates: never readline's fallback of file names in the current directory
        // where the shell expects a name or a number.
        rnnsh_rl_set_attempted_completion_over(1)
        guard let text, let buffer = rnnsh_rl_line_buffer() else { return nil }
        let word = String(cString: text)
        let lineBeforeCursor = prefix(of: buffer, bytes: Int(rnnsh_rl_point()))
        let found = candidates(lineBeforeCursor, lineBeforeCursor.count)
        matches = aligned(found, to: word)
        guard !matches.isEmpty else { return nil }
        if matches.allSatisfy({ $0.contains("/") }) {
            // Paths: list only the last component, as shells do, and let readline mark a
            // directory it completes to. No backslash quoting: the shell language has none.
            rnnsh_rl_set_filename_completion_desired(1)
            rnnsh_rl_set_filename_quoting_desired(0)
        }
        // A dotted name the user is typing (`np.zer`, `x.resh`), outside quotes (where a dot
        // is part of a file name).
        let quotes = lineBeforeCursor.filter { $0 == "\"" || $0 == "'" }.count
        let dottedName = word.contains(".") && quotes % 2 == 0
        if matches.count == 1, let only = matches.first, let last = only.last, "/=(.".contains(last) || dottedName {
            // A directory, an option name, a call, or a dotted name (`np.arange`, `x.reshape`,
            // followed by `(` or `.`): the user goes on typing the same expression, so neither
            // a space nor a closing quote belongs after it.
            rnnsh_rl_set_completion_suppress_append(1)
            rnnsh_rl_set_completion_suppress_quote(1)
        }
        nextMatch = 0
        return rl_completion_matches(text) { _, state in
            if state == 0 { Completion.nextMatch = 0 }
            guard Completion.nextMatch < Completion.matches.count else { return nil }
            defer { Completion.nextMatch += 1 }
            // Readline frees each match: it must come from malloc.
            return strdup(Completion.matches[Completion.nextMatch])
        }
    }

    /// Rewrites the shell's candidates as replacements for readline's `word`.
    ///
    /// A candidate that starts with `word` is kept as it is. One that completes only a tail of
    /// `word` (the shell's token began later, e.g. after a `/` or a `.`) gets the head of `word`
    /// put back in front. Anything else cannot be inserted without deleting what the user typed
    /// and is dropped. The result is sorted and without duplicates.
    static func aligned(_ candidates: [String], to word: String) -> [String] {
        var result = Set<String>()
        for candidate in candidates where !candidate.isEmpty {
            if candidate.hasPrefix(word) {
                result.insert(candidate)
                continue
            }
            var head = word.startIndex
            while head < word.endIndex {
                let isBoundary = !(word[head].isLetter || word[head].isNumber || word[head] == "_")
                head = word.index(after: head)
                if isBoundary, candidate.hasPrefix(word[head...]) {
                    result.insert(String(word[..<head]) + candidate)
                    break
                }
            }
        }
        return result.sorted()
    }

    /// The first `bytes` bytes of a C string as text (readline's cursor counts bytes).
    private static func prefix(of buffer: UnsafePointer<CChar>, bytes: Int) -> String {
        let length = min(max(bytes, 0), strlen(buffer))
        return buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
}
