import Foundation
import Tensor

/// Reads Fixtures/tf1_graph.json (made by scripts/tf1_fixtures.py with TensorFlow's tf.compat.v1).
struct TF1Fixture: @unchecked Sendable {
    let json: [String: Any]

    static func load() throws -> TF1Fixture {
        guard let url = Bundle.module.url(forResource: "tf1_graph", withExtension: "json", subdirectory: "Fixtures") else {
            throw TensorError("fixture tf1_graph.json missing")
        }
        guard let obj = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? [String: Any] else {
            throw TensorError("fixture is not a JSON object")
        }
        return TF1Fixture(json: obj)
    }

    var training: [String: Any] { json["training"] as? [String: Any] ?? [:] }

    /// case name → [(description, shape or nil for unknown rank)]
    var descriptions: [String: [(String, [Int]?)]] {
        var out: [String: [(String, [Int]?)]] = [:]
        for c in json["descriptions"] as? [[String: Any]] ?? [] {
            guard let name = c["name"] as? String, let ts = c["tensors"] as? [[String: Any]] else { continue }
            out[name] = ts.map { t in ((t["description"] as? String) ?? "", (t["shape"] as? [NSNumber])?.map(\.intValue)) }
        }
        return out
    }

    func int(_ k: String) -> Int { (training[k] as? NSNumber)?.intValue ?? -1 }
    func double(_ k: String) -> Double { (training[k] as? NSNumber)?.doubleValue ?? .nan }
    func doubles(_ k: String) -> [Double] { (training[k] as? [NSNumber])?.map(\.doubleValue) ?? [] }

    func array(_ k: String) throws -> NDArray {
        guard let e = training[k] as? [String: Any], let shape = e["shape"] as? [NSNumber],
              let data = e["data"] as? [NSNumber] else { throw TensorError("fixture has no array \(k)") }
        return try NDArray(data.map { $0.floatValue }, shape: shape.map(\.intValue))
    }
}
