import Tensor

/// A cell's state: its parts in TF's order (`(c, h)` for the LSTM, `h` for the others; the
/// last part is always `h`).
public struct CellState: Sendable {
    public var parts: [NDArray]
    public init(_ parts: [NDArray]) { self.parts = parts }
    public var h: NDArray { parts[parts.count - 1] }
}

/// Gradients of a loss with respect to everything an unrolled cell depends on.
public struct CellGradients: Sendable {
    /// dL/d(each variable), under the cell's TF names (`kernel`, `gates/bias`, …).
    public var weights: [String: NDArray]
    public var inputs: [NDArray]
    public var initialState: CellState
}

/// A cell as the workspace holds it (`lstm = cell 128`, `gru = cell 64 kind=gru`): any
/// `CellKind`, with TF's build-on-first-use: the weights are created (from `seed`, with the
/// cell's TF initialisers) the first time it sees an input. Every operation goes through
/// `RecurrentCell`, so this type never knows which cell it runs.
public final class Cell {
    public let kind: CellKind
    public let units: Int
    public let options: CellOptions
    public let seed: UInt64
    let impl: any RecurrentCell
    /// The input width, once bound.
    public private(set) var inputSize: Int?
    var values: [Float] = []

    /// A cell whose weights are created on first use.
    public init(kind: CellKind, units: Int, options: CellOptions = CellOptions(), seed: UInt64 = 0) throws(TensorError) {
        guard units > 0 else { throw TensorError("num_units must be positive, got \(units)") }
        try Cell.checkOptions(kind: kind, options)
        _ = try Limits.checkAllocation([units, 4, units], .float32)
        self.kind = kind; self.units = units; self.options = options; self.seed = seed
        impl = kind.cell(units: units, options: options)
    }

    /// A cell with given TF-layout weights (names as in `variableNames`, e.g. `kernel`, `bias`).
    public init(kind: CellKind, weights w: [String: NDArray], options: CellOptions = CellOptions()) throws(TensorError) {
        try Cell.checkOptions(kind: kind, options)
        let (i, u) = try kind.cellType.infer(w)
        self.kind = kind; units = u; self.options = options; seed = 0
        impl = kind.cell(units: u, options: options)
        var v: [Float] = []
        for spec in impl.variables(input: i) {
            guard let a = w[spec.name] else { throw TensorError("missing weight '\(spec.name)'") }
            try ArrayConversion.expect(a, shape: spec.shape, spec.name)
            v += ArrayConversion.floats(a)
        }
        values = v
        inputSize = i
    }

    /// A cell from another framework's arrays (names without prefix: `kernel`,
    /// `recurrent_kernel`, `bias`; `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`).
    public convenience init(kind: CellKind, framework: Framework, weights w: [String: NDArray],
                            options: CellOptions = CellOptions()) throws(TensorError) {
        let (input, units) = try Cell.frameworkShape(kind: kind, framework: framework, weights: w)
        let tf = try kind.cell(units: units, options: options).tfWeights(from: w, framework: framework, input: input)
        try self.init(kind: kind, weights: tf, options: options)
    }

    /// Refuses an option the cell would ignore: an activation other than tanh on a cell whose
    /// activations are fixed (the LSTM's and GRU's tanh and sigmoid), rather than silently
    /// computing something else than asked.
    public static func checkOptions(kind: CellKind, _ options: CellOptions) throws(TensorError) {
        if !kind.hasActivation && options.activation != .tanh {
            throw TensorError("a \(kind.tfClass) has no activation= option in rnnsh (its activations are fixed); only the plain RNN cell (BasicRNNCell) takes activation=\(options.activation.rawValue)",
                              kind: .valueError)
        }
    }

    /// Input width and units implied by a framework's arrays.
    static func frameworkShape(kind: CellKind, framework: Framework, weights w: [String: NDArray]) throws(TensorError) -> (Int, Int) {
        switch framework {
        case .tf: return try kind.cellType.infer(w)
        case .keras:
            guard let r = w["recurrent_kernel"], r.ndim == 2, let k = w["kernel"], k.ndim == 2 else {
                throw TensorError("Keras weights need 2-d 'kernel' and 'recurrent_kernel'")
            }
            return (k.shape[0], r.shape[0])
        case .torch:
            guard let ih = w["weight_ih"], ih.ndim == 2, let hh = w["weight_hh"], hh.ndim == 2 else {
                throw TensorError("PyTorch weights need 2-d 'weight_ih' and 'weight_hh'")
            }
            return (ih.shape[1], hh.shape[1])
        }
    }

