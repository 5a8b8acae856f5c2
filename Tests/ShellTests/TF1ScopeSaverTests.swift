import Foundation
import Testing
import TestSupport
@testable import Shell

/// TF1's variable scopes and `tf.train.Saver` in the shell, beyond what the variant program
/// 21_variable_scope_saver.py checks against TensorFlow: the names TF 2.21's tf.compat.v1
/// gave for scope objects re-entered, default names and name scopes (printed by it for the
/// same statements), and the Saver's files under the project's write rules.
@Suite struct TF1ScopeSaverTests {
    @Test func scopesNameOpsAndVariablesAsTensorFlowDid() {
        let shell = Interpreter()
        _ = run("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 4])", in: shell)
        #expect(run("with tf.variable_scope('foo') as sc:\n    W = tf.get_variable('W', [4, 3], initializer=tf.random_normal_initializer())\n    v = tf.Variable(1.0, name='v')\n    c = tf.constant(2.0)\nprint(repr(sc.name), sc.reuse, repr(sc.original_name_scope), W, v, c)", in: shell)
                == "'foo' False 'foo/' <tf.Variable 'foo/W:0' shape=(4, 3) dtype=float32_ref> <tf.Variable 'foo/v:0' shape=() dtype=float32_ref> Tensor(\"foo/Const:0\", shape=(), dtype=float32)")
        #expect(run("with tf.variable_scope('foo'):\n    with tf.variable_scope('bar'):\n        z = tf.get_variable('z', [2])\n        print(z, tf.get_variable_scope().name)\n    print(tf.layers.dense(x, 2))", in: shell)
                == "<tf.Variable 'foo/bar/z:0' shape=(2,) dtype=float32_ref> foo/bar\nTensor(\"foo_1/dense/BiasAdd:0\", shape=(?, 2), dtype=float32)")
        #expect(run("with tf.variable_scope('m') as s4:\n    a = tf.get_variable('a', [1])\n    s4.reuse_variables()\n    print(s4.reuse, tf.get_variable('a').name)", in: shell)
                == "True m/a:0")
        // A scope object re-entered keeps its name and reuse; its ops take a new name scope.
        #expect(run("with tf.variable_scope(s4):\n    print(tf.get_variable_scope().name, tf.get_variable_scope().reuse, tf.add(x, 1.0))", in: shell)
                == "m True Tensor(\"m_1/Add:0\", shape=(?, 4), dtype=float32)")
        #expect(run("with tf.variable_scope('top'):\n    with tf.variable_scope(s4):\n        print(tf.get_variable_scope().name, tf.add(x, 1.0))", in: shell)
                == "m Tensor(\"top/m/Add:0\", shape=(?, 4), dtype=float32)")
        #expect(run("with tf.variable_scope(None, default_name='def'):\n    print(tf.get_variable('k', [1]))\nwith tf.variable_scope(None, default_name='def'):\n    print(tf.get_variable('k', [1]))", in: shell)
                == "<tf.Variable 'def/k:0' shape=(1,) dtype=float32_ref>\n<tf.Variable 'def_1/k:0' shape=(1,) dtype=float32_ref>")
        #expect(run("with tf.name_scope('ns') as scope:\n    print(repr(scope), tf.add(x, 1.0), tf.get_variable('plain', [1]))", in: shell)
                == "'ns/' Tensor(\"ns/Add:0\", shape=(?, 4), dtype=float32) <tf.Variable 'plain:0' shape=(1,) dtype=float32_ref>")
        #expect(run("tf.get_variable('u', [None, 3])", in: shell)
                == "error: The initializer passed is not valid. It should be a callable with no arguments and the shape should not be provided or an instance of `tf.keras.initializers.*' and `shape` should be fully defined.")
        #expect(run("tf.get_variable('u5', [2], initializer=tf.constant([1., 2.]))", in: shell)
                == "error: If initializer is a constant, do not specify shape.")
        #expect(run("with tf.variable_scope('foo', reuse=True):\n    tf.get_variable('W', [4, 3], dtype=tf.float64)", in: shell)
                == "error: Trying to share variable foo/W, but specified dtype float64 and found dtype float32_ref.")
        #expect(run("tf.get_variable('u8', [2], dtype=tf.int32)", in: shell) == "<tf.Variable 'u8:0' shape=(2,) dtype=int32_ref>")
        // The scopes were all left: a new op is at the top again.
        #expect(run("print(repr(tf.add(x, 2.0)))", in: shell) == "<tf.Tensor 'Add:0' shape=(?, 4) dtype=float32>")
    }

    /// `tf.gradients` of a small graph, by hand: d/dW of sum(x·W) is xᵀ·1, d/dx is 1·Wᵀ; an x
    /// the ys do not depend on gives None, as in TF.
    @Test func gradientsOfAProduct() {
        let shell = Interpreter()
        _ = run("import tensorflow as tf\nimport numpy as np\nx = tf.placeholder(tf.float32, [None, 2])\nW = tf.Variable([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])\nb = tf.Variable(0.0)\ny = tf.reduce_sum(tf.matmul(x, W))\ng = tf.gradients(y, [W, x, b])", in: shell)
        #expect(run("g[2]", in: shell) == "")
        #expect(run("with tf.Session() as s:\n    s.run(tf.global_variables_initializer())\n    gw, gx = s.run(g[:2], {x: [[1.0, 2.0], [3.0, 4.0]]})\n    print(gw)\n    print(gx)", in: shell)
                == "[[4. 4. 4.]\n [6. 6. 6.]]\n[[ 6. 15.]\n [ 6. 15.]]")
    }

    /// Checkpoints: numpy's .npz under TF's prefix, TF's `checkpoint` state file, only the last
    /// `max_to_keep` kept, nothing written outside a --safe replay's directory, and a restore
    /// that sets every variable or none.
    @Test func saverFilesFollowTheWriteRules() throws {
        let dir = try ScratchDirectory("tf1-saver")
        defer { ScratchDirectory.remove(dir.path) }
        var options = Interpreter.Options(workingDirectory: dir.path)
        options.writePolicy = .under(dir.path)
        let shell = Interpreter(options: options)
        _ = run("import tensorflow as tf\nimport numpy as np\nv = tf.get_variable('v', initializer=tf.constant([1.0, 2.0]))\nsaver = tf.train.Saver(max_to_keep=2)\nsess = tf.Session()\nsess.run(tf.global_variables_initializer())", in: shell)
        #expect(run("[saver.save(sess, 'm', global_step=i) for i in range(3)]", in: shell) == "['m-0', 'm-1', 'm-2']")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == ["checkpoint", "m-1.npz", "m-2.npz"])
        let state = try String(contentsOfFile: dir.path + "/checkpoint", encoding: .utf8)
        #expect(state == "model_checkpoint_path: \"m-2\"\nall_model_checkpoint_paths: \"m-1\"\nall_model_checkpoint_paths: \"m-2\"\n")
        #expect(run("tf.train.latest_checkpoint('.'), tf.train.latest_checkpoint('nowhere')", in: shell) == "('./m-2', None)")
        #expect(run("saver.save(sess, '../outside')", in: shell) == "error: [Errno 13] Permission denied: '../outside.npz'")
        #expect(run("saver.save(sess, 'nodir/m')", in: shell) == "error: Parent directory of nodir/m doesn't exist, can't save.")
        #expect(run("print(repr(np.load('m-2.npz')['v']))", in: shell) == "array([1., 2.], dtype=float32)")
        _ = run("sess.run(v.assign([5.0, 6.0]))\nw = tf.get_variable('w', [3])\nboth = tf.train.Saver([v, w])", in: shell)
        let refused = run("both.restore(sess, 'm-2')", in: shell)
        #expect(refused.hasPrefix("error: Restoring from checkpoint failed.") && refused.hasSuffix("Key w not found in checkpoint"), "\(refused)")
        #expect(run("print(repr(sess.run(v)))", in: shell) == "array([5., 6.], dtype=float32)")
        #expect(run("saver.restore(sess, 'm-2')\nprint(repr(sess.run(v)))", in: shell) == "array([1., 2.], dtype=float32)")
        #expect(run("saver.restore(sess, 'm-7')", in: shell) == "error: The passed save_path is not a valid checkpoint: m-7")
        #expect(run("tf.train.Saver([v, v])", in: shell) == "error: At least two variables have the same name: v")
        #expect(run("tf.train.Saver([v + 1])", in: shell) == "error: Variable to save is not a Variable: Tensor(\"add:0\", shape=(2,), dtype=float32)")
    }
}
