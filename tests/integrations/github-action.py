#!/usr/bin/env python3
"""Runs the shell steps of the GitHub Action (ci/action.yml) the way a runner does: inputs and
step outputs substituted, the environment the step declares, $GITHUB_OUTPUT read back. The steps
that call other actions (cache, SARIF upload) need GitHub and are checked for their inputs only.

Usage: tests/integrations/github-action.py path/to/translint
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
translint = os.path.abspath(sys.argv[1])
action_dir = os.path.join(repo, "ci")
with open(os.path.join(action_dir, "action.yml"), encoding="utf-8") as f:
    action = yaml.safe_load(f)


def fail(message):
    sys.exit(f"FAIL: {message}")


if action["runs"]["using"] != "composite":
    fail("the action is not a composite action")
inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def evaluate(expression, outputs):
    if expression.startswith("inputs."):
        return inputs[expression[len("inputs."):]]
    if expression.startswith("steps."):
        step, _, name = expression[len("steps."):].split(".")
        return outputs[step][name]
    if expression == "github.action_path":
        return action_dir
    if expression == "runner.os":
        return "Linux"
    fail(f"the test runner does not know the expression '{expression}'")


def substitute(text, outputs):
    return EXPRESSION.sub(lambda m: evaluate(m.group(1), outputs), str(text))


def run_action(workspace, with_inputs):
    """Runs every shell step up to the gate; returns the step outputs and what the check printed."""
    inputs.update(with_inputs)
    outputs, printed = {}, ""
    for step in action["runs"]["steps"]:
        if "uses" in step:
            if not re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", step["uses"]):
                fail(f"'{step['uses']}' is not pinned to a major version")
            for value in step.get("with", {}).values():
                substitute(value, outputs)  # every expression it uses must resolve
            continue
        if step.get("name") in ("Install the build dependencies", "Build translint"):
            continue  # the build under test stands in for the cached build
        output_file = os.path.join(workspace, "github-output")
        open(output_file, "w").close()
        env = dict(os.environ, GITHUB_ACTION_PATH=action_dir, GITHUB_OUTPUT=output_file,
                   TRANSLINT=translint)
        env.update({k: substitute(v, outputs) for k, v in step.get("env", {}).items()})
        cwd = substitute(step.get("working-directory", workspace), outputs)
        done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=cwd, env=env,
                              capture_output=True, text=True)
        if step.get("name") == "Gate":
            return outputs, printed, done.returncode
        if done.returncode != 0:
            fail(f"step '{step['name']}' failed: {done.stderr}")
        if step.get("id") == "check":
            printed = done.stdout
        with open(output_file, encoding="utf-8") as f:
            outputs[step.get("id", "")] = dict(
                line.rstrip("\n").split("=", 1) for line in f if "=" in line)
    fail("the action has no Gate step")


with tempfile.TemporaryDirectory() as workspace:
    articles = os.path.join(workspace, "articles")
    os.mkdir(articles)
    for name in ("article.it.txt", "summary.it.txt"):
        with open(os.path.join(repo, "examples", name), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(articles, name), "w", encoding="utf-8") as f:
            f.write(text)

    outputs, printed, status = run_action(workspace, {"paths": "articles"})
    if status != 1 or outputs["check"]["status"] != "1":
        fail(f"the gate passed an article with errors (status {status})")
    annotations = [line for line in printed.splitlines() if line.startswith("::")]
    if not any(line.startswith("::error") and "file=articles/article.it.txt" in line
               and "'Makron'" in line and "→ Macron" in line for line in annotations):
        fail("no error annotation for 'Makron' with its fix:\n" + printed)
    with open(os.path.join(workspace, "translint.sarif"), encoding="utf-8") as f:
        sarif = json.load(f)
    results = sarif["runs"][0]["results"]
    if len(results) != len(annotations):
        fail(f"{len(results)} SARIF results but {len(annotations)} annotations")

    # The clean summary passes; a baseline silences the accepted findings.
    _, _, status = run_action(workspace, {"paths": "articles/summary.it.txt"})
    if status != 0:
        fail("the gate failed the clean summary")
    subprocess.run([translint, "baseline", "--output", "baseline.json", "articles"],
                   cwd=workspace, check=True, capture_output=True)
    _, printed, status = run_action(workspace, {"paths": "articles", "baseline": "baseline.json"})
    if status != 0 or "::" in printed:
        fail("the baseline did not silence the accepted findings:\n" + printed)
    # A path that does not exist is an input error, not a pass.
    _, _, status = run_action(workspace, {"paths": "missing.it.txt", "baseline": ""})
    if status != 2:
        fail(f"a missing path gave status {status}, not 2")
print(f"github action: {len(annotations)} annotations and SARIF results; gate 1, clean 0, "
      "baseline 0, missing path 2")
