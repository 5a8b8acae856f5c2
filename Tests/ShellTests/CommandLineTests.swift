import Foundation
import Testing
@testable import Shell

/// The executable's non-interactive front ends, run as a user would: pipe mode, `-c`, script
/// replay, `--check`/`--update`, `docs`. Uses the built binary (see `REPLTerminal.binary()`).
@Suite struct CommandLineTests {
    typealias Result = RnnshProcess.Result

    func rnnsh(_ arguments: [String], stdin: String = "", in directory: URL? = nil) throws -> Result {
        try RnnshProcess.run(arguments, stdin: stdin, in: directory)
    }

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rnnsh-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func pipeModeHasNoPromptsAndKeepsGoingAfterErrors() throws {
        let r = try rnnsh([], stdin: "x = arange 6 | reshape 2 3\nx.reshape(4, 4)\nnp.split(x,\n  3, axis=1)[0].T\n")
        #expect(r.stdout == "[[0 3]]\n")
        #expect(r.stderr.hasPrefix("<stdin>:2: ValueError: cannot reshape array of size 6 into shape (4,4)\n"))
        #expect(r.status == 1)
        // An error inside a statement continued over lines names the line it is on.
        let continued = try rnnsh([], stdin: "x = 1\ny = (1 +\n  undefined)\n")
        #expect(continued.stderr == "<stdin>:3: NameError: name 'undefined' is not defined\n    undefined)\n    ^^^^^^^^^\n")
        let ok = try rnnsh([], stdin: "print('hi')\nquit\nprint('never')\n")
        #expect(ok.stdout == "hi\n" && ok.status == 0)
    }

