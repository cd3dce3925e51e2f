"""Every kind of record, in one table: its folder under data/, its model, the address of its
pages, its Danish names, the introduction of its index page, and the template of its pages.

The order is the order records are loaded, reported and offered as downloads.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.data.model import (
    Document,
    Forum,
    Initiative,
    Meeting,
    Ministry,
    Organisation,
    Record,
    Region,
    TargetGroup,
    Theme,
)


@dataclass(frozen=True)
class Kind:
    key: str  # the folder under data/, and the kind's name in code and in the open data
    model: type[Record]
    url: str  # the folder under docs/ and in the site's addresses
    singular: str  # Danish, e.g. the type shown beside a search result
    plural: str  # Danish, the heading of the index page and of the downloads
    template: str  # of the record's own page, in scripts/render/templates/
    intro: str = ""  # the index page's introduction


KINDS: dict[str, Kind] = {
    k.key: k
    for k in (
        Kind(
            "regions",
            Region,
            "regioner",
            "Region",
            "Regioner",
            "entity.md.j2",
            "Regionerne og deres vækstfora, med de aftaler og initiativer, der dækker dem.",
        ),
        Kind("forums", Forum, "vaekstfora", "Vækstforum", "Vækstfora", "entity.md.j2", "De regionale vækstfora."),
        Kind(
            "ministries",
            Ministry,
            "ministerier",
            "Ministerium / styrelse",
            "Ministerier og styrelser",
            "ministry.md.j2",
            "Hvilke ministerier og styrelser har lovet hvad? Navnene er dem, dokumenterne bruger; ministerier, der "
            "siden har skiftet navn, linker til deres senere navne.",
        ),
        Kind(
            "organisations",
            Organisation,
            "organisationer",
            "Organisation",
            "Organisationer",
            "entity.md.j2",
            "Klynger, universiteter, virksomheder, programmer og andre aktører, der er nævnt i dokumenterne.",
        ),
        Kind(
            "themes",
            Theme,
            "temaer",
            "Tema",
            "Temaer",
            "entity.md.j2",
            "Initiativerne ordnet efter tema. Hvert tema viser initiativerne på tværs af alle dokumenter, ældste først.",
        ),
        Kind(
            "target_groups",
            TargetGroup,
            "maalgrupper",
            "Målgruppe",
            "Målgrupper",
            "entity.md.j2",
            "Hvem initiativerne er rettet mod. Vælg den gruppe, din virksomhed eller organisation hører til.",
        ),
        Kind(
            "documents",
            Document,
            "dokumenter",
            "Dokument",
            "Dokumenter",
            "document.md.j2",
            "Aftaler mellem regeringen og de regionale vækstfora, vækstforas egne vækstplaner og referater fra deres "
            "fælles styregruppe, ældste først.",
        ),
        Kind("initiatives", Initiative, "initiativer", "Initiativ", "Initiativer", "initiative.md.j2"),
        Kind(
            "meetings",
            Meeting,
            "moeder",
            "Møde",
            "Møder",
            "meeting.md.j2",
            "Referater fra de regionale vækstforas fælles styregruppe.",
        ),
    )
}

MODELS: dict[str, type[Record]] = {key: kind.model for key, kind in KINDS.items()}
