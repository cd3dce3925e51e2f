"""What every page kind shares: the Page record, URLs derived from record ids, templates.

URLs are derived from ids only, so editing a title never changes an address.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from scripts.data.catalogue import Catalogue, Mention
from scripts.data.kinds import KINDS
from scripts.render import danish
from scripts.render.badges import STATUS_MEANING
from scripts.render.escape import finalize, inline

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Record kind → folder under docs/ (and URL prefix), from scripts/data/kinds.py.
FOLDERS = {key: kind.url for key, kind in KINDS.items()}

KIND_LABELS = {
    "partnerskabsaftale": "Partnerskabsaftale",
    "vækstplan": "Vækstplan",
    "beslutningsreferat": "Beslutningsreferat",
}


def page_path(kind: str, record_id: str) -> str:
    """The Markdown file (relative to docs/) of a record's page."""
    if kind == "documents":  # a folder: the document's source text is beside it
        return f"{FOLDERS[kind]}/{record_id}/index.md"
    return f"{FOLDERS[kind]}/{record_id}.md"


def page_url(kind: str, record_id: str) -> str:
    """The published URL of a record's page, relative to the site root, e.g. 'initiativer/x/'."""
    return _url_dir(page_path(kind, record_id)) + "/"


def source_page_path(document_id: str) -> str:
    return f"{FOLDERS['documents']}/{document_id}/kildetekst.md"


def index_path(kind: str) -> str:
    return f"{FOLDERS[kind]}/index.md"


def quote_anchor(record_id: str, n: int = 0, part: str = "") -> str:
    """Anchor of a quoted passage on the source-text page."""
    return "kilde-" + record_id + (f"-{part}" if part else "") + (f"-{n + 1}" if n else "")


@cache
def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for paths inside docs/, without its calls to look up the working
    directory (it runs for every link on every page)."""
    to, here = _parts(path), _parts(start)
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def _parts(path: str) -> list[str]:
    return [p for p in path.split("/") if p not in ("", ".")]


def _url_dir(md_path: str) -> str:
    """'tilsagn/index.md' → 'tilsagn', 'tilsagn/matrix.md' → 'tilsagn/matrix' (directory URLs)."""
    stem = md_path.removesuffix(".md")
    return posixpath.dirname(stem) if stem.endswith("index") else stem


@dataclass
class Page:
    path: str
    template: str
    context: dict = field(default_factory=dict)
    data_file: Path | None = None
    draft: bool = False  # made from a draft (data/drafts/; only under `make serve`): the page says so
    # Search: terms users may type that the page does not contain (synonyms, abbreviations),
    # and result metadata shown under the title (document, year).
    synonyms: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    # False for long verbatim text: it is found by its own words only, so that it does not crowd
    # out the records made from it (and the index stays small).
    extra_search_terms: bool = True
    # Extra front matter for MkDocs Material, e.g. {"hide": ["navigation", "toc"]} for wide tables.
    front_matter: dict = field(default_factory=dict)
    # Other files published with the page: path under docs/ → text (e.g. the finder's JSON).
    files: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Ref:
    name: str
    href: Markup
    kind: str
    id: str


class Links:
    """Relative links from one page to others, as Python-Markdown and MkDocs expect them."""

    def __init__(self, catalogue: Catalogue, from_path: str, raw_html: bool = False):
        """raw_html: links are for raw HTML blocks, which MkDocs does not rewrite, so they
        point at published URLs instead of Markdown files."""
        self.cat = catalogue
        self.raw_html = raw_html
        self.from_dir = posixpath.dirname(from_path)
        self.from_url = _url_dir(from_path)

    def to(self, path: str, anchor: str = "") -> Markup:
        if self.raw_html:
            return self.url(path) + (f"#{anchor}" if anchor else "")
        rel = _relpath(path, self.from_dir or ".")
        return Markup(rel + (f"#{anchor}" if anchor else ""))

    def url(self, path: str, query: str = "") -> Markup:
        """The published URL of a page, relative to this page's URL, for links in raw HTML
        (which MkDocs does not rewrite)."""
        if not path.endswith(".md"):  # a download: its URL is its path
            return Markup(_relpath(path, self.from_url or "."))
        rel = _relpath(_url_dir(path) or ".", self.from_url or ".")
        return Markup(("./" if rel == "." else rel + "/") + (f"?{query}" if query else ""))

    def ref(self, kind: str, record_id: str) -> Ref:
        """A link to any record; for actors the kind may be 'actor' and is resolved."""
        if kind == "actor":
            kind = self.cat.actor_kind(record_id) or "organisations"
        if kind == "target":  # a relation target: an initiative or an agenda item
            if record_id in self.cat.initiatives:
                kind = "initiatives"
            else:
                meeting, item = self.cat.agenda_items[record_id]
                name = f"Punkt {item.number}. {item.title} ({danish.date(meeting.date)})"
                return Ref(name, self.to(page_path("meetings", meeting.id), record_id), "agenda_items", record_id)
        record = self.cat.records[kind][record_id]
        if kind == "documents":
            name = record.short_title
        elif kind == "meetings":
            name = f"{record.body}, {danish.date(record.date)}"
        else:
            name = getattr(record, "title", None) or record.name
        return Ref(name, self.to(page_path(kind, record_id)), kind, record_id)

    def refs(self, kind: str, ids) -> list[Ref]:
        return [self.ref(kind, i) for i in ids]

    def fields(self, kind: str, record_id: str) -> defaultdict[str, list[Ref]]:
        """The records a record names in its own fields (not in its parts, such as a commitment),
        by field name; a reference declared in the model is here without more code."""
        out: defaultdict[str, list[Ref]] = defaultdict(list)
        for r in self.cat.references(kind, record_id):
            if len(r.path) <= 2 and r.ref.kinds != ("sections",):
                target = self.cat.kind_of(r.target, r.ref.kinds)
                out[r.field].append(self.ref("target" if target == "agenda_items" else target, r.target))
        return out

    def named_by(self, kind: str, record_id: str) -> defaultdict[str, list[Ref]]:
        """The records (or agenda items) that name a record, by "<their kind>.<field>", e.g.
        "initiatives.themes"; the other side of `fields`."""
        out: defaultdict[str, list[Ref]] = defaultdict(list)
        for m in self.cat.mentions(kind, record_id):
            key, ref = f"{m.kind}.{m.reference.field}", self.mentioner(m)
            if ref not in out[key]:
                out[key].append(ref)
        return out

    def mentioner(self, mention: Mention) -> Ref:
        """A link to whoever makes a mention: the record, or the agenda item of a meeting."""
        if mention.reference.owner == mention.record:
            return self.ref(mention.kind, mention.record)
        return self.ref("target", mention.reference.owner)

    def relations(self, record_id: str, relations) -> dict[str, list[Ref]]:
        """A record's relations both ways: what it follows up, what follows it up, see also."""
        incoming = self.cat.relations_to(record_id)
        return dict(
            follows_up=[self.ref("target", r.target) for r in relations if r.type.value == "follows_up"],
            followed_up_by=[self.ref("target", s) for s, t in incoming if t == "follows_up"],
            # a relation stated on both records is listed once
            see_also=list(
                dict.fromkeys(
                    [self.ref("target", r.target) for r in relations if r.type.value == "related"]
                    + [self.ref("target", s) for s, t in incoming if t == "related"]
                )
            ),
        )

    def commitment(self, initiative, n: int, **more) -> dict:
        """What a page shows of an initiative's n-th commitment (0-based), with a link to its
        passage in the source, and whatever more the page adds."""
        c = initiative.commitments[n]
        anchor = quote_anchor(initiative.id, n, "tilsagn")
        return dict(
            what=c.what,
            firmness=c.firmness.value,
            partners=self.refs("actor", c.partners),
            when=c.when,
            status=c.status,
            source=self.source(initiative.document, anchor),
            **more,
        )

    def source(self, document_id: str, anchor: str = "") -> Markup:
        return self.to(source_page_path(document_id), anchor)

    def index(self, kind: str) -> Markup:
        return self.to(index_path(kind))


