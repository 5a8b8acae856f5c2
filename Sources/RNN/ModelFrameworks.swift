import Tensor

/// The model in other frameworks' names and layouts, the Python that loads it there, and the
/// way back (a PyTorch state_dict saved with numpy). Each cell converts its own weights
/// (`RecurrentCell.frameworkWeights`); this file only names and orders them:
/// - tf: the TF1 variable names of the graph the tutorial's code builds (`Model.variables`),
///   plus `forget_bias` for the LSTM (a graph constant, kept so the file says what it computes);
/// - keras: a `Sequential` of the recurrent layers and `Dense`, in `model.get_weights()` order
///   (`lstm/kernel`, …, `bidirectional/forward_lstm/kernel`, …, `dense/kernel`, `dense/bias`);
/// - torch: the state_dict of `ModuleDict({'lstm': nn.LSTM(…, num_layers, bidirectional),
///   'fc': nn.Linear(…)})`: `lstm.weight_ih_l0`, `lstm.weight_ih_l0_reverse`, …, `fc.weight`.
extension Model {
    /// The Keras layer class of the cell (`LSTM`, `GRU`, `SimpleRNN`), from its layer expression.
    func kerasClass() throws(TensorError) -> String {
        let e = try cellSpec.frameworkLayer(.keras, input: config.input, extra: [])
        let name = e.dropFirst("keras.layers.".count).prefix { $0 != "(" }
        return String(name)
    }

