"""The data model: the single source of the schema for every record in data/.

Each record kind lives in its own folder, one record per YAML file, and the file
name (without .yml) is the record's id. JSON Schema files for editors are generated
from these classes (`python -m scripts.schema`).
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

# Unicode's control characters (category Cc) but tab and line breaks.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _no_control_characters(value: str) -> str:
    """Control characters are invisible and are dropped by Markdown: refuse them rather than
    lose them silently (tab and line breaks are fine)."""
    if found := _CONTROL.search(value):
        raise ValueError(f"contains the control character U+{ord(found.group()):04X}")
    return value


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_no_control_characters)]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s]+$")]
Year = Annotated[int, Field(ge=1900, le=2100)]


class Strict(BaseModel):
    """Unknown keys are errors, so a typo such as `minstries:` is never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


# --- building blocks ---------------------------------------------------------


class Timing(Strict):
    """When something happens: parsed where the text allows, the source's phrase always."""

    date: dt.date | None = None
    year: Year | None = None
    text: Text | None = Field(None, description="The source's own phrase, e.g. 'i efteråret 2013'.")


class Funding(Strict):
    label: Text | None = Field(None, description="What the amount is for, in Danish.")
    amount_dkk: Annotated[int, Field(ge=0)] | None = Field(
        None, description="Amount in whole kroner; empty when the source gives no figure."
    )
    period: Text | None = None
    text: Text = Field(description="The source's phrase, e.g. 'ca. 450 mio.kr (inkl. 24 mio. kr. EU-midler)'.")


class Effects(Strict):
    """The growth plan's six expected effects. None means '-' (unknown) in the source, never zero."""

    supported_companies: int | None
    new_growth_companies: int | None
    new_innovative_companies: int | None
    employment_growth: int | None
    turnover_growth_kdkk: int | None = Field(description="Vækst i omsætning, in 1.000 kr.")
    export_growth_kdkk: int | None = Field(description="Vækst i eksport, in 1.000 kr.")
    quote: Text


class StatusValue(str, Enum):
    ukendt = "ukendt"
    aftalt = "aftalt"
    i_gang = "i gang"
    gennemfoert = "gennemført"
    opgivet = "opgivet"


class Status(Strict):
    value: StatusValue = StatusValue.ukendt
    source: Slug | None = Field(None, description="Id of the document that states this status.")
    quote: Text | None = Field(None, description="Verbatim passage in that document.")
    note: Text | None = None


class RelationType(str, Enum):
    follows_up = "follows_up"
    related = "related"


class Relation(Strict):
    type: RelationType
    target: Slug = Field(description="Id of an initiative or agenda item.")
    note: Text | None = None


class Commitment(Strict):
    by: Annotated[list[Slug], Field(min_length=1)] = Field(
        description="Who commits: ids of ministries, growth forums or organisations."
    )
    what: Text
    when: Timing | None = None
    status: Status = Status()
    quote: Text


# --- records -----------------------------------------------------------------


class Section(Strict):
    """An indsatsområde, focus area, growth driver or agenda item, in document order."""

    id: Slug
    number: Text | None = None
    parent: Slug | None = Field(None, description="Id of the enclosing section, for sub-sections.")
    title: Text
    kind: Literal[
        "indledning", "indsatsområde", "fyrtårnsinitiativ", "fokusområde", "vækstdriver",
        "vækstindsats", "dagsordenspunkt", "økonomi",
    ]
    summary: Text | None = None
    effects: Effects | None = None
    budget: list[Funding] = []
    quote: Text


class Signatory(Strict):
    name: Text
    title: Text
    organisation: Slug | None = None


class Period(Strict):
    start: Year
    end: Year


class CoverageExclusion(Strict):
    """A bullet or heading of the source that deliberately has no record, and why."""

    text: Text = Field(description="The opening words of the bullet or heading, verbatim.")
    reason: Text


