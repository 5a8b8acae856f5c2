# Hands-On Machine Learning ch. 14, "Handling variable length input sequences": dynamic_rnn with
# sequence_length. A finished row's outputs are zeros and its state stays the one after its last
# step. Then a stacked LSTM+GRU classifier on the tiny MNIST rows, each image cut to its own
# length, trained with Adam on the final state.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

n_steps, n_inputs, n_neurons = 2, 3, 5
X = tf.placeholder(tf.float32, [None, n_steps, n_inputs])
seq_length = tf.placeholder(tf.int32, [None])
basic_cell = tf.contrib.rnn.BasicRNNCell(num_units=n_neurons)
outputs, states = tf.nn.dynamic_rnn(basic_cell, X, dtype=tf.float32, sequence_length=seq_length)
print(outputs, states)
init = tf.global_variables_initializer()
X_batch = np.array([
    # step 0     step 1
    [[0, 1, 2], [9, 8, 7]],  # instance 1
    [[3, 4, 5], [0, 0, 0]],  # instance 2 (padded with zero vectors)
    [[6, 7, 8], [6, 5, 4]],  # instance 3
    [[9, 0, 1], [3, 2, 1]],  # instance 4
])
seq_length_batch = np.array([2, 1, 2, 2])
with tf.Session() as sess:
    init.run()
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    outputs_val, states_val = sess.run([outputs, states], feed_dict={X: X_batch, seq_length: seq_length_batch})
print(outputs_val)
print(states_val)

mnist = input_data.read_data_sets("data/", one_hot=True)
tf.reset_default_graph()
n_steps, n_inputs, n_classes = 5, 6, 10
x = tf.placeholder(tf.float32, [None, n_steps, n_inputs])
y = tf.placeholder(tf.float32, [None, n_classes])
lengths = tf.placeholder(tf.int32, [None])
cell = tf.nn.rnn_cell.MultiRNNCell([tf.nn.rnn_cell.BasicLSTMCell(7), tf.nn.rnn_cell.GRUCell(6)])
outputs, (lstm_state, gru_state) = tf.nn.dynamic_rnn(cell, x, sequence_length=lengths, dtype=tf.float32)
print(outputs, lstm_state.c, gru_state)
W = tf.Variable(tf.random_normal([6, n_classes]))
b = tf.Variable(tf.random_normal([n_classes]))
logits = tf.matmul(gru_state, W) + b + tf.reduce_sum(outputs, axis=1)[:, :1]
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=y))
optimizer = tf.train.AdamOptimizer(learning_rate=0.05).minimize(cost)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    # The test split's first 8 images: rows have their own lengths, so their order matters
    # (next_batch shuffles with another stream in rnnsh).
    bx, by = mnist.test.images[:8], mnist.test.labels[:8]
    bx = bx.reshape((-1, n_steps, n_inputs))
    bl = [5, 3, 0, 1, 5, 7, 2, 4]
    for epoch in range(4):
        _, c = sess.run([optimizer, cost], feed_dict={x: bx, y: by, lengths: bl})
        print('Epoch', epoch, 'loss:', c)
    o, s = sess.run([outputs, lstm_state], feed_dict={x: bx[:4], lengths: bl[:4]})
    print(o[:, :, 0])
    print(s.c)
