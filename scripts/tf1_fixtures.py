"""TensorFlow 1 graph fixtures for rnnsh's Graph module (Tests/GraphTests/Fixtures/tf1_graph.json).

Runs in a venv with tensorflow-cpu 2.21 + tf-keras (BasicLSTMCell needs the legacy Keras):
    TF_USE_LEGACY_KERAS=1 /work/venv-tf/bin/python scripts/tf1_fixtures.py
TF1 behaviour comes from tf.compat.v1 with disable_v2_behavior() (graph mode, reference
variables, TF1 op names). Tests never import TensorFlow: they read the JSON this writes.

Two parts:
- "descriptions": small graphs, each built in a fresh tf.Graph from a snippet of TF1 code
  (the snippet is stored too; `out` lists the tensors recorded). For every tensor: str(t) as TF1
  printed it and its static shape. TF 2 prints an unknown dimension as None where TF 1 printed
  `?` (`shape=(?, 28)`); the script writes TF 1's spelling, the one rnnsh reproduces.
  The old signatures the tutorial uses (tf.split(0, n, x), softmax_cross_entropy_with_logits
  (logits, labels) positional, argmax(dimension=)) build the same ops as the new ones; TF 2 has
  lost the old forms, so their snippets are recorded in the new form and the tests call both.
- "training": the tutorial's model (transpose, reshape, split, BasicLSTMCell, static_rnn, matmul
  + bias, mean softmax cross-entropy, AdamOptimizer().minimize) at small sizes, with fixed initial
  weights (stored), 20 Adam steps on fixed batches (stored), `_, c = sess.run([optimizer, cost],
  feed_dict)` losses, and the tutorial's accuracy expression on a fixed test set.
Arrays are {"shape": [...], "data": [float32 values]}; float32 -> JSON is exact.

`--ops` writes Tests/GraphTests/Fixtures/tf1_ops.json only (the training numbers of
tf1_graph.json move by an ulp between CPUs, so that file is kept as recorded): the elementwise
ops, reductions and losses learners' TF1 code uses beyond the tutorial's (square, exp, sqrt,
abs, log, negative, maximum/minimum, pow, reduce_max/min, clip_by_value with tensor bounds,
l2_loss, sigmoid, tanh), and the ones RNN tutorials use around their cells (comparisons, //
and %, matmul with transposes, one_hot, expand_dims, squeeze, sign, stop_gradient), and the
generic kernel ops (embedding_lookup, zeros_like/ones_like, identity, tile, where, sequence_mask,
to_float/to_int32, reduce_prod, size, rank, add_n, pad, slice, boolean_mask,
placeholder_with_default, log_softmax, sigmoid_cross_entropy_with_logits, bias_add, xw_plus_b,
top_k, l2_normalize, moments, softmax along an axis, split by sizes, squared_difference):
- "descriptions": snippets as above;
- "ops": each op on fixed float32 inputs (ties included where the gradient splits or picks),
  its value, and tf.gradients of reduce_sum(out * w) for a fixed w with respect to every input
  (null where TF has no gradient: FloorDiv);
- "programs": small TF1 programs (the code stored) trained with GradientDescentOptimizer, and
  what they printed under TensorFlow.
"""
import contextlib, io, json, os, re, sys
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "GraphTests", "Fixtures", "tf1_graph.json")


def tf1_text(s):
    """TF 1's spelling of a static shape in str(tensor): ? for an unknown dimension."""
    return re.sub(r"shape=\(([^)]*)\)", lambda m: "shape=(" + m.group(1).replace("None", "?") + ")", s)


def arr(a):
    a = np.asarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.ravel()]}


