import Foundation
import Testing
@testable import Shell

@Suite struct RegistryTests {
    /// The repository's root, found from this file's path (Tests/ShellTests/RegistryTests.swift).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test func committedDocsAreUpToDate() throws {
        let path = Self.repositoryRoot.appendingPathComponent("docs/commands.md")
        let committed = try String(contentsOf: path, encoding: .utf8)
        let generated = DocsGenerator.markdown()
        #expect(committed == generated, "docs/commands.md is stale: run `swift run rnnsh docs > docs/commands.md` (or `make docs`)")
    }

    @Test(arguments: Registry.standard.commands.flatMap { c in c.examples.map { (c.name, $0.source) } })
    func everyExampleRuns(command: String, source: String) {
        let results = DocsGenerator.run(Example(source), registry: .standard)
        for (statement, lines) in results {
            let errors = lines.filter { $0.hasPrefix("error:") }
            #expect(errors.isEmpty, "example of \(command): `\(statement)` failed: \(errors.joined(separator: "; "))")
        }
        #expect(!results.isEmpty)
    }

    @Test func everyCommandIsDocumented() {
        for c in Registry.standard.commands {
            #expect(!c.summary.isEmpty && !c.help.isEmpty, "\(c.name) needs a summary and a help paragraph")
            for p in c.allParameters { #expect(!p.help.isEmpty, "\(c.name): parameter \(p.name) needs help") }
            // Every command with arguments shows how it is used.
            if !c.parameters.isEmpty && !["quit", "exit", "run"].contains(c.name) {
                #expect(!c.examples.isEmpty, "\(c.name) needs a runnable example")
            }
        }
    }

    @Test func helpPagesComeFromTheRegistry() {
        let page = run("help reshape")
        #expect(page.hasPrefix("usage: reshape A SHAPE... [order='C']"))
        #expect(page.contains(">>> arange 6 | reshape 2 3"))
        #expect(run("?reshape") == page)
        #expect(run("help reshap") == "error: no command named 'reshap'. Did you mean: 'reshape'?")
        let overview = run("help")
        for c in Registry.standard.commands { #expect(overview.contains("  \(c.name) ")) }
    }

    @Test func synopsisIsBuiltFromParameters() throws {
        let split = try #require(Registry.standard["split"])
        #expect(split.synopsis == "split ARY INDICES_OR_SECTIONS [AXIS=0]")
        let zeros = try #require(Registry.standard["zeros"])
        #expect(zeros.synopsis == "zeros SHAPE... [dtype=float64]")
    }
}
