#!/bin/sh
# The Python language's own speed — a range loop of int arithmetic, a function call in a loop, a
# list-append loop, recursive fib(25), 10,000 top-level statements on a small array, and a
# 200,000-line script — rnnsh next to CPython 3, in the same run on the same machine (goal: no
# slower than CPython, never worse than 2x; an array statement costs its array work plus under
# 2 us; the 200,000-line script runs in under 2 s). A measurement, not a test; it builds nothing.
#
#   scripts/bench_language.sh [path/to/rnnsh] [reps]   (default .build/release/rnnsh, 5 reps)
#
# Both interpreters run the SAME program text from a file (`python3 prog.py`, `rnnsh prog.py`).
# Each program times its own work with time.perf_counter() and prints the seconds as its last
# line, so process start-up (and numpy's import) is not counted; every other line of the two
# outputs must be equal, or the bench stops. The runs alternate (CPython, rnnsh, CPython, rnnsh,
# ...) so a busy machine slows both alike; the medians are printed, with the load average
# before and after.
#
# On a loaded machine the wall clock also counts the time a process waited for a core, and a
# short run (CPython's fib(25) takes a few scheduler slices) waits very differently from a
# longer one, so the CPU time is shown too: user + system time of the whole process (from
# the kernel, not from the interpreter's own clock) minus the median of the same interpreter
# running only the program's import lines (its start-up). The 200,000-line script is timed
# as a whole process, start-up, parse and run, wall and CPU.
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

# A 200,000-line script of simple statements: parse and run time grow with its length only.
{
    i=0
    while [ $i -lt 50000 ]; do
        echo "a = $i"
        echo "b = a + 2"
        echo "c = [a, b]"
        echo "d = c[1] * 3"
        i=$((i + 1))
    done
    echo "print(a, b, c, d)"
} > "$TMP/script_200k.py"

# Each program's start-up: its import lines alone.
echo "import time" > "$TMP/startup.py"
printf 'import time\nimport numpy as np\n' > "$TMP/startup_numpy.py"

"$PY" - "$BIN" "$PY" "$REPS" "$TMP" <<'PYEOF'
import os, resource, subprocess, sys, statistics, time

binary, python, reps, tmp = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
programs = ["for_range", "call_loop", "append_loop", "fib25", "array_statements"]
load_before = open("/proc/loadavg").read().split()[:3]

def run(cmd, path):
    """The program's output lines, its wall seconds, and the process's CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd + [path], capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0 or out.stderr.strip():
        sys.exit(f"{' '.join(cmd)} {os.path.basename(path)} failed:\n{out.stdout}{out.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out.stdout.splitlines(), wall, cpu

startup = {}
for prelude in ["startup", "startup_numpy"]:
    path = os.path.join(tmp, prelude + ".py")
    py_c, sh_c = [], []
    for _ in range(reps):
        py_c.append(run([python], path)[2])
        sh_c.append(run([binary], path)[2])
    startup[prelude] = (statistics.median(py_c), statistics.median(sh_c))

print(f"{'program':<18}{'CPython s':>11}{'rnnsh s':>11}{'ratio':>8}{'CPU: CPython s':>17}{'rnnsh s':>11}{'ratio':>8}")
for name in programs:
    path = os.path.join(tmp, name + ".py")
    base = startup["startup_numpy" if name == "array_statements" else "startup"]
    py_t, sh_t, py_c, sh_c = [], [], [], []
    for _ in range(reps):
        lines, _, c = run([python], path)
        py_out, t = lines[:-1], float(lines[-1]); py_t.append(t); py_c.append(c - base[0])
        lines, _, c = run([binary], path)
        sh_out, t = lines[:-1], float(lines[-1]); sh_t.append(t); sh_c.append(c - base[1])
        if py_out != sh_out:
            sys.exit(f"{name}: outputs differ\nCPython: {py_out}\nrnnsh:   {sh_out}")
    p, s = statistics.median(py_t), statistics.median(sh_t)
    pc, sc = statistics.median(py_c), statistics.median(sh_c)
    extra = ""
    if name == "array_statements":
        extra = f"   ({s / 10000 * 1e6:.1f} us vs {p / 10000 * 1e6:.1f} us a statement; CPU includes parsing the file)"
    print(f"{name:<18}{p:>11.4f}{s:>11.4f}{s / p:>7.2f}x{pc:>17.4f}{sc:>11.4f}{sc / pc:>7.2f}x{extra}", flush=True)

path = os.path.join(tmp, "script_200k.py")
py_w, sh_w, py_c, sh_c = [], [], [], []
for _ in range(reps):
    py_out, w, c = run([python], path); py_w.append(w); py_c.append(c)
    sh_out, w, c = run([binary], path); sh_w.append(w); sh_c.append(c)
    if py_out != sh_out:
        sys.exit(f"script_200k: outputs differ\nCPython: {py_out}\nrnnsh:   {sh_out}")
p, s = statistics.median(py_w), statistics.median(sh_w)
pc, sc = statistics.median(py_c), statistics.median(sh_c)
print(f"{'script_200k':<18}{p:>11.4f}{s:>11.4f}{s / p:>7.2f}x{pc:>17.4f}{sc:>11.4f}{sc / pc:>7.2f}x"
      f"   (whole process, 200,000 lines)", flush=True)
print(f"(start-up CPU subtracted: CPython {startup['startup'][0]:.4f} s, rnnsh {startup['startup'][1]:.4f} s; "
      f"with numpy: {startup['startup_numpy'][0]:.4f} s, {startup['startup_numpy'][1]:.4f} s)")

load_after = open("/proc/loadavg").read().split()[:3]
print(f"(medians of {reps} alternating runs; {subprocess.run([python, '--version'], capture_output=True, text=True).stdout.strip()}; "
      f"{next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), '?')}, "
      f"{os.cpu_count()} CPUs, load average {' '.join(load_before)} before, {' '.join(load_after)} after)")
PYEOF
