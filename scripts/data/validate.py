"""Load and validate everything in data/; report every problem at once.

    python -m scripts validate [--data DIR]

Stage 1 checks each file against the model (scripts/data/model.py); stage 2 checks the
rules between records: ids, references, and that every quote is in its source.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

import pydantic

from scripts.data.catalogue import Catalogue
from scripts.data.data_tree import MAX_SOURCE_BYTES, DataTree, scan
from scripts.data.faithfulness import commitment_problems
from scripts.data.kinds import MODELS
from scripts.data.model import ACTORS, Document, Record
from scripts.data.problems import DataError, Problem
from scripts.data.quotes import SourceText
from scripts.data.record_graph import walk
from scripts.data.yaml_lines import MAX_FILE_BYTES, FieldPath, YamlFile, read_yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

# Namespaces a reference can point into.


def _model_problems(yf: YamlFile, error: pydantic.ValidationError) -> list[Problem]:
    problems = []
    for e in error.errors():
        loc: FieldPath = tuple(e["loc"])
        if e["type"] == "extra_forbidden":
            message = f"unknown field {loc[-1]!r}"
        elif e["type"] == "missing":
            message = "required field is missing"
        else:
            message = e["msg"]
            if "input" in e and not isinstance(e["input"], (dict, list)):
                message += f" (got {e['input']!r})"
        problems.append(yf.problem(loc, message))
    return problems


class ParsedFiles:
    """What stage 1 made of each record file, kept by a long-lived process (`make serve`) so that
    a rebuild parses and checks again only the files whose bytes changed."""

    def __init__(self) -> None:
        self._files: dict[tuple[Path, str], tuple[bytes, tuple]] = {}
        self._sources: dict[Path, tuple[bytes, SourceText]] = {}

    def read(self, path: Path, kind: str) -> tuple[YamlFile | None, Record | None, list[Problem]]:
        try:
            raw = path.read_bytes() if path.stat().st_size <= MAX_FILE_BYTES else None
        except OSError:
            raw = None
        kept = self._files.get((path, kind))
        if raw is not None and kept and kept[0] == raw:
            return kept[1]
        result = _read_record(path, MODELS[kind], raw)
        if raw is not None:
            self._files[(path, kind)] = (raw, result)
        return result

    def source(self, path: Path) -> SourceText:
        """The source text in the file (raises UnicodeDecodeError if it is not UTF-8)."""
        raw = path.read_bytes()
        kept = self._sources.get(path)
        if not kept or kept[0] != raw:
            kept = self._sources[path] = (raw, SourceText(raw.decode("utf-8")))
        return kept[1]

    def keep_only(self, read: set[tuple[Path, str]]) -> None:
        """Forget the record files this load did not read (deleted or moved)."""
        for gone in self._files.keys() - read:
            del self._files[gone]


def _read_record(
    path: Path, model: type[Record], raw: bytes | None
) -> tuple[YamlFile | None, Record | None, list[Problem]]:
    """Stage 1 for one file (`raw`: its bytes, if read already): its parsed YAML, its record if
    valid, and its problems."""
    yf, problems = read_yaml(path, raw)
    if yf is None:
        return None, None, problems
    try:
        record = model.model_validate(yf.data)
    except pydantic.ValidationError as e:
        return yf, None, problems + _model_problems(yf, e)
    except RecursionError:  # cannot happen below MAX_DEPTH; reported, never a traceback
        return yf, None, problems + [yf.problem((), "values are nested too deeply to check")]
    if record.id != path.stem:
        problems = problems + [yf.problem(("id",), f"id {record.id!r} must equal the file name {path.stem!r}")]
    return yf, record, problems


def _read_records(tree: DataTree, parsed: ParsedFiles) -> tuple[dict, dict, dict, dict, list[Problem]]:
    records: dict[str, dict[str, Record]] = {kind: {} for kind in MODELS}
    files: dict[tuple[str, str], Path] = {}
    yaml_files: dict[tuple[str, str], YamlFile] = {}
    problems: list[Problem] = []
    invalid: dict[str, set[str]] = {kind: set() for kind in MODELS}
    for kind in MODELS:
        for path in tree.records[kind]:
            yf, record, read_problems = parsed.read(path, kind)
            problems += read_problems
            if record is None or yf is None:  # a record comes only with its file
                invalid[kind].add(path.stem)  # still a known id: references to it are not errors too
                continue
            records[kind][record.id] = record
            files[(kind, record.id)] = path
            yaml_files[(kind, record.id)] = yf
    parsed.keep_only({(path, kind) for kind in MODELS for path in tree.records[kind]})
    return records, files, yaml_files, invalid, problems


def _load_sources(
    tree: DataTree, records, yaml_files, invalid, parsed: ParsedFiles
) -> tuple[dict[str, SourceText], list[Problem]]:
    """The source text of every document. A document names a plain file of data/sources/, and
    only the files found there by the scan are read: never a path or a link elsewhere."""
    sources: dict[str, SourceText] = {}
    by_file: dict[Path, SourceText] = {}
    problems: list[Problem] = []
    for doc in records["documents"].values():
        path = tree.sources.get(doc.source)
        yf = yaml_files[("documents", doc.id)]
        if path is None:
            problems.append(yf.problem(("source",), f"no source file {doc.source!r} in data/sources/"))
            continue
        try:
            if path not in by_file:  # documents may share a source file; read and index it once
                if (size := path.stat().st_size) > MAX_SOURCE_BYTES:
                    raise ValueError(f"is {size:,} bytes; a source text may be at most {MAX_SOURCE_BYTES:,} bytes")
                by_file[path] = parsed.source(path)
            sources[doc.id] = by_file[path]
        except UnicodeDecodeError:
            problems.append(yf.problem(("source",), f"source file {path} is not valid UTF-8"))
        except (OSError, ValueError) as e:
            problems.append(yf.problem(("source",), f"source file {path} {getattr(e, 'strerror', None) or e}"))
    used = {doc.source for doc in records["documents"].values()}
    if not invalid["documents"]:  # an invalid document may well name the others
        problems += [
            Problem(path, 0, "", "no document names this source text (documents' `source`)")
            for name, path in tree.sources.items()
            if name not in used
        ]
    return sources, problems


def _cross_record_problems(records, yaml_files, sources, invalid, graph) -> list[Problem]:
    problems: list[Problem] = []
    namespaces: dict[str, set[str]] = {kind: set(ids) | invalid[kind] for kind, ids in records.items()}
    agenda_owner: dict[str, str] = {}
    for meeting in records["meetings"].values():
        for i, item in enumerate(meeting.agenda):
            if item.id in agenda_owner or item.id in records["initiatives"]:
                problems.append(
                    yaml_files[("meetings", meeting.id)].problem(("agenda", i, "id"), f"duplicate id {item.id!r}")
                )
            agenda_owner[item.id] = meeting.id
    namespaces["agenda_items"] = set(agenda_owner)
    sections = {doc.id: {s.id for s in doc.sections} for doc in records["documents"].values()}

    actor_owner: dict[str, str] = {}
    for kind in ACTORS:
        for rid in records[kind]:
            if rid in actor_owner:
                problems.append(
                    yaml_files[(kind, rid)].problem(
                        ("id",), f"id {rid!r} is also used in data/{actor_owner[rid]}/; actor ids must be unique"
                    )
                )
            actor_owner[rid] = kind

    for (kind, rid), yf in yaml_files.items():
        record = records[kind][rid]
        references, quotes = graph[(kind, rid)]
        for r in references:
            if r.ref.kinds == ("sections",):
                if r.document in sections and r.target not in sections[r.document]:
                    problems.append(
                        yf.problem(
                            r.path, f"unknown reference {r.target!r} (no such section in document {r.document!r})"
                        )
                    )
            elif not any(r.target in namespaces[space] for space in r.ref.kinds):
                where = " or ".join(r.ref.kinds).replace("_", " ")
                problems.append(yf.problem(r.path, f"unknown reference {r.target!r} (no such id in {where})"))
        if isinstance(record, Document):
            seen: set[str] = set()
            for i, s in enumerate(record.sections):
                if s.id in seen:
                    problems.append(yf.problem(("sections", i, "id"), f"duplicate section id {s.id!r}"))
                seen.add(s.id)
        for q in quotes:
            source = sources.get(q.document)
            if source is not None and not source.contains(q.text):
                short = q.text if len(q.text) <= 60 else q.text[:57] + "..."
                problems.append(yf.problem(q.path, f"quote not found in source of {q.document!r}: {short!r}"))
    return problems


def _unnamed_problems(records, yaml_files, graph) -> list[Problem]:
    """An organisation that no record names would have a page with nothing on it."""
    named = {r.target for references, _ in graph.values() for r in references}
    return [
        yaml_files[("organisations", rid)].problem(
            ("id",),
            "no record names this organisation: name it where a source does (an initiative's organisations "
            "or operators, a commitment, a document or a meeting), or remove the file",
        )
        for rid in records["organisations"]
        if rid not in named
    ]


def _cycle_problems(records, yaml_files) -> list[Problem]:
    """A ministry cannot be its own successor or parent, however far round, nor a section its
    own parent: each would send the pages' lineage and nesting round for ever."""
    problems = []
    ministries = records["ministries"]
    for field, edges in (
        ("parent", {m.id: [m.parent] if m.parent else [] for m in ministries.values()}),
        ("successors", {m.id: [c.to for c in m.successors] for m in ministries.values()}),
    ):
        for cycle in cycles(edges):
            problems.append(
                yaml_files[("ministries", cycle[0])].problem(
                    (field,), f"{field} go round in a circle: {' → '.join(cycle + cycle[:1])}"
                )
            )
    for doc in records["documents"].values():
        parents = {s.id: [s.parent] if s.parent else [] for s in doc.sections}
        position = {s.id: i for i, s in enumerate(doc.sections)}
        for cycle in cycles(parents):
            problems.append(
                yaml_files[("documents", doc.id)].problem(
                    ("sections", position[cycle[0]], "parent"),
                    f"section parents go round in a circle: {' → '.join(cycle + cycle[:1])}",
                )
            )
    return problems


def cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """Each cycle of a directed graph once, starting at its smallest id (iteratively: chains of
    any length). Edges to unknown ids are ignored; they are reported as unknown references."""
    found: list[list[str]] = []
    done: set[str] = set()
    for start in sorted(edges):
        if start in done:
            continue
        path: list[str] = []
        on_path: dict[str, int] = {}
        stack = [(start, iter(edges[start]))]
        on_path[start] = 0
        path.append(start)
        while stack:
            node, rest = stack[-1]
            nxt = next(rest, None)
            if nxt is None:
                stack.pop()
                done.add(path.pop())
                del on_path[node]
            elif nxt in on_path:
                cycle = path[on_path[nxt] :]
                turn = cycle.index(min(cycle))
                cycle = cycle[turn:] + cycle[:turn]
                if cycle not in found:
                    found.append(cycle)
            elif nxt in edges and nxt not in done:
                on_path[nxt] = len(path)
                path.append(nxt)
                stack.append((nxt, iter(edges[nxt])))
    return found


def _hidden_draft_problems(tree: DataTree, data_dir: Path) -> list[Problem]:
    """A draft with the id of a record or of another draft is not shown: a duplicate id, reported
    at the draft's id (or at the file, if it cannot be read)."""
    problems = []
    for path, shown in tree.hidden_drafts:
        try:
            where = shown.relative_to(data_dir.parent)
        except ValueError:
            where = shown
        message = f"duplicate id {path.stem!r}: {where} has it too and is shown instead; rename or remove one"
        yf, _ = read_yaml(path)  # its own problems are not reported: it is not read
        if yf is not None and isinstance(yf.data, dict) and "id" in yf.data:
            problems.append(yf.problem(("id",), message))
        else:
            problems.append(Problem(path, 0, "id", message))
    return problems


