import Foundation
import Testing
import Tensor
@testable import Shell

/// `cell`, `zero_state`, `step`, `unroll`, `save`/`load` of a cell and `export` — numerically
/// against TensorFlow's own numbers (Tests/RNNTests/Fixtures/tf_lstm.json, made by
/// scripts/tf_fixtures.py): BasicLSTMCell(4), batch 3, input 5, 6 steps.
@Suite struct TrainCellCommandTests {
    typealias S = TrainTestSupport

    /// A shell holding the fixture's cell as `lstm`, its inputs `xs` (6, 3, 5) and state `s0`.
    static func fixtureShell(_ dir: String) throws -> (Interpreter, [String: Any]) {
        let f = try S.tfFixture()
        try NPZFile.write([("kernel", try S.ndarray(f, "kernel")), ("bias", try S.ndarray(f, "bias"))], to: dir + "/tf_cell.npz")
        try NPYFile.write(try S.ndarray(f, "inputs"), to: dir + "/inputs.npy")
        try NPZFile.write([("arr_0", try S.ndarray(f, "c0")), ("arr_1", try S.ndarray(f, "h0"))], to: dir + "/s0.npz")
        let shell = Interpreter(options: .init(workingDirectory: dir))
        #expect(S.run("lstm = load tf_cell.npz; xs = load inputs.npy; s0 = load s0.npz", in: shell) == "")
        return (shell, f)
    }

