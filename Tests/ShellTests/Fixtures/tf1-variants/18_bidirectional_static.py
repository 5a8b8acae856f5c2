# aymericdamien's TensorFlow-Examples bidirectional_rnn.py (TF 1.x): a forward and a backward
# BasicLSTMCell over the image rows (rnn.static_bidirectional_rnn), the last step's concatenated
# outputs through a linear layer, gradient descent; then TF 0.x's spelling of the same
# (tensorflow.models.rnn's bidirectional_rnn, over tf.split(0, n, x)) with GRU cells.
from __future__ import print_function
import numpy as np
import tensorflow as tf
from tensorflow.contrib import rnn
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/", one_hot=True)

learning_rate = 0.5
training_steps = 4
batch_size = 8
display_step = 1
num_input = 6
timesteps = 5
num_hidden = 4
num_classes = 10

X = tf.placeholder("float", [None, timesteps, num_input])
Y = tf.placeholder("float", [None, num_classes])
weights = {'out': tf.Variable(tf.random_normal([2*num_hidden, num_classes]))}
biases = {'out': tf.Variable(tf.random_normal([num_classes]))}

def BiRNN(x, weights, biases):
    x = tf.unstack(x, timesteps, 1)
    lstm_fw_cell = rnn.BasicLSTMCell(num_hidden, forget_bias=1.0)
    lstm_bw_cell = rnn.BasicLSTMCell(num_hidden, forget_bias=1.0)
    try:
        outputs, _, _ = rnn.static_bidirectional_rnn(lstm_fw_cell, lstm_bw_cell, x, dtype=tf.float32)
    except Exception: # Old TensorFlow version only returns outputs not states
        outputs = rnn.static_bidirectional_rnn(lstm_fw_cell, lstm_bw_cell, x, dtype=tf.float32)
    print(outputs[0], outputs[-1])
    return tf.matmul(outputs[-1], weights['out']) + biases['out']

logits = BiRNN(X, weights, biases)
prediction = tf.nn.softmax(logits)
loss_op = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=Y))
optimizer = tf.train.GradientDescentOptimizer(learning_rate=learning_rate)
train_op = optimizer.minimize(loss_op)
correct_pred = tf.equal(tf.argmax(prediction, 1), tf.argmax(Y, 1))
accuracy = tf.reduce_mean(tf.cast(correct_pred, tf.float32))
init = tf.global_variables_initializer()
print([v.name for v in tf.trainable_variables()])

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

with tf.Session() as sess:
    sess.run(init)
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    for step in range(1, training_steps+1):
        batch_x, batch_y = mnist.train.next_batch(batch_size)
        batch_x = batch_x.reshape((batch_size, timesteps, num_input))
        sess.run(train_op, feed_dict={X: batch_x, Y: batch_y})
        if step % display_step == 0 or step == 1:
            loss, acc = sess.run([loss_op, accuracy], feed_dict={X: batch_x, Y: batch_y})
            print("Step " + str(step) + ", Minibatch Loss= " + \
                  "{:.4f}".format(loss) + ", Training Accuracy= " + \
                  "{:.3f}".format(acc))
    print("Optimization Finished!")
    test_len = 10
    test_data = mnist.test.images[:test_len].reshape((-1, timesteps, num_input))
    test_label = mnist.test.labels[:test_len]
    print("Testing Accuracy:", sess.run(accuracy, feed_dict={X: test_data, Y: test_label}))
    print(sess.run(logits, feed_dict={X: test_data[:2]}))

from tensorflow.models.rnn import rnn, rnn_cell
tf.reset_default_graph()
x = tf.placeholder("float", [None, timesteps, num_input])
xs = tf.split(0, timesteps, tf.reshape(tf.transpose(x, [1, 0, 2]), [-1, num_input]))
outputs, state_fw, state_bw = rnn.bidirectional_rnn(rnn_cell.GRUCell(3), rnn_cell.GRUCell(2), xs, dtype=tf.float32)
print(outputs[0], state_fw, state_bw)
print([v.name for v in tf.trainable_variables()])
with tf.Session() as sess:
    sess.run(tf.initialize_all_variables())
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    o, f, b = sess.run([outputs, state_fw, state_bw], feed_dict={x: mnist.test.images[:2].reshape((-1, timesteps, num_input))})
    print(o[0])
    print(o[-1])
    print(f, b)
