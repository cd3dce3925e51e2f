"""Synthetic benchmark data: valid, N× the real corpus, and replicas that refer to their own replica."""

from __future__ import annotations

import re

import pytest

from scripts.data.validate import DATA_DIR, load_catalogue
from scripts.dev.synthetic import make

REPLICATED = ("documents", "initiatives", "meetings")
REFERENCE = ("regions", "forums", "ministries", "organisations", "themes", "target_groups")
SUFFIX = re.compile(r"-k(\d+)$")


def _replica(rid: str) -> str | None:
    """The replica number of an id ('x-k3' → '3'), or None for an original."""
    m = SUFFIX.search(rid)
    return m.group(1) if m else None


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    out = tmp_path_factory.mktemp("synthetic") / "data"
    counts = make(3, out)
    return counts, load_catalogue(out)


def test_scale_3_triples_the_replicated_kinds(catalogue, scaled):
    counts, cat = scaled
    for kind in REPLICATED:
        assert len(cat.records[kind]) == 3 * len(catalogue.records[kind]) == counts[kind], kind
    for kind in REFERENCE:
        assert cat.records[kind].keys() == catalogue.records[kind].keys(), kind
        assert counts[kind] == len(catalogue.records[kind])
    assert len(cat.agenda_items) == 3 * len(catalogue.agenda_items)


def test_replicas_refer_to_their_own_replica(catalogue, scaled):
    _, cat = scaled
    replicas = [i for i in cat.initiatives.values() if _replica(i.id)]
    assert len(replicas) == 2 * len(catalogue.initiatives)
    relation_targets = set(catalogue.initiatives) | set(catalogue.agenda_items)
    for init in replicas:
        k = _replica(init.id)
        assert _replica(init.document) == k, init.id
        assert init.section in {s.id for s in cat.documents[init.document].sections}
        for status in [init.status] + [c.status for c in init.commitments]:
            if status.source:
                assert _replica(status.source) == k, init.id
        for rel in init.relations:
            assert rel.target.removesuffix(f"-k{k}") in relation_targets and _replica(rel.target) == k
        original = catalogue.initiatives[init.id.removesuffix(f"-k{k}")]
        assert init.quotes == original.quotes  # quotes are never rewritten
        assert 1 <= len(init.themes) <= 4 and 1 <= len(init.regions) <= 4

    assert any(item.relations for meeting in cat.meetings.values() for item in meeting.agenda)
    for meeting in cat.meetings.values():
        k = _replica(meeting.id)
        assert _replica(meeting.document) == k
        for item in meeting.agenda:
            assert _replica(item.id) == k
            assert all(_replica(rel.target) == k for rel in item.relations)

    for doc in cat.documents.values():
        if _replica(doc.id):
            original = catalogue.documents[SUFFIX.sub("", doc.id)]
            assert doc.source == original.source
            assert [s.id for s in doc.sections] == [s.id for s in original.sections]
            for day in (doc.date, doc.valid_until):
                assert day is None or 2010 <= day.year <= 2020
            if doc.period:
                assert 2010 <= doc.period.start <= doc.period.end <= 2020


def test_replicas_vary_the_text(scaled):
    _, cat = scaled
    titles = [i.title for i in cat.initiatives.values()]
    summaries = [i.summary for i in cat.initiatives.values()]
    assert len(set(titles)) > len(titles) * 0.8
    assert len(set(summaries)) > len(summaries) * 0.8


def test_scale_1_is_an_exact_copy(catalogue, tmp_path):
    counts = make(1, tmp_path / "data")
    copy = load_catalogue(tmp_path / "data")
    for kind, records in catalogue.records.items():
        assert copy.records[kind].keys() == records.keys()
        assert counts[kind] == len(records)
    for path in DATA_DIR.rglob("*"):
        if path.is_file():
            assert (tmp_path / "data" / path.relative_to(DATA_DIR)).read_bytes() == path.read_bytes(), path


def test_same_seed_same_data(tmp_path):
    make(2, tmp_path / "a", seed=7)
    make(2, tmp_path / "b", seed=7)
    for path in sorted((tmp_path / "a").rglob("*.yml")):
        assert (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes() == path.read_bytes(), path


def test_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "x.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError):
        make(2, tmp_path)
