/// Index formulas in Python syntax — `y[i, j] = x[i // 2, i % 2, j]` — for what a shape op does:
/// which element of the source each element of the result is. `Explain` prints them; they are
/// derived from the shapes alone (reshape reads and writes in C order whatever the strides).
enum IndexFormula {
    /// Index variable names for the axes of a result: `i, j, k, l, m, n`, then `i6, i7, …`.
    static func variables(_ count: Int) -> [String] {
        let letters = ["i", "j", "k", "l", "m", "n"]
        return (0..<count).map { $0 < letters.count ? letters[$0] : "i\($0)" }
    }

    /// `name[a, b, c]`; a 0-d array is indexed with `()`.
    static func subscripted(_ name: String, _ items: [String]) -> String {
        items.isEmpty ? "\(name)[()]" : "\(name)[" + items.joined(separator: ", ") + "]"
    }

    /// One run of axes that reshape maps onto each other: the product of the old lengths equals
    /// the product of the new ones. Length-1 axes are left out (their index is always 0).
    struct Group: Equatable {
        var oldAxes: [Int]
        var newAxes: [Int]
    }

    /// The groups of a reshape from `old` to `new` (equal sizes, no zero length), the way numpy's
    /// `_attempt_nocopy_reshape` pairs axes: grow whichever side has the smaller product.
    static func groups(old: [Int], new: [Int]) -> [Group] {
        let o = old.indices.filter { old[$0] != 1 }
        let n = new.indices.filter { new[$0] != 1 }
        var out: [Group] = []
        var oi = 0, ni = 0
        while oi < o.count && ni < n.count {
            var g = Group(oldAxes: [o[oi]], newAxes: [n[ni]])
            var op = old[o[oi]], np = new[n[ni]]
            oi += 1; ni += 1
            while op != np {
                if op < np {
                    guard oi < o.count else { return out }
                    op *= old[o[oi]]; g.oldAxes.append(o[oi]); oi += 1
                } else {
                    guard ni < n.count else { return out }
                    np *= new[n[ni]]; g.newAxes.append(n[ni]); ni += 1
                }
            }
            out.append(g)
        }
        return out
    }

    /// `3*i + j` for the C-order position of `vars` within `dims` (coefficients are the products
    /// of the later lengths; a coefficient of 1 is not written).
    static func linear(_ vars: [String], _ dims: [Int]) -> String {
        var terms: [String] = []
        var coefficient = 1
        var parts: [(String, Int)] = []
        for (v, d) in zip(vars, dims).reversed() {
            parts.append((v, coefficient))
            coefficient = coefficient.multipliedReportingOverflow(by: d).partialValue
        }
        for (v, c) in parts.reversed() { terms.append(c == 1 ? v : "\(c)*\(v)") }
        return terms.joined(separator: " + ")
    }

    /// The source index of each old axis, for `y = x.reshape(new)`, in terms of the result's
    /// index variables: `["i // 2", "i % 2", "j"]` for (4, 2, 3) → (8, 3). Nil for empty arrays.
    static func reshapeSource(old: [Int], new: [Int], vars: [String]) -> [String]? {
        if old.contains(0) || new.contains(0) { return nil }
        var items = [String](repeating: "0", count: old.count)
        for g in groups(old: old, new: new) {
            let gv = g.newAxes.map { vars[$0] }
            let flat = linear(gv, g.newAxes.map { new[$0] })
            let compound = g.newAxes.count > 1
            var later = 1
            for (position, axis) in g.oldAxes.enumerated().reversed() {
                let d = old[axis]
                if g.oldAxes.count == 1 {
                    items[axis] = flat
                } else {
                    let base = compound ? "(\(flat))" : flat
                    var e = later == 1 ? base : "\(base) // \(later)"
                    if position > 0 { e = later == 1 ? "\(base) % \(d)" : "(\(e)) % \(d)" }
                    items[axis] = e
                }
                later = later.multipliedReportingOverflow(by: d).partialValue
            }
        }
        return items
    }
}
