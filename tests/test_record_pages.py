"""What a civil servant reads on a record's page, rendered from the small fixture data: where the
document comes from and its own errors, a ministry's name history with dates, a commitment's
firmness, and when an initiative runs."""

from __future__ import annotations

import datetime as dt

import yaml

from scripts.data.validate import load_catalogue
from scripts.render.generate import generate
from tests.test_validate import DOCUMENT, edit


def pages(data, tmp_path) -> dict[str, str]:
    docs = tmp_path / "docs"
    generate(load_catalogue(data), docs, "https://example.org/repo", today=dt.date(2026, 11, 30))
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}


def test_a_document_says_who_published_it_and_keeps_its_errors_visibly(data_copy, tmp_path):
    edit(
        data_copy,
        DOCUMENT,
        "publisher: Regeringen og Vækstforum Test\n",
        "publisher: Regeringen og Vækstforum Test\nsource_notes:\n  - quote: Et nyt fødevare-program\n"
        "    note: Der står 'fødevare-program' med bindestreg i kilden.\n",
    )
    page = pages(data_copy, tmp_path)["dokumenter/aftale-2020/index.md"]
    assert "| Officiel titel | ”Vækstaftale 2020 mellem regeringen og Vækstforum Test” |" in page
    assert "| Udgivet af | Regeringen og Vækstforum Test |" in page
    assert "Ingen kontrolleret netadresse" in page  # no address is made up
    assert "## Fejl i kilden" in page and "”Et nyt fødevare-program” *(sic)*" in page


def test_a_ministry_page_shows_each_step_of_its_name_history_with_its_date(data_copy, tmp_path):
    (data_copy / "ministries/gammelt-ministerium.yml").write_text(
        "id: gammelt-ministerium\nname: Gammelt Ministerium\nkind: ministerium\nsuccessors:\n"
        "  - {to: erhvervsministeriet, change: navneændring, year: 2016, date: 2016-11-28}\n",
        encoding="utf-8",
    )
    page = pages(data_copy, tmp_path)["ministerier/erhvervsministeriet.md"]
    assert "Tidligere navn: [Gammelt Ministerium]" in page
    assert "| 28. november 2016 | navneændring | [Gammelt Ministerium]" in page


def test_an_initiative_shows_when_it_runs_and_how_firm_each_commitment_is(data_copy, tmp_path):
    page = pages(data_copy, tmp_path)["initiativer/nyt-foedevareprogram-2020.md"]
    # the fixture agreement has no end: the period is unknown, and the page says why
    assert "| Periode | **Periode ukendt** – Kilden angiver ingen slutdato for initiativet." in page
    assert "| tilsagn |" in page and "Fasthed efter kildens ordlyd" in page
    assert "Status: *ukendt* – ingen senere kilde her siger noget om" in page
    doc = data_copy / DOCUMENT
    record = yaml.safe_load(doc.read_text(encoding="utf-8"))
    record["valid_until"] = "2021-06-30"
    doc.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    page = pages(data_copy, tmp_path / "again")["initiativer/nyt-foedevareprogram-2020.md"]
    assert (
        "| Periode | **Afsluttet 2021** – Kilden angiver ingen slutdato for initiativet; perioden er afledt af" in page
    )
