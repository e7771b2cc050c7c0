#!/usr/bin/env bash
# The history benchmark: a repository of N assessments and C commits (each
# commit edits one assessment: an answer, its readiness, now and then its
# decision), built with `git fast-import` in a temporary directory. It times
# what reads git history -- `mrd log` of one file, `mrd summary --since`,
# `mrd kickoff` -- beside `git log` walking the same first-parent history,
# and `mrd summary` (no history) as the floor.
#
#   bench/history.sh              # 200 assessments, 2,000 commits
#   bench/history.sh 500 10000    # other sizes
#   KEEP=1 bench/history.sh       # keep the temporary directory
set -euo pipefail
cd "$(dirname "$0")/.."

files="${1:-200}"
commits="${2:-2000}"
work="$(mktemp -d)"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
mrd="$PWD/target/release/mrd"
example="$PWD/examples/managed-scheduler.md"

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
git init -q -b main "$work/repo"
python3 - "$files" "$commits" "$example" <<'EOF' | git -C "$work/repo" fast-import --quiet
import sys
files, commits, example = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
base = open(example, encoding="utf-8").read()
base = base.replace('milestone: "2026-W44"', 'milestone: "2026-W48"')
start = 1_760_000_000  # 2025-10-09
step = max(1, (1_795_000_000 - start) // max(1, commits))  # spread until 2026-11-18

def version(i, n):
    text = base.replace("title: Managed scheduler for self-hosted pipelines",
                        f"title: Opportunity {i}")
    decision = ["undecided", "go", "no-go"][n % 3] if n else "undecided"
    text = text.replace("  decision: go", f"  decision: {decision}")
    return text.replace("Teams running pipelines", f"Teams (revision {n}) running pipelines")

def blob(text):
    data = text.encode()
    return f"data {len(data)}\n".encode() + data + b"\n"

out = sys.stdout.buffer
mark = 0
revisions = [0] * files
for c in range(commits + 1):
    when = start + c * step
    out.write(b"commit refs/heads/main\n")
    out.write(f"author Bench <bench@example.com> {when} +0000\n".encode())
    out.write(f"committer Bench <bench@example.com> {when} +0000\n".encode())
    msg = b"Add the backlog" if c == 0 else f"Revise opportunity {c % files}".encode()
    out.write(f"data {len(msg)}\n".encode() + msg + b"\n")
    if c == 0:
        for i in range(files):
            out.write(f"M 100644 inline assessments/o{i:05}.md\n".encode())
            out.write(blob(version(i, 0)))
    else:
        i = (c * 7919) % files  # a spread of files, some edited often
        revisions[i] += 1
        out.write(f"M 100644 inline assessments/o{i:05}.md\n".encode())
        out.write(blob(version(i, revisions[i])))
    out.write(b"\n")
EOF
git -C "$work/repo" checkout -q main
echo "repository: $files assessments, $commits commits, $(du -sh "$work/repo/.git" | cut -f1) of git objects, $(nproc) cores"

best_time=""
best() {
    local label="$1"; shift
    local best="" user="" mem=""
    for _ in 1 2 3 4 5; do
        /usr/bin/time -o "$work/time" -f "%e %U %M" "$@" > /dev/null 2>&1 || true
        read -r t u m < <(tail -n 1 "$work/time")
        if [[ -z "$best" ]] || awk -v t="$t" -v b="$best" 'BEGIN{exit !(t < b)}'; then
            best="$t"; user="$u"; mem="$m"
        fi
    done
    best_time="$best"
    printf "%-44s %6.2f s wall  %6.2f s user  %7d KB max RSS\n" "$label" "$best" "$user" "$mem"
}

cd "$work/repo"
best "git log --first-parent --name-only" git log --first-parent --name-only --format=%H -- assessments
best "mrd summary (no history)" "$mrd" summary --format json
best "mrd log one file (full history)" "$mrd" log assessments/o00001.md --format json
best "mrd summary --since 2026-11-01" "$mrd" summary --since 2026-11-01 --format json
best "mrd kickoff --milestone 2026-W48" env MRD_TODAY=2026-11-20 "$mrd" kickoff --milestone 2026-W48
best "mrd kickoff, whole history (--since 2025-01-01)" env MRD_TODAY=2026-11-20 "$mrd" kickoff --milestone 2026-W48 --since 2025-01-01
