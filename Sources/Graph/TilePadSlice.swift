import Tensor

/// The ops that move a tensor's elements into a new shape by fixed integer arguments:
/// `tf.tile(x, multiples)`, `tf.pad(x, paddings, constant_values=)`, `tf.slice(x, begin, size)`
/// and `tf.split(x, [sizes], axis)` (TF's SplitV). The arguments are Python ints (TF takes
/// tensors too; a tensor argument is refused by the shell, never guessed). Each gradient is the
/// inverse movement: tile sums the copies, pad slices the middle out, slice pads with zeros,
/// split concatenates (zeros for a piece no gradient reached).
extension Graph {
    public func tile(_ x: GraphTensor, multiples: [Int], name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x])
        let n = uniqueName(name, "Tile")
        var shape = StaticShape.unknown
        if let d = x.shape.dims {
            guard d.count == multiples.count else {
                throw TensorError("Shape must be rank \(d.count) but is rank \(multiples.count) for '\(n)' (op: 'Tile') with input shapes: \(x.shape.bracketText), [\(multiples.count)].", kind: .valueError)
            }
            shape = StaticShape(zip(d, multiples).map { p, m in p.map { $0 * m } })
        } else {
            shape = StaticShape([Int?](repeating: nil, count: multiples.count))
        }
        _ = scopedConstant(n + "/multiples", NDArray(multiples.map { Int32(truncatingIfNeeded: $0) }))
        return tensor(kernelOp(n, type: "Tile", TileKernel(multiples: multiples), inputs: [x], outputs: [(shape, x.dtype)]))
    }

    public func pad(_ x: GraphTensor, paddings: [[Int]], value: Double = 0, name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x])
        // With constant_values TF builds PadV2 (so named); without, Pad.
        let type = value == 0 ? "Pad" : "PadV2"
        let n = uniqueName(name, type)
        let pairsText = "[\(paddings.count),\(paddings.first?.count ?? 0)]"
        guard paddings.allSatisfy({ $0.count == 2 }) else {
            throw TensorError("Dimension 1 in both shapes must be equal, but are \(paddings.first(where: { $0.count != 2 })?.count ?? 0) and 2 for '\(n)' (op: '\(type)') with input shapes: \(x.shape.bracketText), \(pairsText).", kind: .valueError)
        }
        var shape = StaticShape([Int?](repeating: nil, count: paddings.count))
        if let d = x.shape.dims {
            guard d.count == paddings.count else {
                throw TensorError("Shape must be rank \(paddings.count) but is rank \(d.count) for '\(n)' (op: '\(type)') with input shapes: \(x.shape.bracketText), \(pairsText).", kind: .valueError)
            }
            shape = StaticShape(zip(d, paddings).map { p, q in p.map { $0 + q[0] + q[1] } })
        }
        if paddings.contains(where: { $0[0] < 0 || $0[1] < 0 }) {
            let shown = paddings.map { "[" + $0.map(String.init).joined(separator: " ") + "]" }.joined()
            throw TensorError("Paddings must be non-negative for '\(n)' (op: '\(type)') with input shapes: \(x.shape.bracketText), \(pairsText) and with computed input tensors: input[1] = <\(shown)>.", kind: .valueError)
        }
        _ = scopedConstant(n + "/paddings", try NDArray(paddings.flatMap { $0.map { Int32(truncatingIfNeeded: $0) } }, shape: [paddings.count, 2]))
        if value != 0 { _ = scopedConstant(n + "/constant_values", try NDArray(scalar: value).astype(x.dtype)) }
        return tensor(kernelOp(n, type: type, PadKernel(paddings: paddings, value: value), inputs: [x], outputs: [(shape, x.dtype)]))
    }

    public func slice(_ x: GraphTensor, begin: [Int], size: [Int], name: String? = nil) throws(TensorError) -> GraphTensor {
        try sameGraph([x])
        let n = uniqueName(name, "Slice")
        guard begin.count == size.count else {
            throw TensorError("Dimension 0 in both shapes must be equal, but are \(begin.count) and \(size.count). Shapes are [\(begin.count)] and [\(size.count)]. for '\(n)' (op: 'Slice') with input shapes: \(x.shape.bracketText), [\(begin.count)], [\(size.count)].", kind: .valueError)
        }
        var shape = StaticShape([Int?](repeating: nil, count: size.count))
        if let d = x.shape.dims {
            guard d.count == begin.count else {
                throw TensorError("Shape must be rank \(d.count) but is rank \(begin.count) for '\(n)' (op: 'Slice') with input shapes: \(x.shape.bracketText), [\(begin.count)], [\(size.count)].", kind: .valueError)
            }
            // TF's shape function: a size of -1 takes the rest of a known dimension.
            shape = StaticShape(zip(d, zip(begin, size)).map { p, bs in bs.1 == -1 ? p.map { $0 - bs.0 } : bs.1 })
        } else {
            shape = StaticShape(size.map { $0 == -1 ? nil : $0 })
        }
        _ = scopedConstant(n + "/begin", NDArray(begin.map { Int32(truncatingIfNeeded: $0) }))
        _ = scopedConstant(n + "/size", NDArray(size.map { Int32(truncatingIfNeeded: $0) }))
        return tensor(kernelOp(n, type: "Slice", SliceKernel(begin: begin, size: size), inputs: [x], outputs: [(shape, x.dtype)]))
    }

    /// `tf.split(x, [2, 3], axis)`: pieces of the given sizes (one may be -1: the rest). TF
    /// converts the size list to a `Const` outside the op's scope, so the names after it count on.
    public func split(_ x: GraphTensor, sizes: [Int], axis: Int, name: String? = nil) throws(TensorError) -> [GraphTensor] {
        try sameGraph([x])
        let constName = uniqueName(nil, "Const")
        let n = uniqueName(name, "split")
        let shown = sizes.map(String.init).joined(separator: " ")
        let tail = " for '\(n)' (op: 'SplitV') with input shapes: \(x.shape.bracketText), [\(sizes.count)], [] and with computed input tensors: input[1] = <\(shown)>, input[2] = <\(axis)>."
        guard sizes.filter({ $0 == -1 }).count <= 1 else {
            throw TensorError("Only one dimensions can have a value of -1. Second one found at dimension \(sizes.indices.filter { sizes[$0] == -1 }[1])" + tail, kind: .valueError)
        }
        var resolved: [Int?] = sizes.map { $0 == -1 ? nil : $0 }
        var pieceShapes = [StaticShape](repeating: .unknown, count: sizes.count)
        if let d = x.shape.dims {
            let r = d.count
            guard axis >= -r && axis < r else {
                throw TensorError("Dimension size must be in range [\(-r), \(r)), but got \(axis)" + tail, kind: .valueError)
            }
            let a = axis < 0 ? axis + r : axis
            if let total = d[a] {
                let known = sizes.filter { $0 != -1 }.reduce(0, +)
                if sizes.contains(-1) {
                    guard known <= total else { throw TensorError("can't split axis of size \(total) into pieces of size [\(sizes.map(String.init).joined(separator: ","))]" + tail, kind: .valueError) }
                    resolved = sizes.map { $0 == -1 ? total - known : $0 }
                } else if known != total {
                    throw TensorError("can't split axis of size \(total) into pieces of size [\(sizes.map(String.init).joined(separator: ","))]" + tail, kind: .valueError)
                }
            }
            for (k, s) in resolved.enumerated() { var p = d; p[a] = s; pieceShapes[k] = StaticShape(p) }
        }
        _ = constName   // only counted: TF's Const holding the sizes is not a tensor the program sees
        naming.reserve(n + "/split_dim")
        let id = kernelOp(n, type: "SplitV", SplitSizesKernel(sizes: sizes, axis: axis), inputs: [x],
                          outputs: pieceShapes.map { ($0, x.dtype) })
        return (0..<sizes.count).map { tensor(id, $0) }
    }
}

