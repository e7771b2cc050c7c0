#!/usr/bin/env bash
# The crate is publishable: `cargo package --locked` builds it from what the
# package ships, the metadata crates.io shows is there, and the package
# carries the templates and the question set but no tests or benchmarks.
set -euo pipefail
cd "$MRD_REPO"

fail() {
    echo "package: $*" >&2
    exit 1
}

# A developer's tree may have uncommitted work; CI's clone never does.
dirty=()
if [[ -n $(git status --porcelain 2>/dev/null) ]]; then
    dirty=(--allow-dirty)
    echo "(uncommitted changes: packaging with --allow-dirty)"
fi

list=$(cargo package --locked --list "${dirty[@]}" 2>/dev/null)
for file in Cargo.toml Cargo.lock README.md LICENSE-MIT LICENSE-APACHE \
    src/main.rs src/questions/builtin.yml templates/page.html templates/issue.md; do
    grep -qxF "$file" <<<"$list" || fail "$file is not in the package"
done
if grep -E '^(tests|bench|examples|docs|fuzz)/' <<<"$list"; then
    fail "the package ships test data or benchmarks (above)"
fi

metadata=$(cargo metadata --locked --no-deps --format-version 1)
python3 - "$metadata" <<'EOF'
import json, sys
package = json.loads(sys.argv[1])["packages"][0]
for field in ["description", "license", "readme", "rust_version"]:
    assert package.get(field), f"package: no `{field}` in Cargo.toml"
assert package["keywords"] and package["categories"], "package: no keywords or categories"
print(f"metadata: {package['license']}, rust {package['rust_version']}, "
      f"keywords {package['keywords']}, categories {package['categories']}")
EOF

cargo package --locked "${dirty[@]}"
crate=$(ls target/package/mrd-*.crate | sort | tail -1)
size=$(stat -c %s "$crate")
echo "package: $crate, $((size / 1024)) KiB, $(wc -l <<<"$list") files"
[[ $size -lt 1048576 ]] || fail "the package is over 1 MiB"
