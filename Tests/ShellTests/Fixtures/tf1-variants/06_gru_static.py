# TF1's GRUCell unrolled by tf.contrib.rnn.static_rnn.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/", one_hot=True)

x = tf.placeholder("float", [None, 5, 6])
y = tf.placeholder("float", [None, 10])
xs = tf.unstack(x, 5, 1)
gru = tf.contrib.rnn.GRUCell(8)
outputs, state = tf.contrib.rnn.static_rnn(gru, xs, dtype=tf.float32)
print(outputs[0], outputs[-1], state)
W = tf.Variable(tf.random_normal([8, 10]))
b = tf.Variable(tf.random_normal([10]))
pred = tf.matmul(outputs[-1], W) + b
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=pred, labels=y))
optimizer = tf.train.AdamOptimizer(learning_rate=0.01).minimize(cost)
accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(pred, 1), tf.argmax(y, 1)), tf.float32))

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
        _, c = sess.run([optimizer, cost], feed_dict={x: bx.reshape((8, 5, 6)), y: by})
        print("step", step, "loss", c)
    print("accuracy", accuracy.eval({x: mnist.test.images.reshape((-1, 5, 6)), y: mnist.test.labels}))
    print(sess.run(pred, {x: mnist.test.images[:2].reshape((-1, 5, 6))}))
