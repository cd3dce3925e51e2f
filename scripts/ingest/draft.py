"""Draft the records of a new source: its document, and one initiative per passage that has one.

Every quote is the source's own text (a passage as segment.py found it, or a sentence of it), so
the validator proves it. Nothing is invented: a summary or a commitment's `what` is the source's
own sentence, marked for the reviewer to rewrite; who commits, when and how firmly are read from
the sentence and marked for checking; names are those of the reference lists, or proposed.

Who commits is whom the sentence names before its wording of commitment ("Parterne samarbejder",
"Syddansk Vækstforum vil"), else whom its lead-in names, as reviewers quote it in `lead_in`: the
sentence a bullet continues ("Vækstforum vil: samarbejde med X om at:"), and in a growth plan,
where the forum speaks throughout, the initiative's last sentence that opened with who commits
or its section's ("Vækstforum vil i perioden 2016-2018 igangsætte en række større initiativer.").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from scripts.data.faithfulness import PARTIES_WORDS
from scripts.data.model import NAME_MAX, PROSE_MAX, QUOTE_MAX, Commitment, Document
from scripts.data.quotes import canonical
from scripts.data.wording import HENSIGT, MULIGHED, TILSAGN, commits, fold, levels, names, wording_at
from scripts.ingest.figures import Amount, When, amounts, dates
from scripts.ingest.names import Gazetteer
from scripts.ingest.segment import Initiative, Section, Structure, body, foreground, opening, sentences
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
    # in a growth plan the forum speaks throughout: a section's sentence that says who commits is
    # the lead-in of what its initiatives promise without naming anyone (an agreement names them)
    plan = document.data["kind"] == "vækstplan"
    leads = _section_leads(structure.sections, parties, g) if plan else {}
    for initiative in structure.initiatives:
        own, inherited = leads.get(id(initiative.section), (None, None))
        # the section's own text, drafted as an initiative, goes on from its own lead-in only
        own_text = any(initiative.passage is p for p in initiative.section.passages)
        lead = own if own_text else own or inherited
        drafted.initiatives.append(
            _initiative(initiative, doc_id, year, section_ids, parties, g, taken, drafted, lead, plan)
        )
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
    # a plan names itself ("Vækstplanen beløber sig til …") where its title is only "Forord"
    if (
        re.search(r"(?i)vækstplan|handlingsplan|strategi", title)
        or len(re.findall(r"\b(?:Vækst|Handlings)planen\b", head)) >= 2
    ):
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
    section_lead: Lead | None = None,
    plan: bool = False,
) -> Draft:
    """The draft of one initiative. `section_lead`: the sentence of its section that says who
    commits, the lead-in of the commitments after it that name no one themselves (_section_leads).
    `plan`: a growth plan, whose sentences that name no one go on from the last that did."""
    rid = _unique(slug(initiative.title) + (f"-{year}" if year else ""), taken)
    units = [(initiative.passage, initiative.lead_in)] + [(u.passage, u.lead_in) for u in initiative.subs if u.passage]
    passages = [p.text for p, _ in units]
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
    carried: str | None = None  # the initiative's last sentence that opens with who commits
    for n, unit in enumerate(units):
        passage, lead_in = unit
        text = body(passage.text, initiative.title) if n == 0 else passage.text
        found = [sentence for part in foreground(text) for sentence in sentences(part)]
        for k, sentence in enumerate(found):
            # a bullet's first sentence continues its lead-in ("Vækstforum vil:" / "indgå i …")
            continues = bool(k == 0 and lead_in and commits(lead_in))
            # wording in the present tense ("Parterne samarbejder", "… igangsættes et initiativ"):
            # a commitment where the sentence names who, or opens a passage under a lead-in
            weak = not commits(sentence) and not continues and bool(levels(sentence))
            if not commits(sentence) and not continues and not weak:
                continue
            if k and sentence.rstrip().endswith(":") and k == len(found) - 1:
                continue  # the lead-in of the bullets that follow ("Vækstforum vil:"), quoted as theirs
            # who a sentence that names no one speaks for: the lead-in it continues, the sentence
            # before it that opens with who commits, or the lead-in of its section
            under = section_lead[0] if section_lead and section_lead[1] < passage.start else None
            lead = lead_in if continues else (carried or lead_in or under)
            commitment, why, own = _commitment(sentence, lead, parties, g, continues=continues)
            if plan and own and _opens_with_actor(sentence, parties, g):
                carried = _cut_quote(sentence)
            if weak and (commitment is None or not (own or (k == 0 and not lead_in))):
                continue
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
    # the lead-in its bullet goes on from ("Vækstforum vil samarbejde med … om at:"): the passage
    # a reviewer reads the bullet in, and often the one a reviewed initiative quotes
    if initiative.lead_in and canonical(initiative.lead_in) not in canonical(whole):
        quotes.append(_cut_quote(initiative.lead_in))
    data["quotes"] = list(dict.fromkeys(q for q in quotes if q))
    return Draft("initiatives", rid, data, checks, data["quotes"][0])


def _commitment(
    sentence: str, lead_in: str | None, parties: list[str], g: Gazetteer, continues: bool = False
) -> tuple[dict | None, str, bool]:
    """The commitment a sentence makes, with who commits as the validator reads it: those the
    sentence names before its verb, or, where it names no one (or continues its lead-in: "Vækstforum
    vil: etablere …"), those its lead-in names; "Parterne" names the agreement's parties
    (scripts/data/faithfulness.py). Also whether the sentence itself says who commits."""
    by, actors = ([], []) if continues else _who(sentence, parties, g)
    own = bool(by)
    if not by and lead_in:
        by, lead_actors = _who(lead_in, parties, g, verbless=True)
        actors = lead_actors + ([] if continues else actors)
        if not by and names(lead_in, PARTIES_WORDS):
            by = list(parties)
    if continues:
        actors += _who(sentence, parties, g)[1]
    if not by:
        return None, "ingen aktør nævnt før verbet", False
    data: dict = {"by": by}
    partners = [rid for rid in dict.fromkeys(actors) if rid not in by]
    if partners and "partners" in Commitment.model_fields:
        data["partners"] = partners
    data["what"] = _cut(sentence, PROSE_MAX)
    from_lead_in = bool(lead_in) and not own
    recorded = sentence + ("\n" + lead_in if lead_in and from_lead_in else "")  # as the validator reads it
    # the sentence's own wording, unless it goes on from its lead-in ("Parterne vil: undersøge …")
    found = levels(recorded) if continues or not levels(sentence) else levels(sentence)
    if not found:
        return None, "ordene siger ikke, hvor fast tilsagnet er", own
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
    return data, "", own


def _who(text: str, parties: list[str], g: Gazetteer, verbless: bool = False) -> tuple[list[str], list[str]]:
    """Who the text says commits: the actors it names before its verb or other wording of
    commitment ("Syddansk Vækstforum samarbejder …"), or right after its verb ("For at øge … vil
    vækstforum igangsætte"); "Parterne" before it names the agreement's parties. `verbless`: a
    lead-in without such wording ("samarbejde med X og Y om at:") names them all. And every actor
    it names."""
    folded = fold(text)
    verb = _VERB.search(folded)
    at = verb.start() if verb else wording_at(text)
    actors = [(pos, rid) for pos, kind, rid in g.find(text) if kind in _ACTORS]
    named = [rid for _, rid in actors]
    if at is None:
        by = list(named) if verbless else []
    else:
        by = [rid for pos, rid in actors if pos < at]
        if not by and verb:
            by = [rid for pos, rid in actors if verb.end() <= pos <= verb.end() + 2]
    by = [rid for rid in dict.fromkeys(by) if rid in g.actor_forms and names(text, g.actor_forms[rid])]
    if not by and at is not None and names(folded[:at], PARTIES_WORDS):
        by = list(parties)
    return by, named


Lead = tuple[str, int]  # a lead-in sentence, and the line its passage starts at


def _section_leads(
    sections: list[Section], parties: list[str], g: Gazetteer
) -> dict[int, tuple[Lead | None, Lead | None]]:
    """Each section's own lead-in (_section_lead_in), and the one it inherits: its parent's, else
    that of the section before it (a title line the layout cannot tell from a heading: "Cirkulær
    Økonomi – samarbejdsforum" under "Innovation og forretningsudvikling")."""
    leads: dict[int, tuple[Lead | None, Lead | None]] = {}
    previous: Lead | None = None
    for section in sections:
        parent = leads[id(section.parent)] if id(section.parent) in leads else (None, None)
        own = _section_lead_in(section, parties, g)
        leads[id(section)] = (own, parent[0] or parent[1] or previous)
        previous = own or leads[id(section)][1]
    return leads


def _section_lead_in(section: Section, parties: list[str], g: Gazetteer) -> Lead | None:
    """The first sentence of the section's own text that opens with who commits, with wording of
    commitment ("Vækstforum vil i perioden 2016-2018 igangsætte en række større initiativer.",
    "Vækstforums innovationsindsats … har overordnet til hensigt …"): reviewers quote it as the
    lead-in of the commitments after it that name no one themselves."""
    for passage in section.passages:
        for sentence in sentences(body(passage.text, section.title)):
            if not sentence.rstrip().endswith(":") and levels(sentence) and _opens_with_actor(sentence, parties, g):
                return _cut_quote(sentence), passage.start
    return None


def _opens_with_actor(sentence: str, parties: list[str], g: Gazetteer) -> bool:
    """The sentence opens with one who commits in it ("Vækstforum vil …", "Parterne er enige …")."""
    by = _who(sentence, parties, g)[0]
    opening = [rid for pos, kind, rid in g.find(sentence) if pos == 0 and kind in _ACTORS]
    return bool(by) and (bool(opening) and opening[0] in by or names(fold(sentence)[:12], PARTIES_WORDS))
