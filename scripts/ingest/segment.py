"""Find the structure of a source text: its title, sections, and the passages that become initiatives.

The agreements are laid out in a few ways, all found here from the lines alone:
- numbered and lettered headings ("1. Turisme", "a) Bioøkonomi"), Markdown headings, and short
  title lines that stand alone between paragraphs (also where a bullet glyph was lost);
- bullets (any glyph, or a line indented by one space after a sentence, where the glyph was lost),
  each usually one initiative ("• Dansk deltagelse i et Food KIC. Parterne vil …");
- "Initiativer" blocks, where each paragraph opens with the initiative's name ("Eventpuljen - …");
- lead-ins that bullets continue ("Vækstforum vil:").
A heading that recurs (listed in the introduction, repeated in an annex) is one section.
Every passage is kept as the source's own lines, so each quote made from it is verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scripts.data.coverage import _after_sentence
from scripts.data.quotes import canonical
from scripts.data.wording import commits
from scripts.render.readable import BULLETS

_GLYPH = re.compile(rf"^(?P<indent>\s*)(?:[{BULLETS}•]|o(?=\s)|-(?=\s))\s*(?P<text>\S.*?)\s*$")
_LOST_GLYPH = re.compile(r"^ (?P<text>\S.*?)\s*$")
_NUMBERED = re.compile(r"^\s*(?P<number>\d{1,2})\.\s+(?P<text>\S.*?)\s*$")
_LETTERED = re.compile(r"^\s*(?P<number>[a-h])\)\s+(?P<text>\S.*?)\s*$")
_MARKDOWN = re.compile(r"^\s*(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*$")
_INITIATIVE_BLOCK = re.compile(r"^\s*Initiativer\b")
# Headings every section of a growth plan has: parts of the section, not sections of their own.
_GENERIC = re.compile(
    r"^(?:Udfordring(?:en)?|Effekt|Forventet effekt.*|Økonomi|Initiativer.*|Indstilling|Sagsfremstilling|"
    r"Referat|Baggrund|Formål|Beslutning|Dagsorden|Bilag.*)\s*:?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.:!?;]\s*$")
_DASH_TITLE = re.compile(r"^(?P<title>[^.:;]{3,80}?)\s+[-–]\s+\S")
TITLE_MAX = 100  # characters of a title line
QUOTE_TARGET = 700  # characters an opening quote runs to, at the end of a sentence


@dataclass
class Passage:
    """Lines `start`..`end` (0-based, end exclusive) of the text, and their text from the unit's own words."""

    start: int
    end: int
    text: str


@dataclass
class Unit:
    kind: str  # "heading", "bullet", "block" (an initiative's paragraph in an Initiativer block)
    line: int  # 0-based
    title: str
    number: str | None = None
    level: int = 1
    sub: bool = False  # a bullet under a bullet ("o", deeper indent)
    lead_in: str | None = None  # the sentence a bullet continues ("Vækstforum vil:")
    passage: Passage | None = None


@dataclass
class Section:
    title: str
    number: str | None
    level: int
    kind_hint: str  # "numbered", "lettered", "markdown", "title", "intro"
    parent: Section | None = None
    passages: list[Passage] = field(default_factory=list)  # its own text, each occurrence
    initiatives: list[Initiative] = field(default_factory=list)


@dataclass
class Initiative:
    title: str
    section: Section
    passage: Passage
    lead_in: str | None = None
    subs: list[Unit] = field(default_factory=list)  # bullets under it, and short bullets listing its points


@dataclass
class Structure:
    title_lines: list[str]
    title_line: int  # 0-based line of the first title line
    sections: list[Section]
    initiatives: list[Initiative]
    lines: list[str]


