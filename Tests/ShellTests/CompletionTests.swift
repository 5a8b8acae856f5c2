import Foundation
import Testing
@testable import Shell

@Suite struct CompletionTests {
    func complete(_ line: String, _ shell: Interpreter = Interpreter()) -> [String] {
        shell.completions(line: line, cursor: line.count)
    }

    @Test func commandsAndVariables() {
        let shell = Interpreter()
        _ = shell.execute("resolution = 3; x = arange 24")
        #expect(complete("resh", shell) == ["reshape"])
        #expect(complete("res", shell) == ["reshape", "resolution"])
        #expect(complete("print(resol", shell) == ["resolution"])
        #expect(complete("y = arange 24 | transp", shell) == ["transpose"])
    }

    @Test func optionNamesOfTheCommandBeingTyped() {
        #expect(complete("split x 4 ax").contains("axis="))
        #expect(complete("split (arange 6) 3 ax") == ["axis="])
        #expect(complete("np.split(x, 4, ax").contains("axis="))
        #expect(complete("x = arange 5 dt") == ["dtype="])
    }

    @Test func attributesMethodsAndNumpyNames() {
        let shell = Interpreter()
        _ = shell.execute("x = arange 6; w = load_me = 1")
        #expect(complete("x.sh", shell) == ["shape"])
        #expect(complete("x.resh", shell) == ["reshape"])
        #expect(complete("np.aran", shell) == ["arange"])
        #expect(complete("np.float3", shell) == ["float32"])
        // Only numpy-like families after np.: zero_state (an LSTM command) is not np.zero_state.
        #expect(complete("np.zer", shell) == ["zeros", "zeros_like"])
        #expect(complete("zer", shell).contains("zero_state"))
    }

    @Test func filePaths() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rnnsh-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("weights.npz").path, contents: Data())
        let shell = Interpreter(options: .init(workingDirectory: dir.path))
        #expect(complete("load we", shell).contains("weights.npz"))
        #expect(complete("x = np.load('we", shell) == ["weights.npz"])
        #expect(complete("run su", shell).contains("sub/"))
        #expect(complete("load \(dir.path)/we", shell) == ["\(dir.path)/weights.npz"])
    }
}
