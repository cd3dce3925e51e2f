"""Draft the records of a new source: its document, and one initiative per passage that has one.

Every quote is the source's own text (a passage as segment.py found it, or a sentence of it), so
the validator proves it. Nothing is invented: a summary or a commitment's `what` is the source's
own sentence, marked for the reviewer to rewrite; who commits, when and how firmly are read from
the sentence and marked for checking; names are those of the reference lists, or proposed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from scripts.data.faithfulness import PARTIES_WORDS
from scripts.data.model import NAME_MAX, PROSE_MAX, QUOTE_MAX, Commitment, Document
from scripts.data.quotes import canonical
from scripts.data.wording import HENSIGT, MULIGHED, TILSAGN, commits, fold, levels, names
from scripts.ingest.figures import Amount, When, amounts, dates
from scripts.ingest.names import Gazetteer
from scripts.ingest.segment import Initiative, Section, Structure, opening, sentences
from scripts.render.readable import _join

PLACEHOLDER = "UDFYLDES"  # a required field the source cannot fill: the reviewer must
_ACTORS = ("ministries", "forums", "organisations")
# The words that make a sentence a commitment, where its subject ends ("Parterne vil …").
_VERB = re.compile(r"(?<!\w)(?:vil|skal|kan|er enige|forpligter|igangsætter|iværksætter|afsætter|søger|indgår)(?!\w)")


@dataclass
class Draft:
    kind: str  # the folder: "documents" or "initiatives"
    id: str
    data: dict
    checks: list[str] = field(default_factory=list)  # what the reviewer must check, in Danish
    quote: str = ""  # the passage it is drafted from, to tell whether a record covers it already


@dataclass
class CommitmentSentence:
    text: str
    initiative: str | None  # the draft it became a commitment of, if any
    why: str = ""  # why not, when it did not


@dataclass
class Drafted:
    document: Draft
    initiatives: list[Draft]
    sentences: list[CommitmentSentence]
    amounts: list[Amount]
    dates: list[When]


def slug(text: str, limit: int = 60) -> str:
    text = text.casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > limit:
        text = text[:limit].rsplit("-", 1)[0]
    return text or "udkast"


def _unique(base: str, taken: set[str]) -> str:
    rid, n = base, 2
    while rid in taken:
        rid, n = f"{base}-{n}", n + 1
    taken.add(rid)
    return rid


def _cut(text: str, limit: int) -> str:
    """Prose from the source on one line (hyphenated words joined), within `limit` characters."""
    text = re.sub(r"\s+", " ", _join(text.splitlines())).strip()
    return text if len(text) <= limit else text[: limit - 2].rsplit(" ", 1)[0] + " …"


def draft(structure: Structure, doc_id: str, source: str, g: Gazetteer, taken: set[str]) -> Drafted:
    text = "\n".join(structure.lines)
    document = _document(structure, doc_id, source, g)
    year = _year(document.data, doc_id)
    section_ids = _section_ids(structure.sections)
    # a section without text of its own (an introduction that is only the title) quotes the title
    fallback = structure.title_lines[0] if structure.title_lines else structure.lines[0]
    sections = [
        s
        for s in structure.sections
        if s.kind_hint != "intro" or s.initiatives or any(canonical(p.text) for p in s.passages)
    ]
    document.data["sections"] = [
        _section(s, section_ids, document.data["kind"], fallback) for s in sections or structure.sections[:1]
    ]
    drafted = Drafted(document, [], [], amounts(text), dates(text))
    parties = document.data["parties"]
    for initiative in structure.initiatives:
        drafted.initiatives.append(_initiative(initiative, doc_id, year, section_ids, parties, g, taken, drafted))
    # commitment wording outside any initiative: listed for the reviewer
    used = {id(i.passage) for i in structure.initiatives} | {
        id(u.passage) for i in structure.initiatives for u in i.subs
    }
    for section in structure.sections:
        for passage in section.passages:
            if id(passage) in used:
                continue
            for sentence in sentences(passage.text):
                if commits(sentence):
                    drafted.sentences.append(CommitmentSentence(sentence, None, "står uden for et initiativ"))
    return drafted


def _document(structure: Structure, doc_id: str, source: str, g: Gazetteer) -> Draft:
    title = _cut(" ".join(structure.title_lines) or doc_id, NAME_MAX)
    head = "\n".join(structure.lines[:60])
    kind = "partnerskabsaftale"
    if re.search(r"(?i)vækstplan|handlingsplan|strategi", title):
        kind = "vækstplan"
    elif re.search(r"(?i)referat|dagsorden", head):
        kind = "beslutningsreferat"
    named = g.named(title + "\n" + head)
    parties = g.named(title).get("forums") or named.get("forums", [])
    if kind == "partnerskabsaftale" and "regeringen" in named.get("ministries", []):
        parties.insert(0, "regeringen")
    regions = list(dict.fromkeys(named.get("regions", []) + [g.region_of[f] for f in parties if f in g.region_of]))
    intro = structure.sections[0].passages[0].text if structure.sections[0].passages else ""
    data: dict = {"id": doc_id, "kind": kind, "title": title}
    checks = [
        "title og short_title: dokumentets overskrift som kilden har den; short_title skal forkortes",
        f"kind: gættet som '{kind}'",
        f"publisher: '{PLACEHOLDER}' – skriv, hvem der har udgivet dokumentet",
        "parties og regions: fundet i titlen og de første linjer – kontrollér",
    ]
    if "official_title" in Document.model_fields:
        data["official_title"] = " ".join(structure.title_lines) or title
    if "publisher" in Document.model_fields:
        data["publisher"] = PLACEHOLDER
    data["short_title"] = title
    found = [w for w in dates(head) if w.date]
    if found:
        data["date"] = found[0].date
        data["date_text"] = found[0].text
        checks.append(f"date: den første dato i dokumentet, '{found[0].text}'")
    else:
        checks.append("date: ingen dato fundet – tilføj date eller date_text")
    validity = re.search(
        r"(?i)gælder\s+(?:frem\s+)?til\s+(?:og\s+med\s+)?(\d{1,2}\.\s*\w+\s+\d{4})",
        canonical("\n".join(structure.lines)),
    )
    if validity and (until := dates(validity.group(1))) and until[0].date:
        data["valid_until"] = until[0].date
        checks.append(f"valid_until: '{validity.group()}'")
    data["parties"] = parties
    data["regions"] = regions
    summary = opening(intro, 500) if canonical(intro) else title
    data["summary"] = _cut(summary, PROSE_MAX)
    checks.append("summary: kildens egne første sætninger (et uddrag) – skriv et resumé")
    data["source"] = source
    checks.append("sections: overskrifter, numre, kind og parent er fundet automatisk – kontrollér")
    return Draft("documents", doc_id, data, checks, data["title"])


def _year(data: dict, doc_id: str) -> str:
    if data.get("date"):
        return str(data["date"].year)
    found = re.findall(r"(?:19|20)\d\d", doc_id)
    return found[0] if found else ""


def _section_ids(sections: list[Section]) -> dict[int, str]:
    taken: set[str] = set()
    return {id(s): _unique(slug(s.title, 50), taken) for s in sections}


def _section(section: Section, ids: dict[int, str], doc_kind: str, fallback: str) -> dict:
    kind = {"partnerskabsaftale": "indsatsområde", "vækstplan": "fokusområde", "beslutningsreferat": "dagsordenspunkt"}
    data: dict = {"id": ids[id(section)]}
    if section.number:
        data["number"] = section.number
    if section.parent is not None:
        data["parent"] = ids[id(section.parent)]
    data["title"] = _cut(section.title, NAME_MAX)
    data["kind"] = "indledning" if section.kind_hint == "intro" else kind[doc_kind]
    passage = next((p.text for p in section.passages if canonical(p.text)), "")
    data["quote"] = _cut_quote(opening(passage, 250)) if passage else fallback
    return data


def _cut_quote(text: str) -> str:
    """A quote within the model's limit, cut where a line ends, and written on one line as
    data/README.md asks: a word hyphenated at a line end is joined ("ka-⏎pitalselskab"), as the
    readable source text joins it (the validator matches either form)."""
    while len(text) > QUOTE_MAX:
        text = text[:QUOTE_MAX].rsplit("\n", 1)[0]
    return _join(text.splitlines()).strip()


def _initiative(
    initiative: Initiative,
    doc_id: str,
    year: str,
    section_ids: dict[int, str],
    parties: list[str],
    g: Gazetteer,
    taken: set[str],
    drafted: Drafted,
) -> Draft:
    rid = _unique(slug(initiative.title) + (f"-{year}" if year else ""), taken)
    passages = [initiative.passage.text] + [u.passage.text for u in initiative.subs if u.passage]
    lead_ins = [initiative.lead_in] + [u.lead_in for u in initiative.subs if u.passage]
    whole = "\n".join(passages)
    named = g.named(whole)
    regions = list(
        dict.fromkeys(named.get("regions", []) + [g.region_of[f] for f in named.get("forums", []) if f in g.region_of])
    )
    data: dict = {
        "id": rid,
        "title": _cut(initiative.title, NAME_MAX),
        "document": doc_id,
        "section": section_ids[id(initiative.section)],
        "summary": _cut(opening(initiative.passage.text, 400), PROSE_MAX),
    }
    for kind in ("themes", "ministries", "organisations", "forums", "target_groups"):
        if named.get(kind):
            data[kind] = named[kind]
    if regions:
        data["regions"] = regions
    checks = [
        "title: "
        + ("kildens egen overskrift" if not initiative.title.endswith("…") else "kildens første ord – forkort"),
        "summary: kildens egne første sætninger (et uddrag) – skriv et resumé",
        "themes, ministries, organisations, forums, target_groups, regions: navne fundet i teksten – "
        "fjern dem, initiativet blot nævner",
    ]
    found = amounts(whole)
    if found:
        data["funding"] = [{"amount_dkk": a.amount_dkk, "text": _cut(a.text, NAME_MAX)} for a in found]
        checks.append("funding: beløb fundet i teksten – tilføj label og fjern beløb, der ikke er initiativets")
    commitments: list[dict] = []
    unassigned: list[str] = []
    for n, passage in enumerate(passages):
        lead_in = lead_ins[n]
        for k, sentence in enumerate(sentences(passage)):
            # a bullet's first sentence continues its lead-in ("Vækstforum vil:" / "indgå i …")
            if not commits(sentence) and not (k == 0 and lead_in and commits(lead_in)):
                continue
            if k and sentence.rstrip().endswith(":") and k == len(sentences(passage)) - 1:
                continue  # the lead-in of the bullets that follow ("Vækstforum vil:"), quoted as theirs
            commitment, why = _commitment(sentence, lead_in, parties, g, continues=k == 0)
            if commitment is None:
                drafted.sentences.append(CommitmentSentence(sentence, rid, why))
                unassigned.append(_cut_quote(sentence))
                checks.append(f"quotes: '{_cut(sentence, 70)}' lover noget, men er ikke et tilsagn her: {why}")
                continue
            drafted.sentences.append(CommitmentSentence(sentence, rid, "tilsagn"))
            n_c = len(commitments)
            checks.append(
                f"commitments[{n_c}]: what er kildens sætning – omskriv; by, firmness og when er gættet – kontrollér"
            )
            commitments.append(commitment)
    if commitments:
        data["commitments"] = commitments
    # the government is named in passing everywhere ("regeringens vækstplan"): listed where it commits
    committing = {a for c in commitments for a in [*c["by"], *c.get("partners", [])]}
    if "regeringen" in data.get("ministries", []) and "regeringen" not in committing:
        data["ministries"].remove("regeringen")
        if not data["ministries"]:
            del data["ministries"]
    quotes = [_cut_quote(opening(p)) for p in passages if canonical(p)] + unassigned
    data["quotes"] = list(dict.fromkeys(q for q in quotes if q))
    return Draft("initiatives", rid, data, checks, data["quotes"][0])


def _commitment(
    sentence: str, lead_in: str | None, parties: list[str], g: Gazetteer, continues: bool = False
) -> tuple[dict | None, str]:
    """The commitment a sentence makes, with who commits as the validator reads it: those named
    before its verb, or, where it says "Parterne", the agreement's parties (scripts/data/faithfulness.py)."""
    passage = sentence + ("\n" + lead_in if lead_in else "")
    # a bullet's first sentence continues its lead-in, whose subject commits ("Vækstforum vil: etablere …")
    subject_text = lead_in if lead_in and (continues or not _VERB.search(fold(sentence))) else sentence
    verb = _VERB.search(fold(subject_text))
    actors = [(pos, rid) for pos, kind, rid in g.find(subject_text) if kind in _ACTORS]
    by = [rid for pos, rid in actors if verb and pos < verb.start()]
    if not verb and lead_in:  # a lead-in without a verb of its own: "samarbejde med X og Y om at:"
        by = [rid for _, rid in actors]
    if not by and verb:  # inverted order after an adverbial: "For at øge … vil vækstforum igangsætte"
        by = [rid for pos, rid in actors if verb.end() <= pos <= verb.end() + 2]
    by = [rid for rid in dict.fromkeys(by) if rid in g.actor_forms and names(passage, g.actor_forms[rid])]
    if not by and names(fold(subject_text)[: verb.start()] if verb else "", PARTIES_WORDS):
        by = list(parties)
    from_lead_in = continues or subject_text is lead_in
    if not by and lead_in and names(lead_in, PARTIES_WORDS):
        by, from_lead_in = list(parties), True
    if not by:
        return None, "ingen aktør nævnt før verbet"
    data: dict = {"by": by}
    partners = [rid for _, rid in actors if rid not in by]
    if partners and "partners" in Commitment.model_fields:
        data["partners"] = list(dict.fromkeys(partners))
    data["what"] = _cut(sentence, PROSE_MAX)
    recorded = sentence + ("\n" + lead_in if lead_in and from_lead_in else "")  # as the validator reads it
    found = levels(recorded)
    if not found:
        return None, "ordene siger ikke, hvor fast tilsagnet er"
    if "firmness" in Commitment.model_fields:
        data["firmness"] = HENSIGT if HENSIGT in found else TILSAGN if TILSAGN in found else MULIGHED
    when = dates(sentence)
    if when:
        timing: dict = {"text": _cut(when[0].text, NAME_MAX)}
        if when[0].date:
            timing["date"] = when[0].date
        else:
            timing["year"] = when[0].year
        data["when"] = timing
    if lead_in and from_lead_in and "lead_in" in Commitment.model_fields:
        data["lead_in"] = lead_in
    data["quote"] = _cut_quote(sentence)
    return data, ""
