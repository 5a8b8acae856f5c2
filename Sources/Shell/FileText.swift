import Foundation
import Tensor

/// Reading and writing text files for scripts, transcripts and history, with errors in
/// Python's wording and atomic writes (temp file + rename) so a crash never leaves half a file.
public enum FileText {
    public static func read(_ path: String) throws(ShellError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                throw ShellError("[Errno 21] Is a directory: \(ValueFormatter.pythonStringRepr(path))", kind: .isADirectoryError)
            }
            if FileManager.default.fileExists(atPath: path) {
                throw ShellError("[Errno 13] Permission denied: \(ValueFormatter.pythonStringRepr(path))", kind: .permissionError)
            }
            throw ShellError("[Errno 2] No such file or directory: \(ValueFormatter.pythonStringRepr(path))", kind: .fileNotFoundError)
        }
        return normalizedLineEnds(String(decoding: data, as: UTF8.self))
    }

    /// A script as Python reads one: a UTF-8 byte order mark at the start is dropped, and CRLF
    /// and lone CR line ends (files from Windows and old Macs) become LF, so line numbers,
    /// transcripts and `# error:` markers work on them.
    public static func normalizedLineEnds(_ text: String) -> String {
        var t = Substring(text)
        if t.unicodeScalars.first == "\u{FEFF}" { t = Substring(t.unicodeScalars.dropFirst()) }
        guard t.utf8.contains(13) else { return String(t) }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in t.unicodeScalars {
            if u == "\r" { out.append("\n"); previousCR = true; continue }
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(u)
        }
        return String(out)
    }

    /// Throws Python's `[Errno …]` wording when `path` is missing, a directory or unreadable.
    public static func checkReadable(_ path: String, shown: String? = nil) throws(ShellError) {
        let name = ValueFormatter.pythonStringRepr(shown ?? path)
        var isDir: ObjCBool = false
        let fm = FileManager.default
        if !fm.fileExists(atPath: path, isDirectory: &isDir) {
            throw ShellError("[Errno 2] No such file or directory: \(name)", kind: .fileNotFoundError)
        }
        if isDir.boolValue { throw ShellError("[Errno 21] Is a directory: \(name)", kind: .isADirectoryError) }
        if !fm.isReadableFile(atPath: path) { throw ShellError("[Errno 13] Permission denied: \(name)", kind: .permissionError) }
    }

    /// Writes `text` by `AtomicWrite`'s rules (symlinks written through, FIFOs and devices
    /// written into, modes and hard links kept, read-only files refused, atomic replacement
    /// otherwise). `shown` is the name errors use (default `path`).
    public static func writeAtomically(_ text: String, to path: String, shown: String? = nil) throws(ShellError) {
        do {
            try AtomicWrite.write(Array(text.utf8), to: path, shown: shown)
        } catch {
            if error.isInterruption { throw Interrupt.error }
            throw ShellError(error.message, explanation: error.explanation, kind: error.kind)
        }
    }
}
