// Writing to stdout and stderr without ever trapping.
import Glibc

/// rnnsh's only way to write to the standard streams outside readline.
///
/// Foundation's `FileHandle.write` raises an Objective-C style exception — a crash with a
/// backtrace — when the write fails: output redirected to `/dev/full`, a closed descriptor
/// (`rnnsh -c … >&-`), or a reader that went away while SIGPIPE is ignored. Python ends quietly
/// in those cases with exit status 120 after one line on stderr; so do we: `write(2)` in a loop
/// (retrying EINTR and short writes), and on a real failure one line on stderr (if stderr still
/// works, and not for a broken pipe, whose reader is gone on purpose) and `exit(120)`.
enum StandardStreams {
    /// Python's status when flushing the standard streams fails at exit.
    static let failureStatus: Int32 = 120

    static func out(_ text: String) { write(text, fd: 1) }
    static func err(_ text: String) { write(text, fd: 2) }

    static func write(_ text: String, fd: Int32) {
        var text = text
        let error: Int32? = text.withUTF8 { bytes -> Int32? in
            var done = 0
            while done < bytes.count, let base = bytes.baseAddress {
                let n = Glibc.write(fd, base + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += n
            }
            return nil
        }
        if let error { fail(fd: fd, errno: error) }
    }

    /// Flushes C stdio (used by the REPL's `print`) and ends quietly if that failed.
    static func flush() {
        if fflush(nil) != 0 { fail(fd: 1, errno: errno) }
    }

    private static func fail(fd: Int32, errno code: Int32) -> Never {
        if fd == 1 && code != EPIPE {
            let line = "rnnsh: cannot write to stdout: [Errno \(code)] \(String(cString: strerror(code)))\n"
            _ = line.withCString { Glibc.write(2, $0, strlen($0)) }
        }
        // _exit: atexit handlers would try to flush the same broken stream again.
        _exit(failureStatus)
    }
}
