#!/bin/sh
# The Python language's own speed — a range loop of int arithmetic, a function call in a loop, a
# list-append loop, recursive fib(25), and 10,000 top-level statements on a small array — rnnsh
# next to CPython 3, in the same run on the same machine (goal: no slower than CPython, never
# worse than 2x; an array statement costs its array work plus under 2 us). A measurement, not a
# test; it builds nothing.
#
#   scripts/bench_language.sh [path/to/rnnsh] [reps]   (default .build/release/rnnsh, 5 reps)
#
# Both interpreters run the SAME program text from a file (`python3 prog.py`, `rnnsh prog.py`).
# Each program times its own work with time.perf_counter() and prints the seconds as its last
# line, so process start-up (and numpy's import) is not counted; every other line of the two
# outputs must be equal, or the bench stops. The runs alternate (CPython, rnnsh, CPython, rnnsh,
# ...) so a busy machine slows both alike; the medians are printed, with the load average
# before and after.
set -eu
BIN=${1:-.build/release/rnnsh}
REPS=${2:-5}
PY=${PYTHON:-python3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

cat > "$TMP/for_range.py" <<'EOF'
import time
t0 = time.perf_counter()
total = 0
for i in range(10**6):
    total = total + i * 3 % 7
print(total)
print(time.perf_counter() - t0)
EOF

cat > "$TMP/call_loop.py" <<'EOF'
import time
def add(a, b):
    return a + b
t0 = time.perf_counter()
t = 0
for i in range(10**6):
    t = add(t, i)
print(t)
print(time.perf_counter() - t0)
EOF

cat > "$TMP/append_loop.py" <<'EOF'
import time
t0 = time.perf_counter()
xs = []
for i in range(10**6):
    xs.append(i)
print(len(xs), xs[-1])
print(time.perf_counter() - t0)
EOF

cat > "$TMP/fib25.py" <<'EOF'
import time
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
t0 = time.perf_counter()
print(fib(25))
print(time.perf_counter() - t0)
EOF

# 10,000 top-level statements, each a small array operation: the per-statement cost of the
# interpreter (parse, undo journal, workspace) on top of numpy's own work.
{
    echo "import time"
    echo "import numpy as np"
    echo "x = np.zeros(4)"
    echo "t0 = time.perf_counter()"
    i=0
    while [ $i -lt 10000 ]; do echo "x = x + 1"; i=$((i + 1)); done
    echo "print(x)"
    echo "print(time.perf_counter() - t0)"
} > "$TMP/array_statements.py"

"$PY" - "$BIN" "$PY" "$REPS" "$TMP" <<'PYEOF'
import os, subprocess, sys, statistics

binary, python, reps, tmp = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
programs = ["for_range", "call_loop", "append_loop", "fib25", "array_statements"]
load_before = open("/proc/loadavg").read().split()[:3]

def run(cmd, path):
    out = subprocess.run(cmd + [path], capture_output=True, text=True)
    if out.returncode != 0 or out.stderr.strip():
        sys.exit(f"{' '.join(cmd)} {os.path.basename(path)} failed:\n{out.stdout}{out.stderr}")
    lines = out.stdout.splitlines()
    return lines[:-1], float(lines[-1])

print(f"{'program':<18}{'CPython s':>11}{'rnnsh s':>11}{'ratio':>8}")
for name in programs:
    path = os.path.join(tmp, name + ".py")
    py_t, sh_t = [], []
    for _ in range(reps):
        py_out, t = run([python], path); py_t.append(t)
        sh_out, t = run([binary], path); sh_t.append(t)
        if py_out != sh_out:
            sys.exit(f"{name}: outputs differ\nCPython: {py_out}\nrnnsh:   {sh_out}")
    p, s = statistics.median(py_t), statistics.median(sh_t)
    extra = ""
    if name == "array_statements":
        extra = f"   ({s / 10000 * 1e6:.1f} us vs {p / 10000 * 1e6:.1f} us a statement)"
    print(f"{name:<18}{p:>11.4f}{s:>11.4f}{s / p:>7.2f}x{extra}", flush=True)

load_after = open("/proc/loadavg").read().split()[:3]
print(f"(medians of {reps} alternating runs; {subprocess.run([python, '--version'], capture_output=True, text=True).stdout.strip()}; "
      f"{os.cpu_count()} CPUs, load average {' '.join(load_before)} before, {' '.join(load_after)} after)")
PYEOF
