"""Build the publishable site into site/, all or nothing (`make site`).

    python -m scripts site [-f mkdocs.yml] [--public]

The data is validated, then the whole site (pages, downloads, feeds, search index) is built
into a new folder under build/. Only when every part of that succeeded does the new folder
replace site/; after a failure, Ctrl-C or a killed build, site/ is as it was. The drafts of
data/drafts/ are never published: the build leaves them out and says how many. Builds of the
same project wait for each other (scripts.publish.build_lock), and the build's processes end with it.
With --public (the deploy), the site's address (SITE_URL) must be a public https address: feeds,
calendars and downloads carry absolute links, which must never point at a developer's machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from scripts import forked
from scripts.data.data_tree import DRAFTS, draft_records
from scripts.data.problems import DataError
from scripts.data.validate import DATA_DIR, load_catalogue
from scripts.publish import build_lock

ROOT = Path(__file__).resolve().parents[2]
STAGING_PREFIX = "site-"  # build/site-*: a build in progress, or left by one that was killed
# What a complete site has besides its pages: a build that lacks one of them is not published.
REQUIRED = (
    "index.html",
    "404.html",
    "feed.xml",
    "frister.ics",
    "download/initiatives.csv",
    "download/tilsagn.csv",
    "download/initiativer.csv",
    "pagefind/pagefind.js",
    "find/index.html",
    "tilsagn/index.html",
)


LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1", ""}


def public_address_problem(url: str) -> str | None:
    """Why `url` cannot be the address of the published site, if it cannot."""
    parts = urlsplit(url)
    if parts.scheme != "https" or (parts.hostname or "") in LOCAL_HOSTS:
        return f"SITE_URL must be the site's public https address, not {url!r}"
    return None


def publish(config_file: Path, public: bool = False) -> int:
    project = config_file.resolve().parent
    site = project / "site"
    if public and (problem := public_address_problem(os.environ.get("SITE_URL", ""))):
        return _refused(site, problem)
    with build_lock.held(project):
        build = project / "build"
        for stale in build.glob(STAGING_PREFIX + "*"):  # no other build runs: these are left over
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=build))
        data_dir = Path(os.environ.get("VAEKSTAFTALER_DATA", DATA_DIR))
        try:
            if not _valid(data_dir):
                return 1
            built = staging / "site"
            env = dict(os.environ, **{build_lock.HELD_BY_PARENT: str(project)})
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(built)],
                cwd=project,
                env=env,
                preexec_fn=forked.die_with_parent,
            )
            if result.returncode != 0:
                return _refused(site, "the build failed")
            if missing := [name for name in REQUIRED if not (built / name).is_file()]:
                return _refused(site, f"the build lacks {', '.join(missing)}")
            _replace(site, built, staging)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    print(f"Published the site into {site}")
    if left_out := len(draft_records(data_dir)):
        print(f"Left out {left_out} draft record(s) in {data_dir / DRAFTS}: drafts are never published.")
    return 0


def _valid(data_dir: Path) -> bool:
    try:
        load_catalogue(data_dir)
    except DataError as e:
        print(e, file=sys.stderr)
        print(f"{len(e.problems)} problem(s) in {data_dir}: the site was not built.", file=sys.stderr)
        return False
    return True


def _refused(site: Path, why: str) -> int:
    kept = "is unchanged" if site.exists() else "was not made"
    print(f"Not published: {why}; {site} {kept}.", file=sys.stderr)
    return 1


def _replace(site: Path, built: Path, staging: Path) -> None:
    """Put the new site in place of the old one: two renames, which an interrupt cannot split."""
    old = staging / "old"
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        if site.exists():
            site.rename(old)
        built.rename(site)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _interrupted(signum, frame) -> None:
    raise KeyboardInterrupt  # cleans up like Ctrl-C: the staging folder goes, site/ stays


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts site", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--public", action="store_true", help="the deploy: refuse a local SITE_URL")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupted)
    try:
        return publish(args.config_file, args.public)
    except KeyboardInterrupt:
        print("Interrupted: site/ is unchanged.", file=sys.stderr)
        return 130
