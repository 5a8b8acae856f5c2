import Foundation

/// Python's compound and keyword statements: blocks (`if`/`for`/`while`/`def`/`try`/`with`),
/// `return`, `break`, `import`, … A block is either the rest of the header's line
/// (`if x: y = 1`) or an indented run of statements between `.indent` and `.dedent` tokens.
extension Parser {
    static let statementKeywords: Set<String> = ["if", "for", "while", "def", "return", "break", "continue", "pass",
                                                 "global", "nonlocal", "del", "assert", "raise", "try", "with",
                                                 "import", "from", "class", "elif", "else", "except", "finally",
                                                 "lambda", "yield", "async", "await"]

    /// nil when the keyword does not start a statement here (falls back to expressions/commands).
    mutating func parseKeywordStatement(_ keyword: String) throws(ShellError) -> Statement? {
        let start = current.span
        switch keyword {
        case "if":
            var clauses: [IfClause] = []
            pos += 1
            let test = try parseNamedExpression()
            clauses.append(IfClause(test: test, body: try parseBlock("if", start)))
            var orElse: [Parsed]? = nil
            while true {
                skipSeparatorBefore(["elif", "else"])
                if current.name == "elif" {
                    let s = current.span
                    pos += 1
                    let t = try parseNamedExpression()
                    clauses.append(IfClause(test: t, body: try parseBlock("elif", s)))
                } else if current.name == "else" {
                    let s = current.span
                    pos += 1
                    orElse = try parseBlock("else", s)
                    break
                } else {
                    break
                }
            }
            return .ifElse(clauses, orElse: orElse)
        case "while":
            pos += 1
            let test = try parseNamedExpression()
            let body = try parseBlock("while", start)
            return .whileLoop(test, body: body, orElse: try parseElse())
        case "for":
            pos += 1
            let target = try parseForTarget()
            guard current.name == "in" else { throw syntaxError() }
            pos += 1
            let iterable = try parseTestList()
            let body = try parseBlock("for", start)
            return .forLoop(target, iterable, body: body, orElse: try parseElse())
        case "def":
            return try parseDef()
        case "return":
            pos += 1
            if isStatementEnd(current) { return .returnValue(nil, start) }
            let value = try parseTestList()
            return .returnValue(value, start.lowerBound..<previousEnd)
        case "break":
            pos += 1
            return .breakLoop(start)
        case "continue":
            pos += 1
            return .continueLoop(start)
        case "pass":
            pos += 1
            return .pass
        case "global", "nonlocal":
            pos += 1
            var names: [String] = []
            while true {
                guard let n = current.name else { throw syntaxError() }
                names.append(n)
                pos += 1
                if current.isOp(",") { pos += 1 } else { break }
            }
            return keyword == "global" ? .global(names) : .nonlocal(names)
        case "del":
            // `del x y` (space-separated) is the shell's `del` command; Python's `del x, y[0]` otherwise.
            let save = pos
            pos += 1
            if isStatementEnd(current) { pos = save; return nil }
            var targets: [Target] = []
            do {
                while true {
                    let e = try parseBinary(level: 0)
                    targets.append(try toTarget(e, augmented: false))
                    if current.isOp(",") { pos += 1; if isStatementEnd(current) { break } } else { break }
                }
            } catch {
                pos = save
                return nil
            }
            if !isStatementEnd(current) { pos = save; return nil }
            return .delete(targets, start.lowerBound..<previousEnd)
        case "assert":
            pos += 1
            let test = try parseExpression()
            var message: Expr? = nil
            if current.isOp(",") {
                pos += 1
                message = try parseExpression()
            }
            return .assert(test, message, start.lowerBound..<previousEnd)
        case "raise":
            pos += 1
            if isStatementEnd(current) { return .raise(nil, start, cause: nil) }
            let e = try parseExpression()
            var cause: Expr? = nil
            if current.name == "from" {
                pos += 1
                cause = try parseExpression()
            }
            return .raise(e, start.lowerBound..<previousEnd, cause: cause)
        case "try":
            pos += 1
            let body = try parseBlock("try", start)
            var handlers: [ExceptHandler] = []
            var orElse: [Parsed]? = nil
            var fin: [Parsed]? = nil
            while true {
                skipSeparatorBefore(["except"])
                guard current.name == "except" else { break }
                let s = current.span
                pos += 1
                var kinds: Expr? = nil
                var name: String? = nil
                if !current.isOp(":") {
                    kinds = try parseExpression()
                    if current.name == "as" {
                        pos += 1
                        guard let n = current.name else { throw syntaxError() }
                        name = n
                        pos += 1
                    }
                }
                handlers.append(ExceptHandler(kinds: kinds, name: name, body: try parseBlock("except", s), span: s))
            }
            skipSeparatorBefore(["else"])
            if current.name == "else", !handlers.isEmpty {
                let s = current.span
                pos += 1
                orElse = try parseBlock("else", s)
            }
            skipSeparatorBefore(["finally"])
            if current.name == "finally" {
                let s = current.span
                pos += 1
                fin = try parseBlock("finally", s)
            }
            if handlers.isEmpty && fin == nil {
                throw ShellError("expected 'except' or 'finally' block", span: current.span, kind: .syntaxError)
            }
            return .tryExcept(body: body, handlers: handlers, orElse: orElse, finally: fin)
        case "with":
            pos += 1
            var items: [WithItem] = []
            while true {
                let context = try parseExpression()
                var target: Target? = nil
                if current.name == "as" {
                    pos += 1
                    target = try toTarget(try parseBinary(level: 0), augmented: false)
                }
                items.append(WithItem(context: context, target: target))
                if current.isOp(",") { pos += 1 } else { break }
            }
            return .with(items, body: try parseBlock("with", start))
        case "import", "from":
            return try parseImport()
        case "elif", "else", "except", "finally":
            throw ShellError("invalid syntax", span: start, kind: .syntaxError)
        case "class":
            return try parseClass()
        case "yield":
            // `yield x` and `yield from xs` as statements (what generators in tutorials write);
            // `x = yield v` is parsed with assignments (`parseYieldAssignment`).
            return try parseYield(into: [])
        default:
            return nil
        }
    }

