import Tensor
import Graph
import Data

/// Looking inside a TF1 graph: TensorFlow computes a graph tensor only inside `sess.run`, so
/// the tutorial could not show what `transpose`, `reshape` and `split` did to a batch. `peek`
/// runs the graph up to one tensor on a sample feed and shows the value.
enum GraphCommands {
    static let all: [Command] = [peek]

    static let peek = Command(
        name: "peek", category: "Explore",
        summary: "Compute a TF graph tensor on a sample batch and show its value and shape.",
        parameters: [Parameter("tensor", .value, help: "a graph tensor (or a list of them, such as the pieces of tf.split)")],
        options: [Parameter("batch", .int, default: .int(2), help: "rows of the sample batch fed to the placeholders"),
                  Parameter("feed", .value, default: .none, help: "a feed_dict {placeholder: value} to use instead")],
        help: """
            `peek x` after `x = tf.transpose(x, [1, 0, 2])` runs the graph up to `x` and returns \
            its value (shown like any array), after a line with the tensor's TF description, the \
            value's shape and what was fed. Each placeholder gets, in this order: the value in \
            `feed=`, the first BATCH rows of what the last `sess.run` fed it, or the first BATCH \
            rows of the dataset `input_data.read_data_sets` loaded (images reshaped to the \
            placeholder's shape, or the labels). Variables come from the default session, the \
            last session that ran, or fresh initial values (the seeded stream, so the same as a \
            new session's). `v = peek x` keeps the value for `explain`, `track` and numpy.
            """,
        examples: [Example("import tensorflow as tf\nx = tf.placeholder('float', [None, 4, 3])\nt = tf.transpose(x, [1, 0, 2])\npeek t feed={x: np.arange(24.0).reshape(2, 4, 3)}")],
        isMethod: false,
        run: { call in
            let ev = call.evaluator
            let state = call.interpreter.tensorflow
            let v = call.arguments["tensor"]
            var tensors: [GraphTensor] = []
            var single = true
            switch v {
            case .object(let t as TFTensor): tensors = [t.tensor]
            case .list, .tuple: let items = v.sequenceItems ?? [];
                single = false
                for i in items {
                    guard case .object(let t as TFTensor) = i else { throw call.error("peek needs graph tensors, got a \(i.typeName) in the list", argument: "tensor") }
                    tensors.append(t.tensor)
                }
            default:
                throw call.error("peek needs a graph tensor (from tf.transpose, tf.split, …), got \(v.typeName)", argument: "tensor",
                                 explanation: v.typeName == "numpy.ndarray" ? "an array already has its value: print it" : nil)
            }
            guard let first = tensors.first else { throw call.error("peek needs at least one tensor", argument: "tensor") }
            let g = first.graph
            guard tensors.allSatisfy({ $0.graph === g }) else { throw call.error("the tensors come from different graphs", argument: "tensor") }
            let batch = call.arguments.int("batch") ?? 2
            guard batch >= 1 else { throw call.error("batch must be at least 1, got \(batch)", argument: "batch") }
            var given: [GraphTensor: NDArray] = [:]
            if case .dict(let d) = call.arguments["feed"] {
                for (k, x) in d.items {
                    guard case .object(let t as TFTensor) = k else { throw call.error("feed keys must be graph tensors", argument: "feed") }
                    given[t.tensor] = try TFArguments.array(x, span: call.span, dtype: t.tensor.dtype)
                }
            }
            var session = state.defaultSession?.session ?? state.lastSession?.session
            if let s = session, s.graph !== g || s.closed { session = nil }
            var feeds: [GraphTensor: NDArray] = [:]
            var said: [String] = []
            for p in g.placeholders(reaching: tensors) {
                if let x = given[p] { feeds[p] = x; said.append("\(p.operation.name) ← the value given"); continue }
                if let last = (state.defaultSession?.session.lastFeeds[p] ?? state.lastSession?.session.lastFeeds[p]), last.ndim >= 1 {
                    let n = min(batch, last.shape[0])
                    feeds[p] = try last.subscripted([.slice(start: 0, stop: n, step: nil)])
                    said.append("\(p.operation.name) ← the first \(n) rows of its last feed")
                    continue
                }
                guard let data = state.dataset else {
                    throw call.error("no sample for placeholder '\(p.operation.name)' \(p.shape): load data with input_data.read_data_sets or give feed={\(p.operation.name.lowercased()): value}", argument: "tensor")
                }
                let split = data.train.split
                let n = min(batch, split.count)
                let dims = p.shape.dims
                let tail = dims.map { Array($0.dropFirst()) }
                if let tail, tail.allSatisfy({ $0 != nil }), tail.compactMap({ $0 }).reduce(1, *) == split.featureCount {
                    let images = try split.slice(0..<n).images
                    feeds[p] = try images.reshape([n] + tail.compactMap { $0 })
                    said.append("\(p.operation.name) ← the first \(n) training images")
                } else if dims == nil || dims?.last.flatMap({ $0 }) == split.labels.shape.last {
                    feeds[p] = try split.labels.subscripted([.slice(start: 0, stop: n, step: nil)]).astype(p.dtype)
                    said.append("\(p.operation.name) ← the first \(n) training labels")
                } else {
                    throw call.error("no sample for placeholder '\(p.operation.name)' \(p.shape) in \(data.dataset.name): give feed={…}", argument: "tensor")
                }
            }
            func run(_ s: Session) throws -> [NDArray?] { try s.run(tensors.map { .tensor($0) }, feeds: feeds) }
            var values: [NDArray?]
            do {
                guard let s = session else { throw TensorError("Attempting to use uninitialized value") }
                values = try run(s)
            } catch let e as TensorError where e.message.hasPrefix("Attempting to use uninitialized value") {
                // No session holds the variables: fresh initial values, as a new session's.
                let scratch = Session(graph: g, threads: state.threads)
                try scratch.initializeVariables()
                values = try run(scratch)
                if !g.variables.isEmpty { said.append("variables ← their initial values") }
            }
            let arrays = values.compactMap { $0 }
            let what = single ? first.description : "\(tensors.count) tensors"
            let shapes = single ? shapeString(arrays[0].shape) : shapeString(arrays[0].shape) + " each"
            call.print("\(what) → \(shapes) \(arrays[0].dtype.name)" + (said.isEmpty ? "" : " (" + said.joined(separator: ", ") + ")"))
            _ = ev
            return single ? .array(arrays[0]) : .list(arrays.map { .array($0) })
        })
}
