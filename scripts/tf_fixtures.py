"""Reference fixtures for Tests/RNNTests, made with TensorFlow 1.x semantics (tf.compat.v1).

Runs in a venv with tensorflow-cpu 2.21 + tf-keras (see ../shared/peers/README.txt):
    TF_USE_LEGACY_KERAS=1 /work/tfvenv/bin/python scripts/tf_fixtures.py
Writes Tests/RNNTests/Fixtures/tf_lstm.json. Tests never need TensorFlow: they read this file.

The case: BasicLSTMCell(4, forget_bias=1.0), batch 3, input 5, 6 steps, static_rnn from a given
(c0, h0), a dense layer 4 -> 3 on the last output, mean softmax cross-entropy with logits;
then 5 Adam steps on the same batch from the zero state (the model's training path).
Every array is stored as {"shape": [...], "data": [row-major float32 values as JSON numbers]};
float32 -> Python float is exact, so the values round-trip bit for bit.
"""
import json, os
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
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "RNNTests", "Fixtures", "tf_lstm.json")
tmp = path + ".tmp"
with open(tmp, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
os.replace(tmp, path)
print("wrote", os.path.normpath(path), "loss", float(ls))
