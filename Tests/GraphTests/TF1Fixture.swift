import Foundation
import Tensor

/// Reads Fixtures/tf1_graph.json, or tf1_ops.json (made by scripts/tf1_fixtures.py with
/// TensorFlow's tf.compat.v1; `--ops` for the second).
struct TF1Fixture: @unchecked Sendable {
    let json: [String: Any]

    static func load(_ resource: String = "tf1_graph") throws -> TF1Fixture {
        guard let url = Bundle.module.url(forResource: resource, withExtension: "json", subdirectory: "Fixtures") else {
            throw TensorError("fixture \(resource).json missing")
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
        guard let e = training[k] as? [String: Any] else { throw TensorError("fixture has no array \(k)") }
        return try Self.array(e)
    }

    /// `{"shape": [...], "data": [...]}` as a float32 array.
    static func array(_ e: Any?) throws -> NDArray {
        guard let e = e as? [String: Any], let shape = e["shape"] as? [NSNumber],
              let data = e["data"] as? [NSNumber] else { throw TensorError("fixture entry is not an array") }
        return try NDArray(data.map { $0.floatValue }, shape: shape.map(\.intValue))
    }

    /// tf1_ops.json's "ops": each op's inputs, the weights w of the loss `reduce_sum(out * w)`,
    /// TF's output and TF's gradient of that loss for each input (nil where TF has none:
    /// FloorDiv's).
    struct OpCase {
        let name: String, op: String
        let inputs: [NDArray], w: NDArray, output: NDArray, gradients: [NDArray?]
    }

    var ops: [OpCase] {
        get throws {
            var out: [OpCase] = []
            for c in json["ops"] as? [[String: Any]] ?? [] {
                let inputs = try (c["inputs"] as? [Any] ?? []).map { try Self.array($0) }
                let grads = try (c["gradients"] as? [Any] ?? []).map { (g: Any) throws -> NDArray? in g is NSNull ? nil : try Self.array(g) }
                out.append(OpCase(name: c["name"] as? String ?? "?", op: c["op"] as? String ?? "?", inputs: inputs,
                                  w: try Self.array(c["w"]), output: try Self.array(c["output"]), gradients: grads))
            }
            return out
        }
    }
}
