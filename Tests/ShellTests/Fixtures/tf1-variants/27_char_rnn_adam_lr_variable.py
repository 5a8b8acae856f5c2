# sherjilozair's char-rnn (2016) training step: a learning rate kept in a non-trainable
# variable that each epoch assigns (lr · decay_rate^epoch), Adam applying the gradients
# clipped by their global norm, an optimizer made inside tf.name_scope('optimizer'), and a
# two-layer LSTM unrolled with static_rnn over one-hot characters.
import numpy as np
import tensorflow as tf

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

text = "the quick brown fox jumps over the lazy dog. "
chars = sorted(set(text))
vocab_size = len(chars)
data = np.array([chars.index(c) for c in text], dtype=np.int32)
batch_size, seq_length, rnn_size, grad_clip = 2, 6, 6, 5.0
learning_rate, decay_rate = 0.02, 0.9

input_data = tf.placeholder(tf.int32, [batch_size, seq_length])
targets = tf.placeholder(tf.int32, [batch_size, seq_length])
cell = tf.nn.rnn_cell.MultiRNNCell([tf.nn.rnn_cell.BasicLSTMCell(rnn_size) for _ in range(2)])
initial_state = cell.zero_state(batch_size, tf.float32)
inputs = tf.unstack(tf.one_hot(input_data, vocab_size), axis=1)
outputs, last_state = tf.nn.static_rnn(cell, inputs, initial_state=initial_state)
with tf.variable_scope('rnnlm'):
    softmax_w = tf.get_variable("softmax_w", [rnn_size, vocab_size])
    softmax_b = tf.get_variable("softmax_b", [vocab_size])
output = tf.reshape(tf.concat(outputs, 1), [-1, rnn_size])
logits = tf.matmul(output, softmax_w) + softmax_b
probs = tf.nn.softmax(logits)
loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.reshape(targets, [-1]), logits=logits)
cost = tf.reduce_sum(loss) / batch_size / seq_length
lr = tf.Variable(0.0, trainable=False)
tvars = tf.trainable_variables()
grads, _ = tf.clip_by_global_norm(tf.gradients(cost, tvars), grad_clip)
with tf.name_scope('optimizer'):
    optimizer = tf.train.AdamOptimizer(lr)
train_op = optimizer.apply_gradients(zip(grads, tvars))
print(lr, train_op.name, train_op.type)
print([v.name for v in tf.global_variables()])

x = data[:batch_size * seq_length].reshape(batch_size, seq_length)
y = np.roll(data, -1)[:batch_size * seq_length].reshape(batch_size, seq_length)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i, v in enumerate(tvars):
        sess.run(v.assign(fixed(v, i)))
    for e in range(3):
        sess.run(tf.assign(lr, learning_rate * (decay_rate ** e)))
        state = sess.run(initial_state)
        for b in range(3):
            feed = {input_data: x, targets: y}
            for i, (c, h) in enumerate(initial_state):
                feed[c] = state[i].c
                feed[h] = state[i].h
            train_loss, state, _ = sess.run([cost, last_state, train_op], feed)
            print("{}/{} (epoch {}), train_loss = {:.5f}, lr = {:.5f}".format(e * 3 + b, 9, e, train_loss, sess.run(lr)))
    print(sess.run(softmax_b))
    print(sess.run(probs, {input_data: x, targets: y})[0])
