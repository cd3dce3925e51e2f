"""Every download is safe by its own format's rules, whatever text the data holds: no CSV cell
a spreadsheet runs as a formula (also in the finder's CSV, made in the browser), no raw line
break in an iCalendar line, no character an XML parser refuses."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET

import pytest
import yaml

from scripts.data.validate import load_catalogue
from scripts.dev.browser import chromium, serve
from scripts.dev.scratch import build_site
from scripts.publish import export, feeds
from tests.test_validate import INITIATIVE

FORMULAS = ['=HYPERLINK("https://example.org/?x="&A1;"klik")', "+1+1", "-2+3", "@SUM(1+1)", "\tx", "\rx", "'=1+1"]


def with_initiative_text(data, **fields) -> None:
    path = data / INITIATIVE
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in fields.items():
        if key == "what":
            record["commitments"][0]["what"] = value
        else:
            record[key] = value
    path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix(export.BOM)), delimiter=";"))


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_are_never_formulas_and_read_back_exactly(data_copy, formula):
    with_initiative_text(data_copy, title=formula + " titel", summary=formula, what=formula)
    cat = load_catalogue(data_copy)
    files = dict(export.files(cat, dt.date(2026, 11, 30), "https://example.org/"))
    for name in ("download/initiatives.csv", "download/tilsagn.csv"):
        assert len(cells(files[name])) > 1, name  # a row besides the header
        for row in cells(files[name]):
            assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), (name, row)
    [back] = export.from_csv(files["download/initiatives.csv"], "initiatives")
    assert (back["title"], back["summary"]) == (formula + " titel", formula)


@pytest.mark.slow
def test_the_finders_csv_neutralises_formulas_too(tmp_path, data_copy):
    with_initiative_text(data_copy, title='=HYPERLINK("https://example.org/")', summary="@SUM(1+1)")
    result = build_site(tmp_path / "project", data_copy)
    assert result.returncode == 0, result.stderr[-2000:]
    with chromium() as browser, serve(tmp_path / "project/site") as base:
        page = browser.new_page()
        page.goto(base + "find/")
        page.wait_for_selector(".vs-finder-results > li")
        with page.expect_download() as download:
            page.click(".vs-csv")
        text = download.value.path().read_bytes().decode("utf-8")
    [header, row] = cells(text)
    assert row[:2] == ['\'=HYPERLINK("https://example.org/")', "'@SUM(1+1)"]


@pytest.mark.parametrize(
    "what", ["Før\rBEGIN:VEVENT\rSUMMARY:falsk", "a\r\nb\nc\u2028d", "komma, semikolon; \\ og tab\tx"]
)
def test_calendar_lines_hold_no_raw_line_breaks(data_copy, what):
    with_initiative_text(data_copy, what=what)
    calendar = dict(feeds.files(load_catalogue(data_copy), "https://example.org/"))["frister.ics"]
    lines = calendar.split("\r\n")
    assert not any("\r" in line or "\n" in line for line in lines)
    assert lines.count("BEGIN:VEVENT") == 1  # no event injected
    summary = re.sub(r"\r\n ", "", calendar).split("SUMMARY:", 1)[1].split("\r\n", 1)[0]
    unescaped = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), summary)
    assert unescaped.endswith(re.sub("\r\n|[\r\n\u2028]", "\n", what))


def test_feeds_are_well_formed_xml_with_the_text_intact(data_copy):
    title = "Tegn & <tags> ]]> \"citat\" 'apostrof' \r retur \U0001f600 \ue000"
    with_initiative_text(data_copy, title=title)
    files = dict(feeds.files(load_catalogue(data_copy), "https://example.org/"))
    atom = {"a": "http://www.w3.org/2005/Atom"}
    for name, text in files.items():
        if name.endswith(".xml"):
            ET.fromstring(text.encode("utf-8"))  # raises on anything ill-formed
    entry = ET.fromstring(files["feed.xml"].encode("utf-8")).find("a:entry", atom)
    assert entry.find("a:title", atom).text == title


@pytest.mark.parametrize("char", ["\ufffe", "\x0b", "\ud800"])
def test_a_character_xml_refuses_stops_the_feed_rather_than_breaking_it(char):
    # The validator refuses these (tests/test_untrusted_data.py); this is the second line.
    with pytest.raises(ValueError, match="cannot be written in XML"):
        feeds.atom(f"titel {char}", "feed.xml", "https://example.org/", None, [])
