# Classes: __init__, methods, attributes, inheritance, super(), dunders, errors (hand-written).
#--- init-method
class A:
    def __init__(self, x):
        self.x = x
    def f(self):
        return self.x * 2
print(A(3).f())
#--- repr-dunder
class A:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"A({self.x!r})"
print(A(2), [A(1), A('s')], repr(A(0)))
#--- str-dunder
class A:
    def __str__(self):
        return 'an A'
print(A(), str(A()), f'{A()}')
#--- super-init
class A:
    def __init__(self, x):
        self.x = x
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
b = B(1, 2)
print(b.x, b.y, isinstance(b, A), isinstance(b, B), isinstance(A(0), B))
#--- override-super-call
class A:
    def f(self):
        return 1
class B(A):
    def f(self):
        return super().f() + 10
print(A().f(), B().f())
#--- type-of-instance
class A:
    pass
print(type(A()), type(A()) is A, A.__name__, type(A()).__name__)
#--- class-attribute-shared
class A:
    n = 0
    def __init__(self):
        A.n += 1
_ = A(); _ = A()
print(A.n, A().n)
#--- missing-attribute
class A:
    pass
A().x
#--- missing-argument
class A:
    def __init__(self, n):
        self.n = n
A()
#--- too-many-arguments
class A:
    def f(self):
        return 1
A().f(2)
#--- class-missing-attribute
class A:
    pass
A.y
#--- array-attribute-inplace
class M:
    def __init__(self):
        self.W = np.ones((2, 2))
    def step(self, lr):
        self.W -= lr * np.ones((2, 2))
m = M()
W = m.W
m.step(0.5)
print(W)
print(m.W)
#--- len-getitem-call-eq
class S:
    def __init__(self, xs):
        self.xs = xs
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __call__(self, k):
        return k * 2
    def __eq__(self, other):
        return self.xs == other.xs
s = S([1, 2, 3])
print(len(s), s[1], s(4), s == S([1, 2, 3]), s == S([1]), bool(S([])))
#--- hasattr-getattr-setattr
class A:
    pass
a = A()
setattr(a, 'z', 5)
print(hasattr(a, 'z'), hasattr(a, 'q'), getattr(a, 'z'), getattr(a, 'q', 9))
#--- property-static-class
class P:
    @property
    def v(self):
        return 7
    @staticmethod
    def s(x):
        return x + 1
    @classmethod
    def c(cls):
        return cls.__name__
print(P().v, P.s(1), P().c(), P.c())
#--- dir-public
class A:
    k = 1
    def __init__(self):
        self.w = 2
    def f(self):
        pass
print([n for n in dir(A()) if not n.startswith('_')])
#--- tutorial-rnn
class RNN:
    def __init__(self, n_in, n_h):
        rng = np.random.default_rng(0)
        self.Wxh = np.full((n_h, n_in), 0.1)
        self.Whh = np.eye(n_h) * 0.5
        self.h = np.zeros((n_h, 1))
    def forward(self, xs):
        self.h = np.zeros_like(self.h)
        for x in xs:
            self.h = np.tanh(self.Wxh @ x + self.Whh @ self.h)
        return self.h
    def train_step(self, xs, lr=0.1):
        h = self.forward(xs)
        dW = h @ np.ones((1, self.Wxh.shape[1]))
        self.Wxh -= lr * dW
        return float((h ** 2).sum())
rnn = RNN(3, 2)
xs = [np.ones((3, 1)), np.ones((3, 1)) * 2]
print(rnn.forward(xs))
print(round(rnn.train_step(xs), 6))
print(rnn.Wxh)
