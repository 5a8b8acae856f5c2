"""Reference transcripts for Tests/ShellTests/Fixtures/tf1-variants/*.py, made by TensorFlow.

Each NN_name.py there is a TF1 program written as the tutorials of 2016-2018 wrote their MNIST
RNNs (rnn.rnn, static_rnn over unstack/split, dynamic_rnn batch- and time-major, BasicLSTMCell,
LSTMCell, BasicRNNCell, GRUCell, MultiRNNCell, DropoutWrapper, sparse and dense cross-entropy,
Adam and gradient descent; tf.layers.dense and tf.nn.in_top_k as Hands-On Machine Learning's
chapter 14 used them; tf.variable_scope/tf.get_variable, tf.train.Saver and tf.gradients, whose
program writes its checkpoints into the scratch directory it runs in). This script runs each one, unchanged, under TensorFlow's tf.compat.v1 and
writes what it printed to NN_name.tf.txt; the tests run the same files through rnnsh and compare
(numbers within 1e-5, every other character exactly). Tests never import TensorFlow.

    TF_USE_LEGACY_KERAS=1 ~/.cache/rnnsh-peers-venv/bin/python scripts/tf1_variants.py

TensorFlow 2.21 has lost parts of TF1's API that the programs use; the program text is kept and
the lost names are supplied here by their TF2-era equivalents (the same ops):
- `tensorflow.python.ops.rnn.rnn` = static_rnn; `tensorflow.python.ops.rnn_cell` and
  `tensorflow.contrib.rnn` = tf.nn.rnn_cell (+ static_rnn, static_bidirectional_rnn); TF 0.x's
  `tensorflow.models.rnn.rnn` and `.rnn_cell` the same, `bidirectional_rnn` =
  static_bidirectional_rnn;
- `tf.split(0, n, x)` = `tf.split(x, n, 0)`; positional
  `softmax_cross_entropy_with_logits(logits, labels)`; `initialize_all_variables` =
  `global_variables_initializer`;
- `tensorflow.contrib.layers.fully_connected`: TF1's contrib layer (relu by default, variables
  `weights` and `biases` under `fully_connected`, glorot-uniform and zeros; `activation_fn=None`
  and `biases_initializer=None` leave the activation or the bias out), ported below;
- `tensorflow.examples.tutorials.mnist.input_data`: TF1's mnist.py (read_data_sets, DataSet,
  next_batch, validation_size=5000, one-hot of width 10, pixels * 1/255), ported below.
The programs read a tiny MNIST-format set from data/ (5x6 images, 5,008 training images of
which TF1 holds out 5,000 for validation, 10 test images), written here from a formula. Every
program sets its trainable variables to a fixed pattern after initializing, so TF and rnnsh
start from the same weights; batches are the whole 8-image training split, so next_batch's
shuffle order (numpy's in TF1) does not change the mean loss.
"""
import builtins, contextlib, gzip, io, os, re, shutil, struct, sys, tempfile, types
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
import tensorflow.compat.v1 as tf1

tf1.disable_v2_behavior()
tf1.logging.set_verbosity(tf1.logging.ERROR)
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "ShellTests", "Fixtures", "tf1-variants")

ROWS, COLS, TRAIN, TEST = 5, 6, 5008, 10


def pixels(n, count):
    return np.array([[(k * 37 + p * 11 + (k * p) % 7) % 256 for p in range(ROWS * COLS)] for k in range(n, n + count)], np.uint8)


