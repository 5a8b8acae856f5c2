import Testing
@testable import Tensor

/// `arange`, `zeros`, `ones`, `full` and array literals against numpy's own results and errors
/// (Fixtures/creation.json, made by scripts/gen_tensor_fixtures.py).
@Suite struct CreationTests {
    static func perform(_ c: FixtureCase, _ inputs: [NDArray]) throws -> [NDArray] {
        let a = c.args
        let dt: DType? = a["dtype"] == nil ? nil : try dtype(a["dtype"])
        switch c.op {
        case "arange":
            let stop = try operand(a["stop"])
            if a["start"] == nil { return [try NDArray.arange(stop, dtype: dt)] }
            let step = a["step"] == nil ? Operand.int(1) : try operand(a["step"])
            return [try NDArray.arange(start: try operand(a["start"]), stop: stop, step: step, dtype: dt)]
        case "zeros": return [try NDArray.zeros(a["shape"]?.ints ?? [], dtype: dt ?? .float64)]
        case "ones": return [try NDArray.ones(a["shape"]?.ints ?? [], dtype: dt ?? .float64)]
        case "full":
            let value: Operand = a["value"] == nil ? .array(inputs[0]) : try operand(a["value"])
            return [try NDArray.full(a["shape"]?.ints ?? [], value, dtype: dt)]
        case "literal":
            guard let lit = a["literal"] else { throw FixtureFailure(description: "no literal") }
            return [try NDArray(literal: literal(lit), dtype: dt)]
        default: throw FixtureFailure(description: "unknown op \(c.op)")
        }
    }

    @Test func matchesNumpy() throws {
        let cases = try loadFixture("creation")
        #expect(cases.count > 500)
        let passed = try check(cases, Self.perform)
        #expect(passed == cases.count)
    }

    @Test func arangeDefaults() throws {
        let a = try NDArray.arange(.int(5))
        #expect(a.dtype == .int64 && a.elements(as: Int64.self) == [0, 1, 2, 3, 4])
        let f = try NDArray.arange(start: .int(0), stop: .float(1), step: .float(0.25))
        #expect(f.dtype == .float64 && f.elements(as: Double.self) == [0, 0.25, 0.5, 0.75])
    }

    @Test func hugeShapesAreRefusedBeforeAllocating() {
        #expect(throws: TensorError.self) { try NDArray.zeros([1 << 40, 1 << 30]) }
        #expect(throws: TensorError.self) { try NDArray.arange(.int(Int64.max)) }
    }
}
