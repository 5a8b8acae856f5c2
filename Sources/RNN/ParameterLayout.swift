/// Where each tensor of the model lives in its one flat parameter vector (and in the gradient
/// and Adam buffers of the same layout), so the optimizer is a single vectorised loop: every
/// layer's cells (forward, then backward when bidirectional) in order, each its variables in
/// TF order, then the dense layer `W [F, K] | b [K]` (F = units, or 2·units bidirectional).
struct ParameterLayout: Equatable, Sendable {
    /// One cell's slice: which layer and direction, its input width and its variables.
    struct Slot: Equatable, Sendable {
        var layer: Int, direction: Int
        var offset: Int, input: Int
        var variables: [CellVariable]
        var count: Int { variables.reduce(0) { $0 + $1.count } }
    }
    let input: Int, units: Int, classes: Int
    let layers: Int, directions: Int
    let slots: [Slot]
    let denseW: Int, denseB: Int, total: Int
    /// Width of what the dense layer reads: the last outputs of every direction, concatenated.
    var features: Int { directions * units }

    init(cell: any RecurrentCell, input: Int, classes: Int, layers: Int, directions: Int) {
        self.input = input; units = cell.units; self.classes = classes
        self.layers = layers; self.directions = directions
        var s: [Slot] = []
        var offset = 0
        for l in 0..<layers {
            let width = l == 0 ? input : directions * cell.units
            for d in 0..<directions {
                let slot = Slot(layer: l, direction: d, offset: offset, input: width, variables: cell.variables(input: width))
                s.append(slot)
                offset += slot.count
            }
        }
        slots = s
        denseW = offset
        denseB = denseW + directions * cell.units * classes
        total = denseB + classes
    }

    func slot(_ layer: Int, _ direction: Int) -> Slot { slots[layer * directions + direction] }
}
