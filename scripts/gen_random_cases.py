#!/usr/bin/env python3
"""Generates Tests/ShellTests/Fixtures/differential/random.py: numpy's random streams, 50 seeds
times every function's argument forms (sizes, dtypes, scalar vs shape, sequences of calls that
use the legacy Gaussian's cached value and PCG64's buffered 32-bit half).

Each case prints the array as numpy prints it and then its elements one by one
(`print(x[i, j])` prints the shortest repr that round-trips, so equal text means equal bits).

    python3 scripts/gen_random_cases.py
    python3 scripts/differential.py Tests/ShellTests/Fixtures/differential/random.py
"""
import itertools
import random

OUT = 'Tests/ShellTests/Fixtures/differential/random.py'
rnd = random.Random(909)
SEEDS = list(range(8)) + [42, 123, 2024, 2**32 - 1] + sorted(rnd.randrange(2**32) for _ in range(38))
assert len(SEEDS) == 50


def show(name, shape):
    """Print an array, then every element (flat, in C order)."""
    lines = [f'print({name})']
    if shape == ():
        return lines
    for idx in itertools.product(*[range(n) for n in shape]):
        lines.append(f'print({name}[{", ".join(map(str, idx))}])')
    return lines


def legacy_cases(i, s):
    r = random.Random(s)
    a, b = r.randint(1, 4), r.randint(1, 4)
    n = r.choice([3, 5, 7])
    cases = {}
    cases['rand'] = [f'np.random.seed({s})', f'x = np.random.rand({a}, {b})', *show('x', (a, b)),
                     'print(np.random.rand())', f'y = np.random.random(({b},))', *show('y', (b,)),
                     f'z = np.random.random_sample({n})', *show('z', (n,))]
    cases['gauss-cache'] = [f'np.random.seed({s})', f'x = np.random.randn({n})', *show('x', (n,)),
                            'print(np.random.randn())', 'y = np.random.standard_normal(2)', *show('y', (2,)),
                            f'z = np.random.normal({r.choice([0, 1.5, -3])}, {r.choice([1, 0.1, 2.5])}, ({a}, 2))', *show('z', (a, 2)),
                            'print(np.random.normal())', 'w = np.random.randn(2, 1)', *show('w', (2, 1))]
    hi = r.choice([2, 10, 100, 1000, 2**31, 2**40])
    cases['randint'] = [f'np.random.seed({s})', f'x = np.random.randint({hi}, size={n})', *show('x', (n,)),
                        'print(np.random.randint(100))', f'y = np.random.randint(-5, 5, ({a}, {b}))', *show('y', (a, b)),
                        f'z = np.random.randint(0, 256, {n}, dtype=np.uint8)', *show('z', (n,)),
                        f'w = np.random.randint(-1000, 1000, 4, dtype=np.int32)', *show('w', (4,)),
                        f'v = np.random.randint(0, 2, {n + 2}, dtype=bool)', *show('v', (n + 2,)),
                        f'print(np.random.randint(3, 4, 2))']
    cases['uniform'] = [f'np.random.seed({s})', f'x = np.random.uniform(-2, 3, {n})', *show('x', (n,)),
                        'print(np.random.uniform())', f'y = np.random.uniform(size=({a}, 2))', *show('y', (a, 2)),
                        'z = np.random.uniform(0, [1, 10, 100])', *show('z', (3,)),
                        'w = np.random.normal([0, 10], [1, 0.5], size=(2, 2))', *show('w', (2, 2))]
    pop = r.choice([5, 10, 30])
    k = r.randint(1, pop)
    cases['choice'] = [f'np.random.seed({s})', f'print(np.random.choice({pop}, {k}))',
                       f'print(np.random.choice({pop}, {k}, replace=False))',
                       "print(np.random.choice(['a', 'b', 'c'], 4)) if False else None",
                       'print(np.random.choice([10, 20, 30, 40], 5, p=[0.1, 0.2, 0.3, 0.4]))',
                       'print(np.random.choice(np.arange(12) * 1.5, (2, 3)))',
                       'print(np.random.choice(7))',
                       'print(np.random.choice([0.5, 1.5, 2.5]))',
                       'print(np.random.choice(6, 3, replace=False, p=[0.3, 0.1, 0.1, 0.2, 0.2, 0.1]))']
    cases['choice'] = [c for c in cases['choice'] if 'if False' not in c]
    cases['permutation'] = [f'np.random.seed({s})', f'print(np.random.permutation({r.randint(1, 20)}))',
                            f'print(np.random.permutation(np.arange(12).reshape(4, 3)))',
                            'x = np.arange(8)', 'np.random.shuffle(x)', 'print(x)',
                            'y = np.arange(10).reshape(5, 2)', 'np.random.shuffle(y)', 'print(y)',
                            'print(np.random.permutation([1.5, 2.5, 3.5]))']
    cases['discrete'] = [f'np.random.seed({s})', f'print(np.random.binomial(10, 0.3, {n}))',
                         f'print(np.random.binomial(1000, {r.choice([0.2, 0.5, 0.6, 0.95])}, 4))',
                         'print(np.random.binomial(50, 0.5))', f'print(np.random.poisson(3.0, {n}))',
                         'print(np.random.poisson(25.0, 3))', 'print(np.random.poisson())',
                         'x = np.random.exponential(2.0, 4)', *show('x', (4,)), 'print(np.random.exponential())']
    cases['seed-array'] = [f'np.random.seed([{s}, {i}])', 'x = np.random.rand(3)', *show('x', (3,)),
                           f'np.random.seed(np.array([{s}]))', 'y = np.random.rand(2)', *show('y', (2,))]
    cases['randomstate'] = [f'rs = np.random.RandomState({s})', 'x = rs.rand(3)', *show('x', (3,)),
                            'y = rs.randn(3)', *show('y', (3,)), 'print(rs.randint(0, 5, 4))',
                            f'np.random.seed({s})', 'z = np.random.rand(3)', *show('z', (3,))]
    cases['state'] = [f'np.random.seed({s})', 'x = np.random.randn(3)', 'st = np.random.get_state()',
                      'a = np.random.randn(3)', 'np.random.set_state(st)', 'b = np.random.randn(3)',
                      *show('a', (3,)), *show('b', (3,)), 'print(st[2], st[3])']
    return {f'legacy-{name}-{i:02d}': body for name, body in cases.items()}


