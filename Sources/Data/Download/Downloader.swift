import CCurl
import Foundation

/// Why a download did not complete. Messages are plain words with the next step in them.
public enum DownloadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The host could not be resolved or reached: most likely no network.
    case offline(url: String, detail: String)
    case http(status: Int, url: String)
    case checksumMismatch(file: String, expected: Digest, actual: String)
    /// The transfer stopped before the end (connection dropped, stalled, Ctrl-C); what arrived is
    /// kept and the next `download` resumes from it.
    case incomplete(file: String, received: Int64, total: Int64?, reason: String)
    case io(String)

    public var description: String {
        switch self {
        case .offline(let url, let detail):
            return "no network: could not reach \(url) (\(detail))"
        case .http(let status, let url):
            return "the server answered HTTP \(status) for \(url)"
        case .checksumMismatch(let file, let expected, let actual):
            return "\(file): \(expected.algorithm) is \(actual), expected \(expected.hex); the file was removed (run download again)"
        case .incomplete(let file, let received, let total, let reason):
            let of = total.map { " of \($0)" } ?? ""
            return "\(file): \(reason) after \(received)\(of) bytes; run download again to resume"
        case .io(let message):
            return message
        }
    }
}

/// Fetches one published file into a cache directory the way Keras's `get_file` does, and more
/// carefully: the bytes go to `NAME.part` beside the target, a later call resumes from what is
/// there (HTTP Range), the whole file is checked against its published digest, and only a file
/// that matches is renamed into place. So the target is either absent or complete and verified.
public enum Downloader {
    /// What a finished `fetch` did.
    public enum Outcome: Sendable, Equatable {
        /// The file was already there with the right digest.
        case alreadyPresent
        /// Downloaded (`resumedFrom` > 0: continued a partial download).
        case downloaded(bytes: Int64, resumedFrom: Int64)
    }

    /// Settings a test (or a slow link) may change.
    public struct Options: Sendable {
        /// Give up when fewer than 1 byte arrived in this many seconds.
        public var stallSeconds: Int = 30
        public var connectSeconds: Int = 20
        public init(stallSeconds: Int = 30, connectSeconds: Int = 20) {
            self.stallSeconds = stallSeconds
            self.connectSeconds = connectSeconds
        }
    }

