"""The catalogue of the build in progress, shared between the MkDocs hook that validates it
and the front page's macros, so data/ is read once per build."""

from __future__ import annotations

from scripts.data.catalogue import Catalogue

catalogue: Catalogue | None = None
