"""Rules that keep a commitment's paraphrased fields as faithful as its quote, and an initiative's
operators named in its own quotes.

Each commitment is read with its own quote and the lead-in sentence it continues ("Vækstforum
vil:"): whoever it says commits must be named there ("parterne" names the agreement's parties),
its timing must be that passage's own phrase, and its firmness must be what the passage's wording says (scripts/data/wording.py).
"""

from __future__ import annotations

from scripts.data.model import ACTORS, Initiative
from scripts.data.problems import Problem
from scripts.data.wording import HENSIGT, MULIGHED, TILSAGN, actor_forms, levels, names, occurs
from scripts.data.yaml_lines import YamlFile

PARTIES_WORDS = ["parterne", "parternes", "begge parter", "aftaleparterne"]
_EXAMPLES = {
    TILSAGN: "'vil', 'skal', 'forpligter sig', 'er enige om'",
    HENSIGT: "'vil arbejde for', 'vil undersøge', 'drøfte'",
    MULIGHED: "'kan', 'vil kunne'",
}


def commitment_problems(records: dict, yaml_files: dict[tuple[str, str], YamlFile]) -> list[Problem]:
    forms = {
        rid: actor_forms(r.name, getattr(r, "abbreviation", None), r.aliases)
        for kind in ACTORS
        for rid, r in records[kind].items()
    }
    problems: list[Problem] = []
    for rid, initiative in records["initiatives"].items():
        document = records["documents"].get(initiative.document)
        parties = set(document.parties) if document else set()
        problems += _initiative_problems(initiative, yaml_files[("initiatives", rid)], forms, parties)
    return problems


def _initiative_problems(i: Initiative, yf: YamlFile, forms: dict[str, list[str]], parties: set[str]) -> list[Problem]:
    problems = []
    passages = "\n".join([*i.quotes, *(q for c in i.commitments for q in (c.quote, c.lead_in) if q)])
    for k, actor in enumerate(i.operators):
        if actor in forms and not names(passages, forms[actor]):
            problems.append(
                yf.problem(("operators", k), f"{actor!r} is not named in the initiative's quotes: who runs it must be")
            )
    for n, c in enumerate(i.commitments):
        passage = c.quote + ("\n" + c.lead_in if c.lead_in else "")
        where = "the commitment's quote" + (" or lead-in" if c.lead_in else "")
        # "Parterne er enige om …" names every party of the agreement
        all_parties = names(passage, PARTIES_WORDS)
        for k, actor in enumerate(c.by):
            if actor in forms and not names(passage, forms[actor]) and not (all_parties and actor in parties):
                problems.append(
                    yf.problem(
                        ("commitments", n, "by", k),
                        f"{actor!r} is not named in {where}: `by` lists only those the source says commit "
                        "(partners go in `partners`; a bullet that continues a sentence such as "
                        "'Vækstforum vil:' quotes that sentence as `lead_in`)",
                    )
                )
        if c.when and c.when.text and not occurs(c.when.text, passage):
            problems.append(
                yf.problem(
                    ("commitments", n, "when", "text"),
                    f"{c.when.text!r} is not in {where}: the timing must be the commitment's own",
                )
            )
        found = levels(passage)
        if c.firmness.value not in found:
            problems.append(
                yf.problem(
                    ("commitments", n, "firmness"),
                    f"{c.firmness.value!r} needs wording such as {_EXAMPLES[c.firmness.value]} in {where}; "
                    f"its wording is that of {' and '.join(sorted(found)) or 'neither'}",
                )
            )
    return problems
