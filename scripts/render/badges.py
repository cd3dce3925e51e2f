"""The short labels a company reads at a glance, each with the sentence that says what it rests on:
when an initiative runs (scripts/data/lifecycle.py) and what a status means."""

from __future__ import annotations

import datetime as dt

from scripts.data.catalogue import Catalogue
from scripts.data.model import Initiative, Status

# What each status means, shown wherever a status is (and on the page that defines them).
STATUS_MEANING = {
    "ukendt": "ingen senere kilde her siger noget om, hvad der blev af det",
    "aftalt": "aftalt, men ingen senere kilde her siger, at arbejdet er gået i gang",
    "i gang": "en senere kilde siger, at arbejdet er i gang",
    "gennemført": "en senere kilde siger, at det er gennemført",
    "opgivet": "en senere kilde siger, at det er opgivet",
}


def lifecycle(cat: Catalogue, i: Initiative, today: dt.date) -> dict:
    """The badge for when an initiative runs: state (for styling and sorting), label, and why."""
    life = cat.lifecycle(i)
    doc = cat.documents[i.document]
    state = life.state(today)
    label = {
        "ended": f"Afsluttet {life.end}",
        "running": f"Løber til {life.end}",
        "upcoming": f"Starter {life.start}",
        "unknown": "Periode ukendt",
    }[state]
    if life.basis == "initiative":
        basis = f"Kilden angiver perioden ”{life.phrase}”."
    elif life.basis == "document":
        basis = (
            f"Kilden angiver ingen slutdato for initiativet; perioden er afledt af {doc.short_title} "
            f"({life.start}–{life.end})."
        )
    else:
        since = f" {doc.short_title} er fra {life.start}." if life.start else ""
        basis = f"Kilden angiver ingen slutdato for initiativet.{since}"
    if state == "ended":
        basis += " Ingen nyere kilde her siger, at det fortsætter."
    return dict(state=state, label=label, explanation=basis, start=life.start, end=life.end)


def status_explanation(status: Status, cat: Catalogue) -> str:
    """What a status means and, where a document states it, which one and when."""
    meaning = STATUS_MEANING[status.value.value]
    if status.source:
        doc = cat.documents[status.source]
        when = doc.date_text or (str(cat.year_of(doc.id)) if cat.year_of(doc.id) else "")
        return f"{meaning} (ifølge {doc.short_title}{', ' + when if when else ''})"
    return meaning
