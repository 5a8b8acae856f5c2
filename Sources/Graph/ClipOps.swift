import Tensor

/// The gradient clipping of TF1's RNN tutorials (PTB's `tf.clip_by_global_norm(tf.gradients(
/// cost, tvars), max_grad_norm)`, char-rnn's `tf.clip_by_norm`), built as TF's clip_ops.py
/// builds them so the tensors carry TF's names and the gradient flows through the same ops:
///
/// - `global_norm(ts)`: under scope `global_norm`, `sqrt(sum(stack([l2_loss(t)…])) · 2)` named
///   `global_norm` (`global_norm/global_norm:0`); None entries are skipped.
/// - `clip_by_global_norm(ts, c)`: that norm (its own `global_norm` scope, as TF 2.21 builds it
///   before entering the clip scope), then under `clip_by_global_norm`:
///   `scale = c·min(1/norm, 1/c) + (norm − norm)` (a non-finite norm makes the scale NaN) and
///   each t as `identity(t·scale)` named `clip_by_global_norm/clip_by_global_norm/_i`.
/// - `clip_by_norm(t, c)`: one op, `t·c / max(‖t‖, c)` over every axis (TF's composite with its
///   `where` guard for ‖t‖ = 0), with that composite's gradient (`ClipKernels`).
extension Graph {
    // `identity` (the clipped tensors' last op) is FillOps.swift's `tf.identity`.

    /// Runs `body` with ops named under `scope` (a unique scope name ending in `/`).
    private func inScope<T>(_ scope: String, _ body: () throws(TensorError) -> T) throws(TensorError) -> T {
        _ = enterNameScope(scope)
        defer { exitScope() }
        return try body()
    }

    public func globalNorm(_ xs: [GraphTensor?], name: String? = nil) throws(TensorError) -> GraphTensor {
        let present = xs.compactMap { $0 }
        for x in present where x.graph !== self {
            throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError)
        }
        let scope = uniqueName(name, "global_norm") + "/"
        return try inScope(scope) { () throws(TensorError) -> GraphTensor in
            var halves: [GraphTensor] = []
            for x in present { halves.append(try l2Loss(x)) }
            // No tensors (all None): TF stacks an empty float32 list, so the norm is 0.
            let stacked: GraphTensor
            if halves.isEmpty { stacked = constant(try NDArray.zeros([0], dtype: .float32), fallback: "stack") } else { stacked = try stack(halves) }
            let sum = try reduce(.sum, stacked, axes: nil)
            let twice = try binary(.mul, .tensor(sum), .value(try NDArray(scalar: Float(2)).astype(sum.dtype)))
            return try unary(.sqrt, twice, name: "global_norm")
        }
    }

    /// `tf.clip_by_global_norm(t_list, clip_norm, use_norm=)`: the clipped list (None stays
    /// None) and the norm.
    public func clipByGlobalNorm(_ xs: [GraphTensor?], clipNorm: GraphOperand, useNorm: GraphTensor? = nil,
                                 name: String? = nil) throws(TensorError) -> ([GraphTensor?], GraphTensor) {
        let norm: GraphTensor
        if let u = useNorm { norm = u } else { norm = try globalNorm(xs, name: name) }
        let scope = uniqueName(name, "clip_by_global_norm") + "/"
        let clipped = try inScope(scope) { () throws(TensorError) -> [GraphTensor?] in
            let one = try NDArray(scalar: Float(1)).astype(norm.dtype)
            let inverse = try binary(.div, .value(one), .tensor(norm))
            let inverseClip: GraphTensor
            switch clipNorm {
            case .tensor(let c): inverseClip = try binary(.div, .tensor(constant(one)), .tensor(c))
            case .value(let c): inverseClip = try binary(.div, .tensor(constant(one)), .value(c))
            }
            let smaller = try binary(.minimum, .tensor(inverse), .tensor(inverseClip))
            let finite = try binary(.mul, clipNorm, .tensor(smaller))
            let scale = try binary(.add, .tensor(finite), .tensor(try binary(.sub, .tensor(norm), .tensor(norm))))
            var out: [GraphTensor?] = []
            for (i, x) in xs.enumerated() {
                guard let x else { out.append(nil); continue }
                let s = x.dtype == scale.dtype ? scale : try cast(scale, x.dtype)
                out.append(try identity(try binary(.mul, .tensor(x), .tensor(s)), name: "\(scope)_\(i)"))
            }
            return out
        }
        return (clipped, norm)
    }

    /// `tf.clip_by_norm(t, clip_norm)` with a number bound over all axes (TF's op named
    /// `clip_by_norm`); a negative bound is taken as zero, as TF does.
    public func clipByNorm(_ x: GraphTensor, _ clipNorm: Float, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        guard x.dtype == .float32 || x.dtype == .float64 else {
            throw TensorError("Value passed to parameter 'x' has DataType \(x.dtype.name) not in list of allowed values: bfloat16, float16, float32, float64, uint8, int8, uint16, int16, int32, uint32, uint64, int64, complex64, complex128", kind: .typeError)
        }
        let n = uniqueName(name, "clip_by_norm")
        return tensor(append(n, type: "Identity", .clipByNorm(Swift.max(clipNorm, 0)), inputs: [x], outputs: [(x.shape, x.dtype)]))
    }
}

