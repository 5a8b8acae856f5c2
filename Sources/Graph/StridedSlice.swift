import Tensor

/// `t[:, -1, :]`, `t[-1]`, `t[1:3]`: TF1's `StridedSlice` (named `strided_slice`) with basic
/// indices: an int drops its axis, a slice keeps it; missing trailing axes are kept whole. The
/// static shape is known where the sliced dimension is known (or the slice is whole); an int
/// outside a known dimension is refused while the graph is built, as TF's shape function did.
extension Graph {
    public func stridedSlice(_ x: GraphTensor, _ items: [IndexItem], name: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        for item in items {
            switch item {
            case .index, .slice: continue
            case .ellipsis, .newAxis, .array:
                throw TensorError("rnnsh's tensorflow has no tensor indexing with ..., None or arrays (yet): use ints and slices", kind: .notImplementedError)
            }
        }
        var out: [Int?]? = nil
        if let d = x.shape.dims {
            guard items.count <= d.count else {
                throw TensorError("Index out of range using input dim \(d.count); input has only \(d.count) dims", kind: .valueError)
            }
            var shape: [Int?] = []
            for (axis, n) in d.enumerated() {
                guard axis < items.count else { shape.append(n); continue }
                switch items[axis] {
                case .index(let i):
                    if let n, i >= n || i < -n {
                        throw TensorError("slice index \(i) of dimension \(axis) out of bounds.", kind: .valueError)
                    }
                case .slice(let a, let b, let c):
                    if c == 0 { throw TensorError("slice step cannot be zero", kind: .valueError) }
                    if let n { shape.append(Self.sliceLength(n, a, b, c)) } else { shape.append(a == nil && b == nil && (c ?? 1) == 1 ? nil : nil) }
                default: break
                }
            }
            out = shape
        }
        let n = uniqueName(name, "strided_slice")
        return tensor(append(n, type: "StridedSlice", .stridedSlice(items), inputs: [x], outputs: [(StaticShape(out), x.dtype)]))
    }

    /// Python's `len(range(n)[a:b:c])`.
    static func sliceLength(_ n: Int, _ a: Int?, _ b: Int?, _ c: Int?) -> Int {
        let step = c ?? 1
        func clamp(_ v: Int?, _ dflt: Int, _ lo: Int, _ hi: Int) -> Int {
            guard var v else { return dflt }
            if v < 0 { v += n }
            return min(max(v, lo), hi)
        }
        if step > 0 {
            let s = clamp(a, 0, 0, n), e = clamp(b, n, 0, n)
            return e > s ? (e - s + step - 1) / step : 0
        }
        let s = clamp(a, n - 1, -1, n - 1), e = clamp(b, -1, -1, n - 1)
        return s > e ? (s - e - step - 1) / (-step) : 0
    }
}

enum SliceKernels {
    static func forward(_ x: NDArray, _ items: [IndexItem]) throws(TensorError) -> NDArray {
        try x.subscripted(items).copy()
    }

    /// The slice's gradient: zeros of the input's shape with `d` written where the slice read.
    static func backward(_ x: NDArray, _ items: [IndexItem], _ d: NDArray) throws(TensorError) -> NDArray {
        let g = try NDArray.zeros(x.shape, dtype: .float32)
        try g.subscripted(items).assign(d)
        return g
    }
}
