"""Pages of the records initiatives point at: themes, target groups, regions, growth forums
and organisations. Each lists every initiative naming it, grouped by document, oldest first,
so one sees how a theme evolved across the agreements."""

from __future__ import annotations

from collections.abc import Iterator

from scripts import feeds
from scripts.catalogue import Catalogue
from scripts.site import Links, Page, index_path, names, page_path

# kind → (index page title, introduction of the index page)
KINDS = {
    "themes": ("Temaer", "Initiativerne ordnet efter tema. Hvert tema viser initiativerne på tværs af alle dokumenter, ældste først."),
    "target_groups": ("Målgrupper", "Hvem initiativerne er rettet mod. Vælg den gruppe, din virksomhed eller organisation hører til."),
    "organisations": ("Organisationer", "Klynger, universiteter, virksomheder, programmer og andre aktører, der er nævnt i dokumenterne."),
    "regions": ("Regioner og vækstfora", "Regionerne og deres vækstfora, med de aftaler og initiativer, der dækker dem."),
    "forums": ("Vækstfora", "De regionale vækstfora."),
}


TYPE_LABELS = {"themes": "Tema", "target_groups": "Målgruppe", "organisations": "Organisation",
               "regions": "Region", "forums": "Vækstforum"}


def grouped(cat: Catalogue, kind: str, record_id: str, link: Links):
    """[(document ref, year, [initiatives])] for the initiatives naming the record."""
    by_document: dict[str, list] = {}
    for i in cat.initiatives_for(kind, record_id):  # already in document order
        by_document.setdefault(i.document, []).append(i)
    return [(link.ref("documents", d), cat.year_of(d), items) for d, items in by_document.items()]


def pages(cat: Catalogue) -> Iterator[Page]:
    for kind in KINDS:
        for record in cat.records[kind].values():
            path = page_path(kind, record.id)
            link = Links(cat, path)
            context = dict(kind=kind, r=record, link=link, groups=grouped(cat, kind, record.id, link),
                           count=len(cat.initiatives_for(kind, record.id)), forums=[], region=None,
                           documents=[], meetings=[],
                           feed=link.url(feeds.feed_path({kind: record.id})) if kind in feeds.FACETS else None,
                           calendar=link.url(feeds.feed_path({kind: record.id}, "ics")) if kind in feeds.FACETS else None)
            if kind == "regions":
                context["forums"] = link.refs("forums", [f.id for f in cat.forums.values() if f.region == record.id])
                context["documents"] = link.refs("documents", [d.id for d in cat.documents_in_order()
                                                               if record.id in d.regions])
            if kind == "forums":
                context["region"] = link.ref("regions", record.region)
                context["documents"] = link.refs("documents", [d.id for d in cat.documents_in_order()
                                                               if record.id in d.parties])
                context["meetings"] += link.refs("meetings", [m.id for m in cat.meetings.values()
                                                              if record.id in m.forums])
            if kind in ("organisations", "themes", "forums"):
                # agenda items naming the record: "meetings" lists the items, linked to their anchors
                context["meetings"] += [link.ref("target", item_id) for item_id, (_, item) in cat.agenda_items.items()
                                       if record.id in getattr(item, kind)]
            yield Page(path, "entity.md.j2", data_file=cat.file(kind, record.id), context=context,
                       synonyms=names(record), meta={"type": TYPE_LABELS[kind]})

    for kind, (title, intro) in KINDS.items():
        if kind == "forums":
            continue  # listed on the regions index
        path = index_path(kind)
        link = Links(cat, path)
        entries = [(link.ref(kind, r.id), len(cat.initiatives_for(kind, r.id)))
                   for r in sorted(cat.records[kind].values(), key=lambda r: r.name.casefold())]
        forums = [(link.ref("forums", f.id), len(cat.initiatives_for("forums", f.id)))
                  for f in cat.forums.values()] if kind == "regions" else []
        yield Page(path, "entity_index.md.j2", context=dict(
            title=title, intro=intro, entries=entries, forums=forums, link=link))
