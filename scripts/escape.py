"""Make data text safe to place in generated Markdown: shown literally, never interpreted.

Markdown syntax is backslash-escaped and HTML is entity-escaped, so `<script>`, `**x**`,
`[x](javascript:...)`, `{{ ... }}` and `&amp;` all reach the reader exactly as written.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

# The characters Python-Markdown (with the tables extension) accepts after a backslash; `<`, `>`
# and `&` are entity-escaped instead.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_SPACE = re.compile(r"\s+")


def inline(text: str) -> Markup:
    """One line of literal text (whitespace, including line breaks, collapsed)."""
    text = _SPACE.sub(" ", text).strip()
    return Markup(html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=True))


def finalize(value: object) -> object:
    """Jinja `finalize`: every value printed in a template is escaped unless already Markup."""
    if value is None:
        raise ValueError("a template printed None: check the template's conditions")
    if isinstance(value, Markup):
        return value
    return inline(str(value))
