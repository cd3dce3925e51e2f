"""Text from data is shown literally: never run as Jinja, Markdown or HTML."""

from __future__ import annotations

import html
import re
import shutil

import pytest
import yaml

from scripts.dev.scratch import ROOT, build_site
from scripts.render.escape import inline

HOSTILE = [
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ config }}",
    "{% raw %}x{% endraw %}",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[klik](javascript:alert(3))",
    "**fed** _kursiv_ `kode`",
    "&amp; &lt;",
    "# ikke en overskrift",
    "1. ikke en liste | ikke en tabel",
]


def test_inline_escapes_markdown_and_html():
    assert inline("<b>&") == "&lt;b&gt;&amp;"
    assert inline("**x** [a](b)") == r"\*\*x\*\* \[a\](b)"
    assert inline("- ikke en liste") == "&#45; ikke en liste"
    assert inline("12. marts") == "&#49;2. marts"
    assert inline("12.3 mio. kr.") == "12.3 mio. kr."
    assert inline("to\nlinjer") == "to linjer"
    assert inline("{% if x %}{: .c}") == r"&#123;% if x %\}&#123;: .c\}"


@pytest.mark.slow
def test_hostile_text_is_shown_literally_in_the_built_site(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests/fixtures/valid", data)
    path = data / "initiatives/nyt-foedevareprogram-2020.yml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["title"] = HOSTILE[2] + " " + HOSTILE[0]
    record["summary"] = " ".join(HOSTILE)
    record["commitments"][0]["what"] = HOSTILE[3]
    path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")

    result = build_site(tmp_path / "work", data)
    assert result.returncode == 0, result.stderr[-2000:]
    page = (tmp_path / "work/site/initiativer/nyt-foedevareprogram-2020/index.html").read_text(encoding="utf-8")

    shown = html.unescape(page)
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert html.unescape(title) == f"{HOSTILE[2]} {HOSTILE[0]} - Vækstaftaler"  # the browser tab shows plain text
    for text in HOSTILE:
        assert text in shown, text
    assert "uid=" not in page  # the shell command did not run
    assert "site_name" not in page  # the configuration was not dumped
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert 'href="javascript:' not in page
    assert "<strong>fed</strong>" not in page
