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

/// How every file rnnsh writes (`save`, `np.save`/`np.savez`, checkpoints, `export`,
/// `history save`, transcripts, the history file) reaches the disk. The rules, in order:
///
/// 1. **A symlink is written through** to its target (as `open(path, 'wb')` does in numpy),
///    never replaced by a regular file. The chain is followed here, so a dangling link creates
///    its target.
/// 2. **A directory** is refused: `[Errno 21] Is a directory: 'd'`.
/// 3. **A FIFO, device or socket is written into** (numpy's `np.save('/dev/null', a)` writes to
///    the device; renaming a temporary over it would turn `/dev/null` into a regular file).
///    A FIFO without a reader is waited for, and the wait can be interrupted.
/// 4. **A regular file the user may not write is refused** in Python's words,
///    `[Errno 13] Permission denied: 'f.npy'`, whatever its directory allows.
/// 5. **Otherwise the bytes go to a temporary file first**, named
///    `.NAME.rnnsh-PID-XXXXXX` beside the target, and are flushed to disk. If producing them
///    fails or is interrupted, the temporary is removed and the target was never touched. Then:
///    - a new file, or an existing one that is ours and has a single link, is **replaced
///      atomically** by renaming the temporary over it, after giving the temporary the old
///      file's mode (a new file gets 0666 minus the umask, as Python's `open` does). Readers
///      see the old contents or the new, never half a file, even after kill -9.
///    - an existing file with **several hard links**, or owned by someone else (written
///      because its mode allows it), must keep its identity: a rename would detach the other
///      names, or change the owner. Its new contents are copied into it in place from the
///      finished temporary. The copy is the only non-atomic step; the target is only touched
///      once the complete new contents exist on disk.
///    - when the directory does not let us create the temporary but the file is writable, the
///      file is written in place directly.
/// 6. **Leftover temporaries never accumulate**: a process killed mid-save leaves its
///    temporary behind; every write removes the temporaries of its target whose process (the
///    PID in the name) no longer exists.
///
/// Errors are one line in Python's `OSError` wording with the path as the caller gave it
/// (`[Errno 2] No such file or directory: 'nodir/x.npy'`, `[Errno 28] No space left on device:
/// 'x.npy'`).
public enum AtomicWrite {
    /// Where the bytes of a write go; `write` calls are streamed to the file as they come
    /// (callers that produce big files write them in chunks, and may poll `Cancellation`).
    public struct Sink: ~Copyable {
        let fd: Int32
        let shown: String
        /// Bytes written so far.
        public private(set) var count = 0

        public mutating func write(_ bytes: UnsafeRawBufferPointer) throws(TensorError) {
            guard let base = bytes.baseAddress else { return }
            var done = 0
            while done < bytes.count {
                if done > 0 { try Cancellation.check() }
                let n = posixWrite(fd, base.advanced(by: done), Swift.min(bytes.count - done, 8 << 20))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw AtomicWrite.osError(errno, shown)
                }
                done += n
            }
            count += done
        }

