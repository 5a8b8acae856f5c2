"""Reference fixtures for Tests/RNNTests, made with TensorFlow 1.x semantics (tf.compat.v1).

Runs in a venv with tensorflow-cpu 2.21 + tf-keras (see ../shared/peers/README.txt):
    TF_USE_LEGACY_KERAS=1 /work/tfvenv/bin/python scripts/tf_fixtures.py
Writes Tests/RNNTests/Fixtures/tf_lstm.json and tf_cells.json. Tests never need TensorFlow: they
read these files. With --activations it writes only tf_rnn_activations.json (BasicRNNCell with
activation=tf.nn.relu / tf.sigmoid), leaving the other two as they were recorded: regenerated on
another CPU their gradients move by a few ulps (up to 4e-4 relative on entries near zero), which
would churn files whose tests pass either way.

The case: BasicLSTMCell(4, forget_bias=1.0), batch 3, input 5, 6 steps, static_rnn from a given
(c0, h0), a dense layer 4 -> 3 on the last output, mean softmax cross-entropy with logits;
then 5 Adam steps on the same batch from the zero state (the model's training path).
Every array is stored as {"shape": [...], "data": [row-major float32 values as JSON numbers]};
float32 -> Python float is exact, so the values round-trip bit for bit.
"""
import json, os, sys
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np
import tensorflow as tf

B, I, U, T, K = 3, 5, 4, 6, 3
ADAM_STEPS = 5
rng = np.random.RandomState(20261129)
f32 = lambda a: np.asarray(a, dtype=np.float32)
kernel0 = f32(rng.uniform(-0.6, 0.6, (I + U, 4 * U)))
bias0 = f32(rng.uniform(-0.3, 0.3, (4 * U,)))
xs = f32(rng.normal(0, 1, (T, B, I)))
c0 = f32(rng.normal(0, 0.5, (B, U)))
h0 = f32(rng.normal(0, 0.5, (B, U)))
w0 = f32(rng.normal(0, 1, (U, K)))
b0 = f32(rng.normal(0, 1, (K,)))
labels = np.array([2, 0, 1])
onehot = np.eye(K, dtype=np.float32)[labels]

tf.compat.v1.disable_eager_execution()
g = tf.Graph()
with g.as_default():
    x_ph = [tf.compat.v1.placeholder(tf.float32, [B, I]) for _ in range(T)]
    c_ph = tf.compat.v1.placeholder(tf.float32, [B, U])
    h_ph = tf.compat.v1.placeholder(tf.float32, [B, U])
    y_ph = tf.compat.v1.placeholder(tf.float32, [B, K])
    cell = tf.compat.v1.nn.rnn_cell.BasicLSTMCell(U, forget_bias=1.0, state_is_tuple=True)
    state0 = tf.compat.v1.nn.rnn_cell.LSTMStateTuple(c_ph, h_ph)
    outputs, state = tf.compat.v1.nn.static_rnn(cell, x_ph, initial_state=state0)
    W = tf.Variable(w0); b = tf.Variable(b0)
    logits = tf.matmul(outputs[-1], W) + b
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=y_ph))
    kernel, bias = cell.weights
    grads = tf.gradients(loss, [kernel, bias, W, b, c_ph, h_ph] + x_ph)
    opt = tf.compat.v1.train.AdamOptimizer()   # lr 0.001, beta1 .9, beta2 .999, eps 1e-8
    train = opt.minimize(loss, var_list=[kernel, bias, W, b])
    with tf.compat.v1.Session() as s:
        s.run(tf.compat.v1.global_variables_initializer())
        s.run([kernel.assign(kernel0), bias.assign(bias0)])
        feed = {c_ph: c0, h_ph: h0, y_ph: onehot}
        feed.update({p: xs[t] for t, p in enumerate(x_ph)})
        outs, st, lg, ls, gr = s.run([outputs, state, logits, loss, grads], feed)
        # Adam runs from the zero state: the model's own training path (the tutorial's).
        zfeed = dict(feed); zfeed[c_ph] = np.zeros_like(c0); zfeed[h_ph] = np.zeros_like(h0)
        adam_losses = []
        for _ in range(ADAM_STEPS):
            l, _ = s.run([loss, train], zfeed)
            adam_losses.append(l)
        kA, bA, WA, bbA = s.run([kernel, bias, W, b])

