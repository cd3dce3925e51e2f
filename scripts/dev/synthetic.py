"""Synthetic data at N× the real corpus, for benchmarks.

    python -m scripts synthetic --scale N --out DIR [--seed 1]

DIR becomes a complete data folder that passes `load_catalogue(DIR)`. Scale 1 is an exact copy
of data/. For N > 1 the originals are kept and N-1 replicas of every document, initiative and
meeting are added: replica k of `x` is `x-k{k}`, and every reference from a replica to a
replicated record (document, status source, relation target, agenda item) points at replica k
too. Replicas share their original's source text, so every verbatim quote still matches.

Replicas get varied text, dates and facets so pages, search and facet counts behave like a
larger real corpus: titles and summaries are recombined from real Danish titles and sentences,
document dates are spread over 2010-2020, and themes, target groups and regions are resampled.
Everything is deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
import time
from pathlib import Path
from random import Random
from typing import Any

import yaml

from scripts.data.kinds import MODELS
from scripts.data.record_graph import Reference, set_at, walk
from scripts.data.validate import DATA_DIR
from scripts.data.yaml_lines import read_yaml
from scripts.render.danish import date as danish_date

REPLICATED = ("documents", "initiatives", "meetings")
FIRST_YEAR, LAST_YEAR = 2010, 2020

# A sentence ends with . ! or ? before a capital letter; "mio. kr." or "f.eks. at" are not split
# because a lower-case word follows.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9\"”])")
_LINK_WORDS = {
    "og",
    "i",
    "af",
    "for",
    "med",
    "til",
    "på",
    "om",
    "en",
    "et",
    "de",
    "den",
    "det",
    "samt",
    "mellem",
    "fra",
    "ved",
    "mv.",
    "-",
    "–",
}
_DANISH_DATE = re.compile(
    r"\d{1,2}\. (?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|"
    r"november|december) \d{4}"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

# The C emitter writes the same YAML as yaml.safe_dump but several times faster; thousands of
# files are written at scale 50-100, so it matters. Fall back where libyaml is missing.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dump(data: dict, path: Path) -> None:
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _copy(value: Any) -> Any:
    """Deep copy of plain YAML data (dict/list/scalars); much faster than copy.deepcopy."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _sentences(texts: list[str]) -> list[str]:
    out = []
    for text in texts:
        for s in _SENTENCE_END.split(" ".join(text.split())):
            # Fragments and list-like scraps read badly out of context.
            # Editorial notes ("... findes ikke i kildeteksten") are not document text.
            if len(s) >= 40 and s[-1] in ".!?" and "kilde" not in s:
                out.append(s)
    return out


def _shift_years(text: str, delta: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group()) + delta), text)


def _fragment(rng: Random, title: str) -> str:
    """The last few words of a title, lower-cased unless they look like a name or acronym.

    A Danish title usually ends on its head noun, so its tail reads as a phrase of its own.
    """
    words = title.split()
    first, last = max(0, len(words) - rng.randint(1, 3)), len(words)
    # A fragment that starts or ends on "og", "i", "forsknings-" etc. reads as broken text.
    while last > first and (words[last - 1].lower() in _LINK_WORDS or words[last - 1][-1] in "-–,:;"):
        last -= 1
    while last > first and words[first].lower() in _LINK_WORDS:
        first += 1
    part = words[first:last]
    # Only a title's first word is capitalised by grammar; a capital further in marks a name.
    if part and first == 0 and part[0][1:].islower():
        part[0] = part[0].lower()
    return " ".join(part)


class _Corpus:
    """Real Danish titles and sentences to recombine, and the ids facets are drawn from."""

    def __init__(
        self, records: dict[str, dict[str, dict]], ref_ids: dict[str, list[str]], region_names: dict[str, str]
    ):
        docs = list(records["documents"].values())
        inits = list(records["initiatives"].values())
        self.initiative_titles = [i["title"] for i in inits]
        self.initiative_sentences = _sentences([i["summary"] for i in inits])
        # Titles by document kind: a vækstplan should not be titled like meeting minutes.
        self.document_titles: dict[str, list[str]] = {}
        self.document_short_titles: dict[str, list[str]] = {}
        for d in docs:
            self.document_titles.setdefault(d["kind"], []).append(d["title"])
            self.document_short_titles.setdefault(d["kind"], []).append(d["short_title"].split(" – ")[0])
        self.section_titles = [s["title"] for d in docs for s in d["sections"] if len(s["title"]) > 3]
        self.document_sentences = _sentences(
            [d["summary"] for d in docs] + [s["summary"] for d in docs for s in d["sections"] if s.get("summary")]
        )
        self.ref_ids = ref_ids
        self.region_names = region_names

    def sample_ids(self, rng: Random, kind: str) -> list[str]:
        ids = self.ref_ids[kind]
        return sorted(rng.sample(ids, rng.randint(1, min(4, len(ids))))) if ids else []

    def summary(self, rng: Random, pool: list[str], avoid: str) -> str:
        choices = [s for s in rng.sample(pool, min(len(pool), 6)) if s not in avoid]
        return " ".join(choices[: rng.randint(2, 3)]) or avoid


