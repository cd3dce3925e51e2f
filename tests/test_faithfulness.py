"""A commitment's paraphrased fields must be supported by its own quote: whoever commits is named
there, its timing is its own, and its firmness is the wording's. And every sentence of running text
that commits is accounted for by coverage."""

from __future__ import annotations

import pytest

from scripts.data import coverage
from scripts.data.validate import load_catalogue
from scripts.data.wording import HENSIGT, MULIGHED, TILSAGN, levels
from tests.conftest import problems_in
from tests.test_validate import INITIATIVE, edit

SOURCE = "sources/aftale-2020.txt"
QUOTE = "    quote: Erhvervsministeriet vil i efteråret 2020 invitere til en drøftelse\n"


def add_to_source(data, text: str) -> None:
    path = data / SOURCE
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    "wording, expected",
    [
        ("Vækstforum vil styrke indsatsen, så virksomhederne kan vokse", {TILSAGN, MULIGHED}),
        ("Parterne er enige om at etablere et netværk", {TILSAGN}),
        ("Regeringen forpligter sig til at afsætte midlerne", {TILSAGN}),
        ("Herefter vil der kunne tages stilling til en fortsættelse", {HENSIGT, MULIGHED}),
        ("Regeringen vil arbejde for en fælles model", {HENSIGT}),
        ("Regionen arbejder på at etablere et center", {HENSIGT}),
        ("Partnerne kan blandt andre være universiteterne", {MULIGHED}),
        ("Vækstforum vil undersøge mulighederne", {HENSIGT, MULIGHED}),
        ("Parterne vil indkalde til en drøftelse af resultaterne", {TILSAGN, HENSIGT}),
        ("Parterne er ligeledes enige i at styrke samarbejdet", {TILSAGN}),
        ("Parterne søger hver især at tilvejebringe midler", {HENSIGT}),
    ],
)
def test_wording_tells_how_firm_a_passage_is(wording, expected):
    assert levels(wording) == expected


def test_a_party_the_quote_does_not_name_is_refused(data_copy):
    edit(data_copy, INITIATIVE, "  - by: [erhvervsministeriet]", "  - by: [erhvervsministeriet, vaekstforum-test]")
    [problem] = problems_in(data_copy)
    assert problem.startswith(f"{INITIATIVE}:14: commitments[0].by[1]: 'vaekstforum-test' is not named")


def test_a_party_named_in_the_lead_in_or_as_its_minister_is_accepted(data_copy):
    add_to_source(
        data_copy, "Erhvervsministeriet vil:\n• følge programmet tæt.\nErhvervsministeren vil tage initiativ."
    )
    edit(data_copy, INITIATIVE, QUOTE, "    lead_in: 'Erhvervsministeriet vil:'\n    quote: følge programmet tæt.\n")
    edit(data_copy, INITIATIVE, "    when:\n      year: 2020\n      text: i efteråret 2020\n    lead_in", "    lead_in")
    assert problems_in(data_copy) == []
    edit(data_copy, INITIATIVE, "    lead_in: 'Erhvervsministeriet vil:'\n", "")
    by, firmness = problems_in(data_copy)  # without its lead-in the bullet names no one and commits to nothing
    assert "commitments[0].by[0]: 'erhvervsministeriet' is not named in the commitment's quote" in by
    assert "commitments[0].firmness: 'tilsagn' needs wording such as" in firmness
    edit(data_copy, INITIATIVE, "    quote: følge programmet tæt.", "    quote: Erhvervsministeren vil tage initiativ.")
    assert problems_in(data_copy) == []


def test_the_parties_named_together_are_the_agreements_parties(data_copy):
    add_to_source(data_copy, "Parterne er enige om at styrke samarbejdet.")
    edit(data_copy, INITIATIVE, "  - by: [erhvervsministeriet]", "  - by: [regeringen, vaekstforum-test]")
    edit(data_copy, INITIATIVE, "    when:\n      year: 2020\n      text: i efteråret 2020\n", "")
    edit(data_copy, INITIATIVE, QUOTE, "    quote: Parterne er enige om at styrke samarbejdet.\n")
    assert problems_in(data_copy) == []
    # a ministry that is not a party of the agreement is not among "parterne"
    edit(data_copy, INITIATIVE, "  - by: [regeringen, vaekstforum-test]", "  - by: [regeringen, erhvervsministeriet]")
    [problem] = problems_in(data_copy)
    assert "commitments[0].by[1]: 'erhvervsministeriet' is not named" in problem


def test_timing_from_outside_the_commitments_quote_is_refused(data_copy):
    edit(
        data_copy,
        INITIATIVE,
        "      year: 2020\n      text: i efteråret 2020\n    quote",
        "      text: i foråret 2021\n    quote",
    )
    [problem] = problems_in(data_copy)
    assert "commitments[0].when.text: 'i foråret 2021' is not in the commitment's quote" in problem


@pytest.mark.parametrize(
    "quote, firmness, accepted",
    [
        ("Erhvervsministeriet vil i efteråret 2020 invitere til en drøftelse", "tilsagn", True),
        ("Erhvervsministeriet vil i efteråret 2020 invitere til en drøftelse", "mulighed", False),
        ("Erhvervsministeriet kan i efteråret 2020 medfinansiere projekter", "tilsagn", False),
        ("Erhvervsministeriet kan i efteråret 2020 medfinansiere projekter", "mulighed", True),
        ("Erhvervsministeriet vil i efteråret 2020 undersøge et program", "tilsagn", False),
        ("Erhvervsministeriet vil i efteråret 2020 undersøge et program", "hensigt", True),
    ],
)
def test_firmness_must_match_the_quotes_wording(data_copy, quote, firmness, accepted):
    add_to_source(data_copy, quote + ".")
    edit(data_copy, INITIATIVE, QUOTE, f"    quote: {quote}\n")
    edit(data_copy, INITIATIVE, "firmness: tilsagn", f"firmness: {firmness}")
    problems = problems_in(data_copy)
    if accepted:
        assert problems == []
    else:
        [problem] = problems
        assert f"commitments[0].firmness: {firmness!r} needs wording such as" in problem


def test_a_commitment_sentence_in_running_text_must_be_covered_or_excluded(data_copy):
    add_to_source(data_copy, "Vækstforum Test vil desuden styrke samarbejdet med kommunerne i regionen.")
    [missing] = coverage.uncovered(load_catalogue(data_copy))[1]
    assert missing.sentence and missing.text.startswith("Vækstforum Test vil desuden styrke")

    # a description without commitment wording is not a commitment sentence
    add_to_source(data_copy, "Regionen har mange små virksomheder inden for fødevarer.")
    assert len(coverage.uncovered(load_catalogue(data_copy))[1]) == 1

    edit(
        data_copy,
        "documents/aftale-2020.yml",
        "sections:",
        "coverage_exclusions:\n  - text: Vækstforum Test vil desuden styrke samarbejdet\n"
        "    reason: baggrund, ikke et tilsagn i denne aftale\nsections:",
    )
    assert coverage.uncovered(load_catalogue(data_copy))[1] == []