def segment(text: str) -> Structure:
    lines = text.splitlines()
    title_start, title_lines, body_start = _title(lines)
    units = _units(lines, body_start)
    for i, unit in enumerate(units):
        end = units[i + 1].line if i + 1 < len(units) else len(lines)
        unit.passage = Passage(unit.line, end, _own_text(lines, unit.line, end))
    intro = Section("Indledning", None, 0, "intro")
    first = units[0].line if units else len(lines)
    intro.passages.append(Passage(body_start, first, "\n".join(lines[body_start:first]).strip()))
    sections = [intro]
    by_title: dict[str, Section] = {}
    stack: list[Section] = []  # open headings, outermost first
    initiatives: list[Initiative] = []
    current: Section = intro
    for unit in units:
        assert unit.passage is not None
        key = _title_key(unit.title)
        key = next((k for k in by_title if len(k) >= 15 and key.startswith(k)), key)  # "Title – subtitle" in an annex
        if unit.kind == "subheading" and key in by_title and by_title[key].kind_hint != "title":
            unit.kind = "heading"  # an annex repeating a numbered heading
        if unit.kind in ("subheading", "paragraph"):
            if current.initiatives and unit.kind == "paragraph":
                current.initiatives[-1].subs.append(unit)
            else:
                current.passages.append(unit.passage)
            continue
        if unit.kind == "heading":
            section = by_title.get(key)
            if section is None:
                while stack and stack[-1].level >= unit.level:
                    stack.pop()
                section = Section(unit.title, unit.number, unit.level, _hint(unit), stack[-1] if stack else None)
                by_title[key] = section
                sections.append(section)
            else:
                while stack and stack[-1] is not section and stack[-1].level >= section.level:
                    stack.pop()
            if not stack or stack[-1] is not section:
                stack.append(section)
            section.passages.append(unit.passage)
            current = section
        elif unit.sub or (current.initiatives and (_enumerated(unit) or _same_list(unit, current.initiatives[-1]))):
            target = current.initiatives[-1] if current.initiatives else None
            if target is not None:
                target.subs.append(unit)
            else:
                current.passages.append(unit.passage)
        else:
            initiative = Initiative(unit.title, current, unit.passage, unit.lead_in)
            current.initiatives.append(initiative)
            initiatives.append(initiative)
    # A short bullet that names a section (the introduction listing them) is that section's.
    listed = [i for i in initiatives if _title_key(i.title) in by_title and len(canonical(i.passage.text)) < 150]
    for initiative in listed:
        initiatives.remove(initiative)
        initiative.section.initiatives.remove(initiative)
        by_title[_title_key(initiative.title)].passages.insert(0, initiative.passage)
    # A section with text of its own and neither initiatives nor subsections is one initiative.
    parents = {id(s.parent) for s in sections if s.parent is not None}
    for section in sections:
        texts = [p for p in section.passages if len(canonical(p.text)) > len(canonical(section.title)) + 20]
        alone = not section.initiatives and section is not intro
        if texts and id(section) not in parents and (alone or _commits(texts)):
            initiative = Initiative(section.title, section, texts[0])
            initiative.subs = [Unit("bullet", p.start, section.title, passage=p) for p in texts[1:]]
            section.initiatives.insert(0, initiative)
            initiatives.append(initiative)
    initiatives.sort(key=lambda i: i.passage.start)
    return Structure(title_lines, title_start, sections, initiatives, lines)


def _title(lines: list[str]) -> tuple[int, list[str], int]:
    """The document's title: its first short lines, after a date line. (first line, lines, body start)"""
    i = 0
    while i < len(lines) and (not lines[i].strip() or _date_line(lines[i])):
        i += 1
    start, title = i, []
    while i < len(lines) and len(title) < 3:
        line = lines[i].strip().lstrip("#").strip()
        if title and (lines[i].lstrip().startswith("#") or _date_line(line)):
            break  # a heading or a date of its own: the title's lines run on, so its quote is verbatim
        if not line:
            if title:
                break
            i += 1
            continue
        if _date_line(line):
            i += 1
            continue
        if len(line) > 120 or (title and _SENTENCE_END.search(title[-1])):
            break
        title.append(line)
        i += 1
        if line.endswith("."):
            break
    return start, title, i


def _date_line(line: str) -> bool:
    return bool(re.fullmatch(r"\s*\d{1,2}\.\s*\w+\s+\d{4}\s*", line))


