import Foundation
import RNN
import Tensor

/// Keras models as Keras users save them, turned into rnnsh models:
/// - `model.save('m.keras')`: a zip of `config.json` (the layers) and `model.weights.h5`
///   (`layers/lstm/cell/vars/0…2`, `layers/bidirectional/forward_layer/cell/vars/…`,
///   `layers/dense/vars/0…1`; groups named after the layer class, numbered `_1`, `_2` in
///   order);
/// - `model.save('m.h5')` (the legacy format): the root attribute `model_config` and
///   `model_weights/<layer name>/…`, listed in order by each layer's `weight_names`;
/// - `model.save_weights('m.weights.h5')`: the weights without the configuration; the layers
///   are read from the groups' shapes (gate blocks say the cell), images as steps = input rows.
///
/// rnnsh models are recurrent layers of one cell kind (`LSTM`, `GRU(reset_after=False)`,
/// `SimpleRNN`, each optionally inside `Bidirectional`, all but the last with
/// `return_sequences=True`) followed by one `Dense` (linear, or softmax — rnnsh's logits then
/// give the same probabilities); `InputLayer` and `Dropout` (inactive at inference) are skipped.
/// A SimpleRNN's activation may be tanh, relu or sigmoid (one for all layers: the configuration
/// says which; a `.weights.h5` without one means tanh, as Keras's default).
/// Anything else is refused with the layer and the reason: other activations, `go_backwards`,
/// `stateful`, no bias, Keras's default `GRU(reset_after=True)` (a different function from TF1's
/// GRUCell), other layer classes. The weights then go through `Model.fromKeras`.
public enum KerasModelFile {
    /// One layer with weights, in model order.
    enum Layer {
        case recurrent(className: String?, weights: [NDArray])
        case bidirectional(className: String?, forward: [NDArray], backward: [NDArray])
        case dense(weights: [NDArray])
    }

    /// Whether `bytes` are a Keras `.keras` archive (a zip with `config.json` and `model.weights.h5`).
    public static func isKerasArchive(_ zip: ZipArchive) -> Bool {
        let names = Set(zip.entries.map(\.name))
        return names.contains("config.json") && names.contains("model.weights.h5")
    }

    /// The model in a `.keras` archive.
    public static func model(keras zip: ZipArchive) throws(TensorError) -> Model {
        let name = zip.name
        guard let c = zip.entries.first(where: { $0.name == "config.json" }),
              let w = zip.entries.first(where: { $0.name == "model.weights.h5" }) else {
            throw TensorError("\(name): not a Keras .keras archive (it needs config.json and model.weights.h5)")
        }
        let spec = try ConfigSpec(json: zip.contents(of: c), name: "\(name): config.json")
        let weights = try zip.contents(of: w)
        return try HDF5File.with(bytes: weights, name: "\(name): model.weights.h5") { (file: borrowing HDF5File) throws(TensorError) -> Model in
            var used: [String: Int] = [:]
            var layers: [Layer] = []
            for l in spec.layers {
                // saving_lib names each layer's group after its class, numbered in order.
                let base = snake(l.className)
                let n = used[base, default: 0]
                used[base] = n + 1
                guard l.hasWeights else { continue }
                let group = "layers/" + base + (n > 0 ? "_\(n)" : "")
                layers.append(try v3Layer(file, group: group, className: l.className))
            }
            return try build(layers, steps: spec.steps, activation: spec.activation, name: name)
        }
    }

