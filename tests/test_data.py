"""The real data loads completely and stays in step with the model."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil

import yaml

import scripts
from scripts.data.kinds import MODELS as KINDS
from scripts.data.schema import SCHEMA_DIR, schemas
from scripts.data.validate import DATA_DIR


def test_nothing_is_silently_dropped(catalogue):
    for kind in KINDS:
        files = sorted((DATA_DIR / kind).glob("*.yml"))
        assert len(catalogue.records[kind]) == len(files), kind
    agenda_in_files = sum(
        len(yaml.safe_load(p.read_text(encoding="utf-8"))["agenda"]) for p in (DATA_DIR / "meetings").glob("*.yml")
    )
    assert len(catalogue.agenda_items) == agenda_in_files
    commitments_in_files = sum(
        len(yaml.safe_load(p.read_text(encoding="utf-8")).get("commitments", []))
        for p in (DATA_DIR / "initiatives").glob("*.yml")
    )
    assert sum(len(i.commitments) for i in catalogue.initiatives.values()) == commitments_in_files


def test_all_five_documents_with_their_records(catalogue):
    kinds = sorted(d.kind for d in catalogue.documents.values())
    assert kinds == [
        "beslutningsreferat",
        "partnerskabsaftale",
        "partnerskabsaftale",
        "partnerskabsaftale",
        "vækstplan",
    ]
    for doc in catalogue.documents.values():
        if doc.kind != "beslutningsreferat":
            assert catalogue.initiatives_for("documents", doc.id), f"{doc.id} has no initiatives"
    assert len(catalogue.agenda_items) == 10


def test_minutes_follow_up_the_digital_transition_analysis(catalogue):
    meeting, item = catalogue.agenda_items["vestdansk-2017-10-02-punkt-7"]
    targets = [(r.type.value, r.target) for r in item.relations]
    assert ("follows_up", "teknologipagt-digitalisering-og-design-2017") in targets
    initiative = catalogue.initiatives["teknologipagt-digitalisering-og-design-2017"]
    assert any("analysearbejde" in c.quote for c in initiative.commitments)


def test_growth_plan_effects_keep_unknown_apart_from_zero(catalogue):
    plan = catalogue.documents["vaekstplan-midtjylland-2016-2020"]
    effects = {s.id: s.effects for s in plan.sections if s.effects}
    assert effects["foedevarer"].supported_companies == 150
    assert effects["viden-og-kompetencer"].new_innovative_companies is None  # "-" in the source
    assert [b.amount_dkk for b in plan.budget] == [627_100_000, 1_600_000_000]


def test_ministry_lineage_has_each_step_with_its_date(catalogue):
    assert catalogue.lineage("erhvervsministeriet") == [
        "oekonomi-og-erhvervsministeriet",
        "erhvervs-og-vaekstministeriet",
        "erhvervsministeriet",
    ]
    into, out = catalogue.name_changes("erhvervs-og-vaekstministeriet")
    assert [(p, c.change, c.date) for p, c in into] == [
        ("oekonomi-og-erhvervsministeriet", "deling", dt.date(2011, 10, 3))
    ]
    assert [(c.to, c.change, c.year) for c in out] == [("erhvervsministeriet", "navneændring", 2016)]
    # the 2015 merger: two ministries, one successor
    assert catalogue.predecessors("miljoe-og-foedevareministeriet") == [
        "miljoeministeriet",
        "ministeriet-for-foedevarer-landbrug-og-fiskeri",
    ]


def test_json_schema_files_are_fresh():
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert on_disk == schemas(), "run `python -m scripts schema` after changing scripts/data/model.py"


def test_every_script_imports_without_side_effects(capsys):
    for module in pkgutil.walk_packages(scripts.__path__, "scripts."):
        importlib.import_module(module.name)
    assert capsys.readouterr().out == ""
