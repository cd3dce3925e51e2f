"""What a data folder already holds, read as leniently as a draft needs: the names of the reference
records (to recognise them) and the quotes of the records (to draft only what none covers).

A file that cannot be read or does not fit the model is left out and named in `skipped`; the
validator reports why (`python -m scripts validate`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pydantic

from scripts.data.data_tree import scan
from scripts.data.kinds import MODELS
from scripts.data.record_graph import walk
from scripts.data.yaml_lines import read_yaml

NAMED = ("ministries", "forums", "organisations", "regions", "themes", "target_groups")


@dataclass
class Known:
    records: dict[str, dict[str, dict]] = field(default_factory=lambda: {kind: {} for kind in MODELS})
    quotes: dict[str, list[str]] = field(default_factory=dict)  # document id → every quote from it
    skipped: list[Path] = field(default_factory=list)

    def ids(self) -> set[str]:
        return {rid for records in self.records.values() for rid in records}


def read(data_dir: Path, extra: list[Path] = ()) -> Known:
    """The records of `data_dir`, and those of the record files in `extra` (drafts), by kind."""
    tree = scan(data_dir)
    known = Known()
    files = [(kind, path) for kind, paths in tree.records.items() for path in paths]
    files += [(path.parent.name, path) for path in extra if path.parent.name in MODELS]
    for kind, path in files:
        yf, _ = read_yaml(path)
        if yf is None or not isinstance(yf.data, dict):
            known.skipped.append(path)
            continue
        known.records[kind][path.stem] = yf.data
        try:
            record = MODELS[kind].model_validate(yf.data)
        except (pydantic.ValidationError, RecursionError):
            known.skipped.append(path)
            continue
        for quote in walk(record)[1]:
            if quote.document:
                known.quotes.setdefault(quote.document, []).append(quote.text)
    return known
