import Foundation
import Testing
import Tensor
import RNN
@testable import Graph

/// The graph against TensorFlow 1 itself (tf.compat.v1; scripts/tf1_fixtures.py): the printed
/// descriptions and static shapes of every op the tutorials use, and the tutorial's model
/// trained for 20 Adam steps from the same weights on the same batches.
@Suite struct GraphFixtureTests {
    static let fixture = try? TF1Fixture.load()

    /// The shape TF reports as a list (-1 unknown), nil for unknown rank.
    func list(_ s: StaticShape) -> [Int]? { s.dims.map { $0.map { $0 ?? -1 } } }

    func check(_ name: String, _ tensors: [GraphTensor]) throws {
        let expected = try #require(Self.fixture?.descriptions[name], "fixture case \(name)")
        #expect(tensors.count == expected.count, "\(name): \(tensors.count) tensors, fixture has \(expected.count)")
        for (t, e) in zip(tensors, expected) {
            #expect(t.description == e.0, "\(name)")
            #expect(list(t.shape) == e.1, "\(name): \(t.name)")
        }
    }

    /// The prelude of every case: `x = tf.placeholder('float', [None, 28, 28])`.
    func prelude() -> (Graph, GraphTensor) {
        let g = Graph()
        return (g, g.placeholder(dtype: .float32, shape: StaticShape([nil, 28, 28])))
    }

    func normal(_ g: Graph, _ shape: [Int]) throws -> GraphTensor { try g.random(.normal, shape: shape, a: 0, b: 1) }

    @Test func placeholdersAndShapeOps() throws {
        var (g, x) = prelude()
        let y = g.placeholder(dtype: .float32, shape: .unknown)
        let z = g.placeholder(dtype: .float32, shape: StaticShape([nil, 10]))
        try check("placeholder", [x, y, z])
        (g, x) = prelude()
        try check("transpose", [try g.transpose(x, [1, 0, 2]), try g.transpose(x, [1, 0, 2]), try g.transpose(x, nil)])
        (g, x) = prelude()
        let t = try g.transpose(x, [1, 0, 2])
        try check("reshape", [t, try g.reshape(t, [-1, 28]), try g.reshape(x, [-1, 784]), try g.reshape(x, [4, -1, 7])])
        (g, x) = prelude()
        let r = try g.reshape(try g.transpose(x, [1, 0, 2]), [-1, 28])
        try check("split", [r] + (try g.split(r, count: 28, axis: 0)))
        (g, x) = prelude()
        try check("split_columns", try g.split(try g.reshape(x, [-1, 28]), count: 4, axis: 1))
        (g, x) = prelude()
        try check("unstack", try g.unstack(x, count: 28, axis: 1) + Array(try g.unstack(x, count: nil, axis: 2).prefix(2)))
        (g, x) = prelude()
        let a = try g.reshape(x, [-1, 28])
        try check("concat", [try g.concat([a, a], axis: 1), try g.concat([a, a, a], axis: 0)])
    }

