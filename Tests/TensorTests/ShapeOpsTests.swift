import Testing
@testable import Tensor

/// reshape, transpose, ravel, squeeze, expand_dims, split, array_split, concatenate, stack and
/// broadcast_to against numpy (Fixtures/shape_ops.json): values, dtypes, byte strides, whether
/// the result is a view, and every error's exact text.
@Suite struct ShapeOpsTests {
    static func axisList(_ j: J?) -> [Int]? {
        guard let j, !j.isNull else { return nil }
        if let i = j.int { return [i] }
        return j.ints
    }

    static func perform(_ c: FixtureCase, _ x: [NDArray]) throws -> [NDArray] {
        let a = c.args
        switch c.op {
        case "reshape": return [try x[0].reshape(a["shape"]?.ints ?? [])]
        case "transpose": return [try x[0].transpose(axisList(a["axes"]))]
        case "ravel": return [try x[0].ravel()]
        case "flatten": return [try x[0].flatten()]
        case "squeeze": return [try x[0].squeeze(axis: axisList(a["axis"]))]
        case "expand_dims": return [try x[0].expandDims(axis: axisList(a["axis"]) ?? [])]
        case "split", "array_split":
            let axis = a["axis"]?.int ?? 0
            let isSplit = c.op == "split"
            if let s = a["sections"]?.int {
                return isSplit ? try x[0].split(sections: s, axis: axis) : try x[0].arraySplit(sections: s, axis: axis)
            }
            let idx = a["indices"]?.ints ?? []
            return isSplit ? try x[0].split(indices: idx, axis: axis) : try x[0].arraySplit(indices: idx, axis: axis)
        case "concatenate": return [try NDArray.concatenate(x, axis: a["axis"]?.int)]
        case "stack": return [try NDArray.stack(x, axis: a["axis"]?.int ?? 0)]
        case "broadcast_to": return [try x[0].broadcast(to: a["shape"]?.ints ?? [])]
        default: throw FixtureFailure(description: "unknown op \(c.op)")
        }
    }

    @Test func matchesNumpy() throws {
        let cases = try loadFixture("shape_ops")
        #expect(cases.count > 200)
        let passed = try check(cases, Self.perform)
        #expect(passed == cases.count)
    }

    @Test func transposeIsAViewAndReshapeOfItCopies() throws {
        let a = try NDArray.arange(.int(6)).reshape([2, 3])
        let t = try a.transpose()
        #expect(t.isView && t.storage === a.storage && t.strides == [1, 3])
        let r = try t.reshape([6])
        #expect(r.storage !== a.storage && !r.isView)
        #expect(r.elements(as: Int64.self) == [0, 3, 1, 4, 2, 5])
        let v = try a.reshape([3, 2])
        #expect(v.isView && v.storage === a.storage)
    }

    @Test func numpyShapeStrings() {
        #expect(numpyShapeString([3, 3]) == "(3,3)")
        #expect(numpyShapeString([-1, 3]) == "(3)")
        #expect(numpyShapeString([3, -1, 2]) == "(3,newaxis,2)")
        #expect(numpyShapeString([8]) == "(8,)")
        #expect(numpyShapeString([]) == "()")
        #expect(numpyShapeString([-1]) == "()")
    }
}
