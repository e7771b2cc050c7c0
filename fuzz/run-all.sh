#!/usr/bin/env bash
# Runs every fuzz target for DURATION seconds each (default 600), one after
# the other, then prints the executions and findings of each.
#
#   fuzz/run-all.sh            # 10 minutes per target
#   fuzz/run-all.sh 60         # a quick look
#   TARGETS="render import" fuzz/run-all.sh 300
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a C++ compiler; runs on
# the stable toolchain (`-s none`: no sanitizer, which needs nightly). New
# corpus entries go to fuzz/corpus/TARGET, crashing inputs to
# fuzz/artifacts/TARGET (both ignored by git): keep a crashing input as a
# regression test in the normal test suite once it is fixed
# (tests/it/fuzz_regressions.rs).
set -euo pipefail
cd "$(dirname "$0")"
# Absolute paths: the targets run mrd in a scratch working directory.
here="$PWD"
root="$(dirname "$here")"

duration="${1:-600}"
targets="${TARGETS:-lint_formats render import yaml_differential}"
logs="$(mktemp -d)"

cargo fuzz build -s none

# Seeds: real assessments and issues, so mutations start from valid input.
seeds_for() {
    case "$1" in
        lint_formats) echo "$root/examples" "$root/tests/fixtures/lint/rules" "$root/tests/fixtures/integrations/schema" ;;
        import) echo "$root/tests/fixtures/integrations/import" ;;
        *) ;;
    esac
}

declare -A runs findings status
for target in $targets; do
    mkdir -p "corpus/$target" "artifacts/$target"
    before=$(find "artifacts/$target" -type f | wc -l)
    echo "--- $target: ${duration}s"
    # -timeout flags any input that takes 10 s, a sign of a cost growing
    # faster than the input. (mrd's own messages are silenced by the
    # targets, panic messages are not.)
    # shellcheck disable=SC2046
    if cargo fuzz run -s none "$target" "$here/corpus/$target" $(seeds_for "$target") -- \
        -max_total_time="$duration" -timeout=10 -dict="$here/dict/mrd.dict" \
        -print_final_stats=1 > "$logs/$target.log" 2>&1; then
        status[$target]="clean"
    else
        status[$target]="STOPPED (see below)"
    fi
    runs[$target]=$(grep -Eo 'Done [0-9]+ runs' "$logs/$target.log" | grep -Eo '[0-9]+' || grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$logs/$target.log" | grep -Eo '[0-9]+$' || echo "?")
    after=$(find "artifacts/$target" -type f | wc -l)
    findings[$target]=$((after - before))
    tail -n 3 "$logs/$target.log"
done

echo
printf "%-20s %14s %9s  %s\n" "target" "executions" "findings" "result"
for target in $targets; do
    printf "%-20s %14s %9s  %s\n" "$target" "${runs[$target]}" "${findings[$target]}" "${status[$target]}"
done
failed=0
for target in $targets; do
    if [[ "${status[$target]}" != "clean" ]]; then
        failed=1
        echo
        echo "=== $target"
        grep -E -A20 "panicked|ERROR: libFuzzer|SUMMARY" "$logs/$target.log" | head -40
        ls -1 "artifacts/$target" | tail -n 5 | sed "s|^|artifact: fuzz/artifacts/$target/|"
    fi
done
echo "logs: $logs"
exit "$failed"
