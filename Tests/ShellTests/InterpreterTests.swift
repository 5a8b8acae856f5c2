import Testing
@testable import Shell

/// Runs statements and returns everything they print, errors as `error: …` lines.
func run(_ source: String, in shell: Interpreter = Interpreter()) -> String {
    shell.execute(source).map { output -> String in
        switch output {
        case .text(let t): return t
        case .error(let e): return "error: " + e.message
        case .progress(let p): return "progress: " + p
        }
    }.joined(separator: "\n")
}

@Suite struct InterpreterTests {
    @Test func pythonScalarsAndContainers() {
        #expect(run("1 + 2 * 3") == "7")
        #expect(run("7 // 2; -7 // 2; 7 % -3; 2 ** 10; 1 / 4") == "3\n-4\n-2\n1024\n0.25")
        #expect(run("[1, 2] + [3]; (1,); 'ab' * 2; None; True and 0") == "[1, 2, 3]\n(1,)\nabab\n0")
        #expect(run("repr 'ab'; repr([1, 'x', None, 1e-05, 1e16, 0.1])") == "'ab'\n[1, 'x', None, 1e-05, 1e+16, 0.1]")
        #expect(run("x = [10, 20, 30, 40]; x[-1]; x[1:3]; x[::-2]") == "40\n[20, 30]\n[40, 20]")
    }

    @Test func assignmentUnpackingAndUnderscore() {
        let shell = Interpreter()
        #expect(run("a, (b, c) = 1, (2, 3); print(a, b, c)", in: shell) == "1 2 3")
        #expect(run("a = b = 5; a + b; _ * 2", in: shell) == "10\n20")
        #expect(run("a, b = [1, 2, 3]", in: shell) == "error: too many values to unpack (expected 2)")
        #expect(run("a, b, c = (1, 2)", in: shell) == "error: not enough values to unpack (expected 3, got 2)")
    }

    @Test func failedStatementChangesNothing() {
        let shell = Interpreter()
        _ = shell.execute("x = 1")
        #expect(run("x = 2; y = x + undefined_name", in: shell).hasPrefix("error: name 'undefined_name' is not defined"))
        // The first statement succeeded and is kept; the failing one assigned nothing.
        #expect(run("x; y", in: shell).hasPrefix("2\nerror: name 'y' is not defined"))
        #expect(run("a, b = 1, (2, 3)[5]", in: shell) == "error: tuple index out of range")
        #expect(run("a", in: shell).hasPrefix("error: name 'a' is not defined"))
        #expect(shell.lastSucceededStatements == ["x = 1", "x = 2", "x"])
    }

    @Test func errorsHaveSpansForCarets() throws {
        let outputs = Interpreter().execute("x = 1\nprint(x +)")
        guard case .error(let e)? = outputs.last else { Issue.record("expected an error"); return }
        #expect(e.message == "invalid syntax")
        #expect(e.line == 2)
        #expect(e.rendered() == "error: invalid syntax\n  print(x +)\n           ^")
    }

    @Test func didYouMean() {
        #expect(run("value = 1; valeu") == "error: name 'valeu' is not defined. Did you mean: 'value'?")
        #expect(run("hlep") == "error: name 'hlep' is not defined. Did you mean: 'help'?")
    }

    @Test func commandFormAndShellCommands() {
        let shell = Interpreter()
        #expect(run("print 1 2 'x' sep=','", in: shell) == "1,2,x")
        #expect(run("print (1 + 2) -3", in: shell) == "3 -3")
        #expect(run("x = 1; del x; x", in: shell).hasPrefix("error: name 'x' is not defined"))
        #expect(run("print 1 2 bogus=3", in: shell) == "error: print() got an unexpected keyword argument 'bogus'")
        #expect(run("print 1 spe=3", in: shell) == "error: print() got an unexpected keyword argument 'spe'. Did you mean: 'sep'?")
    }

    @Test func quitStopsTheRest() {
        let shell = Interpreter()
        #expect(run("print 1; quit; print 2", in: shell) == "1")
        #expect(shell.exitStatus == 0)
    }

    @Test func importNumpyIsAccepted() {
        #expect(run("import numpy as np") == "")
        #expect(run("import torch").hasPrefix("error: No module named 'torch'"))
    }
}
