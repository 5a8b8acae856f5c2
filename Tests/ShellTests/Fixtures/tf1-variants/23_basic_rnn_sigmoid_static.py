# BasicRNNCell(8, tf.sigmoid) (the activation passed positionally) unrolled by static_rnn over
# tf.unstack: its step outputs are the cell's Sigmoid ops; a softmax readout trained by
# gradient descent, as 10_basic_rnn_static.py does with the default tanh.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
from tensorflow.contrib import rnn
mnist = input_data.read_data_sets("data/", one_hot=True)

x = tf.placeholder(tf.float32, [None, 5, 6])
y_ = tf.placeholder(tf.float32, [None, 10])
xs = tf.unstack(x, 5, 1)
cell = rnn.BasicRNNCell(8, tf.sigmoid)
outputs, state = rnn.static_rnn(cell, xs, dtype=tf.float32)
print(outputs[0], outputs[-1], state)
W = tf.Variable(tf.truncated_normal([8, 10], stddev=0.1))
b = tf.Variable(tf.constant(0.1, shape=[10]))
y = tf.nn.softmax(tf.matmul(outputs[-1], W) + b)
cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))
train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i, v in enumerate(tf.trainable_variables()):
    sess.run(v.assign(fixed(v, i)))
for i in range(4):
    batch_xs, batch_ys = mnist.train.next_batch(8)
    sess.run(train_step, feed_dict={x: batch_xs.reshape(-1, 5, 6), y_: batch_ys})
    print(i, sess.run(cross_entropy, feed_dict={x: batch_xs.reshape(-1, 5, 6), y_: batch_ys}))
print(sess.run(outputs[-1], feed_dict={x: mnist.test.images[:2].reshape(-1, 5, 6)}))
