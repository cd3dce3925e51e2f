"""Write the Markdown pages generated from data/ into docs/.

    python -m scripts.generate [--data DIR] [--docs DIR]

Validation runs first; on any data problem nothing is written. Files are only rewritten
when their content changes, so `mkdocs serve` does not rebuild in a loop.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts import forked, search_block
from scripts.catalogue import Catalogue
from scripts import export, feeds
from scripts.pages import (
    documents, entities, figures, finder, initiatives, meetings, ministries, opendata, sources, tracker,
)
from scripts.problems import DataError
from scripts.search_block import visible_text
from scripts.search_terms import Vocabulary, words
from scripts.site import FOLDERS, Page, environment
from scripts.validate import DATA_DIR, load_catalogue

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "docs"
REPO_URL = "https://github.com/vaekstaftaler/vaekstaftaler"
SITE_URL = "http://127.0.0.1:8000/"
# Folders holding only generated downloads (CSV, JSON, feeds, calendars).
ASSET_FOLDERS = (export.FOLDER, "feeds")
# Initiatives and source texts are the largest page kinds: each is made by a process of its own.
OTHER_PAGE_KINDS = (documents, ministries, entities, meetings, opendata, finder, figures)
GENERATED_MARK = "generated: true"


def page_groups(cat: Catalogue, today: dt.date) -> list[Callable[[], Iterator[Page]]]:
    """Every page, in groups that can be made independently, the largest first."""
    return [lambda: initiatives.pages(cat), lambda: sources.pages(cat),
            # the tracker is the only page kind that depends on the date
            lambda: itertools.chain(*(m.pages(cat) for m in OTHER_PAGE_KINDS), tracker.pages(cat, today))]


def render(page: Page, env, repo_url: str) -> str:
    """The page's Markdown, front matter included, without the search block."""
    front = {"generated": True, "render_macros": False, **page.front_matter}
    data_file = page.data_file.resolve() if page.data_file else None
    if data_file and data_file.is_relative_to(ROOT):  # data elsewhere (tests, benchmarks) has no edit link
        front["edit_url"] = f"{repo_url}/edit/main/{data_file.relative_to(ROOT).as_posix()}"
    body = env.get_template(page.template).render(**page.context)
    return "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n\n" + body


def write_if_changed(target: Path, text: str) -> None:
    """Rewriting only changed files keeps `mkdocs serve` from rebuilding in a loop."""
    data = text.encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)


@dataclass
class Rendered:
    """A page's Markdown before its search block, and what the block is made from."""
    path: str
    text: str
    synonyms: list[str]
    meta: dict[str, str]

    def words(self) -> set[str]:
        return set(words(visible_text(self.text)))


def _render_group(group: Callable[[], Iterator[Page]], repo_url: str) -> tuple[list[Rendered], set[str]]:
    """The group's pages, and all the words they show (for the vocabulary)."""
    env = environment()
    pages = [Rendered(page.path, render(page, env, repo_url), page.synonyms, page.meta) for page in group()]
    return pages, set().union(*(page.words() for page in pages))


def _write_downloads(cat: Catalogue, docs_dir: Path, site_url: str) -> list[str]:
    written = []
    for rel, text in [*export.files(cat), *feeds.files(cat, site_url)]:
        write_if_changed(docs_dir / rel, text)
        written.append(rel)
    return written


def _write_pages(pages: list[Rendered], vocabulary: Vocabulary | None, docs_dir: Path) -> None:
    for page in pages:
        text = page.text
        if vocabulary:
            text += search_block.block(text, vocabulary, page.synonyms, page.meta, page.words())
        write_if_changed(docs_dir / page.path, text)


def generate(cat: Catalogue, docs_dir: Path = DOCS_DIR, repo_url: str = REPO_URL, site_url: str = SITE_URL,
             search_terms: bool = True, today: dt.date | None = None, workers: int | None = None) -> list[Path]:
    """Write every page and download; remove generated files whose record no longer exists.

    search_terms=False leaves out the extra search terms (to measure stock search on the same pages).
    today: the date overdue commitments are judged against (default: the build's date).
    workers: processes to use (default: one per core); the output is the same for any number.
    """
    today = today or dt.date.today()
    groups = page_groups(cat, today)
    tasks = [functools.partial(_render_group, group, repo_url) for group in groups]
    tasks.insert(1, functools.partial(_write_downloads, cat, docs_dir, site_url))
    results = forked.run(tasks, workers)
    downloads = results.pop(1)
    pages = [page for group, _ in results for page in group]
    paths = [docs_dir / page.path for page in pages]
    if len(set(paths)) < len(paths):
        twice = sorted({p for p in paths if paths.count(p) > 1})
        raise RuntimeError(f"two pages would be written to {twice[0]}")
    vocabulary = Vocabulary(word_sets=(shown for _, shown in results)) if search_terms else None
    half = len(pages) // 2
    forked.run([functools.partial(_write_pages, part, vocabulary, docs_dir)
                for part in (pages[:half], pages[half:])], workers)
    written = set(paths) | {docs_dir / rel for rel in downloads}
    for folder in ASSET_FOLDERS:
        for stale in (docs_dir / folder).rglob("*"):
            if stale.is_file() and stale not in written:
                stale.unlink()
    for folder in (*FOLDERS.values(), "tilsagn", "find", "tal"):
        for stale in (docs_dir / folder).rglob("*.md"):
            if stale not in written and GENERATED_MARK in stale.read_text(encoding="utf-8")[:200]:
                stale.unlink()
    return sorted(written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--docs", type=Path, default=DOCS_DIR)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="judge deadlines against this date (YYYY-MM-DD; default: today)")
    args = parser.parse_args(argv)
    try:
        cat = load_catalogue(args.data)
    except DataError as e:
        print(e, file=sys.stderr)
        print(f"{len(e.problems)} problem(s) in {args.data}; no pages written", file=sys.stderr)
        return 1
    pages = generate(cat, args.docs, today=args.today)
    print(f"{len(pages)} files written to {args.docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
