"""Walk any record along the graph its model declares (scripts/data/model.py: Ref, QuotedFrom,
IsQuote): every reference it makes and every quote it carries, with the document in scope.

Validation, the catalogue's reverse links and the synthetic data all walk records this way, so
a new reference between records is declared once, on the model's field.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from scripts.data.model import IsQuote, QuotedFrom, Ref
from scripts.data.yaml_lines import FieldPath


@dataclass(frozen=True)
class Reference:
    path: FieldPath  # where in the record, e.g. ("commitments", 0, "by", 1)
    ref: Ref  # what it may point at
    target: str  # the id it points at
    document: str | None  # the document in scope: "sections" references mean its sections
    owner: str  # id of the innermost part with an id that makes it: the record, an agenda item, a section
    holder: BaseModel  # the object the field belongs to (a Relation, a Commitment, the record ...)

    @property
    def field(self) -> str:
        """The name of the field that holds it, e.g. "by" for ("commitments", 0, "by", 1)."""
        return next(part for part in reversed(self.path) if isinstance(part, str))


@dataclass(frozen=True)
class Quote:
    path: FieldPath
    document: str | None  # the document it must be found in
    text: str


@dataclass(frozen=True)
class _Field:
    name: str
    ref: Ref | None
    quoted_from: bool
    quote: bool


def _markers(annotation) -> list:
    """Every Annotated marker inside a type: Annotated[...], X | None, list[...]."""
    found = list(getattr(annotation, "__metadata__", ()))
    for arg in typing.get_args(annotation):
        found += _markers(arg)
    return found


@cache
def _fields(model: type[BaseModel]) -> tuple[_Field, ...]:
    out = []
    for name, info in model.model_fields.items():
        markers = list(info.metadata) + _markers(info.annotation)
        out.append(
            _Field(
                name,
                next((m for m in markers if isinstance(m, Ref)), None),
                any(isinstance(m, QuotedFrom) for m in markers),
                any(isinstance(m, IsQuote) for m in markers),
            )
        )
    return tuple(out)


def walk(record: BaseModel) -> tuple[list[Reference], list[Quote]]:
    """Every reference and every quote of a record, in field order."""
    references: list[Reference] = []
    quotes: list[Quote] = []
    _walk(record, (), None, record.id, references, quotes)  # type: ignore[attr-defined]
    return references, quotes


def _walk(
    obj: BaseModel, path: FieldPath, document: str | None, owner: str, references: list[Reference], quotes: list[Quote]
) -> None:
    fields = _fields(type(obj))
    for f in fields:  # the document in scope first: it may be declared after the quotes
        if f.quoted_from and getattr(obj, f.name) is not None:
            document = getattr(obj, f.name)
    owner = getattr(obj, "id", None) or owner
    for f in fields:
        value = getattr(obj, f.name)
        items = enumerate(value) if isinstance(value, list) else ((None, value),)
        for i, item in items:
            where = path + (f.name,) if i is None else path + (f.name, i)
            if isinstance(item, BaseModel):
                _walk(item, where, document, owner, references, quotes)
            elif isinstance(item, str):
                if f.ref:
                    references.append(Reference(where, f.ref, item, document, owner, obj))
                if f.quote:
                    quotes.append(Quote(where, document, item))


def set_at(data: dict, path: FieldPath, value) -> None:
    """Set the value at a path in a record's plain data (dicts and lists)."""
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value
