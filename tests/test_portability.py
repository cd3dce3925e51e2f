"""The build works where it runs: on macOS (no sched_getaffinity), and in a shallow git clone,
where the feeds' change dates cannot be read from the history."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

from scripts import forked
from scripts.data.validate import load_catalogue
from scripts.publish import feeds
from tests.conftest import VALID

FIRST, LAST = "2021-02-03T10:00:00+00:00", "2023-04-05T10:00:00+00:00"


def test_cores_without_sched_getaffinity_counts_every_core(monkeypatch):
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)  # as on macOS
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    assert forked.cores() == 3
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # the count cannot be had
    assert forked.cores() == 1


def git(*args: str, date: str | None = None) -> None:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.org",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.org",
    )
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], env=env, check=True, capture_output=True)


def dates_in(clone) -> dict[str, dt.datetime]:
    """Each initiative's feed date in the data of a clone."""
    cat = load_catalogue(clone / "data")
    dates = feeds.changed_dates([cat.file("initiatives", i) for i in cat.initiatives])
    return {i.id: feeds.updated(cat, i, dates) for i in cat.initiatives.values()}


def test_feed_dates_come_from_the_history_and_never_from_a_shallow_clones_last_commit(tmp_path, capfd):
    """Two commits at different dates, each adding an initiative: a full clone dates each by its
    own commit; a shallow one, whose only commit seems to add every file, by its document."""
    repo = tmp_path / "repo"
    shutil.copytree(VALID, repo / "data")
    later = repo / "data/initiatives/andet-program-2020.yml"
    first = (repo / "data/initiatives/nyt-foedevareprogram-2020.yml").read_text(encoding="utf-8")
    git("init", "-q", str(repo))
    git("-C", str(repo), "add", "data")
    git("-C", str(repo), "commit", "-q", "-m", "first", date=FIRST)
    later.write_text(first.replace("id: nyt-foedevareprogram-2020", "id: andet-program-2020"), encoding="utf-8")
    git("-C", str(repo), "add", "data")
    git("-C", str(repo), "commit", "-q", "-m", "second", date=LAST)

    git("clone", "-q", f"file://{repo}", str(tmp_path / "full"))
    assert dates_in(tmp_path / "full") == {
        "nyt-foedevareprogram-2020": dt.datetime.fromisoformat(FIRST),
        "andet-program-2020": dt.datetime.fromisoformat(LAST),
    }
    assert "shallow" not in capfd.readouterr().err

    git("clone", "-q", "--depth", "1", f"file://{repo}", str(tmp_path / "shallow"))
    document_day = dt.datetime(2020, 5, 15, tzinfo=dt.UTC)  # aftale-2020's date
    assert dates_in(tmp_path / "shallow") == {
        "nyt-foedevareprogram-2020": document_day,
        "andet-program-2020": document_day,
    }
    warning = capfd.readouterr().err.splitlines()
    assert len(warning) == 1 and "shallow clone" in warning[0] and "documents" in warning[0]
