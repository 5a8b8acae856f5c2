import Tensor
@testable import RNN

/// The LSTM tests predate the cell interface; these spell its LSTM case the way they were
/// written (`LSTMCell(kernel:bias:)`, `state.c`, `g.kernel`), on top of the generic `Cell`.
typealias LSTMCell = Cell
typealias LSTMState = CellState

extension Cell {
    convenience init(kernel: NDArray, bias: NDArray, forgetBias: Float = 1) throws(TensorError) {
        try self.init(kind: .lstm, weights: ["kernel": kernel, "bias": bias], options: CellOptions(forgetBias: forgetBias))
    }
    convenience init(units: Int, seed: UInt64 = 0) throws(TensorError) {
        try self.init(kind: .lstm, units: units, seed: seed)
    }
    var kernel: NDArray? { weight("kernel") }
    var bias: NDArray? { weight("bias") }
    var forgetBias: Float { options.forgetBias }
}

extension CellState {
    init(c: NDArray, h: NDArray) { self.init([c, h]) }
    var c: NDArray { parts[0] }
}

extension CellGradients {
    var kernel: NDArray { weights["kernel"] ?? NDArray([Float]()) }
    var bias: NDArray { weights["bias"] ?? NDArray([Float]()) }
}
