# BasicRNNCell unrolled by rnn.static_rnn over tf.split(x, n, 0) (the new signature), a
# softmax readout, weights from tf.truncated_normal, a bias from tf.constant.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
from tensorflow.python.ops import rnn, rnn_cell
mnist = input_data.read_data_sets("data/", one_hot=True)

x = tf.placeholder(tf.float32, [None, 5, 6])
y_ = tf.placeholder(tf.float32, [None, 10])
xt = tf.reshape(tf.transpose(x, [1, 0, 2]), [-1, 6])
xs = tf.split(xt, 5, 0)
cell = rnn_cell.BasicRNNCell(8)
outputs, state = rnn.static_rnn(cell, xs, dtype=tf.float32)
print(outputs[-1], state)
W = tf.Variable(tf.truncated_normal([8, 10], stddev=0.1))
b = tf.Variable(tf.constant(0.1, shape=[10]))
y = tf.nn.softmax(tf.matmul(outputs[-1], W) + b)
cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))
train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)
correct_prediction = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

sess = tf.Session()
sess.run(tf.initialize_all_variables())
for i, v in enumerate(tf.trainable_variables()):
    sess.run(v.assign(fixed(v, i)))
for i in range(4):
    batch_xs, batch_ys = mnist.train.next_batch(8)
    sess.run(train_step, feed_dict={x: batch_xs.reshape(-1, 5, 6), y_: batch_ys})
    print(i, sess.run(cross_entropy, feed_dict={x: batch_xs.reshape(-1, 5, 6), y_: batch_ys}))
print(sess.run(accuracy, feed_dict={x: mnist.test.images.reshape(-1, 5, 6), y_: mnist.test.labels}))
print(sess.run(y, feed_dict={x: mnist.test.images[:1].reshape(-1, 5, 6)}))
