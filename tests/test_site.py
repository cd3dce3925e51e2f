"""The built site: a page for every record, links both ways, Danish formatting, and no
broken internal link or anchor."""

from __future__ import annotations

import datetime as dt
import filecmp
import json
import re
import shutil
import subprocess
from html import escape as html_escape
from pathlib import Path

import pytest

from scripts.dev.scratch import ROOT, build_site
from scripts.render.generate import generate
from scripts.render.site import FOLDERS
from tests.linkcheck import broken_links, parse

pytestmark = pytest.mark.slow  # builds sites


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def hrefs(site: Path, url: str) -> set[str]:
    """Links on a page, resolved to site-relative directory URLs."""
    page = site / url / "index.html"
    out = set()
    for link in parse(page).links:
        if "://" in link or link.startswith("#"):
            continue
        target = (page.parent / link.split("#")[0]).resolve()
        out.add(str(target.relative_to(site.resolve())).removesuffix("/index.html") + "/")
    return out


def test_a_page_for_every_record(site, catalogue):
    for kind, folder in FOLDERS.items():
        for record_id in catalogue.records[kind]:
            assert (site / folder / record_id / "index.html").is_file(), f"{folder}/{record_id}"
    for doc_id in catalogue.documents:
        assert (site / "dokumenter" / doc_id / "kildetekst" / "index.html").is_file()


def test_initiative_and_ministry_link_both_ways(site, catalogue):
    assert any(i.ministries for i in catalogue.initiatives.values())
    for i in catalogue.initiatives.values():
        named = set(i.ministries) | {a for c in i.commitments for a in c.by if a in catalogue.ministries}
        links = hrefs(site, f"initiativer/{i.id}")
        for m in named:
            assert f"ministerier/{m}/" in links, f"{i.id} → {m}"
            assert f"initiativer/{i.id}/" in hrefs(site, f"ministerier/{m}"), f"{m} → {i.id}"


def test_theme_page_lists_its_initiatives(site, catalogue):
    assert any(i.themes for i in catalogue.initiatives.values())
    for theme in catalogue.themes.values():
        links = hrefs(site, f"temaer/{theme.id}")
        expected = {f"initiativer/{i.id}/" for i in catalogue.initiatives.values() if theme.id in i.themes}
        assert expected <= links, theme.id
        for i in expected:
            assert f"temaer/{theme.id}/" in hrefs(site, i.removesuffix("/"))


def test_theme_page_is_ordered_by_year(site, catalogue):
    page = html(site, "temaer/foedevarer")
    positions = [
        page.index(catalogue.documents[d].short_title)
        for d in ("vaekstpartnerskab-midtjylland-2013", "vaekstplan-midtjylland-2016-2020")
    ]
    assert positions == sorted(positions)


def test_document_page_lists_sections_in_source_order(site, catalogue):
    for doc in catalogue.documents.values():
        page = html(site, f"dokumenter/{doc.id}")
        positions = [page.find(html_escape(s.title, quote=False)) for s in doc.sections]
        assert -1 not in positions, doc.id
        assert positions == sorted(positions), doc.id


def test_initiative_page_shows_danish_dates_and_amounts(site):
    page = html(site, "initiativer/center-for-industriel-elektronik-2017")
    assert "450 mio. kr." in page
    doc = html(site, "dokumenter/vaekstpartnerskab-midtjylland-2013")
    assert "15. maj 2013" in doc
    plan = html(site, "dokumenter/vaekstplan-midtjylland-2016-2020")
    assert "627,1 mio. kr." in plan and "1,6 mia. kr." in plan


def test_quote_links_to_its_passage_and_back(site, catalogue):
    i = catalogue.initiatives["dansk-deltagelse-i-food-kic-2013"]
    page = html(site, f"initiativer/{i.id}")
    assert f"kildetekst/#kilde-{i.id}" in page
    source = html(site, f"dokumenter/{i.document}/kildetekst")
    assert f'id="kilde-{i.id}"' in source
    assert f"initiativer/{i.id}/" in hrefs(site, f"dokumenter/{i.document}/kildetekst")


def test_meeting_item_follows_up_agreement_and_back(site):
    meeting = html(site, "moeder/styregruppemoede-vestdansk-2017-10-02")
    assert "initiativer/teknologipagt-digitalisering-og-design-2017/" in meeting
    initiative = html(site, "initiativer/teknologipagt-digitalisering-og-design-2017")
    assert "Fulgt op af" in initiative
    assert "styregruppemoede-vestdansk-2017-10-02/#vestdansk-2017-10-02-punkt-7" in initiative


