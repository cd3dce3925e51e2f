"""The tracker's timeline drawn as SVG at build time: one lane per kind of event (documents,
meetings, deadlines), one column per year, the number of events in each. The list of events on
the same page is its text alternative; the SVG says so to screen readers."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

LANES = (("Dokument", "Dokumenter"), ("Møde", "Møder"), ("Frist", "Frister"))
LABEL, COLUMN, ROW, TOP = 100, 56, 44, 30
COLOUR, TEXT = "#14466e", "#1f1f1f"


def timeline_chart(years: list[tuple[int, list[dict]]]) -> Markup:
    """`years`: (year, events) in order; an event is a dict with its "kind" (see LANES)."""
    if not years:
        return Markup("")
    first, last = years[0][0], years[-1][0]
    span = list(range(first, last + 1))
    counts = {(y, kind): sum(1 for e in events if e["kind"] == kind) for y, events in years for kind, _ in LANES}
    width, height = LABEL + COLUMN * len(span), TOP + ROW * len(LANES)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="vs-chart vs-timeline" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="tidslinje-t tidslinje-d">',
        '<title id="tidslinje-t">Tidslinje: dokumenter, møder og frister pr. år</title>',
        f'<desc id="tidslinje-d">Antal pr. år fra {first} til {last}. Alle begivenheder står i listen under '
        "tegningen.</desc>",
    ]
    for n, y in enumerate(span):
        x = LABEL + n * COLUMN + COLUMN / 2
        parts.append(f'<text x="{x:.0f}" y="18" text-anchor="middle" font-size="13" fill="{TEXT}">{y}</text>')
        parts.append(f'<line x1="{x:.0f}" y1="24" x2="{x:.0f}" y2="{height}" stroke="#d0d0d0"/>')
    for row, (kind, label) in enumerate(LANES):
        cy = TOP + row * ROW + ROW / 2
        parts.append(
            f'<text x="{LABEL - 10}" y="{cy + 5:.0f}" text-anchor="end" font-size="13" fill="{TEXT}">'
            f"{escape(label)}</text>"
        )
        for n, y in enumerate(span):
            if count := counts.get((y, kind), 0):
                cx = LABEL + n * COLUMN + COLUMN / 2
                parts.append(f'<circle cx="{cx:.0f}" cy="{cy:.0f}" r="14" fill="{COLOUR}"/>')
                parts.append(
                    f'<text x="{cx:.0f}" y="{cy + 5:.0f}" text-anchor="middle" font-size="13" '
                    f'fill="#ffffff">{count}</text>'
                )
    parts.append("</svg>")
    return Markup("".join(parts))
