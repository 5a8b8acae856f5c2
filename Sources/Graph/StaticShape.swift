import Tensor

/// A tensor's shape as TF1 knows it while the graph is built: the rank may be unknown (a
/// `placeholder('float')` without a shape) and each dimension may be unknown (`None` in a
/// placeholder's shape: the batch). TF1 printed an unknown dimension as `?`:
/// `shape=(28, ?, 28)`; a tensor of unknown rank prints no shape at all.
public struct StaticShape: Equatable, Sendable, CustomStringConvertible {
    /// nil: unknown rank; a nil entry: unknown dimension.
    public var dims: [Int?]?

    public init(_ dims: [Int?]?) { self.dims = dims }
    public static let unknown = StaticShape(nil)
    public static func known(_ shape: [Int]) -> StaticShape { StaticShape(shape.map { Optional($0) }) }

    public var rank: Int? { dims?.count }
    /// Every dimension known.
    public var concrete: [Int]? {
        guard let d = dims else { return nil }
        var out: [Int] = []
        for x in d { guard let x else { return nil }; out.append(x) }
        return out
    }

    /// TF1's text: `(?, 28)`, `(?,)`, `()`; `<unknown>` for an unknown rank.
    public var description: String {
        guard let d = dims else { return "<unknown>" }
        let parts = d.map { $0.map(String.init) ?? "?" }
        return parts.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ", ") + ")"
    }

    /// The bracket form TF's shape errors use: `[?,28]`.
    public var bracketText: String {
        guard let d = dims else { return "?" }
        return "[" + d.map { $0.map(String.init) ?? "?" }.joined(separator: ",") + "]"
    }

    /// Whether a concrete shape (a fed or computed value) fits this one.
    public func accepts(_ shape: [Int]) -> Bool {
        guard let d = dims else { return true }
        guard d.count == shape.count else { return false }
        for (a, b) in zip(d, shape) where a != nil && a != b { return false }
        return true
    }

    /// A dimension, with negative axes counted from the end; nil when unknown.
    func dim(_ axis: Int) -> Int? {
        guard let d = dims else { return nil }
        let a = axis < 0 ? axis + d.count : axis
        return a >= 0 && a < d.count ? d[a] : nil
    }
}

/// TF1's shape functions: the static shape of every op's outputs from its inputs', and the
/// errors TF raised at graph-building time when shapes cannot fit.
enum ShapeInference {
    static func axis(_ a: Int, rank: Int, _ op: String) throws(TensorError) -> Int {
        let r = a < 0 ? a + rank : a
        guard r >= 0 && r < rank else {
            throw TensorError("\(op): axis \(a) is out of bounds for a tensor of rank \(rank)", kind: .valueError)
        }
        return r
    }

    static func transpose(_ s: StaticShape, _ perm: [Int]?) throws(TensorError) -> StaticShape {
        guard let d = s.dims else { return StaticShape(perm.map { [Int?](repeating: nil, count: $0.count) }) }
        guard let p = perm else { return StaticShape(d.reversed()) }
        guard p.count == d.count, Set(p) == Set(0..<d.count) else {
            throw TensorError("Dimension must be \(d.count) but is \(p.count) for 'transpose' with input shapes: \(s.bracketText), [\(p.count)].", kind: .valueError)
        }
        return StaticShape(p.map { d[$0] })
    }

    static func reshape(_ s: StaticShape, _ target: [Int], op: String) throws(TensorError) -> StaticShape {
        let unknowns = target.filter { $0 == -1 }.count
        guard unknowns <= 1, !target.contains(where: { $0 < -1 }) else {
            throw TensorError("Only one input size may be -1, not both", kind: .valueError)
        }
        let known = target.filter { $0 != -1 }.reduce(1, *)
        if let c = s.concrete {
            let n = c.reduce(1, *)
            if unknowns == 0 {
                guard n == known else {
                    throw TensorError("Cannot reshape a tensor with \(n) elements to shape \(shapeList(target)) (\(known) elements) for '\(op)' (op: 'Reshape') with input shapes: \(s.bracketText), [\(target.count)].", kind: .valueError)
                }
                return .known(target)
            }
            guard known > 0, n % known == 0 else {
                throw TensorError("Dimension size must be evenly divisible by \(known) but is \(n) for '\(op)' (op: 'Reshape') with input shapes: \(s.bracketText), [\(target.count)].", kind: .valueError)
            }
            return .known(target.map { $0 == -1 ? n / known : $0 })
        }
        return StaticShape(target.map { $0 == -1 ? nil : $0 })
    }

