import Tensor

/// Helpers the `GraphKernel` ops share while they are built: the same-graph check, constants
/// named inside an op's scope (TF converts a Python list given to an op under the op's name:
/// `Tile/multiples`, `Slice/begin`), and TF's `merge_with` of two static shapes.
extension Graph {
    func sameGraph(_ ts: [GraphTensor]) throws(TensorError) {
        for t in ts where t.graph !== self {
            throw TensorError("Tensor \(t.name) must be from the same graph as the other tensors", kind: .valueError)
        }
    }

    /// A constant called exactly `name` (already unique: it lives in an op's own scope).
    func scopedConstant(_ name: String, _ value: NDArray) -> GraphTensor {
        naming.reserve(name)
        return tensor(append(name, type: "Const", .constant(value), inputs: [], outputs: [(.known(value.shape), value.dtype)]))
    }

    /// A tensor, or a Python value converted to a constant named `scope/part` as TF names it.
    func operandTensor(_ v: GraphOperand, scope: String, part: String, dtype: DType? = nil) throws(TensorError) -> GraphTensor {
        switch v {
        case .tensor(let t): try sameGraph([t]); return t
        case .value(let a):
            let value = try dtype.map { (d: DType) throws(TensorError) -> NDArray in a.dtype == d ? a : try a.astype(d) } ?? a
            return scopedConstant(scope + "/" + part, value)
        }
    }

    /// The kernel op `name` (its outputs `name:i` unless `outputNames` says otherwise).
    func kernelOp(_ name: String, type: String, _ kernel: any GraphKernel, inputs: [GraphTensor],
                  outputs: [(StaticShape, DType)], outputNames: [String]? = nil) -> Int {
        append(name, type: type, .kernel(kernel), inputs: inputs, outputs: outputs, outputNames: outputNames)
    }
}

extension ShapeInference {
    /// TF's `TensorShape.merge_with`: the shape both describe, or TF's error when they differ.
    static func merge(_ a: StaticShape, _ b: StaticShape, suffix: String = "") throws(TensorError) -> StaticShape {
        guard let x = a.dims else { return b }
        guard let y = b.dims else { return a }
        guard x.count == y.count else {
            throw TensorError("Shapes must be equal rank, but are \(x.count) and \(y.count)\(suffix)", kind: .valueError)
        }
        var out: [Int?] = []
        for (i, (p, q)) in zip(x, y).enumerated() {
            if let p, let q, p != q {
                throw TensorError("Dimension \(i) in both shapes must be equal, but are \(p) and \(q). Shapes are \(a.bracketText) and \(b.bracketText).\(suffix)", kind: .valueError)
            }
            out.append(p ?? q)
        }
        return StaticShape(out)
    }

    /// Python's `TensorShape.assert_is_compatible_with` text (`Shapes (?, 4) and (?, 3) are
    /// incompatible`).
    static func compatible(_ a: StaticShape, _ b: StaticShape) throws(TensorError) {
        do { _ = try merge(a, b) } catch {
            throw TensorError("Shapes \(a) and \(b) are incompatible", kind: .valueError)
        }
    }
}

enum KernelMath {
    /// `a` as float32 (gradients are float32, as the rest of the graph's).
    static func f32(_ a: NDArray) throws(TensorError) -> NDArray { a.dtype == .float32 ? a : try a.astype(.float32) }

    /// The C-order multi-index of flat position `k` in `shape`, as TF prints it: `[0,4]`.
    static func index(_ k: Int, in shape: [Int]) -> String {
        guard !shape.isEmpty else { return "" }
        var rest = k, parts = [Int](repeating: 0, count: shape.count)
        for a in stride(from: shape.count - 1, through: 0, by: -1) where shape[a] > 0 {
            parts[a] = rest % shape[a]; rest /= shape[a]
        }
        return parts.map(String.init).joined(separator: ",")
    }
}
