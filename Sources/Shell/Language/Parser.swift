/// Builds statements from tokens. Two forms mix freely:
///
/// * numpy form — Python expression syntax: `np.split(x.reshape(-1, 3), 4)`, `outs[-1] @ W + b`;
/// * command form — a command name followed by space-separated arguments:
///   `split (reshape x -1 3) 4 axis=0`, and pipes `arange 24 | reshape 2 4 3`.
///
/// A statement is in command form when it starts with a known command name followed by
/// something that can only be an argument (a name, a number, a string, `-1`, or a bracket
/// after a space). `f(x)` with no space is a call; `f (x)` passes the parenthesised value.
/// Inside command arguments binary operators need parentheses: `print (x + 1)`.
public struct Parser {
    /// Deepest nesting of brackets, unary operators and sub-statements accepted. Keeps the
    /// recursive descent (and the evaluator that walks the tree) far from the stack's end.
    public static let maxDepth = 100

    /// What the parser needs to know about commands.
    public struct Grammar: Sendable {
        /// Names that start command form.
        public var commands: Set<String>
        /// Commands whose one argument is a whole statement (`time`, `trace`).
        public var statementCommands: Set<String>

        public init(commands: Set<String>, statementCommands: Set<String> = []) {
            self.commands = commands
            self.statementCommands = statementCommands
        }
    }

    /// A parsed statement with the columns and text it came from.
    public struct Parsed: Equatable, Sendable {
        public var statement: Statement
        public var span: Range<Int>
        public var text: String
    }

    let tokens: [Token]
    let scalars: [Unicode.Scalar]
    let grammar: Grammar
    /// The source as given (shared by every `def` parsed from it, for their error lines; it
    /// knows where each line starts, for line numbers in blocks' messages).
    let sourceText: SourceText
    var pos = 0
    var depth = 0
    /// Local names (parameters and names assigned) of the functions being parsed: inside a
    /// `def` or `lambda` such a name is the variable even when a command has it (`cell`,
    /// `plot`, `train`), so `cell -1` subtracts and `print(train)` prints the local.
    var shadowed: Set<String> = []
    /// The token where the statement being parsed starts (for Python 2's `print 'a', b`).
    var statementStart = 0
    /// The `(yield v)` of the statement being parsed, lifted out (see `liftYield`), by the
    /// position of their `(`: an attempt the parser backtracks from and parses again
    /// replaces its own entry instead of adding a second yield.
    var liftedYields: [Int: Statement] = [:]

    /// True when `name` starts command form here (a command, not shadowed by a local).
    func isCommandName(_ name: String) -> Bool {
        grammar.commands.contains(name) && !shadowed.contains(name)
    }

    init(tokens: [Token], source: String, grammar: Grammar) {
        self.init(tokens: tokens, source: SourceText(source), grammar: grammar)
    }

    init(tokens: [Token], source: SourceText, grammar: Grammar) {
        self.tokens = tokens
        self.scalars = source.scalars
        self.grammar = grammar
        self.sourceText = source
    }

    /// The 1-based line of column `column`.
    func lineNumber(_ column: Int) -> Int { sourceText.line(at: column) }

    /// Parses every statement of `source` (separated by newlines or `;`).
    public static func parse(_ source: String, grammar: Grammar) throws(ShellError) -> [Parsed] {
        try parse(SourceText(source), grammar: grammar)
    }

    /// Parses a source whose scalars and line starts are already known (a script's, shared
    /// with the statements and functions read from it).
    static func parse(_ source: SourceText, grammar: Grammar) throws(ShellError) -> [Parsed] {
        let tokens = try Lexer(scalars: source.scalars).tokenize()
        var parser = Parser(tokens: tokens, source: source, grammar: grammar)
        var out: [Parsed] = []
        while parser.current.kind != .end {
            if parser.current.kind == .indent { throw ShellError("unexpected indent", span: parser.current.span.lowerBound..<(parser.current.span.lowerBound + 1), kind: .indentationError) }
            if parser.current.kind == .dedent { parser.pos += 1; continue }
            out.append(try parser.parseParsed())
            switch parser.current.kind {
            case .separator: parser.pos += 1
            case .end: break
            default:
                if parser.pos > 0, parser.tokens[parser.pos - 1].kind == .dedent { break }
                throw parser.syntaxError()
            }
        }
        return out
    }

    // MARK: - Token helpers

    var current: Token { tokens[min(pos, tokens.count - 1)] }

    func peek(_ k: Int = 1) -> Token { tokens[min(pos + k, tokens.count - 1)] }

    var previousEnd: Int { pos > 0 ? tokens[pos - 1].span.upperBound : 0 }

    func text(_ r: Range<Int>) -> String {
        let lo = min(max(r.lowerBound, 0), scalars.count)
        let hi = min(max(r.upperBound, lo), scalars.count)
        return ScalarText.string(scalars[lo..<hi])
    }

    func syntaxError(_ message: String = "invalid syntax", at token: Token? = nil) -> ShellError {
        let t = token ?? current
        let span = t.kind == .end || t.kind == .separator ? t.span.lowerBound..<(t.span.lowerBound + 1) : t.span
        return ShellError(message, span: span, kind: .syntaxError)
    }

