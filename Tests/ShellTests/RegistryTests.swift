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

    /// A help page's claim about a result is an example marked numpy-checked; each one is a case
    /// of the `help-claims` differential family, which DifferentialTests compares with CPython +
    /// numpy. This keeps the committed family equal to the registry's claims.
    @Test func helpClaimsAreDifferentialCases() throws {
        let path = Self.repositoryRoot.appendingPathComponent("Tests/ShellTests/Fixtures/differential/help-claims.py")
        let committed = try String(contentsOf: path, encoding: .utf8)
        #expect(committed == DocsGenerator.claimCases(), """
            help-claims.py is stale: run `swift run rnnsh docs --claims > Tests/ShellTests/Fixtures/differential/help-claims.py` \
            and `python3 scripts/differential.py Tests/ShellTests/Fixtures/differential/help-claims.py`
            """)
        // The claims the issue named: division and comparisons say what dtype they give.
        #expect(run("help divide").contains(">>> (np.arange(3) / 1).dtype\n  float64"))
        #expect(run("help less").contains(">>> (np.arange(4.0) < 2).dtype\n  bool"))
        #expect(!run("help less").contains("keeps x's dtype"))
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
        #expect(page.hasPrefix("usage: reshape A SHAPE... [ORDER='C']"))
        #expect(page.contains(">>> arange 6 | reshape 2 3"))
        #expect(run("?reshape") == page)
        #expect(run("help reshap") == "error: no command named 'reshap'. Did you mean: 'reshape'?")
        let overview = run("help")
        let listed = Set(overview.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        for c in Registry.standard.commands { #expect(listed.contains(c.name), "help lists \(c.name)") }
        #expect(overview.split(separator: "\n").allSatisfy { $0.count <= 80 })
        // Summaries come per category.
        let shape = run("help shape")
        #expect(shape.hasPrefix("Shape:\n  reshape           The same data seen with another shape: np.reshape."))
    }

    /// IPython's spellings: `?`, `name?`, `name??`, `?x.method`, `np.name?`, `help np.name`.
    @Test func ipythonHelpSpellings() {
        let page = run("help reshape")
        for spelling in ["reshape?", "reshape??", "np.reshape?", "?np.reshape", "help np.reshape", "help numpy.reshape"] {
            #expect(run(spelling) == page, "\(spelling)")
        }
        let shell = Interpreter()
        _ = shell.execute("x = arange 3")
        let method = shell.execute("x.reshape?").compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined(separator: "\n")
        #expect(method == page)
        #expect(run("?") == run("help"))
        #expect(run("x.nothing?") == "error: no command named 'x.nothing'")
        // `?` inside a statement is not a help request.
        #expect(HelpSyntax.target("x = 'a?'") == nil && HelpSyntax.target("a ? b") == nil)
        #expect(HelpSyntax.target("  x.T? ") == "x.T")
    }

    /// `x?` on a variable answers as IPython's does (type, string form), plus what rnnsh
    /// knows: an array's memory facts, an object's attributes. A variable named like a
    /// category (`lstm`) is the variable; the category's own spelling still lists it.
    @Test func variableHelpIsIPythonsObjectInfo() {
        let shell = Interpreter()
        _ = shell.execute("x = np.arange(6); lstm = cell 4; n = 3; big = np.arange(100).reshape(10, 10)")
        func text(_ s: String) -> String {
            shell.execute(s).map { o -> String in
                switch o {
                case .text(let t): return t
                case .error(let e): return e.rendered()
                case .progress, .warning: return ""
                }
            }.joined(separator: "\n")
        }
        #expect(text("x?") == """
            Type:        ndarray
            String form: [0 1 2 3 4 5]
            x: int64 array of shape (6,)
              shape         (6,)
              dtype         int64 (8 bytes per element)
              strides       (8,) bytes per step = 1 element of 8 bytes
              C-contiguous  yes: the elements lie in memory in C order, last axis fastest
              view          no: owns its memory
              size          6
              nbytes        48 (6 × 8)
            x.METHOD? explains one of its methods (x.reshape?, x.sum?)
            """)
        #expect(text("?n") == "Type:        int\nString form: 3")
        #expect(text("help n") == text("n?"))
        #expect(text("big?").split(separator: "\n").prefix(11).joined(separator: "\n") == """
            Type:        ndarray
            String form:
            [[ 0  1  2  3  4  5  6  7  8  9]
             [10 11 12 13 14 15 16 17 18 19]
             [20 21 22 23 24 25 26 27 28 29]
             [30 31 32 33 34 35 36 37 38 39]
             [40 41 42 43 44 45 46 47 48 49]
             [50 51 52 53 54 55 56 57 58 59]
             [60 61 62 63 64 65 66 67 68 69]
             [70 71 72 73 74 75 76 77 78 79]
            …
            """)
        let cell = text("lstm?").split(separator: "\n").map(String.init)
        #expect(cell.first == "Type:        cell")
        #expect(cell.last?.hasPrefix("Attributes:  ") == true, "\(cell)")
        #expect(text("help LSTM").hasPrefix("LSTM:\n"))
        #expect(text("nope?").hasPrefix("error: no command named 'nope'"))
    }

    /// The page shows what each example prints, as the docs do.
    @Test func helpExamplesShowTheirOutput() {
        #expect(run("help reshape").contains("  >>> arange 6 | reshape 2 3\n  [[0 1 2]\n   [3 4 5]]\n"))
    }

    @Test func synopsisIsBuiltFromParameters() throws {
        let split = try #require(Registry.standard["split"])
        #expect(split.synopsis == "split ARY INDICES_OR_SECTIONS [AXIS=0]")
        let zeros = try #require(Registry.standard["zeros"])
        #expect(zeros.synopsis == "zeros SHAPE... [DTYPE=float64] [ORDER='C']")
    }
}
