"""MkDocs hooks: before every build (and every rebuild under `mkdocs serve`), take the project's
build lock (scripts.publish.build_lock) and regenerate the pages from data/; once the site folder
is cleaned, write the downloads into it beside the build; as each page's Markdown is converted,
hand it to the search indexer; once all are converted, let it write the index while MkDocs writes
the pages; wait for both at the end. The logic lives in scripts.render.generate,
scripts.publish.downloads and scripts.search.index, and what `make serve` (`mkdocs serve --dirty`)
keeps from one rebuild to the next in scripts.publish.serve_rebuild; this file only connects them
(and, for the benchmark, records how long our own steps took in VAEKSTAFTALER_TIMINGS)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
import time
from pathlib import Path

from mkdocs.exceptions import Abort

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts import forked  # noqa: E402
from scripts.data.problems import DataError  # noqa: E402
from scripts.data.validate import DATA_DIR, load_catalogue  # noqa: E402
from scripts.publish import build_lock, build_state, downloads, serve_rebuild  # noqa: E402
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
rebuilds: serve_rebuild.Rebuilds | None = None  # under `mkdocs serve --dirty`: rebuilds do only what changed
drafts = False  # under `mkdocs serve` only: the drafts of data/drafts/ are shown, marked as drafts


def on_startup(command, dirty, **kwargs) -> None:
    global rebuilds, drafts
    rebuilds = serve_rebuild.Rebuilds() if command == "serve" and dirty else None
    drafts = command == "serve"


def on_serve(server, config, builder):
    """Generation writes into docs/: watch only its hand-written files, or every edit would be
    followed by a rebuild that changes nothing."""
    server.unwatch(config.docs_dir)
    for path, recursive in serve_rebuild.docs_to_watch(Path(config.docs_dir)):
        server.watch(str(path), recursive=recursive)
    return server


def background() -> bool:
    """Whether this build serves its pages first, then writes the downloads and the index."""
    return rebuilds is not None and rebuilds.background


def on_pre_build(config, **kwargs) -> None:
    global index, lock, files_written
    lock = build_lock.acquire(Path(config.config_file_path).parent)
    if rebuilds:
        rebuilds.finish()
    files_written = index = None
    start = time.perf_counter()
    try:
        catalogue = load_catalogue(data_dir(), drafts=drafts, parsed=rebuilds.parsed if rebuilds else None)
    except DataError as e:
        raise Abort(f"{e}\n{len(e.problems)} problem(s) in the data: the site was not built.") from None
    timings["validate_s"] = time.perf_counter() - start
    build_state.catalogue = catalogue
    generated = generate(catalogue, Path(config.docs_dir), config.repo_url, today=build_date())
    if rebuilds:
        sources = [Path(config.config_file_path), *map(Path, config.watch)]
        rebuilds.start(sources, data_dir(), Path(config.site_dir), generated.files)
    timings["generate_s"] = time.perf_counter() - start - timings["validate_s"]
    # VAEKSTAFTALER_SEARCH_TERMS=0 indexes the pages without our extra terms (to compare searches)
    terms = generated.search if os.environ.get("VAEKSTAFTALER_SEARCH_TERMS", "1") != "0" else None
    index = Indexer(terms, rebuilds.articles if rebuilds else None)


def on_files(files, config):
    start = time.perf_counter()
    if rebuilds:
        rebuilds.prune({file.abs_dest_path: Path(file.abs_src_path) for file in files.documentation_pages()})
    if not background():
        start_downloads(config)
    timings["generate_s"] += time.perf_counter() - start
    return files


def start_downloads(config) -> None:
    global files_written
    files_written = forked.Started(
        functools.partial(downloads.write, build_state.catalogue, Path(config.site_dir), config.site_url, build_date())
    )


def on_page_content(html: str, page, config, files) -> str:
    searched = not page.meta.get("search_exclude")
    if searched:
        index.add(page.file.src_uri, html, "/" + page.url)
    if rebuilds:
        rebuilds.converted_page(page.file.src_uri, (html, "/" + page.url) if searched else None)
    return html


def on_env(env, config, files):
    if rebuilds:
        rebuilds.sort_out({file.src_uri for file in files.documentation_pages()})
    if not background():  # every page is converted: the indexer can finish meanwhile
        index.write(Path(config.site_dir), rebuilds.earlier if rebuilds else ())
    return env


def on_post_build(config, **kwargs) -> None:
    if background():  # the rebuilt pages are served now; the downloads and the index follow
        start_downloads(config)
        index.write(Path(config.site_dir), rebuilds.earlier)
        rebuilds.leave_running(files_written.result, index.wait)  # the next build waits for them
    else:
        start = time.perf_counter()
        files_written.result()
        timings["generate_s"] += time.perf_counter() - start  # the downloads are part of generation
        index.wait()
    timings["index_s"] = index.busy_s
    if os.environ.get("VAEKSTAFTALER_TIMINGS"):
        Path(os.environ["VAEKSTAFTALER_TIMINGS"]).write_text(json.dumps(timings), encoding="utf-8")
    build_lock.release(lock)


def on_build_error(error, **kwargs) -> None:
    global files_written, index
    if index:
        index.close()
    if files_written:
        files_written.stop()
    if rebuilds:
        rebuilds.leave_running()  # nothing: what this build started is stopped
    files_written = index = None
    build_lock.release(lock)