    /// The model in an HDF5 file Keras wrote (`.h5` or `.weights.h5`).
    public static func model(hdf5 bytes: [UInt8], name: String) throws(TensorError) -> Model {
        try HDF5File.with(bytes: bytes, name: name) { (file: borrowing HDF5File) throws(TensorError) -> Model in
            if let text = try file.strings("/", attribute: "model_config"), let json = text.first {
                let spec = try ConfigSpec(json: Array(json.utf8), name: "\(name): model_config")
                var layers: [Layer] = []
                for l in spec.layers where l.hasWeights {
                    let group = "model_weights/" + l.name
                    guard let names = try file.strings(group, attribute: "weight_names") else {
                        throw TensorError("\(name): no weights for layer '\(UntrustedText.escaped(l.name))' (no '\(UntrustedText.escaped(group))' with weight_names)")
                    }
                    let arrays = try names.map { (n: String) throws(TensorError) -> NDArray in try file.floats(group + "/" + n) }
                    layers.append(try legacyLayer(arrays, className: l.className, layerName: l.name, name: name))
                }
                return try build(layers, steps: spec.steps, activation: spec.activation, name: name)
            }
            if file.kind("layers") == .group {
                // Keras 3's save_weights: groups only, in name order.
                var layers: [(order: (Int, String, Int), layer: Layer)] = []
                for g in try file.children("layers") {
                    let l = try v3Layer(file, group: "layers/" + g, className: nil)
                    let (base, number) = splitSuffix(g)
                    if case .dense = l { layers.append(((1, base, number), l)) } else { layers.append(((0, base, number), l)) }
                }
                layers.sort { $0.order < $1.order }
                return try build(layers.map(\.layer), steps: nil, name: name)
            }
            if let names = try file.strings("/", attribute: "layer_names") {
                // The legacy save_weights: the layer names in order, no configuration.
                var layers: [Layer] = []
                for n in names {
                    guard let wn = try file.strings(n, attribute: "weight_names") else { continue }
                    if wn.isEmpty { continue }
                    let arrays = try wn.map { (w: String) throws(TensorError) -> NDArray in try file.floats(n + "/" + w) }
                    layers.append(try legacyLayer(arrays, className: nil, layerName: n, name: name))
                }
                return try build(layers, steps: nil, name: name)
            }
            throw TensorError("\(name): an HDF5 file, but not one Keras wrote (no model_config, layers or layer_names)")
        }
    }

    // MARK: Layers from the files

    /// A layer of a Keras 3 weights file: `group/cell/vars/…` (recurrent),
    /// `group/forward_layer/cell/vars/…` and `backward_layer` (bidirectional), `group/vars/…` (dense).
    static func v3Layer(_ file: borrowing HDF5File, group: String, className: String?) throws(TensorError) -> Layer {
        func vars(_ path: String) throws(TensorError) -> [NDArray] {
            let names = try file.children(path).compactMap { Int($0) }.sorted()
            guard names == Array(0..<names.count) else {
                throw TensorError("\(file.name): '\(UntrustedText.escaped(path))' does not hold the variables 0, 1, …")
            }
            return try names.map { (i: Int) throws(TensorError) -> NDArray in try file.floats("\(path)/\(i)") }
        }
        if file.kind(group + "/forward_layer/cell/vars") == .group {
            return .bidirectional(className: className, forward: try vars(group + "/forward_layer/cell/vars"),
                                  backward: try vars(group + "/backward_layer/cell/vars"))
        }
        if file.kind(group + "/cell/vars") == .group {
            return .recurrent(className: className, weights: try vars(group + "/cell/vars"))
        }
        if file.kind(group + "/vars") == .group {
            let w = try vars(group + "/vars")
            if w.count == 2, className == nil || className == "Dense" { return .dense(weights: w) }
        }
        throw TensorError("\(file.name): layer '\(UntrustedText.escaped(String(group.dropFirst("layers/".count))))' \(className.map { "(\(UntrustedText.escaped($0))) " } ?? "")has no rnnsh counterpart: \(supported)")
    }

    /// A layer of a legacy `.h5` from its arrays in `weight_names` order.
    static func legacyLayer(_ arrays: [NDArray], className: String?, layerName: String, name: String) throws(TensorError) -> Layer {
        switch (arrays.count, className) {
        case (2, nil), (2, "Dense"): return .dense(weights: arrays)
        case (3, _) where className != "Bidirectional" && className != "Dense":
            return .recurrent(className: className, weights: arrays)
        case (6, nil), (6, "Bidirectional"):
            return .bidirectional(className: className, forward: Array(arrays[0..<3]), backward: Array(arrays[3..<6]))
        default:
            throw TensorError("\(name): layer '\(UntrustedText.escaped(layerName))' with \(arrays.count) weights has no rnnsh counterpart: \(supported)")
        }
    }

    static let supported = "rnnsh models are recurrent layers of one kind (LSTM, GRU(reset_after=False), SimpleRNN with tanh, relu or sigmoid; all in Bidirectional or none) then one Dense"

    /// `lstm_12` → (`lstm`, 12); `dense` → (`dense`, 0).
    static func splitSuffix(_ s: String) -> (String, Int) {
        if let u = s.lastIndex(of: "_"), let n = Int(s[s.index(after: u)...]), n >= 0 { return (String(s[..<u]), n) }
        return (s, 0)
    }