def _units(lines: list[str], start: int) -> list[Unit]:
    units: list[Unit] = []
    in_block = False
    level_of_numbered = 0  # the level the last numbered or lettered heading had
    bullet_indent: int | None = None
    for n in range(start, len(lines)):
        line = lines[n]
        if not line.strip():
            continue
        if _INITIATIVE_BLOCK.match(line) and _GENERIC.match(line.strip()):
            in_block = True  # "Initiativer 2016-2018": what follows is a passage of its own
            units.append(Unit("subheading", n, line.strip(), None, 9))
            continue
        plain = line.strip()
        if _repeats(plain, units):
            units.append(Unit("heading", n, _heading_title(plain, lines, n), None, 1))
            continue
        if _GENERIC.match(plain.strip("*#: ")):
            if not re.match(r"^\s*Initiativer", plain):
                in_block = False
            continue
        m = _MARKDOWN.match(line)
        if m:
            text = m.group("text").strip("* ")
            numbered = _NUMBERED.match(text)
            units.append(
                Unit(
                    "heading",
                    n,
                    _heading_title(numbered.group("text") if numbered else text, lines, n),
                    numbered.group("number") if numbered else None,
                    len(m.group("hashes")),
                )
            )
            continue
        numbered, lettered = _NUMBERED.match(line), _LETTERED.match(line)
        match = numbered or lettered
        if match and _is_title(lines, n, _heading_title(match.group("text"), lines, n), numbered=True):
            level = 1 if numbered else 2
            level_of_numbered = level
            units.append(
                Unit("heading", n, _heading_title(match.group("text"), lines, n), match.group("number"), level)
            )
            in_block = False
            continue
        if numbered or lettered:  # a numbered point of a list, not a heading: a bullet
            units.append(
                Unit("bullet", n, _item_title((numbered or lettered).group("text")), lead_in=_lead_in(lines, n))
            )
            continue
        glyph = _GLYPH.match(line)
        lost = None
        if not glyph and (_after_sentence(lines, n + 1) or _list_item(lines, n, units)):
            lost = _LOST_GLYPH.match(line)
        if glyph or lost:
            text = (glyph or lost).group("text")
            if lost and _is_title(lines, n, text) and not _continues_lead(lines, n):
                units.append(_title_unit(n, _heading_title(text, lines, n), level_of_numbered))
                continue
            indent = len(glyph.group("indent")) if glyph else 1
            is_o = bool(glyph) and line.lstrip().startswith("o ")
            previous = units[-1] if units else None
            sub = bool(
                previous
                and previous.kind == "bullet"
                and (is_o or (bullet_indent is not None and indent > bullet_indent + 1))
                and previous.passage is None
            )
            lead_in = _lead_in(lines, n)
            previous_bullet = units[-1] if units and units[-1].kind == "bullet" else None
            if (
                not lead_in
                and previous_bullet
                and previous_bullet.lead_in
                and (text[:1].islower() or (sub and previous_bullet.sub))
            ):
                lead_in = previous_bullet.lead_in  # the next bullet (or "o" item) continuing the same lead-in
            if lost and not lead_in:  # a paragraph indented by one space: text, not a bullet
                units.append(Unit("paragraph", n, _item_title(text)))
                continue
            if not sub:
                bullet_indent = indent
            units.append(Unit("bullet", n, _item_title(text), sub=sub, lead_in=lead_in))
            continue
        if _starts_paragraph(lines, n) and (
            (_is_title(lines, n, plain) and not _continues_lead(lines, n)) or (in_block and _DASH_TITLE.match(plain))
        ):
            if in_block:
                units.append(Unit("block", n, _item_title(plain)))
            else:
                units.append(_title_unit(n, _heading_title(plain, lines, n), level_of_numbered))
    return units


def _repeats(line: str, units: list[Unit]) -> bool:
    """The line opens with the title of a numbered heading before it (an annex: "Title – subtitle")."""
    if _NUMBERED.match(line) or _LETTERED.match(line) or _MARKDOWN.match(line):
        return False
    key = _title_key(line)
    return any(
        u.kind == "heading" and u.number and len(_title_key(u.title)) >= 15 and key.startswith(_title_key(u.title))
        for u in units
    )


def _title_unit(n: int, title: str, level_of_numbered: int) -> Unit:
    """A title line: a section where the document has no numbered headings, else a subheading
    within the numbered section (unless it repeats one, as an annex does)."""
    return Unit("heading" if not level_of_numbered else "subheading", n, title, None, 1 if not level_of_numbered else 9)


