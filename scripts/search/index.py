"""The browser search index, made with Pagefind (its binary ships in the `pagefind[bin]` wheel).

During a build each page's article goes to the indexer as soon as MkDocs has converted its
Markdown. The indexer is a process of its own, so it works on the second core while MkDocs
converts and lays out the rest: it adds the page's search block (scripts.search.block) and hands
the page to Pagefind, which parses it at once. Once every page is converted, Pagefind makes the
index while MkDocs lays out and writes the pages; beside it goes what the search page needs to
read a query (scripts.search.query). Only the article is indexed, not the
navigation, header or footer; pages with `search_exclude: true` in their front matter are left
out (scripts/publish/mkdocs_glue.py).

A rebuild under `make serve` converts only the pages that changed: the articles of the others,
as converted in earlier builds, are indexed again from memory (the indexer process starts with
them), so the index always holds every page.
"""

from __future__ import annotations

import base64
import json
import multiprocessing
import os
import queue
import subprocess
import threading
import time
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pagefind.service import get_executable

from scripts import forked
from scripts.search import query
from scripts.search.block import SearchTerms, weigh_linked_lists

LANGUAGE = "da"  # Danish stemming for every page
EXCLUDE = [".headerlink"]  # the ¶ permalinks beside headings are not content
_HASHED_FOLDERS = {"fragment", "index", "filter"}  # Pagefind names these files by their content


class Indexer:
    """The build's end of the indexer process. busy_s is the time the build spent on indexing
    (handing over pages, waiting for the index), for the benchmark."""

    def __init__(self, terms: SearchTerms | None, earlier: dict[str, tuple[str, str]] | None = None) -> None:
        """terms: what the search blocks are made from; None indexes the pages as they are.
        earlier: pages converted in earlier builds, path → (article, url), for `write`."""
        start = time.perf_counter()
        # the process starts with the terms and the earlier articles in memory
        context = multiprocessing.get_context("fork")
        self._pipe, theirs = context.Pipe()
        self._process = context.Process(target=_index_pages, args=(theirs, terms, earlier or {}), daemon=True)
        self._process.start()
        self.busy_s = time.perf_counter() - start

    def add(self, path: str, article: str, url: str) -> None:
        """A page: its path under docs/, its article's HTML, its address from the site root."""
        start = time.perf_counter()
        self._pipe.send((path, article, url))
        self.busy_s += time.perf_counter() - start

    def write(self, site_dir: Path, earlier_pages: Iterable[str] = ()) -> None:
        """Every page is in: index them, and the `earlier_pages` as they were in `earlier`, into
        site_dir/pagefind/, while the build goes on."""
        start = time.perf_counter()
        self._pipe.send(_Write(str(Path(site_dir).resolve()), list(earlier_pages)))
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


@dataclass
class _Write:
    site_dir: str
    earlier_pages: list[str]


def _index_pages(pipe, terms: SearchTerms | None, earlier: dict[str, tuple[str, str]]) -> None:
    """The indexer process: pages (path, article, url) in, then where to write and which earlier pages to add."""
    forked.die_with_parent()
    failure = ""
    pagefind = None

    def add(path: str, article: str, url: str) -> None:
        block = terms.block(path, article) if terms else ""
        pagefind.add(
            f'<html lang="{LANGUAGE}"><body><div data-pagefind-body>'
            f"{weigh_linked_lists(article)}{block}</div></body></html>",
            url,
        )

    try:
        pagefind = Pagefind()
        while not isinstance(message := pipe.recv(), _Write):
            if failure:
                continue
            try:
                add(*message)
            except Exception:  # reported when the index is due, as the build reads only then
                failure = traceback.format_exc()
        if not failure:
            for path in message.earlier_pages:
                add(path, *earlier[path])
            bundle = Path(message.site_dir) / "pagefind"
            pagefind.write(bundle)
            if terms:
                query.write(bundle, terms.vocabulary)
    except Exception:
        failure = failure or traceback.format_exc()
    finally:
        if pagefind:
            pagefind.close()
        pipe.send(failure)


class Pagefind:
    """One index in Pagefind's service mode (`pagefind --service`): pages go in as they come and
    are parsed at once, the index is written at the end. Pagefind's title for a result is the
    page's first heading.

    Messages both ways are base64-encoded JSON, each followed by a comma. We speak this protocol
    here because the `pagefind` package's own client waits 0.1 s for every reply, which is
    minutes for thousands of pages."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [str(get_executable()), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            preexec_fn=forked.die_with_parent,
        )
        self._replies: queue.Queue[dict | None] = queue.Queue()
        self._last_id = 0
        # Pagefind answers every page; reading the answers all the time keeps it from blocking
        threading.Thread(target=self._read_replies, daemon=True).start()
        config = {"force_language": LANGUAGE, "exclude_selectors": EXCLUDE}
        self._index = self._ask({"type": "NewIndex", "config": config})["index_id"]

    def add(self, html: str, url: str) -> None:
        """A page's HTML and its address from the site root."""
        self._send({"type": "AddFile", "index_id": self._index, "url": url, "file_contents": html})

    def write(self, output: Path) -> None:
        """Write the search bundle into `output`, once every page added so far is parsed.

        Pagefind hands the files over and they are written here: its own WriteFiles answers
        before its writes are flushed, so a file could be left empty when the process ends. A
        file named by its content's hash that is there already is kept, as Pagefind does; the
        others replace the old ones whole, so a reader of the served site never gets half a file."""
        for file in self._ask({"type": "GetFiles", "index_id": self._index})["files"]:
            path = output / file["path"]
            if path.exists() and (path.parent.name in _HASHED_FOLDERS or path.suffix == ".pf_meta"):
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_name(path.name + ".part")
            part.write_bytes(base64.b64decode(file["content"]))
            os.replace(part, path)

    def close(self) -> None:
        self._process.kill()
        self._process.wait()

    def _send(self, payload: dict) -> None:
        self._last_id += 1
        message = json.dumps({"message_id": self._last_id, "payload": payload}).encode("utf-8")
        self._process.stdin.write(base64.b64encode(message) + b",")
        self._process.stdin.flush()

    def _ask(self, payload: dict) -> dict:
        """Send and wait for the answer; a failure reported meanwhile (say, for a page) raises."""
        self._send(payload)
        reply = self._replies.get()
        if reply is None:
            raise RuntimeError("Pagefind stopped unexpectedly")
        if reply["type"] == "Error":
            raise RuntimeError(f"Pagefind: {reply['message']}")
        return reply

    def _read_replies(self) -> None:
        """Every reply but a parsed page's goes to the queue; None when Pagefind has stopped."""
        rest: list[bytes] = []  # the start of a message not yet complete (the files can be megabytes)
        while chunk := self._process.stdout.read1(1 << 16):
            *messages, last = chunk.split(b",")
            if messages:
                messages[0] = b"".join([*rest, messages[0]])
                rest = []
            rest.append(last)
            for message in messages:
                payload = json.loads(base64.b64decode(message))["payload"]
                if payload["type"] != "IndexedFile":
                    self._replies.put(payload)
        self._replies.put(None)
