import Tensor
import Graph
import Explore

/// `explain` and `track` on a TF1 graph tensor: the graph has no values, so both work on a
/// sample (`GraphSample`, the same feeds `peek` uses) and then say what they say of an array.
enum GraphExplore {
    /// The graph tensors of a value: one tensor, or a list/tuple of them (the pieces of
    /// `tf.split`); nil for anything else.
    static func tensors(_ v: Value) -> (tensors: [GraphTensor], isList: Bool)? {
        switch v {
        case .object(let t as TFTensor): return ([t.tensor], false)
        case .list, .tuple:
            var out: [GraphTensor] = []
            for item in v.sequenceItems ?? [] {
                guard case .object(let t as TFTensor) = item else { return nil }
                out.append(t.tensor)
            }
            return out.isEmpty ? nil : (out, true)
        default: return nil
        }
    }

    /// The workspace variable holding `tensor`, if one does.
    static func variableName(of tensor: GraphTensor, in ws: Workspace, avoiding: Set<String> = []) -> String? {
        for n in ws.userNames where !avoiding.contains(n) {
            if case .object(let t as TFTensor)? = ws[n], t.tensor == tensor { return n }
        }
        return nil
    }

    // MARK: explain

    /// `explain t` for `t = tf.transpose(x, …)` (or a reshape, or the pieces of a split): the op
    /// that computed `t`, explained on the sample value of its input.
    static func explain(_ call: Invocation, _ value: Value, name: String) throws {
        guard let (tensors, isList) = tensors(value), let first = tensors.first else { return }
        let op = first.operation
        if isList, !tensors.allSatisfy({ $0.op == first.op }) {
            throw call.error("explain follows one graph op; the tensors in \(name) come from different ops", argument: "op")
        }
        guard let input = op.inputs.first else {
            throw call.error("\(name) is a \(op.type) op's output, not a shape op's: explain knows tf.transpose, tf.reshape and tf.split", argument: "op")
        }
        // The input by its variable's name, else a name no variable has (said what it stands for).
        let named = variableName(of: input, in: call.workspace, avoiding: [name])
        let taken = Set(call.workspace.userNames).union([name])
        let source = named ?? ["a", "src", "tmp", "input"].first { !taken.contains($0) } ?? "input_\(input.op)"
        let call_: String
        switch op.kind {
        case .transpose(let perm): call_ = "tf.transpose(\(source)" + (perm.map { ", \($0)" } ?? "") + ")"
        case .reshape(let shape): call_ = "tf.reshape(\(source), \(shape))"
        case .split(let axis, let count): call_ = "tf.split(\(source), \(count), \(axis))"
        default:
            throw call.error("\(name) is computed by a \(op.type) op: explain knows the shape ops tf.transpose, tf.reshape and tf.split",
                             argument: "op", explanation: "`peek \(name)` shows its value on a sample batch")
        }
        var sample = try GraphSample(for: [input], call: call, batch: 2, given: [:], argument: "op")
        let (values, initial) = try sample.run([input])
        guard let x = values.first else { return }
        if initial { sample.said.append("variables ← their initial values") }
        var what = isList ? "\(name) = \(call_) (\(tensors.count) tensors)" : "\(name) = \(call_): \(first.description)"
        if named == nil { what += ", \(source) = \(input.description)" }
        call.print("\(what); on a sample \(source) is \(shapeString(x.shape)) \(x.dtype.name) (" + sample.said.joined(separator: ", ") + ")")
        let result = isList ? (name == source ? "ys" : name) : (name == source ? "y" : name)
        let names = call.interpreter.explore.axisNames[source].flatMap { $0.count == x.ndim ? $0 : nil }
        switch op.kind {
        case .transpose(let perm): call.print(try Explain.transpose(x, perm, name: source, result: result, axisNames: names))
        case .reshape(let shape): call.print(try Explain.reshape(x, shape, name: source, result: result))
        case .split(let axis, let count):
            call.print(try Explain.split(x, sections: count, axis: axis, equal: true, name: source, result: isList ? result : "ys"))
        default: break
        }
    }

    // MARK: track

    /// `track t` for a graph tensor computed from one placeholder by shape ops only: runs the
    /// graph on the sample and again on the sample's element positions, so every element of
    /// the result is known to come from one place of the fed batch.
    static func track(_ call: Invocation, _ value: Value, resultName: String) throws {
        guard let (tensors, isList) = tensors(value), let first = tensors.first else { return }
        let graph = first.graph
        let placeholders = graph.placeholders(reaching: tensors)
        guard placeholders.count == 1, let p = placeholders.first else {
            throw call.error("track follows a graph tensor back to one placeholder; this one depends on \(placeholders.count)")
        }
        // Only ops that move elements lie between the placeholder and the result.
        var seen = Set<Int>(), stack = tensors.map(\.op)
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            let op = graph.ops[id]
            switch op.kind {
            case .placeholder, .transpose, .reshape, .split, .unstack, .stack: break
            case .reverse:
                // Its other input is the constant list of axes, not data.
                stack.append(op.inputs[0].op)
                continue
            default:
                throw call.error("track follows shape ops only (tf.transpose, tf.reshape, tf.split, tf.unstack, tf.stack, tf.reverse); \(resultName) is computed through \(op.name) (\(op.type))",
                                 explanation: "`peek \(resultName)` shows its value on a sample batch")
            }
            stack.append(contentsOf: op.inputs.map(\.op))
        }
        let sample = try GraphSample(for: tensors, call: call, batch: 2, given: [:])
        guard let fed = sample.feeds[p] else { return }
        // A session of its own: the positions must not become the user's session's last feed.
        let scratch = Session(graph: graph, threads: 1)
        let values = try scratch.run(tensors.map { .tensor($0) }, feeds: [p: fed]).compactMap { $0 }
        let positions = try Track.indexArray(shape: fed.shape)
        let origins = try scratch.run(tensors.map { .tensor($0) }, feeds: [p: positions]).compactMap { $0 }.map { try $0.astype(.int64) }
        let sourceName = variableName(of: p, in: call.workspace) ?? p.operation.name
        let settings = call.interpreter.explore
        let names = settings.axisNames[sourceName].flatMap { $0.count == fed.ndim ? $0 : nil }
        let t = try Track(source: .init(name: sourceName, shape: fed.shape, axis: settings.labelAxis[sourceName] ?? 0, axisNames: names),
                          sourceValues: fed, resultName: resultName, origins: origins, values: values, isList: isList)
        call.print("\(sourceName) on a sample: " + sample.said.joined(separator: ", "))
        call.print(t.text(color: call.interpreter.options.color))
    }
}
