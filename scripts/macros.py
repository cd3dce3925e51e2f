"""mkdocs-macros variables for the hand-written pages (front page figures).

Only pages with `render_macros: true` in their front matter are rendered as templates;
generated pages, which carry data text, never are.
"""

from __future__ import annotations

from scripts import danish
from scripts.escape import inline
from scripts.mkdocs_glue import data_dir
from scripts.validate import load_catalogue


def define_env(env) -> None:
    cat = load_catalogue(data_dir())
    years = sorted({y for d in cat.documents for y in [cat.year_of(d)] if y})
    env.variables["counts"] = {
        "documents": len(cat.documents),
        "initiatives": len(cat.initiatives),
        "commitments": sum(len(i.commitments) for i in cat.initiatives.values()),
        "ministries": len(cat.ministries),
        "themes": len(cat.themes),
        "meetings": len(cat.meetings),
        "agenda_items": len(cat.agenda_items),
    }
    env.variables["first_year"] = years[0] if years else ""
    env.variables["last_year"] = years[-1] if years else ""
    env.variables["regions_covered"] = sorted(
        {inline(cat.regions[r].name) for d in cat.documents.values() for r in d.regions})
    # Data text is escaped here: macros output is inserted into Markdown as is.
    env.variables["documents"] = [
        {"title": inline(d.title), "year": cat.year_of(d.id), "url": f"dokumenter/{d.id}/index.md",
         "date": danish.date(d.date) if d.date else (d.date_text or "")}
        for d in cat.documents_in_order()
    ]