    /// `BasicLSTMCell(num_units=4, forget_bias=1.0)`, `BasicRNNCell(num_units=4, activation=tf.nn.relu)`
    /// (the default tanh is left out, as TF code leaves it out).
    public var description: String {
        var args = ["num_units=\(units)"]
        if kind.hasForgetBias { args.append("forget_bias=\(pythonFloat(options.forgetBias))") }
        if kind.hasActivation && options.activation != .tanh { args.append("activation=\(options.activation.tfFunction)") }
        return "\(kind.tfClass)(\(args.joined(separator: ", ")))"
    }

    public var stateNames: [String] { kind.stateNames }

    /// The Python expression of the same layer in `framework` (`keras.layers.SimpleRNN(4,
    /// activation='relu')`), or the reason it has none.
    public func frameworkLayer(_ framework: Framework) throws(TensorError) -> String {
        try impl.frameworkLayer(framework, input: inputSize ?? 1, extra: [])
    }

    /// The variables (TF names and shapes) once the input size is known.
    public var variables: [CellVariable]? { inputSize.map { impl.variables(input: $0) } }

    /// The weights under TF's names, in variable order, or nil before the input size is known.
    public var weights: [(name: String, array: NDArray)]? {
        guard let i = inputSize else { return nil }
        var out: [(name: String, array: NDArray)] = []
        var offset = 0
        values.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            for v in impl.variables(input: i) {
                out.append((v.name, ArrayConversion.array(base + offset, shape: v.shape)))
                offset += v.count
            }
        }
        return out
    }

    /// One weight by TF name.
    public func weight(_ name: String) -> NDArray? { weights?.first { $0.name == name }?.array }

    /// The weights in `framework`'s layout (names without prefix), or the reason it has none.
    public func frameworkWeights(_ framework: Framework) throws(TensorError) -> [(String, NDArray)] {
        guard let w = weights else { throw Cell.notBuilt }
        var d: [String: NDArray] = [:]
        for (n, a) in w { d[n] = a }
        return try impl.frameworkWeights(d, framework: framework)
    }

    static let notBuilt = TensorError("the cell has no weights yet", explanation: "its input size is bound on first use; unroll it once or load weights")

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
        _ = try Limits.checkAllocation([impl.parameterCount(input: i)], .float32)
        var rng = SeededRandom(seed: seed)
        values = impl.initialValues(input: i, rng: &rng)
        inputSize = i
    }

    /// `cell.zero_state(batch, tf.float32)`.
    public func zeroState(batch: Int) throws(TensorError) -> CellState {
        guard batch >= 0 else { throw TensorError("batch size must be non-negative, got \(batch)") }
        let z = try NDArray(zeros: [batch, units], dtype: .float32)
        return CellState(stateNames.map { _ in z })
    }

    /// One step: `cell(x, state) -> (output, new_state)`; the output is the new `h`.
    public func step(_ x: NDArray, state: CellState) throws(TensorError) -> (output: NDArray, state: CellState) {
        let r = try unroll([x], initialState: state)
        return (r.state.h, r.state)
    }

    /// `static_rnn(cell, inputs, initial_state)`: every output and the final state.
    ///
    /// Forward only, cut by rows into chunks of at most `unrollChunk` that the worker pool's
    /// threads claim as they become free, as `Model` evaluates: each chunk runs the whole
    /// sequence in a small kernel that stays in cache and writes its rows of every output
    /// straight into the result arrays. One kernel over the whole batch (the earlier way)
    /// kept `[T, B, I+U]` rows and `[T+1, B, U]` cell states: 320 MB of fresh pages for 10,000
    /// rows, and the outputs were gathered and copied twice more, which held `unroll` to a
    /// third of evaluation's GFLOP/s. Rows are independent and each row's products and cell
    /// work are the same operations in any chunk (see `GEMM`), so the results do not depend on
    /// the chunking or the thread count.
    public func unroll(_ inputs: [NDArray], initialState: CellState? = nil) throws(TensorError)
        -> (outputs: [NDArray], state: CellState) {
        let d = try checkedDims(inputs, initialState: initialState)
        let (B, I, U, T) = (d.batch, d.input, d.units, d.steps)
        let parts = stateNames.count
        let xs = try inputs.map { x throws(TensorError) in try x.contiguous() }
        let initial = try initialState.map { s throws(TensorError) in try s.parts.map { p throws(TensorError) in try p.contiguous() } }
        let outputs = try (0..<T).map { _ throws(TensorError) in try NDArray(zeros: [B, U], dtype: .float32) }
        let finals = try (0..<parts).map { _ throws(TensorError) in try NDArray(zeros: [B, U], dtype: .float32) }
        let threads = max(1, min(BLASThreads.processors, WorkerPool.maxWorkers))
        // Enough chunks for every thread, none above unrollChunk rows, in whole register tiles.
        let chunk = max(8, min(Cell.unrollChunk, ((B + threads - 1) / threads + 7) / 8 * 8))
        let tasks = (B + chunk - 1) / chunk
        let workers = min(threads, tasks)
        let kernels = SpareKernel.take(workers) { impl.makeKernel() }
        defer { SpareKernel.give(kernels) }
        // The workers write straight into the result arrays, through pointers valid in this scope.
        ArrayConversion.withFloats(outputs + finals) { pointers in
            let outP = UncheckedBox(Array(pointers[..<T])), finP = UncheckedBox(Array(pointers[T...]))
            let box = UncheckedBox((xs, initial, kernels))
            let options = self.options
            withParameters(threads: 1) { p in
                let run = { (task: Int, worker: Int) in
                    if Cancellation.isRequested { return }  // Ctrl-C: skip the remaining chunks
                    let (xs, initial, kernels) = box.value
                    let s = task * chunk, c = min(chunk, B - s)
                    let k = kernels[worker]
                    k.prepare(SequenceDims(batch: c, input: I, units: U, steps: T))
                    // Row strides as the kernel lays its rows out (the x half of an [x, h] row, …).
                    let xStride = c > 1 ? k.input(0, 1) - k.input(0, 0) : I
                    for t in 0..<T { ArrayConversion.copyRows(xs[t], start: s, count: c, into: k.input(t, 0), stride: xStride) }
                    for q in 0..<parts {
                        if let st = initial {
                            let stride = c > 1 ? k.initialState(q, 1) - k.initialState(q, 0) : U
                            ArrayConversion.copyRows(st[q], start: s, count: c, into: k.initialState(q, 0), stride: stride)
                        } else {
                            for b in 0..<c { k.initialState(q, b).update(repeating: 0, count: U) }
                        }
                    }
                    k.forward(params: p, options: options, forBackward: false)
                    for t in 0..<T {
                        let dst = outP.value[t] + s * U
                        for b in 0..<c { (dst + b * U).update(from: k.output(t, b), count: U) }
                    }
                    for q in 0..<parts {
                        let dst = finP.value[q] + s * U
                        for b in 0..<c { (dst + b * U).update(from: k.finalState(q, b), count: U) }
                    }
                }
                if workers <= 1 {
                    for t in 0..<tasks { run(t, 0) }
                } else {
                    WorkerPool.shared.run(tasks: tasks, workers: workers, run)
                }
            }
        }
        try Cancellation.check()
        return (outputs, CellState(finals))
    }

    /// Rows per chunk of `unroll` (Model evaluates in chunks of the same size).
    static let unrollChunk = 128

    /// Backpropagation through time: the gradients of a loss `L` given `dL/d outputs[t]`
    /// (nil where the loss does not use an output) and `dL/d final state` (nil for none).
    public func gradients(_ inputs: [NDArray], initialState: CellState? = nil,
                          outputGradients: [NDArray?], finalStateGradient: CellState? = nil)
        throws(TensorError) -> CellGradients {
        let k = try run(inputs, initialState: initialState)
        defer { SpareKernel.give(k) }
        let d = k.dims
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
        let parts = stateNames.count
        for p in 0..<parts { k.stateGradient(p).update(repeating: 0, count: n) }
        k.stateGradient(parts - 1).update(from: dOut.pointer + (d.steps - 1) * n, count: n)
        if let s = finalStateGradient {
            guard s.parts.count == parts else { throw TensorError("the final state gradient needs \(parts) parts") }
            let tmp = FloatBuffer(n)
            for p in 0..<parts {
                try ArrayConversion.expect(s.parts[p], shape: [d.batch, d.units], "final \(stateNames[p]) gradient")
                ArrayConversion.copy(s.parts[p], into: tmp.pointer)
                FloatLoops.add(tmp.pointer, into: k.stateGradient(p), count: n)
            }
        }
        let total = impl.parameterCount(input: d.input)
        let dw = FloatBuffer(total), dx = FloatBuffer(d.steps * d.batch * d.input)
        withParameters { p in
            k.backward(params: p, options: options, grads: dw.pointer, accumulate: false, inputGradients: dx.pointer,
                       needInitialState: true, outputGradient: { t in UnsafePointer(dOut.pointer + t * n) })
        }
        var weights: [String: NDArray] = [:]
        var offset = 0
        for v in impl.variables(input: d.input) {
            weights[v.name] = ArrayConversion.array(dw.pointer + offset, shape: v.shape)
            offset += v.count
        }
        let xs = (0..<d.steps).map { t in
            ArrayConversion.array(dx.pointer + t * d.batch * d.input, shape: [d.batch, d.input])
        }
        let s = (0..<parts).map { p in ArrayConversion.array(k.stateGradient(p), shape: [d.batch, d.units]) }
        return CellGradients(weights: weights, inputs: xs, initialState: CellState(s))
    }

    /// `step(x, state)` opened up (a zero state when `state` is nil).
    public func internals(_ x: NDArray, state: CellState?) throws(TensorError) -> CellInternals {
        guard x.ndim == 2 else {
            throw TensorError("each input must be 2-D (batch, input), got shape \(shapeString(x.shape))")
        }
        let (batch, width) = (x.shape[0], x.shape[1])
        try build(inputSize: width)
        try checkState(state, batch: batch)
        _ = try Limits.checkAllocation([batch, 4 * (width + units) + 8 * units], .float32)
        var result: Result<CellInternals, TensorError> = .failure(Cell.notBuilt)
        withParameters { p in
            do throws(TensorError) { result = .success(try impl.internals(params: p, x: x, state: state?.parts ?? [], input: width)) }
            catch { result = .failure(error) }
        }
        return try result.get()
    }

    private func checkState(_ s: CellState?, batch: Int) throws(TensorError) {
        guard let s else { return }
        guard s.parts.count == stateNames.count else {
            throw TensorError("a \(kind.tfClass) state has \(stateNames.count) part\(stateNames.count == 1 ? "" : "s") (\(stateNames.joined(separator: ", "))), got \(s.parts.count)")
        }
        for (p, name) in zip(s.parts, stateNames) { try ArrayConversion.expect(p, shape: [batch, units], "state \(name)") }
    }

    /// Checks an unroll's inputs and initial state (building the weights on first use) and
    /// returns its sizes; refuses sizes over the memory limit before anything is allocated.
    private func checkedDims(_ inputs: [NDArray], initialState: CellState?) throws(TensorError) -> SequenceDims {
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
        try checkState(initialState, batch: batch)
        let d = SequenceDims(batch: batch, input: width, units: units, steps: inputs.count)
        // Refuse sizes over the memory limit before allocating the activations.
        _ = try Limits.checkAllocation([d.steps, d.batch, 2 * d.rowWidth + 8 * d.units], .float32)
        return d
    }

    /// Checks the inputs, binds the input size, and runs the forward pass in a new kernel.
    private func run(_ inputs: [NDArray], initialState: CellState?, forBackward: Bool = true,
                     threads: Int = 1) throws(TensorError) -> SequenceKernel {
        let d = try checkedDims(inputs, initialState: initialState)
        let (batch, width) = (d.batch, d.input)
        // The caller gives the kernel back (SpareKernel) when done with it.
        let k = SpareKernel.take(like: impl.makeKernel())
        k.prepare(d)
        let x = FloatBuffer(batch * width)
        for (t, xt) in inputs.enumerated() {
            ArrayConversion.copy(xt, into: x.pointer)
            for b in 0..<batch { k.input(t, b).update(from: x.pointer + b * width, count: width) }
        }
        let s = FloatBuffer(batch * units)
        for p in 0..<stateNames.count {
            if let st = initialState { ArrayConversion.copy(st.parts[p], into: s.pointer) } else { s.zero(batch * units) }
            for b in 0..<batch { k.initialState(p, b).update(from: s.pointer + b * units, count: units) }
        }
        withParameters(threads: threads) { p in k.forward(params: p, options: options, forBackward: forBackward) }
        return k
    }

    /// Calls `body` with the weights' buffer, products on `threads` threads meanwhile (default
    /// one: the cell's products are small; a product split by rows gives the same bits as on
    /// one thread — see `GEMM` and `BLASThreads.exclusively`) and the weights declared
    /// constant, so that each weight operand is packed once for all steps (`GEMM.whileConstant`).
    func withParameters(threads: Int = 1, _ body: (UnsafePointer<Float>) -> Void) {
        BLASThreads.exclusively(threads: threads) {
            values.withUnsafeBufferPointer { v in
                guard let p = v.baseAddress else { return }
                GEMM.whileConstant(p, count: v.count) { body(p) }
            }
        }
    }
}

extension Cell {
    /// The variables this cell would have for inputs of width `input` (names and shapes).
    public func variablesFor(input: Int) -> [CellVariable] { impl.variables(input: input) }
}