    mutating func expectOp(_ symbol: String) throws(ShellError) {
        guard current.isOp(symbol) else { throw syntaxError() }
        pos += 1
    }

    mutating func enter() throws(ShellError) {
        depth += 1
        if depth > Parser.maxDepth {
            throw ShellError("expression is nested too deeply", explanation: "at most \(Parser.maxDepth) levels are allowed", span: current.span)
        }
    }

    static let keywords: Set<String> = ["and", "as", "assert", "async", "await", "break", "class", "continue", "def",
                                        "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
                                        "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
                                        "return", "try", "while", "with", "yield", "True", "False", "None"]

    // MARK: - Statements

    /// One statement with its span and text.
    mutating func parseParsed() throws(ShellError) -> Parsed {
        let start = current.span.lowerBound
        let statement = try parseStatement()
        var endIndex = max(pos - 1, 0)
        while endIndex > 0, tokens[endIndex].kind == .dedent || tokens[endIndex].kind == .separator { endIndex -= 1 }
        let end = tokens[endIndex].span.upperBound
        return Parsed(statement: statement, span: start..<max(end, start), text: text(start..<max(end, start)))
    }

    mutating func parseStatement() throws(ShellError) -> Statement {
        let savedLifted = liftedYields
        liftedYields = [:]
        defer { liftedYields = savedLifted }
        let start = pos
        let statement = try parseStatementItself()
        if liftedYields.isEmpty { return statement }
        return try withLiftedYields(statement, from: start)
    }

    /// `y = (yield v) + 1`: the yield runs first, as a statement of its own that binds a hidden
    /// local, and the statement reads that local. Python evaluates left to right, so this is
    /// exact only when nothing before the yield can run code (a call, an index, a short
    /// circuit): `liftYield` refuses the rest, and so does this for statements that evaluate
    /// their parts more than once or only sometimes (`while`, `elif`, `assert`'s message).
    mutating func withLiftedYields(_ statement: Statement, from start: Int) throws(ShellError) -> Statement {
        switch statement {
        case .assign, .augmentedAssign, .expression, .returnValue: break
        default: throw unsupportedYieldExpression(at: tokens[min(start, tokens.count - 1)].span)
        }
        for k in start..<min(pos, tokens.count) {
            if let n = tokens[k].name, ["and", "or", "if", "else", "lambda", "for"].contains(n) {
                throw unsupportedYieldExpression(at: tokens[k].span)
            }
        }
        let lo = tokens[min(start, tokens.count - 1)].span.lowerBound
        let span = lo..<max(previousEnd, lo)
        let lifted = liftedYields.sorted { $0.key < $1.key }.map(\.value)
        let body = (lifted + [statement]).map { Parsed(statement: $0, span: span, text: text(span)) }
        // A block that always runs: the generator opens it like any block holding a yield.
        return .ifElse([IfClause(test: .bool(true, span), body: body)], orElse: nil)
    }

    func unsupportedYieldExpression(at span: Range<Int>) -> ShellError {
        ShellError("a yield inside this expression is not supported",
                   explanation: "rnnsh takes `(yield v)` in an assignment, a return or a call when nothing before it calls, indexes or short-circuits; write `x = yield v` first and use x",
                   span: span, kind: .notImplementedError)
    }

    /// `(yield v)` inside an expression (the current token is `yield`, after `(`): lifted out
    /// of the statement (`withLiftedYields`), read back as a hidden local.
    mutating func liftYield(open: Token) throws(ShellError) -> Expr {
        for k in statementStart..<max(statementStart, pos - 1) {
            let t = tokens[k]
            if t.isOp(")") || t.isOp("]") || t.isOp("}") { throw unsupportedYieldExpression(at: current.span) }
        }
        let at = pos - 1
        let name = ".yield\(at)"
        let statement = try parseYield(into: [.name(name, open.span)])
        guard current.isOp(")") else { throw syntaxError(at: current) }
        pos += 1
        liftedYields[at] = statement
        return .name(name, open.span.lowerBound..<previousEnd)
    }

