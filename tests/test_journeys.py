"""The two journeys users come with, scripted in Debian's Chromium with the keyboard:
a food company in Midtjylland looking for what applies to it, and a civil servant looking up
every commitment of one ministry with deadline and status."""

from __future__ import annotations

import pytest

from scripts.browser import chromium, serve
from scripts.scratch import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("journeys")
    result = build_site(work)
    assert result.returncode == 0, result.stderr[-2000:]
    return work / "site"


@pytest.fixture(scope="module")
def page(site):
    with chromium() as browser, serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.base = base
        yield page


def tab_to(page, selector: str, limit: int = 200) -> None:
    """Press Tab until the element matching `selector` has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {selector} with Tab")


def visible_titles(page) -> list[str]:
    return page.eval_on_selector_all(".vs-finder-results > li:not([hidden]) h2 a", "as => as.map(a => a.textContent)")


def test_food_company_in_midtjylland_finds_its_initiatives(page, catalogue):
    page.goto(page.base)
    # click 1: the front page's entry point
    tab_to(page, "a[href$='find/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/find/")
    # clicks 2 and 3: two checkboxes, reached and ticked with the keyboard
    for value in ("region-midtjylland", "foedevarevirksomheder"):
        tab_to(page, f"input[value={value}]")
        page.keyboard.press("Space")
    titles = visible_titles(page)
    expected = {i.title for i in catalogue.initiatives.values()
                if "foedevarevirksomheder" in i.target_groups
                and "region-midtjylland" in catalogue.regions_of(i)}
    assert set(titles) == expected and len(expected) >= 5
    assert "region=region-midtjylland" in page.url and "maalgruppe=foedevarevirksomheder" in page.url
    status = page.inner_text(".vs-finder .vs-count")
    assert status.startswith(f"{len(expected)} af {len(catalogue.initiatives)}")
    # each choice shows how many initiatives have it, given the other filters
    in_region = [i for i in catalogue.initiatives.values()
                 if "region-midtjylland" in catalogue.regions_of(i)]
    smv_count = page.inner_text("label:has(input[value=smv]) .vs-facet-count")
    assert smv_count == f"({sum('smv' in i.target_groups for i in in_region)})"
    # ticking SMV as well widens the list to either target group
    tab_to(page, "input[value=smv]")
    page.keyboard.press("Space")
    assert set(visible_titles(page)) == {i.title for i in in_region
                                         if {"smv", "foedevarevirksomheder"} & set(i.target_groups)}
    # the URL is shareable and the back button restores the previous selection
    shared = page.url
    page.go_back()
    assert set(visible_titles(page)) == expected
    page.goto(shared)
    assert page.is_checked("input[value=smv]") and page.is_checked("input[value=foedevarevirksomheder]")


def test_finder_results_say_what_for_whom_when_and_who(page):
    page.goto(page.base + "find/?maalgruppe=foedevarevirksomheder")
    first = page.locator(".vs-finder-results > li:not([hidden])").first
    text = first.inner_text()
    for label in ("For", "Hvornår", "Hvem står bag", "Kilde"):
        assert label in text
    with page.expect_download() as download:
        page.click(".vs-csv")
    content = download.value.path().read_bytes().decode("utf-8")
    assert content.startswith("\ufeff") and ";" in content.splitlines()[0]
    assert len(content.strip().splitlines()) == len(page.query_selector_all(".vs-finder-results > li:not([hidden])")) + 1
    feed = page.get_attribute(".vs-follow a", "href")
    assert feed.endswith("feeds/target_groups-foedevarevirksomheder.xml")


def test_civil_servant_finds_every_commitment_of_a_ministry(page, catalogue):
    ministry = "erhvervs-og-vaekstministeriet"
    page.goto(page.base)
    tab_to(page, "a[href$='tilsagn/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tilsagn/")
    tab_to(page, "select[name=ministerium]")
    page.select_option("select[name=ministerium]", ministry)
    rows = page.locator(".vs-commitments tbody tr:not([hidden])")
    expected = [c for i in catalogue.initiatives.values() for c in i.commitments if ministry in c.by]
    assert rows.count() == len(expected) > 0
    for n in range(rows.count()):
        cells = rows.nth(n).locator("td")
        assert cells.nth(4).inner_text().strip()  # deadline or "–"
        assert cells.nth(5).inner_text().split()[0] in ("ukendt", "aftalt", "i", "gennemført", "opgivet")
    assert f"ministerium={ministry}" in page.url
    # sorting by deadline keeps the same rows
    page.click("th button:text('Frist')")
    assert page.locator(".vs-commitments tbody tr:not([hidden])").count() == len(expected)


def test_matrix_cells_lead_to_filtered_commitments(page, catalogue):
    page.goto(page.base + "tilsagn/matrix/")
    link = page.locator(".vs-matrix td a").first
    count = int(link.inner_text().split()[0])
    link.click()
    page.wait_for_url("**/tilsagn/?ministerium=*")
    assert page.locator(".vs-commitments tbody tr:not([hidden])").count() == count


def test_chart_renders_with_its_table(page):
    page.goto(page.base + "tal/")
    chart = page.locator("svg.vs-chart").first
    assert chart.get_attribute("role") == "img"
    box = chart.bounding_box()
    assert box["width"] > 400
    assert "ukendt – mangler i kilden" in chart.inner_html()
    table_text = page.locator("table").nth(1).inner_text()
    assert "Fødevarer" in table_text and "150" in table_text and "ukendt" in table_text
