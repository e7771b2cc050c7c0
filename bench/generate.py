#!/usr/bin/env python3
"""Writes N realistic assessments (default 10,000) into a directory, for the
lint benchmark. Deterministic: the same N gives the same files.

Most files are complete; about one in five is a draft with the kinds of gaps
real drafts have (empty answers, TODOs, a solution as the problem, no
decision), so the linter does real work and reports real findings."""

import os
import random
import sys

TOPICS = ["scheduler", "notebooks", "data contracts", "lineage", "alerting", "cost reports",
          "access reviews", "schema registry", "backfills", "SLA dashboards", "cataloguing",
          "incident timelines", "secret rotation", "query caching", "PII scanning"]
SEGMENTS = ["data engineers", "analytics engineers", "platform teams", "SREs", "data leads"]
SENTENCES = [
    "Support tickets tagged {t} grew from {a} to {b} last quarter, and the median ticket took {c} hours to close.",
    "{a} of {b} interviewed {s} said they work around this with scripts they do not trust.",
    "Teams at companies with {a}–{b} employees lose about {c} hours a month to it.",
    "Telemetry shows {a} installs that would use it weekly; at {c}% adoption that is roughly ${b}k ARR.",
    "Alternatives exist (in-house scripts, spreadsheets, a managed vendor), each with a gap we can name.",
    "We already run inside {a} self-hosted installs, so this ships as an upgrade, not a migration.",
    "A competitor dropped its self-hosted edition this year, and its users are choosing a replacement.",
    "Beta to the {a} users who asked for it, then a paid tier after {c} months.",
    "Weekly active users from 0 to {a} within 90 days; {c}% of installs on the paid tier by 2027-06-30.",
    "It must never lose a run across restarts, and setup must take under {c} minutes.",
]
KEYS = ["problem", "target_market", "market_size", "alternatives", "differentiator",
        "market_window", "go_to_market", "metrics", "success_factors"]


def paragraph(rng, topic, n):
    out = []
    for _ in range(n):
        s = rng.choice(SENTENCES).format(t=topic, a=rng.randint(3, 900), b=rng.randint(20, 5000),
                                         c=rng.randint(2, 40), s=rng.choice(SEGMENTS))
        out.append(s)
    text = " ".join(out)
    # Wrap like a person's editor does, at about 76 columns.
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > 76:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join("    " + l for l in lines) + "\n"


def assessment(i, rng):
    topic = rng.choice(TOPICS)
    draft = i % 5 == 0
    out = ["---", "mrd: 1", f"title: {topic.capitalize()} for self-hosted pipelines #{i}",
           f"author: Author {i % 97}", f"created: 2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
           f"status: {'draft' if draft else 'decided'}", "labels: [opportunity-assessment]",
           f'milestone: "2026-W{1 + i % 52:02d}"', "answers:"]
    for key in KEYS:
        if draft and rng.random() < 0.2:
            out.append(f"  {key}: \"\"")
        elif draft and rng.random() < 0.1:
            out.append(f"  {key}: TODO")
        elif draft and key == "problem" and rng.random() < 0.5:
            out.append(f"  {key}: |\n    Build a {topic} service so that teams stop losing runs.")
        else:
            out.append(f"  {key}: |\n" + paragraph(rng, topic, rng.randint(2, 4)).rstrip("\n"))
    out.append("confidence:")
    for key in KEYS:
        out.append(f"  {key}: {rng.choice(['low', 'medium', 'high', 'high'])}")
    if not (draft and rng.random() < 0.5):
        decision = rng.choice(["go", "no-go"])
        out.append("recommendation:")
        out.append(f"  decision: {decision}")
        out.append("  rationale: |\n" + paragraph(rng, topic, 2).rstrip("\n"))
        out.append("  conditions:\n    - Three design partners commit to the beta.")
    out.append("---")
    out.append("## Notes\n")
    out.append(paragraph(rng, topic, 3).replace("    ", ""))
    return "\n".join(out)


def main():
    target = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    rng = random.Random(42)
    for i in range(n):
        sub = os.path.join(target, f"team-{i % 20:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"assessment-{i:05d}.md"), "w") as f:
            f.write(assessment(i, rng))


if __name__ == "__main__":
    main()