def load(
    data_dir: Path = DATA_DIR, drafts: bool = False, parsed: ParsedFiles | None = None
) -> tuple[Catalogue, list[Problem]]:
    """Load and validate all of data/: the catalogue of every record that could be read, and
    every problem found. `drafts`: the drafts of data/drafts/ too, as if published (to review
    them under `make serve`; the catalogue says which records are drafts). `parsed`: the files
    as an earlier load read them, to parse again only those that changed."""
    collecting = gc.isenabled()
    gc.disable()  # every object made here lives on: the collector would only walk them again and again
    try:
        tree = scan(data_dir, drafts)
        parsed = parsed or ParsedFiles()
        records, files, yaml_files, invalid, problems = _read_records(tree, parsed)
        problems += tree.problems
        sources, source_problems = _load_sources(tree, records, yaml_files, invalid, parsed)
        problems += source_problems
        problems += _cycle_problems(records, yaml_files)
        graph = {(kind, rid): walk(record) for kind, ids in records.items() for rid, record in ids.items()}
        problems += _cross_record_problems(records, yaml_files, sources, invalid, graph)
        problems += commitment_problems(records, yaml_files)
        problems += _unnamed_problems(records, yaml_files, graph)
        problems += _hidden_draft_problems(tree, data_dir)
    finally:
        if collecting:
            gc.enable()
    draft_files = set(tree.draft_records)
    marked = frozenset(key for key, path in files.items() if path in draft_files)
    return Catalogue(records=records, files=files, sources=sources, graph=graph, drafts=marked), problems


def load_catalogue(data_dir: Path = DATA_DIR, drafts: bool = False, parsed: ParsedFiles | None = None) -> Catalogue:
    """Load and validate all of data/ (with `drafts`, data/drafts/ too); raise DataError listing
    every problem."""
    catalogue, problems = load(data_dir, drafts, parsed)
    if problems:
        raise DataError(problems)
    return catalogue


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts validate", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder (default: data/)")
    args = parser.parse_args(argv)
    try:
        catalogue = load_catalogue(args.data)
    except DataError as e:
        for p in e.problems:
            print(p, file=sys.stderr)
        print(f"{len(e.problems)} problem(s) in {args.data}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(v)} {k.replace('_', ' ')}" for k, v in catalogue.records.items())
    print(f"data OK: {counts}")
    return 0
