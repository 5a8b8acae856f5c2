import Interop
import RNN
import Tensor

/// `export MODEL FILE format=tf|keras|torch`: the weights under another framework's names and
/// layouts, converted by the engine (gate order, split kernels, transposes, the forget bias).
/// (`save MODEL FILE` / `load FILE` — the checkpoint — go through the ordinary `save`/`load`,
/// see `ModelCheckpoint`.)
enum ModelIOCommands {
    static let all: [Command] = [export]

    static let export = Command(
        name: "export", category: "Training",
        summary: "Write a model's (or cell's) weights as TensorFlow, Keras or PyTorch would name and lay them out, and print the Python that loads them.",
        parameters: [Parameter("model", .value, help: "a model or a cell"),
                     Parameter("file", .path, help: "the .npz to write (format=torch: or a .pt, as torch.save writes)")],
        options: [Parameter("format", .word, default: .string("tf"), help: "tf, keras or torch").choices(["tf", "keras", "torch"])],
        help: """
            `tf`: TF1's variables as the tutorial's graph names them — \
            `rnn/basic_lstm_cell/kernel (input+units, 4*units)` with gates i, j, f, o, \
            `rnn/basic_lstm_cell/bias`, `weights (units, classes)`, `biases` (stacked: \
            `rnn/multi_rnn_cell/cell_0/…`; bidirectional: `bidirectional_rnn/fw/…`), and \
            `forget_bias`. `keras`: the `Sequential` model's `get_weights()` in order — \
            `lstm/kernel (input, 4*units)`, `lstm/recurrent_kernel (units, 4*units)`, \
            `lstm/bias` with gates i, f, c, o and the forget bias added into the bias, then \
            `dense/kernel`, `dense/bias`; a GRU becomes Keras's `GRU(reset_after=False)`, \
            the one Keras GRU that computes TF1's GRUCell. `torch`: the state_dict of \
            `ModuleDict({'lstm': nn.LSTM(…), 'fc': nn.Linear(…)})`: `lstm.weight_ih_l0 \
            (4*units, input)`, `lstm.weight_hh_l0`, `lstm.bias_ih_l0` (the whole bias, forget \
            bias included), `lstm.bias_hh_l0` (zeros), `fc.weight (classes, units)`, `fc.bias`; \
            a GRU is refused (PyTorch's nn.GRU applies the reset gate after the product, a \
            different function). All compute the same function. With format=torch a file \
            named `.pt` is written as `torch.save(model.state_dict(), f)` writes it \
            (`torch.load` reads it, `load` too). After writing, prints the three lines of \
            Python that load the file in its framework.
            """,
        examples: [Example("lstm = cell 4\n_ = unroll lstm (zeros 2 1 3)\nexport lstm cell_keras.npz format=keras\nw = load cell_keras.npz\nw"),
                   Example("data = mnist\nm = train data cell=rnn epochs=1 examples=256 batch=32 units=8\nexport m m.pt format=torch\nload m.pt", deterministic: false)],
        run: { call in
            let word = call.arguments.string("format") ?? "tf"
            guard let format = Framework(rawValue: word) else {
                throw call.error("format must be one of \(Framework.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), got '\(word)'", argument: "format")
            }
            _ = try call.path("file")
            let given = call.arguments.string("file") ?? ""
            // format=torch to a .pt: the file torch.save(state_dict) writes, for torch.load.
            let isPT = format == .torch && given.lowercased().hasSuffix(".pt")
            let ext = isPT ? ".pt" : ".npz"
            let file = try call.writablePath(given, ext: ext)
            let shown = given.lowercased().hasSuffix(ext) ? given : given + ext
            let members: [(name: String, array: NDArray)]
            let recipe: [String]
            switch call.arguments["model"] {
            case .object(let o as ModelObject):
                members = try o.model.frameworkWeights(format).map { (name: $0.0, array: $0.1) }
                recipe = try o.model.recipe(format, file: shown)
            case .object(let o as CellObject):
                members = try cellMembers(o.cell, format: format)
                recipe = cellRecipe(o.cell, format: format, file: shown)
            case let v:
                throw call.error("export takes a model or a cell, got \(v.typeName)", argument: "model")
            }
            if isPT {
                try AtomicWrite.write(TorchStateDictFile.encode(members), to: file)
                var lines = recipe
                if lines.count == 3 {
                    lines[0] = "import torch"
                    lines[2] = lines[2].hasPrefix("model.")
                        ? "model.load_state_dict(torch.load('\(shown)'))"
                        : "rnn.load_state_dict(torch.load('\(shown)'))  # rnn: the nn.LSTM/nn.RNN of the same size"
                    if lines[2].hasPrefix("rnn.") { lines[1] = "# build rnn, then:" }
                }
                call.print(lines.joined(separator: "\n"))
                return .none
            }
            try NPZFile.write(members, to: file)
            call.print(recipe.joined(separator: "\n"))
            return .none
        })

