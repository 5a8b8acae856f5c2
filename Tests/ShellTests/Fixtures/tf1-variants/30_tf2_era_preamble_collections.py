# TF1 code as it is run today: the TF 2 preamble (`import tensorflow.compat.v1 as tf`,
# `tf.disable_v2_behavior()`, logging quieted), then a GRU sequence model whose training step is
# `tf.group(minimize, assign_add)`, variables found through collections and scopes, and variables
# initialized one by one (`sess.run(v.initializer)`, `tf.variables_initializer`).
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()
tf.compat.v1.disable_eager_execution()
tf.logging.set_verbosity(tf.logging.ERROR)
tf.logging.info("not shown at ERROR")
print(tf.executing_eagerly(), tf.logging.get_verbosity(), tf.logging.INFO, tf.logging.DEBUG, tf.logging.FATAL)
tf.random.set_random_seed(3)

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.25 * np.sin(0.41 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

steps, features, units, classes = 4, 3, 5, 2
x = tf.placeholder(tf.float32, [None, steps, features], name="x")
y = tf.placeholder(tf.int32, [None], name="y")
with tf.variable_scope("encoder"):
    cell = tf.nn.rnn_cell.GRUCell(units)
    outputs, state = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)
with tf.variable_scope("head"):
    w = tf.get_variable("w", [units, classes])
    b = tf.get_variable("b", [classes], initializer=tf.zeros_initializer())
logits = tf.matmul(state, w) + b
loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))
global_step = tf.train.get_or_create_global_step()
minimize = tf.train.AdamOptimizer(0.05).minimize(loss, global_step=global_step)
seen = tf.Variable(0.0, trainable=False, name="seen")
count = tf.assign_add(seen, tf.cast(tf.shape(x)[0], tf.float32))
train_op = tf.group(minimize, count, name="train")
print(train_op)
print(tf.no_op(name="nothing"))

print([v.name for v in tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES)])
print([v.name for v in tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope="encoder")])
print([v.name for v in tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, "head")])
print([v.name for v in tf.get_collection(tf.GraphKeys.GLOBAL_STEP)], [o.name for o in tf.get_collection(tf.GraphKeys.TRAIN_OP)])
print(tf.get_collection(tf.GraphKeys.UPDATE_OPS), tf.get_collection("nothing here"))
tf.add_to_collection("logits", logits)
tf.add_to_collections(["mine", "yours"], 7)
print(tf.get_collection("logits")[0] is logits, tf.get_collection("mine"), tf.get_collection("yours"))

rows = np.array([[[np.cos(0.3 * (r + 2 * t + f)) for f in range(features)] for t in range(steps)] for r in range(6)], np.float32)
labels = np.array([r % 2 for r in range(6)], np.int32)
with tf.Session() as sess:
    for v in tf.trainable_variables():
        sess.run(v.initializer)
    print("initializers run:", w.initializer.name, w.initializer.type)
    sess.run(tf.variables_initializer([global_step, seen] + tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, "beta")))
    sess.run(tf.variables_initializer([v for v in tf.global_variables() if "Adam" in v.name or "power" in v.name]))
    sess.run(tf.local_variables_initializer())
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    for step in range(6):
        _, l = sess.run([train_op, loss], {x: rows, y: labels})
        print("step %d loss %.6f" % (step, l))
    print(sess.run([global_step, seen]))
    print(sess.run([seen.assign_add(0.5), seen.assign_sub(2.0)]), sess.run(seen))
    print(sess.run(tf.assign_sub(seen, 1.0, name="down")), sess.run(tf.group()))
    print(np.round(sess.run(tf.nn.softmax(logits), {x: rows}), 5))
