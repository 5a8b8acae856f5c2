import Testing
@testable import Tensor

/// `astype` for every pair of dtypes against numpy on x86-64 (Fixtures/cast.json), including
/// NaN, ±inf and out-of-range floats going to integers (which must not trap).
@Suite struct CastTests {
    @Test func matchesNumpy() throws {
        let cases = try loadFixture("cast")
        #expect(cases.count >= 36)
        let passed = try check(cases) { c, x in [try x[0].astype(dtype(c.args["dtype"]))] }
        #expect(passed == cases.count)
    }

    @Test func castIsACopy() throws {
        let a = try NDArray.arange(.int(4))
        let b = try a.astype(.int64)
        #expect(b.storage !== a.storage && !b.isView)
    }
}
