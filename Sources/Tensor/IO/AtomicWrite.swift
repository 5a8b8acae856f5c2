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
/// 6. **Leftover temporaries never accumulate**: on Linux the bytes go first to an unnamed
///    file (`O_TMPFILE`), which the kernel frees if the process dies, and it gets its
///    temporary name only once it is complete, just before the rename: kill -9 during a save
///    leaves nothing behind (with a named temporary, 2 of 20 kills during a 240 MB save left
///    one). Where that is not available, a process killed mid-save leaves its temporary
///    behind, and every write removes the temporaries of its target whose process (the PID in
///    the name) no longer exists.
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

        var tempFD: Int32, temp: String
        switch makeTemporary(dir: dir, base: base, anonymous: true) {
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
            if !temp.isEmpty { unlink(temp) }
            throw error
        }

        let keepsIdentity = !exists || (st.st_nlink <= 1 && st.st_uid == geteuid())
        if keepsIdentity && temp.isEmpty {
            // The complete contents get a name now, to be renamed over the target.
            do throws(TensorError) {
                (tempFD, temp) = try name(anonymous: tempFD, dir: dir, base: base, shown: shown)
            } catch {
                close(tempFD)
                throw error
            }
        }
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
        defer { close(tempFD); if !temp.isEmpty { unlink(temp) } }
        let fd = try openExisting(target, shown: shown, waitForReader: false)
        defer { close(fd) }
        try copyContents(from: tempFD, to: fd, shown: shown)
        if fsync(fd) != 0 { throw osError(errno, shown) }
    }

    /// Copies the whole of file `from` (read with pread from offset 0) to `to`'s position.
    static func copyContents(from: Int32, to fd: Int32, shown: String) throws(TensorError) {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { p in pread(from, p.baseAddress, p.count, off_t(offset)) }
            if n < 0 { if errno == EINTR { continue }; throw osError(errno, shown) }
            if n == 0 { break }
            var out = Sink(fd: fd, shown: shown)
            let failure = buffer.withUnsafeBytes { p -> TensorError? in
                do throws(TensorError) { try out.write(UnsafeRawBufferPointer(rebasing: p[0..<n])); return nil } catch { return error }
            }
            if let failure { throw failure }
            offset += n
        }
    }

    /// Gives an unnamed (`O_TMPFILE`) file a temporary name beside the target: linked through
    /// /proc/self/fd (what linkat(2) documents for unprivileged processes), or, when that
    /// fails, copied into a named temporary. Closes `fd` when it returns another descriptor.
    static func name(anonymous fd: Int32, dir: String, base: String, shown: String) throws(TensorError) -> (Int32, String) {
        #if os(Linux)
        for _ in 0..<16 {
            let suffix = String((0..<6).map { _ in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".randomElement() ?? "x" })
            let candidate = "\(dir)/\(temporaryPrefix(shortened(base)))\(getpid())-\(suffix)"
            if linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, candidate, AT_SYMLINK_FOLLOW) == 0 { return (fd, candidate) }
            if errno != EEXIST { break }
        }
        #endif
        switch makeTemporary(dir: dir, base: base, anonymous: false) {
        case .failure(let failure): throw osError(failure.code, shown)
        case .success(let (named, path)):
            do throws(TensorError) {
                try copyContents(from: fd, to: named, shown: shown)
                if fsync(named) != 0 { throw osError(errno, shown) }
            } catch {
                close(named)
                unlink(path)
                throw error
            }
            close(fd)
            return (named, path)
        }
    }

    /// `base` cut to 180 bytes, so a temporary's name stays within NAME_MAX.
    static func shortened(_ base: String) -> String {
        base.utf8.count > 180 ? String(decoding: Array(base.utf8.prefix(180)), as: UTF8.self) : base
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

    /// A new temporary file in `dir`: with `anonymous` (Linux) an unnamed one when the file
    /// system supports it (the name is then ""), else `.BASE.rnnsh-PID-XXXXXX`.
    static func makeTemporary(dir: String, base: String, anonymous: Bool) -> Result<(Int32, String), Errno> {
        #if os(Linux)
        if anonymous {
            // O_TMPFILE is __O_TMPFILE | O_DIRECTORY (Glibc's Swift overlay does not export it); read-write, as the hard-link path copies from it.
            let fd = open(dir, O_DIRECTORY | 0o20000000 | O_RDWR | O_CLOEXEC, mode_t(0o600))
            if fd >= 0 { return .success((fd, "")) }
            // Anything but "not supported here" is an answer about the directory itself.
            if errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL { return .failure(Errno(code: errno)) }
        }
        #endif
        // Keep the name within NAME_MAX: a long target name is shortened in the temporary.
        let shortBase = shortened(base)
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
