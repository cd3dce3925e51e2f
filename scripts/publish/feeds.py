"""Atom feeds of new and changed initiatives, and iCalendar files of commitment deadlines.

One feed and one calendar for every selection the finder offers to follow: each combination of
region × theme × target group, where each of the three is either "any" or one value. Every
combination of the existing values gets its files, also those no initiative matches yet, so
people can follow a selection before anything is in it; no server or account is needed.

    feed.xml, frister.ics                       everything
    feeds/<kind>-<id>.xml, .ics                 one facet, e.g. feeds/themes-foedevarer.xml
    feeds/<kind>-<id>+<kind>-<id>[...].xml, .ics  two or three facets, always in the order of
                                                FACETS: regions, themes, target_groups, e.g.
                                                feeds/regions-region-midtjylland+target_groups-smv.xml

An initiative belongs to a region if it or its document covers it (as in the finder). A feed
holds the LATEST (30) most recently changed initiatives of its selection, newest first; a
calendar holds every dated deadline of the selection. When a record changed is read from git
(the last commit touching its file); records not yet committed, and every record in a shallow
clone (whose history is cut), use the date of their document.

Each initiative's entry and each deadline's event is rendered once and then joined into every
file it belongs to, so the ~2,300 combinations cost little more than the single files did.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from xml.sax.saxutils import escape

from scripts.data.catalogue import Catalogue
from scripts.data.model import Initiative
from scripts.render.site import page_url

FACETS = ("regions", "themes", "target_groups")  # the order of the parts of a combination's file name
SEPARATOR = "+"  # between the parts of a combination's file name
LATEST = 30  # entries per Atom feed: the most recently changed initiatives of the selection

Combination = tuple[str | None, ...]  # one value or None ("any") per facet, in FACETS order


def feed_path(selection: Mapping[str, str | None] | None = None, ext: str = "xml") -> str:
    """The file (relative to the site root) of the feed ("xml") or calendar ("ics") of a
    selection {facet kind: value id}; facets left out or None mean "any"."""
    parts = [feed_part(kind, selection[kind]) for kind in FACETS if selection and selection.get(kind)]
    if not parts:
        return "feed.xml" if ext == "xml" else "frister.ics"
    return combined_path(SEPARATOR.join(parts), ext)


def feed_part(kind: str, value: str) -> str:
    """One chosen value's part of a file name, e.g. "themes-foedevarer"."""
    return f"{kind}-{value}"


def combined_path(parts: str, ext: str = "xml") -> str:
    """The file of a selection of one or more values, given their parts joined by SEPARATOR
    (the finder fills in the parts of its visitors' selections in the browser)."""
    return f"feeds/{parts}.{ext}"


def facet_values(cat: Catalogue, i: Initiative) -> tuple[list[str], ...]:
    """An initiative's values of each facet, in FACETS order."""
    return cat.regions_of(i), i.themes, i.target_groups


def combinations_of(cat: Catalogue, i: Initiative) -> Iterator[Combination]:
    """Every combination whose feed the initiative belongs to."""
    return itertools.product(*[(None, *values) for values in facet_values(cat, i)])


def all_combinations(cat: Catalogue) -> Iterator[Combination]:
    return itertools.product(*[(None, *cat.records[kind]) for kind in FACETS])


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True).stdout


def changed_dates(files: list[Path]) -> dict[Path, dt.datetime]:
    """The last commit time of each file, from one `git log` over their folder.

    None in a shallow clone (as a CI checkout with depth 1): there the oldest commit seems to add
    every file, so every record would get its date; the documents' dates are used instead (see
    updated), and a warning says so."""
    if not files:
        return {}
    top = files[0].parent.parent
    try:
        toplevel, shallow = _git(top, "rev-parse", "--show-toplevel", "--is-shallow-repository").splitlines()
        if shallow == "true":
            print(
                "warning: feed dates come from the documents, not from git, because this is a shallow clone"
                " (git fetch --unshallow fetches the history)",
                file=sys.stderr,
            )
            return {}
        root = Path(toplevel)
        log = _git(root, "log", "--format=#%cI", "--name-only", "--", str(top))
    except (subprocess.CalledProcessError, FileNotFoundError):
        return {}
    dates: dict[Path, dt.datetime] = {}
    when = None
    for line in log.splitlines():
        if line.startswith("#"):
            when = dt.datetime.fromisoformat(line[1:])
        elif line and when:
            dates.setdefault((root / line).resolve(), when)
    return dates


def updated(cat: Catalogue, i: Initiative, dates) -> dt.datetime:
    known = dates.get(cat.file("initiatives", i.id).resolve())
    if known:
        return known
    doc = cat.documents[i.document]
    day = doc.date or dt.date(cat.year_of(i.document) or 2000, 1, 1)
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _entry(cat: Catalogue, i: Initiative, when: dt.datetime, site_url: str) -> str:
    url = page_url("initiatives", i.id)
    return "\n".join(
        [
            "  <entry>",
            f"    <title>{_xml(i.title)}</title>",
            f'    <link href="{_xml(url)}"/>',
            f"    <id>{_xml(site_url + url)}</id>",
            f"    <updated>{when.isoformat()}</updated>",
            f"    <summary>{_xml(cat.documents[i.document].short_title + ': ' + i.summary)}</summary>",
            "  </entry>",
        ]
    )


