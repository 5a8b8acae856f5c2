#--- mlp-sigmoid
def sigmoid(x):
    return 1 / (1 + np.exp(-x))
print(sigmoid(0))
print(sigmoid(np.array([-1.0, 0.0, 1.0])))
#--- mlp-sigmoid-deriv
def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))
def sigmoid_derivative(x):
    return x * (1 - x)
s = sigmoid(np.array([[0.5, -0.5], [2.0, -2.0]]))
print(sigmoid_derivative(s))
#--- mlp-relu
def relu(x):
    return np.maximum(0, x)
x = np.array([-2, -1, 0, 1, 2])
print(relu(x))
print(relu(x.astype(float)))
#--- mlp-relu-deriv
x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
print((x > 0).astype(float))
print(np.where(x > 0, 1.0, 0.0))
print(np.greater(x, 0).astype(int))
#--- mlp-leaky-relu
x = np.array([-3.0, -1.0, 0.0, 2.0])
print(np.where(x > 0, x, 0.01 * x))
print(np.maximum(0.01 * x, x))
#--- mlp-tanh
x = np.linspace(-2, 2, 5)
print(np.tanh(x))
print(1 - np.tanh(x) ** 2)
#--- mlp-softmax-1d
def softmax(x):
    e = np.exp(x - np.max(x))
    return e / e.sum()
print(softmax(np.array([1.0, 2.0, 3.0])))
print(softmax(np.array([1.0, 2.0, 3.0])).sum())
#--- mlp-softmax-2d
def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)
z = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0], [-1.0, 0.0, 5.0]])
p = softmax(z)
print(p)
print(p.sum(axis=1))
#--- mlp-softmax-forgot-keepdims
z = np.array([[1.0, 2.0, 3.0], [2.0, 2.0, 2.0]])
e = np.exp(z)
print(e / e.sum(axis=1))
#--- mlp-softmax-forgot-keepdims-3rows
z = np.array([[1.0, 2.0, 3.0], [2.0, 2.0, 2.0], [0.0, 0.0, 1.0]])
e = np.exp(z)
print(e / e.sum(axis=1))
#--- mlp-cross-entropy
probs = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]])
y = np.array([0, 1, 2])
loss = -np.mean(np.log(probs[np.arange(len(y)), y]))
print(loss)
print(f"loss = {loss:.4f}")
#--- mlp-cross-entropy-onehot
probs = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]])
Y = np.array([[1, 0, 0], [0, 1, 0]])
print(-np.sum(Y * np.log(probs)) / probs.shape[0])
#--- mlp-bce
y = np.array([1, 0, 1, 1])
p = np.array([0.9, 0.2, 0.6, 0.99])
eps = 1e-12
p = np.clip(p, eps, 1 - eps)
bce = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
print(bce)
#--- mlp-mse
y_true = np.array([3.0, -0.5, 2.0, 7.0])
y_pred = np.array([2.5, 0.0, 2.0, 8.0])
print(np.mean((y_true - y_pred) ** 2))
print(((y_true - y_pred) ** 2).mean())
print(np.square(y_true - y_pred).mean())
#--- mlp-xor-forward
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([[0], [1], [1], [0]])
np.random.seed(42)
W1 = np.random.randn(2, 4)
b1 = np.zeros((1, 4))
W2 = np.random.randn(4, 1)
b2 = np.zeros((1, 1))
z1 = X @ W1 + b1
a1 = np.tanh(z1)
z2 = a1 @ W2 + b2
a2 = 1 / (1 + np.exp(-z2))
print(a2)
print(a2.shape)
#--- mlp-xor-train
np.random.seed(1)
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([[0], [1], [1], [0]])
W1 = np.random.uniform(-1, 1, (2, 3))
W2 = np.random.uniform(-1, 1, (3, 1))
lr = 0.5
for epoch in range(2000):
    h = 1 / (1 + np.exp(-(X @ W1)))
    out = 1 / (1 + np.exp(-(h @ W2)))
    err = y - out
    d_out = err * out * (1 - out)
    d_h = d_out @ W2.T * h * (1 - h)
    W2 += lr * h.T @ d_out
    W1 += lr * X.T @ d_h
