import Tensor

/// The registry of the engine's cells: one case per cell, and the one place that maps a kind to
/// its conformer of `RecurrentCell`. The shell, checkpoints and export name cells only by this
/// enum (its raw value is the shell's `cell=` word and the checkpoint's `config/cell`).
public enum CellKind: String, Sendable, CaseIterable, Equatable {
    /// TF1's `BasicLSTMCell` (forget_bias).
    case lstm
    /// TF1's `GRUCell`.
    case gru
    /// TF1's `BasicRNNCell` (tanh).
    case rnn

    /// The conformer implementing this kind.
    var cellType: any RecurrentCell.Type {
        switch self {
        case .lstm: return BasicLSTMCell.self
        case .gru: return GRUCell.self
        case .rnn: return BasicRNNCell.self
        }
    }

    /// A cell of this kind.
    func cell(units: Int, options: CellOptions) -> any RecurrentCell { cellType.init(units: units, options: options) }

    /// TF1's class name, as `cell` prints it (`BasicLSTMCell`).
    public var tfClass: String { cellType.tfClass }
    /// TF1's variable scope of the cell (`rnn/basic_lstm_cell/kernel`).
    public var scope: String { cellType.scope }
    /// The short name used in tables and summaries (`LSTM(128)`).
    public var shortName: String { cellType.shortName }
    /// The state's parts (`["c", "h"]` or `["h"]`).
    public var stateNames: [String] { cellType.stateNames }
    /// Whether the cell takes `forget_bias`.
    public var hasForgetBias: Bool { cellType.takesForgetBias }
    /// The width of the gate pre-activations in units.
    public var gateBlocks: Int { cellType.gateBlocks }

    /// The kind whose raw value or TF class name (any case) is `word`.
    public init?(word: String) {
        let w = word.lowercased()
        guard let k = CellKind.allCases.first(where: { $0.rawValue == w || $0.tfClass.lowercased() == w }) else { return nil }
        self = k
    }
}
