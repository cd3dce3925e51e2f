"""Measure ingest against the reviewed records: leave one document out and draft it again.

    python -m scripts.ingest.leave_one_out [--pdf] [--width N] [DOCUMENT ...]

For each document, a scratch copy of data/ without it (its record, its initiatives and meetings,
its source) is made, its source is ingested (as text, or as a PDF made from it), and the drafts
are compared with the reviewed records:
- initiatives: share of reviewed initiatives with a quote that a draft's quotes overlap;
- commitments: share of reviewed commitments whose quote a drafted commitment's quote overlaps;
- actors: F1 of the ministries and parties named by the drafts against the reviewed ones;
- amounts and dates: share of the reviewed amounts (in kroner) and dated deadlines found;
- problems: quotes (and anything else) in the drafts that fail validation.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from scripts.data.model import Document
from scripts.data.quotes import canonical
from scripts.data.validate import DATA_DIR
from scripts.ingest.command import ingest
from scripts.ingest.references import read
from scripts.ingest.sample_pdf import make_pdf, rewrap
from scripts.render.readable import BULLETS

PREFIX = 40


def overlaps(a: str, b: str) -> bool:
    a, b = canonical(a), canonical(b)
    return bool(a and b) and (a[:PREFIX] in b or b[:PREFIX] in a)


def measure(
    doc_id: str,
    data_dir: Path = DATA_DIR,
    pdf: bool = False,
    width: int | None = None,
    glyph: str | None = None,
    work: Path | None = None,
) -> dict:
    """The figures for one document. `width`: re-wrap the text first; `glyph`: draw its bullets with
    this glyph instead; `work`: make the scratch data folder (with the drafts) there and keep it."""
    reviewed = read(data_dir).records
    document = reviewed["documents"][doc_id]
    initiatives = [r for r in reviewed["initiatives"].values() if r.get("document") == doc_id]
    with tempfile.TemporaryDirectory(prefix="loo-") as tmp:
        scratch = (work or Path(tmp)) / "data"
        shutil.copytree(data_dir, scratch, ignore=shutil.ignore_patterns("drafts"))
        (scratch / "documents" / f"{doc_id}.yml").unlink()
        for kind in ("initiatives", "meetings"):
            for rid, r in reviewed[kind].items():
                if r.get("document") == doc_id:
                    (scratch / kind / f"{rid}.yml").unlink()
        source = scratch / "sources" / document["source"]
        text = source.read_text(encoding="utf-8")
        source.unlink()
        if glyph:
            text = re.sub(rf"(?m)^(\s*)[{BULLETS}•](?=\s)", rf"\g<1>{glyph}", text)
        given = Path(tmp) / f"{doc_id}.txt"
        given.write_text(rewrap(text, width) if width and not pdf else text, encoding="utf-8")
        if pdf:
            given = make_pdf(text, Path(tmp) / f"{doc_id}.pdf", width=width)
        start = time.perf_counter()
        report = ingest(given, scratch, doc_id)
        seconds = time.perf_counter() - start
        drafts = read(scratch, sorted((scratch / "drafts" / doc_id).glob("*/*.yml"))).records
    drafted = [r for r in drafts["initiatives"].values() if r.get("document") == doc_id]
    draft_quotes = [q for r in drafted for q in r.get("quotes", [])] + [
        c["quote"] for r in drafted for c in r.get("commitments", [])
    ]
    draft_commitments = [c["quote"] for r in drafted for c in r.get("commitments", [])]
    found_initiatives = [
        i for i in initiatives if any(overlaps(q, d) for q in i.get("quotes", []) for d in draft_quotes)
    ]
    commitments = [c for i in initiatives for c in i.get("commitments", [])]
    found_commitments = [c for c in commitments if any(overlaps(c["quote"], d) for d in draft_commitments)]
    want = {m for i in initiatives for m in i.get("ministries", [])} | set(document.get("parties", []))
    draft_doc = drafts["documents"].get(doc_id, {})
    got = {m for r in drafted for m in r.get("ministries", [])} | set(draft_doc.get("parties", []))
    amounts = {f["amount_dkk"] for i in initiatives for f in i.get("funding", []) if f.get("amount_dkk")}
    amounts |= {f["amount_dkk"] for f in document.get("budget", []) if f.get("amount_dkk")}
    found_amounts = {a["amount_dkk"] for a in report["amounts"]}
    deadlines = {
        str(c["when"]["date"])
        for i in initiatives
        for c in i.get("commitments", [])
        if (c.get("when") or {}).get("date")
    }
    deadlines |= {str(document[k]) for k in ("valid_until",) if document.get(k)}
    found_dates = {d["date"] for d in report["dates"] if d["date"]}
    # follow-up: the reviewed statuses this document supports, and those proposed
    statuses = {rid for rid, r in reviewed["initiatives"].items() if doc_id in _status_sources(r)}
    proposed = {p["initiative"] for p in report["status_proposals"]}
    precision = len(want & got) / len(got) if got else 0.0
    recall = len(want & got) / len(want) if want else 1.0
    return {
        "document": doc_id,
        "as": ("pdf" if pdf else "text")
        + (f", width {width}" if width else "")
        + (f", bullets {glyph}" if glyph else ""),
        "initiatives": (len(found_initiatives), len(initiatives)),
        "commitments": (len(found_commitments), len(commitments)),
        "drafted_commitments": len(draft_commitments),  # how many the reviewer reads to find them
        "actors": {"reviewed": sorted(want), "drafted": sorted(got)},
        "actors_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "amounts": (len(amounts & found_amounts), len(amounts)),
        "dates": (len(deadlines & found_dates), len(deadlines)),
        "statuses": (len(statuses & proposed), len(statuses), len(proposed)),
        "problems": report["problems"],
        "ingest_s": seconds,  # from the file to the drafts written and checked
        "missed_initiatives": [i["id"] for i in initiatives if i not in found_initiatives],
        "missed_commitments": [c["quote"] for c in commitments if c not in found_commitments],
    }


def _status_sources(record: dict) -> set[str]:
    found = [record.get("status") or {}] + [c.get("status") or {} for c in record.get("commitments", [])]
    return {s.get("source") for s in found if isinstance(s, dict) and s.get("source")}


def share(pair: tuple[int, int]) -> float:
    return pair[0] / pair[1] if pair[1] else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.ingest.leave_one_out", description=__doc__.splitlines()[0])
    parser.add_argument("documents", nargs="*")
    parser.add_argument("--pdf", action="store_true", help="ingest a PDF made from each source")
    parser.add_argument("--width", type=int, help="re-wrap the text at this many characters first")
    parser.add_argument("--glyph", help="draw the bullets with this glyph instead, e.g. '–'")
    args = parser.parse_args(argv)
    kinds = Document.model_fields["kind"].annotation.__args__  # type: ignore[union-attr]
    ids = args.documents or sorted(read(DATA_DIR).records["documents"])
    assert kinds
    for doc_id in ids:
        m = measure(doc_id, pdf=args.pdf, width=args.width, glyph=args.glyph)
        print(
            f"{doc_id} ({m['as']}): initiatives {share(m['initiatives']):.0%} {m['initiatives']}, "
            f"commitments {share(m['commitments']):.0%} {m['commitments']} of {m['drafted_commitments']} drafted, "
            f"actors F1 {m['actors_f1']:.2f}, "
            f"amounts {m['amounts']}, dates {m['dates']}, statuses {m['statuses']}, problems {len(m['problems'])}"
        )
        if m["missed_initiatives"]:
            print("  missed: " + ", ".join(m["missed_initiatives"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
