#--- cs-rank1
a = np.array([1, 2, 3])
print(type(a))
print(a.shape)
print(a[0], a[1], a[2])
a[0] = 5
print(a)
#--- cs-rank2
b = np.array([[1, 2, 3], [4, 5, 6]])
print(b.shape)
print(b[0, 0], b[0, 1], b[1, 0])
#--- cs-creation
a = np.zeros((2, 2))
print(a)
b = np.ones((1, 2))
print(b)
c = np.full((2, 2), 7)
print(c)
d = np.eye(2)
print(d)
#--- cs-random-shape
e = np.random.random((2, 2))
print(e.shape)
#--- cs-slicing-view
a = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
b = a[:2, 1:3]
print(a[0, 1])
b[0, 0] = 77
print(a[0, 1])
#--- cs-row-rank
a = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
row_r1 = a[1, :]
row_r2 = a[1:2, :]
print(row_r1, row_r1.shape)
print(row_r2, row_r2.shape)
col_r1 = a[:, 1]
col_r2 = a[:, 1:2]
print(col_r1, col_r1.shape)
print(col_r2, col_r2.shape)
#--- cs-integer-array-index
a = np.array([[1, 2], [3, 4], [5, 6]])
print(a[[0, 1, 2], [0, 1, 0]])
print(np.array([a[0, 0], a[1, 1], a[2, 0]]))
print(a[[0, 0], [1, 1]])
print(np.array([a[0, 1], a[0, 1]]))
#--- cs-mutate-one-per-row
a = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]])
print(a)
b = np.array([0, 2, 0, 1])
print(a[np.arange(4), b])
a[np.arange(4), b] += 10
print(a)
#--- cs-bool-idx
a = np.array([[1, 2], [3, 4], [5, 6]])
bool_idx = (a > 2)
print(bool_idx)
print(a[bool_idx])
print(a[a > 2])
#--- cs-datatypes
x = np.array([1, 2])
print(x.dtype)
x = np.array([1.0, 2.0])
print(x.dtype)
x = np.array([1, 2], dtype=np.int64)
print(x.dtype)
#--- cs-array-math
x = np.array([[1, 2], [3, 4]], dtype=np.float64)
y = np.array([[5, 6], [7, 8]], dtype=np.float64)
print(x + y)
print(np.add(x, y))
print(x - y)
print(np.subtract(x, y))
print(x * y)
print(np.multiply(x, y))
print(x / y)
print(np.divide(x, y))
print(np.sqrt(x))
#--- cs-dot
x = np.array([[1, 2], [3, 4]])
y = np.array([[5, 6], [7, 8]])
v = np.array([9, 10])
w = np.array([11, 12])
print(v.dot(w))
print(np.dot(v, w))
print(v @ w)
print(x.dot(v))
print(np.dot(x, v))
print(x @ v)
print(x.dot(y))
print(np.dot(x, y))
print(x @ y)
#--- cs-sum
x = np.array([[1, 2], [3, 4]])
print(np.sum(x))
print(np.sum(x, axis=0))
print(np.sum(x, axis=1))
#--- cs-transpose
x = np.array([[1, 2], [3, 4]])
print(x)
print(x.T)
v = np.array([1, 2, 3])
print(v)
print(v.T)
#--- cs-broadcast-loop
x = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]])
v = np.array([1, 0, 1])
y = np.empty_like(x)
for i in range(4):
    y[i, :] = x[i, :] + v
print(y)
#--- cs-broadcast-tile
x = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]])
v = np.array([1, 0, 1])
vv = np.tile(v, (4, 1))
print(vv)
y = x + vv
print(y)
#--- cs-broadcast
x = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]])
v = np.array([1, 0, 1])
y = x + v
print(y)
#--- cs-broadcast-apps
v = np.array([1, 2, 3])
w = np.array([4, 5])
print(np.reshape(v, (3, 1)) * w)
x = np.array([[1, 2, 3], [4, 5, 6]])
print(x + v)
print((x.T + w).T)
print(x + np.reshape(w, (2, 1)))
print(x * 2)
#--- cs-broadcast-fail
x = np.array([[1, 2, 3], [4, 5, 6]])
w = np.array([4, 5])
print(x + w)
#--- cs-distance-matrix
x = np.array([[0, 1], [1, 0], [2, 0]])
d = np.sqrt(np.sum((x[:, np.newaxis, :] - x[np.newaxis, :, :]) ** 2, axis=-1))
print(d)
#--- cs-knn-l2-vectorized
np.random.seed(0)
X_train = np.random.randn(5, 3)
X_test = np.random.randn(2, 3)
dists = np.sqrt(np.sum(X_test**2, axis=1, keepdims=True) + np.sum(X_train**2, axis=1) - 2 * X_test.dot(X_train.T))
print(dists)
print(np.argsort(dists, axis=1)[:, :3])
#--- cs-knn-vote
closest_y = np.array([2, 1, 2, 0, 1, 2])
print(np.bincount(closest_y))
print(np.argmax(np.bincount(closest_y)))
#--- cs-svm-loss
np.random.seed(1)
X = np.random.randn(4, 3)
W = np.random.randn(3, 5) * 0.01
y = np.array([0, 3, 1, 4])
scores = X.dot(W)
correct = scores[np.arange(4), y][:, np.newaxis]
margins = np.maximum(0, scores - correct + 1)
margins[np.arange(4), y] = 0
loss = np.sum(margins) / 4
print(margins)
print(loss)
#--- cs-svm-grad-mask
margins = np.array([[0., 0.5, 1.2], [0.3, 0., 0.], [2.0, 0.1, 0.]])
y = np.array([0, 1, 2])
binary = margins.copy()
binary[margins > 0] = 1
row_sum = np.sum(binary, axis=1)
binary[np.arange(3), y] = -row_sum
print(binary)
#--- cs-softmax-loss
np.random.seed(2)
scores = np.random.randn(3, 4)
y = np.array([1, 0, 3])
scores -= np.max(scores, axis=1, keepdims=True)
probs = np.exp(scores) / np.sum(np.exp(scores), axis=1, keepdims=True)
loss = -np.sum(np.log(probs[np.arange(3), y])) / 3
print(probs)
print(round(loss, 6))
#--- cs-softmax-grad
np.random.seed(3)
probs = np.random.rand(3, 4)
probs /= probs.sum(axis=1, keepdims=True)
y = np.array([2, 0, 1])
dscores = probs.copy()
dscores[range(3), y] -= 1
dscores /= 3
print(dscores)
#--- cs-numeric-grad
def f(x):
    return np.sum(x ** 2)
