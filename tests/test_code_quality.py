"""The code passes its linter, is formatted, and the data layer passes its type check
(settings in pyproject.toml), so `make test` fails on any of them."""

from __future__ import annotations

import subprocess

import pytest

from scripts.dev.scratch import ROOT

BIN = ROOT / ".venv/bin"


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "scripts", "tests"],
        ["ruff", "format", "--check", "scripts", "tests"],
        ["mypy"],  # scripts/data, as pyproject.toml says
    ],
    ids=["lint", "format", "types"],
)
def test_code_passes(command):
    result = subprocess.run([str(BIN / command[0]), *command[1:]], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
