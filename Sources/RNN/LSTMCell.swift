import Tensor

/// An LSTM state `(c, h)`, each `[batch, units]` float32 (TF's `LSTMStateTuple`).
public struct LSTMState: Sendable {
    public var c: NDArray
    public var h: NDArray
    public init(c: NDArray, h: NDArray) { self.c = c; self.h = h }
}

/// Gradients of a loss with respect to everything an unrolled cell depends on.
public struct LSTMGradients: Sendable {
    public var kernel: NDArray            // [input+units, 4·units]
    public var bias: NDArray              // [4·units]
    public var inputs: [NDArray]          // one [batch, input] per step
    public var initialState: LSTMState    // dL/dc0, dL/dh0
}

/// TF1's `BasicLSTMCell(num_units, forget_bias=1.0)`: kernel `[input+units, 4·units]`, bias
/// `[4·units]`, gates `concat([x, h], 1)·kernel + bias` split `i, j, f, o`,
/// `c' = c·σ(f + forget_bias) + σ(i)·tanh(j)`, `h' = tanh(c')·σ(o)`. `forget_bias` is added at
/// every step and never stored in the bias.
///
/// The input size is bound on first use, as in TF: the kernel is created (glorot-uniform from
/// `seed`, bias zero) the first time the cell sees an input. Values of any numeric dtype are
/// computed in float32. Arrays in and out are `NDArray`s; the work happens on float buffers.
public final class LSTMCell {
    public let units: Int
    public let forgetBias: Float
    public let seed: UInt64
    /// The input width, once bound.
    public private(set) var inputSize: Int?
    var kernelValues: [Float] = []
    var biasValues: [Float] = []

    /// A cell whose weights are created on first use.
    public init(units: Int, forgetBias: Float = 1.0, seed: UInt64 = 0) throws(TensorError) {
        guard units > 0 else { throw TensorError("num_units must be positive, got \(units)") }
        _ = try Limits.checkAllocation([units, 4, units], .float32)
        self.units = units; self.forgetBias = forgetBias; self.seed = seed
    }

    /// A cell with given TF-layout weights (kernel `[input+units, 4·units]`, bias `[4·units]`).
    public init(kernel: NDArray, bias: NDArray, forgetBias: Float = 1.0) throws(TensorError) {
        guard kernel.ndim == 2, kernel.shape[1] % 4 == 0, kernel.shape[1] > 0 else {
            throw TensorError("kernel must have shape (input+units, 4*units), got \(shapeString(kernel.shape))")
        }
        let u = kernel.shape[1] / 4
        guard kernel.shape[0] > u else {
            throw TensorError("kernel has \(kernel.shape[0]) rows; it needs input+units = more than \(u)")
        }
        try ArrayConversion.expect(bias, shape: [4 * u], "bias")
        units = u; self.forgetBias = forgetBias; seed = 0
        inputSize = kernel.shape[0] - u
        kernelValues = ArrayConversion.floats(kernel)
        biasValues = ArrayConversion.floats(bias)
    }

    /// The kernel `[input+units, 4·units]`, or nil before the input size is known.
    public var kernel: NDArray? {
        guard let i = inputSize else { return nil }
        return ArrayConversion.array(kernelValues, shape: [i + units, 4 * units])
    }
    /// The bias `[4·units]`, or nil before the input size is known.
    public var bias: NDArray? {
        guard inputSize != nil else { return nil }
        return ArrayConversion.array(biasValues, shape: [4 * units])
    }

    /// Binds the input size (creating the weights) or checks it against the bound one.
    public func build(inputSize i: Int) throws(TensorError) {
        if let bound = inputSize {
            guard bound == i else {
                throw TensorError("Dimensions must be equal, but are \(i) and \(bound)",
                                  explanation: "this cell was built for inputs of width \(bound); got width \(i)")
            }
            return
        }
        guard i > 0 else { throw TensorError("input width must be positive, got \(i)") }
        _ = try Limits.checkAllocation([i + units, 4 * units], .float32)
        var rng = SeededRandom(seed: seed)
        kernelValues = Initializers.glorotUniform(rows: i + units, columns: 4 * units, rng: &rng)
        biasValues = [Float](repeating: 0, count: 4 * units)
        inputSize = i
    }

