"""The search block appended to every generated page that search indexes (none is added to pages
with `search_exclude`): extra indexed terms and result metadata.

Pagefind indexes the block (it is `hidden` from readers and screen readers) with a low weight,
so a page is found by the compound parts, base forms and æ/ø/å-free spellings of its words.
"""

from __future__ import annotations

import html
import re

from scripts.search_terms import Vocabulary, extra_terms

_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def visible_text(markdown: str) -> str:
    """The words a reader sees: link targets and front matter removed, escapes undone."""
    text = _FRONT_MATTER.sub("", markdown)
    text = _LINK_TARGET.sub("]", text)
    return html.unescape(text.replace("\\\\", "\x00").replace("\\", "").replace("\x00", "\\"))


def _title(markdown: str) -> str:
    for line in _FRONT_MATTER.sub("", markdown).splitlines():
        if line.startswith("# "):
            return visible_text(line[2:])
    return ""


def block(markdown: str, vocabulary: Vocabulary, synonyms: list[str], meta: dict[str, str]) -> str:
    """Other spellings and forms of the title's words weigh as much as the title (Pagefind gives h1
    weight 7); parts of the title's compounds weigh less ("turisme" finds "Kystturisme", but below a
    page titled "Turisme"); terms from the rest of the page weigh less than its visible text."""
    title = _title(markdown)
    weighted = [(7, set(extra_terms(title, vocabulary, parts=False)))]
    weighted.append((2, set(extra_terms(title, vocabulary)) - weighted[0][1]))
    weighted.append((0.5, set(extra_terms(visible_text(markdown), vocabulary, synonyms)) - set().union(
        *(terms for _, terms in weighted))))
    lines = ["", ""]
    for key, value in meta.items():
        lines.append(f'<span hidden data-pagefind-meta="{html.escape(key)}:{html.escape(value)}"></span>')
    for weight, terms in weighted:
        if terms:
            lines.append(f'<div hidden data-pagefind-weight="{weight}">Søgeord: '
                         f'{html.escape(" ".join(sorted(terms)))}</div>')
    return "\n".join(lines) + "\n"
