import Testing
@testable import Shell

@Suite struct ParserTests {
    static let grammar = Registry.standard.grammar

    func parse(_ s: String) throws -> Statement {
        let parsed = try Parser.parse(s, grammar: Self.grammar)
        try #require(parsed.count == 1)
        return parsed[0].statement
    }

    func expr(_ s: String) throws -> Expr {
        guard case .expression(let e) = try parse(s) else { throw ShellError("not an expression") }
        return e
    }

    func error(_ s: String) -> ShellError? {
        do { _ = try Parser.parse(s, grammar: Self.grammar); return nil } catch { return error }
    }

    @Test func commandFormAndNumpyForm() throws {
        guard case .command(let name, let args, _, _) = try expr("reshape x 2 -1 3") else { Issue.record("not a command"); return }
        #expect(name == "reshape")
        #expect(args.map(\.value) == [.name("x", 8..<9), .int(2, 10..<11), .unary("-", .int(1, 13..<14), 12..<14), .int(3, 15..<16)])
        guard case .call(let callee, let callArgs, _) = try expr("reshape(x, 2)") else { Issue.record("not a call"); return }
        #expect(callee == .name("reshape", 0..<7))
        #expect(callArgs.count == 2)
        // A space before the parenthesis passes a parenthesised argument.
        guard case .command(_, let a2, _, _) = try expr("split (arange 8) 4") else { Issue.record("not a command"); return }
        guard case .command("arange", _, _, _)? = a2.first?.value else { Issue.record("inner not a command"); return }
    }

    @Test func aCommandNameFollowedByAnOperatorIsAnExpression() throws {
        guard case .binary("+", .name("sum", _), .int(1, _), _) = try expr("sum + 1") else { Issue.record("not binary"); return }
        guard case .binary("-", _, _, _) = try expr("vars - 1") else { Issue.record("not binary"); return }
        guard case .command("vars", [], _, _) = try expr("vars") else { Issue.record("not a bare command"); return }
    }

    @Test func keywordOptions() throws {
        guard case .command(_, let args, _, _) = try expr("split x 4 axis=1") else { Issue.record("not a command"); return }
        #expect(args.last?.label == "axis")
        guard case .call(_, let callArgs, _) = try expr("np.split(x, 4, axis=1)") else { Issue.record("not a call"); return }
        #expect(callArgs.last?.label == "axis")
        #expect(error("f(a=1, 2)")?.message == "positional argument follows keyword argument")
    }

    @Test func pipelines() throws {
        guard case .pipeline(let stages, _) = try expr("arange 24 | reshape 2 4 3 | transpose") else { Issue.record("not a pipeline"); return }
        #expect(stages.count == 3)
        guard case .command("transpose", [], _, _) = stages[2] else { Issue.record("bare last stage"); return }
    }

    @Test func assignmentForms() throws {
        guard case .assign(let t, _) = try parse("a, (b, c) = f(x)") else { Issue.record("not an assignment"); return }
        #expect(t == [.unpack([.name("a", 0..<1), .unpack([.name("b", 4..<5), .name("c", 7..<8)], 3..<9)], 0..<9)])
        guard case .assign(let chain, _) = try parse("a = b = 1") else { Issue.record("not an assignment"); return }
        #expect(chain.count == 2)
        guard case .assign(_, .tuple(let items, _)) = try parse("x = 1, 2") else { Issue.record("not a tuple"); return }
        #expect(items.count == 2)
        #expect(error("True = 1")?.message == "cannot assign to True")
    }

    @Test func numpyExpressions() throws {
        guard case .binary("+", .binary("@", .indexing(.name("outs", _), _, _), .name("W", _), _), .name("b", _), _) = try expr("outs[-1] @ W + b") else {
            Issue.record("precedence"); return
        }
        guard case .binary("**", .int(2, _), .unary("-", .int(1, _), _), _) = try expr("2 ** -1") else { Issue.record("power"); return }
        guard case .unary("-", .binary("**", _, _, _), _) = try expr("-2 ** 2") else { Issue.record("unary binds looser than **"); return }
        guard case .indexing(_, let items, _) = try expr("x[:, 1:3, ::-1, ..., None]") else { Issue.record("subscript"); return }
        #expect(items.count == 5)
        guard case .attribute(.call(.attribute(.name("x", _), "reshape", _), _, _), "T", _) = try expr("x.reshape(2, 3).T") else {
            Issue.record("method chain"); return
        }
    }

