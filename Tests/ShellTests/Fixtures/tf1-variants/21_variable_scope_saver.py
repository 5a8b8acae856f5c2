# As the TF1 tutorials of 2017-18 that shared and checkpointed their weights wrote them: the
# model built by a function inside tf.variable_scope("model"), its softmax layer made with
# tf.get_variable and initializers, a second copy for evaluation with reuse=True sharing every
# weight, tf.AUTO_REUSE and scope.reuse_variables(); then tf.train.Saver: saved after training,
# restored (through tf.train.latest_checkpoint) into a new session that trains on exactly as
# the first one did, Adam's slots included; tf.gradients of the cost by weights and inputs.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/", one_hot=True)

n_steps, n_input, n_hidden, n_classes = 5, 6, 8, 10
learning_rate = 0.01

x = tf.placeholder("float", [None, n_steps, n_input])
y = tf.placeholder("float", [None, n_classes])

def model(x, reuse=False):
    with tf.variable_scope("model", reuse=reuse):
        cell = tf.nn.rnn_cell.BasicLSTMCell(n_hidden)
        outputs, state = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)
        with tf.variable_scope("softmax"):
            W = tf.get_variable("W", [n_hidden, n_classes], initializer=tf.truncated_normal_initializer(stddev=0.1))
            b = tf.get_variable("b", [n_classes], initializer=tf.constant_initializer(0.1))
        return tf.matmul(state.h, W) + b, W, b

logits, W, b = model(x)
eval_logits, W2, b2 = model(x, reuse=True)
print(logits, eval_logits)
print(W, b, W2.name == W.name, b2.name)

cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=y))
optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate).minimize(cost)
correct = tf.equal(tf.argmax(eval_logits, 1), tf.argmax(y, 1))
accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
print([v.name for v in tf.trainable_variables()])
print([v.name for v in tf.global_variables()])

with tf.variable_scope("model") as scope:
    scope.reuse_variables()
    print(scope.name, scope.reuse, tf.get_variable("softmax/W").name, tf.get_variable_scope().reuse)
    with tf.variable_scope("inner", reuse=False):
        print(tf.get_variable_scope().name, tf.get_variable_scope().reuse)

def embedding(name):
    with tf.variable_scope("shared", reuse=tf.AUTO_REUSE):
        return tf.get_variable(name, [2, 3], initializer=tf.zeros_initializer())
print(embedding("e").name, embedding("e").name, embedding("f").name)

with tf.variable_scope("extra"):
    steps = tf.get_variable("steps", [], dtype=tf.int32, initializer=tf.zeros_initializer(), trainable=False)
    scale = tf.get_variable("scale", [4], initializer=tf.constant_initializer([1.0, 2.0]))
    start = tf.get_variable("start", initializer=tf.constant([[1.0, 2.0], [3.0, 4.0]]))
    glorot = tf.get_variable("glorot", [30, 20])
    print(steps, scale, start, glorot, tf.add(start, 1.0))

for attempt in [lambda: tf.get_variable("model/softmax/W", [n_hidden, n_classes]),
                lambda: tf.get_variable("extra/scale", [5])]:
    try:
        attempt()
    except ValueError as e:
        print("ValueError:", str(e).split("?")[0])
with tf.variable_scope("model", reuse=True):
    try:
        tf.get_variable("softmax/bias")
    except ValueError as e:
        print("ValueError:", e)
    try:
        tf.get_variable("softmax/W", [n_classes, n_hidden])
    except ValueError as e:
        print("ValueError:", e)
try:
    tf.get_variable("unknown")
except ValueError as e:
    print("ValueError:", e)
try:
    tf.get_variable("too_many", [2], initializer=tf.constant_initializer([1.0, 2.0, 3.0]))
except ValueError as e:
    print("ValueError:", e)
try:
    with tf.variable_scope("model"):
        tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicLSTMCell(n_hidden), x, dtype=tf.float32)
except ValueError as e:
    print("ValueError:", str(e).split("?")[0])

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

init = tf.global_variables_initializer()
saver = tf.train.Saver()
X_test = mnist.test.images.reshape((-1, n_steps, n_input))
y_test = mnist.test.labels

with tf.Session() as sess:
    sess.run(init)
    print(sess.run(b), sess.run(steps), sess.run(scale))
    print(sess.run(start))
    print(np.abs(sess.run(W)).max() <= 0.2, np.abs(sess.run(glorot)).max() <= np.sqrt(6.0 / 50), sess.run(glorot).shape)
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    for step in range(3):
        batch_x, batch_y = mnist.train.next_batch(8)
        batch_x = batch_x.reshape((-1, n_steps, n_input))
        _, c = sess.run([optimizer, cost], feed_dict={x: batch_x, y: batch_y})
        print("Step", step, "cost:", c)
    save_path = saver.save(sess, "./rnn_model.ckpt")
    print("Model saved in file: %s" % save_path)
    adam = [v for v in tf.global_variables() if v.name in ("beta1_power:0", "model/softmax/b/Adam:0")]
    print([v.name for v in adam], sess.run(adam))
    for step in range(3, 5):
        batch_x, batch_y = mnist.train.next_batch(8)
        batch_x = batch_x.reshape((-1, n_steps, n_input))
        _, c = sess.run([optimizer, cost], feed_dict={x: batch_x, y: batch_y})
        print("Step", step, "cost:", c)
    print("Accuracy:", accuracy.eval({x: X_test, y: y_test}))
    print(saver.save(sess, "./rnn_model.ckpt", global_step=5))

with tf.Session() as sess:
    saver.restore(sess, "./rnn_model.ckpt")
    print("Model restored.")
    print(sess.run(adam))
    for step in range(3, 5):
        batch_x, batch_y = mnist.train.next_batch(8)
        batch_x = batch_x.reshape((-1, n_steps, n_input))
        _, c = sess.run([optimizer, cost], feed_dict={x: batch_x, y: batch_y})
        print("Step", step, "cost:", c)
    print("Accuracy:", accuracy.eval({x: X_test, y: y_test}))
    grads = tf.gradients(cost, [W, b, x])
    print(len(grads), tf.gradients(cost, [steps]))
    gW, gb, gx = sess.run(grads, feed_dict={x: batch_x, y: batch_y})
    print(gb)
    print(gW.shape, np.abs(gW).sum(), gx.shape, np.abs(gx).sum())
    latest = tf.train.latest_checkpoint("./")
    print(latest)
    saver.restore(sess, latest)
    print("Accuracy:", accuracy.eval({x: X_test, y: y_test}), sess.run(steps))
    try:
        saver.restore(sess, "./no_such_model.ckpt")
    except ValueError as e:
        print("ValueError:", e)