def arr(a):
    a = np.asarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.ravel()]}

out = {
    "about": "TF %s BasicLSTMCell(%d, forget_bias=1.0), batch %d, input %d, %d steps; dense %d->%d; "
             "mean softmax CE; Adam(0.001) x%d on the same batch from the zero state. Made by scripts/tf_fixtures.py."
             % (tf.__version__, U, B, I, T, U, K, ADAM_STEPS),
    "batch": B, "input": I, "units": U, "steps": T, "classes": K, "forget_bias": 1.0,
    "labels": labels.tolist(),
    "kernel": arr(kernel0), "bias": arr(bias0), "inputs": arr(xs), "c0": arr(c0), "h0": arr(h0),
    "dense_w": arr(w0), "dense_b": arr(b0),
    "outputs": arr(np.stack(outs)), "final_c": arr(st.c), "final_h": arr(st.h),
    "logits": arr(lg), "loss": float(ls),
    "grad_kernel": arr(gr[0]), "grad_bias": arr(gr[1]), "grad_dense_w": arr(gr[2]),
    "grad_dense_b": arr(gr[3]), "grad_c0": arr(gr[4]), "grad_h0": arr(gr[5]),
    "grad_inputs": arr(np.stack(gr[6:])),
    "adam_steps": ADAM_STEPS, "adam_losses": [float(v) for v in adam_losses],
    "adam_kernel": arr(kA), "adam_bias": arr(bA), "adam_dense_w": arr(WA), "adam_dense_b": arr(bbA),
}
ONLY_ACTIVATIONS = "--activations" in sys.argv
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "RNNTests", "Fixtures", "tf_lstm.json")
tmp = path + ".tmp"
if not ONLY_ACTIVATIONS:
    with open(tmp, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    os.replace(tmp, path)
    print("wrote", os.path.normpath(path), "loss", float(ls))

# ---------------------------------------------------------------------------------------------
# The other cells and layer kinds (Tests/RNNTests/Fixtures/tf_cells.json): TF1's GRUCell and
# BasicRNNCell, MultiRNNCell stacks, static_bidirectional_rnn (last outputs concatenated, as
# Keras's Bidirectional does: concat(fw final h, bw final h)), stacked bidirectional layers
# (tf.contrib's stack_bidirectional_rnn scopes: each layer reads the previous layer's
# concatenated outputs), and DropoutWrapper's arithmetic with given keep masks (x * mask, mask
# in {0, 1/keep_prob}, a fresh mask every step). Each case: random weights under TF's variable
# names, a dense layer on the last output, mean softmax cross-entropy; the loss, the logits and
# the gradient of every variable and of the inputs (and of h0 / (c0, h0) for one forward layer).
rnn_cell = tf.compat.v1.nn.rnn_cell
CASES = [
    dict(name="gru", cell="gru", layers=1, bidirectional=False),
    dict(name="rnn", cell="rnn", layers=1, bidirectional=False),
    dict(name="gru_stacked", cell="gru", layers=2, bidirectional=False),
    dict(name="rnn_stacked", cell="rnn", layers=3, bidirectional=False),
    dict(name="lstm_stacked", cell="lstm", layers=2, bidirectional=False),
    dict(name="lstm_bidirectional", cell="lstm", layers=1, bidirectional=True),
    dict(name="gru_bidirectional", cell="gru", layers=1, bidirectional=True),
    dict(name="rnn_stacked_bidirectional", cell="rnn", layers=2, bidirectional=True),
    dict(name="gru_dropout", cell="gru", layers=2, bidirectional=False, keep_prob=0.75),
    dict(name="lstm_bidirectional_dropout", cell="lstm", layers=1, bidirectional=True, keep_prob=0.6),
]
# BasicRNNCell(activation=...) (Tests/RNNTests/Fixtures/tf_rnn_activations.json): Geron's
# multi-layer RNN passes tf.nn.relu; sigmoid is the other activation Keras's SimpleRNN users pick.
# Alone, stacked, and bidirectional with dropout; the same case format as tf_cells.json.
ACTIVATION_CASES = [
    dict(name="rnn_relu", cell="rnn", layers=1, bidirectional=False, activation="relu"),
    dict(name="rnn_sigmoid", cell="rnn", layers=1, bidirectional=False, activation="sigmoid"),
    dict(name="rnn_relu_stacked", cell="rnn", layers=3, bidirectional=False, activation="relu"),
    dict(name="rnn_relu_bidirectional_dropout", cell="rnn", layers=2, bidirectional=True, keep_prob=0.75, activation="relu"),
]
ACTIVATIONS = {"tanh": tf.tanh, "relu": tf.nn.relu, "sigmoid": tf.sigmoid}
B, I, U, T, K = 3, 5, 4, 6, 3

def make_cell(kind, activation="tanh"):
    if kind == "gru": return rnn_cell.GRUCell(U)
    if kind == "rnn": return rnn_cell.BasicRNNCell(U, activation=ACTIVATIONS[activation])
    return rnn_cell.BasicLSTMCell(U, forget_bias=1.0, state_is_tuple=True)

def run_case(case, seed):
    r = np.random.RandomState(seed)
    L, bi, keep = case["layers"], case["bidirectional"], case.get("keep_prob", 1.0)
    D = 2 if bi else 1
    xs = f32(r.normal(0, 1, (T, B, I)))
    labels = r.randint(0, K, B)
    onehot = np.eye(K, dtype=np.float32)[labels]
    # Masks in each cell's own time order: [layer*D + d] -> inputs [T, B, in], outputs [T, B, U].
    in_masks, out_masks = [], []
    for l in range(L):
        width = I if l == 0 else D * U
        for d in range(D):
            in_masks.append(f32((r.uniform(size=(T, B, width)) < keep) / np.float32(keep)))
            out_masks.append(f32((r.uniform(size=(T, B, U)) < keep) / np.float32(keep)))
    g = tf.Graph()
    with g.as_default():
        x_ph = [tf.compat.v1.placeholder(tf.float32, [B, I]) for _ in range(T)]
        y_ph = tf.compat.v1.placeholder(tf.float32, [B, K])
        state_ph = []
        def drop(seq, mask):      # seq: the cell's steps in its own time order
            if keep == 1.0: return seq
            return [s * tf.constant(mask[t]) for t, s in enumerate(seq)]
        one_forward = (L == 1 and not bi)
        if not bi:
            # MultiRNNCell of DropoutWrappers, written out step by step so the masks are given.
            inputs = x_ph
            finals = []
            for l in range(L):
                scope = "rnn" if L == 1 else "rnn/multi_rnn_cell/cell_%d" % l
                cell = make_cell(case["cell"], case.get("activation", "tanh"))
                with tf.compat.v1.variable_scope(scope) as vs:
                    if one_forward:
                        if case["cell"] == "lstm":
                            state_ph = [tf.compat.v1.placeholder(tf.float32, [B, U]) for _ in range(2)]
                            init = rnn_cell.LSTMStateTuple(*state_ph)
                        else:
                            state_ph = [tf.compat.v1.placeholder(tf.float32, [B, U])]
                            init = state_ph[0]
                    else:
                        init = cell.zero_state(B, tf.float32)
                    outs, st = tf.compat.v1.nn.static_rnn(cell, drop(inputs, in_masks[l]), initial_state=init, scope=vs)
                outs = drop(outs, out_masks[l])
                inputs = outs
            last = inputs[-1]
        else:
            inputs = x_ph
            for l in range(L):
                scope = "" if L == 1 else "stack_bidirectional_rnn/cell_%d" % l
                fw, bw = make_cell(case["cell"], case.get("activation", "tanh")), make_cell(case["cell"], case.get("activation", "tanh"))
                with tf.compat.v1.variable_scope(scope) if scope else tf.compat.v1.variable_scope(tf.compat.v1.get_variable_scope()):
                    # static_bidirectional_rnn, with the backward cell's masks in its own time order.
                    with tf.compat.v1.variable_scope("bidirectional_rnn"):
                        with tf.compat.v1.variable_scope("fw") as fvs:
                            fo, fs = tf.compat.v1.nn.static_rnn(fw, drop(inputs, in_masks[2 * l]), dtype=tf.float32, scope=fvs)
                        with tf.compat.v1.variable_scope("bw") as bvs:
                            rev = drop(list(reversed(inputs)), in_masks[2 * l + 1])
                            bo, bs = tf.compat.v1.nn.static_rnn(bw, rev, dtype=tf.float32, scope=bvs)
                fo = drop(fo, out_masks[2 * l]); bo = drop(bo, out_masks[2 * l + 1])
                outs = [tf.concat([f, b], 1) for f, b in zip(fo, reversed(bo))]
                inputs = outs
            last = tf.concat([fo[-1], bo[-1]], 1)    # Keras's Bidirectional: both final outputs
        W = tf.compat.v1.get_variable("weights", [D * U, K]); bvar = tf.compat.v1.get_variable("biases", [K])
        logits = tf.matmul(last, W) + bvar
        loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=y_ph))
        tvars = tf.compat.v1.trainable_variables()
        grads = tf.gradients(loss, tvars + state_ph + x_ph)
        with tf.compat.v1.Session() as s:
            s.run(tf.compat.v1.global_variables_initializer())
            values = {}
            for v in tvars:
                val = f32(r.uniform(-0.6, 0.6, v.shape.as_list()))
                s.run(v.assign(val)); values[v.op.name] = val
            feed = {y_ph: onehot}
            feed.update({p: xs[t] for t, p in enumerate(x_ph)})
            states = [f32(r.normal(0, 0.5, (B, U))) for _ in state_ph]
            feed.update({p: v for p, v in zip(state_ph, states)})
            lg, ls, gr = s.run([logits, loss, grads], feed)
    nv = len(tvars)
    out = dict(case)
    out.update({"activation": case.get("activation", "tanh"), "keep_prob": keep, "labels": labels.tolist(), "inputs": arr(xs), "logits": arr(lg), "loss": float(ls),
                "variables": {k: arr(v) for k, v in values.items()},
                "grads": {v.op.name: arr(gv) for v, gv in zip(tvars, gr[:nv])},
                "initial_state": [arr(v) for v in states],
                "grad_initial_state": [arr(v) for v in gr[nv:nv + len(state_ph)]],
                "grad_inputs": arr(np.stack(gr[nv + len(state_ph):])),
                "input_masks": [arr(m) for m in in_masks] if keep < 1 else [],
                "output_masks": [arr(m) for m in out_masks] if keep < 1 else []})
    return out

