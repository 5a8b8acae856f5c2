import CHDF5
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Tensor

/// An HDF5 file (what Keras writes: `.h5`, `.weights.h5`, and the weights inside `.keras`),
/// read through Debian's libhdf5 — only what model files need: the groups' children, string
/// attributes, and floating-point datasets as float32 arrays.
///
/// The file is untrusted. It is checked for HDF5's signature, handed to the library as a copy
/// in memory (read-only, so nothing is written and no other path is opened: external links and
/// filter plugins are switched off once per process), every shape is checked against `Limits`
/// before anything is allocated, and every failure is a `TensorError` naming the file and the
/// object. libhdf5 keeps global state and is not built thread-safe, so all calls go through one
/// lock: `HDF5File.with(bytes:name:_:)` holds it for the whole visit.
///
/// None of that makes libhdf5 itself safe on hostile input: a damaged file can make it loop
/// forever or crash (Tests/InteropTests/Fixtures/damaged_hdf5_*.h5). So the first visit runs
/// in a forked child, which only reports whether it succeeded (or the error it threw); the
/// parent waits at most `childTimeout`, kills the child on Ctrl-C or when the time is up, and
/// visits the file in-process only after the child finished the same visit cleanly.
public struct HDF5File: ~Copyable {
    /// The 8-byte signature, at offset 0 (or 512, 1024, … after a user block).
    public static let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]
    /// Longest attribute text read (Keras's `model_config` of a big model is a few hundred KB).
    static let maxAttributeBytes = 16 << 20

    private static let lock = Mutex<Bool>(false)

    let id: hid_t
    /// Starts error messages (the file's name as the user gave it).
    public let name: String

    private init(id: hid_t, name: String) { self.id = id; self.name = name }

    /// How long the child may read before the file is called damaged: 10 s (model files read
    /// in well under a second; a second more per 32 MB of file). Tests shorten it.
    @TaskLocal static var childTimeoutMilliseconds = 10_000

    /// Whether `bytes` start like an HDF5 file (signature at 0, 512, 1024, … as the format allows).
    public static func looksLikeHDF5(_ bytes: [UInt8]) -> Bool {
        var at = 0
        while at + 8 <= bytes.count {
            if bytes[at..<(at + 8)].elementsEqual(signature) { return true }
            at = at == 0 ? 512 : at * 2
        }
        return false
    }

    /// Opens the HDF5 file held in `bytes` and runs `body` on it, holding the library's lock.
    public static func with<R>(bytes: [UInt8], name: String, _ body: (borrowing HDF5File) throws(TensorError) -> R) throws(TensorError) -> R {
        guard looksLikeHDF5(bytes) else { throw TensorError("\(name): not an HDF5 file (no HDF5 signature)") }
        let result: Result<R, TensorError> = lock.withLock { initialised in
            if !initialised {
                guard rnnsh_h5_init() >= 0 else { return .failure(TensorError("\(name): the HDF5 library (libhdf5) could not start")) }
                initialised = true
            }
            // A non-generic visit for the child: Swift 6.3's optimizer crashes specialising a
            // generic function that passes a ~Copyable value to a borrowing closure in a forked
            // branch ("Cannot initialize a nonCopyable type with a guaranteed value", -O only).
            let visit: (borrowing HDF5File) throws(TensorError) -> Void = { (file: borrowing HDF5File) throws(TensorError) in _ = try body(file) }
            if let failure = firstVisitInAChild(bytes: bytes, name: name, visit) { return .failure(failure) }
            let id = bytes.withUnsafeBytes { rnnsh_h5_open_image($0.baseAddress, $0.count) }
            guard id >= 0 else { return .failure(unreadable(name)) }
            defer { rnnsh_h5_close(id) }
            let file = HDF5File(id: id, name: name)
            do throws(TensorError) { return .success(try body(file)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    static func unreadable(_ name: String) -> TensorError {
        TensorError("\(name): not a readable HDF5 file (damaged or truncated)")
    }

    /// Runs `body` on the file in a forked child (see the type's comment); nil when the child
    /// read it without error, else the error the load fails with: the child's own error, the
    /// file is damaged (the child crashed or ran out of time), or `.interrupted` (Ctrl-C).
    /// Called with the lock held; the child never takes it. When no child can be made (no
    /// memory or processes left), nil: the file is read in-process as before.
    @inline(never)
    private static func firstVisitInAChild(bytes: [UInt8], name: String, _ body: (borrowing HDF5File) throws(TensorError) -> Void) -> TensorError? {
        let milliseconds = childTimeoutMilliseconds + bytes.count / (32 << 20) * 1000
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        let pid = rnnsh_fork_reader(UInt32(milliseconds / 1000 + 5))
        if pid < 0 { close(fds[0]); close(fds[1]); return nil }
        if pid == 0 {
            // The child: no Swift cleanup, no stdio flush (the parent's buffers are copies).
            close(fds[0])
            var report: [UInt8] = []
            let id = bytes.withUnsafeBytes { rnnsh_h5_open_image($0.baseAddress, $0.count) }
            if id < 0 {
                report = encode(unreadable(name))
            } else {
                let file = HDF5File(id: id, name: name)
                do throws(TensorError) { try body(file) } catch { report = encode(error) }
            }
            var at = 0
            while at < report.count {
                let n = report[at...].withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
                if n <= 0 { break }
                at += n
            }
            _exit(report.isEmpty ? 0 : 1)
        }
        close(fds[1])
        defer { close(fds[0]) }
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        var report: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        func drain() {
            while report.count < 1 << 20 {
                let n = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
                if n <= 0 { return }
                report += chunk.prefix(n)
            }
        }
        let deadline = ContinuousClock.now + .milliseconds(milliseconds)
        var status: Int32 = 0
        while true {
            drain()
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { return nil }
            var stop: TensorError? = nil
            if Cancellation.isRequested {
                stop = .interrupted
            } else if ContinuousClock.now >= deadline {
                stop = TensorError("\(name): not a valid HDF5 file (damaged: libhdf5 was still reading it after \(milliseconds / 1000) s)")
            }
            if let stop {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return stop
            }
            usleep(5_000)
        }
        drain()
        // The wait status: the low 7 bits are the signal that ended the child (0: it exited),
        // the next byte its exit code.
        if status & 0x7f == 0 {
            let code = (status >> 8) & 0xff
            if code == 0 { return nil }
            if code == 1, let error = decode(report) { return error }
        }
        return TensorError("\(name): not a valid HDF5 file (damaged: libhdf5 crashed reading it)")
    }

    /// A `TensorError` as the child sends it: its kind, whether it has an explanation, the
    /// explanation and the message, separated by NUL bytes.
    private static func encode(_ e: TensorError) -> [UInt8] {
        let fields = [e.kind?.rawValue ?? "", e.explanation == nil ? "0" : "1", e.explanation ?? "", e.message]
        return Array(fields.joined(separator: "\0").utf8)
    }

    private static func decode(_ bytes: [UInt8]) -> TensorError? {
        let fields = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count == 4, !fields[3].isEmpty else { return nil }
        return TensorError(fields[3], explanation: fields[1] == "1" ? fields[2] : nil, kind: ErrorKind(rawValue: fields[0]))
    }

    /// What is at `path`.
    public enum Kind: Equatable, Sendable { case missing, group, dataset, other }

    public func kind(_ path: String) -> Kind {
        switch rnnsh_h5_kind(id, path) {
        case 1: return .group
        case 2: return .dataset
        case 0: return .other
        default: return .missing
        }
    }

    /// The names of the group's members, in name order.
    public func children(_ path: String) throws(TensorError) -> [String] {
        let n = rnnsh_h5_child_count(id, path)
        guard n >= 0 else { throw TensorError("\(name): no group '\(UntrustedText.escaped(path))'") }
        guard n <= 100_000 else { throw TensorError("\(name): group '\(UntrustedText.escaped(path))' has \(n) members, too many for a model file") }
        var out: [String] = []
        var buffer = [CChar](repeating: 0, count: 1024)
        for i in 0..<n {
            let length = buffer.withUnsafeMutableBufferPointer { rnnsh_h5_child_name(id, path, UInt(i), $0.baseAddress, $0.count) }
            guard length >= 0 else { throw TensorError("\(name): a member of '\(UntrustedText.escaped(path))' has an unreadable or overlong name") }
            let bytes = buffer.prefix(length).map { UInt8(bitPattern: $0) }
            out.append(String(decoding: bytes, as: UTF8.self))
        }
        return out
    }

    /// The string attribute `attribute` of the object at `path` — one string or a 1-d array of
    /// them — or nil when the object has no such attribute.
    public func strings(_ path: String, attribute: String) throws(TensorError) -> [String]? {
        var raw: UnsafeMutablePointer<CChar>? = nil
        var length = 0
        let n = rnnsh_h5_attr_strings(id, path, attribute, &raw, &length, HDF5File.maxAttributeBytes)
        defer { free(raw) }
        if n == -2 { return nil }
        guard n >= 0, let raw else {
            throw TensorError("\(name): attribute '\(attribute)' of '\(UntrustedText.escaped(path))' is not readable text")
        }
        let bytes = UnsafeRawBufferPointer(start: raw, count: length)
        var out: [String] = []
        var start = 0
        for i in 0..<length where bytes[i] == 0 {
            out.append(String(decoding: bytes[start..<i], as: UTF8.self))
            start = i + 1
        }
        return out
    }

    /// The floating-point dataset at `path` as a float32 array of its shape.
    public func floats(_ path: String) throws(TensorError) -> NDArray {
        let what = "\(name): dataset '\(UntrustedText.escaped(path))'"
        guard kind(path) == .dataset else { throw TensorError("\(what) is missing") }
        var dims = [UInt64](repeating: 0, count: 32)
        var isFloat: Int32 = 0
        let rank = dims.withUnsafeMutableBufferPointer { rnnsh_h5_dataset_shape(id, path, $0.baseAddress, 32, &isFloat) }
        guard rank >= 0 else { throw TensorError("\(what): unreadable shape") }
        guard isFloat != 0 else { throw TensorError("\(what): not floating-point numbers") }
        var shape: [Int] = []
        var count = 1
        for d in dims.prefix(Int(rank)) {
            guard d <= UInt64(Int.max) else { throw TensorError("\(what): a dimension of \(d) is too large") }
            let (c, o) = count.multipliedReportingOverflow(by: Int(d))
            guard !o else { throw TensorError("\(what): its size overflows") }
            shape.append(Int(d)); count = c
        }
        try Limits.reserve(count.multipliedReportingOverflow(by: 4).overflow ? Int.max : count * 4, for: "\(what) of shape \(shapeString(shape))")
        var values = [Float](repeating: 0, count: count)
        let r = values.withUnsafeMutableBufferPointer { rnnsh_h5_read_float(id, path, $0.baseAddress, UInt64(count)) }
        guard r >= 0 else { throw TensorError("\(what): its data could not be read (damaged, or a compression rnnsh does not have)") }
        return try NDArray(values, shape: shape)
    }
}
