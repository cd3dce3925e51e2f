"""Document pages (/dokumenter/<id>/): metadata, sections in source order with their
initiatives, budget figures; and the documents index."""

from __future__ import annotations

from collections.abc import Iterator

from scripts.data.catalogue import Catalogue
from scripts.data.kinds import KINDS
from scripts.render.site import Links, Page, index_page, index_path, names, page_path, quote_anchor


def pages(cat: Catalogue) -> Iterator[Page]:
    for d in cat.documents.values():
        path = page_path("documents", d.id)
        link = Links(cat, path)
        initiatives = cat.initiatives_for("documents", d.id)
        meetings = [m.record for m in cat.mentions("documents", d.id, by="meetings")]
        sections = [
            dict(
                s=s,
                anchor=link.source(d.id, quote_anchor("afsnit-" + s.id)),
                initiatives=[i for i in initiatives if i.section == s.id],
            )
            for s in d.sections
        ]
        yield Page(
            path,
            KINDS["documents"].template,
            data_file=cat.file("documents", d.id),
            draft=cat.is_draft("documents", d.id),
            synonyms=[n for a in d.parties for n in names(cat.actor(a))],
            meta={"type": KINDS["documents"].singular, "dokument": d.short_title, "år": str(cat.year_of(d.id) or "")},
            context=dict(
                d=d,
                link=link,
                year=cat.year_of(d.id),
                sections=sections,
                parties=link.refs("actor", d.parties),
                regions=link.refs("regions", d.regions),
                signatories=[
                    dict(s=s, org=link.ref("actor", s.organisation) if s.organisation else None) for s in d.signatories
                ],
                meetings=link.refs("meetings", meetings),
                source=link.source(d.id),
                count=len(initiatives),
            ),
        )

    link = Links(cat, index_path("documents"))
    yield index_page(
        link,
        "documents",
        context=dict(
            documents=[
                dict(
                    d=d,
                    ref=link.ref("documents", d.id),
                    year=cat.year_of(d.id),
                    count=len(cat.initiatives_for("documents", d.id)),
                )
                for d in cat.documents_in_order()
            ],
        ),
    )
