"""The review report of an ingest: what was found, what was drafted, and what the reviewer must look at.

Printed for the maintainer, and written as JSON with --report. Coverage is the validator's
(scripts/data/coverage.py): every bullet and heading of the source must start a quote of a
record or draft; every sentence with commitment wording is a drafted commitment or listed here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TextIO


def build(
    *, source, doc_id, cleaned, structure, drafted, written, checked, proposed, gazetteer, lost_quotes, statuses
) -> dict:
    counts: dict[str, Counter[str]] = {}
    for d in drafted.initiatives:
        for kind in ("ministries", "forums", "organisations", "themes", "target_groups", "regions"):
            counts.setdefault(kind, Counter()).update(d.data.get(kind, []))
    for kind in ("parties", "regions"):
        counts.setdefault(kind, Counter()).update(drafted.document.data.get(kind, []))
    commitments = [s for s in drafted.sentences if s.why == "tilsagn"]
    listed = [s for s in drafted.sentences if s.why != "tilsagn"]
    items = len(checked.items)
    return {
        "source": str(source),
        "document": doc_id,
        "lines": len(structure.lines),
        "removed_lines": dict(Counter(cleaned.removed)),
        "title": drafted.document.data["title"],
        "sections": [
            {"id": s["id"], "number": s.get("number"), "title": s["title"], "parent": s.get("parent")}
            for s in drafted.document.data["sections"]
        ],
        "drafts": [
            {
                "kind": d.kind,
                "id": d.id,
                "title": d.data.get("title"),
                "commitments": len(d.data.get("commitments", [])),
            }
            for d in [drafted.document, *drafted.initiatives]
        ],
        "written": [str(p) for p in written.written],
        "already_covered": [{"kind": d.kind, "id": d.id} for d in written.covered],
        "kept": [str(p) for p in written.kept],
        "commitments": len(commitments),
        "commitment_sentences": {
            "total": len(drafted.sentences),
            "drafted": len(commitments),
            "listed": [{"sentence": " ".join(s.text.split()), "why": s.why, "draft": s.initiative} for s in listed],
        },
        "names": {kind: dict(c.most_common()) for kind, c in counts.items() if c},
        "proposed": [
            {"name": p.name, "kind": p.kind, "count": p.count, "passage": " ".join(p.passage.split())[:300]}
            for p in proposed
        ],
        "amounts": [{"text": a.text, "amount_dkk": a.amount_dkk} for a in drafted.amounts],
        "dates": [
            {"text": w.text, "date": w.date.isoformat() if w.date else None, "year": w.year} for w in drafted.dates
        ],
        "coverage": {
            "items": items,
            "covered": items - len(checked.uncovered),
            "uncovered": [{"line": i.line, "text": i.text[:100]} for i in checked.uncovered],
        },
        "published_quotes_not_in_revised_source": lost_quotes,
        "status_proposals": [
            {
                "initiative": p.initiative,
                "commitment": p.commitment,
                "value": p.value,
                "quote": " ".join(p.quote.split()),
            }
            for p in statuses
        ],
        "problems": [str(p) for p in checked.problems],
    }


def show(report: dict, out: TextIO) -> None:
    w = lambda line="": print(line, file=out)  # noqa: E731
    w(f"Udkast fra {report['source']} → dokument {report['document']!r}: {report['title']}")
    if report["removed_lines"]:
        removed = ", ".join(f"{text!r} ×{n}" for text, n in report["removed_lines"].items())
        w(f"  fjernet som sidehoved, sidefod eller sidetal: {removed}")
    w(f"  {len(report['sections'])} afsnit, {len(report['drafts']) - 1} initiativer, {report['commitments']} tilsagn")
    for section in report["sections"]:
        w(f"    afsnit {section['number'] or '-'} {section['title']}")
    for path in report["written"]:
        w(f"  skrevet: {_short(path)}")
    for d in report["already_covered"]:
        w(f"  ikke skrevet, en post dækker det allerede: {d['kind']}/{d['id']}")
    for path in report["kept"]:
        w(f"  ikke skrevet, udkastet findes allerede (rørt ikke): {_short(path)}")
    for kind, counts in report["names"].items():
        w(f"  genkendt ({kind}): " + ", ".join(f"{rid} ×{n}" for rid, n in counts.items()))
    if report["proposed"]:
        w(f"  {len(report['proposed'])} navne findes ikke i referencelisterne (forslag – intet er tilføjet):")
        for p in report["proposed"][:40]:
            w(f"    {p['name']} ({p['kind']}, ×{p['count']}): {p['passage'][:120]}")
    w("  beløb: " + ("; ".join(f"{a['text']} = {a['amount_dkk']:,} kr." for a in report["amounts"]) or "ingen"))
    w("  datoer og frister: " + ("; ".join(d["text"] for d in report["dates"]) or "ingen"))
    s = report["commitment_sentences"]
    w(f"  sætninger med tilsagnsord: {s['total']}, heraf {s['drafted']} som tilsagn og {len(s['listed'])} listet her:")
    for item in s["listed"]:
        w(f"    ({item['why']}) {item['sentence'][:140]}")
    c = report["coverage"]
    w(f"  dækning af kildens punkter, overskrifter og tilsagnssætninger: {c['covered']}/{c['items']}")
    for item in c["uncovered"]:
        w(f"    linje {item['line']}: ikke dækket: {item['text'][:90]}")
    for p in report["status_proposals"]:
        where = p["initiative"] + (f", tilsagn {p['commitment']}" if p["commitment"] is not None else "")
        w(f"  forslag til status '{p['value']}' for {where}: {p['quote'][:100]}")
    for quote in report["published_quotes_not_in_revised_source"]:
        w(f"  citat fra en offentliggjort post findes ikke i den reviderede kilde: {quote[:100]}")
    if report["problems"]:
        w(f"  {len(report['problems'])} problem(er) i udkastene:")
        for p in report["problems"]:
            w(f"    {p}")
    else:
        w("  udkastene validerer (som om de var offentliggjort)")


def _short(path: str) -> str:
    p = Path(path)
    try:
        return str(p.relative_to(Path.cwd()))
    except ValueError:
        return path