    /// The TF1 program (Fixtures/tf1-program: blank and comment lines inside its defs, a
    /// comment at column 0 inside one) runs as written when piped in and when given as a
    /// `.py` file: only its output, the exact lines the fixture records, nothing on stderr.
    /// Piped input is read as Python reads a script (a blank line at the REPL's `...` prompt
    /// still ends a block: REPLBlockTests).
    @Test func aTF1ProgramRunsPipedAndAsAPythonFile() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/tf1-program")
        let program = fixture.appendingPathComponent("program.py")
        let expected = try String(contentsOf: fixture.appendingPathComponent("expected.txt"), encoding: .utf8)
        let piped = try rnnsh([], stdin: try String(contentsOf: program, encoding: .utf8))
        #expect(piped.stdout == expected)
        #expect(piped.stderr == "")
        #expect(piped.status == 0)
        let file = try rnnsh([program.path])
        #expect(file.stdout == expected)
        #expect(file.stderr == "")
        #expect(file.status == 0)
    }

    /// The same program as a paste can deliver it: indented with tabs or two spaces, with
    /// trailing blanks, with Windows line ends. Python reads each as the original, and so
    /// must rnnsh, piped and as a `.py` file: the exact lines of the fixture, nothing on stderr.
    @Test(arguments: ["tabs", "two spaces", "trailing blanks", "CRLF"])
    func aTF1ProgramRunsWhateverItsIndentationAndLineEnds(_ variant: String) throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/tf1-program")
        let original = try String(contentsOf: fixture.appendingPathComponent("program.py"), encoding: .utf8)
        let expected = try String(contentsOf: fixture.appendingPathComponent("expected.txt"), encoding: .utf8)
        let lines = original.components(separatedBy: "\n")
        func reindented(_ unit: String) -> String {
            lines.map { line in
                let spaces = line.prefix { $0 == " " }.count
                return String(repeating: unit, count: spaces / 4) + String(repeating: " ", count: spaces % 4) + line.dropFirst(spaces)
            }.joined(separator: "\n")
        }
        let program: String
        switch variant {
        case "tabs": program = reindented("\t")
        case "two spaces": program = reindented("  ")
        case "trailing blanks": program = lines.map { $0 + " \t " }.joined(separator: "\n")
        default: program = lines.joined(separator: "\r\n")
        }
        #expect(program != original)
        let piped = try rnnsh([], stdin: program)
        #expect(piped.stdout == expected)
        #expect(piped.stderr == "")
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("program.py")
        try program.write(to: file, atomically: true, encoding: .utf8)
        let run = try rnnsh([file.path])
        #expect(run.stdout == expected)
        #expect(run.stderr == "")
        #expect(run.status == 0)
    }

    /// numpy's RuntimeWarnings go to stderr as python3 shows them: `PATH:LINE: RuntimeWarning:
    /// …` with the stripped source line for a script (its absolute path), `<stdin>:LINE:` piped,
    /// `<string>:LINE:` for `-c`, each once per message and line (the loop warns once), in
    /// numpy's order (divide before invalid); errstate's 'ignore' and NaN operands of
    /// `maximum`, `//`, `%` and `divmod` stay silent; stdout is unchanged. The expected texts are python3 3.11.7 +
    /// numpy 2.4's, with the script's path put in.
    @Test func numpyRuntimeWarningsGoToStderrAsPythonShowsThem() throws {
        let program = """
            import numpy as np
            x = np.log(np.array([1.0, 0.0, -1.0]))
            def f(a):
                return np.sqrt(a)
            for i in range(3):
                y = f(np.array([-1.0]))
            z = np.array([1.0, 2.0]) / 0
            z = np.array([1e308]) * 10
            w = np.float64(1.0) / 0
            with np.errstate(divide='ignore'):
                v = np.log(np.array([0.0]))
            a = np.array([1.0, 0.0])
            a /= 0
            n = np.array([np.nan, 1.0])
            m = np.maximum(n, 0) + 1
            q = np.array([-1.0, 4.0]) ** 0.5
            r = np.array([np.nan, np.inf, 5.5]) // 2
            s = np.array([np.nan, -7.25], dtype=np.float32) % 2
            d = divmod(np.array([1.0, np.inf]), 0.0)
            e = np.divmod(np.array([np.nan, 7.0]), 3.0)
            print(x, y, z, w, v, a, m, q)
            print(r, s, d, e)

            """
        let stdout = "[  0. -inf  nan] [nan] [inf] inf [-inf] [inf nan] [nan  2.] [nan  2.]\n"
            + "[nan nan  2.] [ nan 0.75] (array([inf, inf]), array([nan, nan])) (array([nan,  2.]), array([nan,  1.]))\n"
        let places: [(line: Int, message: String, source: String)] = [
            (2, "divide by zero encountered in log", "x = np.log(np.array([1.0, 0.0, -1.0]))"),
            (2, "invalid value encountered in log", "x = np.log(np.array([1.0, 0.0, -1.0]))"),
            (4, "invalid value encountered in sqrt", "return np.sqrt(a)"),
            (7, "divide by zero encountered in divide", "z = np.array([1.0, 2.0]) / 0"),
            (8, "overflow encountered in multiply", "z = np.array([1e308]) * 10"),
            (9, "divide by zero encountered in scalar divide", "w = np.float64(1.0) / 0"),
            (13, "divide by zero encountered in divide", "a /= 0"),
            (13, "invalid value encountered in divide", "a /= 0"),
            (16, "invalid value encountered in sqrt", "q = np.array([-1.0, 4.0]) ** 0.5"),
            // inf // 2 is invalid; NaN operands of // % divmod are not (numpy's quiet tests).
            (17, "invalid value encountered in floor_divide", "r = np.array([np.nan, np.inf, 5.5]) // 2"),
            // Python's divmod of an array is np.divmod: one ufunc, named so.
            (19, "divide by zero encountered in divmod", "d = divmod(np.array([1.0, np.inf]), 0.0)"),
            (19, "invalid value encountered in divmod", "d = divmod(np.array([1.0, np.inf]), 0.0)"),
        ]
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("program.py")
        try program.write(to: file, atomically: true, encoding: .utf8)
        let run = try rnnsh([file.path])
        #expect(run.stdout == stdout)
        #expect(run.stderr == places.map { "\(file.path):\($0.line): RuntimeWarning: \($0.message)\n  \($0.source)\n" }.joined())
        #expect(run.status == 0)
        let piped = try rnnsh([], stdin: program)
        #expect(piped.stdout == stdout)
        #expect(piped.stderr == places.map { "<stdin>:\($0.line): RuntimeWarning: \($0.message)\n" }.joined())
        let dashC = try rnnsh(["-c", program])
        #expect(dashC.stdout == stdout)
        #expect(dashC.stderr == places.map { "<string>:\($0.line): RuntimeWarning: \($0.message)\n" }.joined())
    }

    /// numpy's private exception classes, as its traceback names them: the class line says
    /// `numpy._core._exceptions._UFuncOutputCastingError` (python3's last traceback line),
    /// while `except TypeError` still catches it.
    @Test func numpyPrivateExceptionClassesAreNamedAsNumpysTracebackNamesThem() throws {
        let cast = try rnnsh([], stdin: "import numpy as np\nc = np.zeros(3, np.int32)\nc += 1.5\n")
        #expect(cast.stderr.hasPrefix("<stdin>:3: numpy._core._exceptions._UFuncOutputCastingError: Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'\n"))
        let memory = try rnnsh([], stdin: "import numpy as np\nnp.ones(10**13)\n")
        #expect(memory.stderr.hasPrefix("<stdin>:2: numpy._core._exceptions._ArrayMemoryError: Unable to allocate 72.8 TiB for an array with shape (10000000000000,) and data type float64\n"))
        let caught = try rnnsh([], stdin: "import numpy as np\nc = np.zeros(3, np.int32)\ntry:\n    c += 1.5\nexcept TypeError as e:\n    print(type(e).__name__)\ntry:\n    np.ones(10**13)\nexcept MemoryError as e:\n    print(type(e).__name__)\n")
        #expect(caught.stdout == "UFuncTypeError\nMemoryError\n")
        #expect(caught.stderr == "")
    }

    /// A `.py` file shows what python3 shows: expression statements are not echoed, a print
    /// with `end=` continues its line into the next statement (and the last one ends the output
    /// without a newline), and the shell's command names are not Python names (`print(train)`
    /// is python3's NameError, not a training run). Expected texts are python3's.
    @Test(arguments: [
        (name: "bare expressions", source: "import numpy as np\nl = [1, 2, 3]\nl.pop()\nd = {'a': 1}\nd.pop('a')\nnp.zeros(2)\n'text'\nprint(l, d)\n",
         stdout: "[1, 2] {}\n", error: nil as String?),
        (name: "print end", source: "print('a', end=' ')\nprint('b', end=' ')\nprint()\nprint('c', end='')\nx = 1\nprint('d')\nfor i in range(3):\n    print(i, end=',')\nprint('e', end='')\n",
         stdout: "a b \ncd\n0,1,2,e", error: nil),
        (name: "command names", source: "print('x', end='')\nprint(train)\n",
         stdout: "x", error: "NameError: name 'train' is not defined"),
        (name: "numpy form names", source: "import numpy as np\nprint(np.arange(2))\nprint(arange(3))\n",
         stdout: "[0 1]\n", error: "NameError: name 'arange' is not defined"),
    ])
    func aPythonFileShowsOnlyWhatItPrints(name: String, source: String, stdout: String, error: String?) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("program.py")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let run = try rnnsh([file.path])
        #expect(run.stdout == stdout, "\(name)")
        if let error {
            #expect(run.stderr.contains(error), "\(name): \(run.stderr)")
            #expect(run.status == 1)
        } else {
            #expect(run.stderr == "", "\(name)")
            #expect(run.status == 0)
        }
    }

    /// Python 2's `print 'Epoch', epoch` (old tutorials have it) is python3's SyntaxError,
    /// word for word. A `.py` file is parsed whole first, as python3 compiles it, so nothing
    /// runs and its error shows the line; piped input reports it and goes on. (`print x` alone
    /// stays rnnsh's command form.)
    @Test func aPython2PrintIsPython3sSyntaxError() throws {
        let source = "print('before')\ndef report(epoch):\n\n    print 'Epoch', epoch, 'loss:', 1.5\nprint('after')\n"
        let message = "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n      print 'Epoch', epoch, 'loss:', 1.5\n      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("old.py")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let run = try rnnsh([file.path])
        #expect(run.stdout == "")
        #expect(run.stderr == "\(file.path):4: " + message)
        #expect(run.status == 1)
        let piped = try rnnsh([], stdin: source)
        #expect(piped.stdout == "before\nafter\n")
        #expect(piped.stderr == "<stdin>:4: " + message)
    }

    /// `run FILE` names the file's line that failed: a syntax error at the end of the file on
    /// its line (not the empty one after the last newline), an error inside a function
    /// defined in the file on the function's line, an error in a statement continued over
    /// lines on its own line; with that line's text and a caret, as python3 FILE shows them.
    @Test func runFileErrorsCarryTheFilesLines() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = ["end.py": "x = 1\n1 +\n",
                     "def.py": "x = 1\n\ndef f():\n\n    return 1/0\n\nf()\n",
                     "long.py": "x = 1\ny = [1,\n  2] + undefined\n"]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        #expect(try rnnsh(["-c", "run 'end.py'"], in: dir).stderr == "end.py:2: SyntaxError: invalid syntax\n  1 +\n     ^\n")
        #expect(try rnnsh(["-c", "run 'def.py'"], in: dir).stderr == "def.py:5: ZeroDivisionError: division by zero\n      return 1/0\n             ^^^\nin f(), line 5\n")
        #expect(try rnnsh(["-c", "run 'long.py'"], in: dir).stderr == "long.py:3: NameError: name 'undefined' is not defined\n    2] + undefined\n         ^^^^^^^^^\n")
        // The file run directly reports the same lines.
        #expect(try rnnsh(["end.py"], in: dir).stderr == "end.py:2: SyntaxError: invalid syntax\n  1 +\n     ^\n")
    }

    /// An error inside a function called later names the line that failed, as the last frame
    /// of CPython's traceback does (`python3 < f.py`: `File "<stdin>", line 6, in f`), not the
    /// line of the call. Piped input goes on after it; a .py file stops, as python3 does.
    @Test func anErrorInsideAFunctionNamesItsOwnLine() throws {
        let source = "def f(x):\n\n    # a comment\n    y = x + 1\n\n    return undefined_name + y\n\ndef g():\n    \"\"\"Calls f (its error is f's line).\"\"\"\n    return f(2)\nprint(\"before\")\ng()\nprint(\"after\")\n"
        let message = "NameError: name 'undefined_name' is not defined\n      return undefined_name + y\n             ^^^^^^^^^^^^^^\nin f(), line 6\n"
        let piped = try rnnsh([], stdin: source)
        #expect(piped.stdout == "before\nafter\n")
        #expect(piped.stderr == "<stdin>:6: " + message)
        #expect(piped.status == 1)
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("f.py")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let run = try rnnsh([file.path])
        #expect(run.stdout == "before\n")
        #expect(run.stderr == "\(file.path):6: " + message)
        #expect(run.status == 1)
    }

    @Test func dashCStopsAtTheFirstError() throws {
        let r = try rnnsh(["-c", "print(1); nope; print(3)"])
        #expect(r.stdout == "1\n")
        // CPython 3.11 suggests 'None' too (it is in dir(builtins)).
        #expect(r.stderr == "NameError: name 'nope' is not defined. Did you mean: 'None'?\n  print(1); nope; print(3)\n            ^^^^\n")
        #expect(r.status == 1)
        #expect(try rnnsh(["-c", "a, b = np.split(np.arange(4), 2)\nprint(b)"]).stdout == "[2 3]\n")
    }

    /// sys.argv as python3 has it: ['-c'] for -c, [FILE] for a program (its name as given).
    @Test func sysArgvIsPythons() throws {
        #expect(try rnnsh(["-c", "import sys; print(sys.argv)"]).stdout == "['-c']\n")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rnnsh-argv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "import sys\nprint(sys.argv)\n".write(to: dir.appendingPathComponent("a.py"), atomically: true, encoding: .utf8)
        #expect(try rnnsh(["a.py"], in: dir).stdout == "['a.py']\n")
    }

    /// Like `python3 -c`, the statements may start with a minus sign (they used to be taken
    /// for an unknown option, exit 64).
    @Test func dashCTakesStatementsThatStartWithAMinus() throws {
        let r = try rnnsh(["-c", "-1 + 3; -np.arange(2)"])
        #expect(r.stdout == "2\n[ 0 -1]\n")
        #expect(r.status == 0)
    }

    @Test func scriptReplayAndCheck() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("s.rnn")
        try "# demo\nx = arange 4\nx.reshape(3, 3)   # error: wrong size\nx * 2\nx.nope\nprint('end')\n".write(to: script, atomically: true, encoding: .utf8)

        let replay = try rnnsh([script.path])
        #expect(replay.status == 1)
        #expect(replay.stderr.hasPrefix("\(script.path):5: AttributeError: 'numpy.ndarray' object has no attribute 'nope'"))
        #expect(replay.stdout == "# demo\n>>> x = arange 4\n>>> x.reshape(3, 3)   # error: wrong size\nValueError: cannot reshape array of size 4 into shape (3,3)\nreshape: x has 4 elements; (3, 3) needs 9\n>>> x * 2\n[0 2 4 6]\n>>> x.nope\n")
        let keepGoing = try rnnsh(["--keep-going", script.path])
        #expect(keepGoing.stdout.hasSuffix(">>> print('end')\nend\n") && keepGoing.status == 1)

        try "x = arange 4\nx * 2\n".write(to: script, atomically: true, encoding: .utf8)
        let update = try rnnsh(["--check", "--update", script.path])
        #expect(update.status == 0)
        let out = try String(contentsOf: dir.appendingPathComponent("s.out"), encoding: .utf8)
        #expect(out == ">>> x = arange 4\n>>> x * 2\n[0 2 4 6]\n")
        #expect(try rnnsh(["--check", script.path]).status == 0)
        try "x = arange 4\nx * 3\n".write(to: script, atomically: true, encoding: .utf8)
        let check = try rnnsh(["--check", script.path])
        #expect(check.status == 1)
        #expect(check.stdout.hasSuffix("@@ -1,3 +1,3 @@\n >>> x = arange 4\n->>> x * 2\n-[0 2 4 6]\n+>>> x * 3\n+[0 3 6 9]\nFAIL \(script.path)\n0 passed, 1 failed\n"))
    }

    /// Many scripts: one `ok`/`FAIL`/`skip` line each and the closing `N passed, M failed` line.
    @Test func checkOfManyScriptsEndsWithACount() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ text: String) throws -> String {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let good = try write("good.rnn", "arange 3\n")
        _ = try write("good.out", ">>> arange 3\n[0 1 2]\n")
        let bad = try write("bad.rnn", "arange 2\n")
        _ = try write("bad.out", ">>> arange 2\n[0 2]\n")
        let skipped = try write("slow.rnn", "# rnnsh: no transcript\narange 1\n")
        let r = try rnnsh(["--check", good, bad, skipped])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("ok \(good)\n"))
        #expect(r.stdout.contains("FAIL \(bad)\n"))
        #expect(r.stdout.hasSuffix("1 passed, 1 failed, 1 skipped\n"))
    }

    /// Found by QA: a script without its `.out` was diffed against an empty text (a `-` line
    /// for a line that never existed) instead of saying the transcript is missing.
    @Test func checkWithoutATranscriptSaysSo() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("new.rnn")
        try "x = arange 2\n".write(to: script, atomically: true, encoding: .utf8)
        let check = try rnnsh(["--check", script.path])
        #expect(check.status == 1)
        #expect(check.stdout == "FAIL \(script.path)\n0 passed, 1 failed\n")
        #expect(check.stderr == "error: \(script.path): no transcript \(dir.appendingPathComponent("new.out").path) to compare with (create it with --check --update)\n")
    }

    @Test func docsCommandPrintsTheCommittedReference() throws {
        let committed = try String(contentsOf: RegistryTests.repositoryRoot.appendingPathComponent("docs/commands.md"), encoding: .utf8)
        #expect(try rnnsh(["docs"]).stdout == committed)
    }

    @Test func printAndReprOfArrayFiles() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try rnnsh(["-c", "save (arange 6 | reshape 2 3) a.npy"], in: dir)
        #expect(try rnnsh(["print", "a.npy"], in: dir).stdout == "[[0 1 2]\n [3 4 5]]\n")
        #expect(try rnnsh(["repr", "a.npy"], in: dir).stdout == "array([[0, 1, 2],\n       [3, 4, 5]])\n")
        #expect(try rnnsh(["print", "missing.npy"], in: dir).status == 1)
    }
}

/// `download` as a learner meets it without a network, and `mnist NAME` before a download.
@Suite struct DownloadCommandTests {
    @Test func offlineDownloadSaysWhereToCopyTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rnnsh-dl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let shell = Interpreter(options: .init(workingDirectory: dir.path))
        // Port 1 on loopback refuses at once: the same path as a machine without a network.
        let out = shell.execute("download mnist url='http://127.0.0.1:1/' dir='cache'")
        guard case .error(let e)? = out.last else { Issue.record("\(out)"); return }
        #expect(e.message == "no network: could not reach http://127.0.0.1:1/mnist.npz (Couldn't connect to server)")
        #expect(e.explanation == "copy mnist.npz to \(dir.path)/cache/ (from http://127.0.0.1:1/), then run mnist")
        #expect(e.kind == .osError)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir.path + "/cache")) ?? []).isEmpty)
    }

    @Test func unknownDatasetsAreSuggested() {
        let out = Interpreter().execute("download kmnsit")
        guard case .error(let e)? = out.last else { Issue.record("\(out)"); return }
        #expect(e.message == "unknown dataset 'kmnsit'. Did you mean: 'kmnist'? (known: mnist, fashion-mnist, kmnist)")
    }
}
