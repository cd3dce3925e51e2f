"""One command-line entry point: `python -m scripts <command>` runs every tool, and `--help`
lists them."""

from __future__ import annotations

import subprocess
import sys

from scripts.__main__ import COMMANDS
from scripts.dev.scratch import ROOT


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=ROOT, capture_output=True, text=True)


def test_help_lists_every_command():
    result = run("--help")
    assert result.returncode == 0
    for name in ("validate", "generate", "site", "search", "coverage", "schema", "synthetic", "bench"):
        assert f"\n  {name} " in result.stdout


def test_each_command_has_its_own_help():
    for name in COMMANDS:
        result = run(name, "--help")
        assert result.returncode == 0, (name, result.stderr)
        assert result.stdout.startswith(f"usage: python -m scripts {name}"), (name, result.stdout[:80])


def test_a_command_runs_and_an_unknown_one_is_refused(data_copy):
    assert run("validate", "--data", str(data_copy)).stdout.startswith("data OK:")
    result = run("valider")
    assert result.returncode == 2 and "invalid choice: 'valider'" in result.stderr
