import Foundation
import Tensor

/// The elementwise ops tutorials of TF1's era wrote their losses and layers with besides
/// `+ - * /`: `tf.log`, unary minus, `tf.square`, `tf.exp`, `tf.sqrt`, `tf.abs`, the
/// activations `relu`/`tanh`/`sigmoid`, `tf.clip_by_value` (number bounds; tensor bounds are
/// TF's Minimum and Maximum, MaximumMinimum.swift) and `tf.not_equal`. Values are float32
/// loops (TF's kernels), gradients TF's: `d/x`, `-d`, `d·2x`, `d·y`, `0.5·d/y`, `d·sign(x)`,
/// `d·[x > 0]`, `d·(1 − y²)`, `d·y(1 − y)`, `d` where `lo <= x <= hi`.
extension Graph {
    public func unary(_ kind: UnaryKind, _ x: GraphTensor, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        if kind == .floor, !(x.dtype == .float32 || x.dtype == .float64) {
            throw TensorError("Value passed to parameter 'x' has DataType \(x.dtype.name) not in list of allowed values: bfloat16, float16, float32, float64", kind: .typeError)
        }
        if kind.floatOnly, !(x.dtype == .float32 || x.dtype == .float64) {
            throw TensorError("Value passed to parameter 'x' has DataType \(x.dtype.name) not in list of allowed values: bfloat16, float16, float32, float64, complex64, complex128", kind: .typeError)
        }
        if x.dtype == .bool, let allowed = kind.allowedWithIntegers {
            throw TensorError("Value passed to parameter 'x' has DataType bool not in list of allowed values: \(allowed)", kind: .typeError)
        }
        let n = uniqueName(name, kind.opName)
        return tensor(append(n, type: kind.opName, .unary(kind), inputs: [x], outputs: [(x.shape, x.dtype)]))
    }

    /// `tf.clip_by_value(t, lo, hi)`: TF's scope `clip_by_value` (output `clip_by_value:0`).
    public func clip(_ x: GraphTensor, min lo: Float, max hi: Float, name: String? = nil) throws(TensorError) -> GraphTensor {
        guard x.graph === self else { throw TensorError("Tensor \(x.name) must be from the same graph as the other tensors", kind: .valueError) }
        guard lo <= hi else { throw TensorError("clip_value_min (\(lo)) must be <= clip_value_max (\(hi))", kind: .valueError) }
        let n = uniqueName(name, "clip_by_value")
        return tensor(append(n, type: "Maximum", .clip(min: lo, max: hi), inputs: [x], outputs: [(x.shape, x.dtype)]))
    }
}

enum ElementwiseKernels {
    static func map(_ a: NDArray, _ f: (Float) -> Float) throws(TensorError) -> NDArray {
        let x = try FloatArrays.contiguous(a)
        let out = try FloatArrays.zeros(x.shape)
        FloatArrays.withPointers(x, out) { s, d in for i in 0..<x.size { d[i] = f(s[i]) } }
        return out
    }

    /// `f(x, d)` elementwise over two arrays of one shape (an input and its gradient).
    static func zipMap(_ a: NDArray, _ b: NDArray, _ f: (Float, Float) -> Float) throws(TensorError) -> NDArray {
        let x = try FloatArrays.contiguous(a), y = try FloatArrays.contiguous(b)
        guard x.shape == y.shape else {
            throw TensorError("Incompatible shapes: \(shapeList(x.shape)) vs. \(shapeList(y.shape))", kind: .valueError)
        }
        let out = try FloatArrays.zeros(x.shape)
        FloatArrays.withPointers(x, y, out) { s, t, o in for i in 0..<x.size { o[i] = f(s[i], t[i]) } }
        return out
    }

    static func sigmoid(_ v: Float) -> Float { 1 / (1 + Foundation.exp(-v)) }