def atom(title: str, self_path: str, site_url: str, newest: dt.datetime | None, entries: list[str]) -> str:
    """A feed of rendered entries (newest first); `newest` is the first entry's date."""
    newest = newest or dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    return (
        "\n".join(
            [
                '<?xml version="1.0" encoding="utf-8"?>',
                f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da" xml:base="{_xml(site_url)}">',
                f"  <title>{_xml(title)}</title>",
                f'  <link rel="self" href="{_xml(self_path)}"/>',
                f"  <id>{_xml(site_url + self_path)}</id>",
                f"  <updated>{newest.isoformat()}</updated>",
                "  <author><name>Vækstaftaler</name></author>",
                *entries,
                "</feed>",
            ]
        )
        + "\n"
    )


# XML 1.0 allows tab, line breaks and these ranges; anything else makes the whole feed unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# iCalendar TEXT: a line break of any kind is written as \n (RFC 5545, 3.3.11); no other
# control character may appear at all.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def _xml(text: str) -> str:
    """Text for an XML element or attribute. The validator refuses every character XML does not
    allow; should one get here anyway, the build stops rather than publish a broken feed. A
    carriage return is written as a reference, so that XML parsers do not turn it into a line feed."""
    if found := _NOT_XML.search(text):
        raise ValueError(f"U+{ord(found.group()):04X} cannot be written in XML: {text[:60]!r}")
    return escape(text, {'"': "&quot;", "\r": "&#13;"})


def _ics_text(text: str) -> str:
    text = _LINE_BREAK.sub("\n", text)
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    if found := _CONTROL.search(text):
        raise ValueError(f"U+{ord(found.group()):04X} cannot be written in iCalendar: {text[:60]!r}")
    return text


def _fold(line: str) -> str:
    """iCalendar lines are at most 75 octets; longer ones continue on lines starting with a space."""
    if len(line.encode("utf-8")) <= 74:
        return line
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode("utf-8")) > 74:
            out.append(current)
            current = " "
        current += ch
    return "\r\n".join(out + [current])


def deadlines(items: list[Initiative]) -> Iterator[tuple[dt.date, dt.date, str, str, str, Initiative]]:
    """(first day, day after the last, uid, summary, url, initiative) for every commitment with a
    date or a year. A date is that one day; a year alone ("i 2013") is the whole year, never a
    made-up day in it."""
    for i in items:
        for n, c in enumerate(i.commitments, start=1):
            if not c.when or not (c.when.date or c.when.year):
                continue
            phrase = f" ({c.when.text})" if c.when.text else ""
            if c.when.date:
                first, after, what = c.when.date, c.when.date + dt.timedelta(days=1), "Frist"
            else:
                year = c.when.year or 0
                first, after, what = dt.date(year, 1, 1), dt.date(year + 1, 1, 1), f"Frist i løbet af {year}"
            yield first, after, f"{i.id}-{n}", f"{what}{phrase}: {c.what}", page_url("initiatives", i.id), i


def _event(first: dt.date, after: dt.date, uid: str, summary: str, url: str, site_url: str) -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}@vaekstaftaler",
        f"DTSTAMP:{first:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
        f"DTEND;VALUE=DATE:{after:%Y%m%d}",
        "TRANSP:TRANSPARENT",  # a deadline, not a busy time
        f"SUMMARY:{_ics_text(summary)}",
        f"URL:{site_url}{url}",
        "END:VEVENT",
    ]
    return "\r\n".join(_fold(line) for line in lines)


def ics(title: str, events: list[str]) -> str:
    """A calendar of rendered events (in date order)."""
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Vaekstaftaler//Frister//DA",
        "CALSCALE:GREGORIAN",
        _fold(f"X-WR-CALNAME:{_ics_text(title)}"),
    ]
    return "\r\n".join([*head, *events, "END:VCALENDAR"]) + "\r\n"


def _titles(cat: Catalogue, combination: Combination) -> tuple[str, str]:
    """The feed's and the calendar's title."""
    chosen = [cat.records[kind][value].name for kind, value in zip(FACETS, combination, strict=True) if value]
    if not chosen:
        return "Vækstaftaler: nye og ændrede initiativer", "Vækstaftaler: frister"
    title = "Vækstaftaler: " + " · ".join(chosen)
    return title, title + " – frister"


def files(cat: Catalogue, site_url: str) -> Iterator[tuple[str, str]]:
    """(path under the site root, text) of every feed and calendar."""
    dates = changed_dates([cat.file("initiatives", i) for i in cat.initiatives])
    changed = {i.id: updated(cat, i, dates) for i in cat.initiatives.values()}
    newest_first = sorted(cat.initiatives.values(), key=lambda i: (changed[i.id], i.id), reverse=True)
    combinations = {i.id: list(combinations_of(cat, i)) for i in newest_first}

    members: dict[Combination, list[Initiative]] = defaultdict(list)
    for i in newest_first:
        for combination in combinations[i.id]:
            if len(members[combination]) < LATEST:
                members[combination].append(i)
    entries = {i.id: _entry(cat, i, changed[i.id], site_url) for c in members.values() for i in c}

    events: dict[Combination, list[str]] = defaultdict(list)
    for first, after, uid, summary, url, i in sorted(deadlines(cat.initiatives_in_order()), key=lambda e: e[:5]):
        event = _event(first, after, uid, summary, url, site_url)
        for combination in combinations[i.id]:
            events[combination].append(event)

    for combination in all_combinations(cat):
        selection = dict(zip(FACETS, combination, strict=True))
        feed_title, calendar_title = _titles(cat, combination)
        items = members.get(combination, [])
        yield (
            feed_path(selection),
            atom(
                feed_title,
                feed_path(selection),
                site_url,
                changed[items[0].id] if items else None,
                [entries[i.id] for i in items],
            ),
        )
        yield feed_path(selection, "ics"), ics(calendar_title, events.get(combination, []))
