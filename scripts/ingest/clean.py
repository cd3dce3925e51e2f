"""Repair what PDF extraction leaves in a text, so that it reads like the sources in data/sources/.

Kept as extracted, because the quotes are matched across them (scripts/data/quotes.py): line
breaks, words hyphenated at line ends, the private-use bullet glyphs the readable text knows
(scripts/render/readable.py). Repaired: running headers and footers and page numbers (lines that
recur at the top or bottom of the pages), ligatures, control characters, and bullets drawn with
other glyphs ("–", "▪", "➢" …), which become "•" so that every bullet is found alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from scripts.data.quotes import canonical

EDGE = 2  # lines at the top and at the bottom of a page where headers, footers and numbers are
_PAGE_NUMBER = re.compile(r"(?i)^\s*(?:side\s+)?[-–]?\s*\d{1,4}\s*[-–]?\s*(?:(?:af|/)\s*\d{1,4})?\s*$")
_OTHER_BULLET = re.compile(r"^(\s*)[-–—*◦○■□▫➢➤►▶‣⁃·\uf0fc\uf0a8\uf0e0](?=\s+\S)")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class Cleaned:
    text: str
    removed: list[str]  # the header, footer and page-number lines taken out, for the report


def clean(pages: list[str]) -> Cleaned:
    """One text made of the pages, without their running headers, footers and page numbers."""
    pages = [_characters(p) for p in pages]
    lines = [p.split("\n") for p in pages]
    recurring = _recurring(lines)
    kept: list[str] = []
    removed: list[str] = []
    for page in lines:
        edges = _edges(page)
        for i, line in enumerate(page):
            if i in edges and (_key(line) in recurring or (len(lines) > 1 and _PAGE_NUMBER.match(line))):
                removed.append(line.strip())
                continue
            kept.append(_OTHER_BULLET.sub(r"\1•", line).rstrip())
    text = "\n".join(kept)
    return Cleaned(re.sub(r"\n{4,}", "\n\n\n", text).strip("\n") + "\n", [r for r in removed if r])


def _characters(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    return _CONTROL.sub("", text)


def _edges(page: list[str]) -> set[int]:
    """The indexes of the first and last EDGE non-blank lines of a page."""
    filled = [i for i, line in enumerate(page) if line.strip()]
    return set(filled[:EDGE] + filled[-EDGE:])


def _key(line: str) -> str:
    """A line as it recurs on every page: numbers ("Side 3 af 12") may change."""
    return re.sub(r"\d+", "#", canonical(line)).casefold()


def _recurring(pages: list[list[str]]) -> set[str]:
    """Lines at the edges of at least half of the pages (and of two pages at least)."""
    if len(pages) < 2:
        return set()
    counts = Counter(key for page in pages for key in {_key(page[i]) for i in _edges(page)} if key)
    need = max(2, (len(pages) + 1) // 2)
    return {key for key, n in counts.items() if n >= need}
