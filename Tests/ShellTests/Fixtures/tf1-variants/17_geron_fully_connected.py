# Hands-On Machine Learning (1st edition, 2017) ch. 14, "Training a sequence classifier": a
# BasicRNNCell run by dynamic_rnn, its final state through contrib's fully_connected (no
# activation), sparse cross-entropy, Adam, and in_top_k accuracy on the test set, as the book
# wrote it. Then fully_connected's names: a named scope, the default relu, no bias.
import numpy as np
import tensorflow as tf
from tensorflow.contrib.layers import fully_connected
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/")

n_steps = 5
n_inputs = 6
n_neurons = 15
n_outputs = 10
learning_rate = 0.01

X = tf.placeholder(tf.float32, [None, n_steps, n_inputs])
y = tf.placeholder(tf.int32, [None])
basic_cell = tf.contrib.rnn.BasicRNNCell(num_units=n_neurons)
outputs, states = tf.nn.dynamic_rnn(basic_cell, X, dtype=tf.float32)
logits = fully_connected(states, n_outputs, activation_fn=None)
xentropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits)
loss = tf.reduce_mean(xentropy)
optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate)
training_op = optimizer.minimize(loss)
correct = tf.nn.in_top_k(logits, y, 1)
accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
print(logits, accuracy)

hidden = fully_connected(states, 4, scope="hidden")
print(hidden, fully_connected(hidden, 3, biases_initializer=None), tf.contrib.layers.fully_connected(hidden, 2, activation_fn=tf.nn.softmax))
print([(v.name, v.get_shape().as_list()) for v in tf.trainable_variables()])
init = tf.global_variables_initializer()

X_test = mnist.test.images.reshape((-1, n_steps, n_inputs))
y_test = mnist.test.labels

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

n_epochs = 5
batch_size = 8
with tf.Session() as sess:
    init.run()
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    for epoch in range(n_epochs):
        for iteration in range(mnist.train.num_examples // batch_size):
            X_batch, y_batch = mnist.train.next_batch(batch_size)
            X_batch = X_batch.reshape((-1, n_steps, n_inputs))
            sess.run(training_op, feed_dict={X: X_batch, y: y_batch})
        acc_train = accuracy.eval(feed_dict={X: X_batch, y: y_batch})
        acc_test = accuracy.eval(feed_dict={X: X_test, y: y_test})
        print(epoch, "Train accuracy:", acc_train, "Test accuracy:", acc_test, "loss:", loss.eval(feed_dict={X: X_test, y: y_test}))
    print(sess.run(hidden, feed_dict={X: X_test[:3]}))
