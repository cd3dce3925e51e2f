"""Every record points back to verbatim text in its source, and every bullet and heading
of every source is covered by a record (or excluded with a reason)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scripts.data.coverage import items, uncovered
from scripts.data.quotes import canonical
from scripts.data.validate import DATA_DIR

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_every_quote_is_in_its_source(catalogue):
    missing = []
    for i in catalogue.initiatives.values():
        source = catalogue.sources[i.document]
        missing += [(i.id, q) for q in i.quotes if not source.contains(q)]
        missing += [(i.id, c.quote) for c in i.commitments if not source.contains(c.quote)]
    for m in catalogue.meetings.values():
        source = catalogue.sources[m.document]
        missing += [(item.id, q) for item in m.agenda for q in item.quotes if not source.contains(q)]
    assert missing == []


def test_every_initiative_commitment_and_agenda_item_has_a_quote(catalogue):
    assert all(i.quotes for i in catalogue.initiatives.values())
    assert all(c.quote.strip() for i in catalogue.initiatives.values() for c in i.commitments)
    assert all(item.quotes for m in catalogue.meetings.values() for item in m.agenda)


def test_every_bullet_and_heading_is_covered(catalogue, capsys):
    total, missing = uncovered(catalogue)
    print(f"coverage: {total - len(missing)}/{total} bullets and headings")
    assert total > 100, "the parser should find the bullets and headings of the five documents"
    assert [f"{m.document}:{m.line}: {m.text}" for m in missing] == []


def test_every_exclusion_gives_a_reason(catalogue):
    for doc in catalogue.documents.values():
        for e in doc.coverage_exclusions:
            assert len(e.reason.split()) >= 3, f"{doc.id}: exclusion {e.text!r} needs a real reason"


def test_coverage_parser_finds_lost_bullets_and_headings():
    text = "Vækstforum vil:\n\n etablere et testcenter for vindmøller\n\n• Et nyt program\n### 3. Punkt tre\n"
    assert [i.text for i in items(text, "x")] == [
        "etablere et testcenter for vindmøller",
        "Et nyt program",
        "3. Punkt tre",
    ]


def test_page_break_line_mid_sentence_is_not_a_bullet():
    assert items("Det har været med til at\n\n understøtte indsatsen.\n", "x") == []


def test_quote_matching_repairs_extraction_artefacts():
    assert canonical("privat ka-\npitalselskab") == canonical("privat kapitalselskab")
    assert canonical("GTS-\ninstitutter") == canonical("GTS-institutter")
    assert canonical("Erhvervs- \nog Vækstministeriet") == canonical("Erhvervs- og Vækstministeriet")
    assert canonical("to   linjer\n  her") == "to linjer her"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not beside the project")
def test_sources_are_byte_identical_to_the_seeds(catalogue):
    seeds = {hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")}
    ours = {
        hashlib.sha256((DATA_DIR / "sources" / d.source).read_bytes()).hexdigest() for d in catalogue.documents.values()
    }
    assert ours == seeds


def test_both_normalisations_agree_on_every_source(catalogue):
    # canonical() checks quotes; canonical_with_offsets() places the anchors on source-text pages
    from scripts.data.quotes import canonical_with_offsets

    for source in catalogue.sources.values():
        assert canonical_with_offsets(source.text)[0] == canonical(source.text)
