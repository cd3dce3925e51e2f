"""The two journeys users come with, scripted in Debian's Chromium with the keyboard:
a food company in Midtjylland looking for what applies to it, and a civil servant looking up
every commitment of one ministry with deadline and status."""

from __future__ import annotations

import datetime as dt

import pytest

from scripts.data.commitments import rows as tracker_rows
from scripts.dev.browser import chromium, serve
from scripts.render.pages import tracker
from scripts.render.tool_data import Names

pytestmark = pytest.mark.slow  # the built site in Chromium


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


def ready(page) -> None:
    """Wait until the finder or tracker has loaded its data and shows its own results: only then
    does it say how many there are."""
    page.wait_for_function("() => [...document.querySelectorAll('.vs-count')].some(c => c.textContent.trim())")


def open_tool(page, url: str) -> None:
    page.goto(page.base + url)
    ready(page)


def visible_titles(page) -> list[str]:
    return page.eval_on_selector_all(".vs-finder-results > li:not([hidden]) h2 a", "as => as.map(a => a.textContent)")


def test_food_company_in_midtjylland_finds_its_initiatives(page, catalogue):
    page.goto(page.base)
    # click 1: the front page's entry point
    tab_to(page, "a[href$='find/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/find/")
    ready(page)
    # clicks 2 and 3: two checkboxes, reached and ticked with the keyboard
    for value in ("region-midtjylland", "foedevarevirksomheder"):
        tab_to(page, f"input[value={value}]")
        page.keyboard.press("Space")
    titles = visible_titles(page)
    expected = {
        i.title
        for i in catalogue.initiatives.values()
        if "foedevarevirksomheder" in i.target_groups and "region-midtjylland" in catalogue.regions_of(i)
    }
    assert set(titles) == expected and len(expected) >= 5
    assert "region=region-midtjylland" in page.url and "maalgruppe=foedevarevirksomheder" in page.url
    status = page.inner_text(".vs-finder .vs-count")
    assert status.startswith(f"{len(expected)} af {len(catalogue.initiatives)}")
    # each choice shows how many initiatives have it, given the other filters
    in_region = [i for i in catalogue.initiatives.values() if "region-midtjylland" in catalogue.regions_of(i)]
    smv_count = page.inner_text("label:has(input[value=smv]) .vs-facet-count")
    assert smv_count == f"({sum('smv' in i.target_groups for i in in_region)})"
    # ticking SMV as well widens the list to either target group
    tab_to(page, "input[value=smv]")
    page.keyboard.press("Space")
    assert set(visible_titles(page)) == {
        i.title for i in in_region if {"smv", "foedevarevirksomheder"} & set(i.target_groups)
    }
    # the URL is shareable and the back button restores the previous selection
    shared = page.url
    page.go_back()
    assert set(visible_titles(page)) == expected
    page.goto(shared)
    ready(page)
    assert page.is_checked("input[value=smv]") and page.is_checked("input[value=foedevarevirksomheder]")


def test_finder_results_say_what_for_whom_when_and_who(page, catalogue):
    open_tool(page, "find/?maalgruppe=foedevarevirksomheder")
    first = page.locator(".vs-finder-results > li:not([hidden])").first
    text = first.inner_text()
    for label in ("Periode", "For", "Kilde"):
        assert label in text
    content = download_csv(page)
    assert content.startswith("\ufeff") and ";" in content.splitlines()[0]
    matching = [i for i in catalogue.initiatives.values() if "foedevarevirksomheder" in i.target_groups]
    assert len(content.strip().splitlines()) == len(matching) + 1
    feed = page.get_attribute(".vs-follow a", "href")
    assert feed.endswith("feeds/target_groups-foedevarevirksomheder.xml")


def download_csv(page) -> str:
    with page.expect_download() as download:
        page.click(".vs-csv")
    return download.value.path().read_bytes().decode("utf-8")


