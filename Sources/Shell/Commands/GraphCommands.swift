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
            for (p, x) in given { call.interpreter.tensorflow.peekFeeds[p] = x }
            var sample = try GraphSample(for: tensors, call: call, batch: batch, given: given, argument: "tensor")
            let (arrays, initial) = try sample.run(tensors)
            guard let firstValue = arrays.first else { return .none }
            if initial { sample.said.append("variables ← their initial values") }
            let what = single ? first.description : "\(tensors.count) tensors"
            let shapes = single ? shapeString(firstValue.shape) : shapeString(firstValue.shape) + " each"
            call.print("\(what) → \(shapes) \(firstValue.dtype.name)" + (sample.said.isEmpty ? "" : " (" + sample.said.joined(separator: ", ") + ")"))
            _ = ev
            return single ? .array(firstValue) : .list(arrays.map { .array($0) })
        })
}
