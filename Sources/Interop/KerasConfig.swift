import Foundation
import RNN
import Tensor

/// The layers of a Keras model configuration (`config.json` in a `.keras` archive, the
/// `model_config` attribute of a legacy `.h5`), checked for what an rnnsh model can compute:
/// every setting that changes the function is read and refused when rnnsh's cells do
/// otherwise; settings that only matter for training (initializers, dropout rates,
/// regularizers) are ignored.
struct ConfigSpec {
    struct LayerSpec {
        var className: String
        var name: String
        /// Layers whose weights the files hold (recurrent, Bidirectional, Dense).
        var hasWeights: Bool
    }

    var layers: [LayerSpec] = []
    /// The input's time steps (`batch_shape` `[None, steps, features]`), when the model says.
    var steps: Int?
    /// The SimpleRNN layers' activation (tanh when none says otherwise). An rnnsh model applies
    /// one activation in every layer and direction, so layers that differ are refused.
    var activation: CellActivation = .tanh
    private var activationLayer: String?

    static let maxDepth = 64

    init(json bytes: [UInt8], name: String) throws(TensorError) {
        try ConfigSpec.checkNesting(bytes, name: name)
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw TensorError("\(name): not valid JSON")
        }
        guard let top = root as? [String: Any], let cls = top["class_name"] as? String else {
            throw TensorError("\(name): not a Keras model configuration (no class_name)")
        }
        guard ["Sequential", "Functional", "Model"].contains(cls), let config = top["config"] as? [String: Any],
              let layers = config["layers"] as? [[String: Any]] else {
            throw TensorError("\(name): a \(UntrustedText.escaped(cls)), not a Sequential or Functional model of layers")
        }
        var recurrentSeen = 0
        let recurrentTotal = layers.filter { ["LSTM", "GRU", "SimpleRNN", "Bidirectional"].contains($0["class_name"] as? String ?? "") }.count
        for layer in layers {
            guard let cls = layer["class_name"] as? String, let c = layer["config"] as? [String: Any] else {
                throw TensorError("\(name): a layer without class_name or config")
            }
            let layerName = (c["name"] as? String) ?? cls
            let shown = "layer '\(UntrustedText.escaped(layerName))' (\(UntrustedText.escaped(cls)))"
            if steps == nil, let s = ConfigSpec.steps(c) { steps = s }
            switch cls {
            case "InputLayer", "Dropout":
                self.layers.append(LayerSpec(className: cls, name: layerName, hasWeights: false))
            case "LSTM", "GRU", "SimpleRNN", "Bidirectional":
                recurrentSeen += 1
                let isLast = recurrentSeen == recurrentTotal
                var inner = c
                if cls == "Bidirectional" {
                    guard let l = c["layer"] as? [String: Any], let ic = l["config"] as? [String: Any], let icls = l["class_name"] as? String else {
                        throw TensorError("\(name): \(shown) has no inner layer")
                    }
                    let merge = c["merge_mode"] as? String ?? "concat"
                    guard merge == "concat" else {
                        throw TensorError("\(name): \(shown) merges its directions with '\(UntrustedText.escaped(merge))'; rnnsh concatenates them (merge_mode='concat', Keras's default)")
                    }
                    try note(try ConfigSpec.checkRecurrent(icls, ic, shown: shown, name: name, isLast: isLast), shown, name)
                    if let b = c["backward_layer"] as? [String: Any], let bc = b["config"] as? [String: Any] {
                        var bcheck = bc
                        bcheck["go_backwards"] = false
                        try note(try ConfigSpec.checkRecurrent(b["class_name"] as? String ?? icls, bcheck, shown: shown, name: name, isLast: isLast), shown, name)
                    }
                    inner = ic
                } else {
                    try note(try ConfigSpec.checkRecurrent(cls, c, shown: shown, name: name, isLast: isLast), shown, name)
                }
                if steps == nil, let s = ConfigSpec.steps(inner) { steps = s }
                self.layers.append(LayerSpec(className: cls, name: layerName, hasWeights: true))
            case "Dense":
                let activation = c["activation"] as? String ?? "linear"
                guard activation == "linear" || activation == "softmax" else {
                    throw TensorError("\(name): \(shown) has activation '\(UntrustedText.escaped(activation))'; rnnsh's dense layer gives logits (linear, or softmax through predict's probabilities)")
                }
                guard c["use_bias"] as? Bool ?? true else { throw TensorError("\(name): \(shown) has no bias; rnnsh's dense layer has one") }
                self.layers.append(LayerSpec(className: cls, name: layerName, hasWeights: true))
            default:
                throw TensorError("\(name): \(shown) has no rnnsh counterpart: \(KerasModelFile.supported)")
            }
        }
    }

    /// Keeps the first SimpleRNN's activation and refuses a later layer with another one.
    private mutating func note(_ a: CellActivation, _ shown: String, _ name: String) throws(TensorError) {
        if let first = activationLayer {
            guard a == activation else {
                throw TensorError("\(name): \(shown) has activation '\(a.rawValue)' but \(first) has '\(activation.rawValue)'; an rnnsh model applies one activation in all its layers")
            }
        } else {
            activation = a; activationLayer = shown
        }
    }

    /// A recurrent layer's settings that change what it computes; returns its activation
    /// (tanh, or the SimpleRNN's relu or sigmoid, which rnnsh's BasicRNNCell computes too).
    static func checkRecurrent(_ cls: String, _ c: [String: Any], shown: String, name: String, isLast: Bool) throws(TensorError) -> CellActivation {
        guard ["LSTM", "GRU", "SimpleRNN"].contains(cls) else {
            throw TensorError("\(name): \(shown) wraps a \(UntrustedText.escaped(cls)), which has no rnnsh counterpart")
        }
        let word = c["activation"] as? String ?? "tanh"
        let activation: CellActivation
        if cls == "SimpleRNN" {
            guard let a = CellActivation(rawValue: word) else {
                throw TensorError("\(name): \(shown) has activation '\(UntrustedText.escaped(word))'; rnnsh's SimpleRNN computes tanh, relu or sigmoid")
            }
            activation = a
        } else {
            guard word == "tanh" else {
                throw TensorError("\(name): \(shown) has activation '\(UntrustedText.escaped(word))'; rnnsh's \(cls) uses tanh")
            }
            activation = .tanh
        }
        if cls != "SimpleRNN" {
            let r = c["recurrent_activation"] as? String ?? "sigmoid"
            guard r == "sigmoid" else {
                throw TensorError("\(name): \(shown) has recurrent_activation '\(UntrustedText.escaped(r))'; rnnsh's gates use the sigmoid")
            }
        }
        guard c["use_bias"] as? Bool ?? true else { throw TensorError("\(name): \(shown) has no bias; rnnsh's cells have one") }
        for flag in ["go_backwards", "stateful", "time_major", "return_state"] where c[flag] as? Bool ?? false {
            throw TensorError("\(name): \(shown) sets \(flag)=True, which rnnsh's models do not do")
        }
        if cls == "GRU", c["reset_after"] as? Bool ?? true {
            throw TensorError("\(name): \(shown) is a GRU(reset_after=True) (Keras's default), which rnnsh cannot load: TF1's GRUCell applies the reset gate before the recurrent product (tanh(x·W + (r·h)·U + b)); reset_after=True applies it after (tanh(x·W + b + r·(h·U + b_h))), a different function, so no weights of one compute the other. Train in Keras with GRU(..., reset_after=False).")
        }
        let sequences = c["return_sequences"] as? Bool ?? false
        if isLast && sequences {
            throw TensorError("\(name): \(shown), the last recurrent layer, returns sequences; rnnsh's dense layer reads the last output (return_sequences=False)")
        }
        if !isLast && !sequences {
            throw TensorError("\(name): \(shown) feeds another recurrent layer, so it must return sequences (return_sequences=True)")
        }
        return activation
    }

    /// The steps of `[None, steps, features]` in a layer's `batch_shape` (Keras 3),
    /// `batch_input_shape` (Keras 2) or `build_config.input_shape`.
    static func steps(_ c: [String: Any]) -> Int? {
        for key in ["batch_shape", "batch_input_shape"] {
            if let s = c[key] as? [Any], s.count == 3, let t = s[1] as? Int, t > 0, t <= 1 << 20 { return t }
        }
        return nil
    }

    /// Refuses JSON nested deeper than `maxDepth` before parsing it (a hostile file must not
    /// exhaust the stack of a recursive parser).
    static func checkNesting(_ bytes: [UInt8], name: String) throws(TensorError) {
        var depth = 0, inString = false, escaped = false
        for b in bytes {
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth { throw TensorError("\(name): JSON nested more than \(maxDepth) deep") }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
    }
}
