import Testing
import Tensor
@testable import RNN

/// The engine against TensorFlow 1.x (fixtures from scripts/tf_fixtures.py): forward outputs,
/// final state and every gradient, to ≤ 1e-5 relative (values near zero: 1e-8 absolute).
@Suite struct LSTMFixtureTests {
    let fx: TFFixture
    init() throws { fx = try TFFixture.load() }

    func cell() throws -> LSTMCell {
        try LSTMCell(kernel: fx.array("kernel"), bias: fx.array("bias"), forgetBias: Float(fx.double("forget_bias")))
    }
    func initial() throws -> LSTMState { LSTMState(c: try fx.array("c0"), h: try fx.array("h0")) }

    @Test func forwardMatchesTF() throws {
        let r = try cell().unroll(try fx.steps("inputs"), initialState: try initial())
        let want = try fx.steps("outputs")
        #expect(r.outputs.count == want.count)
        for (o, w) in zip(r.outputs, want) {
            #expect(o.shape == w.shape)
            #expect(maxRelativeError(floats(o), floats(w)) <= 1e-5)
        }
        #expect(maxRelativeError(floats(r.state.c), floats(try fx.array("final_c"))) <= 1e-5)
        #expect(maxRelativeError(floats(r.state.h), floats(try fx.array("final_h"))) <= 1e-5)
    }

    @Test func stepByStepEqualsUnroll() throws {
        let c = try cell()
        var state = try initial()
        let want = try fx.steps("outputs")
        for (x, w) in zip(try fx.steps("inputs"), want) {
            let r = try c.step(x, state: state)
            state = r.state
            #expect(maxRelativeError(floats(r.output), floats(w)) <= 1e-5)
        }
    }
}
