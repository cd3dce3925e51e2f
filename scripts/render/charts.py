"""Bar charts as SVG, drawn at build time (no JavaScript, no external library).

Each chart is meant to sit beside a table with the same numbers, which is what screen
readers and keyboard users read; the SVG carries a title and description for them too.
A missing value is drawn as a dashed outline labelled "ukendt", never as a zero-length bar.

The chart is as wide as the page and is never scaled: it has no viewBox, its bars' lengths are
percentages of its width and its text has a fixed size, so labels read the same on a phone as
on a wide screen. Each bar has its label on the line above it (wrapped when long) and its value
just after its end.
"""

from __future__ import annotations

import textwrap
from html import escape

from markupsafe import Markup

from scripts.render import danish

FONT = 14  # px, at every width
LINE = 18  # px from one line of text to the next
BAR = 14
GAP = 12  # px between a bar and the next label
LONGEST = 80  # % of the chart's width for the largest value; the rest holds its number
LABEL_CHARACTERS = 40  # a longer label wraps (at 14 px, 40 characters fit a 360 px phone)
COLOUR = "#14466e"
TEXT = "#1f1f1f"


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int | None]], unit: str = "") -> Markup:
    known = [v for _, v in rows if v is not None]
    top = max(known, default=0) or 1
    parts = []
    y = 0
    for label, value in rows:
        lines = textwrap.wrap(label, LABEL_CHARACTERS) or [""]
        for line in lines:
            y += LINE
            parts.append(f'<text x="0" y="{y - 4}">{escape(line)}</text>')
        top_of_bar = y + 2
        if value is None:
            parts.append(
                f'<rect x="0.5" y="{top_of_bar - 1.5}" width="{LONGEST}%" height="{BAR + 3}" fill="none" '
                f'stroke="#6b6b6b" stroke-dasharray="4 3"/>'
            )
            parts.append(f'<text x="0" dx="8" y="{top_of_bar + BAR - 2}">ukendt – mangler i kilden</text>')
        else:
            share = max(LONGEST * value / top, 0.3)
            parts.append(f'<rect x="0" y="{top_of_bar}" width="{share:.2f}%" height="{BAR}" fill="{COLOUR}"/>')
            parts.append(
                f'<text x="{share:.2f}%" dx="6" y="{top_of_bar + BAR - 2}">'
                f"{escape(danish.number(value))}{escape(unit)}</text>"
            )
        y = top_of_bar + BAR + GAP
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="vs-chart" width="100%" height="{y}" '
        f'font-size="{FONT}" fill="{TEXT}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">Søjlediagram. Tallene står i tabellen under diagrammet.</desc>'
        + "".join(parts)
        + "</svg>"
    )
