# The training step of TensorFlow's PTB language model (ptb_word_lm.py, Zaremba et al.): the
# gradients of the cost clipped by their global norm and applied with apply_gradients under a
# learning rate that decays with the global step (exponential_decay, staircase), the LSTM's
# final state fed back as the next batch's initial state. Characters instead of words.
import numpy as np
import tensorflow as tf

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

text = "hello tensorflow, hello recurrent networks. "
chars = sorted(set(text))
vocab_size = len(chars)
data = np.array([chars.index(c) for c in text], dtype=np.int32)
batch_size, num_steps, hidden_size, max_grad_norm = 2, 5, 8, 1.0

input_data = tf.placeholder(tf.int32, [batch_size, num_steps])
targets = tf.placeholder(tf.int32, [batch_size, num_steps])
inputs = tf.one_hot(input_data, vocab_size)
cell = tf.nn.rnn_cell.BasicLSTMCell(hidden_size, forget_bias=0.0)
initial_state = cell.zero_state(batch_size, tf.float32)
outputs, final_state = tf.nn.dynamic_rnn(cell, inputs, initial_state=initial_state)
output = tf.reshape(outputs, [-1, hidden_size])
softmax_w = tf.get_variable("softmax_w", [hidden_size, vocab_size], dtype=tf.float32)
softmax_b = tf.get_variable("softmax_b", [vocab_size], dtype=tf.float32)
logits = tf.matmul(output, softmax_w) + softmax_b
loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.reshape(targets, [-1]), logits=logits)
cost = tf.reduce_sum(loss) / batch_size

global_step = tf.train.get_or_create_global_step()
lr = tf.train.exponential_decay(1.0, global_step, 3, 0.5, staircase=True)
tvars = tf.trainable_variables()
grads, global_norm = tf.clip_by_global_norm(tf.gradients(cost, tvars), max_grad_norm)
optimizer = tf.train.GradientDescentOptimizer(lr)
train_op = optimizer.apply_gradients(zip(grads, tvars), global_step=global_step)
print(global_step)
print(lr)
print(global_norm)
print(grads[2])
print(train_op.name, train_op.type, len(grads), [v.name for v in tvars])

def batches(data):
    epoch_size = (len(data) // batch_size - 1) // num_steps
    rows = data[:batch_size * (len(data) // batch_size)].reshape(batch_size, -1)
    for i in range(epoch_size):
        yield rows[:, i * num_steps:(i + 1) * num_steps], rows[:, i * num_steps + 1:(i + 1) * num_steps + 1]

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i, v in enumerate(tvars):
        sess.run(v.assign(fixed(v, i)))
    for epoch in range(3):
        state = sess.run(initial_state)
        costs, iters = 0.0, 0
        for x, y in batches(data):
            feed = {input_data: x, targets: y, initial_state.c: state.c, initial_state.h: state.h}
            c, norm, rate, state, _ = sess.run([cost, global_norm, lr, final_state, train_op], feed)
            costs += c
            iters += num_steps
            print("step %d lr %.4f norm %.5f cost %.5f" % (sess.run(global_step), rate, norm, c))
        print("epoch %d perplexity %.4f" % (epoch, np.exp(costs / iters)))
    print(sess.run(softmax_b))
    print(tf.train.global_step(sess, global_step))