def test_finder_shows_results_a_page_at_a_time_and_exports_them_all(page, catalogue):
    total = len(catalogue.initiatives)
    assert total > 50
    open_tool(page, "find/")
    assert len(visible_titles(page)) == 50
    assert (
        page.inner_text(".vs-finder .vs-count")
        == f"{total} af {total} initiativer passer til dit valg. Viser de første 50."
    )
    # the CSV has every matching initiative, not only the 50 shown
    assert len(download_csv(page).strip().splitlines()) == total + 1
    tab_to(page, ".vs-more", limit=1000)  # after every link of the 50 results
    assert page.inner_text(".vs-more") == f"Vis {total - 50} flere ({total - 50} tilbage)"
    page.keyboard.press("Enter")
    assert len(visible_titles(page)) == total
    assert page.is_hidden(".vs-more")
    # keyboard focus moves to the first new result, so reading continues where it left off
    assert page.evaluate("document.activeElement.textContent") == visible_titles(page)[50]
    assert page.evaluate(
        "document.activeElement.closest('li') === document.querySelectorAll('.vs-finder-results > li')[50]"
    )


def test_without_javascript_every_initiative_and_commitment_is_listed(page, catalogue):
    context = page.context.browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(page.base + "find/")
    assert len(visible_titles(plain)) == len(catalogue.initiatives)
    assert f"Herunder står alle {len(catalogue.initiatives)} initiativer" in plain.inner_text(".vs-static-note")
    assert plain.is_hidden(".vs-finder-form")  # filters that cannot work are not shown
    plain.goto(page.base + "tilsagn/")
    rows = plain.locator(".vs-commitments tbody tr")
    assert rows.count() == sum(len(i.commitments) for i in catalogue.initiatives.values())
    context.close()


def test_when_the_data_cannot_be_loaded_the_page_still_lists_what_it_has(page, catalogue):
    context = page.context.browser.new_context()
    broken = context.new_page()
    broken.route("**/*.json", lambda route: route.abort())
    broken.goto(page.base + "find/?maalgruppe=smv")
    broken.wait_for_load_state("networkidle")
    assert broken.is_visible(".vs-static-note") and broken.is_hidden(".vs-finder-form")
    assert len(visible_titles(broken)) == len(catalogue.initiatives)
    context.close()


def test_follow_links_match_the_chosen_region_and_target_group(page, site):
    open_tool(page, "find/?region=region-midtjylland&maalgruppe=foedevarevirksomheder&aar=2014&q=mad")
    follow = page.locator(".vs-follow")
    feeds = follow.locator("a").evaluate_all("as => as.map(a => a.href)")
    name = "feeds/regions-region-midtjylland+target_groups-foedevarevirksomheder"
    # the feed opens on the page that shows it to people; the calendar is the file itself
    assert [f.split(page.base, 1)[1] for f in feeds] == ["foelg/?feed=" + name + ".xml", name + ".ics"]
    assert (site / (name + ".xml")).is_file() and (site / (name + ".ics")).is_file()
    assert "Årstal, status og fritekst indgår ikke i feeds og kalendere." in follow.inner_text()
    # two target groups: one feed per combination of the chosen values
    open_tool(page, "find/?region=region-midtjylland&maalgruppe=foedevarevirksomheder,smv")
    feeds = follow.locator("a").evaluate_all("as => as.map(a => a.href)")
    assert [f.split(page.base, 1)[1] for f in feeds[::2]] == [
        "foelg/?feed=" + name + ".xml",
        "foelg/?feed=feeds/regions-region-midtjylland+target_groups-smv.xml",
    ]
    assert all((site / f.split(page.base, 1)[1].removeprefix("foelg/?feed=")).is_file() for f in feeds)
    # more than six combinations: asked to narrow the selection instead of a long list
    open_tool(
        page,
        "find/?region=region-midtjylland,region-syddanmark&maalgruppe=foedevarevirksomheder,smv"
        "&tema=foedevarer,turisme",
    )
    assert follow.locator("a").count() == 0
    assert "Vælg færre" in follow.inner_text()
    assert "Årstal, status og fritekst indgår ikke i feeds og kalendere." in follow.inner_text()


def test_a_feed_opens_as_a_danish_page_with_its_address_and_latest_entries(page, site):
    open_tool(page, "find/?region=region-midtjylland&maalgruppe=foedevarevirksomheder")
    page.locator(".vs-follow a").first.click()
    page.wait_for_url("**/foelg/**")
    name = "feeds/regions-region-midtjylland+target_groups-foedevarevirksomheder.xml"
    assert page.input_value("#vs-feed-address") == page.base + name
    page.wait_for_function("() => document.querySelectorAll('.vs-feed-entries li').length > 0")
    entries = page.locator(".vs-feed-entries li a").evaluate_all("as => as.map(a => a.href)")
    in_feed = (site / name).read_text(encoding="utf-8").count("<entry>")
    assert len(entries) == in_feed and all(e.startswith(page.base + "initiativer/") for e in entries)
    assert "senest ændrede først" in page.inner_text(".vs-feed-status")
    assert page.get_attribute(".vs-feed-calendar a", "href") == page.base + name.replace(".xml", ".ics")


