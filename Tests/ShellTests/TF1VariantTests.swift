import Foundation
import Testing
import TestSupport
@testable import Shell

/// TF1 programs written as the tutorials of 2016–2018 wrote their MNIST RNNs
/// (Fixtures/tf1-variants/NN_name.py: rnn.rnn, static_rnn over unstack/split, dynamic_rnn batch-
/// and time-major, BasicLSTMCell, LSTMCell, BasicRNNCell, GRUCell, MultiRNNCell, DropoutWrapper,
/// dense and sparse cross-entropy, Adam and gradient descent, and Hands-On Machine Learning's
/// tf.layers.dense and tf.nn.in_top_k), each run unchanged by the rnnsh binary
/// (`rnnsh NN_name.py`, as `python3 NN_name.py`) in a scratch directory holding the tiny
/// MNIST-format set of Fixtures/tf1-variants/data. The answers, NN_name.tf.txt, are what
/// TensorFlow's tf.compat.v1 printed for the same files (scripts/tf1_variants.py): every number
/// within 1e-5 (or one unit of its last printed digit), everything else identical, the
/// whitespace between tokens aside (numpy wraps arrays by the width of their digits).
@Suite struct TF1VariantTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tf1-variants")
    static let programs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".py") }.sorted()
    }()

    @Test func everyProgramHasTensorFlowsAnswer() {
        #expect(Self.programs.count >= 10)
        for p in Self.programs {
            #expect(FileManager.default.fileExists(atPath: Self.directory.appendingPathComponent(p.dropLast(3) + ".tf.txt").path), "\(p)")
        }
    }

    @Test(arguments: programs) func runsAsTensorFlowRanIt(_ program: String) throws {
        let scratch = try ScratchDirectory("tf1-variants")
        defer { ScratchDirectory.remove(scratch.path) }
        let fm = FileManager.default
        try fm.copyItem(at: Self.directory.appendingPathComponent("data"), to: URL(fileURLWithPath: scratch.path).appendingPathComponent("data"))
        try fm.copyItem(at: Self.directory.appendingPathComponent(program), to: URL(fileURLWithPath: scratch.path).appendingPathComponent(program))
        let expected = try String(contentsOf: Self.directory.appendingPathComponent(program.dropLast(3) + ".tf.txt"), encoding: .utf8)

        let r = try RnnshProcess.run([program], in: URL(fileURLWithPath: scratch.path))
        let out = r.stdout, err = r.stderr
        #expect(r.status == 0, "\(program): \(err)")
        #expect(err.isEmpty, "\(program) stderr: \(err)")
        let mismatch = Self.firstMismatch(out, expected)
        #expect(mismatch == nil, "\(program): \(mismatch ?? "")\n--- rnnsh:\n\(out)--- TensorFlow:\n\(expected)")
    }

    /// The same text up to numbers and whitespace runs: nil, or where they part.
    static func firstMismatch(_ got: String, _ want: String) -> String? {
        let a = tokens(got), b = tokens(want)
        for (i, (x, y)) in zip(a, b).enumerated() {
            switch (x, y) {
            case (.number(let p, let ptext), .number(let q, let qtext)):
                let tolerance = max(1e-5 * max(1, abs(q)), lastDigit(ptext), lastDigit(qtext))
                if abs(p - q) > tolerance * 1.0001 { return "token \(i): \(ptext) vs \(qtext)" }
            case (.text(let s), .text(let t)):
                if s != t { return "token \(i): \(s) vs \(t)" }
            default:
                return "token \(i): \(x) vs \(y)"
            }
        }
        return a.count == b.count ? nil : "\(a.count) tokens vs \(b.count)"
    }

    enum Token: CustomStringConvertible {
        case number(Double, String)
        case text(String)
        var description: String {
            switch self { case .number(_, let s): return s; case .text(let s): return s }
        }
    }

    /// Numbers (`-0.5`, `2.38e-05`, `1.`) and the text between them, whitespace runs as one space.
    static func tokens(_ s: String) -> [Token] {
        // numpy pads a shorter number inside brackets (`0.0213498 ]]`): padding is whitespace too.
        let collapsed = s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            .replacingOccurrences(of: " ]", with: "]").replacingOccurrences(of: "[ ", with: "[")
        let chars = Array(collapsed)
        var out: [Token] = []
        var text = ""
        var i = 0
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        while i < chars.count {
            let c = chars[i]
            let startsNumber = isDigit(c) || ((c == "-" || c == ".") && i + 1 < chars.count && isDigit(chars[i + 1]))
            if startsNumber, !(text.last.map { $0.isLetter || $0 == "_" } ?? false) {
                var j = i + 1
                while j < chars.count, isDigit(chars[j]) || chars[j] == "." { j += 1 }
                if j < chars.count, chars[j] == "e" || chars[j] == "E", j + 1 < chars.count,
                   isDigit(chars[j + 1]) || ((chars[j + 1] == "-" || chars[j + 1] == "+") && j + 2 < chars.count && isDigit(chars[j + 2])) {
                    j += 2
                    while j < chars.count, isDigit(chars[j]) { j += 1 }
                }
                let n = String(chars[i..<j])
                if let v = Double(n.hasSuffix(".") ? n + "0" : n) {
                    if !text.isEmpty { out.append(.text(text)); text = "" }
                    out.append(.number(v, n))
                    i = j
                    continue
                }
            }
            text.append(c)
            i += 1
        }
        if !text.isEmpty { out.append(.text(text)) }
        return out
    }

    /// One unit of the last printed decimal of a number rounded to a fixed 4 or more decimals
    /// (`"{:.4f}"`: `0.1234` → 1e-4), where two nearby values may round apart; 0 for shorter
    /// ones (an accuracy `0.1` must be 0.1), integers and exponents.
    static func lastDigit(_ n: String) -> Double {
        guard !n.contains("e"), !n.contains("E"), let dot = n.firstIndex(of: ".") else { return 0 }
        let decimals = n.distance(from: dot, to: n.endIndex) - 1
        return decimals >= 4 ? pow(10, -Double(decimals)) : 0
    }

    @Test func theComparisonCatchesADifference() {
        #expect(Self.firstMismatch("loss: 2.3848538\n[1. 2.]", "loss: 2.38485\n[1. 2.]") == nil)
        #expect(Self.firstMismatch("loss: 2.3849", "loss: 2.3848538") == nil)
        #expect(Self.firstMismatch("[[ 0.5  0.0213498 ]]", "[[0.5 0.02134988]]") == nil)
        #expect(Self.firstMismatch("loss: 2.3851", "loss: 2.3848538") != nil)
        #expect(Self.firstMismatch("Tensor(\"add_4:0\")", "Tensor(\"add_3:0\")") != nil)
        #expect(Self.firstMismatch("Epoch 0 completed", "Epoch 0 finished") != nil)
        #expect(Self.firstMismatch("0.1", "0.1 0.2") != nil)
        #expect(Self.firstMismatch("Accuracy: 0.1", "Accuracy: 0.2") != nil)
    }
}
