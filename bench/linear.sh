#!/usr/bin/env bash
# Costs that must grow no faster than the input (issue 11, section 6):
# `mrd render` of a 50 MB notes body (10 million short lines), `mrd lint`
# of a 50 MB YAML answer (as a block scalar, and on one line), and `mrd
# import` of 10,000 and 40,000 `##` headings, each side by side with `mrd
# lint --format json` and `cat` on the same bytes. The targets: at most 10x the time of lint --format json
# on the same bytes, and peak memory at most 4x the input.
#
#   bench/linear.sh           # the sizes above
#   SCALE=0.1 bench/linear.sh # a tenth of each size, for a quick look
#   KEEP=1 bench/linear.sh    # keep the temporary directory
#
# Times are the best of 3 runs (wall clock, and the user+system CPU of that
# run); memory is that run's peak resident set, from wait4(2). Nothing is
# written to the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

scale="${SCALE:-1}"
work="$(mktemp -d)"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
mrd="$PWD/target/release/mrd"

python3 - "$work" "$scale" <<'PY'
import sys
work, scale = sys.argv[1], float(sys.argv[2])
def n(x): return max(1, int(x * scale))

# 10 million lines of 5 bytes: the notes body from the issue.
with open(f"{work}/render-notes.md", "w") as f:
    f.write("---\ntitle: Long notes\n---\n")
    f.write("abcd\n" * n(10_000_000))

# 1 million lines of Markdown a parser must read (lists, emphasis, code).
with open(f"{work}/render-markdown.md", "w") as f:
    f.write("---\ntitle: Long Markdown notes\n---\n")
    unit = "- an *item* with `code`\n  - nested [link](https://example.com)\n\n> a quote\n\n"
    f.write(unit * n(250_000))

# One answer of 50 MB, as a literal block scalar of 1 million lines.
with open(f"{work}/lint-yaml.md", "w") as f:
    f.write("---\ntitle: One long answer\nanswers:\n  problem: |\n")
    f.write("    " + "x" * 45 + "\n")
    f.write(("    " + "y" * 45 + "\n") * (n(1_000_000) - 1))
    f.write("---\n")

# One answer of 50 MB on a single line.
with open(f"{work}/lint-yaml-line.md", "w") as f:
    f.write("---\ntitle: One long line\nanswers:\n  problem: ")
    f.write("word " * n(10_000_000))
    f.write("\n---\n")

# Issues with many `##` headings, each with a line of text.
for count in (10_000, 40_000):
    with open(f"{work}/import-{count}.md", "w") as f:
        # One section names a question, so the import goes through; the
        # others are kept in the notes.
        f.write("# An imported issue\n\n## 1. Exactly what problem will this solve?\n\nPain.\n\n")
        for i in range(n(count)):
            f.write(f"## Section {i}\n\nSome text for section {i}.\n\n")
PY

python3 - "$work" "$mrd" <<'PY'
import os, shutil, subprocess, sys, time

work, mrd = sys.argv[1], sys.argv[2]
os.chdir(work)
CAT = shutil.which("cat")

def run(cmd):
    """Wall seconds, CPU seconds (user + system) and peak RSS (KB) of one run."""
    start = time.perf_counter()
    # close_fds=False and an absolute path let Python use posix_spawn, so the
    # child's peak memory is its own, not that of a forked Python.
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             close_fds=False)
    _, _, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss

def best(cmd):
    """The fastest of 3 runs (wall clock), with that run's CPU and memory."""
    return min((run(cmd) for _ in range(3)), key=lambda r: r[0])

def ratio(a, b):
    return f"{a / b:.1f}" if b > 0 else "n/a"

print(f"{'command':36} {'input':>7} {'wall s':>8} {'cpu s':>7} {'max RSS':>10} "
      f"{'time/lint':>9} {'RSS/lint':>8} {'RSS/input':>9}")
rows = [
    ("mrd render (10M short lines)", "render-notes.md", [mrd, "render", "render-notes.md"]),
    ("mrd render (Markdown to parse)", "render-markdown.md", [mrd, "render", "render-markdown.md"]),
    ("mrd lint --format json (YAML)", "lint-yaml.md", [mrd, "lint", "--format", "json", "lint-yaml.md"]),
    ("mrd lint --format json (one line)", "lint-yaml-line.md", [mrd, "lint", "--format", "json", "lint-yaml-line.md"]),
    ("mrd import (10,000 headings)", "import-10000.md", [mrd, "import", "import-10000.md", "-o", "-", "--title", "T"]),
    ("mrd import (40,000 headings)", "import-40000.md", [mrd, "import", "import-40000.md", "-o", "-", "--title", "T"]),
]
for label, name, cmd in rows:
    size = os.path.getsize(name)
    subprocess.run([CAT, name], stdout=subprocess.DEVNULL)  # warm the page cache
    cat = best([CAT, name])
    lint = best([mrd, "lint", "--format", "json", name])
    this = best(cmd)
    kb = size / 1024
    print(f"{label:36} {size / 1e6:5.1f}MB {this[0]:8.3f} {this[1]:7.3f} {this[2]:7d} KB "
          f"{ratio(this[0], lint[0]):>9} {ratio(this[2], lint[2]):>8} {ratio(this[2], kb):>9}")
    print(f"{'  mrd lint --format json, same file':36} {'':7} {lint[0]:8.3f} {lint[1]:7.3f} {lint[2]:7d} KB")
    print(f"{'  cat, same file':36} {'':7} {cat[0]:8.3f} {cat[1]:7.3f} {cat[2]:7d} KB")
print("targets: time/lint <= 10 and RSS/input <= 4; below a few MB of input the")
print("binary's own ~12 MB dominates RSS/input.")
PY
