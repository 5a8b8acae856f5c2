#!/usr/bin/env python3
"""Issue 12: how long after Ctrl-C each kind of long operation stops (on the release binary).

Each case runs in a scratch directory as piped statements: a setup, `print('go')`, the long
statement, then a check that the statement changed nothing and the shell went on. SIGINT is
sent 0.3 s after `go`; the latency is the time from the signal to rnnsh's `interrupted` line
on stderr. A case whose statement finished before the signal says so (make it bigger).

    scripts/ctrl_c_latency.py [RNNSH] [CASE-NAME-SUBSTRING]
"""
import os
import select
import signal
import subprocess
import sys
import tempfile
import time

# (name, setup (which sets y = 1), long statement (which would change y), check (prints y))
CASES = [
    ("npy save", "a = np.ones(2 * 10**8); y = 1", "np.save('big.npy', a)", "print(y)"),
    ("npy load", "a = np.ones(2 * 10**8); np.save('big.npy', a); del a; y = 1", "y = np.load('big.npy')", "print(y)"),
    ("npz save", "a = np.ones(10**8); y = 1", "np.savez('big.npz', a=a, b=a)", "print(y)"),
    ("npz save compressed", "a = np.random.rand(3 * 10**7); y = 1", "np.savez_compressed('big.npz', a=a)", "print(y)"),
    ("npz load", "a = np.ones(2 * 10**8); np.savez('big.npz', a=a); del a; y = 1", "y = np.load('big.npz')['a']", "print(y)"),
    ("npz load compressed", "a = np.random.rand(4 * 10**7); np.savez_compressed('c.npz', a=a); del a; y = 1", "y = np.load('c.npz')['a']", "print(y)"),
    ("dataset", "y = 1", "y = mnist", "print(y)"),
    ("predict", "data = mnist validation=0\nm = train data epochs=1 examples=200 batch=50 units=32\nbig = np.tile(data.train.images, (10, 1)); y = 1",
     "y = predict m big", "print(y)"),
    ("eval", "data = mnist validation=0\nm = train data epochs=1 examples=200 batch=50 units=256\ny = 1", "y = eval m data.train", "print(y)"),
    ("plot", "a = np.random.rand(2 * 10**8); y = 1", "plot a", "print(y)"),
    ("heatmap", "a = np.random.rand(15000, 15000); y = 1", "heatmap a", "print(y)"),
    ("sort", "a = np.random.rand(3 * 10**7); y = 1", "y = np.sort(a)", "print(y)"),
    ("argsort", "a = np.random.rand(2 * 10**7); y = 1", "y = np.argsort(a)", "print(y)"),
    ("unique", "a = np.random.randint(0, 10**9, 2 * 10**7); y = 1", "y = np.unique(a)", "print(y)"),
    ("percentile", "a = np.random.rand(3 * 10**7); y = 1", "y = np.percentile(a, 50)", "print(y)"),
    ("einsum", "a = np.random.rand(1500, 1500); y = 1", "y = np.einsum('ij,jk->ik', a, a)", "print(y)"),
    ("inv", "a = np.random.rand(4000, 4000); y = 1", "y = np.linalg.inv(a)", "print(y)"),
    ("svd", "a = np.random.rand(3000, 3000); y = 1", "y = np.linalg.svd(a)", "print(y)"),
    ("random rand", "y = 1", "y = np.random.rand(10**8)", "print(y)"),
    ("random normal", "y = 1", "y = np.random.normal(size=10**8)", "print(y)"),
    ("generator normal", "g = np.random.default_rng(0); y = 1", "y = g.normal(size=10**8)", "print(y)"),
    ("randint", "y = 1", "y = np.random.randint(0, 10, 10**8)", "print(y)"),
    ("matmul", "a = np.ones((4000, 4000)); y = 1", "y = a @ a", "print(y)"),
]


def run(binary, name, setup, statement, check):
    with tempfile.TemporaryDirectory(prefix="rnnsh-ctrlc-") as d:
        script = f"{setup}\nprint('go')\n{statement}\n{check}\nprint('end')\n"
        p = subprocess.Popen([binary], cwd=d, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=dict(os.environ, NO_COLOR="1", HOME=d))
        p.stdin.write(script.encode())
        p.stdin.close()
        out, err = b"", b""
        sent = None
        latency = None
        deadline = time.time() + 300
        go_at = None
        open_pipes = [p.stdout, p.stderr]
        while time.time() < deadline and open_pipes:
            r, _, _ = select.select(open_pipes, [], [], 0.005)
            for f in r:
                chunk = os.read(f.fileno(), 65536)
                if not chunk:
                    open_pipes.remove(f)
                elif f is p.stdout:
                    out += chunk
                else:
                    err += chunk
            if go_at is None and b"go\n" in out:
                go_at = time.time()
            if go_at and sent is None and time.time() - go_at >= 0.3:
                p.send_signal(signal.SIGINT)
                sent = time.time()
            if sent and latency is None and b"interrupted" in err:
                latency = time.time() - sent
        try:
            p.wait(timeout=max(1, deadline - time.time()))
        except subprocess.TimeoutExpired:
            p.kill()
            return f"{name}: HUNG"
        files = sorted(os.listdir(d))
        after = out.split(b"go\n", 1)[-1].decode(errors="replace")
        if latency is None:
            return f"{name}: not interrupted (finished before the signal?) stdout {after!r} stderr {err.decode(errors='replace')[-300:]!r}"
        went_on = after.endswith("1\nend\n")
        return f"{name}: stopped {latency * 1000:.0f} ms after Ctrl-C; files {files}; " + ("workspace unchanged, shell went on" if went_on else f"AFTER: {after!r} {err.decode(errors='replace')[-300:]!r}")


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/rnnsh")
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    for case in CASES:
        if only in case[0]:
            print(run(binary, *case), flush=True)


if __name__ == "__main__":
    main()
