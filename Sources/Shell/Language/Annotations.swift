/// Variable annotations (PEP 526), as typed tutorials write them: `x: int = 0`,
/// `losses: list[float] = []`, `self.lr: float = 0.1`, and a bare `y: int`.
///
/// The annotation is parsed (so a malformed one is a SyntaxError) and never evaluated: CPython
/// evaluates a module-level one into `__annotations__`, which rnnsh does not keep, and a
/// function's local annotations are not evaluated by CPython either. `x: T = v` is the
/// assignment `x = v`; `x: T` alone assigns nothing, so `x` stays unbound, as in CPython.
extension Parser {
    /// `target : annotation [= value]`, the current token being the `:` after `target`.
    mutating func parseAnnotated(_ target: Expr) throws(ShellError) -> Statement {
        switch target {
        case .tuple(_, let s):
            throw ShellError("only single target (not tuple) can be annotated", span: s, kind: .syntaxError)
        case .list(_, let s):
            throw ShellError("only single target (not list) can be annotated", span: s, kind: .syntaxError)
        case .name, .attribute, .indexing:
            break
        case .command(_, let args, _, _) where args.isEmpty:
            break
        default:
            throw ShellError("illegal target for annotation", span: target.span, kind: .syntaxError)
        }
        let assigned = try toTarget(target, augmented: false)
        pos += 1
        if isStatementEnd(current) { throw syntaxError(at: current) }
        _ = try parseExpression()
        if isStatementEnd(current) { return .pass }
        guard current.isOp("=") else { throw syntaxError(at: current) }
        pos += 1
        if isStatementEnd(current) { throw syntaxError(at: current) }
        let value = try parseTestList()
        guard isStatementEnd(current) else { throw syntaxError(at: current) }
        return .assign([assigned], value)
    }
}
