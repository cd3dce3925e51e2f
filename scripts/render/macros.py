"""mkdocs-macros for the hand-written pages: the front page's figures.

Only pages with `render_macros: true` in their front matter are rendered as templates;
generated pages, which carry data text, never are. The figures come from the catalogue the
build has just validated (no second load of data/).
"""

from __future__ import annotations

from scripts.data.catalogue import Catalogue
from scripts.publish import build_state
from scripts.render import danish
from scripts.render.escape import inline
from scripts.render.site import page_path


def figures(cat: Catalogue) -> dict:
    """Counts and lists for the front page; data text is escaped, since macro output is
    inserted into the Markdown as is."""
    years = cat.years
    return {
        "documents": len(cat.documents),
        "initiatives": len(cat.initiatives),
        "commitments": cat.commitment_count,
        "ministries": len(cat.ministries),
        "themes": len(cat.themes),
        "agenda_items": len(cat.agenda_items),
        "first_year": years[0] if years else "",
        "last_year": years[-1] if years else "",
        "regions": sorted({inline(cat.regions[r].name) for d in cat.documents.values() for r in d.regions}),
        "document_list": [
            {
                "title": inline(d.title),
                "url": page_path("documents", d.id),
                "date": danish.date(d.date) if d.date else (d.date_text or ""),
            }
            for d in cat.documents_in_order()
        ],
    }


def define_env(env) -> None:
    @env.macro
    def site_figures() -> dict:
        return figures(build_state.catalogue)
