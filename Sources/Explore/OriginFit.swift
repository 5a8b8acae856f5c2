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
        if isAffine(c, shape: shape, c0: c0, coef: coef) {
            var terms: [String] = []
            for k in shape.indices where coef[k] != 0 {
                terms.append(coef[k] == 1 ? vars[k] : "\(coef[k])*\(vars[k])")
            }
            if c0 != 0 || terms.isEmpty { terms.append(String(c0)) }
            return terms.joined(separator: " + ")
        }
        // One axis k, c = c0 + step·((idx_k // d) % m): a merged axis of a reshape.
        let varying = shape.indices.filter { k in shape[k] > 1 && !isConstant(c, along: k, shape: shape, strides: st) }
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

    /// True when `c == c0 + Σ coef_k · idx_k` at every multi-index of `shape` (C order),
    /// checked incrementally (one addition per element).
    static func isAffine(_ c: [Int], shape: [Int], c0: Int, coef: [Int]) -> Bool {
        var idx = [Int](repeating: 0, count: shape.count)
        var expected = c0
        for e in c.indices {
            if c[e] != expected { return false }
            var k = shape.count - 1
            while k >= 0 {
                idx[k] += 1
                expected += coef[k]
                if idx[k] < shape[k] { break }
                expected -= coef[k] * shape[k]
                idx[k] = 0
                k -= 1
            }
        }
        return true
    }

    /// True when `c` does not change along axis `k` (every element equals its neighbour one
    /// step back on that axis).
    static func isConstant(_ c: [Int], along k: Int, shape: [Int], strides: [Int]) -> Bool {
        let st = strides[k], n = shape[k]
        for e in c.indices where (e / st) % n != 0 {
            if c[e] != c[e - st] { return false }
        }
        return true
    }
}
