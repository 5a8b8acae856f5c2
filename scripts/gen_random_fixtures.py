#!/usr/bin/env python3
"""Raw outputs of numpy's bit generators and samplers for the Tensor-level random tests.

Writes Tests/TensorTests/Fixtures/random_streams.json. Every number is a string (hex for raw
bits, repr for floats) so no JSON reader rounds it. Run with numpy 2.x:
    python3 scripts/gen_random_fixtures.py
"""
import json

import numpy as np

SEEDS = [0, 1, 2, 42, 123, 2024, 65535, 2**31 - 1, 2**32 - 1, 987654321]


def hexes(values):
    return ['%x' % int(v) for v in values]


def floats(values):
    return [repr(float(v)) for v in values]


def mt_legacy(seed):
    bg = np.random.MT19937()
    bg._legacy_seeding(seed)
    return bg


cases = {'mt19937_int': [], 'mt19937_array': [], 'seed_sequence': [], 'pcg64': [],
         'legacy': [], 'generator': []}
for s in SEEDS:
    bg = mt_legacy(s)
    raw = bg.random_raw(700)  # crosses one regeneration of the 624-word state
    cases['mt19937_int'].append({'seed': s, 'uint32': hexes(raw[:20]), 'uint32_after_624': hexes(raw[620:640])})
for key in [[0], [1, 2, 3], [2**32 - 1] * 5, list(range(700)), [42, 7]]:
    bg = mt_legacy(list(key))
    cases['mt19937_array'].append({'key': key, 'uint32': hexes(bg.random_raw(20))})
for entropy in [0, 1, 42, 2**32, 2**63 + 5, 2**100 + 12345, 2**200 - 1]:
    ss = np.random.SeedSequence(entropy)
    words = []
    n = entropy
    while True:
        words.append(n & 0xFFFFFFFF)
        n >>= 32
        if n == 0:
            break
    cases['seed_sequence'].append({'words': hexes(words), 'state32': hexes(ss.generate_state(8)),
                                   'state64': hexes(ss.generate_state(4, np.uint64))})
for s in SEEDS:
    bg = np.random.PCG64(s)
    cases['pcg64'].append({'seed': s, 'uint64': hexes(bg.random_raw(20))})
for s in SEEDS:
    rs = np.random.RandomState(s)
    d = {'seed': s, 'random': floats(rs.random_sample(5)), 'gauss': floats(rs.standard_normal(7)),
         'gauss_cached': floats(rs.standard_normal(3))}
    d['randint_1000'] = hexes(rs.randint(0, 1000, size=10))
    d['randint_big'] = hexes(rs.randint(0, 2**40, size=5))
    d['binomial_small'] = hexes(rs.binomial(10, 0.3, size=8))
    d['binomial_btpe'] = hexes(rs.binomial(1000, 0.4, size=8))
    d['binomial_high_p'] = hexes(rs.binomial(500, 0.9, size=8))
    d['poisson'] = hexes(rs.poisson(3.5, size=6)) + hexes(rs.poisson(40.0, size=6))
    cases['legacy'].append(d)
for s in SEEDS:
    g = np.random.default_rng(s)
    d = {'seed': s, 'random': floats(g.random(5)), 'random32': floats(g.random(5, dtype=np.float32)),
         'normal': floats(g.standard_normal(800)), 'normal32': floats(g.standard_normal(800, dtype=np.float32)),
         'exponential': floats(g.standard_exponential(300)),
         'exponential32': floats(g.standard_exponential(300, dtype=np.float32)),
         'integers_small': hexes(g.integers(0, 10, size=9)), 'integers_big': hexes(g.integers(-2**62, 2**62, size=5)),
         'integers_uint8': hexes(g.integers(0, 200, size=7, dtype=np.uint8)),
         'integers_bool': hexes(g.integers(0, 2, size=40, dtype=bool))}
    cases['generator'].append(d)

with open('Tests/TensorTests/Fixtures/random_streams.json', 'w') as f:
    json.dump(cases, f, indent=0)
