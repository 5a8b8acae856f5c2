# Danijar Hafner, "Variable Sequence Lengths in TensorFlow" (2016): each padded sequence's length
# from tf.sign of its frames, the last relevant output picked with tf.gather, a per-frame cost
# masked by the frames in use; integer labels made one-hot with tf.one_hot, the error rate from
# tf.not_equal, and minimize(global_step=) counting the updates.
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

def length(sequence):
    used = tf.sign(tf.reduce_max(tf.abs(sequence), 2))
    length = tf.reduce_sum(used, 1)
    length = tf.cast(length, tf.int32)
    return length

def last_relevant(output, length):
    batch_size = tf.shape(output)[0]
    max_length = int(output.get_shape()[1])
    output_size = int(output.get_shape()[2])
    index = tf.range(0, batch_size) * max_length + (length - 1)
    flat = tf.reshape(output, [-1, output_size])
    relevant = tf.gather(flat, index)
    return relevant

mnist = input_data.read_data_sets("data/", one_hot=False)
n_steps, n_inputs, n_hidden, n_classes = 5, 6, 8, 10
data = tf.placeholder(tf.float32, [None, n_steps, n_inputs])
target = tf.placeholder(tf.int32, [None])
seq_len = length(data)
output, state = tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(n_hidden), data, dtype=tf.float32, sequence_length=seq_len)
last = last_relevant(output, seq_len)
W = tf.Variable(tf.truncated_normal([n_hidden, n_classes], stddev=0.1))
b = tf.Variable(tf.constant(0.1, shape=[n_classes]))
logits = tf.matmul(last, W) + b
labels = tf.one_hot(target, n_classes)
cross_entropy = -tf.reduce_sum(labels * tf.log(tf.nn.softmax(logits) + 1e-8), 1)
mask = tf.sign(tf.reduce_max(tf.abs(data), 2))
frame = tf.reduce_sum(tf.square(output), 2) * mask
aux = tf.reduce_mean(tf.reduce_sum(frame, 1) / tf.cast(seq_len, tf.float32))
cost = tf.reduce_mean(cross_entropy) + 0.01 * aux
global_step = tf.Variable(0, trainable=False, name="global_step")
optimizer = tf.train.AdamOptimizer(0.05).minimize(cost, global_step=global_step)
mistakes = tf.not_equal(tf.cast(target, tf.int64), tf.argmax(logits, 1))
error = tf.reduce_mean(tf.cast(mistakes, tf.float32))
print(seq_len, last, labels, mask)
print(optimizer.name, optimizer.type, global_step.dtype == tf.int32, global_step.dtype.base_dtype == tf.int32, logits.dtype == tf.float32)
bx = mnist.test.images[:8].reshape((-1, n_steps, n_inputs))
by = mnist.test.labels[:8]
lens = [5, 3, 1, 2, 5, 4, 2, 3]
for r, n in enumerate(lens):
    bx[r, n:] = 0
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    print(sess.run(seq_len, {data: bx}))
    for epoch in range(4):
        _, c, step = sess.run([optimizer, cost, global_step], {data: bx, target: by})
        print('Epoch', epoch, 'step', step, 'loss:', c)
    print('error', sess.run(error, {data: bx, target: by}), 'steps', sess.run(global_step))
    print(sess.run(tf.squeeze(tf.expand_dims(last, 1), [1]), {data: bx[:3]})[:, :4])
    print(sess.run(tf.cast(logits > 0, tf.int32), {data: bx[:2]}))
