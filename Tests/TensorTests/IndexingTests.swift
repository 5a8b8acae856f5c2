import Testing
@testable import Tensor

/// Basic indexing and slicing against numpy (Fixtures/indexing.json): values, strides, views,
/// and the exact IndexError/ValueError texts.
@Suite struct IndexingTests {
    @Test func matchesNumpy() throws {
        let cases = try loadFixture("indexing")
        #expect(cases.count > 50)
        let passed = try check(cases) { c, x in [try x[0].subscripted(indexItems(c.args["items"]))] }
        #expect(passed == cases.count)
    }

    /// numpy returns a scalar exactly when `selectsScalar` says so.
    @Test func scalarFlagMatchesNumpy() throws {
        for c in try loadFixture("indexing") where c.error == nil {
            let numpyScalar: Bool
            if case .bool(true)? = c.json["out"]?["scalar"] { numpyScalar = true } else { numpyScalar = false }
            let ndim = try c.inputs().first?.ndim ?? 0
            #expect(IndexItem.selectsScalar(try indexItems(c.args["items"]), ndim: ndim) == numpyScalar, "\(c)")
        }
    }

    @Test func scalarSelection() {
        #expect(IndexItem.selectsScalar([.index(1), .index(2)], ndim: 2))
        #expect(!IndexItem.selectsScalar([.index(1)], ndim: 2))
        #expect(!IndexItem.selectsScalar([.index(1), .ellipsis], ndim: 1))
        #expect(IndexItem.selectsScalar([], ndim: 0))
    }

    @Test func slicesAreViews() throws {
        let a = try NDArray.arange(.int(10))
        let s = try a.subscripted([.slice(start: nil, stop: nil, step: -2)])
        #expect(s.storage === a.storage && s.strides == [-2] && s.offset == 9)
        #expect(s.elements(as: Int64.self) == [9, 7, 5, 3, 1])
    }
}