enum ClipKernels {
    /// ‖x‖² summed in float32 (TF's `reduce_sum(t·t)`), and ‖x‖ as TF's `where(l2sum > 0,
    /// sqrt(l2sum), l2sum)` gives it.
    private static func norms(_ p: UnsafeMutablePointer<Float>, _ n: Int) -> (sum: Float, norm: Float) {
        var s: Float = 0
        for i in 0..<n { s += p[i] * p[i] }
        return (s, s > 0 ? s.squareRoot() : s)
    }

    static func clipByNorm(_ a: NDArray, _ c: Float) throws(TensorError) -> NDArray {
        let x = try FloatArrays.contiguous(a)
        let out = try FloatArrays.zeros(x.shape)
        FloatArrays.withPointers(x, out) { xp, o in
            let m = Swift.max(norms(xp, x.size).norm, c)
            for i in 0..<x.size { o[i] = (xp[i] * c) / m }
        }
        return a.dtype == .float32 ? out : try out.astype(a.dtype)
    }

    /// The gradient of TF's composite `(t·c) / maximum(l2norm, c)`: `d·c/m` through the product,
    /// plus, when the norm is the maximum (a tie included: Maximum's gradient goes to its first
    /// input), the path through the norm: `dm = −Σ d·t·c/m²`, `dl2sum = dm/(2‖t‖)` (`dm` itself
    /// where the sum is 0, the `where` guard), `dt += dl2sum·2t`.
    static func clipByNormGradient(_ a: NDArray, _ c: Float, _ dy: NDArray) throws(TensorError) -> NDArray {
        let x = try FloatArrays.contiguous(a), d = try FloatArrays.contiguous(dy)
        guard x.size == d.size else {
            throw TensorError("Incompatible shapes: \(shapeList(x.shape)) vs. \(shapeList(d.shape))", kind: .valueError)
        }
        let out = try FloatArrays.zeros(x.shape)
        FloatArrays.withPointers(x, d, out) { xp, dp, o in
            let (sum, norm) = norms(xp, x.size)
            let m = Swift.max(norm, c)
            for i in 0..<x.size { o[i] = dp[i] * c / m }
            guard norm >= c else { return }
            var dm: Float = 0
            for i in 0..<x.size { dm -= dp[i] * (xp[i] * c) / (m * m) }
            let dsum = sum > 0 ? 0.5 * dm / norm : dm
            for i in 0..<x.size { o[i] += dsum * xp[i] + dsum * xp[i] }
        }
        return a.dtype == .float32 ? out : try out.astype(a.dtype)
    }
}
