#--- pre-onehot-eye
labels = np.array([0, 2, 1, 2])
print(np.eye(3)[labels])
#--- pre-onehot-eye-int
labels = np.array([3, 0, 1])
print(np.eye(4, dtype=int)[labels])
#--- pre-onehot-zeros
y = np.array([1, 0, 3])
one_hot = np.zeros((y.size, y.max() + 1))
one_hot[np.arange(y.size), y] = 1
print(one_hot)
#--- pre-onehot-identity
y = np.array([2, 1])
print(np.identity(3)[y])
#--- pre-onehot-decode
Y = np.array([[0, 0, 1], [1, 0, 0]])
print(np.argmax(Y, axis=1))
#--- pre-onehot-out-of-range
labels = np.array([0, 3, 1])
print(np.eye(3)[labels])
#--- pre-standardize
X = np.array([[1.0, 200.0], [2.0, 300.0], [3.0, 400.0]])
mean = X.mean(axis=0)
std = X.std(axis=0)
X_std = (X - mean) / std
print(mean)
print(std)
print(X_std)
#--- pre-minmax
X = np.array([[1.0, -1.0, 2.0], [2.0, 0.0, 0.0], [0.0, 1.0, -1.0]])
X_min = X.min(axis=0)
X_max = X.max(axis=0)
print((X - X_min) / (X_max - X_min))
#--- pre-normalize-rows
X = np.array([[3.0, 4.0], [1.0, 0.0], [1.0, 1.0]])
norms = np.linalg.norm(X, axis=1, keepdims=True)
print(X / norms)
#--- pre-normalize-pixels
img = np.array([[0, 128], [255, 64]], dtype=np.uint8)
print(img / 255.0)
print(img.astype(np.float32) / 255)
#--- pre-uint8-overflow
img = np.array([250, 5, 100], dtype=np.uint8)
print(img + 10)
print(img.astype(int) + 10)
#--- pre-shuffle-permutation
np.random.seed(0)
X = np.arange(10).reshape(5, 2)
y = np.array([0, 1, 0, 1, 1])
perm = np.random.permutation(len(X))
print(perm)
print(X[perm])
print(y[perm])
#--- pre-shuffle-inplace
np.random.seed(1)
a = np.arange(8)
np.random.shuffle(a)
print(a)
#--- pre-shuffle-2d-rows
np.random.seed(2)
a = np.arange(9).reshape(3, 3)
np.random.shuffle(a)
print(a)
#--- pre-train-test-split
np.random.seed(42)
X = np.arange(20).reshape(10, 2)
y = np.arange(10)
idx = np.random.permutation(10)
split = int(0.8 * len(X))
train_idx, test_idx = idx[:split], idx[split:]
X_train, X_test = X[train_idx], X[test_idx]
print(X_train.shape, X_test.shape)
print(y[test_idx])
#--- pre-minibatches
X = np.arange(14).reshape(7, 2)
batch_size = 3
for i in range(0, len(X), batch_size):
    batch = X[i:i + batch_size]
    print(i, batch.shape)
#--- pre-minibatches-shuffled
np.random.seed(3)
X = np.arange(10)
y = X * 10
indices = np.arange(len(X))
np.random.shuffle(indices)
for start in range(0, len(X), 4):
    b = indices[start:start + 4]
    print(X[b], y[b])
#--- pre-minibatch-generator
def batches(X, y, bs):
    for i in range(0, X.shape[0], bs):
        yield X[i:i + bs], y[i:i + bs]
X = np.ones((5, 2))
y = np.zeros(5)
for xb, yb in batches(X, y, 2):
    print(xb.shape, yb.shape)
