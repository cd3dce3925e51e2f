"""The search block: extra indexed terms and result metadata, added to a page's article when it
is indexed (never to the published page).

Pagefind indexes the block with a low weight, so a page is found by the compound parts, base
forms and æ/ø/å-free spellings of its words. The terms of each page are computed against the
vocabulary of the whole site, which generation collects (SearchTerms).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from scripts.search.terms import Vocabulary, extra_terms, stem, word_set

_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_TAG = re.compile(r"<[^>]*>")
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def visible_text(markdown: str) -> str:
    """The words a reader sees in a page's Markdown: link targets and front matter removed,
    escapes undone."""
    text = _FRONT_MATTER.sub("", markdown)
    text = _LINK_TARGET.sub("]", text)
    return html.unescape(text.replace("\\\\", "\x00").replace("\\", "").replace("\x00", "\\"))


def article_text(article: str) -> str:
    """The words a reader sees in a page's HTML."""
    return html.unescape(_TAG.sub(" ", article))


# The filter that marks long verbatim text (source texts) in the index, as docs/assets/search.js asks for it.
VERBATIM = "kilde:ja"

# Put by entity and ministry pages before their lists of linked records.
LINKED_LISTS = '<div class="vs-linked-lists"></div>'


def weigh_linked_lists(article: str) -> str:
    """Lists of linked records are navigation rather than the page's own text: from the mark
    before them to the end of the article, they count less in search."""
    text, mark, lists = article.partition(LINKED_LISTS)
    return text + (f'<div data-pagefind-weight="0.3">{lists}</div>' if mark else "")


@dataclass
class SearchTerms:
    """What the search blocks are made from: the site's vocabulary, and for each generated page
    (by its path under docs/) the names users may type for what it links to and its result
    metadata (see scripts.render.site.Page)."""

    vocabulary: Vocabulary
    pages: dict[str, PageTerms] = field(default_factory=dict)

    def block(self, path: str, article: str) -> str:
        """The block for a page's article; pages not generated from data/ get none."""
        if path not in self.pages:
            return ""
        page = self.pages[path]
        return block(article, self.vocabulary, page.synonyms, page.meta, page.add_terms)


class PageTerms(NamedTuple):
    """What a page's search block is made from (see scripts.render.site.Page)."""

    synonyms: list[str]
    meta: dict[str, str]
    add_terms: bool  # False: only the metadata


def block(
    article: str, vocabulary: Vocabulary, synonyms: list[str], meta: dict[str, str], add_terms: bool = True
) -> str:
    """Other spellings and forms of the title's words weigh as much as the title (Pagefind gives h1
    weight 7); parts of the title's compounds weigh less ("turisme" finds "Kystturisme", but below a
    page titled "Turisme"); terms from the rest of the page weigh less than its visible text.

    Pagefind indexes word stems, so a term whose stem the page already has at a weight at least
    as high adds nothing to what is found: it is left out, which keeps the index small."""
    groups = []
    if add_terms:  # each text's words are found once: the terms and the stems both come from them
        heading = _H1.search(article)
        title = word_set(article_text(heading.group(1))) if heading else set()
        page = word_set(article_text(article))
        own_text, mark, _ = article.partition(LINKED_LISTS)
        own = word_set(article_text(own_text)) if mark else page  # linked lists weigh less
        groups = [
            (7, title, extra_terms(title, vocabulary, parts=False)),
            (2, title, extra_terms(title, vocabulary)),
            (0.5, own, extra_terms(page, vocabulary, synonyms)),
        ]
    lines = ['<div class="vs-search-terms">']
    for key, value in meta.items():
        lines.append(f'<span data-pagefind-meta="{html.escape(key)}:{html.escape(value)}"></span>')
    if not add_terms:  # long verbatim text: the search page lists the records made from it first
        lines.append(f'<span data-pagefind-filter="{VERBATIM}"></span>')
    indexed: set[str] = set()  # stems the page has at this weight or higher
    for weight, shown, terms in groups:
        indexed |= {stem(w) for w in shown}
        new = []
        for term in terms:
            if stem(term) not in indexed:
                indexed.add(stem(term))
                new.append(term)
        if new:
            lines.append(f'<div data-pagefind-weight="{weight}">Søgeord: {html.escape(" ".join(new))}</div>')
    lines.append("</div>")
    return "\n".join(lines) + "\n"
