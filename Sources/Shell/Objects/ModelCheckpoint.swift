import RNN
import Tensor

/// The `.npz` checkpoint `save MODEL FILE` writes and `load FILE` recognises. Self-describing:
/// every member is a plain array numpy reads (`np.load(f)['config/units']`), strings are UTF-8
/// bytes (`bytes(z['info/dataset']).decode()`), and `rnnsh_checkpoint` holds the format version,
/// so a later rnnsh can refuse (or convert) what it does not understand.
///
/// Members: `rnnsh_checkpoint` (int64, the version); `config/*` (steps, input, units, classes,
/// forget_bias, seed, output_init, learning_rate, beta1, beta2, epsilon; since version 2 also
/// cell (`lstm`/`gru`/`rnn`, UTF-8), layers, bidirectional (0/1), keep_prob, order
/// (`rows`/`columns`), activation (`tanh`/`relu`/`sigmoid`, UTF-8; the plain RNN cell's —
/// absent in files written before it existed, meaning tanh) and threads (the count training
/// used, which a resumed run keeps; absent: 2)); the weights under the TF variable names of the model's graph
/// (`rnn/basic_lstm_cell/kernel`, …, `weights`, `biases`; see `Model.variables`); Adam's
/// state (`adam/m`, `adam/v`, `adam/steps`) so training resumes exactly; `history/*` and
/// `info/*` (what `model.history` and the model's summary show).
///
/// Version 1 files (before cells other than the LSTM existed) are read as a one-layer LSTM.
/// A version-2 member that is missing takes its version-1 meaning; one that is present is
/// checked like every other (a known word, a count in range, a probability in (0, 1]).
enum ModelCheckpoint {
    static let versionName = "rnnsh_checkpoint"
    static let version: Int64 = 2

    static func members(of m: ModelObject) -> [(name: String, array: NDArray)] {
        let c = m.model.config
        var out: [(name: String, array: NDArray)] = [(versionName, NDArray(scalar: version))]
        func int(_ name: String, _ v: Int) { out.append(("config/" + name, NDArray(scalar: Int64(v)))) }
        func float(_ name: String, _ v: Float) { out.append(("config/" + name, NDArray(scalar: v))) }
        int("steps", c.steps); int("input", c.input); int("units", c.units); int("classes", c.classes)
        float("forget_bias", c.forgetBias)
        out.append(("config/seed", NDArray(scalar: Int64(bitPattern: c.seed))))
        out.append(("config/output_init", text(c.outputInit.rawValue)))
        float("learning_rate", c.adam.learningRate); float("beta1", c.adam.beta1)
        float("beta2", c.adam.beta2); float("epsilon", c.adam.epsilon)
        out.append(("config/cell", text(c.cell.rawValue)))
        int("layers", c.layers); int("bidirectional", c.bidirectional ? 1 : 0)
        float("keep_prob", c.keepProb)
        out.append(("config/order", text(c.order.rawValue)))
        out.append(("config/activation", text(c.activation.rawValue)))
        int("threads", c.threads)
        let w = m.model.weights()
        for v in m.model.variables { if let a = w[v.name] { out.append((v.name, a)) } }
        let s = m.model.optimizerState()
        for name in ["adam/m", "adam/v", "adam/steps"] { if let a = s[name] { out.append((name, a)) } }
        for f in m.history.record.fields { if case .array(let a) = f.value { out.append(("history/" + f.name, a)) } }
        out.append(("info/dataset", text(m.info.dataName)))
        out.append(("info/outcome", text(m.info.outcome)))
        out.append(("info/examples", NDArray(scalar: Int64(m.info.examples))))
        out.append(("info/batch", NDArray(scalar: Int64(m.info.batch))))
        out.append(("info/epochs", NDArray(scalar: Int64(m.info.epochs))))
        if !m.classNames.isEmpty { out.append(("info/class_names", text(m.classNames.joined(separator: "\n")))) }
        return out
    }

    /// True when the archive says it is a checkpoint (whatever its version).
    static func isCheckpoint(_ members: [(name: String, array: NDArray)]) -> Bool {
        members.contains { $0.name == versionName }
    }