#--- pre-num-batches
N = 1000
batch_size = 64
print(N // batch_size)
print(int(np.ceil(N / batch_size)))
print(N % batch_size)
#--- pre-flatten-images
imgs = np.zeros((10, 28, 28))
flat = imgs.reshape(imgs.shape[0], -1)
print(flat.shape)
print(imgs.reshape(10, 784).shape)
#--- pre-flatten-bad-reshape
imgs = np.zeros((10, 28, 28))
print(imgs.reshape(10, 780).shape)
#--- pre-add-channel-dim
imgs = np.zeros((10, 28, 28))
print(imgs[:, np.newaxis].shape)
print(np.expand_dims(imgs, -1).shape)
print(imgs[..., None].shape)
#--- pre-squeeze
x = np.zeros((1, 3, 1))
print(np.squeeze(x).shape)
print(x.squeeze(axis=0).shape)
#--- pre-squeeze-bad-axis
x = np.zeros((1, 3, 1))
print(x.squeeze(axis=1).shape)
#--- pre-nan-handling
x = np.array([1.0, np.nan, 3.0, np.nan])
print(np.isnan(x))
print(np.isnan(x).sum())
print(np.nanmean(x))
x[np.isnan(x)] = 0
print(x)
#--- pre-nan-mean-naive
x = np.array([1.0, np.nan, 3.0])
print(x.mean())
print(np.nansum(x))
#--- pre-fill-nan-column-mean
X = np.array([[1.0, np.nan], [3.0, 4.0], [np.nan, 8.0]])
col_mean = np.nanmean(X, axis=0)
inds = np.where(np.isnan(X))
print(inds)
X[inds] = np.take(col_mean, inds[1])
print(X)
#--- pre-clip-outliers
x = np.array([-5, 0, 3, 10, 100])
print(np.clip(x, 0, 10))
print(x.clip(min=0))
#--- pre-bincount-labels
y = np.array([0, 1, 1, 3, 3, 3])
print(np.bincount(y))
print(np.bincount(y, minlength=5))
#--- pre-unique-counts
y = np.array([2, 1, 2, 3, 1, 2])
vals, counts = np.unique(y, return_counts=True)
print(vals)
print(counts)
print(dict(zip(vals.tolist(), counts.tolist())))
#--- pre-unique-inverse
words = np.array([5, 3, 5, 9])
u, inv = np.unique(words, return_inverse=True)
print(u, inv)
#--- pre-label-encode
cats = ['cat', 'dog', 'cat', 'bird']
classes = sorted(set(cats))
enc = np.array([classes.index(c) for c in cats])
print(classes)
print(enc)
#--- pre-polynomial-features
x = np.array([1.0, 2.0, 3.0])
X = np.column_stack([x ** p for p in range(4)])
print(X)
print(np.vander(x, 3))
#--- pre-pad-sequences
seqs = [[1, 2, 3], [4, 5], [6]]
maxlen = max(len(s) for s in seqs)
padded = np.zeros((len(seqs), maxlen), dtype=int)
for i, s in enumerate(seqs):
    padded[i, :len(s)] = s
print(padded)
#--- pre-np-pad
x = np.array([[1, 2], [3, 4]])
print(np.pad(x, 1))
print(np.pad(x, ((0, 0), (1, 2)), mode='constant', constant_values=-1))
#--- pre-pad-1d
print(np.pad(np.array([1, 2, 3]), (2, 1)))
#--- pre-log-transform
x = np.array([0, 9, 99, 999])
print(np.log1p(x))
print(np.log10(x + 1))
#--- pre-digitize
ages = np.array([5, 17, 18, 40, 65, 90])
bins = np.array([0, 18, 65])
print(np.digitize(ages, bins))
#--- pre-sort-by-column
data = np.array([[3, 'c' == 'c'], [1, False], [2, True]], dtype=int)
print(data[data[:, 0].argsort()])
#--- pre-argsort-desc
scores = np.array([0.2, 0.9, 0.5, 0.7])
print(np.argsort(scores)[::-1])
print(np.argsort(-scores)[:2])
#--- pre-topk
x = np.array([4, 1, 7, 3, 9, 2])
k = 3
idx = np.argpartition(x, -k)[-k:]
print(np.sort(x[idx]))
#--- pre-mask-filter
X = np.array([[1, 2], [3, 4], [5, 6], [7, 8]])
y = np.array([0, 1, 0, 1])
print(X[y == 1])
print(X[(X[:, 0] > 2) & (X[:, 1] < 8)])
#--- pre-mask-and-error
x = np.array([1, 5, 10])
print(x[x > 2 and x < 8])
#--- pre-mask-missing-parens
x = np.array([1, 5, 10])
print(x[x > 2 & x < 8])
#--- pre-where-replace
x = np.array([1, -2, 3, -4])
print(np.where(x < 0, 0, x))
print(np.where(x < 0))
print(np.where(x < 0)[0])
#--- pre-count-condition
x = np.array([0.1, 0.6, 0.7, 0.2, 0.9])
print(np.sum(x > 0.5))
print(np.count_nonzero(x > 0.5))
print((x > 0.5).mean())
#--- pre-percentile-iqr
x = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])
q1, q3 = np.percentile(x, [25, 75])
iqr = q3 - q1
print(q1, q3, iqr)
print(x[(x >= q1 - 1.5 * iqr) & (x <= q3 + 1.5 * iqr)])
#--- pre-median
x = np.array([7, 1, 3, 5])
print(np.median(x))
print(np.median(np.array([[1, 3], [2, 8]]), axis=0))
#--- pre-zscore-outliers
x = np.array([10.0, 12.0, 11.0, 13.0, 50.0, 12.0])
z = (x - x.mean()) / x.std()
print(z.round(3))
print(x[np.abs(z) > 2])
#--- pre-moving-average
x = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
w = 3
print(np.convolve(x, np.ones(w) / w, mode='valid'))
c = np.cumsum(np.insert(x, 0, 0))
print((c[w:] - c[:-w]) / w)
#--- pre-meshgrid
x = np.array([0, 1, 2])
y = np.array([0, 10])
xx, yy = np.meshgrid(x, y)
print(xx)
print(yy)
print(np.c_[xx.ravel(), yy.ravel()])
#--- pre-astype-truncate
x = np.array([1.7, -1.7, 2.5])
print(x.astype(int))
print(np.round(x).astype(int))
print(np.rint(x))
#--- pre-tolist
x = np.array([[1, 2], [3, 4]])
print(x.tolist())
print(list(x[0]))
print(x.flatten().tolist())