    /// `SimpleRNN` → `simple_rnn`, Keras's default layer names.
    static func snake(_ s: String) -> String {
        var out = ""
        let chars = Array(s)
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0, chars[i - 1].isLowercase || (i + 1 < chars.count && chars[i + 1].isLowercase && chars[i - 1].isUppercase) {
                out += "_"
            }
            out += c.lowercased()
        }
        return out
    }

    /// The weights in `framework`'s names and layout, in the order its loader wants them.
    public func frameworkWeights(_ framework: Framework) throws(TensorError) -> [(String, NDArray)] {
        let w = weights()
        guard let dw = w[Model.denseWeightsName], let db = w[Model.denseBiasName] else { return [] }
        var out: [(String, NDArray)] = []
        switch framework {
        case .tf:
            for v in variables { if let a = w[v.name] { out.append((v.name, a)) } }
            if config.cell.hasForgetBias { out.append(("forget_bias", NDArray(scalar: config.forgetBias))) }
            if let a = Model.activationMember(config.cell, config.cellOptions) { out.append(a) }
            return out
        case .keras:
            let layer = Model.snake(try kerasClass())
            for slot in layout.slots {
                let c = cell(layer: slot.layer, direction: slot.direction)
                let suffix = slot.layer > 0 ? "_\(slot.layer)" : ""
                let prefix = config.bidirectional
                    ? "bidirectional\(suffix)/\(slot.direction == 0 ? "forward" : "backward")_\(layer)/"
                    : "\(layer)\(suffix)/"
                for (n, a) in try c.frameworkWeights(.keras) { out.append((prefix + n, a)) }
            }
            return out + [("dense/kernel", dw), ("dense/bias", db)]
        case .torch:
            let module = config.cell.rawValue
            for slot in layout.slots {
                let c = cell(layer: slot.layer, direction: slot.direction)
                let suffix = "_l\(slot.layer)" + (slot.direction == 1 ? "_reverse" : "")
                for (n, a) in try c.frameworkWeights(.torch) { out.append(("\(module).\(n)\(suffix)", a)) }
            }
            return out + [("fc.weight", try dw.T.contiguous()), ("fc.bias", db)]
        }
    }

    /// The RNN cell's non-default activation as a tf export's `activation` member (its word in
    /// UTF-8 bytes, as checkpoints keep words): like `forget_bias`, not a variable, kept so the
    /// file says what it computes (the recipe's cell expression passes it to TF). nil for tanh,
    /// so exports of tanh cells are what they were before cells had an activation.
    public static func activationMember(_ kind: CellKind, _ options: CellOptions) -> (String, NDArray)? {
        guard kind.hasActivation, options.activation != .tanh else { return nil }
        let bytes = Array(options.activation.rawValue.utf8)
        guard let a = try? NDArray(bytes, shape: [bytes.count]) else { return nil }
        return ("activation", a)
    }

    /// The three lines of Python that load `file` (written by `frameworkWeights`) in `framework`.
    public func recipe(_ framework: Framework, file: String) throws(TensorError) -> [String] {
        let (I, U, K, L) = (config.input, config.units, config.classes, config.layers)
        let features = config.directions * U
        switch framework {
        case .tf:
            let cell = try cellSpec.frameworkLayer(.tf, input: I, extra: [])
            let build: String
            switch (L > 1, config.bidirectional) {
            case (false, false): build = "outputs, state = tf.nn.static_rnn(\(cell), xs, dtype=tf.float32)"
            case (true, false): build = "outputs, state = tf.nn.static_rnn(tf.nn.rnn_cell.MultiRNNCell([\(cell) for _ in range(\(L))]), xs, dtype=tf.float32)"
            case (false, true): build = "outputs, fw, bw = tf.nn.static_bidirectional_rnn(\(cell), \(cell), xs, dtype=tf.float32)"
            case (true, true): build = "# per layer l: with tf.variable_scope('stack_bidirectional_rnn/cell_%d' % l): tf.nn.static_bidirectional_rnn(\(cell), \(cell), xs, dtype=tf.float32)"
            }
            return ["import os; os.environ['TF_USE_LEGACY_KERAS'] = '1'; import numpy as np, tensorflow.compat.v1 as tf; tf.disable_eager_execution()  # then the tutorial's graph: xs = tf.unstack(x, \(config.steps), 1); \(build)",
                    "z = np.load('\(file)')",
                    "sess.run([v.assign(z[v.op.name]) for v in tf.global_variables() if v.op.name in z.files])"]
        case .keras:
            var layers: [String] = []
            for l in 0..<L {
                var layer = try cellSpec.frameworkLayer(.keras, input: I, extra: l < L - 1 ? ["return_sequences=True"] : [])
                if config.bidirectional { layer = "keras.layers.Bidirectional(\(layer))" }
                layers.append(layer)
            }
            return ["import numpy as np, keras",
                    "model = keras.Sequential([keras.Input((\(config.steps), \(I))), \(layers.joined(separator: ", ")), keras.layers.Dense(\(K))])",
                    "z = np.load('\(file)'); model.set_weights([z[k] for k in z.files])"]
        case .torch:
            var extra: [String] = []
            if L > 1 { extra.append("num_layers=\(L)") }
            if config.bidirectional { extra.append("bidirectional=True") }
            let rnn = try cellSpec.frameworkLayer(.torch, input: I, extra: extra)
            return ["import numpy as np, torch",
                    "model = torch.nn.ModuleDict({'\(config.cell.rawValue)': \(rnn), 'fc': torch.nn.Linear(\(features), \(K))})",
                    "model.load_state_dict({k: torch.from_numpy(v) for k, v in np.load('\(file)').items()})"]
        }
    }

    /// A model from a PyTorch state_dict (`{name: array}`, saved with
    /// `np.savez(f, **{k: v.numpy() for k, v in sd.items()})`) of the shape `recipe(.torch)`
    /// builds: one `nn.LSTM`/`nn.RNN` module (any name) with `weight_ih_l0`, … (and `_reverse`)
    /// and an `nn.Linear` `fc`. The cell kind follows from the gate blocks (4: LSTM, 1: RNN; a
    /// GRU is refused with the reason). Images are read as `steps = input` rows.
    public static func fromTorch(_ sd: [String: NDArray], seed: UInt64 = 0) throws(TensorError) -> Model? {
        guard let first = sd.keys.sorted().first(where: { $0.hasSuffix("weight_ih_l0") }) else { return nil }
        let prefix = String(first.dropLast("weight_ih_l0".count))
        guard let fcW = sd["fc.weight"], let fcB = sd["fc.bias"], fcW.ndim == 2, fcB.ndim == 1 else {
            throw TensorError("a PyTorch state_dict with '\(first)' also needs 'fc.weight' and 'fc.bias' (the nn.Linear on the last output)")
        }
        guard let ih = sd[first], ih.ndim == 2, let hh = sd[prefix + "weight_hh_l0"], hh.ndim == 2, hh.shape[1] > 0,
              hh.shape[0] % hh.shape[1] == 0 else {
            throw TensorError("'\(prefix)weight_hh_l0' must have shape (blocks*units, units)")
        }
        let units = hh.shape[1], blocks = hh.shape[0] / units, input = ih.shape[1]
        guard let kind = CellKind.allCases.first(where: { $0.gateBlocks == blocks }) else {
            throw TensorError("'\(prefix)weight_hh_l0' has \(blocks) gate blocks; no cell has that many (LSTM 4, GRU 3, RNN 1)")
        }
        var layers = 0
        while sd[prefix + "weight_ih_l\(layers)"] != nil { layers += 1 }
        let bidirectional = sd[prefix + "weight_ih_l0_reverse"] != nil
        var config = ModelConfig(steps: input, input: input, units: units, classes: fcW.shape[0], seed: seed)
        config.cell = kind; config.layers = layers; config.bidirectional = bidirectional
        let model = try Model(config: config)
        var tf: [String: NDArray] = [:]
        for slot in model.layout.slots {
            let suffix = "_l\(slot.layer)" + (slot.direction == 1 ? "_reverse" : "")
            var w: [String: NDArray] = [:]
            for n in ["weight_ih", "weight_hh", "bias_ih", "bias_hh"] {
                guard let a = sd[prefix + n + suffix] else { throw TensorError("missing '\(prefix + n + suffix)'") }
                w[n] = a
            }
            let cellWeights = try model.cellSpec.tfWeights(from: w, framework: .torch, input: slot.input)
            let scope = model.scope(layer: slot.layer, direction: slot.direction)
            for (n, a) in cellWeights { tf[scope + "/" + n] = a }
        }
        try ArrayConversion.expect(fcW, shape: [config.classes, model.layout.features], "fc.weight")
        tf[Model.denseWeightsName] = try fcW.T.contiguous()
        tf[Model.denseBiasName] = fcB
        try model.setWeights(tf)
        return model
    }
}

