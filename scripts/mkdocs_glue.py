"""MkDocs hooks: before every build (and every rebuild under `mkdocs serve`), regenerate the
pages from data/; after it, index the site for search. The logic lives in scripts.generate and
scripts.search_index; this file only connects them."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import build_state  # noqa: E402
from scripts.generate import generate  # noqa: E402
from scripts.problems import DataError  # noqa: E402
from scripts.search_index import build_index  # noqa: E402
from scripts.validate import DATA_DIR, load_catalogue  # noqa: E402


def data_dir() -> Path:
    return Path(os.environ.get("VAEKSTAFTALER_DATA", DATA_DIR))


def build_date() -> dt.date:
    """The date deadlines are judged against: VAEKSTAFTALER_TODAY (YYYY-MM-DD) or today."""
    value = os.environ.get("VAEKSTAFTALER_TODAY")
    return dt.date.fromisoformat(value) if value else dt.date.today()


def on_pre_build(config, **kwargs) -> None:
    try:
        catalogue = load_catalogue(data_dir())
    except DataError as e:
        raise Abort(f"{e}\n{len(e.problems)} problem(s) in the data: the site was not built.") from None
    build_state.catalogue = catalogue
    generate(catalogue, Path(config.docs_dir), config.repo_url, config.site_url,
             search_terms=os.environ.get("VAEKSTAFTALER_SEARCH_TERMS", "1") != "0", today=build_date())


def on_post_build(config, **kwargs) -> None:
    build_index(Path(config.site_dir))
