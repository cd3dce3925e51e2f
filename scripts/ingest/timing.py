"""How long ingest takes, for `make bench` (scripts/dev/bench.py): each document's source, as a
PDF made from it, ingested into a scratch copy of data/ without the document's records
(scripts.ingest.leave_one_out), and the time from starting `make serve` on that copy to its
drafts showing in the browser with their banner (where the copy is valid without the document:
another document's records may name what it removed).

    python -m scripts.ingest.timing [DOCUMENT ...]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.data.validate import DATA_DIR, load
from scripts.dev.scratch import ROOT, serve_command
from scripts.ingest.leave_one_out import measure
from scripts.ingest.references import read

BANNER = "Udkast – ikke gennemgået"


def ingest_figures(work: Path, documents: list[str] | None = None, data_dir: Path = DATA_DIR) -> list[dict]:
    """Per document: seconds to ingest its PDF, drafts and commitments drafted, and seconds from
    `make serve` starting to the drafted document's page showing with its banner."""
    rows = []
    for doc_id in documents or sorted(read(data_dir).records["documents"]):
        folder = work / doc_id
        folder.mkdir(parents=True)
        m = measure(doc_id, data_dir, pdf=True, work=folder)
        rows.append(
            {
                "document": doc_id,
                "ingest_s": m["ingest_s"],
                "drafts": len(list((folder / "data/drafts" / doc_id).glob("*/*.yml"))),
                "commitments": m["drafted_commitments"],
                "serve_s": serve_seconds(folder, doc_id) if not load(folder / "data", drafts=True)[1] else None,
            }
        )
    return rows


def serve_seconds(folder: Path, doc_id: str) -> float:
    """Seconds from starting `make serve` on folder/data to the document's draft page showing."""
    from scripts.dev.bench import _wait_for

    port = 8000 + (os.getpid() + 1) % 1000
    command, env = serve_command(folder / "serve", folder / "data", port)
    start = time.perf_counter()
    with (folder / "serve.log").open("w") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{port}/dokumenter/{doc_id}/", BANNER, 600)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(10)


def table(rows: list[dict]) -> list[str]:
    """The rows of the results table in bench/results.md."""
    lines = [
        "Ingest of each source as a PDF (drafts written and checked), and `make serve` started on the "
        "data with the drafts until the drafted document's page shows:",
        "",
        "| document | ingest s | drafts | commitments drafted | make serve → drafts shown s |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['document']} | {r['ingest_s']:.1f} | {r['drafts']} | {r['commitments']} "
            f"| {'–' if r['serve_s'] is None else format(r['serve_s'], '.1f')} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as tmp:
        print("\n".join(table(ingest_figures(Path(tmp), (argv if argv is not None else sys.argv[1:]) or None))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