struct TileKernel: GraphKernel {
    let multiples: [Int]
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        let a = x[0]
        guard a.ndim == multiples.count else {
            throw TensorError("Expected multiples argument to be a vector of length \(a.ndim) but got length \(multiples.count)", kind: .valueError)
        }
        // TF's shape function lets a negative multiple through; its kernel refuses it.
        if let i = multiples.firstIndex(where: { $0 < 0 }) {
            throw TensorError("Expected multiples[\(i)] >= 0, but got \(multiples[i])", kind: .valueError)
        }
        var shape: [Int] = []
        for (n, m) in zip(a.shape, multiples) {
            let (p, overflow) = n.multipliedReportingOverflow(by: m)
            guard !overflow else { throw TensorError("Tile: the output of \(shapeList(a.shape)) tiled \(shapeList(multiples)) is too large", kind: .valueError) }
            shape.append(p)
        }
        _ = try Limits.checkAllocation(shape, a.dtype)
        if shape.contains(0) { return [try NDArray.zeros(shape, dtype: a.dtype)] }
        var out = a
        for (axis, m) in multiples.enumerated() where m != 1 {
            out = try NDArray.concatenate([NDArray](repeating: out, count: m), axis: axis)
        }
        return [out]
    }
    /// The copies are outer blocks of each axis: d reshaped to (m0, s0, m1, s1, …) summed over the m's.
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil] }
        let s = x[0].shape
        if s.contains(0) { return [try NDArray.zeros(s, dtype: .float32)] }
        var split: [Int] = []
        for (m, n) in zip(multiples, s) { split += [m, n] }
        let sums = try KernelMath.f32(d).reshape(split).sum(axis: Array(stride(from: 0, to: split.count, by: 2)))
        return [try sums.reshape(s)]
    }
}

