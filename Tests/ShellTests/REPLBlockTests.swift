// Python's blocks at the REPL, through a real pseudo-terminal: typing, pasting, Ctrl-C, history.
import Foundation
import Testing

@Suite(.serialized)
struct REPLBlockTests {
    static let prompt = "rnnsh>"

    func start() throws -> REPLTerminal {
        let terminal = try REPLTerminal(environment: [:], files: [:])
        try terminal.waitFor("the first prompt") { REPLTerminal.lastLine($0) == Self.prompt }
        return terminal
    }

    /// A line ending in `:` opens a block: the prompt is `... ` with the body's indentation
    /// already typed; an empty line runs the block.
    @Test func typingABlockShowsTheBlockPromptAndRunsOnAnEmptyLine() throws {
        let terminal = try start()
        defer { terminal.close() }
        try terminal.type("for i in range(3):")
        try terminal.send("Enter")
        try terminal.waitFor("the block prompt") { REPLTerminal.lastLine($0) == "..." }
        // The indentation is typed in: the cursor stands after `... ` and four blanks.
        #expect(try terminal.cursor().column == 8)
        try terminal.type("print(i * 10)")
        try terminal.send("Enter")
        try terminal.waitFor("the next block line") { $0.contains("...     print(i * 10)\n") && REPLTerminal.lastLine($0) == "..." }
        // Erase the indentation: an empty line closes the block and runs it.
        try terminal.send("C-u", "Enter")
        let screen = try terminal.waitFor("the loop's output and a fresh prompt") {
            $0.contains("0\n10\n20\n") && REPLTerminal.lastLine($0) == Self.prompt
        }
        #expect(screen.contains("rnnsh> for i in range(3):\n...     print(i * 10)\n"), "\(screen)")
    }

    /// A def typed line by line, with a nested block, then called.
    @Test func aFunctionWithANestedBlock() throws {
        let terminal = try start()
        defer { terminal.close() }
        for line in ["def f(n):", "if n > 1:", "return n * f(n - 1)"] {
            try terminal.type(line)
            try terminal.send("Enter")
        }
        // After `return …` the indentation stays two levels deep: go back one level by hand.
        try terminal.send("C-u")
        try terminal.type("    return 1")
        try terminal.send("Enter")
        try terminal.send("C-u", "Enter")
        try terminal.waitFor("the prompt after the def") { REPLTerminal.lastLine($0) == Self.prompt }
        try terminal.type("print(f(5))")
        try terminal.send("Enter")
        try terminal.waitFor("f(5)") { $0.contains("\n120\n") && REPLTerminal.lastLine($0) == Self.prompt }
    }

    /// Ctrl-C stops a running loop between statements; what it did so far stays.
    @Test func ctrlCStopsALoopAndKeepsWhatRan() throws {
        let terminal = try start()
        defer { terminal.close() }
        try terminal.type("n = 0")
        try terminal.send("Enter")
        try terminal.type("while True:")
        try terminal.send("Enter")
        try terminal.type("n += 1")
        try terminal.send("Enter", "C-u", "Enter")
        Thread.sleep(forTimeInterval: 0.5)
        try terminal.send("C-c")
        try terminal.waitFor("the interruption") { $0.contains("interrupted") && REPLTerminal.lastLine($0) == Self.prompt }
        try terminal.type("print(n > 0)")
        try terminal.send("Enter")
        try terminal.waitFor("n kept") { $0.contains("\nTrue\n") && REPLTerminal.lastLine($0) == Self.prompt }
    }

    /// A block is one history entry: Up recalls all of it, and Enter runs it again.
    @Test func aBlockIsOneHistoryEntry() throws {
        let terminal = try start()
        defer { terminal.close() }
        try terminal.type("for c in 'ab':")
        try terminal.send("Enter")
        try terminal.type("print(c + '!')")
        try terminal.send("Enter", "C-u", "Enter")
        try terminal.waitFor("the first run") { $0.contains("a!\nb!\n") && REPLTerminal.lastLine($0) == Self.prompt }
        try terminal.send("Up")
        try terminal.waitFor("the block recalled") { $0.hasSuffix("print(c + '!')") || REPLTerminal.lastLine($0).hasSuffix("print(c + '!')") }
        try terminal.send("Enter")
        try terminal.waitFor("the block prompt after the recalled block") { REPLTerminal.lastLine($0) == "..." }
        try terminal.send("C-u", "Enter")
        try terminal.waitFor("the second run") {
            $0.components(separatedBy: "b!\n").count == 3 && REPLTerminal.lastLine($0) == Self.prompt
        }
    }

    /// A program pasted whole (bracketed paste) runs as one unit, as Python reads a script:
    /// the blank lines and comments inside its defs do not end them. Typed, an empty line
    /// still closes a block (above).
    @Test func aPastedProgramRunsAsWritten() throws {
        try pasteTheProgram { $0 }
    }

    /// The same program as a paste from a web page or a Windows editor can deliver it:
    /// indented with tabs, lines ending in CRLF. It runs as the original does.
    @Test func aPastedProgramWithTabsAndCRLFRunsAsWritten() throws {
        try pasteTheProgram { original in
            let program = original.components(separatedBy: "\n").map { line in
                let spaces = line.prefix { $0 == " " }.count
                return String(repeating: "\t", count: spaces / 4) + String(repeating: " ", count: spaces % 4) + line.dropFirst(spaces)
            }.joined(separator: "\r\n")
            #expect(program.contains("\r\n\t"))
            return program
        }
    }

    /// Pastes the TF1 fixture program, as `edit` turns it into, at a fresh prompt and expects the
    /// fixture's output and a new prompt, with no error on the screen.
    private func pasteTheProgram(_ edit: (String) -> String) throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/tf1-program")
        let original = try String(contentsOf: fixture.appendingPathComponent("program.py"), encoding: .utf8)
        let expected = try String(contentsOf: fixture.appendingPathComponent("expected.txt"), encoding: .utf8)
        let terminal = try REPLTerminal(environment: [:], files: [:], width: 120, height: 100)
        defer { terminal.close() }
        try terminal.waitFor("the first prompt") { REPLTerminal.lastLine($0) == Self.prompt }
        try terminal.paste(edit(original))
        try terminal.send("Enter")
        let screen = try terminal.waitFor("the program's output and a fresh prompt", timeout: 60) {
            $0.contains("Accuracy:") && REPLTerminal.lastLine($0) == Self.prompt
        }
        #expect(screen.contains(expected), "\(screen)")
        #expect(!screen.contains("error"), "\(screen)")
    }
}
