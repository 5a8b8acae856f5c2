import Testing
import Foundation
import Tensor
@testable import RNN

/// The cell's API: TF1 defaults (glorot-uniform kernel, zero bias), seeded reproducibility,
/// input size bound on first use, any numeric dtype computed as float32, and shape errors.
@Suite struct CellTests {
    @Test func firstUseBindsGlorotKernelAndZeroBias() throws {
        let c = try LSTMCell(units: 6, seed: 42)
        #expect(c.kernel == nil && c.inputSize == nil)
        let x = try NDArray([Float](repeating: 0.5, count: 2 * 3), shape: [2, 3])
        _ = try c.unroll([x])
        let k = try #require(c.kernel), b = try #require(c.bias)
        #expect(k.shape == [9, 24] && b.shape == [24])
        let limit = Float((6.0 / Double(9 + 24)).squareRoot())
        let kv = floats(k)
        #expect(kv.allSatisfy { abs($0) <= limit })
        #expect(kv.contains { abs($0) > limit * 0.8 })        // spread over the range, not tiny
        #expect(floats(b).allSatisfy { $0 == 0 })
        // Same seed, same weights; another seed, others.
        let c2 = try LSTMCell(units: 6, seed: 42); try c2.build(inputSize: 3)
        let c3 = try LSTMCell(units: 6, seed: 43); try c3.build(inputSize: 3)
        #expect(floats(try #require(c2.kernel)) == kv)
        #expect(floats(try #require(c3.kernel)) != kv)
        // Bound: another width is an error.
        let wrong = try NDArray([Float](repeating: 0, count: 2 * 4), shape: [2, 4])
        #expect(throws: TensorError.self) { try c.unroll([wrong]) }
    }

    @Test func anyNumericDtypeComputesAsFloat32() throws {
        let c = try LSTMCell(units: 4, seed: 1)
        let ints: [Int64] = [1, 0, 2, 3, 1, 0]
        let a = try c.unroll([try NDArray(ints, shape: [2, 3])])
        let b = try c.unroll([try NDArray(ints.map { Float($0) }, shape: [2, 3])])
        let u = try c.unroll([try NDArray(ints.map { UInt8($0) }, shape: [2, 3])])
        let f64 = try c.unroll([try NDArray(ints.map { Double($0) }, shape: [2, 3])])
        #expect(a.state.h.dtype == .float32)
        #expect(floats(a.state.h) == floats(b.state.h))
        #expect(floats(u.state.h) == floats(b.state.h))
        #expect(floats(f64.state.h) == floats(b.state.h))
    }

    @Test func zeroStateAndGivenStateAgree() throws {
        let c = try LSTMCell(units: 5, seed: 3)
        let xs = try (0..<4).map { t in try NDArray((0..<6).map { Float($0 + t) / 10 }, shape: [2, 3]) }
        let fromNil = try c.unroll(xs)
        let fromZero = try c.unroll(xs, initialState: try c.zeroState(batch: 2))
        #expect(floats(fromNil.state.c) == floats(fromZero.state.c))
        #expect(floats(fromNil.state.h) == floats(fromZero.state.h))
        #expect(fromNil.outputs.count == 4 && fromNil.outputs[0].shape == [2, 5])
        // The forget bias is applied at every step and never stored.
        #expect(floats(try #require(c.bias)).allSatisfy { $0 == 0 })
    }

    @Test func shapeErrors() throws {
        let c = try LSTMCell(units: 2)
        #expect(throws: TensorError.self) { try c.unroll([]) }
        let x = try NDArray([Float](repeating: 0, count: 6), shape: [2, 3])
        let y = try NDArray([Float](repeating: 0, count: 3), shape: [1, 3])
        #expect(throws: TensorError.self) { try c.unroll([x, y]) }
        #expect(throws: TensorError.self) { try c.unroll([NDArray([Float(1), 2, 3])]) }
        let bad = LSTMState(c: try NDArray(zeros: [3, 2], dtype: .float32), h: try NDArray(zeros: [3, 2], dtype: .float32))
        #expect(throws: TensorError.self) { try c.unroll([x], initialState: bad) }
        #expect(throws: TensorError.self) { try LSTMCell(units: 0) }
    }

    /// `unroll` splits a large batch's products and cell rows over the cores; every row must
    /// come out bit for bit as when its rows run alone (8-row slices never split: too small).
    @Test(arguments: CellKind.allCases)
    func unrollOfALargeBatchEqualsItsSlicesBitForBit(kind: CellKind) throws {
        let (T, B, I, U, S) = (4, 96, 20, 128, 8)
        var rng = SeededRandom(seed: 11)
        let xs = (0..<T).map { _ in (0..<(B * I)).map { _ in Float(rng.unit()) * 2 - 1 } }
        let c = try Cell(kind: kind, units: U, seed: 5)
        let whole = try c.unroll(try xs.map { try NDArray($0, shape: [B, I]) })
        for s in stride(from: 0, to: B, by: S) {
            let part = try c.unroll(try xs.map { try NDArray(Array($0[(s * I)..<((s + S) * I)]), shape: [S, I]) })
            for t in 0..<T {
                let w = floats(whole.outputs[t]), p = floats(part.outputs[t])
                #expect(Array(w[(s * U)..<((s + S) * U)]).map(\.bitPattern) == p.map(\.bitPattern), "\(kind) step \(t) rows \(s)")
            }
            for (wp, pp) in zip(whole.state.parts, part.state.parts) {
                let w = floats(wp), p = floats(pp)
                #expect(Array(w[(s * U)..<((s + S) * U)]).map(\.bitPattern) == p.map(\.bitPattern), "\(kind) state rows \(s)")
            }
        }
    }
}
