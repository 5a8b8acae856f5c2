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
        #expect(complete("res", shell) == ["reset", "reshape", "resize", "resolution", "result_type"])
        #expect(complete("print(resol", shell) == ["resolution"])
        #expect(complete("y = arange 24 | transp", shell) == ["transpose"])
    }

    @Test func optionNamesOfTheCommandBeingTyped() {
        #expect(complete("split x 4 ax").contains("axis="))
        #expect(complete("split (arange 6) 3 ax") == ["axis="])
        #expect(complete("np.split(x, 4, ax").contains("axis="))
        #expect(complete("x = arange 5 dt") == ["dtype="])
    }

    /// After `name=`, the option's values; options already given are not offered again.
    @Test func optionValuesAndGivenOptions() {
        #expect(complete("export m 'w.npz' format=") == ["keras", "tf", "torch"])
        #expect(complete("export m 'w.npz' format=k") == ["keras"])
        #expect(complete("train data cell=") == ["gru", "lstm", "rnn"])
        #expect(complete("train data init=g") == ["glorot"])
        #expect(complete("zeros 3 dtype=float") == ["float16", "float32", "float64"])
        #expect(complete("np.zeros(3, dtype=int6") == ["int64"])
        #expect(complete("mnist one_hot=T") == ["True"])
        #expect(complete("train data epochs=3 ep").isEmpty)
        #expect(complete("train data epochs=3 u").contains("units="))
        #expect(complete("np.split(x, 4, axis=0, ax").isEmpty)
        #expect(complete("download ").contains("fashion-mnist"))
        #expect(complete("download km") == ["kmnist"])
    }

    /// An unknown option names the one meant (by spelling or by another library's name for it),
    /// lists every option, and puts the caret under the keyword.
    @Test func unknownOptionsSuggestAndList() {
        let shell = Interpreter()
        for (typed, meant) in [("hidden", "units"), ("rnn_size", "units"), ("epoch", "epochs"), ("learning_rate", "lr"), ("limit", "examples")] {
            let out = shell.execute("train data \(typed)=64")
            guard case .error(let e)? = out.last else { Issue.record("\(out)"); continue }
            #expect(e.message == "train() got an unexpected keyword argument '\(typed)'. Did you mean: '\(meant)'?")
            #expect(e.explanation?.hasPrefix("train takes: epochs= batch= cell= activation= units=") == true, "\(e.explanation ?? "")")
            #expect(e.kind == .typeError)
            #expect(e.span == 11..<(11 + typed.count), "the caret is under `\(typed)`")
        }
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
