#!/usr/bin/env bash
# rnnsh against TensorFlow 1 (tf.compat.v1 graph, the tutorial's code) and JAX on the same work:
# one epoch of the tutorial's LSTM(128) on Fashion-MNIST (468 batches of 128), then the 10,000
# test images, on both cores and on one core (taskset). The three run interleaved, A B C A B C …,
# so that a machine whose load changes during the run affects all of them alike; the script
# prints medians and spreads, CPU seconds as well as wall seconds, the load it saw, the CPU and
# the kernels, and the ratios.
#
#   scripts/bench_peers.sh [ROUNDS]        (default 3 rounds; each round runs 6 jobs)
#
# Environment: PEERS_VENV (default ~/.cache/rnnsh-peers-venv, created on first use, outside the
# repo: tensorflow-cpu 2.21, tf-keras, jax[cpu], optax from PyPI), RNNSH (default
# .build/release/rnnsh, built if missing), DATA_DIR (default Debian's dataset-fashion-mnist).
# OPENBLAS_CORETYPE and every other variable are left as the machine has them.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
VENV=${PEERS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/rnnsh-peers-venv}
RNNSH=${RNNSH:-.build/release/rnnsh}
export DATA_DIR=${DATA_DIR:-/usr/share/datasets/fashion-mnist}
PEERS=scripts/peers
OUT=$(mktemp -d "${TMPDIR:-/tmp}/rnnsh-peers.XXXXXX")

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import tensorflow, tf_keras, jax, optax' 2>/dev/null; then
    echo "setting up $VENV (tensorflow-cpu, tf-keras, jax[cpu], optax)…" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip
    "$VENV/bin/pip" install -q "tensorflow-cpu==2.21.*" "jax[cpu]" optax
    # tf.compat.v1's rnn_cell needs Keras 2 (tf-keras); --no-deps: it pins 'tensorflow', which
    # would pull the GPU wheel.
    "$VENV/bin/pip" download -q --no-deps "tf-keras==2.21.*" -d "$OUT/wheels"
    "$VENV/bin/pip" install -q --no-deps "$OUT"/wheels/tf_keras-*.whl
fi
[ -x "$RNNSH" ] || swift build -c release
[ -d "$DATA_DIR" ] || { echo "no dataset at $DATA_DIR (apt-get install dataset-fashion-mnist)" >&2; exit 1; }

# One rnnsh job: the statements a user types (all 60,000 images, as the peers use; the test set
# timed with the shell's `time`).
rnnsh_statements() { # THREADS
    printf '%s\n' "data = mnist '$DATA_DIR' validation=0" "model = train data epochs=1 threads=$1" \
        "time eval model data.test" "time eval model data.test"
}

# /proc/stat: all CPU time (jiffies) used by anyone; the script's own jobs are subtracted later.
busy_jiffies() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }

run() { # NAME CORES CMD...  — one job, with its wall time, CPU time and the machine's busy time
    local name=$1 cores=$2; shift 2
    local b0 b1 t0 t1
    b0=$(busy_jiffies); t0=$(date +%s.%N)
    /usr/bin/time -f "TIME wall=%e user=%U sys=%S rss_kb=%M" taskset -c "$cores" "$@" > "$OUT/job.txt" 2>&1 || true
    t1=$(date +%s.%N); b1=$(busy_jiffies)
    { echo "JOB $name"; cat "$OUT/job.txt"; echo "MACHINE busy_jiffies=$((b1 - b0)) wall=$(echo "$t1 - $t0" | bc)"; } >> "$OUT/all.txt"
}

NCPU=$(nproc)
BOTH=0-$((NCPU - 1))
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($NCPU cores; flags:$(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx2|fma|avx512f|avx512_bf16)$' | tr '\n' ' '))"
echo "rnnsh: $("$RNNSH" --version 2>/dev/null | tr '\n' ' ')"
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>} (left as is)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$ROUNDS"); do
    echo "round $r/$ROUNDS…" >&2
    run tf1-2core "$BOTH" "$VENV/bin/python" "$PEERS/tf1_article.py" --epochs 1 --data-dir "$DATA_DIR"
    run jax-2core "$BOTH" "$VENV/bin/python" "$PEERS/jax_lstm.py" --epochs 1 --data-dir "$DATA_DIR"
    run rnnsh-2core "$BOTH" "$RNNSH" -c "$(rnnsh_statements 2)"
    run tf1-1core 0 "$VENV/bin/python" "$PEERS/tf1_article.py" --epochs 1 --intra 1 --inter 1 --data-dir "$DATA_DIR"
    run jax-1core 0 "$VENV/bin/python" "$PEERS/jax_lstm.py" --epochs 1 --data-dir "$DATA_DIR"
    run rnnsh-1core 0 "$RNNSH" -c "$(rnnsh_statements 1)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 scripts/peers/summarize_peers.py "$OUT/all.txt" "$(getconf CLK_TCK)" "$NCPU"
echo "(raw output: $OUT/all.txt)"