# Each snippet runs with tf = tf.compat.v1 in a fresh graph; `out` is what is recorded.
PRELUDE = "x = tf.placeholder('float', [None, 28, 28])\n"
CASES = [
    ("placeholder", "y = tf.placeholder('float')\nz = tf.placeholder(tf.float32, [None, 10])\nout = [x, y, z]"),
    ("transpose", "out = [tf.transpose(x, [1, 0, 2]), tf.transpose(x, [1, 0, 2]), tf.transpose(x)]"),
    ("reshape", "t = tf.transpose(x, [1, 0, 2])\nout = [t, tf.reshape(t, [-1, 28]), tf.reshape(x, [-1, 784]), tf.reshape(x, [4, -1, 7])]"),
    ("split", "r = tf.reshape(tf.transpose(x, [1, 0, 2]), [-1, 28])\nout = [r] + tf.split(r, 28, 0)"),
    ("split_columns", "out = tf.split(tf.reshape(x, [-1, 28]), 4, 1)"),
    ("unstack", "out = tf.unstack(x, 28, 1) + tf.unstack(x, axis=2)[:2]"),
    ("concat", "a = tf.reshape(x, [-1, 28])\nout = [tf.concat([a, a], 1), tf.concat([a, a, a], 0)]"),
    ("matmul", "W = tf.Variable(tf.random_normal([28, 10]))\na = tf.reshape(x, [-1, 28])\nout = [tf.matmul(a, W), tf.matmul(a, W)]"),
    ("arithmetic", "W = tf.Variable(tf.random_normal([28, 10]))\nb = tf.Variable(tf.random_normal([10]))\n"
                   "m = tf.matmul(tf.reshape(x, [-1, 28]), W)\nout = [m + b, m - b, m * b, m / b, m + b, 2 * m, m * 0.5]"),
    ("softmax", "m = tf.reshape(x, [-1, 28])\nout = [tf.nn.softmax(m), tf.nn.softmax(m)]"),
    ("softmax_ce", "y = tf.placeholder('float', [None, 28])\nm = tf.reshape(x, [-1, 28])\n"
                   "out = [tf.nn.softmax_cross_entropy_with_logits(logits=m, labels=y), tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=m), tf.nn.softmax_cross_entropy_with_logits_v2(logits=m, labels=y)]"),
    ("reductions", "m = tf.reshape(x, [-1, 28])\nout = [tf.reduce_mean(m), tf.reduce_sum(m), tf.reduce_mean(m, 1), tf.reduce_sum(m, 0), tf.reduce_mean(x, [1, 2])]"),
    ("argmax", "m = tf.reshape(x, [-1, 28])\nout = [tf.argmax(m, 1), tf.argmax(m, dimension=1), tf.argmax(m, 0)]"),
    ("equal_cast", "m = tf.reshape(x, [-1, 28])\ne = tf.equal(tf.argmax(m, 1), tf.argmax(m, 1))\nout = [e, tf.cast(e, 'float'), tf.cast(e, tf.float32), tf.reduce_mean(tf.cast(e, 'float'))]"),
    ("static_rnn", "xs = tf.split(tf.reshape(tf.transpose(x, [1, 0, 2]), [-1, 28]), 28, 0)\n"
                   "cell = tf.nn.rnn_cell.BasicLSTMCell(16)\noutputs, state = tf.nn.static_rnn(cell, xs, dtype=tf.float32)\n"
                   "out = outputs[:3] + [outputs[-1], state.c, state.h]"),
    ("static_rnn_twice", "xs = tf.unstack(x, 28, 1)\n"
                   "o1, s1 = tf.nn.static_rnn(tf.nn.rnn_cell.BasicLSTMCell(8), xs, dtype=tf.float32)\n"
                   "o2, s2 = tf.nn.static_rnn(tf.nn.rnn_cell.BasicLSTMCell(8), xs, dtype=tf.float32, scope='second')\n"
                   "out = [o1[-1], s1.c, o2[0], o2[-1], s2.h]"),
    ("static_rnn_basic", "xs = tf.unstack(x, 28, 1)\noutputs, state = tf.nn.static_rnn(tf.nn.rnn_cell.BasicRNNCell(8), xs, dtype=tf.float32)\nout = [outputs[0], outputs[-1], state]"),
    ("dynamic_rnn", "outputs, state = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicLSTMCell(16), x, dtype=tf.float32)\nout = [outputs, state.c, state.h]"),
    ("dynamic_rnn_time_major", "t = tf.transpose(x, [1, 0, 2])\noutputs, state = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicLSTMCell(16), t, dtype=tf.float32, time_major=True)\nout = [outputs, state.c, state.h]"),
    ("bidirectional_dynamic_rnn", "(of, ob), (sf, sb) = tf.nn.bidirectional_dynamic_rnn(tf.nn.rnn_cell.BasicLSTMCell(8), tf.nn.rnn_cell.GRUCell(6), x, dtype=tf.float32)\n"
                   "(of2, ob2), (sf2, sb2) = tf.nn.bidirectional_dynamic_rnn(tf.nn.rnn_cell.GRUCell(4), tf.nn.rnn_cell.BasicRNNCell(3), tf.transpose(x, [1, 0, 2]), time_major=True, dtype=tf.float32)\n"
                   "out = [of, ob, sf.c, sf.h, sb, of2, ob2, sf2, sb2]"),
    ("bidirectional_dynamic_rnn_lengths", "L = tf.placeholder(tf.int32, [None])\n"
                   "(of, ob), (sf, sb) = tf.nn.bidirectional_dynamic_rnn(tf.nn.rnn_cell.MultiRNNCell([tf.nn.rnn_cell.GRUCell(4), tf.nn.rnn_cell.GRUCell(5)]), tf.nn.rnn_cell.BasicLSTMCell(3), x, sequence_length=L, dtype=tf.float32, scope='tag')\n"
                   "out = [of, ob, sf[0], sf[1], sb.c, sb.h, tf.concat([of, ob], 2)]"),
    ("static_bidirectional_rnn_lengths", "L = tf.placeholder(tf.int32, [None])\n"
                   "outs, sf, sb = tf.nn.static_bidirectional_rnn(tf.nn.rnn_cell.GRUCell(4), tf.nn.rnn_cell.GRUCell(3), tf.unstack(x, 28, 1), sequence_length=L, dtype=tf.float32)\n"
                   "out = [outs[0], outs[-1], sf, sb, tf.stack([sf, sf])]"),
    ("reverse_stack_gather_range", "L = tf.placeholder(tf.int32, [None])\nr = tf.reshape(x, [-1, 28])\n"
                   "out = [tf.reverse(x, [1]), tf.reverse(x, [0, -1]), tf.reverse_sequence(x, L, seq_axis=1, batch_axis=0), tf.reverse_sequence(x, L, 1),\n"
                   "       tf.stack([r, r]), tf.stack([r, r, r], axis=1), tf.stack(tf.unstack(x, 28, 1), axis=-1), tf.shape(x), tf.shape(x)[0],\n"
                   "       tf.range(0, tf.shape(x)[0]) * 28 + (L - 1), tf.range(5), tf.range(1, 7, 2), tf.range(0., 1., 0.25),\n"
                   "       tf.gather(r, L), tf.gather(x, [0, 2], axis=2), tf.gather(r, [[0, 1], [2, 3]])]"),
    ("tutorial", "y = tf.placeholder('float')\n"
                 "layer = {'weights': tf.Variable(tf.random_normal([128, 10])), 'biases': tf.Variable(tf.random_normal([10]))}\n"
                 "t = tf.transpose(x, [1, 0, 2])\nr = tf.reshape(t, [-1, 28])\nxs = tf.split(r, 28, 0)\n"
                 "outputs, states = tf.nn.static_rnn(tf.nn.rnn_cell.BasicLSTMCell(128), xs, dtype=tf.float32)\n"
                 "prediction = tf.matmul(outputs[-1], layer['weights']) + layer['biases']\n"
                 "cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=prediction, labels=y))\n"
                 "correct = tf.equal(tf.argmax(prediction, 1), tf.argmax(y, 1))\n"
                 "accuracy = tf.reduce_mean(tf.cast(correct, 'float'))\n"
                 "out = [t, r, xs[0], xs[27], outputs[-1], prediction, cost, correct, accuracy]"),
]


