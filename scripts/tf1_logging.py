"""The reference output of Tests/ShellTests/Fixtures/tf1-logging/*.py, made by TensorFlow.

Each program there uses tf.logging (tf.compat.v1.logging). This script runs it under
TensorFlow's tf.compat.v1 and writes what it printed to NAME.tf.stdout and what it logged to
NAME.tf.stderr; TFLoggingTests runs the same file through rnnsh and compares both exactly.
Tests never import TensorFlow.

    TF_USE_LEGACY_KERAS=1 ~/.cache/rnnsh-peers-venv/bin/python scripts/tf1_logging.py

TensorFlow's own start-up chatter (CUDA probing, absl's pre-init line, deprecation notices) is
not part of the program's output and is dropped from stderr.
"""
import os, re, subprocess, sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "ShellTests", "Fixtures", "tf1-logging")
NOISE = re.compile(r"^(E0000|W0000|I0000|WARNING: All log messages before absl|.*cuda|.*cuInit)")

for name in sorted(f for f in os.listdir(HERE) if f.endswith(".py")):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_USE_LEGACY_KERAS="1", CUDA_VISIBLE_DEVICES="")
    r = subprocess.run([sys.executable, name], cwd=HERE, env=env, capture_output=True, text=True)
    err = "".join(line for line in r.stderr.splitlines(keepends=True) if not NOISE.match(line))
    base = os.path.join(HERE, name[:-3])
    with open(base + ".tf.stdout", "w") as f:
        f.write(r.stdout)
    with open(base + ".tf.stderr", "w") as f:
        f.write(err)
    print("==", name, "exit", r.returncode)
    print(r.stdout + err, end="")
