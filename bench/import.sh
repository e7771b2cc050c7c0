#!/usr/bin/env bash
# The import benchmark: how `mrd import`'s time and memory grow with its
# input, measured side by side with `cat` and `mrd lint --format json` on the
# same bytes (issue 11 §6: linear, within 10x lint's time, memory within 4x
# the input).
#
#  - one document of N `##` sections that name no question, N = 10,000,
#    40,000, 160,000, and 800,000 (50 MB): the report of such a document
#    used to hold a line per heading (and its JSON a value per line);
#  - the same with sections that name questions again and again;
#  - a realistic 50 MB document: the ten questions as a team writes them,
#    each answer pages of prose, lists, sub-headings and tables, then an
#    appendix, without front-matter (lint stops at "no front-matter", so
#    its time there is reading the file), and the same with a blog's
#    front-matter (lint then reads the front-matter and the body); and lint
#    of the assessment import wrote from it, the same text as answers;
#  - a backlog: the accuracy fixtures copied N/100 times into one
#    directory, imported with --dry-run in one run, one report.
#
# Memory is the maximum resident size (/usr/bin/time's %M). Each program's
# resident size on an empty input is its baseline; "above" is what an input
# adds to it, and "x input" that divided by the input's size.
#
#   bench/import.sh                 # all of the above
#   QUICK=1 bench/import.sh         # without the 50 MB documents
#   RUNS=1 bench/import.sh          # one run each instead of the best of 3
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-3}"
work="$(mktemp -d)"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
mrd="$PWD/target/release/mrd"
[[ -x /usr/bin/time ]] || { echo "bench/import.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

python3 - "$work" "${QUICK:-}" <<'PY'
import random, sys
work, quick = sys.argv[1], sys.argv[2]
questions = ["## 1. Exactly what problem will this solve?", "## Why now?", "## Market Size",
             "**3. How big is the opportunity?** About 2,000 shops", "## Recommendation\n\nPursue."]
sizes = [10_000, 40_000, 160_000] + ([] if quick else [800_000])
for n in sizes:
    with open(f"{work}/headings-{n}.md", "w") as f:
        f.write("# Big document\n\n")
        for i in range(n):
            f.write(f"## Section {i}\n\nSome text about item {i} with a few words.\n\n")
    with open(f"{work}/questions-{n}.md", "w") as f:
        f.write("# Big document\n\n")
        for i in range(n):
            f.write(f"{questions[i % 5]}\n\nText {i} about pipelines and teams.\n\n")

# A realistic assessment scaled up (fixed seed: the same bytes every run).
random.seed(7)
words = ("teams pipelines scheduler self-hosted runners minutes queue budget customers "
         "survey interviews churn revenue pricing tier adoption onboarding latency "
         "operators migration compliance audit dashboard alerts weekly retention").split()
def sentence():
    s = " ".join(random.choice(words) for _ in range(random.randint(8, 22)))
    return s[0].upper() + s[1:] + "."
def paragraph():
    return " ".join(sentence() for _ in range(random.randint(2, 5))) + "\n\n"
sections = ["## 1. Exactly what problem will this solve?", "## Target Users", "## Market Size",
            "## Competitive Landscape", "## Why Us", "## Why Now", "## Go-to-Market",
            "## Success Metrics", "## Critical Success Factors"]
def prose(f, target):
    per = target // 11
    f.write("# Managed scheduler for self-hosted pipelines\n\n")
    f.write("Opened after the Q3 customer council. Links to the research are below.\n\n")
    for heading in sections:
        f.write(heading + "\n\n")
        size = k = 0
        while size < per:
            k += 1
            if k % 10 == 3:
                block = "".join(f"- {sentence()}\n" for _ in range(4)) + "\n"
            elif k % 10 == 6:
                block = f"### Detail {k}\n\n" + paragraph()
            elif k % 10 == 9:
                block = "| Segment | Teams | Note |\n| --- | --- | --- |\n" + "".join(
                    f"| {random.choice(words)} | {random.randint(10, 999)} | {sentence()} |\n"
                    for _ in range(3)) + "\n"
            else:
                block = paragraph()
            f.write(block)
            size += len(block)
    f.write("## Recommendation\n\nPursue. " + paragraph())
    size = k = 0
    f.write("---\n\n## Appendix: interview notes\n\n")
    while size < 2 * per:
        k += 1
        block = f"### Interview {k}\n\n" + paragraph()
        f.write(block)
        size += len(block)
if not quick:
    with open(f"{work}/prose-50mb.md", "w") as f:
        prose(f, 50_000_000)
    text = open(f"{work}/prose-50mb.md").read()
    with open(f"{work}/prose-50mb-front-matter.md", "w") as f:
        f.write("---\nlayout: post\ntitle: Managed scheduler for self-hosted pipelines\ndate: 2024-03-01\n---\n")
        f.write(text)
open(f"{work}/empty.md", "w").close()
PY
mkdir -p "$work/backlog" "$work/out"
for i in $(seq 1 100); do
    for f in tests/fixtures/import/*.md tests/fixtures/import/*.json; do
        cp "$f" "$work/backlog/$i-$(basename "$f")"
    done
done

# The best of $runs: time and maximum resident size, in KB.
best() {
    local best="" mem=""
    for _ in $(seq 1 "$runs"); do
        /usr/bin/time -o "$work/time" -f "%e %M" "$@" > /dev/null 2>&1 || true
        read -r t m < <(tail -n 1 "$work/time")
        if [[ -z "$best" ]] || awk -v t="$t" -v b="$best" 'BEGIN{exit !(t < b)}'; then
            best="$t"; mem="$m"
        fi
    done
    echo "$best $mem"
}

declare -A base
base[cat]=$(best cat "$work/empty.md" | cut -d' ' -f2)
base[lint]=$(best "$mrd" lint --format json "$work/empty.md" | cut -d' ' -f2)
base[import]=$(best "$mrd" import --dry-run "$work/empty.md" | cut -d' ' -f2)

# measure KIND LABEL BYTES COMMAND...: one line of the table.
measure() {
    local kind="$1" label="$2" bytes="$3"; shift 3
    read -r t m < <(best "$@")
    local above=$((m - base[$kind]))
    awk -v l="$label" -v t="$t" -v m="$m" -v a="$above" -v b="$bytes" 'BEGIN {
        printf "  %-40s %7.2f s %9.1f MB %9.1f MB %7.2fx\n", l, t, m / 1024, a / 1024, a * 1024 / b }'
}

echo "$(nproc) cores; best of $runs; resident size at rest (empty input):" \
    "cat $((base[cat] / 1024)) MB, lint $((base[lint] / 1024)) MB, import $((base[import] / 1024)) MB"
printf "  %-40s %9s %12s %12s %8s\n" "" time "max RSS" "above rest" "x input"
for file in $(ls -v "$work"/headings-*.md "$work"/questions-*.md "$work"/prose-50mb*.md 2>/dev/null); do
    bytes=$(stat -c %s "$file")
    echo "$(basename "$file"): $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1048576 }')"
    measure cat "cat" "$bytes" cat "$file"
    measure lint "mrd lint --format json" "$bytes" "$mrd" lint --format json "$file"
    measure import "mrd import --dry-run" "$bytes" "$mrd" import --dry-run "$file"
    measure import "mrd import --dry-run --format json" "$bytes" "$mrd" import --dry-run --format json "$file"
    measure import "mrd import (writes the file)" "$bytes" "$mrd" import --force -o "$work/out" "$file"
done
if [[ -e "$work/prose-50mb.md" ]]; then
    # mimalloc keeps freed memory for a second before giving it back, so
    # the resident size of a short run counts what was freed along the way;
    # without that delay it is closer to what is held at once.
    bytes=$(stat -c %s "$work/prose-50mb.md")
    echo "prose-50mb.md, freed memory given back at once (MIMALLOC_PURGE_DELAY=0):"
    measure import "mrd import (writes the file)" "$bytes" \
        env MIMALLOC_PURGE_DELAY=0 "$mrd" import --force -o "$work/out" "$work/prose-50mb.md"
    bytes=$(stat -c %s "$work/questions-800000.md")
    echo "questions-800000.md, the same:"
    measure import "mrd import (writes the file)" "$bytes" \
        env MIMALLOC_PURGE_DELAY=0 "$mrd" import --force -o "$work/out" "$work/questions-800000.md"
    "$mrd" import --force -o "$work/out" "$work/prose-50mb.md" > /dev/null || true
    written="$work/out/managed-scheduler-for-self-hosted-pipelines.md"
    bytes=$(stat -c %s "$written")
    echo "the assessment imported from prose-50mb.md: $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1048576 }')"
    measure cat "cat" "$bytes" cat "$written"
    measure lint "mrd lint --format json" "$bytes" "$mrd" lint --format json "$written"
fi
bytes=$(cat "$work"/backlog/* | wc -c)
echo "backlog: $(ls "$work/backlog" | wc -l) files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1048576 }')"
measure cat "cat" "$bytes" sh -c "cat $work/backlog/*"
measure lint "mrd lint --format json" "$bytes" "$mrd" lint --format json "$work/backlog"
measure import "mrd import --dry-run (one run)" "$bytes" "$mrd" import --dry-run "$work/backlog"
measure import "mrd import --dry-run --format json" "$bytes" "$mrd" import --dry-run --format json "$work/backlog"
