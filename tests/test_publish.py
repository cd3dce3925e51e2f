"""`make site` publishes all or nothing: two builds at once wait for each other, and a failed,
interrupted or killed build leaves the published site/ as it was and no process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts.dev.scratch import ROOT, publish_command
from scripts.publish.site import REQUIRED, public_address_problem
from tests.conftest import VALID

pytestmark = pytest.mark.slow  # builds sites


def start(workdir: Path, data: Path, **kwargs) -> subprocess.Popen:
    command, env = publish_command(workdir, data)
    kwargs = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.Popen(command, cwd=ROOT, env=env, text=True, **kwargs)


def publish(workdir: Path, data: Path) -> subprocess.CompletedProcess:
    process = start(workdir, data)
    out, err = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def assert_complete(site: Path) -> None:
    assert [name for name in REQUIRED if not (site / name).is_file()] == []
    assert not (site / "site").exists()
    assert (
        len(list((site / "feeds").iterdir())) > 10
        and (site / "initiativer/nyt-foedevareprogram-2020/index.html").is_file()
    )


def descendants(pid: int) -> set[int]:
    """Every process started, directly or not, by `pid`."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.add(pid)
    return living


@pytest.fixture
def published(tmp_path) -> Path:
    """A scratch project with a published site carrying a marker file."""
    result = publish(tmp_path, VALID)
    assert result.returncode == 0, result.stderr[-2000:]
    (tmp_path / "site/marker").write_text("the site published before", encoding="utf-8")
    return tmp_path


def test_two_builds_at_once_wait_for_each_other(tmp_path):
    first, second = start(tmp_path, VALID), start(tmp_path, VALID)
    results = [p.communicate(timeout=300) + (p.returncode,) for p in (first, second)]
    assert [rc for _, _, rc in results] == [0, 0], [err[-1500:] for _, err, _ in results]
    assert sum("Another build of this site is running" in err for _, err, _ in results) == 1
    assert_complete(tmp_path / "site")
    assert list((tmp_path / "build").glob("site-*")) == []


def test_a_failed_build_keeps_the_published_site(published, tmp_path_factory):
    bad = tmp_path_factory.mktemp("bad") / "data"
    subprocess.run(["cp", "-r", str(VALID), str(bad)], check=True)
    path = bad / "initiatives/nyt-foedevareprogram-2020.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("themes: [foedevarer]", "themes: [ukendt]"), encoding="utf-8"
    )
    result = publish(published, bad)
    assert result.returncode == 1
    assert "unknown reference 'ukendt'" in result.stderr and "the site was not built" in result.stderr
    assert (published / "site/marker").exists()
    assert_complete(published / "site")


@pytest.mark.parametrize("how", ["killed", "interrupted"])
def test_a_build_stopped_midway_keeps_the_site_and_leaves_no_process(published, how):
    # The real data: a build of some seconds. No pipes, whose end a surviving process would hold open.
    process = start(
        published, ROOT / "data", start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while not list((published / "build").glob("site-*/site/download")):  # MkDocs is writing the new site
        assert process.poll() is None and time.monotonic() < deadline, "the build ended before it could be stopped"
        time.sleep(0.05)
    workers = descendants(process.pid)
    assert len(workers) >= 2  # MkDocs and the processes beside it
    if how == "killed":
        process.kill()
    else:  # Ctrl-C in a terminal: every process of the group gets SIGINT
        os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=60)
    assert process.returncode == (-signal.SIGKILL if how == "killed" else 130)
    deadline = time.monotonic() + 3  # at once, not when the build they were doing is done
    while alive(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert alive(workers) == set()
    assert (published / "site/marker").exists()
    assert_complete(published / "site")
    if how == "interrupted":
        assert list((published / "build").glob("site-*")) == []


@pytest.mark.parametrize("url", ["", "http://127.0.0.1:8000/", "https://localhost/", "http://example.dk/"])
def test_a_public_build_refuses_an_address_that_is_not_public(tmp_path, url):
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | ({"SITE_URL": url} if url else {})
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "site", "--public"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "SITE_URL must be the site's public https address" in result.stderr


def test_a_public_address_is_accepted():
    assert public_address_problem("https://vaekstaftaler.github.io/vaekstaftaler/") is None