    /// `elif`/`else`/`except` after a one-line block arrive after the line's separator.
    mutating func skipSeparatorBefore(_ words: Set<String>) {
        if current.kind == .separator, let n = peek().name, words.contains(n) { pos += 1 }
    }

    mutating func parseElse() throws(ShellError) -> [Parsed]? {
        skipSeparatorBefore(["else"])
        guard current.name == "else" else { return nil }
        let s = current.span
        pos += 1
        return try parseBlock("else", s)
    }

    /// An expression that may be an assignment expression (`if (n := len(x)) > 3:`,
    /// `while chunk := read():`): CPython's `named_expression`.
    mutating func parseNamedExpression() throws(ShellError) -> Expr {
        try finishNamed(try parseExpression())
    }

    /// `e := value` when the next token is `:=` (else `e` itself). Only a name can be bound;
    /// anything else is CPython's SyntaxError naming what it is. The value is an expression
    /// without `:=` of its own (`a := b := 1` is invalid syntax, as in CPython).
    mutating func finishNamed(_ e: Expr) throws(ShellError) -> Expr {
        guard current.isOp(":=") else { return e }
        let name: String
        switch e {
        case .name(let n, _) where !Parser.keywords.contains(n) && n != "Ellipsis":
            name = n
        case .command(let n, let args, _, _) where args.isEmpty:
            // A command's name alone (`(inv := 3)`) is read as a bare command call.
            name = n
        default:
            throw ShellError("cannot use assignment expressions with \(e.assignmentExpressionName)", span: e.span, kind: .syntaxError)
        }
        pos += 1
        let value = try parseExpression()
        return .named(name, value, e.span.lowerBound..<value.span.upperBound)
    }

