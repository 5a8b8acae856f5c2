import Tensor
import RNN

/// The gate view's tests were written for the LSTM before the cell interface; these spell the
/// LSTM case on top of the generic `Cell`.
typealias LSTMCell = Cell
typealias LSTMState = CellState

extension Cell {
    convenience init(kernel: NDArray, bias: NDArray, forgetBias: Float = 1) throws(TensorError) {
        try self.init(kind: .lstm, weights: ["kernel": kernel, "bias": bias], options: CellOptions(forgetBias: forgetBias))
    }
    func stepInternals(_ x: NDArray, state: CellState?) throws(TensorError) -> CellInternals { try internals(x, state: state) }
}

extension CellState {
    init(c: NDArray, h: NDArray) { self.init([c, h]) }
    var c: NDArray { parts[0] }
}

extension CellInternals {
    var c: NDArray { outputs[0].value }
}
