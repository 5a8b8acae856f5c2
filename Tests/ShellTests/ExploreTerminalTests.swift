// The explorer's coloured views through a real pseudo-terminal (tmux), and their plain
// variants under NO_COLOR: what a person at a terminal sees.
import Foundation
import Testing

@Suite(.serialized)
struct ExploreTerminalTests {
    func start(_ environment: [String: String] = [:]) throws -> REPLTerminal {
        let terminal = try REPLTerminal(environment: environment, width: 120, height: 40)
        try terminal.waitFor("the first prompt") { REPLTerminal.lastLine($0) == "rnnsh>" }
        return terminal
    }

    /// Types a statement and waits until `done` appears on the screen.
    func run(_ terminal: REPLTerminal, _ statement: String, until done: String, escapes: Bool = false) throws -> String {
        try terminal.type(statement)
        try terminal.send("Enter")
        return try terminal.waitFor("`\(done)` after `\(statement)`", escapes: escapes) { $0.contains(done) }
    }

    @Test func trackColoursValuesByTheirImageOnATerminal() throws {
        let terminal = try start()
        _ = try run(terminal, "x = arange 24 | reshape 2 4 3; dims x image row pixel", until: "track labels by image")
        let screen = try run(terminal, "track x | transpose 1 0 2 | reshape -1 3 | split 4", until: "legend:", escapes: true)
        // Image 0's values in the first colour, image 1's in the second.
        #expect(screen.contains("ys[0] [[ \u{1B}[31m0\u{1B}[39m  \u{1B}[31m1\u{1B}[39m") || screen.contains("ys[0] [[ \u{1B}[31m0\u{1B}[0m  \u{1B}[31m1\u{1B}[0m"), "\(screen)")
        #expect(screen.contains("values, coloured by image:"), "\(screen)")
    }

    @Test func noColorGivesTheLabelsAsNumbers() throws {
        let terminal = try start(["NO_COLOR": "1"])
        _ = try run(terminal, "x = arange 24 | reshape 2 4 3; dims x image row pixel", until: "track labels by image")
        let screen = try run(terminal, "track x | transpose 1 0 2 | reshape -1 3 | split 4", until: "ys[3] [[0 0 0]", escapes: true)
        #expect(!screen.contains("\u{1B}["), "\(screen)")
        #expect(screen.contains("labels (image of each element):\nys[0] [[0 0 0]\n       [1 1 1]]"), "\(screen)")
    }

    @Test func heatmapIsColouredOnATerminal() throws {
        let terminal = try start()
        let screen = try run(terminal, "heatmap (arange 12 | reshape 3 4)", until: "(3, 4) int64", escapes: true)
        #expect(screen.contains("\u{1B}[48;"), "\(screen)")
    }
}
