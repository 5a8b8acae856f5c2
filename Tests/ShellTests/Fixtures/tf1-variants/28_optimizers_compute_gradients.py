# The optimizers TF1 tutorials trained their RNNs with besides Adam and plain gradient descent
# (MomentumOptimizer with and without Nesterov, RMSPropOptimizer with its defaults and with
# momentum, AdagradOptimizer), each driven the long way: compute_gradients, every gradient
# clipped with tf.clip_by_norm or tf.clip_by_value, apply_gradients with a global step.
import numpy as np
import tensorflow as tf

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

bx = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [-1.0, 1.0, 0.75], [0.0, -0.5, 1.25]], np.float32)
by = np.array([0, 2, 1, 2], np.int32)
x = tf.placeholder(tf.float32, [None, 3])
y = tf.placeholder(tf.int32, [None])
h = tf.layers.dense(x, 4, activation=tf.tanh)
logits = tf.layers.dense(h, 3)
unused = tf.Variable(tf.zeros([2]), name="unused")
cost = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))
step = tf.Variable(0, trainable=False, name="step")
optimizers = [tf.train.MomentumOptimizer(0.1, 0.9), tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True),
              tf.train.RMSPropOptimizer(0.01), tf.train.RMSPropOptimizer(0.01, decay=0.8, momentum=0.5, epsilon=1e-6),
              tf.train.AdagradOptimizer(0.3), tf.train.AdagradOptimizer(0.3, initial_accumulator_value=1.0),
              tf.train.AdamOptimizer(tf.train.exponential_decay(0.05, step, 2, 0.7))]
train_ops = []
for k, opt in enumerate(optimizers):
    gvs = opt.compute_gradients(cost)
    print(opt.get_name(), [v.name for g, v in gvs if g is None])
    if k % 2:
        capped = [(tf.clip_by_value(g, -0.2, 0.2), v) for g, v in gvs if g is not None]
    else:
        capped = [(tf.clip_by_norm(g, 0.5), v) for g, v in gvs if g is not None]
    train_ops.append(opt.apply_gradients(capped, global_step=step))
print([t.name for t in train_ops])
print([v.name for v in tf.global_variables()])
with tf.Session() as sess:
    for k, train in enumerate(train_ops):
        sess.run(tf.global_variables_initializer())
        for i, v in enumerate(tf.trainable_variables()):
            sess.run(v.assign(fixed(v, i)))
        losses = []
        for i in range(6):
            _, c = sess.run([train, cost], {x: bx, y: by})
            losses.append(c)
        print(k, " ".join("%.6f" % c for c in losses), sess.run(step))
        print(sess.run(tf.trainable_variables()[2]))
    print(sess.run(tf.global_variables()[-6]))

# Gradients through the clipping ops themselves: a tensor longer than the bound, one shorter.
z = tf.Variable([[0.6, -0.8], [1.5, 0.5]], name="z")
s = tf.Variable([0.1, -0.2, 0.2], name="s")
zc = tf.clip_by_norm(z, 1.0)
gc, gn = tf.clip_by_global_norm([z, z * 2.0, None, s], 2.0)
q = tf.reduce_sum(zc * [[1.0, 2.0], [3.0, 4.0]]) + tf.reduce_sum(gc[1] * [[0.5, -1.0], [2.0, 1.0]])
q = q + tf.reduce_sum(tf.clip_by_norm(s, 1.0) * [1.0, -2.0, 3.0]) + tf.global_norm([s, None])
print(zc, gn, gc[2], gc[3])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run([zc, gn]))
    for g in sess.run(tf.gradients(q, [z, s])):
        print(g)