print(np.round(out, 3))
#--- mlp-layer-shapes
np.random.seed(0)
layer_sizes = [784, 128, 64, 10]
weights = [np.random.randn(m, n) * np.sqrt(2.0 / m) for m, n in zip(layer_sizes[:-1], layer_sizes[1:])]
for w in weights:
    print(w.shape)
#--- mlp-he-init-std
np.random.seed(0)
W = np.random.randn(1000, 100) * np.sqrt(2.0 / 1000)
print(round(W.std(), 4))
#--- mlp-xavier
np.random.seed(0)
fan_in, fan_out = 4, 3
limit = np.sqrt(6 / (fan_in + fan_out))
W = np.random.uniform(-limit, limit, size=(fan_in, fan_out))
print(W)
#--- mlp-dense-backward
np.random.seed(0)
X = np.random.randn(4, 3)
W = np.random.randn(3, 2)
b = np.zeros(2)
out = X @ W + b
dout = np.ones_like(out)
dW = X.T @ dout
db = dout.sum(axis=0)
dX = dout @ W.T
print(dW)
print(db)
print(dX.shape)
#--- mlp-sgd-update
W = np.array([[0.5, -0.2], [0.1, 0.4]])
dW = np.array([[0.1, 0.1], [-0.2, 0.05]])
lr = 0.1
W -= lr * dW
print(W)
#--- mlp-momentum
v = np.zeros(3)
w = np.array([1.0, 2.0, 3.0])
grad = np.array([0.1, -0.2, 0.3])
for _ in range(3):
    v = 0.9 * v - 0.01 * grad
    w += v
print(v)
print(w)
#--- mlp-adam
m = np.zeros(2)
v = np.zeros(2)
w = np.array([1.0, -1.0])
g = np.array([0.5, -0.25])
beta1, beta2, eps, lr = 0.9, 0.999, 1e-8, 0.001
for t in range(1, 4):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    w -= lr * m_hat / (np.sqrt(v_hat) + eps)
print(w)
#--- mlp-accuracy
probs = np.array([[0.1, 0.9], [0.8, 0.2], [0.4, 0.6], [0.7, 0.3]])
labels = np.array([1, 0, 0, 0])
preds = np.argmax(probs, axis=1)
print(preds)
acc = (preds == labels).mean()
print(acc)
print(f"accuracy: {acc * 100:.1f}%")
#--- mlp-accuracy-percent
preds = np.array([1, 1, 0, 2, 2, 1])
y = np.array([1, 0, 0, 2, 1, 1])
print("Accuracy:", np.mean(preds == y))
print("Accuracy: %.2f" % (np.sum(preds == y) / len(y)))
#--- mlp-predict-threshold
out = np.array([[0.2], [0.7], [0.5], [0.51]])
print((out > 0.5).astype(int))
print((out > 0.5).astype(int).ravel())
#--- mlp-matmul-shape-error
X = np.ones((4, 3))
W = np.ones((4, 2))
print(X @ W)
#--- mlp-dot-shape-error
X = np.ones((4, 3))
W = np.ones((4, 2))
print(np.dot(X, W))
#--- mlp-bias-broadcast
X = np.arange(6.0).reshape(3, 2)
W = np.array([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]])
b = np.array([0.1, 0.2, 0.3])
print(X.dot(W) + b)
#--- mlp-bias-wrong-shape
X = np.arange(6.0).reshape(3, 2)
W = np.ones((2, 4))
b = np.zeros((3, 1))
print((X @ W + b).shape)
b = np.zeros(3)
print((X @ W + b).shape)
#--- mlp-grad-check
def loss(w):
    return np.sum((w - 3) ** 2)
w = np.array([1.0, 2.0])
eps = 1e-4
num = np.array([(loss(w + eps * np.eye(2)[i]) - loss(w - eps * np.eye(2)[i])) / (2 * eps) for i in range(2)])
ana = 2 * (w - 3)
print(num)
print(ana)
print(np.allclose(num, ana))
#--- mlp-dropout
np.random.seed(0)
a = np.ones((2, 5))
p = 0.5
mask = (np.random.rand(*a.shape) < p) / p
print(mask)
print(a * mask)
#--- mlp-batchnorm
np.random.seed(0)
x = np.random.randn(4, 3) * 5 + 2
mu = x.mean(axis=0)
var = x.var(axis=0)
x_hat = (x - mu) / np.sqrt(var + 1e-5)
print(x_hat.mean(axis=0).round(6))
print(x_hat.std(axis=0).round(4))
#--- mlp-l2-reg
weights = [np.ones((2, 2)), np.full((3,), 2.0)]
print(sum(np.sum(w ** 2) for w in weights))
#--- mlp-loss-history
losses = []
for i in range(5):
    losses.append(1.0 / (i + 1))
