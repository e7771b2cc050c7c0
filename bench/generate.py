#!/usr/bin/env python3
"""Writes N realistic assessments (default 10,000) into a directory, for the
benchmarks. Deterministic: the same N gives the same files.

The files vary the way files written by people and editors do, so that the
benchmark measures the reader real backlogs meet, not a reader tuned to the
generator's own shape:

- line endings: about one file in seven is CRLF (written on Windows), a few
  start with a UTF-8 byte-order mark;
- YAML as people write it: comments on their own lines and after values,
  unquoted dates and milestones (`2026-10-02`, `2026-W44`, `2026-Q3`, `44`),
  flow lists (`[a, b]`) and block lists, a team's own keys holding lists of
  mappings (`- name: ...` under `reviewers:`), `|`, `>` and plain one-line
  answers, single- and double-quoted text with escapes;
- answers from a few words to thirty lines, with non-ASCII text (names,
  dashes, quotes, currency, some CJK and emoji);
- 0 to 20 findings per file: about a third of the files are clean, the others
  have some of the gaps real drafts have (empty or TODO answers, short ones,
  a solution as the problem, unmeasurable metrics, a misspelt key, a heading
  inside an answer, no decision or rationale, a risky go);
- titles that are not near-duplicates of each other (a few exact duplicates,
  as in real backlogs, for `duplicate-title`).
"""

import os
import random
import sys

TOPICS = ["scheduler", "notebooks", "data contracts", "lineage", "alerting", "cost reports",
          "access reviews", "schema registry", "backfills", "SLA dashboards", "cataloguing",
          "incident timelines", "secret rotation", "query caching", "PII scanning",
          "usage billing", "feature flags", "audit exports", "run replays", "quota limits",
          "tenant isolation", "cold storage", "webhook retries", "ownership maps",
          "drift detection", "test fixtures", "sandbox accounts", "metric stores",
          "on-call handover", "release trains"]
QUALIFIERS = ["Managed", "Self-serve", "Hosted", "Open", "Automatic", "Guided", "Team-wide",
              "Per-project", "Real-time", "Offline", "Policy-driven", "Cheaper", "Faster",
              "Auditable", "Zero-config", "Incremental", "Federated", "Embedded", "Portable",
              "Private", "Shared", "Scheduled", "Versioned", "Tiered", "Unified"]
AUDIENCES = ["self-hosted pipelines", "small data teams", "regulated industries", "the cloud edition",
             "agencies", "universities", "the enterprise tier", "edge installs", "partners",
             "first-time users", "platform teams", "analytics engineers", "support staff",
             "finance teams", "open-source maintainers", "hospitals", "retailers", "game studios",
             "public sector", "startups"]
SUFFIXES = ["", " (pilot)", " in the CLI", " v2", " for 2027", " via the API", " with SSO",
            " on Kubernetes", " at scale", " without agents", " in the EU", " for mobile"]
SEGMENTS = ["data engineers", "analytics engineers", "platform teams", "SREs", "data leads",
            "Datenteams", "équipes data", "ingenieros de datos"]
PEOPLE = ["Priya Raman", "Marcus Webb", "Lena Okafor", "Zoë Müller", "José Álvarez",
          "Łukasz Nowak", "陈静", "Søren Kierkegaard-Hansen", "Aoife Ní Bhriain", "Ngozi Eze",
          "Dmitri Ivanov", "Ana Lúcia Ferreira", "Kenji Watanabe", "Fatima Zahra", "Ola Nordmann"]
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
    "In the “{t}” interviews, {a} teams described the same workaround — a cron job and a prayer.",
    "Pricing at €{c} per seat matches what {s} already pay for the nearest alternative.",
    "Customers in Zürich, São Paulo and Kraków asked for it in {a} separate threads.",
    "The {t} backlog item has {b} 👍 reactions, more than any other open request.",
    "Our partner in Osaka (株式会社データ) reports {c} incidents a month caused by it.",
    "Without it, a failed run is noticed after {c} days on average: that is the cost we remove.",
]
KEYS = ["problem", "target_market", "market_size", "alternatives", "differentiator",
        "market_window", "go_to_market", "metrics", "success_factors"]
COMMENTS = ["# reviewed with the data team", "# TODO(lena): tighten this before Friday",
            "# numbers from the October telemetry export", "# see the interview notes below",
            "# keep this short: it becomes the issue summary"]


def sentence(rng, topic):
    return rng.choice(SENTENCES).format(t=topic, a=rng.randint(3, 900), b=rng.randint(20, 5000),
                                        c=rng.randint(2, 40), s=rng.choice(SEGMENTS))