    static func split(_ s: StaticShape, axis: Int, count: Int, op: String) throws(TensorError) -> StaticShape {
        guard var d = s.dims else { return .unknown }
        let a = try self.axis(axis, rank: d.count, "split")
        if let n = d[a] {
            guard n % count == 0 else {
                throw TensorError("Dimension size must be evenly divisible by \(count) but is \(n) for '\(op)' (op: 'Split') with input shapes: [], \(s.bracketText) and with computed input tensors: input[0] = <\(axis)>.", kind: .valueError)
            }
            d[a] = n / count
        }
        return StaticShape(d)
    }

    static func unstack(_ s: StaticShape, axis: Int) throws(TensorError) -> (StaticShape, Int?) {
        guard var d = s.dims else { return (.unknown, nil) }
        let a = try self.axis(axis, rank: d.count, "unstack")
        let n = d[a]
        d.remove(at: a)
        return (StaticShape(d), n)
    }

    static func concat(_ shapes: [StaticShape], axis: Int, op: String) throws(TensorError) -> StaticShape {
        guard let rank = shapes.compactMap(\.rank).first else { return .unknown }
        let a = try self.axis(axis, rank: rank, "concat")
        var out = [Int?](repeating: nil, count: rank)
        var total: Int? = 0
        for s in shapes {
            guard let d = s.dims else { total = nil; continue }
            guard d.count == rank else {
                throw TensorError("Shape must be rank \(rank) but is rank \(d.count) for '\(op)' (op: 'ConcatV2')", kind: .valueError)
            }
            for i in 0..<rank where i != a {
                if let x = d[i] {
                    if let y = out[i], y != x {
                        throw TensorError("Dimension \(i) in both shapes must be equal, but are \(y) and \(x). Shapes are \(shapes[0].bracketText) and \(s.bracketText). for '\(op)' (op: 'ConcatV2')", kind: .valueError)
                    }
                    out[i] = x
                }
            }
            if let t = total, let x = d[a] { total = t + x } else { total = nil }
        }
        out[a] = total
        return StaticShape(out)
    }

    static func matmul(_ a: StaticShape, _ b: StaticShape, op: String, transposeA: Bool = false, transposeB: Bool = false) throws(TensorError) -> StaticShape {
        if let r = a.rank, r != 2 {
            throw TensorError("Shape must be rank 2 but is rank \(r) for '\(op)' (op: 'MatMul') with input shapes: \(a.bracketText), \(b.bracketText).", kind: .valueError)
        }
        if let r = b.rank, r != 2 {
            throw TensorError("Shape must be rank 2 but is rank \(r) for '\(op)' (op: 'MatMul') with input shapes: \(a.bracketText), \(b.bracketText).", kind: .valueError)
        }
        // TF's message names the operands' own shapes; the inner sizes are the transposed ones.
        if let k1 = a.dim(transposeA ? 0 : 1), let k2 = b.dim(transposeB ? 1 : 0), k1 != k2 {
            throw TensorError("Dimensions must be equal, but are \(k1) and \(k2) for '\(op)' (op: 'MatMul') with input shapes: \(a.bracketText), \(b.bracketText).", kind: .valueError)
        }
        return StaticShape([a.dim(transposeA ? 1 : 0), b.dim(transposeB ? 0 : 1)])
    }

    static func broadcast(_ a: StaticShape, _ b: StaticShape, op: String, type: String) throws(TensorError) -> StaticShape {
        guard let x = a.dims, let y = b.dims else { return .unknown }
        let n = max(x.count, y.count)
        var out: [Int?] = []
        for i in 0..<n {
            let p = i - (n - x.count), q = i - (n - y.count)
            let u: Int? = p >= 0 ? x[p] : 1, v: Int? = q >= 0 ? y[q] : 1
            switch (u, v) {
            case (1, _): out.append(v)
            case (_, 1): out.append(u)
            case (nil, nil): out.append(nil)
            case (nil, let k?), (let k?, nil): out.append(k)
            case (let k?, let l?):
                guard k == l else {
                    throw TensorError("Dimensions must be equal, but are \(k) and \(l) for '\(op)' (op: '\(type)') with input shapes: \(a.bracketText), \(b.bracketText).", kind: .valueError)
                }
                out.append(k)
            }
        }
        return StaticShape(out)
    }

    static func reduce(_ s: StaticShape, axes: [Int]?, keepdims: Bool) throws(TensorError) -> StaticShape {
        guard let d = s.dims else { return axes == nil && !keepdims ? .known([]) : .unknown }
        guard let ax = axes else { return keepdims ? .known([Int](repeating: 1, count: d.count)) : .known([]) }
        var drop = Set<Int>()
        for a in ax { drop.insert(try axis(a, rank: d.count, "reduce")) }
        var out: [Int?] = []
        for (i, x) in d.enumerated() {
            if drop.contains(i) { if keepdims { out.append(1) } } else { out.append(x) }
        }
        return StaticShape(out)
    }
}

func shapeList(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ",") + "]" }
