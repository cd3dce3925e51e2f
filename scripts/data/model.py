"""The data model: the single source of the schema for every record in data/.

Each record kind lives in its own folder (scripts/data/kinds.py), one record per YAML file, and the
file name (without .yml) is the record's id. JSON Schema files for editors are generated
from these classes (`python -m scripts schema`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

# Characters no data text may hold, each with the reason given to the maintainer. Control
# characters (but tab and line breaks) are invisible and dropped by Markdown; bidirectional
# overrides and isolates can make a text read as something else; noncharacters and lone
# surrogates are not allowed in XML (the feeds) and cannot be written as UTF-8.
_FORBIDDEN = [
    (re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"), "the control character"),
    (re.compile("[\u202a-\u202e\u2066-\u2069]"), "the bidirectional control character"),
    (
        re.compile(
            "[\ufdd0-\ufdef"
            + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
            + "]"
        ),
        "the noncharacter",
    ),
    (re.compile("[\ud800-\udfff]"), "the lone surrogate"),
]


def _allowed_characters(value: str) -> str:
    """Refuse text that would be lost, misread or break a download, rather than alter it."""
    for pattern, what in _FORBIDDEN:
        if found := pattern.search(value):
            raise ValueError(f"contains {what} U+{ord(found.group()):04X}")
    return value


def _visible(value: str) -> str:
    """Spaces, line breaks and invisible format characters alone make an empty heading or link."""
    if not any(unicodedata.category(ch)[0] not in "ZC" for ch in value):
        raise ValueError("must contain visible text")
    return value


def _no_repeats(ids: list[str]) -> list[str]:
    if repeated := sorted({i for i in ids if ids.count(i) > 1}):
        raise ValueError(f"lists {', '.join(map(repr, repeated))} more than once")
    return ids


_SOURCE_FILE = r"^[A-Za-z0-9][A-Za-z0-9_.-]*\.txt$"


def _plain_file_name(value: str) -> str:
    """A source is read from data/sources/ only: a path or '..' could publish any file of the
    machine that builds the site."""
    if not re.fullmatch(_SOURCE_FILE, value) or ".." in value:
        raise ValueError(
            "must be the name of a .txt file in data/sources/ (letters, digits, '-', '_', '.'), not a path"
        )
    return value


# --- the record graph: references, quotes and the documents they are quoted from --------------
# Declared here on the fields, and walked generically (scripts/data/record_graph.py) by validation,
# the catalogue's reverse links and the synthetic data.

ACTORS = ("ministries", "forums", "organisations")  # who can commit, sign or be a party


@dataclass(frozen=True)
class Ref:
    """The field holds the id of a record of one of `kinds`. "sections" are the sections of the
    document in scope (see QuotedFrom); "agenda_items" are the items of any meeting. `names`: the
    target's page lists the records that name it this way (not so for where a status is stated,
    or for relations, which have their own lists)."""

    kinds: tuple[str, ...]
    names: bool = True


@dataclass(frozen=True)
class QuotedFrom:
    """The field holds the id of the document that the quotes in its record, or in the part of the
    record it belongs to, are taken from (and whose sections "sections" references mean)."""


@dataclass(frozen=True)
class IsQuote:
    """The field is a verbatim passage of the document in scope."""


# Size limits keep one record from blowing up the site (every initiative is repeated in up to
# dozens of feeds); they are far above what the documents need (data/README.md lists them).
NAME_MAX, PROSE_MAX, QUOTE_MAX = 300, 3000, 5000

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=120)]
_CHECKED = (AfterValidator(_allowed_characters), AfterValidator(_visible))
Name = Annotated[str, StringConstraints(min_length=1, max_length=NAME_MAX), *_CHECKED]  # names, titles, labels
Text = Annotated[str, StringConstraints(min_length=1, max_length=PROSE_MAX), *_CHECKED]  # summaries, descriptions
Quote = Annotated[str, StringConstraints(min_length=1, max_length=QUOTE_MAX), *_CHECKED, IsQuote()]  # verbatim
HttpsUrl = Annotated[
    str, StringConstraints(pattern=r"^https://[^\s]+$", max_length=NAME_MAX), AfterValidator(_allowed_characters)
]
SourceFile = Annotated[
    str,
    StringConstraints(max_length=NAME_MAX),
    AfterValidator(_plain_file_name),
    Field(json_schema_extra={"pattern": _SOURCE_FILE}),
]
Year = Annotated[int, Field(ge=1900, le=2100)]


# References, by what they point at; a list names each record once.
_UNIQUE = AfterValidator(_no_repeats)
DocumentId = Annotated[Slug, Ref(("documents",)), QuotedFrom()]
StatusSource = Annotated[Slug, Ref(("documents",), names=False), QuotedFrom()]
RelationTarget = Annotated[Slug, Ref(("initiatives", "agenda_items"), names=False)]
SectionId = Annotated[Slug, Ref(("sections",))]
ActorId = Annotated[Slug, Ref(ACTORS)]
ActorIds = Annotated[list[ActorId], _UNIQUE]
MinistryId = Annotated[Slug, Ref(("ministries",))]
MinistryIds = Annotated[list[MinistryId], _UNIQUE]
RegionId = Annotated[Slug, Ref(("regions",))]
RegionIds = Annotated[list[RegionId], _UNIQUE]
ForumIds = Annotated[list[Annotated[Slug, Ref(("forums",))]], _UNIQUE]
OrganisationIds = Annotated[list[Annotated[Slug, Ref(("organisations",))]], _UNIQUE]
ThemeIds = Annotated[list[Annotated[Slug, Ref(("themes",))]], _UNIQUE]
TargetGroupIds = Annotated[list[Annotated[Slug, Ref(("target_groups",))]], _UNIQUE]


class Strict(BaseModel):
    """Unknown keys are errors, so a typo such as `minstries:` is never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Record(Strict):
    """A record in a file of its own under data/: its id is the file's name."""

    id: Slug


