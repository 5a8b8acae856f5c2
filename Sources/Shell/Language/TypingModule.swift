/// Python's `typing`, for the annotations typed tutorials write: `from typing import List,
/// Dict, Optional, Tuple, Any, Callable, Union` and `def f(xs: List[int]) -> Optional[str]:`.
/// rnnsh never checks annotations (CPython does not either), so each name is a placeholder
/// that can be subscripted (`Dict[str, int]`) and shows as CPython's repr (`typing.List[int]`);
/// it is not a class (`isinstance(x, List)` is refused as not a type).
enum TypingModule {
    static let names: Set<String> = [
        "Any", "Callable", "Dict", "FrozenSet", "Generator", "Iterable", "Iterator", "List", "Mapping",
        "Optional", "Sequence", "Set", "Tuple", "Type", "Union", "DefaultDict", "Deque", "Counter",
    ]

    static func attribute(_ name: String, span: Range<Int>) throws(ShellError) -> Value {
        guard names.contains(name) else {
            throw ShellError("module 'typing' has no attribute '\(name)'", span: span, kind: .attributeError)
        }
        return .object(TypingForm(name: name, arguments: nil))
    }
}

/// `typing.List`, or a subscripted one (`typing.Dict[str, int]`).
struct TypingForm: ShellObject, ReprObject {
    let name: String
    /// The reprs of the subscript's items (nil: not subscripted).
    let arguments: [String]?

    var kind: String { "typing" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String {
        "typing." + name + (arguments.map { "[" + $0.joined(separator: ", ") + "]" } ?? "")
    }

    /// `List[int]`: a new form naming its items as typing shows them (`int`, not `<class 'int'>`).
    func item(_ key: Value) throws(ShellError) -> Value? {
        let items: [Value]
        if case .tuple(let t) = key { items = t.array } else { items = [key] }
        return .object(TypingForm(name: name, arguments: items.map(Self.argumentText)))
    }

    static func argumentText(_ v: Value) -> String {
        switch v {
        case .type(let n): return n
        case .dtype(let d): return d == .float64 ? "float" : (d == .int64 ? "int" : (d == .bool ? "bool" : "numpy.\(d.name)"))
        case .none: return "None"
        case .ellipsis: return "..."
        case .list(let l): return "[" + l.items.map(argumentText).joined(separator: ", ") + "]"
        case .object(let f as TypingForm): return f.reprText
        default: return ValueFormatter.repr(v)
        }
    }
}
