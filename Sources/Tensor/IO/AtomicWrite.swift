#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)`, named apart from `AtomicWrite.write`.
private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, p, n)
    #elseif canImport(Musl)
    return Musl.write(fd, p, n)
    #else
    return Darwin.write(fd, p, n)
    #endif
}

/// Writes a file so that readers see either the old contents or the complete new ones, never a
/// half-written file (Ctrl-C, a full disk or a crash mid-save must not destroy a checkpoint):
/// the bytes go to a temporary file in the same directory, are flushed, and the temporary is
/// renamed over the target (rename is atomic within one file system).
public enum AtomicWrite {
    public static func write(_ bytes: [UInt8], to path: String) throws(TensorError) {
        let (dir, base) = split(path)
        var template = Array("\(dir)/.\(base).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { p -> Int32 in
            guard let b = p.baseAddress else { return -1 }
            return mkstemp(b)
        }
        if fd < 0 { throw BinaryFile.systemError(path) }
        let tmp = template.withUnsafeBufferPointer { p in p.baseAddress.map { String(cString: $0) } ?? "" }

        var failure: TensorError?
        // Keep an existing file's permissions; new files get the usual rw-r--r--.
        var st = stat()
        let mode: mode_t = stat(path, &st) == 0 ? (st.st_mode & 0o7777) : 0o644
        if fchmod(fd, mode) != 0 { failure = BinaryFile.systemError(path) }

        if failure == nil {
            bytes.withUnsafeBytes { p in
                var done = 0
                while done < p.count, let base = p.baseAddress {
                    let n = posixWrite(fd, base.advanced(by: done), min(p.count - done, 1 << 30))
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = BinaryFile.systemError(path)
                        return
                    }
                    done += n
                }
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = BinaryFile.systemError(path) }
        if close(fd) != 0 && failure == nil { failure = BinaryFile.systemError(path) }
        if failure == nil && rename(tmp, path) != 0 { failure = BinaryFile.systemError(path) }
        if let failure {
            unlink(tmp)
            throw failure
        }
    }

    /// Directory and last component of `path` (`.` when there is no slash).
    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }
}