    mutating func parseStatementItself() throws(ShellError) -> Statement {
        try enter()
        defer { depth -= 1 }
        statementStart = pos
        if let keyword = current.name, Parser.statementKeywords.contains(keyword), !(peek().isOp("=") && !peek(2).isOp("=")) {
            if let s = try parseKeywordStatement(keyword) { return s }
        }
        if current.isOp("@") { return try parseDecorated() }
        if current.isOp("?") {
            let q = current
            pos += 1
            guard let name = current.name else { throw syntaxError(at: current) }
            let span = q.span.lowerBound..<current.span.upperBound
            pos += 1
            return .help(name, span)
        }
        if let n = current.name, ["True", "False", "None"].contains(n), peek().isOp("=") {
            throw ShellError("cannot assign to \(n)", span: current.span, kind: .syntaxError)
        }
        // Augmented assignment: one target, then `+=`, `-=`, ... (`x += 1`, `x[0] *= 2`, `d[k] += 1`).
        do {
            let save = pos
            if current.name != nil, let lhs = try? parsePostfix(adjacentTrailersOnly: false),
               case .op(let op) = current.kind, Parser.augmentedOperators.contains(op) {
                let target = try toTarget(lhs, augmented: true)
                pos += 1
                if isStatementEnd(current) { throw syntaxError() }
                let value = try parseTestList()
                return .augmentedAssign(target, String(op.dropLast()), value)
            }
            pos = save
        }
        // Assignment: `targets = value` (chains allowed: `a = b = 1`), else an expression.
        var value = try parseTestList()
        if current.isOp(":") { return try parseAnnotated(value) }
        var targets: [Target] = []
        while current.isOp("=") {
            targets.append(try toTarget(value, augmented: false))
            pos += 1
            // `x = yield v` and `x = (yield v)`: the value a generator is sent (`gen.send`).
            if current.name == "yield" { return try parseYield(into: targets) }
            if current.isOp("("), peek().name == "yield" {
                let save = pos
                pos += 1
                let statement = try parseYield(into: targets)
                guard current.isOp(")") else { throw syntaxError(at: current) }
                pos += 1
                if isStatementEnd(current) { return statement }
                // `x = (yield v) + 1`: the yield is part of an expression.
                pos = save
            }
            value = try parseTestList()
        }
        if targets.isEmpty { return .expression(value) }
        return .assign(targets, value)
    }

    /// An expression list: `a`, or `a, b` (a tuple without parentheses), starred items allowed.
    mutating func parseTestList() throws(ShellError) -> Expr {
        let first = try parseStarredOrPipeline()
        guard current.isOp(",") else { return first }
        var items = [first]
        while current.isOp(",") {
            pos += 1
            if isStatementEnd(current) || current.isOp("=") || current.isOp(")") { break }
            items.append(try parseStarredOrPipeline())
        }
        return .tuple(items, first.span.lowerBound..<previousEnd)
    }

    func isStatementEnd(_ t: Token) -> Bool {
        switch t.kind {
        case .separator, .end, .dedent, .indent: return true
        default: return false
        }
    }

    mutating func parseStarredOrPipeline() throws(ShellError) -> Expr {
        if current.isOp("*") {
            let start = current.span.lowerBound
            pos += 1
            let inner = try parseBinary(level: 0)
            return .starred(inner, doubled: false, start..<previousEnd)
        }
        return try parsePipeline()
    }

    /// The assignment target an expression stands for (Python's rules and words).
    func toTarget(_ e: Expr, augmented: Bool) throws(ShellError) -> Target {
        switch e {
        case .name(let n, let s):
            if Parser.keywords.contains(n) { throw ShellError("invalid syntax", span: s, kind: .syntaxError) }
            return .name(n, s)
        case .tuple(let items, let s), .list(let items, let s):
            if augmented { throw ShellError("'tuple' is an illegal expression for augmented assignment", span: s, kind: .syntaxError) }
            var out: [Target] = []
            for i in items { out.append(try toTarget(i, augmented: false)) }
            return .unpack(out, s)
        case .indexing(let base, let items, let s): return .item(base, items, s)
        case .attribute(let base, let name, let s): return .attribute(base, name, s)
        case .starred(let inner, false, let s): return .starred(try toTarget(inner, augmented: false), s)
        case .bool(let b, let s): throw ShellError("cannot assign to \(b ? "True" : "False")", span: s, kind: .syntaxError)
        case .none(let s): throw ShellError("cannot assign to None", span: s, kind: .syntaxError)
        case .command(let name, let args, let nameSpan, _) where args.isEmpty:
            // A command's name with nothing after it but `,` or `=` (`u, inv = ...`, where `inv`
            // is np.linalg.inv's command) was read as a bare command call: as a target it is the name.
            return .name(name, nameSpan)
        case .call(_, _, let s), .command(_, _, _, let s):
            throw ShellError("cannot assign to function call here. Maybe you meant '==' instead of '='?", span: s, kind: .syntaxError)
        case .int(_, let s), .float(_, let s), .string(_, let s):
            throw ShellError("cannot assign to literal here. Maybe you meant '==' instead of '='?", span: s, kind: .syntaxError)
        case .binary(_, _, _, let s), .unary(_, _, let s):
            throw ShellError("cannot assign to expression here. Maybe you meant '==' instead of '='?", span: s, kind: .syntaxError)
        default:
            throw ShellError("invalid syntax", span: e.span, kind: .syntaxError)
        }
    }

    /// `a`, `a, b`, `(a, b)`, `a, (b, c)`; fails (without consuming meaningfully) when the
    /// tokens are not a target list — the caller backtracks.
    mutating func parseTargetList() throws(ShellError) -> Target {
        let start = current.span.lowerBound
        var items: [Target] = [try parseTarget()]
        var sawComma = false
        while current.isOp(",") {
            sawComma = true
            pos += 1
            if current.isOp("=") { break }
            items.append(try parseTarget())
        }
        if !sawComma, let only = items.first { return only }
        return .unpack(items, start..<previousEnd)
    }

    /// `+=`, `-=`, ...: the augmented assignment operators.
    static let augmentedOperators: Set<String> = ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>=", "@="]

