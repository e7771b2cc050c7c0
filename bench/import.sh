#!/usr/bin/env bash
# The import benchmark: how `mrd import` grows with its input, measured side
# by side with `cat` and `mrd lint --format json` on the same bytes.
#
#  - one document with N `##` sections that name no question (issue 11 §6:
#    10,000 took 18 s before the line index), and N sections that do;
#  - a backlog: the accuracy fixtures copied N/100 times into one directory,
#    imported with --dry-run in one run, one report.
#
#   bench/import.sh          # N = 10,000 and 40,000
#   bench/import.sh 20000    # another N (and 4N)
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-10000}"
work="$(mktemp -d)"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
mrd="$PWD/target/release/mrd"

python3 - "$work" "$n" <<'PY'
import sys, os
work, n = sys.argv[1], int(sys.argv[2])
questions = ["## 1. Exactly what problem will this solve?", "## Why now?", "## Market Size",
             "**3. How big is the opportunity?** About 2,000 shops", "## Recommendation\n\nPursue."]
for size in (n, 4 * n):
    with open(f"{work}/plain-{size}.md", "w") as f:
        f.write("# Big document\n\n")
        for i in range(size):
            f.write(f"## Section {i}\n\nSome text about item {i} with a few words.\n\n")
    with open(f"{work}/questions-{size}.md", "w") as f:
        f.write("# Big document\n\n")
        for i in range(size):
            f.write(f"{questions[i % 5]}\n\nText {i} about pipelines and teams.\n\n")
PY
mkdir -p "$work/backlog"
for i in $(seq 1 $((n / 100))); do
    for f in tests/fixtures/import/*.md tests/fixtures/import/*.json; do
        cp "$f" "$work/backlog/$i-$(basename "$f")"
    done
done

measure() {
    local label="$1"; shift
    local best="" mem=""
    for _ in 1 2 3; do
        /usr/bin/time -o "$work/time" -f "%e %M" "$@" > /dev/null 2>&1 || true
        read -r t m < <(tail -n 1 "$work/time")
        if [[ -z "$best" ]] || awk -v t="$t" -v b="$best" 'BEGIN{exit !(t < b)}'; then
            best="$t"; mem="$m"
        fi
    done
    printf "%-44s %6.2f s  %8d KB max RSS\n" "$label" "$best" "$mem"
}

echo "$(nproc) cores; best of 3"
for size in "$n" "$((4 * n))"; do
    for kind in plain questions; do
        file="$work/$kind-$size.md"
        echo "$kind-$size.md: $(du -h "$file" | cut -f1)"
        measure "  cat" cat "$file"
        measure "  mrd lint --format json" "$mrd" lint --format json "$file"
        measure "  mrd import --dry-run" "$mrd" import --dry-run "$file"
        measure "  mrd import --dry-run --format json" "$mrd" import --dry-run --format json "$file"
    done
done
echo "backlog: $(ls "$work/backlog" | wc -l) files, $(du -sh "$work/backlog" | cut -f1)"
measure "  cat" sh -c "cat $work/backlog/* > /dev/null"
measure "  mrd lint --format json" "$mrd" lint --format json "$work/backlog"
measure "  mrd import --dry-run (one run)" "$mrd" import --dry-run "$work/backlog"