class Document(Strict):
    id: Slug
    kind: Literal["partnerskabsaftale", "vækstplan", "beslutningsreferat"]
    title: Text
    short_title: Text
    date: dt.date | None = None
    date_text: Text | None = None
    period: Period | None = None
    valid_until: dt.date | None = None
    parties: list[Slug] = Field(description="Ids of ministries, growth forums or organisations.")
    signatories: list[Signatory] = []
    regions: list[Slug]
    summary: Text
    source: Text = Field(description="File name in data/sources/.")
    budget: list[Funding] = []
    sections: Annotated[list[Section], Field(min_length=1)]
    coverage_exclusions: list[CoverageExclusion] = []


class Initiative(Strict):
    id: Slug
    title: Text
    document: Slug
    section: Slug
    summary: Text
    themes: list[Slug] = []
    ministries: list[Slug] = []
    organisations: list[Slug] = []
    forums: list[Slug] = []
    target_groups: list[Slug] = []
    regions: list[Slug] = []
    timing: Timing | None = None
    funding: list[Funding] = []
    effects: Effects | None = None
    commitments: list[Commitment] = []
    status: Status = Status()
    relations: list[Relation] = []
    quotes: Annotated[list[Text], Field(min_length=1)]


class Person(Strict):
    name: Text
    role: Text | None = None
    organisation: Text | None = None
    group: Text | None = Field(None, description="The heading the person is listed under.")


class Annex(Strict):
    number: int | None = None
    title: Text


class AgendaItem(Strict):
    id: Slug
    number: int
    title: Text
    recommendation: list[Text] = []
    case_summary: Text | None = None
    decision: Text | None = None
    outcome: Literal[
        "tiltrådt", "taget til efterretning", "godkendt", "drøftet", "orientering"
    ] | None = None
    annexes: list[Annex] = []
    themes: list[Slug] = []
    organisations: list[Slug] = []
    forums: list[Slug] = []
    relations: list[Relation] = []
    quotes: Annotated[list[Text], Field(min_length=1)]


class Meeting(Strict):
    id: Slug
    document: Slug
    body: Text
    forums: list[Slug]
    date: dt.date
    time_start: Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{2}$")] | None = None
    time_end: Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{2}$")] | None = None
    place: Text | None = None
    participants: list[Person]
    apologies: list[Person] = []
    agenda: Annotated[list[AgendaItem], Field(min_length=1)]


class Ministry(Strict):
    id: Slug
    name: Text
    kind: Literal["ministerium", "styrelse", "regeringen", "andet"]
    abbreviation: Text | None = None
    aliases: list[Text] = []
    parent: Slug | None = Field(None, description="The ministry an agency belongs to.")
    successors: list[Slug] = []
    description: Text | None = None


class Organisation(Strict):
    id: Slug
    name: Text
    kind: Literal[
        "klynge", "netværk", "universitet", "uddannelsesinstitution", "gts-institut", "virksomhed",
        "kommune", "region", "program", "eu", "fond", "interesseorganisation", "offentlig", "andet",
    ]
    abbreviation: Text | None = None
    aliases: list[Text] = []
    url: HttpsUrl | None = None
    description: Text | None = None


class Forum(Strict):
    id: Slug
    name: Text
    aliases: list[Text] = []
    region: Slug


class Region(Strict):
    id: Slug
    name: Text
    aliases: list[Text] = []


class Theme(Strict):
    id: Slug
    name: Text
    description: Text
    synonyms: list[Text] = []


class TargetGroup(Strict):
    id: Slug
    name: Text
    description: Text
    synonyms: list[Text] = []


# Folder under data/ → model. The order is the order records are loaded and reported.
KINDS: dict[str, type[Strict]] = {
    "regions": Region,
    "forums": Forum,
    "ministries": Ministry,
    "organisations": Organisation,
    "themes": Theme,
    "target_groups": TargetGroup,
    "documents": Document,
    "initiatives": Initiative,
    "meetings": Meeting,
}
