# A character-level language model as char-rnn (Karpathy, 2015; sherjilozair's TF1 port, 2016)
# and the PTB tutorial built it: characters to ids, an embedding looked up by an int32
# placeholder of (batch, steps), an LSTM unrolled by dynamic_rnn from its zero state, the
# softmax layer over every step's output (xw_plus_b), a sequence-masked mean of the targets'
# log-probabilities, Adam, and the three likeliest next characters from top_k.
import numpy as np
import tensorflow as tf

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

text = "hello world, hello tensorflow. the quick brown fox jumps over the lazy dog. "
chars = sorted(set(text))
vocab_size = len(chars)
char_to_id = {c: i for i, c in enumerate(chars)}
data = np.array([char_to_id[c] for c in text], dtype=np.int32)
batch_size, num_steps, embedding_size, rnn_size = 4, 6, 5, 8
print('vocab', vocab_size, 'chars', len(data))

input_data = tf.placeholder(tf.int32, [batch_size, num_steps])
targets = tf.placeholder(tf.int32, [batch_size, num_steps])
lengths = tf.placeholder(tf.int32, [batch_size])
cell = tf.nn.rnn_cell.BasicLSTMCell(rnn_size)
initial_state = cell.zero_state(batch_size, tf.float32)
with tf.variable_scope("rnnlm"):
    softmax_w = tf.get_variable("softmax_w", [rnn_size, vocab_size])
    softmax_b = tf.get_variable("softmax_b", [vocab_size])
    embedding = tf.get_variable("embedding", [vocab_size, embedding_size])
    inputs = tf.nn.embedding_lookup(embedding, input_data)
outputs, last_state = tf.nn.dynamic_rnn(cell, inputs, initial_state=initial_state)
output = tf.reshape(outputs, [-1, rnn_size])
logits = tf.nn.xw_plus_b(output, softmax_w, softmax_b)
probs = tf.nn.softmax(logits)
log_probs = tf.nn.log_softmax(logits)
flat_targets = tf.reshape(targets, [-1])
picked = tf.reduce_sum(tf.one_hot(flat_targets, vocab_size) * log_probs, 1)
mask = tf.reshape(tf.sequence_mask(lengths, num_steps, dtype=tf.float32), [-1])
cost = -tf.reduce_sum(picked * mask) / tf.reduce_sum(mask)
train_op = tf.train.AdamOptimizer(0.05).minimize(cost)
top = tf.nn.top_k(probs, 3)
print(inputs, logits, log_probs, mask, top.values, top.indices)
print([v.name for v in tf.trainable_variables()])

xs = data[:batch_size * num_steps].reshape(batch_size, num_steps)
ys = data[1:batch_size * num_steps + 1].reshape(batch_size, num_steps)
feed = {input_data: xs, targets: ys, lengths: [6, 4, 5, 6]}
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i, v in enumerate(tf.trainable_variables()):
        sess.run(v.assign(fixed(v, i)))
    for step in range(8):
        c, _ = sess.run([cost, train_op], feed)
        print('step', step, 'loss', c)
    values, indices = sess.run([top.values, top.indices], feed)
    print(values[:3])
    print(''.join(chars[i] for i in indices[:num_steps, 0]), '|', ''.join(chars[i] for i in indices[:num_steps, 1]))
    state = sess.run(last_state, feed)
    print(state.h[0])
    print(sess.run(tf.reduce_sum(tf.nn.embedding_lookup(embedding, [[0, 1], [1, 1]]), 1)))
