"""Shared fixtures: the real data and the site built from it, a small valid data set, and ways to
break it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from scripts.data.problems import DataError
from scripts.data.validate import DATA_DIR, load_catalogue
from scripts.dev.scratch import build_site

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"


@pytest.fixture(scope="session")
def catalogue():
    """The real data in data/."""
    return load_catalogue(DATA_DIR)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the real data (`mkdocs build --strict` in a scratch copy), once per
    test run: every test that reads it shares it, so none may write into it."""
    work = tmp_path_factory.mktemp("site")
    result = build_site(work)
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "site"


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