def wrap(text, width=76):
    """Wraps like a person's editor does."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


def block(rng, topic, sentences, indent="    "):
    """A `|` block's lines: a paragraph, sometimes a list, sometimes two paragraphs."""
    shape = rng.random()
    if shape < 0.2:
        lines = []
        for _ in range(sentences):
            item = wrap(sentence(rng, topic), 72)
            lines.append(f"- {item[0]}")
            lines.extend(f"  {rest}" for rest in item[1:])
    elif shape < 0.35 and sentences > 1:
        half = sentences // 2
        lines = wrap(" ".join(sentence(rng, topic) for _ in range(half)))
        lines.append("")
        lines.extend(wrap(" ".join(sentence(rng, topic) for _ in range(sentences - half))))
    else:
        lines = wrap(" ".join(sentence(rng, topic) for _ in range(sentences)))
    return [indent + l if l else "" for l in lines]


def answer(rng, key, topic):
    """One answer as YAML lines, in one of the styles people use."""
    style = rng.random()
    if style < 0.62:
        return [f"  {key}: |"] + block(rng, topic, rng.choice([2, 2, 3, 3, 4, 6, 10]))
    if style < 0.72:
        return [f"  {key}: >"] + block(rng, topic, rng.randint(2, 3))
    if style < 0.85:
        text = sentence(rng, topic)
        if ": " in text or " #" in text or text[0] in "\"'{[&*!|>%@`" or text.endswith(":"):
            return [f"  {key}: \"{text}\""]
        return [f"  {key}: {text}"]
    if style < 0.93:
        text = sentence(rng, topic).replace("'", "''")
        return [f"  {key}: '{text}'"]
    text = sentence(rng, topic).replace("\\", "\\\\").replace('"', '\\"')
    return [f"  {key}: \"{text} \\u2014 see the notes.\""]


# The gaps a draft can have, each giving one or more findings.
DEFECTS = ["empty", "todo", "short", "solution", "unmeasurable", "misspelt", "heading",
           "no-rationale", "no-decision", "risky-go", "empty-link", "unknown-top", "pasted"]


