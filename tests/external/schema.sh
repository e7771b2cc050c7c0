#!/usr/bin/env bash
# `mrd schema` as editors and validators read it: the examples, a fresh
# skeleton and a leap day validate, and broken files (impossible dates, a
# misspelt status or answer key) do not, with
#   - check-jsonschema (Python; keeps dates as text),
#   - ajv-cli in strict mode, reading YAML through js-yaml (YAML 1.1: an
#     unquoted date becomes a Date object) and reading the same data as JSON,
#   - the YAML language server in YAML 1.2 and 1.1 modes, with completion.
set -euo pipefail
cases=$EXTERNAL_WORK/schema-cases
rm -rf "$cases"
mkdir -p "$cases/valid" "$cases/invalid"
cd "$cases"

fail() {
    echo "schema: $*" >&2
    exit 1
}

"$MRD" schema -o schema.json >/dev/null

# The front-matter of an assessment, as the YAML file an editor would see.
front_matter() {
    awk 'NR == 1 && /^---$/ { inside = 1; next } inside && /^---$/ { exit } inside' "$1"
}
for example in "$MRD_REPO"/examples/*.md; do
    front_matter "$example" >"valid/$(basename "$example" .md).yml"
done
"$MRD" new "Managed scheduler" --template-only -o skeleton.md >/dev/null
front_matter skeleton.md >valid/skeleton.yml
printf 'title: Leap day\ncreated: 2024-02-29\nanswers:\nrecommendation:\n' >valid/leap-day.yml

# name, expected line of the error, text
invalid=(
    "month-13 2 title: T\ncreated: 2026-13-45\n"
    "april-31 2 title: T\ncreated: 2026-04-31\n"
    "not-a-leap-year 2 title: T\ncreated: 2027-02-29\n"
    "status 2 title: T\nstatus: maybe\n"
    "answer-key 3 title: T\nanswers:\n  target_markt: Data engineers who self-host.\n"
)
: >lsp-expect.txt
for file in valid/*.yml; do echo "$file" >>lsp-expect.txt; done
for case in "${invalid[@]}"; do
    read -r name line text <<<"$case"
    printf "$text" >"invalid/$name.yml"
    echo "invalid/$name.yml $line" >>lsp-expect.txt
done
impossible_dates=(invalid/month-13.yml invalid/april-31.yml invalid/not-a-leap-year.yml)

echo "check-jsonschema $(check-jsonschema --version | awk '{print $NF}')"
check-jsonschema --schemafile schema.json valid/*.yml
for file in invalid/*.yml; do
    if check-jsonschema --schemafile schema.json "$file" >/dev/null 2>&1; then
        fail "check-jsonschema accepts $file"
    fi
    echo "check-jsonschema rejects $file"
done

ajv() {
    command ajv validate --spec=draft2020 --strict=true -s schema.json "$@"
}
echo "ajv-cli $(npm ls --prefix "$EXTERNAL_WORK" ajv-cli --depth=0 | grep -o 'ajv-cli@[0-9.]*'), strict mode"
for file in valid/*.yml; do
    ajv -d "$file" || fail "ajv rejects $file"
done
for file in invalid/status.yml invalid/answer-key.yml; do
    if ajv -d "$file" >/dev/null 2>&1; then fail "ajv accepts $file"; fi
    echo "ajv rejects $file"
done
# js-yaml has turned an impossible date into a real one before ajv sees it
# (2026-13-45 is 14 February 2027): no schema can tell, as
# docs/integrations.md says. Read as JSON, where the date stays text, the
# schema rejects it.
js_yaml=$(cd "$EXTERNAL_WORK" && node -p 'require.resolve("js-yaml")')
node -e '
  const yaml = require(process.argv[1]);
  const fs = require("fs");
  const loaded = yaml.load(fs.readFileSync("invalid/month-13.yml", "utf8"));
  if (!(loaded.created instanceof Date) || loaded.created.toISOString() !== "2027-02-14T00:00:00.000Z") {
    console.error("js-yaml no longer reads 2026-13-45 as 2027-02-14: update docs/integrations.md");
    process.exit(1);
  }
  for (const file of process.argv.slice(2)) {
    const data = yaml.load(fs.readFileSync(file, "utf8"), { schema: yaml.CORE_SCHEMA });
    fs.writeFileSync(file.replace(/\.yml$/, ".json"), JSON.stringify(data));
  }
' "$js_yaml" "${impossible_dates[@]}" valid/*.yml
echo "js-yaml reads created: 2026-13-45 as 2027-02-14 (the documented limit of YAML 1.1 loaders)"
for file in valid/*.json; do
    ajv -d "$file" || fail "ajv rejects $file"
done
for file in "${impossible_dates[@]}"; do
    json=${file%.yml}.json
    if ajv -d "$json" >/dev/null 2>&1; then fail "ajv accepts $json"; fi
    echo "ajv rejects $json"
done

for version in 1.2 1.1; do
    node "$MRD_REPO/tests/external/lsp.mjs" schema.json "$version" lsp-expect.txt
done
