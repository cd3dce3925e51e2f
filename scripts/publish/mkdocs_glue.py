"""MkDocs hooks: before every build (and every rebuild under `mkdocs serve`), take the project's
build lock (scripts.publish.build_lock) and regenerate the pages from data/; once the site folder is cleaned, write the downloads into it beside the build;
as each page's Markdown is converted, hand it to the search indexer; once all are converted, let
it write the index while MkDocs writes the pages; wait for both at the end. The logic lives in
scripts.render.generate, scripts.publish.downloads and scripts.search.index; this file only connects them (and,
for the benchmark, records how long our own steps took in VAEKSTAFTALER_TIMINGS).

Under `make serve` (`mkdocs serve --dirty`) MkDocs re-renders only the pages whose Markdown is
newer than their HTML: generation rewrites only the files whose content changed, so an edit to
one record re-renders its own page and the pages that list it. For the rest this file keeps
the article of every page from the builds before, so the search index still holds every page.
Such a rebuild's pages are served at once: its downloads and index are written just after it
(the next build waits for them). Every page is rendered again when anything but data/ and docs/
changed (the configuration, the theme overrides, the scripts); the hand-written pages on every
rebuild (the front page shows figures from the data); the pages of deleted records are removed."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import shutil
import sys
import time
from pathlib import Path

from mkdocs.exceptions import Abort

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts import forked  # noqa: E402
from scripts.data.problems import DataError  # noqa: E402
from scripts.data.validate import DATA_DIR, load_catalogue  # noqa: E402
from scripts.publish import build_lock, build_state, downloads  # noqa: E402
from scripts.render.generate import generate  # noqa: E402
from scripts.search.index import Indexer  # noqa: E402


def data_dir() -> Path:
    return Path(os.environ.get("VAEKSTAFTALER_DATA", DATA_DIR))


def build_date() -> dt.date:
    """The date deadlines are judged against: VAEKSTAFTALER_TODAY (YYYY-MM-DD) or today."""
    value = os.environ.get("VAEKSTAFTALER_TODAY")
    return dt.date.fromisoformat(value) if value else dt.date.today()


timings: dict[str, float] = {}
index: Indexer | None = None
files_written: forked.Started | None = None  # the downloads
lock = None  # the build lock, held from the start of a build to its end

# Under `mkdocs serve --dirty` (make serve): what the serving process keeps from one build to the next.
partial = False  # rebuilds re-render only the pages whose Markdown changed
articles: dict[str, tuple[str, str]] = {}  # page under docs/ → (article, address) as last converted
rendered: set[str] = set()  # the HTML files of the last build's pages
sources_state: list[tuple[str, int, int]] = []  # the files besides data/ and docs/ at the last build
background = False  # this build serves its pages first, then writes the downloads and the index
generated_files: set[Path] = set()  # the pages this build's generation made
converted: set[str] = set()  # the pages converted in this build
earlier: list[str] = []  # the pages not converted in this build, to index as they were


def on_startup(command, dirty, **kwargs) -> None:
    global partial
    partial = command == "serve" and dirty


def on_pre_build(config, **kwargs) -> None:
    global index, lock
    lock = build_lock.acquire(Path(config.config_file_path).parent)
    finish_background()
    start = time.perf_counter()
    try:
        catalogue = load_catalogue(data_dir())
    except DataError as e:
        raise Abort(f"{e}\n{len(e.problems)} problem(s) in the data: the site was not built.") from None
    timings["validate_s"] = time.perf_counter() - start
    build_state.catalogue = catalogue
    generated = generate(catalogue, Path(config.docs_dir), config.repo_url, today=build_date())
    if partial:
        start_partial(config, generated.files)
    timings["generate_s"] = time.perf_counter() - start - timings["validate_s"]
    # VAEKSTAFTALER_SEARCH_TERMS=0 indexes the pages without our extra terms (to compare searches)
    terms = generated.search if os.environ.get("VAEKSTAFTALER_SEARCH_TERMS", "1") != "0" else None
    index = Indexer(terms, articles)


def start_partial(config, generated: list[Path]) -> None:
    """Before a build under `mkdocs serve --dirty`: if anything but data/ and docs/ changed (the
    configuration, the theme overrides, the scripts), empty the site folder, so that MkDocs
    renders every page; otherwise the build's downloads and index are written after it."""
    global sources_state, generated_files, background
    generated_files = set(generated)
    converted.clear()
    state = files_state([Path(config.config_file_path), *map(Path, config.watch)], leave_out=data_dir())
    background = state == sources_state
    if not background:
        for item in Path(config.site_dir).iterdir():
            if item.is_dir() and not item.is_symlink():
                shutil.rmtree(item)
            else:
                item.unlink()
        articles.clear()
        rendered.clear()
    sources_state = state


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


def on_files(files, config):
    global rendered
    start = time.perf_counter()
    if partial:
        pages = {file.abs_dest_path: file for file in files.documentation_pages()}
        for gone in rendered - pages.keys():  # e.g. the page of a deleted record
            Path(gone).unlink(missing_ok=True)
        for html, file in pages.items():  # hand-written pages: the front page's figures come from the data
            if Path(file.abs_src_path) not in generated_files:
                Path(html).unlink(missing_ok=True)
        rendered = set(pages)
    if not background:
        start_downloads(config)
    timings["generate_s"] += time.perf_counter() - start
    return files


def start_downloads(config) -> None:
    global files_written
    files_written = forked.Started(
        functools.partial(downloads.write, build_state.catalogue, Path(config.site_dir), config.site_url)
    )


def on_page_content(html: str, page, config, files) -> str:
    if not page.meta.get("search_exclude"):
        index.add(page.file.src_uri, html, "/" + page.url)
    if partial:
        converted.add(page.file.src_uri)
        articles.pop(page.file.src_uri, None)
        if not page.meta.get("search_exclude"):
            articles[page.file.src_uri] = (html, "/" + page.url)
    return html


def on_env(env, config, files):
    earlier.clear()
    if partial:
        pages = {file.src_uri for file in files.documentation_pages()}
        for path in list(articles):
            if path not in pages:
                del articles[path]
            elif path not in converted:
                earlier.append(path)
    if not background:
        index.write(Path(config.site_dir), earlier)  # every page is converted: the indexer can finish meanwhile
    return env


def on_post_build(config, **kwargs) -> None:
    if background:  # the rebuilt pages are served now; the downloads and the index follow
        start_downloads(config)  # (the next build waits for them)
        index.write(Path(config.site_dir), earlier)
    else:
        start = time.perf_counter()
        files_written.result()
        timings["generate_s"] += time.perf_counter() - start  # the downloads are part of generation
        index.wait()
    timings["index_s"] = index.busy_s
    if os.environ.get("VAEKSTAFTALER_TIMINGS"):
        Path(os.environ["VAEKSTAFTALER_TIMINGS"]).write_text(json.dumps(timings), encoding="utf-8")
    build_lock.release(lock)


def finish_background() -> None:
    """Wait for the downloads and the index that the last build left to write after it."""
    global files_written, index
    if background and files_written and index:
        for wait in (files_written.result, index.wait):
            try:
                wait()
            except RuntimeError as e:  # that build's pages are served: say so, and build anew
                print(e, file=sys.stderr)
    files_written = index = None


def on_build_error(error, **kwargs) -> None:
    global files_written, index
    if index:
        index.close()
    if files_written:
        files_written.stop()
    files_written = index = None
    build_lock.release(lock)
