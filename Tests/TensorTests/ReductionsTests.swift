import Testing
@testable import Tensor

/// sum/mean/max/min/argmax/argmin against numpy (Fixtures/reductions.json): every dtype, axis
/// None/int/tuple, keepdims, C-ordered, transposed, reversed and strided inputs. Float sums are
/// compared bit for bit: they reproduce numpy's pairwise summation in numpy's memory order.
/// (numpy sums unsigned integers into uint64, as rnnsh does.)
@Suite struct ReductionsTests {
    @Test func matchesNumpy() throws {
        let cases = try loadFixture("reductions")
        #expect(cases.count > 3000)
        let passed = try check(cases) { c, x in
            let axisJ = c.args["axis"]
            let keep = c.args["keepdims"] == .bool(true)
            let name = c.args["op"]?.string ?? ""
            switch name {
            case "argmax": return [try x[0].argmax(axis: axisJ?.int, keepdims: keep)]
            case "argmin": return [try x[0].argmin(axis: axisJ?.int, keepdims: keep)]
            default:
                guard let op = ReduceOp(rawValue: name) else { throw FixtureFailure(description: "op \(name)") }
                if let axis = axisJ?.int { return [try x[0].reduce(op, axis: axis, keepdims: keep)] }
                return [try x[0].reduce(op, axis: axisJ?.ints, keepdims: keep)]
            }
        }
        #expect(passed == cases.count)
    }

    @Test func pairwiseSumDiffersFromNaive() throws {
        // numpy 2.4: np.full(1000, 0.1, np.float32).sum() → 100.000015 (pairwise);
        // a left-to-right float32 loop gives 99.99905.
        let a = try NDArray.full([1000], .float(0.1), dtype: .float32)
        let s = try a.sum()
        #expect(s.elements(as: Float.self) == [Float(100.000015)])
        #expect(s.elements(as: Float.self) != [Float(99.99905)])
    }
}
