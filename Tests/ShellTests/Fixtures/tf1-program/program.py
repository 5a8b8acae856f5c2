# A TF1 program written the way the tutorials of its era were (not any tutorial's text):
# blank and blank-looking lines inside the defs, comments at any column, spaces before
# commas, both tf.split signatures, positional softmax_cross_entropy_with_logits(logits, y).
# Tests feed it to rnnsh unchanged: piped, as a script file, and pasted into the REPL.
import numpy as np
import tensorflow as tf
from tensorflow.python.ops import rnn, rnn_cell
tf.set_random_seed(7)
np.random.seed(0)

epochs = 2
n_classes = 3
batch = 4
width = 5
steps = 6
units = 8
data = np.random.rand(12, steps * width).astype(np.float32)
labels = np.eye(n_classes, dtype=np.float32)[np.arange(12) % n_classes]


x = tf.placeholder('float', [None, steps,width])
y = tf.placeholder('float')

def network(x):
    head = {'w':tf.Variable(tf.random_normal([units,n_classes])),
            'b':tf.Variable(tf.random_normal([n_classes]))}

    x = tf.transpose(x, [1,0,2])
    x = tf.reshape(x, [-1, width])
    # the old signature: split(dimension, pieces, value)
    x = tf.split(0, steps, x)
    print(x[0] , len(x))

    cell = rnn_cell.BasicLSTMCell(units,state_is_tuple=True)
    outputs, states = rnn.rnn(cell, x, dtype=tf.float32)
# a comment at column 0 does not end the function
    return tf.matmul(outputs[-1],head['w']) + head['b']

def train(x):
    logits = network(x)
    cost = tf.reduce_mean( tf.nn.softmax_cross_entropy_with_logits(logits,y) )
    optimizer = tf.train.AdamOptimizer().minimize(cost)
    
    
    with tf.Session() as sess:
        sess.run(tf.initialize_all_variables())

        for epoch in range(epochs):
            epoch_loss = 0
            for i in range(int(len(data)/batch)):
                bx = data[i * batch:(i + 1) * batch].reshape((batch,steps,width))

                _, c = sess.run([optimizer, cost], feed_dict={x: bx, y: labels[i * batch:(i + 1) * batch]})
                epoch_loss += c

            print('Epoch', epoch, 'completed out of',epochs,'loss:',epoch_loss)

        right = tf.equal(tf.argmax(logits, 1), tf.argmax(y, 1))

        accuracy = tf.reduce_mean(tf.cast(right, 'float'))
        print('Accuracy:',accuracy.eval({x:data.reshape((-1, steps, width)), y:labels}))
        # the new signature: split(value, pieces, axis)
        print(tf.split(tf.reshape(x, [-1, width]), 5, 1)[4])

train(x)