    /// A cell's weights in `format`: TF's names as the tutorial's graph scopes them
    /// (`rnn/basic_lstm_cell/kernel`, and `forget_bias`), Keras's `kernel`, … and PyTorch's
    /// `weight_ih_l0`, ….
    static func cellMembers(_ cell: Cell, format: Framework) throws(TensorError) -> [(name: String, array: NDArray)] {
        let w = try cell.frameworkWeights(format)
        switch format {
        case .tf:
            var out = w.map { (name: "rnn/\(cell.kind.scope)/\($0.0)", array: $0.1) }
            if cell.kind.hasForgetBias { out.append((name: "forget_bias", array: NDArray(scalar: cell.options.forgetBias))) }
            if let a = Model.activationMember(cell.kind, cell.options) { out.append((name: a.0, array: a.1)) }
            return out
        case .keras: return w.map { (name: $0.0, array: $0.1) }
        case .torch: return w.map { (name: $0.0 + "_l0", array: $0.1) }
        }
    }

    /// The three lines that load a cell's export.
    static func cellRecipe(_ cell: Cell, format: Framework, file: String) -> [String] {
        switch format {
        case .tf:
            return ["import os; os.environ['TF_USE_LEGACY_KERAS'] = '1'; import numpy as np, tensorflow.compat.v1 as tf; tf.disable_eager_execution()  # then build the cell under the scope 'rnn' (tf.nn.static_rnn)",
                    "z = np.load('\(file)')",
                    "sess.run([v.assign(z[v.op.name]) for v in tf.global_variables() if v.op.name in z.files])"]
        case .keras:
            // A non-default activation must reach the layer too, so it is named where it applies.
            let layer = cell.options.activation == .tanh || !cell.kind.hasActivation ? "the Keras recurrent layer of the same size"
                : ((try? cell.frameworkLayer(.keras)) ?? "the Keras recurrent layer of the same size")
            return ["import numpy as np",
                    "z = np.load('\(file)')",
                    "layer.set_weights([z[k] for k in z.files])  # layer: \(layer), built"]
        case .torch:
            let rnn = cell.options.activation == .tanh || !cell.kind.hasActivation ? "the nn.LSTM/nn.RNN of the same size"
                : ((try? cell.frameworkLayer(.torch)) ?? "the nn.RNN of the same size")
            return ["import numpy as np, torch",
                    "z = np.load('\(file)')",
                    "rnn.load_state_dict({k: torch.from_numpy(v) for k, v in z.items()})  # rnn: \(rnn)"]
        }
    }
}

/// Models from other frameworks' weight files that `load` recognises: a PyTorch state_dict saved
/// with numpy, `np.savez(f, **{k: v.numpy() for k, v in sd.items()})` — the modules `export
/// format=torch` describes (one `nn.LSTM`/`nn.RNN`, any name, and an `nn.Linear` named `fc`) —
/// and Keras weights saved with numpy under their layer names (`lstm/kernel`, …, `dense/bias`).
enum FrameworkImport {
    static func torchModel(_ members: [String: NDArray], file: String) throws(ShellError) -> ModelObject? {
        do {
            guard let model = try Model.fromTorch(members) else { return nil }
            var info = TrainingInfo()
            info.outcome = "imported from PyTorch"
            return ModelObject(model, info: info)
        } catch {
            throw ShellError("\(file): not a usable PyTorch state_dict: \(error.message)")
        }
    }

    /// Keras weights named by layer (`lstm/kernel`, …, `dense/bias`), as `export format=keras`
    /// writes them; see `Model.fromKeras`.
    static func kerasModel(_ members: [String: NDArray], file: String) throws(ShellError) -> ModelObject? {
        do {
            guard let model = try Model.fromKeras(members) else { return nil }
            var info = TrainingInfo()
            info.outcome = "imported from Keras"
            return ModelObject(model, info: info)
        } catch {
            throw ShellError("\(file): not usable Keras weights: \(error.message)")
        }
    }

    /// A Keras model saved in HDF5 (`model.save('m.h5')`, `model.save_weights('m.weights.h5')`).
    static func hdf5Model(path: String, file: String) throws(ShellError) -> ModelObject {
        do throws(TensorError) {
            let bytes = try BinaryFile.readAll(path: path)
            return imported(try KerasModelFile.model(hdf5: bytes, name: file), from: "Keras")
        } catch {
            throw ShellError(error.message, explanation: error.explanation)
        }
    }

    /// The model in a zip that is a Keras `.keras` archive or a PyTorch `torch.save` of a
    /// state_dict (or nil: an ordinary `.npz`).
    static func archiveModel(path: String, file: String) throws(ShellError) -> ModelObject? {
        var byName: [String: NDArray] = [:]
        do throws(TensorError) {
            let zip = try ZipArchive(bytes: BinaryFile.readAll(path: path), name: file)
            if KerasModelFile.isKerasArchive(zip) { return imported(try KerasModelFile.model(keras: zip), from: "Keras") }
            guard TorchStateDictFile.isTorchArchive(zip) else { return nil }
            for m in try TorchStateDictFile.read(zip) { byName[m.name] = m.array }
        } catch {
            throw ShellError(error.message, explanation: error.explanation)
        }
        guard let model = try torchModel(byName, file: file) else {
            throw ShellError("\(file): a PyTorch state_dict, but not of a model rnnsh has: it needs an nn.LSTM or nn.RNN (weight_ih_l0, …) and an nn.Linear named fc")
        }
        return model
    }

    static func imported(_ model: Model, from framework: String) -> ModelObject {
        var info = TrainingInfo()
        info.outcome = "imported from \(framework)"
        return ModelObject(model, info: info)
    }
}
