"""Read a source document as text, page by page: a PDF, or a UTF-8 text file.

PDFs are read with pypdf: on PDFs made from the sources it gives the words and line breaks of
the text (as pdfminer.six does, seven times faster and without dependencies), and a page at a
time, which is what finding running headers and page numbers needs. A text file is split into
pages at form feeds, as extraction tools write them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from scripts.data.data_tree import MAX_SOURCE_BYTES

MAX_PDF_BYTES = 100_000_000


class IngestError(Exception):
    """A source that cannot be ingested, with the reason for the maintainer."""


def pages(path: Path) -> list[str]:
    """The text of each page of the document at `path`; IngestError if it cannot be read."""
    if not path.is_file():
        raise IngestError(f"{path}: no such file")
    try:
        with path.open("rb") as f:
            head = f.read(5)
    except OSError as e:
        raise IngestError(f"{path}: cannot be read ({e.strerror})") from e
    if head == b"%PDF-":
        return _pdf_pages(path)
    return _text_pages(path)


def _text_pages(path: Path) -> list[str]:
    if (size := path.stat().st_size) > MAX_SOURCE_BYTES:
        raise IngestError(f"{path}: is {size:,} bytes; a source text may be at most {MAX_SOURCE_BYTES:,} bytes")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise IngestError(
            f"{path}: is neither a PDF nor UTF-8 text (byte {e.start}: {data[e.start : e.start + 1]!r})"
        ) from e
    if "\x00" in text:
        raise IngestError(f"{path}: holds NUL bytes: not a text file")
    return text.split("\f")


def _pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if (size := path.stat().st_size) > MAX_PDF_BYTES:
        raise IngestError(f"{path}: is {size:,} bytes; a PDF may be at most {MAX_PDF_BYTES:,} bytes")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd fonts are not the reader's concern
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{path}: the PDF is encrypted with a password")
        texts = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as e:
        raise IngestError(f"{path}: the PDF cannot be read ({e})") from e
    if not any(t.strip() for t in texts):
        raise IngestError(f"{path}: the PDF has no text layer (a scan?); make a text version first")
    return texts
