import Testing
@testable import Tensor

/// matmul against numpy (Fixtures/matmul.json): 1-d/2-d/batched/broadcast shapes, mixed dtypes,
/// and numpy's gufunc error texts. Integers and bools are exact; floats are within the standard
/// dot-product rounding bound (k+2)·eps·(|a|@|b|), because numpy's BLAS sums in its own order.
@Suite struct MatMulTests {
    @Test func matchesNumpy() throws {
        let cases = try loadFixture("matmul")
        #expect(cases.count > 100)
        let passed = try check(cases) { _, x in [try NDArray.matmul(x[0], x[1])] }
        #expect(passed == cases.count)
    }

    @Test func lstmShapeMismatchMessage() throws {
        let x = try NDArray.zeros([1, 156]), w = try NDArray.zeros([128, 512])
        let e = #expect(throws: TensorError.self) { try NDArray.matmul(x, w) }
        #expect(e?.message == "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 128 is different from 156)")
    }
}
