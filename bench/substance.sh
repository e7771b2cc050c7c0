#!/usr/bin/env bash
# The substance heuristics' cost next to lint's (issue 16: they must not slow
# `mrd lint` by more than 10%). Generates bench/generate.py's corpus in a
# temporary directory, prints the interleaved timings of bench/substance.rs,
# then counts instructions of each side with `perf stat` when perf is
# available: on a shared machine wall time varies by a third, instructions
# by well under 1%.
#
#   bench/substance.sh          # 10,000 files
#   bench/substance.sh 2000     # another size
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/generate.py "$work/corpus" "$n"
cargo bench --bench substance --quiet -- "$work/corpus"

if ! command -v perf > /dev/null; then
    echo "perf not found: instruction counts skipped (apt-get install linux-perf)"
    exit 0
fi
bin="$(cargo bench --bench substance --no-run --message-format=json 2> /dev/null \
    | python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "substance" and m.get("executable"):
        print(m["executable"])')"
count() {
    perf stat -x, -e instructions:u "$bin" "$work/corpus" --only "$1" 2>&1 >/dev/null \
        | awk -F, '/instructions/ {print $1}'
}
none="$(count none)"
lint="$(count lint)"
substance="$(count substance)"
awk -v n="$none" -v l="$lint" -v s="$substance" 'BEGIN {
    printf "instructions, 5 runs: lint %.0f M, substance %.0f M: %.1f%% of lint\n",
        (l - n) / 1e6, (s - n) / 1e6, (s - n) / (l - n) * 100
}'
