import Foundation
import Tensor
@testable import RNN

/// Reads Fixtures/tf_lstm.json (made by scripts/tf_fixtures.py with TensorFlow).
struct TFFixture {
    let json: [String: Any]

    static func load() throws -> TFFixture {
        guard let url = Bundle.module.url(forResource: "tf_lstm", withExtension: "json", subdirectory: "Fixtures") else {
            throw TensorError("fixture tf_lstm.json missing")
        }
        let data = try Data(contentsOf: url)
        guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TensorError("fixture is not a JSON object")
        }
        return TFFixture(json: obj)
    }

    func int(_ k: String) -> Int { (json[k] as? NSNumber)?.intValue ?? -1 }
    func double(_ k: String) -> Double { (json[k] as? NSNumber)?.doubleValue ?? .nan }
    func doubles(_ k: String) -> [Double] { (json[k] as? [NSNumber])?.map(\.doubleValue) ?? [] }

    /// An array entry as a float32 NDArray.
    func array(_ k: String) throws -> NDArray {
        guard let e = json[k] as? [String: Any], let shape = e["shape"] as? [NSNumber],
              let data = e["data"] as? [NSNumber] else { throw TensorError("fixture has no array \(k)") }
        return try NDArray(data.map { $0.floatValue }, shape: shape.map(\.intValue))
    }

    /// Splits a [T, ...] array into T arrays.
    func steps(_ k: String) throws -> [NDArray] {
        let a = try array(k)
        let v = ArrayConversion.floats(a)
        let t = a.shape[0], rest = Array(a.shape.dropFirst())
        let n = v.count / max(t, 1)
        return try (0..<t).map { i in try NDArray(Array(v[(i * n)..<((i + 1) * n)]), shape: rest) }
    }
}

/// Largest |a−b| / max(|b|, floor): relative error with a floor so values near 0 compare absolutely.
func maxRelativeError(_ a: [Float], _ b: [Float], floor: Double = 1e-3) -> Double {
    guard a.count == b.count else { return .infinity }
    var m = 0.0
    for (x, y) in zip(a, b) {
        let e = abs(Double(x) - Double(y)) / max(abs(Double(y)), floor)
        if !(e <= m) { m = e.isNaN ? .infinity : e }
    }
    return m
}

func floats(_ a: NDArray) -> [Float] { ArrayConversion.floats(a) }
