"""Pages of the records initiatives point at: themes, target groups, regions, growth forums
and organisations. Each lists every initiative naming it, grouped by document, oldest first,
so one sees how a theme evolved across the agreements."""

from __future__ import annotations

from collections.abc import Iterator

from scripts.data.catalogue import Catalogue
from scripts.data.kinds import KINDS
from scripts.publish import feeds
from scripts.render import danish
from scripts.render.site import Links, Page, index_path, names, page_path

# The kinds with a page of this kind; growth forums are listed on the regions' index.
ENTITIES = ("themes", "target_groups", "organisations", "regions", "forums")


# The part a body plays in an initiative, by the initiative's field that names it; a body only
# named (e.g. in `organisations`) plays none of these.
ROLES = {"operators": "driver det", "by": "giver tilsagn", "partners": "samarbejdspartner"}


def grouped(cat: Catalogue, kind: str, record_id: str, link: Links):
    """[(document ref, year, [(initiative ref, [roles])])] for the initiatives naming the record."""
    roles: dict[str, set[str]] = {}
    for m in cat.mentions(kind, record_id, by="initiatives"):
        roles.setdefault(m.record, set()).update([ROLES[m.reference.field]] if m.reference.field in ROLES else [])
    by_document: dict[str, list] = {}
    for i in cat.initiatives_for(kind, record_id):  # already in document order
        role_list = [r for r in ROLES.values() if r in roles.get(i.id, set())]
        by_document.setdefault(i.document, []).append((link.ref("initiatives", i.id), role_list))
    return [(link.ref("documents", d), cat.year_of(d), items) for d, items in by_document.items()]


def _named_elsewhere(cat: Catalogue, kind: str, record_id: str) -> str:
    """Where a record that no initiative names is named instead, for its line in the index."""
    kinds = {m.kind for m in cat.mentions(kind, record_id) if m.kind != "initiatives"}
    where = [label for k, label in (("meetings", "et møde"), ("documents", "en aftale")) if k in kinds]
    return "nævnt i " + " og ".join(where) if where else ""


def pages(cat: Catalogue) -> Iterator[Page]:
    for kind in ENTITIES:
        for record in cat.records[kind].values():
            path = page_path(kind, record.id)
            link = Links(cat, path)
            naming = cat.mentions(kind, record.id)
            facet = kind in feeds.FACETS
            context = dict(
                kind=kind,
                r=record,
                link=link,
                groups=grouped(cat, kind, record.id, link),
                count=len(cat.initiatives_for(kind, record.id)),
                region=link.ref("regions", record.region) if kind == "forums" else None,
                forums=link.refs("forums", [m.record for m in naming if m.kind == "forums"]),
                documents=link.refs(
                    "documents",
                    [
                        d.id
                        for d in cat.documents_in_order()
                        if any(m.kind == "documents" and m.record == d.id for m in naming)
                    ],
                ),
                # the meetings naming it, and the agenda items, linked to their anchors
                meetings=[link.mentioner(m) for m in naming if m.kind == "meetings"],
                # a feed opens on the page that shows it to people (docs/foelg.md)
                feed=link.url("foelg.md", "feed=" + feeds.feed_path({kind: record.id})) if facet else None,
                calendar=link.url(feeds.feed_path({kind: record.id}, "ics")) if facet else None,
                elsewhere=_named_elsewhere(cat, kind, record.id).removeprefix("nævnt i "),
                covered=danish.listing(
                    [cat.regions[g].name for g in sorted({g for d in cat.documents.values() for g in d.regions})]
                ),
            )
            yield Page(
                path,
                KINDS[kind].template,
                data_file=cat.file(kind, record.id),
                draft=cat.is_draft(kind, record.id),
                context=context,
                synonyms=names(record),
                meta={"type": KINDS[kind].singular},
            )

    for kind in ENTITIES:
        if kind == "forums":
            continue  # listed on the regions index
        path = index_path(kind)
        link = Links(cat, path)
        entries = [
            (link.ref(kind, r.id), len(cat.initiatives_for(kind, r.id)), _named_elsewhere(cat, kind, r.id))
            for r in sorted(cat.records[kind].values(), key=lambda r: r.name.casefold())
        ]
        forums = (
            [(link.ref("forums", f.id), len(cat.initiatives_for("forums", f.id))) for f in cat.forums.values()]
            if kind == "regions"
            else []
        )
        title = f"{KINDS[kind].plural} og {KINDS['forums'].plural.lower()}" if forums else KINDS[kind].plural
        yield Page(
            path,
            "entity_index.md.j2",
            context=dict(title=title, intro=KINDS[kind].intro, entries=entries, forums=forums, link=link),
        )
