"""Source-text pages (/dokumenter/<id>/kildetekst/): the verbatim document, made readable,
with an anchor at every quoted passage that links back to the record quoting it."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from scripts.data.catalogue import Catalogue
from scripts.render.escape import inline
from scripts.render.readable import _MARK, paragraphs
from scripts.render.site import Links, Page, Ref, quote_anchor, source_page_path


def _anchors(cat: Catalogue, document_id: str, link: Links) -> list[tuple[str, str, Ref]]:
    """(quote, anchor id, record it belongs to) for every quote taken from the document."""
    doc = cat.documents[document_id]
    page = link.ref("documents", document_id)
    out = [
        (s.quote, quote_anchor("afsnit-" + s.id), Ref(s.title, Markup(page.href), "sections", s.id))
        for s in doc.sections
    ]
    for i in cat.initiatives_for("documents", document_id):
        ref = link.ref("initiatives", i.id)
        out += [(q, quote_anchor(i.id, n), ref) for n, q in enumerate(i.quotes)]
        out += [(c.quote, quote_anchor(i.id, n, "tilsagn"), ref) for n, c in enumerate(i.commitments)]
    for meeting in cat.meetings.values():
        if meeting.document == document_id:
            for item in meeting.agenda:
                ref = link.ref("target", item.id)
                out += [(q, quote_anchor(item.id, n), ref) for n, q in enumerate(item.quotes)]
    return out


def pages(cat: Catalogue) -> Iterator[Page]:
    for d in cat.documents.values():
        path = source_page_path(d.id)
        link = Links(cat, path)
        source = cat.sources[d.id]
        anchors = _anchors(cat, d.id, link)
        marks: dict[int, list[int]] = {}
        for n, (quote, _, _) in enumerate(anchors):
            marks.setdefault(source.span(quote)[0], []).append(n)

        def render_mark(match) -> str:
            _, anchor, ref = anchors[int(match.group(1))]
            return f'<span id="{anchor}" class="kilde-anker"></span>[↗ {inline(ref.name)}]({ref.href}){{.kilde-link}} '

        text = [Markup(_MARK.sub(render_mark, str(inline(p)))) for p in paragraphs(source.text, marks)]
        yield Page(
            path,
            "source.md.j2",
            data_file=None,
            draft=cat.is_draft("documents", d.id),
            extra_search_terms=False,
            meta={"type": "Kildetekst", "dokument": d.short_title, "år": str(cat.year_of(d.id) or "")},
            context=dict(
                d=d,
                link=link,
                document=link.ref("documents", d.id),
                paragraphs=text,
                source_file=f"data/sources/{d.source}",
            ),
        )
