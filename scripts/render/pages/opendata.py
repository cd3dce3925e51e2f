"""The open-data page (/download/): the files, their fields, the feeds and calendars, the licence
and how to cite."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from scripts.data.catalogue import Catalogue
from scripts.data.kinds import KINDS
from scripts.publish import feeds
from scripts.publish.export import FOLDER
from scripts.render.site import Links, Page

_TYPES = {
    "string": "tekst",
    "integer": "heltal",
    "number": "tal",
    "boolean": "ja/nej",
    "array": "liste",
    "object": "objekt",
    "null": "",
}


def _type(schema: dict) -> str:
    """A field's type in Danish, read from the JSON Schema generated from the model."""
    options = schema.get("anyOf", [schema])
    names = []
    for option in options:
        if option.get("format") == "date":
            names.append("dato")
        elif "$ref" in option:
            names.append("objekt")
        elif "enum" in option:
            names.append("en af: " + ", ".join(map(str, option["enum"])))
        else:
            names.append(_TYPES.get(option.get("type", "object"), option.get("type", "")))
    return " eller ".join(n for n in names if n) or "objekt"


@functools.cache
def _schema_properties(model: type) -> dict[str, dict]:
    """The JSON Schema of each field of a model, generated once per model in a process, not once
    per field (pydantic takes milliseconds for each; the model does not change while serving)."""
    return model.model_json_schema()["properties"]


def pages(cat: Catalogue) -> Iterator[Page]:
    path = f"{FOLDER}/index.md"
    link = Links(cat, path)
    kinds = [
        dict(
            kind=kind,
            label=spec.plural,
            count=len(cat.records[kind]),
            json=link.url(f"{FOLDER}/{kind}.json"),
            csv=link.url(f"{FOLDER}/{kind}.csv"),
            example=link.url(f"{FOLDER}/{kind}/{min(cat.records[kind])}.json") if cat.records[kind] else None,
            fields=[
                dict(
                    name=name,
                    type=_type(_schema_properties(spec.model)[name]),
                    required=f.is_required(),
                    description=f.description or "",
                )
                for name, f in spec.model.model_fields.items()
            ],
        )
        for kind, spec in KINDS.items()
    ]
    yield Page(
        path,
        "opendata.md.j2",
        context=dict(
            link=link,
            kinds=kinds,
            commitments=link.url(f"{FOLDER}/tilsagn.csv"),
            initiatives=link.url(f"{FOLDER}/initiativer.csv"),
            feed=link.url("foelg.md", "feed=" + feeds.feed_path()),
            calendar=link.url(feeds.feed_path(ext="ics")),
            latest=feeds.LATEST,
            finder=link.to("find/index.md"),
        ),
    )
