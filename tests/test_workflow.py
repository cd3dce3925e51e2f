"""The GitHub Actions workflow is valid and runs what the README promises."""

from __future__ import annotations

import subprocess

import yaml

from scripts.scratch import ROOT

WORKFLOW = ROOT / ".github/workflows/site.yml"


def test_workflow_matches_the_github_schema():
    result = subprocess.run([str(ROOT / ".venv/bin/check-jsonschema"), "--builtin-schema",
                             "vendor.github-workflows", str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_validates_tests_and_deploys_on_data_changes():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    push = flow[True]["push"]  # YAML 1.1 reads the key `on` as True
    assert push["branches"] == ["main"]
    assert {"data/**", "docs/**", "scripts/**", "mkdocs.yml"} <= set(push["paths"])
    steps = [s.get("run") for s in flow["jobs"]["test"]["steps"]]
    assert "make validate" in steps and "make test" in steps
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in deploy["steps"])
    assert any(s.get("run") == "make site" for s in deploy["steps"])


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert (ROOT / ".ci/run").read_text(encoding="utf-8").strip().endswith("make test")
