# dynamic_rnn batch-major, the outputs transposed to time-major and the last one taken,
# truncated_normal weights with a constant bias, tf.nn.rnn_cell.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/", one_hot=True)

steps, width, hidden, classes = 5, 6, 8, 10
data = tf.placeholder(tf.float32, [None, steps, width])
target = tf.placeholder(tf.float32, [None, classes])

cell = tf.nn.rnn_cell.BasicLSTMCell(hidden, state_is_tuple=True)
val, state = tf.nn.dynamic_rnn(cell, data, dtype=tf.float32)
val = tf.transpose(val, [1, 0, 2])
last = val[-1]
print(val, last, state.c)

weight = tf.Variable(tf.truncated_normal([hidden, classes], stddev=0.1))
bias = tf.Variable(tf.constant(0.1, shape=[classes]))
prediction = tf.nn.softmax(tf.matmul(last, weight) + bias)
cross_entropy = -tf.reduce_sum(target * tf.log(tf.clip_by_value(prediction, 1e-10, 1.0)))
minimize = tf.train.AdamOptimizer().minimize(cross_entropy)
mistakes = tf.not_equal(tf.argmax(target, 1), tf.argmax(prediction, 1))
error = tf.reduce_mean(tf.cast(mistakes, tf.float32))

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

sess = tf.Session()
sess.run(tf.global_variables_initializer())
for i, v in enumerate(tf.trainable_variables()):
    sess.run(v.assign(fixed(v, i)))
for i in range(3):
    inp, out = mnist.train.next_batch(8)
    sess.run(minimize, {data: inp.reshape(-1, steps, width), target: out})
    print('Epoch {:2d} cross entropy {:.5f}'.format(i + 1, sess.run(cross_entropy, {data: inp.reshape(-1, steps, width), target: out})))
incorrect = sess.run(error, {data: mnist.test.images.reshape(-1, steps, width), target: mnist.test.labels})
print('error {:3.1f}%'.format(100 * incorrect))
sess.close()
