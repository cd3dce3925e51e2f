"""The open-data page (/download/): the files, their fields, the licence and how to cite."""

from __future__ import annotations

from collections.abc import Iterator

from scripts.catalogue import Catalogue
from scripts.export import FOLDER
from scripts.model import KINDS
from scripts.site import Links, Page

LABELS = {
    "regions": "Regioner", "forums": "Vækstfora", "ministries": "Ministerier og styrelser",
    "organisations": "Organisationer", "themes": "Temaer", "target_groups": "Målgrupper",
    "documents": "Dokumenter", "initiatives": "Initiativer", "meetings": "Møder",
}


def _type(annotation) -> str:
    text = str(annotation).replace("typing.", "").replace("scripts.model.", "")
    for long, short in (("Annotated[str, StringConstraints(", "tekst("), ("datetime.date", "dato")):
        text = text.replace(long, short)
    return text if len(text) < 60 else text[:57] + "..."


def pages(cat: Catalogue) -> Iterator[Page]:
    path = f"{FOLDER}/index.md"
    link = Links(cat, path)
    kinds = [dict(kind=kind, label=LABELS[kind], count=len(cat.records[kind]),
                  json=link.to(f"{FOLDER}/{kind}.json"), csv=link.to(f"{FOLDER}/{kind}.csv"),
                  example=link.to(f"{FOLDER}/{kind}/{min(cat.records[kind])}.json") if cat.records[kind] else None,
                  fields=[dict(name=name, type=_type(f.annotation), required=f.is_required(),
                               description=f.description or "")
                          for name, f in model.model_fields.items()])
             for kind, model in KINDS.items()]
    yield Page(path, "opendata.md.j2", context=dict(
        link=link, kinds=kinds, commitments=link.to(f"{FOLDER}/tilsagn.csv"), feed=link.to("feed.xml")))