    /// Downloads `file` into `directory` (created if needed). `progress(received, total)` is
    /// called as bytes arrive (total nil when the server does not say); `isCancelled` is polled
    /// and stops the transfer, keeping what arrived for a later resume.
    public static func fetch(_ file: DatasetCatalog.File, into directory: String, options: Options = Options(),
                             progress: @escaping (Int64, Int64?) -> Void = { _, _ in },
                             isCancelled: @escaping () -> Bool = { false }) throws(DownloadError) -> Outcome {
        let target = DatasetLocator.join(directory, file.name)
        let part = target + ".part"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create \(directory): \(error.localizedDescription)")
        }
        if FileManager.default.fileExists(atPath: target) {
            if (try? digest(of: target, file.digest)) == file.digest.hex { return .alreadyPresent }
        }
        var resumeFrom = fileSize(part)
        var attempt = 0
        while true {
            attempt += 1
            let result: TransferResult
            do {
                result = try transfer(file, to: part, resumeFrom: resumeFrom, options: options, progress: progress, isCancelled: isCancelled)
            } catch {
                // Keep a partial file to resume from, but never leave an empty one behind.
                if fileSize(part) == 0 { unlink(part) }
                throw error
            }
            if result.rangeIgnored && attempt == 1 {
                // The server sent the whole file in answer to a Range request, which libcurl
                // refuses to append: start over from the first byte.
                _ = truncate(part, 0)
                resumeFrom = 0
                continue
            }
            if result.rangeNotSatisfiable {
                // The part file already holds the whole file (or something else): check it below;
                // if it is wrong, start over once.
                if attempt == 1, (try? digest(of: part, file.digest)) != file.digest.hex {
                    unlink(part)
                    resumeFrom = 0
                    continue
                }
            }
            break
        }
        let actual = try digest(of: part, file.digest)
        guard actual == file.digest.hex else {
            unlink(part)
            throw .checksumMismatch(file: file.name, expected: file.digest, actual: actual)
        }
        guard rename(part, target) == 0 else {
            throw .io("cannot move \(part) to \(target): \(String(cString: strerror(errno)))")
        }
        return .downloaded(bytes: fileSize(target), resumedFrom: resumeFrom)
    }

    /// The digest of a file on disk, in the algorithm of `kind`.
    public static func digest(of path: String, _ kind: Digest) throws(DownloadError) -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var hasher = kind.hasher()
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io("cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(start: buffer, count: n))
        }
        return hasher.finalizeHex()
    }

    static func fileSize(_ path: String) -> Int64 {
        var st = stat()
        return stat(path, &st) == 0 ? Int64(st.st_size) : 0
    }

    // MARK: - One libcurl transfer

    /// State shared with libcurl's C callbacks (passed to them as an opaque pointer).
    final class Transfer {
        let handle: UnsafeMutableRawPointer
        let fd: Int32
        let resumeFrom: Int64
        var received: Int64
        var checkedStatus = false
        var status = 0
        var writeError: String?
        let progress: (Int64, Int64?) -> Void
        let isCancelled: () -> Bool
        var cancelled = false
        var lastReport: Int64 = -1
        /// A stall is no new byte for this long; measured here rather than with libcurl's
        /// low-speed check, which averages over a window and reacts seconds late.
        let stallSeconds: Double
        var lastByteTime = Date()
        var stalled = false

        init(handle: UnsafeMutableRawPointer, fd: Int32, resumeFrom: Int64, stallSeconds: Double,
             progress: @escaping (Int64, Int64?) -> Void, isCancelled: @escaping () -> Bool) {
            self.handle = handle
            self.stallSeconds = stallSeconds
            self.fd = fd
            self.resumeFrom = resumeFrom
            self.received = resumeFrom
            self.progress = progress
            self.isCancelled = isCancelled
        }
    }

    struct TransferResult {
        var rangeNotSatisfiable = false
        /// A resume was asked for and the server answered with the whole file instead.
        var rangeIgnored = false
    }

    private static let onceInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    private static func transfer(_ file: DatasetCatalog.File, to part: String, resumeFrom: Int64, options: Options,
                                 progress: @escaping (Int64, Int64?) -> Void,
                                 isCancelled: @escaping () -> Bool) throws(DownloadError) -> TransferResult {
        _ = onceInit
        guard let handle = curl_easy_init() else { throw .io("cannot start a download (libcurl failed to initialise)") }
        defer { curl_easy_cleanup(handle) }
        let fd = open(part, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw .io("cannot write \(part): \(String(cString: strerror(errno)))") }
        defer { close(fd) }

        let state = Transfer(handle: handle, fd: fd, resumeFrom: resumeFrom, stallSeconds: Double(options.stallSeconds),
                             progress: progress, isCancelled: isCancelled)
        let opaque = Unmanaged.passUnretained(state).toOpaque()
        _ = rnnsh_curl_set_string(handle, CURLOPT_URL, file.url)
        _ = rnnsh_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        _ = rnnsh_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = rnnsh_curl_set_string(handle, CURLOPT_USERAGENT, "rnnsh")
        _ = rnnsh_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, options.connectSeconds)
        if resumeFrom > 0 { _ = rnnsh_curl_set_off(handle, CURLOPT_RESUME_FROM_LARGE, curl_off_t(resumeFrom)) }
        _ = rnnsh_curl_set_pointer(handle, CURLOPT_WRITEDATA, opaque)
        _ = rnnsh_curl_set_write(handle) { data, size, count, context in
            guard let context, let data else { return 0 }
            let t = Unmanaged<Downloader.Transfer>.fromOpaque(context).takeUnretainedValue()
            return t.write(data, size * count)
        }
        _ = rnnsh_curl_set_long(handle, CURLOPT_NOPROGRESS, 0)
        _ = rnnsh_curl_set_pointer(handle, CURLOPT_XFERINFODATA, opaque)
        _ = rnnsh_curl_set_progress(handle) { context, total, now, _, _ in
            guard let context else { return 0 }
            let t = Unmanaged<Downloader.Transfer>.fromOpaque(context).takeUnretainedValue()
            return t.tick(total: Int64(total), now: Int64(now))
        }
        let code = curl_easy_perform(handle)
        let status = Int(rnnsh_curl_response_code(handle))
        if let e = state.writeError { throw .io(e) }
        if status == 416 { return TransferResult(rangeNotSatisfiable: true) }
        if status >= 400 {
            // Whatever an error page wrote is not part of the file.
            _ = ftruncate(fd, off_t(resumeFrom))
            throw .http(status: status, url: file.url)
        }
        switch code {
        case CURLE_RANGE_ERROR where resumeFrom > 0:
            return TransferResult(rangeIgnored: true)
        case CURLE_OK:
            return TransferResult()
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_PROXY:
            throw .offline(url: file.url, detail: String(cString: curl_easy_strerror(code)))
        case CURLE_ABORTED_BY_CALLBACK where state.stalled:
            throw .incomplete(file: file.name, received: state.received, total: nil, reason: "stalled (no data for \(options.stallSeconds) s)")
        case CURLE_ABORTED_BY_CALLBACK:
            throw .incomplete(file: file.name, received: state.received, total: nil, reason: "interrupted")
        default:
            throw .incomplete(file: file.name, received: state.received, total: nil, reason: String(cString: curl_easy_strerror(code)))
        }
    }
}

extension Downloader.Transfer {
    /// libcurl's write callback: append to the part file. Returning less than `count` aborts.
    func write(_ data: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        if !checkedStatus {
            checkedStatus = true
            status = Int(rnnsh_curl_response_code(handle))
            if status >= 400 { return 0 }
            // A server that ignores the Range request sends the whole file again: start over.
            if resumeFrom > 0 && status == 200 {
                _ = ftruncate(fd, 0)
                received = 0
            }
        }
        var done = 0
        while done < count {
            let n = Glibc.write(fd, data + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                writeError = "cannot write the download: \(String(cString: strerror(errno)))"
                return 0
            }
            done += n
        }
        received += Int64(count)
        return count
    }

    /// libcurl's progress callback: report, and stop when cancelled (non-zero aborts).
    func tick(total: Int64, now: Int64) -> Int32 {
        if isCancelled() { cancelled = true; return 1 }
        if received == lastReport {
            if Date().timeIntervalSince(lastByteTime) > stallSeconds { stalled = true; return 1 }
        } else {
            lastByteTime = Date()
            lastReport = received
            let whole: Int64? = total > 0 ? total + (status == 200 ? 0 : resumeFrom) : nil
            progress(received, whole)
        }
        return 0
    }
}
