#!/usr/bin/env bash
# What the substance rules (issue 16) add to `mrd lint --format json`: the
# same binary on the same generated corpus with every rule on, and with the
# eight substance rules allowed, side by side. Issue 16's budget is 10%.
#
# Instruction counts (valgrind) are the same on every run, so they are the
# figure to compare builds by; CPU time (best of N alternating runs) is what
# a user feels, and varies with the load of a shared machine.
#
# One file and 50 are what most teams lint (a repository's assessments, a
# pre-commit hook), and there the rules' start-up is most of their cost;
# 10,000 files is bench/run.sh's corpus. CPU time is shown from 1,000 files
# up: below, it is under the timer's 10 ms.
#
#   bench/rules-cost.sh                  # 1, 50, 1,000 and 10,000 files
#   SIZES="50 1000" bench/rules-cost.sh  # some sizes
#   RUNS=15 bench/rules-cost.sh          # more CPU runs
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-9}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
mrd="$PWD/target/release/mrd"
allow=(--allow MRD011 --allow MRD012 --allow MRD016 --allow MRD017
       --allow MRD018 --allow MRD019 --allow MRD020 --allow MRD021)

# lint exits 1 when it finds errors, as it does on the generated corpus.
instructions() {
    { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$mrd" lint --format json "$@" 2>&1 > /dev/null || true; } \
        | awk '/Collected/ {print $4}'
}

cpu() {
    /usr/bin/time -f "%U %S" -o "$work/time" "$mrd" lint --format json "$@" > /dev/null 2>&1 || true
    tail -n 1 "$work/time" | awk '{print $1 + $2}'
}

for n in ${SIZES:-1 50 1000 10000}; do
    python3 bench/generate.py "$work/corpus-$n" "$n" > /dev/null
    echo "== $n generated files"
    if command -v valgrind > /dev/null; then
        on=$(instructions "$work/corpus-$n")
        off=$(instructions "${allow[@]}" "$work/corpus-$n")
        awk -v a="$on" -v b="$off" 'BEGIN {
            printf "instructions: rules on %.1f M, allowed %.1f M: the rules add %.1f M, %.1f%%\n",
                a / 1e6, b / 1e6, (a - b) / 1e6, (a - b) / b * 100 }'
    else
        echo "valgrind not found: instruction counts skipped (apt-get install valgrind)"
    fi
    if [ "$n" -lt 1000 ]; then
        continue
    fi
    best_on=""; best_off=""
    for _ in $(seq "$runs"); do
        a=$(cpu "$work/corpus-$n"); b=$(cpu "${allow[@]}" "$work/corpus-$n")
        best_on=$(awk -v x="$a" -v y="${best_on:-$a}" 'BEGIN {print (x < y) ? x : y}')
        best_off=$(awk -v x="$b" -v y="${best_off:-$b}" 'BEGIN {print (x < y) ? x : y}')
    done
    awk -v a="$best_on" -v b="$best_off" -v r="$runs" 'BEGIN {
        printf "CPU, best of %d: rules on %.2f s, allowed %.2f s: %+.1f%%\n", r, a, b, (b > 0) ? (a - b) / b * 100 : 0 }'
done
