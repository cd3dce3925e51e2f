"""The finder for companies (/find/): narrow the initiatives by region, theme, target group,
active year, status and free text; each says whether it has ended, and the page says where a
company finds support today.

What the filters need is in find/initiativer.json (scripts.render.tool_data); assets/finder.js fetches
it, filters, counts, exports CSV and shows the results a page at a time. Without JavaScript the
page lists the first CAP initiatives, and says where the rest are: the theme and target-group
pages and the list of all initiatives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from scripts.data.catalogue import Catalogue
from scripts.data.model import Initiative, StatusValue
from scripts.publish import feeds
from scripts.render import badges
from scripts.render.site import Links, Page
from scripts.render.tool_data import Names, tool_page

PATH = "find/index.md"
DATA = "find/initiativer.json"
CAP = 100  # initiatives listed in the page itself: the real data (74) fits, at 50× the page stays < 200 KB
FOLLOW_PAGE = "foelg/?feed="
MAX_FEEDS = 6  # follow links for at most this many combinations; more: the page asks to narrow the selection

# The facets people can follow (feeds.FACETS, same order): URL parameter and legend.
FACETS = {
    "regions": ("region", "Region"),
    "themes": ("tema", "Tema og branche"),
    "target_groups": ("maalgruppe", "Virksomhedstype og målgruppe"),
}


def entry(cat: Catalogue, i: Initiative, names: Names, today: dt.date) -> dict:
    """What the finder shows and filters on for one initiative; the keys of the facets and
    the status are the finder's URL parameters."""
    years = cat.active_years(i)
    life = badges.lifecycle(cat, i, today)
    # who runs it apart from everyone else the passage names with it
    others = [a for a in dict.fromkeys(i.organisations + i.forums + i.ministries) if a not in i.operators]
    return {
        "title": i.title,
        "href": names.url("initiatives", i.id),
        "life": life["label"],
        "life_state": life["state"],
        "life_why": life["explanation"],
        "summary": i.summary,
        "groups": names.hrefs("target_groups", i.target_groups),
        "when": i.timing.text if i.timing and i.timing.text else "",
        "who": names.hrefs("actor", i.operators),
        "others": names.hrefs("actor", others),
        "regions": names.hrefs("regions", cat.regions_of(i)),
        "funding": "; ".join(f.text for f in i.funding),
        "source": names.href("documents", i.document),
        "status": i.status.value.value,
        "status_why": badges.status_explanation(i.status, cat),
        "region": cat.regions_of(i),
        "tema": i.themes,
        "maalgruppe": i.target_groups,
        "aar": [years.start, years.stop - 1],
        "start": life["start"] or 0,
        "slut": life["end"] or 0,
    }


def pages(cat: Catalogue, today: dt.date) -> Iterator[Page]:
    link = Links(cat, PATH, raw_html=True)  # the list is raw HTML
    names = Names(cat)
    items = [entry(cat, i, names, today) for i in cat.initiatives_in_order()]
    options = dict(
        regions=[
            r
            for r in cat.regions.values()
            if cat.initiatives_for("regions", r.id) or any(r.id in d.regions for d in cat.documents.values())
        ],
        themes=sorted(cat.themes.values(), key=lambda t: t.name.casefold()),
        target_groups=sorted(cat.target_groups.values(), key=lambda g: g.name.casefold()),
    )
    # each choice with its part of the file names of the feeds that follow it
    facets = [
        dict(
            name=FACETS[kind][0],
            legend=FACETS[kind][1],
            options=[(r.id, r.name, feeds.feed_part(kind, r.id)) for r in options[kind]],
        )
        for kind in feeds.FACETS
    ]
    # every year from the first initiative's up to today: a company asking about this year learns
    # that nothing here runs now
    years = list(range(min((x["aar"][0] for x in items), default=today.year), today.year + 1))
    yield tool_page(
        PATH,
        "finder.md.j2",
        "Værktøj",
        DATA,
        "items",
        items,
        CAP,
        names,
        link,
        facets=facets,
        years=years,
        first_year=years[0],
        last_year=max((x["slut"] for x in items), default=0),
        running=sum(1 for x in items if x["life_state"] in ("running", "upcoming")),
        today=today,
        statuses=[s.value for s in StatusValue],
        themes_index=link.index("themes"),
        target_groups_index=link.index("target_groups"),
        initiatives_index=link.index("initiatives"),
        # a feed opens on the page that shows it to people (docs/foelg.md), a calendar as a file
        feed=FOLLOW_PAGE + feeds.feed_path(),
        calendar=feeds.feed_path(ext="ics"),
        # the files of a combination of choices: "{}" stands for their parts, joined by the separator
        follow_feed=FOLLOW_PAGE + feeds.combined_path("{}"),
        follow_calendar=feeds.combined_path("{}", "ics"),
        follow_separator=feeds.SEPARATOR,
        max_feeds=MAX_FEEDS,
    )
