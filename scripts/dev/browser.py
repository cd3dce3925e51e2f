"""Debian's Chromium driven by Playwright, a local server for a built site (tests and benchmarks),
and one page of each kind of the real data."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import threading
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# One page of each kind, as a path below the site root; the finder and the tracker also with a
# selection, and with more results than they show at first.
PAGE_KINDS = {
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# What GitHub Pages sends compressed when the browser accepts gzip (Pagefind's index files are
# compressed already).
_COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _PagesHandler(_QuietHandler):
    """Answers as GitHub Pages does: text compressed with gzip, short caching, and the site's
    404.html for a missing page."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirects to the folder's address with its slash
            path = path / "index.html"
        if not path.is_file():
            return self._send(Path(self.directory) / "404.html", 404)
        return self._send(path, 200)

    def _send(self, path: Path, status: int):
        body = path.read_bytes()
        kind = self.guess_type(str(path))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(_COMPRESSED):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)


class _Body:
    """The answer's body, for SimpleHTTPRequestHandler's copyfile()."""

    def __init__(self, body: bytes):
        self.body = body

    def read(self, *args) -> bytes:
        body, self.body = self.body, b""
        return body

    def close(self) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path, like_pages: bool = False):
    """Serve `site` on 127.0.0.1 at a free port; yields the base URL. With like_pages, as GitHub
    Pages serves it (gzip, caching, 404 page): for measuring what readers get."""
    handler = functools.partial(_PagesHandler if like_pages else _QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def our_results(page, base: str, query: str, top: int = 5) -> list[str]:
    """Type `query` into our search page; the site-relative paths of the top results."""
    page.goto(base + "soeg/")
    page.fill("#vs-q", "")
    page.type("#vs-q", query)
    page.wait_for_function(
        "q => document.querySelector('.vs-search-status').textContent.includes('»' + q + '«')", arg=query
    )
    hrefs = page.eval_on_selector_all(".vs-search-results li h2 a", "as => as.map(a => a.href)")
    # a result links to its passage and the words to mark there: the page is the address before them
    return [h.removeprefix(base).split("?")[0].split("#")[0] for h in hrefs[:top]]


def stock_results(page, base: str, query: str, top: int = 5) -> list[str]:
    """Type `query` into stock Material search; the site-relative paths of the top results once
    they have stopped changing (Material searches again at every keystroke, in a worker)."""
    if not page.url.startswith(base) or not page.query_selector(".md-search__input"):
        page.goto(base)
    page.click(".md-search__input")
    page.fill(".md-search__input", "")
    page.type(".md-search__input", query)
    shown, unchanged = None, 0
    for _ in range(100):  # at most 10 s
        page.wait_for_timeout(100)
        now = page.evaluate(
            "() => [document.querySelector('.md-search-result__meta').textContent.trim(),"
            " Array.from(document.querySelectorAll('.md-search-result__item > a'), a => a.href)]"
        )
        ready = now[0] and "Initialis" not in now[0]
        unchanged = unchanged + 1 if ready and now == shown else 0
        shown = now
        if unchanged == 3:
            break
    page.keyboard.press("Escape")
    return [h.removeprefix(base).split("#")[0] for h in shown[1][:top]]
