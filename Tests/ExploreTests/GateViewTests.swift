import Testing
import Tensor
import RNN
import Printing
@testable import Explore

/// `gates`: one step of a cell with fixed weights, against numpy (values below computed with
/// numpy from the same kernel, bias, x and state; see the comment in `cell()`).
@Suite struct GateViewTests {
    /// kernel = ((arange(112) % 7 - 3) * 0.1).reshape(7, 16), bias = arange(16) * 0.01 (float32).
    static func cell() throws -> LSTMCell {
        let k = (0..<112).map { Float($0 % 7 - 3) * 0.1 }
        let b = (0..<16).map { Float($0) * 0.01 }
        return try LSTMCell(kernel: NDArray(k, shape: [7, 16]), bias: NDArray(b, shape: [16]))
    }
    let x: NDArray
    let state: LSTMState

    init() throws {
        x = try NDArray([Float(0.5), -1, 2, 0, 1, -0.5], shape: [2, 3])
        state = LSTMState(c: try NDArray([Float](repeating: 0.5, count: 8), shape: [2, 4]),
                          h: try NDArray([Float](repeating: -0.25, count: 8), shape: [2, 4]))
    }

    @Test func internalsAgreeWithTheEnginesStep() throws {
        let c = try Self.cell()
        let inside = try c.stepInternals(x, state: state)
        let step = try c.step(x, state: state)
        #expect(inside.h.elements(as: Float.self) == step.output.elements(as: Float.self))
        #expect(inside.c.elements(as: Float.self) == step.state.c.elements(as: Float.self))
        // numpy: h = tanh(c)*sigmoid(o) for the same inputs.
        let numpyH: [Float] = [0.07664517, 0.30313605, 0.2742951, 0.20929305, 0.23294923, 0.12409432, 0.15871511, 0.15991135]
        for (a, b) in zip(inside.h.elements(as: Float.self) ?? [], numpyH) { #expect(abs(a - b) < 1e-6) }
    }

    @Test func tableMatchesNumpy() throws {
        let inside = try Self.cell().stepInternals(x, state: state)
        let text = GateView(inside, xShape: [2, 3], cell: "lstm", x: "x", state: "s").text()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "one step of lstm on x (2, 3) from state s:")
        #expect(lines[1] == "  concat([x, h], 1) (2, 7) @ kernel (7, 16) + bias (16,) → gates (2, 16), split into i, j, f, o of (2, 4)")
        #expect(lines[2] == "  gate            activation          pre-activation    activated         mean")
        #expect(lines[3] == "  i input gate    sigmoid(i)          -0.795 .. 0.545   0.311 .. 0.633    0.508")
        #expect(lines[4] == "  j candidate     tanh(j)             -0.560 .. 0.490   -0.508 .. 0.454   0.023")
        #expect(lines[5] == "  f forget gate   sigmoid(f + 1.0)    -0.725 .. 0.615   0.568 .. 0.834    0.742")
        #expect(lines[6] == "  o output gate   sigmoid(o)          -0.180 .. 0.505   0.455 .. 0.624    0.536")
        #expect(lines[7] == "  c new cell      c*f + i*j                             0.136 .. 0.565    0.382")
        #expect(lines[8] == "  h output        tanh(c)*o                             0.077 .. 0.303    0.192")
        #expect(lines.count == 9)
    }

    @Test func valuesOnRequestAndZeroState() throws {
        let inside = try Self.cell().stepInternals(x, state: nil)
        let text = GateView(inside, xShape: [2, 3]).text(values: true)
        #expect(text.hasPrefix("one step of cell on x (2, 3) from a zero state:"))
        #expect(text.contains("\nf = sigmoid(f + 1.0):\n[["))
        #expect(text.hasSuffix("h:\n" + NumpyFormat.str(inside.h)))
    }

    @Test func unrollLines() {
        #expect(UnrollTrace.line(step: 3, x: [2, 3], units: 128) == "step 3: [x (2,3), h (2,128)] (2,131) → gates (2,512) → c (2,128), h (2,128)")
    }
}