def assessment(i, rng, title):
    topic = rng.choice(TOPICS)
    clean = rng.random() < 0.35
    many = rng.random() < 0.08
    defects = set() if clean else set(rng.sample(DEFECTS, rng.randint(7, 12) if many else rng.randint(1, 5)))
    empty = set(rng.sample(KEYS, rng.randint(1, 6 if many else 3))) if "empty" in defects else set()
    todo = set(rng.sample(KEYS, rng.randint(1, 3))) if "todo" in defects else set()
    short = set(rng.sample(KEYS, rng.randint(1, 6 if many else 3))) if "short" in defects else set()
    status = rng.choice(["draft", "review", "decided", "decided"]) if not defects else rng.choice(["draft", "draft", "review"])
    out = ["---"]
    if rng.random() < 0.3:
        out.append(rng.choice(COMMENTS))
    if rng.random() < 0.5:
        out.append("mrd: 1")
    out.append(f"title: {title}" if rng.random() < 0.8 else f"title: \"{title}\"")
    author = rng.choice(PEOPLE)
    out.append(f"author: {author}")
    out.append(f"created: 2026-{1 + i % 12:02d}-{1 + i % 28:02d}")
    out.append(f"status: {status}" + ("  # until the kickoff" if rng.random() < 0.15 else ""))
    labels = rng.sample(["opportunity-assessment", "platform", "data", "billing", "security",
                         "enterprise", "growth", "infra"], rng.randint(1, 3))
    if rng.random() < 0.6:
        out.append(f"labels: [{', '.join(labels)}]")
    else:
        out.append("labels:")
        out.extend(f"  - {label}" for label in labels)
    milestone = rng.choice([f"2026-W{1 + i % 52:02d}", f"\"2026-W{1 + i % 52:02d}\"",
                            f"2026-Q{1 + i % 4}", str(40 + i % 12), f"2026-{1 + i % 12:02d}-15"])
    out.append(f"milestone: {milestone}")
    if rng.random() < 0.2:
        out.append("reviewers:")
        for person in rng.sample(PEOPLE, rng.randint(1, 3)):
            out.append(f"  - name: {person}")
            out.append(f"    date: 2026-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}")
        out.append("lint:\n  allow: [unknown-key]" if rng.random() < 0.5 else "lint: {allow: [MRD013]}")
    if "unknown-top" in defects:
        out.append("owner: platform-team")
    out.append("answers:")
    for key in KEYS:
        if rng.random() < 0.1:
            out.append(f"  {rng.choice(COMMENTS)}")
        shown = key
        if "misspelt" in defects and key == "target_market":
            shown = "target_markt"
        if key in empty:
            out.append(rng.choice([f"  {shown}: \"\"", f"  {shown}:", f"  {shown}: ''"]))
        elif key in todo:
            placeholder = rng.choice(["TODO", "TBD", '"TODO: ask sales"', "n/a", "..."])
            out.append(f"  {shown}: {placeholder}")
        elif key in short:
            words = rng.choice(["Data engineers.", "Big market.", "Airflow.", "Soon.", "Yes, clearly."])
            out.append(f"  {shown}: {words}")
        elif key == "problem" and "solution" in defects:
            out.append(f"  {shown}: |\n    Build a {topic} service so that teams stop losing runs.")
        elif key == "metrics" and "unmeasurable" in defects:
            out.append(f"  {shown}: Users will love it and engagement will go up across the board.")
        elif key == "differentiator" and "pasted" in defects:
            out.append(f"  {shown}: Why are we best suited to pursue this?")
        elif key == "alternatives" and "heading" in defects:
            out.append(f"  {shown}: |\n    ## Competitors\n" + "\n".join(block(rng, topic, 2)))
        elif key == "go_to_market" and "empty-link" in defects:
            out.append(f"  {shown}: |\n    See [the launch plan]() for the beta; {sentence(rng, topic)}")
        else:
            out.extend(l.replace("  " + key, "  " + shown, 1) if j == 0 else l
                       for j, l in enumerate(answer(rng, key, topic)))
    if rng.random() < 0.9:
        out.append("confidence:")
        low_critical = "risky-go" in defects
        for key in KEYS:
            if rng.random() < 0.15:
                continue
            level = "low" if (low_critical and key == "problem") else rng.choice(["medium", "high", "high", "low"] if defects else ["medium", "high", "high"])
            out.append(f"  {key}: {level}")
    if "no-decision" not in defects:
        decision = "go" if "risky-go" in defects else rng.choice(["go", "no-go", "undecided"] if defects else ["go", "no-go"])
        out.append("recommendation:")
        out.append(f"  decision: {decision}")
        if "no-rationale" not in defects or decision == "undecided":
            out.append("  rationale: |\n" + "\n".join(block(rng, topic, rng.randint(1, 3))))
        if rng.random() < 0.6:
            out.append("  conditions:")
            out.append("    - Three design partners commit to the beta.")
            if rng.random() < 0.5:
                out.append(f"    - The {topic} pilot keeps its error budget for {rng.randint(2, 8)} weeks.")
        elif rng.random() < 0.3:
            out.append("  conditions: [Sign-off from security, A named owner]")
    out.append("---")
    out.append("## Notes\n")
    out.extend(block(rng, topic, rng.randint(1, 4), indent=""))
    if rng.random() < 0.4:
        out.append("")
        out.append("### Interviews\n")
        for _ in range(rng.randint(2, 5)):
            out.append(f"- {rng.choice(PEOPLE)}: {sentence(rng, topic)}")
    out.append("")
    text = "\n".join(out)
    if rng.random() < 0.14:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.02:
        text = "\ufeff" + text
    return text


def titles(n, rng):
    """N titles, no two alike except a few exact duplicates."""
    total = len(QUALIFIERS) * len(TOPICS) * len(AUDIENCES) * len(SUFFIXES)
    assert n <= total, f"at most {total} distinct titles"
    step = 7_919  # prime, and prime to the total: i * step mod total is a permutation
    out = []
    for i in range(n):
        k = (i * step) % total
        q, k = divmod(k, len(TOPICS) * len(AUDIENCES) * len(SUFFIXES))
        t, k = divmod(k, len(AUDIENCES) * len(SUFFIXES))
        a, s = divmod(k, len(SUFFIXES))
        out.append(f"{QUALIFIERS[q]} {TOPICS[t]} for {AUDIENCES[a]}{SUFFIXES[s]}")
    for i in range(n // 400):
        out[rng.randrange(n)] = out[rng.randrange(n)]
    return out


def main():
    target = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    rng = random.Random(42)
    names = titles(n, rng)
    for i in range(n):
        sub = os.path.join(target, f"team-{i % 20:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"assessment-{i:05d}.md"), "w", encoding="utf-8", newline="") as f:
            f.write(assessment(i, rng, names[i]))


if __name__ == "__main__":
    main()