def generator_cases(i, s):
    r = random.Random(s + 1)
    a, b = r.randint(1, 4), r.randint(1, 4)
    n = r.choice([3, 5, 7])
    seed = s if i % 5 else f'[{s}, {i}]'
    start = f'rng = np.random.default_rng({seed})'
    cases = {}
    cases['random'] = [start, f'x = rng.random(({a}, {b}))', *show('x', (a, b)), 'print(rng.random())',
                       f'y = rng.random({n}, dtype=np.float32)', *show('y', (n,)),
                       'print(rng.random(dtype=np.float32))', 'z = rng.random(2)', *show('z', (2,))]
    cases['normal'] = [start, f'x = rng.standard_normal({n})', *show('x', (n,)),
                       f'y = rng.normal({r.choice([0, 2, -1.5])}, {r.choice([1, 0.3, 4])}, ({a}, 2))', *show('y', (a, 2)),
                       f'z = rng.standard_normal({n}, dtype=np.float32)', *show('z', (n,)),
                       'print(rng.standard_normal())', 'print(rng.normal())',
                       'w = rng.normal([0, 100], 1)', *show('w', (2,))]
    hi = r.choice([2, 10, 100, 1000, 2**31, 2**40])
    cases['integers'] = [start, f'x = rng.integers({hi}, size={n})', *show('x', (n,)),
                         'print(rng.integers(100))', f'y = rng.integers(-5, 5, ({a}, {b}))', *show('y', (a, b)),
                         f'z = rng.integers(0, 6, {n}, endpoint=True)', *show('z', (n,)),
                         f'u = rng.integers(0, 200, {n}, dtype=np.uint8)', *show('u', (n,)),
                         f'w = rng.integers(-1000, 1000, 3, dtype=np.int32)', *show('w', (3,)),
                         f'v = rng.integers(0, 2, {n + 3}, dtype=bool)', *show('v', (n + 3,)),
                         'print(rng.random(dtype=np.float32))', 'print(rng.integers(10, 20))',
                         'print(rng.random())']
    pop = r.choice([5, 10, 30])
    k = r.randint(1, pop)
    cases['choice'] = [start, f'print(rng.choice({pop}, {k}))', f'print(rng.choice({pop}, {k}, replace=False))',
                       f'print(rng.choice({pop}, {k}, replace=False, shuffle=False))',
                       'print(rng.choice([10, 20, 30, 40], 5, p=[0.1, 0.2, 0.3, 0.4]))',
                       'print(rng.choice(np.arange(12).reshape(4, 3), 2))',
                       'print(rng.choice(np.arange(12).reshape(4, 3), 2, axis=1))',
                       'print(rng.choice(7))', 'print(rng.choice([0.5, 1.5, 2.5]))',
                       'big = rng.choice(20000, 1000, replace=False)', 'print(big[:6], big.shape)',
                       'print(rng.choice(6, 3, replace=False, p=[0.3, 0.1, 0.1, 0.2, 0.2, 0.1]))']
    cases['permutation'] = [start, f'print(rng.permutation({r.randint(1, 20)}))',
                            'print(rng.permutation(np.arange(12).reshape(4, 3)))',
                            'print(rng.permutation(np.arange(12).reshape(3, 4), axis=1))',
                            'x = np.arange(8)', 'rng.shuffle(x)', 'print(x)',
                            'y = np.arange(12).reshape(3, 4)', 'rng.shuffle(y, axis=1)', 'print(y)',
                            'print(rng.permuted(np.arange(12).reshape(3, 4), axis=1))',
                            'print(rng.permuted(np.arange(12).reshape(3, 4), axis=0))',
                            'print(rng.permuted(np.arange(12).reshape(3, 4)))']
    cases['other'] = [start, f'x = rng.uniform(-1, 1, {n})', *show('x', (n,)), 'print(rng.uniform(5, 6))',
                      'y = rng.exponential(2.0, 3)', *show('y', (3,)),
                      'z = rng.standard_exponential(3, dtype=np.float32)', *show('z', (3,)),
                      f'print(rng.poisson(4.0, {n}))', 'print(rng.poisson(30.0, 2))']
    return {f'generator-{name}-{i:02d}': body for name, body in cases.items()}