    @Test func mathOps() throws {
        var (g, x) = prelude()
        var W = try g.variable(try normal(g, [28, 10]))
        var a = try g.reshape(x, [-1, 28])
        try check("matmul", [try g.matmul(a, W), try g.matmul(a, W)])
        (g, x) = prelude()
        W = try g.variable(try normal(g, [28, 10]))
        let b = try g.variable(try normal(g, [10]))
        let m = try g.matmul(try g.reshape(x, [-1, 28]), W)
        try check("arithmetic", [try g.binary(.add, .tensor(m), .tensor(b)), try g.binary(.sub, .tensor(m), .tensor(b)),
                                 try g.binary(.mul, .tensor(m), .tensor(b)), try g.binary(.div, .tensor(m), .tensor(b)),
                                 try g.binary(.add, .tensor(m), .tensor(b)), try g.binary(.mul, .value(NDArray(scalar: Int64(2))), .tensor(m)),
                                 try g.binary(.mul, .tensor(m), .value(NDArray(scalar: 0.5)))])
        (g, x) = prelude()
        a = try g.reshape(x, [-1, 28])
        try check("softmax", [try g.softmax(a), try g.softmax(a)])
        (g, x) = prelude()
        let y = g.placeholder(dtype: .float32, shape: StaticShape([nil, 28]))
        a = try g.reshape(x, [-1, 28])
        try check("softmax_ce", [try g.softmaxCrossEntropy(logits: a, labels: y, v2: false),
                                 try g.softmaxCrossEntropy(logits: a, labels: y, v2: false),
                                 try g.softmaxCrossEntropy(logits: a, labels: y, v2: true)])
        (g, x) = prelude()
        a = try g.reshape(x, [-1, 28])
        try check("reductions", [try g.reduce(.mean, a, axes: nil), try g.reduce(.sum, a, axes: nil), try g.reduce(.mean, a, axes: [1]),
                                 try g.reduce(.sum, a, axes: [0]), try g.reduce(.mean, x, axes: [1, 2])])
        (g, x) = prelude()
        a = try g.reshape(x, [-1, 28])
        try check("argmax", [try g.argmax(a, axis: 1), try g.argmax(a, axis: 1), try g.argmax(a, axis: 0)])
        (g, x) = prelude()
        a = try g.reshape(x, [-1, 28])
        let e = try g.equal(.tensor(try g.argmax(a, axis: 1)), .tensor(try g.argmax(a, axis: 1)))
        try check("equal_cast", [e, try g.cast(e, .float32), try g.cast(e, .float32), try g.reduce(.mean, try g.cast(e, .float32), axes: nil)])
    }

    @Test func recurrentOps() throws {
        var (g, x) = prelude()
        var xs = try g.split(try g.reshape(try g.transpose(x, [1, 0, 2]), [-1, 28]), count: 28, axis: 0)
        let (o, s) = try g.staticRNN(try GraphCell(kind: .lstm, units: 16), xs)
        try check("static_rnn", Array(o.prefix(3)) + [o[27], s[0], s[1]])
        (g, x) = prelude()
        xs = try g.unstack(x, count: 28, axis: 1)
        let (o1, s1) = try g.staticRNN(try GraphCell(kind: .lstm, units: 8), xs)
        let (o2, s2) = try g.staticRNN(try GraphCell(kind: .lstm, units: 8), xs, scope: "second")
        try check("static_rnn_twice", [o1[27], s1[0], o2[0], o2[27], s2[1]])
        (g, x) = prelude()
        xs = try g.unstack(x, count: 28, axis: 1)
        let (ob, sb) = try g.staticRNN(try GraphCell(kind: .rnn, units: 8), xs)
        try check("static_rnn_basic", [ob[0], ob[27], sb[0]])
        (g, x) = prelude()
        let (od, sd) = try g.dynamicRNN(try GraphCell(kind: .lstm, units: 16), x)
        try check("dynamic_rnn", [od, sd[0], sd[1]])
        (g, x) = prelude()
        let (ot, st) = try g.dynamicRNN(try GraphCell(kind: .lstm, units: 16), try g.transpose(x, [1, 0, 2]), timeMajor: true)
        try check("dynamic_rnn_time_major", [ot, st[0], st[1]])
    }

    /// The tutorial's graph, built as its code builds it.
    struct Tutorial {
        let g = Graph()
        var x, y, prediction, cost, correct, accuracy: GraphTensor
        var t, r: GraphTensor, xs: [GraphTensor], outputs: [GraphTensor]
        var optimizer: GraphOperation
        var cell: GraphCell
        var weights, biases: GraphTensor

