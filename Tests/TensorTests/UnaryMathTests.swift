import Testing
@testable import Tensor

/// exp, tanh, sigmoid, negative and softmax against numpy (Fixtures/unary.json).
///
/// numpy 2.4 computes exp/tanh with its own SIMD code on x86-64. float32 exp and tanh and
/// float64 tanh reproduce it bit for bit (0 ulp); float64 exp calls glibc, 1 ulp from numpy's
/// AVX-512F algorithm on some inputs; float16 (computed in float32 by numpy's half loops) keeps
/// 3 ulp; sigmoid and softmax inherit exp's distance plus the rounding of the following steps.
@Suite struct UnaryMathTests {
    @Test func matchesNumpy() throws {
        let cases = try loadFixture("unary")
        #expect(cases.count > 60)
        let passed = try check(cases, ulps: { c in
            // The tolerance follows the dtype of this case's own input.
            let ref = c.json["in"]?.list?.first?.int ?? 0
            let dt = c.pool.indices.contains(ref) ? c.pool[ref]["dtype"]?.string ?? "" : ""
            let f32 = dt == "float32"
            switch c.args["op"]?.string ?? "softmax" {
            case "exp": return f32 ? 0 : 1
            case "tanh": return f32 || dt == "float64" ? 0 : 3
            case "sigmoid": return f32 ? 3 : 2
            case "negative": return 0
            default: return f32 ? 4 : 3
            }
        }) { c, x in
            if c.op == "softmax" { return [try x[0].softmax(axis: c.args["axis"]?.int)] }
            guard let name = c.args["op"]?.string, let op = UnaryOp(rawValue: name) else { throw FixtureFailure(description: "op") }
            return [try x[0].apply(op)]
        }
        #expect(passed == cases.count)
    }

    /// numpy gives float16 for exp/tanh of bool and uint8 (its half loops, computed in float32):
    /// `np.exp(np.array([1, 2], dtype=np.uint8))` is `[2.719 7.39 ]` as float16.
    @Test func smallIntegersGiveFloat16() throws {
        let u = NDArray([UInt8(1), 2])
        let e = try u.apply(.exp)
        #expect(e.dtype == .float16)
        #expect(e.elements(as: Float16.self) == [Float16(2.719), Float16(7.39)])
        #expect(try NDArray([true]).apply(.exp).dtype == .float16)
        #expect(try NDArray([Int16(1)]).apply(.tanh).dtype == .float32)
    }

    @Test func softmaxRowsSumToOne() throws {
        let x = try NDArray.arange(.int(12)).astype(.float32).reshape([3, 4])
        let s = try x.softmax().sum(axis: [-1])
        for v in s.elements(as: Float.self) ?? [] { #expect(abs(v - 1) < 1e-6) }
    }
}
