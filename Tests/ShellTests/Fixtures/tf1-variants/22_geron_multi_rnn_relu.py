# Hands-On Machine Learning's multi-layer RNN (chapter 14): a MultiRNNCell of three
# BasicRNNCell(activation=tf.nn.relu) run by dynamic_rnn, the layers' final states concatenated
# (tf.concat(axis=1, values=states)) into tf.layers.dense, sparse cross-entropy, Adam.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/")

n_steps, n_inputs, n_neurons, n_outputs, n_layers = 5, 6, 8, 10, 3
X = tf.placeholder(tf.float32, [None, n_steps, n_inputs])
y = tf.placeholder(tf.int32, [None])
layers = [tf.contrib.rnn.BasicRNNCell(num_units=n_neurons, activation=tf.nn.relu)
          for layer in range(n_layers)]
multi_layer_cell = tf.contrib.rnn.MultiRNNCell(layers)
outputs, states = tf.nn.dynamic_rnn(multi_layer_cell, X, dtype=tf.float32)
states_concat = tf.concat(axis=1, values=states)
logits = tf.layers.dense(states_concat, n_outputs)
print(outputs, states_concat, logits)
xentropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits)
loss = tf.reduce_mean(xentropy)
optimizer = tf.train.AdamOptimizer(learning_rate=0.01)
training_op = optimizer.minimize(loss)
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
    for epoch in range(5):
        _, l = sess.run([training_op, loss], feed_dict={X: X_batch, y: y_batch})
        print(epoch, l, accuracy.eval(feed_dict={X: X_batch, y: y_batch}))
    print(sess.run(states_concat, feed_dict={X: mnist.test.images[:2].reshape((-1, n_steps, n_inputs))}))
