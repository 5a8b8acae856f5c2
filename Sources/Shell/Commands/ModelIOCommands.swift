import RNN
import Tensor

/// `export MODEL FILE format=tf|keras|torch`: the weights under another framework's names and
/// layouts, converted by the engine (gate order, split kernels, transposes, the forget bias).
/// (`save MODEL FILE` / `load FILE` — the checkpoint — go through the ordinary `save`/`load`,
/// see `ModelCheckpoint`.)
enum ModelIOCommands {
    static let all: [Command] = [export]

    static let formats = ["tf", "keras", "torch"]

    static let export = Command(
        name: "export", category: "Training",
        summary: "Write a model's (or cell's) weights as TensorFlow, Keras or PyTorch would name and lay them out.",
        parameters: [Parameter("model", .value, help: "a model or a cell"),
                     Parameter("file", .path, help: "the .npz to write")],
        options: [Parameter("format", .word, default: .string("tf"), help: "tf, keras or torch")],
        help: """
            `tf`: TF1's variables as the tutorial's graph names them — \
            `rnn/basic_lstm_cell/kernel (input+units, 4*units)` with gates i, j, f, o, \
            `rnn/basic_lstm_cell/bias`, `weights (units, classes)`, `biases`. \
            `keras`: `lstm/kernel (input, 4*units)`, `lstm/recurrent_kernel (units, 4*units)`, \
            `lstm/bias` with gates i, f, c, o and the forget bias added into the bias, then \
            `dense/kernel`, `dense/bias` — in `model.get_weights()` order, so \
            `model.set_weights([z[k] for k in z.files])` loads them. `torch`: an `nn.LSTM` + \
            `nn.Linear` state_dict: `lstm.weight_ih_l0 (4*units, input)`, `lstm.weight_hh_l0`, \
            `lstm.bias_ih_l0` (the whole bias, forget bias included), `lstm.bias_hh_l0` (zeros), \
            `fc.weight (classes, units)`, `fc.bias`. All three compute the same function.
            """,
        examples: [Example("lstm = cell 4\n_ = unroll lstm (zeros 2 1 3)\nexport lstm cell_keras.npz format=keras\nw = load cell_keras.npz\nw")],
        run: { call in
            let format = call.arguments.string("format") ?? "tf"
            guard formats.contains(format) else {
                throw call.error("format must be one of 'tf', 'keras', 'torch', got '\(format)'", argument: "format")
            }
            let members: [(name: String, array: NDArray)]
            switch call.arguments["model"] {
            case .object(let o as ModelObject):
                members = try modelMembers(o.model, format: format)
            case .object(let o as CellObject):
                members = try cellMembers(o.cell, format: format, prefix: "")
            case let v:
                throw call.error("export takes a model or a cell, got \(v.typeName)", argument: "model")
            }
            let path = try call.path("file")
            try NPZFile.write(members, to: path.lowercased().hasSuffix(".npz") ? path : path + ".npz")
            return .none
        })

    /// A model's weights in `format`.
    static func modelMembers(_ model: Model, format: String) throws(TensorError) -> [(name: String, array: NDArray)] {
        let w = model.weights()
        guard let dw = w[Model.denseWeightsName], let db = w[Model.denseBiasName] else { return [] }
        switch format {
        case "keras":
            return try cellMembers(model.cell, format: format, prefix: "lstm/") + [("dense/kernel", dw), ("dense/bias", db)]
        case "torch":
            return try cellMembers(model.cell, format: format, prefix: "lstm.") + [("fc.weight", dw.T.contiguous()), ("fc.bias", db)]
        default:
            return ModelObject.weightOrder.compactMap { n in w[n].map { (n, $0) } }
        }
    }

    /// A cell's weights in `format`, names prefixed (`lstm/`, `lstm.`; TF's are full names).
    static func cellMembers(_ cell: LSTMCell, format: String, prefix: String) throws(TensorError) -> [(name: String, array: NDArray)] {
        switch format {
        case "keras":
            let k = try cell.kerasWeights()
            return [(prefix + "kernel", k.kernel), (prefix + "recurrent_kernel", k.recurrentKernel), (prefix + "bias", k.bias)]
        case "torch":
            let t = try cell.torchWeights()
            return [(prefix + "weight_ih_l0", t.weightIH), (prefix + "weight_hh_l0", t.weightHH),
                    (prefix + "bias_ih_l0", t.biasIH), (prefix + "bias_hh_l0", t.biasHH)]
        default:
            guard let k = cell.kernel, let b = cell.bias else {
                throw TensorError("the cell has no weights yet", explanation: "its input size is bound on first use; unroll it once or load weights")
            }
            return [(prefix.isEmpty ? Model.kernelName : prefix + "kernel", k), (prefix.isEmpty ? Model.biasName : prefix + "bias", b)]
        }
    }
}
