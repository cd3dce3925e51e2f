"""All records, indexed by id, with the reverse links the pages need.

Built once from validated data by `scripts.data.validate.load_catalogue`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from scripts.data.lifecycle import Lifecycle, lifecycle
from scripts.data.model import (
    ACTORS,
    AgendaItem,
    Document,
    Forum,
    Initiative,
    Meeting,
    Ministry,
    NameChange,
    Organisation,
    Record,
    Region,
    Relation,
    TargetGroup,
    Theme,
)
from scripts.data.quotes import SourceText
from scripts.data.record_graph import Quote, Reference, walk


@dataclass(frozen=True)
class Mention:
    """A reference seen from the record it points at."""

    kind: str  # the kind of the record that makes it
    record: str  # that record's id
    reference: Reference  # where in that record, and from which part (reference.owner)


@dataclass
class Catalogue:
    records: dict[str, dict[str, Record]]
    files: dict[tuple[str, str], Path]
    sources: dict[str, SourceText] = field(default_factory=dict)
    # (kind, id) → the record's references and quotes (scripts.data.record_graph), made by validation
    graph: dict[tuple[str, str], tuple[list[Reference], list[Quote]]] = field(default_factory=dict)
    # (kind, id) of the records read from data/drafts/ (only under `make serve`: never published)
    drafts: frozenset[tuple[str, str]] = frozenset()

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
        return self.kind_of(actor_id, ACTORS)

    def kind_of(self, record_id: str, kinds: tuple[str, ...]) -> str | None:
        """Which of `kinds` (record kinds, or "agenda_items") holds the id."""
        for kind in kinds:
            if record_id in (self.agenda_items if kind == "agenda_items" else self.records.get(kind, ())):
                return kind
        return None

    def references(self, kind: str, record_id: str) -> list[Reference]:
        if (kind, record_id) not in self.graph:  # a catalogue made without validation (tests)
            self.graph[(kind, record_id)] = walk(self.records[kind][record_id])
        return self.graph[(kind, record_id)][0]

    @cached_property
    def _mentions(self) -> dict[tuple[str, str], list[Mention]]:
        index: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for kind, records in self.records.items():
            for rid in records:
                for r in self.references(kind, rid):
                    target_kind = self.kind_of(r.target, r.ref.kinds)
                    if target_kind:
                        index[(target_kind, r.target)].append(Mention(kind, rid, r))
        return index

    def mentions(self, kind: str, record_id: str, by: str | None = None, field: str | None = None) -> list[Mention]:
        """Every reference to a record (or agenda item), in the order of the records making them;
        only those made by records of kind `by`, or in fields named `field`, if given."""
        return [
            m
            for m in self._mentions.get((kind, record_id), [])
            if (by is None or m.kind == by) and (field is None or m.reference.field == field)
        ]

    def actor(self, actor_id: str) -> Ministry | Forum | Organisation:
        return self.records[self.actor_kind(actor_id) or "organisations"][actor_id]  # type: ignore

    def file(self, kind: str, record_id: str) -> Path:
        return self.files[(kind, record_id)]

    def is_draft(self, kind: str, record_id: str) -> bool:
        """Whether the record is a draft not yet reviewed (data/drafts/; shown only by `make serve`)."""
        return (kind, record_id) in self.drafts

    # --- derived views ----------------------------------------------------------
    def year_of(self, document_id: str) -> int | None:
        """The year the document is dated, the one year shown for it everywhere: its date, the
        year its own dating gives ("2015" for the plan for 2016-2020), else its period's start."""
        d = self.documents[document_id]
        if d.date:
            return d.date.year
        stated = re.search(r"\b(19|20)\d\d\b", d.date_text or "")
        if stated:
            return int(stated.group())
        if d.period:
            return d.period.start
        if d.valid_until:
            return d.valid_until.year
        return None

    @cached_property
    def years(self) -> list[int]:
        """The years of the documents, in order, each once."""
        return sorted({y for d in self.documents for y in [self.year_of(d)] if y})

    @cached_property
    def commitment_count(self) -> int:
        return sum(len(i.commitments) for i in self.initiatives.values())

    def lifecycle(self, i: Initiative) -> Lifecycle:
        """When the initiative runs, and what that rests on (scripts/data/lifecycle.py)."""
        return lifecycle(i, self.documents[i.document], self.year_of(i.document))

    def active_years(self, i: Initiative) -> range:
        """The years an initiative is known to be active: its period, or where its end is unknown,
        from its start to its latest commitment deadline."""
        life = self.lifecycle(i)
        if years := life.years():
            return years
        start = life.start or 0
        ends = [c.when.year or (c.when.date.year if c.when.date else 0) for c in i.commitments if c.when]
        return range(start, max([start, *ends]) + 1)

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
            return (
                self.year_of(i.document) or 0,
                i.document,
                sections[i.document][i.section],
                span[0] if span else 0,
                i.id,
            )

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
            keys = {
                (kind, r.target)
                for r in self.references("initiatives", i.id)
                if r.ref.names and (kind := self.kind_of(r.target, r.ref.kinds))
            }
            for k in sorted(keys):
                index[k].append(i)
        return index

    def initiatives_for(self, kind: str, record_id: str) -> list[Initiative]:
        """Every initiative that names the record (theme, actor, region, target group, document)."""
        return self._initiatives_by.get((kind, record_id), [])

    def relations_to(self, record_id: str) -> list[tuple[str, str]]:
        """Relations pointing at an initiative or agenda item: (the initiative or agenda item that
        states it, relation type) pairs."""
        kind = self.kind_of(record_id, ("initiatives", "agenda_items"))
        return (
            sorted(
                (m.reference.owner, m.reference.holder.type.value)
                for m in self.mentions(kind, record_id)
                if isinstance(m.reference.holder, Relation)
            )
            if kind
            else []
        )

    def regions_of(self, initiative: Initiative) -> list[str]:
        """The regions an initiative covers: its own and its document's."""
        return sorted(set(initiative.regions) | set(self.documents[initiative.document].regions))

    def predecessors(self, ministry_id: str) -> list[str]:
        return sorted(m.record for m in self.mentions("ministries", ministry_id, by="ministries", field="to"))

    def name_changes(self, ministry_id: str) -> tuple[list[tuple[str, NameChange]], list[NameChange]]:
        """The steps into a ministry ((earlier ministry, step) pairs) and out of it, by year."""
        into = [
            (p, c) for p in self.predecessors(ministry_id) for c in self.ministries[p].successors if c.to == ministry_id
        ]
        return sorted(into, key=lambda pc: (pc[1].year, pc[0])), sorted(
            self.ministries[ministry_id].successors, key=lambda c: (c.year, c.to)
        )

    def lineage(self, ministry_id: str) -> list[str]:
        """All names in the ministry's line, oldest first: predecessors, itself, successors
        (validation refuses cycles, so the walk ends)."""
        earlier: list[str] = []
        frontier = [ministry_id]
        while frontier:  # one generation of earlier names at a time
            frontier = list(dict.fromkeys(p for m in frontier for p in self.predecessors(m) if p not in earlier))
            earlier = frontier + earlier
        chain = earlier + [ministry_id]
        frontier = [ministry_id]
        while frontier:
            frontier = list(
                dict.fromkeys(c.to for m in frontier for c in self.ministries[m].successors if c.to not in chain)
            )
            chain += frontier
        return chain