def _starts_paragraph(lines: list[str], n: int) -> bool:
    previous = next((line for line in reversed(lines[:n]) if line.strip()), "")
    return (
        not previous or not lines[n - 1].strip() or bool(_SENTENCE_END.search(previous)) or _is_heading_line(previous)
    )


def _is_heading_line(line: str) -> bool:
    return bool(_MARKDOWN.match(line) or _GENERIC.match(line.strip().strip("*#: ")))


def _is_title(lines: list[str], n: int, text: str, numbered: bool = False) -> bool:
    """A short line, not a sentence, followed by text that opens a new sentence. A numbered heading
    may end with "." or ":" ("1. Fælles opfølgning på regeringens vækstplaner mv.")."""
    text = text.strip().strip("*").strip()
    ending = r"[;,]\s*$" if numbered else r"[.;,:]\s*$"
    if not (3 <= len(text) <= (150 if numbered else _width(lines)[0])) or re.search(ending, text):
        return False
    if re.search(r"\.\s+[A-ZÆØÅ]|\S {2,}\S|:\s*[\d.,]+$|^Side \d", text) or len(text.split()) > 16:
        return False  # two sentences, columns, "Støttede virksomheder: 150", a page number
    if not re.match(r"[^\W\d_]|[\"”“(]", text) or text[0].islower():
        return False
    last = text.rstrip(":. ").split()[-1] if text.rstrip(":. ").split() else ""
    wrapped_at_name = last[:1].isupper() and last.isalpha() and not last.isupper() and len(text) > _width(lines)[1]
    if not numbered and (last.casefold() in _FUNCTION_WORDS or (len(text.split()) > 1 and wrapped_at_name)):
        return False  # "… i Region" / "Midtjylland …": a sentence wrapped at a name
    following = next((line for line in lines[n + 1 :] if line.strip()), "")
    if not following:
        return False
    first = following.strip().lstrip(BULLETS + "•-o ").strip()
    return (
        bool(first)
        and (first[0].isupper() or first[0].isdigit() or numbered)
        and (numbered or not _wraps(text, following))
    )


_FUNCTION_WORDS = {
    "i",
    "for",
    "og",
    "af",
    "med",
    "til",
    "på",
    "om",
    "at",
    "der",
    "som",
    "en",
    "et",
    "den",
    "det",
    "de",
    "samt",
    "eller",
    "fra",
    "ved",
    "under",
    "over",
    "mellem",
    "vedr",
    "bl.a",
    "fx",
    "mv",
    "hvor",
    "når",
}
_widths: dict[int, tuple[int, int]] = {}


def _width(lines: list[str]) -> tuple[int, int]:
    """The longest a title line may be, shorter than the lines prose is wrapped at (the 90th
    percentile of the line lengths) and at most TITLE_MAX; and the length from which a line
    ending in a name is taken for prose wrapped there."""
    key = id(lines)
    if key not in _widths:
        lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
        typical = lengths[int(len(lengths) * 0.9)] if lengths else TITLE_MAX
        _widths.clear()
        _widths[key] = (min(TITLE_MAX, max(40, int(typical * 0.85))), int(typical * 0.75))
    return _widths[key]


def _wraps(text: str, following: str) -> bool:
    """The title line goes on in the next line ("… uddannelses- og" / "beskæftigelsesindsatsen")."""
    return (
        bool(re.search(r"(?:-|\bog|\bi|\bfor|\bmed|\bsamt|\baf|\btil)\s*$", text)) and following.strip()[:1].islower()
    )


def _heading_title(text: str, lines: list[str], n: int) -> str:
    """A heading's text, with the line that continues it ("… og" / "beskæftigelsesindsatsen")."""
    text = text.strip().strip("*").strip()
    following = next((line for line in lines[n + 1 : n + 3] if line.strip()), "")
    if following and not _SENTENCE_END.search(text) and following.strip()[:1].islower() and len(following) < 70:
        if not _SENTENCE_END.search(following) or following.strip().endswith(":"):
            text = f"{text} {following.strip()}"
    text = re.sub(r"\s+", " ", text.replace("- og ", "- og "))
    return text.rstrip(": ").strip() or text