    /// The model a checkpoint holds. Every member is checked before anything is built: a
    /// damaged or foreign file gives one error naming what is wrong, never a crash.
    static func model(from members: [(name: String, array: NDArray)], file: String) throws(ShellError) -> ModelObject {
        var byName: [String: NDArray] = [:]
        for m in members { byName[m.name] = m.array }
        func fail(_ what: String) -> ShellError { ShellError("\(file): not a usable rnnsh checkpoint: \(what)") }
        func member(_ name: String) throws(ShellError) -> NDArray {
            guard let a = byName[name] else { throw fail("missing member '\(name)'") }
            return a
        }
        func int(_ name: String, _ range: ClosedRange<Int>) throws(ShellError) -> Int {
            let a = try member(name)
            guard a.size == 1, a.dtype.isInteger, case .int(let v)? = a.scalars.first, v >= Int64(range.lowerBound), v <= Int64(range.upperBound) else {
                throw fail("'\(name)' must be one integer in \(range.lowerBound)…\(range.upperBound)")
            }
            return Int(v)
        }
        func float(_ name: String) throws(ShellError) -> Float {
            let a = try member(name)
            guard a.size == 1, let v = a.scalars.first?.doubleValue, v.isFinite else { throw fail("'\(name)' must be one finite number") }
            return Float(v)
        }
        let v = try int(versionName, 0...Int(Int32.max))
        guard v == 1 || v == Int(version) else {
            throw ShellError("\(file): checkpoint format version \(v); this rnnsh reads version \(version)",
                             explanation: v > Int(version) ? "it was written by a newer rnnsh" : nil)
        }
        var config = ModelConfig()
        config.steps = try int("config/steps", 1...10_000)
        config.input = try int("config/input", 1...1_000_000)
        config.units = try int("config/units", 1...16_384)
        config.classes = try int("config/classes", 1...1_000_000)
        config.forgetBias = try float("config/forget_bias")
        let seed = try member("config/seed")
        guard seed.size == 1, seed.dtype.isInteger, case .int(let sv)? = seed.scalars.first else {
            throw fail("'config/seed' must be one integer")
        }
        config.seed = UInt64(bitPattern: sv)
        let initName = try string(try member("config/output_init"))
        guard let outputInit = initName.flatMap(OutputInit.init(rawValue:)) else { throw fail("unknown config/output_init") }
        config.outputInit = outputInit
        config.adam = AdamConfig(learningRate: try float("config/learning_rate"), beta1: try float("config/beta1"),
                                 beta2: try float("config/beta2"), epsilon: try float("config/epsilon"))
        if byName["config/cell"] != nil {
            guard let word = string(try member("config/cell")), let kind = CellKind(rawValue: word) else {
                throw fail("'config/cell' must be one of \(CellKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            config.cell = kind
        }
        if byName["config/layers"] != nil { config.layers = try int("config/layers", 1...64) }
        if byName["config/bidirectional"] != nil { config.bidirectional = try int("config/bidirectional", 0...1) == 1 }
        if byName["config/keep_prob"] != nil {
            let k = try float("config/keep_prob")
            guard k > 0 && k <= 1 else { throw fail("'config/keep_prob' must be in (0, 1]") }
            config.keepProb = k
        }
        if byName["config/order"] != nil {
            guard let word = string(try member("config/order")), let order = SequenceOrder(rawValue: word) else {
                throw fail("'config/order' must be 'rows' or 'columns'")
            }
            config.order = order
        }
        // The thread count decides how a batch is cut into chunks, so a resumed run needs it
        // to give the losses of an uninterrupted one; files without it meant the default 2.
        if byName["config/threads"] != nil { config.threads = try int("config/threads", 1...64) }
        if byName["config/activation"] != nil {
            guard let word = string(try member("config/activation")), let a = CellActivation(rawValue: word) else {
                throw fail("'config/activation' must be one of \(CellActivation.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            config.activation = a
        }
        // Everything that decides memory or makes training impossible is refused here, with
        // the reason, before the model is allocated (ModelConfigValidation grows with the config).
        if let problem = ModelConfigValidation.problems(config).first { throw fail(problem) }
        // Weights and optimizer moments must be numbers: a NaN weight loads "fine" and every
        // prediction is then class 0.
        for m in members where m.array.dtype.isFloat && !m.name.hasPrefix("history/") {
            if m.array.scalars.contains(where: { !$0.doubleValue.isFinite }) {
                throw fail("'\(UntrustedText.escaped(m.name))' contains NaN or infinity")
            }
        }
        // The weights must fit the config before the model is built: the config alone decides
        // how much is allocated, and a file whose weights do not match it is refused at once.
        for v in Model.variables(for: config) {
            let a = try member(v.name)
            if a.shape != v.shape {
                throw fail("weight '\(v.name)' has shape \(shapeString(a.shape)), expected \(shapeString(v.shape))")
            }
        }
        let model: Model
        do {
            model = try Model(config: config)
            var weights: [String: NDArray] = [:]
            for v in model.variables { weights[v.name] = try member(v.name) }
            try model.setWeights(weights)
            if byName["adam/m"] != nil {
                try model.setOptimizerState(["adam/m": try member("adam/m"), "adam/v": try member("adam/v"), "adam/steps": try member("adam/steps")])
            }
        } catch let e as ShellError {
            throw e
        } catch let e as TensorError {
            throw fail(e.message)
        } catch {
            throw fail("\(error)")
        }
        var history = TrainingHistory()
        func doubles(_ name: String) -> [Double] { byName["history/" + name]?.scalars.map(\.doubleValue) ?? [] }
        func floats(_ name: String) -> [Float] { byName["history/" + name]?.scalars.map { Float($0.doubleValue) } ?? [] }
        history.epochLoss = doubles("loss"); history.meanLoss = doubles("mean_loss"); history.accuracy = doubles("accuracy")
        history.valAccuracy = doubles("val_accuracy"); history.seconds = doubles("seconds")
        history.batchLoss = floats("batch_loss"); history.batchAccuracy = floats("batch_accuracy")
        var info = TrainingInfo()
        // Strings from the file are shown later: their control characters are escaped now, so
        // a crafted checkpoint cannot write to the terminal (OSC 52, clear screen).
        info.dataName = UntrustedText.escaped(byName["info/dataset"].flatMap(string) ?? "")
        info.outcome = UntrustedText.escaped(byName["info/outcome"].flatMap(string) ?? "loaded")
        func infoInt(_ name: String) -> Int {
            guard let a = byName["info/" + name], a.size == 1, case .int(let v)? = a.scalars.first, v >= 0, v < 1 << 40 else { return 0 }
            return Int(v)
        }
        info.examples = infoInt("examples"); info.batch = infoInt("batch"); info.epochs = infoInt("epochs")
        let names = byName["info/class_names"].flatMap(string).map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { UntrustedText.escaped(String($0)) } } ?? []
        return ModelObject(model, history: history, info: info, classNames: names.count == config.classes ? names : [])
    }

    /// A string as a uint8 array of its UTF-8 bytes.
    static func text(_ s: String) -> NDArray {
        let bytes = Array(s.utf8)
        return (try? NDArray(bytes, shape: [bytes.count])) ?? NDArray([UInt8]())
    }

    /// The string a uint8 array holds (nil when it is not UTF-8 bytes).
    static func string(_ a: NDArray) -> String? {
        guard a.dtype == .uint8, a.ndim == 1, let bytes = a.elements(as: UInt8.self) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// Turns a loaded `.npz` into the object it stores, when it is one: an rnnsh checkpoint gives a
/// model; an archive of exactly a cell's TF variables (`kernel`, `bias` for the LSTM and the
/// RNN; `gates/kernel`, … for the GRU), optionally `forget_bias`, `activation` (the RNN cell's)
/// and `cell` (the kind; absent means the LSTM), gives a cell; a PyTorch state_dict saved with numpy gives a model (see
/// `FrameworkImport`). Anything else is left to `load`'s list/record rules.
enum ObjectArchives {
    static func value(from members: [(name: String, array: NDArray)], file: String) throws(ShellError) -> Value? {
        if ModelCheckpoint.isCheckpoint(members) {
            return .object(try ModelCheckpoint.model(from: members, file: file))
        }
        var byName: [String: NDArray] = [:]
        for m in members { byName[m.name] = m.array }
        var kind = CellKind.standard
        if let k = byName["cell"] {
            guard let word = ModelCheckpoint.string(k), let parsed = CellKind(rawValue: word) else {
                throw ShellError("\(file): 'cell' must name a cell kind: \(CellKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kind = parsed
        }
        var activation = CellActivation.tanh
        if let a = byName["activation"] {
            guard kind.hasActivation, let word = ModelCheckpoint.string(a), let parsed = CellActivation(rawValue: word) else {
                throw ShellError("\(file): 'activation' must name the plain RNN cell's activation: \(CellActivation.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            activation = parsed
        }
        let names = Set(members.map(\.name)).subtracting(["forget_bias", "cell", "activation"])
        let expected = Set((try? Cell(kind: kind, units: 1))?.variablesFor(input: 1).map(\.name) ?? [])
        if !names.isEmpty, names == expected {
            var forgetBias: Float = 1
            if let f = byName["forget_bias"] {
                guard f.size == 1, let v = f.scalars.first?.doubleValue, v.isFinite else {
                    throw ShellError("\(file): forget_bias must be one finite number")
                }
                forgetBias = Float(v)
            }
            do {
                return .object(CellObject(try Cell(kind: kind, weights: byName, options: CellOptions(forgetBias: forgetBias, activation: activation))))
            } catch {
                throw ShellError("\(file): not a \(kind.tfClass): \(error.message)")
            }
        }
        if let model = try FrameworkImport.torchModel(byName, file: file) { return .object(model) }
        if let model = try FrameworkImport.kerasModel(byName, file: file) { return .object(model) }
        return nil
    }
}
