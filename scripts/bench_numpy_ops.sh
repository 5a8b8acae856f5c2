#!/bin/sh
# The array language's hot paths on 10^7 elements — in-place arithmetic, fancy indexing, boolean
# masking, where, broadcasting, reductions, .npy save — rnnsh next to numpy, in the same run on
# the same machine (issue 9: within 1.5x of numpy). A measurement, not a test.
#
#   scripts/bench_numpy_ops.sh [path/to/rnnsh] [rounds]   (default .build/release/rnnsh, 2 rounds)
#
# The machine may be shared, so the two programs alternate (rnnsh, numpy, rnnsh, numpy, ...) and
# each operation's best time over every round counts (each round runs it 5 times). The load
# average before and after is printed so that a figure taken under load says so. rnnsh times a
# statement with its `time` command (wall clock, one statement, including the undo journal's
# bookkeeping and the interpreter's own cost).
set -eu
BIN=${1:-.build/release/rnnsh}
ROUNDS=${2:-2}
N=10000000
REPS=5
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

SETUP="N = $N
x = np.arange(N) * 0.5
x2 = np.ones(N) * 1.0000001
idx = (np.arange(N) * 7919) % N
m = (np.arange(N) % 3) == 0
i = np.arange(N)
A = np.arange(N).reshape(1000, 10000) * 0.5
b = np.arange(10000) * 0.25
W = np.ones(N, dtype=np.float32)
dW = np.full(N, 0.5, dtype=np.float32)
W64 = np.ones(N)
dW64 = np.full(N, 0.5)
lr = 0.01"

# name|statement — the same text is run by rnnsh and by numpy (in this order, on the same data).
OPS="x += 1.0|x += 1.0
x *= 1.5|x *= 1.5
x *= x2|x *= x2
i -= 3 (int64)|i -= 3
W -= lr*dW (f32)|W -= lr * dW
W -= lr*dW (f64)|W64 -= lr * dW64
z = A + b (bcast)|z = A + b
z = x > 5|z = x > 5
y = x[idx]|y = x[idx]
y = x[m]|y = x[m]
y = x[x > 5]|y = x[x > 5]
x[m] = 0.0|x[m] = 0.0
x[idx] = 2.0|x[idx] = 2.0
x[idx] = x2|x[idx] = x2
np.where|z = np.where(m, x, 0.0)
x.sum()|s = x.sum()
A.sum(axis=0)|s = A.sum(axis=0)
A.sum(axis=1)|s = A.sum(axis=1)
A.mean(axis=1)|s = A.mean(axis=1)
A.max(axis=0)|s = A.max(axis=0)
np.save (80 MB)|np.save('$TMP/x.npy', x)
np.load (80 MB)|z = np.load('$TMP/x.npy')"

python3 - "$BIN" "$REPS" "$ROUNDS" "$SETUP" "$OPS" <<'PY'
import os, subprocess, sys, time, re
import numpy as np

binary, reps, rounds, setup, ops = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
ops = [line.split("|", 1) for line in ops.splitlines()]
load_before = open("/proc/loadavg").read().split()[:3]

def run_rnnsh():
    script = [setup]
    for _, stmt in ops:
        script += [f"time {stmt}"] * reps
    out = subprocess.run([binary], input="\n".join(script) + "\n", capture_output=True, text=True)
    if out.returncode != 0 or out.stderr.strip():
        sys.exit(f"rnnsh failed:\n{out.stderr}")
    def seconds(line):
        value, unit = re.match(r"Wall time: ([0-9.]+) (\S+)", line).groups()
        return float(value) * {"s": 1, "ms": 1e-3, "µs": 1e-6, "us": 1e-6, "ns": 1e-9}[unit]
    times = [seconds(l) for l in out.stdout.splitlines() if l.startswith("Wall time:")]
    return [min(times[k * reps:(k + 1) * reps]) for k in range(len(ops))]

def run_numpy():
    ns = {"np": np}
    exec(setup, ns)
    best = []
    for _, stmt in ops:
        code = compile(stmt, "<bench>", "exec")
        t = []
        for _ in range(reps):
            t0 = time.perf_counter(); exec(code, ns); t.append(time.perf_counter() - t0)
        best.append(min(t))
    return best

rnnsh = [float("inf")] * len(ops)
numpy = [float("inf")] * len(ops)
for _ in range(rounds):
    rnnsh = [min(a, b) for a, b in zip(rnnsh, run_rnnsh())]
    numpy = [min(a, b) for a, b in zip(numpy, run_numpy())]

load_after = open("/proc/loadavg").read().split()[:3]
print(f"numpy ops on 10^7 elements (best of {reps} x {rounds} alternating rounds; numpy {np.__version__}; "
      f"{os.cpu_count()} CPUs, load average {' '.join(load_before)} before, {' '.join(load_after)} after)")
print(f"{'operation':<20}{'rnnsh':>10}{'numpy':>10}{'ratio':>8}")
for (name, _), r, n in zip(ops, rnnsh, numpy):
    print(f"{name:<20}{r * 1e3:>8.1f}ms{n * 1e3:>8.1f}ms{r / n:>7.2f}x")
PY