        public mutating func write(_ bytes: [UInt8]) throws(TensorError) {
            let r = bytes.withUnsafeBytes { p -> TensorError? in
                do throws(TensorError) { try write(p); return nil } catch { return error }
            }
            if let r { throw r }
        }
    }

    /// Writes `bytes` to `path` by the rules above. `shown` is the name errors use (the path
    /// as the user typed it; default `path`).
    public static func write(_ bytes: [UInt8], to path: String, shown: String? = nil) throws(TensorError) {
        try write(to: path, shown: shown) { (sink: inout Sink) throws(TensorError) in try sink.write(bytes) }
    }

    /// Writes what `produce` hands its sink to `path` by the rules above.
    public static func write(to path: String, shown: String? = nil,
                             _ produce: (inout Sink) throws(TensorError) -> Void) throws(TensorError) {
        let shown = shown ?? path
        let target = try resolveSymlinks(path, shown: shown)
        var st = stat()
        let exists = stat(target, &st) == 0
        if exists {
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                throw osError(EISDIR, shown)
            case S_IFREG:
                break
            default:
                // FIFO, character or block device, socket: write into it.
                let fd = try openExisting(target, shown: shown, waitForReader: (st.st_mode & S_IFMT) == S_IFIFO)
                defer { close(fd) }
                var sink = Sink(fd: fd, shown: shown)
                try produce(&sink)
                return
            }
            if access(target, W_OK) != 0 { throw osError(errno == EROFS ? EROFS : EACCES, shown) }
        }
        let (dir, base) = split(target)
        removeStaleTemporaries(dir: dir, base: base)

        let tempFD: Int32, temp: String
        switch makeTemporary(dir: dir, base: base) {
        case .success(let made): (tempFD, temp) = made
        case .failure(let failure):
            let code = failure.code
            if !exists {
                var dst = stat()
                if stat(dir, &dst) != 0 { throw osError(ENOENT, shown) }
                if (dst.st_mode & S_IFMT) != S_IFDIR { throw osError(ENOTDIR, shown) }
                throw osError(code, shown)
            }
            // The directory is closed to us but the file is writable: in place, directly.
            let fd = try openExisting(target, shown: shown, waitForReader: false)
            defer { close(fd) }
            var sink = Sink(fd: fd, shown: shown)
            try produce(&sink)
            if fsync(fd) != 0 && errno != EINVAL { throw osError(errno, shown) }
            return
        }

        var sink = Sink(fd: tempFD, shown: shown)
        do throws(TensorError) {
            try produce(&sink)
            if fsync(tempFD) != 0 { throw osError(errno, shown) }
        } catch {
            close(tempFD)
            unlink(temp)
            throw error
        }

        let keepsIdentity = !exists || (st.st_nlink <= 1 && st.st_uid == geteuid())
        if keepsIdentity {
            let mode: mode_t = exists ? (st.st_mode & 0o7777) : (0o666 & ~currentUmask())
            var failure: Int32? = nil
            if fchmod(tempFD, mode) != 0 { failure = errno }
            if failure == nil && exists && st.st_gid != getegid() { _ = fchown(tempFD, st.st_uid, st.st_gid) }
            if close(tempFD) != 0 && failure == nil { failure = errno }
            if failure == nil && rename(temp, target) != 0 { failure = errno }
            if let failure {
                unlink(temp)
                throw osError(failure, shown)
            }
            return
        }
        // Several names, or someone else's file: copy the finished contents in place.
        defer { close(tempFD); unlink(temp) }
        let fd = try openExisting(target, shown: shown, waitForReader: false)
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { p in pread(tempFD, p.baseAddress, p.count, off_t(offset)) }
            if n < 0 { if errno == EINTR { continue }; throw osError(errno, shown) }
            if n == 0 { break }
            var out = Sink(fd: fd, shown: shown)
            let failure = buffer.withUnsafeBytes { p -> TensorError? in
                do throws(TensorError) { try out.write(UnsafeRawBufferPointer(rebasing: p[0..<n])); return nil } catch { return error }
            }
            if let failure { throw failure }
            offset += n
        }
        if fsync(fd) != 0 { throw osError(errno, shown) }
    }

    /// Python's `OSError` text: `[Errno 13] Permission denied: 'f.npy'`.
    public static func osError(_ code: Int32, _ shown: String) -> TensorError {
        let kind: ErrorKind = code == ENOENT ? .fileNotFoundError : (code == EACCES || code == EPERM ? .permissionError : .osError)
        return TensorError("[Errno \(code)] \(String(cString: strerror(code))): \(pythonQuoted(shown))", kind: kind)
    }

    /// A path in Python's repr quotes, control characters escaped.
    static func pythonQuoted(_ s: String) -> String {
        let quote: Unicode.Scalar = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u == quote { out += "\\" + String(quote) }
                else if u.value < 0x20 || u.value == 0x7F { out += "\\x" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16) }
                else { out.unicodeScalars.append(u) }
            }
        }
        return out + String(quote)
    }

    /// Follows symlinks of the last component (up to 40, as the kernel does), resolving each
    /// relative target against its link's directory.
    public static func resolveSymlinks(_ path: String, shown: String) throws(TensorError) -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: 4097)
            let n = readlink(current, &buffer, 4096)
            if n < 0 { throw osError(errno, shown) }
            let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") { current = target } else {
                let (dir, _) = split(current)
                current = dir == "/" ? "/" + target : dir + "/" + target
            }
        }
        throw osError(ELOOP, shown)
    }

    /// Opens an existing file for writing, truncating a regular file. A FIFO with no reader yet
    /// is retried every 50 ms (numpy would block) until a reader comes or Ctrl-C.
    static func openExisting(_ path: String, shown: String, waitForReader: Bool) throws(TensorError) -> Int32 {
        if waitForReader {
            while true {
                let fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
                if fd >= 0 {
                    let flags = fcntl(fd, F_GETFL)
                    _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
                    return fd
                }
                if errno != ENXIO && errno != EINTR { throw osError(errno, shown) }
                try Cancellation.check()
                usleep(50_000)
            }
        }
        while true {
            let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
            if fd >= 0 { return fd }
            if errno != EINTR { throw osError(errno, shown) }
        }
    }

    /// The prefix of our temporaries for `base`; the PID and a random suffix follow.
    static func temporaryPrefix(_ base: String) -> String { ".\(base).rnnsh-" }

    struct Errno: Error { let code: Int32 }

    static func makeTemporary(dir: String, base: String) -> Result<(Int32, String), Errno> {
        // Keep the name within NAME_MAX: a long target name is shortened in the temporary.
        let shortBase = base.utf8.count > 180 ? String(decoding: Array(base.utf8.prefix(180)), as: UTF8.self) : base
        var template = Array("\(dir)/\(temporaryPrefix(shortBase))\(getpid())-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { p -> Int32 in
            guard let b = p.baseAddress else { return -1 }
            return mkstemp(b)
        }
        if fd < 0 { return .failure(Errno(code: errno)) }
        let name = template.withUnsafeBufferPointer { p in p.baseAddress.map { String(cString: $0) } ?? "" }
        return .success((fd, name))
    }

    /// Removes `.BASE.rnnsh-PID-XXXXXX` files in `dir` whose PID is not a running process
    /// (left by a save that was killed). Temporaries of running processes are left alone.
    static func removeStaleTemporaries(dir: String, base: String) {
        let shortBase = base.utf8.count > 180 ? String(decoding: Array(base.utf8.prefix(180)), as: UTF8.self) : base
        let prefix = temporaryPrefix(shortBase)
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0,
                  rest[rest.index(after: dash)...].count == 6 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(dir == "/" ? "/" + name : dir + "/" + name)
            }
        }
    }

    /// The process's umask (read by setting it and putting it back).
    static func currentUmask() -> mode_t {
        let m = umask(0o022)
        umask(m)
        return m
    }

    /// Directory and last component of `path` (`.` when there is no slash).
    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }
}