def _item_title(text: str) -> str:
    """An initiative's name: its opening sentence when short ("Dansk deltagelse i et Food KIC."), the
    part before " - " ("Eventpuljen - Vækstforum har …"), or its opening words."""
    text = text.strip().strip("*").strip()
    dash = _DASH_TITLE.match(text)
    if dash:
        return dash.group("title").strip()
    first = re.split(r"(?:(?<=[A-ZÆØÅ]{2})\.\s+(?=[A-ZÆØÅ])|(?<=[a-zæøå0-9)]{3})\.\s)", text, maxsplit=1)[0]
    first = first.rstrip(". ")
    if len(first) <= 90:
        return first
    words = first[:90].rsplit(" ", 1)[0]
    return words.rstrip(",;:") + " …"


def _lead_in(lines: list[str], n: int, depth: int = 0) -> str | None:
    """The sentence a bullet continues, ending with ':' on the line(s) before it (blank lines
    between do not matter). Where that sentence is itself an item continuing an outer lead-in
    without a glyph between them ("Vækstforum vil: ⏎ samarbejde med X om at:"), the lead-in is
    both, as the source runs on (reviewers quote it so)."""
    at = [k for k in range(max(0, n - 16), n) if lines[k].strip()][-_LEAD_LINES:]
    previous = [lines[k].strip() for k in at]
    if not previous or not previous[-1].endswith(":"):
        return None
    for k in range(len(previous) - 1, -1, -1):  # back to the start of that sentence
        if _GLYPH.match(previous[k]) or k == 0 or _SENTENCE_END.search(previous[k - 1]):
            sentence = " ".join(previous[k:])
            sentence = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", sentence)[-1]
            glyph = _GLYPH.match(sentence)
            sentence = (glyph.group("text") if glyph else sentence).strip()
            outer = None
            if k and not glyph and previous[k - 1].endswith(":") and depth < 2 and sentence[:1].islower():
                outer = _lead_in(lines, at[k], depth + 1)
            return f"{outer} {sentence}" if outer else sentence
    return None


_LEAD_LINES = 6  # non-blank lines a lead-in sentence may run over


def _list_item(lines: list[str], n: int, units: list[Unit]) -> bool:
    """A line indented by one space, in lower case, in a list under a lead-in ("… om at:" ⏎
    " udpege …" ⏎ " sikre …"): an item whose glyph was lost, though the item before has no full stop."""
    previous = next((line for line in reversed(lines[:n]) if line.strip()), "")
    return bool(
        units
        and units[-1].kind == "bullet"
        and (units[-1].lead_in or "").endswith(":")
        and lines[n][1:2].islower()
        and not re.search(r"(?:[-,]|\b(?:og|i|for|med|samt|af|til|eller|at|om|på))\s*$", previous)
    )


def _continues_lead(lines: list[str], n: int) -> bool:
    previous = next((line for line in reversed(lines[:n]) if line.strip()), "")
    return previous.strip().endswith(":") and not _is_heading_line(previous)


def _own_text(lines: list[str], start: int, end: int) -> str:
    """The unit's lines, without the bullet glyph, number or Markdown marks that open it (emphasis
    that closes on a later line stays: the passage must be the source's own text)."""
    first = lines[start]
    for pattern in (_MARKDOWN, _GLYPH, _NUMBERED, _LETTERED):
        m = pattern.match(first)
        if m:
            first = m.group("text").lstrip("* ")
            numbered = _NUMBERED.match(first) or _LETTERED.match(first)
            if numbered:
                first = numbered.group("text")
            break
    if end - start == 1:
        first = first.strip().strip("*")
    return "\n".join([first.strip(), *lines[start + 1 : end]]).strip()


def _commits(passages: list[Passage]) -> bool:
    """Whether the passages hold a commitment of their own (not a lead-in to the bullets: "… enige om følgende:")."""
    return any(commits(s) and not s.rstrip().endswith(":") for p in passages for s in sentences(p.text))


def _enumerated(unit: Unit) -> bool:
    """A short bullet listing a point, not an initiative of its own."""
    text = unit.passage.text if unit.passage else unit.title
    return unit.kind == "bullet" and len(canonical(text)) < 100 and not re.search(r"\.\s+\S", text)


