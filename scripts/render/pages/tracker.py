"""The commitments tracker (/tilsagn/): every commitment in one filterable, sortable table,
progress per ministry, a region × ministry matrix, and a timeline of documents, deadlines and
meetings.

The table's rows are in tilsagn/tilsagn.json (scripts.render.tool_data); assets/tracker.js fetches it,
filters and sorts all rows and shows them a page at a time. Without JavaScript the page lists
the first CAP commitments and points to the ministry pages and the CSV file for the rest.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from scripts.data import commitments
from scripts.data.catalogue import Catalogue
from scripts.data.model import Firmness, StatusValue
from scripts.render import danish
from scripts.render.site import Links, Page, quote_anchor
from scripts.render.timeline_chart import timeline_chart
from scripts.render.tool_data import Names, tool_page

STATUSES = [s.value for s in StatusValue]
PATH = "tilsagn/index.md"
DATA = "tilsagn/tilsagn.json"
CAP = 160  # commitments listed in the page itself: the real data (140) fits, at 50× the page stays < 200 KB


def pages(cat: Catalogue, today: dt.date) -> Iterator[Page]:
    rows = commitments.rows(cat, today)
    yield _table(cat, rows, today)
    yield _matrix(cat, rows)
    yield _timeline(cat, rows)


def entry(cat: Catalogue, r: commitments.Row, names: Names) -> dict:
    """What the tracker shows, sorts and filters on for one commitment; the keys of the filters
    are the tracker's URL parameters."""
    i, c = r.initiative, r.commitment
    return {
        "document": names.href("documents", i.document),
        "aar": r.year,
        "by": names.hrefs("actor", c.by),
        "signed_for": names.hrefs("ministries", r.signed_for),
        "what": c.what,
        "fasthed": c.firmness.value,
        "source": names.source(i.document, quote_anchor(i.id, r.number, "tilsagn")),
        "deadline": _deadline(r),
        "implied": (
            f"Ingen egen frist; {cat.documents[i.document].short_title} gælder til {danish.date(r.deadline)}"
            if r.implied and r.deadline
            else ""
        ),
        "frist": r.deadline.isoformat() if r.deadline else "",
        "frist_passeret": "ja" if r.overdue else "nej",
        "status": c.status.value.value,
        "status_source": names.href("documents", c.status.source) if c.status.source else "",
        "overdue": r.overdue,
        "initiative": names.href("initiatives", i.id),
        "ministerium": list(r.in_line),  # found under every name in the ministries' history
        "dokument": i.document,
        "tema": i.themes,
        "region": cat.regions_of(i),
    }


def _deadline(r: commitments.Row) -> str:
    """The commitment's own timing as the source gives it: its phrase ("i efteråret 2013"), else
    its date or year (never a made-up day)."""
    when = r.commitment.when
    if r.implied or not when:
        return ""
    if when.text:
        return f"”{when.text}”"
    return danish.date(when.date) if when.date else str(when.year or "")


def _table(cat: Catalogue, rows, today: dt.date) -> Page:
    link = Links(cat, PATH)
    hlink = Links(cat, PATH, raw_html=True)  # the table is raw HTML
    names = Names(cat)
    items = [entry(cat, r, names) for r in rows]
    by_ministry = defaultdict(list)
    for r in rows:
        for m in r.ministries:
            by_ministry[m].append(r)
    progress = [
        dict(
            ref=link.ref("ministries", m),
            counts=commitments.status_counts(by_ministry[m]),
            firmness=commitments.firmness_counts(by_ministry[m]),
            total=len(by_ministry[m]),
            lineage=link.refs("ministries", cat.lineage(m)) if len(cat.lineage(m)) > 1 else [],
        )
        for m in sorted(by_ministry, key=lambda m: cat.ministries[m].name.casefold())
    ]
    filters = dict(
        ministerium=[
            (m, cat.ministries[m].name)
            for m in sorted({m for r in rows for m in r.in_line}, key=lambda m: cat.ministries[m].name.casefold())
        ],
        dokument=[(d.id, d.short_title) for d in cat.documents_in_order()],
        aar=[(str(y), str(y)) for y in sorted({r.year for r in rows})],
        status=[(s, s) for s in STATUSES],
        frist_passeret=[("ja", "frist passeret"), ("nej", "ikke passeret")],
        fasthed=[(f.value, f.value) for f in Firmness],
        tema=[(t.id, t.name) for t in sorted(cat.themes.values(), key=lambda t: t.name.casefold())],
        region=[(g.id, g.name) for g in cat.regions.values()],
    )
    return tool_page(
        PATH,
        "tracker.md.j2",
        "Oversigt",
        DATA,
        "rows",
        items,
        CAP,
        names,
        hlink,
        link=link,
        counts=commitments.status_counts(rows),
        firmness_counts=commitments.firmness_counts(rows),
        firmness_levels=[f.value for f in Firmness],
        progress=progress,
        statuses=STATUSES,
        filters=filters,
        today=today,
        overdue=sum(r.overdue for r in rows),
        implied=sum(r.implied for r in rows),
        csv=link.url("download/tilsagn.csv"),
        ministries_index=hlink.index("ministries"),
        matrix=link.to("tilsagn/matrix.md"),
        timeline=link.to("tilsagn/tidslinje.md"),
    )


