"""The browser search index, made with Pagefind (its binary ships in the `pagefind[bin]` wheel).

During a build each page's article goes to the indexer as soon as MkDocs has converted its
Markdown. The indexer is a process of its own, so it works on the second core while MkDocs
converts and lays out the rest: it adds the page's search block (scripts.search_block) and
keeps the page in a scratch folder. Once every page is converted, Pagefind indexes that folder
on every core while MkDocs lays out and writes the pages. Only the article is indexed, not the
navigation, header or footer; pages with `search_exclude: true` in their front matter are left
out (scripts/mkdocs_glue.py).
"""

from __future__ import annotations

import multiprocessing
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from scripts.search_block import SearchTerms, weigh_linked_lists

LANGUAGE = "da"  # Danish stemming for every page
EXCLUDE = [".headerlink"]  # the ¶ permalinks beside headings are not content


class Indexer:
    """The build's end of the indexer process. busy_s is the time the build spent on indexing
    (handing over pages, waiting for the index), for the benchmark."""

    def __init__(self, terms: SearchTerms | None) -> None:
        """terms: what the search blocks are made from; None indexes the pages as they are."""
        start = time.perf_counter()
        context = multiprocessing.get_context("fork")  # the process starts with the terms in memory
        self._pipe, theirs = context.Pipe()
        self._process = context.Process(target=_index_pages, args=(theirs, terms), daemon=True)
        self._process.start()
        self.busy_s = time.perf_counter() - start

    def add(self, path: str, article: str, url: str) -> None:
        """A page: its path under docs/, its article's HTML, its address from the site root."""
        start = time.perf_counter()
        self._pipe.send((path, article, url))
        self.busy_s += time.perf_counter() - start

    def write(self, site_dir: Path) -> None:
        """Every page is in: index them into site_dir/pagefind/, while the build goes on."""
        start = time.perf_counter()
        self._pipe.send(str(Path(site_dir).resolve()))
        self.busy_s += time.perf_counter() - start

    def wait(self) -> None:
        """Wait for the index to be written."""
        start = time.perf_counter()
        failure = self._pipe.recv()
        self._process.join()
        if failure:
            raise RuntimeError(f"the search index could not be made:\n{failure}")
        self.busy_s += time.perf_counter() - start

    def close(self) -> None:
        if self._process.is_alive():
            self._process.kill()


def _index_pages(pipe, terms: SearchTerms | None) -> None:
    """The indexer process: pages (path, article, url) in, then the site folder to write to."""
    failure = ""
    pages = Path(tempfile.mkdtemp(prefix="vaekstaftaler-search-"))
    try:
        while isinstance(message := pipe.recv(), tuple):
            if failure:
                continue
            path, article, url = message
            try:
                block = terms.block(path, article) if terms else ""
                article = weigh_linked_lists(article)
                target = pages / url.strip("/") / "index.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(f'<html lang="{LANGUAGE}"><body><div data-pagefind-body>{article}{block}'
                                  "</div></body></html>", encoding="utf-8")
            except Exception:  # reported when the index is due, as the build reads only then
                failure = traceback.format_exc()
        if not failure:
            index_folder(pages, Path(message) / "pagefind")
    except Exception:
        failure = failure or traceback.format_exc()
    finally:
        shutil.rmtree(pages, ignore_errors=True)
        pipe.send(failure)


def index_folder(pages: Path, output: Path) -> None:
    """Index every HTML file under `pages` into the search bundle at `output`; a page's address
    is its path under `pages`. Pagefind takes each result's title from its first heading."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(output),
         "--force-language", LANGUAGE, "--quiet", "--exclude-selectors", *EXCLUDE],
        capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(result.stdout + result.stderr)
