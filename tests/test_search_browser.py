"""Search as a user uses it: queries typed into the search box in Debian's Chromium.

Two relevance sets (scripts/search/relevance.py): keywords (tests/search_queries.yml) and
questions as people type them (tests/search_questions.yml), each query with the page(s) it must
lead to; every query must put one of them in the top five. The same queries are run against
stock Material search on the same pages, and both hit rates are printed side by side.
"""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from scripts.dev.browser import chromium, our_results, serve
from scripts.dev.scratch import build_site
from scripts.search import relevance

pytestmark = pytest.mark.slow  # builds a site, searches it in Chromium

KEYWORDS = relevance.keywords()
QUESTIONS = relevance.questions()


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


@pytest.fixture(scope="module")
def compared(sites):
    return relevance.compare(*sites, (KEYWORDS, QUESTIONS))


def test_relevance_sets_cover_every_kind_and_asker():
    for query_set, least, each in ((KEYWORDS, 60, 5), (QUESTIONS, 30, 8)):
        counts = Counter(q.group for q in query_set.queries)
        assert set(counts) == set(query_set.groups), counts
        assert all(q.expect for q in query_set.queries)
        assert len(query_set.queries) >= least
        assert all(counts[g] >= each for g in query_set.groups), dict(counts)


def article_text(page_html: str) -> str:
    article = re.search(r"<article[^>]*>(.*?)</article>", page_html, re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article.group(1))).split()).casefold()


def test_every_answer_is_on_its_page(sites):
    """The phrase that shows a page answers a question is on that page (so a data change that
    takes the answer away is noticed here, not as a puzzling miss)."""
    missing = []
    for q in QUESTIONS.queries:
        for path, phrase in q.evidence:
            page = sites[0] / path / "index.html"
            if not page.is_file() or phrase.casefold() not in article_text(page.read_text(encoding="utf-8")):
                missing.append((q.text, path, phrase))
    assert missing == []


@pytest.mark.parametrize("query_set", [KEYWORDS, QUESTIONS], ids=lambda s: s.name)
def test_every_query_finds_its_page_in_the_top_five(compared, query_set, capsys):
    ours, stock = compared[query_set.name]
    with capsys.disabled():
        print(f"\nSearch relevance, {query_set.name}: share of queries with an expected page in the top five")
        print(relevance.table(query_set, ours, stock))
    assert relevance.misses(query_set.queries, ours) == []


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


def test_more_results_only_when_there_are_more(sites, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    with serve(sites[0]) as base:
        page.goto(base + "soeg/")
        page.wait_for_function("() => performance.getEntriesByName('search-ready').length > 0")
        assert not page.is_visible(".vs-more")  # no query
        our_results(page, base, "Femern Bælt")  # two results
        assert page.locator(".vs-search-results li").count() == 2
        assert not page.is_visible(".vs-more")
        our_results(page, base, "vækst")  # hundreds
        assert page.locator(".vs-search-results li").count() == 10
        assert page.is_visible(".vs-more")
        page.click(".vs-more")
        page.wait_for_function("() => document.querySelectorAll('.vs-search-results li').length === 20")
        # keyboard focus moves to the first new result
        assert page.evaluate(
            "() => document.activeElement.closest('li') === document.querySelectorAll('.vs-search-results li')[10]"
        )
        page.fill("#vs-q", "")
        page.wait_for_function("() => document.querySelectorAll('.vs-search-results li').length === 0")
        assert not page.is_visible(".vs-more")
    assert errors == []


def test_records_rank_above_the_source_text_that_names_the_same_thing(sites, browser):
    page = browser.new_page()
    with serve(sites[0]) as base:
        for query, record in (
            ("Femern Bælt", "initiativer/implementering-af-ekspertudvalgets-initiativer-2013/"),
            ("IB-uddannelser", "initiativer/internationalt-orienteret-uddannelsessystem-2011/"),
        ):
            results = our_results(page, base, query, top=10)
            assert record in results, (query, results)
            source = next(r for r in results if r.endswith("/kildetekst/"))
            assert results.index(record) < results.index(source), (query, results)


def test_a_hit_far_into_a_long_page_opens_at_the_passage_with_the_words_marked(sites, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    with serve(sites[0]) as base:
        our_results(page, base, "Femern Bælt")
        link = page.locator(".vs-search-results li h2 a", has_text="Kildetekst").first
        href = link.get_attribute("href")
        # the anchor of the quote before the passage, and the words matched there
        assert "#kilde-implementering-af-ekspertudvalgets-initiativer-2013" in href, href
        assert "fremhaev=Femern" in href and "fremhaev=B%C3%A6lt" in href, href
        link.click()
        page.wait_for_selector("article mark.vs-highlight")
        marked = page.eval_on_selector_all("article mark.vs-highlight", "ms => ms.map(m => m.textContent)")
        assert {"Femern", "Bælt"} <= set(marked), marked
        # opened where the words are, thousands of pixels down, and they are on screen
        page.wait_for_function("() => window.scrollY > 2000")
        top = page.eval_on_selector("article mark.vs-highlight", "m => m.getBoundingClientRect().top")
        assert 0 < top < 900
    assert errors == []


def test_a_question_is_searched_for_its_words(sites, browser):
    page = browser.new_page()
    with serve(sites[0]) as base:
        results = our_results(page, base, "hvem står bag vindmølleprogrammet")
        assert "initiativer/vindprogram-2016/" in results
        assert "(søgt på: vindmølle programmet)" in page.inner_text(".vs-search-status")
