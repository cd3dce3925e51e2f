"""What `make serve` keeps from one build to the next (scripts.publish.serve_rebuild), without a
server: when a rebuild renders every page, which HTML goes, which articles the index keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.publish.serve_rebuild import Rebuilds, docs_to_watch


@pytest.fixture
def project(tmp_path) -> Path:
    for name in ("mkdocs.yml", "scripts/x.py", "data/initiatives/a.yml", "docs/assets/site.css"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "site").mkdir()
    return tmp_path


def start(rebuilds: Rebuilds, project: Path, generated: list[Path] = ()) -> None:
    sources = [project / "mkdocs.yml", project / "scripts", project / "data"]
    rebuilds.start(sources, project / "data", project / "site", list(generated))


def test_the_server_watches_only_the_hand_written_files_of_docs(project):
    assert docs_to_watch(project / "docs") == [(project / "docs", False), (project / "docs/assets", True)]


def test_a_change_besides_data_renders_every_page(project):
    rebuilds = Rebuilds()
    start(rebuilds, project)
    assert not rebuilds.background  # the first build
    (project / "site/old.html").write_text("x", encoding="utf-8")
    rebuilds.articles["a.md"] = ("<p>a</p>", "/a/")

    (project / "data/initiatives/a.yml").write_text("an edit", encoding="utf-8")
    start(rebuilds, project)
    assert rebuilds.background  # only data changed: the site stays, downloads and index follow
    assert (project / "site/old.html").exists() and rebuilds.articles

    (project / "scripts/x.py").write_text("a change", encoding="utf-8")
    start(rebuilds, project)
    assert not rebuilds.background
    assert not any((project / "site").iterdir()) and not rebuilds.articles


def test_gone_and_hand_written_pages_are_rendered_anew(project):
    rebuilds = Rebuilds()
    start(rebuilds, project)
    docs, site = project / "docs", project / "site"
    html = {name: site / name / "index.html" for name in ("gone", "kept", "front")}
    for path in html.values():
        path.parent.mkdir()
        path.write_text("x", encoding="utf-8")
    rebuilds.rendered = {str(path) for path in html.values()}
    start(rebuilds, project, generated=[docs / "kept.md"])

    rebuilds.prune({str(html["kept"]): docs / "kept.md", str(html["front"]): docs / "index.md"})
    assert [name for name, path in html.items() if path.exists()] == ["kept"]
    assert rebuilds.rendered == {str(html["kept"]), str(html["front"])}


def test_the_index_keeps_the_articles_of_pages_not_converted(project):
    rebuilds = Rebuilds()
    start(rebuilds, project)
    rebuilds.articles = {"old.md": ("<p>old</p>", "/old/"), "gone.md": ("<p>gone</p>", "/gone/"), "x.md": ("", "/x/")}
    start(rebuilds, project)  # nothing changed: the articles are kept
    rebuilds.converted_page("new.md", ("<p>new</p>", "/new/"))
    rebuilds.converted_page("x.md", None)  # now excluded from search

    assert rebuilds.sort_out({"old.md", "new.md", "x.md"}) == ["old.md"] == rebuilds.earlier
    assert rebuilds.articles == {"old.md": ("<p>old</p>", "/old/"), "new.md": ("<p>new</p>", "/new/")}


def test_the_next_build_waits_for_what_the_last_left_running(capsys):
    rebuilds, waited = Rebuilds(), []

    def failed():
        waited.append("index")
        raise RuntimeError("the search index could not be made")

    rebuilds.leave_running(lambda: waited.append("downloads"), failed)
    rebuilds.finish()  # a failure is said, not raised: that build's pages are served
    rebuilds.finish()  # and waited for once
    assert waited == ["downloads", "index"]
    assert "could not be made" in capsys.readouterr().err
