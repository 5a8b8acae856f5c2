#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file read with plain POSIX calls, so every failure becomes a one-line `TensorError`
/// that names the file (`x.npy: No such file or directory`) and nothing is read unchecked.
/// Readers use it to look at a header before deciding how much to allocate.
public final class BinaryFile {
    public let path: String
    /// The file's size in bytes when it was opened.
    public let size: Int
    private let fd: Int32

    public init(path: String) throws(TensorError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw BinaryFile.systemError(path) }
        var st = stat()
        if fstat(fd, &st) != 0 {
            let e = BinaryFile.systemError(path)
            close(fd)
            throw e
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw TensorError("\(path): is a directory")
        }
        self.fd = fd
        self.size = Int(st.st_size)
    }

    deinit { close(fd) }

    /// Reads up to `count` bytes at `offset` into `buffer`; returns how many were read
    /// (fewer only at end of file). Reads go in 32 MiB pieces with a Ctrl-C check between
    /// them (`TensorError.interrupted`), so loading a huge file stops within milliseconds.
    public func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) throws(TensorError) -> Int {
        var done = 0
        while done < count {
            if done > 0 { try Cancellation.check() }
            let want = min(count - done, 32 << 20)
            let n = pread(fd, buffer.advanced(by: done), want, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw BinaryFile.systemError(path)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Up to `count` bytes at `offset` (fewer at end of file). `count` must already be bounded.
    public func bytes(at offset: Int, count: Int) throws(TensorError) -> [UInt8] {
        let want = max(0, min(count, size - offset))
        var out = [UInt8](repeating: 0, count: want)
        // withUnsafe* only rethrow untyped errors; carry ours out in a Result.
        let result = out.withUnsafeMutableBytes { p -> Result<Int, TensorError> in
            guard let base = p.baseAddress else { return .success(0) }
            do throws(TensorError) { return .success(try read(into: base, count: want, at: offset)) } catch { return .failure(error) }
        }
        let got = try result.get()
        out.removeLast(out.count - got)
        return out
    }

    /// The whole file, refused before reading if it is larger than the memory limit.
    public static func readAll(path: String) throws(TensorError) -> [UInt8] {
        let f = try BinaryFile(path: path)
        if f.size > Limits.maxBytes {
            throw TensorError("\(path): file is \(Limits.formatBytes(f.size)), over the memory limit of \(Limits.formatBytes(Limits.maxBytes))")
        }
        return try f.bytes(at: 0, count: f.size)
    }

    /// `path: <strerror(errno)>`.
    static func systemError(_ path: String) -> TensorError {
        TensorError("\(path): \(String(cString: strerror(errno)))")
    }
}
