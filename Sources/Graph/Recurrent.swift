import Tensor
import RNN

/// The fused recurrent op in a session: the cell's variables gathered into the engine's flat
/// slice, the inputs laid out time-major, one `SequenceEngine` call forward (and, for a
/// training run, one backward in `Gradients`).
extension Session {
    func engine(_ id: Int, _ spec: RecurrentSpec) -> SequenceEngine {
        if let e = engines[id] { return e }
        let e = SequenceEngine(kind: spec.kind, units: spec.units, input: spec.input,
                               options: spec.options, threads: threads)
        engines[id] = e
        return e
    }

    /// The cell's weights as one slice (kernel then bias), from this run's values.
    func weightSlice(_ id: Int, _ spec: RecurrentSpec, _ inputs: [NDArray]) throws(TensorError) -> UnsafeMutablePointer<Float> {
        let e = engine(id, spec)
        let buffer = weightSlices[id] ?? Floats(e.parameterCount)
        weightSlices[id] = buffer
        buffer.ensure(e.parameterCount)
        var offset = 0
        for (k, v) in e.variables.enumerated() {
            let w = try FloatArrays.contiguous(inputs[spec.inputCount + k])
            guard w.shape == v.shape else {
                throw TensorError("the cell's \(v.name) has shape \(shapeList(w.shape)); expected \(shapeList(v.shape))", kind: .valueError)
            }
            FloatArrays.withPointer(w) { (buffer.pointer + offset).update(from: $0, count: v.count) }
            offset += v.count
        }
        return buffer.pointer
    }

    /// The inputs time-major `[T, B, I]` (contiguous) and their sizes.
    func timeMajor(_ spec: RecurrentSpec, _ inputs: [NDArray]) throws(TensorError) -> (x: NDArray, T: Int, B: Int) {
        let I = spec.input
        switch spec.layout {
        case .steps:
            let first = inputs[0]
            guard first.ndim == 2, first.shape[1] == I else {
                throw TensorError("the RNN's inputs must be [batch, \(I)], got \(shapeList(first.shape))", kind: .valueError)
            }
            let B = first.shape[0]
            for x in inputs.prefix(spec.steps) where x.shape != first.shape {
                throw TensorError("all the RNN's inputs must have the same shape: \(shapeList(first.shape)) and \(shapeList(x.shape))", kind: .valueError)
            }
            let out = try FloatArrays.zeros([spec.steps, B, I])
            for t in 0..<spec.steps {
                let x = try FloatArrays.contiguous(inputs[t])
                FloatArrays.withPointers(out, x) { dst, src in (dst + t * B * I).update(from: src, count: B * I) }
            }
            return (out, spec.steps, B)
        case .batchMajor, .timeMajor:
            let x = inputs[0]
            guard x.ndim == 3, x.shape[2] == I else {
                throw TensorError("the RNN's inputs must be rank 3 with depth \(I), got \(shapeList(x.shape))", kind: .valueError)
            }
            let tm = spec.layout == .timeMajor ? x : try x.transpose([1, 0, 2])
            let c = try FloatArrays.contiguous(tm)
            guard c.shape[0] >= 1 else { throw TensorError("the RNN needs at least one time step", kind: .valueError) }
            return (c, c.shape[0], c.shape[1])
        }
    }

    func runRecurrent(_ id: Int, _ spec: RecurrentSpec, inputs: [NDArray], forBackward: Bool) throws(TensorError) -> [NDArray] {
        let e = engine(id, spec)
        let params = try weightSlice(id, spec, inputs)
        let (x, T, B) = try timeMajor(spec, inputs)
        let (I, U) = (spec.input, spec.units)
        _ = try Limits.checkAllocation([T, B, U], .float32)
        var initial: [NDArray] = []
        if spec.hasInitialState {
            for k in 0..<spec.stateParts {
                let s = try FloatArrays.contiguous(inputs[spec.inputCount + e.variables.count + k])
                guard s.shape == [B, U] else {
                    throw TensorError("initial state part \(spec.kind.stateNames[k]) has shape \(shapeList(s.shape)); expected \(shapeList([B, U]))", kind: .valueError)
                }
                initial.append(s)
            }
        }
        let lengths = try spec.hasSequenceLength ? sequenceLengths(inputs[inputs.count - 1], batch: B, steps: T,
                                                                   scope: graph.ops[id].name.components(separatedBy: "/multi_rnn_cell/").first ?? "rnn") : nil
        let outs = try FloatArrays.zeros([T, B, U])
        let finals = try (0..<spec.stateParts).map { (_) throws(TensorError) -> NDArray in try FloatArrays.zeros([B, U]) }
        // The engine reads and writes through raw pointers, valid only inside these scopes (a
        // copy made here has no other owner and would otherwise be released after its last use).
        FloatArrays.withPointers(x, outs) { xp, op in
            FloatArrays.withPointers(initial) { ip in
                FloatArrays.withPointers(finals) { fp in
                    e.forward(params: params, batch: B, steps: T, inputs: { UnsafePointer(xp + $0 * B * I) },
                              initial: spec.hasInitialState ? ip.map { UnsafePointer($0) } : nil,
                              outputs: { op + $0 * B * U }, finalState: fp, forBackward: forBackward,
                              lengths: lengths)
                }
            }
        }
        switch spec.layout {
        case .steps:
            var list: [NDArray] = []
            for t in 0..<T { list.append(try outs.subscripted([.index(t)])) }
            return list + finals
        case .timeMajor: return [outs] + finals
        case .batchMajor: return [try outs.transpose([1, 0, 2]).copy()] + finals
        }
    }

