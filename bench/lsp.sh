#!/usr/bin/env bash
# `mrd lsp`'s re-lint latency after a keystroke in a 1,000-line assessment,
# beside `cat` and mrd's own answer to a request it does not lint for, in
# one run (bench/lsp.py says how). Target: under 5 ms per keystroke.
#
#   bench/lsp.sh          # 500 keystrokes
#   bench/lsp.sh 2000     # more
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
python3 bench/lsp.py "$PWD/target/release/mrd" "${1:-500}"
