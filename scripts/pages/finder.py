"""The finder for companies (/find/): narrow the initiatives by region, theme, target group,
active year, status and free text. The page lists every initiative as plain HTML with its
facets in data attributes; assets/finder.js adds the filters. Without JavaScript the full
list and the per-theme and per-target-group pages remain."""

from __future__ import annotations

from collections.abc import Iterator

from scripts import feeds
from scripts.catalogue import Catalogue
from scripts.model import Initiative, StatusValue
from scripts.site import Links, Page


def active_years(cat: Catalogue, i: Initiative) -> range:
    """The years an initiative is active: from its document's year to the latest year the
    document or the initiative gives (period end, valid until, timing, commitment deadlines)."""
    doc = cat.documents[i.document]
    start = cat.year_of(i.document) or 0
    ends = [start, doc.period.end if doc.period else 0, doc.valid_until.year if doc.valid_until else 0,
            i.timing.year if i.timing and i.timing.year else 0]
    ends += [c.when.year or (c.when.date.year if c.when.date else 0) for c in i.commitments if c.when]
    return range(start, max(ends) + 1)


def pages(cat: Catalogue) -> Iterator[Page]:
    path = "find/index.md"
    link = Links(cat, path, raw_html=True)  # the list is raw HTML, for its data attributes
    items = []
    for i in cat.initiatives_in_order():
        operators = list(dict.fromkeys(i.organisations + i.forums + i.ministries))
        items.append(dict(
            i=i, ref=link.ref("initiatives", i.id), document=link.ref("documents", i.document),
            year=cat.year_of(i.document), years=active_years(cat, i),
            target_groups=link.refs("target_groups", i.target_groups), themes=i.themes, regions=cat.regions_of(i),
            operators=link.refs("actor", operators),
        ))
    # URL parameter → (feed kind, options); the feed kind names the per-value Atom and iCal files
    facets = dict(
        region=[(r.id, r.name) for r in cat.regions.values() if cat.initiatives_for("regions", r.id)
                or any(r.id in d.regions for d in cat.documents.values())],
        tema=[(t.id, t.name) for t in sorted(cat.themes.values(), key=lambda t: t.name.casefold())],
        maalgruppe=[(g.id, g.name) for g in sorted(cat.target_groups.values(), key=lambda g: g.name.casefold())],
    )
    years = sorted({y for x in items for y in x["years"]})
    yield Page(path, "finder.md.j2", meta={"type": "Værktøj"}, front_matter={"hide": ["navigation", "toc"], "search_exclude": True}, context=dict(
        items=items, facets=facets, years=years, statuses=[s.value for s in StatusValue],
        themes_index=link.index("themes"), target_groups_index=link.index("target_groups"),
        root=link.url("index.md"), feed=link.to(feeds.feed_path()), calendar=link.to(feeds.feed_path(ext="ics")),
    ))
