import Foundation
import Tensor
import Printing
import RNN

/// `gates CELL X STATE`: one step of a cell opened up. The engine computes the step
/// (`Cell.internals`, the cell's own forward pass); this view lays out what happened: each
/// gate's pre-activation and activation (the LSTM's i, j, f, o; the GRU's r, u, c; the RNN's
/// h) and the new state — as a table of ranges and means, and on request every array in
/// numpy's format.
public struct GateView: Sendable {
    public let internals: CellInternals
    public let xShape: [Int]
    /// How the user wrote the cell, the input and the state (for the heading).
    public let names: (cell: String, x: String, state: String?)

    public init(_ internals: CellInternals, xShape: [Int], cell: String = "cell", x: String = "x", state: String? = nil) {
        self.internals = internals
        self.xShape = xShape
        self.names = (cell, x, state)
    }

    /// Gate `k`'s pre-activations or activations: a `(batch, units)` array.
    public func gate(_ k: Int, activated: Bool) -> NDArray {
        activated ? internals.gates[k].activation : internals.gates[k].preactivation
    }

    /// The gates' formulas, with the LSTM's forget bias written as numpy prints a float32.
    var formulas: [String] {
        internals.gates.map { g in
            guard let fb = internals.forgetBias else { return g.formula }
            return g.formula.replacingOccurrences(of: "forget_bias", with: NumpyFormat.scalarStr(.float32(fb), dtype: .float32))
        }
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
        let stateText = names.state.map { "state \($0)" } ?? "a zero state"
        var lines: [String] = []
        lines.append("one step of \(names.cell) on \(names.x) \(shapeString(xShape)) from \(stateText):")
        lines.append("  " + internals.product)
        lines.append("  " + Self.pad("gate", 16) + Self.pad("activation", 20) + Self.pad("pre-activation", 18) + Self.pad("activated", 18) + "mean")
        let f = formulas
        for (k, g) in internals.gates.enumerated() {
            lines.append("  " + Self.pad("\(g.name) \(g.role)", 16) + Self.pad(f[k], 20)
                         + Self.pad(Self.range(g.preactivation), 18) + Self.pad(Self.range(g.activation), 18) + Self.mean(g.activation))
        }
        for o in internals.outputs {
            lines.append("  " + Self.pad("\(o.name) \(o.role)", 16) + Self.pad(o.formula, 20) + Self.pad("", 18)
                         + Self.pad(Self.range(o.value), 18) + Self.mean(o.value))
        }
        if values {
            for (k, g) in internals.gates.enumerated() {
                lines.append("\(g.name) = \(f[k]):")
                lines.append(NumpyFormat.str(g.activation))
            }
            for o in internals.outputs {
                lines.append("\(o.name):")
                lines.append(NumpyFormat.str(o.value))
            }
        }
        return lines.joined(separator: "\n")
    }
}
