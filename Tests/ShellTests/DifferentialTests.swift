import Foundation
import Testing
@testable import Shell

/// rnnsh against CPython + numpy, case by case: every snippet in
/// `Fixtures/differential/FAMILY.py` must print exactly what CPython printed (recorded in
/// `FAMILY.expected.json` by `scripts/differential.py`) and fail with the same message (and the same
/// exception class, where rnnsh records one).
///
/// Where numpy's own answer depends on the BLAS/LAPACK kernel the CPU selects (a float64 dot
/// summed in the kernel's order, multivariate_normal's SVD), `FAMILY.variants.json` holds numpy's
/// output on other machines (`scripts/differential.py --variants`), and either answer passes.
///
/// A case that does not pass yet is named in `FAMILY.known-failures`; the test fails when such a case
/// starts passing, so the list only ever shrinks honestly. Families run one after another because a
/// case may change session-wide settings (print options, random state) of its own interpreter.
@Suite(.serialized) struct DifferentialTests {
    static var folder: URL {
        RegistryTests.repositoryRoot.appendingPathComponent("Tests/ShellTests/Fixtures/differential")
    }

    static var families: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".expected.json") }
            .map { String($0.dropLast(".expected.json".count)) }
            .sorted()
    }

    struct Expected: Decodable {
        var cases: [Case]
    }

    struct Case: Decodable {
        var name: String
        var source: String
        var stdout: String
        var error: String?
    }

    /// What one case did in rnnsh: its standard output and its error line (`Kind: message`, or the
    /// bare message when rnnsh records no kind).
    struct Outcome: Equatable {
        var stdout: String
        var error: String?
    }

    static func run(_ source: String, in directory: URL) -> (outcome: Outcome, kindRecorded: Bool) {
        let shell = Interpreter(options: .init(workingDirectory: directory.path))
        var stdout = ""
        var error: String?
        var kindRecorded = false
        for output in shell.execute(source) {
            switch output {
            case .text(let t): stdout += t + "\n"
            case .progress, .warning: break
            case .error(let e):
                kindRecorded = e.kind != nil
                error = e.kind.map { "\($0.rawValue): \(e.message)" } ?? e.message
            }
        }
        return (Outcome(stdout: stdout, error: error), kindRecorded)
    }

    /// CPython's error line compared with rnnsh's: the class must match only when rnnsh recorded one.
    /// `variants`: numpy's stdout for this case on machines whose BLAS kernel sums in another order.
    static func matches(_ expected: Case, _ actual: Outcome, kindRecorded: Bool, variants: [String] = []) -> Bool {
        guard expected.stdout == actual.stdout || variants.contains(actual.stdout) else { return false }
        switch (expected.error, actual.error) {
        case (nil, nil): return true
        case (let e?, let a?):
            if kindRecorded { return e == a }
            guard let colon = e.range(of: ": ") else { return e == a }
            return String(e[colon.upperBound...]) == a || e == a
        default: return false
        }
    }

    @Test(arguments: families)
    func familyMatchesNumpy(_ family: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(family + ".expected.json"))
        let expected = try JSONDecoder().decode(Expected.self, from: data)
        let knownPath = Self.folder.appendingPathComponent(family + ".known-failures").path
        let known = Set(((try? String(contentsOfFile: knownPath, encoding: .utf8)) ?? "")
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
        let variantsURL = Self.folder.appendingPathComponent(family + ".variants.json")
        let variants = try FileManager.default.fileExists(atPath: variantsURL.path)
            ? JSONDecoder().decode([String: [String]].self, from: Data(contentsOf: variantsURL)) : [:]
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("rnnsh-diff-\(family)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }

        var passed = 0
        var newlyPassing: [String] = []
        for c in expected.cases {
            let caseDir = tmp.appendingPathComponent(String(passed + newlyPassing.count))
            try FileManager.default.createDirectory(at: caseDir, withIntermediateDirectories: true)
            let (outcome, kindRecorded) = Self.run(c.source, in: caseDir)
            let ok = Self.matches(c, outcome, kindRecorded: kindRecorded, variants: variants[c.name] ?? [])
            if ok { passed += 1 }
            if ok && known.contains(c.name) { newlyPassing.append(c.name) }
            if !ok && !known.contains(c.name) {
                Issue.record("""
                    \(family)/\(c.name) differs from numpy:
                    --- source
                    \(c.source)--- numpy
                    \(c.stdout)\(c.error.map { "[\($0)]\n" } ?? "")--- rnnsh
                    \(outcome.stdout)\(outcome.error.map { "[\($0)]\n" } ?? "")
                    """)
            }
        }
        let unknownNames = known.union(variants.keys).subtracting(expected.cases.map(\.name))
        #expect(unknownNames.isEmpty, "\(family).known-failures or .variants.json names cases that do not exist: \(unknownNames.sorted())")
        #expect(newlyPassing.isEmpty, "these cases pass now; remove them from \(family).known-failures: \(newlyPassing)")
        print("differential \(family): \(passed)/\(expected.cases.count) identical to numpy")
    }

    @Test func harnessComparesStdoutAndErrors() {
        let c = Case(name: "t", source: "", stdout: "1\n", error: "ValueError: bad")
        #expect(Self.matches(c, Outcome(stdout: "1\n", error: "bad"), kindRecorded: false))
        #expect(Self.matches(c, Outcome(stdout: "1\n", error: "ValueError: bad"), kindRecorded: true))
        #expect(!Self.matches(c, Outcome(stdout: "1\n", error: "TypeError: bad"), kindRecorded: true))
        #expect(!Self.matches(c, Outcome(stdout: "2\n", error: "bad"), kindRecorded: false))
        #expect(!Self.matches(c, Outcome(stdout: "1\n", error: nil), kindRecorded: false))
        // A recorded variant (numpy's output under another BLAS kernel) passes; nothing else does.
        #expect(Self.matches(c, Outcome(stdout: "1.0\n", error: "bad"), kindRecorded: false, variants: ["1.0\n"]))
        #expect(!Self.matches(c, Outcome(stdout: "2\n", error: "bad"), kindRecorded: false, variants: ["1.0\n"]))
    }
}
