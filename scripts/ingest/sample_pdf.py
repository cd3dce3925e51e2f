"""Make a PDF of a text the way the agreements are published: A4 pages with a running header and
page numbers, lines wrapped at the page's width. Used to measure ingest on PDFs made from the
sources (tests/test_ingest.py) and by `leave_one_out` with --pdf.

The standard Helvetica font is used with the Windows-1252 encoding, which has every Danish letter
and the usual typographic marks; characters outside it (the private-use bullet glyphs of the
sources, "▪") are drawn as "•".
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts.render.readable import BULLETS

HEADER = "Vækstpartnerskab – side {page}"
# A line that opens a list item: a glyph (any the sources use, or a dash), a number, a letter, a
# Markdown heading, or an indent where the glyph was lost.
_LIST_ITEM = re.compile(rf"^(?:\s*(?:[{BULLETS}•▪–-]\s|\d{{1,2}}\.|[a-h]\)|#)| \S)")


def make_pdf(text: str, path: Path, header: str = HEADER, width: int | None = None) -> Path:
    """Write `text` as a PDF at `path`. `width`: re-wrap each paragraph at this many characters first."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(True, margin=20)

    def header_and_footer() -> None:
        pdf.set_font("Helvetica", size=8)
        pdf.set_y(8)
        pdf.cell(0, 5, _encodable(header.format(page=pdf.page_no())), align="C")
        pdf.set_y(20)

    def footer() -> None:
        pdf.set_y(-15)
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 10, str(pdf.page_no()), align="C")

    pdf.header = header_and_footer
    pdf.footer = footer
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in (rewrap(text, width) if width else text).split("\n"):
        pdf.multi_cell(0, 5, _encodable(line.rstrip()) or "", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def rewrap(text: str, width: int) -> str:
    """Each paragraph (lines up to a blank line or a list item) wrapped again at `width` characters;
    words hyphenated at the old line ends are joined first. A list item keeps what marks it, as it
    would in a document laid out at another width: its glyph, number or letter, or (where the glyph
    was lost) the indent of its first line."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        paragraphs: list[str] = []
        for line in lines:
            if paragraphs and not _LIST_ITEM.match(line):
                previous = paragraphs[-1]
                line = line.strip()
                joined = (
                    previous[:-1] + line
                    if re.search(r"[a-zæøå]-$", previous) and line[:1].islower()
                    else f"{previous} {line}"
                )
                paragraphs[-1] = joined
            else:
                paragraphs.append(line)
        for paragraph in paragraphs:
            indent = paragraph[: len(paragraph) - len(paragraph.lstrip())]
            words, current = paragraph.split(), indent
            for word in words:
                if current.strip() and len(current) + 1 + len(word) > width:
                    out.append(current)
                    current = word
                else:
                    current = f"{current} {word}" if current.strip() else current + word
            out.append(current)
        out.append("")
    return "\n".join(out)


def _encodable(text: str) -> str:
    text = re.sub("[\uf0b7\uf0a7\uf076\uf0d8\u25aa\u25cf]", "•", text)
    return text.encode("cp1252", "replace").decode("cp1252")