    @Test func wordsAndPaths() throws {
        guard case .command(_, let args, _, _) = try expr("load /tmp/w.npz") else { Issue.record("not a command"); return }
        #expect(args.first?.value == .word("/tmp/w.npz", 5..<15))
        guard case .command(_, let a2, _, _) = try expr("save x out.npy") else { Issue.record("not a command"); return }
        guard case .attribute(.name("out", _), "npy", _)? = a2.last?.value else { Issue.record("dotted word"); return }
    }

    @Test func statementsAndSeparators() throws {
        let parsed = try Parser.parse("x = 1; y = 2\n# comment\nprint(x,\n  y)  # trailing\n", grammar: Self.grammar)
        #expect(parsed.map(\.text) == ["x = 1", "y = 2", "print(x,\n  y)"])
        guard case .command("time", let args, _, _) = try expr("time x = arange 10") else { Issue.record("time"); return }
        guard case .statement(.assign, "x = arange 10", _)? = args.first?.value else { Issue.record("time's statement"); return }
        guard case .help("reshape", _) = try parse("?reshape") else { Issue.record("?"); return }
        guard case .imports(let items, _) = try parse("import numpy as np"), items.first?.alias == "np" else { Issue.record("import"); return }
    }

    @Test func syntaxErrorsPointAtTheToken() {
        #expect(error("x = = 1")?.span == 4..<5)
        #expect(error("print(1 +)")?.span == 9..<10)
        #expect(error("reshape x 2 +")?.span == 13..<14)
        #expect(error("x.")?.message == "invalid syntax")
        #expect(error("for i in x")?.message == "expected ':'")
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60)
        #expect(error(deep)?.message == "expression is nested too deeply")
        #expect(error(String(repeating: "-", count: 10_000) + "1")?.message == "expression is nested too deeply")
        #expect(error("x" + String(repeating: "[0]", count: 10_000))?.message == "expression is nested too deeply")
        #expect(error((0..<10_000).map { _ in "1" }.joined(separator: "+"))?.message == "expression is nested too deeply")
        #expect(error(String(repeating: "[", count: 5000))?.message == "too many nested parentheses")
        #expect(error("((((((((((1))))))))))") == nil)
    }
}

@Suite struct ItemAssignmentSyntaxTests {
    let grammar = Registry.standard.grammar

    func statement(_ source: String) throws -> Statement? {
        try Parser.parse(source, grammar: grammar).first?.statement
    }

    @Test func itemAssignmentAndAugmentedAssignmentParse() throws {
        guard case .assign(let targets, _)? = try statement("x[0, 1:] = 5"), case .item? = targets.first else {
            Issue.record("x[0, 1:] = 5 is an item assignment"); return
        }
        guard case .augmentedAssign(.name("W", _), "-", _)? = try statement("W -= lr * dW") else {
            Issue.record("W -= lr * dW is an augmented assignment"); return
        }
        guard case .augmentedAssign(.item, "//", _)? = try statement("x[mask] //= 2") else {
            Issue.record("x[mask] //= 2 is an augmented item assignment"); return
        }
        guard case .augmentedAssign(_, "<<", _)? = try statement("x <<= 1") else {
            Issue.record("x <<= 1 is an augmented assignment"); return
        }
    }

    @Test func attributeAssignmentIsRefusedWithAReason() {
        // `x.shape = s` is numpy's in-place reshape (differential family `shape`); the other
        // array attributes are still refused.
        let outputs = Interpreter().execute("x = arange 3; x.size = 1")
        guard case .error(let e)? = outputs.last else { Issue.record("expected an error"); return }
        #expect(e.message == "cannot assign to an attribute")
    }

    @Test func pipeOrBitwiseOr() throws {
        // A command in command form after `|` is a pipe stage; anything else is an or.
        guard case .expression(.pipeline)? = try statement("arange 24 | reshape 2 4 3") else { Issue.record("pipe"); return }
        guard case .expression(.pipeline)? = try statement("x | transpose") else { Issue.record("pipe to a bare command"); return }
        guard case .expression(.binary("|", _, _, _))? = try statement("(a > 1) | (b < 5)") else { Issue.record("or"); return }
        guard case .expression(.binary("|", _, _, _))? = try statement("a | b") else { Issue.record("or of names"); return }
        guard case .expression(.binary("|", _, _, _))? = try statement("x | np.abs(y)") else { Issue.record("or with a call"); return }
        guard case .expression(.binary("==", .binary("|", _, _, _), _, _))? = try statement("a | b == c") else {
            Issue.record("| binds tighter than =="); return
        }
    }
}
