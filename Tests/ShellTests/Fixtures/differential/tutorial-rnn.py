#--- rnn-char-vocab
data = "hello world"
chars = sorted(list(set(data)))
vocab_size = len(chars)
char_to_ix = {ch: i for i, ch in enumerate(chars)}
ix_to_char = {i: ch for i, ch in enumerate(chars)}
print(chars)
print(vocab_size)
print(char_to_ix['o'])
#--- rnn-char-onehot
chars = ['a', 'b', 'c', 'd']
char_to_ix = {c: i for i, c in enumerate(chars)}
inputs = [char_to_ix[c] for c in "abca"]
xs = np.zeros((len(inputs), len(chars)))
for t, ix in enumerate(inputs):
    xs[t, ix] = 1
print(xs)
#--- rnn-onehot-column
vocab_size = 5
x = np.zeros((vocab_size, 1))
x[2] = 1
print(x)
print(x.T)
#--- rnn-params-init
np.random.seed(0)
hidden_size, vocab_size = 4, 3
Wxh = np.random.randn(hidden_size, vocab_size) * 0.01
Whh = np.random.randn(hidden_size, hidden_size) * 0.01
Why = np.random.randn(vocab_size, hidden_size) * 0.01
bh = np.zeros((hidden_size, 1))
by = np.zeros((vocab_size, 1))
print(Wxh.shape, Whh.shape, Why.shape, bh.shape, by.shape)
print(Wxh)
#--- rnn-step-column
np.random.seed(1)
H, V = 3, 4
Wxh = np.random.randn(H, V) * 0.1
Whh = np.random.randn(H, H) * 0.1
bh = np.zeros((H, 1))
h = np.zeros((H, 1))
x = np.zeros((V, 1))
x[1] = 1
h = np.tanh(np.dot(Wxh, x) + np.dot(Whh, h) + bh)
print(h)
#--- rnn-forward-loop
np.random.seed(2)
T, D, H = 5, 3, 4
x = np.random.randn(T, D)
Wx = np.random.randn(D, H) * 0.5
Wh = np.random.randn(H, H) * 0.5
b = np.zeros(H)
h = np.zeros(H)
hs = []
for t in range(T):
    h = np.tanh(x[t] @ Wx + h @ Wh + b)
    hs.append(h)
hs = np.stack(hs)
print(hs.shape)
print(hs[-1])
#--- rnn-batch-forward
np.random.seed(3)
N, T, D, H = 2, 3, 4, 5
x = np.random.randn(N, T, D)
h0 = np.random.randn(N, H)
Wx = np.random.randn(D, H)
Wh = np.random.randn(H, H)
b = np.random.randn(H)
h = np.zeros((N, T, H))
prev = h0
for t in range(T):
    prev = np.tanh(x[:, t, :].dot(Wx) + prev.dot(Wh) + b)
    h[:, t, :] = prev
print(h.shape)
print(h[:, -1, :])
#--- rnn-step-backward
np.random.seed(4)
N, D, H = 2, 3, 4
x = np.random.randn(N, D)
prev_h = np.random.randn(N, H)
Wx = np.random.randn(D, H)
Wh = np.random.randn(H, H)
b = np.random.randn(H)
next_h = np.tanh(x @ Wx + prev_h @ Wh + b)
dnext_h = np.random.randn(N, H)
dtanh = dnext_h * (1 - next_h ** 2)
dx = dtanh @ Wx.T
dprev_h = dtanh @ Wh.T
dWx = x.T @ dtanh
dWh = prev_h.T @ dtanh
db = dtanh.sum(axis=0)
print(dx)
print(db)
#--- rnn-grad-clip
np.random.seed(5)
grads = [np.random.randn(2, 2) * 10, np.random.randn(3) * 10]
for g in grads:
    np.clip(g, -5, 5, out=g)
print(grads[0])
print(grads[1])
#--- rnn-clip-norm
g = np.array([3.0, 4.0, 12.0])
max_norm = 5.0
norm = np.linalg.norm(g)
if norm > max_norm:
    g = g * (max_norm / norm)
