import Testing
@testable import Tensor

/// + - * / and comparisons against numpy (Fixtures/binary.json): every pair of dtypes, arrays
/// with Python scalars on either side (NEP 50 weak promotion, out-of-range Python ints),
/// broadcasting (and its error text), and numpy's K-order result layout. Integer and IEEE
/// float arithmetic is bit-exact.
@Suite struct ElementwiseTests {
    @Test func matchesNumpy() throws {
        let cases = try loadFixture("binary")
        #expect(cases.count > 2000)
        let passed = try check(cases) { c, x in
            guard let name = c.args["op"]?.string, let op = BinaryOp(rawValue: name) else { throw FixtureFailure(description: "op") }
            return [try NDArray.binary(op, c.operandArg("lhs", x), c.operandArg("rhs", x))]
        }
        #expect(passed == cases.count)
    }

    @Test func promotionTable() {
        #expect(Operand.resultType(.array(NDArray([Int32(1)])), .int(1)) == .int32)
        #expect(Operand.resultType(.array(NDArray([Float(1)])), .float(0.5)) == .float32)
        #expect(Operand.resultType(.array(NDArray([Int32(1)])), .float(0.5)) == .float64)
        #expect(Operand.resultType(.array(NDArray([true])), .int(1)) == .int64)
        #expect(Operand.resultType(.array(NDArray([Float(1)])), .array(NDArray(scalar: 1.0))) == .float64)
        #expect(DType.promote(.uint8, .int32) == .int32)
        #expect(DType.promote(.int32, .float32) == .float64)
        #expect(DType.promote(.uint8, .float32) == .float32)
    }

    @Test func operatorsThrowNumpyBroadcastError() throws {
        let a = try NDArray.zeros([2, 3]), b = try NDArray.zeros([3, 2])
        let e = #expect(throws: TensorError.self) { try a + b }
        #expect(e?.message == "operands could not be broadcast together with shapes (2,3) (3,2) ")
        let s = try a + (try NDArray.ones([3]))
        #expect(s.shape == [2, 3] && s.elements(as: Double.self) == [1, 1, 1, 1, 1, 1])
    }
}
