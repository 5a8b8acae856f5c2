import Foundation
import Tensor
import Printing
import RNN

/// `gates CELL X STATE`: one LSTM step opened up. The engine computes the step
/// (`LSTMCell.stepInternals`); this view lays out what happened: the pre-activations
/// `concat([x, h]) @ kernel + bias` split into i, j, f, o, each gate's activation, and the
/// new c and h — as a table of ranges and means, and on request every array in numpy's format.
public struct GateView: Sendable {
    public let internals: LSTMStepInternals
    public let xShape: [Int]
    /// How the user wrote the cell, the input and the state (for the heading).
    public let names: (cell: String, x: String, state: String?)

    public init(_ internals: LSTMStepInternals, xShape: [Int], cell: String = "cell", x: String = "x", state: String? = nil) {
        self.internals = internals
        self.xShape = xShape
        self.names = (cell, x, state)
    }

    /// The four gates in TF's order, with what each does.
    public static let gateNames = ["i", "j", "f", "o"]
    static let roles = ["input gate", "candidate", "forget gate", "output gate"]

    /// Gate `k` (0…3) of the pre-activations or of the activations: a `(batch, units)` view.
    public func gate(_ k: Int, activated: Bool) -> NDArray {
        let u = internals.units
        let source = activated ? internals.activations : internals.preactivations
        return (try? source.subscripted([.all, .slice(start: k * u, stop: (k + 1) * u, step: nil)])) ?? source
    }

    var formulas: [String] {
        let fb = NumpyFormat.scalarStr(.float32(internals.forgetBias), dtype: .float32)
        return ["sigmoid(i)", "tanh(j)", "sigmoid(f + \(fb))", "sigmoid(o)"]
    }

    /// `-0.512 .. 0.734`.
    static func range(_ a: NDArray) -> String {
        let v = a.scalars.map(\.doubleValue)
        guard let lo = v.min(), let hi = v.max() else { return "empty" }
        return String(format: "%.3f .. %.3f", lo, hi)
    }

    static func mean(_ a: NDArray) -> String {
        let v = a.scalars.map(\.doubleValue)
        guard !v.isEmpty else { return "" }
        return String(format: "%.3f", v.reduce(0, +) / Double(v.count))
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
    }

    /// The table (and, with `values`, every array). No trailing newline.
    public func text(values: Bool = false) -> String {
        let u = internals.units
        let batch = internals.c.shape.first ?? 0
        let width = xShape.count == 2 ? xShape[1] : 0
        let stateText = names.state.map { "state \($0)" } ?? "a zero state"
        var lines: [String] = []
        lines.append("one step of \(names.cell) on \(names.x) \(shapeString(xShape)) from \(stateText):")
        lines.append("  concat([x, h], 1) \(shapeString([batch, width + u])) @ kernel \(shapeString([width + u, 4 * u])) + bias \(shapeString([4 * u])) → gates \(shapeString([batch, 4 * u])), split into i, j, f, o of \(shapeString([batch, u]))")
        lines.append("  " + Self.pad("gate", 16) + Self.pad("activation", 20) + Self.pad("pre-activation", 18) + Self.pad("activated", 18) + "mean")
        for k in 0..<4 {
            let pre = gate(k, activated: false), act = gate(k, activated: true)
            lines.append("  " + Self.pad("\(Self.gateNames[k]) \(Self.roles[k])", 16) + Self.pad(formulas[k], 20)
                         + Self.pad(Self.range(pre), 18) + Self.pad(Self.range(act), 18) + Self.mean(act))
        }
        lines.append("  " + Self.pad("c new cell", 16) + Self.pad("c*f + i*j", 20) + Self.pad("", 18) + Self.pad(Self.range(internals.c), 18) + Self.mean(internals.c))
        lines.append("  " + Self.pad("h output", 16) + Self.pad("tanh(c)*o", 20) + Self.pad("", 18) + Self.pad(Self.range(internals.h), 18) + Self.mean(internals.h))
        if values {
            for k in 0..<4 {
                lines.append("\(Self.gateNames[k]) = \(formulas[k]):")
                lines.append(NumpyFormat.str(gate(k, activated: true)))
            }
            lines.append("c:")
            lines.append(NumpyFormat.str(internals.c))
            lines.append("h:")
            lines.append(NumpyFormat.str(internals.h))
        }
        return lines.joined(separator: "\n")
    }
}