    mutating func parseTarget() throws(ShellError) -> Target {
        try enter()
        defer { depth -= 1 }
        // `x[...]`, `x.a[...]`, `xs[0][1:]`: an item assignment.
        if let name = current.name, !Parser.keywords.contains(name), peek().isOp("[") || peek().isOp("."), !peek().spaceBefore {
            let e = try parsePostfix(adjacentTrailersOnly: false)
            switch e {
            case .indexing(let base, let items, let span): return .item(base, items, span)
            case .attribute: throw ShellError("cannot assign to an attribute", span: e.span, kind: .syntaxError)
            default: throw syntaxError()
            }
        }
        if let name = current.name {
            if Parser.keywords.contains(name) {
                // Only report this when it really is an assignment.
                if peek().isOp("=") {
                    throw ShellError(name == "True" || name == "False" || name == "None"
                                     ? "cannot assign to \(name)" : "invalid syntax", span: current.span, kind: .syntaxError)
                }
                throw syntaxError()
            }
            let t = Target.name(name, current.span)
            pos += 1
            return t
        }
        if current.isOp("(") || current.isOp("[") {
            let close = current.isOp("(") ? ")" : "]"
            let start = current.span.lowerBound
            pos += 1
            var items: [Target] = []
            while !current.isOp(close) {
                items.append(try parseTarget())
                if current.isOp(",") { pos += 1 } else { break }
            }
            try expectOp(close)
            return .unpack(items, start..<previousEnd)
        }
        throw syntaxError()
    }

    // MARK: - Pipelines and command form

    /// The pipe rule. `|` is the pipe when its right side is a command in command form: a
    /// command name (or `np.NAME`) followed by its space-separated arguments or by nothing
    /// (`arange 24 | reshape 2 4 3`, `x | transpose`, `x | np.transpose`). After a stage that is
    /// itself a command or a pipe, a call of a command also continues the pipe
    /// (`arange 6 | reshape(2, 3)`). Everywhere else `|` is Python's bitwise or, numpy's
    /// `np.bitwise_or` (`(a > 1) | (b < 5)`, `a | b`, `x | np.abs(y)`). A variable that shadows
    /// a command is never a pipe stage (the evaluator reads `mask | sum` as an or when `sum` is
    /// a variable).
    func isPipeStage(at index: Int, afterCommand: Bool) -> Bool {
        var i = index
        guard i < tokens.count, var name = tokens[i].name else { return false }
        var qualified = false
        if name == "np" || name == "numpy", i + 2 < tokens.count, tokens[i + 1].isOp("."), !tokens[i + 1].spaceBefore,
           let inner = tokens[i + 2].name {
            name = inner
            i += 2
            qualified = true
        }
        guard isCommandName(name) else { return false }
        let next = tokens[min(i + 1, tokens.count - 1)]
        if afterCommand && next.isOp("(") && !next.spaceBefore { return true }
        if qualified { return isTerminator(next) }
        var probe = self
        probe.pos = i
        return probe.isCommandForm()
    }

    mutating func parsePipeline() throws(ShellError) -> Expr {
        let start = current.span.lowerBound
        var stages = [try parseStage()]
        while current.isOp("|") {
            let afterCommand: Bool
            switch stages.last {
            case .command?, .pipeline?: afterCommand = true
            default: afterCommand = stages.count > 1
            }
            if isPipeStage(at: pos + 1, afterCommand: afterCommand) {
                pos += 1
                stages.append(try parseStage())
                continue
            }
            // A command-form stage followed by `| value`: bitwise or of the command's result.
            guard let last = stages.popLast() else { break }
            pos += 1
            let rhs = try parseBinary(level: 1)
            stages.append(.binary("|", last, rhs, last.span.lowerBound..<rhs.span.upperBound))
        }
        if stages.count == 1, let only = stages.first { return only }
        return .pipeline(stages, start..<previousEnd)
    }

    mutating func parseStage() throws(ShellError) -> Expr {
        if let name = current.name, isCommandName(name), isCommandForm() {
            return try parseCommand()
        }
        let start = pos
        let expression = try parseExpression()
        if pos == start + 1, let error = mistypedCommand(at: start) { throw error }
        return expression
    }

    /// A misspelt command in command form (`revshape x 4`) is not valid Python either, but
    /// "invalid syntax" under `x` hides the real mistake: name the command that was meant.
    func mistypedCommand(at i: Int) -> ShellError? {
        guard i + 1 < tokens.count, let name = tokens[i].name, !grammar.commands.contains(name),
              !Parser.keywords.contains(name) else { return nil }
        let first = tokens[i], next = tokens[i + 1]
        guard next.spaceBefore else { return nil }
        switch next.kind {
        case .name(let n) where !Parser.keywords.contains(n): break
        case .int, .float, .string: break
        default: return nil
        }
        guard let meant = Suggest.closest(to: name, in: Array(grammar.commands)) else { return nil }
        return ShellError("unknown command '\(name)'. Did you mean: '\(meant)'?", span: first.span)
    }

    static let argumentEnd: Set<String> = ["|", ")", "]", "}", ",", ":"]

