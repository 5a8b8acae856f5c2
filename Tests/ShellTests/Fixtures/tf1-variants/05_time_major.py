# dynamic_rnn time-major (time_major=True) with BasicRNNCell and plain gradient descent; the
# last output is outputs[-1].
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/", one_hot=True)

x = tf.placeholder(tf.float32, [None, 5, 6])
y = tf.placeholder(tf.float32, [None, 10])
inputs = tf.transpose(x, [1, 0, 2])
cell = tf.contrib.rnn.BasicRNNCell(8)
outputs, final_state = tf.nn.dynamic_rnn(cell, inputs, dtype=tf.float32, time_major=True)
print(outputs, final_state)

W = tf.Variable(tf.random_normal([8, 10], stddev=0.1))
b = tf.Variable(tf.zeros([10]))
logits = tf.matmul(outputs[-1], W) + b
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=y))
train = tf.train.GradientDescentOptimizer(0.3).minimize(cost)
accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), tf.argmax(y, 1)), tf.float32))

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    for step in range(4):
        bx, by = mnist.train.next_batch(8)
        _, c = sess.run([train, cost], feed_dict={x: bx.reshape(-1, 5, 6), y: by})
        print(step, c)
    print(sess.run(accuracy, feed_dict={x: mnist.test.images.reshape(-1, 5, 6), y: mnist.test.labels}))
    print(sess.run(final_state, feed_dict={x: mnist.test.images[:2].reshape(-1, 5, 6)}))
