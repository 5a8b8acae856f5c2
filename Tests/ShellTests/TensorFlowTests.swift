import Foundation
import Testing
import Tensor
@testable import Shell

/// `import tensorflow as tf` in the shell: TF1 programs run as written. Graph descriptions are
/// checked against TensorFlow itself (the snippets and their outputs in
/// GraphTests/Fixtures/tf1_graph.json, made by scripts/tf1_fixtures.py), each snippet run
/// verbatim through the shell.
@Suite struct TensorFlowTests {
    /// A fixture file of GraphTests (tf1_graph or tf1_ops) as JSON.
    static func fixtureFile(_ name: String) -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("GraphTests/Fixtures/\(name).json")
        guard let data = try? Data(contentsOf: url),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return obj
    }
    nonisolated(unsafe) static let fixture: [[String: Any]] =
        (fixtureFile("tf1_graph")["descriptions"] as? [[String: Any]] ?? []) + (fixtureFile("tf1_ops")["descriptions"] as? [[String: Any]] ?? [])
    nonisolated(unsafe) static let programs: [[String: Any]] = fixtureFile("tf1_ops")["programs"] as? [[String: Any]] ?? []

    /// Every fixture snippet, as TF1 code, printed tensor by tensor: exactly TF's text.
    @Test func snippetsPrintAsTensorFlowDid() throws {
        #expect(Self.fixture.count >= 20)
        for c in Self.fixture {
            let name = c["name"] as? String ?? "?", code = c["code"] as? String ?? ""
            let expected = (c["tensors"] as? [[String: Any]] ?? []).map { $0["description"] as? String ?? "" }
            let program = "import tensorflow as tf\nx = tf.placeholder('float', [None, 28, 28])\n" + code + "\nfor t in out:\n    print(t)\n"
            let got = run(program)
            #expect(got == expected.joined(separator: "\n"), "case \(name)")
        }
    }

    /// A learner's TF1 program built of square, exp, sqrt, abs, log, unary minus, maximum,
    /// minimum, pow and `**`, reduce_max/min, clip_by_value with trainable tensor bounds and
    /// l2_loss, trained by GradientDescentOptimizer: what it prints (the loss tensor's name,
    /// every step's loss, the trained bounds and weights) is what TensorFlow printed
    /// (tf1_ops.json), numbers within 1e-5 as the TF1 variants compare them.
    @Test func programsTrainAsTensorFlowDid() {
        #expect(Self.programs.count >= 1)
        for p in Self.programs {
            let name = p["name"] as? String ?? "?", code = p["code"] as? String ?? "", expected = p["output"] as? String ?? ""
            let got = run("import tensorflow as tf\nimport numpy as np\n" + code)
            #expect(!got.contains("error:"), "\(name): \(got)")
            let mismatch = TF1VariantTests.firstMismatch(got, expected)
            #expect(mismatch == nil, "\(name): \(mismatch ?? "")\n--- rnnsh:\n\(got)\n--- TensorFlow:\n\(expected)")
        }
    }

    /// The new ops from the shell: TF's conversions of Python numbers (an int is int32, so
    /// tf.exp(1) is TF's TypeError and tf.square(3) an int32), its refusals word for word.
    @Test func elementwiseOpsConvertAndRefuseAsTensorFlow() {
        let shell = Interpreter()
        _ = run("import tensorflow as tf\nx = tf.placeholder('float', [None, 28, 28])\nm = tf.reshape(x, [-1, 28])", in: shell)
        #expect(run("tf.square(3); tf.abs(-3)", in: shell) == "Tensor(\"Square:0\", shape=(), dtype=int32)\nTensor(\"Abs:0\", shape=(), dtype=int32)")
        #expect(run("tf.exp(1)", in: shell)
                == "error: Value passed to parameter 'x' has DataType int32 not in list of allowed values: bfloat16, float16, float32, float64, complex64, complex128")
        #expect(run("tf.clip_by_value(tf.reshape(x, [-1]), tf.placeholder('float', [3, 1]), 1.)", in: shell)
                == "error: Shapes (?,) and (3, ?) are incompatible")
        #expect(run("tf.maximum(m, tf.placeholder(tf.float64, [28]))", in: shell)
                == "error: Input 'y' of 'Maximum' Op has type float64 that does not match type float32 of argument 'x'.")
        #expect(run("tf.nn.l2_loss(tf.placeholder(tf.int32, [2]))", in: shell)
                == "error: Value passed to parameter 't' has DataType int32 not in list of allowed values: float16, bfloat16, float32, float64")
        #expect(run("s = tf.Session(); print(s.run(tf.reduce_max(tf.constant([[1., 5.], [7., 2.]]), 1, keep_dims=True)).ravel(), s.run(tf.pow(2., tf.constant([3., -1.]))), s.run(tf.clip_by_value(tf.constant([-2., 0.5, 4.]), tf.constant(-1.), 2.)))", in: shell)
                == "[5. 7.] [8.  0.5] [-1.   0.5  2. ]")
    }

    /// Python's abs() of a tensor is TF's Tensor.__abs__, and TF 1.13+'s tf.math holds the same
    /// functions (as TF 2.21's tf.compat.v1 printed these).
    @Test func builtinAbsAndTheMathModule() {
        let program = "import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 3])\n"
            + "print(abs(x), tf.math.square(x), tf.math.reduce_max(x, 1), tf.math.maximum(x, 0.), abs(x))"
        #expect(run(program) == "Tensor(\"Abs:0\", shape=(?, 3), dtype=float32) Tensor(\"Square:0\", shape=(?, 3), dtype=float32) "
                + "Tensor(\"Max:0\", shape=(?,), dtype=float32) Tensor(\"Maximum:0\", shape=(?, 3), dtype=float32) Tensor(\"Abs_1:0\", shape=(?, 3), dtype=float32)")
        #expect(run("import tensorflow as tf\ntf.math.conv2d") == "error: rnnsh's tensorflow has no tf.math.conv2d (yet)")
    }

    /// The old signatures the tutorial uses build the same ops as the new ones.
    @Test func oldSignatures() {
        let shell = Interpreter()
        _ = run("import tensorflow as tf\nfrom tensorflow.python.ops import rnn, rnn_cell\nx = tf.placeholder('float', [None, 28, 28])\ny = tf.placeholder('float')\nr = tf.reshape(tf.transpose(x, [1, 0, 2]), [-1, 28])", in: shell)
        #expect(run("xs = tf.split(0, 28, r); print(xs[27], len(xs))", in: shell) == "Tensor(\"split:27\", shape=(?, 28), dtype=float32) 28")
        #expect(run("outputs, states = rnn.rnn(rnn_cell.BasicLSTMCell(128), xs, dtype=tf.float32); outputs[-1]", in: shell)
                == "Tensor(\"rnn/basic_lstm_cell/Mul_83:0\", shape=(?, 128), dtype=float32)")
        #expect(run("p = tf.matmul(outputs[-1], tf.Variable(tf.random_normal([128, 10]))) + tf.Variable(tf.random_normal([10])); p", in: shell)
                == "Tensor(\"add:0\", shape=(?, 10), dtype=float32)")
        #expect(run("tf.nn.softmax_cross_entropy_with_logits(p, y)", in: shell)
                == "Tensor(\"softmax_cross_entropy_with_logits_sg/Reshape_2:0\", shape=(?,), dtype=float32)")
        #expect(run("tf.argmax(p, dimension=1); tf.concat(1, [r, r])", in: shell)
                == "Tensor(\"ArgMax:0\", shape=(?,), dtype=int64)\nTensor(\"concat:0\", shape=(?, 56), dtype=float32)")
        #expect(run("tf.Variable(tf.zeros([3]))", in: shell) == "<tf.Variable 'Variable_2:0' shape=(3,) dtype=float32_ref>")
        #expect(run("states.c.shape; states.h.get_shape().as_list()", in: shell) == "(?, 128)\n[None, 128]")
    }

    @Test func unknownAPIIsOneLineAndTheShellGoesOn() {
        let shell = Interpreter()
        #expect(run("import tensorflow as tf\ntf.layers.conv2d", in: shell) == "error: rnnsh's tensorflow has no tf.layers.conv2d (yet)")
        #expect(run("tf.nn.conv2d(1)", in: shell) == "error: rnnsh's tensorflow has no tf.nn.conv2d (yet)")
        #expect(run("from tensorflow.contrib.rnn import LayerNormBasicLSTMCell", in: shell)
                == "error: cannot import name 'LayerNormBasicLSTMCell' from 'tensorflow.contrib.rnn'")
        #expect(run("x = tf.placeholder('float', [None, 3]); tf.matmul(x, tf.ones([4, 2]))", in: shell)
                == "error: Dimensions must be equal, but are 3 and 4 for 'MatMul' (op: 'MatMul') with input shapes: [?,3], [4,2].")
        #expect(run("1 + 1", in: shell) == "2")
    }

    /// A whole TF1 program: graph, Session as a with block, sess.run with feed_dict, eval in the
    /// default session; losses repeat exactly from the seed.
    @Test func sessionsRunFeedsAndEval() {
        let program = """
            import tensorflow as tf
            import numpy as np
            tf.set_random_seed(3)
            x = tf.placeholder('float', [None, 4])
            y = tf.placeholder('float')
            W = tf.Variable(tf.zeros([4, 2]))
            b = tf.Variable(tf.zeros([2]))
            p = tf.matmul(x, W) + b
            cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=p))
            step = tf.train.GradientDescentOptimizer(0.5).minimize(cost)
            data = np.array([[1., 0, 0, 0], [0, 1, 0, 0]], dtype=np.float32)
            labels = np.array([[1., 0], [0, 1]], dtype=np.float32)
            with tf.Session() as sess:
                sess.run(tf.global_variables_initializer())
                for i in range(3):
                    _, c = sess.run([step, cost], feed_dict={x: data, y: labels})
                    print(i, c)
                print(sess.run({'n': tf.reduce_sum(tf.ones([2, 3])), 'pair': (b, b)})['n'])
                print(cost.eval({x: data, y: labels}))
            """
        // GradientDescent by hand: W, b start at 0 so the first loss is ln 2; each step moves
        // the right logits apart, and the values are numpy's float32 printing of them.
        let out = run(program)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(out)")
        #expect(lines.first == "0 0.6931472")
        #expect(lines.dropFirst(3).first == "6.0")
        #expect(run(program) == out)
        #expect(run("import tensorflow as tf\nv = tf.constant([1.0, 2.0])\nv.eval()") ==
                "error: Cannot evaluate tensor using `eval()`: No default session is registered. Use `with sess.as_default()` or pass an explicit session to `eval(session=sess)`")
    }

    @Test func peekShowsAGraphTensorsValue() {
        let out = run("""
            import tensorflow as tf
            import numpy as np
            x = tf.placeholder('float', [None, 4, 3])
            t = tf.transpose(x, [1, 0, 2])
            xs = tf.split(0, 4, tf.reshape(t, [-1, 3]))
            peek(xs[1], feed={x: np.arange(24.0).reshape(2, 4, 3)})
            """)
        #expect(out == """
            Tensor("split:1", shape=(?, 3), dtype=float32) → (2, 3) float32 (Placeholder ← the value given)
            [[ 3.  4.  5.]
             [15. 16. 17.]]
            """)
    }

    /// `explain` and `track` on graph tensors: the op that computed the tensor, on the sample
    /// `peek` gave its placeholder. The explanation is the array one (`explain transpose v 1
    /// 0 2` of the sample) after a line that says which TF op and sample it is.
    @Test func explainAndTrackFollowAGraphTensorOnItsSample() {
        let shell = Interpreter()
        let setup = """
            import tensorflow as tf
            import numpy as np
            x = tf.placeholder('float', [None, 4, 3])
            t = tf.transpose(x, [1, 0, 2])
            xs = tf.split(0, 4, tf.reshape(t, [-1, 3]))
            """
        #expect(run(setup, in: shell) == "")
        #expect(run("explain t", in: shell) == "error: no sample for placeholder 'Placeholder' (?, 4, 3): load data with input_data.read_data_sets or give one with peek: peek TENSOR feed={x: value}")
        #expect(run("v = peek(t, feed={x: np.arange(24.0).reshape(2, 4, 3)})", in: shell)
                == "Tensor(\"transpose:0\", shape=(4, ?, 3), dtype=float32) → (4, 2, 3) float32 (Placeholder ← the value given)")
        let explained = run("explain t", in: shell)
        #expect(explained == """
            t = tf.transpose(x, [1, 0, 2]): Tensor("transpose:0", shape=(4, ?, 3), dtype=float32); on a sample x is (2, 4, 3) float32 (Placeholder ← the value peek was given)
            transpose x (2, 4, 3) → t (4, 2, 3): the axes are reordered to (1, 0, 2)
              t[i, j, k] = x[j, i, k]: t[0] = x[:, 0, :], entry 0 of axis 1 from every x[i]
              axis 0 of t is axis 1 of x, axis 1 of t is axis 0 of x, axis 2 stays
              only strides change: (48, 12, 4) → (12, 48, 4) bytes; no data moves, t is a view of x
              t is no longer C-contiguous, so a later reshape that merges its moved axes has to copy
            """)
        let onArray = run("sample = np.arange(24.0, dtype=np.float32).reshape(2, 4, 3)\nexplain transpose sample 1 0 2", in: shell)
        #expect(explained.split(separator: "\n").dropFirst().joined(separator: "\n")
                == onArray.replacingOccurrences(of: "sample", with: "x").replacingOccurrences(of: "→ y", with: "→ t")
                    .replacingOccurrences(of: "y[", with: "t[").replacingOccurrences(of: "of y", with: "of t").replacingOccurrences(of: " y is", with: " t is"))
        #expect(run("explain xs", in: shell) == """
            xs = tf.split(a, 4, 0) (4 tensors), a = Tensor("Reshape:0", shape=(?, 3), dtype=float32); on a sample a is (8, 3) float32 (Placeholder ← the value peek was given)
            split a (8, 3) along axis 0 → xs: a list of 4 pieces of (2, 3)
              xs[p][i, j] = a[2*p + i, j]  for p in 0..3
              xs[p] = a[2*p:2*p + 2]: piece p holds positions 2·p to 2·p + 1 of axis 0
              each piece is a slice: a view of a with its strides (12, 4) bytes; no data moves
            """)
        #expect(run("track pieces = xs[:2]", in: shell) == """
            x on a sample: Placeholder ← the value peek was given
            track x (2, 4, 3) → pieces: a list of 2 arrays of shape (2, 3); each element labelled by its index along axis 0 of x
            pieces[p][i, j] = x[i, p, j]
            pieces[0] holds entry 0 of axis 1 of every entry of axis 0
            pieces[1] holds entry 1 of axis 1 of every entry of axis 0
            labels (index along axis 0 of x of each element):
            pieces[0] [[0 0 0]
                       [1 1 1]]
            pieces[1] [[0 0 0]
                       [1 1 1]]
            """)
        #expect(run("len(pieces)", in: shell) == "2")
        #expect(run("track tf.matmul(xs[0], tf.ones([3, 2]))", in: shell)
                == "error: track follows shape ops only (tf.transpose, tf.reshape, tf.split, tf.unstack, tf.stack, tf.reverse); y is computed through MatMul (MatMul)")
        #expect(run("explain x", in: shell)
                == "error: x is a Placeholder op's output, not a shape op's: explain knows tf.transpose, tf.reshape and tf.split")
    }

    /// `trace on` while the graph is built: each op's static shape, TF's unknown batch as `?`;
    /// picking the last output of rnn.rnn is a stage too, named by the list it indexes.
    @Test func traceShowsEachOpsStaticShape() {
        let out = run("""
            import tensorflow as tf
            from tensorflow.python.ops import rnn, rnn_cell
            x = tf.placeholder('float', [None, 4, 3])
            trace on
            outputs, states = rnn.rnn(rnn_cell.BasicLSTMCell(5), tf.split(0, 4, tf.reshape(tf.transpose(x, [1, 0, 2]), [-1, 3])), dtype=tf.float32)
            last = outputs[-1]
            """)
        #expect(out == """
            trace is on: every statement prints its stages
            #1 tf.transpose → static shape (4, ?, 3) float32: Tensor("transpose:0", shape=(4, ?, 3), dtype=float32)
            #2 tf.reshape → static shape (?, 3) float32: Tensor("Reshape:0", shape=(?, 3), dtype=float32)
            #3 tf.split → 4 tensors, static shape (?, 3) float32 each: split:0 … split:3
            #4 tf.python.ops.rnn.rnn → 6 tensors, static shape (?, 5) float32 each: rnn/basic_lstm_cell/Mul_2:0 … rnn/basic_lstm_cell/Mul_11:0
            #1 outputs[-1] → static shape (?, 5) float32: Tensor("rnn/basic_lstm_cell/Mul_11:0", shape=(?, 5), dtype=float32)
            """)
    }

    /// TF1 ran on numpy 1.x: after `import tensorflow`, a numpy scalar and a Python number
    /// promote as numpy 1.x did (the Python number is an int64/float64), so the tutorial's
    /// `epoch_loss = 0; epoch_loss += c` sums float32 losses in float64 and prints Python's
    /// float repr, as TF1's output shows. Arrays keep numpy 2's rule; without the import
    /// nothing changes.
    @Test func afterImportTensorflowScalarsPromoteAsNumpy1() {
        let sum = "e = 0\ne += np.float32(0.1)\nprint(e, type(e))\nprint((np.float32(3) * 2.0).dtype, (np.ones(2, dtype=np.float32) + 1.0).dtype, np.float32(0.5) < 1)"
        #expect(run("import numpy as np\n" + sum) == "0.1 <class 'numpy.float32'>\nfloat32 float32 True")
        #expect(run("import numpy as np\nimport tensorflow as tf\n" + sum)
                == "0.10000000149011612 <class 'numpy.float64'>\nfloat64 float32 True")
    }

    /// TF1's `LSTMCell` with its defaults is BasicLSTMCell under the scope `lstm_cell` (TF
    /// 2.21's tf.compat.v1 printed these names); its options that would change the function
    /// are refused by name, never silently ignored, and the shell goes on.
    @Test func lstmCellDefaultsAndRefusedOptions() {
        let shell = Interpreter()
        _ = run("import tensorflow as tf\nx = tf.placeholder('float', [None, 3, 4])", in: shell)
        #expect(run("c = tf.nn.rnn_cell.LSTMCell(5)\nc.state_size, c.output_size", in: shell) == "(LSTMStateTuple(c=5, h=5), 5)")
        #expect(run("o, s = tf.nn.static_rnn(c, tf.unstack(x, 3, 1), dtype=tf.float32)\nprint(o[0], o[-1], s.c)", in: shell)
                == "Tensor(\"rnn/lstm_cell/mul_2:0\", shape=(?, 5), dtype=float32) Tensor(\"rnn/lstm_cell/mul_8:0\", shape=(?, 5), dtype=float32) Tensor(\"rnn/lstm_cell/add_5:0\", shape=(?, 5), dtype=float32)")
        #expect(run("[v.name for v in tf.global_variables()]", in: shell) == "['rnn/lstm_cell/kernel:0', 'rnn/lstm_cell/bias:0']")
        #expect(run("tf.nn.rnn_cell.LSTMCell(5, use_peepholes=True)", in: shell)
                == "error: rnnsh's tensorflow has no LSTMCell(use_peepholes=True) (yet): the cell without peephole connections only")
        #expect(run("tf.contrib.rnn.LSTMCell(5, num_proj=3)", in: shell) == "error: rnnsh's tensorflow has no LSTMCell(num_proj=) (yet)")
        #expect(run("tf.nn.rnn_cell.LSTMCell(5, cell_clip=3.0)", in: shell) == "error: rnnsh's tensorflow has no LSTMCell(cell_clip=) (yet)")
        #expect(run("tf.nn.rnn_cell.LSTMCell(5, state_is_tuple=False)", in: shell)
                == "error: rnnsh's tensorflow has no LSTMCell(state_is_tuple=False) (yet): use the default (c, h) tuple")
        #expect(run("tf.nn.rnn_cell.LSTMCell(5, peepholes=True)", in: shell) == "error: LSTMCell() got an unexpected keyword argument 'peepholes'")
        #expect(run("tf.nn.rnn_cell.LSTMCell()", in: shell) == "error: LSTMCell() missing required argument: 'num_units'")
        #expect(run("tf.nn.rnn_cell.LSTMCell(5, use_peepholes=False, num_proj=None, forget_bias=0.5)", in: shell)
                == "<tensorflow.python.ops.rnn_cell_impl.LSTMCell units=5>")
    }

    /// `tf.layers.dense` and `tf.nn.in_top_k` as Hands-On Machine Learning's TF1 chapter uses
    /// them; names, shapes, TF's decisions on ties and non-finite rows, and TF's refusals (TF
    /// 2.21's tf.compat.v1 printed each answer).
    @Test func denseLayersAndInTopK() {
        let shell = Interpreter()
        _ = run("import tensorflow as tf\nimport numpy as np\np = tf.placeholder(tf.float32, [None, 4])\nt = tf.placeholder(tf.int32, [None])\nx = tf.placeholder(tf.float32, [None, 3])", in: shell)
        #expect(run("r = tf.nn.in_top_k(p, t, 2)\nr, tf.nn.in_top_k(p, tf.placeholder(tf.int64, [None]), 2, name='top')", in: shell)
                == "(<tf.Tensor 'in_top_k/InTopKV2:0' shape=(?,) dtype=bool>, <tf.Tensor 'top/top:0' shape=(?,) dtype=bool>)")
        #expect(run("with tf.Session() as s:\n    print(s.run(r, {p: [[1,2,2,0],[np.nan,1,2,3],[1,1,1,1],[1,2,3,4]], t: [1, 3, 0, 7]}))\n    print(s.run(r, {p: [[1,2,2,0],[1,2,3,np.inf]], t: [-1, 3]}), s.run(tf.nn.in_top_k(p, t, 0), {p: [[1,2,2,0]], t: [1]}))", in: shell)
                == "[ True False  True False]\n[False False] [False]")
        #expect(run("tf.nn.in_top_k(p, tf.placeholder(tf.float32, [None]), 1)", in: shell)
                == "error: Value passed to parameter 'targets' has DataType float32 not in list of allowed values: int32, int64")
        #expect(run("tf.nn.in_top_k(tf.placeholder(tf.float64, [None, 4]), t, 1)", in: shell)
                == "error: Input 'predictions' of 'InTopKV2' Op has type float64 that does not match expected type of float32.")
        #expect(run("d = tf.layers.dense(x, 2)\nh = tf.layers.dense(x, 5, activation=tf.nn.relu, name='out')\nprint(d, h, tf.layers.dense(h, 2, activation=tf.nn.softmax, use_bias=False))", in: shell)
                == "Tensor(\"dense/BiasAdd:0\", shape=(?, 2), dtype=float32) Tensor(\"out/Relu:0\", shape=(?, 5), dtype=float32) Tensor(\"dense_1/Softmax:0\", shape=(?, 2), dtype=float32)")
        #expect(run("[(v.name, v.get_shape().as_list()) for v in tf.global_variables()]", in: shell)
                == "[('dense/kernel:0', [3, 2]), ('dense/bias:0', [2]), ('out/kernel:0', [3, 5]), ('out/bias:0', [5]), ('dense_1/kernel:0', [5, 2])]")
        #expect(run("tf.layers.dense(tf.placeholder(tf.float32, [None, 5, 3]), 2)", in: shell)
                == "Tensor(\"dense_2/BiasAdd:0\", shape=(?, 5, 2), dtype=float32)")
        #expect(run("tf.layers.dense(x, 2, name='out')", in: shell)
                == "error: Variable out/kernel already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?")
        #expect(run("tf.layers.dense(x, -2)", in: shell)
                == "error: Received an invalid value for `units`, expected a positive integer. Received: units=-2")
        #expect(run("tf.layers.dense(tf.placeholder(tf.float32, [3, None]), 2)", in: shell)
                == "error: The last dimension of the inputs to a Dense layer should be defined. Found None. Full input shape received: (3, ?)")
        #expect(run("tf.layers.dense(tf.placeholder(tf.int32, [3, 4]), 2)", in: shell)
                == "error: A Dense layer can only be built with a floating-point dtype. Received: dtype=<dtype: 'int32'>")
        #expect(run("tf.layers.dense(x, 2, kernel_initializer=tf.zeros)", in: shell)
                == "error: rnnsh's tensorflow has no tf.layers.dense(kernel_initializer=) (yet)")
        // A relu of an int tensor stays int, as TF's kernel takes ints; tanh does not.
        #expect(run("tf.nn.relu(tf.placeholder(tf.int32, [3])), tf.sigmoid(x), tf.nn.tanh(x)", in: shell)
                == "(<tf.Tensor 'Relu:0' shape=(3,) dtype=int32>, <tf.Tensor 'Sigmoid:0' shape=(?, 3) dtype=float32>, <tf.Tensor 'Tanh:0' shape=(?, 3) dtype=float32>)")
        #expect(run("tf.tanh(tf.placeholder(tf.int32, [3]))", in: shell)
                == "error: Value passed to parameter 'x' has DataType int32 not in list of allowed values: bfloat16, float16, float32, float64, complex64, complex128")
    }

    /// contrib's `fully_connected` beyond what TF1 variant 17 runs: a scope used twice is TF1's
    /// variable-scope refusal, options rnnsh lacks are refused by name, none ignored.
    @Test func fullyConnectedRefusals() {
        let shell = Interpreter()
        _ = run("import tensorflow as tf\nfrom tensorflow.contrib.layers import fully_connected\nx = tf.placeholder(tf.float32, [None, 3])\nh = fully_connected(x, 4, scope='h')", in: shell)
        #expect(run("fully_connected(x, 2, scope='h')", in: shell)
                == "error: Variable h/weights already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?")
        #expect(run("fully_connected(x, 2, weights_initializer=tf.zeros)", in: shell)
                == "error: rnnsh's tensorflow has no fully_connected(weights_initializer=) (yet)")
        #expect(run("fully_connected(x, 2, biases_initializer=tf.ones)", in: shell)
                == "error: rnnsh's tensorflow has no fully_connected(biases_initializer=) (yet): the default zeros, or None for no bias")
        #expect(run("fully_connected(x, 2, activation_fn=tf.log)", in: shell)
                == "error: rnnsh's tensorflow has no fully_connected(activation_fn=<function tf.log>) (yet): tf.nn.relu, tf.tanh, tf.sigmoid, tf.nn.softmax or None")
        #expect(run("fully_connected(x)", in: shell) == "error: fully_connected() missing required argument: 'num_outputs'")
        #expect(run("print(fully_connected(x, 2, activation_fn=tf.tanh, biases_initializer=None))", in: shell)
                == "Tensor(\"fully_connected/Tanh:0\", shape=(?, 2), dtype=float32)")
    }

    /// `sequence_length=` at its edges, as TF 2.21's tf.compat.v1 answered: lengths beyond the
    /// inputs run every step, negative ones none (zero outputs, the initial state), floats are
    /// cast to int32, and a vector of the wrong shape is refused when built and when fed.
    @Test func sequenceLengthEdges() {
        let shell = Interpreter()
        _ = run("import tensorflow as tf\nimport numpy as np\nx = tf.placeholder(tf.float32, [None, 3, 2])\nL = tf.placeholder(tf.int32, [None])\ncell = tf.nn.rnn_cell.BasicRNNCell(2)\no, s = tf.nn.dynamic_rnn(cell, x, sequence_length=L, dtype=tf.float32)\no2, s2 = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicRNNCell(2), x, sequence_length=[1.5, 2.9], dtype=tf.float32, scope='f')\nsess = tf.Session()\nsess.run(tf.global_variables_initializer())\nxv = np.arange(12, dtype=np.float32).reshape(2, 3, 2) / 10", in: shell)
        #expect(run("tf.nn.dynamic_rnn(cell, x, sequence_length=tf.placeholder(tf.int32, [None, 2]), dtype=tf.float32)", in: shell)
                == "error: Argument sequence_length must be a vector of length batch_size. Received sequence_length=Tensor(\"Placeholder_2:0\", shape=(?, 2), dtype=int32) of shape: (?, 2)")
        // Which outputs are computed (non-zero) and which are a finished row's zeros.
        #expect(run("out, st = sess.run([o, s], {x: xv, L: [-1, 9]})\nprint(out[:, :, 0] != 0, st[:, 0] != 0, np.array_equal(st[1], out[1, 2]))", in: shell)
                == "[[False False False]\n [ True  True  True]] [False  True] True")
        #expect(run("out, st = sess.run([o, s], {x: xv, L: [2, 0]})\nprint(out[:, :, 0] != 0, np.array_equal(st[0], out[0, 1]), st[1])", in: shell)
                == "[[ True  True False]\n [False False False]] True [0. 0.]")
        #expect(run("sess.run(o2, {x: xv})[:, :, 0] != 0", in: shell) == "[[ True False False]\n [ True  True False]]")
        #expect(run("sess.run(o, {x: xv, L: [1, 2, 3]})", in: shell)
                == "error: assertion failed: [Expected shape for Tensor rnn/sequence_length:0 is ] [2] [ but saw shape: ] [3]")
    }

    /// What the tutorials' variants use beyond the tutorial, refused in one TF-worded line
    /// where rnnsh has no such op (the shell goes on), and the graph tensors they print.
    @Test func wrappersSlicesAndTheirRefusals() {
        let shell = Interpreter()
        _ = run("import tensorflow as tf\nimport numpy as np\nx = tf.placeholder('float', [None, 5, 6])\nk = tf.placeholder(tf.float32)", in: shell)
        #expect(run("c = tf.contrib.rnn.DropoutWrapper(tf.contrib.rnn.BasicLSTMCell(4), state_keep_prob=0.5)", in: shell)
                == "error: rnnsh's tensorflow has no DropoutWrapper(state_keep_prob=) (yet): dropout on the inputs and outputs only")
        #expect(run("tf.nn.rnn_cell.MultiRNNCell([tf.nn.rnn_cell.GRUCell(4)], state_is_tuple=False)", in: shell)
                == "error: rnnsh's tensorflow has no MultiRNNCell(state_is_tuple=False) (yet): use the default tuple of states")
        #expect(run("tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.GRUCell(4), output_keep_prob=1.5)", in: shell)
                == "error: Parameter output_keep_prob must be between 0 and 1: 1.5")
        #expect(run("x[..., 0]", in: shell) == "error: rnnsh's tensorflow has no tensor indexing with ... or None (yet): use ints and slices")
        #expect(run("x[:, 5]", in: shell) == "error: slice index 5 of dimension 1 out of bounds.")
        #expect(run("x[:, -1, :], x[1:3], x[0]", in: shell)
                == "(<tf.Tensor 'strided_slice:0' shape=(?, 6) dtype=float32>, <tf.Tensor 'strided_slice_1:0' shape=(?, 5, 6) dtype=float32>, <tf.Tensor 'strided_slice_2:0' shape=(5, 6) dtype=float32>)")
        #expect(run("cell = tf.nn.rnn_cell.MultiRNNCell([tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.GRUCell(4), output_keep_prob=k), tf.nn.rnn_cell.GRUCell(3)])\no, s = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)\nprint(o, s[0], s[1])", in: shell)
                == "Tensor(\"rnn/transpose_1:0\", shape=(?, 5, 3), dtype=float32) Tensor(\"rnn/while/Exit_3:0\", shape=(?, 4), dtype=float32) Tensor(\"rnn/while/Exit_4:0\", shape=(?, 3), dtype=float32)")
        #expect(run("[v.name for v in tf.trainable_variables()]", in: shell)
                == "['rnn/multi_rnn_cell/cell_0/gru_cell/gates/kernel:0', 'rnn/multi_rnn_cell/cell_0/gru_cell/gates/bias:0', 'rnn/multi_rnn_cell/cell_0/gru_cell/candidate/kernel:0', 'rnn/multi_rnn_cell/cell_0/gru_cell/candidate/bias:0', 'rnn/multi_rnn_cell/cell_1/gru_cell/gates/kernel:0', 'rnn/multi_rnn_cell/cell_1/gru_cell/gates/bias:0', 'rnn/multi_rnn_cell/cell_1/gru_cell/candidate/kernel:0', 'rnn/multi_rnn_cell/cell_1/gru_cell/candidate/bias:0']")
        // A class id outside the logits' classes fails when the op runs, as TF's kernel did.
        #expect(run("ids = tf.placeholder(tf.int64, [None])\nl = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=ids, logits=o[:, -1, :])\nwith tf.Session() as sess:\n    sess.run(tf.global_variables_initializer())\n    sess.run(l, {x: np.zeros((2, 5, 6)), ids: [1, 3], k: 1.0})", in: shell)
                == "error: Received a label value of 3 which is outside the valid range of [0, 3).  Label values: 1 3")
        #expect(run("tf.nn.dropout(x, noise_shape=[1, 5, 6], keep_prob=0.5)", in: shell) == "error: rnnsh's tensorflow has no tf.nn.dropout(noise_shape=) (yet)")
        #expect(run("v = tf.Variable(tf.zeros([2, 3]))\nv.assign(np.ones(3))", in: shell)
                == "error: Shapes must be equal rank, but are 2 and 1 for 'Assign' (op: 'Assign') with input shapes: [2,3], [3].")
        // TF1 names an op before its shape check, so the refused assign above took 'Assign'.
        #expect(run("a = v.assign(np.ones((2, 3)))\na\nwith tf.Session() as sess:\n    print(sess.run(a).sum(), sess.run(v).sum())", in: shell)
                == "Tensor(\"Assign_1:0\", shape=(2, 3), dtype=float32_ref)\n6.0 6.0")
        #expect(run("1 + 1", in: shell) == "2")
    }

    /// The ops bidirectional RNNs and aymericdamien's last-output trick are built from, with the
    /// values and errors TF 2.21's tf.compat.v1 gave (scripts/tf1_fixtures.py records their
    /// graph names): reverse, reverse_sequence (only each row's first `length` steps), gather
    /// (and its gradient adding a row taken twice), range (start + i·delta), shape.
    @Test func reverseGatherRangeValuesAndErrors() {
        let shell = Interpreter()
        _ = run("import tensorflow as tf\nimport numpy as np\nx = tf.placeholder(tf.float32, [None, 4, 2])\nL = tf.placeholder(tf.int64, [None])\nxv = np.arange(16, dtype=np.float32).reshape(2, 4, 2)\nsess = tf.Session()", in: shell)
        #expect(run("sess.run(tf.reverse_sequence(x, L, 1, 0), {x: xv, L: [3, 0]})[:, :, 0]", in: shell)
                == "[[ 4.  2.  0.  6.]\n [ 8. 10. 12. 14.]]")
        #expect(run("sess.run(tf.reverse(x, [1, 2]), {x: xv})[0]", in: shell)
                == "[[7. 6.]\n [5. 4.]\n [3. 2.]\n [1. 0.]]")
        #expect(run("sess.run(tf.gather(tf.reshape(x, [-1, 2]), [7, 0, 7]), {x: xv})", in: shell)
                == "[[14. 15.]\n [ 0.  1.]\n [14. 15.]]")
        #expect(run("sess.run(tf.range(0., 1., 0.1))", in: shell)
                == "[0.         0.1        0.2        0.3        0.4        0.5\n 0.6        0.7        0.8        0.90000004]")
        #expect(run("sess.run(tf.range(10, 0, -3)), sess.run(tf.shape(x), {x: xv})", in: shell)
                == "(array([10,  7,  4,  1], dtype=int32), array([2, 4, 2], dtype=int32))")
        #expect(run("v = tf.Variable(np.arange(6, dtype=np.float32).reshape(3, 2))\nloss = tf.reduce_sum(tf.gather(v, [2, 0, 2]) * [[1., 2.], [3., 4.], [5., 6.]])\nstep = tf.train.GradientDescentOptimizer(1.0).minimize(loss)\nsess.run(tf.global_variables_initializer())\nsess.run(step)\nsess.run(v)", in: shell)
                == "[[-3. -3.]\n [ 2.  3.]\n [-2. -3.]]")
        // Run-time checks, in TF's words.
        #expect(run("sess.run(tf.gather(tf.reshape(x, [-1, 2]), L), {x: xv, L: [0, 8]})", in: shell) == "error: indices[1] = 8 is not in [0, 8)")
        #expect(run("sess.run(tf.gather(tf.reshape(x, [-1, 2]), L), {x: xv, L: [-1]})", in: shell) == "error: indices[0] = -1 is not in [0, 8)")
        #expect(run("r = tf.reverse_sequence(x, L, 1, 0)\nsess.run(r, {x: xv, L: [5, 1]})", in: shell) == "error: seq_lens(0) > input.dims(1)")
        #expect(run("sess.run(r, {x: xv, L: [1, -1]})", in: shell) == "error: seq_lens(1) < 0")
        #expect(run("sess.run(r, {x: xv, L: [1, 1, 1]})", in: shell) == "error: Length of seq_lengths != input.dims(0), (3 vs. 2)")
        // Build-time checks.
        #expect(run("tf.range(0, 5, 0)", in: shell)
                == "error: Requires delta != 0 for 'range_2' (op: 'Range') with input shapes: [], [], [] and with computed input tensors: input[0] = <0>, input[1] = <5>, input[2] = <0>.")
        #expect(run("tf.range(5, 0)", in: shell)
                == "error: Requires start <= limit when delta > 0: 5/0 for 'range_3' (op: 'Range') with input shapes: [], [], [] and with computed input tensors: input[0] = <5>, input[1] = <0>, input[2] = <1>.")
        #expect(run("tf.reverse(x, [3])", in: shell)
                == "error: 'axis'[0] = 3 is out of valid range [0, 2 for 'ReverseV2_1' (op: 'ReverseV2') with input shapes: [?,4,2], [1] and with computed input tensors: input[1] = <3>.")
        #expect(run("tf.stack([x, tf.placeholder(tf.float32, [None, 4])])", in: shell)
                == "error: Shapes must be equal rank, but are 3 and 2 for 'stack' (op: 'Pack') with input shapes: [?,4,2], [?,4].")
        #expect(run("tf.stack([x, tf.placeholder(tf.float32, [None, 3, 2])])", in: shell)
                == "error: Dimension 1 in both shapes must be equal, but are 4 and 3. Shapes are [?,4,2] and [?,3,2]. for 'stack_1' (op: 'Pack') with input shapes: [?,4,2], [?,3,2].")
        #expect(run("tf.stack([x, x], axis=4)", in: shell) == "error: Argument `axis` = 4 not in range [-4, 4)")
        #expect(run("tf.gather(x, [0.5])", in: shell)
                == "error: Value passed to parameter 'indices' has DataType float32 not in list of allowed values: int16, int32, int64")
        // A second cell under an RNN's scope would make its variables again: TF1's error.
        #expect(run("o = tf.nn.bidirectional_dynamic_rnn(tf.nn.rnn_cell.GRUCell(2), tf.nn.rnn_cell.GRUCell(2), x, dtype=tf.float32)\no = tf.nn.bidirectional_dynamic_rnn(tf.nn.rnn_cell.GRUCell(2), tf.nn.rnn_cell.GRUCell(2), x, dtype=tf.float32)", in: shell)
                == "error: Variable bidirectional_rnn/fw/gru_cell/gates/kernel already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?")
        #expect(run("1 + 1", in: shell) == "2")
    }

    /// TF1's DType equality (interned: `is` holds; a `_ref` dtype is its own), fetching and
    /// feeding by name, `minimize(global_step=)`, and the tutorial ops' names and argument
    /// checks from the shell, as TF 2.21's tf.compat.v1 printed them (fetch errors in TF 1's
    /// `Fetch argument 'z:0' cannot be…` wording, as the other fetch error here).
    @Test func namesDTypesGlobalStepAndTutorialOps() {
        let shell = Interpreter()
        _ = run("import tensorflow as tf\nimport numpy as np\nx = tf.placeholder(tf.float32, [None], name='x')\ny = tf.multiply(x, 2.0, name='y')\nsess = tf.Session()", in: shell)
        #expect(run("print(tf.constant([1, 2]).dtype == tf.int32, x.dtype is tf.float32, x.dtype != tf.float32, tf.float32 == 'float32', tf.float32 == tf.int32, tf.float32 == 1, tf.float32 == 'float64', tf.float32 == float, tf.float32 == 'float')", in: shell)
                == "True True False True False True False True True")
        #expect(run("v = tf.Variable(tf.zeros([2])); print(v.dtype == tf.float32, v.dtype.base_dtype == tf.float32, v.dtype is tf.float32, v.dtype == 'float32_ref')", in: shell)
                == "False True False True")
        #expect(run("print(sess.run('y:0', feed_dict={'x:0': [1.0]}))", in: shell) == "[2.]")
        #expect(run("print(sess.run('y', {x: [2.]}), sess.run({'a': 'y:0'}, {x: [3.]}))", in: shell) == "None {'a': array([6.], dtype=float32)}")
        #expect(run("sess.run('z:0')", in: shell)
                == "error: Fetch argument 'z:0' cannot be interpreted as a Tensor. (\"The name 'z:0' refers to a Tensor which does not exist. The operation, 'z', does not exist in the graph.\")")
        #expect(run("sess.run('y:1', {x: [1.]})", in: shell)
                == "error: Fetch argument 'y:1' cannot be interpreted as a Tensor. (\"The name 'y:1' refers to a Tensor which does not exist. The operation, 'y', exists but only has 1 outputs.\")")
        #expect(run("sess.run('z')", in: shell)
                == "error: Fetch argument 'z' cannot be interpreted as a Tensor. (\"The name 'z' refers to an Operation not in the graph.\")")
        #expect(run("sess.run('y:x')", in: shell)
                == "error: Fetch argument 'y:x' cannot be interpreted as a Tensor. (The name 'y:x' looks a like a Tensor name, but is not a valid one. Tensor names must be of the form \"<op_name>:<output_index>\".)")
        #expect(run("sess.run('y:0', {'q:0': [1.]})", in: shell)
                == "error: Cannot interpret feed_dict key as Tensor: The name 'q:0' refers to a Tensor which does not exist. The operation, 'q', does not exist in the graph.")
        #expect(run("sess.run('y:0', {'x': [1.]})", in: shell)
                == "error: Cannot interpret feed_dict key as Tensor: The name 'x' refers to an Operation, not a Tensor. Tensor names must be of the form \"<op_name>:<output_index>\".")
        // The global step: +1 per run of the update, read after it in the same run.
        _ = run("w = tf.Variable(1.0)\ngs = tf.Variable(0, trainable=False, name='global_step')\ntrain = tf.train.GradientDescentOptimizer(0.1).minimize(tf.square(w), global_step=gs)\nsess.run(tf.global_variables_initializer())", in: shell)
        #expect(run("print(repr(train), train.type, sess.run([train, gs]))", in: shell) == "<tf.Operation 'GradientDescent' type=AssignAdd> AssignAdd [None, np.int32(1)]")
        #expect(run("for i in range(2): sess.run(train)\nprint(sess.run(gs), sess.run(w))", in: shell) == "3 0.51199996")
        #expect(run("print(x > 0, 2 < x, x // 2, x % 2, tf.sign(x), tf.stop_gradient(x), tf.expand_dims(x, 1), tf.squeeze(tf.expand_dims(x, 1), 1))", in: shell)
                == "Tensor(\"Greater:0\", shape=(?,), dtype=bool) Tensor(\"Greater_1:0\", shape=(?,), dtype=bool) Tensor(\"floordiv:0\", shape=(?,), dtype=float32) Tensor(\"mod:0\", shape=(?,), dtype=float32) Tensor(\"Sign:0\", shape=(?,), dtype=float32) Tensor(\"StopGradient:0\", shape=(?,), dtype=float32) Tensor(\"ExpandDims:0\", shape=(?, 1), dtype=float32) Tensor(\"Squeeze:0\", shape=(?,), dtype=float32)")
        #expect(run("tf.one_hot([0, 1], 3, on_value=1.5, dtype=tf.int32)", in: shell)
                == "error: dtype <dtype: 'float32'> of on_value does not match dtype parameter <dtype: 'int32'>")
        #expect(run("tf.one_hot([0, 1], 3, on_value=1, off_value=0.5)", in: shell)
                == "error: dtype <dtype: 'int32'> of on_value does not match dtype <dtype: 'float32'> of off_value")
        #expect(run("tf.expand_dims(x, 1.0)", in: shell)
                == "error: Value passed to parameter 'dim' has DataType float32 not in list of allowed values: int32, int64")
        #expect(run("tf.one_hot(x, 3)", in: shell)
                == "error: Value passed to parameter 'indices' has DataType float32 not in list of allowed values: uint8, int8, int32, int64")
        // TF's float FloorDiv is floor(x / y) and FloorMod keeps fmod's -0.
        #expect(run("print(sess.run([tf.one_hot([0, 1], 3, on_value=1, dtype=tf.float32), tf.one_hot([2], 2, on_value=3, off_value=1)]))", in: shell)
                == "[array([[1., 0., 0.],\n       [0., 1., 0.]], dtype=float32), array([[1, 1]], dtype=int32)]")
        #expect(run("print(sess.run([x // 0.5, x % 0.75, -x % 0.75, tf.sign(x - 1.5)], {x: [1.2, -2.3, 1.5]}))", in: shell)
                == "[array([ 2., -5.,  3.], dtype=float32), array([0.45000005, 0.70000005, 0.        ], dtype=float32), array([ 0.29999995,  0.04999995, -0.        ], dtype=float32), array([-1., -1.,  0.], dtype=float32)]")
        #expect(run("tf.reduce_logsumexp", in: shell) == "error: rnnsh's tensorflow has no tf.reduce_logsumexp (yet)")
        #expect(run("1 + 1", in: shell) == "2")
    }

    /// A function's local named like a command (`cell`) is the local, as Python reads it.
    @Test func aLocalNamedLikeACommandIsTheLocal() {
        #expect(run("def f():\n    cell = 5\n    print(cell)\n    return abs(cell)\nprint(f())") == "5\n5")
    }
}