ERRORS = {
    'error-randint-high': 'np.random.randint(0)',
    'error-randint-order': 'np.random.randint(5, 2)',
    'error-randint-uint8': 'np.random.randint(300, dtype=np.uint8)',
    'error-randint-float': 'np.random.randint(5, dtype=np.float64)',
    'error-seed-negative': 'np.random.seed(-1)',
    'error-seed-big': 'np.random.seed(2**32)',
    'error-seed-empty': 'np.random.seed([])',
    'error-seed-2d': 'np.random.seed([[1, 2]])',
    'error-seed-range': 'np.random.seed([1, -1])',
    'error-rand-negative': 'np.random.rand(-1)',
    'error-normal-scale': 'np.random.normal(0, -1)',
    'error-normal-scale-array': 'np.random.normal(0, [1, -1])',
    'error-normal-broadcast': 'np.random.normal([1, 2, 3], 1, size=2)',
    'error-uniform-inf': 'np.random.uniform(0, np.inf)',
    'error-choice-zero': 'np.random.choice(0)',
    'error-choice-2d': 'np.random.choice([[1, 2]])',
    'error-choice-p-size': 'np.random.choice(5, 3, p=[0.5, 0.5])',
    'error-choice-p-sum': 'np.random.choice(5, 3, p=[0.5] * 5)',
    'error-choice-p-negative': 'np.random.choice(2, 1, p=[1.5, -0.5])',
    'error-choice-too-many': 'np.random.choice(5, 6, replace=False)',
    'error-choice-float': 'np.random.choice(2.5)',
    'error-binomial-n': 'np.random.binomial(-1, 0.5)',
    'error-binomial-p': 'np.random.binomial(5, 1.5)',
    'error-poisson-lam': 'np.random.poisson(-1)',
    'error-permutation-float': 'np.random.permutation(2.5)',
    'error-exponential-scale': 'np.random.exponential(-1)',
    'error-rng-negative': 'np.random.default_rng(-1)',
    'error-rng-float': 'np.random.default_rng(1.5)',
    'error-rng-integers-high': 'np.random.default_rng(0).integers(0)',
    'error-rng-integers-order': 'np.random.default_rng(0).integers(3, 3)',
    'error-rng-choice-too-many': 'np.random.default_rng(0).choice(5, 6, replace=False)',
    'error-rng-choice-p-sum': 'np.random.default_rng(0).choice(5, 3, p=[0.5] * 5)',
    'error-rng-random-dtype': 'np.random.default_rng(0).random(dtype=np.int64)',
    'error-rng-normal-dtype': 'np.random.default_rng(0).standard_normal(dtype=np.int32)',
    'error-rng-permutation-axis': 'np.random.default_rng(0).permutation(np.zeros((2, 3)), axis=2)',
    'error-rng-shuffle-axis': 'np.random.default_rng(0).shuffle(np.zeros((2, 3)), axis=2)',
    'error-rng-uniform-order': 'np.random.default_rng(0).uniform(1, 0)',
    'error-rng-choice-zero': 'np.random.default_rng(0).choice(0)',
}


def main():
    out = ['# numpy\'s random streams, bit for bit: generated by scripts/gen_random_cases.py (50 seeds).',
           '# Every case seeds first; elements are printed one by one so equal text means equal bits.']
    for i, s in enumerate(SEEDS):
        for name, body in {**legacy_cases(i, s), **generator_cases(i, s)}.items():
            out.append(f'#--- {name}')
            out.extend(body)
    for name, stmt in ERRORS.items():
        out.append(f'#--- {name}')
        out.append(f'print({stmt})')
    open(OUT, 'w').write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
