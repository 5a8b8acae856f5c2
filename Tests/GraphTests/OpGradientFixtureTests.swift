import Foundation
import Testing
import Tensor
@testable import Graph

/// The elementwise ops, reductions and losses learners' TF1 code uses beyond the tutorial's
/// (square, exp, sqrt, abs, log, negative, maximum/minimum, pow, reduce_max/min,
/// clip_by_value with tensor bounds, l2_loss, sigmoid, tanh) and the ones RNN tutorials use
/// around their cells (matmul with transposes, `%`, `//`, expand_dims, squeeze, sign,
/// stop_gradient) against TensorFlow itself
/// (Fixtures/tf1_ops.json, `scripts/tf1_fixtures.py --ops`): each op on fixed inputs with ties
/// where the gradient must split or pick a side, its value and the gradient of
/// `reduce_sum(out * w)` with respect to every input, as tf.gradients gave them.
@Suite struct OpGradientFixtureTests {
    static let fixture = try? TF1Fixture.load("tf1_ops")

    /// The fixture's ops, built as its script builds them from the input variables.
    nonisolated(unsafe) static let builders: [String: (Graph, [GraphTensor]) throws -> GraphTensor] = [
        "square": { g, v in try g.unary(.square, v[0]) },
        "exp": { g, v in try g.unary(.exp, v[0]) },
        "sqrt": { g, v in try g.unary(.sqrt, v[0]) },
        "abs": { g, v in try g.unary(.abs, v[0]) },
        "log": { g, v in try g.unary(.log, v[0]) },
        "negative": { g, v in try g.unary(.neg, v[0]) },
        "sigmoid": { g, v in try g.unary(.sigmoid, v[0]) },
        "tanh": { g, v in try g.unary(.tanh, v[0]) },
        "maximum": { g, v in try g.binary(.maximum, .tensor(v[0]), .tensor(v[1])) },
        "minimum": { g, v in try g.binary(.minimum, .tensor(v[0]), .tensor(v[1])) },
        "maximum_number": { g, v in try g.binary(.maximum, .tensor(v[0]), .value(NDArray(scalar: 0.5))) },
        "pow_number": { g, v in try g.binary(.pow, .tensor(v[0]), .value(NDArray(scalar: 3.0)), name: "Pow") },
        "pow": { g, v in try g.binary(.pow, .tensor(v[0]), .tensor(v[1]), name: "Pow") },
        "pow_operator": { g, v in try g.binary(.pow, .tensor(v[0]), .value(NDArray(scalar: Int64(2)))) },
        "reduce_max": { g, v in try g.reduce(.max, v[0], axes: nil) },
        "reduce_max_1": { g, v in try g.reduce(.max, v[0], axes: [1]) },
        "reduce_max_0_keepdims": { g, v in try g.reduce(.max, v[0], axes: [0], keepdims: true) },
        "reduce_min": { g, v in try g.reduce(.min, v[0], axes: nil) },
        "reduce_min_1_keepdims": { g, v in try g.reduce(.min, v[0], axes: [1], keepdims: true) },
        "reduce_min_0": { g, v in try g.reduce(.min, v[0], axes: [0]) },
        "clip_tensor_bounds": { g, v in try g.clip(v[0], min: .tensor(v[1]), max: .tensor(v[2])) },
        "clip_number_bounds": { g, v in try g.clip(v[0], min: -1, max: 2) },
        "l2_loss": { g, v in try g.l2Loss(v[0]) },
        "matmul_transpose_b": { g, v in try g.matmul(v[0], v[1], transposeB: true) },
        "matmul_transpose_a": { g, v in try g.matmul(v[0], v[1], transposeA: true) },
        "matmul_transpose_both": { g, v in try g.matmul(v[0], v[1], transposeA: true, transposeB: true) },
        "floormod": { g, v in try g.binary(.floorMod, .tensor(v[0]), .tensor(v[1])) },
        "floordiv": { g, v in try g.binary(.floorDiv, .tensor(v[0]), .tensor(v[1])) },
        "expand_dims": { g, v in try g.expandDims(v[0], axis: 1) },
        "squeeze": { g, v in try g.squeeze(v[0]) },
        "sign": { g, v in try g.unary(.sign, v[0]) },
        "stop_gradient": { g, v in try g.binary(.mul, .tensor(try g.stopGradient(v[0])), .tensor(v[0])) },
        // The generic kernel ops (GraphKernel): forward and backward against TF's.
        "embedding_lookup": { g, v in try g.embeddingLookup(v[0], .value(try NDArray([Int32(0), 2, 4, 2, 1, 0], shape: [3, 2]))) },
        "tile": { g, v in try g.tile(v[0], multiples: [2, 3]) },
        "pad": { g, v in try g.pad(v[0], paddings: [[1, 0], [2, 1]]) },
        "pad_constant": { g, v in try g.pad(v[0], paddings: [[0, 1], [1, 1]], value: 2.5) },
        "slice": { g, v in try g.slice(v[0], begin: [1, 1], size: [2, -1]) },
        "split_sizes": { g, v in try g.split(v[0], sizes: [1, 3], axis: 1)[1] },
        "select": { g, v in try g.select(.tensor(try g.compare(.greater, .tensor(v[0]), .value(NDArray(scalar: 0.5)))), .tensor(v[0]), .tensor(v[1])) },
        "select_rows": { g, v in try g.select(.value(NDArray([true, false, true])), .tensor(v[0]), .tensor(v[1])) },
        "reduce_prod_1": { g, v in try g.reduceProd(v[0], axes: [1]) },
        "reduce_prod": { g, v in try g.reduceProd(v[0], axes: nil) },
        "reduce_prod_0_keepdims": { g, v in try g.reduceProd(v[0], axes: [0], keepdims: true) },
        "add_n": { g, v in try g.addN([v[0], v[1], v[0]]) },
        "squared_difference": { g, v in try g.squaredDifference(.tensor(v[0]), .tensor(v[1])) },
        "log_softmax": { g, v in try g.softmax(v[0], axis: -1, log: true) },
        "log_softmax_axis0": { g, v in try g.softmax(v[0], axis: 0, log: true) },
        "softmax_axis0": { g, v in try g.softmax(v[0], axis: 0, log: false) },
        "sigmoid_cross_entropy": { g, v in try g.sigmoidCrossEntropy(labels: .tensor(v[1]), logits: v[0]) },
        "bias_add": { g, v in try g.biasAdd(v[0], .tensor(v[1])) },
        "xw_plus_b": { g, v in try g.xwPlusB(v[0], v[1], v[2]) },
        "top_k_values": { g, v in try g.topK(v[0], k: 2).0 },
        "l2_normalize": { g, v in try g.l2Normalize(v[0], axes: [1]) },
        "moments_mean": { g, v in try g.moments(v[0], axes: [0]).0 },
        "moments_variance": { g, v in try g.moments(v[0], axes: [0]).1 },
        "identity": { g, v in try g.identity(v[0]) },
        "zeros_like": { g, v in try g.fillLike(v[0], value: 0) },
        "placeholder_with_default": { g, v in try g.placeholderWithDefault(.tensor(v[0]), shape: StaticShape([3, 4])) },
    ]