x = np.array([1.0, -2.0, 3.0])
h = 1e-5
grad = np.zeros_like(x)
for i in range(x.size):
    old = x[i]
    x[i] = old + h
    fxph = f(x)
    x[i] = old - h
    fxmh = f(x)
    x[i] = old
    grad[i] = (fxph - fxmh) / (2 * h)
print(grad)
#--- cs-rel-error
def rel_error(x, y):
    return np.max(np.abs(x - y) / (np.maximum(1e-8, np.abs(x) + np.abs(y))))
a = np.array([1.0, 2.0, 3.0])
b = np.array([1.0, 2.000001, 3.0])
print(rel_error(a, b))
print('%e' % rel_error(a, b))
#--- cs-array-split-folds
X = np.arange(20).reshape(10, 2)
folds = np.array_split(X, 3)
for f in folds:
    print(f.shape)
print(np.concatenate(folds[:2]).shape)
#--- cs-mean-image
np.random.seed(0)
X = np.random.randint(0, 256, size=(4, 2, 2, 3)).astype(np.float64)
mean_image = np.mean(X, axis=0)
print(mean_image.shape)
X -= mean_image
print(X[0])
#--- cs-bias-trick
X = np.arange(6, dtype=float).reshape(3, 2)
X = np.hstack([X, np.ones((X.shape[0], 1))])
print(X)
#--- cs-reshape-flatten-images
X = np.zeros((5, 4, 4, 3))
X_flat = np.reshape(X, (X.shape[0], -1))
print(X_flat.shape)
print(X.reshape(5, -1).shape)
#--- cs-hinge-vector
scores = np.array([3.2, 5.1, -1.7])
y = 0
margins = np.maximum(0, scores - scores[y] + 1.0)
margins[y] = 0
print(margins)
print(np.sum(margins))
#--- cs-softmax-naive-unstable
f = np.array([123, 456, 789])
p = np.exp(f) / np.sum(np.exp(f))
print(p)
#--- cs-softmax-stable
f = np.array([123, 456, 789])
f = f - np.max(f)
p = np.exp(f) / np.sum(np.exp(f))
print(p)
#--- cs-linspace-plot-data
x = np.arange(0, 3 * np.pi, 0.1)
y_sin = np.sin(x)
print(x.shape, y_sin.shape)
print(y_sin[:4])
#--- cs-image-tint
img = np.arange(24).reshape(2, 4, 3)
img_tinted = img * [1, 0.95, 0.9]
print(img_tinted)
#--- cs-accuracy
y_pred = np.array([1, 2, 0, 1, 1])
y_test = np.array([1, 2, 1, 1, 0])
num_correct = np.sum(y_pred == y_test)
accuracy = float(num_correct) / 5
print('Got %d / %d correct => accuracy: %f' % (num_correct, 5, accuracy))
#--- cs-best-k
accs = {1: [0.26, 0.25], 3: [0.27, 0.3], 5: [0.28, 0.29]}
for k in sorted(accs):
    print('k = %d, mean = %f' % (k, np.mean(accs[k])))
#--- cs-norm
x = np.array([[3.0, 4.0], [6.0, 8.0]])
print(np.linalg.norm(x))
print(np.linalg.norm(x, axis=1))
print(np.linalg.norm(x[0]))
#--- cs-weight-init
np.random.seed(0)
W1 = 1e-4 * np.random.randn(4, 3)
b1 = np.zeros(3)
print(W1)
print(b1)
#--- cs-two-layer-forward
np.random.seed(0)
X = np.random.randn(5, 4)
W1 = np.random.randn(4, 10) * 0.1
b1 = np.zeros(10)
W2 = np.random.randn(10, 3) * 0.1
b2 = np.zeros(3)
h = np.maximum(0, X.dot(W1) + b1)
scores = h.dot(W2) + b2
print(scores)
#--- cs-reg-loss
W = np.array([[1.0, -2.0], [0.5, 3.0]])
reg = 0.1
print(reg * np.sum(W * W))
print(0.5 * reg * np.sum(W**2))
