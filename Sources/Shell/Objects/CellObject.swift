import RNN
import Tensor

/// A recurrent cell in the workspace (`lstm = cell 128`, `gru = cell 64 kind=gru`). The engine's
/// `Cell` binds its input size on first use, as TF does, so every copy of this value sees the
/// same (shared) weights. Nothing here knows which kind of cell it holds: names, shapes and
/// state parts come from the engine's cell.
public struct CellObject: ShellObject {
    let box: CellBox

    public init(_ cell: Cell) { box = CellBox(cell) }

    public var cell: Cell { box.cell }

    public var kind: String { "cell" }

    var config: String { cell.description }

    public var summary: String {
        if let i = cell.inputSize { return "\(config), input \(i)" }
        return "\(config), not built"
    }

    public var detail: String {
        var lines = [config]
        if let i = cell.inputSize, let vars = cell.variables {
            lines.append("  input size: \(i)")
            let width = vars.map(\.name.count).max() ?? 0
            for v in vars {
                var line = "  \(v.name):" + String(repeating: " ", count: width - v.name.count + 1) + "\(shapeString(v.shape)) float32"
                if let note = cell.kind.variableNote(v.name) { line += "  (\(note))" }
                lines.append(line)
            }
        } else {
            let names = cell.variablesFor(input: 1).map(\.name)
            let listed = names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "") : names.joined()
            lines.append("  input size: not known yet (\(listed) are created on first use, as in TF; seed \(cell.seed))")
        }
        let names = cell.stateNames
        lines.append(names.count == 1 ? "  state: \(names[0]), (batch, \(cell.units))"
                                      : "  state: (\(names.joined(separator: ", "))), each (batch, \(cell.units))")
        return lines.joined(separator: "\n")
    }

    /// A weight by its TF name with `/` written as `_` (`kernel`, `gates_kernel`).
    static func attributeName(_ tfName: String) -> String { tfName.replacingOccurrences(of: "/", with: "_") }

    public func attribute(_ name: String) -> Value? {
        switch name {
        case "num_units", "units": return .int(cell.units)
        case "forget_bias" where cell.kind.hasForgetBias: return .float(Double(cell.options.forgetBias))
        case "activation" where cell.kind.hasActivation: return .string(cell.options.activation.rawValue)
        case "input_size": return cell.inputSize.map { .int($0) } ?? Value.none
        case "state_size":
            let n = cell.stateNames.count
            return n == 1 ? .int(cell.units) : .tuple((0..<n).map { _ in .int(cell.units) })
        case "output_size": return .int(cell.units)
        case "kind": return .string(cell.kind.rawValue)
        case "weights":
            return .record(Record((cell.weights ?? []).map { (name: $0.name, value: Value.array($0.array)) }))
        default:
            guard variableNames.contains(name) else { return nil }
            return (cell.weights?.first { Self.attributeName($0.name) == name }).map { .array($0.array) } ?? Value.none
        }
    }

    /// The weights' attribute names (before building, those of a cell of any input width).
    var variableNames: [String] {
        (cell.variables ?? cell.variablesFor(input: 1)).map { Self.attributeName($0.name) }
    }

    public var attributeNames: [String] {
        variableNames + ["num_units", "kind", "weights"] + (cell.kind.hasForgetBias ? ["forget_bias"] : [])
            + (cell.kind.hasActivation ? ["activation"] : [])
            + ["input_size", "state_size", "output_size"]
    }

    /// `save CELL FILE`: the weights under TF's names (plus `forget_bias` when it is not TF's
    /// default 1.0, `activation` (UTF-8) when it is not tanh, and `cell` naming the kind when it
    /// is not `CellKind.standard`), so `load` gives the same cell back.
    public var archiveMembers: [(name: String, array: NDArray)]? {
        guard var members = cell.weights else { return nil }
        if cell.kind.hasForgetBias && cell.options.forgetBias != 1 {
            members.append(("forget_bias", NDArray(scalar: cell.options.forgetBias)))
        }
        if cell.kind.hasActivation && cell.options.activation != .tanh {
            members.append(("activation", ModelCheckpoint.text(cell.options.activation.rawValue)))
        }
        if cell.kind != .standard { members.append(("cell", ModelCheckpoint.text(cell.kind.rawValue))) }
        return members
    }
}

/// Holds the engine's cell (a class) so the value can be `Sendable`; the shell uses it from one
/// thread at a time.
final class CellBox: @unchecked Sendable {
    let cell: Cell
    init(_ cell: Cell) { self.cell = cell }
}
