"""Status changes a follow-up document (minutes, a status report) supports for earlier commitments.

A commitment is followed up by a part of the new document (a section, an agenda item) that shares
most of its distinctive words; the proposal quotes the sentence of that part whose wording tells
the status ("er gennemført", "er i gang", "tiltræder", "beder sekretariatet om"). Proposals are
written beside the drafts for a reviewer to copy into the commitment's `status`; no reviewed
record is changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.data.wording import fold
from scripts.ingest.segment import Structure, sentences

_WORD = re.compile(r"[a-zæøå]{6,}")
_COMMON = set(
    "mellem gennem herunder således derfor desuden endvidere ligesom hvordan arbejdet arbejde parterne "
    "regeringen samarbejde samarbejdet indsatsen indsats initiativet initiativer virksomheder "
    "virksomhederne regionale regionen relevante styrke styrket understøtte inden".split()
)
# The status a sentence's wording tells, most final first.
_STATUS = [
    (
        "opgivet",
        re.compile(r"(?<!\w)(?:er|blev) (?:opgivet|stoppet|droppet)|bortfalder|ikke (?:gennemføres|videreføres)"),
    ),
    ("gennemført", re.compile(r"(?<!\w)(?:er|blev) (?:gennemført|afsluttet|færdiggjort|etableret|vedtaget|lanceret)")),
    (
        "i gang",
        re.compile(
            r"(?<!\w)(?:er|blev) (?:igangsat|påbegyndt|i gang)|(?<!\w)(?:pågår|igangsætter|igangsættes|tiltræder|"
            r"godkender|beder \w+ om|arbejder \w*\s*(?:på|med)|er i gang)"
        ),
    ),
]
STEM = 6
MIN_SHARE = 0.75  # of a commitment's distinctive words that a part of the new document must share
MIN_WORDS = 4


@dataclass
class Proposal:
    initiative: str
    commitment: int | None  # its index in the initiative's commitments; None: the initiative's own status
    value: str
    quote: str  # the sentence of the new document that supports it
    section: str  # the title of the part of the new document it is in
    share: float


def _words(text: str) -> set[str]:
    """Distinctive words, cut to a stem of STEM letters so inflected forms meet ("analysearbejdet")."""
    return {w[:STEM] for w in _WORD.findall(fold(text)) if w not in _COMMON}


def proposals(structure: Structure, earlier: dict[str, dict], doc_id: str) -> list[Proposal]:
    """Status proposals for the initiatives of other documents (`earlier`: id → record data)."""
    parts = []
    for section in structure.sections:
        passages = section.passages + [i.passage for i in section.initiatives]
        passages += [u.passage for i in section.initiatives for u in i.subs if u.passage]
        parts.append((section.title, [s for p in passages for s in sentences(p.text)]))
    parts = [(title, found, _words(" ".join([title, *found]))) for title, found in parts]
    out: list[Proposal] = []
    for rid, record in sorted(earlier.items()):
        if record.get("document") == doc_id:
            continue
        targets: list[tuple[int | None, str]] = [
            (None, " ".join([str(record.get("title", "")), *record.get("quotes", [])]))
        ]
        targets += [(n, c.get("quote", "")) for n, c in enumerate(record.get("commitments", [])) if isinstance(c, dict)]
        best: Proposal | None = None
        for index, text in targets:
            words = _words(text)
            if len(words) < MIN_WORDS:
                continue
            for title, found, part_words in parts:
                share = len(words & part_words) / len(words)
                if share < MIN_SHARE or (best and share <= best.share):
                    continue
                supported = _supporting(found, words)
                if supported:
                    value, sentence = supported
                    best = Proposal(rid, index, value, sentence, title, share)
        if best:
            out.append(best)
    return out


def _supporting(found: list[str], words: set[str]) -> tuple[str, str] | None:
    """The status and the sentence that tells it best: status wording, and most words in common."""
    ranked = sorted(found, key=lambda s: -len(_words(s) & words))
    for sentence in ranked:
        for value, pattern in _STATUS:
            if pattern.search(fold(sentence)):
                return value, sentence
    return None
