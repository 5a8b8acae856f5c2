import Foundation
import Tensor

/// Decoding of `Fixtures/print_examples.json` (made by `scripts/gen_print_examples.py`).
struct ExampleFixture: Decodable {
    struct EncodedArray: Decodable {
        let dtype: String
        let shape: [Int]
        /// Floats as hex bit patterns, integers as decimal strings, bools as 0/1.
        let data: [String]
    }
    struct Case: Decodable {
        let name: String
        let kind: String
        let arrays: [EncodedArray]
        let str: String
        let repr: String
    }
    struct ScalarCase: Decodable {
        let dtype: String
        let value: String
        let str: String
        let repr: String
    }
    let numpy: String
    let cases: [Case]
    let scalars: [ScalarCase]

    static func load() throws -> ExampleFixture {
        let data = try Data(contentsOf: fixturesDirectory().appendingPathComponent("print_examples.json"))
        return try JSONDecoder().decode(ExampleFixture.self, from: data)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
}

/// The copied `Fixtures` resource directory of this test target.
func fixturesDirectory() throws -> URL {
    guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
        throw FixtureError(description: "Fixtures resource missing from the test bundle")
    }
    return url
}

/// One element decoded from the fixture's exact encoding.
func decodeScalar(_ text: String, dtype: DType) throws -> Scalar {
    switch dtype {
    case .float64:
        guard let bits = UInt64(text, radix: 16) else { throw FixtureError(description: "bad f64 \(text)") }
        return .float64(Double(bitPattern: bits))
    case .float32:
        guard let bits = UInt32(text, radix: 16) else { throw FixtureError(description: "bad f32 \(text)") }
        return .float32(Float(bitPattern: bits))
    case .bool:
        return .bool(text == "1")
    default:
        guard let v = Int64(text) else { throw FixtureError(description: "bad \(dtype.name) \(text)") }
        return .int(v)
    }
}

extension ExampleFixture.EncodedArray {
    func makeArray() throws -> NDArray {
        guard let dt = DType(numpyName: dtype) else { throw FixtureError(description: "dtype \(dtype)") }
        let scalars = try data.map { try decodeScalar($0, dtype: dt) }
        switch dt {
        case .float64:
            return try NDArray(scalars.map { s -> Double in if case .float64(let v) = s { return v }; return 0 }, shape: shape)
        case .float32:
            return try NDArray(scalars.map { s -> Float in if case .float32(let v) = s { return v }; return 0 }, shape: shape)
        case .bool:
            return try NDArray(scalars.map { s -> Bool in if case .bool(let v) = s { return v }; return false }, shape: shape)
        case .int64:
            return try NDArray(scalars.map { s -> Int64 in if case .int(let v) = s { return v }; return 0 }, shape: shape)
        case .int32:
            return try NDArray(scalars.map { s -> Int32 in if case .int(let v) = s { return Int32(truncatingIfNeeded: v) }; return 0 }, shape: shape)
        case .uint8:
            return try NDArray(scalars.map { s -> UInt8 in if case .int(let v) = s { return UInt8(truncatingIfNeeded: v) }; return 0 }, shape: shape)
        default:
            // The printing fixtures hold only the six dtypes above.
            throw FixtureError(description: "no printing fixtures of dtype \(dt.name)")
        }
    }
}

/// A readable report of a text mismatch: both texts with `$` marking line ends.
func mismatchReport(_ what: String, expected: String, got: String) -> String {
    func visible(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { "  |" + $0 + "$" }.joined(separator: "\n")
    }
    return "\(what)\n expected:\n\(visible(expected))\n got:\n\(visible(got))"
}
