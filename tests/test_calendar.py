"""Calendars hold each deadline as what the source says: a day as that day, a year as the year."""

from __future__ import annotations

import re

from scripts.data.validate import load_catalogue
from scripts.publish import feeds
from tests.test_validate import INITIATIVE, edit


def events(data) -> list[dict[str, str]]:
    calendar = dict(feeds.files(load_catalogue(data), "https://example.org/"))["frister.ics"]
    unfolded = calendar.replace("\r\n ", "")
    return [
        dict(line.split(":", 1) for line in block.strip().split("\r\n") if ":" in line)
        for block in re.findall(r"BEGIN:VEVENT(.*?)END:VEVENT", unfolded, re.S)
    ]


def test_a_deadline_given_as_a_year_spans_the_year_and_is_no_made_up_day(data_copy):
    [event] = events(data_copy)
    assert event["DTSTART;VALUE=DATE"] == "20200101" and event["DTEND;VALUE=DATE"] == "20210101"
    assert event["SUMMARY"].startswith("Frist i løbet af 2020 (i efteråret 2020): Invitere")
    assert event["TRANSP"] == "TRANSPARENT"


def test_a_deadline_given_as_a_date_is_that_day(data_copy):
    edit(
        data_copy,
        INITIATIVE,
        "      year: 2020\n      text: i efteråret 2020\n    quote",
        "      date: 2020-10-01\n      text: i efteråret 2020\n    quote",
    )
    [event] = events(data_copy)
    assert event["DTSTART;VALUE=DATE"] == "20201001" and event["DTEND;VALUE=DATE"] == "20201002"
    assert event["SUMMARY"].startswith("Frist (i efteråret 2020): Invitere")