def _same_list(unit: Unit, initiative: Initiative) -> bool:
    """The bullet goes on with a list of short items the initiative holds, under the same lead-in."""
    last = initiative.subs[-1] if initiative.subs else None
    return bool(unit.lead_in and last and last.kind == "bullet" and last.lead_in == unit.lead_in)


def _hint(unit: Unit) -> str:
    if unit.number and unit.number.isdigit():
        return "numbered"
    return "lettered" if unit.number else "title"


def _title_key(title: str) -> str:
    return canonical(re.sub(r"^(?:\d{1,2}\.|[a-h]\))\s+", "", title)).casefold().rstrip(":. ")[:60]


def body(text: str, title: str) -> str:
    """The passage without the heading lines it opens with (its title, "Initiativer 2016-2018"):
    what it says, to quote as a commitment or lead-in."""
    lines = text.splitlines()
    key, taken, n = canonical(title).rstrip(" …"), "", 0
    while n < len(lines):
        line = lines[n].strip().strip("*#").strip()
        joined = canonical(f"{taken} {line}")
        if line and not (_INITIATIVE_BLOCK.match(line) and _GENERIC.match(line)):
            if not (key and key.startswith(joined)):
                break
            taken = joined
        n += 1
    rest = "\n".join(lines[n:])
    return rest if canonical(rest) else text


# Headings of a growth plan's expected effects and budget: what follows them (up to an
# "Initiativer" heading) says with what effect and money, not what anyone commits to.
_BACKGROUND = re.compile(r"^(?:Effekt|Forventet effekt.*|Økonomi)\s*:?$", re.IGNORECASE)


def foreground(text: str) -> list[str]:
    """The parts of a passage that are not under an effects or budget heading (_BACKGROUND), each
    as it stands in the source. Such a part ends at an "Initiativer" heading, or at a line that
    looks like a heading of its own (where the layout did not make it one)."""
    parts: list[list[str]] = [[]]
    background = False
    lines = text.splitlines()
    for n, line in enumerate(lines):
        plain = line.strip().strip("*#: ")
        following = next((rest.strip() for rest in lines[n + 1 :] if rest.strip()), "")
        if _BACKGROUND.match(plain) or (_INITIATIVE_BLOCK.match(plain) and _GENERIC.match(plain)):
            background = bool(_BACKGROUND.match(plain))
            parts.append([])
            continue
        if background and re.fullmatch(r"[A-ZÆØÅ][^\d:.;,!?]{2,60}", plain) and following[:1].isupper():
            background = False
            parts.append([])
        if not background:
            parts[-1].append(line)
    return [part for part in ("\n".join(lines) for lines in parts) if canonical(part)]


def sentences(text: str) -> list[str]:
    """The sentences of a passage, as they stand in the source (line breaks kept)."""
    parts = re.split(r"(?<=[a-zæøåA-ZÆØÅ0-9)”\"’%])([.!?])(\s+)(?=[A-ZÆØÅ\"”“])", text)
    out: list[str] = []
    buffer = ""
    i = 0
    while i < len(parts):
        buffer += parts[i]
        if i + 1 < len(parts):
            buffer += parts[i + 1]
            if not re.search(
                r"(?:\b\d{1,2}|\bbl|\bf|\beks|\bca|\bjf|\bmv|\bfx|\bevt|\bnr|\bkl|\bstk|\binkl|\bpct|\bmhp|\bift|\bdvs)$",
                parts[i],
            ):
                out.append(buffer.strip())
                buffer = ""
            else:
                buffer += parts[i + 2]
                i += 3
                continue
            i += 3
        else:
            i += 1
    if buffer.strip():
        out.append(buffer.strip())
    return [s for s in out if canonical(s)]


def opening(text: str, target: int = QUOTE_TARGET) -> str:
    """The passage's opening sentences, up to about `target` characters."""
    out = ""
    for sentence in sentences(text):
        if out and len(canonical(out)) + len(canonical(sentence)) > target:
            break
        out = f"{out} {sentence}" if out else sentence
    return out.strip() or text[:target]
