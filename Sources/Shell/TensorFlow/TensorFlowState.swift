import Graph
import Tensor

/// The `tensorflow` module's state in one shell: TF1's default graph, the stack of sessions
/// entered with `with tf.Session() as sess:` (the innermost is the default session that
/// `Tensor.eval` uses), and the dataset `read_data_sets` loaded last (the explorer's sample feed).
final class TensorFlowState {
    var graph = Graph()
    /// The default graphs that `with g.as_default():` (or a `with` block of a session of another
    /// graph) set aside, innermost last: each block's end makes the one it set aside the default
    /// again.
    private(set) var outerGraphs: [Graph] = []
    var defaultSessions: [TFSession] = []
    /// The session that ran last (for `peek`: its variables and feeds).
    var lastSession: TFSession?
    var dataset: DatasetObject?
    /// What `peek … feed={…}` fed each placeholder last: the sample `explain` and `track` use.
    var peekFeeds: [GraphTensor: NDArray] = [:]
    /// Threads the sessions' fused RNN ops use (train's default).
    var threads = 2
    /// Set by `import tensorflow…`: from then on a numpy scalar meeting a Python number promotes
    /// as numpy 1.x did (TF1's numpy), so `epoch_loss = 0; epoch_loss += c` sums the float32
    /// losses in float64, as the tutorial's printed losses show (see `TFOperators.numpy1Operands`).
    var imported = false

    /// `tf.logging`'s verbosity (Python logging's levels; TF's default is WARN, 30).
    var logVerbosity = 30
    /// What the program added to each graph's collections (`tf.add_to_collection`).
    private var collectionSets: [TFCollections] = []

    var defaultSession: TFSession? { defaultSessions.last }

    /// The collections of graph `g` (made on first use; those of graphs gone are dropped).
    func collections(of g: Graph) -> TFCollections {
        collectionSets.removeAll { $0.graph == nil }
        if let c = collectionSets.first(where: { $0.graph === g }) { return c }
        let c = TFCollections(g)
        collectionSets.append(c)
        return c
    }

    /// Entering `with g.as_default():` or a session's `with` block: `g` is the default graph.
    func pushDefault(_ g: Graph) {
        outerGraphs.append(graph)
        graph = g
    }

    /// Leaving such a block: the default graph is the one before it.
    func popDefault() {
        if let g = outerGraphs.popLast() { graph = g }
    }

    /// `tf.reset_default_graph()`.
    func reset() {
        graph = Graph()
        defaultSessions = []
        lastSession = nil
        peekFeeds = [:]
    }
}
