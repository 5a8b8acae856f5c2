import Tensor

/// What makes a model configuration impossible, checked before anything is allocated.
///
/// A checkpoint is untrusted input: its config decides how much memory `Model(config:)` takes
/// (a 15 KB file saying `input=1e6` asked for 8 GB) and its hyperparameters decide whether
/// training can work at all (Adam with `beta1=2` or `epsilon=-1` diverges). Loading calls
/// `problems(config)` first and refuses the file with the first reason. New fields of the
/// config (other cells, other optimizers) add their rules here.
public enum ModelConfigValidation {
    /// The reasons `config` cannot be built or trained, in words; empty when it is fine.
    public static func problems(_ config: ModelConfig) -> [String] {
        var out: [String] = []
        let a = config.adam
        if !(a.learningRate.isFinite && a.learningRate > 0) { out.append("learning rate \(a.learningRate) must be a positive number") }
        if !(a.beta1.isFinite && a.beta1 >= 0 && a.beta1 < 1) { out.append("Adam's beta1 \(a.beta1) must be in [0, 1)") }
        if !(a.beta2.isFinite && a.beta2 >= 0 && a.beta2 < 1) { out.append("Adam's beta2 \(a.beta2) must be in [0, 1)") }
        if !(a.epsilon.isFinite && a.epsilon > 0) { out.append("Adam's epsilon \(a.epsilon) must be a positive number") }
        if !config.forgetBias.isFinite { out.append("forget bias \(config.forgetBias) must be finite") }
        if !config.cell.hasActivation && config.activation != .tanh {
            out.append("activation \(config.activation.rawValue) is for the plain RNN cell; a \(config.cell.tfClass)'s activations are fixed")
        }
        if !(config.keepProb > 0 && config.keepProb <= 1) { out.append("keep_prob \(config.keepProb) must be in (0, 1]") }
        if config.layers < 1 { out.append("layers must be at least 1") }
        if config.steps < 1 || config.input < 1 || config.units < 1 || config.classes < 1 {
            out.append("steps, input, units and classes must be at least 1")
        } else if let bytes = estimatedBytes(config) {
            if bytes > Limits.availableBytes {
                out.append("a model of \(config.input) inputs, \(config.units) units and \(config.classes) classes needs about \(Limits.formatBytes(bytes)), more than the \(Limits.formatBytes(Limits.availableBytes)) left of the memory budget")
            }
        } else {
            out.append("a model of \(config.input) inputs, \(config.units) units and \(config.classes) classes is too big to represent")
        }
        return out
    }

    /// Bytes a model of `config` holds, an upper bound: per layer and direction an LSTM-sized
    /// kernel (4 gates) over the widest input, plus the dense layer; parameters, gradients and
    /// Adam's two moments (4 float32 copies), plus one replica per thread; nil on overflow.
    public static func estimatedBytes(_ config: ModelConfig) -> Int? {
        func mul(_ x: Int, _ y: Int) -> Int? { let (p, o) = x.multipliedReportingOverflow(by: y); return o ? nil : p }
        func add(_ x: Int, _ y: Int) -> Int? { let (p, o) = x.addingReportingOverflow(y); return o ? nil : p }
        let directions = config.bidirectional ? 2 : 1
        guard config.layers >= 1, let wideOutput = mul(config.units, directions),
              let rows = add(max(config.input, wideOutput), config.units), let gates = mul(4, config.units),
              let kernel = mul(rows, gates), let cellParams = add(kernel, gates),
              let perLayer = mul(cellParams, directions), let cells = mul(perLayer, config.layers),
              let dense = mul(wideOutput, config.classes), let p1 = add(cells, dense), let params = add(p1, config.classes),
              let copies = mul(params, 4 + max(config.threads, 1)) else { return nil }
        return mul(copies, MemoryLayout<Float>.size)
    }
}
