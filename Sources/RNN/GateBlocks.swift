import Tensor

/// A cell's TF kernel `[I+U, n·U]` and bias `[n·U]` in the split layouts of the other
/// frameworks, with the gate blocks reordered:
/// - Keras: `kernel [I, n·U]`, `recurrent_kernel [U, n·U]`, `bias [n·U]`;
/// - PyTorch: `weight_ih [n·U, I]`, `weight_hh [n·U, U]` (applied as `x·Wᵀ`), `bias_ih`,
///   `bias_hh` (TF has one bias: all of it goes to `bias_ih`, `bias_hh` is zero; on import the
///   two are summed).
/// Block `k` of the framework's layout is TF's block `order[k]`; `shift[k]` is added to the
/// framework's block `k` of the bias (the LSTM's forget bias, which TF adds at run time and
/// the others keep in the bias). The cells say which order and shift apply; this file only
/// moves numbers.
struct GateBlocks {
    var input: Int, units: Int
    var order: [Int]
    var shift: [Float]
    var n: Int { order.count }

    /// Keras's three arrays from TF's kernel and bias (flat, row-major).
    func keras(kernel: [Float], bias: [Float]) -> [(String, NDArray)] {
        let (I, U, G) = (input, units, n * units)
        var k = [Float](repeating: 0, count: I * G), r = [Float](repeating: 0, count: U * G)
        var b = [Float](repeating: 0, count: G)
        for blk in 0..<n {
            let src = order[blk] * U, dst = blk * U
            for row in 0..<I { for u in 0..<U { k[row * G + dst + u] = kernel[row * G + src + u] } }
            for row in 0..<U { for u in 0..<U { r[row * G + dst + u] = kernel[(I + row) * G + src + u] } }
            for u in 0..<U { b[dst + u] = bias[src + u] + shift[blk] }
        }
        return [("kernel", ArrayConversion.array(k, shape: [I, G])),
                ("recurrent_kernel", ArrayConversion.array(r, shape: [U, G])),
                ("bias", ArrayConversion.array(b, shape: [G]))]
    }

    /// PyTorch's four arrays from TF's kernel and bias.
    func torch(kernel: [Float], bias: [Float]) -> [(String, NDArray)] {
        let (I, U, G) = (input, units, n * units)
        var wih = [Float](repeating: 0, count: G * I), whh = [Float](repeating: 0, count: G * U)
        var bih = [Float](repeating: 0, count: G)
        for blk in 0..<n {
            let src = order[blk] * U, dst = blk * U
            for u in 0..<U {
                for row in 0..<I { wih[(dst + u) * I + row] = kernel[row * G + src + u] }
                for row in 0..<U { whh[(dst + u) * U + row] = kernel[(I + row) * G + src + u] }
                bih[dst + u] = bias[src + u] + shift[blk]
            }
        }
        return [("weight_ih", ArrayConversion.array(wih, shape: [G, I])),
                ("weight_hh", ArrayConversion.array(whh, shape: [G, U])),
                ("bias_ih", ArrayConversion.array(bih, shape: [G])),
                ("bias_hh", ArrayConversion.array([Float](repeating: 0, count: G), shape: [G]))]
    }

    /// TF's kernel and bias from Keras's `kernel`, `recurrent_kernel`, `bias`.
    func fromKeras(_ w: [String: NDArray]) throws(TensorError) -> (kernel: [Float], bias: [Float]) {
        let (I, U, G) = (input, units, n * units)
        let k = try Self.member(w, "kernel", [I, G]), r = try Self.member(w, "recurrent_kernel", [U, G])
        let b = try Self.member(w, "bias", [G])
        var kernel = [Float](repeating: 0, count: (I + U) * G), bias = [Float](repeating: 0, count: G)
        for blk in 0..<n {
            let src = blk * U, dst = order[blk] * U
            for row in 0..<I { for u in 0..<U { kernel[row * G + dst + u] = k[row * G + src + u] } }
            for row in 0..<U { for u in 0..<U { kernel[(I + row) * G + dst + u] = r[row * G + src + u] } }
            for u in 0..<U { bias[dst + u] = b[src + u] - shift[blk] }
        }
        return (kernel, bias)
    }

    /// TF's kernel and bias from PyTorch's `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`.
    func fromTorch(_ w: [String: NDArray]) throws(TensorError) -> (kernel: [Float], bias: [Float]) {
        let (I, U, G) = (input, units, n * units)
        let wih = try Self.member(w, "weight_ih", [G, I]), whh = try Self.member(w, "weight_hh", [G, U])
        let bih = try Self.member(w, "bias_ih", [G]), bhh = try Self.member(w, "bias_hh", [G])
        var kernel = [Float](repeating: 0, count: (I + U) * G), bias = [Float](repeating: 0, count: G)
        for blk in 0..<n {
            let src = blk * U, dst = order[blk] * U
            for u in 0..<U {
                for row in 0..<I { kernel[row * G + dst + u] = wih[(src + u) * I + row] }
                for row in 0..<U { kernel[(I + row) * G + dst + u] = whh[(src + u) * U + row] }
                bias[dst + u] = bih[src + u] + bhh[src + u] - shift[blk]
            }
        }
        return (kernel, bias)
    }

    /// The weight named `name`, or the error naming it as missing.
    static func weight(_ w: [String: NDArray], _ name: String) throws(TensorError) -> NDArray {
        guard let a = w[name] else { throw TensorError("missing weight '\(name)'") }
        return a
    }

    static func member(_ w: [String: NDArray], _ name: String, _ shape: [Int]) throws(TensorError) -> [Float] {
        guard let a = w[name] else { throw TensorError("missing weight '\(name)'") }
        try ArrayConversion.expect(a, shape: shape, "weight '\(name)'")
        return ArrayConversion.floats(a)
    }

    /// The input width and units of TF-layout weights whose `kernelName` is `[I+U, blocks·U]`.
    static func infer(_ w: [String: NDArray], kernelName: String, blocks: Int) throws(TensorError) -> (input: Int, units: Int) {
        guard let k = w[kernelName] else { throw TensorError("missing weight '\(kernelName)'") }
        guard k.ndim == 2, k.shape[1] % blocks == 0, k.shape[1] > 0 else {
            throw TensorError("\(kernelName) must have shape (input+units, \(blocks == 1 ? "" : "\(blocks)*")units), got \(shapeString(k.shape))")
        }
        let u = k.shape[1] / blocks
        guard k.shape[0] > u else {
            throw TensorError("\(kernelName) has \(k.shape[0]) rows; it needs input+units = more than \(u)")
        }
        return (k.shape[0] - u, u)
    }
}