    /// Within 1e-5 of TF's value, relative to its size (at least 1): float32 kernels that
    /// round alike agree exactly; exp, pow and the L2Loss sum are TF's Eigen versions, which
    /// may differ by an ulp or two.
    static func worst(_ got: NDArray, _ want: NDArray) throws -> Double {
        let a = try got.doubleValues(), b = try want.doubleValues()
        guard a.count == b.count, got.shape == want.shape else { return .infinity }
        var w = 0.0
        for (x, y) in zip(a, b) { w = max(w, x.isNaN || y.isNaN ? (x.isNaN && y.isNaN ? 0 : .infinity) : abs(x - y) / max(1, abs(y))) }
        return w
    }

    @Test func everyOpOfTheFixtureIsChecked() throws {
        let cases = try #require(try Self.fixture?.ops)
        #expect(Set(cases.map(\.name)) == Set(Self.builders.keys))
    }

    @Test func valuesAndGradientsMatchTensorFlow() throws {
        let cases = try #require(try Self.fixture?.ops)
        for c in cases {
            let build = try #require(Self.builders[c.name], "no builder for \(c.name)")
            let g = Graph()
            var vars: [GraphTensor] = []
            for x in c.inputs { vars.append(try g.variable(value: x)) }
            let y = try build(g, vars)
            #expect(y.name == c.op, "\(c.name)")
            #expect(y.shape == .known(c.output.shape), "\(c.name): static shape \(y.shape)")
            let loss = try g.reduce(.sum, try g.binary(.mul, .tensor(y), .tensor(g.constant(c.w))), axes: nil)
            let sess = Session(graph: g, threads: 1)
            _ = try sess.run([.operation(g.globalVariablesInitializer())])
            var run = Run(session: sess, feeds: [:])
            try run.evaluate([y, loss])
            let value = try run.value(y)
            #expect(try Self.worst(value, c.output) <= 1e-5, "\(c.name): \(value) vs TF \(c.output)")
            let grads = try Gradients.compute(loss: loss, variables: vars.map(\.op), run: &run)
            #expect(c.gradients.count == vars.count, "\(c.name)")
            for (k, (v, want)) in zip(vars, c.gradients).enumerated() {
                guard let want else {
                    #expect(grads[v.op] == nil, "\(c.name) input \(k): TF has no gradient")
                    continue
                }
                let d = try #require(grads[v.op], "\(c.name): no gradient for input \(k)")
                #expect(try Self.worst(d, want) <= 1e-5, "\(c.name) input \(k): \(d) vs TF \(want)")
            }
        }
    }

