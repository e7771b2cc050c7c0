#!/usr/bin/env bash
# Checks mrd's outputs against the real programs that consume them, which
# `cargo test` cannot reach: check-jsonschema (pip), ajv-cli, the YAML
# language server, gitlab-ci-local and playwright (npm), and Debian's
# chromium and neovim (the client of `mrd lsp`). `.ci/run` calls this after
# the test suite; it can be run alone after `cargo build`.
#
# Tools are installed here, pinned (package-lock.json, requirements.txt), into
# target/external/. When a tool cannot be installed (no npm, no registry),
# the checks that need it are reported as NOT RUN in a banner and in the
# closing line: never skipped silently. A check that runs and fails fails
# this script.
#
#   tests/external/run.sh [CHECK...]     checks: package schema recipes render html neovim
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
here=$root/tests/external
work=$root/target/external
mkdir -p "$work"

export MRD="$root/target/debug/mrd"
export MRD_REPO="$root"
export EXTERNAL_WORK="$work"
if [[ ! -x $MRD ]]; then
    cargo build --locked --quiet
fi

checks=("$@")
[[ ${#checks[@]} -gt 0 ]] || checks=(package schema recipes render html neovim)

not_run=()
banner() {
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
    echo "!! NOT RUN: $1" >&2
    echo "!! because: $2" >&2
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
    not_run+=("$1")
}

# --- installs ---------------------------------------------------------------

have_npm=no
have_pip=no
have_chromium=no

install_npm() {
    command -v npm >/dev/null || { echo "npm is not installed"; return 1; }
    cp "$here/package.json" "$here/package-lock.json" "$work/"
    if ! cmp -s "$here/package-lock.json" "$work/node_modules/.package-lock.json.installed" 2>/dev/null; then
        (cd "$work" && npm ci --no-audit --no-fund --loglevel=error) || return 1
        cp "$here/package-lock.json" "$work/node_modules/.package-lock.json.installed"
    fi
}

install_pip() {
    command -v python3 >/dev/null || { echo "python3 is not installed"; return 1; }
    [[ -x $work/venv/bin/python ]] || python3 -m venv "$work/venv" || return 1
    "$work/venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt" || return 1
}

# chromium for the page checks; rsync, which gitlab-ci-local copies the
# project with; neovim, the language server's client (apt-get install -y
# neovim).
install_apt() {
    local missing=()
    command -v chromium >/dev/null || missing+=(chromium)
    command -v nvim >/dev/null || missing+=(neovim)
    command -v rsync >/dev/null || missing+=(rsync)
    [[ ${#missing[@]} -eq 0 ]] && return 0
    if [[ $(id -u) -ne 0 ]]; then
        echo "${missing[*]} missing, and installing needs root (apt-get install ${missing[*]})"
        return 1
    fi
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } >"$work/apt.log" 2>&1 ||
        { tail -5 "$work/apt.log"; return 1; }
}

echo "--- installing the external tools into target/external"
if out=$(install_npm 2>&1); then have_npm=yes; else npm_error=$out; fi
if out=$(install_pip 2>&1); then have_pip=yes; else pip_error=$out; fi
if out=$(install_apt 2>&1); then apt_ok=yes; else apt_ok=no; apt_error=$out; fi
[[ $apt_ok == yes ]] && command -v chromium >/dev/null && have_chromium=yes
have_neovim=no
command -v nvim >/dev/null && have_neovim=yes
export PATH="$work/node_modules/.bin:$work/venv/bin:$PATH"

# --- checks -----------------------------------------------------------------

passed=0
failed=0
failures=()
run_check() {
    local name=$1
    shift
    echo "--- external check: $name"
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures+=("$name")
        echo "FAILED: external check $name" >&2
    fi
}

for check in "${checks[@]}"; do
    case $check in
    package)
        run_check package "$here/package.sh"
        ;;
    schema)
        if [[ $have_npm == yes && $have_pip == yes ]]; then
            run_check schema "$here/schema.sh"
        else
            banner "schema (check-jsonschema, ajv-cli, yaml-language-server)" \
                "${npm_error:-}${pip_error:-}"
        fi
        ;;
    recipes)
        if [[ $have_npm == yes && $have_pip == yes && $apt_ok == yes ]]; then
            run_check recipes "$here/recipes.sh"
        else
            banner "recipes (check-jsonschema vendor schemas, gitlab-ci-local, the workflow's steps)" \
                "${npm_error:-}${pip_error:-}${apt_error:-}"
        fi
        ;;
    render)
        if [[ $have_pip == yes ]]; then
            run_check render "$here/render.sh"
        else
            banner "render (GitHub flavour read by cmark-gfm)" "${pip_error:-}"
        fi
        ;;
    html)
        if [[ $have_npm == yes && $have_chromium == yes ]]; then
            run_check html node "$here/html.mjs"
        else
            banner "html (the summary page in headless chromium)" "${npm_error:-}${apt_error:-}"
        fi
        ;;
    neovim)
        if [[ $have_neovim == yes ]]; then
            run_check neovim "$here/neovim.sh"
        else
            banner "neovim (mrd lsp in a real editor: diagnostics, a code action, the file written)" \
                "neovim could not be installed with apt-get: ${apt_error:-no nvim after the install}"
        fi
        ;;
    *)
        echo "unknown check: $check (package, schema, recipes, render, html, neovim)" >&2
        exit 2
        ;;
    esac
done

echo
if [[ ${#not_run[@]} -gt 0 ]]; then
    echo "external checks NOT RUN: ${not_run[*]}" >&2
fi
if [[ $failed -gt 0 ]]; then
    echo "external checks failed: ${failures[*]}" >&2
fi
echo "external: $passed passed, $failed failed, ${#not_run[@]} skipped"
[[ $failed -eq 0 ]]
