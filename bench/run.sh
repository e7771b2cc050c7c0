#!/usr/bin/env bash
# The lint benchmark: 10,000 realistic assessments, linted by `mrd lint`,
# compared with `cat` reading the same files and with markdownlint-cli2
# (which checks only Markdown structure). Nothing is written to the repo:
# the corpus and markdownlint live in a temporary directory.
#
#   bench/run.sh            # 10,000 files
#   bench/run.sh 50000      # another size
#   KEEP=1 bench/run.sh     # keep the temporary directory
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-10000}"
work="$(mktemp -d)"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
mrd="$PWD/target/release/mrd"
python3 bench/generate.py "$work/corpus" "$n"
echo "corpus: $n files, $(du -sh "$work/corpus" | cut -f1), $(nproc) cores"

# Best of 5 wall-clock runs, in seconds, with user CPU and peak memory of
# the best run; the best wall time is left in $best_time.
best_time=""
best() {
    local label="$1"; shift
    local best="" user="" mem=""
    for _ in 1 2 3 4 5; do
        /usr/bin/time -o "$work/time" -f "%e %U %M" "$@" > /dev/null 2>&1 || true
        # time(1) puts "Command exited with non-zero status" first when lint finds errors.
        read -r t u m < <(tail -n 1 "$work/time")
        if [[ -z "$best" ]] || awk -v t="$t" -v b="$best" 'BEGIN{exit !(t < b)}'; then
            best="$t"; user="$u"; mem="$m"
        fi
    done
    best_time="$best"
    printf "%-36s %6.2f s wall  %6.2f s user  %7d KB max RSS\n" "$label" "$best" "$user" "$mem"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.1f", a / b; else print "n/a" }'; }

cd "$work"
# Warm the page cache so every contender reads from memory.
find corpus -name '*.md' -print0 | xargs -0 cat > /dev/null

best "cat (find | xargs cat)" sh -c "find corpus -name '*.md' -print0 | xargs -0 cat"
cat_time="$best_time"
best "mrd lint --format json" "$mrd" lint corpus --format json
json_time="$best_time"
best "mrd lint (human, piped)" "$mrd" lint corpus
human_time="$best_time"
best "mrd lint --format sarif" "$mrd" lint corpus --format sarif
best "mrd lint --format github" "$mrd" lint corpus --format github
best "mrd lint -j1 (RAYON_NUM_THREADS=1)" env RAYON_NUM_THREADS=1 "$mrd" lint corpus --format json
echo "json against cat: $(ratio "$json_time" "$cat_time")x the time (target: 2-3x at most)"

if command -v npm > /dev/null && [[ -z "${NO_MARKDOWNLINT:-}" ]]; then
    mkdir -p mdl
    (cd mdl && npm install --silent --no-audit --no-fund markdownlint-cli2 > /dev/null 2>&1)
    mdl="$work/mdl/node_modules/.bin/markdownlint-cli2"
    # Three runs, not five: each takes seconds.
    mdl_best=""
    for _ in 1 2 3; do
        start=$(date +%s.%N)
        "$mdl" "corpus/**/*.md" > /dev/null 2>&1 || true
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc)
        if [[ -z "$mdl_best" ]] || awk -v t="$t" -v b="$mdl_best" 'BEGIN{exit !(t < b)}'; then
            mdl_best="$t"
        fi
    done
    printf "%-36s %6.2f s wall (best of 3)\n" "markdownlint-cli2" "$mdl_best"
    echo "markdownlint-cli2 against json: $(ratio "$mdl_best" "$json_time")x the time (target: 50x at least)"
    echo "markdownlint-cli2 against human: $(ratio "$mdl_best" "$human_time")x the time"
fi
