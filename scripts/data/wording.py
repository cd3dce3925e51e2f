"""What the wording of a Danish passage says: how firmly it commits, and whom it names.

One set of rules, used by validation (a commitment's firmness and parties must be supported by
its own quote), by coverage (sentences of running text that commit must have a record) and by
the drafting of new records. Texts are compared in their canonical form (scripts/data/quotes.py),
case-folded, so line breaks and hyphenation in the sources do not matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from scripts.data.quotes import canonical

# The levels, firmest first, as the model's Firmness names them.
TILSAGN, HENSIGT, MULIGHED = "tilsagn", "hensigt", "mulighed"

_W = r"(?<!\w)"  # start of a word
# A possibility: "kan", "vil kunne", "kan blandt andre være", "mulighed for".
_MULIGHED = [r"kan", r"kunne", r"mulighed(?:en|er|erne)?", r"eventuel(?:t|le)?", r"evt\."]
# An intention or a process whose outcome is open: "vil arbejde for", "vil undersøge", "drøfte".
_HENSIGT = [
    r"arbejde[rs]? (?:for|på|hen imod|videre med|med at)",
    r"undersøge[rs]?",
    r"drøfte[rs]?",
    r"overvej\w*",
    r"søge[rs]?(?: \w+){0,3} at",  # "søger hver især at"
    r"sigte[rs]? (?:mod|på)",
    r"hensigt\w*",
    r"ønske[rs]?",
    r"forvent\w*",
    r"vurdere[rs]?",
    r"tage[rs]? stilling",
    r"afklare[rs]?",
    r"dialog\w*",
    r"se[rs]? på",
    r"bestræbe\w*",
    r"tilstræbe\w*",
    r"ambition\w*",
    r"opfordre\w*",
    r"målsætning\w*",
    r"drøftelse\w*",
]
# A commitment: modal verbs, and verbs of agreement and action in the present tense ("Parterne
# igangsætter"); their infinitives commit only after a modal ("arbejder på at etablere" does not).
_TILSAGN = [
    r"vil",
    r"skal",
    r"forpligter",
    r"(?:er|blev)(?: \w+)? enige (?:om|i)",  # "er ligeledes enige i at"
    r"aftaler",
    r"har aftalt",
    r"igangsætter",
    r"iværksætter",
    r"afsætter",
    r"etablerer",
    r"bidrager",
    r"gennemfører",
    r"medfinansierer",
    r"finansierer",
    r"opretter",
    r"tilbyder",
    r"yder",
    r"giver",
    r"sikrer",
    r"støtter",
    r"samarbejder",
    r"definerer",
    r"prioriterer",
    r"investerer",
    r"indgår",
    r"tiltræder",
    r"godkender",
    r"tilsagn",
    # the present passive of the same verbs: "Team VækstDanmark, som etableres af de fem regioner"
    r"etableres",
    r"igangsættes",
    r"iværksættes",
    r"gennemføres",
    r"videreudvikles",
    r"fortsættes",
    r"tilbydes",
    r"indgås",
    r"nedsættes",
    r"forelægger",
]


def _pattern(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"{_W}(?:{'|'.join(words)})(?!\w)")


_PATTERNS = {TILSAGN: _pattern(_TILSAGN), HENSIGT: _pattern(_HENSIGT), MULIGHED: _pattern(_MULIGHED)}
# The verbs of the intentions above: after "vil"/"skal" they make the modal a hedge, where the
# nouns ("vil indkalde til en drøftelse", "vil igangsætte en dialog") do not.
_HEDGE_VERBS = [
    r"kunne",
    r"arbejde (?:for|på|hen imod|videre med|med at)",
    r"undersøge",
    r"drøfte",
    r"overveje",
    r"søge(?: \w+){0,3} at",
    r"sigte (?:mod|på)",
    r"vurdere",
    r"tage stilling",
    r"afklare",
    r"se på",
    r"bestræbe sig",
    r"tilstræbe",
]
# "vil"/"skal" whose verb, up to four words on, is a hedge ("vil der kunne tages stilling",
# "skal arbejde for"): the modal then carries the hedge, not a commitment of its own.
_HEDGED_MODAL = re.compile(rf"{_W}(?:vil|skal)(?: [^\s,.;:]+){{0,3}}? (?=(?:{'|'.join(_HEDGE_VERBS)})(?!\w))")


# The words that make a sentence of running text a commitment the records must account for
# (scripts/data/coverage.py): the modal verbs and the verbs of agreement.
_COMMITTING = _pattern(
    [r"vil", r"skal", r"forpligter", r"(?:er|blev)(?: \w+)? enige (?:om|i)", r"aftale[rs]?", r"har aftalt"]
)


def fold(text: str) -> str:
    """The form texts are compared in: canonical and case-folded."""
    return canonical(text).casefold()


def levels(text: str) -> set[str]:
    """The firmness levels whose wording occurs in the text."""
    t = fold(text)
    found = {level for level in (HENSIGT, MULIGHED) if _PATTERNS[level].search(t)}
    if _PATTERNS[TILSAGN].search(_HEDGED_MODAL.sub(" ", t)):
        found.add(TILSAGN)
    return found


def wording_at(text: str) -> int | None:
    """Where the first wording of any level starts in the text's folded form (None: it has none)."""
    t = fold(text)
    starts = [m.start() for m in (pattern.search(t) for pattern in _PATTERNS.values()) if m]
    return min(starts) if starts else None


def commits(text: str) -> bool:
    """Whether a sentence is worded as a commitment: "vil", "skal", "er enige om", "forpligter sig"."""
    return bool(_COMMITTING.search(fold(text)))


def actor_forms(name: str, abbreviation: str | None = None, aliases: Iterable[str] = ()) -> list[str]:
    """The ways a text can name an actor: its name, abbreviation and aliases, and for a
    ministry the minister ("Erhvervs- og Vækstministeriet" → "erhvervs- og vækstminister")."""
    forms = [name, *([abbreviation] if abbreviation else []), *aliases]
    for form in list(forms):
        if form.casefold().endswith("ministeriet"):
            forms.append(form[: -len("iet")])  # "…minister", also "…ministeren", "…ministerens"
        elif form.casefold().startswith("ministeriet for "):
            forms.append("minister for " + form[len("ministeriet for ") :])
    return [fold(f) for f in forms if fold(f)]


def names(text: str, forms: Iterable[str]) -> bool:
    """Whether the text names an actor by one of its forms (a form may take an ending: "Vækstforums")."""
    t = fold(text)
    return any(re.search(rf"{_W}{re.escape(form)}", t) for form in forms)


def occurs(phrase: str, text: str) -> bool:
    """Whether the phrase occurs in the text, as the sources are compared."""
    return fold(phrase) in fold(text)
