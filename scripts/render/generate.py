"""Write the Markdown pages generated from data/ into docs/ (the downloads go straight into the
built site: scripts.publish.downloads).

    python -m scripts generate [--data DIR] [--docs DIR] [--drafts]

Validation runs first; on any data problem nothing is written. Files are only rewritten
when their content changes, so `mkdocs serve` does not rebuild in a loop. With --drafts (as
`make serve` does), the drafts of data/drafts/ get pages too, each with a banner saying it is an
unreviewed draft; the published site (`make site`) never has them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts import forked
from scripts.data.catalogue import Catalogue
from scripts.data.problems import DataError
from scripts.data.validate import DATA_DIR, load_catalogue
from scripts.render.pages import (
    documents,
    entities,
    figures,
    finder,
    initiatives,
    meetings,
    ministries,
    opendata,
    sources,
    tracker,
)
from scripts.render.site import Page, environment
from scripts.search.block import PageTerms, SearchTerms, visible_text
from scripts.search.terms import Vocabulary, word_set

ROOT = Path(__file__).resolve().parents[2]
DOCS_DIR = ROOT / "docs"
REPO_URL = "https://github.com/vaekstaftaler/vaekstaftaler"
# Every folder under docs/ but these holds only generated files (and is ignored by git).
HAND_WRITTEN_FOLDERS = ("assets",)
# The work is cut into parts of at most a few seconds at 50x the real data, largest first, so
# that every core stays busy until the end; the initiative pages, the largest kind, are shared.
INITIATIVE_PARTS = 2
OTHER_PAGE_KINDS = (sources, entities, ministries, documents, meetings, opendata, figures)


def page_groups(cat: Catalogue, today: dt.date) -> list[Callable[[], Iterator[Page]]]:
    """Every page, in groups that can be made independently, the largest first."""
    return [
        # initiatives, the finder and the tracker depend on the date: what has ended, what is overdue
        *(functools.partial(initiatives.pages, cat, today, n, INITIATIVE_PARTS) for n in range(INITIATIVE_PARTS)),
        *(functools.partial(m.pages, cat) for m in OTHER_PAGE_KINDS),
        functools.partial(finder.pages, cat, today),
        functools.partial(tracker.pages, cat, today),
    ]


def render(page: Page, env, repo_url: str) -> str:
    """The page's Markdown, front matter included."""
    front = {"generated": True, "render_macros": False, **page.front_matter}
    data_file = page.data_file.resolve() if page.data_file else None
    # data elsewhere (tests, benchmarks) has no edit link, nor a draft, which the repository does not hold
    if data_file and data_file.is_relative_to(ROOT) and not page.draft:
        front["edit_url"] = f"{repo_url}/edit/main/{data_file.relative_to(ROOT).as_posix()}"
    body = env.get_template(page.template).render(**page.context, draft=page.draft)
    # libyaml's emitter when installed: the same YAML, five times faster
    dumped = yaml.dump(front, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False, allow_unicode=True)
    return "---\n" + dumped + "---\n\n" + body


def write_if_changed(target: Path, text: str) -> None:
    """Rewriting only changed files keeps `mkdocs serve` from rebuilding in a loop."""
    data = text.encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)


@dataclass
class Written:
    """What one process wrote, and what the search terms of its pages are made from."""

    paths: list[str] = field(default_factory=list)  # under docs/
    words: set[str] = field(default_factory=set)  # every word the pages show
    page_terms: dict[str, PageTerms] = field(default_factory=dict)


_environment = None


def compiled_environment():
    """The Jinja environment with every template compiled, made once per process: the processes
    that write the pages start with it, and so do later generations under `mkdocs serve` (Jinja
    compiles a template again when its file has changed)."""
    global _environment
    if _environment is None:
        _environment = environment()
        for name in _environment.list_templates():
            _environment.get_template(name)
    return _environment


def _write_group(group: Callable[[], Iterator[Page]], docs_dir: Path, repo_url: str) -> Written:
    env = compiled_environment()
    out = Written()
    for page in group():
        text = render(page, env, repo_url)
        write_if_changed(docs_dir / page.path, text)
        out.paths.append(page.path)
        for rel, data in page.files.items():  # e.g. the finder's data, beside its page
            write_if_changed(docs_dir / rel, data)
            out.paths.append(rel)
        out.words |= word_set(visible_text(text))
        out.page_terms[page.path] = PageTerms(page.synonyms, page.meta, page.extra_search_terms)
    return out


@dataclass
class Generated:
    files: list[Path]  # every file written
    search: SearchTerms  # what the search index adds to each page (scripts.search.block)


def generate(
    cat: Catalogue,
    docs_dir: Path = DOCS_DIR,
    repo_url: str = REPO_URL,
    today: dt.date | None = None,
    workers: int | None = None,
) -> Generated:
    """Write every page; remove generated files whose record no longer exists.

    today: the date overdue commitments are judged against (default: the build's date).
    workers: processes to use (default: one per core); the output is the same for any number.
    """
    today = today or dt.date.today()
    compiled_environment()  # before the processes start
    tasks = [functools.partial(_write_group, group, docs_dir, repo_url) for group in page_groups(cat, today)]
    results = forked.run(tasks, workers)
    paths = [docs_dir / rel for part in results for rel in part.paths]
    if len(set(paths)) < len(paths):
        twice = sorted({p for p in paths if paths.count(p) > 1})
        raise RuntimeError(f"two files were written to {twice[0]}")
    search = SearchTerms(Vocabulary(word_sets=[part.words for part in results]))
    for part in results:
        search.pages.update(part.page_terms)
    written = set(paths)
    for folder in docs_dir.iterdir():  # what is no longer made, e.g. the page of a deleted record
        if folder.is_dir() and folder.name not in HAND_WRITTEN_FOLDERS:
            for stale in folder.rglob("*"):
                if stale.is_file() and stale not in written:
                    stale.unlink()
    return Generated(sorted(written), search)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts generate", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--docs", type=Path, default=DOCS_DIR)
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=dt.date.today(),
        help="judge deadlines against this date (YYYY-MM-DD; default: today)",
    )
    parser.add_argument("--drafts", action="store_true", help="pages for the drafts of data/drafts/ too, marked")
    args = parser.parse_args(argv)
    try:
        cat = load_catalogue(args.data, drafts=args.drafts)
    except DataError as e:
        print(e, file=sys.stderr)
        print(f"{len(e.problems)} problem(s) in {args.data}; no pages written", file=sys.stderr)
        return 1
    generated = generate(cat, args.docs, today=args.today)
    print(f"{len(generated.files)} files written to {args.docs}")
    return 0
