"""Initiative pages (/initiativer/<id>/) and the initiatives index."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from scripts.data.catalogue import Catalogue
from scripts.data.kinds import KINDS
from scripts.render import badges
from scripts.render.site import Links, Page, index_page, index_path, names, page_path, quote_anchor
from scripts.search.related import related


def pages(cat: Catalogue, today: dt.date, part: int = 0, parts: int = 1) -> Iterator[Page]:
    """Every `parts`-th initiative's page from the `part`-th on, so processes can share the
    work; part 0 also makes the index."""
    mine = list(cat.initiatives.values())[part::parts]
    similar = related(cat, [i.id for i in mine])
    for i in mine:
        path = page_path("initiatives", i.id)
        link = Links(cat, path)
        document = cat.documents[i.document]
        linked = [
            cat.records[kind][rid]
            for kind in ("themes", "target_groups", "organisations", "ministries", "forums", "regions")
            for rid in getattr(i, kind)
        ]
        linked += [cat.actor(a) for c in i.commitments for a in c.by]
        yield Page(
            path,
            KINDS["initiatives"].template,
            data_file=cat.file("initiatives", i.id),
            draft=cat.is_draft("initiatives", i.id),
            # the names of what it links to, and the words of its commitments' quotes, which the
            # page links to rather than shows ("Femern Bælt" is found here, not only in the source)
            synonyms=[n for r in linked for n in names(r)] + [c.quote for c in i.commitments],
            meta={
                "type": KINDS["initiatives"].singular,
                "dokument": cat.documents[i.document].short_title,
                "år": str(cat.year_of(i.document) or ""),
            },
            context=dict(
                i=i,
                link=link,
                document=link.ref("documents", i.document),
                year=cat.year_of(i.document),
                life=badges.lifecycle(cat, i, today),
                section=next(s for s in document.sections if s.id == i.section),
                fields=(fields := link.fields("initiatives", i.id)),
                # who runs it is named once, apart from the others
                other_organisations=[r for r in fields["organisations"] if r not in fields["operators"]],
                named_by=link.named_by("initiatives", i.id),
                commitments=[
                    link.commitment(i, n, by=link.refs("actor", i.commitments[n].by)) for n in range(len(i.commitments))
                ],
                **link.relations(i.id, i.relations),
                related=link.refs("initiatives", similar[i.id]),
                quotes=[
                    dict(text=q, href=link.source(i.document, quote_anchor(i.id, n))) for n, q in enumerate(i.quotes)
                ],
            ),
        )

    if part:
        return
    link = Links(cat, index_path("initiatives"))
    by_document = [
        (link.ref("documents", d.id), cat.year_of(d.id), cat.initiatives_by_document().get(d.id, []))
        for d in cat.documents_in_order()
    ]
    yield index_page(
        link,
        "initiatives",
        context=dict(
            by_document=[g for g in by_document if g[2]],
            count=len(cat.initiatives),
        ),
    )
