# dynamic_rnn over [batch, time, input], the last step taken as outputs[:, -1, :], class ids
# with sparse_softmax_cross_entropy_with_logits, sess.run with a dict of fetches.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/", one_hot=True)

n_steps, n_inputs, n_neurons, n_outputs = 5, 6, 8, 10

X = tf.placeholder(tf.float32, [None, n_steps, n_inputs])
y = tf.placeholder(tf.int64, [None])

cell = tf.nn.rnn_cell.BasicLSTMCell(num_units=n_neurons)
outputs, states = tf.nn.dynamic_rnn(cell, X, dtype=tf.float32)
last = outputs[:, -1, :]
print(outputs, last)

W = tf.Variable(tf.random_normal([n_neurons, n_outputs]))
b = tf.Variable(tf.zeros([n_outputs]))
logits = tf.matmul(last, W) + b
xentropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits)
loss = tf.reduce_mean(xentropy)
training_op = tf.train.AdamOptimizer(learning_rate=0.01).minimize(loss)
correct = tf.equal(tf.argmax(logits, 1), y)
accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
print(xentropy, accuracy)

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

init = tf.global_variables_initializer()
with tf.Session() as sess:
    init.run()
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    for epoch in range(3):
        X_batch, y_batch = mnist.train.next_batch(8)
        X_batch = X_batch.reshape((-1, n_steps, n_inputs))
        y_batch = np.argmax(y_batch, axis=1)
        out = sess.run({'train': training_op, 'loss': loss, 'acc': accuracy}, feed_dict={X: X_batch, y: y_batch})
        print(epoch, "loss:", out['loss'], "train accuracy:", out['acc'])
    X_test = mnist.test.images[:10].reshape((-1, n_steps, n_inputs))
    y_test = np.argmax(mnist.test.labels[:10], axis=1)
    print("test accuracy:", accuracy.eval(feed_dict={X: X_test, y: y_test}))
    print(xentropy.eval(feed_dict={X: X_test, y: y_test}))
