#!/usr/bin/env python3
"""Startup to prompt of the interactive rnnsh, measured the way a person sees it.

Starts the binary under a real pseudo-terminal (so readline, history loading and the prompt
all happen), times from fork to the moment "rnnsh> " arrives on the terminal, then sends
Ctrl-D. The history file holds 5000 entries (the most rnnsh keeps), so loading it is included.
Also reports the CPU time the process used (user+sys, whole run including the exit), which
does not depend on how busy the machine is.

    python3 scripts/measure_startup.py [BINARY] [--runs N]

BINARY defaults to .build/release/rnnsh (build it with `swift build -c release`).
"""
import argparse
import os
import pty
import statistics
import sys
import tempfile
import time


def measure(binary, runs, env):
    walls, cpus = [], []
    for _ in range(runs):
        start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(binary, [binary], env)
        seen = b""
        while b"rnnsh> " not in seen:
            chunk = os.read(fd, 4096)
            if not chunk:
                sys.exit(f"rnnsh ended before its prompt; it printed: {seen!r}")
            seen += chunk
        walls.append((time.perf_counter() - start) * 1000)
        os.write(fd, b"\x04")  # Ctrl-D
        try:
            while os.read(fd, 4096):
                pass
        except OSError:  # EIO once the child has closed the terminal
            pass
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    return sorted(walls), sorted(cpus)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", default=os.path.join(root, ".build/release/rnnsh"))
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"no rnnsh binary at {args.binary}: run `swift build -c release` first")
    with tempfile.TemporaryDirectory() as home:
        history = os.path.join(home, "history")
        with open(history, "w") as f:
            f.writelines(f"x{i} = arange {i % 100}\n" for i in range(5000))
        env = {"HOME": home, "RNNSH_HISTORY": history, "TERM": "xterm", "PATH": os.environ.get("PATH", "")}
        walls, cpus = measure(args.binary, args.runs, env)
    load = os.getloadavg()[0]
    print(f"startup to prompt, {args.runs} runs (load average {load:.1f} on {os.cpu_count()} CPUs):")
    print(f"  wall: min {walls[0]:.1f} ms, median {statistics.median(walls):.1f} ms, max {walls[-1]:.1f} ms")
    print(f"  cpu:  min {cpus[0]:.1f} ms, median {statistics.median(cpus):.1f} ms (user+sys, incl. exit)")


if __name__ == "__main__":
    main()
