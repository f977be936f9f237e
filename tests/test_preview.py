"""Preview builds show each page's problems and list them all; a publish build shows none of it."""

import os
import shutil

import pytest
from conftest import ROOT, build, copy_fixture

from casebook.cli import check

LIVE_SCRIPT = "/.casebook/live.js"
# Words that only the preview's parts write into a page.
PREVIEW_TRACES = (".casebook", "live.js", "EventSource", "preview-problems", "problems.html")


def checked(content, capsys):
    """The lines `make check` prints for `content`, without its summary line."""
    capsys.readouterr()  # what the build printed
    check.main(["--settings", str(ROOT / "pelicanconf.py"), str(content)])
    return capsys.readouterr().out.splitlines()[:-1]


def text_files(output):
    for path in sorted(output.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".xml", ".atom", ".txt", ".js", ".css", ""):
            yield path, path.read_text(encoding="utf-8", errors="replace")


def test_a_page_shows_the_problems_of_its_file_as_make_check_prints_them(tmp_path, caplog, capsys):
    content = tmp_path / "content"
    copy_fixture("unknown", content)
    site = build(content, tmp_path, caplog)
    banner = site.page("misspelt/").select_one("main .preview-problems")
    shown = os.path.relpath(content / "cases" / "misspelt.md")
    lines = [li.get_text() for li in banner.select("li")]
    # The tag that matched no condition no longer vanishes without a word.
    assert lines == [
        f"{shown}:5: tags: 'Piriformis syndrom' is not a known condition; did you mean "
        "Piriformis syndrome? fix the tag, add it as an alias in content/conditions/, or start "
        "a new condition: make condition NAME='Piriformis syndrom'"
    ]
    assert lines == checked(content, capsys)
    heading = banner.select_one("h2").get_text(" ", strip=True)
    assert heading == "1 problem in this page's file (1 error: it cannot be published)"
    assert banner.select_one("a")["href"] == "/problems.html"
    # At the top of the page, before the post itself.
    assert banner.find_parent("main").find(True, recursive=False) is banner
    # Styled by the preview's own stylesheet, which the build copied beside the site's.
    links = [link["href"] for link in site.page("misspelt/").select('link[rel="stylesheet"]')]
    assert links == ["/theme/css/style.css", "/theme/css/preview.css"]
    assert ".preview-problems" in (site.output / "theme" / "css" / "preview.css").read_text()


def test_a_page_without_problems_has_no_banner(build_fixture):
    site = build_fixture("check_clean")
    assert site.page("neck-pain-at-the-desk-ana-r/").select(".preview-problems") == []


def test_the_problems_page_lists_every_problem_of_the_site_and_links_each_file(
    tmp_path, caplog, capsys
):
    content = tmp_path / "content"
    copy_fixture("unknown", content)
    shutil.copytree(ROOT / "tests" / "fixtures" / "check_date", content, dirs_exist_ok=True)
    site = build(content, tmp_path, caplog)
    page = site.page("problems.html")
    listed = [code.get_text() for code in page.select("main .problem-file li code")]
    printed = checked(content, capsys)
    assert listed == printed
    assert len(listed) == 2  # the misspelt tag, and the date that is no date
    links = {a.get_text(): a["href"] for a in page.select(".problem-file h2 a")}
    assert links[os.path.relpath(content / "cases" / "misspelt.md")] == "/misspelt/"
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "problems.html" not in (site.output / "sitemap.xml").read_text(encoding="utf-8")


def test_the_problems_page_of_a_clean_site_says_so(build_fixture):
    page = build_fixture("check_clean").page("problems.html")
    assert page.select_one("main p").get_text(" ", strip=True) == (
        "No problems: make check passes."
    )


def test_make_html_has_no_reload_script(build_fixture):
    site = build_fixture("check_clean")
    for path, text in text_files(site.output):
        assert LIVE_SCRIPT not in text, path


def test_the_dev_servers_builds_load_the_reload_script_and_nothing_else(build_fixture):
    site = build_fixture("check_clean", CASEBOOK_LIVE_RELOAD=True)
    page = site.page("neck-pain-at-the-desk-ana-r/")
    scripts = [s.get("src") for s in page.select("script[src]")]
    assert scripts == [LIVE_SCRIPT]  # served by the dev server itself; no other site


@pytest.mark.parametrize("fixture", ["check_clean", "unknown", "sharing"])
def test_a_publish_build_has_no_trace_of_the_preview(build_fixture, fixture):
    # Even with every preview setting on, as a settings file could inherit them.
    site = build_fixture(
        fixture,
        config="publishconf.py",
        CASEBOOK_PREVIEW=True,
        CASEBOOK_LIVE_RELOAD=True,
        CASEBOOK_PROBLEMS_SAVE_AS="problems.html",
    )
    assert not (site.output / "problems.html").exists()
    assert not (site.output / "theme" / "css" / "preview.css").exists()
    found = [
        (path.relative_to(site.output).as_posix(), word)
        for path, text in text_files(site.output)
        for word in PREVIEW_TRACES
        if word in text
    ]
    assert found == []
    assert any(True for _ in text_files(site.output))  # the build did write pages