    /// CPython's checks of `:=` in a comprehension (its symbol table's): never in an iterable,
    /// never rebinding an iteration variable.
    func checkNamedInComprehension(_ c: Comprehension, _ span: Range<Int>) throws(ShellError) {
        var iterationNames = Set<String>()
        for clause in c.clauses {
            iterationNames.formUnion(clause.target.boundNames)
            if !clause.iterable.walrusNames.isEmpty {
                throw ShellError("assignment expression cannot be used in a comprehension iterable expression", span: clause.iterable.span, kind: .syntaxError)
            }
        }
        var bound: [String] = []
        c.element.collectWalrus(&bound)
        c.value?.collectWalrus(&bound)
        for clause in c.clauses { for cond in clause.conditions { cond.collectWalrus(&bound) } }
        if let n = bound.first(where: { iterationNames.contains($0) }) {
            throw ShellError("assignment expression cannot rebind comprehension iteration variable '\(n)'", span: span, kind: .syntaxError)
        }
    }

    /// A comprehension, checked for `:=` as CPython checks it.
    func comprehension(_ c: Comprehension, _ span: Range<Int>) throws(ShellError) -> Expr {
        try checkNamedInComprehension(c, span)
        return .comprehension(c, span)
    }

    /// The target of `for`: names, tuples, subscripts — parsed below comparisons so `in` ends it.
    mutating func parseForTarget() throws(ShellError) -> Target {
        let start = current.span.lowerBound
        var items: [Expr] = []
        while true {
            if current.isOp("*") {
                let s = current.span.lowerBound
                pos += 1
                let inner = try parseBinary(level: 0)
                items.append(.starred(inner, doubled: false, s..<previousEnd))
            } else {
                items.append(try parseBinary(level: 0))
            }
            if current.isOp(",") {
                pos += 1
                if current.name == "in" { break }
            } else {
                break
            }
        }
        if items.count == 1, let only = items.first, previousEnd == only.span.upperBound { return try toTarget(only, augmented: false) }
        return try toTarget(.tuple(items, start..<previousEnd), augmented: false)
    }

    /// `:` then a block: the rest of the line (`;`-separated simple statements), or a newline
    /// and an indented run of statements.
    mutating func parseBlock(_ header: String, _ headerSpan: Range<Int>) throws(ShellError) -> [Parsed] {
        guard current.isOp(":") else {
            throw ShellError(current.kind == .separator || current.kind == .end ? "expected ':'" : "invalid syntax", span: syntaxError().span, kind: .syntaxError)
        }
        pos += 1
        var body: [Parsed] = []
        if current.kind == .separator || current.kind == .end {
            let headerLine = lineNumber(headerSpan.lowerBound)
            let what = header == "class" ? "class definition" : "'\(header)' statement"
            if current.kind == .separator { pos += 1 }
            guard current.kind == .indent else {
                let at = current.span.lowerBound
                throw ShellError("expected an indented block after \(header == "def" ? "function definition" : what) on line \(headerLine)",
                                 span: at..<(at + 1), kind: .indentationError)
            }
            pos += 1
            while true {
                if current.kind == .dedent { pos += 1; break }
                if current.kind == .end { break }
                if current.kind == .indent { throw ShellError("unexpected indent", span: current.span.lowerBound..<(current.span.lowerBound + 1), kind: .indentationError) }
                body.append(try parseParsed())
                switch current.kind {
                case .separator: pos += 1
                case .dedent, .end: break
                default:
                    if tokens[pos - 1].kind == .dedent { continue }
                    throw syntaxError()
                }
            }
            return body
        }
        // Simple statements on the header's line, separated by `;`.
        while true {
            body.append(try parseParsed())
            if current.kind == .separator, current.span.lowerBound < scalars.count, scalars[current.span.lowerBound] == ";",
               !isStatementEnd(peek()) {
                pos += 1
                continue
            }
            if current.kind == .separator, current.span.lowerBound < scalars.count, scalars[current.span.lowerBound] == ";" { pos += 1 }
            break
        }
        return body
    }

