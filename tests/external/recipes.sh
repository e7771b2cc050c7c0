#!/usr/bin/env bash
# The CI recipes `mrd init` writes, checked by what reads them and then run:
#
# 1. Every file init writes or changes validates against check-jsonschema's
#    bundled GitLab CI, GitHub workflow and issue-form schemas, offline (in a
#    network namespace of its own, so a schema that needed fetching fails).
# 2. The GitLab job runs in gitlab-ci-local (shell executor, so its
#    `image:` line is removed: the one change made to the job):
#      a. with no mrd on the PATH it installs mrd the way the job says, from
#         this repository (MRD_INSTALL_FROM="--git file://…"), and passes on
#         the empty assessments directory of a fresh clone;
#      b. run again, it finds the install where GitLab's cache puts it back
#         ($CARGO_HOME/bin) and does not compile again;
#      c. appended to an existing pipeline with stages build, lint, deploy,
#         it runs in `lint` with mrd on the PATH and fails on a draft, with
#         a Code Quality report holding its findings.
# 3. The GitHub workflow's steps run (github_steps.py): a first run installs
#    mrd from this repository and saves the cache; a second run restores it,
#    skips the toolchain and the install, and fails on the draft with
#    `::error` annotations.
#
# cargo install compiles with optimisation off (CARGO_PROFILE_RELEASE_*) and
# one target directory shared by both installs, to keep .ci/run short; the
# commands are the recipes' own.
set -euo pipefail
work=$EXTERNAL_WORK/recipes
rm -rf "$work"
mkdir -p "$work"

fail() {
    echo "recipes: $*" >&2
    exit 1
}
git_() {
    git -c user.name="mrd checks" -c user.email=checks@mrd.invalid -c init.defaultBranch=main \
        -c commit.gpgsign=false "$@"
}
new_repo() {
    mkdir -p "$1"
    (cd "$1" && git_ init -q)
}
commit_all() {
    (cd "$1" && git_ add -A && git_ commit -q -m "$2")
}

# --- 1. the files validate, offline ---------------------------------------

fresh=$work/fresh
new_repo "$fresh"
(cd "$fresh" && "$MRD" init --gitlab --github)
existing=$work/existing
new_repo "$existing"
cat >"$existing/.gitlab-ci.yml" <<'EOF'
stages: [build, lint, deploy]

build:
  stage: build
  script:
    - echo "building"

deploy:
  stage: deploy
  script:
    - echo "deploying"
  when: manual
EOF
(cd "$existing" && "$MRD" init --gitlab) | tee "$work/init-existing.txt"
grep -qF 'updated    .gitlab-ci.yml (added the `mrd-lint` job, in stage `lint`)' "$work/init-existing.txt" ||
    fail "init did not add the job to the existing pipeline's lint stage"

offline=()
if unshare --net true 2>/dev/null; then
    offline=(unshare --net)
    echo "(check-jsonschema runs in a network namespace with no network)"
else
    echo "(unshare --net is not permitted here: check-jsonschema runs with the network; its schemas are bundled)"
fi
validate() {
    "${offline[@]}" check-jsonschema --builtin-schema "$1" "$2" || fail "$2 does not validate as $1"
    echo "check-jsonschema --builtin-schema $1: $2 validates"
}
validate vendor.gitlab-ci "$fresh/.gitlab-ci.yml"
validate vendor.gitlab-ci "$existing/.gitlab-ci.yml"
validate vendor.github-workflows "$fresh/.github/workflows/mrd.yml"
validate vendor.github-issue-forms "$fresh/.github/ISSUE_TEMPLATE/opportunity-assessment.yml"
commit_all "$fresh" "mrd init --gitlab --github"
commit_all "$existing" "mrd init --gitlab"

# --- shared setup for the runs --------------------------------------------

