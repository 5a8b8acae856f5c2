#!/bin/sh
# Issue 12's timing and memory figures, measured on the release binary (not in unit tests):
# linear time for long inputs, and flat memory over a long session.
#   scripts/measure_robustness.sh [RNNSH]
set -eu
R=${1:-.build/release/rnnsh}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 -c "print('; '.join(['x = 1']*16000))" > "$T/one-line.txt"
python3 -c "
print('x = [')
for i in range(2000): print('  1,')
print(']')" > "$T/continuation.txt"
python3 -c "
for i in range(200000): print('x = %d' % i)" > "$T/long.rnn"
python3 -c "print('x = [' + ', '.join(['1']*500000) + ']')" > "$T/one-mb-line.txt"
python3 -c "
print('keep = np.ones(10**6)')
for i in range(50000): print('z = np.ones(10**6)')" > "$T/session.txt"
t() { label=$1; shift; /usr/bin/time -f "$label: %e s, peak RSS %M kB" "$@" > /dev/null; }
t "16,000 statements on one line (pipe)" sh -c "\"$R\" < $T/one-line.txt"
t "2,000 continuation lines (pipe)" sh -c "\"$R\" < $T/continuation.txt"
t "200,000-line script (replay)" "$R" "$T/long.rnn"
t "1 MB line (pipe)" sh -c "\"$R\" < $T/one-mb-line.txt"
t "50,000 x z = np.ones(10**6) (pipe)" sh -c "\"$R\" < $T/session.txt"
