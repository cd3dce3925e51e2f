"""Meeting pages (/moeder/<id>/): participants and every agenda item with its
recommendation, decision and links to initiatives."""

from __future__ import annotations

from collections.abc import Iterator

from scripts.data.catalogue import Catalogue
from scripts.data.kinds import KINDS
from scripts.render.site import Links, Page, index_page, index_path, names, page_path, quote_anchor


def pages(cat: Catalogue) -> Iterator[Page]:
    for meeting in cat.meetings.values():
        path = page_path("meetings", meeting.id)
        link = Links(cat, path)
        items = []
        for item in meeting.agenda:
            items.append(
                dict(
                    item=item,
                    themes=link.refs("themes", item.themes),
                    organisations=link.refs("organisations", item.organisations),
                    forums=link.refs("forums", item.forums),
                    **link.relations(item.id, item.relations),
                    source=link.source(meeting.document, quote_anchor(item.id)),
                )
            )
        yield Page(
            path,
            KINDS["meetings"].template,
            data_file=cat.file("meetings", meeting.id),
            draft=cat.is_draft("meetings", meeting.id),
            synonyms=[n for f in meeting.forums for n in names(cat.forums[f])],
            meta={
                "type": KINDS["meetings"].singular,
                "dokument": cat.documents[meeting.document].short_title,
                "år": str(meeting.date.year),
            },
            context=dict(
                mt=meeting,
                link=link,
                items=items,
                document=link.ref("documents", meeting.document),
                forums=link.refs("forums", meeting.forums),
            ),
        )

    link = Links(cat, index_path("meetings"))
    yield index_page(
        link,
        "meetings",
        context=dict(
            meetings=[
                dict(mt=m, ref=link.ref("meetings", m.id)) for m in sorted(cat.meetings.values(), key=lambda m: m.date)
            ],
        ),
    )
