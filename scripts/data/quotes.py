"""Matching verbatim quotes against the extracted source texts.

The sources come from PDFs: words are hyphenated across line breaks and lines are
wrapped anywhere. Both the source and the quote are brought to one canonical form
before comparing, so a quote matches whichever way the maintainer copied it.
"""

from __future__ import annotations

import re
import unicodedata

# "ka-\npitalselskab" is one word; "Erhvervs-\nog Vækstministeriet" is a suspended compound.
SUSPENDED = r"(?:og|eller|samt|til)\b"
_HYPHEN_AT_BREAK = re.compile(rf"[-\u00ad][ \t]*\r?\n\s*(?!{SUSPENDED})")
_HYPHEN = re.compile(r"[-\u00ad]")
_SPACE = re.compile(r"\s+")


def canonical(text: str) -> str:
    """NFC, words joined across line-break hyphens, hyphens ignored, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text)
    text = _HYPHEN_AT_BREAK.sub("", text)
    text = _HYPHEN.sub("", text)
    return _SPACE.sub(" ", text).strip()


def canonical_with_offsets(text: str) -> tuple[str, list[int]]:
    """The canonical form of `text`, and for each of its characters the offset in `text`.

    Used to place anchors in the readable source text at the passage a quote came from.
    """
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        m = _HYPHEN_AT_BREAK.match(text, i)
        if m:
            i = m.end()
            continue
        ch = text[i]
        if _HYPHEN.match(ch):
            i += 1
            continue
        if ch.isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            if out and out[-1] != " ":
                out.append(" ")
                offsets.append(i)
            i = j
            continue
        out.append(ch)
        offsets.append(i)
        i += 1
    while out and out[-1] == " ":
        out.pop()
        offsets.pop()
    return "".join(out), offsets


class SourceText:
    """A source document, searchable by quote."""

    def __init__(self, text: str):
        self.text = text
        self.canonical, self._offsets = canonical_with_offsets(text)

    def contains(self, quote: str) -> bool:
        return canonical(quote) in self.canonical

    def span(self, quote: str) -> tuple[int, int] | None:
        """Start and end offsets in the original text of the first occurrence of `quote`."""
        q = canonical(quote)
        at = self.canonical.find(q) if q else -1
        if at < 0:
            return None
        return self._offsets[at], self._offsets[at + len(q) - 1] + 1