struct PadKernel: GraphKernel {
    let paddings: [[Int]]
    let value: Double
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        let a = x[0]
        guard a.ndim == paddings.count else {
            throw TensorError("The first dimension of paddings must be the rank of inputs[\(paddings.count),2] \(shapeList(a.shape))", kind: .valueError)
        }
        let shape = zip(a.shape, paddings).map { $0 + $1[0] + $1[1] }
        _ = try Limits.checkAllocation(shape, a.dtype)
        let out = try NDArray.full(shape, .float(value), dtype: a.dtype)
        let items = zip(a.shape, paddings).map { IndexItem.slice(start: $1[0], stop: $1[0] + $0, step: nil) }
        try out.subscripted(items).assign(a)
        return [out]
    }
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil] }
        let items = zip(x[0].shape, paddings).map { IndexItem.slice(start: $1[0], stop: $1[0] + $0, step: nil) }
        return [try KernelMath.f32(d).subscripted(items).copy()]
    }
}

struct SliceKernel: GraphKernel {
    let begin: [Int], size: [Int]
    /// The slice of each axis, checked as TF's kernel checks it.
    func ranges(_ shape: [Int]) throws(TensorError) -> [IndexItem] {
        guard shape.count == begin.count else {
            throw TensorError("Expected begin and size arguments to be 1-D tensors of size \(shape.count), but got shapes [\(begin.count)] and [\(size.count)] instead.", kind: .valueError)
        }
        var items: [IndexItem] = []
        for (i, n) in shape.enumerated() {
            let b = begin[i], s = size[i] == -1 ? n - begin[i] : size[i]
            guard b >= 0 && b <= n else { throw TensorError("Expected begin[\(i)] in [0, \(n)], but got \(b)", kind: .valueError) }
            guard s >= 0 && s <= n - b else { throw TensorError("Expected size[\(i)] in [0, \(n - b)], but got \(size[i])", kind: .valueError) }
            items.append(.slice(start: b, stop: b + s, step: nil))
        }
        return items
    }
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        [try x[0].subscripted(try ranges(x[0].shape)).copy()]
    }
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        guard let d = dy[0] else { return [nil] }
        let g = try NDArray.zeros(x[0].shape, dtype: .float32)
        try g.subscripted(try ranges(x[0].shape)).assign(try KernelMath.f32(d))
        return [g]
    }
}

struct SplitSizesKernel: GraphKernel {
    let sizes: [Int], axis: Int
    func pieces(_ shape: [Int]) throws(TensorError) -> (axis: Int, sizes: [Int]) {
        let a = try ShapeInference.axis(axis, rank: shape.count, "split")
        let total = shape[a], known = sizes.filter { $0 != -1 }.reduce(0, +)
        let resolved = sizes.map { $0 == -1 ? total - known : $0 }
        guard resolved.allSatisfy({ $0 >= 0 }), resolved.reduce(0, +) == total else {
            throw TensorError("Determined shape must either match input shape along split_dim exactly if fully specified, or be less than the size of the input along split_dim if not fully specified.  Got: \(known)", kind: .valueError)
        }
        return (a, resolved)
    }
    func forward(_ x: [NDArray], _ op: Op) throws(TensorError) -> [NDArray] {
        let (a, resolved) = try pieces(x[0].shape)
        var out: [NDArray] = [], start = 0
        for s in resolved {
            var items = [IndexItem](repeating: .all, count: x[0].ndim)
            items[a] = .slice(start: start, stop: start + s, step: nil)
            out.append(try x[0].subscripted(items).copy())
            start += s
        }
        return out
    }
    func backward(_ x: [NDArray], _ y: [NDArray], _ dy: [NDArray?], wanted: [Bool], _ op: Op) throws(TensorError) -> [NDArray?] {
        var parts: [NDArray] = []
        for (k, piece) in y.enumerated() {
            if let d = dy[k] { parts.append(try KernelMath.f32(d)) } else { parts.append(try NDArray.zeros(piece.shape, dtype: .float32)) }
        }
        let (a, _) = try pieces(x[0].shape)
        return [try NDArray.concatenate(parts, axis: a)]
    }
}
