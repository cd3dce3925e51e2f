"""Open data: every record kind as CSV and JSON, and one JSON file per record.

Files (written into the built site by scripts.publish.downloads, published at /download/):
- <kind>.json — a list of all records, exactly the fields of data/<kind>/*.yml;
- <kind>.csv — one row per record, `;`-separated and UTF-8 with BOM so Danish Excel opens
  æ/ø/å correctly; lists and nested fields are JSON in their cell, so nothing is lost; a cell
  that a spreadsheet would run as a formula starts with an apostrophe (see `neutralise`);
- <kind>/<id>.json — one record, at a URL derived from its id;
- initiativer.csv and tilsagn.csv — for people with a spreadsheet: one row per initiative or
  commitment, Danish headers, names instead of ids, period, status, regions and budget, and an
  absolute link to the page on the site.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import types
import typing
from collections.abc import Iterator

from pydantic import BaseModel

from scripts.data import commitments
from scripts.data.catalogue import Catalogue
from scripts.data.kinds import MODELS
from scripts.render import badges
from scripts.render.site import page_url

FOLDER = "download"
BOM = "\ufeff"
# Spreadsheets run a cell that starts with one of these as a formula (OWASP: CSV injection), so
# such a cell gets a leading apostrophe, which they show as text. A cell that starts with an
# apostrophe gets one too, so that `from_csv` gives back exactly the text that was written.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def record_json(record) -> dict:
    return record.model_dump(mode="json", exclude_defaults=False)


def to_csv(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    out.write(BOM)
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _cell(row.get(c)) for c in columns})
    return out.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return neutralise(str(value))


def neutralise(text: str) -> str:
    """The text as a CSV cell that no spreadsheet runs as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _uncell(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def _nested_fields(model) -> set[str]:
    """Fields whose values are lists or objects, written as JSON in their CSV cell."""
    nested = set()
    for name, field in model.model_fields.items():
        ann = field.annotation
        for t in (
            ann,
            *(
                typing.get_args(ann)
                if isinstance(ann, types.UnionType) or typing.get_origin(ann) is typing.Union
                else ()
            ),
        ):
            if typing.get_origin(t) in (list, dict) or (isinstance(t, type) and issubclass(t, BaseModel)):
                nested.add(name)
    return nested


def from_csv(text: str, kind: str) -> list[dict]:
    """Read a CSV written by `to_csv` back into records' fields (used by the round-trip test)."""
    nested = _nested_fields(MODELS[kind])
    rows = []
    for row in csv.DictReader(io.StringIO(text.removeprefix(BOM)), delimiter=";"):
        rows.append(
            {
                name: (json.loads(value) if name in nested else _uncell(value)) if value != "" else None
                for name, value in row.items()
            }
        )
    return rows


def _names(cat: Catalogue, kind: str, ids) -> str:
    return ", ".join(cat.records[kind][i].name for i in ids)


def _actors(cat: Catalogue, ids) -> str:
    return ", ".join(cat.actor(a).name for a in ids)


def initiative_rows(cat: Catalogue, today: dt.date, site_url: str) -> list[dict]:
    rows = []
    for i in cat.initiatives_in_order():
        life = badges.lifecycle(cat, i, today)
        rows.append(
            {
                "Initiativ": i.title,
                "Resumé": i.summary,
                "Dokument": cat.documents[i.document].short_title,
                "År": cat.year_of(i.document) or "",
                "Periode": life["label"],
                "Periode bygger på": life["explanation"],
                "Status": i.status.value.value,
                "Status betyder": badges.status_explanation(i.status, cat),
                "Drives af": _actors(cat, i.operators),
                "Ministerier": _names(cat, "ministries", i.ministries),
                "Vækstfora": _names(cat, "forums", i.forums),
                "Andre aktører": _names(cat, "organisations", [o for o in i.organisations if o not in i.operators]),
                "Regioner": _names(cat, "regions", cat.regions_of(i)),
                "Temaer": _names(cat, "themes", i.themes),
                "Målgrupper": _names(cat, "target_groups", i.target_groups),
                "Økonomi": "; ".join(f.text for f in i.funding),
                "Tilsagn": len(i.commitments),
                "Link": site_url + page_url("initiatives", i.id),
            }
        )
    return rows


def commitment_rows(cat: Catalogue, today: dt.date, site_url: str) -> list[dict]:
    out = []
    for r in commitments.rows(cat, today):
        i, c = r.initiative, r.commitment
        out.append(
            {
                "initiativ": i.title,
                "tilsagn_nr": r.number + 1,
                "dokument": cat.documents[i.document].short_title,
                "år": r.year,
                "hvem": _actors(cat, c.by),
                "underskrevet_for_regeringen_af": _names(cat, "ministries", r.signed_for),
                "samarbejdspartnere": _actors(cat, c.partners),
                "hvad": c.what,
                "fasthed": c.firmness.value,
                "frist": c.when.date.isoformat()
                if c.when and c.when.date
                else (c.when.year if c.when and c.when.year else ""),
                "frist_tekst": c.when.text if c.when and c.when.text else "",
                "underforstået_frist": r.deadline.isoformat() if r.implied and r.deadline else "",
                "frist_passeret": "ja" if r.overdue else "nej",
                "status": c.status.value.value,
                "status_kilde": cat.documents[c.status.source].short_title if c.status.source else "",
                "citat": c.quote,
                "link": site_url + page_url("initiatives", i.id),
            }
        )
    return out


def files(cat: Catalogue, today: dt.date, site_url: str) -> Iterator[tuple[str, str]]:
    """(path under the site root, text) for every open-data file; `site_url` makes the links in
    the spreadsheets absolute, `today` says which initiatives have ended."""
    for kind, model in MODELS.items():
        records = [record_json(r) for r in sorted(cat.records[kind].values(), key=lambda r: r.id)]
        yield f"{FOLDER}/{kind}.json", json.dumps(records, ensure_ascii=False) + "\n"
        yield f"{FOLDER}/{kind}.csv", to_csv(records, list(model.model_fields))
        for r in records:
            yield f"{FOLDER}/{kind}/{r['id']}.json", json.dumps(r, ensure_ascii=False) + "\n"
    for name, rows in (
        ("initiativer.csv", initiative_rows(cat, today, site_url)),
        ("tilsagn.csv", commitment_rows(cat, today, site_url)),
    ):
        yield f"{FOLDER}/{name}", to_csv(rows, list(rows[0]) if rows else ["initiativ"])
