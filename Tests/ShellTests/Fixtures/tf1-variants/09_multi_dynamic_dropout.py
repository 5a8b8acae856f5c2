# Stacked LSTMs with dropout on each layer's output (DropoutWrapper(output_keep_prob=...))
# through dynamic_rnn; keep_prob is fed: 1.0 for the compared numbers.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/", one_hot=True)

x = tf.placeholder(tf.float32, [None, 5, 6])
y = tf.placeholder(tf.float32, [None, 10])
keep_prob = tf.placeholder(tf.float32)

def lstm_cell():
    cell = tf.contrib.rnn.BasicLSTMCell(8)
    return tf.contrib.rnn.DropoutWrapper(cell, output_keep_prob=keep_prob)

cell = tf.contrib.rnn.MultiRNNCell([lstm_cell() for _ in range(2)], state_is_tuple=True)
outputs, state = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)
print(outputs, state[1].c)
output = tf.transpose(outputs, [1, 0, 2])[-1]
W = tf.Variable(tf.truncated_normal([8, 10], stddev=0.1))
b = tf.Variable(tf.constant(0.1, shape=[10]))
logits = tf.matmul(output, W) + b
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits))
train_step = tf.train.AdamOptimizer(1e-2).minimize(loss)
accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), tf.argmax(y, 1)), tf.float32))

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    for i in range(3):
        batch = mnist.train.next_batch(8)
        feed = {x: batch[0].reshape((-1, 5, 6)), y: batch[1], keep_prob: 1.0}
        train_step.run(feed_dict=feed)
        print("step %d, training loss %g" % (i, loss.eval(feed_dict=feed)))
    dropped = sess.run(outputs, {x: batch[0].reshape((-1, 5, 6)), keep_prob: 0.5})
    print(dropped.shape, dropped.dtype)
    print("test accuracy %g" % accuracy.eval(feed_dict={x: mnist.test.images.reshape((-1, 5, 6)), y: mnist.test.labels, keep_prob: 1.0}))
