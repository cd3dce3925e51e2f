"""Which bullets, headings and commitment sentences of the source texts have a record quoting them.

    python -m scripts coverage

Every bullet (•, , o), markdown list item, numbered or lettered heading ("1.", "a)"),
markdown heading, and short heading line inside an "Initiativer" block must be the start
of some quote in a record of its document, or be listed in the document's
`coverage_exclusions` with a reason. So must every sentence of running text worded as a
commitment ("vil", "skal", "er enige om", "forpligter sig": scripts/data/wording.py), which a
record must quote at least in part.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from dataclasses import dataclass

from scripts.data.catalogue import Catalogue
from scripts.data.quotes import canonical
from scripts.data.validate import load
from scripts.data.wording import commits
from scripts.render.readable import BULLETS

PREFIX = 40  # characters of an item that a quote must contain

_BULLETED = re.compile(rf"^\s*(?:[{BULLETS}]|o\s|-\s|#{{1,6}}\s)\s*(?P<text>.+?)\s*$")
# Where extraction dropped the bullet glyph, a bullet is a line indented by exactly one space.
_LOST_GLYPH = re.compile(r"^ (?P<text>\S.*?)\s*$")
_NUMBERED = re.compile(r"^\s*(?P<text>(?:\d{1,2}\.|[a-h]\))\s+\S.*?)\s*$")
_INITIATIVE_BLOCK = re.compile(r"^\s*Initiativer\b")
_BLOCK_END = re.compile(r"^\s*(Effekt|Forventet effekt|Økonomi)\b")


@dataclass(frozen=True)
class Item:
    document: str
    line: int
    text: str
    sentence: bool = False  # a commitment sentence of running text, not a bullet or heading


def _after_sentence(lines: list[str], n: int) -> bool:
    """Line n (1-based) starts a new block: the text before it ended a sentence or a list item,
    so a one-space indent there is a lost bullet, not the first line of a new page mid-sentence."""
    for previous in reversed(lines[: n - 1]):
        if previous.strip():
            return bool(re.search(r"[.:!?]\s*$", previous))
    return True


def items(text: str, document_id: str) -> list[Item]:
    """The bullets and headings of one source text."""
    found: list[Item] = []
    lines = text.splitlines()
    in_block = False
    for n, line in enumerate(lines, start=1):
        if _INITIATIVE_BLOCK.match(line):
            in_block = True
            continue
        if _BLOCK_END.match(line):
            in_block = False
        m = (
            _BULLETED.match(line)
            or _NUMBERED.match(line)
            or (_LOST_GLYPH.match(line) if _after_sentence(lines, n) else None)
        )
        if m:
            body = re.sub(r"[*#]+", "", m.group("text")).strip()
            if len(canonical(body)) >= 3:
                found.append(Item(document_id, n, body))
            continue
        previous = lines[n - 2] if n >= 2 else ""
        following = lines[n] if n < len(lines) else ""
        if (
            in_block
            and not previous.strip()
            and following.strip()
            and 3 < len(line.strip()) < 70
            and not re.search(r"[.,:;]\s*$", line)
        ):
            found.append(Item(document_id, n, line.strip()))
    return found


# A sentence ends at . ! or ? before a capital letter or a digit ("mio. kr." does not end one).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"”«(]?[A-ZÆØÅ0-9])")


def sentences(text: str, document_id: str, item_lines: set[int]) -> list[Item]:
    """The sentences of running text worded as commitments. Running text is every paragraph that
    is not a bullet or heading, nor a line continuing one (lines up to the next blank line)."""
    found: list[Item] = []
    paragraph: list[tuple[int, str]] = []
    in_item = False

    def flush() -> None:
        joined, starts = "", []
        for n, line in paragraph:
            starts.append((len(joined), n))
            joined += line.strip() + "\n"  # a line break, so that canonical() joins "for-⏎slag"
        bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(joined)] + [len(joined)]
        for start, end in itertools.pairwise(bounds):
            piece = joined[start:end]
            if commits(piece) and len(canonical(piece)) >= 20:
                first_line = max(n for offset, n in starts if offset <= start)
                found.append(Item(document_id, first_line, piece.strip(), sentence=True))
        paragraph.clear()

    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            # extraction put blank lines inside some sentences: a paragraph ends at a full stop
            if not paragraph or re.search(r"[.!?:]\W*$", paragraph[-1][1]):
                flush()
            in_item = False
        elif n in item_lines:
            flush()
            in_item = True
        elif not in_item:
            paragraph.append((n, line))
    flush()
    return found


def _forms(item: Item) -> list[str]:
    """The item as written, and without its numbering ("### 4. Title" → "Title")."""
    text = canonical(item.text)
    return [text, re.sub(r"^(\d{1,2}\.|[a-h]\)) ", "", text)]


def _covered(item: Item, quotes: list[str], excluded: list[str]) -> bool:
    for text in _forms(item):
        key = text[:PREFIX]
        # a quote holding the item's opening words, or a short quote that is the whole title
        if any(key in q or (len(q) >= 15 and text.startswith(q)) for q in quotes):
            return True
        # a sentence is accounted for by a record quoting part of it
        if item.sentence and any(len(q) >= 20 and q[:PREFIX] in text for q in quotes):
            return True
        # an exclusion naming the whole item, or at least its first 20 characters
        if any(e and (text == e or (len(e) >= 20 and (text.startswith(e) or e.startswith(key)))) for e in excluded):
            return True
    return False


def quotes_of(cat: Catalogue, document_id: str) -> list[str]:
    doc = cat.documents[document_id]
    out = [s.quote for s in doc.sections]
    for i in cat.initiatives_for("documents", document_id):
        out += list(i.quotes) + [q for c in i.commitments for q in (c.quote, c.lead_in) if q]
    for m in cat.meetings.values():
        if m.document == document_id:
            out += [q for item in m.agenda for q in item.quotes]
    return out


def uncovered(cat: Catalogue) -> tuple[int, list[Item]]:
    """(number of items, items with neither a quote nor an exclusion)."""
    total, missing = 0, []
    for doc in cat.documents.values():
        quotes = [canonical(q) for q in quotes_of(cat, doc.id)]
        excluded = [canonical(e.text) for e in doc.coverage_exclusions]
        text = cat.sources[doc.id].text
        bullets = items(text, doc.id)
        for item in bullets + sentences(text, doc.id, {b.line for b in bullets}):
            total += 1
            if not _covered(item, quotes, excluded):
                missing.append(item)
    return total, missing


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(prog="python -m scripts coverage", description=__doc__.splitlines()[0]).parse_args(argv)
    cat, problems = load()
    if problems:  # coverage of what could be read still helps while the data is being fixed
        print(f"note: data/ has {len(problems)} problem(s); `python -m scripts validate` lists them", file=sys.stderr)
    total, missing = uncovered(cat)
    for item in missing:
        what = "commitment sentence" if item.sentence else "bullet or heading"
        text = " ".join(item.text.split())[:90]
        print(f"data/sources/{cat.documents[item.document].source}:{item.line}: {what} not covered: {text}")
    covered = total - len(missing)
    print(
        f"coverage: {covered}/{total} bullets, headings and commitment sentences ({100 * covered / max(total, 1):.1f} %)"
    )
    return 1 if missing else 0
