import Graph

/// `trace` while a TF1 graph is built: each op is a stage with its static shape (TF knows
/// shapes, not values, at this point; `peek` computes values).
extension Evaluator {
    func recordGraphStage(_ operation: String, _ value: Value) {
        guard trace.active, trace.suppressed == 0 else { return }
        var tensors: [GraphTensor] = []
        func collect(_ v: Value, depth: Int) {
            switch v {
            case .object(let t as TFTensor): tensors.append(t.tensor)
            case .object(let s as TFStateTuple) where depth < 2: for p in s.parts { collect(p, depth: depth + 1) }
            case .list, .tuple: let items = v.sequenceItems ?? []; if depth < 2 { for i in items { collect(i, depth: depth + 1) } }
            default: break
            }
        }
        collect(value, depth: 0)
        guard let first = tensors.first else { return }
        trace.stages.append(value)
        let n = trace.stages.count
        let text: String
        if tensors.count == 1 {
            text = "#\(n) \(operation) → static shape \(first.shape) \(first.dtype.name): \(first)"
        } else if Set(tensors.map { $0.shape.description }).count == 1 {
            let names = tensors.count > 3 ? "\(tensors[0].name) … \(tensors[tensors.count - 1].name)" : tensors.map(\.name).joined(separator: ", ")
            text = "#\(n) \(operation) → \(tensors.count) tensors, static shape \(first.shape) \(first.dtype.name) each: \(names)"
        } else {
            text = "#\(n) \(operation) → " + tensors.map { "\($0.name) \($0.shape)" }.joined(separator: ", ")
        }
        emit(.text(text))
    }
}
