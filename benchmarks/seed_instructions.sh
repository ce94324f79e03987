#!/usr/bin/env bash
# Instructions per parse of the seed page, counted by valgrind (callgrind): unlike CPU time, the count
# does not change with the load of the machine, so it compares two versions of the code on a busy machine.
#   benchmarks/seed_instructions.sh [q|n]     q: full parse (default), n: without quantities
# Prints (count for 20 parses - count for 0 parses) / 20, so start-up and import are not counted.
set -eu
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 1; }
PY=${PYTHON:-python}
SCRIPT='import sys, zhengwu_extract as zx
data = open("tests/fixtures/jiangjin.txt", "rb").read()
zx.parse(data); zx.parse(data)
for _ in range(int(sys.argv[1])): zx.parse(data, quantities=sys.argv[2] == "q")'
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$PY" -c "$SCRIPT" "$1" "$2" 2>&1 | awk '/Collected/ {print $4}'; }
a=$(count 0 "${1:-q}")
b=$(count 20 "${1:-q}")
"$PY" -c "print(f'{($b - $a) / 20 / 1e6:.2f} M instructions per parse')"