    /// `cell.zero_state(batch, tf.float32)`.
    public func zeroState(batch: Int) throws(TensorError) -> LSTMState {
        guard batch >= 0 else { throw TensorError("batch size must be non-negative, got \(batch)") }
        let z = try NDArray(zeros: [batch, units], dtype: .float32)
        return LSTMState(c: z, h: z)
    }

    /// One step: `cell(x, state) -> (output, new_state)`; the output is the new `h`.
    public func step(_ x: NDArray, state: LSTMState) throws(TensorError) -> (output: NDArray, state: LSTMState) {
        let r = try unroll([x], initialState: state)
        return (r.state.h, r.state)
    }

    /// `static_rnn(cell, inputs, initial_state)`: every output and the final state.
    public func unroll(_ inputs: [NDArray], initialState: LSTMState? = nil) throws(TensorError)
        -> (outputs: [NDArray], state: LSTMState) {
        let a = try run(inputs, initialState: initialState)
        let d = a.dims
        var outputs: [NDArray] = []
        let h = FloatBuffer(d.batch * d.units)
        for t in 0..<d.steps {
            for b in 0..<d.batch { (h.pointer + b * d.units).update(from: a.output(t, b), count: d.units) }
            outputs.append(ArrayConversion.array(h.pointer, shape: [d.batch, d.units]))
        }
        let c = ArrayConversion.array(a.cell(after: d.steps - 1, 0), shape: [d.batch, d.units])
        return (outputs, LSTMState(c: c, h: outputs[outputs.count - 1]))
    }

    /// Backpropagation through time: the gradients of a loss `L` given `dL/d outputs[t]`
    /// (nil where the loss does not use an output) and `dL/d final state` (nil for none).
    public func gradients(_ inputs: [NDArray], initialState: LSTMState? = nil,
                          outputGradients: [NDArray?], finalStateGradient: LSTMState? = nil)
        throws(TensorError) -> LSTMGradients {
        let a = try run(inputs, initialState: initialState)
        let d = a.dims
        let n = d.batch * d.units
        guard outputGradients.count == d.steps else {
            throw TensorError("expected \(d.steps) output gradients (one per step, or nil), got \(outputGradients.count)")
        }
        let dOut = FloatBuffer(d.steps * n)
        dOut.zero(d.steps * n)
        for (t, g) in outputGradients.enumerated() {
            guard let g else { continue }
            try ArrayConversion.expect(g, shape: [d.batch, d.units], "output gradient \(t)")
            ArrayConversion.copy(g, into: dOut.pointer + t * n)
        }
        a.dh.pointer.update(from: dOut.pointer + (d.steps - 1) * n, count: n)
        a.dc.zero(n)
        if let s = finalStateGradient {
            try ArrayConversion.expect(s.c, shape: [d.batch, d.units], "final c gradient")
            try ArrayConversion.expect(s.h, shape: [d.batch, d.units], "final h gradient")
            let tmp = FloatBuffer(n)
            ArrayConversion.copy(s.h, into: tmp.pointer)
            for k in 0..<n { a.dh.pointer[k] += tmp.pointer[k] }
            ArrayConversion.copy(s.c, into: a.dc.pointer)
        }
        let dk = FloatBuffer(d.rowWidth * d.gateWidth), db = FloatBuffer(d.gateWidth)
        let dx = FloatBuffer(d.steps * d.batch * d.input)
        withWeights { kp, bp in
            let w = LSTMWeightsView(kernel: kp, bias: bp, forgetBias: forgetBias)
            let grads = LSTMGradientsView(kernel: dk.pointer, bias: db.pointer, accumulate: false, inputs: dx.pointer)
            LSTMLayer.backward(w, a, grads, needInitialState: true,
                               outputGradient: { t in UnsafePointer(dOut.pointer + t * n) })
        }
        let xs = (0..<d.steps).map { t in
            ArrayConversion.array(dx.pointer + t * d.batch * d.input, shape: [d.batch, d.input])
        }
        return LSTMGradients(
            kernel: ArrayConversion.array(dk.pointer, shape: [d.rowWidth, d.gateWidth]),
            bias: ArrayConversion.array(db.pointer, shape: [d.gateWidth]),
            inputs: xs,
            initialState: LSTMState(c: ArrayConversion.array(a.dc.pointer, shape: [d.batch, d.units]),
                                    h: ArrayConversion.array(a.dh.pointer, shape: [d.batch, d.units])))
    }