    /// `class Name:` or `class Name(Base, …):` and its block.
    /// `yield`, `yield v` or `yield from xs` (the current token is `yield`); `targets` are
    /// the names of `x = yield v`, bound to the value `send` passes in when it resumes.
    mutating func parseYield(into targets: [Target]) throws(ShellError) -> Statement {
        let keyword = current.span
        pos += 1
        if current.name == "from" {
            pos += 1
            let value = try parseTestList()
            // `x = yield from g`: x is g's return value (its StopIteration.value).
            return .yieldValue(value, from: true, into: targets, keyword.lowerBound..<previousEnd)
        }
        if isStatementEnd(current) || current.isOp(")") { return .yieldValue(nil, from: false, into: targets, keyword) }
        let value = try parseTestList()
        return .yieldValue(value, from: false, into: targets, keyword.lowerBound..<previousEnd)
    }

    mutating func parseClass() throws(ShellError) -> Statement {
        let start = current.span
        pos += 1
        guard let name = current.name, !Parser.keywords.contains(name) else { throw syntaxError() }
        pos += 1
        var bases: [Expr] = []
        if current.isOp("(") {
            pos += 1
            while !current.isOp(")") {
                if peek().isOp("="), current.name != nil {
                    throw ShellError("class keywords (metaclass=…) are not supported", span: current.span, kind: .syntaxError)
                }
                bases.append(try parseExpression())
                if current.isOp(",") { pos += 1 } else { break }
            }
            try expectOp(")")
        }
        let body = try parseBlock("class", start)
        return .classDef(ClassDef(name: name, bases: bases, body: body, span: start.lowerBound..<previousEnd))
    }

    /// `@decorator` lines before a `def` or `class`.
    mutating func parseDecorated() throws(ShellError) -> Statement {
        var decorators: [Expr] = []
        while current.isOp("@") {
            pos += 1
            decorators.append(try parseExpression())
            guard current.kind == .separator else { throw syntaxError() }
            pos += 1
        }
        guard current.name == "def" || current.name == "class" else { throw syntaxError() }
        let inner = current.name == "def" ? try parseDef() : try parseClass()
        return .decorated(decorators, inner)
    }

    mutating func parseDef() throws(ShellError) -> Statement {
        let start = current.span
        pos += 1
        guard let name = current.name, !Parser.keywords.contains(name) else { throw syntaxError() }
        pos += 1
        try expectOp("(")
        let params = try parseParameters(closing: ")")
        try expectOp(")")
        if current.isOp("-"), peek().isOp(">") {
            pos += 2
            _ = try parseExpression()
        }
        // The body's local names are the variables there, not commands (Python's rule: a name
        // assigned anywhere in the body is local). Parameters are known now; names assigned in
        // the body only after it is parsed, so a body that assigns a command's name is read again.
        let savedShadowed = shadowed
        defer { shadowed = savedShadowed }
        shadowed.formUnion(params.map(\.name))
        let bodyStart = pos
        var f = FunctionDef(name: name, parameters: params, body: try parseBlock("def", start), source: sourceText,
                            line: lineNumber(start.lowerBound), isLambda: false)
        let commandLocals = f.localNames.subtracting(shadowed).intersection(grammar.commands)
        if !commandLocals.isEmpty {
            shadowed.formUnion(commandLocals)
            pos = bodyStart
            f = FunctionDef(name: name, parameters: params, body: try parseBlock("def", start), source: sourceText,
                            line: lineNumber(start.lowerBound), isLambda: false)
        }
        return .functionDef(f)
    }

    /// Parameters up to `closing` (`)` for def, `:` for lambda), with Python's checks.
    mutating func parseParameters(closing: String) throws(ShellError) -> [FunctionParameter] {
        var params: [FunctionParameter] = []
        var keywordOnly = false
        var sawDefault = false
        while !current.isOp(closing) {
            if current.isOp("**") {
                pos += 1
                guard let n = current.name else { throw syntaxError() }
                pos += 1
                try skipAnnotation(closing)
                params.append(FunctionParameter(name: n, kind: .varKeywords, defaultValue: nil))
            } else if current.isOp("*") {
                pos += 1
                keywordOnly = true
                if let n = current.name {
                    pos += 1
                    try skipAnnotation(closing)
                    params.append(FunctionParameter(name: n, kind: .varArgs, defaultValue: nil))
                }
            } else if current.isOp("/") {
                pos += 1
            } else {
                guard let n = current.name, !Parser.keywords.contains(n) else { throw syntaxError() }
                let nameSpan = current.span
                pos += 1
                try skipAnnotation(closing)
                var dflt: Expr? = nil
                if current.isOp("=") {
                    pos += 1
                    dflt = try parseExpression()
                    sawDefault = true
                } else if sawDefault && !keywordOnly {
                    throw ShellError("non-default argument follows default argument", span: nameSpan, kind: .syntaxError)
                }
                if params.contains(where: { $0.name == n }) {
                    throw ShellError("duplicate argument '\(n)' in function definition", span: nameSpan, kind: .syntaxError)
                }
                params.append(FunctionParameter(name: n, kind: keywordOnly ? .keywordOnly : .normal, defaultValue: dflt))
            }
            if current.isOp(",") { pos += 1 } else { break }
        }
        return params
    }

