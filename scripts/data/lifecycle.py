"""When an initiative runs: its start and end years, and what they rest on.

From the initiative's own timing where its phrase gives years ("2016-2018", "i perioden 2014 –
2017", "i 2013"), else derived from its document: the plan's period or the date the agreement is
valid until. Where neither gives an end, the end is unknown — never guessed. "Today" is passed in
by the build, never read here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from scripts.data.model import Document, Initiative

_YEAR = r"(?:19|20)\d\d"
_RANGE = re.compile(rf"({_YEAR})\s*[-–/]\s*({_YEAR})")
_ONE_YEAR = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")

State = Literal["ended", "running", "upcoming", "unknown"]


@dataclass(frozen=True)
class Lifecycle:
    start: int | None
    end: int | None
    basis: Literal["initiative", "document", "none"]  # what the end rests on
    phrase: str | None  # the source's phrase it was read from, if any

    def state(self, today: dt.date) -> State:
        if self.end is None:
            return "unknown"
        if self.end < today.year:
            return "ended"
        if self.start is not None and self.start > today.year:
            return "upcoming"
        return "running"

    def years(self) -> range | None:
        """The years it runs, where both ends are known."""
        if self.start is None or self.end is None:
            return None
        return range(self.start, self.end + 1)


def lifecycle(i: Initiative, doc: Document, document_year: int | None) -> Lifecycle:
    """A range of years in the initiative's timing is its period; a single year ("i 2013") says
    when it starts or happens, not that it ends then, so the end comes from the document."""
    phrase = i.timing.text if i.timing else None
    if phrase and (m := _RANGE.search(phrase)):
        return Lifecycle(int(m.group(1)), int(m.group(2)), "initiative", phrase)
    own_start = None
    if i.timing:
        own_start = i.timing.year or (i.timing.date.year if i.timing.date else None)
        if own_start is None and phrase and (m := _ONE_YEAR.search(phrase)):
            own_start = int(m.group(1))
    start = own_start or (doc.period.start if doc.period else document_year)
    if doc.period:
        return Lifecycle(start, doc.period.end, "document", None)
    if doc.valid_until:
        return Lifecycle(start, doc.valid_until.year, "document", None)
    return Lifecycle(start, None, "none", None)
