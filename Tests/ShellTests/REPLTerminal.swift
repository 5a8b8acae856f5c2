// A real terminal for the REPL tests: the built rnnsh binary under tmux, driven by keystrokes.
import Foundation
import Testing

/// One rnnsh process in a private tmux server (its own socket, fixed size), so the tests see
/// exactly what a person would: readline, the prompt, completion lists, `^C`, colours.
///
/// The command runs as `rnnsh; echo "[exit N]"` so the exit status shows on the screen.
final class REPLTerminal {
    enum Failure: Error, CustomStringConvertible {
        case setup(String)
        var description: String { if case .setup(let m) = self { return m } else { return "" } }
    }

    /// The tmux server's socket, inside `home`, so nothing is left behind in tmux's own
    /// directory when the test's HOME is removed.
    let socket: String
    let home: URL
    private static let counter = Counter()

    /// Where `swift build` put rnnsh for the configuration these tests were built in;
    /// `RNNSH_BIN` overrides.
    static func binary() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["RNNSH_BIN"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        #if DEBUG
        let configuration = "debug"
        #else
        let configuration = "release"
        #endif
        let binary = packageRoot.appendingPathComponent(".build/\(configuration)/rnnsh")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw Failure.setup("""
                the rnnsh binary is missing at \(binary.path): these keystroke tests drive the \
                built executable; run `swift build -c \(configuration)` first (or set RNNSH_BIN)
                """)
        }
        return binary
    }

    /// Starts rnnsh in a `width`×`height` terminal with a fresh HOME (so no personal
    /// ~/.inputrc or history leaks in) and the given extra environment. `NO_COLOR` is removed
    /// unless `environment` sets it. `files` (relative path → content) are written into HOME
    /// first; rnnsh starts in HOME.
    init(environment: [String: String] = [:], files: [String: String] = [:],
         width: Int = 100, height: Int = 30) throws {
        let name = "rnnsh-test-\(getpid())-\(Self.counter.next())"
        home = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        let beside = home.appendingPathComponent("tmux.socket").path
        // A Unix socket path has at most 107 bytes; a long TMPDIR falls back to /tmp.
        socket = beside.utf8.count < 100 ? beside : "/tmp/\(name).tmux"
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        for (name, content) in files {
            let file = home.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: file, atomically: true, encoding: .utf8)
        }
        guard Self.tmuxAvailable() else {
            throw Failure.setup("tmux is not installed: the REPL keystroke tests need it (`apt-get install tmux`; `make test` installs it)")
        }
        let binary = try Self.binary()
        var variables = ["HOME": home.path, "INPUTRC": home.appendingPathComponent(".inputrc").path,
                         "RNNSH_HISTORY": home.appendingPathComponent("history").path]
        variables.merge(environment) { _, new in new }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
        let unset = environment["NO_COLOR"] == nil ? ["-u", "NO_COLOR"] : []
        let command = (["env"] + unset + assignments + [Self.quoted(binary.path)]).joined(separator: " ")
            + #"; echo "[exit $?]"; sleep 600"#
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                  "-c", home.path, command])
    }

    deinit { close() }

    /// Stops the tmux server (and with it rnnsh) and removes the temporary HOME.
    func close() {
        _ = try? tmux(["kill-server"])
        unlink(socket)
        try? FileManager.default.removeItem(at: home)
    }

    /// Sends tmux key names (`Enter`, `Tab`, `Up`, `C-c`, `C-d`) or, with `literal`, text.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", "0"] + (literal ? ["-l"] : []) + keys)
    }

    /// Pastes `text` as a terminal does on a paste: bracketed (`ESC[200~ … ESC[201~`) when the
    /// program asked for it, as readline does.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "--", text])
        try tmux(["paste-buffer", "-p", "-d", "-t", "0"])
    }

    /// Types `text` literally.
    func type(_ text: String) throws { try send(text, literal: true) }

    /// The visible screen, lines without trailing blanks; `escapes` keeps colour sequences.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : []))
    }

    /// The cursor's column and row (0-based).
    func cursor() throws -> (column: Int, row: Int) {
        let parts = try tmux(["display-message", "-p", "-t", "0", "#{cursor_x} #{cursor_y}"])
            .split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard parts.count == 2 else { throw Failure.setup("tmux did not report the cursor position") }
        return (parts[0], parts[1])
    }

    /// Sends `signal` to rnnsh itself (the child of the pane's shell), as the kernel does when
    /// a terminal window closes.
    func signalREPL(_ signal: Int32) throws {
        let shell = try tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").first.flatMap({ pid_t($0) }) else {
            throw Failure.setup("no rnnsh process under the pane's shell \(shell)")
        }
        kill(pid, signal)
    }

    /// Polls the screen until `condition` holds; fails with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 5, escapes: Bool = false,
                 _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try screen(escapes: escapes)
            if condition(last) { return last }
            usleep(20_000)
        } while Date() < deadline
        throw Failure.setup("timed out after \(timeout) s waiting for \(what); the screen was:\n\(last)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: Double = 5) throws -> String {
        try waitFor("“\(text)”", timeout: timeout) { $0.contains(text) }
    }

    /// The last non-blank line of the screen: where the cursor's prompt usually is.
    static func lastLine(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: true).last.map(String.init) ?? ""
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        // `new-session` starts the server, which would inherit a pipe and hold it open forever.
        let capture = !arguments.contains("new-session")
        let (status, output) = try Self.run(["tmux", "-S", socket] + arguments, captureOutput: capture)
        guard status == 0 || arguments.first == "kill-server" else {
            throw Failure.setup("tmux \(arguments.joined(separator: " ")) failed with status \(status)")
        }
        return output
    }

    /// Runs a program found on PATH and waits for it; stdin and stderr are /dev/null. (Plain
    /// posix_spawn: Foundation's `Process` did not reap the short-lived tmux client here.)
    private static func run(_ arguments: [String], captureOutput: Bool) throws -> (Int32, String) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        if captureOutput {
            guard pipe(&pipeEnds) == 0 else { throw Failure.setup("pipe failed") }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The test runner's threads may block or ignore signals; the terminal's processes must
        // get Ctrl-C and the hang-up from `kill-server` as in a real session.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ)
        if captureOutput { Glibc.close(pipeEnds[1]) }
        guard spawned == 0 else {
            if captureOutput { Glibc.close(pipeEnds[0]) }
            throw Failure.setup("could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var bytes: [UInt8] = []
        if captureOutput {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                bytes += buffer[..<count]
            }
            Glibc.close(pipeEnds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitCode, String(decoding: bytes, as: UTF8.self))
    }

    private static func tmuxAvailable() -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/tmux")
        }
    }

    /// `text` as one word for `sh`.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }
}
