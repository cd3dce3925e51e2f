"""WCAG 2.1 A/AA (axe-core in Debian's Chromium) and privacy on every page kind: no request to
any host but the site's own, and no cookies."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from scripts.browser import chromium, serve
from scripts.scratch import build_site

PAGES = {
    "front page": "",
    "document": "dokumenter/vaekstpartnerskab-midtjylland-2013/",
    "source text": "dokumenter/vaekstpartnerskab-midtjylland-2013/kildetekst/",
    "initiative": "initiativer/dansk-deltagelse-i-food-kic-2013/",
    "ministry": "ministerier/erhvervsministeriet/",
    "theme": "temaer/foedevarer/",
    "target group": "maalgrupper/smv/",
    "region": "regioner/region-midtjylland/",
    "growth forum": "vaekstfora/syddansk-vaekstforum/",
    "organisation": "organisationer/welfare-tech/",
    "meeting": "moeder/styregruppemoede-vestdansk-2017-10-02/",
    "finder": "find/?maalgruppe=smv",
    "finder, first page and more": "find/",
    "finder, feed per combination": "find/?region=region-midtjylland&maalgruppe=smv,foedevarevirksomheder",
    "tracker": "tilsagn/?ministerium=erhvervs-og-vaekstministeriet",
    "tracker, first page and more": "tilsagn/",
    "matrix": "tilsagn/matrix/",
    "timeline": "tilsagn/tidslinje/",
    "figures": "tal/",
    "open data": "download/",
    "search results": "soeg/?q=f%C3%B8devarer",
    "accessibility statement": "tilgaengelighed/",
    "not found": "404.html",
}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def browser_and_base(tmp_path_factory):
    work = tmp_path_factory.mktemp("a11y")
    result = build_site(work)
    assert result.returncode == 0, result.stderr[-2000:]
    with chromium() as browser, serve(work / "site") as base:
        yield browser, base


def _open(browser, base, url, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + url)
    page.wait_for_load_state("networkidle")
    if url.startswith("soeg/"):
        page.wait_for_selector(".vs-search-results li")
    return context, page, requests


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_wcag_violations(browser_and_base, kind):
    browser, base = browser_and_base
    for width in (1280, 400):  # desktop, and mobile where the navigation collapses
        context, page, _ = _open(browser, base, PAGES[kind], width)
        violations = Axe().run(page, options=WCAG).response["violations"]
        context.close()
        assert [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == [], width


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_third_party_requests_and_no_cookies(browser_and_base, kind):
    browser, base = browser_and_base
    context, page, requests = _open(browser, base, PAGES[kind])
    own = urlsplit(base).netloc
    foreign = [u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != own]
    cookies = context.cookies()
    document_cookie = page.evaluate("document.cookie")
    context.close()
    assert foreign == []
    assert cookies == [] and document_cookie == ""
