import Tensor
import Graph
import Data

/// A sample value for graph tensors, which TF1 computes only inside `sess.run`: the feeds
/// `peek`, `explain` and `track` give the placeholders, and a run of the graph on them.
///
/// Each placeholder gets, in this order: the value given (`feed=`), the value `peek … feed=`
/// gave it last, the first `batch` rows of what the last `sess.run` fed it, or the first `batch` rows of the dataset
/// `input_data.read_data_sets` loaded (images reshaped to the placeholder's shape, or labels).
struct GraphSample {
    let graph: Graph
    var feeds: [GraphTensor: NDArray] = [:]
    /// What each placeholder got, in words (`Placeholder ← the first 2 training images`).
    var said: [String] = []
    private let session: Session?
    private let threads: Int

    /// The feeds for every placeholder that `tensors` depend on; fails with what is missing.
    init(for tensors: [GraphTensor], call: Invocation, batch: Int, given: [GraphTensor: NDArray], argument: String? = nil) throws {
        guard let first = tensors.first else { throw call.error("needs at least one graph tensor", argument: argument) }
        let state = call.interpreter.tensorflow
        graph = first.graph
        threads = state.threads
        var session = state.defaultSession?.session ?? state.lastSession?.session
        if let s = session, s.graph !== graph || s.closed { session = nil }
        self.session = session
        for p in graph.placeholders(reaching: tensors) {
            if let x = given[p] { feeds[p] = x; said.append("\(p.operation.name) ← the value given"); continue }
            if let x = state.peekFeeds[p] {
                if x.ndim >= 1 {
                    feeds[p] = try x.subscripted([.slice(start: 0, stop: min(batch, x.shape[0]), step: nil)])
                } else {
                    feeds[p] = x
                }
                said.append("\(p.operation.name) ← the value peek was given")
                continue
            }
            if let last = (state.defaultSession?.session.lastFeeds[p] ?? state.lastSession?.session.lastFeeds[p]), last.ndim >= 1 {
                let n = min(batch, last.shape[0])
                feeds[p] = try last.subscripted([.slice(start: 0, stop: n, step: nil)])
                said.append("\(p.operation.name) ← the first \(n) rows of its last feed")
                continue
            }
            guard let data = state.dataset else {
                let shown = GraphExplore.variableName(of: p, in: call.workspace) ?? p.operation.name.lowercased()
                let give = argument == "tensor" ? "give feed={\(shown): value}" : "give one with peek: peek TENSOR feed={\(shown): value}"
                throw call.error("no sample for placeholder '\(p.operation.name)' \(p.shape): load data with input_data.read_data_sets or \(give)", argument: argument)
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
                throw call.error("no sample for placeholder '\(p.operation.name)' \(p.shape) in \(data.dataset.name): give feed={…}", argument: argument)
            }
        }
    }

    /// The values of `tensors` on these feeds (or on `feeds` given instead). Variables come
    /// from the session that holds them, or fresh initial values (the seeded stream, so the
    /// same as a new session's); `usedInitialValues` says which.
    func run(_ tensors: [GraphTensor], feeds: [GraphTensor: NDArray]? = nil) throws -> (values: [NDArray], usedInitialValues: Bool) {
        let feeds = feeds ?? self.feeds
        func run(_ s: Session) throws -> [NDArray] { try s.run(tensors.map { .tensor($0) }, feeds: feeds).compactMap { $0 } }
        do {
            guard let s = session else { throw TensorError("Attempting to use uninitialized value") }
            return (try run(s), false)
        } catch let e as TensorError where e.message.hasPrefix("Attempting to use uninitialized value") {
            let scratch = Session(graph: graph, threads: threads)
            try scratch.initializeVariables()
            return (try run(scratch), !graph.variables.isEmpty)
        }
    }
}