    /// The ties of the fixture, spelled out: reduce_max splits the gradient among equal
    /// maxima, maximum gives a tie to its first input, a clipped value trains its bound.
    @Test func tiesSplitOrPickAsTensorFlowDoes() throws {
        let g = Graph()
        let x = try g.variable(value: try NDArray([1, 3, 3, -2] as [Float], shape: [4]))
        let b = try g.variable(value: try NDArray([3, 3, 0, 0] as [Float], shape: [4]))
        let lo = try g.variable(value: try NDArray([0, 0, 3, 0] as [Float], shape: [4]))
        let top = try g.reduce(.max, x, axes: nil)
        let both = try g.reduce(.sum, try g.binary(.maximum, .tensor(x), .tensor(b)), axes: nil)
        let clipped = try g.reduce(.sum, try g.clip(x, min: .tensor(lo), max: .value(NDArray(scalar: 2.5))), axes: nil)
        let sess = Session(graph: g, threads: 1)
        _ = try sess.run([.operation(g.globalVariablesInitializer())])
        func grads(_ loss: GraphTensor, _ of: [GraphTensor]) throws -> [[Float]] {
            var run = Run(session: sess, feeds: [:])
            try run.evaluate([loss])
            let d = try Gradients.compute(loss: loss, variables: of.map(\.op), run: &run)
            return of.map { d[$0.op]?.elements(as: Float.self) ?? [] }
        }
        #expect(try grads(top, [x]) == [[0, 0.5, 0.5, 0]])
        // 3 against 3 is a tie: x's.
        #expect(try grads(both, [x, b]) == [[0, 1, 1, 0], [1, 0, 0, 1]])
        // min(x, 2.5), then max(·, lo): 1 passes, 3 → 2.5 (the number bound: nothing trains),
        // 3 → lo = 3 and -2 → lo = 0 (lo trains).
        #expect(try grads(clipped, [x, lo]) == [[1, 0, 0, 0], [0, 0, 1, 1]])
    }

    /// The message a graph builder throws (nil: it built).
    func message(_ body: () throws(TensorError) -> GraphTensor) -> String? {
        do { _ = try body(); return nil } catch { return error.message }
    }