    func isTerminator(_ t: Token) -> Bool {
        switch t.kind {
        case .separator, .end: return true
        case .op(let s): return Parser.argumentEnd.contains(s)
        default: return false
        }
    }

    /// Decides whether the command name at `pos` starts command form (see the type's doc).
    func isCommandForm() -> Bool {
        guard let name = current.name else { return false }
        let next = peek()
        // A Python builtin named as a value (`sorted(xs, key=len)`) is not a command call.
        if isTerminator(next) { return !(Builtins.names.contains(name) && (next.isOp(")") || next.isOp(","))) }
        if grammar.statementCommands.contains(name) {
            return !((next.isOp("(") || next.isOp(".") || next.isOp("[")) && !next.spaceBefore) && !next.isOp("=")
        }
        switch next.kind {
        case .name(let n):
            return !["and", "or", "in", "is", "if", "else", "for", "not"].contains(n) || name == "help"
        case .int, .float, .string:
            return true
        case .op(let s):
            switch s {
            case "(", "[":
                return next.spaceBefore
            case "-", "+":
                let after = peek(2)
                return next.spaceBefore && !after.spaceBefore && !isTerminator(after)
            case "/", "~", ".", "?":
                return next.spaceBefore
            default:
                return false
            }
        default:
            return false
        }
    }

    mutating func parseCommand() throws(ShellError) -> Expr {
        try enter()
        defer { depth -= 1 }
        let nameToken = current
        guard let name = nameToken.name else { throw syntaxError() }
        pos += 1
        var args: [CallArgument] = []
        if grammar.statementCommands.contains(name), !isTerminator(current) {
            let start = current.span.lowerBound
            let inner = try parseStatement()
            let span = start..<previousEnd
            args.append(CallArgument(value: .statement(inner, text(span), span)))
            return .command(name: name, args: args, nameSpan: nameToken.span, nameToken.span.lowerBound..<previousEnd)
        }
        let startsStatement = pos - 1 == statementStart
        while !isTerminator(current) {
            if let label = current.name, peek().isOp("="), !Parser.keywords.contains(label) {
                let labelSpan = current.span
                pos += 2
                if isTerminator(current) { throw syntaxError() }
                args.append(CallArgument(label: label, value: try parseCommandArgument(), labelSpan: labelSpan))
            } else {
                args.append(CallArgument(value: try parseCommandArgument()))
            }
        }
        if startsStatement, !args.isEmpty, current.isOp(","), name == "print" {
            throw legacyStatement(name, from: nameToken)
        }
        return .command(name: name, args: args, nameSpan: nameToken.span, nameToken.span.lowerBound..<previousEnd)
    }

    /// Python 2's `print 'Epoch', epoch` (a statement followed by a comma list), which a pasted
    /// old tutorial has: refused with Python 3's own SyntaxError, caret under the statement as
    /// CPython puts it (to the end of the comma list). `print x` alone is rnnsh's command form.
    mutating func legacyStatement(_ name: String, from nameToken: Token) -> ShellError {
        while current.isOp(",") {
            pos += 1
            if isStatementEnd(current) || current.isOp("=") { break }
            let save = pos
            if (try? parseStarredOrPipeline()) == nil { pos = save; break }
        }
        let end = max(previousEnd, nameToken.span.upperBound)
        return ShellError("Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?",
                          span: nameToken.span.lowerBound..<end, kind: .syntaxError)
    }

    /// One space-separated argument: a literal, a name with adjacent trailers (`x.T`, `x[0]`,
    /// `f(1)`), a bracketed value, `-1`; or, when the characters run on without space into
    /// something that is not an expression, a word such as a path.
    mutating func parseCommandArgument() throws(ShellError) -> Expr {
        let startIndex = pos
        let start = current.span.lowerBound
        var expr: Expr? = nil
        if canStartOperand(current) {
            let save = pos
            if let e = try? parseArgumentOperand() {
                expr = e
            } else {
                pos = save
            }
        }
        if let e = expr, isTerminator(current) || current.spaceBefore {
            return e
        }
        // A word: everything up to the next space or terminator.
        pos = startIndex
        pos += 1
        while !isTerminator(current) && !current.spaceBefore { pos += 1 }
        if !isWordish(from: startIndex, to: pos) {
            pos = startIndex
            if expr == nil { _ = try parseArgumentOperand() }
            throw syntaxError(at: current)
        }
        return .word(text(start..<previousEnd), start..<previousEnd)
    }

    /// Words are for paths and names: they may not contain brackets, quotes or `=`.
    func isWordish(from a: Int, to b: Int) -> Bool {
        let hasText = tokens[a..<b].contains { t in
            switch t.kind {
            case .name, .int, .float: return true
            default: return false
            }
        }
        if !hasText { return false }
        for t in tokens[a..<b] {
            switch t.kind {
            case .name, .int, .float: continue
            case .op(let s): if ["(", ")", "[", "]", "{", "}", "=", "==", ","].contains(s) { return false }
            default: return false
            }
        }
        return true
    }

