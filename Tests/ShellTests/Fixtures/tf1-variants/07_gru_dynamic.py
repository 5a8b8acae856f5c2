# GRUCell through dynamic_rnn, class-id labels and sparse cross-entropy, outputs[:, -1, :].
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/", one_hot=True)

X = tf.placeholder(tf.float32, [None, 5, 6])
y = tf.placeholder(tf.int32, [None])
cell = tf.nn.rnn_cell.GRUCell(num_units=8)
outputs, states = tf.nn.dynamic_rnn(cell, X, dtype=tf.float32)
print(outputs, states)
W = tf.Variable(tf.random_normal([8, 10]))
b = tf.Variable(tf.zeros([10]))
logits = tf.matmul(outputs[:, -1, :], W) + b
loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))
train_op = tf.train.GradientDescentOptimizer(learning_rate=0.5).minimize(loss)

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

with tf.Session() as sess:
    tf.global_variables_initializer().run()
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    for step in range(3):
        bx, by = mnist.train.next_batch(8)
        feed = {X: bx.reshape(-1, 5, 6), y: np.argmax(by, 1)}
        l, _ = sess.run([loss, train_op], feed_dict=feed)
        print(step, l)
    print(sess.run(states, {X: mnist.test.images[:3].reshape(-1, 5, 6)}))
