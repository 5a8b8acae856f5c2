import Foundation
import Printing
import RNN
import Tensor

/// `eval [MODEL] [SPLIT] [confusion]`: the model's accuracy on a split.
enum EvalRunner {
    static func run(_ call: Invocation) throws -> Value {
        let a = call.arguments
        // The words may come in any order after the model: `eval test confusion`, `eval model confusion`.
        var words: [Value] = []
        var modelValue: Value = .none
        for name in ["model", "split", "view"] where a.isGiven(name) {
            let v = a[name]
            if case .object(let o) = v, o is ModelObject, modelValue.isNone { modelValue = v } else { words.append(v) }
        }
        let m = try ObjectArguments.model(modelValue, call: call, argument: "model")
        var confusion = a.bool("confusion") ?? false
        var split: SplitObject? = nil
        for w in words {
            switch w {
            case .string("confusion"): confusion = true
            case .string(let name):
                guard let d = try defaultDataset(m, call) else {
                    throw call.error("no dataset to take the '\(name)' split from: load one with `data = mnist`")
                }
                guard let s = d.split(named: name) else {
                    throw call.error("unknown split '\(name)'", explanation: "use test, validation or train, or pass a split such as data.test")
                }
                split = s
            case .object(let o) where o is SplitObject:
                split = o as? SplitObject
            default:
                throw call.error("eval takes a model, a split (data.test, or test/validation/train) and `confusion`; got \(w.typeName)")
            }
        }
        if split == nil {
            guard let d = try defaultDataset(m, call) else {
                throw call.error("no dataset to evaluate on: load one with `data = mnist` or pass a split")
            }
            split = d.test
        }
        guard let s = split else { return .none }
        if let warning = classMismatch(model: m, split: s) { call.print(warning) }
        var part = s.split
        if let limit = a.int("examples") {
            guard limit > 0 else { throw call.error("examples must be positive, got \(limit)", argument: "examples") }
            part = part.prefix(limit)
        }
        guard part.count > 0 else { throw call.error("the \(s.name) split is empty") }
        let r = try m.model.evaluate(images: part.pixels, labels: part.labels, scale: part.pixelScale)
        let ids = part.classIDs.scalars.map { Int($0.doubleValue) }
        let counts = ConfusionMatrix.counts(actual: ids, predicted: r.predictions, classes: m.model.config.classes)
        var rendered: String? = nil
        if confusion {
            let names = m.classNames.isEmpty ? nil : m.classNames
            rendered = try ConfusionMatrix.render(counts: counts, labels: names, style: call.interpreter.display.style)
        }
        return .object(EvaluationObject(result: r, counts: counts, splitName: "\(s.datasetName) \(s.name)", confusionText: rendered))
    }

    /// A warning when the split's classes are not the ones the model learned (a Fashion-MNIST
    /// model scored on digits): the accuracy would be computed, but it would mean nothing.
    static func classMismatch(model m: ModelObject, split s: SplitObject) -> String? {
        func describe(_ names: [String], count: Int) -> String {
            if names.isEmpty { return "unnamed classes 0–\(count - 1)" }
            let shown = names.prefix(3).joined(separator: ", ")
            return names.count > 3 ? shown + ", …" : shown
        }
        let modelClasses = m.model.config.classes, splitClasses = s.split.classCount
        if modelClasses != splitClasses {
            return "warning: the model predicts \(modelClasses) classes but \(s.datasetName) \(s.name) has \(splitClasses); the accuracy compares different things"
        }
        guard m.classNames != s.classNames else { return nil }
        return "warning: the model learned \(describe(m.classNames, count: modelClasses)) but \(s.datasetName) \(s.name) holds "
            + "\(describe(s.classNames, count: splitClasses)); the accuracy compares different things"
    }

    /// The model's own training data, else the workspace's `data`.
    static func defaultDataset(_ m: ModelObject, _ call: Invocation) throws -> DatasetObject? {
        if let d = m.dataset { return d }
        if case .object(let o)? = call.workspace["data"], let d = o as? DatasetObject { return d }
        return nil
    }
}

/// What `eval` returns: shown as the tutorial's `Accuracy: 0.8812` (and the confusion matrix
/// when asked for); the numbers are attributes.
public struct EvaluationObject: ShellObject {
    let result: RNN.Evaluation
    let counts: [[Int]]
    let splitName: String
    let confusionText: String?

    public var kind: String { "evaluation" }

    /// Four decimals, as the progress line, the epoch lines, the model's summary and `compare`
    /// show accuracy (`0.0960`, not numpy's shortest `0.096`).
    var accuracyText: String { String(format: "%.4f", Double(result.correct) / Double(max(result.count, 1))) }

    public var summary: String { "accuracy \(accuracyText) on \(splitName) (\(result.correct)/\(result.count))" }

    public var detail: String {
        var out = "Accuracy: \(accuracyText)"
        if let confusionText { out += "\n\n" + confusionText }
        return out
    }

    public func attribute(_ name: String) -> Value? {
        switch name {
        case "accuracy": return .float(result.accuracy)
        case "loss": return .float(result.loss)
        case "correct": return .int(result.correct)
        case "count": return .int(result.count)
        case "predictions": return .array((try? NDArray(result.predictions.map { Int64($0) }, shape: [result.predictions.count])) ?? NDArray([Int64]()))
        case "confusion":
            let k = counts.count
            return .array((try? NDArray(counts.flatMap { $0.map { Int64($0) } }, shape: [k, k])) ?? NDArray([Int64]()))
        default: return nil
        }
    }

    public var attributeNames: [String] { ["accuracy", "loss", "correct", "count", "predictions", "confusion"] }
}

/// What `predict` returns for one image: the probabilities beside the image.
public struct PredictionObject: ShellObject {
    let image: NDArray
    let probabilities: [Double]
    let classNames: [String]
    let title: String?
    /// How it was drawn when made (the display of the session that made it).
    var style: TerminalStyle = .plain

    public var kind: String { "prediction" }

    var label: Int {
        var best = 0
        for (i, p) in probabilities.enumerated() where p > probabilities[best] { best = i }
        return best
    }

    func name(_ id: Int) -> String { id < classNames.count ? "\(id) \(classNames[id])" : String(id) }

    public var summary: String { "class \(name(label)) (p=\(String(format: "%.3f", probabilities.isEmpty ? 0 : probabilities[label])))" }

    public var detail: String {
        let labels = classNames.count == probabilities.count ? probabilities.indices.map(name) : nil
        let title = self.title ?? "predicted: \(name(label))"
        return (try? PredictionView.render(image: image, probabilities: probabilities, labels: labels, title: title, style: style))
            ?? title
    }

    public func attribute(_ name: String) -> Value? {
        switch name {
        case "label", "class": return .int(label)
        case "probabilities": return .array((try? NDArray(probabilities, shape: [probabilities.count])) ?? NDArray([Double]()))
        case "image": return .array(image)
        default: return nil
        }
    }

    public var attributeNames: [String] { ["label", "probabilities", "image"] }
}
