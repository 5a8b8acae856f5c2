#!/bin/sh
# In-place arithmetic, fancy indexing and boolean masking on 10^7 elements: rnnsh next to numpy,
# in the same run on the same machine (issue 9: within 1.5x of numpy). A measurement, not a test.
#
#   scripts/bench_numpy_ops.sh [path/to/rnnsh]     (default .build/release/rnnsh; build it first)
#
# Each operation runs 5 times in each program; the best time counts. rnnsh times a statement
# with its `time` command (wall clock, one statement, including the undo journal's bookkeeping).
set -eu
BIN=${1:-.build/release/rnnsh}
N=10000000
REPS=5

SETUP="N = $N
x = np.arange(N) * 0.5
idx = (np.arange(N) * 7919) % N
m = (np.arange(N) % 3) == 0"

# name|statement — the same text is run by rnnsh and by numpy.
OPS='x += 1.0|x += 1.0
x *= 1.5|x *= 1.5
i -= 3 (int64)|i -= 3
y = x[idx]|y = x[idx]
y = x[m]|y = x[m]
x[m] = 0.0|x[m] = 0.0
x[idx] = 2.0|x[idx] = 2.0'

python3 - "$BIN" "$REPS" "$SETUP" "$OPS" <<'PY'
import subprocess, sys, time, re
import numpy as np

binary, reps, setup, ops = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
ops = [line.split("|", 1) for line in ops.splitlines()]
setup_all = setup + "\ni = np.arange(N)"

# rnnsh: one script, each statement timed `reps` times.
script = [setup_all]
for _, stmt in ops:
    script += [f"time {stmt}"] * reps
out = subprocess.run([binary], input="\n".join(script) + "\n", capture_output=True, text=True)
if out.returncode != 0 or out.stderr.strip():
    sys.exit(f"rnnsh failed:\n{out.stderr}")
def seconds(line):
    value, unit = re.match(r"Wall time: ([0-9.]+) (\S+)", line).groups()
    return float(value) * {"s": 1, "ms": 1e-3, "µs": 1e-6, "us": 1e-6, "ns": 1e-9}[unit]
times = [seconds(l) for l in out.stdout.splitlines() if l.startswith("Wall time:")]
rnnsh = [min(times[k * reps:(k + 1) * reps]) for k in range(len(ops))]

# numpy: the same statements, same data, best of `reps`.
ns = {"np": np}
exec(setup_all, ns)
best = []
for _, stmt in ops:
    code = compile(stmt, "<bench>", "exec")
    t = []
    for _ in range(reps):
        t0 = time.perf_counter(); exec(code, ns); t.append(time.perf_counter() - t0)
    best.append(min(t))

print(f"numpy ops on 10^7 elements (best of {reps}; numpy {np.__version__})")
print(f"{'operation':<16}{'rnnsh':>10}{'numpy':>10}{'ratio':>8}")
for (name, _), r, n in zip(ops, rnnsh, best):
    print(f"{name:<16}{r * 1e3:>8.1f}ms{n * 1e3:>8.1f}ms{r / n:>7.2f}x")
PY
