import Foundation
import Tensor

/// Where a session may write files. `rnnsh --safe` (and `--check`) replay scripts someone else
/// wrote: such a script may read files, but it may only write under one directory (the
/// current one), and it may not change settings that outlive the statement (`limit`) or touch
/// the history file. Every command that writes asks `Invocation.writablePath`, which applies
/// this policy after resolving `~`, `..` and symlinks, so `save x ../../etc/passwd`, an
/// absolute path, or a symlink planted in the directory that points outside are all refused.
public enum WritePolicy: Sendable, Equatable {
    /// Write anywhere the user may (the interactive shell, `-c`, scripts one runs oneself).
    case anywhere
    /// Write only under this directory (an absolute path).
    case under(String)

    /// The directory writes are confined to, with symlinks resolved; nil for `.anywhere`.
    var root: String? {
        guard case .under(let dir) = self else { return nil }
        return WritePolicy.realPath(dir) ?? dir
    }

    /// Throws a PermissionError unless `path` (absolute or relative to the process's
    /// directory) may be written. `shown` is the name as the user typed it.
    func check(_ path: String, shown: String) throws(ShellError) {
        guard let root else { return }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        // The file itself may be a symlink: writes go through it, so its target is what counts.
        let target = (try? AtomicWrite.resolveSymlinks(absolute, shown: shown)) ?? absolute
        let slash = target.lastIndex(of: "/") ?? target.startIndex
        let dir = String(target[..<slash])
        let name = String(target[target.index(after: slash)...])
        let resolvedDir = WritePolicy.realPath(dir.isEmpty ? "/" : dir)
        let inside: Bool
        if let resolvedDir, name != "..", name != "." {
            inside = resolvedDir == root || resolvedDir.hasPrefix(root == "/" ? "/" : root + "/")
        } else {
            inside = false
        }
        if !inside {
            throw ShellError("[Errno 13] Permission denied: \(ValueFormatter.pythonStringRepr(shown))",
                             explanation: "a --safe replay writes only under \(root)",
                             kind: .permissionError)
        }
    }

    /// realpath(3), or nil when the path does not exist.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
