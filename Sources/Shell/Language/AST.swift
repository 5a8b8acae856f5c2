/// The syntax tree of one statement. Every node keeps its source columns so evaluation errors
/// can point at the exact argument that failed.

/// An expression: something that evaluates to a `Value`.
public indirect enum Expr: Equatable, Sendable {
    /// A variable, constant (`np`, `float32`, `pi`) or command used as a value.
    case name(String, Range<Int>)
    case int(Int, Range<Int>)
    case float(Double, Range<Int>)
    case string(String, Range<Int>)
    case bool(Bool, Range<Int>)
    case none(Range<Int>)
    /// `[a, b]`
    case list([Expr], Range<Int>)
    /// `(a, b)` or `a, b` on the right of `=`.
    case tuple([Expr], Range<Int>)
    /// `-x`, `+x`, `not x`, `~x`.
    case unary(String, Expr, Range<Int>)
    /// `a + b`, `a @ b`, `a == b`, …
    case binary(String, Expr, Expr, Range<Int>)
    /// `f(a, k=v)` — numpy form; `callee` is a name or an attribute (a method call).
    case call(callee: Expr, args: [CallArgument], Range<Int>)
    /// `x.name`
    case attribute(Expr, String, Range<Int>)
    /// `x[i, j:k]`
    case indexing(Expr, [SubscriptItem], Range<Int>)
    /// Command form: `reshape x 2 4 3 order='C'`.
    case command(name: String, args: [CallArgument], nameSpan: Range<Int>, Range<Int>)
    /// `a | b | c`: each stage after the first receives the previous value as its first argument.
    case pipeline([Expr], Range<Int>)
    /// A run of adjacent characters in command form that is not an expression (`/tmp/x.npy`,
    /// `~/w.npz`): only arguments that take a word or a path accept it.
    case word(String, Range<Int>)
    /// A whole statement given to a command that runs statements (`time x = arange 9`).
    case statement(Statement, String, Range<Int>)

    /// The source columns of this expression.
    public var span: Range<Int> {
        switch self {
        case .name(_, let s), .int(_, let s), .float(_, let s), .string(_, let s), .bool(_, let s),
             .none(let s), .list(_, let s), .tuple(_, let s), .unary(_, _, let s), .binary(_, _, _, let s),
             .call(_, _, let s), .attribute(_, _, let s), .indexing(_, _, let s), .command(_, _, _, let s),
             .pipeline(_, let s), .word(_, let s), .statement(_, _, let s):
            return s
        }
    }
}

/// One argument of a call or command: positional when `label` is nil, else `label=value`.
public struct CallArgument: Equatable, Sendable {
    public var label: String?
    public var value: Expr
    public var labelSpan: Range<Int>?

    public init(label: String? = nil, value: Expr, labelSpan: Range<Int>? = nil) {
        self.label = label
        self.value = value
        self.labelSpan = labelSpan
    }

    /// The columns of the whole argument, label included.
    public var span: Range<Int> {
        guard let labelSpan else { return value.span }
        return labelSpan.lowerBound..<max(labelSpan.upperBound, value.span.upperBound)
    }
}

/// One item between the brackets of a subscript.
public enum SubscriptItem: Equatable, Sendable {
    /// `i` (an int, a list of ints, an array, or `None` for a new axis).
    case index(Expr)
    /// `start:stop:step`, each part optional.
    case slice(Expr?, Expr?, Expr?, Range<Int>)
    /// `...`
    case ellipsis(Range<Int>)
}

/// Where an assigned value goes.
public indirect enum Target: Equatable, Sendable {
    case name(String, Range<Int>)
    /// `a, b = …` or `(a, b) = …`, possibly nested.
    case unpack([Target], Range<Int>)
    /// `x[i, j:k] = …`: numpy's item assignment into the array `base` evaluates to.
    case item(Expr, [SubscriptItem], Range<Int>)

    public var span: Range<Int> {
        switch self {
        case .name(_, let s), .unpack(_, let s), .item(_, _, let s): return s
        }
    }
}

/// One statement.
public indirect enum Statement: Equatable, Sendable {
    /// `targets = value` (several targets for `a = b = value`).
    case assign([Target], Expr)
    /// `target op= value` (`x += 1`, `W -= lr * dW`, `x[mask] *= 2`): `op` is the binary operator
    /// without its `=`. An array target is changed in place, as numpy's `__iadd__` does.
    case augmentedAssign(Target, String, Expr)
    /// A bare expression: its value prints like `print()` and becomes `_`.
    case expression(Expr)
    /// `import numpy as np` and friends: accepted so pasted numpy code runs; nothing to do.
    case importModule(String)
    /// `?name`: help on a command.
    case help(String, Range<Int>)
}