def _pick_other(rng: Random, pool: list[str], own: str) -> str:
    others = [p for p in pool if p != own]
    return rng.choice(others or pool)


# --- dates --------------------------------------------------------------------


def _years(doc: dict) -> list[int]:
    years = [int(y) for y in _YEAR.findall(str(doc.get("date_text") or ""))]
    for key in ("date", "valid_until"):
        if doc.get(key):
            years.append(dt.date.fromisoformat(str(doc[key])).year)
    if doc.get("period"):
        years += [doc["period"]["start"], doc["period"]["end"]]
    return years


def _main_year(doc: dict) -> int:
    """The year a document is "from": its period's start, else its date, else any year it names."""
    if doc.get("period"):
        return doc["period"]["start"]
    if doc.get("date"):
        return dt.date.fromisoformat(str(doc["date"])).year
    return (_years(doc) or [FIRST_YEAR])[0]


def _with_year(day: dt.date, year: int) -> dt.date:
    return day.replace(year=year, day=min(day.day, 28) if day.month == 2 else day.day)


def _redate(rng: Random, doc: dict) -> int:
    """Move a replica document to a random time in 2010-2020; return the shift in years.

    date, period, valid_until and date_text move together, so a document never ends before it
    starts and its Danish date phrase matches its date.
    """
    years = _years(doc) or [FIRST_YEAR]
    low, high = FIRST_YEAR - min(years), LAST_YEAR - max(years)
    delta = rng.randint(low, high) if low <= high else low
    if doc.get("date"):
        year = dt.date.fromisoformat(str(doc["date"])).year + delta
        new = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        doc["date"] = new.isoformat()
        if doc.get("date_text"):
            doc["date_text"] = danish_date(new)
    elif doc.get("date_text"):
        doc["date_text"] = _shift_years(doc["date_text"], delta)
    if doc.get("period"):
        doc["period"] = {"start": doc["period"]["start"] + delta, "end": doc["period"]["end"] + delta}
    if doc.get("valid_until"):
        old = dt.date.fromisoformat(str(doc["valid_until"]))
        doc["valid_until"] = _with_year(old, old.year + delta).isoformat()
    return delta


# --- replicas -----------------------------------------------------------------


class _Replicator:
    def __init__(self, records: dict[str, dict[str, dict]], corpus: _Corpus, rng: Random):
        self.records = records
        self.corpus = corpus
        self.rng = rng
        # Ids of the replicated records: in replica k, a reference to one of them points at its replica k.
        self.replicated = {kind: set(records[kind]) for kind in REPLICATED}
        self.replicated["agenda_items"] = {item["id"] for m in records["meetings"].values() for item in m["agenda"]}
        self._replicated_references: dict[tuple[str, str], list[Reference]] = {}

    @staticmethod
    def _rid(rid: str, k: int) -> str:
        return f"{rid}-k{k}"

    def _repoint(self, kind: str, original: dict, replica: dict, k: int) -> None:
        """Point the replica's references to replicated records at their replica k (the references
        are read from the model: scripts.data.record_graph)."""
        key = (kind, original["id"])
        if key not in self._replicated_references:
            references, _ = walk(MODELS[kind].model_validate(original))
            self._replicated_references[key] = [
                r for r in references if any(r.target in self.replicated.get(space, ()) for space in r.ref.kinds)
            ]
        for r in self._replicated_references[key]:
            set_at(replica, r.path, self._rid(r.target, k))

    @staticmethod
    def _retime(title: str, doc: dict, year: int) -> str:
        """Dates and years in a borrowed title, changed to the replica's own."""
        if doc.get("date"):
            new = danish_date(dt.date.fromisoformat(doc["date"]))
            title, n = _DANISH_DATE.subn(new, title)
            if n:
                return title
        years = _YEAR.findall(title)
        return _shift_years(title, year - int(years[0])) if years else title

    def document(self, original: dict, k: int) -> tuple[dict, int]:
        rng, corpus = self.rng, self.corpus
        doc = _copy(original)
        doc["id"] = self._rid(doc["id"], k)
        self._repoint("documents", original, doc, k)
        delta = _redate(rng, doc)
        year = _main_year(original) + delta
        doc["regions"] = corpus.sample_ids(rng, "regions")
        # A title of the same kind of document, moved to this replica's date and year, plus a few
        # words from a section title.
        title = self._retime(_pick_other(rng, corpus.document_titles[doc["kind"]], original["title"]), doc, year)
        extra = _fragment(rng, rng.choice(corpus.section_titles))
        doc["title"] = f"{title} – {extra}" if extra else title
        short = self._retime(
            _pick_other(rng, corpus.document_short_titles[doc["kind"]], original["short_title"]), doc, year
        )
        region = corpus.region_names.get(doc["regions"][0], doc["regions"][0]) if doc["regions"] else ""
        doc["short_title"] = f"{short} – {region}" if region else short
        doc["summary"] = corpus.summary(rng, corpus.document_sentences, original["summary"])
        return doc, delta

    def initiative(self, original: dict, k: int) -> dict:
        rng, corpus = self.rng, self.corpus
        init = _copy(original)
        init["id"] = self._rid(init["id"], k)
        self._repoint("initiatives", original, init, k)
        title = _pick_other(rng, corpus.initiative_titles, original["title"])
        extra = _fragment(rng, _pick_other(rng, corpus.initiative_titles, title))
        init["title"] = f"{title}{rng.choice([' og ', ' – '])}{extra}" if extra else title
        init["summary"] = corpus.summary(rng, corpus.initiative_sentences, original["summary"])
        for kind in ("themes", "target_groups", "regions"):
            init[kind] = corpus.sample_ids(rng, kind)
        return init

    def meeting(self, original: dict, k: int, doc_dates: dict[str, tuple[str | None, int]]) -> dict:
        meeting = _copy(original)
        meeting["id"] = self._rid(meeting["id"], k)
        self._repoint("meetings", original, meeting, k)
        # A meeting happens on its minutes' date; otherwise it moves by the same number of years.
        new_date, delta = doc_dates.get(meeting["document"], (None, 0))
        original_doc = self.records["documents"].get(original["document"], {})
        if new_date and str(original_doc.get("date")) == str(original["date"]):
            meeting["date"] = new_date
        else:
            old = dt.date.fromisoformat(str(original["date"]))
            meeting["date"] = _with_year(old, old.year + delta).isoformat()
        for item in meeting["agenda"]:
            item["id"] = self._rid(item["id"], k)
            item["themes"] = self.corpus.sample_ids(self.rng, "themes")
        return meeting


