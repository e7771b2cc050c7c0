#!/usr/bin/env bash
# GitHub flavour's fold around the notes, read by GitHub's own Markdown
# parser (cmark-gfm, through the cmarkgfm bindings, with raw HTML kept as
# GitHub keeps it before sanitising): a `</details>` in the notes does not
# end the fold, and everything the notes say is inside it.
set -euo pipefail
out=$EXTERNAL_WORK/render
mkdir -p "$out"
"$MRD" render --flavor github "$MRD_REPO/tests/fixtures/render/details.md" >"$out/details.github.md"
"$EXTERNAL_WORK/venv/bin/python" - "$out/details.github.md" <<'PY'
import sys
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options

markdown = open(sys.argv[1]).read()
html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


class Fold(HTMLParser):
    """Collects the text inside the notes' <details>, by the DOM's nesting."""

    def __init__(self):
        super().__init__()
        self.depth = 0          # <details> elements open
        self.notes_depth = None  # the depth of the notes' fold, once found
        self.summary = ""
        self.inside, self.after = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "details":
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "details":
            if self.depth == self.notes_depth:
                self.notes_depth = -1  # closed
            self.depth -= 1

    def handle_data(self, data):
        if self.notes_depth is None and "Notes from the assessment file" in data:
            self.notes_depth = self.depth
        elif self.notes_depth and self.notes_depth > 0:
            self.inside.append(data)
        elif self.notes_depth == -1:
            self.after.append(data)


fold = Fold()
fold.feed(html)
inside, after = "".join(fold.inside), "".join(fold.after).strip()
for text in ["After the stray closer: this stays in the notes.", "Interview transcript.", "Last line of the notes."]:
    assert text in inside, f"cmark-gfm: {text!r} is outside the notes' fold:\n{html}"
assert "</details>" in inside, "the stray closer is shown as text"
assert not after, f"cmark-gfm: text after the notes' fold: {after!r}"
print("cmark-gfm: the notes' fold holds "
      "the stray </details> as text, the user's own fold and the code, and ends after the last line")
PY
