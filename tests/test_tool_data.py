"""The finder and the tracker without JavaScript: a long list is cut short in the page, which
then says how many there are and where the rest can be found; the JSON holds them all."""

from __future__ import annotations

import datetime as dt
import json
import re

from scripts.generate import REPO_URL, render
from scripts.pages import finder, tracker
from scripts.site import environment


def test_finder_page_lists_the_first_initiatives_and_points_to_the_rest(catalogue, monkeypatch):
    monkeypatch.setattr(finder, "CAP", 10)
    page = next(finder.pages(catalogue))
    text = render(page, environment(), REPO_URL)
    results = text.split('<ol class="vs-finder-results">', 1)[1].split("</ol>", 1)[0]
    assert len(re.findall(r"<h2><a ", results)) == 10
    assert f"Herunder står de første 10 af {len(catalogue.initiatives)} initiativer." in text
    for href in ("../temaer/", "../maalgrupper/", "../initiativer/"):
        assert f'<a href="{href}">' in text
    assert len(json.loads(page.files[finder.DATA])["items"]) == len(catalogue.initiatives)


def test_tracker_page_lists_the_first_commitments_and_points_to_the_rest(catalogue, monkeypatch):
    monkeypatch.setattr(tracker, "CAP", 20)
    page = next(tracker.pages(catalogue, dt.date(2026, 1, 1)))
    text = render(page, environment(), REPO_URL)
    body = text.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    total = sum(len(i.commitments) for i in catalogue.initiatives.values())
    assert body.count("<tr>") == 20
    assert f"Herunder står de første 20 af {total} tilsagn." in text
    for href in ("../ministerier/", "../download/tilsagn.csv"):
        assert f'<a href="{href}">' in text
    assert len(json.loads(page.files[tracker.DATA])["rows"]) == total