    func canStartOperand(_ t: Token) -> Bool {
        switch t.kind {
        case .name(let n): return !Parser.keywords.contains(n) || ["True", "False", "None"].contains(n)
        case .int, .float, .string: return true
        case .op(let s): return ["(", "[", "{", "-", "+", "..."].contains(s)
        default: return false
        }
    }

    /// A unary-prefixed postfix expression whose trailers touch it (`-x[0]`, `np.float32`).
    mutating func parseArgumentOperand() throws(ShellError) -> Expr {
        try enter()
        defer { depth -= 1 }
        if !peek().spaceBefore, let literal = negatedMinimumInt() { return literal }
        if current.isOp("-") || current.isOp("+") {
            let op = current
            pos += 1
            if current.spaceBefore { throw syntaxError(at: current) }
            let inner = try parseArgumentOperand()
            return .unary(op.display, inner, op.span.lowerBound..<inner.span.upperBound)
        }
        return try parsePostfix(adjacentTrailersOnly: true)
    }

    // MARK: - Expressions (Python precedence)

    mutating func parseExpression() throws(ShellError) -> Expr {
        try enter()
        defer { depth -= 1 }
        if current.name == "lambda" { return try parseLambda() }
        let body = try parseOr()
        // `body if test else orElse` (not inside command arguments, where `if` cannot appear).
        if current.name == "if" {
            pos += 1
            let test = try parseOr()
            guard current.name == "else" else { throw syntaxError("expected 'else' after 'if' expression") }
            pos += 1
            let orElse = try parseExpression()
            return .conditional(body: body, test: test, orElse: orElse, body.span.lowerBound..<orElse.span.upperBound)
        }
        return body
    }

    /// Left-deep chains (`a + b + c …`, `x[0][1]…`) nest the tree as deeply as recursion
    /// would; count their links against the same limit so no tree is deeper than `maxDepth`.
    /// Each link also counts in `depth` while the rest of the chain is parsed (so chains
    /// nested in chains add up); the caller gives them back with `defer { depth -= links }`.
    mutating func link(_ count: inout Int) throws(ShellError) {
        count += 1
        depth += 1
        if depth > Parser.maxDepth {
            throw ShellError("expression is nested too deeply", explanation: "at most \(Parser.maxDepth) levels are allowed", span: current.span)
        }
    }

    mutating func parseOr() throws(ShellError) -> Expr {
        var lhs = try parseAnd()
        var links = 0
        defer { depth -= links }
        while current.name == "or" {
            try link(&links)
            pos += 1
            let rhs = try parseAnd()
            lhs = .binary("or", lhs, rhs, lhs.span.lowerBound..<rhs.span.upperBound)
        }
        return lhs
    }

    mutating func parseAnd() throws(ShellError) -> Expr {
        var lhs = try parseNot()
        var links = 0
        defer { depth -= links }
        while current.name == "and" {
            try link(&links)
            pos += 1
            let rhs = try parseNot()
            lhs = .binary("and", lhs, rhs, lhs.span.lowerBound..<rhs.span.upperBound)
        }
        return lhs
    }

    mutating func parseNot() throws(ShellError) -> Expr {
        if current.name == "not" {
            try enter()
            defer { depth -= 1 }
            let start = current.span.lowerBound
            pos += 1
            let inner = try parseNot()
            return .unary("not", inner, start..<inner.span.upperBound)
        }
        return try parseComparison()
    }

    static let comparisons: Set<String> = ["==", "!=", "<", "<=", ">", ">="]

    /// The comparison operator at `pos` (`<`, `in`, `not in`, `is`, `is not`) and its token count.
    func comparisonOperator() -> (String, Int)? {
        switch current.kind {
        case .op(let s) where Parser.comparisons.contains(s): return (s, 1)
        case .name("in"): return ("in", 1)
        case .name("not") where peek().name == "in": return ("not in", 2)
        case .name("is"): return peek().name == "not" ? ("is not", 2) : ("is", 1)
        default: return nil
        }
    }

    /// One comparison stays `.binary` (numpy's elementwise `==` on arrays); a chain
    /// (`0 <= i < n`) becomes `.compare`, evaluated as Python does (each middle operand once).
    mutating func parseComparison() throws(ShellError) -> Expr {
        let lhs = try parseBinary(level: 0)
        var links: [ComparisonLink] = []
        var count = 0
        defer { depth -= count }
        while let (op, width) = comparisonOperator() {
            try link(&count)
            pos += width
            links.append(ComparisonLink(op: op, rhs: try parseBinary(level: 0)))
        }
        guard let last = links.last else { return lhs }
        let span = lhs.span.lowerBound..<last.rhs.span.upperBound
        if links.count == 1 { return .binary(last.op, lhs, last.rhs, span) }
        return .compare(lhs, links, span)
    }

