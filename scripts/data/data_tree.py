"""Which files under data/ are read, and a problem for everything else there.

A record file that is not read is a record silently dropped, so nothing under data/ is
skipped without a word: a misspelt folder, `x.yaml`, `x.yml.bak`, a subfolder, a symbolic link
(which could point anywhere on the machine that builds the site) are all reported.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from scripts.data.kinds import KINDS
from scripts.data.problems import Problem

RECORD_SUFFIX = ".yml"
SOURCES = "sources"  # the source texts, named by the documents' `source`
SCHEMA = "schema"  # JSON Schema for editors, made by `python -m scripts schema`
DRAFTS = "drafts"  # drafts made by `python -m scripts ingest`: read only to review them (data/README.md)
README = "README.md"
# The first line of a draft; a record file under data/ that still has it is reported, so no
# draft is published before a reviewer has removed it.
DRAFT_MARK = "# UDKAST – ikke gennemgået"
MAX_SOURCE_BYTES = 5_000_000  # the longest source text is about 80 kB


@dataclass
class DataTree:
    records: dict[str, list[Path]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    sources: dict[str, Path] = field(default_factory=dict)  # file name → path
    drafts: list[Path] = field(default_factory=list)  # files under data/drafts/
    draft_records: list[Path] = field(default_factory=list)  # those read as records (with drafts=True)
    # (draft, the file read instead): a draft with the id of a record or of an earlier draft, not read
    hidden_drafts: list[tuple[Path, Path]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def scan(data_dir: Path, drafts: bool = False) -> DataTree:
    """Every record and source file under data_dir, and a problem for anything else. With
    `drafts` (to review them under `make serve`, never to publish), the records and source texts
    of data/drafts/<document>/ are read too (draft_records says which)."""
    tree = DataTree()
    if not data_dir.is_dir():
        tree.problems.append(Problem(data_dir, 0, "", "the data folder does not exist"))
        return tree
    expected = [*KINDS, SOURCES, SCHEMA, README]
    for path in sorted(data_dir.iterdir()):
        if _refused_link(path, tree):
            continue
        if path.name in KINDS and path.is_dir():
            tree.records[path.name] = _files(path, tree, RECORD_SUFFIX, "record files end in .yml")
            tree.problems += [_draft_problem(p) for p in tree.records[path.name] if _is_draft(p)]
        elif path.name == SOURCES and path.is_dir():
            tree.sources = {p.name: p for p in _files(path, tree, ".txt", "source texts end in .txt")}
        elif path.name == DRAFTS and path.is_dir():
            tree.drafts = sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink())
        elif path.name == SCHEMA and path.is_dir():
            _files(path, tree, ".schema.json", "only the generated JSON Schema files belong here")
        elif path.name != README or not path.is_file():
            guess = difflib.get_close_matches(path.name, [*expected, DRAFTS], n=1)
            hint = f"; did you mean {guess[0]!r}?" if guess else f"; expected only {', '.join(expected)}"
            what = "folder" if path.is_dir() else "file"
            tree.problems.append(Problem(path, 0, "", f"unknown {what} in the data folder{hint}"))
    for kind in KINDS:
        if not (data_dir / kind).is_dir():
            tree.problems.append(Problem(data_dir / kind, 0, "", "folder is missing: every kind of record has one"))
    if not tree.records["documents"] and (data_dir / "documents").is_dir():
        tree.problems.append(Problem(data_dir / "documents", 0, "", "no documents: the site would be empty"))
    if drafts:
        _add_drafts(data_dir, tree)
    return tree


def draft_records(data_dir: Path) -> list[Path]:
    """The record files of data/drafts/<document>/<kind>/ (the build leaves them out; never a link)."""
    folder = data_dir / DRAFTS
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(
        path
        for kind in KINDS
        for path in folder.glob(f"*/{kind}/*{RECORD_SUFFIX}")
        if path.is_file() and not any(p.is_symlink() for p in (path, path.parent, path.parent.parent))
    )


def _add_drafts(data_dir: Path, tree: DataTree) -> None:
    """The drafts' records, and their source texts where data/ has none of that name (the
    published text of a revised source stands). A draft with the id of a record, or of an earlier
    draft, is not read but listed in hidden_drafts (validate.py reports it: never dropped silently)."""
    taken = {(kind, path.name): path for kind, paths in tree.records.items() for path in paths}
    for path in draft_records(data_dir):
        key = (path.parent.name, path.name)
        if key in taken:
            tree.hidden_drafts.append((path, taken[key]))
            continue
        taken[key] = path
        tree.draft_records.append(path)
        tree.records[path.parent.name].append(path)
    for path in sorted((data_dir / DRAFTS).glob(f"*/{SOURCES}/*.txt")):
        if path.is_file() and not path.is_symlink() and not path.parent.is_symlink():
            tree.sources.setdefault(path.name, path)


def _files(folder: Path, tree: DataTree, suffix: str, rule: str) -> list[Path]:
    """The regular files in folder ending in suffix; a problem for everything else."""
    found = []
    for path in sorted(folder.iterdir()):
        if _refused_link(path, tree):
            continue
        if path.is_dir():
            tree.problems.append(Problem(path, 0, "", f"a folder here is not read ({rule})"))
        elif not path.name.endswith(suffix) or not path.is_file():
            tree.problems.append(Problem(path, 0, "", f"unknown file: {rule}"))
        else:
            found.append(path)
    return found


def _refused_link(path: Path, tree: DataTree) -> bool:
    if path.is_symlink():
        tree.problems.append(Problem(path, 0, "", "is a symbolic link; data must be plain files and folders"))
        return True
    return False


def _is_draft(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(DRAFT_MARK.encode())) == DRAFT_MARK.encode()
    except OSError:
        return False  # reported when the file is read


def _draft_problem(path: Path) -> Problem:
    return Problem(
        path, 1, "", f"is still marked as a draft ({DRAFT_MARK!r}): review it, then delete the lines starting with '#'"
    )