print(norm)
print(g)
#--- rnn-sample-probs
np.random.seed(0)
p = np.array([0.1, 0.2, 0.3, 0.4])
ix = np.random.choice(range(4), p=p.ravel())
print(ix)
samples = [np.random.choice(4, p=p) for _ in range(10)]
print(samples)
#--- rnn-sample-temperature
logits = np.array([2.0, 1.0, 0.1])
for T in [0.5, 1.0, 2.0]:
    p = np.exp(logits / T) / np.sum(np.exp(logits / T))
    print(T, np.round(p, 4))
#--- rnn-smooth-loss
smooth_loss = -np.log(1.0 / 65) * 25
print(smooth_loss)
smooth_loss = smooth_loss * 0.999 + 3.2 * 0.001
print(f"iter 100, loss: {smooth_loss:f}")
#--- rnn-adagrad
np.random.seed(0)
param = np.random.randn(2, 3)
dparam = np.random.randn(2, 3)
mem = np.zeros_like(param)
learning_rate = 1e-1
mem += dparam * dparam
param += -learning_rate * dparam / np.sqrt(mem + 1e-8)
print(param)
#--- rnn-lstm-gates
np.random.seed(6)
N, D, H = 2, 3, 4
x = np.random.randn(N, D)
prev_h = np.random.randn(N, H)
prev_c = np.random.randn(N, H)
Wx = np.random.randn(D, 4 * H)
Wh = np.random.randn(H, 4 * H)
b = np.random.randn(4 * H)
a = x @ Wx + prev_h @ Wh + b
ai, af, ao, ag = np.split(a, 4, axis=1)
sig = lambda z: 1 / (1 + np.exp(-z))
i, f, o, g = sig(ai), sig(af), sig(ao), np.tanh(ag)
next_c = f * prev_c + i * g
next_h = o * np.tanh(next_c)
print(next_c)
print(next_h)
#--- rnn-lstm-slices
H = 3
a = np.arange(24.0).reshape(2, 4 * H)
i = a[:, :H]
f = a[:, H:2 * H]
o = a[:, 2 * H:3 * H]
g = a[:, 3 * H:]
print(i)
print(g)
#--- rnn-lstm-concat-input
np.random.seed(7)
h_prev = np.random.randn(5, 1)
x = np.random.randn(3, 1)
concat = np.vstack((h_prev, x))
print(concat.shape)
print(np.concatenate((h_prev, x), axis=0).T.shape)
#--- rnn-lstm-concat-axis
h = np.zeros((2, 4))
x = np.ones((2, 3))
print(np.concatenate([h, x], axis=1))
print(np.concatenate((h, x), axis=0))
#--- rnn-gru-step
np.random.seed(8)
H, D = 3, 2
x = np.random.randn(D)
h = np.random.randn(H)
Wz, Wr, Wh = (np.random.randn(H, D + H) for _ in range(3))
sig = lambda z: 1 / (1 + np.exp(-z))
hx = np.concatenate([h, x])
z = sig(Wz @ hx)
r = sig(Wr @ hx)
h_tilde = np.tanh(Wh @ np.concatenate([r * h, x]))
h_new = (1 - z) * h + z * h_tilde
print(h_new)
#--- rnn-temporal-affine
np.random.seed(9)
N, T, D, M = 2, 3, 4, 5
x = np.random.randn(N, T, D)
w = np.random.randn(D, M)
b = np.random.randn(M)
out = x.reshape(N * T, D).dot(w).reshape(N, T, M) + b
print(out.shape)
print(out[0, 0])
#--- rnn-temporal-softmax-loss
np.random.seed(10)
N, T, V = 2, 3, 4
x = np.random.randn(N, T, V)
y = np.random.randint(V, size=(N, T))
mask = np.array([[True, True, False], [True, True, True]])
x_flat = x.reshape(N * T, V)
y_flat = y.reshape(N * T)
mask_flat = mask.reshape(N * T)
probs = np.exp(x_flat - np.max(x_flat, axis=1, keepdims=True))
probs /= np.sum(probs, axis=1, keepdims=True)
loss = -np.sum(mask_flat * np.log(probs[np.arange(N * T), y_flat])) / N
print(y)
print(loss)
#--- rnn-word-embedding
np.random.seed(11)
V, D = 5, 3
W = np.random.randn(V, D)
x = np.array([[0, 3, 1], [2, 2, 4]])
out = W[x]
print(out.shape)
print(out[1])
#--- rnn-embedding-backward
V, D = 4, 2
x = np.array([[0, 1], [1, 3]])
dout = np.ones((2, 2, D))
dW = np.zeros((V, D))
np.add.at(dW, x, dout)
print(dW)
#--- rnn-embedding-backward-wrong
V, D = 4, 2
x = np.array([[0, 1], [1, 3]])
dout = np.ones((2, 2, D))
dW = np.zeros((V, D))
dW[x] += dout
print(dW)
#--- rnn-sequence-windows
series = np.arange(10, dtype=float)
window = 3
X = np.array([series[i:i + window] for i in range(len(series) - window)])
y = series[window:]
print(X)
print(y)
#--- rnn-sliding-window-view
x = np.arange(8)
v = np.lib.stride_tricks.sliding_window_view(x, 3)
print(v)
#--- rnn-sine-data
t = np.linspace(0, 4 * np.pi, 50)
data = np.sin(t)
print(data.shape)
print(data[:6].round(3))
X = data[:-1].reshape(-1, 1)
Y = data[1:].reshape(-1, 1)
print(X.shape, Y.shape)
#--- rnn-seq-to-batches
seq = np.arange(20)
batch_size, seq_len = 2, 4
n = len(seq) // (batch_size * seq_len)
seq = seq[:n * batch_size * seq_len].reshape(batch_size, -1)
print(seq)
for i in range(0, seq.shape[1], seq_len):
    print(seq[:, i:i + seq_len])
