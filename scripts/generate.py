"""Write the Markdown pages generated from data/ into docs/.

    python -m scripts.generate [--data DIR] [--docs DIR]

Validation runs first; on any data problem nothing is written. Files are only rewritten
when their content changes, so `mkdocs serve` does not rebuild in a loop.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

from scripts import search_block
from scripts.catalogue import Catalogue
from scripts import export, feeds
from scripts.pages import (
    documents, entities, figures, finder, initiatives, meetings, ministries, opendata, sources, tracker,
)
from scripts.problems import DataError
from scripts.search_block import visible_text
from scripts.search_terms import Vocabulary
from scripts.site import FOLDERS, Page, environment
from scripts.validate import DATA_DIR, load_catalogue

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "docs"
REPO_URL = "https://github.com/vaekstaftaler/vaekstaftaler"
SITE_URL = "http://127.0.0.1:8000/"
# Folders holding only generated downloads (CSV, JSON, feeds, calendars).
ASSET_FOLDERS = (export.FOLDER, "feeds")
PAGE_KINDS = (documents, sources, initiatives, ministries, entities, meetings, opendata, finder, figures)
GENERATED_MARK = "generated: true"


def all_pages(cat: Catalogue, today: dt.date) -> Iterator[Page]:
    for module in PAGE_KINDS:
        yield from module.pages(cat)
    yield from tracker.pages(cat, today)  # the only page kind that depends on the date


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


def generate(cat: Catalogue, docs_dir: Path = DOCS_DIR, repo_url: str = REPO_URL, site_url: str = SITE_URL,
             search_terms: bool = True, today: dt.date | None = None) -> list[Path]:
    """Write every page; remove generated pages whose record no longer exists.

    search_terms=False leaves out the extra search terms (to measure stock search on the same pages).
    today: the date overdue commitments are judged against (default: the build's date).
    """
    env = environment()
    pages = list(all_pages(cat, today or dt.date.today()))
    texts = [render(page, env, repo_url) for page in pages]
    vocabulary = Vocabulary(visible_text(t) for t in texts)
    written: set[Path] = set()
    for page, text in zip(pages, texts):
        target = docs_dir / page.path
        if target in written:
            raise RuntimeError(f"two pages would be written to {target}")
        if search_terms and not page.front_matter.get("search_exclude"):  # not indexed: no extra terms
            text += search_block.block(text, vocabulary, page.synonyms, page.meta)
        write_if_changed(target, text)
        written.add(target)
    page_files = [item for page in pages for item in page.files.items()]
    for rel, text in [*export.files(cat), *feeds.files(cat, site_url), *page_files]:
        write_if_changed(docs_dir / rel, text)
        written.add(docs_dir / rel)
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
