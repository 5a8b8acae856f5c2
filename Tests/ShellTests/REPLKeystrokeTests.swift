// The interactive REPL through a real pseudo-terminal: keystrokes in, screen out.
import Foundation
import Testing

/// Each test starts the built rnnsh under its own tmux server and types at it. Serialized:
/// they are cheap, but a shared two-core machine makes parallel terminals flaky to time.
@Suite(.serialized)
struct REPLKeystrokeTests {
    /// The prompt as captured (tmux drops trailing blanks).
    static let prompt = "rnnsh>"

    /// Starts rnnsh and waits for its first prompt.
    func start(_ environment: [String: String] = [:], files: [String: String] = [:]) throws -> REPLTerminal {
        let terminal = try REPLTerminal(environment: environment, files: files)
        do {
            try terminal.waitFor("the first prompt") { REPLTerminal.lastLine($0) == Self.prompt }
        } catch {
            terminal.close()
            throw error
        }
        return terminal
    }

    /// How many prompts the screen shows: one more each time a statement finished.
    static func prompts(_ screen: String) -> Int {
        screen.split(separator: "\n").filter { $0.hasPrefix(prompt) }.count
    }

    /// Types `statement`, presses Enter and waits for the next empty prompt; returns the screen.
    @discardableResult
    func run(_ terminal: REPLTerminal, _ statement: String) throws -> String {
        let before = Self.prompts(try terminal.screen())
        try terminal.type(statement)
        try terminal.send("Enter")
        return try terminal.waitFor("the prompt after `\(statement)`") {
            Self.prompts($0) > before && REPLTerminal.lastLine($0) == Self.prompt
        }
    }

    /// Types `keys`, presses Tab and waits until the last line reads `expected`.
    func complete(_ terminal: REPLTerminal, _ keys: String, to expected: String) throws {
        try terminal.type(keys)
        try terminal.send("Tab")
        try terminal.waitFor("`\(keys)` + Tab to complete to “\(expected)”") {
            REPLTerminal.lastLine($0) == expected
        }
    }

    // MARK: - Banner and help

