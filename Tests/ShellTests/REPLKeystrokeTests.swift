// The interactive REPL through a real pseudo-terminal: keystrokes in, screen out.
import Foundation
import Testing

/// Each test starts the built rnnsh under its own tmux server and types at it. Serialized:
/// they are cheap, but a shared two-core machine makes parallel terminals flaky to time.
@Suite(.serialized)
struct REPLKeystrokeTests {
    static let prompt = "rnnsh> "

    /// Starts rnnsh and waits for its first prompt.
    func start(_ environment: [String: String] = [:]) throws -> REPLTerminal {
        let terminal = try REPLTerminal(environment: environment)
        try terminal.waitFor("the first prompt") { REPLTerminal.lastLine($0) == Self.prompt.trimmingTrailingBlanks }
        return terminal
    }

    /// Waits until the last line is an empty prompt again (the statement before finished).
    func waitForPrompt(_ terminal: REPLTerminal, after what: String) throws -> String {
        try terminal.waitFor("an empty prompt after \(what)") {
            REPLTerminal.lastLine($0) == Self.prompt.trimmingTrailingBlanks
        }
    }

    @Test func ctrlDAtAnEmptyPromptExitsWithStatusZero() throws {
        let terminal = try start()
        try terminal.send("C-d")
        try terminal.waitFor(text: "[exit 0]")
    }

    @Test func trailingBackslashShowsTheContinuationPrompt() throws {
        let terminal = try start()
        try terminal.type("x = \\")
        try terminal.send("Enter")
        try terminal.waitFor("the continuation prompt") { REPLTerminal.lastLine($0) == "  ...>" }
    }

    @Test func inputrcIsHonoured() throws {
        // Readline reads INPUTRC (pointed into the test's HOME); `$if rnnsh` proves that
        // readline knows the application's name.
        let inputrc = #"""
            $if rnnsh
            "\C-xa": "typed-by-inputrc"
            $endif
            """#
        let terminal = try REPLTerminal(files: [".inputrc": inputrc])
        try terminal.waitFor("the first prompt") { REPLTerminal.lastLine($0) == "rnnsh>" }
        try terminal.send("C-x", "a")
        try terminal.waitFor(text: "rnnsh> typed-by-inputrc")
    }
}

extension String {
    var trimmingTrailingBlanks: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