def test_civil_servant_finds_every_commitment_of_a_ministry(page, catalogue):
    ministry = "erhvervs-og-vaekstministeriet"
    page.goto(page.base)
    tab_to(page, "a[href$='tilsagn/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tilsagn/")
    ready(page)
    tab_to(page, "select[name=ministerium]")
    page.select_option("select[name=ministerium]", ministry)
    rows = page.locator(".vs-commitments tbody tr:not([hidden])")
    # under every name in its history: Økonomi- og Erhvervsministeriet before, Erhvervsministeriet after
    names = set(catalogue.lineage(ministry))
    assert {"oekonomi-og-erhvervsministeriet", "erhvervsministeriet"} <= names
    expected = [c for i in catalogue.initiatives.values() for c in i.commitments if names & set(c.by)]
    assert rows.count() == len(expected) > 0
    assert len(expected) > sum(ministry in c.by for i in catalogue.initiatives.values() for c in i.commitments)
    for n in range(rows.count()):
        cells = rows.nth(n).locator("td")
        assert cells.nth(4).inner_text().strip() in ("tilsagn", "hensigt", "mulighed")
        assert cells.nth(5).inner_text().strip()  # deadline, implied deadline or "–"
        assert cells.nth(6).inner_text().split()[0] in ("ukendt", "aftalt", "i", "gennemført", "opgivet")
    assert f"ministerium={ministry}" in page.url
    # sorting by deadline keeps the same rows
    page.click("th button:text('Frist')")
    assert page.locator(".vs-commitments tbody tr:not([hidden])").count() == len(expected)
    # the back button restores the unfiltered table
    page.go_back()
    assert page.input_value("select[name=ministerium]") == ""
    assert "ministerium=" not in page.url


def test_tracker_sorts_all_rows_and_shows_them_a_page_at_a_time(page, catalogue):
    commitments = [c for i in catalogue.initiatives.values() for c in i.commitments]
    assert len(commitments) > 100
    open_tool(page, "tilsagn/")
    rows = page.locator(".vs-commitments tbody tr")
    assert rows.count() == 100
    assert page.inner_text(".vs-tracker .vs-count").endswith("Viser de første 100.")
    # sorting by deadline puts the earliest deadline of all rows first, also one not yet shown
    page.click("th button:text('Frist')")
    all_rows = tracker_rows(catalogue, dt.date.today())
    earliest = min(r.deadline for r in all_rows if r.deadline)
    names = Names(catalogue)
    shown = {tracker.entry(catalogue, r, names)["deadline"] for r in all_rows if r.deadline == earliest}
    assert rows.nth(0).locator("td").nth(5).inner_text().splitlines()[0] in shown
    assert page.get_attribute("th:has(button:text('Frist'))", "aria-sort") == "ascending"
    tab_to(page, ".vs-more", limit=1000)
    page.keyboard.press("Enter")
    assert rows.count() == len(commitments)
    assert page.evaluate(
        "document.activeElement.closest('tr') === document.querySelectorAll('.vs-commitments tbody tr')[100]"
    )


def test_matrix_cells_lead_to_filtered_commitments(page, catalogue):
    page.goto(page.base + "tilsagn/matrix/")
    link = page.locator(".vs-matrix td a").first
    count = int(link.inner_text().split()[0])
    link.click()
    page.wait_for_url("**/tilsagn/?ministerium=*")
    ready(page)
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


def type_into(page, selector: str, text: str) -> str:
    """Type `text` into an emptied text box; what the tool then says it found."""
    page.fill(selector, "")
    page.type(selector, text)
    return page.inner_text(".vs-count")


