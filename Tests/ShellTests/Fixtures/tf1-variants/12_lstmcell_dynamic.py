# tf.nn.rnn_cell.LSTMCell(num_units=, state_is_tuple=True) run by dynamic_rnn; the last output
# through a dense layer, trained with gradient descent; the final state fetched as a tuple.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/", one_hot=True)

n_steps, n_inputs, n_neurons, n_outputs = 5, 6, 8, 10
X = tf.placeholder(tf.float32, [None, n_steps, n_inputs])
y = tf.placeholder(tf.float32, [None, n_outputs])
cell = tf.nn.rnn_cell.LSTMCell(num_units=n_neurons, state_is_tuple=True)
print(cell.state_size, cell.output_size)
outputs, state = tf.nn.dynamic_rnn(cell, X, dtype=tf.float32)
print(outputs, state.h)
W = tf.Variable(tf.random_normal([n_neurons, n_outputs]))
b = tf.Variable(tf.zeros([n_outputs]))
logits = tf.matmul(state.h, W) + b
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits))
train_op = tf.train.GradientDescentOptimizer(0.5).minimize(loss)

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print([v.name for v in tf.global_variables()])
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    bx, by = mnist.train.next_batch(8)
    bx = bx.reshape((-1, n_steps, n_inputs))
    for step in range(4):
        _, l = sess.run([train_op, loss], feed_dict={X: bx, y: by})
        print(step, l)
    c, h = sess.run(state, feed_dict={X: mnist.test.images[:2].reshape((-1, n_steps, n_inputs))})
    print(c)
    print(h)
