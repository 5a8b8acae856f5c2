/// Recovers an index formula from tracked origins: given, for every element of a result, the
/// flat position it came from in the source, find for each source axis an expression in the
/// result's index variables — `x[i, p, j]`, `x[i // 2, i % 2, j]`. Works on what the shape ops
/// actually produced, so it is right by construction whenever it answers; it answers nil for an
/// axis whose pattern is not affine or a single div/mod (then the labels speak for themselves).
enum OriginFit {
    /// The source coordinates of every element: `coordinates[a][e]` is the index along source
    /// axis `a` of result element `e` (C order).
    static func coordinates(origins: [Int], sourceShape: [Int]) -> [[Int]] {
        var strides = [Int](repeating: 1, count: sourceShape.count)
        var s = 1
        for a in sourceShape.indices.reversed() { strides[a] = s; s *= max(sourceShape[a], 1) }
        return sourceShape.indices.map { a in
            let st = strides[a], n = max(sourceShape[a], 1)
            return origins.map { ($0 / st) % n }
        }
    }

    /// One expression per source axis (nil where no simple formula fits).
    static func fit(coordinates: [[Int]], shape: [Int], vars: [String]) -> [String?] {
        coordinates.map { fitAxis($0, shape: shape, vars: vars) }
    }

    /// C-order element strides of `shape` (length-0 axes count as 1).
    static func cStrides(_ shape: [Int]) -> [Int] {
        var st = [Int](repeating: 1, count: shape.count)
        var s = 1
        for k in shape.indices.reversed() { st[k] = s; s *= max(shape[k], 1) }
        return st
    }

    static func fitAxis(_ c: [Int], shape: [Int], vars: [String]) -> String? {
        guard let c0 = c.first else { return nil }
        let st = cStrides(shape)
        // Affine: c = c0 + Σ coef_k · idx_k.
        var coef = [Int](repeating: 0, count: shape.count)
        for k in shape.indices where shape[k] > 1 { coef[k] = c[st[k]] - c0 }
        if matches(c, shape: shape, { idx in zip(coef, idx).reduce(c0) { $0 + $1.0 * $1.1 } }) {
            var terms: [String] = []
            for k in shape.indices where coef[k] != 0 {
                terms.append(coef[k] == 1 ? vars[k] : "\(coef[k])*\(vars[k])")
            }
            if c0 != 0 || terms.isEmpty { terms.append(String(c0)) }
            return terms.joined(separator: " + ")
        }
        // One axis k, c = c0 + step·((idx_k // d) % m): a merged axis of a reshape.
        let varying = shape.indices.filter { k in shape[k] > 1 && !matches(c, shape: shape, { idx in
            var j = idx; j[k] = 0; return c[zip(j, st).reduce(0) { $0 + $1.0 * $1.1 }]
        }) }
        guard varying.count == 1, let k = varying.first else { return nil }
        let n = shape[k]
        let f = (0..<n).map { c[$0 * st[k]] }
        guard let d = (1..<n).first(where: { f[$0] != f[0] }) else { return nil }
        let step = f[d] - c0
        var m = n
        if let back = stride(from: d, to: n, by: d).first(where: { f[$0] == c0 }) { m = back / d }
        guard (0..<n).allSatisfy({ f[$0] == c0 + step * (($0 / d) % m) }) else { return nil }
        var e = vars[k]
        if d > 1 { e = "\(e) // \(d)" }
        if m * d < n { e = d > 1 ? "(\(e)) % \(m)" : "\(e) % \(m)" }
        if step != 1 { e = "\(step)*(\(e))" }
        if c0 != 0 { e += " + \(c0)" }
        return e
    }

    /// True when `expected(idx)` equals `c` at every multi-index of `shape` (C order).
    static func matches(_ c: [Int], shape: [Int], _ expected: ([Int]) -> Int) -> Bool {
        var idx = [Int](repeating: 0, count: shape.count)
        for e in c.indices {
            if c[e] != expected(idx) { return false }
            var k = shape.count - 1
            while k >= 0 {
                idx[k] += 1
                if idx[k] < shape[k] { break }
                idx[k] = 0
                k -= 1
            }
        }
        return true
    }
}
