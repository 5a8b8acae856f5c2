#!/usr/bin/env bash
# rnnsh against TensorFlow 1 (tf.compat.v1 graph, the tutorial's code), PyTorch and JAX on the
# same work: one epoch of the tutorial's model on Fashion-MNIST (468 batches of 128), then the
# 10,000 test images, on both cores and on one core (taskset), for each recurrent cell: the LSTM
# (TF1 BasicLSTMCell, nn.LSTM, JAX), the GRU (TF1 GRUCell, nn.GRU) and the plain RNN (TF1
# BasicRNNCell, nn.RNN), 128 units. The jobs run interleaved, A B C A B C …, so that a machine
# whose load changes during the run affects all of them alike; the script prints medians and
# spreads, CPU seconds as well as wall seconds, the load it saw, the CPU and the kernels, and
# the ratios (peer / rnnsh, per cell, taken in this run).
#
#   scripts/bench_peers.sh [ROUNDS]        (default 3 rounds)
#
# Environment: PEERS_VENV (default ~/.cache/rnnsh-peers-venv, created on first use, outside the
# repo: tensorflow-cpu 2.21, tf-keras, jax[cpu], optax from PyPI), TORCH_PYTHON (a python with
# torch; default the peers venv's when it has torch; PyTorch jobs are skipped without one),
# CELLS (default "lstm gru rnn"), CORES (default "2 1": both cores, then one), EXAMPLES (train
# on the first N images for a shorter epoch; default all), RNNSH (default .build/release/rnnsh,
# built if missing), DATA_DIR (default Debian's dataset-fashion-mnist).
# OPENBLAS_CORETYPE and every other variable are left as the machine has them.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
VENV=${PEERS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/rnnsh-peers-venv}
RNNSH=${RNNSH:-.build/release/rnnsh}
export DATA_DIR=${DATA_DIR:-/usr/share/datasets/fashion-mnist}
PEERS=scripts/peers
CELLS=${CELLS:-lstm gru rnn}
CORES=${CORES:-2 1}
EXAMPLES=${EXAMPLES:-0}
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
TORCH_PYTHON=${TORCH_PYTHON:-$VENV/bin/python}
if ! "$TORCH_PYTHON" -c 'import torch' 2>/dev/null; then
    echo "no torch in $TORCH_PYTHON: PyTorch jobs skipped (set TORCH_PYTHON to a python with torch)" >&2
    TORCH_PYTHON=""
fi
[ -d "$DATA_DIR" ] || { echo "no dataset at $DATA_DIR (apt-get install dataset-fashion-mnist)" >&2; exit 1; }

# One rnnsh job: the statements a user types (all 60,000 images, as the peers use, or the first
# EXAMPLES; the test set timed with the shell's `time`).
rnnsh_statements() { # THREADS CELL
    local more=""
    [ "$EXAMPLES" -gt 0 ] && more=" examples=$EXAMPLES"
    printf '%s\n' "data = mnist '$DATA_DIR' validation=0" "model = train data cell=$2 epochs=1 threads=$1$more" \
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
peer_args=(--epochs 1 --data-dir "$DATA_DIR")
[ "$EXAMPLES" -gt 0 ] && peer_args+=(--examples "$EXAMPLES")
for r in $(seq 1 "$ROUNDS"); do
    echo "round $r/$ROUNDS…" >&2
    for n in $CORES; do
        if [ "$n" = 1 ]; then cores=0; tf_threads=(--intra 1 --inter 1); else cores=$BOTH; tf_threads=(); fi
        for cell in $CELLS; do
            run "tf1-$cell-${n}core" "$cores" "$VENV/bin/python" "$PEERS/tf1_article.py" "${peer_args[@]}" --cell "$cell" "${tf_threads[@]}"
            [ -n "$TORCH_PYTHON" ] && run "torch-$cell-${n}core" "$cores" "$TORCH_PYTHON" "$PEERS/torch_rnn.py" "${peer_args[@]}" --cell "$cell" --threads "$n"
            [ "$cell" = lstm ] && [ "$EXAMPLES" -eq 0 ] && run "jax-$cell-${n}core" "$cores" "$VENV/bin/python" "$PEERS/jax_lstm.py" --epochs 1 --data-dir "$DATA_DIR"
            run "rnnsh-$cell-${n}core" "$cores" "$RNNSH" -c "$(rnnsh_statements "$n" "$cell")"
        done
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 scripts/peers/summarize_peers.py "$OUT/all.txt" "$(getconf CLK_TCK)" "$NCPU"
echo "(raw output: $OUT/all.txt)"