# --- building blocks ---------------------------------------------------------


class Timing(Strict):
    """When something happens: parsed where the text allows, the source's phrase always."""

    date: dt.date | None = None
    year: Year | None = None
    text: Name | None = Field(None, description="The source's own phrase, e.g. 'i efteråret 2013'.")


class Funding(Strict):
    label: Name | None = Field(None, description="What the amount is for, in Danish.")
    amount_dkk: Annotated[int, Field(ge=0)] | None = Field(
        None, description="Amount in whole kroner; empty when the source gives no figure."
    )
    period: Name | None = None
    text: Name = Field(description="The source's phrase, e.g. 'ca. 450 mio.kr (inkl. 24 mio. kr. EU-midler)'.")


class Effects(Strict):
    """The growth plan's six expected effects. None means '-' (unknown) in the source, never zero."""

    supported_companies: int | None
    new_growth_companies: int | None
    new_innovative_companies: int | None
    employment_growth: int | None
    turnover_growth_kdkk: int | None = Field(description="Vækst i omsætning, in 1.000 kr.")
    export_growth_kdkk: int | None = Field(description="Vækst i eksport, in 1.000 kr.")
    quote: Quote


class StatusValue(str, Enum):
    ukendt = "ukendt"
    aftalt = "aftalt"
    i_gang = "i gang"
    gennemfoert = "gennemført"
    opgivet = "opgivet"


class Status(Strict):
    value: StatusValue = StatusValue.ukendt
    source: StatusSource | None = Field(None, description="Id of the document that states this status.")
    quote: Quote | None = Field(None, description="Verbatim passage in that document.")
    note: Text | None = None


class RelationType(str, Enum):
    follows_up = "follows_up"
    related = "related"


class Relation(Strict):
    type: RelationType
    target: RelationTarget = Field(description="Id of an initiative or agenda item.")
    note: Text | None = None


class Firmness(str, Enum):
    """How firmly the source's wording commits (scripts/data/wording.py has the words of each)."""

    tilsagn = "tilsagn"  # "vil", "skal", "forpligter sig", "er enige om"
    hensigt = "hensigt"  # "vil arbejde for", "vil undersøge", "vil drøfte"
    mulighed = "mulighed"  # "kan", "vil kunne"


class Commitment(Strict):
    by: Annotated[ActorIds, Field(min_length=1)] = Field(
        description="Who commits, as the quote or its lead-in names them: ids of ministries, growth forums or "
        "organisations (a region's council and the municipalities are organisations of their own)."
    )
    partners: ActorIds = Field(
        [], description="Named by the quote as working with those who commit, or as the vehicle, without committing."
    )
    what: Text
    firmness: Firmness = Field(description="How firm the quote's wording is; its words must be in the quote.")
    when: Timing | None = Field(None, description="The commitment's own timing; its text must be in the quote.")
    status: Status = Status()
    lead_in: Quote | None = Field(
        None, description="The sentence the quoted bullet continues, e.g. 'Vækstforum vil:', verbatim."
    )
    quote: Quote


# --- records -----------------------------------------------------------------


class Section(Strict):
    """An indsatsområde, focus area, growth driver or agenda item, in document order."""

    id: Slug
    number: Name | None = None
    parent: SectionId | None = Field(None, description="Id of the enclosing section, for sub-sections.")
    title: Name
    kind: Literal[
        "indledning",
        "indsatsområde",
        "fyrtårnsinitiativ",
        "fokusområde",
        "vækstdriver",
        "vækstindsats",
        "dagsordenspunkt",
        "økonomi",
    ]
    summary: Text | None = None
    effects: Effects | None = None
    budget: list[Funding] = []
    quote: Quote


class Signatory(Strict):
    name: Name
    title: Name
    organisation: ActorId | None = None


class Period(Strict):
    start: Year
    end: Year


