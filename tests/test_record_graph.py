"""The references between records are declared once, on the model, and every part of the build
that follows them walks that declaration: a reference declared there is validated, listed on
the page it points at and repointed in synthetic data without further code."""

from __future__ import annotations

import pytest
import yaml

from scripts.data.kinds import MODELS
from scripts.data.record_graph import set_at, walk
from scripts.data.validate import load_catalogue
from tests.conftest import VALID, problems_in

RECORDS = [
    "initiatives/nyt-foedevareprogram-2020.yml",
    "meetings/moede-2021-03-01.yml",
    "documents/aftale-2020.yml",
    "forums/vaekstforum-test.yml",
]


def references_in(rel: str):
    kind = rel.split("/")[0]
    return walk(MODELS[kind].model_validate(yaml.safe_load((VALID / rel).read_text(encoding="utf-8"))))[0]


def every_reference():
    return [(rel, r.path) for rel in RECORDS for r in references_in(rel)]


def test_the_fixture_makes_a_reference_of_every_kind():
    kinds = {r.ref.kinds for rel in RECORDS for r in references_in(rel)}
    assert {
        ("documents",),
        ("sections",),
        ("themes",),
        ("ministries",),
        ("target_groups",),
        ("regions",),
        ("forums",),
        ("ministries", "forums", "organisations"),
        ("initiatives", "agenda_items"),
    } <= kinds


@pytest.mark.parametrize(
    "rel, path", every_reference(), ids=lambda v: v if isinstance(v, str) else ".".join(map(str, v))
)
def test_every_declared_reference_is_validated(data_copy, rel, path):
    record = yaml.safe_load((data_copy / rel).read_text(encoding="utf-8"))
    set_at(record, path, "findes-ikke")
    (data_copy / rel).write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    field = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))
    assert any(
        p.startswith(f"{rel}:") and f": {field}: unknown reference 'findes-ikke'" in p for p in problems_in(data_copy)
    ), problems_in(data_copy)


def test_quotes_are_checked_in_the_document_in_scope(data_copy):
    # a second document, the minutes that state the initiative's status
    doc = yaml.safe_load((data_copy / "documents/aftale-2020.yml").read_text(encoding="utf-8"))
    doc.update(id="referat-2021", source="referat-2021.txt", kind="beslutningsreferat", official_title="Referat")
    doc["sections"] = [dict(doc["sections"][0], quote="Projektet er i gang.")]
    (data_copy / "documents/referat-2021.yml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    (data_copy / "sources/referat-2021.txt").write_text("Referat\nProjektet er i gang.\n", encoding="utf-8")
    rel = "initiatives/nyt-foedevareprogram-2020.yml"
    record = yaml.safe_load((data_copy / rel).read_text(encoding="utf-8"))
    for quote, expected in [
        ("Projektet er i gang.", []),
        (
            "Et nyt fødevareprogram.",
            [f"{rel}:31: status.quote: quote not found in source of 'referat-2021': 'Et nyt fødevareprogram.'"],
        ),
    ]:
        record["status"] = {"value": "i gang", "source": "referat-2021", "quote": quote}
        (data_copy / rel).write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
        assert problems_in(data_copy) == expected


def test_the_catalogue_lists_who_names_a_record():
    cat = load_catalogue(VALID)
    named = {(m.kind, m.record, m.reference.path) for m in cat.mentions("ministries", "erhvervsministeriet")}
    assert named == {
        ("initiatives", "nyt-foedevareprogram-2020", ("ministries", 0)),
        ("initiatives", "nyt-foedevareprogram-2020", ("commitments", 0, "by", 0)),
    }
    assert [i.id for i in cat.initiatives_for("ministries", "erhvervsministeriet")] == ["nyt-foedevareprogram-2020"]
    # a relation is listed from the agenda item that states it
    assert cat.relations_to("nyt-foedevareprogram-2020") == [("moede-2021-03-01-punkt-1", "follows_up")]
