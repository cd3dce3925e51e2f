"""Open data downloads round-trip to the records in data/; feeds and calendars are valid."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from scripts import export, feeds
from scripts.model import KINDS


@pytest.fixture(scope="module")
def files(catalogue):
    return dict(export.files(catalogue))


@pytest.mark.parametrize("kind", list(KINDS))
def test_json_round_trips(files, catalogue, kind):
    records = json.loads(files[f"download/{kind}.json"])
    back = {r["id"]: KINDS[kind].model_validate(r) for r in records}
    assert back == catalogue.records[kind]
    for rid, record in catalogue.records[kind].items():
        assert KINDS[kind].model_validate(json.loads(files[f"download/{kind}/{rid}.json"])) == record


@pytest.mark.parametrize("kind", list(KINDS))
def test_csv_round_trips(files, catalogue, kind):
    back = {r["id"]: KINDS[kind].model_validate(r) for r in export.from_csv(files[f"download/{kind}.csv"], kind)}
    assert back == catalogue.records[kind]


def test_csv_opens_in_danish_excel(files):
    text = files["download/initiatives.csv"]
    assert text.startswith("\ufeff")
    header = next(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert header[:3] == ["id", "title", "document"]
    assert "fødevare" in text


def test_commitments_table_has_every_commitment(files, catalogue):
    rows = list(csv.DictReader(io.StringIO(files["download/tilsagn.csv"].removeprefix("\ufeff")), delimiter=";"))
    assert len(rows) == sum(len(i.commitments) for i in catalogue.initiatives.values())
    analysis = [r for r in rows if r["initiativ"] == "teknologipagt-digitalisering-og-design-2017" and "analyse" in r["hvad"]]
    assert analysis and analysis[0]["status"] == "i gang"


def test_atom_feed_lists_every_initiative(catalogue):
    out = dict(feeds.files(catalogue, "https://example.org/"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(out["feed.xml"])
    links = {e.find("a:link", ns).get("href") for e in root.findall("a:entry", ns)}
    assert links == {f"initiativer/{i}/" for i in catalogue.initiatives}
    theme = ET.fromstring(out["feeds/themes-foedevarer.xml"])
    assert len(theme.findall("a:entry", ns)) == len(catalogue.initiatives_for("themes", "foedevarer"))


def test_calendar_has_the_dated_commitments(catalogue):
    out = dict(feeds.files(catalogue, "https://example.org/"))
    ics = out["frister.ics"]
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    dated = sum(1 for i in catalogue.initiatives.values() for c in i.commitments if c.when and (c.when.date or c.when.year))
    assert ics.count("BEGIN:VEVENT") == dated > 0
    assert all(len(line.encode("utf-8")) <= 75 for line in ics.split("\r\n"))
