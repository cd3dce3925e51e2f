"""How well the site search finds what people look for, beside stock Material's search on the
same pages (tests/test_search_browser.py, and the relevance report of `make bench`).

Two sets, each query with the pages that answer it: the keywords (tests/search_queries.yml;
grouped by the kind of Danish-search problem they exercise) and the questions as people type
them (tests/search_questions.yml; grouped by who asks). Every query is typed into the search box
in Chromium; a query is a hit when one of its pages is among the top five results.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parents[2] / "tests"
TOP = 5


@dataclass(frozen=True)
class Query:
    text: str
    group: str  # the keyword's kind, or who asks the question
    expect: tuple[str, ...]  # site-relative paths of the pages that answer it
    evidence: tuple[tuple[str, str], ...] = ()  # (page, phrase on it that shows it answers)


@dataclass(frozen=True)
class QuerySet:
    name: str
    groups: tuple[str, ...]
    queries: tuple[Query, ...]


def keywords() -> QuerySet:
    entries = yaml.safe_load((TESTS / "search_queries.yml").read_text(encoding="utf-8"))
    queries = tuple(Query(q["query"], q["kind"], tuple(q["expect"])) for q in entries)
    groups = ("inflection", "compound", "folding", "abbreviation", "name", "figure", "plain")
    return QuerySet("keywords", groups, queries)


def questions() -> QuerySet:
    entries = yaml.safe_load((TESTS / "search_questions.yml").read_text(encoding="utf-8"))
    queries = tuple(Query(q["query"], q["asker"], tuple(q["expect"]), tuple(q["expect"].items())) for q in entries)
    return QuerySet("questions", ("virksomhed", "embedsmand", "journalist"), queries)


def hits(queries: tuple[Query, ...], results: dict[str, list[str]]) -> dict[str, tuple[int, int]]:
    """Per group and for "all": (queries with an expected page in the top five, queries)."""
    rates: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for q in queries:
        hit = any(e in results[q.text][:TOP] for e in q.expect)
        for key in (q.group, "all"):
            rates[key][0] += hit
            rates[key][1] += 1
    return {k: (v[0], v[1]) for k, v in rates.items()}


def misses(queries: tuple[Query, ...], results: dict[str, list[str]]) -> list[tuple[str, tuple[str, ...], list]]:
    """The queries without an expected page in the top five: (query, expected, what came)."""
    return [(q.text, q.expect, results[q.text]) for q in queries if not set(q.expect) & set(results[q.text][:TOP])]


def run(page, base: str, queries: tuple[Query, ...], stock: bool) -> dict[str, list[str]]:
    """Type every query into our search page (or stock Material's search box) of the site served
    at `base`; query → the site-relative pages of its top results."""
    from scripts.dev.browser import our_results, stock_results

    search = stock_results if stock else our_results
    return {q.text: search(page, base, q.text, top=TOP) for q in queries}


def compare(ours: Path, stock: Path, sets: tuple[QuerySet, ...]) -> dict[str, tuple[dict, dict]]:
    """Every set on our site and on the same pages with stock Material search: set name →
    (our results, stock results)."""
    from scripts.dev.browser import chromium, serve

    out: dict[str, tuple[dict, dict]] = {}
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for query_set in sets:
            with serve(ours) as base:
                mine = run(page, base, query_set.queries, stock=False)
            with serve(stock) as base:
                theirs = run(page, base, query_set.queries, stock=True)
            out[query_set.name] = (mine, theirs)
    return out


def table(query_set: QuerySet, ours: dict[str, list[str]], stock: dict[str, list[str]]) -> str:
    """A Markdown table: per group, the share of queries with an expected page in the top five."""
    mine, theirs = hits(query_set.queries, ours), hits(query_set.queries, stock)
    lines = [
        f"| {query_set.name} | queries | ours | stock Material |",
        "|---|---:|---:|---:|",
    ]
    for group in (*query_set.groups, "all"):
        (h, n), (s, _) = mine[group], theirs[group]
        lines.append(f"| {group} | {n} | {100 * h / n:.0f} % ({h}) | {100 * s / n:.0f} % ({s}) |")
    return "\n".join(lines) + "\n"


def report(ours: Path, data: Path, work: Path) -> str:
    """The relevance section of `make bench`: both sets on our site built from `data` (at `ours`)
    and on the same pages built with stock Material search (in `work`)."""
    from scripts.dev.scratch import build_site

    build_site(work, data, stock_search=True).check_returncode()
    sets = (keywords(), questions())
    results = compare(ours, work / "site", sets)
    lines = [
        "Search relevance at 1× (the real data): the share of queries with a page that answers them "
        "among the top five results, typed into our search page and into stock Material's search on "
        "the same pages in Chromium (the sets are tests/search_queries.yml and tests/search_questions.yml):",
        "",
    ]
    for query_set in sets:
        lines += [table(query_set, *results[query_set.name])]
    return "\n".join(lines)
