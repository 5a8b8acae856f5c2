#!/usr/bin/env python3
"""The small LSTM cell that sessions/lstm-step.rnn opens up (run: python3 scripts/gen_lstm_step_cell.py).

A TF BasicLSTMCell of 4 units for inputs of width 3, in TF's layout: kernel (3 + 4, 16),
bias (16,), float32, from numpy's seeded generator. With --check it also prints what numpy
computes for one step on the session's input, to compare with the transcript by eye."""
import os, sys
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "sessions", "lstm-step-cell.npz")
rng = np.random.default_rng(2024)
kernel = rng.uniform(-0.1, 0.1, size=(7, 16)).astype(np.float32)
bias = rng.uniform(-0.5, 0.5, size=16).astype(np.float32)

if "--check" in sys.argv:
    x = np.arange(24, dtype=np.float32).reshape(2, 4, 3)
    x0 = np.split(x.transpose(1, 0, 2).reshape(-1, 3), 4)[0]
    c = np.zeros((2, 4), np.float32); h = np.zeros((2, 4), np.float32)
    g = np.concatenate([x0, h], 1) @ kernel + bias
    i, j, f, o = np.split(g, 4, 1)
    sig = lambda v: 1 / (1 + np.exp(-v))
    acts = [sig(i), np.tanh(j), sig(f + 1.0), sig(o)]
    c = c * acts[2] + acts[0] * acts[1]; h = np.tanh(c) * acts[3]
    for n, p, a in zip("ijfo", (i, j, f, o), acts):
        print(n, "%.3f .. %.3f" % (p.min(), p.max()), "%.3f .. %.3f" % (a.min(), a.max()), "%.3f" % a.mean())
    print("c", "%.3f .. %.3f" % (c.min(), c.max()), "%.3f" % c.mean())
    print("h", "%.3f .. %.3f" % (h.min(), h.max()), "%.3f" % h.mean())
    print(c); print(h)
else:
    tmp = out + ".tmp.npz"
    np.savez(tmp, kernel=kernel, bias=bias)
    os.replace(tmp, out)
    print("wrote", os.path.relpath(out))