#--- rnn-bptt-truncated
T = 10
seq_length = 4
for p in range(0, T - seq_length, seq_length):
    print(p, list(range(p, p + seq_length)))
#--- rnn-hidden-state-zero-like
h = np.zeros((3, 1))
hprev = np.copy(h)
hprev[0] = 1
print(h.ravel(), hprev.ravel())
#--- rnn-tanh-saturation
x = np.array([-10, -1, 0, 1, 10])
print(np.tanh(x))
print(1 - np.tanh(x) ** 2)
#--- rnn-sigmoid-stable
def sigmoid(x):
    return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))
print(sigmoid(np.array([-1000.0, -1.0, 0.0, 1.0, 1000.0])))
#--- rnn-lstm-forget-bias
H = 4
b = np.zeros(4 * H)
b[H:2 * H] = 1.0
print(b)
#--- rnn-orthogonal-init
np.random.seed(12)
a = np.random.randn(4, 4)
q, r = np.linalg.qr(a)
print(np.allclose(q @ q.T, np.eye(4)))
print(q.shape)
#--- rnn-dict-grads
np.random.seed(13)
grads = {'Wx': np.random.randn(2, 2), 'Wh': np.random.randn(2, 2), 'b': np.random.randn(2)}
for k in sorted(grads):
    print(k, grads[k].shape, round(float(np.abs(grads[k]).max()), 4))
#--- rnn-stack-axis1
hs = [np.full((2, 3), t) for t in range(4)]
print(np.stack(hs, axis=1).shape)
print(np.stack(hs).shape)
print(np.stack(hs, axis=1)[0])
#--- rnn-transpose-time-major
x = np.arange(24).reshape(2, 3, 4)
print(x.transpose(1, 0, 2).shape)
print(np.swapaxes(x, 0, 1)[0])
#--- rnn-perplexity
losses = np.array([2.3, 2.1, 1.9])
print(np.exp(losses.mean()))
#--- rnn-gradient-exploding
W = np.array([[1.5, 0.0], [0.0, 0.5]])
g = np.ones(2)
for t in range(10):
    g = W.T @ g
print(g)
#--- rnn-split-bad
a = np.arange(10).reshape(2, 5)
print(np.split(a, 4, axis=1))
#--- rnn-hidden-wrong-shape
h = np.zeros((4, 1))
Whh = np.ones((4, 4))
Wxh = np.ones((4, 3))
x = np.ones(3)
print((Whh @ h + Wxh @ x).shape)
#--- rnn-char-decode
ix_to_char = {0: 'h', 1: 'e', 2: 'l', 3: 'o'}
ixes = np.array([0, 1, 2, 2, 3])
print(''.join(ix_to_char[ix] for ix in ixes))
#--- rnn-argmax-decode
probs = np.array([[0.1, 0.7, 0.2], [0.5, 0.4, 0.1], [0.0, 0.1, 0.9]])
print(probs.argmax(axis=1).tolist())
