"""Open data downloads round-trip to the records in data/; feeds and calendars are valid."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import pytest

from scripts.data.kinds import MODELS as KINDS
from scripts.publish import export, feeds


@pytest.fixture(scope="module")
def files(catalogue):
    return dict(export.files(catalogue, dt.date(2026, 11, 30), "https://example.org/"))


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
    pact = catalogue.initiatives["teknologipagt-digitalisering-og-design-2017"]
    analysis = [r for r in rows if r["initiativ"] == pact.title and "analyse" in r["hvad"]]
    assert analysis and analysis[0]["status"] == "i gang"
    assert analysis[0]["link"] == "https://example.org/initiativer/teknologipagt-digitalisering-og-design-2017/"


def test_the_initiatives_spreadsheet_is_for_people(files, catalogue):
    text = files["download/initiativer.csv"]
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert len(rows) == len(catalogue.initiatives)
    assert list(rows[0])[:5] == ["Initiativ", "Resumé", "Dokument", "År", "Periode"]
    for column in ("Status", "Regioner", "Økonomi", "Drives af", "Link"):
        assert column in rows[0]
    wind = next(r for r in rows if r["Initiativ"] == "Vindprogram")
    assert wind["Periode"] == "Afsluttet 2018" and wind["Regioner"] == "Region Midtjylland"
    assert wind["Link"] == "https://example.org/initiativer/vindprogram-2016/"
    # names, never ids or JSON
    assert not any(cell.startswith(("[", "{")) for r in rows for cell in r.values())
    assert not any("-2016" in r["Dokument"] or "region-" in r["Regioner"] for r in rows)


ATOM = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture(scope="module")
def feed_files(catalogue):
    return dict(feeds.files(catalogue, "https://example.org/"))


def entry_links(feed: str) -> list[str]:
    return [e.find("a:link", ATOM).get("href") for e in ET.fromstring(feed).findall("a:entry", ATOM)]


def test_atom_feed_holds_the_most_recently_changed_initiatives(feed_files, catalogue):
    dates = feeds.changed_dates([catalogue.file("initiatives", i) for i in catalogue.initiatives])
    changed = {f"initiativer/{i.id}/": feeds.updated(catalogue, i, dates) for i in catalogue.initiatives.values()}
    links = entry_links(feed_files["feed.xml"])
    assert len(links) == min(feeds.LATEST, len(catalogue.initiatives)) == len(set(links))
    assert [changed[link] for link in links] == sorted((changed[link] for link in links), reverse=True)
    left_out = set(changed) - set(links)
    assert all(changed[link] <= changed[links[-1]] for link in left_out)


def test_single_facet_feeds_keep_their_names(feed_files, catalogue):
    theme = entry_links(feed_files["feeds/themes-foedevarer.xml"])
    expected = {f"initiativer/{i.id}/" for i in catalogue.initiatives_for("themes", "foedevarer")}
    assert len(expected) <= feeds.LATEST and set(theme) == expected
    assert "feeds/target_groups-smv.ics" in feed_files and "feeds/regions-region-midtjylland.xml" in feed_files


def test_combination_feed_has_exactly_the_initiatives_matching_all_three(feed_files, catalogue):
    name = "feeds/regions-region-midtjylland+themes-foedevarer+target_groups-foedevarevirksomheder"
    matching = [
        i
        for i in catalogue.initiatives.values()
        if "region-midtjylland" in catalogue.regions_of(i)
        and "foedevarer" in i.themes
        and "foedevarevirksomheder" in i.target_groups
    ]
    assert 0 < len(matching) <= feeds.LATEST
    assert set(entry_links(feed_files[name + ".xml"])) == {f"initiativer/{i.id}/" for i in matching}
    assert "Region Midtjylland · Fødevarer" in ET.fromstring(feed_files[name + ".xml"]).find("a:title", ATOM).text
    dated = sum(1 for i in matching for c in i.commitments if c.when and (c.when.date or c.when.year))
    assert feed_files[name + ".ics"].count("BEGIN:VEVENT") == dated


def test_every_combination_has_a_feed_and_a_calendar_even_when_empty(feed_files, catalogue):
    combinations = 1
    for kind in feeds.FACETS:
        combinations *= len(catalogue.records[kind]) + 1
    assert len(feed_files) == 2 * combinations
    empty = "feeds/regions-region-hovedstaden+themes-foedevarer+target_groups-smv"
    assert not any("region-hovedstaden" in catalogue.regions_of(i) for i in catalogue.initiatives.values())
    assert entry_links(feed_files[empty + ".xml"]) == []
    assert "BEGIN:VEVENT" not in feed_files[empty + ".ics"] and feed_files[empty + ".ics"].endswith("END:VCALENDAR\r\n")


def test_calendar_has_the_dated_commitments(feed_files, catalogue):
    ics = feed_files["frister.ics"]
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    dated = sum(
        1 for i in catalogue.initiatives.values() for c in i.commitments if c.when and (c.when.date or c.when.year)
    )
    assert ics.count("BEGIN:VEVENT") == dated > 0
    assert all(
        len(line.encode("utf-8")) <= 75
        for text in feed_files.values()
        if text.startswith("BEGIN:VCALENDAR")
        for line in text.split("\r\n")
    )
