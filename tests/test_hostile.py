"""Hostile and odd text in the data is built into pages that show it literally: no template
evaluation, no injected element, nothing lost (property-based, with hypothesis)."""

from __future__ import annotations

import html
import re
import shutil
import unicodedata

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.data.model import NAME_MAX
from scripts.dev.scratch import build_site
from tests.conftest import VALID, problems_in

FRAGMENTS = [
    "{{ config }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{% if true %}x{% endif %}",
    "{# kommentar #}",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[x](javascript:alert(3))",
    "**fed**",
    "_kursiv_",
    "`kode`",
    "# overskrift",
    "> citat",
    "- punkt",
    "1. punkt",
    "| a | b |",
    "&amp;",
    "&lt;b&gt;",
    "<!-- x -->",
    "\\",
    "Sønderborg",
    "Søndeborg".replace("ø", "o\u0338"),
    "fo\u0308devarer",
    "x\u200by",
    "\u200f\u05e9\u05dc\u05d5\u05dd",
    "a" * 300,
    "æøå ÆØÅ",
    "100 %",
    "\"'",
]
# Any text the validator accepts: it refuses control characters, surrogates, noncharacters,
# bidirectional overrides and text with nothing visible (tests/test_untrusted_data.py).
printable = st.text(
    st.characters(
        blacklist_categories=("Cc", "Cs", "Cn"),
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=20,
)
text = (
    st.lists(st.sampled_from(FRAGMENTS) | printable, min_size=1, max_size=4)
    .map(lambda parts: " ".join(parts))
    .filter(lambda s: len(s) <= NAME_MAX and any(unicodedata.category(c)[0] not in "ZC" for c in s))
)  # a title's limits


def collapsed(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def page_text(page: str) -> str:
    """What a reader sees: the article's text, tags removed and character references resolved."""
    body = page.split("<article", 1)[1]
    return collapsed(html.unescape(re.sub(r"<[^>]+>", " ", body)))


@pytest.mark.slow
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(text, min_size=8, max_size=8))
def test_any_text_is_shown_literally(tmp_path_factory, texts):
    work = tmp_path_factory.mktemp("hostile")
    data = work / "data"
    shutil.copytree(VALID, data)
    base = yaml.safe_load((data / "initiatives/nyt-foedevareprogram-2020.yml").read_text(encoding="utf-8"))
    for n, t in enumerate(texts):
        record = dict(base, id=f"hostile-{n}", title=t, summary=t)
        record["commitments"] = [dict(base["commitments"][0], what=t)]
        (data / f"initiatives/hostile-{n}.yml").write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    assert problems_in(data) == []
    result = build_site(work / "project", data)
    assert result.returncode == 0, result.stdout[-1500:] + result.stderr[-1500:]
    site = work / "project/site"
    for n, t in enumerate(texts):
        page = (site / f"initiativer/hostile-{n}/index.html").read_text(encoding="utf-8")
        assert page_text(page).count(collapsed(t)) >= 3, t  # title, summary and commitment, literally
        assert "uid=" not in page and "site_name" not in page
        assert not re.search(r"<script>alert|<img src=x|href=\"javascript:|<strong>fed</strong>|</title><", page)
        title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
        assert "<" not in title
        assert collapsed(html.unescape(title)) == collapsed(t) + " - Vækstaftaler"  # the tab shows plain text
    index = (site / "initiativer/index.html").read_text(encoding="utf-8")
    assert all(collapsed(t) in page_text(index) for t in texts)  # nothing lost from the lists either


def test_ids_with_spaces_or_slashes_are_rejected(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    for bad in ("med mellemrum", "med/skråstreg"):
        (data / "themes/ok.yml").write_text(f"id: {bad}\nname: X\ndescription: Y\n", encoding="utf-8")
        [problem] = [p for p in problems_in(data) if p.startswith("themes/ok.yml")][:1]
        assert problem.startswith("themes/ok.yml:1: id: String should match pattern")


def test_control_characters_are_refused_not_dropped(data_copy):
    path = data_copy / "themes/foedevarer.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("description: Fødevareerhvervet.", 'description: "Føde\\x03varer"'),
        encoding="utf-8",
    )
    assert problems_in(data_copy) == [
        "themes/foedevarer.yml:3: description: Value error, contains the control character U+0003 (got 'Føde\\x03varer')"
    ]


@pytest.mark.slow
def test_empty_optional_fields_build(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    path = data / "initiatives/nyt-foedevareprogram-2020.yml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("themes", "ministries", "target_groups", "regions", "timing", "commitments"):
        record.pop(key)
    path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    assert problems_in(data) == []
    result = build_site(tmp_path / "project", data)
    assert result.returncode == 0, result.stdout[-1500:] + result.stderr[-1500:]
    assert (tmp_path / "project/site/initiativer/nyt-foedevareprogram-2020/index.html").exists()
