import Testing
import Tensor
@testable import Shell

/// The training API of TF1's RNN tutorials beyond `minimize` (PTB, char-rnn): the optimizer's
/// `compute_gradients`/`apply_gradients`, gradient clipping, the other optimizers, a decayed
/// learning rate, the global step, and `tf.errors`. Whole programs are compared with
/// TensorFlow's own output in TF1VariantTests (variants 26–28); the texts expected here are
/// what TensorFlow 2.21's tf.compat.v1 printed for the same statements (run by hand with the
/// peers' venv, the statements quoted in each test).
@Suite struct TFTrainingAPITests {
    static let model = """
        import tensorflow as tf
        w = tf.Variable([[1.0, 2.0], [3.0, 4.0]], name="w")
        b = tf.Variable([0.5, -0.5], name="b")
        u = tf.Variable(3.0, name="u")
        x = tf.constant([[1.0, 1.0]])
        loss = tf.reduce_sum(tf.square(tf.matmul(x, w) + b))
        opt = tf.train.GradientDescentOptimizer(0.1)
        """

    @Test func computeGradientsPairsEveryVariableWithNoneWhereUnrelated() {
        let shell = Interpreter()
        _ = run(Self.model, in: shell)
        #expect(run("gv = opt.compute_gradients(loss); [v.name for g, v in gv]; [g is None for g, v in gv]", in: shell)
                == "['w:0', 'b:0', 'u:0']\n[False, False, True]")
        #expect(run("[v.name for g, v in opt.compute_gradients(loss, var_list=[u, w]) if g is None]", in: shell) == "['u:0']")
        #expect(run("opt.compute_gradients(loss, var_list=[])", in: shell) == "error: No variables to optimize.")
        #expect(run("opt.compute_gradients(tf.constant(3, name='k'))", in: shell)
                == "error: Invalid type tf.int32 for k:0, expected: [tf.float32, tf.float64, tf.float16, tf.bfloat16].")
    }

    @Test func applyGradientsRefusesAsTensorFlowDoes() {
        let shell = Interpreter()
        _ = run(Self.model, in: shell)
        #expect(run("opt.apply_gradients([])", in: shell) == "error: No variables provided.")
        #expect(run("opt.apply_gradients([(None, u)])", in: shell)
                == "error: No gradients provided for any variable: [\"<tf.Variable 'u:0' shape=() dtype=float32_ref>\"].")
        // A None gradient is left out; the op is still made.
        #expect(run("t = opt.apply_gradients([(tf.constant([1.0, 2.0]), b), (None, w)]); t.name, t.type", in: shell)
                == "('GradientDescent', 'NoOp')")
        #expect(run("t = opt.apply_gradients([(tf.constant([1.0, 2.0]), b)], global_step=tf.train.get_or_create_global_step()); t.name, t.type", in: shell)
                == "('GradientDescent_1', 'AssignAdd')")
        // TF then lists the kernel's inputs; rnnsh stops at the node (and does not count its scope).
        let shapes = run("opt.apply_gradients([(tf.constant([1.0, 2.0]), w)])", in: shell)
        #expect(shapes.hasPrefix("error: Shapes must be equal rank, but are 2 and 1 for '{{node "), "\(shapes)")
    }

    /// /tmp/qa/repro/r_tf_clip_by_global_norm.py: TF printed these values.
    @Test func clipByGlobalNormTrainsAsThePTBModelDoes() {
        let program = """
            import tensorflow as tf
            w = tf.Variable([[1.0, 2.0], [3.0, 4.0]], name="w")
            b = tf.Variable([0.5, -0.5], name="b")
            x = tf.constant([[1.0, 1.0]])
            loss = tf.reduce_sum(tf.square(tf.matmul(x, w) + b))
            tvars = tf.trainable_variables()
            grads = tf.gradients(loss, tvars)
            clipped, gnorm = tf.clip_by_global_norm(grads, 5.0)
            train_op = tf.train.GradientDescentOptimizer(0.01).apply_gradients(zip(clipped, tvars))
            print(gnorm, clipped[1])
            sess = tf.Session()
            sess.run(tf.global_variables_initializer())
            print(sess.run(gnorm))
            for i in range(3):
                _, l = sess.run([train_op, loss])
                print(i, l)
            print(sess.run(w))
            """
        #expect(run(program) == """
            Tensor("global_norm/global_norm:0", shape=(), dtype=float32) Tensor("clip_by_global_norm/clip_by_global_norm/_1:0", shape=(2,), dtype=float32)
            24.617067
            0 50.5
            1 49.27665
            2 48.06829
            [[0.9451599 1.9329734]
             [2.94516   3.9329734]]
            """)
    }

    @Test func clipArgumentsAreCheckedAsTensorFlowChecksThem() {
        let shell = Interpreter()
        _ = run(Self.model, in: shell)
        #expect(run("tf.clip_by_global_norm(zip([w]), 5.0)", in: shell) == "error: `t_list` should be a sequence of tensors. Received <class 'zip'>.")
        #expect(run("tf.clip_by_global_norm(tf.constant([1.0]), 5.0)", in: shell)
                == "error: `t_list` should be a sequence of tensors. Received <class 'tensorflow.python.framework.ops.SymbolicTensor'>.")
        #expect(run("c, n = tf.clip_by_global_norm([None], 5.0); c, n", in: shell)
                == "([None], <tf.Tensor 'global_norm/global_norm:0' shape=() dtype=float32>)")
        #expect(run("print(tf.clip_by_norm(w, 1.0))", in: shell) == "Tensor(\"clip_by_norm:0\", shape=(2, 2), dtype=float32)")
    }

    @Test func optimizersAndSchedulesAreTensorFlowsClasses() {
        let shell = Interpreter()
        _ = run(Self.model, in: shell)
        #expect(run("tf.train.MomentumOptimizer(0.1)", in: shell)
                == "error: MomentumOptimizer.__init__() missing 1 required positional argument: 'momentum'")
        #expect(run("tf.train.RMSPropOptimizer()", in: shell)
                == "error: RMSPropOptimizer.__init__() missing 1 required positional argument: 'learning_rate'")
        #expect(run("gs = tf.train.get_or_create_global_step(); print(gs); print(tf.train.get_global_step().name)", in: shell)
                == "<tf.Variable 'global_step:0' shape=() dtype=int64_ref>\nglobal_step:0")
        #expect(run("tf.train.create_global_step()", in: shell) == "error: \"global_step\" already exists.")
        #expect(run("print(tf.train.exponential_decay(0.1, gs, 10, 0.5, staircase=True))", in: shell)
                == "Tensor(\"ExponentialDecay:0\", shape=(), dtype=float32)")
        #expect(run("tf.train.exponential_decay(0.1, None, 10, 0.5)", in: shell) == "error: None values not supported.")
    }

    /// `except tf.errors.…` catches a session's failures by TF's classes (TF printed these
    /// lines for this program); a feed of the wrong shape stays Python's ValueError, as in TF.
    @Test func tfErrorsCatchSessionFailuresByTensorFlowsClasses() {
        let program = """
            import tensorflow as tf
            x = tf.placeholder(tf.float32, [None, 3])
            v = tf.Variable(1.0, name="v")
            i = tf.placeholder(tf.int32, [None])
            sess = tf.Session()
            for f in [lambda: sess.run(x * 2), lambda: sess.run(v), lambda: sess.run(tf.gather(tf.ones([3, 2]), i), {i: [5]}), lambda: sess.run(x, {x: [[1.0]]})]:
                try:
                    f()
                except tf.errors.OpError as e:
                    print(type(e).__name__, isinstance(e, tf.errors.InvalidArgumentError))
                except ValueError as e:
                    print("ValueError")
            print(tf.errors.InvalidArgumentError)
            """
        #expect(run(program) == """
            InvalidArgumentError True
            FailedPreconditionError False
            InvalidArgumentError True
            ValueError
            <class 'tensorflow.python.framework.errors_impl.InvalidArgumentError'>
            """)
        // Uncaught, the class is named as the last line of TF's traceback names it.
        let shell = Interpreter()
        _ = run("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 3])\nsess = tf.Session()", in: shell)
        let errors = shell.execute("sess.run(x * 2)").compactMap { o -> ShellError? in if case .error(let e) = o { return e }; return nil }
        #expect(errors.first?.exceptionName == "tensorflow.python.framework.errors_impl.InvalidArgumentError")
        #expect(errors.first?.message == "You must feed a value for placeholder tensor 'Placeholder' with dtype float and shape [?,3]")
    }
}
