"""Amounts ("627,1 mio. kr.", "1,6 mia. kr.") and dates and deadlines ("30. juni 2018", "i efteråret
2015") in a passage, parsed, each with the source's own phrase.

Positions and phrases are those of the passage's canonical form (scripts/data/quotes.py), in which
line breaks are spaces, so a phrase can be looked up in the source as a quote is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from scripts.data.quotes import canonical
from scripts.render.danish import MONTHS

_NUMBER = r"\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?"
_AMOUNT = re.compile(
    rf"(?<![\w.,])(?:(?:ca\.|op til|i alt|knap|godt|over|under)\s*)?(?P<number>{_NUMBER})\s*"
    r"(?:(?P<unit>mia|mio|mill|milliard(?:er)?|million(?:er)?)\.?\s*)?(?P<kr>kr\.?|kroner|DKK)(?!\w)",
    re.IGNORECASE,
)
_UNITS = {
    "mia": 10**9,
    "milliard": 10**9,
    "milliarder": 10**9,
    "mio": 10**6,
    "mill": 10**6,
    "million": 10**6,
    "millioner": 10**6,
}
_DATE = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})\.\s*(?P<month>{'|'.join(MONTHS)})\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.I
)
_PERIOD_WORDS = (
    r"(?:i\s+)?(?:løbet\s+af|starten\s+af|slutningen\s+af|udgangen\s+af|begyndelsen\s+af|foråret|efteråret|"
    r"sommeren|vinteren|forsommeren|sensommeren|første\s+halvår|andet\s+halvår|[1-4]\.\s*kvartal|halvåret)"
)
_DEADLINE = re.compile(
    rf"(?P<phrase>(?:(?:inden|senest|frem\s+til|ultimo|primo|medio)\s+)?(?:{_PERIOD_WORDS}\s+|(?:inden|senest|frem\s+til|"
    r"ultimo|primo|medio|fra|i)\s+)(?:(?P<day>\d{1,2})\.\s*(?P<month>"
    + "|".join(MONTHS)
    + r")\s+)?(?P<year>(?:19|20)\d\d))(?![\d-])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    text: str
    amount_dkk: int | None


@dataclass(frozen=True)
class When:
    text: str
    date: dt.date | None
    year: int


def amounts(passage: str) -> list[Amount]:
    out = []
    for m in _AMOUNT.finditer(canonical(passage)):
        number = float(m.group("number").replace(".", "").replace(",", "."))
        unit = _UNITS.get((m.group("unit") or "").casefold().rstrip("."), 1)
        value = round(number * unit)
        out.append(Amount(m.group().strip(), value if value >= 0 else None))
    return out


def dates(passage: str) -> list[When]:
    """Dates and deadlines, each once; a deadline's phrase takes in its date ("senest 30. juni 2018")."""
    text = canonical(passage)
    found: list[tuple[int, int, When]] = []
    for m in _DEADLINE.finditer(text):
        found.append((m.start(), m.end(), _when(m)))
    for m in _DATE.finditer(text):
        if not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), _when(m)))
    return [w for _, _, w in sorted(found, key=lambda f: f[0])]


def _when(m: re.Match[str]) -> When:
    year = int(m.group("year"))
    date = None
    if m.group("day") and m.group("month"):
        try:
            date = dt.date(year, MONTHS.index(m.group("month").casefold()) + 1, int(m.group("day")))
        except ValueError:
            date = None
    return When(m.group().strip(), date, year)
