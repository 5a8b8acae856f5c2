/// Python's `__future__`: tutorials written for Python 2 and 3 alike begin with
/// `from __future__ import print_function` (or `division`, `absolute_import`). In Python 3
/// every feature is already on, so importing one changes nothing; what the import gives is the
/// feature's record, a `_Feature` (releases it became optional and mandatory in, and its
/// compiler flag), shown as CPython 3.11 shows it. A feature that does not exist is CPython's
/// compile-time SyntaxError, `braces` included.
enum FutureModule {
    /// Name → CPython 3.11's repr of its `_Feature`, in `__future__.all_feature_names` order.
    static let features: [(name: String, repr: String)] = [
        ("nested_scopes", "_Feature((2, 1, 0, 'beta', 1), (2, 2, 0, 'alpha', 0), 16)"),
        ("generators", "_Feature((2, 2, 0, 'alpha', 1), (2, 3, 0, 'final', 0), 0)"),
        ("division", "_Feature((2, 2, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 131072)"),
        ("absolute_import", "_Feature((2, 5, 0, 'alpha', 1), (3, 0, 0, 'alpha', 0), 262144)"),
        ("with_statement", "_Feature((2, 5, 0, 'alpha', 1), (2, 6, 0, 'alpha', 0), 524288)"),
        ("print_function", "_Feature((2, 6, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 1048576)"),
        ("unicode_literals", "_Feature((2, 6, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 2097152)"),
        ("barry_as_FLUFL", "_Feature((3, 1, 0, 'alpha', 2), (4, 0, 0, 'alpha', 0), 4194304)"),
        ("generator_stop", "_Feature((3, 5, 0, 'beta', 1), (3, 7, 0, 'alpha', 0), 8388608)"),
        ("annotations", "_Feature((3, 7, 0, 'beta', 1), None, 16777216)"),
    ]

    static func attribute(_ name: String, span: Range<Int>) throws(ShellError) -> Value {
        if name == "all_feature_names" { return .list(features.map { .string($0.name) }) }
        guard let f = features.first(where: { $0.name == name }) else {
            throw ShellError("module '__future__' has no attribute '\(name)'", span: span, kind: .attributeError)
        }
        return .object(FutureFeature(name: f.name, reprText: f.repr))
    }

    /// `from __future__ import NAME`: CPython refuses an unknown feature when it compiles.
    static func checkImport(_ name: String, span: Range<Int>) throws(ShellError) {
        if name == "braces" { throw ShellError("not a chance", span: span, kind: .syntaxError) }
        guard features.contains(where: { $0.name == name }) else {
            throw ShellError("future feature \(name) is not defined", span: span, kind: .syntaxError)
        }
    }
}

/// One `__future__` feature's record (`__future__.print_function`).
struct FutureFeature: ShellObject, ReprObject {
    let name: String
    let reprText: String
    var kind: String { "_Feature" }
    var summary: String { reprText }
    var detail: String { reprText }
}
