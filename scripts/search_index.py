"""Build the browser search index of a built site with Pagefind (binary shipped in its wheel)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def build_index(site_dir: Path) -> None:
    """Write site_dir/pagefind/: the index the search page queries. Danish stemming."""
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--force-language", "da", "--quiet",
         # the ¶ permalinks beside headings are not content
         "--exclude-selectors", ".headerlink"],
        check=True,
    )
