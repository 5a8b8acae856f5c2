import Foundation
import Testing
@testable import Tensor

/// A JSON value as the fixture files use it (see scripts/gen_tensor_fixtures.py): bools, ints,
/// floats as repr strings, lists and objects. Read by `FixtureJSONReader`.
indirect enum J: Equatable {
    case null, bool(Bool), int(Int64), double(Double), string(String), list([J]), object([String: J])

    subscript(_ key: String) -> J? { if case .object(let o) = self { return o[key] } else { return nil } }
    var list: [J]? { if case .list(let l) = self { return l } else { return nil } }
    var int: Int? { if case .int(let i) = self { return Int(i) } else { return nil } }
    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var isNull: Bool { self == .null }
    var ints: [Int]? { list?.compactMap(\.int) }
}

/// Input arrays already built for a fixture file (arrays are immutable, so sharing is safe).
final class InputCache { var arrays: [Int: NDArray] = [:] }

struct FixtureFailure: Error, CustomStringConvertible { let description: String }

struct FixtureCase: CustomStringConvertible {
    let json: J
    /// The file's pool of input arrays; `in` holds indexes into it.
    let pool: [J]
    var op: String { json["op"]?.string ?? "?" }
    var args: J { json["args"] ?? .object([:]) }
    var error: String? { json["error"]?.string }
    var description: String {
        let a = json["args"].map { "\($0)" } ?? ""
        let ins = (json["in"]?.list ?? []).compactMap(\.int).filter { pool.indices.contains($0) }.map { i -> String in
            let p = pool[i]
            return "\(p["dtype"]?.string ?? "")\(p["shape"]?.ints ?? [])\(p["then"].map { " then \($0)" } ?? "")"
        }
        return "\(op) \(json["name"]?.string ?? "") in=\(ins) args=\(a.prefix(300))"
    }

    func inputs(cache: InputCache? = nil) throws -> [NDArray] {
        try (json["in"]?.list ?? []).map { ref in
            guard let i = ref.int, pool.indices.contains(i) else { throw FixtureFailure(description: "bad input ref \(ref)") }
            if let a = cache?.arrays[i] { return a }
            let a = try makeArray(pool[i])
            cache?.arrays[i] = a
            return a
        }
    }

    /// An operand argument: {"array": i} (the i-th input) or a Python scalar.
    func operandArg(_ key: String, _ inputs: [NDArray]) throws -> Operand {
        if let i = args[key]?["array"]?.int { return .array(inputs[i]) }
        return try operand(args[key])
    }
}

func loadFixture(_ name: String) throws -> [FixtureCase] {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
        throw FixtureFailure(description: "missing fixture \(name).json")
    }
    let root = try FixtureJSONReader.parse(Data(contentsOf: url))
    let pool = root["arrays"]?.list ?? []
    return (root["cases"]?.list ?? []).map { FixtureCase(json: $0, pool: pool) }
}

func dtype(_ j: J?) throws -> DType {
    guard let s = j?.string, let d = DType(numpyName: s) else { throw FixtureFailure(description: "bad dtype \(String(describing: j))") }
    return d
}

/// A Python scalar argument: {"int": n} / {"float": "repr"} / {"bool": b}.
func operand(_ j: J?) throws -> Operand {
    guard let j else { throw FixtureFailure(description: "missing scalar") }
    if case .bool(let b)? = j["bool"] { return .bool(b) }
    if case .int(let i)? = j["int"] { return .int(i) }
    if let s = j["float"]?.string, let d = Double(s) { return .float(d) }
    throw FixtureFailure(description: "bad scalar \(j)")
}

func literal(_ j: J) throws -> NestedLiteral {
    switch j {
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .list(let l): return .list(try l.map(literal))
    default:
        if let s = j["f"]?.string, let d = Double(s) { return .float(d) }
        throw FixtureFailure(description: "bad literal \(j)")
    }
}

func indexItems(_ j: J?) throws -> [IndexItem] {
    try (j?.list ?? []).map { (it: J) throws -> IndexItem in
        guard let l = it.list, let tag = l.first?.string else { throw FixtureFailure(description: "bad index \(it)") }
        switch tag {
        case "i": return .index(l[1].int ?? 0)
        case "s": return .slice(start: l[1].int, stop: l[2].int, step: l[3].int)
        case "e": return .ellipsis
        default: return .newAxis
        }
    }
}

/// Builds the input array of a spec (data, shape, dtype, then view steps).
func makeArray(_ spec: J) throws -> NDArray {
    let dt = try dtype(spec["dtype"])
    let shape = spec["shape"]?.ints ?? []
    let values = try (spec["data"]?.list ?? []).map { (v: J) throws -> NestedLiteral in
        switch v {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .string(let s):
            guard let d = Double(s) else { throw FixtureFailure(description: "bad float \(s)") }
            return .float(d)
        default: throw FixtureFailure(description: "bad element \(v)")
        }
    }
    var a = try NDArray(literal: .list(values), dtype: dt).reshape(shape)
    for step in spec["then"]?.list ?? [] {
        switch step.list?.first?.string {
        case "T": a = try a.transpose()
        case "index": a = try a.subscripted(indexItems(step.list?[1]))
        default: throw FixtureFailure(description: "bad step \(step)")
        }
    }
    return a
}

