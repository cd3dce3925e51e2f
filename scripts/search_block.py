"""The search block appended to every generated page: extra indexed terms and result metadata.

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


def block(markdown: str, vocabulary: Vocabulary, synonyms: list[str], meta: dict[str, str]) -> str:
    terms = extra_terms(visible_text(markdown), vocabulary, synonyms)
    lines = ["", ""]
    for key, value in meta.items():
        lines.append(f'<span hidden data-pagefind-meta="{html.escape(key)}:{html.escape(value)}"></span>')
    if terms:
        lines.append(f'<div hidden data-pagefind-weight="0.5">Søgeord: {html.escape(" ".join(terms))}</div>')
    return "\n".join(lines) + "\n"
