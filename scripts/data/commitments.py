"""Commitments as the tracker sees them: who promised what, by when, and where it stands.

A commitment without a deadline of its own has its agreement's end as an implied deadline
(shown as implied). A commitment whose deadline has passed while its status is still "aftalt" or
"ukendt" is flagged as overdue or unverified. "Today" is passed in by the build, never read here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from scripts.data.catalogue import Catalogue
from scripts.data.model import Commitment, Document, Firmness, Initiative, Status, StatusValue

OPEN = (StatusValue.aftalt, StatusValue.ukendt)


@dataclass(frozen=True)
class Row:
    initiative: Initiative
    number: int  # 0-based position in the initiative's commitments
    commitment: Commitment
    year: int
    ministries: tuple[str, ...]  # ministry ids among `by`, as the source names them
    in_line: tuple[str, ...]  # those and every earlier and later name of theirs (Catalogue.lineage)
    signed_for: tuple[str, ...]  # for a commitment of "Regeringen": the ministries that signed the document
    deadline: dt.date | None  # the stated date, 31 December of the stated year, or the implied one
    implied: bool  # the deadline is the document's end, not the commitment's own
    overdue: bool


def deadline(c: Commitment) -> dt.date | None:
    if c.when and c.when.date:
        return c.when.date
    if c.when and c.when.year:
        return dt.date(c.when.year, 12, 31)
    return None


def document_end(doc: Document) -> dt.date | None:
    """The last day an agreement or plan runs: "gælder til 30. juni 2018", or its period's end."""
    if doc.valid_until:
        return doc.valid_until
    if doc.period:
        return dt.date(doc.period.end, 12, 31)
    return None


def rows(cat: Catalogue, today: dt.date) -> list[Row]:
    out = []
    for i in cat.initiatives_in_order():
        doc = cat.documents[i.document]
        signed_for = tuple(
            s.organisation for s in doc.signatories if s.organisation and s.organisation in cat.ministries
        )
        for n, c in enumerate(i.commitments):
            own = deadline(c)
            due = own or document_end(doc)
            ministries = tuple(a for a in c.by if a in cat.ministries)
            out.append(
                Row(
                    i,
                    n,
                    c,
                    cat.year_of(i.document) or 0,
                    ministries,
                    tuple(dict.fromkeys(x for m in ministries for x in cat.lineage(m))),
                    tuple(m for m in signed_for if cat.ministries[m].kind != "regeringen")
                    if any(cat.ministries[m].kind == "regeringen" for m in ministries)
                    else (),
                    due,
                    implied=own is None and due is not None,
                    overdue=bool(due and due < today and c.status.value in OPEN),
                )
            )
    return out


def status_counts(rows: list[Row]) -> dict[str, int]:
    return count_statuses(r.commitment.status for r in rows)


def firmness_counts(rows: list[Row]) -> dict[str, int]:
    return count_firmness(r.commitment.firmness.value for r in rows)


def count_firmness(values: Iterable[str]) -> dict[str, int]:
    """How many commitments of each firmness, firmest first, every level listed."""
    counts = {f.value: 0 for f in Firmness}
    for value in values:
        counts[value] += 1
    return counts


def count_statuses(statuses: Iterable[Status]) -> dict[str, int]:
    """How many of each status value, every value listed (also those counted 0)."""
    counts = {s.value: 0 for s in StatusValue}
    for status in statuses:
        counts[status.value.value] += 1
    return counts