extension Model {
    /// The Keras layer name of a kind's layer (`lstm`, `gru`, `simple_rnn`).
    static func kerasLayerName(_ kind: CellKind) -> String? {
        kerasClassName(kind).map(snake)
    }

    /// The Keras layer class of a kind (`LSTM`, `GRU`, `SimpleRNN`).
    public static func kerasClassName(_ kind: CellKind) -> String? {
        guard let e = try? kind.cell(units: 1, options: CellOptions()).frameworkLayer(.keras, input: 1, extra: []) else { return nil }
        return String(e.dropFirst("keras.layers.".count).prefix { $0 != "(" })
    }

    /// A model from Keras weights named as `get_weights()` lists them under their layers —
    /// `lstm/kernel`, `lstm/recurrent_kernel`, `lstm/bias`, (`lstm_1/…` stacked,
    /// `bidirectional/forward_lstm/…` and `backward_lstm` bidirectional), `dense/kernel`,
    /// `dense/bias` — which is what `export format=keras` writes and what
    /// `np.savez(f, **{w.path.replace(':0', ''): w.numpy() for w in model.weights})` gives for
    /// the recipe's `Sequential`. A GRU must be `GRU(reset_after=False)` (TF1's GRUCell);
    /// Keras's default `reset_after=True` is refused with the reason. Images are read as
    /// `steps = input` rows unless `steps` says (a Keras model file's input shape does); the
    /// forget bias is 1 (Keras keeps it in the bias).
    ///
    /// `activation` is the SimpleRNN layers' (a Keras model file's configuration says it; bare
    /// weights cannot, and mean tanh, Keras's default).
    public static func fromKeras(_ w: [String: NDArray], steps: Int? = nil, seed: UInt64 = 0,
                                 activation: CellActivation = .tanh) throws(TensorError) -> Model? {
        guard let dk = w["dense/kernel"], let db = w["dense/bias"], dk.ndim == 2 else { return nil }
        var found: (CellKind, String, Bool)?
        for kind in CellKind.allCases {
            guard let layer = kerasLayerName(kind) else { continue }
            if w["\(layer)/kernel"] != nil { found = (kind, layer, false); break }
            if w["bidirectional/forward_\(layer)/kernel"] != nil { found = (kind, layer, true); break }
        }
        guard let (kind, layer, bidirectional) = found else { return nil }
        func prefix(_ l: Int, _ d: Int) -> String {
            let suffix = l > 0 ? "_\(l)" : ""
            return bidirectional ? "bidirectional\(suffix)/\(d == 0 ? "forward" : "backward")_\(layer)/" : "\(layer)\(suffix)/"
        }
        var layers = 0
        while w[prefix(layers, 0) + "kernel"] != nil { layers += 1 }
        guard let k0 = w[prefix(0, 0) + "kernel"], let r0 = w[prefix(0, 0) + "recurrent_kernel"], k0.ndim == 2, r0.ndim == 2 else {
            throw TensorError("'\(prefix(0, 0))kernel' and 'recurrent_kernel' must be 2-d")
        }
        // Every recurrent weight must belong to the stack found: a Keras stack mixing
        // Bidirectional and plain layers (or cell kinds) names its other layers differently
        // (`bidirectional/forward_lstm/…` then `lstm_1/…`), and loading the first form alone
        // would drop the rest. An rnnsh model has one form and one kind for all its layers.
        var stack = Set(["dense/kernel", "dense/bias"])
        for l in 0..<layers { for d in 0..<(bidirectional ? 2 : 1) { for n in ["kernel", "recurrent_kernel", "bias"] { stack.insert(prefix(l, d) + n) } } }
        let recurrentSuffixes = ["/kernel", "/recurrent_kernel", "/bias"]
        if let extra = w.keys.sorted().first(where: { k in !stack.contains(k) && recurrentSuffixes.contains { k.hasSuffix($0) } }) {
            let form = bidirectional ? "Bidirectional(\(kerasClassName(kind) ?? kind.rawValue))" : (kerasClassName(kind) ?? kind.rawValue)
            throw TensorError("'\(extra)' is not part of the stack of \(layers) \(form) layer\(layers == 1 ? "" : "s") that '\(prefix(0, 0))kernel' starts; an rnnsh model's layers are of one kind and every layer Bidirectional or none, so a stack mixing them cannot be loaded")
        }
        let units = r0.shape[0], input = k0.shape[0]
        var config = ModelConfig(steps: steps ?? input, input: input, units: units, classes: dk.shape[1], seed: seed)
        config.cell = kind; config.layers = layers; config.bidirectional = bidirectional
        if activation != .tanh {
            guard kind.hasActivation else {
                throw TensorError("activation '\(activation.rawValue)' is for SimpleRNN layers; a \(kerasClassName(kind) ?? kind.rawValue)'s activations are fixed in rnnsh")
            }
            config.activation = activation
        }
        let model = try Model(config: config)
        var tf: [String: NDArray] = [:]
        for slot in model.layout.slots {
            var cw: [String: NDArray] = [:]
            for n in ["kernel", "recurrent_kernel", "bias"] {
                guard let a = w[prefix(slot.layer, slot.direction) + n] else { throw TensorError("missing '\(prefix(slot.layer, slot.direction) + n)'") }
                cw[n] = a
            }
            let scope = model.scope(layer: slot.layer, direction: slot.direction)
            for (n, a) in try model.cellSpec.tfWeights(from: cw, framework: .keras, input: slot.input) { tf[scope + "/" + n] = a }
        }
        tf[Model.denseWeightsName] = dk
        tf[Model.denseBiasName] = db
        try model.setWeights(tf)
        return model
    }
}
