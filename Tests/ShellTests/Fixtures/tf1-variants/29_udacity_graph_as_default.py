# Udacity's deep-learning course (2016, assignment 6) built its LSTM in a graph of its own,
# graph = tf.Graph() and `with graph.as_default():`, then trained it in
# `with tf.Session(graph=graph) as session:`, whose block makes that graph the default again
# (tf.global_variables_initializer().run() there builds into it). Outside both blocks the
# default graph is another one, empty of the model's variables.
import numpy as np
import tensorflow as tf

def fixed(v, i):
    shape = v.get_shape().as_list()
    return (0.3 * np.cos(0.37 * np.arange(np.prod(shape)) + i)).reshape(shape).astype(np.float32)

batch_size, num_unrollings, vocabulary_size, num_nodes = 3, 4, 5, 6

graph = tf.Graph()
with graph.as_default():
    train_data = [tf.placeholder(tf.float32, shape=[batch_size, vocabulary_size]) for _ in range(num_unrollings + 1)]
    train_inputs = train_data[:num_unrollings]
    train_labels = train_data[1:]
    cell = tf.nn.rnn_cell.BasicLSTMCell(num_nodes)
    outputs, state = tf.nn.static_rnn(cell, train_inputs, dtype=tf.float32)
    w = tf.Variable(tf.truncated_normal([num_nodes, vocabulary_size], -0.1, 0.1))
    b = tf.Variable(tf.zeros([vocabulary_size]))
    logits = tf.matmul(tf.concat(outputs, 0), w) + b
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=tf.concat(train_labels, 0), logits=logits))
    global_step = tf.Variable(0, trainable=False)
    learning_rate = tf.train.exponential_decay(10.0, global_step, 5, 0.1, staircase=True)
    optimizer = tf.train.GradientDescentOptimizer(learning_rate)
    gradients, v = zip(*optimizer.compute_gradients(loss))
    gradients, _ = tf.clip_by_global_norm(gradients, 1.25)
    optimizer = optimizer.apply_gradients(zip(gradients, v), global_step=global_step)
    train_prediction = tf.nn.softmax(logits)
    print(tf.get_default_graph() is graph, loss.graph is graph, optimizer.graph is graph, optimizer.name)
    print(len(tf.global_variables()), len(tf.trainable_variables()))

print(tf.get_default_graph() is graph, len(tf.global_variables()))
other = tf.constant(1.0, name="other")

text = "anna karenina "
ids = np.array([(ord(c) * 7) % vocabulary_size for c in text])
def batch(k):
    return [np.eye(vocabulary_size, dtype=np.float32)[[ids[(k + u + r * 3) % len(ids)] for r in range(batch_size)]]
            for u in range(num_unrollings + 1)]

with tf.Session(graph=graph) as session:
    print(session.graph is graph, tf.get_default_graph() is graph)
    tf.global_variables_initializer().run()
    for i, var in enumerate(tf.trainable_variables()):
        session.run(var.assign(fixed(var, i)))
    for step in range(12):
        feed_dict = {train_data[u]: x for u, x in enumerate(batch(step))}
        _, l, lr = session.run([optimizer, loss, learning_rate], feed_dict=feed_dict)
        print("Loss at step %d: %f learning rate: %f" % (step, l, lr))
    print(np.round(session.run(train_prediction, feed_dict)[:2], 5))
    try:
        session.run(other)
    except ValueError as e:
        print("ValueError:", e)
print(tf.get_default_graph() is graph, tf.get_default_graph() is other.graph)

# Looking the model's tensors up by name in its graph, as programs that restore one do; what
# TF refuses is caught by its classes.
print(graph.get_tensor_by_name(loss.name).name, graph.get_operation_by_name(optimizer.name).type)
for f in [lambda: graph.get_tensor_by_name("nope:0"), lambda: graph.get_tensor_by_name("GradientDescent"),
          lambda: graph.get_operation_by_name(loss.name), lambda: tf.Session(graph="graph"),
          lambda: tf.Session(graph=graph).run(train_prediction, {other: 1.0})]:
    try:
        f()
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
with graph.as_default():
    try:
        tf.reset_default_graph()
    except AssertionError as e:
        print("AssertionError:", e)