    /// Binary levels from loosest to tightest, as Python's: `|`, `^`, `&`, `<< >>`, `+ -`,
    /// `* / // % @`. A `|` whose right side is a command in command form is a pipe instead
    /// (see `isPipeStage`), so it is left for `parsePipeline`.
    static let levels: [Set<String>] = [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%", "@"]]

    mutating func parseBinary(level: Int) throws(ShellError) -> Expr {
        if level >= Parser.levels.count { return try parseFactor() }
        var lhs = try parseBinary(level: level + 1)
        var links = 0
        defer { depth -= links }
        while case .op(let s) = current.kind, Parser.levels[level].contains(s), !(s == "|" && isPipeStage(at: pos + 1, afterCommand: false)) {
            try link(&links)
            pos += 1
            let rhs = try parseBinary(level: level + 1)
            lhs = .binary(s, lhs, rhs, lhs.span.lowerBound..<rhs.span.upperBound)
        }
        return lhs
    }

    /// `-9223372036854775808` (Int.min, e.g. pasted from numpy's output) as one literal: its
    /// digits alone do not fit in 64 bits, so `-` applied to them would be refused. Only when no
    /// `**` or trailer follows, since those bind tighter than the minus in Python.
    mutating func negatedMinimumInt() -> Expr? {
        guard current.isOp("-"), case .int(let digits) = peek().kind,
              UInt64(digits) == UInt64(1) << 63 else { return nil }
        let after = peek(2)
        if after.isOp("**") || after.isOp(".") || ((after.isOp("(") || after.isOp("[")) && !after.spaceBefore) { return nil }
        let span = current.span.lowerBound..<peek().span.upperBound
        pos += 2
        return .int(Int.min, span)
    }

    mutating func parseFactor() throws(ShellError) -> Expr {
        if let literal = negatedMinimumInt() { return literal }
        if current.isOp("-") || current.isOp("+") || current.isOp("~") {
            try enter()
            defer { depth -= 1 }
            let op = current
            pos += 1
            let inner = try parseFactor()
            return .unary(op.display, inner, op.span.lowerBound..<inner.span.upperBound)
        }
        return try parsePower()
    }

    mutating func parsePower() throws(ShellError) -> Expr {
        let base = try parsePostfix(adjacentTrailersOnly: false)
        if current.isOp("**") {
            try enter()
            defer { depth -= 1 }
            pos += 1
            let exponent = try parseFactor()
            return .binary("**", base, exponent, base.span.lowerBound..<exponent.span.upperBound)
        }
        return base
    }

    mutating func parsePostfix(adjacentTrailersOnly: Bool) throws(ShellError) -> Expr {
        var e = try parseAtom()
        var links = 0
        defer { depth -= links }
        while true {
            if adjacentTrailersOnly && current.spaceBefore { break }
            if current.isOp("(") || current.isOp("[") || current.isOp(".") { try link(&links) }
            if current.isOp("(") {
                pos += 1
                let args = try parseCallArguments()
                try expectOp(")")
                e = .call(callee: e, args: args, e.span.lowerBound..<previousEnd)
            } else if current.isOp("[") {
                pos += 1
                let items = try parseSubscriptItems()
                try expectOp("]")
                e = .indexing(e, items, e.span.lowerBound..<previousEnd)
            } else if current.isOp(".") {
                pos += 1
                guard let name = current.name else { throw syntaxError() }
                pos += 1
                e = .attribute(e, name, e.span.lowerBound..<previousEnd)
            } else {
                break
            }
        }
        return e
    }

    mutating func parseCallArguments() throws(ShellError) -> [CallArgument] {
        var args: [CallArgument] = []
        var sawKeyword = false
        while !current.isOp(")") {
            if current.isOp("*") || current.isOp("**") {
                let doubled = current.isOp("**")
                let start = current.span.lowerBound
                pos += 1
                let inner = try parseExpression()
                args.append(CallArgument(value: .starred(inner, doubled: doubled, start..<previousEnd)))
            } else if let label = current.name, peek().isOp("="), !Parser.keywords.contains(label) {
                let labelSpan = current.span
                pos += 2
                args.append(CallArgument(label: label, value: try parsePipeline(), labelSpan: labelSpan))
                sawKeyword = true
            } else {
                var value = try finishNamed(try parsePipeline())
                if current.isOp("=") {
                    // `print(x[0] = 0)`: only a name can be a keyword; CPython's words for the rest.
                    let whole = value.span.lowerBound..<current.span.upperBound
                    switch value {
                    case .none: throw ShellError("cannot assign to None", span: whole, kind: .syntaxError)
                    case .bool(let b, _): throw ShellError("cannot assign to \(b ? "True" : "False")", span: whole, kind: .syntaxError)
                    default:
                        throw ShellError("expression cannot contain assignment, perhaps you meant \"==\"?", span: whole, kind: .syntaxError)
                    }
                }
                if current.name == "for" {
                    // `sum(x * x for x in xs)`: a generator expression as the only argument.
                    let clauses = try parseComprehensionClauses()
                    value = try comprehension(Comprehension(kind: .generator, element: value, value: nil, clauses: clauses),
                                           value.span.lowerBound..<previousEnd)
                }
                if sawKeyword {
                    throw ShellError("positional argument follows keyword argument", span: value.span, kind: .syntaxError)
                }
                args.append(CallArgument(value: value))
            }
            if current.isOp(",") { pos += 1 } else { break }
        }
        return args
    }

    mutating func parseSubscriptItems() throws(ShellError) -> [SubscriptItem] {
        var items: [SubscriptItem] = []
        while !current.isOp("]") {
            items.append(try parseSubscriptItem())
            if current.isOp(",") { pos += 1 } else { break }
        }
        if items.isEmpty { throw syntaxError() }
        return items
    }

    mutating func parseSubscriptItem() throws(ShellError) -> SubscriptItem {
        let start = current.span.lowerBound
        if current.isOp("...") {
            pos += 1
            return .ellipsis(start..<previousEnd)
        }
        var first: Expr? = nil
        if !current.isOp(":") { first = try finishNamed(try parsePipeline()) }
        guard current.isOp(":") else {
            guard let first else { throw syntaxError() }
            return .index(first)
        }
        pos += 1
        var stop: Expr? = nil
        var step: Expr? = nil
        if !current.isOp(":") && !current.isOp(",") && !current.isOp("]") { stop = try parsePipeline() }
        if current.isOp(":") {
            pos += 1
            if !current.isOp(",") && !current.isOp("]") { step = try parsePipeline() }
        }
        return .slice(first, stop, step, start..<previousEnd)
    }

    mutating func parseAtom() throws(ShellError) -> Expr {
        try enter()
        defer { depth -= 1 }
        let t = current
        switch t.kind {
        case .name(let n):
            pos += 1
            switch n {
            case "True": return .bool(true, t.span)
            case "False": return .bool(false, t.span)
            case "None": return .none(t.span)
            default:
                if Parser.keywords.contains(n) { pos -= 1; throw syntaxError() }
                return .name(n, t.span)
            }
        case .int(let digits):
            pos += 1
            guard let v = Int(digits) else {
                // A literal past 64 bits is a Python big int, within CPython's 4,300-digit limit,
                // checked before the (quadratic) conversion: a million-digit literal parsed for
                // over 30 s.
                let count = digits.utf8.reduce(0) { $1 >= 48 && $1 <= 57 ? $0 + 1 : $0 }
                if count > 4300 {
                    throw ShellError("Exceeds the limit (4300 digits) for integer string conversion: value has \(count) digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                                     span: t.span, kind: .syntaxError)
                }
                if let big = BigInt(decimal: digits) { return .bigInt(big, t.span) }
                throw ShellError("integer \(digits) is too large", explanation: "rnnsh integers are 64-bit (at most \(Int.max))", span: t.span)
            }
            return .int(v, t.span)
        case .float(let digits):
            pos += 1
            guard let v = Double(digits) else { throw ShellError("invalid decimal literal", span: t.span, kind: .syntaxError) }
            return .float(v, t.span)
        case .string, .fstring:
            // Adjacent string literals concatenate, as in Python (f-strings among them).
            var parts: [FStringPart] = []
            var isF = false
            var end = t.span.upperBound
            while true {
                switch current.kind {
                case .string(let more):
                    parts.append(.text(more))
                case .fstring(let body, let raw):
                    isF = true
                    guard case .fstring(let p, _) = try parseFString(body, raw: raw, token: current) else { break }
                    parts += p
                default:
                    break
                }
                if case .string = current.kind {} else if case .fstring = current.kind {} else { break }
                end = current.span.upperBound
                pos += 1
            }
            if !isF {
                let value = parts.map { if case .text(let s) = $0 { return s } else { return "" } }.joined()
                return .string(value, t.span.lowerBound..<end)
            }
            return .fstring(parts, t.span.lowerBound..<end)
        case .op("("):
            pos += 1
            if current.isOp(")") {
                pos += 1
                return .tuple([], t.span.lowerBound..<previousEnd)
            }
            if current.name == "yield" { return try liftYield(open: t) }
            let first = try finishNamed(try parseStarredOrPipeline())
            if current.isOp(")") {
                pos += 1
                if case .starred = first { throw ShellError("cannot use starred expression here", span: first.span, kind: .syntaxError) }
                return first
            }
            if current.name == "for" {
                let clauses = try parseComprehensionClauses()
                try expectOp(")")
                return try comprehension(Comprehension(kind: .generator, element: first, value: nil, clauses: clauses), t.span.lowerBound..<previousEnd)
            }
            var items = [first]
            while current.isOp(",") {
                pos += 1
                if current.isOp(")") { break }
                items.append(try finishNamed(try parseStarredOrPipeline()))
            }
            try expectOp(")")
            return .tuple(items, t.span.lowerBound..<previousEnd)
        case .op("["):
            pos += 1
            var items: [Expr] = []
            while !current.isOp("]") {
                items.append(try finishNamed(try parseStarredOrPipeline()))
                if items.count == 1, current.name == "for", let first = items.first {
                    let clauses = try parseComprehensionClauses()
                    try expectOp("]")
                    return try comprehension(Comprehension(kind: .list, element: first, value: nil, clauses: clauses), t.span.lowerBound..<previousEnd)
                }
                if current.isOp(",") { pos += 1 } else { break }
            }
            try expectOp("]")
            return .list(items, t.span.lowerBound..<previousEnd)
        case .op("{"):
            return try parseBrace()
        case .op("..."):
            pos += 1
            return .name("Ellipsis", t.span)
        default:
            throw syntaxError(at: t)
        }
    }
}
