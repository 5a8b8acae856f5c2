# Hands-On Machine Learning's stacked LSTM (chapter 14): MultiRNNCell of BasicLSTMCells, the top
# layer's h state (states[-1][1]) through tf.layers.dense(..., name="softmax"), a dense layer
# with an activation, tf.nn.relu and tf.concat(axis=1, values=...) of the layers' states.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/")

n_steps, n_inputs, n_neurons, n_outputs, n_layers = 5, 6, 8, 10, 2
X = tf.placeholder(tf.float32, [None, n_steps, n_inputs])
y = tf.placeholder(tf.int32, [None])
lstm_cells = [tf.contrib.rnn.BasicLSTMCell(num_units=n_neurons) for layer in range(n_layers)]
multi_cell = tf.contrib.rnn.MultiRNNCell(lstm_cells)
outputs, states = tf.nn.dynamic_rnn(multi_cell, X, dtype=tf.float32)
top_layer_h_state = states[-1][1]
both = tf.concat(axis=1, values=[states[0].h, top_layer_h_state])
hidden = tf.layers.dense(both, 12, activation=tf.nn.relu)
squashed = tf.layers.dense(hidden, 6, activation=tf.tanh, use_bias=False)
logits = tf.layers.dense(tf.nn.relu(squashed), n_outputs, name="softmax")
print(top_layer_h_state, both, hidden, squashed, logits)
xentropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits)
loss = tf.reduce_mean(xentropy, name="loss")
training_op = tf.train.AdamOptimizer(learning_rate=0.01).minimize(loss)
correct = tf.nn.in_top_k(logits, y, 1)
accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
init = tf.global_variables_initializer()

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

with tf.Session() as sess:
    init.run()
    print([(v.name, v.get_shape().as_list()) for v in tf.trainable_variables()])
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    X_batch, y_batch = mnist.train.next_batch(8)
    X_batch = X_batch.reshape((-1, n_steps, n_inputs))
    for epoch in range(4):
        _, l = sess.run([training_op, loss], feed_dict={X: X_batch, y: y_batch})
        print(epoch, l, accuracy.eval(feed_dict={X: X_batch, y: y_batch}))
    print(sess.run(hidden, feed_dict={X: mnist.test.images[:2].reshape((-1, n_steps, n_inputs))}))
    print(sess.run(squashed, feed_dict={X: mnist.test.images[:2].reshape((-1, n_steps, n_inputs))}))
