import Testing
import Foundation
import Tensor
@testable import RNN

/// Keras and PyTorch layouts: the converted weights, run through each framework's own
/// equations (Reference.kerasLSTM / torchLSTM, written from their documentation), give the same
/// outputs as the TF cell; and converting back gives the TF weights again.
@Suite struct ConversionTests {
    let fx: TFFixture
    init() throws { fx = try TFFixture.load() }

    func d(_ a: NDArray) -> [Double] { floats(a).map(Double.init) }

    /// The fixture cell (forget_bias 1) and, to catch a forgotten forget bias, one with 0.7.
    func cells() throws -> [LSTMCell] {
        try [1.0, 0.7].map { try LSTMCell(kernel: try fx.array("kernel"), bias: try fx.array("bias"), forgetBias: $0) }
    }

    /// The TF cell's outputs in Double (its own equations, its own weights).
    func tfOutputs(_ cell: LSTMCell, _ xs: [NDArray]) throws -> [[Double]] {
        let (B, I, U) = (fx.int("batch"), fx.int("input"), fx.int("units"))
        let z = [Double](repeating: 0, count: B * U)
        return Reference.tfLSTM(kernel: d(try #require(cell.kernel)), bias: d(try #require(cell.bias)),
                                forgetBias: Double(cell.forgetBias), xs: xs.map(d), c0: z, h0: z,
                                batch: B, input: I, units: U).outputs
    }

    /// Same function: the other framework's equations on the converted weights agree with TF's
    /// equations on the original ones (both in Double; only the float32 rounding of
    /// bias + forget_bias differs), and the engine agrees with both to float32 accuracy.
    func expectSame(_ converted: [[Double]], _ cell: LSTMCell, _ xs: [NDArray]) throws {
        let tf = try tfOutputs(cell, xs)
        let engine = try cell.unroll(xs).outputs
        #expect(converted.count == tf.count)
        for (t, (a, b)) in zip(converted, tf).enumerated() {
            let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= 1e-7, "step \(t): \(worst)")
            #expect(maxRelativeError(floats(engine[t]), b.map { Float($0) }, floor: 1e-2) <= 1e-5)
        }
    }

    @Test func kerasLayoutComputesTheSameFunction() throws {
        let (B, I, U) = (fx.int("batch"), fx.int("input"), fx.int("units"))
        let xs = try fx.steps("inputs")
        for cell in try cells() {
            let w = Dictionary(uniqueKeysWithValues: try cell.frameworkWeights(.keras))
            let kernel = try #require(w["kernel"]), recurrent = try #require(w["recurrent_kernel"]), bias = try #require(w["bias"])
            #expect(kernel.shape == [I, 4 * U] && recurrent.shape == [U, 4 * U] && bias.shape == [4 * U])
            let ref = Reference.kerasLSTM(kernel: d(kernel), recurrent: d(recurrent), bias: d(bias),
                                          xs: xs.map(d), batch: B, input: I, units: U)
            try expectSame(ref, cell, xs)
            let back = try Cell(kind: .lstm, framework: .keras, weights: w, options: cell.options)
            #expect(maxRelativeError(floats(try #require(back.kernel)), floats(try #require(cell.kernel))) == 0)
            #expect(maxRelativeError(floats(try #require(back.bias)), floats(try #require(cell.bias))) <= 1e-6)
        }
    }

    @Test func torchLayoutComputesTheSameFunction() throws {
        let (B, I, U) = (fx.int("batch"), fx.int("input"), fx.int("units"))
        let xs = try fx.steps("inputs")
        for cell in try cells() {
            let w = Dictionary(uniqueKeysWithValues: try cell.frameworkWeights(.torch))
            let wih = try #require(w["weight_ih"]), whh = try #require(w["weight_hh"])
            let bih = try #require(w["bias_ih"]), bhh = try #require(w["bias_hh"])
            #expect(wih.shape == [4 * U, I] && whh.shape == [4 * U, U])
            #expect(bih.shape == [4 * U] && bhh.shape == [4 * U])
            let ref = Reference.torchLSTM(wih: d(wih), whh: d(whh), bih: d(bih), bhh: d(bhh),
                                          xs: xs.map(d), batch: B, input: I, units: U)
            try expectSame(ref, cell, xs)
            let back = try Cell(kind: .lstm, framework: .torch, weights: w, options: cell.options)
            #expect(maxRelativeError(floats(try #require(back.kernel)), floats(try #require(cell.kernel))) == 0)
            #expect(maxRelativeError(floats(try #require(back.bias)), floats(try #require(cell.bias))) <= 1e-6)
        }
    }

    @Test func unboundCellHasNoLayout() throws {
        let c = try LSTMCell(units: 3)
        #expect(throws: TensorError.self) { try c.frameworkWeights(.keras) }
        #expect(throws: TensorError.self) { try c.frameworkWeights(.torch) }
    }
}
