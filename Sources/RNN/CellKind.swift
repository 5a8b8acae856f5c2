import Tensor

/// The registry of the engine's cells: one case per cell, and the one place that maps a kind to
/// its conformer of `RecurrentCell`. The shell, checkpoints and export name cells only by this
/// enum (its raw value is the shell's `cell=` word and the checkpoint's `config/cell`).
public enum CellKind: String, Sendable, CaseIterable, Equatable {
    /// TF1's `BasicLSTMCell` (forget_bias).
    case lstm
    /// TF1's `GRUCell`.
    case gru
    /// TF1's `BasicRNNCell` (tanh, relu or sigmoid).
    case rnn

    /// The kind meant where none is named: a model or `cell` without `cell=`, a checkpoint or cell
    /// archive without a `cell` member, a bare `(kernel, bias)` pair. TF1's BasicLSTMCell, the
    /// tutorial's cell (checkpoints written before there were other cells hold it).
    public static let standard = CellKind.lstm

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
    /// Whether the cell takes `activation` (the others are tanh and sigmoid by construction).
    public var hasActivation: Bool { cellType.takesActivation }
    /// The width of the gate pre-activations in units.
    public var gateBlocks: Int { cellType.gateBlocks }

    /// What a listing of the cell's variables adds after `name` (the LSTM's kernel: how the gates
    /// are laid out), or nil.
    public func variableNote(_ name: String) -> String? { cellType.variableNote(name) }
    /// The names TF1's `static_rnn` gives the unrolled cell's results over `steps` steps, under
    /// the cell's scope and without `:0`: every step's output, then the final state's parts
    /// before `h` (h is the last output). nil where rnnsh's TF graph does not build this cell.
    public func unrolledOpNames(steps: Int, options: CellOptions = CellOptions()) -> (outputs: [String], state: [String])? {
        cellType.unrolledOpNames(steps: steps, options: options)
    }

    /// The kind whose raw value or TF class name (any case) is `word`.
    public init?(word: String) {
        let w = word.lowercased()
        guard let k = CellKind.allCases.first(where: { $0.rawValue == w || $0.tfClass.lowercased() == w }) else { return nil }
        self = k
    }
}
