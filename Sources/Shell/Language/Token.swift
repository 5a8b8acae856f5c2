/// One lexical unit of a statement, with the columns it covers so errors can put a caret under it.
///
/// Columns count Unicode scalars from the start of the source text given to the lexer; for the
/// usual one-line statement that is the column on screen.
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// An identifier (`x`, `np`, `reshape`, `_`).
        case name(String)
        /// An integer literal, kept as written (digits only, `_` removed) so the parser can report
        /// overflow instead of trapping.
        case int(String)
        /// A float literal as written (`1.5`, `.5`, `1e-3`).
        case float(String)
        /// A string literal with escapes already resolved.
        case string(String)
        /// Punctuation and operators: `( ) [ ] { } , : . ... = == != < <= > >= + - * / // % ** @ | ? ~`.
        case op(String)
        /// An f-string's body as written between its quotes (escapes unresolved; the parser
        /// splits it into text and `{expression}` parts). `raw` for `rf'…'`.
        case fstring(String, raw: Bool)
        /// The end of a statement: a newline outside brackets or a `;`.
        case separator
        /// A line indented deeper than the one before (Python's INDENT): opens a block.
        case indent
        /// A line indented less (Python's DEDENT): closes one block per level left.
        case dedent
        /// The end of the source.
        case end
    }

    public var kind: Kind
    /// Columns `[start, end)` in the source.
    public var span: Range<Int>
    /// True when whitespace (or the start of the source) comes right before this token. The
    /// statement language uses it the way shells do: `f(x)` is a call, `f (x)` passes `(x)` as
    /// an argument, and `reshape x -1` passes minus one.
    public var spaceBefore: Bool

    public init(_ kind: Kind, _ span: Range<Int>, spaceBefore: Bool) {
        self.kind = kind
        self.span = span
        self.spaceBefore = spaceBefore
    }

    /// True when the token is the operator `symbol`.
    public func isOp(_ symbol: String) -> Bool {
        if case .op(let s) = kind { return s == symbol }
        return false
    }

    /// The identifier text, if this is a name.
    public var name: String? {
        if case .name(let s) = kind { return s }
        return nil
    }

    /// How the token reads in an error message.
    public var display: String {
        switch kind {
        case .name(let s), .int(let s), .float(let s), .op(let s): return s
        case .string(let s): return "'\(s)'"
        case .fstring(let s, _): return "f'\(s)'"
        case .indent: return "indent"
        case .dedent: return "dedent"
        case .separator: return "end of statement"
        case .end: return "end of line"
        }
    }
}