def write_data(d):
    os.makedirs(d, exist_ok=True)
    sets = {"train": (pixels(0, TRAIN), np.array([(k * 7 + 3) % 10 for k in range(TRAIN)], np.uint8)),
            "t10k": (pixels(7000, TEST), np.array([(k * 3 + 1) % 10 for k in range(TEST)], np.uint8))}
    for prefix, (images, labels) in sets.items():
        # mtime=0: the same bytes every run
        with open(os.path.join(d, prefix + "-images-idx3-ubyte.gz"), "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
            f.write(struct.pack(">IIII", 2051, len(images), ROWS, COLS) + images.tobytes())
        with open(os.path.join(d, prefix + "-labels-idx1-ubyte.gz"), "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
            f.write(struct.pack(">II", 2049, len(labels)) + labels.tobytes())


# --- TF1's tensorflow/contrib/learn/python/learn/datasets/mnist.py (1.x), ported ---
def _read32(stream):
    return np.frombuffer(stream.read(4), dtype=np.dtype(np.uint32).newbyteorder(">"))[0]


def extract_images(f):
    print("Extracting", f.name)
    with gzip.GzipFile(fileobj=f) as bytestream:
        magic = _read32(bytestream)
        if magic != 2051:
            raise ValueError("Invalid magic number %d in MNIST image file: %s" % (magic, f.name))
        num_images, rows, cols = _read32(bytestream), _read32(bytestream), _read32(bytestream)
        buf = bytestream.read(rows * cols * num_images)
        return np.frombuffer(buf, dtype=np.uint8).reshape(num_images, rows, cols, 1)


def dense_to_one_hot(labels_dense, num_classes):
    num_labels = labels_dense.shape[0]
    index_offset = np.arange(num_labels) * num_classes
    labels_one_hot = np.zeros((num_labels, num_classes))
    labels_one_hot.flat[index_offset + labels_dense.ravel()] = 1
    return labels_one_hot


def extract_labels(f, one_hot=False, num_classes=10):
    print("Extracting", f.name)
    with gzip.GzipFile(fileobj=f) as bytestream:
        magic = _read32(bytestream)
        if magic != 2049:
            raise ValueError("Invalid magic number %d in MNIST label file: %s" % (magic, f.name))
        num_items = _read32(bytestream)
        labels = np.frombuffer(bytestream.read(num_items), dtype=np.uint8)
        return dense_to_one_hot(labels, num_classes) if one_hot else labels


class DataSet(object):
    def __init__(self, images, labels, reshape=True, seed=None):
        np.random.seed(seed if seed is not None else 0)
        self._num_examples = images.shape[0]
        if reshape:
            images = images.reshape(images.shape[0], images.shape[1] * images.shape[2])
        images = images.astype(np.float32)
        images = np.multiply(images, 1.0 / 255.0)
        self._images, self._labels = images, labels
        self._epochs_completed = 0
        self._index_in_epoch = 0

    images = property(lambda self: self._images)
    labels = property(lambda self: self._labels)
    num_examples = property(lambda self: self._num_examples)
    epochs_completed = property(lambda self: self._epochs_completed)

    def next_batch(self, batch_size, fake_data=False, shuffle=True):
        start = self._index_in_epoch
        if self._epochs_completed == 0 and start == 0 and shuffle:
            perm0 = np.arange(self._num_examples)
            np.random.shuffle(perm0)
            self._images = self.images[perm0]
            self._labels = self.labels[perm0]
        if start + batch_size > self._num_examples:
            self._epochs_completed += 1
            rest_num_examples = self._num_examples - start
            images_rest_part = self._images[start:self._num_examples]
            labels_rest_part = self._labels[start:self._num_examples]
            if shuffle:
                perm = np.arange(self._num_examples)
                np.random.shuffle(perm)
                self._images = self.images[perm]
                self._labels = self.labels[perm]
            start = 0
            self._index_in_epoch = batch_size - rest_num_examples
            end = self._index_in_epoch
            images_new_part = self._images[start:end]
            labels_new_part = self._labels[start:end]
            return np.concatenate((images_rest_part, images_new_part), axis=0), np.concatenate((labels_rest_part, labels_new_part), axis=0)
        self._index_in_epoch += batch_size
        end = self._index_in_epoch
        return self._images[start:end], self._labels[start:end]


def read_data_sets(train_dir, fake_data=False, one_hot=False, dtype=None, reshape=True, validation_size=5000, seed=None):
    def local(name):
        return open(os.path.join(train_dir, name), "rb")
    with local("train-images-idx3-ubyte.gz") as f:
        train_images = extract_images(f)
    with local("train-labels-idx1-ubyte.gz") as f:
        train_labels = extract_labels(f, one_hot=one_hot)
    with local("t10k-images-idx3-ubyte.gz") as f:
        test_images = extract_images(f)
    with local("t10k-labels-idx1-ubyte.gz") as f:
        test_labels = extract_labels(f, one_hot=one_hot)
    if not 0 <= validation_size <= len(train_images):
        raise ValueError("Validation size should be between 0 and {}. Received: {}.".format(len(train_images), validation_size))
    validation_images, validation_labels = train_images[:validation_size], train_labels[:validation_size]
    train_images, train_labels = train_images[validation_size:], train_labels[validation_size:]
    ds = types.SimpleNamespace(train=DataSet(train_images, train_labels, reshape=reshape, seed=seed),
                               validation=DataSet(validation_images, validation_labels, reshape=reshape, seed=seed),
                               test=DataSet(test_images, test_labels, reshape=reshape, seed=seed))
    return ds


# --- TF1's tensorflow/contrib/layers/python/layers/layers.py fully_connected (1.x), ported ---
def fully_connected(inputs, num_outputs, activation_fn=tf1.nn.relu, biases_initializer=tf1.zeros_initializer(), scope=None):
    with tf1.variable_scope(scope, default_name="fully_connected"):
        x = tf1.convert_to_tensor(inputs)
        w = tf1.get_variable("weights", [x.shape[-1], num_outputs], initializer=tf1.glorot_uniform_initializer())
        y = tf1.matmul(x, w)
        if biases_initializer is not None:
            y = tf1.nn.bias_add(y, tf1.get_variable("biases", [num_outputs], initializer=biases_initializer))
        return activation_fn(y) if activation_fn is not None else y


# --- TF1's module layout over tf.compat.v1 ---
def modules():
    def module(name, **names):
        m = types.ModuleType(name)
        m.__dict__.update(names)
        return m

    def split(*a, **k):
        if len(a) >= 3 and isinstance(a[0], int):      # TF 0.x: split(split_dim, num_split, value)
            return tf1.split(a[2], a[1], a[0], **k)
        return tf1.split(*a, **k)

    def sce(*a, **k):
        if len(a) == 2:                                # TF 0.x: (logits, labels) by position
            return tf1.nn.softmax_cross_entropy_with_logits(logits=a[0], labels=a[1], **k)
        return tf1.nn.softmax_cross_entropy_with_logits(*a, **k)

    rnn_cell = tf1.nn.rnn_cell
    cells = {n: getattr(rnn_cell, n) for n in ["BasicLSTMCell", "LSTMCell", "BasicRNNCell", "GRUCell", "MultiRNNCell", "DropoutWrapper", "LSTMStateTuple"]}
    nn = module("tensorflow.nn", **{k: getattr(tf1.nn, k) for k in dir(tf1.nn) if not k.startswith("_")})
    nn.softmax_cross_entropy_with_logits = sce
    contrib_rnn = module("tensorflow.contrib.rnn", static_rnn=tf1.nn.static_rnn,
                         static_bidirectional_rnn=tf1.nn.static_bidirectional_rnn, **cells)
    contrib_layers = module("tensorflow.contrib.layers", fully_connected=fully_connected)
    contrib = module("tensorflow.contrib", rnn=contrib_rnn, layers=contrib_layers)
    ops_rnn = module("tensorflow.python.ops.rnn", rnn=tf1.nn.static_rnn, static_rnn=tf1.nn.static_rnn, dynamic_rnn=tf1.nn.dynamic_rnn,
                     bidirectional_rnn=tf1.nn.static_bidirectional_rnn, static_bidirectional_rnn=tf1.nn.static_bidirectional_rnn)
    ops_rnn_cell = module("tensorflow.python.ops.rnn_cell", **cells)
    ops = module("tensorflow.python.ops", rnn=ops_rnn, rnn_cell=ops_rnn_cell)
    input_data = module("tensorflow.examples.tutorials.mnist.input_data", read_data_sets=read_data_sets)
    mnist = module("tensorflow.examples.tutorials.mnist", input_data=input_data)
    examples = module("tensorflow.examples", tutorials=module("tensorflow.examples.tutorials", mnist=mnist))
    top = module("tensorflow", **{k: getattr(tf1, k) for k in dir(tf1) if not k.startswith("_")})
    top.split, top.initialize_all_variables, top.nn, top.contrib = split, tf1.global_variables_initializer, nn, contrib
    top.examples, top.python = examples, module("tensorflow.python", ops=ops)
    models_rnn = module("tensorflow.models.rnn", rnn=ops_rnn, rnn_cell=ops_rnn_cell)
    top.models = module("tensorflow.models", rnn=models_rnn)
    top.compat = module("tensorflow.compat", v1=top)
    table = {"tensorflow": top, "tensorflow.compat": top.compat, "tensorflow.compat.v1": top, "tensorflow.nn": nn,
             "tensorflow.contrib": contrib, "tensorflow.contrib.rnn": contrib_rnn, "tensorflow.contrib.layers": contrib_layers, "tensorflow.python": top.python,
             "tensorflow.python.ops": ops, "tensorflow.python.ops.rnn": ops_rnn, "tensorflow.python.ops.rnn_cell": ops_rnn_cell,
             "tensorflow.examples": examples, "tensorflow.examples.tutorials": examples.tutorials,
             "tensorflow.examples.tutorials.mnist": mnist, "tensorflow.models": top.models,
             "tensorflow.models.rnn": models_rnn, "tensorflow.models.rnn.rnn": ops_rnn, "tensorflow.models.rnn.rnn_cell": ops_rnn_cell}
    return table


def run(path, table):
    real_import = builtins.__import__

    def tf_import(name, globals=None, locals=None, fromlist=(), level=0):
        if name == "tensorflow" or name.startswith("tensorflow."):
            return table[name] if fromlist else table["tensorflow"]
        return real_import(name, globals, locals, fromlist, level)

    source = open(path).read()
    out = io.StringIO()
    tf1.reset_default_graph()
    env = {"__name__": "__main__", "__builtins__": dict(vars(builtins), __import__=tf_import)}
    with contextlib.redirect_stdout(out):
        exec(compile(source, os.path.basename(path), "exec"), env)
    return out.getvalue()


def main():
    write_data(os.path.join(HERE, "data"))
    table = modules()
    work = tempfile.mkdtemp()
    shutil.copytree(os.path.join(HERE, "data"), os.path.join(work, "data"))
    os.chdir(work)
    names = sys.argv[1:] or sorted(f for f in os.listdir(HERE) if re.match(r"\d\d_.*\.py$", f))
    for name in names:
        text = run(os.path.join(HERE, name), table)
        with open(os.path.join(HERE, name[:-3] + ".tf.txt"), "w") as f:
            f.write(text)
        print("==", name, "(TensorFlow", tf1.__version__ + ")")
        print(text, end="")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
