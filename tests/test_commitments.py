"""Overdue commitments are flagged from the date the build is given, not the clock."""

from __future__ import annotations

import datetime as dt

from scripts.data import commitments


def test_deadline_from_date_or_year(catalogue):
    rows = commitments.rows(catalogue, dt.date(2000, 1, 1))
    with_year = [r for r in rows if r.commitment.when and r.commitment.when.year and not r.commitment.when.date]
    assert with_year and all(r.deadline == dt.date(r.commitment.when.year, 12, 31) for r in with_year)


def test_overdue_depends_on_the_date_passed_in(catalogue):
    before = commitments.rows(catalogue, dt.date(2000, 1, 1))
    after = commitments.rows(catalogue, dt.date(2030, 1, 1))
    assert not any(r.overdue for r in before)
    overdue = [r for r in after if r.overdue]
    assert overdue
    assert all(r.deadline < dt.date(2030, 1, 1) for r in overdue)
    assert all(r.commitment.status.value.value in ("aftalt", "ukendt") for r in overdue)
    # a commitment whose status a source confirms is never flagged
    confirmed = [r for r in after if r.commitment.status.value.value == "i gang"]
    assert confirmed and not any(r.overdue for r in confirmed)


def test_status_counts_add_up(catalogue):
    rows = commitments.rows(catalogue, dt.date(2030, 1, 1))
    counts = commitments.status_counts(rows)
    assert sum(counts.values()) == len(rows) == sum(len(i.commitments) for i in catalogue.initiatives.values())
