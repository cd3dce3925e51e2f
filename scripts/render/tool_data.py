"""Links and names for the JSON files the finder and the commitments tracker fetch
(find/initiativer.json, tilsagn/tilsagn.json); their entries are made by scripts.render.pages.finder
and scripts.render.pages.tracker, which also list the first ones in the page for readers without
JavaScript.

Links are URLs relative to the site root. Each linked record's name is written once, in a table
keyed by its URL, so the files stay compact at many times the real data; `folds` are the
spellings without æ, ø and å that the site search indexes too, for the free-text filter:

    {"names": {"maalgrupper/smv/": "SMV'er", ...}, "folds": [{"æ": "ae", ...}, {"æ": "a", ...}],
     "<list>": [{..., "groups": ["maalgrupper/smv/"]}, ...]}

The page renders each entry it lists itself and, from `blank(entry)`, the same markup once more
inside a <template>, which the page's script fills for every entry of the JSON file.
"""

from __future__ import annotations

import json

from scripts.data.catalogue import Catalogue
from scripts.render.site import Links, Page
from scripts.search.terms import FOLDS


def tool_page(
    path: str,
    template: str,
    kind: str,
    data: str,
    key: str,
    items: list[dict],
    cap: int,
    names: Names,
    links: Links,
    **context,
) -> Page:
    """A page for a task (the finder, the tracker): every entry in a JSON file beside the page
    under `key`, the first `cap` of them listed in the page itself, and the blank entry the
    page's <template> is made from. Full width, and left out of the site search."""
    return Page(
        path,
        template,
        meta={"type": kind},
        front_matter={"hide": ["navigation", "toc"], "search_exclude": True},
        files={data: names.json(**{key: items})},
        context=dict(
            items=items[:cap],
            blank=blank(items[0]) if items else None,
            total=len(items),
            names=names.names,
            data=links.to(data),
            root=links.url("index.md"),
            **context,
        ),
    )


def blank(entry: dict) -> dict:
    """An entry with every value empty and every list holding one empty link: rendered with
    all its optional parts, it is the markup the page's script fills (see assets/results.js)."""
    return {key: [""] if isinstance(value, list) else "" for key, value in entry.items()}


class Names:
    """Links from the site root, remembering the name of every record linked to."""

    def __init__(self, cat: Catalogue):
        self.link = Links(cat, "index.md", raw_html=True)
        self.names: dict[str, str] = {}

    def href(self, kind: str, record_id: str) -> str:
        ref = self.link.ref(kind, record_id)
        self.names[str(ref.href)] = ref.name
        return str(ref.href)

    def url(self, kind: str, record_id: str) -> str:
        """A link whose text the entry holds itself (no name is kept)."""
        return str(self.link.ref(kind, record_id).href)

    def hrefs(self, kind: str, ids) -> list[str]:
        return [self.href(kind, i) for i in ids]

    def source(self, document_id: str, anchor: str) -> str:
        """A passage on a document's source-text page."""
        return str(self.link.source(document_id, anchor))

    def json(self, **lists: list[dict]) -> str:
        return (
            json.dumps({"names": self.names, "folds": FOLDS, **lists}, ensure_ascii=False, separators=(",", ":")) + "\n"
        )
