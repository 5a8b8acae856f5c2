import Graph

/// The `tensorflow` module's state in one shell: TF1's default graph, the stack of sessions
/// entered with `with tf.Session() as sess:` (the innermost is the default session that
/// `Tensor.eval` uses), and the dataset `read_data_sets` loaded last (the explorer's sample feed).
final class TensorFlowState {
    var graph = Graph()
    var defaultSessions: [TFSession] = []
    /// The session that ran last (for `peek`: its variables and feeds).
    var lastSession: TFSession?
    var dataset: DatasetObject?
    /// Threads the sessions' fused RNN ops use (train's default).
    var threads = 2

    var defaultSession: TFSession? { defaultSessions.last }

    /// `tf.reset_default_graph()`.
    func reset() {
        graph = Graph()
        defaultSessions = []
        lastSession = nil
    }
}
