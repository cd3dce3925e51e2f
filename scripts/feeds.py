"""Atom feeds of new and changed initiatives, and iCalendar files of commitment deadlines.

One feed and one calendar for everything, and one of each per theme, target group and region,
so people can follow what concerns them without a server or an account:
    feed.xml, frister.ics, feeds/<kind>-<id>.xml, feeds/<kind>-<id>.ics

When a record changed is read from git (the last commit touching its file); records not yet
committed use the date of their document.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from scripts.catalogue import Catalogue
from scripts.commitments import deadline
from scripts.model import Initiative
from scripts.site import page_path

FACETS = ("themes", "target_groups", "regions")


def changed_dates(files: list[Path]) -> dict[Path, dt.datetime]:
    """The last commit time of each file, from one `git log` over their folder."""
    if not files:
        return {}
    top = files[0].parent.parent
    try:
        root = Path(subprocess.run(["git", "-C", str(top), "rev-parse", "--show-toplevel"],
                                   capture_output=True, text=True, check=True).stdout.strip())
        log = subprocess.run(["git", "-C", str(root), "log", "--format=#%cI", "--name-only", "--", str(top)],
                             capture_output=True, text=True, check=True).stdout
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


def _page_url(record_id: str) -> str:
    return page_path("initiatives", record_id).removesuffix(".md") + "/"


def _updated(cat: Catalogue, i: Initiative, dates) -> dt.datetime:
    known = dates.get(cat.file("initiatives", i.id).resolve())
    if known:
        return known
    doc = cat.documents[i.document]
    day = doc.date or dt.date(cat.year_of(i.document) or 2000, 1, 1)
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)


def atom(cat: Catalogue, items: list[Initiative], title: str, self_path: str, site_url: str, dates) -> str:
    entries = sorted(((_updated(cat, i, dates), i) for i in items), key=lambda e: (e[0], e[1].id), reverse=True)
    newest = entries[0][0] if entries else dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da" xml:base="{escape(site_url)}">',
           f"  <title>{escape(title)}</title>",
           f'  <link rel="self" href="{escape(self_path)}"/>',
           f"  <id>{escape(site_url + self_path)}</id>",
           f"  <updated>{newest.isoformat()}</updated>",
           "  <author><name>Vækstaftaler</name></author>"]
    for when, i in entries:
        url = _page_url(i.id)
        out += ["  <entry>",
                f"    <title>{escape(i.title)}</title>",
                f'    <link href="{escape(url)}"/>',
                f"    <id>{escape(site_url + url)}</id>",
                f"    <updated>{when.isoformat()}</updated>",
                f"    <summary>{escape(cat.documents[i.document].short_title + ': ' + i.summary)}</summary>",
                "  </entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """iCalendar lines are at most 75 octets; longer ones continue on lines starting with a space."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode("utf-8")) > 74:
            out.append(current)
            current = " "
        current += ch
    return "\r\n".join(out + [current])


def deadlines(cat: Catalogue, items: list[Initiative]) -> Iterator[tuple[dt.date, str, str, str]]:
    """(date, uid, summary, url) for every commitment with a date or a year."""
    for i in items:
        for n, c in enumerate(i.commitments, start=1):
            day = deadline(c)
            if day is None:
                continue
            phrase = f" ({c.when.text})" if c.when.text else ""
            yield day, f"{i.id}-{n}", f"Frist{phrase}: {c.what}", _page_url(i.id)


def ics(cat: Catalogue, items: list[Initiative], title: str, site_url: str) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Vaekstaftaler//Frister//DA", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_ics_text(title)}"]
    for day, uid, summary, url in sorted(deadlines(cat, items)):
        lines += ["BEGIN:VEVENT", f"UID:{uid}@vaekstaftaler", f"DTSTAMP:{day:%Y%m%d}T000000Z",
                  f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"SUMMARY:{_ics_text(summary)}",
                  f"URL:{site_url}{url}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def feed_path(kind: str | None = None, record_id: str | None = None, ext: str = "xml") -> str:
    if kind is None:
        return "feed.xml" if ext == "xml" else "frister.ics"
    return f"feeds/{kind}-{record_id}.{ext}"


def files(cat: Catalogue, site_url: str) -> Iterator[tuple[str, str]]:
    dates = changed_dates([cat.file("initiatives", i) for i in cat.initiatives])
    everything = cat.initiatives_in_order()
    yield feed_path(), atom(cat, everything, "Vækstaftaler: nye og ændrede initiativer", feed_path(), site_url, dates)
    yield feed_path(ext="ics"), ics(cat, everything, "Vækstaftaler: frister", site_url)
    for kind in FACETS:
        for record in cat.records[kind].values():
            items = cat.initiatives_for(kind, record.id)
            title = f"Vækstaftaler: {record.name}"
            yield feed_path(kind, record.id), atom(cat, items, title, feed_path(kind, record.id), site_url, dates)
            yield feed_path(kind, record.id, "ics"), ics(cat, items, title + " – frister", site_url)
