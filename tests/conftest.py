"""Shared fixtures: the real data, a small valid data set, and ways to break it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from scripts.problems import DataError
from scripts.validate import DATA_DIR, load_catalogue

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"


@pytest.fixture(scope="session")
def catalogue():
    """The real data in data/."""
    return load_catalogue(DATA_DIR)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the small valid data set."""
    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    return target


def problems_in(data_dir: Path) -> list[str]:
    """Every problem reported for `data_dir`, as 'relative/path:line: field: message'."""
    try:
        load_catalogue(data_dir)
    except DataError as e:
        return [str(replace(p, path=p.path.relative_to(data_dir))) for p in e.problems]
    return []
