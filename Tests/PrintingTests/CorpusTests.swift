import Foundation
import Testing
import Tensor
import Printing

/// The golden corpus (Fixtures/corpus, `scripts/gen_print_corpus.sh`): random arrays of every
/// dtype, rank, summarised, wrapped, scientific, nan/inf, empty and 0-d, and lists of arrays,
/// read from numpy's own .npy/.npz files and compared with numpy's text byte for byte.
/// 100% is the only passing grade.
@Suite struct CorpusTests {
    struct Manifest: Decodable {
        struct Case: Decodable {
            let `case`: String
            let kind: String
            let file: String
        }
        let seed: Int
        let cases: [Case]
    }

    let directory: URL
    let manifest: Manifest

    init() throws {
        directory = try fixturesDirectory().appendingPathComponent("corpus")
        let data = try Data(contentsOf: directory.appendingPathComponent("manifest.json"))
        manifest = try JSONDecoder().decode(Manifest.self, from: data)
    }

    private func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func corpusIsComplete() {
        #expect(manifest.seed == 2404)
        #expect(manifest.cases.count == 400)
        #expect(manifest.cases.contains { $0.kind == "list" })
    }

    @Test func everyArrayStrAndReprMatchesNumpy() throws {
        var failures: [String] = []
        var checked = 0
        for c in manifest.cases where c.kind == "array" {
            let a = try NPYFile.read(path: directory.appendingPathComponent(c.file).path)
            let expectedStr = try text(c.case + ".str.txt")
            let expectedRepr = try text(c.case + ".repr.txt")
            let s = NumpyFormat.str(a)
            let r = NumpyFormat.repr(a)
            if s != expectedStr { failures.append(mismatchReport("str  \(c.case)", expected: expectedStr, got: s)) }
            if r != expectedRepr { failures.append(mismatchReport("repr \(c.case)", expected: expectedRepr, got: r)) }
            checked += 2
        }
        #expect(checked > 600)
        #expect(failures.isEmpty, "\(failures.count)/\(checked) mismatches:\n\(failures.prefix(6).joined(separator: "\n"))")
    }

    @Test func everyListMatchesNumpy() throws {
        var failures: [String] = []
        var checked = 0
        for c in manifest.cases where c.kind == "list" {
            let members = try NPZFile.read(path: directory.appendingPathComponent(c.file).path)
            let got = NumpyFormat.list(members.map(\.array))
            let expected = try text(c.case + ".str.txt")
            if got != expected { failures.append(mismatchReport("list \(c.case)", expected: expected, got: got)) }
            checked += 1
        }
        #expect(checked > 20)
        #expect(failures.isEmpty, "\(failures.count)/\(checked) mismatches:\n\(failures.prefix(6).joined(separator: "\n"))")
    }
}
