import Foundation
import Testing
import Tensor
@testable import Printing

/// Every `>>>` example of the printing spec plus our own edge cases and random digit cases,
/// each compared byte for byte with numpy's own text (Fixtures/print_examples.json).
@Suite struct ExampleTests {
    let fixture: ExampleFixture

    init() throws { fixture = try ExampleFixture.load() }

    @Test func fixtureCoversTheSpec() {
        #expect(fixture.cases.filter { $0.name.hasPrefix("spec block") }.count >= 100)
        #expect(fixture.numpy.hasPrefix("2.4"))
    }

    @Test func arraysStrAndRepr() throws {
        var failures: [String] = []
        for c in fixture.cases where c.kind == "array" {
            guard let encoded = c.arrays.first else { continue }
            let a = try encoded.makeArray()
            let s = NumpyFormat.str(a)
            if s != c.str { failures.append(mismatchReport("str  \(c.name)", expected: c.str, got: s)) }
            let r = NumpyFormat.repr(a)
            if r != c.repr { failures.append(mismatchReport("repr \(c.name)", expected: c.repr, got: r)) }
        }
        #expect(failures.isEmpty, "\(failures.count) mismatches:\n\(failures.prefix(8).joined(separator: "\n"))")
    }

    @Test func listsAndTuples() throws {
        var failures: [String] = []
        var checked = 0
        for c in fixture.cases where c.kind == "list" || c.kind == "tuple" {
            let arrays = try c.arrays.map { try $0.makeArray() }
            let got = c.kind == "list" ? NumpyFormat.list(arrays) : NumpyFormat.tuple(arrays)
            // A Python list or tuple prints the same for str and repr.
            #expect(c.str == c.repr)
            if got != c.str { failures.append(mismatchReport("\(c.kind) \(c.name)", expected: c.str, got: got)) }
            checked += 1
        }
        #expect(checked >= 15)
        #expect(failures.isEmpty, "\(failures.count) mismatches:\n\(failures.prefix(8).joined(separator: "\n"))")
    }

    @Test func scalarStrAndRepr() throws {
        var failures: [String] = []
        for c in fixture.scalars {
            guard let dt = DType(numpyName: c.dtype) else { throw FixtureError(description: c.dtype) }
            let s = try decodeScalar(c.value, dtype: dt)
            let str = NumpyFormat.scalarStr(s, dtype: dt)
            let repr = NumpyFormat.scalarRepr(s, dtype: dt)
            if str != c.str { failures.append("str  \(c.dtype) \(c.value): expected \(c.str) got \(str)") }
            if repr != c.repr { failures.append("repr \(c.dtype) \(c.value): expected \(c.repr) got \(repr)") }
        }
        #expect(fixture.scalars.count > 500)
        #expect(failures.isEmpty, "\(failures.count) mismatches:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    /// Views (transposed, stepped with negative strides and an offset) print like the copies
    /// numpy printed: the printer must walk strides, not raw storage order.
    @Test func viewsPrintLikeTheirCopies() throws {
        func named(_ n: String) throws -> ExampleFixture.Case {
            guard let c = fixture.cases.first(where: { $0.name == n }) else { throw FixtureError(description: n) }
            return c
        }
        let base = try named("view base").arrays[0].makeArray()   // (4, 6), strides (6, 1)
        let transposed = NDArray(viewing: base.storage, dtype: base.dtype, shape: [6, 4], strides: [1, 6], offset: 0)
        let t = try named("view transposed")
        #expect(NumpyFormat.str(transposed) == t.str)
        #expect(NumpyFormat.repr(transposed) == t.repr)
        // base[1::2, ::-2]: rows 1, 3; columns 5, 3, 1.
        let stepped = NDArray(viewing: base.storage, dtype: base.dtype, shape: [2, 3], strides: [12, -2], offset: 6 + 5)
        let st = try named("view stepped")
        #expect(NumpyFormat.str(stepped) == st.str)
        #expect(NumpyFormat.repr(stepped) == st.repr)
    }
}
