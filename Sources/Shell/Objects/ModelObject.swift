import Foundation
import RNN
import Tensor

/// What a training run recorded, per epoch and per batch (for `model.history` and `plot`).
public struct TrainingHistory: Sendable, Equatable {
    /// Sum of the batch losses of each epoch (the tutorial's `epoch_loss`).
    public var epochLoss: [Double] = []
    public var meanLoss: [Double] = []
    /// Training accuracy over each epoch's batches.
    public var accuracy: [Double] = []
    /// Accuracy on the validation split after each epoch (NaN when there was none).
    public var valAccuracy: [Double] = []
    public var seconds: [Double] = []
    public var batchLoss: [Float] = []
    public var batchAccuracy: [Float] = []

    public init() {}

    /// As a record of float64 arrays (float32 for the per-batch ones, as the engine computed them).
    var record: Record {
        func f64(_ v: [Double]) -> Value { .array((try? NDArray(v, shape: [v.count])) ?? NDArray([Double]())) }
        func f32(_ v: [Float]) -> Value { .array((try? NDArray(v, shape: [v.count])) ?? NDArray([Float]())) }
        return Record([("loss", f64(epochLoss)), ("mean_loss", f64(meanLoss)), ("accuracy", f64(accuracy)),
                       ("val_accuracy", f64(valAccuracy)), ("seconds", f64(seconds)),
                       ("batch_loss", f32(batchLoss)), ("batch_accuracy", f32(batchAccuracy))])
    }
}

/// How a model was trained, for people (`model` shows it) and for checkpoints.
public struct TrainingInfo: Sendable, Equatable {
    public var dataName = ""
    public var examples = 0
    public var batch = 0
    public var epochs = 0
    /// `completed`, `interrupted`, `nan loss`, or `not trained`.
    public var outcome = "not trained"
    /// What a stopped run completed, in words: `1 epoch and 144 of 429 batches` (nil: the
    /// number of epochs in the history says it).
    public var completed: String? = nil
    public init() {}
}

/// A trained (or loaded) model in the workspace. `train` stores one as `model`; `eval`,
/// `predict`, `show`, `save`, `export` and `plot model.history` read it.
public struct ModelObject: ShellObject {
    let box: ModelBox
    public var history: TrainingHistory
    public var info: TrainingInfo
    /// Class names of the data it was trained on (for `predict` and `show`).
    public var classNames: [String]
    /// The dataset it was trained on, so `eval` can default to its test split (shares the
    /// pixels, no copy).
    public var dataset: DatasetObject?

    public init(_ model: Model, history: TrainingHistory = TrainingHistory(), info: TrainingInfo = TrainingInfo(),
                classNames: [String] = [], dataset: DatasetObject? = nil) {
        box = ModelBox(model)
        self.history = history
        self.info = info
        self.classNames = classNames
        self.dataset = dataset
    }

    public var model: Model { box.model }

    public var kind: String { "model" }

    /// `LSTM(128) over 28 steps of 28 → dense(10)`; `GRU(64) ×2 layers, bidirectional, keep_prob 0.8 over 28 columns of 28 → dense(10)`.
    var architecture: String {
        let c = model.config
        var cell = c.cellLabel
        if c.layers > 1 { cell += " ×\(c.layers) layers" }
        if c.bidirectional { cell += ", bidirectional" }
        if c.keepProb < 1 { cell += ", keep_prob \(ValueFormatter.pythonFloat(Double(c.keepProb)))" }
        return "\(cell) over \(c.steps) \(c.order == .rows ? "steps" : "columns") of \(c.input) → dense(\(c.classes))"
    }

    /// Trainable parameters: every cell's variables, dense weights and biases.
    var parameterCount: Int { model.parameterCount }

    public var summary: String {
        let trained = history.epochLoss.isEmpty ? "untrained" : info.completed ?? "\(history.epochLoss.count) epoch\(history.epochLoss.count == 1 ? "" : "s")"
        return "\(architecture), \(trained)" + (info.dataName.isEmpty ? "" : " on \(info.dataName)")
    }

    public var detail: String {
        let c = model.config
        var lines = ["model: \(architecture), \(Self.grouped(parameterCount)) parameters"]
        let setup = "batch \(info.batch), lr \(c.adam.learningRate), seed \(c.seed), init \(c.outputInit.rawValue)"
        if history.epochLoss.isEmpty {
            lines.append("  not trained (\(info.outcome == "not trained" ? "" : info.outcome + "; ")init \(c.outputInit.rawValue), seed \(c.seed))")
        } else {
            let n = history.epochLoss.count
            lines.append("  trained \(info.completed ?? "\(n) epoch\(n == 1 ? "" : "s")") on \(info.dataName) (\(info.examples) images, \(setup))"
                         + (info.outcome == "completed" ? "" : ", \(info.outcome)"))
            if let mean = history.meanLoss.last {
                var last = "  last epoch: mean loss \(String(format: "%.4f", mean))"
                if let acc = history.accuracy.last { last += ", accuracy \(String(format: "%.4f", acc))" }
                if let v = history.valAccuracy.last, !v.isNaN { last += ", val_accuracy \(String(format: "%.4f", v))" }
                lines.append(last)
            }
        }
        return lines.joined(separator: "\n")
    }

    public func attribute(_ name: String) -> Value? {
        let c = model.config
        switch name {
        case "history": return .record(history.record)
        case "cell": return .object(CellObject(model.cell))
        case "weights":
            let w = model.weights()
            return .record(Record(model.variables.compactMap { v in w[v.name].map { (name: v.name, value: Value.array($0)) } }))
        case "cell_kind", "kind": return .string(c.cell.rawValue)
        case "layers": return .int(c.layers)
        case "bidirectional": return .bool(c.bidirectional)
        case "keep_prob": return .float(Double(c.keepProb))
        case "activation" where c.cell.hasActivation: return .string(c.activation.rawValue)
        case "by": return .string(c.order.rawValue)
        case "units": return .int(c.units)
        case "classes": return .int(c.classes)
        case "steps": return .int(c.steps)
        case "input": return .int(c.input)
        case "seed": return .int(Int(truncatingIfNeeded: c.seed))
        case "lr", "learning_rate": return .float(Double(c.adam.learningRate))
        case "init": return .string(c.outputInit.rawValue)
        case "class_names": return .list(classNames.map { .string($0) })
        case "parameters": return .int(parameterCount)
        default: return nil
        }
    }

    public var attributeNames: [String] {
        ["history", "cell", "weights", "units", "classes", "steps", "input", "seed", "lr", "init", "class_names", "parameters",
         "kind", "layers", "bidirectional", "keep_prob", "by"] + (model.config.cell.hasActivation ? ["activation"] : [])
    }

    /// `save MODEL FILE`: the self-describing checkpoint (see `ModelCheckpoint`).
    public var archiveMembers: [(name: String, array: NDArray)]? { ModelCheckpoint.members(of: self) }

    /// `81,674`.
    static func grouped(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// The name of class `id` (`7 Sneaker`), or just the number.
    func className(_ id: Int) -> String {
        id >= 0 && id < classNames.count ? "\(id) \(classNames[id])" : String(id)
    }
}

/// Holds the engine's model (a class with its own buffers) so the value can be `Sendable`; the
/// shell runs one statement at a time.
final class ModelBox: @unchecked Sendable {
    let model: Model
    init(_ model: Model) { self.model = model }
}
