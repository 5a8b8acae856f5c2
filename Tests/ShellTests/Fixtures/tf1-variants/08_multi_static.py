# Two stacked LSTM layers: MultiRNNCell([...]) unrolled by static_rnn.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/", one_hot=True)

n_hidden = 8
x = tf.placeholder("float", [None, 5, 6])
y = tf.placeholder("float", [None, 10])
xs = tf.unstack(x, 5, 1)
lstm_cells = [tf.contrib.rnn.BasicLSTMCell(n_hidden, forget_bias=1.0) for _ in range(2)]
stacked = tf.contrib.rnn.MultiRNNCell(lstm_cells)
outputs, states = tf.contrib.rnn.static_rnn(stacked, xs, dtype=tf.float32)
print(outputs[-1], len(states), states[1].h)
W = tf.Variable(tf.random_normal([n_hidden, 10]))
b = tf.Variable(tf.random_normal([10]))
pred = tf.matmul(outputs[-1], W) + b
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=pred, labels=y))
optimizer = tf.train.AdamOptimizer(learning_rate=0.01).minimize(cost)
correct_pred = tf.equal(tf.argmax(pred, 1), tf.argmax(y, 1))
accuracy = tf.reduce_mean(tf.cast(correct_pred, tf.float32))

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print([v.name for v in tf.trainable_variables()])
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    for step in range(3):
        bx, by = mnist.train.next_batch(8)
        _, c, acc = sess.run([optimizer, cost, accuracy], feed_dict={x: bx.reshape((8, 5, 6)), y: by})
        print("Iter", step, "Minibatch Loss=", c, "Training Accuracy=", acc)
    print("Testing Accuracy:", sess.run(accuracy, feed_dict={x: mnist.test.images.reshape((-1, 5, 6)), y: mnist.test.labels}))
    print(sess.run(states[0].c, feed_dict={x: mnist.test.images[:2].reshape((-1, 5, 6))}))
