"""WCAG 2.1 A/AA (axe-core in Debian's Chromium), privacy and the Content-Security-Policy on every
page kind: no request to any host but the site's own, no cookies, and nothing the policy blocks."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from scripts.dev.browser import PAGE_KINDS, chromium, serve

pytestmark = pytest.mark.slow  # the built site in Chromium

PAGES = PAGE_KINDS  # one page of each kind (scripts/dev/browser.py)
WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


# Every violation of the page's Content-Security-Policy, from the first line of the page on.
CSP_LISTENER = """window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));"""


@pytest.fixture(scope="module")
def browser_and_base(site):
    with chromium() as browser, serve(site) as base:
        yield browser, base


def _open(browser, base, url, width=1280, init_script=None):
    """The page at `url` once its scripts have done their work; also every request it made and
    what the browser said about its Content-Security-Policy (violations, and console messages
    such as an unrecognised directive)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(CSP_LISTENER)
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    page.goto(base + url)
    page.wait_for_load_state("networkidle")
    if url.startswith("soeg/"):
        page.wait_for_selector(".vs-search-results li")
    if page.query_selector(".vs-finder, .vs-tracker"):
        # the finder and the tracker say how many results there are once they have shown them
        page.wait_for_function("() => document.querySelector('.vs-count').textContent.trim() !== ''")
    csp = page.evaluate("window.__cspViolations") + [
        m for m in console if re.search("content.security.policy", m, re.IGNORECASE)
    ]
    return context, page, requests, csp


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_wcag_violations(browser_and_base, kind):
    browser, base = browser_and_base
    for width in (1280, 390):  # desktop, and a phone, where the navigation is a drawer
        context, page, _, _ = _open(browser, base, PAGES[kind], width)
        violations = Axe().run(page, options=WCAG).response["violations"]
        context.close()
        assert [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == [], width


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_third_party_requests_and_no_cookies(browser_and_base, kind):
    browser, base = browser_and_base
    context, page, requests, _ = _open(browser, base, PAGES[kind])
    own = urlsplit(base).netloc
    foreign = [u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != own]
    cookies = context.cookies()
    document_cookie = page.evaluate("document.cookie")
    context.close()
    assert foreign == []
    assert cookies == [] and document_cookie == ""


def _policy(page) -> list[str]:
    """The page's Content-Security-Policy meta tags and referrer policy, as the browser sees them."""
    return page.evaluate("""() => [
      ...[...document.querySelectorAll("meta[http-equiv='Content-Security-Policy' i]")].map(m => m.content),
      ...[...document.querySelectorAll("meta[name=referrer]")].map(m => "referrer: " + m.content)]""")


@pytest.mark.parametrize("kind", list(PAGES))
def test_content_security_policy_blocks_nothing_the_page_needs(browser_and_base, kind):
    browser, base = browser_and_base
    for width in (1280, 400):  # the narrow layout draws other icons (the navigation drawer's)
        context, page, _, csp = _open(browser, base, PAGES[kind], width)
        policy = _policy(page)
        context.close()
        assert len(policy) == 2 and "default-src 'self'" in policy[0], policy
        assert policy[1] == "referrer: no-referrer"
        assert csp == [], width


def test_search_works_under_the_policy_without_web_workers(browser_and_base):
    """Pagefind runs its WebAssembly in a web worker, which the page's meta policy does not reach;
    where no worker can run, it runs it in the page, which the policy must allow."""
    browser, base = browser_and_base
    context, page, _, csp = _open(browser, base, PAGES["search results"], init_script="delete window.Worker")
    assert page.evaluate("typeof Worker") == "undefined"
    context.close()
    assert csp == []


class _Inline(HTMLParser):
    """What a page has inline that a Content-Security-Policy governs: executable scripts, style
    elements, style attributes, event handler attributes and javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.policies: list[str] = []
        self.referrers: list[str] = []
        self.loads_before_policy: list[str] = []  # scripts and stylesheets above the policy
        self.scripts: list[str] = []
        self.style_elements = 0
        self.style_attributes: set[str] = set()
        self.handlers: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(a.get("content") or "")
        if tag == "meta" and a.get("name") == "referrer":
            self.referrers.append(a.get("content") or "")
        if not self.policies and (tag == "script" or (tag == "link" and a.get("rel") == "stylesheet")):
            self.loads_before_policy.append(tag)
        # a script without src runs, unless its type makes it data (Material's JSON config)
        self._in_script = tag == "script" and "src" not in a and a.get("type") != "application/json"
        self.style_elements += tag == "style"
        if a.get("style") is not None:
            self.style_attributes.add(a["style"])
        self.handlers += [
            name
            for name, value in attrs
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:")
        ]

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in_script = False


def _directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


def test_every_page_carries_the_policy_and_nothing_inline_outside_it(site):
    """Every built page, not only one of each kind: one policy, the same on every page and above
    anything it governs; no inline script, event handler or style attribute at all."""
    policies, problems = set(), []
    for path in sorted(site.rglob("*.html")):
        page = _Inline()
        page.feed(path.read_text(encoding="utf-8"))
        name = str(path.relative_to(site))
        policies.update(page.policies)
        if len(page.policies) != 1 or page.referrers != ["no-referrer"]:
            problems.append(f"{name}: {len(page.policies)} policies, referrer {page.referrers}")
            continue
        if page.loads_before_policy:
            problems.append(f"{name}: {page.loads_before_policy} above the policy")
        if page.scripts or page.handlers or page.style_elements:
            problems.append(
                f"{name}: inline scripts {page.scripts[:1]}, handlers {page.handlers[:3]},"
                f" {page.style_elements} style elements"
            )
        if page.style_attributes:
            problems.append(f"{name}: style attributes {page.style_attributes[:3]}")
    assert problems == []
    assert len(policies) == 1
    directives = _directives(policies.pop())
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # no inline script, no eval
    assert directives["style-src"] == ["'self'"] and "style-src-attr" not in directives
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in sum(directives.values(), [])
