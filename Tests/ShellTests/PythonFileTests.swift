import Foundation
import Testing
import Tensor
import TestSupport
@testable import Shell

/// `open()`, `sys` and `os` where the differential families cannot look: the write policy of a
/// `--safe` replay, when a written file reaches the disk, the memory budget on reading, and
/// `sys.exit`'s status.
@Suite(.serialized) struct PythonFileTests {
    /// A `--safe` session writes only under its directory: `open(p, 'w')` and `os.makedirs`
    /// outside it are refused in Python's words, and nothing is created.
    @Test func safeReplayRefusesWritesOutside() throws {
        let dir = try ScratchDirectory("py-open-safe")
        defer { ScratchDirectory.remove(dir.path) }
        var options = Interpreter.Options(workingDirectory: dir.path + "/inner")
        try FileManager.default.createDirectory(atPath: dir.path + "/inner", withIntermediateDirectories: true)
        options.writePolicy = .under(dir.path + "/inner")
        let shell = Interpreter(options: options)
        #expect(run("f = open('../outside.txt', 'w')", in: shell) == "error: [Errno 13] Permission denied: '../outside.txt'")
        #expect(run("import os\nos.makedirs('../made')", in: shell) == "error: [Errno 13] Permission denied: '../made'")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/outside.txt"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/made"))
        // Inside the directory it writes, and reading anywhere stays allowed.
        #expect(run("n = open('ok.txt', 'w').write('fine')\nprint(n, open('ok.txt').read())", in: shell) == "4 fine")
    }

    /// The text of a file opened for writing reaches the disk whole: not while the statement
    /// that writes it runs, but at its end (or at close), and the old contents stay until then.
    @Test func writtenTextAppearsAtomicallyAtTheStatementsEnd() throws {
        let dir = try ScratchDirectory("py-open-atomic")
        defer { ScratchDirectory.remove(dir.path) }
        let shell = Interpreter(options: .init(workingDirectory: dir.path))
        let path = dir.path + "/a.txt"
        try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(run("f = open('a.txt', 'w')\nf.write('new\\n')\nprint(repr(open('a.txt').read()))", in: shell) == "4\n'new\\n'")
        // Within one statement (a block is one) the old contents are what a reader sees.
        #expect(run("if True:\n    g = open('a.txt', 'w')\n    n = g.write('third\\n')\n    print(repr(open('a.txt').read()))", in: shell) == "'new\\n'")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "third\n")
        // No temporary is left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(names == ["a.txt"], "\(names)")
        #expect(run("f.close(); g.close(); print(f.closed, g.closed)", in: shell) == "True True")
    }

    /// A file bigger than the memory budget is refused before it is read (a sparse file, so
    /// the test takes no disk and leaves the process-wide budget alone).
    @Test func readingRespectsTheMemoryBudget() throws {
        let dir = try ScratchDirectory("py-open-budget")
        defer { ScratchDirectory.remove(dir.path) }
        let path = dir.path + "/big.txt"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(Limits.maxBytes) + 1)
        try handle.close()
        let shell = Interpreter(options: .init(workingDirectory: dir.path))
        let out = run("data = open('big.txt').read()", in: shell)
        #expect(out.hasPrefix("error: cannot allocate"), "\(out)")
        #expect(run("data", in: shell).hasPrefix("error: name 'data' is not defined"))
    }

    /// The policy is asked again when the text is written, not only at open(): a symlink put
    /// at the path in between (by the test here, standing for anything outside the session)
    /// does not carry a --safe replay's text out of its directory. The failed write is
    /// reported at the end of the statement that wrote, not again after every statement.
    @Test func safeReplayChecksThePolicyAgainWhenWriting() throws {
        let dir = try ScratchDirectory("py-open-safe-flush")
        defer { ScratchDirectory.remove(dir.path) }
        let inner = dir.path + "/inner"
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
        var options = Interpreter.Options(workingDirectory: inner)
        options.writePolicy = .under(inner)
        let shell = Interpreter(options: options)
        #expect(run("f = open('out.txt', 'w')", in: shell) == "")
        try FileManager.default.removeItem(atPath: inner + "/out.txt")
        try FileManager.default.createSymbolicLink(atPath: inner + "/out.txt", withDestinationPath: "../outside.txt")
        #expect(run("n = f.write('escaped')", in: shell) == "error: [Errno 13] Permission denied: 'out.txt'")
        #expect(run("print(n)", in: shell) == "7")
        #expect(run("f.close()", in: shell) == "error: [Errno 13] Permission denied: 'out.txt'")
        #expect(run("print(f.closed)", in: shell) == "True")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/outside.txt"))
    }

    /// json.loads asks the memory budget for the text's characters and, as it goes, for the
    /// values it makes: `'[0,' * n` is refused before its values take about 8 times the text.
    /// dict.fromkeys likewise. Neither binds its name.
    @Test func jsonAndFromkeysRespectTheMemoryBudget() {
        let shell = Interpreter()
        _ = run("import json\ns = '[' + '0,' * 1500000 + '0]'", in: shell)
        let json = Limits.withBudget(16 << 20) { run("x = json.loads(s)", in: shell) }
        #expect(json.hasPrefix("error: cannot allocate"), "\(json)")
        let keys = Limits.withBudget(8 << 20) { run("d = dict.fromkeys(range(1000000))", in: shell) }
        #expect(keys.hasPrefix("error: cannot allocate"), "\(keys)")
        #expect(run("x", in: shell).hasPrefix("error: name 'x' is not defined"))
        #expect(run("d", in: shell).hasPrefix("error: name 'd' is not defined"))
        #expect(run("print(len(json.loads('[0, 1, 2]')), len(dict.fromkeys(range(70000))))", in: shell) == "3 70000")
    }

    /// json.loads's hooks change what is decoded: refused in one line rather than ignored.
    @Test func jsonDecodeHooksAreRefusedNotIgnored() {
        let shell = Interpreter()
        #expect(run("import json\nd = json.loads('{\"a\": 1}', object_hook=lambda d: 5)", in: shell)
                == "error: json.loads's object_hook= is not supported")
        #expect(run("d", in: shell).hasPrefix("error: name 'd' is not defined"))
        #expect(run("print(json.loads('[1]', strict=True, object_hook=None))", in: shell) == "[1]")
    }

    /// `sys.exit(n)` ends the session with status n; a message is status 1.
    @Test func sysExitSetsTheStatus() {
        let shell = Interpreter()
        #expect(run("import sys\nprint('a')\nsys.exit(3)\nprint('b')", in: shell) == "a")
        #expect(shell.exitStatus == 3)
        let other = Interpreter()
        _ = run("import sys\nsys.exit()", in: other)
        #expect(other.exitStatus == 0)
    }

    /// Binary and '+' modes are refused with one line; the file is not touched.
    @Test func binaryModesAreRefused() throws {
        let dir = try ScratchDirectory("py-open-binary")
        defer { ScratchDirectory.remove(dir.path) }
        let shell = Interpreter(options: .init(workingDirectory: dir.path))
        #expect(run("open('x.bin', 'wb')", in: shell) == "error: binary files are not supported: open() reads and writes text")
        #expect(run("open('x.txt', 'r+')", in: shell) == "error: open() with '+' (read and write at once) is not supported")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
