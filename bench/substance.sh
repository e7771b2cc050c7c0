#!/usr/bin/env bash
# The substance heuristics' cost next to lint's (issue 16: the rules must not
# slow `mrd lint` by more than 10%). Generates bench/generate.py's corpus in a
# temporary directory and prints bench/substance.rs's interleaved timings;
# then, when valgrind is installed, counts instructions of each side on the
# first 1,000 files. On a shared machine wall time varies by a third between
# runs; instruction counts are the same on every run.
#
#   bench/substance.sh          # 10,000 files
#   bench/substance.sh 2000     # another size
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/generate.py "$work/corpus" "$n"
python3 bench/generate.py "$work/small" 1000
cargo bench --bench substance --quiet -- "$work/corpus"

if ! command -v valgrind > /dev/null; then
    echo "valgrind not found: instruction counts skipped (apt-get install valgrind)"
    exit 0
fi
bin="$(cargo bench --bench substance --no-run --message-format=json 2> /dev/null \
    | python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "substance" and m.get("executable"):
        print(m["executable"])')"
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$work/small" --only "$1" 2>&1 \
        | awk '/Collected/ {print $4}'
}
none="$(count none)"
lint="$(count lint)"
substance="$(count substance)"
awk -v n="$none" -v l="$lint" -v s="$substance" 'BEGIN {
    printf "instructions, 1,000 files x 5: lint %.0f M, substance %.0f M (%.1f%% of lint)\n",
        (l - n) / 1e6, (s - n) / 1e6, (s - n) / (l - n) * 100
}'