    /// Checks the inputs, binds the input size, and runs the forward pass into new activations.
    private func run(_ inputs: [NDArray], initialState: LSTMState?) throws(TensorError) -> LSTMActivations {
        guard let first = inputs.first else {
            throw TensorError("inputs must be a non-empty list of (batch, input) arrays")
        }
        guard first.ndim == 2 else {
            throw TensorError("each input must be 2-D (batch, input), got shape \(shapeString(first.shape))")
        }
        let (batch, width) = (first.shape[0], first.shape[1])
        for (t, x) in inputs.enumerated() where x.shape != first.shape {
            throw TensorError("input \(t) has shape \(shapeString(x.shape)), expected \(shapeString(first.shape))",
                              explanation: "every step of an unroll takes the same (batch, input) shape")
        }
        try build(inputSize: width)
        if let s = initialState {
            try ArrayConversion.expect(s.c, shape: [batch, units], "state c")
            try ArrayConversion.expect(s.h, shape: [batch, units], "state h")
        }
        let d = LSTMDims(batch: batch, input: width, units: units, steps: inputs.count)
        // Refuse sizes over the memory limit before allocating the activations.
        _ = try Limits.checkAllocation([d.steps, d.batch, d.rowWidth + d.gateWidth + 2 * d.units], .float32)
        let a = LSTMActivations()
        a.prepare(d)
        stage(inputs, initialState: initialState, into: a, batch: batch, width: width)
        withWeights { kp, bp in
            LSTMLayer.forward(LSTMWeightsView(kernel: kp, bias: bp, forgetBias: forgetBias), a)
        }
        return a
    }
}

extension LSTMCell {
    /// Calls `body` with the weights' buffers, holding OpenBLAS on one thread meanwhile (the
    /// cell's products are small; one thread keeps its results independent of any model's
    /// thread count — see `BLASThreads.exclusively`).
    func withWeights(_ body: (UnsafePointer<Float>, UnsafePointer<Float>) -> Void) {
        BLASThreads.exclusively(threads: 1) {
            kernelValues.withUnsafeBufferPointer { k in
                biasValues.withUnsafeBufferPointer { b in
                    guard let kp = k.baseAddress, let bp = b.baseAddress else { return }
                    body(kp, bp)
                }
            }
        }
    }
}

extension LSTMCell {
    /// Copies every step's input and the initial state (zeros when nil) into a prepared
    /// activation buffer, where the forward pass reads them. Shared by `unroll` and
    /// `stepInternals`, so the explorer's view of a step is fed exactly like the engine.
    func stage(_ inputs: [NDArray], initialState: LSTMState?, into a: LSTMActivations, batch: Int, width: Int) {
        let x = FloatBuffer(batch * width)
        for (t, xt) in inputs.enumerated() {
            ArrayConversion.copy(xt, into: x.pointer)
            for b in 0..<batch { a.x(t, b).update(from: x.pointer + b * width, count: width) }
        }
        let hz = FloatBuffer(batch * units)
        if let s = initialState {
            ArrayConversion.copy(s.c, into: a.cell(after: -1, 0))
            ArrayConversion.copy(s.h, into: hz.pointer)
        } else {
            a.cell(after: -1, 0).update(repeating: 0, count: batch * units)
            hz.zero(batch * units)
        }
        for b in 0..<batch { a.hIn(0, b).update(from: hz.pointer + b * units, count: units) }
    }
}