print(np.array(losses))
print(np.mean(losses))
for epoch, l in enumerate(losses):
    if epoch % 2 == 0:
        print(f"epoch {epoch}: loss {l:.3f}")
#--- mlp-linear-regression-gd
np.random.seed(0)
X = 2 * np.random.rand(100, 1)
y = 4 + 3 * X + np.random.randn(100, 1)
X_b = np.c_[np.ones((100, 1)), X]
theta = np.random.randn(2, 1)
for it in range(1000):
    gradients = 2 / 100 * X_b.T.dot(X_b.dot(theta) - y)
    theta = theta - 0.1 * gradients
print(theta)
#--- mlp-normal-equation
np.random.seed(42)
X = 2 * np.random.rand(100, 1)
y = 4 + 3 * X + np.random.randn(100, 1)
X_b = np.c_[np.ones((100, 1)), X]
theta_best = np.linalg.inv(X_b.T.dot(X_b)).dot(X_b.T).dot(y)
print(theta_best)
#--- mlp-lstsq
x = np.array([0, 1, 2, 3])
y = np.array([-1, 0.2, 0.9, 2.1])
A = np.vstack([x, np.ones(len(x))]).T
m, c = np.linalg.lstsq(A, y, rcond=None)[0]
print(round(m, 6), round(c, 6))
#--- mlp-logistic-regression
np.random.seed(0)
X = np.random.randn(6, 2)
y = (X[:, 0] + X[:, 1] > 0).astype(float)
w = np.zeros(2)
b = 0.0
for i in range(100):
    z = X @ w + b
    p = 1 / (1 + np.exp(-z))
    dw = X.T @ (p - y) / len(y)
    db = np.mean(p - y)
    w -= 0.5 * dw
    b -= 0.5 * db
print(w, b)
print(y)
#--- mlp-perceptron
X = np.array([[2, 3], [1, 1], [-1, -2], [-2, -1]])
y = np.array([1, 1, -1, -1])
w = np.zeros(2)
for xi, yi in zip(X, y):
    if yi * np.dot(w, xi) <= 0:
        w += yi * xi
print(w)
#--- mlp-class-weights
y = np.array([0, 0, 0, 1, 1, 2])
counts = np.bincount(y)
weights = len(y) / (len(counts) * counts)
print(counts)
print(weights)
#--- mlp-confusion-matrix
y_true = np.array([0, 1, 2, 2, 0, 1])
y_pred = np.array([0, 2, 2, 2, 0, 0])
cm = np.zeros((3, 3), dtype=int)
for t, p in zip(y_true, y_pred):
    cm[t, p] += 1
print(cm)
#--- mlp-confusion-add-at
y_true = np.array([0, 1, 2, 2, 0, 1])
y_pred = np.array([0, 2, 2, 2, 0, 0])
cm = np.zeros((3, 3), dtype=int)
np.add.at(cm, (y_true, y_pred), 1)
print(cm)
#--- mlp-softmax-grad-jacobian
s = np.array([0.2, 0.3, 0.5])
J = np.diag(s) - np.outer(s, s)
print(J)
#--- mlp-logsumexp
x = np.array([1000.0, 1000.5, 999.0])
m = np.max(x)
print(m + np.log(np.sum(np.exp(x - m))))
#--- mlp-log-zero
p = np.array([0.0, 0.5, 1.0])
print(np.log(p))
#--- mlp-one-layer-print-params
params = {"W1": np.zeros((3, 2)), "b1": np.zeros(2)}
for name, value in params.items():
    print(name, value.shape)
#--- mlp-argmax-keepdims
p = np.array([[0.1, 0.9, 0.0], [0.6, 0.3, 0.1]])
print(np.argmax(p, axis=1))
print(np.argmax(p, axis=-1).reshape(-1, 1))
print(p.max(axis=1, keepdims=True))