# --- entry points -------------------------------------------------------------


def _read_kind(data: Path, kind: str) -> dict[str, dict]:
    records = {}
    for path in sorted((data / kind).glob("*.yml")):
        yf, problems = read_yaml(path)  # the project's loader: dates stay strings
        if yf is None:
            raise ValueError(f"cannot read {path}: {problems}")
        records[path.stem] = yf.data
    return records


def make(scale: int, out: Path, seed: int = 1, data: Path = DATA_DIR) -> dict[str, int]:
    """Write a data folder at `out` with `scale`× the documents, initiatives and meetings of `data`.

    Returns the number of records per kind. `out` must not exist or be empty.
    """
    if scale < 1:
        raise ValueError(f"scale must be at least 1 (got {scale})")
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    # Reference kinds, sources and the originals are copied byte for byte, so scale 1 is data/.
    shutil.copytree(data, out, dirs_exist_ok=True)
    counts = {kind: len(list((data / kind).glob("*.yml"))) for kind in MODELS}
    if scale == 1:
        return counts

    records = {kind: _read_kind(data, kind) for kind in REPLICATED}
    ref_ids = {
        kind: sorted(p.stem for p in (data / kind).glob("*.yml")) for kind in ("themes", "target_groups", "regions")
    }
    region_names = {
        rid: read_yaml(data / "regions" / f"{rid}.yml")[0].data["name"].removeprefix("Region ")
        for rid in ref_ids["regions"]
    }
    rep = _Replicator(records, _Corpus(records, ref_ids, region_names), Random(seed))
    for k in range(2, scale + 1):
        doc_dates: dict[str, tuple[str | None, int]] = {}
        for original in records["documents"].values():
            doc, delta = rep.document(original, k)
            doc_dates[doc["id"]] = (doc.get("date"), delta)
            _dump(doc, out / "documents" / f"{doc['id']}.yml")
        for original in records["initiatives"].values():
            init = rep.initiative(original, k)
            _dump(init, out / "initiatives" / f"{init['id']}.yml")
        for original in records["meetings"].values():
            meeting = rep.meeting(original, k, doc_dates)
            _dump(meeting, out / "meetings" / f"{meeting['id']}.yml")
    for kind in REPLICATED:
        counts[kind] *= scale
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts synthetic", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, required=True, help="multiple of the real data (1 = exact copy)")
    parser.add_argument("--out", type=Path, required=True, help="data folder to create (must not exist or be empty)")
    parser.add_argument("--seed", type=int, default=1, help="random seed for text, dates and facets (default: 1)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="real data folder (default: data/)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        counts = make(args.scale, args.out, args.seed, args.data)
    except (ValueError, FileExistsError) as e:
        print(e, file=sys.stderr)
        return 1
    summary = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items())
    print(f"wrote {args.out} in {time.perf_counter() - start:.1f}s: {summary}")
    return 0
