"""Make data text safe to place in generated Markdown: shown literally, never interpreted.

Markdown syntax is backslash-escaped and HTML is entity-escaped, so `<script>`, `**x**`,
`[x](javascript:...)`, `{{ ... }}` and `&amp;` all reach the reader exactly as written.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markupsafe import Markup

# Characters that start Markdown syntax anywhere in a line (emphasis, code, links, table
# cells, escapes); `<`, `>` and `&` are entity-escaped instead. Parentheses and "!" need no
# escape once the brackets of a link are escaped.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_}\[\]|])")
# Syntax that only counts at the start of a line (headings, lists, rules, setext underlines,
# definitions, admonitions): its first character becomes a character reference.
_LINE_START = re.compile(r"^([#\-+=:!]|\d+(?=[.)](\s|$)))")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # names and titles recur on many pages
def inline(text: str) -> Markup:
    """One line of literal text (whitespace, including line breaks, collapsed)."""
    text = _SPACE.sub(" ", text).strip()
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # "{" as a character reference: it cannot open an attribute list, and a heading shows no
    # "{{", "{%" or "{#" to mkdocs-macros, which would otherwise take the page's raw Markdown
    # heading, backslashes and all, as the page's title (the browser tab).
    text = html.escape(text, quote=True).replace("{", "&#123;")
    return Markup(_LINE_START.sub(lambda m: f"&#{ord(m.group(0)[0])};{m.group(0)[1:]}", text))


def finalize(value: object) -> object:
    """Jinja `finalize`: every value printed in a template is escaped unless already Markup."""
    if value is None:
        raise ValueError("a template printed None: check the template's conditions")
    if isinstance(value, Markup):
        return value
    return inline(str(value))