    @Test func unrollMatchesTensorFlow() throws {
        let dir = try S.tempDir("unroll")
        defer { S.remove(dir) }
        let (shell, f) = try Self.fixtureShell(dir)
        #expect(S.run("lstm", in: shell) == """
            BasicLSTMCell(num_units=4, forget_bias=1.0)
              input size: 5
              kernel: (9, 16) float32  (concat([x, h]) @ kernel, gates i, j, f, o)
              bias:   (16,) float32
              state: (c, h), each (batch, 4)
            """)
        #expect(S.run("outputs, state = unroll lstm xs state=s0; len(outputs); outputs[0].shape", in: shell) == "6\n(3, 4)")
        S.run("c, h = state; out = stack(outputs)", in: shell)
        #expect(S.maxRelativeError(S.floats(try S.array(shell, "out")), try S.fixtureArray(f, "outputs").values) <= 1e-5)
        #expect(S.maxRelativeError(S.floats(try S.array(shell, "c")), try S.fixtureArray(f, "final_c").values) <= 1e-5)
        #expect(S.maxRelativeError(S.floats(try S.array(shell, "h")), try S.fixtureArray(f, "final_h").values) <= 1e-5)
        // A list of steps works as well as one (steps, batch, input) array; step = one unroll step.
        S.run("o1, s1 = step lstm xs[0] s0; first = outputs[0]", in: shell)
        #expect(S.floats(try S.array(shell, "o1")) == S.floats(try S.array(shell, "first")))
    }

    @Test func cellIsBuiltOnFirstUseAndChecksShapes() {
        let shell = Interpreter()
        #expect(S.run("lstm = cell 3 seed=7; lstm.kernel; lstm.input_size", in: shell) == "")
        #expect(S.run("lstm", in: shell).contains("not known yet"))
        #expect(S.run("c, h = zero_state lstm 2; h.shape; h.dtype", in: shell) == "(2, 3)\nfloat32")
        #expect(S.run("o, s = step lstm (ones 2 4) (c, h); o.shape; lstm.kernel.shape; vars", in: shell)
                    .hasPrefix("(2, 3)\n(7, 12)\nName"))
        #expect(S.run("step lstm (ones 2 5) (c, h)", in: shell)
                == "error: Dimensions must be equal, but are 5 and 4")
        #expect(S.run("unroll lstm (ones 2 4)", in: shell)
                == "error: expected a list of (batch, input) arrays or one (steps, batch, input) array, got shape (2, 4)")
        #expect(S.run("step lstm (ones 2 4) 3", in: shell) == "error: a state is a tuple (c, h) of two arrays, got int")
        #expect(S.run("cell 0", in: shell) == "error: num_units must be positive, got 0")
        #expect(S.run("unroll 3 [ones((2, 4))]", in: shell) == "error: expected a cell (make one with `cell 128`), got int")
    }

    @Test func sameSeedSameKernel() throws {
        let shell = Interpreter()
        S.run("a = cell 3 seed=7; b = cell 3 seed=7; d = cell 3 seed=8", in: shell)
        S.run("_ = step a (ones 1 2) (zero_state a 1); _ = step b (ones 1 2) (zero_state b 1); _ = step d (ones 1 2) (zero_state d 1)", in: shell)
        S.run("ka = a.kernel; kb = b.kernel; kd = d.kernel", in: shell)
        let ka = S.floats(try S.array(shell, "ka"))
        #expect(ka.count == 5 * 12)
        #expect(ka == S.floats(try S.array(shell, "kb")))
        #expect(ka != S.floats(try S.array(shell, "kd")))
        // glorot-uniform: |w| ≤ sqrt(6 / (fan_in + fan_out)) = sqrt(6 / 17).
        #expect(ka.allSatisfy { abs($0) <= (6.0 / 17.0).squareRoot() } && Set(ka).count > 50)
    }

    @Test func savedCellLoadsBackAsTheSameCell() throws {
        let dir = try S.tempDir("cellio")
        defer { S.remove(dir) }
        let shell = Interpreter(options: .init(workingDirectory: dir))
        S.run("lstm = cell 5 forget_bias=0.5 seed=3; _ = unroll lstm (ones 2 3 4)", in: shell)
        #expect(S.run("save lstm c.npz", in: shell) == "")
        let members = try NPZFile.read(path: dir + "/c.npz")
        #expect(members.map(\.name) == ["kernel", "bias", "forget_bias"])
        #expect(members[0].array.shape == [9, 20] && members[1].array.shape == [20])
        #expect(S.run("back = load c.npz; back.forget_bias; back.kernel.shape", in: shell) == "0.5\n(9, 20)")
        S.run("k1 = lstm.kernel; k2 = back.kernel; o1, _ = unroll lstm (ones 2 3 4); o2, _ = unroll back (ones 2 3 4); a = o1[-1]; b = o2[-1]", in: shell)
        #expect(S.floats(try S.array(shell, "k1")) == S.floats(try S.array(shell, "k2")))
        #expect(S.floats(try S.array(shell, "a")) == S.floats(try S.array(shell, "b")))
        #expect(S.run("save (cell 3) u.npz", in: shell) == "error: cannot save a cell")
    }

    /// Keras's and PyTorch's layouts, run through each framework's own LSTM equations (written
    /// out here in Double), reproduce TensorFlow's outputs.
    @Test(arguments: ["keras", "torch", "tf"])
    func exportedLayoutsComputeTensorFlowsOutputs(format: String) throws {
        let dir = try S.tempDir("export-\(format)")
        defer { S.remove(dir) }
        let (shell, f) = try Self.fixtureShell(dir)
        // The export prints the three lines of Python that load it.
        let recipe = S.run("export lstm w.npz format=\(format)", in: shell).split(separator: "\n")
        #expect(recipe.count == 3 && recipe[0].contains("import numpy as np") && recipe[1].contains("w.npz"))
        var m: [String: (shape: [Int], v: [Double])] = [:]
        for member in try NPZFile.read(path: dir + "/w.npz") {
            m[member.name] = (member.array.shape, member.array.scalars.map(\.doubleValue))
        }
        let (I, U, B, T) = (5, 4, 3, 6)
        let x = try S.fixtureArray(f, "inputs").values.map(Double.init)
        var c = try S.fixtureArray(f, "c0").values.map(Double.init)
        var h = try S.fixtureArray(f, "h0").values.map(Double.init)
        let expected = try S.fixtureArray(f, "outputs").values
        // gate(k, b, u): the pre-activation of gate k (in the format's own order) for batch b, unit u.
        let pre: (Int, Int, Int, Int) -> Double
        let order: [Int]  // position of (input, forget, candidate, output) in the format's gate order
        var forgetBias = 0.0
        switch format {
        case "keras":
            let (k, r, b) = (try #require(m["kernel"]), try #require(m["recurrent_kernel"]), try #require(m["bias"]))
            #expect(k.shape == [I, 4 * U] && r.shape == [U, 4 * U] && b.shape == [4 * U])
            pre = { t, g, bb, u in
                var s = b.v[g * U + u]
                for i in 0..<I { s += x[(t * B + bb) * I + i] * k.v[i * 4 * U + g * U + u] }
                for j in 0..<U { s += h[bb * U + j] * r.v[j * 4 * U + g * U + u] }
                return s
            }
            order = [0, 1, 2, 3]
        case "torch":
            let (wi, wh) = (try #require(m["weight_ih_l0"]), try #require(m["weight_hh_l0"]))
            let (bi, bh) = (try #require(m["bias_ih_l0"]), try #require(m["bias_hh_l0"]))
            #expect(wi.shape == [4 * U, I] && wh.shape == [4 * U, U] && bi.shape == [4 * U] && bh.shape == [4 * U])
            pre = { t, g, bb, u in
                let row = g * U + u
                var s = bi.v[row] + bh.v[row]
                for i in 0..<I { s += x[(t * B + bb) * I + i] * wi.v[row * I + i] }
                for j in 0..<U { s += h[bb * U + j] * wh.v[row * U + j] }
                return s
            }
            order = [0, 1, 2, 3]
        default:
            let (k, b) = (try #require(m["rnn/basic_lstm_cell/kernel"]), try #require(m["rnn/basic_lstm_cell/bias"]))
            #expect(k.shape == [I + U, 4 * U])
            pre = { t, g, bb, u in
                var s = b.v[g * U + u]
                for i in 0..<I { s += x[(t * B + bb) * I + i] * k.v[i * 4 * U + g * U + u] }
                for j in 0..<U { s += h[bb * U + j] * k.v[(I + j) * 4 * U + g * U + u] }
                return s
            }
            order = [0, 2, 1, 3]  // TF: i, j, f, o
            forgetBias = 1
        }
        func sigmoid(_ v: Double) -> Double { 1 / (1 + exp(-v)) }
        var outputs: [Float] = []
        for t in 0..<T {
            var nc = c, nh = h
            for bb in 0..<B {
                for u in 0..<U {
                    let i = sigmoid(pre(t, order[0], bb, u)), fg = sigmoid(pre(t, order[1], bb, u) + forgetBias)
                    let g = tanh(pre(t, order[2], bb, u)), o = sigmoid(pre(t, order[3], bb, u))
                    nc[bb * U + u] = fg * c[bb * U + u] + i * g
                    nh[bb * U + u] = o * tanh(nc[bb * U + u])
                }
            }
            c = nc; h = nh
            outputs += h.map(Float.init)
        }
        #expect(S.maxRelativeError(outputs, expected) <= 1e-5, "format \(format)")
    }

    /// `cell N kind=rnn activation=relu`: BasicRNNCell(activation=tf.nn.relu), described, saved
    /// and loaded with its activation, exported with it (PyTorch's `nonlinearity`; sigmoid
    /// refused there), and refused on cells whose activations are fixed.
    @Test func reluCellKeepsItsActivation() throws {
        let dir = try S.tempDir("relu-cell")
        defer { S.remove(dir) }
        let shell = Interpreter(options: .init(workingDirectory: dir))
        S.run("r = cell 4 kind=rnn activation=relu seed=3; xs = (arange 24).reshape(2, 3, 4) / 10 - 1; o, h = unroll r xs", in: shell)
        #expect(S.run("r", in: shell).hasPrefix("BasicRNNCell(num_units=4, activation=tf.nn.relu)\n"), "\(S.run("r", in: shell))")
        #expect(S.run("r.activation", in: shell).contains("relu"))
        // relu: no negative output, and the same weights under tanh give other (some negative) ones.
        #expect(S.run("bool((stack(o) >= 0).all()); bool((stack(o) > 0).any())", in: shell) == "True\nTrue")
        #expect(S.run("save r r.npz", in: shell) == "")
        #expect(try NPZFile.read(path: dir + "/r.npz").map(\.name) == ["kernel", "bias", "activation", "cell"])
        S.run("back = load r.npz; o2, h2 = unroll back xs; a = stack(o); b = stack(o2)", in: shell)
        #expect(S.floats(try S.array(shell, "a")) == S.floats(try S.array(shell, "b")))
        #expect(S.run("back", in: shell).hasPrefix("BasicRNNCell(num_units=4, activation=tf.nn.relu)"))
        #expect(S.run("export r rk.npz format=keras", in: shell).contains("keras.layers.SimpleRNN(4, activation='relu')"))
        #expect(S.run("export r rt.npz format=torch", in: shell).contains("torch.nn.RNN(4, 4, batch_first=True, nonlinearity='relu')"))
        #expect(try NPZFile.read(path: dir + "/rt.npz").map(\.name) == ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"])
        S.run("s = cell 4 kind=rnn activation=sigmoid; _ = unroll s xs", in: shell)
        #expect(S.run("export s st.npz format=torch", in: shell).hasPrefix("error: cannot export a BasicRNNCell(activation=tf.sigmoid) for PyTorch"))
        #expect(S.run("cell 4 activation=relu", in: shell).contains("is the plain RNN cell's option (cell=rnn)"))
        #expect(S.run("cell 4 kind=gru activation=sigmoid", in: shell).contains("GRUCell's activations are fixed"))
    }

    @Test func exportRefusesWhatItCannotWrite() {
        let shell = Interpreter()
        #expect(S.run("export (cell 3) w.npz format=keras", in: shell).hasPrefix("error: the cell has no weights yet"))
        #expect(S.run("export (arange 3) w.npz", in: shell) == "error: export takes a model or a cell, got numpy.ndarray")
        #expect(S.run("export (cell 3) w.npz format=onnx", in: shell) == "error: format must be one of 'tf', 'keras', 'torch', got 'onnx'")
    }
}
