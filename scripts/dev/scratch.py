"""Build or serve the site in a scratch copy of the project, from any data folder, so tests and
benchmarks never touch docs/ or site/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def project_copy(workdir: Path, data_dir: Path | None = None, stock_search: bool = False) -> dict[str, str]:
    """Copy the site sources into workdir, building from data_dir (default: data/); returns the
    environment for running MkDocs there.

    With stock_search, the same pages are built with Material's own search (lunr) instead of
    ours, for comparing the two.
    """
    data_dir = data_dir or ROOT / "data"
    workdir.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for folder in ("docs", "overrides"):
        shutil.copytree(ROOT / folder, workdir / folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".cache"))
    if stock_search:
        config = config.replace("\nplugins:\n", "\nplugins:\n  - search\n")
        (workdir / "overrides/partials/header.html").unlink()
    (workdir / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, target in (("scripts", ROOT / "scripts"), ("data", data_dir)):
        if not (workdir / name).exists():
            (workdir / name).symlink_to(target)
    return dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        VAEKSTAFTALER_DATA=str(data_dir),
        VAEKSTAFTALER_SEARCH_TERMS="0" if stock_search else "1",
    )


def build_site(workdir: Path, data_dir: Path | None = None, stock_search: bool = False) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` in a scratch copy; output in workdir/site."""
    env = project_copy(workdir, data_dir, stock_search)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(workdir / "mkdocs.yml"),
            "-d",
            str(workdir / "site"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def serve_command(workdir: Path, data_dir: Path | None = None, port: int = 8000) -> tuple[list[str], dict[str, str]]:
    """The command and environment of `make serve` for a scratch copy, serving at 127.0.0.1:port."""
    env = project_copy(workdir, data_dir)
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--dirty",
        "--no-strict",
        "-f",
        str(workdir / "mkdocs.yml"),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ], env


def publish_command(workdir: Path, data_dir: Path | None = None) -> tuple[list[str], dict[str, str]]:
    """The command and environment of `make site` (scripts.publish.site) for a scratch copy; its
    site/ and build/ are in workdir."""
    env = project_copy(workdir, data_dir)
    return [sys.executable, "-m", "scripts", "site", "-f", str(workdir / "mkdocs.yml")], env
