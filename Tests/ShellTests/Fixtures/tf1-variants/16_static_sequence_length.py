# static_rnn with sequence_length over a stacked LSTMCell+GRUCell: every step's output feeds the
# loss (summed), so gradients enter finished rows at steps whose outputs are constant zeros.
# TF1 wraps each step in a cond: outputs rnn/cond_t/Merge:0, final state rnn/cond_4/Merge_k:0.
import numpy as np
import tensorflow as tf
from tensorflow.contrib import rnn
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/", one_hot=True)

n_steps, n_input, n_classes = 5, 6, 10
x = tf.placeholder("float", [None, n_steps, n_input])
y = tf.placeholder("float", [None, n_classes])
seqlen = tf.placeholder(tf.int32, [None])
xs = tf.unstack(x, n_steps, 1)
cell = rnn.MultiRNNCell([rnn.LSTMCell(4), rnn.GRUCell(3)])
outputs, states = rnn.static_rnn(cell, xs, dtype=tf.float32, sequence_length=seqlen)
print(outputs[0], outputs[-1])
print(states)
total = outputs[0]
for o in outputs[1:]:
    total = total + o
W = tf.Variable(tf.random_normal([3, n_classes]))
b = tf.Variable(tf.random_normal([n_classes]))
pred = tf.matmul(total, W) + b
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=pred, labels=y))
train = tf.train.GradientDescentOptimizer(learning_rate=0.5).minimize(cost)

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    # The test split's first 8 images: rows have their own lengths, so their order matters
    # (next_batch shuffles with another stream in rnnsh).
    bx, by = mnist.test.images[:8], mnist.test.labels[:8]
    bx = bx.reshape((-1, n_steps, n_input))
    bl = np.array([5, 4, 3, 2, 1, 0, 5, 3])
    for step in range(4):
        _, c = sess.run([train, cost], feed_dict={x: bx, y: by, seqlen: bl})
        print(step, c)
    out, st = sess.run([outputs[-1], states[1]], feed_dict={x: bx, seqlen: bl})
    print(out)
    print(st)
