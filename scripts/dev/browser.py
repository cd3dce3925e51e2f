"""Debian's Chromium driven by Playwright, and a local server for a built site (tests and benchmarks)."""

from __future__ import annotations

import contextlib
import functools
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path):
    """Serve `site` on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
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
