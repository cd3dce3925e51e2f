"""The open-data files, feeds and calendars (scripts.publish.export, scripts.publish.feeds), written straight into
the built site.

They are files to fetch, not pages, and there are thousands of them: MkDocs has nothing to do
with them, so the build writes them in a process of its own while MkDocs converts the pages
(scripts/publish/mkdocs_glue.py). Pages link to them with plain HTML links, which MkDocs leaves as they are;
the site's link tests check them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from scripts.data.catalogue import Catalogue
from scripts.publish import export, feeds


def write(cat: Catalogue, site_dir: Path, site_url: str, today: dt.date | None = None) -> int:
    """Write every download under site_dir; returns the number of files."""
    count = 0
    today = today or dt.date.today()
    for rel, text in itertools.chain(export.files(cat, today, site_url), feeds.files(cat, site_url)):
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
        count += 1
    return count
