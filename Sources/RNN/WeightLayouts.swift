import Tensor

/// A cell's weights in Keras's `LSTM` layout: gates in the order i, f, c, o; the input and
/// recurrent kernels separate; the forget bias baked into the bias (Keras has no
/// `forget_bias` at run time, only `unit_forget_bias` at initialisation).
public struct KerasLSTMWeights: Sendable {
    public var kernel: NDArray           // [input, 4·units]
    public var recurrentKernel: NDArray  // [units, 4·units]
    public var bias: NDArray             // [4·units]
    public init(kernel: NDArray, recurrentKernel: NDArray, bias: NDArray) {
        self.kernel = kernel; self.recurrentKernel = recurrentKernel; self.bias = bias
    }
}

/// A cell's weights in PyTorch's `nn.LSTM` layout (`weight_ih_l0` …): gates in the order
/// i, f, g, o; weights transposed (`[4·units, in]`, applied as `x·Wᵀ`); two biases. The whole
/// TF bias, forget bias included, goes into `biasIH`; `biasHH` is zero.
public struct TorchLSTMWeights: Sendable {
    public var weightIH: NDArray   // [4·units, input]
    public var weightHH: NDArray   // [4·units, units]
    public var biasIH: NDArray     // [4·units]
    public var biasHH: NDArray     // [4·units]
    public init(weightIH: NDArray, weightHH: NDArray, biasIH: NDArray, biasHH: NDArray) {
        self.weightIH = weightIH; self.weightHH = weightHH; self.biasIH = biasIH; self.biasHH = biasHH
    }
}

/// Gate reordering between TF's i, j, f, o and Keras/PyTorch's i, f, c(g), o: block `k` of the
/// other layout is TF's block `tfBlock[k]` (and the map is its own inverse).
let tfBlock = [0, 2, 1, 3]

extension LSTMCell {
    private func boundWeights() throws(TensorError) -> (i: Int, u: Int) {
        guard let i = inputSize else {
            throw TensorError("the cell has no weights yet", explanation: "its input size is bound on first use; unroll it once or load weights")
        }
        return (i, units)
    }

    /// The weights in Keras's layout.
    public func kerasWeights() throws(TensorError) -> KerasLSTMWeights {
        let (I, U) = try boundWeights()
        let G = 4 * U
        var k = [Float](repeating: 0, count: I * G), r = [Float](repeating: 0, count: U * G)
        var b = [Float](repeating: 0, count: G)
        for blk in 0..<4 {
            let src = tfBlock[blk] * U, dst = blk * U
            for row in 0..<I { for u in 0..<U { k[row * G + dst + u] = kernelValues[row * G + src + u] } }
            for row in 0..<U { for u in 0..<U { r[row * G + dst + u] = kernelValues[(I + row) * G + src + u] } }
            for u in 0..<U { b[dst + u] = biasValues[src + u] + (tfBlock[blk] == 2 ? forgetBias : 0) }
        }
        return KerasLSTMWeights(kernel: ArrayConversion.array(k, shape: [I, G]),
                                recurrentKernel: ArrayConversion.array(r, shape: [U, G]),
                                bias: ArrayConversion.array(b, shape: [G]))
    }

    /// The weights in PyTorch's layout.
    public func torchWeights() throws(TensorError) -> TorchLSTMWeights {
        let (I, U) = try boundWeights()
        let G = 4 * U
        var wih = [Float](repeating: 0, count: G * I), whh = [Float](repeating: 0, count: G * U)
        var bih = [Float](repeating: 0, count: G)
        for blk in 0..<4 {
            let src = tfBlock[blk] * U, dst = blk * U
            for u in 0..<U {
                for row in 0..<I { wih[(dst + u) * I + row] = kernelValues[row * G + src + u] }
                for row in 0..<U { whh[(dst + u) * U + row] = kernelValues[(I + row) * G + src + u] }
                bih[dst + u] = biasValues[src + u] + (tfBlock[blk] == 2 ? forgetBias : 0)
            }
        }
        return TorchLSTMWeights(weightIH: ArrayConversion.array(wih, shape: [G, I]),
                                weightHH: ArrayConversion.array(whh, shape: [G, U]),
                                biasIH: ArrayConversion.array(bih, shape: [G]),
                                biasHH: ArrayConversion.array([Float](repeating: 0, count: G), shape: [G]))
    }

