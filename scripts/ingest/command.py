"""Draft records from a new source document (PDF or UTF-8 text), with verbatim quotes.

    python -m scripts ingest SOURCE [--id ID] [--data DIR] [--report FILE]

The drafts are written under DIR/drafts/ID/ (never published; see data/README.md), checked as
the validator would check them once published, and a review report is printed. Running it again
writes only what no record or draft covers yet, and never changes a file that is there.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from scripts.data.data_tree import SOURCES
from scripts.data.validate import DATA_DIR
from scripts.ingest import drafts_folder, follow_up
from scripts.ingest.clean import clean
from scripts.ingest.draft import draft, slug
from scripts.ingest.extract import IngestError, pages
from scripts.ingest.names import gazetteer, proposals
from scripts.ingest.references import read
from scripts.ingest.report import build, show
from scripts.ingest.segment import segment, sentences


def ingest(source: Path, data_dir: Path, doc_id: str | None = None) -> dict:
    """Draft the records of `source` into data_dir/drafts/; the review report. IngestError if it cannot."""
    if not (data_dir / SOURCES).is_dir():
        raise IngestError(f"{data_dir}: not a data folder (it has no {SOURCES}/)")
    doc_id = doc_id or slug(source.stem, 100)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", doc_id):
        raise IngestError(f"--id {doc_id!r}: an id is lower-case letters, digits and single hyphens")
    cleaned = clean(pages(source))
    if not canonical_words(cleaned.text):
        raise IngestError(f"{source}: has no text")
    source_name = f"{doc_id}.txt"
    known = read(data_dir, _draft_files(data_dir, doc_id))
    published = data_dir / SOURCES / source_name
    existing = drafts_folder.folder(data_dir, doc_id) / SOURCES / source_name
    if existing.is_file() and existing.read_text(encoding="utf-8") != cleaned.text:
        raise IngestError(
            f"{existing} holds another text for {doc_id!r}, which its drafts quote: review or delete "
            f"{existing.parent.parent} before ingesting a revised source"
        )
    structure = segment(cleaned.text)
    g = gazetteer(known.records)
    drafted = draft(structure, doc_id, source_name, g, known.ids() - {doc_id})
    quotes = known.quotes.get(doc_id, [])
    if doc_id in known.records["documents"]:  # published or drafted already: its sections stand
        sections = {s.get("id") for s in known.records["documents"][doc_id].get("sections", []) if isinstance(s, dict)}
        for d in drafted.initiatives:
            if d.data["section"] not in sections:
                d.data["section"] = next(iter(sorted(sections)), d.data["section"])
                d.checks.append("section: dokumentet findes allerede; afsnittet er gættet – vælg det rigtige")
        drafts = drafted.initiatives
    else:
        drafts = [drafted.document, *drafted.initiatives]
    written = drafts_folder.write(data_dir, doc_id, source_name, cleaned.text, drafts, quotes)
    statuses = []
    if drafted.document.data["kind"] == "beslutningsreferat" or re.search(
        r"(?i)status|opfølgning", drafted.document.data["title"]
    ):
        statuses = follow_up.proposals(structure, known.records["initiatives"], doc_id)
        written.written += drafts_folder.write_statuses(data_dir, doc_id, statuses)
    checked = drafts_folder.check(data_dir, doc_id, source_name)
    revised = [q for q in quotes if published.is_file() and not _in(q, cleaned.text)]
    return build(
        source=source,
        doc_id=doc_id,
        cleaned=cleaned,
        structure=structure,
        drafted=drafted,
        written=written,
        checked=checked,
        proposed=proposals(sentences(cleaned.text), g),
        gazetteer=g,
        lost_quotes=revised,
        statuses=statuses,
    )


def canonical_words(text: str) -> bool:
    return bool(re.search(r"\w", text))


def _in(quote: str, text: str) -> bool:
    from scripts.data.quotes import SourceText

    return SourceText(text).contains(quote)


def _draft_files(data_dir: Path, doc_id: str) -> list[Path]:
    folder = drafts_folder.folder(data_dir, doc_id)
    return sorted(p for p in folder.glob("*/*.yml") if p.is_file() and not p.is_symlink()) if folder.is_dir() else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts ingest", description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the document: a PDF or a UTF-8 text file")
    parser.add_argument("--id", help="the document's id (default: made from the file name)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder (default: data/)")
    parser.add_argument("--report", type=Path, help="also write the review report as JSON to this file")
    args = parser.parse_args(argv)
    try:
        report = ingest(args.source, args.data, args.id)
    except IngestError as e:
        print(f"ingest: {e}", file=sys.stderr)
        return 1
    show(report, sys.stdout)
    if args.report:
        args.report.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return 1 if report["problems"] else 0
