"""Bar charts as SVG, drawn at build time (no JavaScript, no external library).

Each chart is meant to sit beside a table with the same numbers, which is what screen
readers and keyboard users read; the SVG carries a title and description for them too.
A missing value is drawn as a dashed outline labelled "ukendt", never as a zero-length bar.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from scripts.render import danish

BAR = 22
GAP = 8
LABEL_WIDTH = 250
CHART_WIDTH = 330
VALUE_WIDTH = 110
COLOUR = "#14466e"


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int | None]], unit: str = "") -> Markup:
    known = [v for _, v in rows if v is not None]
    top = max(known, default=0) or 1
    height = len(rows) * (BAR + GAP) + GAP
    width = LABEL_WIDTH + CHART_WIDTH + VALUE_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="vs-chart" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">Søjlediagram. Tallene står i tabellen under diagrammet.</desc>',
    ]
    for n, (label, value) in enumerate(rows):
        y = GAP + n * (BAR + GAP)
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR * 0.7:.1f}" text-anchor="end" '
            f'font-size="12" fill="#1f1f1f">{escape(label)}</text>'
        )
        if value is None:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{CHART_WIDTH}" height="{BAR}" fill="none" '
                f'stroke="#6b6b6b" stroke-dasharray="4 3"/>'
            )
            parts.append(
                f'<text x="{LABEL_WIDTH + 8}" y="{y + BAR * 0.7:.1f}" font-size="12" fill="#1f1f1f">'
                f"ukendt – mangler i kilden</text>"
            )
            continue
        length = max(round(CHART_WIDTH * value / top), 1)
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR}" fill="{COLOUR}"/>')
        parts.append(
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + BAR * 0.7:.1f}" font-size="12" '
            f'fill="#1f1f1f">{escape(danish.number(value))}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
