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
# the best run.
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
    printf "%-36s %6.2f s wall  %6.2f s user  %7d KB max RSS\n" "$label" "$best" "$user" "$mem"
}

cd "$work"
# Warm the page cache so every contender reads from memory.
find corpus -name '*.md' -print0 | xargs -0 cat > /dev/null

best "cat (find | xargs cat)" sh -c "find corpus -name '*.md' -print0 | xargs -0 cat"
best "mrd lint --format json" "$mrd" lint corpus --format json
best "mrd lint (human, piped)" "$mrd" lint corpus
best "mrd lint --format sarif" "$mrd" lint corpus --format sarif
best "mrd lint -j1 (RAYON_NUM_THREADS=1)" env RAYON_NUM_THREADS=1 "$mrd" lint corpus --format json

if command -v npm > /dev/null && [[ -z "${NO_MARKDOWNLINT:-}" ]]; then
    mkdir -p mdl
    (cd mdl && npm install --silent --no-audit --no-fund markdownlint-cli2 > /dev/null 2>&1)
    mdl="$work/mdl/node_modules/.bin/markdownlint-cli2"
    # One run: it is slow enough that best-of-5 would take minutes.
    start=$(date +%s.%N)
    "$mdl" "corpus/**/*.md" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    printf "%-34s %6.2f s\n" "markdownlint-cli2" "$(echo "$end - $start" | bc)"
fi
