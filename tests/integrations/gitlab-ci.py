#!/usr/bin/env python3
"""Runs the script of the GitLab CI job (ci/translint.gitlab-ci.yml) as a runner does, with
translint on PATH in place of the before_script's build, and checks what the job leaves: its
exit status, the JUnit report GitLab reads and the HTML report it keeps.

Usage: tests/integrations/gitlab-ci.py path/to/translint
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

import yaml

repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
translint = os.path.abspath(sys.argv[1])
with open(os.path.join(repo, "ci", "translint.gitlab-ci.yml"), encoding="utf-8") as f:
    job = yaml.safe_load(f)["translint"]


def fail(message):
    sys.exit(f"FAIL: {message}")


def run_job(workspace, variables):
    """The job's script lines in one shell that stops at the first failure, as GitLab runs them."""
    env = dict(os.environ, CI_PROJECT_DIR=workspace)
    env.update({**job["variables"], **variables})
    env["PATH"] = os.path.dirname(translint) + os.pathsep + env["PATH"]
    script = "set -eo pipefail\n" + "\n".join(job["script"])
    return subprocess.run(["bash", "-c", script], cwd=workspace, env=env, capture_output=True,
                          text=True)


with tempfile.TemporaryDirectory() as workspace:
    os.mkdir(os.path.join(workspace, "articles"))
    for name in ("article.it.txt", "summary.it.txt"):
        shutil.copy(os.path.join(repo, "examples", name), os.path.join(workspace, "articles"))

    done = run_job(workspace, {"TRANSLINT_PATHS": "articles"})
    if done.returncode != 1:
        fail(f"the job passed articles with errors (status {done.returncode}): {done.stderr}")
    for artifact in job["artifacts"]["paths"] + [job["artifacts"]["reports"]["junit"]]:
        if not os.path.isfile(os.path.join(workspace, artifact)):
            fail(f"the job left no {artifact}")
    junit = ElementTree.parse(os.path.join(workspace, job["artifacts"]["reports"]["junit"]))
    cases = junit.getroot().findall(".//testcase")
    failed = [case.get("name") for case in cases if case.find("failure") is not None]
    if len(cases) != 2 or failed != ["articles/article.it.txt"]:
        fail(f"JUnit cases {[c.get('name') for c in cases]}, failed {failed}")
    if "Makron" not in open(os.path.join(workspace, "translint-report.html"), encoding="utf-8").read():
        fail("the HTML report does not show the article's findings")

    done = run_job(workspace, {"TRANSLINT_PATHS": "articles/summary.it.txt"})
    if done.returncode != 0:
        fail(f"the job failed the clean summary: {done.stderr}")
print("gitlab ci: articles with errors fail the job with a JUnit report and an HTML report; "
      "the clean summary passes")