cargo_bin=$(dirname "$(command -v cargo)")
rustup_home=$(rustup show home 2>/dev/null || echo "${RUSTUP_HOME:-$HOME/.rustup}")
registry=${CARGO_HOME:-$HOME/.cargo}/registry
# A PATH with cargo but no mrd, whatever the machine has installed.
tools=$work/tools
mkdir -p "$tools"
for tool in cargo rustc rustup; do
    ln -s "$cargo_bin/$tool" "$tools/$tool"
done
clean_path=$tools:/usr/local/bin:/usr/bin:/bin
PATH=$clean_path command -v mrd >/dev/null && fail "mrd is on the clean PATH: $(PATH=$clean_path command -v mrd)"

export RUSTUP_HOME=$rustup_home
export CARGO_TARGET_DIR=$EXTERNAL_WORK/install-target
export CARGO_PROFILE_RELEASE_OPT_LEVEL=0
export CARGO_PROFILE_RELEASE_DEBUG=false
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256
install_from="--git file://$MRD_REPO"

gitlab_ci_local=$EXTERNAL_WORK/node_modules/gitlab-ci-local/src/index.js
[[ -f $gitlab_ci_local ]] || fail "gitlab-ci-local is not installed"
run_gitlab() { # DIR PATH LOG [ARGS...]
    local dir=$1 path=$2 log=$3
    shift 3
    (cd "$dir" && env PATH="$path" RUSTUP_HOME="$RUSTUP_HOME" node "$gitlab_ci_local" \
        --variable "CARGO_TARGET_DIR=$CARGO_TARGET_DIR" \
        --variable "CARGO_PROFILE_RELEASE_OPT_LEVEL=0" \
        --variable "CARGO_PROFILE_RELEASE_DEBUG=false" \
        --variable "CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256" \
        "$@") >"$log" 2>&1
}
shell_executor() { # the job's image line is all that changes
    local file=$1/.gitlab-ci.yml
    [[ $(grep -c '^  image: rust:1-slim$' "$file") -eq 1 ]] || fail "the job's image line is not where expected"
    sed -i '/^  image: rust:1-slim$/d' "$file"
}
draft=$MRD_REPO/examples/data-contracts-draft.md

# --- 2. gitlab-ci-local ----------------------------------------------------

echo "gitlab-ci-local $(node "$gitlab_ci_local" --version)"
gl=$work/gitlab
git_ clone -q "$fresh" "$gl"
shell_executor "$gl"
commit_all "$gl" "shell executor"
mkdir -p "$gl/.cargo"
ln -s "$registry" "$gl/.cargo/registry"

echo "gitlab a: the job installs mrd (with --git, from this repository) and passes on a fresh clone"
run_gitlab "$gl" "$clean_path" "$work/gitlab-a.log" --variable "MRD_INSTALL_FROM=$install_from" mrd-lint ||
    { tail -30 "$work/gitlab-a.log"; fail "the GitLab job failed on a fresh clone"; }
grep -q 'PASS.*mrd-lint' "$work/gitlab-a.log" || fail "no PASS for mrd-lint"
grep -q 'Installing .*/\.cargo/bin/mrd' "$work/gitlab-a.log" || fail "the job did not install mrd into its CARGO_HOME"
[[ $(cat "$gl/gl-code-quality-report.json") == $'[\n]' ]] || fail "the report of an empty directory is not []"
grep -F 'note: assessments/ (the assessments directory) has no assessments yet' "$work/gitlab-a.log" ||
    fail "no note about the empty assessments directory"

echo "gitlab b: run again, the cached install is used"
run_gitlab "$gl" "$clean_path" "$work/gitlab-b.log" --variable "MRD_INSTALL_FROM=$install_from" mrd-lint ||
    { tail -30 "$work/gitlab-b.log"; fail "the second run failed"; }
if grep -E 'Compiling|Installing|Updating' "$work/gitlab-b.log"; then
    fail "the second run compiled mrd again"
fi