    mutating func skipAnnotation(_ closing: String) throws(ShellError) {
        if closing == ")" && current.isOp(":") {
            pos += 1
            _ = try parseExpression()
        }
    }

    /// `import a.b as c, d` and `from a import b as c, d` / `from a import (b, c)`.
    mutating func parseImport() throws(ShellError) -> Statement {
        let start = current.span.lowerBound
        func dotted() throws(ShellError) -> String {
            guard var n = current.name else { throw syntaxError() }
            pos += 1
            while current.isOp("."), let next = peek().name {
                n += "." + next
                pos += 2
            }
            return n
        }
        var items: [ImportItem] = []
        if current.name == "import" {
            pos += 1
            while true {
                let module = try dotted()
                var alias: String? = nil
                if current.name == "as" {
                    pos += 1
                    guard let a = current.name else { throw syntaxError() }
                    alias = a
                    pos += 1
                }
                items.append(ImportItem(module: module, name: nil, alias: alias))
                if current.isOp(",") { pos += 1 } else { break }
            }
        } else {
            pos += 1
            let module = try dotted()
            guard current.name == "import" else { throw syntaxError() }
            pos += 1
            let parens = current.isOp("(")
            if parens { pos += 1 }
            while true {
                if current.isOp("*") {
                    items.append(ImportItem(module: module, name: "*", alias: nil))
                    pos += 1
                } else {
                    guard let n = current.name else { throw syntaxError() }
                    pos += 1
                    var alias: String? = nil
                    if current.name == "as" {
                        pos += 1
                        guard let a = current.name else { throw syntaxError() }
                        alias = a
                        pos += 1
                    }
                    items.append(ImportItem(module: module, name: n, alias: alias))
                }
                if current.isOp(",") { pos += 1; if parens && current.isOp(")") { break } } else { break }
            }
            if parens { try expectOp(")") }
        }
        return .imports(items, start..<previousEnd)
    }

    // MARK: - Expressions Python has and the numpy form needed no earlier

    /// `lambda a, b=1: expr`
    mutating func parseLambda() throws(ShellError) -> Expr {
        let start = current.span
        pos += 1
        let params = try parseParameters(closing: ":")
        try expectOp(":")
        let bodyStart = current.span.lowerBound
        let savedShadowed = shadowed
        shadowed.formUnion(params.map(\.name))
        let body = try parseExpression()
        shadowed = savedShadowed
        let span = bodyStart..<previousEnd
        let ret = Parsed(statement: .returnValue(body, span), span: span, text: text(span))
        let f = FunctionDef(name: "<lambda>", parameters: params, body: [ret], source: sourceText,
                            line: lineNumber(start.lowerBound), isLambda: true)
        return .lambda(f, start.lowerBound..<previousEnd)
    }

    /// After the first element of a bracket: `for` starts a comprehension.
    mutating func parseComprehensionClauses() throws(ShellError) -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while current.name == "for" {
            pos += 1
            let target = try parseForTarget()
            guard current.name == "in" else { throw syntaxError() }
            pos += 1
            let iterable = try parseOr()
            var conditions: [Expr] = []
            while current.name == "if" {
                pos += 1
                conditions.append(try parseOrNoTernary())
            }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        return clauses
    }

    mutating func parseOrNoTernary() throws(ShellError) -> Expr { try parseOr() }