    /// TF1's `sequence_length` as step counts: one per row (TF's assertion text otherwise), cast
    /// to int32 as TF does (floats truncated), clamped to `0...steps` as TF's loop treats them.
    func sequenceLengths(_ v: NDArray, batch: Int, steps: Int, scope: String) throws(TensorError) -> [Int] {
        guard v.shape == [batch] else {
            throw TensorError("assertion failed: [Expected shape for Tensor \(scope)/sequence_length:0 is ] [\(batch)] [ but saw shape: ] [\(v.shape.map(String.init).joined(separator: " "))]", kind: .valueError)
        }
        return try v.doubleValues().map { d in d.isNaN ? 0 : d >= Double(steps) ? steps : d <= 0 ? 0 : Int(d) }
    }

    /// Backward through the op run forward (with `forBackward`) in this run: the output and
    /// final-state gradients in (nil: zero), the gradients of the op's inputs out (nil where
    /// `wanted` is false).
    func recurrentGradients(_ id: Int, _ spec: RecurrentSpec, inputs: [NDArray], outputGrads: [NDArray?],
                            wanted: [Bool]) throws(TensorError) -> [NDArray?] {
        guard let e = engines[id], let params = weightSlices[id]?.pointer else {
            throw TensorError("internal: the RNN was not run forward before its gradient", kind: .runtimeError)
        }
        let (T, B) = (e.steps, e.batch)
        let (I, U) = (spec.input, spec.units)
        // Output gradients as time-major step pointers.
        var stepGrads: NDArray? = nil
        var perStep: [NDArray?] = [NDArray?](repeating: nil, count: T)
        switch spec.layout {
        case .steps:
            for t in 0..<T { perStep[t] = try outputGrads[t].map { (g) throws(TensorError) -> NDArray in try FloatArrays.contiguous(g) } }
        case .timeMajor, .batchMajor:
            if let g = outputGrads[0] {
                stepGrads = try FloatArrays.contiguous(spec.layout == .timeMajor ? g : try g.transpose([1, 0, 2]))
            }
        }
        let outCount = spec.layout == .steps ? T : 1
        let finals = try (0..<spec.stateParts).map { (k) throws(TensorError) -> NDArray? in
            try outputGrads[outCount + k].map { (g) throws(TensorError) -> NDArray in try FloatArrays.contiguous(g) }
        }
        let grads = gradientSlices[id] ?? Floats(e.parameterCount)
        gradientSlices[id] = grads
        grads.ensure(e.parameterCount)
        let wantX = wanted.prefix(spec.inputCount).contains(true)
        let dx = wantX ? try FloatArrays.zeros([T, B, I]) : nil
        let wantInitial = spec.hasInitialState && wanted.suffix(spec.stateParts).contains(true)
        let dInitial = wantInitial ? try (0..<spec.stateParts).map { (_) throws(TensorError) -> NDArray in try FloatArrays.zeros([B, U]) } : nil
        // As in the forward pass: the gradients' contiguous copies (a final state's gradient
        // sliced out of a concat is one) have no other owner; their pointers are valid only in
        // these scopes (released early, the engine read freed memory: garbage or NaN weight
        // gradients, which changed from run to run).
        FloatArrays.withPointers([stepGrads, dx]) { p in
            let (sp, dxp) = (p[0], p[1])
            FloatArrays.withPointers(perStep) { stepPointers in
                FloatArrays.withPointers(finals) { finalPointers in
                    FloatArrays.withPointers(dInitial ?? []) { initialPointers in
                        e.backward(params: params,
                                   dOutputs: { t in
                                       if let s = sp { return UnsafePointer(s + t * B * U) }
                                       return stepPointers[t].map { UnsafePointer($0) }
                                   },
                                   dFinal: finalPointers.map { $0.map { UnsafePointer($0) } },
                                   grads: grads.pointer,
                                   inputGradients: dxp.map { p in { p + $0 * B * I } },
                                   initialGradients: dInitial == nil ? nil : initialPointers)
                    }
                }
            }
        }
        var result: [NDArray?] = []
        // The inputs' gradients in the inputs' layout.
        if let dx {
            switch spec.layout {
            case .steps: for t in 0..<T { result.append(try dx.subscripted([.index(t)])) }
            case .timeMajor: result.append(dx)
            case .batchMajor: result.append(try dx.transpose([1, 0, 2]).copy())
            }
        } else {
            result += [NDArray?](repeating: nil, count: spec.inputCount)
        }
        var offset = 0
        for v in e.variables {
            let g = try FloatArrays.zeros(v.shape)
            FloatArrays.withPointer(g) { $0.update(from: grads.pointer + offset, count: v.count) }
            result.append(g)
            offset += v.count
        }
        if spec.hasInitialState { result += dInitial.map { $0.map { Optional($0) } } ?? [NDArray?](repeating: nil, count: spec.stateParts) }
        if spec.hasSequenceLength { result.append(nil) }   // step counts take no gradient
        return result
    }
}