def test_edit_link_points_at_the_yaml_file(site):
    page = html(site, "initiativer/dansk-deltagelse-i-food-kic-2013")
    assert re.search(
        r'href="https://github\.com/[^"]+/edit/main/data/initiatives/dansk-deltagelse-i-food-kic-2013\.yml"', page
    )


def test_initiatives_are_not_in_the_global_navigation(site):
    page = html(site, "")
    assert "initiativer/dansk-deltagelse-i-food-kic-2013" not in page


def test_pages_are_in_danish(site):
    page = html(site, "initiativer/dansk-deltagelse-i-food-kic-2013")
    assert '<html lang="da"' in page
    assert "Made with" not in page


def test_every_internal_link_and_anchor_resolves(site):
    assert broken_links(site) == []


@pytest.mark.skipif(shutil.which("lychee", path=str(ROOT / ".venv/bin")) is None, reason="lychee not installed")
def test_lychee_finds_no_broken_link_offline(site):
    result = subprocess.run(
        [
            str(ROOT / ".venv/bin/lychee"),
            "--offline",
            "--include-fragments",
            "--index-files",
            "index.html",
            "--root-dir",
            str(site),
            "--exclude-path",
            str(site / "404.html"),
            "--no-progress",
            str(site) + "/**/*.html",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_no_site_when_data_is_broken(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests/fixtures/valid", data)
    path = data / "initiatives/nyt-foedevareprogram-2020.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("ministries:", "minstries:"), encoding="utf-8")
    result = build_site(tmp_path / "work", data)
    assert result.returncode != 0
    assert "minstries: unknown field 'minstries'" in result.stdout + result.stderr
    assert not (tmp_path / "work/site/index.html").exists()


def test_no_markdown_escapes_leak_into_pages(site, catalogue):
    """Escaping for Markdown must not show up as stray backslashes (e.g. in raw HTML blocks)."""
    import re as _re

    leaks = []
    pages = [path for path in site.rglob("*.html") if "pagefind" not in path.parts]
    assert len(pages) > len(catalogue.initiatives)
    for path in pages:
        text = path.read_text(encoding="utf-8")
        text = _re.sub(r"<script.*?</script>", "", text, flags=_re.S)
        found = _re.findall(r"\\[_\-.*#+()\[\]!|{}`]", text)
        if found:
            leaks.append((str(path.relative_to(site)), found[:3]))
    assert leaks == []


def test_heading_anchors_keep_danish_letters(site):
    page = html(site, "dokumenter/vaekstplan-midtjylland-2016-2020")
    assert 'id="fødevarer"' in page
    assert 'id="innovation-og-forretningsudvikling"' in page


def test_generating_on_several_cores_writes_the_same_files(tmp_path, catalogue):
    """The build splits generation over processes; a reader must get the same pages either way."""
    day = dt.date(2026, 1, 1)
    one = generate(catalogue, tmp_path / "one", workers=1, today=day).files
    two = generate(catalogue, tmp_path / "two", workers=2, today=day).files
    assert [p.relative_to(tmp_path / "one") for p in one] == [p.relative_to(tmp_path / "two") for p in two]
    assert len(one) > len(catalogue.initiatives)
    _, mismatch, errors = filecmp.cmpfiles(
        tmp_path / "one", tmp_path / "two", [str(p.relative_to(tmp_path / "one")) for p in one], shallow=False
    )
    assert not mismatch and not errors


def test_finder_and_tracker_data_hold_every_record_and_their_links_resolve(site, catalogue):
    finder = json.loads((site / "find/initiativer.json").read_text(encoding="utf-8"))
    tracker = json.loads((site / "tilsagn/tilsagn.json").read_text(encoding="utf-8"))
    assert sorted(x["title"] for x in finder["items"]) == sorted(i.title for i in catalogue.initiatives.values())
    assert [r["what"] for r in tracker["rows"]] == [
        c.what for i in catalogue.initiatives_in_order() for c in i.commitments
    ]
    hrefs = {
        *finder["names"],
        *tracker["names"],
        *(x["href"] for x in finder["items"]),
        *(r["source"] for r in tracker["rows"]),
    }
    for href in hrefs:
        path, _, anchor = href.partition("#")
        target = site / path / "index.html"
        assert target.is_file(), href
        assert not anchor or anchor in parse(target).ids, href
