import Foundation
import Testing
@testable import Shell

/// A command body reads its arguments by parameter name (`call.arguments.array("a")`). A
/// misspelt name must never be a silent `None`: these tests fail on one, at run time and in
/// the source.
@Suite struct ArgumentNameTests {
    /// A command whose body misreads its own parameter (`"axsi"` for `"axis"`).
    static let typo = Command(
        name: "typo", category: "Test", summary: "reads a name it does not declare",
        parameters: [Parameter("a", .array, help: "an array"),
                     Parameter("axis", .optionalInt, default: .none, help: "an axis")],
        help: "test only",
        run: { call in .int(call.arguments.int("axsi") ?? 7) })

    /// The same mistake on a failing path: the body throws after the misread.
    static let typoThenThrow = Command(
        name: "typo2", category: "Test", summary: "reads a name it does not declare, then fails",
        parameters: [Parameter("a", .array, help: "an array")],
        help: "test only",
        run: { call in
            guard call.arguments.array("b") != nil else { throw call.error("no b", argument: "b") }
            return .none
        })

    @Test func anUndeclaredReadFailsTheCall() {
        let shell = Interpreter(options: .init(registry: Registry(Registry.standard.commands + [Self.typo, Self.typoThenThrow])))
        #expect(run("typo (arange 3)", in: shell)
                == "error: internal error: typo read the argument 'axsi', which it does not declare (it declares: a, axis)")
        #expect(run("typo2 (arange 3)", in: shell)
                == "error: internal error: typo2 read the argument 'b', which it does not declare (it declares: a)")
        // Declared reads are untouched.
        #expect(run("np.argmax(np.array([1, 5, 2]))", in: shell) == "1")
    }

    /// Every parameter name a command source reads as a literal (`.array("a")`, `["axis"]`,
    /// `span("x1")`, `argument: "dtype"`, …) is declared by some command: covers the code paths
    /// that no example reaches.
    @Test func everyLiteralNameReadInTheSourcesIsDeclared() throws {
        let declared = Set(Registry.standard.commands.flatMap { $0.allParameters.map(\.name) })
        let dir = RegistryTests.repositoryRoot.appendingPathComponent("Sources/Shell/Commands")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 10)
        let accessor = try Regex(#"(?:arguments|\ba|\bargs)\s*(?:\.(?:array|int|double|bool|string|ints|dtype|statement|span|isGiven|value|optionalArray|floats|axes)\(|\[)\s*"([A-Za-z_][A-Za-z0-9_]*)"|argument:\s*"([A-Za-z_][A-Za-z0-9_]*)"|call\.path\(\s*"([A-Za-z_][A-Za-z0-9_]*)""#)
        var checked = 0
        for file in files.sorted() {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: accessor) {
                let name = (1...3).lazy.compactMap { match.output[$0].substring.map(String.init) }.first ?? ""
                checked += 1
                #expect(declared.contains(name), "\(file): reads argument '\(name)', which no command declares")
            }
        }
        #expect(checked > 100)
    }
}
