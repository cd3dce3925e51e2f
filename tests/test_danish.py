"""Danish for users: counts agree with their number, a span of one year is that year, lists end in "og"."""

from __future__ import annotations

from scripts.render import danish


def test_counts_take_the_singular_for_one():
    assert danish.counted(1, "initiativ", "initiativer") == "1 initiativ"
    assert danish.counted(0, "initiativ", "initiativer") == "0 initiativer"
    assert danish.counted(1350, "tilsagn", "tilsagn") == "1.350 tilsagn"


def test_a_span_within_one_year_is_that_year():
    assert danish.years(2011, 2011) == "2011"
    assert danish.years(2011, 2018) == "2011–2018"


def test_a_listing_ends_in_og():
    assert danish.listing(["A"]) == "A"
    assert danish.listing(["A", "B", "C"]) == "A, B og C"