echo "gitlab c: an existing pipeline, mrd on the PATH, a draft with errors"
ex=$work/gitlab-existing
git_ clone -q "$existing" "$ex"
cp "$draft" "$ex/assessments/"
shell_executor "$ex"
commit_all "$ex" "a draft"
if run_gitlab "$ex" "$(dirname "$MRD"):$clean_path" "$work/gitlab-c.log"; then
    fail "the pipeline passed although the draft has errors"
fi
cat "$work/gitlab-c.log"
grep -q 'mrd-lint starting shell (lint)' "$work/gitlab-c.log" || fail "mrd-lint did not run in the lint stage"
grep -q 'PASS.*build' "$work/gitlab-c.log" || fail "the pipeline's own build job did not pass"
grep -q 'FAIL.*mrd-lint' "$work/gitlab-c.log" || fail "mrd-lint did not fail"
if grep -E 'Compiling|Installing' "$work/gitlab-c.log"; then fail "mrd was installed although it is on the PATH"; fi
python3 - "$ex/gl-code-quality-report.json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
assert report, "the Code Quality report is empty"
for finding in report:
    for key in ("description", "check_name", "fingerprint", "severity"):
        assert finding.get(key), f"a finding has no {key}: {finding}"
    # Relative to the repository root, as GitLab needs to attach it to the diff.
    assert finding["location"]["path"] == "assessments/data-contracts-draft.md", finding
    assert finding["location"]["lines"]["begin"] >= 1, finding
print(f"gitlab c: the Code Quality report has {len(report)} findings: "
      + ", ".join(sorted({f['check_name'] for f in report})))
EOF

# --- 3. the GitHub workflow's steps -----------------------------------------

gh=$work/github
git_ clone -q "$fresh" "$gh/repo"
gh_home=$gh/home
mkdir -p "$gh_home/.cargo"
ln -s "$registry" "$gh_home/.cargo/registry"
steps() { # LOG
    PATH=$clean_path "$EXTERNAL_WORK/venv/bin/python" "$MRD_REPO/tests/external/github_steps.py" \
        "$gh/repo/.github/workflows/mrd.yml" "$gh/repo" "$gh_home" "$gh/cache" \
        "MRD_INSTALL_FROM=$install_from" >"$1" 2>&1
}
run_gh_home_reset() {
    rm -rf "$gh_home/.cargo/bin" "$gh_home/.cargo/.crates.toml" "$gh_home/.cargo/.crates2.json"
}

echo "github a: a cache miss installs mrd from this repository; the fresh clone passes"
steps "$work/github-a.log" || { tail -30 "$work/github-a.log"; fail "the workflow failed on a fresh clone"; }
cat "$work/github-a.log"
grep -q 'cache key mrd-.*-Linux: miss' "$work/github-a.log" || fail "no cache miss on the first run"
grep -q 'Installing .*/home/\.cargo/bin/mrd' "$work/github-a.log" || fail "mrd was not installed into ~/.cargo/bin"
grep -q 'cache key mrd-.*-Linux: saved' "$work/github-a.log" || fail "the cache was not saved"

echo "github b: a new runner (empty HOME) restores mrd from the cache, and fails on the draft with annotations"
run_gh_home_reset
cp "$draft" "$gh/repo/assessments/"
commit_all "$gh/repo" "a draft"
if steps "$work/github-b.log"; then
    cat "$work/github-b.log"
    fail "the workflow passed although the draft has errors"
fi
cat "$work/github-b.log"
grep -q 'cache key mrd-.*-Linux: hit, restored' "$work/github-b.log" || fail "no cache hit on the second run"
grep -q 'github step skipped (if: .*): cargo install' "$work/github-b.log" || fail "the install was not skipped"
grep -q '^::error file=.*data-contracts-draft.md,line=[0-9]*' "$work/github-b.log" || fail "no ::error annotation"
echo "recipes: every generated file validates, and both recipes install, cache and run mrd"
