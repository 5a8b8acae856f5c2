import RNN

/// The TF1 cell classes rnnsh's graph builds, each computed by one of the engine's cells.
///
/// Two classes can compute the same function: TF1's `LSTMCell` with its defaults (no peepholes,
/// no projection, no clipping) runs the same gates, in the same order and with the same
/// `forget_bias`, as `BasicLSTMCell`. What tells them apart in a program's output is naming:
/// `LSTMCell` keeps its variables under `lstm_cell/` (not `basic_lstm_cell/`) and its graph ops
/// are the lowercase `mul`/`add` of TF's math_ops (`rnn/lstm_cell/mul_2:0`) where
/// `BasicLSTMCell`'s are `Mul`/`Add`. So the class is kept beside the engine's `CellKind`.
public enum TFCellClass: String, Sendable, CaseIterable {
    case basicLSTMCell = "BasicLSTMCell"
    case lstmCell = "LSTMCell"
    case gruCell = "GRUCell"
    case basicRNNCell = "BasicRNNCell"

    /// The engine's cell that computes this class.
    public var kind: CellKind {
        switch self {
        case .basicLSTMCell, .lstmCell: return .lstm
        case .gruCell: return .gru
        case .basicRNNCell: return .rnn
        }
    }

    /// The class TF1 code means when it names only the engine's kind.
    public init(kind: CellKind) {
        switch kind {
        case .lstm: self = .basicLSTMCell
        case .gru: self = .gruCell
        case .rnn: self = .basicRNNCell
        }
    }

    /// The variable and name scope of the cell (`rnn/lstm_cell/kernel`).
    public var scope: String { self == .lstmCell ? "lstm_cell" : kind.scope }

    /// The names TF1's `static_rnn` gives the unrolled cell's step outputs and final state parts
    /// before h (see `CellKind.unrolledOpNames`), without `:0`. `LSTMCell` builds the same ops
    /// in the same order as `BasicLSTMCell`, so only their case differs (`mul_2`, `add_5`).
    public func unrolledOpNames(steps: Int, options: CellOptions = CellOptions()) -> (outputs: [String], state: [String])? {
        guard let names = kind.unrolledOpNames(steps: steps, options: options) else { return nil }
        guard self == .lstmCell else { return names }
        return (names.outputs.map { $0.lowercased() }, names.state.map { $0.lowercased() })
    }
}
