"""Ministry and agency pages (/ministerier/<id>/): every initiative and commitment naming it,
grouped by document and year, with the ministry's earlier and later names linked."""

from __future__ import annotations

from collections.abc import Iterator

from scripts.data.catalogue import Catalogue
from scripts.data.commitments import count_firmness, count_statuses
from scripts.data.kinds import KINDS
from scripts.render.site import Links, Page, index_page, index_path, names, page_path


def pages(cat: Catalogue) -> Iterator[Page]:
    for ministry in cat.ministries.values():
        path = page_path("ministries", ministry.id)
        link = Links(cat, path)
        chain = cat.lineage(ministry.id)
        # The ministry under every name in its history, earlier and later: a commitment made by
        # Økonomi- og Erhvervsministeriet in 2011 is found on Erhvervsministeriet's page and the
        # other way round, as the tracker's ministry filter finds them (commitments.Row.in_line).
        names_in_line = chain
        naming = {i.id for m in names_in_line for i in cat.initiatives_for("ministries", m)}
        groups = []
        for doc in cat.documents_in_order():
            items = [i for i in cat.initiatives_by_document().get(doc.id, []) if i.id in naming]
            if not items:
                continue
            commitments = [
                link.commitment(
                    i,
                    n,
                    i=link.ref("initiatives", i.id),
                    as_name=[link.ref("ministries", m) for m in names_in_line if m in c.by and m != ministry.id],
                )
                for i in items
                for n, c in enumerate(i.commitments)
                if set(names_in_line) & set(c.by)
            ]
            groups.append(
                dict(
                    doc=link.ref("documents", doc.id),
                    year=cat.year_of(doc.id),
                    initiatives=items,
                    commitments=commitments,
                )
            )
        counts = count_statuses(c["status"] for g in groups for c in g["commitments"])
        firmness = count_firmness(c["firmness"] for g in groups for c in g["commitments"])
        yield Page(
            path,
            KINDS["ministries"].template,
            data_file=cat.file("ministries", ministry.id),
            draft=cat.is_draft("ministries", ministry.id),
            synonyms=[n for m in chain for n in names(cat.ministries[m])],
            meta={"type": KINDS["ministries"].singular},
            context=dict(
                r=ministry,
                link=link,
                groups=groups,
                parent=link.ref("ministries", ministry.parent) if ministry.parent else None,
                agencies=link.refs(
                    "ministries", sorted(m.record for m in cat.mentions("ministries", ministry.id, field="parent"))
                ),
                predecessors=link.refs("ministries", cat.predecessors(ministry.id)),
                successors=link.refs("ministries", [c.to for c in ministry.successors]),
                lineage=link.refs("ministries", chain) if len(chain) > 1 else [],
                history=[
                    dict(
                        date=c.date,
                        year=c.year,
                        change=c.change,
                        source=link.ref("ministries", m),
                        to=link.ref("ministries", c.to),
                        note=c.note,
                    )
                    for m in chain
                    for c in sorted(cat.ministries[m].successors, key=lambda c: (c.year, c.to))
                ],
                count=sum(len(g["initiatives"]) for g in groups),
                status_counts=counts,
                firmness_counts=firmness,
            ),
        )

    link = Links(cat, index_path("ministries"))
    entries = [
        dict(
            ref=link.ref("ministries", m.id),
            m=m,
            initiatives=len(cat.initiatives_for("ministries", m.id)),
            commitments=sum(1 for i in cat.initiatives_for("ministries", m.id) for c in i.commitments if m.id in c.by),
        )
        for m in sorted(cat.ministries.values(), key=lambda m: m.name.casefold())
    ]
    yield index_page(link, "ministries", context=dict(entries=entries))