def describe(cases):
    out = []
    for name, code in cases:
        g = tf.Graph()
        with g.as_default():
            env = {"tf": tf}
            exec(PRELUDE + code, env)
            out.append({
                "name": name, "code": code,
                "tensors": [{"description": tf1_text(str(t)),
                             "shape": None if t.shape.dims is None else [(-1 if d is None else int(d)) for d in t.shape.as_list()],
                             "dtype": t.dtype.name} for t in env["out"]]})
    return out


OPS_OUT = os.path.join(os.path.dirname(OUT), "tf1_ops.json")
OP_CASES = [
    ("elementwise_more", "m = tf.reshape(x, [-1, 28])\n"
                         "out = [tf.square(m), tf.exp(m), tf.sqrt(m), tf.abs(m), tf.log(m), tf.negative(m), -m, tf.square(m),\n"
                         "       tf.maximum(m, 0.), tf.minimum(m, m), tf.maximum(m, tf.reduce_mean(m, 0)), tf.minimum(0.5, m),\n"
                         "       tf.pow(m, 2), m ** 2, 2. ** m, tf.nn.l2_loss(m), tf.nn.l2_loss(x), tf.sigmoid(m), tf.tanh(m)]"),
    ("reduce_max_min", "m = tf.reshape(x, [-1, 28])\n"
                       "out = [tf.reduce_max(m), tf.reduce_min(m), tf.reduce_max(m, 1), tf.reduce_min(x, [1, 2]),\n"
                       "       tf.reduce_max(m, axis=0, keepdims=True), tf.reduce_min(m, reduction_indices=[1], keep_dims=True), tf.reduce_max(x, -1)]"),
    ("clip_by_value_tensors", "lo = tf.placeholder('float', [28])\nhi = tf.placeholder('float')\nm = tf.reshape(x, [-1, 28])\n"
                              "out = [tf.clip_by_value(m, lo, hi), tf.clip_by_value(m, 0., hi), tf.clip_by_value(m, lo, 1.),\n"
                              "       tf.clip_by_value(m, 0., 1.), tf.clip_by_value(m, lo, tf.reduce_max(m, 0))]"),
    ("tutorial_ops", "m = tf.reshape(x, [-1, 28])\nL = tf.placeholder(tf.int32, [None])\n"
                     "out = [m > 0.5, m < 0., m >= m, m <= 1., 0.5 < m, 2 > L, m // 2., m % 2., 3. // m, 3. % m, L // 2, L % 3,\n"
                     "       tf.greater(m, 0.), tf.less(L, 1), tf.greater_equal(m, m), tf.less_equal(m, 1.),\n"
                     "       tf.matmul(m, m, transpose_b=True), tf.matmul(m, m, transpose_a=True), tf.matmul(m, m, transpose_a=True, transpose_b=True),\n"
                     "       tf.one_hot(L, 10), tf.one_hot(L, 5, on_value=2., off_value=-1., axis=0), tf.one_hot(L, 3, dtype=tf.int32), tf.one_hot([[0, 1], [2, 0]], 3),\n"
                     "       tf.expand_dims(m, 1), tf.expand_dims(x, -1), tf.expand_dims(L, 0), tf.squeeze(tf.expand_dims(m, 1), [1]),\n"
                     "       tf.squeeze(tf.expand_dims(x, 0)), tf.squeeze(tf.reshape(x, [-1, 1, 28, 28]), axis=1), tf.squeeze(tf.ones([1, 3, 1])),\n"
                     "       tf.sign(m), tf.sign(L), tf.stop_gradient(m), tf.cast(m > 0, tf.float32)]"),
    ("kernel_ops", "m = tf.reshape(x, [-1, 28])\nids = tf.placeholder(tf.int32, [None, 5])\nL = tf.placeholder(tf.int32, [None])\n"
                   "emb = tf.get_variable('embedding', [10, 3])\n"
                   "out = [emb, tf.nn.embedding_lookup(emb, ids), tf.nn.embedding_lookup(emb, [1, 2]), tf.nn.embedding_lookup([emb], ids, name='e'),\n"
                   "       tf.zeros_like(m), tf.ones_like(m), tf.zeros_like(ids), tf.ones_like(m, dtype=tf.int32), tf.identity(m), tf.tile(m, [2, 3]), tf.tile(x, [1, 1, 2]),\n"
                   "       tf.where(m > 0), tf.where(m > 0, m, -m), tf.where(m > 0, m, tf.zeros_like(m), name='w'), tf.where(L > 0, m, m),\n"
                   "       tf.sequence_mask([1, 2]), tf.sequence_mask(L, 5), tf.sequence_mask([1, 2], 4, dtype=tf.float32), tf.sequence_mask(L, dtype=tf.float32),\n"
                   "       tf.to_float(ids), tf.to_int32(m), tf.to_float(m), tf.reduce_prod(m, 1), tf.reduce_prod(m), tf.reduce_prod(x, [1, 2], keep_dims=True),\n"
                   "       tf.size(m), tf.rank(m), tf.add_n([m, m, m]), tf.add_n([m]), tf.pad(m, [[1, 1], [2, 0]]), tf.pad(x, [[0, 0], [1, 1], [0, 2]], constant_values=1.),\n"
                   "       tf.slice(m, [0, 1], [-1, 3]), tf.slice(x, [1, 0, 2], [2, -1, 4]), tf.boolean_mask(m, m[:, 0] > 0), tf.boolean_mask(m, m > 0, name='bm'),\n"
                   "       tf.placeholder_with_default(m, [None, 28]), tf.placeholder_with_default([1., 2.], [None]),\n"
                   "       tf.nn.log_softmax(m), tf.nn.log_softmax(m, axis=0), tf.nn.sigmoid_cross_entropy_with_logits(labels=m, logits=m), tf.nn.bias_add(m, tf.zeros([28])),\n"
                   "       tf.nn.xw_plus_b(m, tf.zeros([28, 4]), tf.zeros([4])), tf.nn.top_k(m, 3).values, tf.nn.top_k(m, 3).indices, tf.nn.top_k(m)[1], tf.nn.l2_normalize(m, 1),\n"
                   "       tf.nn.l2_normalize(x, [1, 2])] + list(tf.nn.moments(m, [0])) + list(tf.nn.moments(x, [0, 1], keep_dims=True)) + [\n"
                   "       tf.nn.softmax(m, dim=0), tf.nn.softmax(m, axis=0), tf.nn.softmax(m, axis=-1), tf.nn.softmax(x, axis=1, name='sm')] + tf.split(m, [20, 8], 1) + tf.split(x, [3, -1, 5], 2) + [\n"
                   "       tf.squared_difference(m, m), tf.squared_difference(m, 1.), tf.math.reduce_prod(m), tf.math.log_softmax(m), tf.math.top_k(m, 2).values]"),
    ("zero_state_names", "R = tf.nn.rnn_cell\n"
                         "out = list(R.BasicLSTMCell(3).zero_state(2, tf.float32)) + [R.GRUCell(3).zero_state(2, tf.float32), R.LSTMCell(3).zero_state(2, tf.float32).h, R.BasicRNNCell(3).zero_state(2, tf.float32)]\n"
                         "with tf.variable_scope('c'):\n    z = R.MultiRNNCell([R.BasicLSTMCell(3), R.GRUCell(2)]).zero_state(4, tf.float32)\n"
                         "out += [z[0].c, z[0].h, z[1]] + list(R.DropoutWrapper(R.BasicLSTMCell(3), output_keep_prob=0.5).zero_state(2, tf.float32))\n"
                         "out += list(R.MultiRNNCell([R.DropoutWrapper(R.GRUCell(3), output_keep_prob=0.5), R.GRUCell(2)]).zero_state(2, tf.float32)) + list(R.BasicLSTMCell(3).zero_state(2, tf.float32))"),
    # A MultiRNNCell's call re-enters its variable scope, so its ops sit under the op scope
    # plus the variable scope's last component: m/rnn/rnn/multi_rnn_cell, q/q/…, fw/fw/fw/….
    ("multi_rnn_scopes", "R = tf.nn.rnn_cell\n"
                         "x = [tf.placeholder(tf.float32, [2, 3]) for _ in range(2)]\n"
                         "def stack():\n    return R.MultiRNNCell([R.BasicLSTMCell(4), R.GRUCell(3)])\n"
                         "with tf.variable_scope('m'):\n    o1, s1 = tf.nn.static_rnn(stack(), x, dtype=tf.float32)\n"
                         "with tf.variable_scope('m', reuse=True):\n    o2, s2 = tf.nn.static_rnn(stack(), x, dtype=tf.float32)\n"
                         "o3, s3 = tf.nn.static_rnn(stack(), x, dtype=tf.float32, scope='q')\n"
                         "with tf.variable_scope('a'):\n    with tf.variable_scope('b'):\n        o4, s4 = tf.nn.static_rnn(stack(), x, dtype=tf.float32)\n"
                         "with tf.variable_scope('z'):\n    o5, f5, b5 = tf.nn.static_bidirectional_rnn(stack(), stack(), x, dtype=tf.float32)\n"
                         "out = [o1[-1], s1[0].c, s1[1], o2[-1], s2[0].h, o3[-1], s3[0].c, o4[-1], s4[1], o5[-1], f5[0].c, f5[1], b5[1]]"),
]

