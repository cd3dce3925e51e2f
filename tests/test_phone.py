"""The site on a phone (360 and 390 px) and by keyboard, in Debian's Chromium: no page scrolls
sideways, names never break mid-word, the menu button is reachable and the closed drawer takes
no focus, the header keeps the site's name and shows where focus is, the finder folds its filters
with a count, chips and a link past them, its page does not jump when its data arrives, and chart
labels keep their size."""

from __future__ import annotations

import re
import time

import pytest

from scripts.dev.browser import PAGE_KINDS, chromium, serve
from scripts.render.charts import FONT, bar_chart

PHONES = (360, 390)
# The first stops of the keyboard on every page: the skip link, then the menu button.
MENU_WITHIN = 3


@pytest.fixture(scope="module")
def browser_and_base(site):
    with chromium() as browser, serve(site) as base:
        yield browser, base


def open_page(browser_and_base, url: str, width: int):
    """A new page `width` px wide at `url`, once the finder or tracker shows its own results."""
    browser, base = browser_and_base
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.goto(base + url)
    page.wait_for_load_state("networkidle")
    if page.query_selector(".vs-finder, .vs-tracker"):
        page.wait_for_function("() => document.querySelector('.vs-count').textContent.trim() !== ''")
    return page


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_page_scrolls_sideways_on_a_phone(browser_and_base, kind):
    for width in PHONES:
        page = open_page(browser_and_base, PAGE_KINDS[kind], width)
        wide = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        page.close()
        assert wide[0] <= wide[1], f"{width} px: the page is {wide[0]} px wide"


