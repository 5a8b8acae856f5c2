import Foundation
import Testing
@testable import Shell

/// Piped and pasted input is cut into statements as Python reads a script file: a block goes on
/// over blank lines and comments, and ends at the next line of code at column 0.
@Suite struct ScriptStatementReaderTests {
    /// Feeds `text` line by line; the statements with the lines they start on.
    func statements(_ text: String) -> [ScriptStatementReader.Statement] {
        var reader = ScriptStatementReader()
        var out: [ScriptStatementReader.Statement] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += reader.append(String(line))
        }
        if let last = reader.finish() { out.append(last) }
        return out
    }

    func s(_ text: String, _ line: Int) -> ScriptStatementReader.Statement { .init(text: text, line: line) }

    @Test func blankLinesAndCommentsStayInsideADef() {
        let got = statements("def f(x):\n    a = x\n\n    # why\n# at column 0\n    \n    return a\n\nprint(f(1))\n")
        #expect(got == [s("def f(x):\n    a = x\n\n    # why\n# at column 0\n    \n    return a", 1), s("print(f(1))", 9)])
    }

    @Test func simpleStatementsRunOneByOne() {
        #expect(statements("x = 1\n\n# note\ny = (x +\n2)\nprint(y)") ==
                [s("x = 1", 1), s("# note", 3), s("y = (x +\n2)", 4), s("print(y)", 6)])
    }

    /// `else`, `elif`, `except`, `finally` at column 0 continue their statement; so does the
    /// `def` under a decorator. `elsewhere = 1` is a new statement.
    @Test func continuationsAtColumnZero() {
        #expect(statements("if a:\n    b\n\nelif c:\n    d\nelse:\n    e\nelsewhere = 1") ==
                [s("if a:\n    b\n\nelif c:\n    d\nelse:\n    e", 1), s("elsewhere = 1", 8)])
        #expect(statements("try:\n    a\nexcept ValueError:\n    b\nfinally:\n    c\nd") ==
                [s("try:\n    a\nexcept ValueError:\n    b\nfinally:\n    c", 1), s("d", 7)])
        #expect(statements("@dec\n@dec2\ndef f():\n    pass\nf()") == [s("@dec\n@dec2\ndef f():\n    pass", 1), s("f()", 5)])
    }

    /// Brackets and triple-quoted strings keep a block open even with text at column 0.
    @Test func bracketsAndStringsAtColumnZero() {
        #expect(statements("def f():\n    x = [1,\n2]\n    s = '''a\nb'''\n    return x\nf()") ==
                [s("def f():\n    x = [1,\n2]\n    s = '''a\nb'''\n    return x", 1), s("f()", 7)])
        #expect(statements("for i in range(2): print(i)\nprint('done')") ==
                [s("for i in range(2): print(i)", 1), s("print('done')", 2)])
    }

    /// A block at the end of the input runs at its end; nothing is left over after blank lines.
    @Test func theEndOfInputEndsTheBlock() {
        #expect(statements("for i in range(2):\n    print(i)\n\n\n") == [s("for i in range(2):\n    print(i)", 1)])
        #expect(statements("\n\n").isEmpty)
    }

    /// A triple-quoted string's lines are text: brackets, quotes and column-0 lines inside a
    /// docstring neither open nor end anything (the bracket scanner used to count its `(`).
    @Test func tripleQuotedStringsAreText() {
        #expect(statements("def f():\n    \"\"\"Calls g(x, [it's\nnot code) at column 0\n\"\"\"\n    return 1\nf()") ==
                [s("def f():\n    \"\"\"Calls g(x, [it's\nnot code) at column 0\n\"\"\"\n    return 1", 1), s("f()", 6)])
        #expect(statements("s = '''a\n\nb'''\nprint(s)") == [s("s = '''a\n\nb'''", 1), s("print(s)", 4)])
        // An unterminated one takes the rest of the input, as in CPython (whose SyntaxError
        // then names the line it opened on).
        #expect(statements("x = ''' (\ny = 1\n") == [s("x = ''' (\ny = 1", 1)])
        var scanner = ContinuationScanner()
        scanner.append("x = '''it's (")
        #expect(scanner.needsMore && scanner.inTripleQuotedString)
        scanner.append("\\''' ''' + f(")
        #expect(scanner.needsMore && !scanner.inTripleQuotedString)
        scanner.append(")")
        #expect(!scanner.needsMore)
    }

    /// Each line is read once: a 20,000-line def with a docstring (which made the reader lex
    /// all pending lines on every line) is cut in well under a second; the bound allows a
    /// loaded debug machine, the quadratic reader took minutes.
    @Test func aLongBlockIsReadInLinearTime() {
        var reader = ScriptStatementReader()
        var out: [ScriptStatementReader.Statement] = []
        let start = Date()
        out += reader.append("def f():")
        out += reader.append("    \"\"\"A docstring (with a bracket).\"\"\"")
        for i in 0..<20_000 { out += reader.append(i % 3 == 0 ? "" : "    x = \(i)  # (") }
        out += reader.append("f()")
        if let last = reader.finish() { out.append(last) }
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(out.map(\.line) == [1, 20_003])
    }
}