        init(steps T: Int, input I: Int, units U: Int, classes K: Int, weights w: NDArray? = nil, biases b: NDArray? = nil) throws {
            x = g.placeholder(dtype: .float32, shape: StaticShape([nil, T, I]))
            y = g.placeholder(dtype: .float32, shape: .unknown)
            let graph = g
            if let w { weights = try graph.variable(value: w) } else { weights = try graph.variable(try graph.random(.normal, shape: [U, K], a: 0, b: 1)) }
            if let b { biases = try graph.variable(value: b) } else { biases = try graph.variable(try graph.random(.normal, shape: [K], a: 0, b: 1)) }
            t = try g.transpose(x, [1, 0, 2])
            r = try g.reshape(t, [-1, I])
            xs = try g.split(r, count: T, axis: 0)
            cell = try GraphCell(kind: .lstm, units: U)
            outputs = try g.staticRNN(cell, xs).outputs
            let p = try g.binary(.add, .tensor(try g.matmul(outputs[T - 1], weights)), .tensor(biases))
            let c = try g.reduce(.mean, try g.softmaxCrossEntropy(logits: p, labels: y, v2: false), axes: nil)
            prediction = p; cost = c
            optimizer = try g.minimize(.adam(AdamConfig()), loss: c)
            let yy = y
            let k = try g.equal(.tensor(try g.argmax(p, axis: 1)), .tensor(try g.argmax(yy, axis: 1)))
            correct = k
            accuracy = try g.reduce(.mean, try g.cast(k, .float32), axes: nil)
        }
    }

    @Test func tutorialDescriptions() throws {
        let m = try Tutorial(steps: 28, input: 28, units: 128, classes: 10)
        // The fixture's tutorial builds y and the variables before the shape ops, like the tutorial.
        try check("tutorial", [m.t, m.r, m.xs[0], m.xs[27], m.outputs[27], m.prediction, m.cost, m.correct, m.accuracy])
    }

    /// 20 Adam steps of the tutorial's model from TF's initial weights: every loss within 1e-4
    /// relative of TensorFlow's, and the accuracy expression equal.
    @Test func tutorialTrainingMatchesTensorFlow() throws {
        let f = try #require(Self.fixture)
        let (T, I, U, K, B) = (f.int("steps"), f.int("input"), f.int("units"), f.int("classes"), f.int("batch"))
        let m = try Tutorial(steps: T, input: I, units: U, classes: K, weights: try f.array("weights"), biases: try f.array("biases"))
        for threads in [1, 2] {
            let sess = Session(graph: m.g, threads: threads)
            _ = try sess.run([.operation(m.g.globalVariablesInitializer())])
            let vars = try #require(m.cell.variables)
            sess.values[vars[0].op] = try f.array("kernel")
            sess.values[vars[1].op] = try f.array("bias")
            let testX = try f.array("test_images").reshape([-1, T, I]), testY = try f.array("test_labels")
            let acc0 = try #require(try sess.run([.tensor(m.accuracy)], feeds: [m.x: testX, m.y: testY])[0])
            #expect(acc0.scalars.first?.doubleValue == f.double("accuracy_before"))
            let images = try f.array("images"), labels = try f.array("labels")
            let expected = f.doubles("losses")
            #expect(expected.count == f.int("adam_steps"))
            for (s, want) in expected.enumerated() {
                let bx = try images.subscripted([.index(s)]).reshape([B, T, I]), by = try labels.subscripted([.index(s)])
                let out = try sess.run([.operation(m.optimizer), .tensor(m.cost)], feeds: [m.x: bx, m.y: by])
                let c = try #require(out[1]?.scalars.first?.doubleValue)
                #expect(abs(c - want) <= 1e-4 * abs(want), "step \(s) (threads \(threads)): \(c) vs TF \(want)")
            }
            let acc = try #require(try sess.run([.tensor(m.accuracy)], feeds: [m.x: testX, m.y: testY])[0])
            #expect(acc.scalars.first?.doubleValue == f.double("accuracy"))
            let w = try #require(try sess.run([.tensor(m.weights)])[0])
            let tfW = try f.array("final_weights")
            var worst: Float = 0
            for (a, b) in zip(w.elements(as: Float.self) ?? [], tfW.elements(as: Float.self) ?? []) { worst = max(worst, abs(a - b)) }
            #expect(worst < 1e-4, "final weights differ from TF's by \(worst)")
        }
    }
}