/// Bit-level equality of an element with its fixture encoding (NaNs equal regardless of payload).
func elementMatches(_ s: Scalar, _ j: J, ulps: Int = 0) -> Bool {
    switch (s, j) {
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.float64(let a), .string(let t)):
        guard let b = Double(t) else { return false }
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if ulps == 0 || a.isInfinite || b.isInfinite { return a.bitPattern == b.bitPattern }
        return ulpDistance(a, b) <= ulps
    case (.float32(let a), .string(let t)):
        guard let d = Double(t) else { return false }
        let b = Float(d)
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if ulps == 0 || a.isInfinite || b.isInfinite { return a.bitPattern == b.bitPattern }
        return ulpDistance(Double(a), Double(b), float32: true) <= ulps
    default: return false
    }
}

func ulpDistance(_ a: Double, _ b: Double, float32: Bool = false) -> Int {
    if a == b { return 0 }
    if (a < 0) != (b < 0) { return Int.max }
    if float32 {
        let x = Int64(Float(a).bitPattern), y = Int64(Float(b).bitPattern)
        return Int(abs(x - y))
    }
    let x = a.bitPattern, y = b.bitPattern
    return Int(x > y ? x - y : y - x)
}

/// Compares an array with its fixture encoding; returns a description of the first difference.
func mismatch(_ a: NDArray, _ e: J, base: NDArray?, ulps: Int = 0, checkStrides: Bool = true, bounds: [Double]? = nil) -> String? {
    let shape = e["shape"]?.ints ?? []
    if a.shape != shape { return "shape \(a.shape) != numpy \(shape)" }
    if a.dtype.name != e["dtype"]?.string { return "dtype \(a.dtype.name) != numpy \(e["dtype"]?.string ?? "?")" }
    let data = e["data"]?.list ?? []
    let got = a.scalars
    if got.count != data.count { return "size \(got.count) != \(data.count)" }
    for (i, (s, j)) in zip(got, data).enumerated() {
        if let bounds, i < bounds.count, let t = j.string, let want = Double(t) {
            // Dot products: within the rounding bound of the sum of |a_i b_i|.
            if abs(s.doubleValue - want) <= bounds[i] { continue }
            return "element \(i): \(s) differs from numpy \(t) by more than \(bounds[i])"
        }
        if !elementMatches(s, j, ulps: ulps) { return "element \(i): \(s) != numpy \(j)" }
    }
    if checkStrides, let st = e["strides"]?.ints, a.size > 1 {
        // Strides of length-1 axes are meaningless (numpy itself varies); compare the rest.
        for i in 0..<a.ndim where a.shape[i] > 1 && a.byteStrides[i] != st[i] {
            return "byte strides \(a.byteStrides) != numpy \(st)"
        }
    }
    if case .bool(let shares)? = e["shares"], let base, a.size > 0 {
        let ours = a.storage === base.storage
        if ours != shares { return shares ? "numpy returns a view, we copied" : "numpy copies, we returned a view" }
    }
    return nil
}

/// Runs every case of `cases` through `perform`, checking results or exact error text.
func check(_ cases: [FixtureCase], ulps: (FixtureCase) -> Int = { _ in 0 }, checkStrides: Bool = true,
           _ perform: (FixtureCase, [NDArray]) throws -> [NDArray]) throws -> Int {
    var failures: [String] = []
    let cache = InputCache()
    for c in cases {
        let inputs: [NDArray]
        do { inputs = try c.inputs(cache: cache) } catch { failures.append("\(c): input: \(error)"); continue }
        do {
            let out = try perform(c, inputs)
            if let err = c.error { failures.append("\(c): numpy raised \"\(err)\", we returned \(out.map(\.shape))"); continue }
            let expected: [J]
            if let l = c.json["out"]?.list { expected = l } else if let o = c.json["out"] { expected = [o] } else { expected = [] }
            if expected.count != out.count { failures.append("\(c): \(out.count) results, numpy \(expected.count)"); continue }
            for (a, e) in zip(out, expected) {
                let bounds = c.json["bound"]?.list?.compactMap { $0.string.flatMap(Double.init) }
                if let m = mismatch(a, e, base: inputs.first, ulps: ulps(c), checkStrides: checkStrides, bounds: bounds) {
                    failures.append("\(c): \(m)"); break
                }
            }
        } catch let e as TensorError {
            if let err = c.error {
                if e.message != err { failures.append("\(c): error \"\(e.message)\" != numpy \"\(err)\"") }
            } else {
                failures.append("\(c): threw \"\(e.message)\", numpy succeeded")
            }
        }
    }
    for f in failures.prefix(40) { Issue.record(Comment(rawValue: f)) }
    return cases.count - failures.count
}
