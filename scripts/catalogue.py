"""All records, indexed by id, with the reverse links the pages need.

Built once from validated data by `scripts.validate.load_catalogue`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from scripts.model import (
    AgendaItem, Document, Forum, Initiative, Meeting, Ministry, Organisation, Region, Strict,
    TargetGroup, Theme,
)
from scripts.quotes import SourceText


@dataclass
class Catalogue:
    records: dict[str, dict[str, Strict]]
    files: dict[tuple[str, str], Path]
    sources: dict[str, SourceText] = field(default_factory=dict)

    # --- records by kind ------------------------------------------------------
    @property
    def documents(self) -> dict[str, Document]:
        return self.records["documents"]  # type: ignore[return-value]

    @property
    def initiatives(self) -> dict[str, Initiative]:
        return self.records["initiatives"]  # type: ignore[return-value]

    @property
    def meetings(self) -> dict[str, Meeting]:
        return self.records["meetings"]  # type: ignore[return-value]

    @property
    def ministries(self) -> dict[str, Ministry]:
        return self.records["ministries"]  # type: ignore[return-value]

    @property
    def organisations(self) -> dict[str, Organisation]:
        return self.records["organisations"]  # type: ignore[return-value]

    @property
    def forums(self) -> dict[str, Forum]:
        return self.records["forums"]  # type: ignore[return-value]

    @property
    def regions(self) -> dict[str, Region]:
        return self.records["regions"]  # type: ignore[return-value]

    @property
    def themes(self) -> dict[str, Theme]:
        return self.records["themes"]  # type: ignore[return-value]

    @property
    def target_groups(self) -> dict[str, TargetGroup]:
        return self.records["target_groups"]  # type: ignore[return-value]

    @cached_property
    def agenda_items(self) -> dict[str, tuple[Meeting, AgendaItem]]:
        return {item.id: (m, item) for m in self.meetings.values() for item in m.agenda}

    def actor_kind(self, actor_id: str) -> str | None:
        """Which of ministries, forums, organisations an actor id belongs to."""
        for kind in ("ministries", "forums", "organisations"):
            if actor_id in self.records[kind]:
                return kind
        return None

    def actor(self, actor_id: str) -> Ministry | Forum | Organisation:
        return self.records[self.actor_kind(actor_id) or "organisations"][actor_id]  # type: ignore

    def file(self, kind: str, record_id: str) -> Path:
        return self.files[(kind, record_id)]

    # --- derived views ----------------------------------------------------------
    def year_of(self, document_id: str) -> int | None:
        d = self.documents[document_id]
        if d.date:
            return d.date.year
        if d.period:
            return d.period.start
        stated = re.search(r"\b(19|20)\d\d\b", d.date_text or "")
        if stated:
            return int(stated.group())
        if d.valid_until:
            return d.valid_until.year
        return None

    @cached_property
    def _documents_in_order(self) -> list[Document]:
        return sorted(self.documents.values(), key=lambda d: (self.year_of(d.id) or 0, d.date or dt.date.min, d.id))

    def documents_in_order(self) -> list[Document]:
        return self._documents_in_order

    @cached_property
    def _initiatives_in_order(self) -> list[Initiative]:
        sections = {d.id: {s.id: n for n, s in enumerate(d.sections)} for d in self.documents.values()}

        def key(i: Initiative):
            span = self.sources[i.document].span(i.quotes[0]) if i.document in self.sources else None
            return (self.year_of(i.document) or 0, i.document, sections[i.document][i.section],
                    span[0] if span else 0, i.id)
        return sorted(self.initiatives.values(), key=key)

    def initiatives_in_order(self) -> list[Initiative]:
        """By document year, then document, then section order, then source order of the quote."""
        return self._initiatives_in_order

    def initiatives_by_document(self) -> dict[str, list[Initiative]]:
        """Document id → its initiatives in order."""
        return self._initiatives_by_document

    @cached_property
    def _initiatives_by_document(self) -> dict[str, list[Initiative]]:
        out: dict[str, list[Initiative]] = defaultdict(list)
        for i in self.initiatives_in_order():
            out[i.document].append(i)
        return out

    @cached_property
    def _initiatives_by(self) -> dict[tuple[str, str], list[Initiative]]:
        index: dict[tuple[str, str], list[Initiative]] = defaultdict(list)
        for i in self.initiatives_in_order():
            keys = {("themes", t) for t in i.themes}
            keys |= {("target_groups", t) for t in i.target_groups}
            keys |= {("regions", r) for r in i.regions}
            keys |= {("documents", i.document)}
            actor_ids = set(i.ministries) | set(i.organisations) | set(i.forums)
            actor_ids |= {a for c in i.commitments for a in c.by}
            keys |= {(self.actor_kind(a) or "organisations", a) for a in actor_ids}
            for k in sorted(keys):
                index[k].append(i)
        return index

    def initiatives_for(self, kind: str, record_id: str) -> list[Initiative]:
        """Every initiative that names the record (theme, actor, region, target group, document)."""
        return self._initiatives_by.get((kind, record_id), [])

    @cached_property
    def _incoming(self) -> dict[str, list[tuple[str, str]]]:
        incoming: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for i in self.initiatives.values():
            for r in i.relations:
                incoming[r.target].append((i.id, r.type.value))
        for item_id, (_, item) in self.agenda_items.items():
            for r in item.relations:
                incoming[r.target].append((item_id, r.type.value))
        return {k: sorted(v) for k, v in incoming.items()}

    def related_targets(self, record_id: str) -> list[tuple[str, str]]:
        """Incoming relations: (source id, relation type) pairs pointing at `record_id`."""
        return self._incoming.get(record_id, [])

    def regions_of(self, initiative: Initiative) -> list[str]:
        """The regions an initiative covers: its own and its document's."""
        return sorted(set(initiative.regions) | set(self.documents[initiative.document].regions))

    def predecessors(self, ministry_id: str) -> list[str]:
        return sorted(m.id for m in self.ministries.values() if ministry_id in m.successors)