@pytest.mark.parametrize(
    ("url", "box", "spellings", "found"),
    [
        (
            "find/",
            ".vs-finder input[name=q]",
            ("fødevarer", "foedevarer", "fodevarer"),
            lambda cat: [i for i in cat.initiatives.values() if "fødevarer" in f"{i.title} {i.summary}".lower()],
        ),
        (
            "find/",
            ".vs-finder input[name=q]",
            ("rådgivning", "raadgivning", "radgivning"),
            lambda cat: [i for i in cat.initiatives.values() if "rådgivning" in f"{i.title} {i.summary}".lower()],
        ),
        (
            "tilsagn/",
            ".vs-tracker input[name=q]",
            ("Fødevare", "foedevare", "fodevare"),
            lambda cat: [c for i in cat.initiatives.values() for c in i.commitments if "fødevare" in c.what.lower()],
        ),
    ],
)
def test_free_text_finds_danish_letters_typed_without_them(page, catalogue, url, box, spellings, found):
    """As in the site search, "fodevarer" and "foedevarer" find "fødevarer", "aa" and "a" find "å"."""
    open_tool(page, url)
    results = {}
    for typed in spellings:
        said = type_into(page, box, typed)
        shown = page.eval_on_selector_all(
            ".vs-finder-results > li h2 a, .vs-commitments tbody tr td:nth-child(4) span",
            "es => es.map(e => e.textContent)",
        )
        results[typed] = (said, tuple(shown))
    assert len(set(results.values())) == 1, results
    said, shown = results[spellings[0]]
    expected = found(catalogue)
    assert int(said.split()[0]) >= len(expected) > 0, said
    assert {x.title if hasattr(x, "title") else x.what for x in expected} <= set(shown)
    assert f"q={spellings[-1]}" in page.url


def test_company_sees_that_the_programmes_have_ended_and_where_to_look_today(page, catalogue):
    open_tool(page, "find/")
    notice = page.inner_text(".vs-notice")
    assert "Det er historiske aftaler" in notice and "Erhvervshuset i din region" in notice
    badges = page.locator(".vs-finder-results > li:not([hidden]) .vs-life").all_inner_texts()
    assert badges and all(b.startswith(("Afsluttet ", "Løber til ", "Starter ", "Periode ukendt")) for b in badges)
    # a growth-plan programme for 2016-2018 says it ended, and what that rests on
    card = page.locator(".vs-finder-results > li", has=page.locator("a", has_text="Vindprogram"))
    assert card.locator(".vs-life").inner_text() == "Afsluttet 2018"
    assert "2016-2018" in card.locator(".vs-when small").inner_text()
    # "Aktiv i år" runs to this year, and this year nothing here runs
    this_year = str(dt.date.today().year)
    assert this_year in page.locator("select[name=aar] option").all_inner_texts()
    page.select_option("select[name=aar]", this_year)
    assert visible_titles(page) == []
    assert page.inner_text(".vs-finder .vs-count").startswith("0 af")
    # newest first: the first result is from the latest start year
    open_tool(page, "find/?orden=nyeste")
    starts = [catalogue.lifecycle(i).start or 0 for i in catalogue.initiatives.values()]
    first = page.locator(".vs-finder-results > li:not([hidden]) h2 a").first.inner_text()
    assert next(catalogue.lifecycle(i).start for i in catalogue.initiatives.values() if i.title == first) == max(starts)


def test_ministry_filter_counts_what_the_ministry_page_counts(page, catalogue):
    for ministry in ("erhvervsministeriet", "oekonomi-og-erhvervsministeriet"):
        page.goto(page.base + f"ministerier/{ministry}/")
        on_page = page.locator("table:has(th:text('Tilsagn')) tbody tr").count()
        open_tool(page, f"tilsagn/?ministerium={ministry}")
        assert page.locator(".vs-commitments tbody tr:not([hidden])").count() == on_page > 0
    assert "Erhvervsministeriet" in page.locator("select[name=ministerium] option").all_inner_texts()


def test_implied_deadlines_and_the_overdue_filter(page, catalogue):
    all_rows = tracker_rows(catalogue, dt.date.today())
    implied = [r for r in all_rows if r.implied]
    overdue = [r for r in all_rows if r.overdue]
    assert implied and overdue
    open_tool(page, "tilsagn/?frist_passeret=ja")
    shown = page.locator(".vs-commitments tbody tr:not([hidden])")
    assert shown.count() == len(overdue)
    assert all("frist passeret" in t for t in shown.all_inner_texts())
    # a commitment without its own deadline shows its agreement's end, marked as implied
    r = implied[0]
    open_tool(page, "tilsagn/?q=" + r.commitment.what.split()[0])
    cells = page.locator(".vs-commitments tbody tr:not([hidden]) td:nth-child(6)").all_inner_texts()
    assert any("underforstået frist" in c and "gælder til" in c for c in cells)
