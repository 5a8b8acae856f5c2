import Foundation
import Testing
import TestSupport
@testable import Shell

/// `tf.logging` writes to stderr, where the TF1 variant programs (stdout only) cannot look:
/// each Fixtures/tf1-logging/NAME.py is run by the rnnsh binary as `python3 NAME.py` would run
/// it, and its stdout and stderr must be what TensorFlow's tf.compat.v1 gave for the same file
/// (NAME.tf.stdout, NAME.tf.stderr, written by scripts/tf1_logging.py), byte for byte.
@Suite struct TFLoggingTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tf1-logging")
    static let programs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".py") }.sorted()
    }()

    @Test func thereAreProgramsToRun() { #expect(!Self.programs.isEmpty) }

    @Test(arguments: programs) func logsAsTensorFlowLogged(_ program: String) throws {
        let base = Self.directory.appendingPathComponent(String(program.dropLast(3)))
        let wantOut = try String(contentsOf: base.appendingPathExtension("tf.stdout"), encoding: .utf8)
        let wantErr = try String(contentsOf: base.appendingPathExtension("tf.stderr"), encoding: .utf8)
        let r = try RnnshProcess.run([Self.directory.appendingPathComponent(program).path])
        #expect(r.status == 0, "\(program): \(r.stderr)")
        #expect(r.stdout == wantOut)
        #expect(r.stderr == wantErr)
    }

    /// The preamble of TF1 code run under TF 2 does nothing here (rnnsh runs graphs only), asking
    /// for eager execution is refused by name, and the version is the TF1 release whose API
    /// rnnsh follows (docs/tf1.md).
    @Test func tf2PreambleAndVersion() {
        let shell = Interpreter(options: .init())
        #expect(run("import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\ntf.compat.v1.disable_eager_execution()\nprint(tf.executing_eagerly())", in: shell) == "False")
        #expect(run("import tensorflow as tf2\nprint(tf2.__version__, tf2.compat.v1.__version__)", in: shell) == "1.15.5 1.15.5")
        #expect(run("tf.enable_eager_execution()", in: shell).hasPrefix("error: rnnsh's tensorflow has no eager execution (yet)"))
        #expect(run("print(tf.random.normal, tf.logging.info)", in: shell) == "<function tf.random.normal> <function tf.logging.info>")
    }
}
