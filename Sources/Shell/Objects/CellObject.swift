import RNN
import Tensor

/// An LSTM cell in the workspace (`lstm = cell 128`). The engine's `LSTMCell` binds its input
/// size on first use, as TF does, so every copy of this value sees the same (shared) weights.
public struct CellObject: ShellObject {
    let box: CellBox

    public init(_ cell: LSTMCell) { box = CellBox(cell) }

    public var cell: LSTMCell { box.cell }

    public var kind: String { "cell" }

    var config: String {
        "BasicLSTMCell(num_units=\(cell.units), forget_bias=\(ValueFormatter.pythonFloat(Double(cell.forgetBias))))"
    }

    public var summary: String {
        if let i = cell.inputSize { return "\(config), input \(i)" }
        return "\(config), not built"
    }

    public var detail: String {
        var lines = [config]
        if let i = cell.inputSize {
            lines.append("  input size: \(i)")
            lines.append("  kernel: \(shapeString([i + cell.units, 4 * cell.units])) float32  (concat([x, h]) @ kernel, gates i, j, f, o)")
            lines.append("  bias:   \(shapeString([4 * cell.units])) float32")
        } else {
            lines.append("  input size: not known yet (kernel and bias are created on first use, as in TF; seed \(cell.seed))")
        }
        lines.append("  state: (c, h), each (batch, \(cell.units))")
        return lines.joined(separator: "\n")
    }

    public func attribute(_ name: String) -> Value? {
        switch name {
        case "kernel": return cell.kernel.map { .array($0) } ?? Value.none
        case "bias": return cell.bias.map { .array($0) } ?? Value.none
        case "num_units", "units": return .int(cell.units)
        case "forget_bias": return .float(Double(cell.forgetBias))
        case "input_size": return cell.inputSize.map { .int($0) } ?? Value.none
        case "state_size": return .tuple([.int(cell.units), .int(cell.units)])
        case "output_size": return .int(cell.units)
        default: return nil
        }
    }

    public var attributeNames: [String] { ["kernel", "bias", "num_units", "forget_bias", "input_size", "state_size", "output_size"] }

    /// `save CELL FILE`: `kernel` and `bias` in TF's layout (plus `forget_bias` when it is not
    /// TF's default 1.0, so `load` gives the same cell back).
    public var archiveMembers: [(name: String, array: NDArray)]? {
        guard let k = cell.kernel, let b = cell.bias else { return nil }
        var members: [(name: String, array: NDArray)] = [("kernel", k), ("bias", b)]
        if cell.forgetBias != 1 { members.append(("forget_bias", NDArray(scalar: cell.forgetBias))) }
        return members
    }
}

/// Holds the engine's cell (a class) so the value can be `Sendable`; the shell uses it from one
/// thread at a time.
final class CellBox: @unchecked Sendable {
    let cell: LSTMCell
    init(_ cell: LSTMCell) { self.cell = cell }
}