    @Test func buildTimeErrorsInTensorFlowsWords() throws {
        let g = Graph()
        let v = g.placeholder(dtype: .float32, shape: StaticShape([nil]))
        let wide = g.placeholder(dtype: .float32, shape: StaticShape([3, 1]))
        #expect(message { () throws(TensorError) -> GraphTensor in try g.clip(v, min: .tensor(wide), max: .value(NDArray(scalar: 1.0))) }
                == "Shapes (?,) and (3, ?) are incompatible")
        let ints = g.placeholder(dtype: .int32, shape: StaticShape([2]))
        #expect(message { () throws(TensorError) -> GraphTensor in try g.l2Loss(ints) }
                == "Value passed to parameter 't' has DataType int32 not in list of allowed values: float16, bfloat16, float32, float64")
        #expect(message { () throws(TensorError) -> GraphTensor in try g.unary(.sqrt, ints) }
                == "Value passed to parameter 'x' has DataType int32 not in list of allowed values: bfloat16, float16, float32, float64, complex64, complex128")
        let flags = g.placeholder(dtype: .bool, shape: StaticShape([2]))
        #expect(message { () throws(TensorError) -> GraphTensor in try g.binary(.maximum, .tensor(flags), .value(NDArray(scalar: true))) }
                == "Value passed to parameter 'x' has DataType bool not in list of allowed values: bfloat16, float16, float32, float64, int8, uint8, int16, uint16, int32, uint32, int64, uint64")
        #expect(message { () throws(TensorError) -> GraphTensor in try g.reduce(.max, flags, axes: nil) }
                == "Value passed to parameter 'input' has DataType bool not in list of allowed values: float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, uint64, qint8, quint8, qint32, qint16, quint16")
        #expect(message { () throws(TensorError) -> GraphTensor in try g.unary(.abs, flags) }
                == "Value passed to parameter 'x' has DataType bool not in list of allowed values: bfloat16, float16, float32, float64, int8, int16, int32, int64")
        // Square and Abs take integers, as TF's kernels do.
        #expect(message { () throws(TensorError) -> GraphTensor in try g.unary(.square, ints) } == nil)
    }

    /// The tutorial ops' shape functions refuse what TF1's refused, in its words (TF 1's
    /// `for 'Squeeze' (op: 'Squeeze')` quoting, as the other shape errors here).
    @Test func tutorialOpsBuildTimeErrors() throws {
        let g = Graph()
        let m = g.constant(try NDArray.ones([2, 3], dtype: .float32))
        #expect(message { () throws(TensorError) -> GraphTensor in try g.squeeze(m, axes: [0]) }
                == "Can not squeeze dim[0], expected a dimension of 1, got 2 for 'Squeeze' (op: 'Squeeze') with input shapes: [2,3].")
        #expect(message { () throws(TensorError) -> GraphTensor in try g.squeeze(m, axes: [2]) }
                == "squeeze_dims[0] not in [-2,2). for 'Squeeze_1' (op: 'Squeeze') with input shapes: [2,3].")
        #expect(message { () throws(TensorError) -> GraphTensor in try g.expandDims(m, axis: 3) }
                == "dim 3 not in the interval [-3, 2]. for 'ExpandDims' (op: 'ExpandDims') with input shapes: [2,3], [] and with computed input tensors: input[1] = <3>.")
        #expect(message { () throws(TensorError) -> GraphTensor in try g.expandDims(m, axis: -4) }
                == "dim -4 not in the interval [-3, 2]. for 'ExpandDims_1' (op: 'ExpandDims') with input shapes: [2,3], [] and with computed input tensors: input[1] = <-4>.")
        #expect(message { () throws(TensorError) -> GraphTensor in try g.matmul(m, m) }
                == "Dimensions must be equal, but are 3 and 2 for 'MatMul' (op: 'MatMul') with input shapes: [2,3], [2,3].")
        let n = g.constant(try NDArray.ones([2, 4], dtype: .float32))
        #expect(message { () throws(TensorError) -> GraphTensor in try g.matmul(m, n, transposeB: true) }
                == "Dimensions must be equal, but are 3 and 4 for 'MatMul_1' (op: 'MatMul') with input shapes: [2,3], [2,4].")
        #expect(message { () throws(TensorError) -> GraphTensor in try g.oneHot(m, depth: 3) }
                == "Value passed to parameter 'indices' has DataType float32 not in list of allowed values: uint8, int8, int32, int64")
        let ids = g.constant(NDArray([Int32(1)]))
        #expect(message { () throws(TensorError) -> GraphTensor in try g.oneHot(ids, depth: -1) }
                == "Dimension size, given by scalar input 1, must be non-negative but is -1 for 'one_hot' (op: 'OneHot') with input shapes: [1], [], [], [] and with computed input tensors: input[1] = <-1>.")
        #expect(message { () throws(TensorError) -> GraphTensor in try g.compare(.greater, .tensor(m), .tensor(ids)) }
                == "Input 'y' of 'Greater' Op has type int32 that does not match type float32 of argument 'x'.")
        let flags = g.constant(NDArray([true]))
        #expect(message { () throws(TensorError) -> GraphTensor in try g.compare(.greater, .tensor(flags), .value(NDArray(scalar: true))) }
                == "Value passed to parameter 'x' has DataType bool not in list of allowed values: float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, uint64")
        #expect(message { () throws(TensorError) -> GraphTensor in try g.unary(.sign, flags) }
                == "Value passed to parameter 'x' has DataType bool not in list of allowed values: bfloat16, float16, float32, float64, int8, int16, int32, int64, complex64, complex128")
    }

    /// Run-time behaviour the fixture's float inputs do not reach: one_hot's out-of-range
    /// indices (a row of off values, as TF's kernel), integer // and % by zero refused (TF's
    /// InvalidArgumentError text), squeeze of a fed dimension that is not 1, and a variable
    /// reached only through stop_gradient has no gradient (minimize refuses, tf.gradients None).
    @Test func tutorialOpsAtRunTime() throws {
        let g = Graph()
        let ids = g.constant(NDArray([Int32(0), 5, -1, 2]))
        let oh = try g.oneHot(ids, depth: 3, on: 5, off: -1, axis: 0)
        let p = g.placeholder(dtype: .float32, shape: StaticShape([nil, 1]))
        let sq = try g.squeeze(p)
        let zero = try g.binary(.floorDiv, .tensor(ids), .value(NDArray(scalar: Int64(0))))
        let sess = Session(graph: g, threads: 1)
        #expect(try sess.run([.tensor(oh)])[0]?.elements(as: Float.self) == [5, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 5])
        #expect(try sess.run([.tensor(sq)], feeds: [p: try NDArray([1, 2] as [Float], shape: [2, 1])])[0]?.shape == [2])
        #expect(try sess.run([.tensor(sq)], feeds: [p: try NDArray([1] as [Float], shape: [1, 1])])[0]?.shape == [])
        func failure(_ t: GraphTensor, _ feeds: [GraphTensor: NDArray] = [:]) -> String? {
            do { _ = try sess.run([.tensor(t)], feeds: feeds); return nil } catch { return error.message }
        }
        #expect(failure(zero) == "Integer division by zero")
        #expect(failure(try g.squeeze(p, axes: [0]), [p: try NDArray([1, 2] as [Float], shape: [2, 1])])
                == "Can not squeeze dim[0], expected a dimension of 1, got 2")
        let w = try g.variable(value: try NDArray([1, 2] as [Float], shape: [2]))
        let stopped = try g.reduce(.sum, try g.stopGradient(w), axes: nil)
        let through = try g.gradients([stopped], [w])
        #expect(through.count == 1 && through[0] == nil)
        do {
            _ = try g.minimize(.gradientDescent(0.1), loss: stopped)
            Issue.record("minimize through stop_gradient alone should be refused")
        } catch {
            #expect(error.message.hasPrefix("No gradients provided for any variable"))
        }
    }

    /// The kernel ops' run-time values and errors that the fixture's float inputs do not reach,
    /// as TF 2.21's tf.compat.v1 gave them: an embedding id outside the table named by its
    /// position in ids, slice's size check, where's coordinates and row choice, sequence_mask,
    /// top_k's indices (an equal value at the lower position first), size and rank of a fed
    /// tensor, and pad's constant_values.
    @Test func kernelOpsAtRunTime() throws {
        let g = Graph()
        let table = try g.variable(value: try NDArray((0..<30).map { Float($0) }, shape: [10, 3]))
        let ids = g.placeholder(dtype: .int32, shape: StaticShape([nil, 5]))
        let emb = try g.embeddingLookup(table, .tensor(ids))
        #expect(emb.description == "Tensor(\"embedding_lookup/Identity:0\", shape=(?, 5, 3), dtype=float32)")
        let x = g.placeholder(dtype: .float32, shape: StaticShape([nil, 3]))
        let sliced = try g.slice(x, begin: [0, 1], size: [2, 5])
        let coords = try g.whereTrue(g.constant(try NDArray([true, false, false, true], shape: [2, 2])))
        let rows = try g.select(.value(NDArray([true, false])), .value(try NDArray([Int32(1), 2, 5, 6], shape: [2, 2])),
                                .value(try NDArray([Int32(3), 4, 7, 8], shape: [2, 2])))
        let mask = try g.sequenceMask(.value(NDArray([Int32(1), 3, 0])), maxlen: 4)
        let top = try g.topK(g.constant(try NDArray([Float(1), 3, 3, -2], shape: [1, 4])), k: 2)
        let size = try g.size(of: x), rank = try g.rank(of: x)
        let padded = try g.pad(x, paddings: [[0, 0], [1, 1]], value: 5)
        let sess = Session(graph: g, threads: 1)
        _ = try sess.run([.operation(g.globalVariablesInitializer())])
        func failure(_ t: GraphTensor, _ feeds: [GraphTensor: NDArray]) -> String? {
            do { _ = try sess.run([.tensor(t)], feeds: feeds); return nil } catch { return error.message }
        }
        #expect(failure(emb, [ids: try NDArray([Int32(0), 1, 2, 3, 12, 0, 0, 0, 0, 0], shape: [2, 5])]) == "indices[0,4] = 12 is not in [0, 10)")
        let ones = try NDArray.ones([2, 3], dtype: .float32)
        #expect(failure(sliced, [x: ones]) == "Expected size[1] in [0, 2], but got 5")
        let v = try sess.run([.tensor(coords), .tensor(rows), .tensor(mask), .tensor(top.0), .tensor(top.1), .tensor(size), .tensor(rank), .tensor(padded)],
                             feeds: [x: ones])
        #expect(v[0]?.elements(as: Int64.self) == [0, 0, 1, 1])
        #expect(v[1]?.elements(as: Int32.self) == [1, 2, 7, 8])
        #expect(v[2]?.elements(as: Bool.self) == [true, false, false, false, true, true, true, false, false, false, false, false])
        #expect(v[3]?.elements(as: Float.self) == [3, 3])
        #expect(v[4]?.elements(as: Int32.self) == [1, 2])
        #expect(v[5]?.elements(as: Int32.self) == [6] && v[6]?.elements(as: Int32.self) == [2])
        #expect(v[7]?.elements(as: Float.self) == [5, 1, 1, 1, 5, 5, 1, 1, 1, 5])
    }

    /// Over an empty axis TF's Max/Min give the reduction's identity, where numpy refuses.
    @Test func emptyReductionsGiveTheIdentity() throws {
        let g = Graph()
        let e = g.constant(try NDArray.zeros([2, 0], dtype: .float32))
        let sess = Session(graph: g, threads: 1)
        let out = try sess.run([.tensor(try g.reduce(.max, e, axes: [1])), .tensor(try g.reduce(.min, e, axes: nil))])
        #expect(out[0]?.elements(as: Float.self) == [-Float.infinity, -Float.infinity])
        #expect(out[1]?.elements(as: Float.self) == [Float.infinity])
    }
}