def _matrix(cat: Catalogue, rows) -> Page:
    """Commitments per ministry and region. A row is a ministry under all its names (as the
    tracker's filter finds it), named by its latest; totals count each commitment once."""
    path = "tilsagn/matrix.md"
    link = Links(cat, path)
    hlink = Links(cat, path, raw_html=True)
    lines = {}
    for r in rows:
        for m in r.ministries:
            latest = cat.lineage(m)[-1]
            lines.setdefault(latest, cat.lineage(latest))
    regions = [g for g in cat.regions.values() if any(g.id in cat.regions_of(r.initiative) for r in rows)]

    def count(line, region=None) -> int:
        return sum(
            1 for r in rows if set(r.in_line) & set(line) and (region is None or region in cat.regions_of(r.initiative))
        )

    table = [
        dict(
            ref=hlink.ref("ministries", latest),
            earlier=hlink.refs("ministries", line[:-1]),
            cells=[
                dict(
                    count=count(line, g.id),
                    href=hlink.url("tilsagn/index.md", f"ministerium={latest}&region={g.id}"),
                    region=g.name,
                )
                for g in regions
            ],
            total=count(line),
        )
        for latest, line in sorted(lines.items(), key=lambda kv: cat.ministries[kv[0]].name.casefold())
    ]
    with_ministry = [r for r in rows if r.ministries]
    totals = [sum(1 for r in with_ministry if g.id in cat.regions_of(r.initiative)) for g in regions]
    return Page(
        path,
        "tracker_matrix.md.j2",
        meta={"type": "Oversigt"},
        context=dict(
            link=link,
            regions=hlink.refs("regions", [g.id for g in regions]),
            table=table,
            totals=totals,
            total=len(with_ministry),
            tracker=link.to("tilsagn/index.md"),
        ),
    )


def _timeline(cat: Catalogue, rows) -> Page:
    path = "tilsagn/tidslinje.md"
    link = Links(cat, path)
    years: dict[int, list[dict]] = defaultdict(list)
    for d in cat.documents_in_order():
        year = cat.year_of(d.id)
        if year is None:  # undated (a draft under `make serve` may be): no year to list it in
            continue
        follows = sorted(
            {
                r.target
                for i in cat.initiatives_for("documents", d.id)
                for r in i.relations
                if r.type.value == "follows_up"
            }
        )
        years[year].append(
            dict(
                kind="Dokument",
                date=d.date,
                ref=link.ref("documents", d.id),
                follows=[link.ref("target", t) for t in follows],
            )
        )
    for m in cat.meetings.values():
        follows = sorted({r.target for item in m.agenda for r in item.relations if r.type.value == "follows_up"})
        years[m.date.year].append(
            dict(
                kind="Møde",
                date=m.date,
                ref=link.ref("meetings", m.id),
                follows=[link.ref("target", t) for t in follows],
            )
        )
    for r in rows:
        if r.deadline:
            years[r.deadline.year].append(
                dict(
                    kind="Frist",
                    date=r.deadline if r.implied else r.commitment.when.date if r.commitment.when else None,
                    ref=link.ref("initiatives", r.initiative.id),
                    what=r.commitment.what,
                    phrase=r.commitment.when.text if r.commitment.when else None,
                    implied=r.implied,
                    overdue=r.overdue,
                    follows=[],
                )
            )
    ordered = [(y, sorted(years[y], key=lambda e: (e["date"] or dt.date(y, 12, 31), e["kind"]))) for y in sorted(years)]
    return Page(
        path,
        "tracker_timeline.md.j2",
        meta={"type": "Oversigt"},
        context=dict(link=link, years=ordered, chart=timeline_chart(ordered), tracker=link.to("tilsagn/index.md")),
    )
