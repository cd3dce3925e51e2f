"""The browser search index, made with Pagefind (its binary ships in the `pagefind[bin]` wheel).

During a build each page's article goes to Pagefind's indexing service as soon as MkDocs has
converted its Markdown: the service is its own process, so indexing runs on the second core
while MkDocs converts and lays out the rest, and the index is written moments after the last
page. Only the article is indexed (not navigation, header or footer), as on the published page,
where it is the element marked data-pagefind-body (overrides/main.html).
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
import time
from pathlib import Path

from pagefind.service import get_executable

LANGUAGE = "da"  # Danish stemming for every page
EXCLUDE = [".headerlink"]  # the ¶ permalinks beside headings are not content


class LiveIndex:
    """Pages in as they are rendered, the index out at the end.

    Speaks the service's protocol (base64-encoded JSON messages, each followed by a comma) from
    the build's own thread; a reader thread collects the answers so neither side's pipe fills.
    busy_s is the time the build spent on indexing, for the benchmark.
    """

    def __init__(self) -> None:
        start = time.perf_counter()
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
        self.busy_s = time.perf_counter() - start

    def add(self, article: str, url: str) -> None:
        """Index one page: its article's HTML, and its address from the site root (/temaer/eksport/).
        Pagefind takes the result's title from the article's first heading."""
        start = time.perf_counter()
        page = f'<html lang="{LANGUAGE}"><body><div data-pagefind-body>{article}</div></body></html>'
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url, "file_contents": page})
        self.busy_s += time.perf_counter() - start

    def write(self, site_dir: Path) -> None:
        """Wait for every page to be indexed, write site_dir/pagefind/ and stop the service."""
        start = time.perf_counter()
        try:
            self._wait(self._send({"type": "WriteFiles", "index_id": self._index_id,
                                   "output_path": str(Path(site_dir).resolve() / "pagefind")}))
            self._errors += [str(a.get("message")) for a in self._answers.values() if a.get("type") == "Error"]
            if self._errors:
                raise RuntimeError("Pagefind could not index every page:\n" + "\n".join(self._errors))
        finally:
            self.close()
        self.busy_s += time.perf_counter() - start

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

