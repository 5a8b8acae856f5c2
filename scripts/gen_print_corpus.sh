#!/bin/sh
# Regenerates the golden printing corpus in Tests/PrintingTests/Fixtures/corpus: 400 random
# arrays and lists of arrays with numpy 2.4's own str()/repr() (see gen_corpus.py's header
# for the file layout). Needs the shared references beside the project (../shared) and
# numpy 2.4; the committed result is all the tests need.
#   sh scripts/gen_print_corpus.sh [path/to/gen_corpus.py]
set -eu
cd "$(dirname "$0")/.."
GEN="${1:-../shared/numpy-print/gen_corpus.py}"
[ -f "$GEN" ] || GEN=/work/shared/numpy-print/gen_corpus.py
OUT=Tests/PrintingTests/Fixtures/corpus
rm -rf "$OUT"
python3 "$GEN" --seed 2404 --count 400 --out "$OUT"
