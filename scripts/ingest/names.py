"""Recognise the reference records a passage names, and propose the names no record has.

Forms are a record's name, abbreviation, aliases and synonyms (and a ministry's minister, as
scripts/data/wording.py has it), compared as the validator compares them: canonical, case-folded,
and with any ending ("Vækstforums", "SMV'erne"). Abbreviations and names of organisations are
compared with their case, so "Clean" is not found in "clean energy".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from scripts.data.model import ACTORS
from scripts.data.quotes import canonical
from scripts.data.wording import actor_forms, fold

_W = r"(?<!\w)"
_NAMES = ("ministries", "forums", "organisations", "regions")  # the kinds of record that are named


@dataclass
class Form:
    kind: str
    id: str
    pattern: re.Pattern[str]
    cased: bool  # compared with case (names, abbreviations) or folded (themes, target groups)
    minister: bool = False  # "erhvervsministeren": names who commits, not a ministry the text is about


@dataclass
class Gazetteer:
    forms: list[Form] = field(default_factory=list)
    actor_forms: dict[str, list[str]] = field(default_factory=dict)  # for wording.names
    region_of: dict[str, str] = field(default_factory=dict)  # forum → its region

    def find(self, text: str, ministers: bool = True) -> list[tuple[int, str, str]]:
        """(position, kind, id) of every record the text names, in order; positions are in the
        text's canonical form. `ministers`: a minister names the ministry."""
        cased, folded = canonical(text), fold(text)
        spans: list[tuple[int, int, str, str]] = []
        for form in self.forms:
            if form.minister and not ministers:
                continue
            for m in form.pattern.finditer(cased if form.cased else folded):
                spans.append((m.start(), m.end(), form.kind, form.id))
        # a name inside a longer one is not named ("Vækstforum" in "Syddansk Vækstforum")
        longest = [
            s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0] for o in spans)
        ]
        found: dict[tuple[str, str], tuple[int, str, str]] = {}
        for start, _, kind, rid in sorted(longest):
            found.setdefault((kind, rid), (start, kind, rid))
        return sorted(found.values())

    def blank(self, text: str) -> str:
        """The canonical text with every known name blanked out."""
        text = canonical(text)
        for form in self.forms:
            if form.kind not in _NAMES:
                continue
            pattern = form.pattern if form.cased else re.compile(form.pattern.pattern, re.IGNORECASE)
            text = pattern.sub(lambda m: " " * len(m.group()), text)
        return text

    def named(self, text: str) -> dict[str, list[str]]:
        """The records the text is about, by kind (a minister who signs is not)."""
        out: dict[str, list[str]] = {}
        for _, kind, rid in self.find(text, ministers=False):
            out.setdefault(kind, []).append(rid)
        return out

    def knows(self, name: str) -> bool:
        """Whether the name is, whole, a name of a record that has names (not a theme's word)."""
        text = canonical(name)
        return any(
            (m := form.pattern.match(text if form.cased else fold(name))) and m.end() >= len(text) - 2
            for form in self.forms
            if form.kind in _NAMES
        )


def gazetteer(records: dict[str, dict[str, dict]]) -> Gazetteer:
    g = Gazetteer()
    for kind in ("ministries", "forums", "organisations", "regions", "themes", "target_groups"):
        for rid, data in records.get(kind, {}).items():
            names = [data.get("name")] + list(data.get("aliases") or []) + list(data.get("synonyms") or [])
            abbreviation = data.get("abbreviation")
            names = [n for n in names if isinstance(n, str) and n.strip()]
            if kind in ACTORS and names:
                g.actor_forms[rid] = actor_forms(names[0], abbreviation, names[1:])
            if kind == "forums" and isinstance(data.get("region"), str):
                g.region_of[rid] = data["region"]
            for name in names + ([abbreviation] if isinstance(abbreviation, str) else []):
                g.forms.append(_form(kind, rid, name, kind in ("ministries", "forums", "organisations", "regions")))
                if kind == "ministries":
                    for extra in actor_forms(name)[1:]:  # the minister
                        g.forms.append(_form(kind, rid, extra, False, minister=True))
    return g


def _form(kind: str, rid: str, name: str, cased: bool, minister: bool = False) -> Form:
    text = canonical(name)
    if cased and not text.isupper():  # a name may open lower-case in running text ("regeringen")
        text = text[0].lower() + text[1:] if not cased else text
        body = re.escape(text[1:])
        start = f"[{re.escape(text[0].lower())}{re.escape(text[0].upper())}]"
        pattern = rf"{_W}{start}{body}"
    elif cased:
        pattern = rf"{_W}{re.escape(text)}(?![A-ZÆØÅ])"
    else:
        pattern = rf"{_W}{re.escape(fold(name))}"
    return Form(kind, rid, re.compile(pattern), cased, minister)


# Names no record has: abbreviations, and runs of capitalised words within a sentence.
_ABBREVIATION = re.compile(r"(?<![\w-])[A-ZÆØÅ][A-ZÆØÅ0-9]{1,7}(?![\w-])")
_CONNECTOR = r"(?:for|i|af|på|til|om|&|-|–)"  # not "og": it joins two names more often than it is in one
_CAPITALISED = r"[A-ZÆØÅ][\wæøåÆØÅ'’/-]*"
_NAME_RUN = re.compile(rf"{_CAPITALISED}(?: (?:{_CONNECTOR} )?{_CAPITALISED})+")
_INSTITUTION = re.compile(
    r"(?<!\w)[A-ZÆØÅ][\wæøå-]*(?:ministeriet|styrelsen|fonden|instituttet|universitet|rådet|centret|center|"
    r"udvalget|forum|fora|parken|klyngen|netværket|sekretariatet|agenturet|kommune|huset)(?!\w)"
)
_NOT_NAMES = {"danmark", "dansk", "danske", "eu", "eus", "kr", "mio", "mia", "pct", "side"}


@dataclass
class Proposal:
    name: str
    kind: str  # "ministries" or "organisations": where the reviewer would add it
    count: int
    passage: str  # the first sentence that names it


def proposals(sentences: list[str], g: Gazetteer) -> list[Proposal]:
    """Names and abbreviations the reference lists do not have, with the sentence naming each first."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for sentence in sentences:
        text = g.blank(sentence)
        candidates = [(m.start(), m.group()) for m in _ABBREVIATION.finditer(text)]
        candidates += [(m.start(), m.group()) for m in _INSTITUTION.finditer(text)]
        for m in _NAME_RUN.finditer(text):
            if not text[: m.start()].strip():  # the first word of a sentence is capitalised anyway
                words = m.group().split(maxsplit=1)
                if len(words) < 2 or not words[1][:1].isupper():
                    continue
                candidates.append((m.start() + len(words[0]) + 1, words[1]))
            else:
                candidates.append((m.start(), m.group()))
        spans = [(start, start + len(name)) for start, name in candidates]
        inside = {
            (start, name)
            for start, name in candidates
            if any(s <= start and start + len(name) <= e and e - s > len(name) for s, e in spans)
        }
        for _, name in sorted(set(candidates) - inside):
            name = name.strip(" .,;:–-’'")
            if len(name) < 2 or name.casefold() in _NOT_NAMES or g.knows(name):
                continue
            counts[name] += 1
            first.setdefault(name, sentence.strip())
    return [
        Proposal(
            name, "ministries" if re.search(r"ministeri|styrelse", name, re.I) else "organisations", n, first[name]
        )
        for name, n in counts.most_common()
    ]
