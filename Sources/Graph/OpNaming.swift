/// TF1's unique op names: the first op of a kind takes the plain name (`Variable`, `split`,
/// `MatMul`), later ones `_1`, `_2`, … (`Variable_1`), counted case-insensitively, and a name
/// scope (`rnn`, `softmax_cross_entropy_with_logits_sg`) takes a name the same way, so a second
/// `static_rnn` lives under `rnn_1/`. This is `Graph.unique_name` of TF1's ops.py.
struct OpNaming: Sendable {
    private var used: [String: Int] = [:]

    /// The name for a new op or scope called `base` (the scope prefix already included).
    mutating func unique(_ base: String) -> String {
        var key = base.lowercased()
        var i = used[key] ?? 0
        used[key] = i + 1
        if i == 0 { return base }
        let baseKey = key
        while used[key] != nil {
            key = "\(baseKey)_\(i)"
            i += 1
        }
        used[key] = 1
        return "\(base)_\(i - 1)"
    }

    /// Marks a name as taken without renaming it (an op named inside a scope already unique).
    mutating func reserve(_ name: String) {
        let key = name.lowercased()
        used[key] = max(used[key] ?? 0, 1)
    }
}