    /// A TF-layout cell from Keras weights; `forgetBias` is taken back out of the bias so the
    /// cell computes the same function.
    public convenience init(keras w: KerasLSTMWeights, forgetBias: Float = 1.0) throws(TensorError) {
        guard w.kernel.ndim == 2, w.kernel.shape[1] % 4 == 0, w.kernel.shape[1] > 0 else {
            throw TensorError("Keras kernel must have shape (input, 4*units), got \(shapeString(w.kernel.shape))")
        }
        let (I, G) = (w.kernel.shape[0], w.kernel.shape[1])
        let U = G / 4
        try ArrayConversion.expect(w.recurrentKernel, shape: [U, G], "Keras recurrent_kernel")
        try ArrayConversion.expect(w.bias, shape: [G], "Keras bias")
        let k = ArrayConversion.floats(w.kernel), r = ArrayConversion.floats(w.recurrentKernel)
        let b = ArrayConversion.floats(w.bias)
        var kernel = [Float](repeating: 0, count: (I + U) * G), bias = [Float](repeating: 0, count: G)
        for blk in 0..<4 {
            let src = blk * U, dst = tfBlock[blk] * U
            for row in 0..<I { for u in 0..<U { kernel[row * G + dst + u] = k[row * G + src + u] } }
            for row in 0..<U { for u in 0..<U { kernel[(I + row) * G + dst + u] = r[row * G + src + u] } }
            for u in 0..<U { bias[dst + u] = b[src + u] - (tfBlock[blk] == 2 ? forgetBias : 0) }
        }
        try self.init(kernel: ArrayConversion.array(kernel, shape: [I + U, G]),
                      bias: ArrayConversion.array(bias, shape: [G]), forgetBias: forgetBias)
    }

    /// A TF-layout cell from PyTorch weights (both biases summed; `forgetBias` taken back out).
    public convenience init(torch w: TorchLSTMWeights, forgetBias: Float = 1.0) throws(TensorError) {
        guard w.weightIH.ndim == 2, w.weightIH.shape[0] % 4 == 0, w.weightIH.shape[0] > 0 else {
            throw TensorError("weight_ih must have shape (4*units, input), got \(shapeString(w.weightIH.shape))")
        }
        let (G, I) = (w.weightIH.shape[0], w.weightIH.shape[1])
        let U = G / 4
        try ArrayConversion.expect(w.weightHH, shape: [G, U], "weight_hh")
        try ArrayConversion.expect(w.biasIH, shape: [G], "bias_ih")
        try ArrayConversion.expect(w.biasHH, shape: [G], "bias_hh")
        let wih = ArrayConversion.floats(w.weightIH), whh = ArrayConversion.floats(w.weightHH)
        let bih = ArrayConversion.floats(w.biasIH), bhh = ArrayConversion.floats(w.biasHH)
        var kernel = [Float](repeating: 0, count: (I + U) * G), bias = [Float](repeating: 0, count: G)
        for blk in 0..<4 {
            let src = blk * U, dst = tfBlock[blk] * U
            for u in 0..<U {
                for row in 0..<I { kernel[row * G + dst + u] = wih[(src + u) * I + row] }
                for row in 0..<U { kernel[(I + row) * G + dst + u] = whh[(src + u) * U + row] }
                bias[dst + u] = bih[src + u] + bhh[src + u] - (tfBlock[blk] == 2 ? forgetBias : 0)
            }
        }
        try self.init(kernel: ArrayConversion.array(kernel, shape: [I + U, G]),
                      bias: ArrayConversion.array(bias, shape: [G]), forgetBias: forgetBias)
    }
}
