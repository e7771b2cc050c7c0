#!/usr/bin/env bash
# The lint and summary benchmark: N realistic assessments (bench/generate.py),
# read by `cat`, `mrd lint --format json`, the other lint formats and
# `mrd summary`, side by side in one run, so the ratios the targets are
# stated in come from the same machine at the same moment. Nothing is
# written to the repo: the corpus lives in a temporary directory.
#
#   bench/run.sh                          # 10,000 files
#   bench/run.sh 100000                   # another size (memory target)
#   BEFORE=/tmp/mrd-before bench/run.sh   # also time an older binary
#   MARKDOWNLINT=1 bench/run.sh           # also time markdownlint-cli2 (npm)
#   KEEP=1 bench/run.sh                   # keep the temporary directory
#
# CPU is user + system time of the process and its children (time(1)); the
# targets are lint json <= 3x the CPU of cat, summary <= 1.5x the CPU of
# lint json, both under 100 MB at 100,000 files.
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-10000}"
runs="${RUNS:-5}"
work="$(mktemp -d)"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
mrd="$PWD/target/release/mrd"
python3 bench/generate.py "$work/corpus" "$n"
bytes=$(find "$work/corpus" -name '*.md' -print0 | xargs -0 cat | wc -c)
echo "corpus: $n files, $((bytes / 1024 / 1024)) MB, $(nproc) cores; best of $runs runs by CPU"

# Best of $runs runs by CPU (user + system), with its wall time and peak
# memory; the best CPU is left in $best_cpu.
best_cpu=""
best() {
    local label="$1"; shift
    local cpu="" wall="" mem=""
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$work/time" -f "%e %U %S %M" "$@" > /dev/null 2>&1 || true
        # time(1) puts "Command exited with non-zero status" first when lint finds errors.
        read -r e u s m < <(tail -n 1 "$work/time")
        c=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u + s}')
        if [[ -z "$cpu" ]] || awk -v c="$c" -v b="$cpu" 'BEGIN{exit !(c < b)}'; then
            cpu="$c"; wall="$e"; mem="$m"
        fi
    done
    best_cpu="$cpu"
    printf "%-40s %6.2f s CPU  %6.2f s wall  %7d KB max RSS\n" "$label" "$cpu" "$wall" "$mem"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.1f", a / b; else print "n/a" }'; }

cd "$work"
# Warm the page cache so every contender reads from memory.
find corpus -name '*.md' -print0 | xargs -0 cat > /dev/null

best "cat (find | xargs cat)" sh -c "find corpus -name '*.md' -print0 | xargs -0 cat"
cat_cpu="$best_cpu"
best "mrd lint --format json" "$mrd" lint corpus --format json
json_cpu="$best_cpu"
best "mrd summary" "$mrd" summary corpus
summary_cpu="$best_cpu"
best "mrd summary --format json" "$mrd" summary corpus --format json
best "mrd lint (human, piped)" "$mrd" lint corpus
best "mrd lint --format sarif" "$mrd" lint corpus --format sarif
best "mrd lint --format github" "$mrd" lint corpus --format github
best "mrd lint json, one thread" env RAYON_NUM_THREADS=1 "$mrd" lint corpus --format json
if [[ -n "${BEFORE:-}" ]]; then
    best "before: mrd lint --format json" "$BEFORE" lint corpus --format json
    before_json="$best_cpu"
    best "before: mrd summary" "$BEFORE" summary corpus
    before_summary="$best_cpu"
    echo "lint json: $(ratio "$before_json" "$json_cpu")x less CPU than before; summary: $(ratio "$before_summary" "$summary_cpu")x"
fi
echo "lint json against cat: $(ratio "$json_cpu" "$cat_cpu")x the CPU (target: 3x at most)"
echo "summary against lint json: $(ratio "$summary_cpu" "$json_cpu")x the CPU (target: 1.5x at most)"

if [[ -n "${MARKDOWNLINT:-}" ]] && command -v npm > /dev/null; then
    mkdir -p mdl
    (cd mdl && npm install --silent --no-audit --no-fund markdownlint-cli2 > /dev/null 2>&1)
    runs=3 best "markdownlint-cli2" "$work/mdl/node_modules/.bin/markdownlint-cli2" "corpus/**/*.md"
    echo "markdownlint-cli2 against lint json: $(ratio "$best_cpu" "$json_cpu")x the CPU"
fi