    /// `{…}`: a dict, a set, or their comprehensions.
    mutating func parseBrace() throws(ShellError) -> Expr {
        let open = current.span
        pos += 1
        if current.isOp("}") {
            pos += 1
            return .dict([], open.lowerBound..<previousEnd)
        }
        if current.isOp("**") {
            return try parseDictRest(open, first: nil)
        }
        let first = try finishNamed(try parseStarredOrPipeline())
        if current.isOp(":") {
            pos += 1
            let value = try parseExpression()
            if current.name == "for" {
                let clauses = try parseComprehensionClauses()
                try expectOp("}")
                return try comprehension(Comprehension(kind: .dict, element: first, value: value, clauses: clauses), open.lowerBound..<previousEnd)
            }
            return try parseDictRest(open, first: DictItem(key: first, value: value))
        }
        if current.name == "for" {
            let clauses = try parseComprehensionClauses()
            try expectOp("}")
            return try comprehension(Comprehension(kind: .set, element: first, value: nil, clauses: clauses), open.lowerBound..<previousEnd)
        }
        var items = [first]
        while current.isOp(",") {
            pos += 1
            if current.isOp("}") { break }
            items.append(try finishNamed(try parseStarredOrPipeline()))
        }
        try expectOp("}")
        return .set(items, open.lowerBound..<previousEnd)
    }

    mutating func parseDictRest(_ open: Range<Int>, first: DictItem?) throws(ShellError) -> Expr {
        var items: [DictItem] = first.map { [$0] } ?? []
        if first != nil {
            if current.isOp(",") { pos += 1 } else { try expectOp("}"); return .dict(items, open.lowerBound..<previousEnd) }
        }
        while !current.isOp("}") {
            if current.isOp("**") {
                pos += 1
                items.append(DictItem(key: nil, value: try parseBinary(level: 0)))
            } else {
                let k = try parseExpression()
                try expectOp(":")
                items.append(DictItem(key: k, value: try parseExpression()))
            }
            if current.isOp(",") { pos += 1 } else { break }
        }
        try expectOp("}")
        return .dict(items, open.lowerBound..<previousEnd)
    }

    /// Splits an f-string body into text and `{expression!c:spec}` parts; each expression is
    /// parsed by a parser over the same source, so its spans point into the line.
    mutating func parseFString(_ body: String, raw: Bool, token: Token) throws(ShellError) -> Expr {
        // The body starts after the prefix and the opening quote(s).
        var bodyStart = token.span.lowerBound
        while bodyStart < scalars.count, scalars[bodyStart] != "'" && scalars[bodyStart] != "\"" { bodyStart += 1 }
        let q = bodyStart < scalars.count ? scalars[bodyStart] : "'"
        if bodyStart + 2 < scalars.count, scalars[bodyStart + 1] == q, scalars[bodyStart + 2] == q { bodyStart += 3 } else { bodyStart += 1 }
        let parts = try fstringParts(Array(body.unicodeScalars), offset: bodyStart, raw: raw, token: token)
        return .fstring(parts, token.span)
    }

