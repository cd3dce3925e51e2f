"""Write drafts under data/drafts/<document id>/, never over a file that is there, and check them.

The folder mirrors data/: drafts/<document>/sources/, documents/, initiatives/. The published
build never reads it; `make serve` shows its records with a banner (scripts/data/data_tree.py); a
reviewer publishes a draft by editing it, deleting its marked lines and moving it to the same place
under data/ (data/README.md).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.data.coverage import Item, _covered, items, quotes_of, sentences
from scripts.data.data_tree import DRAFT_MARK, DRAFTS, SOURCES
from scripts.data.problems import Problem
from scripts.data.quotes import canonical
from scripts.data.validate import load
from scripts.ingest.draft import Draft

PREFIX = 40  # characters of a passage a record's quote must hold for the passage to be covered (as coverage.py)


@dataclass
class Written:
    written: list[Path] = field(default_factory=list)
    covered: list[Draft] = field(default_factory=list)  # a record or draft quotes it already
    kept: list[Path] = field(default_factory=list)  # a draft file of that name is there: left as it is


def folder(data_dir: Path, doc_id: str) -> Path:
    return data_dir / DRAFTS / doc_id


def covered_by(draft: Draft, quotes: list[str]) -> bool:
    key = canonical(draft.quote)[:PREFIX]
    return any(key in canonical(q) for q in quotes)


def write(data_dir: Path, doc_id: str, source_name: str, text: str, drafts: list[Draft], quotes: list[str]) -> Written:
    """Write the source text (unless data/sources/ has it already, unchanged) and each draft that
    no record or earlier draft covers."""
    out = Written()
    target = folder(data_dir, doc_id)
    published = data_dir / SOURCES / source_name
    if not (published.is_file() and published.read_text(encoding="utf-8") == text):
        path = target / SOURCES / source_name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_text(text, encoding="utf-8")
            out.written.append(path)
    for d in drafts:
        if covered_by(d, quotes):
            out.covered.append(d)
            continue
        path = target / d.kind / f"{d.id}.yml"
        if path.exists():
            out.kept.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(d, source_name), encoding="utf-8")
        out.written.append(path)
    return out


def render(d: Draft, source_name: str) -> str:
    header = [
        DRAFT_MARK,
        f"# Lavet af `python -m scripts ingest` ud fra kildeteksten {source_name}; intet her er offentliggjort.",
        "# Citaterne er kildens egne ord. Ret felterne nedenfor, slet så alle linjer, der begynder med '#',",
        f'# og flyt filen til data/{d.kind}/ (data/README.md: "Nye dokumenter med ingest").',
        "# Skal kontrolleres:",
        *[f"#   - {c}" for c in d.checks],
    ]
    body = yaml.safe_dump(d.data, allow_unicode=True, sort_keys=False, width=100)
    return "\n".join(header) + "\n" + body


STATUSES = "status-forslag.yml"


def write_statuses(data_dir: Path, doc_id: str, proposals: list) -> list[Path]:
    """The status changes the document supports for earlier commitments, for the reviewer to copy
    into them; never written over an earlier proposal file."""
    path = folder(data_dir, doc_id) / STATUSES
    if not proposals or path.exists():
        return []
    header = [
        DRAFT_MARK,
        "# Forslag til ny status for tidligere tilsagn, som dette dokument følger op på. Intet er ændret.",
        "# Kopiér et forslag, du er enig i, til `status` i initiativet (commitment: null) eller i tilsagnet",
        f"# med det nummer (0 er det første), med source: {doc_id}, og kontrollér value og citatet.",
    ]
    entries = [
        {
            "initiative": p.initiative,
            "commitment": p.commitment,
            "status": {"value": p.value, "source": doc_id, "quote": " ".join(p.quote.split())},
            "afsnit": p.section,
        }
        for p in proposals
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "\n".join(header) + "\n" + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8",
    )
    return [path]


@dataclass
class Check:
    problems: list[Problem]  # in the drafts, as the validator reports them
    items: list[Item]  # the source's bullets and headings
    uncovered: list[Item]


def check(data_dir: Path, doc_id: str, source_name: str) -> Check:
    """Validate the drafts of one document as if they were published (in a scratch copy of the data
    folder with the drafts moved in), and measure the coverage of its source by records and drafts."""
    drafts = folder(data_dir, doc_id)
    with tempfile.TemporaryDirectory(prefix="ingest-") as tmp:
        scratch = Path(tmp) / "data"
        shutil.copytree(data_dir, scratch, ignore=shutil.ignore_patterns(DRAFTS), symlinks=True)
        moved: dict[Path, Path] = {}
        # the records and the source, not the proposals; a link is never followed (data/README.md)
        for path in sorted(p for p in drafts.glob("*/*") if p.is_file() and not p.is_symlink()):
            to = scratch / path.relative_to(drafts)
            to.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, to)
            moved[to] = path
        catalogue, found_problems = load(scratch)
        problems = [
            Problem(moved[p.path], p.line, p.field, p.message)
            for p in found_problems
            if p.path in moved and DRAFT_MARK not in p.message
        ]
        text = (scratch / SOURCES / source_name).read_text(encoding="utf-8")
    quotes = [canonical(q) for q in quotes_of(catalogue, doc_id)] if doc_id in catalogue.documents else []
    excluded = [canonical(e.text) for e in catalogue.documents[doc_id].coverage_exclusions] if quotes else []
    bullets = items(text, doc_id)
    found = bullets + sentences(text, doc_id, {b.line for b in bullets})
    uncovered = [item for item in found if not _covered(item, quotes, excluded)]
    return Check(problems, found, uncovered)