def write(name, about, cases, first_seed):
    out = {"about": "TF %s: %s; batch %d, input %d, units %d, %d steps, %d classes. Made by scripts/tf_fixtures.py." % (tf.__version__, about, B, I, U, T, K),
           "batch": B, "input": I, "units": U, "steps": T, "classes": K,
           "cases": [run_case(c, first_seed + n) for n, c in enumerate(cases)]}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "RNNTests", "Fixtures", name)
    with open(path + ".tmp", "w") as f:
        json.dump(out, f)
        f.write("\n")
    os.replace(path + ".tmp", path)
    print("wrote", os.path.normpath(path), [c["name"] for c in out["cases"]])

write("tf_rnn_activations.json", "BasicRNNCell(activation=tf.nn.relu / tf.sigmoid) alone, in MultiRNNCell, bidirectional with DropoutWrapper masks",
      ACTIVATION_CASES, 3000)
if ONLY_ACTIVATIONS:
    sys.exit(0)

cells_out = {"about": "TF %s: GRUCell, BasicRNNCell, MultiRNNCell, static_bidirectional_rnn, DropoutWrapper masks; "
                      "batch %d, input %d, units %d, %d steps, %d classes. Made by scripts/tf_fixtures.py." % (tf.__version__, B, I, U, T, K),
             "batch": B, "input": I, "units": U, "steps": T, "classes": K,
             "cases": [run_case(c, 1000 + n) for n, c in enumerate(CASES)]}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "RNNTests", "Fixtures", "tf_cells.json")
with open(path + ".tmp", "w") as f:
    json.dump(cells_out, f)
    f.write("\n")
os.replace(path + ".tmp", path)
print("wrote", os.path.normpath(path), [c["name"] for c in cells_out["cases"]])