    @Test func aBannerGreetsThePersonAtTheTerminal() throws {
        let terminal = try start()
        defer { terminal.close() }
        let lines = try terminal.screen().split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("rnnsh 0.") == true, "\(lines)")
        #expect(lines.count > 2 && lines[1].hasPrefix("dataset: "), "\(lines)")
        #expect(lines.contains("type help for the commands, NAME? for one of them, Ctrl-D to leave"))
    }

    /// A help page taller than the terminal opens in the pager (less); q comes back to the prompt.
    @Test func aLongHelpPageOpensInThePager() throws {
        let terminal = try REPLTerminal(environment: ["PAGER": "/usr/bin/less -FRX"], height: 15)
        defer { terminal.close() }
        try terminal.waitFor("the first prompt") { REPLTerminal.lastLine($0) == Self.prompt }
        try terminal.type("train?")
        try terminal.send("Enter")
        try terminal.waitFor("less showing the page") { REPLTerminal.lastLine($0) == ":" && $0.contains("usage: train") }
        try terminal.send("q")
        try terminal.waitFor("the prompt after quitting the pager") { REPLTerminal.lastLine($0) == Self.prompt }
        // A page shorter than the terminal (15 rows) is printed as it is, with no pager.
        let screen = try run(terminal, "help quit")
        #expect(screen.contains("usage: quit [STATUS=0]\n"), "\(screen)")
    }

    // MARK: - Completion

    @Test func tabCompletesCommandNamesAndAddsASpace() throws {
        let terminal = try start()
        defer { terminal.close() }
        try complete(terminal, "ara", to: "rnnsh> arange")
        try terminal.type("4")  // the completion's space separates the argument
        let screen = try run(terminal, "")
        #expect(screen.contains("rnnsh> arange 4\n[0 1 2 3]\n"), "\(screen)")
    }

    @Test func tabCompletesNumpyNamesAfterNp() throws {
        let terminal = try start()
        defer { terminal.close() }
        try complete(terminal, "np.zer", to: "rnnsh> np.zeros")
        // No space after a dotted name: the call's bracket follows it directly.
        try terminal.type("(3)")
        let screen = try run(terminal, "")
        #expect(screen.contains("rnnsh> np.zeros(3)\n[0. 0. 0.]\n"), "\(screen)")
    }

    @Test func tabCompletesWorkspaceNamesAndListsAlternatives() throws {
        let terminal = try start()
        defer { terminal.close() }
        try run(terminal, "weights_in = arange 2")
        try run(terminal, "weights_out = arange 3")
        // Two candidates: Tab completes their common part; with nothing more to add, readline
        // lists them at the second Tab after that.
        try complete(terminal, "wei", to: "rnnsh> weights_")
        try terminal.send("Tab", "Tab")
        try terminal.waitFor("both names listed") { $0.contains("\nweights_in   weights_out\n") }
        try complete(terminal, "o", to: "rnnsh> weights_out")
        try terminal.send("Enter")
        try terminal.waitFor(text: "rnnsh> weights_out\n[0 1 2]\n")
    }

    @Test func tabCompletesOptionNamesOfTheCommandBeingTyped() throws {
        let terminal = try start()
        defer { terminal.close() }
        // An option completes to `name=` with no space after it, ready for the value. (`axi`,
        // not `ax`: the command `axes` shares the shorter prefix.)
        try complete(terminal, "split (arange 6) 3 axi", to: "rnnsh> split (arange 6) 3 axis=")
        try terminal.type("0")
        let screen = try run(terminal, "")
        #expect(!screen.contains("error"), "\(screen)")
    }

    @Test func tabCompletesFilePathsInsideQuotesAndAfterLoad() throws {
        let terminal = try start(files: ["data/train_x.npy": "", "data/test_x.npy": "", "notes.txt": ""])
        defer { terminal.close() }
        // Into a directory: no closing quote or space yet, the path goes on.
        try complete(terminal, #"load "da"#, to: #"rnnsh> load "data/"#)
        try complete(terminal, "tr", to: #"rnnsh> load "data/train_x.npy""#)
        try terminal.send("C-u")
        // Unquoted after `load`; the listing shows file names without their directory.
        try complete(terminal, "load data/t", to: "rnnsh> load data/t")
        try terminal.send("Tab")
        try terminal.waitFor("the two files listed by name") {
            $0.contains("test_x.npy") && $0.contains("train_x.npy") && !$0.contains("data/test_x.npy ")
        }
    }

    // MARK: - History

    @Test func upRecallsEarlierStatementsAndHistoryPersistsAcrossRuns() throws {
        let historyFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("rnnsh-test-history-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: historyFile) }
        let environment = ["RNNSH_HISTORY": historyFile.path]

        let first = try start(environment)
        defer { first.close() }
        try run(first, "a = arange 5")
        try run(first, "b = arange 7")
        try first.send("Up", "Up")
        try first.waitFor("Up Up to recall the first statement") { REPLTerminal.lastLine($0) == "rnnsh> a = arange 5" }
        try first.send("C-u", "C-d")
        try first.waitFor(text: "[exit 0]")
        first.close()
        let saved = try String(contentsOf: historyFile, encoding: .utf8)
        #expect(saved.contains("a = arange 5\nb = arange 7\n"), "history file: \(saved)")

        let second = try start(environment)
        defer { second.close() }
        try second.send("Up")
        try second.waitFor("Up in a new session to recall the last statement of the old one") {
            REPLTerminal.lastLine($0) == "rnnsh> b = arange 7"
        }
        // Ctrl-R: readline's reverse search finds the older entry.
        try second.send("C-u", "C-r")
        try second.type("a =")
        try second.waitFor(text: "a = arange 5")
        // Leave before the history file is removed (a closed terminal would save it again).
        try second.send("C-g", "C-u", "C-d")
        try second.waitFor(text: "[exit 0]")
    }

    @Test func aHangUpSavesTheHistoryAndDropsTheHalfTypedLine() throws {
        let historyFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("rnnsh-test-history-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: historyFile) }
        let terminal = try start(["RNNSH_HISTORY": historyFile.path])
        defer { terminal.close() }
        try run(terminal, "kept_across_hangup = arange 2")
        try terminal.type("half typed")
        try terminal.waitFor(text: "rnnsh> half typed")
        // What a closing terminal window sends; 129 is how shells report death by SIGHUP.
        try terminal.signalREPL(SIGHUP)
        let screen = try terminal.waitFor(text: "[exit 129]")
        #expect(!screen.contains("error"), "\(screen)")
        let saved = try String(contentsOf: historyFile, encoding: .utf8)
        #expect(saved == "kept_across_hangup = arange 2\n", "history file: \(saved)")
    }

    @Test func aStatementContinuedWithBackslashIsOneStatementAndOneHistoryEntry() throws {
        let terminal = try start()
        defer { terminal.close() }
        try terminal.type("x = \\")
        try terminal.send("Enter")
        try terminal.waitFor("the continuation prompt") { REPLTerminal.lastLine($0) == "  ...>" }
        try run(terminal, "arange 3")
        let screen = try run(terminal, "x")
        #expect(screen.contains("rnnsh> x\n[0 1 2]\n"), "\(screen)")
        try terminal.send("Up", "Up")
        try terminal.waitFor("the joined statement recalled") { REPLTerminal.lastLine($0) == "rnnsh> x = arange 3" }
    }

    // MARK: - Ctrl-C and Ctrl-D

    @Test func ctrlCAtThePromptClearsTheLineAndTheShellGoesOn() throws {
        let terminal = try start()
        defer { terminal.close() }
        try terminal.type("half typed")
        try terminal.waitFor(text: "rnnsh> half typed")
        try terminal.send("C-c")
        try terminal.waitFor("a fresh prompt after ^C") {
            $0.contains("rnnsh> half typed^C\n") && REPLTerminal.lastLine($0) == Self.prompt
        }
        // The abandoned text is gone: only the new statement runs.
        let screen = try run(terminal, "arange 2")
        #expect(screen.contains("rnnsh> arange 2\n[0 1]\n"), "\(screen)")
        #expect(!screen.contains("error"), "\(screen)")
    }

    @Test func ctrlCInterruptsALongStatementAndTheWorkspaceStaysAsBefore() throws {
        // A million statements through nested `run`s: minutes if nothing stops it.
        let terminal = try start(files: [
            "outer.rnn": String(repeating: "run \"middle.rnn\"\n", count: 100),
            "middle.rnn": String(repeating: "run \"inner.rnn\"\n", count: 100),
            "inner.rnn": "kept = arange 9\n" + String(repeating: "scratch = arange 10\n", count: 99),
        ])
        defer { terminal.close() }
        try run(terminal, "kept = arange 3")
        try terminal.type(#"run "outer.rnn""#)
        try terminal.send("Enter")
        // The statement is running once readline has moved to the next line.
        try terminal.waitFor("the long statement to start") {
            REPLTerminal.lastLine($0) == #"rnnsh> run "outer.rnn""#
        }
        let deadline = Date().addingTimeInterval(5)
        while try terminal.cursor().column != 0, Date() < deadline { usleep(10_000) }
        try terminal.send("C-c")
        try terminal.waitFor("the interruption to be reported", timeout: 10) {
            $0.contains("error: interrupted") && REPLTerminal.lastLine($0) == Self.prompt
        }
        // Nothing the interrupted statement did was kept.
        let screen = try run(terminal, "kept")
        #expect(screen.contains("rnnsh> kept\n[0 1 2]\n"), "\(screen)")
        let scratch = try run(terminal, "scratch")
        #expect(scratch.contains("NameError: name 'scratch' is not defined"), "\(scratch)")
    }

    @Test func ctrlDAtAnEmptyPromptExitsWithStatusZero() throws {
        let terminal = try start()
        defer { terminal.close() }
        try terminal.send("C-d")
        try terminal.waitFor(text: "[exit 0]")
    }

    @Test func quitWithAStatusExitsWithIt() throws {
        let terminal = try start()
        defer { terminal.close() }
        try terminal.type("quit 3")
        try terminal.send("Enter")
        try terminal.waitFor(text: "[exit 3]")
    }

    // MARK: - Errors and colour

    @Test func errorsAreRedOnATerminalWithACaretUnderTheOffendingToken() throws {
        let terminal = try start()
        defer { terminal.close() }
        try run(terminal, "reshape (arange 4) 2 )")
        let screen = try terminal.waitFor("the error", escapes: true) { $0.contains("SyntaxError:") }
        #expect(screen.contains("\u{1B}[1m\u{1B}[31mSyntaxError:") || screen.contains("\u{1B}[1;31mSyntaxError:"), "\(screen)")
        let plain = try terminal.screen()
        #expect(plain.contains("SyntaxError: unmatched ')'\n  reshape (arange 4) 2 )\n                       ^\n"), "\(plain)")
    }

    @Test func noColorTurnsColourOff() throws {
        let terminal = try start(["NO_COLOR": "1"])
        defer { terminal.close() }
        try run(terminal, "reshape (arange 4) 2 )")
        let screen = try terminal.screen(escapes: true)
        #expect(screen.contains("SyntaxError: unmatched ')'"), "\(screen)")
        #expect(!screen.contains("\u{1B}["), "\(screen)")
    }

    // MARK: - Readline configuration

    @Test func inputrcIsHonoured() throws {
        // Readline reads INPUTRC (pointed into the test's HOME); `$if rnnsh` proves that
        // readline knows the application's name.
        let inputrc = #"""
            $if rnnsh
            "\C-xa": "typed-by-inputrc"
            $endif
            """#
        let terminal = try start(files: [".inputrc": inputrc])
        defer { terminal.close() }
        try terminal.send("C-x", "a")
        try terminal.waitFor(text: "rnnsh> typed-by-inputrc")
    }
}
