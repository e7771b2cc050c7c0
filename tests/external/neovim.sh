#!/usr/bin/env bash
# Neovim, headless, as the language server's client (tests/external/neovim.lua):
# it attaches `mrd lsp` to an assessment with a key written `Problem`, reads
# vim.diagnostic.get(), applies the rename code action and writes the file.
# This script checks what Neovim reported and what it wrote: the key renamed,
# every other byte as it was.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$EXTERNAL_WORK/neovim
rm -rf "$work"
mkdir -p "$work/assessments" "$work/.git"
cd "$work"
sed 's/^  problem: |$/  Problem: |/' "$MRD_REPO/examples/managed-scheduler.md" >assessments/scheduler.md
sed 's/^  Problem: |$/  problem: |/' assessments/scheduler.md >expected.md
grep -q '^  Problem: |$' assessments/scheduler.md

nvim --version | head -1
export NVIM_REPORT=$work/report.txt
# Neovim's own bound on each wait is 20 s; this one stops a hang of Neovim itself.
if ! timeout 180 nvim --headless --clean -n -c "luafile $here/neovim.lua" assessments/scheduler.md </dev/null; then
    echo "neovim: the Lua script failed:" >&2
    cat "$NVIM_REPORT" >&2 || true
    exit 1
fi
cat "$NVIM_REPORT"
grep -q '^diagnostic: 9:3 MRD013 unknown key `Problem` in `answers`$' "$NVIM_REPORT" ||
    { echo "neovim: the MRD013 diagnostic at 9:3 was not reported" >&2; exit 1; }
grep -q '^applied: Rename `Problem` to `problem`$' "$NVIM_REPORT" ||
    { echo "neovim: the rename was not applied" >&2; exit 1; }
if ! cmp -s expected.md assessments/scheduler.md; then
    echo "neovim: the file written is not the original with the key renamed:" >&2
    diff -u expected.md assessments/scheduler.md >&2 || true
    exit 1
fi
echo "neovim: diagnostics read, code action applied, file written as expected"