class CoverageExclusion(Strict):
    """A bullet or heading of the source that deliberately has no record, and why."""

    text: Quote = Field(description="The opening words of the bullet or heading, verbatim.")
    reason: Text


class SourceNote(Strict):
    """An evident error of the source, kept verbatim and pointed out rather than corrected."""

    quote: Quote = Field(description="The passage as the source has it.")
    note: Text = Field(description="What is wrong with it, and what the source means, e.g. from elsewhere in it.")


class Document(Record):
    id: Annotated[Slug, QuotedFrom()]
    kind: Literal["partnerskabsaftale", "vækstplan", "beslutningsreferat"]
    title: Name
    official_title: Quote = Field(description="The title as the document itself gives it, verbatim.")
    publisher: Name = Field(description="Who issued the document, as the document itself shows it.")
    original_url: HttpsUrl | None = Field(
        None, description="Where the original is published; only an address that has been checked, never a guess."
    )
    source_notes: list[SourceNote] = []
    short_title: Name
    date: dt.date | None = None
    date_text: Name | None = None
    period: Period | None = None
    valid_until: dt.date | None = None
    parties: ActorIds = Field(description="Ids of ministries, growth forums or organisations.")
    signatories: list[Signatory] = []
    regions: RegionIds
    summary: Text
    source: SourceFile = Field(description="File name in data/sources/.")
    budget: list[Funding] = []
    sections: Annotated[list[Section], Field(min_length=1)]
    coverage_exclusions: list[CoverageExclusion] = []


class Initiative(Record):
    id: Slug
    title: Name
    document: DocumentId
    section: SectionId
    summary: Text
    themes: ThemeIds = []
    operators: ActorIds = Field(
        [], description="Who runs it, as its quotes name them: the lead operator(s), apart from partners."
    )
    ministries: MinistryIds = []
    organisations: OrganisationIds = []
    forums: ForumIds = []
    target_groups: TargetGroupIds = []
    regions: RegionIds = []
    timing: Timing | None = None
    funding: list[Funding] = []
    effects: Effects | None = None
    commitments: list[Commitment] = []
    status: Status = Status()
    relations: list[Relation] = []
    quotes: Annotated[list[Quote], Field(min_length=1)]


class Person(Strict):
    name: Name
    role: Name | None = None
    organisation: Name | None = None
    group: Name | None = Field(None, description="The heading the person is listed under.")


class Annex(Strict):
    number: int | None = None
    title: Name


class AgendaItem(Strict):
    id: Slug
    number: int
    title: Name
    recommendation: list[Text] = []
    case_summary: Text | None = None
    decision: Text | None = None
    outcome: Literal["tiltrådt", "taget til efterretning", "godkendt", "drøftet", "orientering"] | None = None
    annexes: list[Annex] = []
    themes: ThemeIds = []
    organisations: OrganisationIds = []
    forums: ForumIds = []
    relations: list[Relation] = []
    quotes: Annotated[list[Quote], Field(min_length=1)]


class Meeting(Record):
    id: Slug
    document: DocumentId
    body: Name
    forums: ForumIds
    date: dt.date
    time_start: Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{2}$")] | None = None
    time_end: Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{2}$")] | None = None
    place: Name | None = None
    participants: list[Person]
    apologies: list[Person] = []
    agenda: Annotated[list[AgendaItem], Field(min_length=1)]


class NameChange(Strict):
    """A step in a ministry's history: it was renamed, split or merged into another."""

    to: MinistryId = Field(description="The ministry (or one of those) that took over.")
    change: Literal["navneændring", "deling", "sammenlægning", "ressortændring"]
    year: Year
    date: dt.date | None = Field(None, description="The day, where it is known for certain.")
    note: Text | None = None


class Ministry(Record):
    id: Slug
    name: Name
    kind: Literal["ministerium", "styrelse", "regeringen", "andet"]
    abbreviation: Name | None = None
    aliases: list[Name] = []
    parent: MinistryId | None = Field(None, description="The ministry an agency belongs to.")
    successors: list[NameChange] = []
    description: Text | None = None


class Organisation(Record):
    id: Slug
    name: Name
    kind: Literal[
        "klynge",
        "netværk",
        "universitet",
        "uddannelsesinstitution",
        "gts-institut",
        "virksomhed",
        "kommune",
        "region",
        "program",
        "eu",
        "fond",
        "interesseorganisation",
        "offentlig",
        "andet",
    ]
    abbreviation: Name | None = None
    aliases: list[Name] = []
    url: HttpsUrl | None = None
    description: Text | None = None


class Forum(Record):
    id: Slug
    name: Name
    aliases: list[Name] = []
    region: RegionId


class Region(Record):
    id: Slug
    name: Name
    aliases: list[Name] = []


class Theme(Record):
    id: Slug
    name: Name
    description: Text
    synonyms: list[Name] = []


class TargetGroup(Record):
    id: Slug
    name: Name
    description: Text
    synonyms: list[Name] = []
