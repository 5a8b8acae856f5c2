/// `int | None`, `list | tuple` (PEP 604): Python 3.10's `types.UnionType`, which `isinstance`
/// and `issubclass` take as the tuple of its members (`isinstance(x, int | float)`), and which
/// shows as CPython writes it (`int | None`). Annotations need nothing more: rnnsh does not
/// evaluate them (`Annotations.swift`).
struct UnionTypeObject: ShellObject, ReprObject {
    /// The member classes, each once, in order (`None` is `NoneType`'s class).
    let members: [Value]

    var kind: String { "types.UnionType" }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String {
        members.map { m -> String in
            switch m {
            case .type("NoneType"): return "None"
            case .type(let n): return n
            case .object(let c as PyClass): return "__main__." + c.name
            default: return ValueFormatter.repr(m)
            }
        }.joined(separator: " | ")
    }

    /// The members `v` contributes, or nil when it is no class (then `|` is not a union).
    static func members(of v: Value) -> [Value]? {
        switch v {
        case .type: return [v]
        case .none: return [.type("NoneType")]
        case .object(let c as PyClass): return [.object(c)]
        case .object(let u as UnionTypeObject): return u.members
        default: return nil
        }
    }

    /// `l | r` when both are classes (or None, or unions) and at least one is a class:
    /// a union, or the one class when both sides name the same (`int | int` is `int`).
    static func union(_ l: Value, _ r: Value) -> Value? {
        guard let a = members(of: l), let b = members(of: r), !(l.isNone && r.isNone) else { return nil }
        var out: [Value] = []
        for m in a + b where !out.contains(where: { Evaluator.identical($0, m) }) { out.append(m) }
        if out.count == 1, let only = out.first { return only }
        return .object(UnionTypeObject(members: out))
    }
}
