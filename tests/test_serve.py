"""`make serve` rebuilds only what an edit changes, and the site it serves stays whole: the
edited record's page shows the change, a page that was not re-rendered still serves, and the
search index still holds every page. One edit makes one rebuild: the pages that rebuild writes
into docs/ do not start another, while an edit to a hand-written page in docs/ still does."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from scripts.dev.browser import chromium, our_results
from scripts.dev.scratch import ROOT, serve_command

pytestmark = pytest.mark.slow  # serves a site and drives Chromium

EDITED = "initiativer/nyt-foedevareprogram-2020/"
UNTOUCHED = "organisationer/test-klynge/"  # does not show the initiative's title


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    return urllib.request.urlopen(url, timeout=30).read().decode("utf-8")


def wait_until(condition, timeout: float = 120):
    """The first true value of condition(), trying every 0.2 s; failing requests count as false."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if value := condition():
                return value
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(condition)


def test_an_edit_shows_and_the_rest_of_the_site_stays_whole(tmp_path, data_copy):
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command, env = serve_command(tmp_path / "project", data_copy, port)
    env["TMPDIR"] = str(tmp_path / "tmp")  # where MkDocs makes the folder it serves
    (tmp_path / "tmp").mkdir()
    with (tmp_path / "serve.log").open("w") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        assert wait_until(lambda: "Et nyt fødevareprogram" in fetch(base + EDITED))
        [site] = (tmp_path / "tmp").iterdir()
        untouched_html = site / UNTOUCHED / "index.html"
        built = untouched_html.stat().st_mtime_ns
        entry = fetch(base + "pagefind/pagefind-entry.json")
        time.sleep(1)  # the server's first look at the files it watches

        record = data_copy / "initiatives/nyt-foedevareprogram-2020.yml"
        text = record.read_text(encoding="utf-8")
        record.write_text(
            text.replace("title: Et nyt fødevareprogram", "title: Zebrafinkeprogrammet"), encoding="utf-8"
        )

        assert wait_until(lambda: "Zebrafinkeprogrammet" in fetch(base + EDITED))
        assert untouched_html.stat().st_mtime_ns == built  # not rendered again …
        assert "Test Klynge" in fetch(base + UNTOUCHED)  # … and still served
        # the index of the rebuild is written just after it: once it is, it holds every page
        new_entry = wait_until(lambda: (e := fetch(base + "pagefind/pagefind-entry.json")) != entry and e)
        assert [lang["page_count"] for lang in json.loads(new_entry)["languages"].values()] == [
            lang["page_count"] for lang in json.loads(entry)["languages"].values()
        ]
        with chromium() as browser:
            page = browser.new_page()
            assert EDITED in our_results(page, base, "zebrafinkeprogrammet", top=10)
            assert UNTOUCHED in our_results(page, base, "Test Klynge", top=10)
        # by now (seconds after the rebuild, the server looks every 0.5 s) a second one would have begun
        log = (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert log.count("Building documentation") == 2, log  # the first build and the edit's

        about = tmp_path / "project/docs/om.md"
        about.write_text(about.read_text(encoding="utf-8").replace("# Om sitet", "# Om Zebrafinker"), encoding="utf-8")
        assert wait_until(lambda: "Om Zebrafinker" in fetch(base + "om/"))
    finally:
        server.terminate()
        server.wait(30)
    assert "Traceback" not in Path(tmp_path / "serve.log").read_text(encoding="utf-8")
