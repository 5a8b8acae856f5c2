import Foundation

/// Reading and writing text files for scripts, transcripts and history, with errors in
/// Python's wording and atomic writes (temp file + rename) so a crash never leaves half a file.
public enum FileText {
    public static func read(_ path: String) throws(ShellError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                throw ShellError("[Errno 21] Is a directory: \(ValueFormatter.pythonStringRepr(path))")
            }
            if FileManager.default.fileExists(atPath: path) {
                throw ShellError("[Errno 13] Permission denied: \(ValueFormatter.pythonStringRepr(path))")
            }
            throw ShellError("[Errno 2] No such file or directory: \(ValueFormatter.pythonStringRepr(path))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Throws Python's `[Errno …]` wording when `path` is missing, a directory or unreadable.
    public static func checkReadable(_ path: String, shown: String? = nil) throws(ShellError) {
        let name = ValueFormatter.pythonStringRepr(shown ?? path)
        var isDir: ObjCBool = false
        let fm = FileManager.default
        if !fm.fileExists(atPath: path, isDirectory: &isDir) {
            throw ShellError("[Errno 2] No such file or directory: \(name)")
        }
        if isDir.boolValue { throw ShellError("[Errno 21] Is a directory: \(name)") }
        if !fm.isReadableFile(atPath: path) { throw ShellError("[Errno 13] Permission denied: \(name)") }
    }

    public static func writeAtomically(_ text: String, to path: String) throws(ShellError) {
        try writeAtomically(Data(text.utf8), to: path)
    }

    public static func writeAtomically(_ data: Data, to path: String) throws(ShellError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try data.write(to: temp)
            // rename(2) replaces an existing file atomically. (Foundation's replaceItemAt on
            // Linux removed the original and then failed, losing the file.)
            if rename(temp.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            var isDir: ObjCBool = false
            if !FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) || !isDir.boolValue {
                throw ShellError("[Errno 2] No such file or directory: \(ValueFormatter.pythonStringRepr(path))")
            }
            throw ShellError("cannot write \(ValueFormatter.pythonStringRepr(path)): \(error.localizedDescription)")
        }
    }
}
