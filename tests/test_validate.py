"""The validator reports every kind of broken input with file, line, field and message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.data.problems import DataError
from scripts.data.validate import ParsedFiles, load_catalogue
from tests.conftest import VALID, problems_in

INITIATIVE = "initiatives/nyt-foedevareprogram-2020.yml"
DOCUMENT = "documents/aftale-2020.yml"


def edit(data: Path, rel: str, old: str, new: str) -> None:
    path = data / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_valid_fixture_has_no_problems():
    assert problems_in(VALID) == []


def test_malformed_yaml(data_copy):
    edit(data_copy, INITIATIVE, "themes: [foedevarer]", "themes: [foedevarer")
    [problem] = problems_in(data_copy)
    assert problem.startswith(f"{INITIATIVE}:7: -: malformed YAML:")


def test_unknown_key_is_named_with_its_line(data_copy):
    edit(data_copy, INITIATIVE, "ministries: [erhvervsministeriet]", "minstries: [erhvervsministeriet]")
    assert problems_in(data_copy) == [f"{INITIATIVE}:7: minstries: unknown field 'minstries'"]


def test_missing_required_field(data_copy):
    edit(
        data_copy,
        INITIATIVE,
        "summary: Erhvervsministeriet inviterer til en drøftelse af et program for små virksomheder.\n",
        "",
    )
    assert problems_in(data_copy) == [f"{INITIATIVE}:1: summary: required field is missing"]


def test_wrong_type(data_copy):
    edit(data_copy, INITIATIVE, "timing:\n  year: 2020", "timing:\n  year: snart")
    [problem] = problems_in(data_copy)
    assert problem.startswith(f"{INITIATIVE}:11: timing.year: Input should be a valid integer")
    assert "(got 'snart')" in problem


def test_bad_date(data_copy):
    edit(data_copy, DOCUMENT, "date: 2020-05-15", "date: 2020-13-45")
    [problem] = problems_in(data_copy)
    assert problem.startswith(f"{DOCUMENT}:5: date: Input should be a valid date")
    assert "(got '2020-13-45')" in problem


def test_id_must_match_file_name(data_copy):
    edit(data_copy, INITIATIVE, "id: nyt-foedevareprogram-2020", "id: andet-navn")
    assert problems_in(data_copy)[0] == (
        f"{INITIATIVE}:1: id: id 'andet-navn' must equal the file name 'nyt-foedevareprogram-2020'"
    )


def test_duplicate_id_across_actor_kinds(data_copy):
    (data_copy / "organisations/erhvervsministeriet.yml").write_text(
        "id: erhvervsministeriet\nname: Erhvervsministeriet\nkind: andet\n", encoding="utf-8"
    )
    assert problems_in(data_copy) == [
        "organisations/erhvervsministeriet.yml:1: id: id 'erhvervsministeriet' is also used in "
        "data/ministries/; actor ids must be unique"
    ]


def test_duplicate_key(data_copy):
    edit(data_copy, INITIATIVE, "themes: [foedevarer]", "themes: [foedevarer]\nthemes: []")
    [problem] = problems_in(data_copy)
    assert problem == f"{INITIATIVE}:7: -: malformed YAML: duplicate key 'themes' (first on line 6)"


def test_unknown_reference(data_copy):
    edit(data_copy, INITIATIVE, "ministries: [erhvervsministeriet]", "ministries: [ukendt-ministerium]")
    assert problems_in(data_copy) == [
        f"{INITIATIVE}:7: ministries[0]: unknown reference 'ukendt-ministerium' (no such id in ministries)"
    ]


def test_unknown_relation_target(data_copy):
    edit(data_copy, "meetings/moede-2021-03-01.yml", "target: nyt-foedevareprogram-2020", "target: findes-ikke")
    assert problems_in(data_copy) == [
        "meetings/moede-2021-03-01.yml:16: agenda[0].relations[0].target: unknown reference 'findes-ikke' "
        "(no such id in initiatives or agenda items)"
    ]


def test_unknown_section(data_copy):
    edit(data_copy, INITIATIVE, "section: foedevarer", "section: energi")
    assert problems_in(data_copy) == [
        f"{INITIATIVE}:4: section: unknown reference 'energi' (no such section in document 'aftale-2020')"
    ]


def test_quote_not_in_source(data_copy):
    edit(data_copy, INITIATIVE, "  - Et nyt fødevareprogram.", "  - Et helt andet program.")
    assert problems_in(data_copy) == [
        f"{INITIATIVE}:22: quotes[0]: quote not found in source of 'aftale-2020': 'Et helt andet program.'"
    ]


def test_quote_matches_across_line_break_hyphenation(data_copy):
    # The source has "fødevare-\nprogram"; the quote joins the word.
    assert "fødevare-\nprogram" in (data_copy / "sources/aftale-2020.txt").read_text(encoding="utf-8")
    assert problems_in(data_copy) == []


def test_non_utf8_file(data_copy):
    (data_copy / "themes/energi.yml").write_bytes("id: energi\nname: Energi og milj\u00f8\n".encode("latin-1"))
    assert problems_in(data_copy) == ["themes/energi.yml:2: -: file is not valid UTF-8 (byte 31)"]


def test_empty_file(data_copy):
    (data_copy / "themes/energi.yml").write_text("\n", encoding="utf-8")
    assert problems_in(data_copy) == ["themes/energi.yml:1: -: file is empty"]


def test_all_problems_reported_at_once(data_copy):
    edit(data_copy, INITIATIVE, "ministries: [erhvervsministeriet]", "minstries: [erhvervsministeriet]")
    edit(data_copy, DOCUMENT, "regions: [region-test]", "regions: [region-ukendt]")
    edit(data_copy, "meetings/moede-2021-03-01.yml", "  - Mødet blev holdt den 1. marts 2021.", "  - Ikke i kilden.")
    (data_copy / "themes/tom.yml").write_text("", encoding="utf-8")
    assert problems_in(data_copy) == [
        "documents/aftale-2020.yml:7: regions[0]: unknown reference 'region-ukendt' (no such id in regions)",
        "initiatives/nyt-foedevareprogram-2020.yml:7: minstries: unknown field 'minstries'",
        "meetings/moede-2021-03-01.yml:18: agenda[0].quotes[0]: quote not found in source of 'aftale-2020': "
        "'Ikke i kilden.'",
        "themes/tom.yml:1: -: file is empty",
    ]


def test_command_exits_non_zero_with_located_messages(data_copy):
    edit(data_copy, INITIATIVE, "ministries: [erhvervsministeriet]", "minstries: [erhvervsministeriet]")
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "validate", "--data", str(data_copy)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert f"{data_copy / INITIATIVE}:7: minstries: unknown field 'minstries'" in result.stderr


def test_command_exits_zero_on_real_data():
    result = subprocess.run([sys.executable, "-m", "scripts", "validate"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data OK:")


def test_an_organisation_no_record_names_is_reported(data_copy):
    (data_copy / "organisations/glemt-klynge.yml").write_text(
        "id: glemt-klynge\nname: Glemt Klynge\nkind: klynge\n", encoding="utf-8"
    )
    assert problems_in(data_copy) == [
        "organisations/glemt-klynge.yml:1: id: no record names this organisation: name it where a source does "
        "(an initiative's organisations or operators, a commitment, a document or a meeting), or remove the file"
    ]


def test_a_load_that_reuses_an_earlier_one_sees_every_edit_and_deletion(data_copy):
    """Under `make serve` each rebuild hands validation what the last one parsed: an edited,
    broken, mended or deleted file must count as it is now, never as it was."""
    parsed = ParsedFiles()
    assert load_catalogue(data_copy, parsed=parsed).initiatives["nyt-foedevareprogram-2020"].title == (
        "Et nyt fødevareprogram"
    )
    edit(data_copy, INITIATIVE, "title: Et nyt fødevareprogram", "title: Et fornyet fødevareprogram")
    assert load_catalogue(data_copy, parsed=parsed).initiatives["nyt-foedevareprogram-2020"].title == (
        "Et fornyet fødevareprogram"
    )
    edit(data_copy, INITIATIVE, "themes: [foedevarer]", "themes: [foedevarer")
    with pytest.raises(DataError, match="malformed YAML"):
        load_catalogue(data_copy, parsed=parsed)
    edit(data_copy, INITIATIVE, "themes: [foedevarer", "themes: [foedevarer]")
    assert "nyt-foedevareprogram-2020" in load_catalogue(data_copy, parsed=parsed).initiatives
    (data_copy / INITIATIVE).unlink()  # the meeting that names it now names nothing
    with pytest.raises(DataError, match="unknown reference 'nyt-foedevareprogram-2020'"):
        load_catalogue(data_copy, parsed=parsed)
