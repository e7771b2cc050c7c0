#!/usr/bin/env python3
"""Writes one assessment per answer of tests/fixtures/substance/**/*.yml, with
that answer in every question and the rationale, plus pasted questions in
varied shapes (headings, bold, keys, French aliases, non-ASCII letters and
spaces, CRLF line ends, tabs, emphasis, list markers, a question after `. `,
`? ` and `! `), and a `.mrd.yml` with French aliases beside the directory.

For showing that a speed change to the substance rules keeps their findings
byte for byte (docs/substance.md): lint the directory with two builds, with
and without the aliases, and `cmp` the outputs.

    python3 bench/fixture_answers.py /tmp/fixture-answers
    mrd lint --format json /tmp/fixture-answers > before.json
    mrd lint --format json --config /tmp/fixture-answers.mrd.yml \
        /tmp/fixture-answers > before-fr.json

Needs PyYAML (Debian's python3-yaml) to read the fixtures.
"""
import glob, json, os, sys

try:
    import yaml
except ImportError:
    sys.exit("fixture_answers.py reads the fixtures with PyYAML: apt-get install python3-yaml")

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
KEYS = ["problem", "target_market", "market_size", "alternatives", "differentiator",
        "market_window", "go_to_market", "metrics", "success_factors"]

def write(name, texts, newline="\n"):
    lines = ["---", "mrd: 1", f"title: {json.dumps(name)}", "author: Test", "created: 2026-01-01",
             "status: draft", "answers:"]
    for key, text in zip(KEYS, texts):
        lines.append(f"  {key}: {json.dumps(text, ensure_ascii=False)}")
    lines += ["recommendation:", "  decision: go", f"  rationale: {json.dumps(texts[-1], ensure_ascii=False)}", "---", "", "Notes."]
    with open(os.path.join(out, name + ".md"), "w", newline="") as f:
        f.write(newline.join(lines) + newline)

FRENCH = """questions:
  market_window:
    aliases: [Pourquoi maintenant, "Qu'est-ce qui a changé", Étape suivante, "Calendrier*"]
  market_size:
    aliases: [Taille du marché]
  differentiator:
    aliases: [Notre avantage]
"""

texts = []
for path in sorted(glob.glob(os.path.join(root, "tests/fixtures/substance/**/*.yml"), recursive=True)):
    data = yaml.safe_load(open(path))
    for answer in data.get("answers", []):
        if isinstance(answer, dict) and isinstance(answer.get("text"), str):
            texts.append(answer["text"])
for i, text in enumerate(texts):
    write(f"fixture-{i:04d}", [text] * 10)

shapes = [
    "Stores.\n## Why now?\nThe law changed.",
    "Data engineers.\n**How big is the opportunity?** About 12,000.",
    "We own it.\nmarket_window: the law changes",
    "Les cliniques.\n## Pourquoi maintenant ?\nLa loi change.",
    "Les cliniques. Qu’est-ce qui a changé\nLa loi.",
    "Les cliniques.\n## Étape suivante\nLa loi.",
    "Les cliniques.\nCalendrier prévu : mars",
    "Taille du marché : 2 000 cliniques.",
    "Stores.\r\nWhy now\r\nThe law changed.\r\n",
    "Stores.\n\t- **Market size**\t\n2,000.",
    "Great! Why now? The law changed.",
    "Really? What alternatives are out there? Cron.",
    "One. Two.  _How will we get this product to market_ \nBeta.",
    "1. Our differentiator\n2) go_to_market: beta\n> What factors are critical to success?",
    "• Why now\n\u2003Market size\u00a0\n",
    "Our partner in Osaka (株式会社データ) reports 21 incidents a month caused\nby it. Our partner reports it.",
    "That's why now is the time. Why now: the incumbent left.",
    "WHY NOW\nwHy NoW?\nwhy-now:",
    "É. Why now? Ça. Market size\n",
    "*Given the above, what’s the recommendation?*\nGo.",
    "Metrics/revenue strategy:\nsuccess_factors: none",
    "",
]
for i, text in enumerate(shapes):
    for j in range(len(KEYS)):
        rotated = [shapes[(i + k) % len(shapes)] for k in range(10)]
        rotated[j] = text
        write(f"shape-{i:02d}-{j}", rotated, "\r\n" if i % 3 == 0 else "\n")
with open(out.rstrip("/") + ".mrd.yml", "w") as f:
    f.write(FRENCH)
print(len(texts), "fixture answers,", len(shapes), "shapes")
