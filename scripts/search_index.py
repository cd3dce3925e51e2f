"""The browser search index, made with Pagefind (its binary ships in the `pagefind[bin]` wheel).

During a build each page's article goes to the indexer as soon as MkDocs has converted its
Markdown. The indexer is a process of its own, so indexing runs on the second core while MkDocs
converts and lays out the rest: it adds the page's search block (scripts.search_block) and hands
the page to Pagefind's indexing service, and writes the index moments after the last page.
Only the article is indexed (not navigation, header or footer), as on the published page, where
it is the element marked data-pagefind-body (overrides/main.html).
"""

from __future__ import annotations

import base64
import json
import multiprocessing
import subprocess
import threading
import time
import traceback
from pathlib import Path

from pagefind.service import get_executable

from scripts.search_block import SearchTerms

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
        """Wait for every page to be indexed and write site_dir/pagefind/."""
        start = time.perf_counter()
        self._pipe.send(str(site_dir))
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
    index = LiveIndex()
    try:
        while isinstance(message := pipe.recv(), tuple):
            if not failure:
                path, article, url = message
                try:
                    index.add(article + (terms.block(path, article) if terms else ""), url)
                except Exception:  # reported when the index is due, as the build reads only then
                    failure = traceback.format_exc()
        if not failure:
            index.write(Path(message))
    except Exception:
        failure = failure or traceback.format_exc()
    finally:
        index.close()
        pipe.send(failure)


class LiveIndex:
    """Pagefind's indexing service: pages in one at a time, the index out at the end.

    Speaks the service's protocol (base64-encoded JSON messages, each followed by a comma); a
    reader thread collects the answers so neither side's pipe fills.
    """

    def __init__(self) -> None:
        self._process = subprocess.Popen([str(get_executable()), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._answers: dict[int, dict] = {}
        self._errors: list[str] = []
        self._arrived = threading.Condition()
        self._last_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        reply = self._wait(self._send({"type": "NewIndex", "config": {
            "force_language": LANGUAGE, "exclude_selectors": EXCLUDE}}))
        self._index_id = reply["index_id"]

    def add(self, article: str, url: str) -> None:
        """Index one page: its article's HTML, and its address from the site root (/temaer/eksport/).
        Pagefind takes the result's title from the article's first heading."""
        page = f'<html lang="{LANGUAGE}"><body><div data-pagefind-body>{article}</div></body></html>'
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url, "file_contents": page})

    def write(self, site_dir: Path) -> None:
        """Wait for every page to be indexed, write site_dir/pagefind/ and stop the service."""
        try:
            self._wait(self._send({"type": "WriteFiles", "index_id": self._index_id,
                                   "output_path": str(Path(site_dir).resolve() / "pagefind")}))
            self._errors += [str(a.get("message")) for a in self._answers.values() if a.get("type") == "Error"]
            if self._errors:
                raise RuntimeError("Pagefind could not index every page:\n" + "\n".join(self._errors))
        finally:
            self.close()

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.stdin.close()
            self._process.terminate()
            self._process.wait()

    def _send(self, payload: dict) -> int:
        self._last_id += 1
        message = json.dumps({"message_id": self._last_id, "payload": payload}).encode("utf-8")
        self._process.stdin.write(base64.b64encode(message) + b",")
        self._process.stdin.flush()
        return self._last_id

    def _wait(self, message_id: int) -> dict:
        with self._arrived:
            self._arrived.wait_for(lambda: message_id in self._answers or self._process.poll() is not None)
            if message_id not in self._answers:
                raise RuntimeError("the Pagefind service stopped: " + "; ".join(self._errors))
            reply = self._answers.pop(message_id)
        if reply.get("type") == "Error":
            raise RuntimeError(f"Pagefind: {reply.get('message')}")
        return reply

    def _read(self) -> None:
        pending = b""
        while chunk := self._process.stdout.read1(1 << 16):
            *messages, pending = (pending + chunk).split(b",")
            for raw in messages:
                try:
                    answer = json.loads(base64.b64decode(raw))
                except ValueError:  # not a message: the service wrote something else
                    self._errors.append(raw.decode("utf-8", "replace"))
                    continue
                if answer is None:
                    continue
                payload = answer.get("payload") or {}
                if payload.get("type") == "IndexedFile":
                    continue  # a page indexed: nothing to keep
                with self._arrived:
                    self._answers[answer.get("message_id")] = payload
                    self._arrived.notify_all()
        with self._arrived:
            self._arrived.notify_all()

