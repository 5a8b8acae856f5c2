import Foundation
import Testing
@testable import Shell

@Suite struct TranscriptTests {
    static var sessions: URL { RegistryTests.repositoryRoot.appendingPathComponent("sessions") }

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? [])
            .filter { $0.hasSuffix(".rnn") && FileManager.default.fileExists(atPath: sessions.appendingPathComponent(String($0.dropLast(4)) + ".out").path) }
            .sorted()
    }

    /// The same comparison `rnnsh --check` makes, in-process.
    @Test(arguments: scripts)
    func sessionMatchesItsTranscript(_ name: String) throws {
        let script = Self.sessions.appendingPathComponent(name)
        let expected = try String(contentsOf: Self.sessions.appendingPathComponent(String(name.dropLast(4)) + ".out"), encoding: .utf8)
        let shell = Interpreter(options: .init(workingDirectory: Self.sessions.path))
        let replay = Transcript.replay(try String(contentsOf: script, encoding: .utf8), interpreter: shell, keepGoing: true)
        #expect(replay.errors.isEmpty, "\(replay.errors.map { "\($0.line): \($0.error.message)" })")
        let diff = Transcript.unifiedDiff(expected: expected, actual: replay.text, expectedName: name, actualName: "replayed")
        #expect(diff == nil, "\(diff ?? "")")
    }

    @Test func theTutorialSessionsExist() {
        #expect(Self.scripts.contains("article-numpy.rnn"))
        #expect(Self.scripts.contains("shapes.rnn"))
    }

    @Test func replayFormat() {
        let source = "# a comment\nx = 1 + \\\n  2\n\nx; x * 2\nundefined   # error: on purpose\nprint('end')\n"
        let r = Transcript.replay(source, interpreter: Interpreter())
        #expect(r.errors.isEmpty)
        #expect(r.text == """
            # a comment
            >>> x = 1 + \\
            ...   2

            >>> x; x * 2
            3
            6
            >>> undefined   # error: on purpose
            NameError: name 'undefined' is not defined
              undefined
              ^^^^^^^^^
            >>> print('end')
            end

            """)
    }

    @Test func replayStopsAtTheFirstUnexpectedError() {
        let r = Transcript.replay("print(1)\nnope\nprint(2)\n", interpreter: Interpreter())
        #expect(r.text == ">>> print(1)\n1\n>>> nope\n")
        #expect(r.errors.count == 1 && r.errors.first?.line == 2)
        let k = Transcript.replay("print(1)\nnope\nprint(2)\n", interpreter: Interpreter(), keepGoing: true)
        #expect(k.text.hasSuffix(">>> print(2)\n2\n"))
    }

    @Test func markedStatementThatSucceedsIsAFailure() {
        let r = Transcript.replay("x = 1   # error: should fail\n", interpreter: Interpreter())
        #expect(r.errors.first?.error.message.hasPrefix("expected an error") == true)
    }

    @Test func unifiedDiff() {
        #expect(Transcript.unifiedDiff(expected: "a\nb\n", actual: "a\nb\n", expectedName: "x", actualName: "y") == nil)
        // An empty text has no lines: nothing is shown as deleted.
        #expect(Transcript.unifiedDiff(expected: "", actual: "a\n", expectedName: "x", actualName: "y") == "--- x\n+++ y\n@@ -0,0 +1 @@\n+a\n")
        let d = Transcript.unifiedDiff(expected: "1\n2\n3\n4\n5\n6\n7\n8\n", actual: "1\n2\n3\n4\nfive\n6\n7\n8\n", expectedName: "old", actualName: "new")
        #expect(d == "--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")
    }

    @Test func runReplaysIntoTheWorkspaceAtomically() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rnnsh-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "a = 1\nprint(a)\nqqq   # error: expected\nb = a + 1\n".write(to: dir.appendingPathComponent("ok.rnn"), atomically: true, encoding: .utf8)
        try "c = 1\nnope\n".write(to: dir.appendingPathComponent("broken.rnn"), atomically: true, encoding: .utf8)
        try "run self.rnn\n".write(to: dir.appendingPathComponent("self.rnn"), atomically: true, encoding: .utf8)
        let shell = Interpreter(options: .init(workingDirectory: dir.path))
        #expect(run("run ok.rnn; b", in: shell) == "1\nerror: name 'qqq' is not defined\n2")
        // The script's place goes before the class, as CPython's traceback names the file
        // above its last line; the message stays the exception's own.
        let broken = shell.execute("run broken.rnn").compactMap { output -> ShellError? in
            if case .error(let e) = output { return e } else { return nil }
        }
        // CPython 3.11's suggestion for `nope` is 'None' (a name in dir(builtins)).
        #expect(broken.map(\.message) == ["name 'nope' is not defined. Did you mean: 'None'?"])
        #expect(broken.first?.rendered().split(separator: "\n").first == "broken.rnn:2: NameError: name 'nope' is not defined. Did you mean: 'None'?")
        #expect(run("c", in: shell).hasPrefix("error: name 'c' is not defined"))
        #expect(run("run self.rnn", in: shell).contains("nested more than"))
        #expect(run("run missing.rnn", in: shell).hasPrefix("error: [Errno 2] No such file or directory"))
    }

    @Test func historySaveWritesAReplayableScript() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rnnsh-hist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let shell = Interpreter(options: .init(workingDirectory: dir.path))
        _ = shell.execute("x = arange 6")
        // One statement is one statement (it said "saved 1 statements").
        let single = Interpreter(options: .init(workingDirectory: dir.path))
        _ = single.execute("z = 1")
        #expect(run("history save one.rnn", in: single) == "saved 1 statement to one.rnn")
        _ = shell.execute("y = x.reshape(5, 5)")
        _ = shell.execute("y = x.reshape(2, 3)")
        #expect(run("history save s.rnn", in: shell) == "saved 2 statements to s.rnn")
        let text = try String(contentsOf: dir.appendingPathComponent("s.rnn"), encoding: .utf8)
        #expect(text == "x = arange 6\ny = x.reshape(2, 3)\n")
        let fresh = Interpreter(options: .init(workingDirectory: dir.path))
        #expect(run("run s.rnn; y.shape", in: fresh) == "(2, 3)")
    }
}