# Inputs: a 3x4 with repeated values (ties in rows, columns and the whole), positive ones for
# sqrt/log/pow, a row of 4 for broadcasting, scalar bounds.
A = [[1.0, 3.0, 3.0, -2.0], [0.5, -0.5, 0.5, 0.0], [-1.25, 2.0, 0.0, 2.0]]
P = [[0.25, 1.5, 2.0, 4.0], [0.75, 1.0, 3.0, 0.5], [2.5, 0.125, 1.25, 9.0]]
ROW = [0.5, 3.0, -1.0, 0.0]
# Divisors without zeros (of both signs, some not dividing A's values evenly); right-hand
# matrices for the transposed products.
DIV = [0.75, 2.0, -1.5, 1.25]
Q = [[0.5, -1.0, 2.0, 0.25], [1.5, 0.0, -0.5, 1.0]]
Q2 = [[1.0, -0.5, 0.25], [0.5, 2.0, -1.0]]
# An embedding table (5 ids of width 3), labels in [0, 1] for the logistic loss, and a dense
# layer's weights and biases.
E = [[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [-2.0, 1.0, 0.0], [0.75, 3.0, -1.25], [1.0, -0.5, 0.125]]
Z = [[0.0, 1.0, 0.5, 1.0], [1.0, 0.0, 0.25, 0.0], [0.5, 0.5, 1.0, 0.0]]
W2 = [[0.5, -1.0], [0.25, 2.0], [-1.5, 0.5], [1.0, 0.75]]
B2 = [0.5, -0.25]
# Each case: input values, and the op applied to the input tensors (variables of those values).
OP_VALUES = [
    ("square", [A], lambda a: tf.square(a)),
    ("exp", [A], lambda a: tf.exp(a)),
    ("sqrt", [P], lambda a: tf.sqrt(a)),
    ("abs", [A], lambda a: tf.abs(a)),
    ("log", [P], lambda a: tf.log(a)),
    ("negative", [A], lambda a: tf.negative(a)),
    ("sigmoid", [A], lambda a: tf.sigmoid(a)),
    ("tanh", [A], lambda a: tf.tanh(a)),
    ("maximum", [A, ROW], lambda a, b: tf.maximum(a, b)),
    ("minimum", [A, ROW], lambda a, b: tf.minimum(a, b)),
    ("maximum_number", [A], lambda a: tf.maximum(a, 0.5)),
    ("pow_number", [A], lambda a: tf.pow(a, 3.0)),
    ("pow", [P, [[0.5, 2.0, -1.0, 1.5]]], lambda a, b: tf.pow(a, b)),
    ("pow_operator", [A], lambda a: a ** 2),
    ("reduce_max", [A], lambda a: tf.reduce_max(a)),
    ("reduce_max_1", [A], lambda a: tf.reduce_max(a, 1)),
    ("reduce_max_0_keepdims", [A], lambda a: tf.reduce_max(a, 0, keepdims=True)),
    ("reduce_min", [A], lambda a: tf.reduce_min(a)),
    ("reduce_min_1_keepdims", [A], lambda a: tf.reduce_min(a, axis=[1], keepdims=True)),
    ("reduce_min_0", [A], lambda a: tf.reduce_min(a, 0)),
    ("clip_tensor_bounds", [A, [-1.0, 0.5, 0.0, -3.0], 2.0], lambda a, lo, hi: tf.clip_by_value(a, lo, hi)),
    ("clip_number_bounds", [A], lambda a: tf.clip_by_value(a, -1.0, 2.0)),
    ("l2_loss", [A], lambda a: tf.nn.l2_loss(a)),
    ("matmul_transpose_b", [A, Q], lambda a, b: tf.matmul(a, b, transpose_b=True)),
    ("matmul_transpose_a", [A, A], lambda a, b: tf.matmul(a, b, transpose_a=True)),
    ("matmul_transpose_both", [A, Q2], lambda a, b: tf.matmul(a, b, transpose_a=True, transpose_b=True)),
    ("floormod", [A, DIV], lambda a, b: a % b),
    ("floordiv", [A, DIV], lambda a, b: a // b),
    ("expand_dims", [A], lambda a: tf.expand_dims(a, 1)),
    ("squeeze", [[[1.0], [2.0], [-3.0]]], lambda a: tf.squeeze(a)),
    ("sign", [A], lambda a: tf.sign(a)),
    ("stop_gradient", [A], lambda a: tf.stop_gradient(a) * a),
    ("embedding_lookup", [E], lambda e: tf.nn.embedding_lookup(e, [[0, 2], [4, 2], [1, 0]])),
    ("tile", [A], lambda a: tf.tile(a, [2, 3])),
    ("pad", [A], lambda a: tf.pad(a, [[1, 0], [2, 1]])),
    ("pad_constant", [A], lambda a: tf.pad(a, [[0, 1], [1, 1]], constant_values=2.5)),
    ("slice", [A], lambda a: tf.slice(a, [1, 1], [2, -1])),
    ("split_sizes", [A], lambda a: tf.split(a, [1, 3], 1)[1]),
    ("select", [A, P], lambda a, b: tf.where(a > 0.5, a, b)),
    ("select_rows", [A, P], lambda a, b: tf.where([True, False, True], a, b)),
    ("reduce_prod_1", [A], lambda a: tf.reduce_prod(a, 1)),
    ("reduce_prod", [P], lambda a: tf.reduce_prod(a)),
    ("reduce_prod_0_keepdims", [A], lambda a: tf.reduce_prod(a, 0, keepdims=True)),
    ("add_n", [A, P], lambda a, b: tf.add_n([a, b, a])),
    ("squared_difference", [A, ROW], lambda a, b: tf.squared_difference(a, b)),
    ("log_softmax", [A], lambda a: tf.nn.log_softmax(a)),
    ("log_softmax_axis0", [A], lambda a: tf.nn.log_softmax(a, axis=0)),
    ("softmax_axis0", [A], lambda a: tf.nn.softmax(a, axis=0)),
    ("sigmoid_cross_entropy", [A, Z], lambda a, z: tf.nn.sigmoid_cross_entropy_with_logits(labels=z, logits=a)),
    ("bias_add", [A, ROW], lambda a, b: tf.nn.bias_add(a, b)),
    ("xw_plus_b", [A, W2, B2], lambda a, w, b: tf.nn.xw_plus_b(a, w, b)),
    ("top_k_values", [A], lambda a: tf.nn.top_k(a, 2).values),
    ("l2_normalize", [A], lambda a: tf.nn.l2_normalize(a, 1)),
    ("moments_mean", [A], lambda a: tf.nn.moments(a, [0])[0]),
    ("moments_variance", [A], lambda a: tf.nn.moments(a, [0])[1]),
    ("identity", [A], lambda a: tf.identity(a)),
    ("zeros_like", [A], lambda a: tf.zeros_like(a)),
    ("placeholder_with_default", [A], lambda a: tf.placeholder_with_default(a, [3, 4])),
]

# A learner's TF1 program: a linear model through a clip with trainable bounds, a loss built of
# the ops above, GradientDescentOptimizer steps, losses and the trained values printed.
PROGRAMS = [("gradient_descent_with_new_ops", """\
X = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [-2.0, 1.0, 0.75], [0.0, -0.5, 1.25], [1.0, 1.0, 1.0]], dtype=np.float32)
Y = np.array([[1.0], [0.5], [-1.0], [0.25], [0.75]], dtype=np.float32)
x = tf.placeholder(tf.float32, [None, 3])
y = tf.placeholder(tf.float32, [None, 1])
W = tf.Variable(tf.constant([[0.1], [-0.2], [0.3]]))
b = tf.Variable(tf.constant([0.05]))
lo = tf.Variable(tf.constant(-0.5))
hi = tf.Variable(tf.constant(0.6))
h = tf.matmul(x, W) + b
p = tf.clip_by_value(h, lo, hi)
err = p - y
mse = tf.reduce_mean(tf.square(err))
worst = tf.reduce_max(tf.abs(err))
under = -tf.reduce_min(tf.minimum(err, 0.0))
soft = tf.reduce_mean(tf.log(1.0 + tf.exp(-tf.maximum(h, -3.0))))
rms = tf.sqrt(mse + 1e-6)
loss = mse + 0.1 * worst + 0.05 * under + 0.01 * tf.nn.l2_loss(W) + 0.1 * rms + 0.01 * tf.reduce_sum(W ** 2) + 0.1 * soft + 0.01 * tf.reduce_sum(tf.pow(b, 2))
print(loss)
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(8):
        _, l, m = sess.run([train, loss, worst], feed_dict={x: X, y: Y})
        print(step, l, m)
    print(sess.run(lo), sess.run(hi))
    print(sess.run(W).ravel(), sess.run(b))
    print(sess.run(p, {x: X}).ravel())
"""),
# The ops and API RNN tutorials use around their cells (Danijar's length() with tf.sign, one_hot
# labels, expand_dims/squeeze, stop_gradient, matmul(transpose_b=), comparisons, // and %),
# minimize(global_step=), DType equality and fetching and feeding by name.
("tutorial_ops_global_step_and_names", """\
x = tf.placeholder(tf.float32, [None, 4, 2], name="x")
labels = tf.placeholder(tf.int32, [None], name="labels")
a = tf.constant([1, 2])
print(a.dtype == tf.int32, x.dtype == tf.float32, x.dtype is tf.float32, x.dtype != tf.int32, x.dtype == "float32", tf.float32 == np.float32)
W = tf.Variable(tf.constant([[0.5, -0.25, 0.1], [0.3, 0.2, -0.4]]))
V = tf.Variable(tf.constant([[0.2, 0.1, -0.3], [-0.3, 0.4, 0.25], [0.05, -0.1, 0.6]]))
gs = tf.Variable(0, trainable=False, name="global_step")
print(W.dtype == tf.float32, W.dtype.base_dtype == tf.float32, gs.dtype.base_dtype == tf.int32)
used = tf.sign(tf.reduce_max(tf.abs(x), 2))
length = tf.cast(tf.reduce_sum(used, 1), tf.int32)
h = tf.matmul(tf.reduce_sum(x, 1), W)
logits = tf.matmul(h, V, transpose_b=True)
onehot = tf.one_hot(labels, 3)
probs = tf.nn.softmax(logits)
loss = tf.reduce_mean(-tf.reduce_sum(onehot * tf.log(probs + 1e-6), 1))
mask = tf.cast(tf.expand_dims(length, 1) > 2, tf.float32)
reg = tf.reduce_sum(tf.squeeze(tf.expand_dims(tf.reduce_sum(tf.square(W), 1), 0)))
target = tf.stop_gradient(tf.reduce_mean(h))
total = loss + 0.01 * reg + 0.1 * tf.reduce_mean(mask * tf.square(h - target))
train = tf.train.GradientDescentOptimizer(0.5).minimize(total, global_step=gs)
print(used, length, logits, onehot, mask, target, train.name, train.type)
X = np.zeros((4, 4, 2), np.float32)
X[0, :2] = [[1., 0.5], [0.25, -1.]]
X[1, :4] = [[0.5, 0.5], [-0.5, 1.], [1., 1.], [0.2, -0.3]]
X[2, :3] = [[-1., 0.], [0., 2.], [0.75, 0.25]]
X[3, :1] = [[0.3, 0.6]]
Y = np.array([0, 2, 1, 2], np.int32)
flat = tf.reshape(x, [-1, 2])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run([length, used], {x: X}))
    for step in range(5):
        _, l, s = sess.run([train, total, gs], {x: X, labels: Y})
        print(step, s, l)
    print(sess.run(gs), sess.run(W), sess.run(V))
    print(sess.run("global_step:0"), sess.run("x:0", {"x:0": X[:1]}).shape, sess.run(["Cast:0", length], feed_dict={"x:0": X}))
    for v in sess.run([flat > 0.4, flat < 0., flat >= 0.5, 0.5 <= flat, flat // 0.5, flat % 0.75, labels // 2, labels % 2, 7 // (labels + 1), -7 % (labels + 1)], {x: X[:2], labels: Y}):
        print(v.tolist())
    print(sess.run(tf.one_hot(labels, 4, on_value=5.0, off_value=-1.0, axis=0), {labels: [0, 3, -1, 7]}))
    print(sess.run([tf.greater(labels, 1), tf.less_equal(labels, 1), tf.sign(labels - 1), tf.one_hot(labels, 3, dtype=tf.int32)], {labels: Y}))
    print(sess.run(tf.gradients(total, [W, V]), {x: X, labels: Y}))
"""),
# A bag-of-embeddings classifier over padded id sequences, as char-rnn/PTB programs feed their
# ids: embedding_lookup of an int placeholder, sequence_mask, xw_plus_b, log_softmax and the
# logistic loss, moments, add_n and squared_difference in the loss; then the other kernel ops
# on the trained values (top_k, boolean_mask, slice, pad, where, l2_normalize, tile, split by
# sizes, size, rank, reduce_prod, placeholder_with_default).
("kernel_ops_embedding_training", """\
ids = tf.placeholder(tf.int32, [None, 4], name="ids")
lengths = tf.placeholder(tf.int32, [None], name="lengths")
y = tf.placeholder(tf.float32, [None, 3], name="y")
emb = tf.get_variable("embedding", [6, 3], initializer=tf.constant_initializer([0.1, -0.2, 0.3, 0.05, 0.4, -0.1, -0.3, 0.2, 0.15, 0.25, -0.05, 0.35, 0.2, 0.1, -0.4, -0.15, 0.3, 0.05]))
W = tf.get_variable("W", [3, 3], initializer=tf.constant_initializer([0.5, -0.25, 0.1, 0.3, 0.2, -0.4, -0.1, 0.45, 0.2]))
b = tf.get_variable("b", [3], initializer=tf.zeros_initializer())
inputs = tf.nn.embedding_lookup(emb, ids)
mask = tf.sequence_mask(lengths, 4, dtype=tf.float32)
summed = tf.reduce_sum(inputs * tf.expand_dims(mask, 2), 1)
mean = summed / tf.expand_dims(tf.maximum(tf.to_float(lengths), 1.), 1)
logits = tf.nn.xw_plus_b(mean, W, b)
logp = tf.nn.log_softmax(logits)
xent = -tf.reduce_mean(tf.reduce_sum(y * logp, 1))
sig = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=logits))
m, v = tf.nn.moments(logits, [0])
reg = tf.add_n([tf.nn.l2_loss(W), tf.reduce_sum(tf.squared_difference(emb, 0.1)), tf.reduce_sum(v)])
loss = xent + 0.5 * sig + 0.01 * reg
train = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
top = tf.nn.top_k(logits, 2)
kept = tf.boolean_mask(logits, lengths > 2)
padded = tf.pad(tf.slice(logits, [0, 1], [-1, 2]), [[0, 0], [1, 0]])
picked = tf.where(logits > 0, logits, tf.zeros_like(logits))
first, rest = tf.split(inputs, [1, 3], 1)
unit = tf.nn.l2_normalize(mean, 1)
big = tf.tile(tf.reshape(b, [1, 3]), [2, 1])
print(inputs, mask, logits, logp, top.values, top.indices, kept, padded, picked, first, rest, unit, big, m, v, train.name)
X = np.array([[1, 2, 0, 0], [3, 4, 5, 1], [2, 2, 2, 0], [5, 0, 0, 0]], np.int32)
Ls = np.array([2, 4, 3, 1], np.int32)
Y = np.eye(3, dtype=np.float32)[[0, 2, 1, 2]]
feed = {ids: X, lengths: Ls, y: Y}
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(6):
        _, l = sess.run([train, loss], feed)
        print(step, l)
    print(sess.run(emb).tolist())
    print(sess.run(W).tolist(), sess.run(b).tolist())
    for t in sess.run([logp, top.values, top.indices, kept, padded, picked, unit, big, first, tf.size(inputs), tf.rank(inputs), tf.reduce_prod(mask, 1), tf.where(mask > 0)], feed):
        print(t.tolist())
    print(sess.run(tf.nn.top_k(logits, 1), feed))
    d = tf.placeholder_with_default(tf.constant([1., 2.]), [None])
    print(sess.run(d * 2), sess.run(d * 2, {d: [3., 4., 5.]}))
""")]


def op_values():
    out = []
    rng = np.random.RandomState(20261207)
    for name, inputs, f in OP_VALUES:
        g = tf.Graph()
        with g.as_default():
            values = [np.asarray(v, dtype=np.float32) for v in inputs]
            vs = [tf.Variable(v) for v in values]
            y = f(*vs)
            w = np.asarray(rng.uniform(-1, 1, y.shape.as_list()), dtype=np.float32).round(2)
            grads = tf.gradients(tf.reduce_sum(y * w), vs)
            # embedding_lookup's gradient is an IndexedSlices: recorded densely (duplicate rows
            # summed), as rnnsh computes it.
            grads = [tf.convert_to_tensor(d) if isinstance(d, tf.IndexedSlices) else d for d in grads]
            # An op without a gradient (FloorDiv) gives None: recorded as null.
            present = [d for d in grads if d is not None]
            with tf.Session() as sess:
                sess.run(tf.global_variables_initializer())
                yv, pv = sess.run([y, present])
            pv = iter(pv)
            gv = [None if d is None else next(pv) for d in grads]
            out.append({"name": name, "inputs": [arr(v) for v in values], "w": arr(w), "output": arr(yv),
                        "gradients": [None if d is None else arr(d) for d in gv], "op": y.name})
    return out


def programs():
    out = []
    for name, code in PROGRAMS:
        g = tf.Graph()
        with g.as_default():
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(code, {"tf": tf, "np": np})
            out.append({"name": name, "code": code, "output": buffer.getvalue()})
    return out


if "--ops" in sys.argv[1:]:
    with open(OPS_OUT, "w") as f:
        json.dump({"tensorflow": tf.__version__, "descriptions": describe(OP_CASES), "ops": op_values(),
                   "programs": programs()}, f, indent=0)
    print("wrote", OPS_OUT)
    sys.exit(0)

descriptions = []
for name, code in CASES:
    g = tf.Graph()
    with g.as_default():
        env = {"tf": tf}
        exec(PRELUDE + code, env)
        out = env["out"]
        descriptions.append({
            "name": name, "code": code,
            "tensors": [{"description": tf1_text(str(t)),
                         "shape": None if t.shape.dims is None else [(-1 if d is None else int(d)) for d in t.shape.as_list()],
                         "dtype": t.dtype.name} for t in out]})

# The tutorial's model, small: T steps of I inputs, U units, K classes.
T, I, U, K, B, STEPS, TEST = 5, 6, 8, 4, 8, 20, 32
rng = np.random.RandomState(20261205)
f32 = lambda a: np.asarray(a, dtype=np.float32)
kernel0 = f32(rng.uniform(-0.5, 0.5, (I + U, 4 * U)))
bias0 = f32(rng.uniform(-0.2, 0.2, (4 * U,)))
weights0 = f32(rng.normal(0, 1, (U, K)))
biases0 = f32(rng.normal(0, 1, (K,)))
images = f32(rng.uniform(0, 1, (STEPS, B, T * I)))
labels = np.eye(K, dtype=np.float32)[rng.randint(0, K, (STEPS, B))]
test_images = f32(rng.uniform(0, 1, (TEST, T * I)))
test_labels = np.eye(K, dtype=np.float32)[rng.randint(0, K, TEST)]

g = tf.Graph()
with g.as_default():
    x = tf.placeholder('float', [None, T, I])
    y = tf.placeholder('float')
    layer = {'weights': tf.Variable(weights0), 'biases': tf.Variable(biases0)}
    xs = tf.split(tf.reshape(tf.transpose(x, [1, 0, 2]), [-1, I]), T, 0)
    cell = tf.nn.rnn_cell.BasicLSTMCell(U)
    outputs, states = tf.nn.static_rnn(cell, xs, dtype=tf.float32)
    prediction = tf.matmul(outputs[-1], layer['weights']) + layer['biases']
    cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=prediction, labels=y))
    optimizer = tf.train.AdamOptimizer().minimize(cost)
    correct = tf.equal(tf.argmax(prediction, 1), tf.argmax(y, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, 'float'))
    kernel, bias = cell.weights
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run([kernel.assign(kernel0), bias.assign(bias0)])
        acc0 = float(accuracy.eval({x: test_images.reshape((-1, T, I)), y: test_labels}))
        losses = []
        for s in range(STEPS):
            _, c = sess.run([optimizer, cost], feed_dict={x: images[s].reshape((-1, T, I)), y: labels[s]})
            losses.append(float(c))
        acc = float(accuracy.eval({x: test_images.reshape((-1, T, I)), y: test_labels}))
        logits = sess.run(prediction, {x: test_images.reshape((-1, T, I))})
        top2 = np.sort(logits, 1)[:, -2:]
        margin = float(np.min(top2[:, 1] - top2[:, 0]))
        assert margin > 1e-3, margin   # the accuracy cannot flip within the tests' tolerance
        final = sess.run([kernel, bias, layer['weights'], layer['biases']])

training = {"steps": T, "input": I, "units": U, "classes": K, "batch": B, "adam_steps": STEPS,
            "kernel": arr(kernel0), "bias": arr(bias0), "weights": arr(weights0), "biases": arr(biases0),
            "images": arr(images), "labels": arr(labels), "test_images": arr(test_images), "test_labels": arr(test_labels),
            "losses": losses, "accuracy_before": acc0, "accuracy": acc, "test_logits": arr(logits),
            "final_kernel": arr(final[0]), "final_bias": arr(final[1]),
            "final_weights": arr(final[2]), "final_biases": arr(final[3])}

with open(OUT, "w") as f:
    json.dump({"tensorflow": tf.__version__, "descriptions": descriptions, "training": training}, f, indent=0)
print("wrote", OUT)
for d in descriptions:
    for t in d["tensors"]:
        print(d["name"], t["description"], t["shape"])
print("losses", losses, "accuracy", acc0, acc, "margin", margin)
