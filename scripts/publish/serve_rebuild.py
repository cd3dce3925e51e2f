"""What `make serve` (`mkdocs serve --dirty`) keeps from one build to the next, so that a rebuild
does only what an edit changed; scripts/publish/mkdocs_glue.py calls it at each step of a build.

Validation parses again only the data files whose bytes changed. MkDocs re-renders only the
pages whose Markdown is newer than their HTML: generation rewrites
only the files whose content changed, so an edit to one record re-renders its own page and the
pages that list it. For the rest the articles of the builds before are kept, so the search index
still holds every page. Such a rebuild's pages are served at once: its downloads and index are
written just after it (the next build waits for them). Every page is rendered again when anything
but data/ and docs/ changed (the configuration, the theme overrides, the scripts); the
hand-written pages on every rebuild (the front page shows figures from the data); the pages of
deleted records are removed.

The server watches only the hand-written files of docs/ (`docs_to_watch`): the rest is written by
generation from data/ and scripts/, which it watches, and seeing those writes made every edit
start a second rebuild that changed nothing."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from scripts.data.validate import ParsedFiles
from scripts.render.generate import HAND_WRITTEN_FOLDERS


def docs_to_watch(docs_dir: Path) -> list[tuple[Path, bool]]:
    """What the server watches in docs_dir, each path with whether to watch below it: the
    hand-written pages at the top and the hand-written folders."""
    return [(docs_dir, False)] + [
        (docs_dir / name, True) for name in HAND_WRITTEN_FOLDERS if (docs_dir / name).is_dir()
    ]


def files_state(roots: list[Path], leave_out: Path) -> list[tuple[str, int, int]]:
    """Path, modification time and size of every file under roots but leave_out (compiled Python aside)."""
    state = []
    for root in roots:
        if root.resolve() != leave_out.resolve():
            for path in sorted([root] if root.is_file() else root.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    stat = path.stat()
                    state.append((str(path), stat.st_mtime_ns, stat.st_size))
    return state


def _empty(folder: Path) -> None:
    for item in folder.iterdir():
        if item.is_dir() and not item.is_symlink():
            shutil.rmtree(item)
        else:
            item.unlink()


class Rebuilds:
    """The state of the serving process between builds, and what its last build left running."""

    def __init__(self) -> None:
        self.articles: dict[str, tuple[str, str]] = {}  # page under docs/ → (article, address) as last converted
        self.rendered: set[str] = set()  # the HTML files of the last build's pages
        self.sources: list[tuple[str, int, int]] = []  # the files besides data/ and docs/ at the last build
        self.background = False  # this build serves its pages first, then writes the downloads and the index
        self.generated: set[Path] = set()  # the pages this build's generation made
        self.converted: set[str] = set()  # the pages converted in this build
        self.earlier: list[str] = []  # the pages not converted in this build, to index as they were
        self._running: list[Callable[[], object]] = []  # waits for what the last build left running
        self.parsed = ParsedFiles()  # the data files as read before: only changed ones are parsed again

    def start(self, sources: list[Path], leave_out: Path, site_dir: Path, generated: list[Path]) -> None:
        """A build begins, its pages generated: if any file under sources but leave_out (data/)
        changed since the last build, empty site_dir, so that MkDocs renders every page; otherwise
        the build's downloads and index are written after it."""
        self.generated = set(generated)
        self.converted.clear()
        state = files_state(sources, leave_out)
        self.background = state == self.sources
        if not self.background:
            _empty(site_dir)
            self.articles.clear()
            self.rendered.clear()
        self.sources = state

    def prune(self, pages: dict[str, Path]) -> None:
        """The build's pages are known (HTML file → its Markdown): remove the HTML of the pages
        that are gone (e.g. a deleted record's) and of the hand-written pages, so both are rendered."""
        for gone in self.rendered - pages.keys():
            Path(gone).unlink(missing_ok=True)
        for html, source in pages.items():
            if source not in self.generated:
                Path(html).unlink(missing_ok=True)
        self.rendered = set(pages)

    def converted_page(self, page: str, article: tuple[str, str] | None) -> None:
        """A page was converted: keep its article and address (None: the page is not searched)."""
        self.converted.add(page)
        self.articles.pop(page, None)
        if article:
            self.articles[page] = article

    def sort_out(self, pages: set[str]) -> list[str]:
        """Every page is converted: forget the articles of pages that are gone; the pages that were
        not converted in this build (`earlier`) are indexed as they were."""
        self.earlier = []
        for page in list(self.articles):
            if page not in pages:
                del self.articles[page]
            elif page not in self.converted:
                self.earlier.append(page)
        return self.earlier

    def leave_running(self, *waits: Callable[[], object]) -> None:
        """The build ends with work still running (the downloads, the index): the next build
        calls each wait first (`finish`)."""
        self._running = list(waits)

    def finish(self) -> None:
        """Wait for what the last build left running. A failure is printed, not raised: that
        build's pages are served, and this build writes its downloads and index anew."""
        for wait in self._running:
            try:
                wait()
            except RuntimeError as e:
                print(e, file=sys.stderr)
        self._running = []