    /// Keras's `to_snake_case` for class names (`SimpleRNN` → `simple_rnn`).
    static func snake(_ s: String) -> String {
        var out = ""
        let chars = Array(s)
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0, chars[i - 1].isLowercase || chars[i - 1].isNumber
                || (i + 1 < chars.count && chars[i + 1].isLowercase && chars[i - 1].isUppercase) {
                out += "_"
            }
            out += c.lowercased()
        }
        return out
    }

    // MARK: Building the model

    /// The model of `layers`: recurrent layers of one kind, then one dense layer.
    static func build(_ layers: [Layer], steps: Int?, activation: CellActivation = .tanh, name: String) throws(TensorError) -> Model {
        guard let last = layers.last, case .dense(let dense) = last else {
            throw TensorError("\(name): the model must end in a Dense layer (\(supported))")
        }
        let recurrent = layers.dropLast()
        guard !recurrent.isEmpty else { throw TensorError("\(name): no recurrent layer (\(supported))") }
        var kind: CellKind?
        var bidirectional: Bool?
        var w: [String: NDArray] = [:]
        for (l, layer) in recurrent.enumerated() {
            let directions: [[NDArray]]
            let className: String?
            switch layer {
            case .dense: throw TensorError("\(name): a Dense layer before a recurrent one (\(supported))")
            case .recurrent(let c, let a): directions = [a]; className = c
            case .bidirectional(let c, let f, let b): directions = [f, b]; className = c
            }
            let isBi = directions.count == 2
            if let bidirectional, bidirectional != isBi {
                // The engine's model has one `bidirectional` for all its layers (one parameter
                // layout, one naming of TF variables and one PyTorch module per model), so a
                // stack that mixes the two forms has no rnnsh model to load into.
                let form = { (bi: Bool) in bi ? "Bidirectional" : "a plain (one-direction) layer" }
                throw TensorError("\(name): recurrent layer \(l + 1) is \(form(isBi)) but layer \(l) is \(form(bidirectional)); an rnnsh model's layers are every layer Bidirectional or none (its bidirectional=True applies to all of them), so this stack has no rnnsh counterpart",
                                  explanation: "train it in Keras with every recurrent layer inside Bidirectional, or none")
            }
            bidirectional = isBi
            for d in directions {
                guard d.count == 3, d[1].ndim == 2, d[1].shape[0] > 0, d[1].shape[1] % d[1].shape[0] == 0 else {
                    throw TensorError("\(name): recurrent layer \(l + 1) does not hold kernel, recurrent_kernel (units, blocks*units) and bias")
                }
                let blocks = d[1].shape[1] / d[1].shape[0]
                guard let k = CellKind.allCases.first(where: { $0.gateBlocks == blocks }) else {
                    throw TensorError("\(name): recurrent layer \(l + 1) has \(blocks) gate blocks; no cell has that many (LSTM 4, GRU 3, SimpleRNN 1)")
                }
                if let kind, kind != k {
                    throw TensorError("\(name): the recurrent layers mix \(Model.kerasClassName(kind) ?? kind.rawValue) and \(Model.kerasClassName(k) ?? k.rawValue); an rnnsh model has one cell kind")
                }
                kind = k
            }
            if let className, className != "Bidirectional", let kind, className != Model.kerasClassName(kind) {
                throw TensorError("\(name): layer \(l + 1) is a \(UntrustedText.escaped(className)) whose weights have the shape of a \(Model.kerasClassName(kind) ?? kind.rawValue)")
            }
        }
        guard let kind, let bidirectional, let layerName = Model.kerasClassName(kind).map(snake) else {
            throw TensorError("\(name): no recurrent layer (\(supported))")
        }
        for (l, layer) in recurrent.enumerated() {
            let suffix = l > 0 ? "_\(l)" : ""
            let parts: [(String, [NDArray])]
            switch layer {
            case .recurrent(_, let a): parts = [("\(layerName)\(suffix)/", a)]
            case .bidirectional(_, let f, let b):
                parts = [("bidirectional\(suffix)/forward_\(layerName)/", f), ("bidirectional\(suffix)/backward_\(layerName)/", b)]
            case .dense: parts = []
            }
            for (prefix, a) in parts {
                w[prefix + "kernel"] = a[0]; w[prefix + "recurrent_kernel"] = a[1]; w[prefix + "bias"] = a[2]
            }
        }
        w["dense/kernel"] = dense[0]
        w["dense/bias"] = dense[1]
        do throws(TensorError) {
            guard let model = try Model.fromKeras(w, steps: steps, activation: activation) else {
                throw TensorError("the layers do not form an rnnsh model (\(supported))")
            }
            return model
        } catch {
            throw TensorError("\(name): \(error.message)", explanation: error.explanation, kind: error.kind)
        }
    }
}
