"""A pull request that only touches data/ cannot publish a file of the machine that builds the
site, crash the validator, blow up the site or have records silently dropped: each hostile input
gets a clear problem with file and line, among all the others."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import problems_in
from tests.test_validate import DOCUMENT, INITIATIVE, edit

THEME = "themes/foedevarer.yml"
MINISTRY = "ministries/erhvervsministeriet.yml"


@pytest.mark.parametrize(
    "source",
    [
        "/proc/self/environ",
        "../../.git/config",
        "../README.md",
        "sub/aftale-2020.txt",
        "..aftale-2020.txt",
        "aftale-2020",
    ],
)
def test_a_source_outside_data_sources_is_refused(data_copy, source):
    edit(data_copy, DOCUMENT, "source: aftale-2020.txt", f"source: {source!r}")
    assert problems_in(data_copy) == [
        f"{DOCUMENT}:9: source: Value error, must be the name of a .txt file in data/sources/ (letters, digits, "
        f"'-', '_', '.'), not a path (got {source!r})"
    ]


def test_a_source_that_is_a_symbolic_link_is_refused_and_not_read(data_copy):
    source = data_copy / "sources/aftale-2020.txt"
    outside = data_copy.parent / "hemmelig.txt"
    outside.write_text(source.read_text(encoding="utf-8") + "HEMMELIGT_TOKEN", encoding="utf-8")
    source.unlink()
    source.symlink_to(outside)
    assert problems_in(data_copy) == [
        f"{DOCUMENT}:9: source: no source file 'aftale-2020.txt' in data/sources/",
        "sources/aftale-2020.txt: -: is a symbolic link; data must be plain files and folders",
    ]


def test_a_yaml_alias_bomb_is_refused(data_copy):
    (data_copy / "themes/bombe.yml").write_text(
        'id: bombe\nname: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
        + "".join(f"x{n}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n" for n in range(9)),
        encoding="utf-8",
    )
    assert problems_in(data_copy) == [
        "themes/bombe.yml:3: -: YAML aliases (*name) are not allowed in data files: write the value out"
    ]


@pytest.mark.parametrize(
    "nesting", ["[" * 10_000 + "]" * 10_000, "[" * 100_000 + "]" * 100_000, "\n  " + "- " * 100_000 + "x"]
)
def test_deep_nesting_is_refused_without_crashing(data_copy, nesting):
    (data_copy / "themes/dyb.yml").write_text(f"id: dyb\nname: {nesting}\n", encoding="utf-8")
    [problem] = problems_in(data_copy)
    assert problem.startswith("themes/dyb.yml:") and problem.endswith("values are nested more than 20 levels deep")


def test_a_nul_byte_is_reported_with_its_line(data_copy):
    (data_copy / "themes/nul.yml").write_bytes("id: nul\nname: Føde\x00varer\ndescription: x\n".encode())
    assert problems_in(data_copy) == [
        "themes/nul.yml:2: -: malformed YAML: contains the character U+0000, which YAML does not allow"
    ]


def test_a_symbolic_link_or_folder_where_a_record_belongs_is_reported(data_copy):
    (data_copy / "themes/mappe.yml").symlink_to(data_copy / "themes", target_is_directory=True)
    (data_copy / "themes/undermappe").mkdir()
    (data_copy / "themes/undermappe/energi.yml").write_text("id: energi\nname: E\ndescription: E\n", encoding="utf-8")
    assert problems_in(data_copy) == [
        "themes/mappe.yml: -: is a symbolic link; data must be plain files and folders",
        "themes/undermappe: -: a folder here is not read (record files end in .yml)",
    ]


def test_a_huge_file_is_refused_before_it_is_parsed(data_copy):
    edit(data_copy, INITIATIVE, "summary: Erhvervsministeriet", "summary: " + "Erhvervsministeriet " * 2_700_000)
    [problem] = problems_in(data_copy)
    assert problem.startswith(f"{INITIATIVE}:1: -: file is 5") and "may be at most 1,000,000 bytes" in problem


def test_text_fields_have_size_limits(data_copy):
    edit(data_copy, INITIATIVE, "summary: Erhvervsministeriet", "summary: " + "x" * 3000 + " Erhvervsministeriet")
    edit(data_copy, THEME, "name: Fødevarer", "name: " + "Fødevarer " * 31)
    problems = problems_in(data_copy)
    assert [p.split(" (got")[0] for p in problems] == [
        f"{INITIATIVE}:5: summary: String should have at most 3000 characters",
        f"{THEME}:2: name: String should have at most 300 characters",
    ]


@pytest.mark.parametrize(
    "char, message",
    [
        ("\ufffe", "contains the noncharacter U+FFFE"),
        ("\uffff", "contains the noncharacter U+FFFF"),
        ("\U0010ffff", "contains the noncharacter U+10FFFF"),
        ("\u202e", "contains the bidirectional control character U+202E"),
        ("\u2066", "contains the bidirectional control character U+2066"),
    ],
)
def test_characters_that_break_feeds_or_mislead_are_refused(data_copy, char, message):
    escaped = char.encode("unicode_escape").decode("ascii")
    edit(data_copy, INITIATIVE, "title: Et nyt fødevareprogram", f'title: "Et nyt {escaped}fødevareprogram"')
    [problem] = problems_in(data_copy)
    assert problem.startswith(f"{INITIATIVE}:2: title: Value error, {message}")


@pytest.mark.parametrize("title", ['"   "', '"\\u200b\\u200b"', '"\\t"'])
def test_titles_and_names_must_have_visible_text(data_copy, title):
    edit(data_copy, INITIATIVE, "title: Et nyt fødevareprogram", f"title: {title}")
    edit(data_copy, THEME, "name: Fødevarer", f"name: {title}")
    assert [p.split(" (got")[0] for p in problems_in(data_copy)] == [
        f"{INITIATIVE}:2: title: Value error, must contain visible text",
        f"{THEME}:2: name: Value error, must contain visible text",
    ]


def test_successor_and_parent_cycles_are_refused(data_copy):
    (data_copy / "ministries/a-ministeriet.yml").write_text(
        "id: a-ministeriet\nname: A\nkind: ministerium\nsuccessors: [{to: b-ministeriet, change: navneændring, year: 2011}]\nparent: b-ministeriet\n",
        encoding="utf-8",
    )
    (data_copy / "ministries/b-ministeriet.yml").write_text(
        "id: b-ministeriet\nname: B\nkind: ministerium\nsuccessors: [{to: a-ministeriet, change: navneændring, year: 2012}]\nparent: a-ministeriet\n",
        encoding="utf-8",
    )
    edit(
        data_copy,
        MINISTRY,
        "kind: ministerium",
        "kind: ministerium\nsuccessors: [{to: erhvervsministeriet, change: navneændring, year: 2016}]",
    )
    assert problems_in(data_copy) == [
        "ministries/a-ministeriet.yml:4: successors: successors go round in a circle: "
        "a-ministeriet → b-ministeriet → a-ministeriet",
        "ministries/a-ministeriet.yml:5: parent: parent go round in a circle: "
        "a-ministeriet → b-ministeriet → a-ministeriet",
        f"{MINISTRY}:4: successors: successors go round in a circle: erhvervsministeriet → erhvervsministeriet",
    ]


def test_a_reference_listed_twice_is_refused(data_copy):
    edit(data_copy, INITIATIVE, "themes: [foedevarer]", "themes: [foedevarer, foedevarer]")
    [problem] = problems_in(data_copy)
    assert problem.startswith(f"{INITIATIVE}:6: themes: Value error, lists 'foedevarer' more than once")


def test_files_and_folders_that_would_be_ignored_are_reported(data_copy):
    record = (data_copy / THEME).read_text(encoding="utf-8")
    for name in ("themes/energi.YML", "themes/energi.yaml", "themes/foedevarer.yml.bak", "themes/noter.txt"):
        (data_copy / name).write_text(record, encoding="utf-8")
    (data_copy / "initiativer").mkdir()
    (data_copy / "initiativer/nyt.yml").write_text(record, encoding="utf-8")
    (data_copy / "sources/ubrugt.txt").write_text("tekst", encoding="utf-8")
    (data_copy / "noter.md").write_text("x", encoding="utf-8")
    assert problems_in(data_copy) == [
        "initiativer: -: unknown folder in the data folder; did you mean 'initiatives'?",
        "noter.md: -: unknown file in the data folder; expected only regions, forums, ministries, organisations, "
        "themes, target_groups, documents, initiatives, meetings, sources, schema, README.md",
        "sources/ubrugt.txt: -: no document names this source text (documents' `source`)",
        "themes/energi.YML: -: unknown file: record files end in .yml",
        "themes/energi.yaml: -: unknown file: record files end in .yml",
        "themes/foedevarer.yml.bak: -: unknown file: record files end in .yml",
        "themes/noter.txt: -: unknown file: record files end in .yml",
    ]


def test_a_misspelt_kind_folder_is_reported_as_missing_too(data_copy):
    (data_copy / "initiatives").rename(data_copy / "initiativer")
    assert problems_in(data_copy)[:2] == [
        "initiativer: -: unknown folder in the data folder; did you mean 'initiatives'?",
        "initiatives: -: folder is missing: every kind of record has one",
    ]


@pytest.mark.parametrize("setup", ["missing", "empty"])
def test_a_missing_or_empty_data_folder_is_an_error_not_an_empty_site(tmp_path, setup):
    data = tmp_path / "data"
    if setup == "empty":
        data.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "validate", "--data", str(data)],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=os.getcwd()),
    )
    assert result.returncode == 1
    assert "data OK" not in result.stdout
    expected = "the data folder does not exist" if setup == "missing" else "folder is missing"
    assert expected in result.stderr
