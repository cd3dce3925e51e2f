"""Search as a user uses it: queries typed into the search box in Debian's Chromium.

The relevance set (tests/search_queries.yml) names, for each query, the page(s) it must lead
to; every query must put one of them in the top five. The same queries are run against stock
Material search on the same pages, and both hit rates are printed side by side.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from scripts.dev.browser import chromium, our_results, serve, stock_results
from scripts.dev.scratch import build_site

pytestmark = pytest.mark.slow  # builds a site, searches it in Chromium

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
KINDS = ("inflection", "compound", "folding", "abbreviation", "name", "figure", "plain")


@pytest.fixture(scope="module")
def sites(site, tmp_path_factory):
    """Our site (the shared build of the real data) and the same pages with stock Material search."""
    work = tmp_path_factory.mktemp("stock")
    result = build_site(work, stock_search=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return site, work / "site"


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def hit_rates(results: dict[str, list[str]]) -> dict[str, tuple[int, int]]:
    rates: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for q in QUERIES:
        hit = any(e in results[q["query"]] for e in q["expect"])
        for key in (q["kind"], "all"):
            rates[key][0] += hit
            rates[key][1] += 1
    return {k: tuple(v) for k, v in rates.items()}


def test_relevance_set_covers_every_kind():
    counts = defaultdict(int)
    for q in QUERIES:
        assert q["kind"] in KINDS, q
        assert q["expect"], q
        counts[q["kind"]] += 1
    assert len(QUERIES) >= 60
    assert all(counts[k] >= 5 for k in KINDS), dict(counts)


def test_every_query_finds_its_page_in_the_top_five(sites, browser, capsys):
    ours_site, stock_site = sites
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    ours, stock = {}, {}
    with serve(ours_site) as base:
        for q in QUERIES:
            ours[q["query"]] = our_results(page, base, q["query"])
    with serve(stock_site) as base:
        for q in QUERIES:
            stock[q["query"]] = stock_results(page, base, q["query"])
    ours_rate, stock_rate = hit_rates(ours), hit_rates(stock)
    with capsys.disabled():
        print("\nSearch relevance: share of queries with the expected page in the top five")
        print(f"{'kind':<14}{'queries':>8}{'ours':>10}{'stock Material':>18}")
        for kind in (*KINDS, "all"):
            (h, n), (s, _) = ours_rate[kind], stock_rate[kind]
            print(f"{kind:<14}{n:>8}{100 * h / n:>9.0f}%{100 * s / n:>17.0f}%")
    misses = [
        (q["query"], q["expect"], ours[q["query"]])
        for q in QUERIES
        if not any(e in ours[q["query"]] for e in q["expect"])
    ]
    assert misses == []


def test_results_show_title_document_year_and_passage(sites, browser):
    page = browser.new_page()
    with serve(sites[0]) as base:
        our_results(page, base, "Food KIC")
        first = page.locator(".vs-search-results li").first
        assert first.locator("h2 a").inner_text() == "Dansk deltagelse i et Food KIC"
        assert first.locator(".vs-search-meta").inner_text() == "Initiativ · Vækstpartnerskab 2013 – Midtjylland · 2013"
        assert first.locator("mark").count() >= 1
        assert "q=Food+KIC" in page.url or "q=Food%20KIC" in page.url


def test_keyboard_only_search_from_the_header(sites, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    with serve(sites[0]) as base:
        page.goto(base)
        for _ in range(30):  # Tab through the page until the header search box has focus
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "vs-header-q":
                break
        assert page.evaluate("document.activeElement.id") == "vs-header-q"
        page.keyboard.type("vindmølle")
        page.keyboard.press("Enter")
        page.wait_for_selector(".vs-search-results li")
        assert page.input_value("#vs-q") == "vindmølle"
        first = page.eval_on_selector(".vs-search-results li h2 a", "a => a.href")
        page.focus("#vs-q")
        page.keyboard.press("Tab")  # the search button
        page.keyboard.press("Tab")  # the first result
        assert page.evaluate("document.activeElement.href") == first
        page.keyboard.press("Enter")
        page.wait_for_url(first)