# Every word of the links in the page's tables that the browser breaks over two lines (a line
# may end after a hyphen: "offentlig-" / "privat").
BROKEN_WORDS = """() => {
  const broken = [];
  for (const a of document.querySelectorAll('.md-typeset table a')) {
    if (!a.getClientRects().length) continue;
    const text = a.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    for (const m of text.data.matchAll(/[^\\s-]+-?/g)) {
      const range = document.createRange();
      range.setStart(text, m.index);
      range.setEnd(text, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["tracker, first page and more", "matrix", "ministry", "initiative"])
def test_names_in_tables_never_break_mid_word(browser_and_base, kind):
    for width in (1280, 390):
        page = open_page(browser_and_base, PAGE_KINDS[kind], width)
        broken = page.evaluate(BROKEN_WORDS)
        page.close()
        assert broken == [], width


# The first commitment's cells: the name that heads each line, and whether the row is a block.
FIRST_ROW = """() => {
  const row = document.querySelector('.vs-commitments tbody tr');
  return [getComputedStyle(row).display,
    Array.from(row.cells, (td) => getComputedStyle(td, '::before').content)];
}"""


@pytest.mark.slow
@pytest.mark.parametrize("scripts", [True, False])
def test_each_commitment_is_a_block_of_named_lines_on_a_phone(browser_and_base, scripts):
    """With scripts or without, no commitment needs sideways scrolling on a phone: each is a block
    whose lines say which column they are."""
    browser, base = browser_and_base
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=scripts)
    page = context.new_page()
    page.goto(base + PAGE_KINDS["tracker, first page and more"])
    page.wait_for_load_state("networkidle")
    display, labels = page.evaluate(FIRST_ROW)
    headers = page.eval_on_selector_all(".vs-commitments thead th", "ths => ths.map((th) => th.textContent.trim())")
    context.close()
    assert display == "block"
    assert labels == [f'"{name}: "' for name in headers]


def focused(page) -> str:
    return page.evaluate("(e => e.className + ' ' + e.textContent.trim().slice(0, 40))(document.activeElement)")


@pytest.mark.slow
def test_menu_button_is_reached_by_keyboard_and_the_closed_drawer_takes_no_focus(browser_and_base):
    page = open_page(browser_and_base, PAGE_KINDS["initiative"], 390)
    in_drawer = "() => !!document.activeElement.closest('.md-sidebar--primary')"
    for _ in range(MENU_WITHIN):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.vs-menu')"):
            break
    assert page.evaluate("document.activeElement.matches('.vs-menu')"), focused(page)
    menu = page.locator(".vs-menu")
    assert menu.get_attribute("aria-expanded") == "false" and "Menu" in menu.inner_text()
    # closed, the drawer's links are no stops of the keyboard: Tab goes through the page
    for _ in range(40):
        page.keyboard.press("Tab")
        assert not page.evaluate(in_drawer), focused(page)
    # opened by keyboard, focus moves into the drawer; Escape closes it and returns to the button
    menu.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)  # the drawer slides in
    assert menu.get_attribute("aria-expanded") == "true" and page.is_checked("#__drawer")
    assert page.evaluate(in_drawer)
    page.keyboard.press("Tab")
    assert page.evaluate(in_drawer) and page.evaluate("document.activeElement.getBoundingClientRect().left >= 0")
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false" and not page.is_checked("#__drawer")
    assert page.evaluate("document.activeElement.matches('.vs-menu')")
    # Material's own label is hidden, and on a wide screen the button is not there at all
    assert page.is_hidden(".md-header label[for=__drawer]")
    page.set_viewport_size({"width": 1280, "height": 844})
    assert page.is_hidden(".vs-menu")
    page.close()


@pytest.mark.slow
def test_header_keeps_the_site_name_and_shows_keyboard_focus(browser_and_base):
    for width in PHONES:
        page = open_page(browser_and_base, PAGE_KINDS["tracker"], width)
        title = page.evaluate(
            "(e => [e.scrollWidth, e.clientWidth, e.textContent.trim()])"
            "(document.querySelector('.md-header__topic .md-ellipsis'))"
        )
        assert title[2] == "Vækstaftaler" and title[0] <= title[1], (width, title)
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")  # the menu button, on the dark header
        ring = page.evaluate(
            "(s => [s.outlineStyle, s.outlineColor, s.outlineWidth])(getComputedStyle(document.activeElement))"
        )
        assert ring == ["solid", "rgb(255, 191, 71)", "2px"], focused(page)
        page.close()


@pytest.mark.slow
def test_finder_folds_its_filters_on_a_phone_with_a_count_chips_and_a_skip_link(browser_and_base):
    page = open_page(browser_and_base, "find/", 390)
    toggle = page.locator(".vs-filter-toggle")
    assert page.is_hidden(".vs-finder-facets") and toggle.get_attribute("aria-expanded") == "false"
    assert page.locator(".vs-finder-form").bounding_box()["height"] < 250
    # unfolded by keyboard, two filters chosen: the button counts them, a chip names each
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.is_visible(".vs-finder-facets") and toggle.get_attribute("aria-expanded") == "true"
    page.check("input[value=region-midtjylland]")
    page.select_option(
        "select[name=aar]", page.eval_on_selector("select[name=aar] option:nth-child(2)", "o => o.value")
    )
    page.select_option("select[name=orden]", "nyeste")  # an order is no filter
    assert re.fullmatch(r"Filtre \(2 valgt\)\s*", toggle.inner_text())
    chips = page.locator(".vs-chip")
    assert chips.count() == 2 and chips.first.inner_text().startswith("Region Midtjylland")
    assert chips.first.get_attribute("aria-label") == "Fjern filteret Region Midtjylland"
    page.keyboard.press("Shift+Tab")  # folded again, the count and chips stay in view
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.is_hidden(".vs-finder-facets") and chips.first.is_visible()
    # a chip removes its filter, from the list, the URL and the count; focus stays on the chips
    chips.first.focus()
    page.keyboard.press("Enter")
    assert "region=" not in page.url and not page.is_checked("input[value=region-midtjylland]")
    assert chips.count() == 1 and re.fullmatch(r"Filtre \(1 valgt\)\s*", toggle.inner_text())
    assert page.evaluate("document.activeElement.matches('.vs-chip')")
    # the link past the filters: the next Tab is the first result
    page.click(".vs-skip-results a")
    assert page.evaluate("document.activeElement.matches('.vs-finder-results')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement === document.querySelector('.vs-finder-results > li h2 a')")
    page.close()
    wide = open_page(browser_and_base, "find/", 1280)
    assert wide.is_visible(".vs-finder-facets") and wide.is_hidden(".vs-filter-toggle")
    wide.close()


# Every layout shift the page makes by itself (not after input), as the browser reports it.
SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
}).observe({ type: "layout-shift", buffered: true });"""


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["finder, first page and more", "finder", "tracker, first page and more"])
def test_tools_do_not_jump_when_their_data_arrives(browser_and_base, kind):
    """The page is drawn before the tool's data arrives (held back here): the filters are there
    already and the results taking over from the page's own list move nothing."""
    browser, base = browser_and_base
    context = browser.new_context(viewport={"width": 412, "height": 823})
    context.add_init_script(SHIFTS)
    page = context.new_page()
    page.route("**/*.json", lambda route: (time.sleep(0.8), route.continue_()))
    page.goto(base + PAGE_KINDS[kind])
    page.wait_for_function("() => document.querySelector('.vs-count').textContent.trim() !== ''", timeout=15000)
    page.wait_for_timeout(300)
    shift = sum(page.evaluate("window.__shifts"))
    context.close()
    assert shift < 0.1


@pytest.mark.slow
def test_chart_labels_keep_their_size_on_a_phone(browser_and_base):
    for width in (*PHONES, 1280):
        page = open_page(browser_and_base, "tal/", width)
        sizes = page.eval_on_selector_all(
            ".vs-chart text", "ts => ts.map(t => parseFloat(getComputedStyle(t).fontSize))"
        )
        inside = page.evaluate(
            "[...document.querySelectorAll('.vs-chart')].every(c => [...c.querySelectorAll('text, rect')]"
            ".every(t => t.getBoundingClientRect().right <= c.getBoundingClientRect().right + 1))"
        )
        page.close()
        assert sizes and min(sizes) == FONT, width
        assert inside, width


def test_chart_is_drawn_at_its_width_never_scaled():
    svg = str(
        bar_chart("c", "Titel", [("Kort", 10), ("En meget lang betegnelse for et område " * 2, 5), ("Mangler", None)])
    )
    assert "viewBox" not in svg and 'width="100%"' in svg and f'font-size="{FONT}"' in svg
    assert 'width="80.00%"' in svg and 'width="40.00%"' in svg  # bars are shares of the width
    assert svg.count("<text") == 2 + 3 + 2  # label and value each; the long label on two lines
    assert 'stroke-dasharray="4 3"' in svg and "ukendt – mangler i kilden" in svg
