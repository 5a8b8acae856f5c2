# bidirectional_dynamic_rnn as the TF 1.x sequence tutorials used it: forward and backward LSTMs
# over the image rows, the two outputs concatenated on their last axis and the last step taken
# to a linear layer, gradient descent; then GRUs over rows of their own lengths (ReverseSequence) and a
# time-major run, with tf.reverse and tf.reverse_sequence on their own.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("data/", one_hot=True)

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

timesteps, num_input, num_hidden, num_classes = 5, 6, 4, 10
X = tf.placeholder(tf.float32, [None, timesteps, num_input])
Y = tf.placeholder(tf.float32, [None, num_classes])
cell_fw = tf.nn.rnn_cell.BasicLSTMCell(num_hidden)
cell_bw = tf.nn.rnn_cell.BasicLSTMCell(num_hidden)
(output_fw, output_bw), (state_fw, state_bw) = tf.nn.bidirectional_dynamic_rnn(cell_fw, cell_bw, X, dtype=tf.float32)
print(output_fw, output_bw)
print(state_fw.h, state_bw.c)
outputs = tf.concat([output_fw, output_bw], axis=2)
last = outputs[:, -1, :]
W = tf.Variable(tf.random_normal([2 * num_hidden, num_classes]))
b = tf.Variable(tf.random_normal([num_classes]))
logits = tf.matmul(last, W) + b + tf.reduce_sum(state_bw.h, axis=1, keepdims=True)
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=logits, labels=Y))
train_op = tf.train.GradientDescentOptimizer(learning_rate=0.5).minimize(loss)
accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), tf.argmax(Y, 1)), tf.float32))
print([v.name for v in tf.trainable_variables()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    bx, by = mnist.test.images[:8].reshape((-1, timesteps, num_input)), mnist.test.labels[:8]
    for step in range(4):
        _, l = sess.run([train_op, loss], feed_dict={X: bx, Y: by})
        print("step", step, "loss", l)
    print("accuracy", sess.run(accuracy, feed_dict={X: bx, Y: by}))
    fw, bw = sess.run([output_fw, output_bw], feed_dict={X: bx[:2]})
    print(fw[1])
    print(bw[1])

tf.reset_default_graph()
x = tf.placeholder(tf.float32, [None, timesteps, num_input])
lengths = tf.placeholder(tf.int32, [None])
(of, ob), (sf, sb) = tf.nn.bidirectional_dynamic_rnn(tf.nn.rnn_cell.GRUCell(3), tf.nn.rnn_cell.GRUCell(2), x,
                                                     sequence_length=lengths, dtype=tf.float32, scope="tagger")
print(of, ob, sf, sb)
both = tf.concat([of, ob], 2)
target = tf.reduce_sum(both * both) + tf.reduce_sum(sb)
step = tf.train.GradientDescentOptimizer(0.1).minimize(target)
rev = tf.reverse(x, [1])
rs = tf.reverse_sequence(x, lengths, seq_axis=1, batch_axis=0)
print(rev, rs)
xt = tf.placeholder(tf.float32, [timesteps, None, num_input])
(tf_, tb), _ = tf.nn.bidirectional_dynamic_rnn(tf.nn.rnn_cell.BasicRNNCell(2), tf.nn.rnn_cell.BasicRNNCell(2), xt,
                                               time_major=True, dtype=tf.float32)
print(tf_, tb)
print([v.name for v in tf.trainable_variables()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    images = mnist.test.images[:4].reshape((-1, timesteps, num_input))
    feed = {x: images, lengths: [5, 2, 0, 3]}
    o1, o2, s1, s2 = sess.run([of, ob, sf, sb], feed_dict=feed)
    print(o1[1])
    print(o2[1])
    print(o2[3])
    print(s1, s2)
    for k in range(3):
        _, t = sess.run([step, target], feed_dict=feed)
        print("target", t)
    r1, r2 = sess.run([rev, rs], feed_dict=feed)
    print(r1[1, :, :2])
    print(r2[1, :, :2])
    print(sess.run([tf_, tb], feed_dict={xt: images.transpose(1, 0, 2)[:, :2]})[1][0])
