"""Danish formatting of dates, amounts and numbers for page text."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]


def date(value: dt.date) -> str:
    """15. maj 2013"""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def number(value: int | float | Decimal, decimals: int = 0) -> str:
    """1.350 / 627,1 — '.' groups thousands, ',' is the decimal mark."""
    q = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{q:,.{decimals}f}".partition(".")
    whole = whole.replace(",", ".")
    return f"{whole},{frac}" if frac else whole


def amount(dkk: int) -> str:
    """627100000 → '627,1 mio. kr.'; 1600000000 → '1,6 mia. kr.'; 500000 → '500.000 kr.'"""
    for size, unit in ((10**9, "mia."), (10**6, "mio.")):
        if dkk >= size:
            scaled = Decimal(dkk) / size
            decimals = 0 if scaled == scaled.to_integral() else 1
            if decimals and (scaled * 10) != (scaled * 10).to_integral():
                decimals = 2
            return f"{number(scaled, decimals)} {unit} kr."
    return f"{number(dkk)} kr."


def counted(n: int, singular: str, plural: str) -> str:
    """1 initiativ / 2 initiativer / 1.350 tilsagn"""
    return f"{number(n)} {singular if n == 1 else plural}"


def years(first: int, last: int) -> str:
    """2011–2018, or 2011 when both are the same year"""
    return str(first) if first == last else f"{first}–{last}"


def listing(items: list[str]) -> str:
    """a, b og c"""
    return " og ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)