    static func unary(_ k: UnaryKind, _ x: NDArray) throws(TensorError) -> NDArray {
        switch k {
        case .log: return try map(x) { Foundation.log($0) }
        case .neg: return try map(x) { -$0 }
        case .relu: return try map(x) { $0 > 0 || $0.isNaN ? $0 : 0 }
        case .tanh: return try map(x) { Foundation.tanh($0) }
        case .sigmoid: return try map(x, sigmoid)
        // x·x in the tensor's own dtype (TF's Square takes integers too).
        case .square: return try NDArray.multiply(.array(x), .array(x))
        case .exp: return try map(x) { Foundation.exp($0) }
        case .sqrt: return try map(x) { $0.squareRoot() }
        case .abs:
            if x.dtype.isFloat { return try map(x) { Swift.abs($0) } }
            // Integers stay integers (numpy's wrapping negative for the most negative one, as TF's kernel).
            return try NDArray.apply(.maximum, .array(x), .array(try x.negative()))
        case .sign:
            if x.dtype.isFloat { return try map(x) { $0 > 0 ? 1 : $0 < 0 ? -1 : $0 } }
            // (x > 0) − (x < 0) in the integer dtype.
            let pos = try NDArray.binary(.greater, .array(x), .int(0)).astype(x.dtype)
            let neg = try NDArray.binary(.less, .array(x), .int(0)).astype(x.dtype)
            return try NDArray.subtract(.array(pos), .array(neg)).astype(x.dtype)
        case .floor: return try map(x) { $0.rounded(.down) }
        }
    }

    static func unaryGradient(_ k: UnaryKind, _ x: NDArray, _ d: NDArray) throws(TensorError) -> NDArray {
        switch k {
        case .log: return try NDArray.divide(.array(try FloatArrays.contiguous(d)), .array(try FloatArrays.contiguous(x)))
        case .neg: return try map(d) { -$0 }
        case .relu: return try zipMap(x, d) { v, g in v > 0 ? g : 0 }
        case .tanh: return try zipMap(x, d) { v, g in let y = Foundation.tanh(v); return g * (1 - y * y) }
        case .sigmoid: return try zipMap(x, d) { v, g in let y = sigmoid(v); return g * y * (1 - y) }
        // TF's SquareGrad is grad · (2·x), ExpGrad grad · y, SqrtGrad 0.5 · grad / y, AbsGrad
        // grad · sign(x), each rounded in float32 in that order.
        case .square: return try zipMap(x, d) { v, g in g * (2 * v) }
        case .exp: return try zipMap(x, d) { v, g in g * Foundation.exp(v) }
        case .sqrt: return try zipMap(x, d) { v, g in 0.5 * g / v.squareRoot() }
        case .abs: return try zipMap(x, d) { v, g in g * (v > 0 ? 1 : v < 0 ? -1 : v.isNaN ? v : 0) }
        // TF's _SignGrad: zeros of x's shape.
        case .sign: return try FloatArrays.zeros(x.shape)
        // TF registers None for Floor; zeros here (no gradient reaches x through it).
        case .floor: return try FloatArrays.zeros(x.shape)
        }
    }

    static func clip(_ x: NDArray, _ lo: Float, _ hi: Float) throws(TensorError) -> NDArray {
        try map(x) { Swift.min(Swift.max($0, lo), hi) }
    }

    /// TF's clip_by_value gradient passes `d` where `lo <= x <= hi`.
    static func clipGradient(_ x: NDArray, _ lo: Float, _ hi: Float, _ d: NDArray) throws(TensorError) -> NDArray {
        let xs = try FloatArrays.contiguous(x), ds = try FloatArrays.contiguous(d)
        let out = try FloatArrays.zeros(xs.shape)
        FloatArrays.withPointers(xs, ds, out) { xp, dp, o in
            for i in 0..<xs.size { o[i] = xp[i] >= lo && xp[i] <= hi ? dp[i] : 0 }
        }
        return out
    }
}
