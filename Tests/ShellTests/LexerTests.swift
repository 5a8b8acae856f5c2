import Testing
@testable import Shell

@Suite struct LexerTests {
    func kinds(_ s: String) throws -> [Token.Kind] { try Lexer(s).tokenize().map(\.kind) }

    @Test func namesNumbersOperators() throws {
        #expect(try kinds("x = np.arange(24)") == [.name("x"), .op("="), .name("np"), .op("."), .name("arange"), .op("("), .int("24"), .op(")"), .end])
        #expect(try kinds("1.5 .5 1e-3 1_000 2**3 a//b") == [.float("1.5"), .float(".5"), .float("1e-3"), .int("1000"), .int("2"), .op("**"), .int("3"), .name("a"), .op("//"), .name("b"), .end])
    }

    @Test func columnsAndSpacing() throws {
        let t = try Lexer("f(x) f (x)").tokenize()
        #expect(t[0].span == 0..<1 && t[0].spaceBefore)
        #expect(t[1].span == 1..<2 && !t[1].spaceBefore)
        #expect(t[5].isOp("(") && t[5].spaceBefore)
    }

    @Test func stringsAndComments() throws {
        #expect(try kinds("'a\\tb' \"it's\" # c") == [.string("a\tb"), .string("it's"), .end])
    }

    @Test func separatorsAndContinuation() throws {
        #expect(try kinds("a\n\n;b") == [.name("a"), .separator, .name("b"), .end])
        #expect(try kinds("f(1,\n 2)") == [.name("f"), .op("("), .int("1"), .op(","), .int("2"), .op(")"), .end])
        #expect(try kinds("a + \\\n b") == [.name("a"), .op("+"), .name("b"), .end])
    }

    @Test func errorsCarryPythonWordingAndSpans() {
        func error(_ s: String) -> ShellError? {
            do { _ = try Lexer(s).tokenize(); return nil } catch { return error }
        }
        #expect(error("x = 'abc")?.message == "unterminated string literal (detected at line 1)")
        #expect(error("x = 'abc")?.span == 4..<5)
        #expect(error("f(1")?.message == "'(' was never closed")
        #expect(error("f(1]")?.message == "closing parenthesis ']' does not match opening parenthesis '('")
        #expect(error("x)")?.message == "unmatched ')'")
        #expect(error("x = $")?.message == "invalid character '$' (U+0024)")
        #expect(error("a\u{0}")?.message == "invalid non-printable character U+0000")
        #expect(error("1abc")?.message == "invalid decimal literal")
    }

    @Test func continuationDetection() {
        #expect(Interpreter.needsContinuation("x = f(1,"))
        #expect(Interpreter.needsContinuation("x = 1 + \\"))
        #expect(!Interpreter.needsContinuation("x = f(1)"))
        #expect(!Interpreter.needsContinuation("x = 'abc"))
    }
}