    func fstringParts(_ s: [Unicode.Scalar], offset: Int, raw: Bool, token: Token) throws(ShellError) -> [FStringPart] {
        var parts: [FStringPart] = []
        var literal = String.UnicodeScalarView()
        var i = 0
        func flush() throws(ShellError) {
            if !literal.isEmpty {
                let text = String(literal)
                parts.append(.text(raw ? text : try Parser.unescape(text, span: token.span)))
                literal = String.UnicodeScalarView()
            }
        }
        while i < s.count {
            let c = s[i]
            if c == "{" {
                if i + 1 < s.count && s[i + 1] == "{" { literal.append("{"); i += 2; continue }
                try flush()
                // Find the end of the expression: a top-level `}`, `!` or `:` (or `=` before those).
                var j = i + 1
                var depthCount = 0
                var quote: Unicode.Scalar? = nil
                while j < s.count {
                    let d = s[j]
                    if let q = quote { if d == q { quote = nil }; j += 1; continue }
                    if d == "'" || d == "\"" { quote = d }
                    else if d == "(" || d == "[" || d == "{" { depthCount += 1 }
                    else if d == ")" || d == "]" || d == "}" {
                        if depthCount == 0 { break }
                        depthCount -= 1
                    } else if depthCount == 0 && (d == ":" || (d == "!" && j + 1 < s.count && s[j + 1] != "=")) { break }
                    j += 1
                }
                guard j < s.count else {
                    throw ShellError("f-string: expecting '}'", span: token.span, kind: .syntaxError)
                }
                var exprEnd = j
                var selfDoc: String? = nil
                // `{x=}`: trailing `=` (not `==`, `!=`, `<=`, `>=`).
                var k = exprEnd - 1
                while k > i && s[k] == " " { k -= 1 }
                if k > i, s[k] == "=", !(k > i + 1 && "=!<>".unicodeScalars.contains(s[k - 1])) {
                    selfDoc = String(String.UnicodeScalarView(s[(i + 1)..<exprEnd]))
                    exprEnd = k
                }
                let exprText = String(String.UnicodeScalarView(s[(i + 1)..<exprEnd]))
                if exprText.allSatisfy({ $0 == " " }) {
                    throw ShellError("f-string: empty expression not allowed", span: token.span, kind: .syntaxError)
                }
                let expr = try Parser.parseSubexpression(exprText, grammar: grammar, offset: offset + i + 1)
                var conversion: Character? = nil
                var spec: [FStringPart]? = nil
                if j < s.count && s[j] == "!" {
                    guard j + 1 < s.count, ["r", "s", "a"].contains(s[j + 1]) else {
                        throw ShellError("f-string: invalid conversion character: expected 's', 'r', or 'a'", span: token.span, kind: .syntaxError)
                    }
                    conversion = Character(s[j + 1])
                    j += 2
                }
                if j < s.count && s[j] == ":" {
                    // The spec runs to the matching `}` and may hold nested `{…}`.
                    var m = j + 1
                    var nest = 0
                    while m < s.count {
                        if s[m] == "{" { nest += 1 } else if s[m] == "}" { if nest == 0 { break }; nest -= 1 }
                        m += 1
                    }
                    spec = try fstringParts(Array(s[(j + 1)..<m]), offset: offset + j + 1, raw: raw, token: token)
                    j = m
                }
                guard j < s.count, s[j] == "}" else {
                    throw ShellError("f-string: expecting '}'", span: token.span, kind: .syntaxError)
                }
                if selfDoc != nil && conversion == nil && spec == nil { conversion = "r" }
                parts.append(.value(expr, conversion: conversion, spec: spec, selfDoc: selfDoc))
                i = j + 1
                continue
            }
            if c == "}" {
                if i + 1 < s.count && s[i + 1] == "}" { literal.append("}"); i += 2; continue }
                throw ShellError("f-string: single '}' is not allowed", span: token.span, kind: .syntaxError)
            }
            if c == "\\" && i + 1 < s.count && !raw { literal.append(c); literal.append(s[i + 1]); i += 2; continue }
            literal.append(c)
            i += 1
        }
        try flush()
        return parts
    }

    /// One expression from text inside an f-string, its spans shifted to the enclosing source.
    static func parseSubexpression(_ text: String, grammar: Grammar, offset: Int) throws(ShellError) -> Expr {
        let padded = String(repeating: " ", count: offset) + "(" + text + ")"
        var tokens = try Lexer(padded).tokenize()
        tokens.removeAll { $0.kind == .indent || $0.kind == .dedent }
        var parser = Parser(tokens: tokens, source: padded, grammar: grammar)
        let e = try parser.parseTestList()
        guard parser.current.kind == .end || parser.current.kind == .separator else { throw parser.syntaxError() }
        return e
    }

    /// Resolves backslash escapes of an f-string's text part.
    static func unescape(_ text: String, span: Range<Int>) throws(ShellError) -> String {
        let quoted = "'" + text.replacingOccurrences(of: "'", with: "\\'") + "'"
        let tokens = try Lexer(quoted).tokenize()
        if case .string(let s)? = tokens.first?.kind { return s }
        return text
    }
}
