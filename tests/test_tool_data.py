"""The finder and the tracker without JavaScript: a long list is cut short in the page, which
then says how many there are and where the rest can be found; the JSON holds them all."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

from scripts.render.generate import REPO_URL, render
from scripts.render.pages import finder, tracker
from scripts.render.site import environment
from scripts.render.tool_data import Names
from scripts.search.terms import folded


def test_finder_page_lists_the_first_initiatives_and_points_to_the_rest(catalogue, monkeypatch):
    monkeypatch.setattr(finder, "CAP", 10)
    page = next(finder.pages(catalogue, dt.date(2026, 11, 30)))
    text = render(page, environment(), REPO_URL)
    results = text.split('<ol class="vs-finder-results"', 1)[1].split("</ol>", 1)[0]
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


class _Shape(HTMLParser):
    """The elements of some markup, each as its tag and the data it is filled with (data-*); a
    run of alike elements (the links of a list) counts once."""

    def __init__(self, markup: str):
        super().__init__()
        self.shape: list[tuple] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        element = (tag, *sorted((k, v) for k, v in attrs if k.startswith("data-")))
        if not self.shape or self.shape[-1] != element:
            self.shape.append(element)


def _is_part_of(part: list, whole: list) -> bool:
    rest = iter(whole)
    return all(any(x == y for y in rest) for x in part)


def test_the_script_fills_the_same_markup_as_the_page_lists(catalogue):
    """A finder result and a commitment row are written once, in one macro: the page lists them,
    and holds them once more, with every optional part and no data, in a <template> for its script."""
    pages = [
        (
            next(finder.pages(catalogue, dt.date(2026, 11, 30))),
            '<ol class="vs-finder-results"',
            "</ol>",
            "vs-finder-card",
            "li",
        ),
        (next(tracker.pages(catalogue, dt.date(2026, 1, 1))), "<tbody>", "</tbody>", "vs-commitment", "tr"),
    ]
    for page, start, end, name, tag in pages:
        text = render(page, environment(), REPO_URL)
        template = text.split(f'<template class="{name}">', 1)[1].split("</template>", 1)[0]
        model = _Shape(template).shape
        listed = [_Shape(f"<{tag}>" + x).shape for x in text.split(start, 1)[1].split(end, 1)[0].split(f"<{tag}>")[1:]]
        assert len(listed) > 10 and all(_is_part_of(shape, model) for shape in listed), name
        assert {x for shape in listed for x in shape} == set(model), name  # every part is used


def test_the_free_text_folds_as_the_site_search_indexes(catalogue):
    """The tools' JSON carries the site search's spellings without æ, ø and å."""
    folds = json.loads(Names(catalogue).json())["folds"]
    for word in ("fødevarer", "rådgivning", "væksthus"):
        assert {"".join(table.get(c, c) for c in word) for table in folds} == folded(word)
