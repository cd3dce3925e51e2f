"""Figures (/tal/): the growth plans' expected effects per focus area and growth driver as
charts with their numbers in tables, the plans' budgets, and the site's own counts."""

from __future__ import annotations

from collections.abc import Iterator

from scripts.data.catalogue import Catalogue
from scripts.render.charts import bar_chart
from scripts.render.site import Links, Page

MEASURES = [
    ("supported_companies", "Støttede virksomheder i perioden", ""),
    ("new_growth_companies", "Nye vækstvirksomheder", ""),
    ("new_innovative_companies", "Nye innovative virksomheder", ""),
    ("employment_growth", "Vækst i ansatte (antal)", ""),
    ("turnover_growth_kdkk", "Vækst i omsætning (1.000 kr.)", ""),
    ("export_growth_kdkk", "Vækst i eksport (1.000 kr.)", ""),
]


def pages(cat: Catalogue) -> Iterator[Page]:
    path = "tal/index.md"
    link = Links(cat, path)
    plans = []
    for doc in cat.documents_in_order():
        sections = [s for s in doc.sections if s.effects]
        if not sections and not doc.budget:
            continue
        charts = []
        for n, (field, label, unit) in enumerate(MEASURES):
            rows = [(s.title, getattr(s.effects, field)) for s in sections]
            charts.append(
                dict(label=label, rows=rows, svg=bar_chart(f"{doc.id}-{n}", f"{label}: {doc.short_title}", rows, unit))
            )
        plans.append(
            dict(doc=doc, ref=link.ref("documents", doc.id), sections=sections, charts=charts if sections else [])
        )
    yield Page(
        path,
        "figures.md.j2",
        meta={"type": "Oversigt"},
        context=dict(
            link=link,
            plans=plans,
            documents=len(cat.documents),
            initiatives=len(cat.initiatives),
            commitments=cat.commitment_count,
            ministries=len(cat.ministries),
            years=cat.years,
        ),
    )
