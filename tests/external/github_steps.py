"""Runs the steps of the workflow `mrd init --github` writes, as a GitHub
runner would, in a scratch directory: no Actions runner exists outside
GitHub, so this reads the workflow file and carries out each step.

- `actions/checkout`: a clone of the repository under test.
- `actions/cache`: restores the path from a local cache directory keyed by
  the evaluated key, sets `cache-hit`, and saves the path after a job that
  succeeded (as the action's post step does).
- `dtolnay/rust-toolchain`: the machine's Rust toolchain is used; the step
  checks that cargo is on the PATH.
- `run:` steps: `bash --noprofile --norc -eo pipefail`, GitHub's default
  shell, with the workflow's `env:`, in the checkout.

`${{ }}` expressions and `if:` conditions are evaluated for the forms the
workflow uses (env.X, runner.os, steps.ID.outputs.X, `!=`/`==` with a
quoted string); anything else is an error, so a workflow this script does
not understand fails loudly rather than being run wrong.

    python github_steps.py WORKFLOW REPO HOME CACHE_DIR [NAME=VALUE...]

Prints each step and its outcome; exits with the job's result (0 success,
1 a step failed).
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def main() -> int:
    workflow_path, repo, home, cache_dir, *overrides = sys.argv[1:]
    workflow = YAML(typ="safe").load(Path(workflow_path).read_text())
    home = Path(home)
    workspace = home / "work" / "repo"
    env = {
        "HOME": str(home),
        "PATH": f"{home}/.cargo/bin:{os.environ['PATH']}",
        "RUSTUP_HOME": os.environ["RUSTUP_HOME"],
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_ACTIONS": "true",
        "CI": "true",
        "RUNNER_OS": "Linux",
    }
    for name in ("CARGO_TARGET_DIR", "CARGO_PROFILE_RELEASE_OPT_LEVEL",
                 "CARGO_PROFILE_RELEASE_DEBUG", "CARGO_PROFILE_RELEASE_CODEGEN_UNITS"):
        if name in os.environ:
            env[name] = os.environ[name]
    env.update({k: str(v) for k, v in (workflow.get("env") or {}).items()})
    for override in overrides:
        name, value = override.split("=", 1)
        env[name] = value

    [job] = workflow["jobs"].values()
    outputs: dict[str, dict[str, str]] = {}
    saves = []

    def evaluate(text: str) -> str:
        def one(match: re.Match) -> str:
            expr = match.group(1)
            if expr.startswith("env."):
                return env.get(expr[4:], "")
            if expr == "runner.os":
                return "Linux"
            if m := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr):
                return outputs.get(m.group(1), {}).get(m.group(2), "")
            raise SystemExit(f"github_steps: unsupported expression ${{{{ {expr} }}}}")
        return EXPRESSION.sub(one, str(text))

    def condition(expr: str) -> bool:
        m = re.fullmatch(r"(\S+)\s*(==|!=)\s*'([^']*)'", expr.strip())
        if not m:
            raise SystemExit(f"github_steps: unsupported condition `{expr}`")
        left = evaluate("${{ " + m.group(1) + " }}")
        return (left == m.group(3)) == (m.group(2) == "==")

    ok = True
    for step in job["steps"]:
        name = step.get("name") or step.get("uses") or step.get("run")
        if "if" in step and not condition(step["if"]):
            print(f"github step skipped (if: {step['if']}): {name}")
            continue
        print(f"github step: {name}", flush=True)
        uses = step.get("uses", "")
        if uses.startswith("actions/checkout@"):
            shutil.rmtree(workspace, ignore_errors=True)
            subprocess.run(["git", "clone", "-q", repo, str(workspace)], check=True)
        elif uses.startswith("actions/cache@"):
            path = Path(evaluate(step["with"]["path"]).replace("~", str(home), 1))
            key = evaluate(step["with"]["key"])
            stored = Path(cache_dir) / key / path.name
            hit = stored.exists()
            if hit:
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(stored, path)
            print(f"  cache key {key}: {'hit, restored' if hit else 'miss'} {path}")
            outputs[step["id"]] = {"cache-hit": "true" if hit else "false"}
            if not hit:
                saves.append((path, stored, key))
        elif uses.startswith("dtolnay/rust-toolchain@"):
            subprocess.run(["cargo", "--version"], env=env, check=True)
        elif uses:
            raise SystemExit(f"github_steps: no emulation for `uses: {uses}`")
        else:
            script = evaluate(step["run"])
            result = subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                cwd=workspace, env=env,
            )
            print(f"  exit code {result.returncode}")
            if result.returncode != 0:
                ok = False
                break
    # actions/cache's post step saves only after a successful job.
    for path, stored, key in saves:
        if ok and path.exists():
            stored.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, stored)
            print(f"  cache key {key}: saved {path}")
    print(f"github job: {'success' if ok else 'failure'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
