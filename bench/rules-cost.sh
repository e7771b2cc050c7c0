#!/usr/bin/env bash
# What the substance rules (issue 16) add to `mrd lint --format json`: the
# same binary on the same generated corpus with every rule on, and with the
# eight substance rules allowed, side by side. Issue 16's budget is 10%.
#
# Three figures, because no one of them is enough:
# - Instruction counts (valgrind) are the same on every run: the figure to
#   compare two builds by.
# - The rules run at a lower rate of instructions a cycle than the rest of
#   lint (YAML reading): where a word ends, and whether it is in a list, is
#   what a processor cannot guess, so they mispredict about twice as many
#   branches an instruction. Valgrind's branch simulation counts those, and
#   instructions / 3 + 15 cycles a misprediction reproduces the CPU share
#   measured below (issue 16, round 5), without its noise.
# - CPU time is what a user feels. It is measured on one thread
#   (RAYON_NUM_THREADS=1: no time spent waiting for work is counted), to the
#   microsecond (getrusage), as the least and the median of N alternating
#   runs. Only the two runs of one build compare: a rebuild moves code
#   about, which moves lint's CPU time by up to 5% with the rules on or off.
#
# One file and 50 are what most teams lint (a repository's assessments, a
# pre-commit hook), and there the rules' start-up is most of their cost;
# 10,000 files is bench/run.sh's corpus. CPU time is shown from 1,000 files
# up: below, a run is too short to time.
#
#   bench/rules-cost.sh                  # 1, 50, 1,000 and 10,000 files
#   SIZES="50 1000" bench/rules-cost.sh  # some sizes
#   RUNS=21 bench/rules-cost.sh          # more CPU runs
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-11}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
mrd="$PWD/target/release/mrd"
allow=(--allow MRD011 --allow MRD012 --allow MRD016 --allow MRD017
       --allow MRD018 --allow MRD019 --allow MRD020 --allow MRD021)

# lint exits 1 when it finds errors, as it does on the generated corpus.
# Prints the instructions and the simulated branch mispredictions.
counts() {
    { valgrind --tool=cachegrind --cache-sim=no --branch-sim=yes --cachegrind-out-file=/dev/null \
        "$mrd" lint --format json "$@" 2>&1 > /dev/null || true; } \
        | awk '/I *refs:/ {gsub(",", "", $4); ir = $4}
               /Mispredicts:/ {gsub(",", "", $3); m = $3}
               END {print ir, m}'
}

# The least and the median CPU time (user and system) of RUNS alternating
# runs of lint on one thread, rules on and allowed.
cpu() {
    RUNS="$runs" RAYON_NUM_THREADS=1 python3 - "$mrd" "$@" <<'PY'
import os, resource, statistics, subprocess, sys
mrd, corpus, allow = sys.argv[1], sys.argv[2], sys.argv[3:]
times = {"on": [], "off": []}
for _ in range(int(os.environ["RUNS"])):
    for kind, extra in (("on", []), ("off", allow)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([mrd, "lint", "--format", "json", *extra, corpus],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times[kind].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
for name, pick in (("least", min), ("median", statistics.median)):
    on, off = pick(times["on"]), pick(times["off"])
    print(f"CPU on one thread, {name} of {len(times['on'])}: rules on {on * 1000:.0f} ms, "
          f"allowed {off * 1000:.0f} ms: {(on - off) / off * 100:+.1f}%")
PY
}

for n in ${SIZES:-1 50 1000 10000}; do
    python3 bench/generate.py "$work/corpus-$n" "$n" > /dev/null
    echo "== $n generated files"
    if command -v valgrind > /dev/null; then
        read -r on on_missed < <(counts "$work/corpus-$n")
        read -r off off_missed < <(counts "${allow[@]}" "$work/corpus-$n")
        awk -v a="$on" -v b="$off" -v am="$on_missed" -v bm="$off_missed" 'BEGIN {
            printf "instructions: rules on %.1f M, allowed %.1f M: the rules add %.1f M, %.1f%%\n",
                a / 1e6, b / 1e6, (a - b) / 1e6, (a - b) / b * 100
            printf "mispredicted branches (simulated): rules on %.2f M, allowed %.2f M: the rules add %.2f M\n",
                am / 1e6, bm / 1e6, (am - bm) / 1e6
            ca = a / 3 + 15 * am; cb = b / 3 + 15 * bm
            printf "modelled cycles (instructions / 3 + 15 a misprediction): the rules add %.1f%%\n",
                (ca - cb) / cb * 100 }'
    else
        echo "valgrind not found: instruction counts skipped (apt-get install valgrind)"
    fi
    if [ "$n" -lt 1000 ]; then
        continue
    fi
    cpu "$work/corpus-$n" "${allow[@]}"
done
