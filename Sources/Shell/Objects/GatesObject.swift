import Tensor
import Explore
import RNN

/// What `gates` returns: one step opened up. Shown, it is the gate table; assigned
/// (`g = gates lstm x state`), its parts are arrays to look at further — `heatmap g.f`,
/// `g.i.mean()`, `g.c` — each gate's activation by its name, its pre-activation as
/// `NAME_pre`, and the new state's parts (`c`, `h`).
public struct GatesObject: ShellObject {
    public let view: GateView
    /// Whether the table also prints every array (`values=True`).
    public let showValues: Bool

    public init(_ view: GateView, showValues: Bool) {
        self.view = view
        self.showValues = showValues
    }

    public var kind: String { "gates" }

    public var summary: String {
        let names = view.internals.gates.map(\.name).joined(separator: ", ")
        return "one step's gates \(names) of \(view.internals.units) units"
    }

    public var detail: String { view.text(values: showValues) }

    public func attribute(_ name: String) -> Value? {
        let inside = view.internals
        if let g = inside.gates.first(where: { $0.name == name }) { return .array(g.activation) }
        if name.hasSuffix("_pre"), let g = inside.gates.first(where: { $0.name + "_pre" == name }) { return .array(g.preactivation) }
        if let o = inside.outputs.first(where: { $0.name == name }) { return .array(o.value) }
        return nil
    }

    public var attributeNames: [String] {
        let inside = view.internals
        return inside.gates.map(\.name) + inside.gates.map { $0.name + "_pre" } + inside.outputs.map(\.name)
    }
}