def index_page(link: Links, kind: str, context: dict) -> Page:
    """The index page of a kind of record, from templates/<kind>_index.md.j2; `link` is made
    for its path (index_path)."""
    return Page(index_path(kind), f"{kind}_index.md.j2", context=dict(link=link, kind=KINDS[kind], **context))


def anchor_id(value: str) -> Markup:
    """A record id used as an HTML anchor: ids are slugs, checked again here before use."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
        raise ValueError(f"not a slug: {value!r}")
    return Markup(value)


def names(record) -> list[str]:
    """Every name a user may type for a record: name, abbreviation, aliases, synonyms."""
    out = [getattr(record, "name", None) or getattr(record, "title", "")]
    out.append(getattr(record, "abbreviation", None) or "")
    out += list(getattr(record, "aliases", [])) + list(getattr(record, "synonyms", []))
    return [n for n in out if n]


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        # `finalize` escapes data for Markdown and HTML and returns Markup, which autoescape
        # then leaves alone; autoescape also keeps macro output from being escaped twice.
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        # our own formatting, never data text: safe as it is (and "15. maj" must not be escaped)
        date=lambda d: Markup(danish.date(d)),
        amount=lambda n: Markup(danish.amount(n)),
        number=lambda n: Markup(danish.number(n)),
        counted=lambda n, singular, plural: Markup(danish.counted(n, singular, plural)),
        years=lambda pair: Markup(danish.years(*pair)),
        kind_label=lambda k: KIND_LABELS.get(k, k),
        text=inline,
        anchor=anchor_id,
        # inside raw HTML blocks Markdown is not processed: escape for HTML only
        h=lambda v: Markup(html.escape(str(v), quote=True)),
    )
    env.globals["status_meaning"] = STATUS_MEANING  # our own Danish text, keyed by status value
    return env
