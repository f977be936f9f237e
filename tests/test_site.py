"""The foundation: posts at slug URLs, metadata from both header styles, clean builds."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT, build, copy_fixture

PELICAN = str(Path(sys.executable).with_name("pelican"))


def test_each_post_is_at_its_slug_url(build_fixture):
    site = build_fixture("basic")
    for slug in ("yaml-post", "plain-post"):
        assert (site.output / slug / "index.html").is_file(), slug
    assert (site.output / "about" / "index.html").is_file()


def test_title_date_and_conditions_render(build_fixture):
    site = build_fixture("basic")
    page = site.page("yaml-post/")
    # The title carries quotes, & and < >: it must come through as text, intact.
    assert page.find("h1").get_text(strip=True) == 'Sciatica & low back pain: "Sam" <first> visit'
    assert page.title.get_text().startswith('Sciatica & low back pain: "Sam" <first> visit')
    time = page.select_one("main time[datetime]")
    assert time["datetime"].startswith("2010-03-04T09:30:00-05:00")
    links = {a.get_text(strip=True): a["href"] for a in page.select("main a[href*='conditions/']")}
    assert links.get("Sciatica") == "/conditions/sciatica/"
    assert links.get("Low back pain") == "/conditions/low-back-pain/"


def test_yaml_and_plain_headers_read_the_same_metadata(build_fixture):
    site = build_fixture("basic")

    def facts(slug):
        page = site.page(f"{slug}/")
        return (
            page.select_one("main time[datetime]")["datetime"],
            sorted(a.get_text(strip=True) for a in page.select("main a[href*='conditions/']")),
        )

    assert facts("yaml-post") == facts("plain-post")
    assert facts("plain-post")[1] == ["Low back pain", "Sciatica"]


def test_the_home_page_introduces_the_cases_and_every_page_links_search(build_fixture):
    site = build_fixture("basic", ARCHIVES_SAVE_AS="")
    intro = site.page("").select_one("main .list-intro")
    assert "how it turned out" in intro.get_text()
    assert intro.select_one("a")["href"] == "/conditions/"
    # Search stays in the menu on a site without an archive page.
    nav = [
        a.get_text(strip=True) for a in site.page("yaml-post/").select("nav[aria-label='Main'] a")
    ]
    assert "Search" in nav and "Archives" not in nav


def test_sample_site_warns_only_of_consent_not_yet_bound(tmp_path, caplog):
    site = build(ROOT / "content", tmp_path, caplog)
    # The README: the sample cases stay at `consent: true` until their clients sign an
    # approval copy; that warning, once per such case, is the only one a build may give.
    unbound = sorted(
        f"content/cases/{path.name}"
        for path in (ROOT / "content" / "cases").glob("*.md")
        if yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["case"]["consent"]
        is True
    )
    assert unbound, "the sample cases are expected at `consent: true` (README, Consent)"
    warned = site.messages(logging.WARNING)
    assert sorted(m.split(":", 1)[0] for m in warned) == unbound
    assert all("`consent: true` is not bound to any text" in m for m in warned)
    assert (
        site.output / "restless-leg-syndrome-pain-treatment-of-krystal-s" / "index.html"
    ).is_file()


def publish(content, output, cache):
    """Run the real publish command line; return the finished process."""
    return subprocess.run(
        [
            PELICAN,
            str(content),
            "-o",
            str(output),
            "-s",
            str(ROOT / "publishconf.py"),
            "--fatal",
            "warnings",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "SITEURL": "https://example.test"},
    )


def test_publish_build_of_the_sample_site_succeeds(tmp_path):
    done = publish(ROOT / "content", tmp_path / "out", tmp_path / "cache")
    assert done.returncode == 0, done.stdout + done.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "https://example.test/" in html


def test_publish_fails_on_a_warning(tmp_path):
    content = tmp_path / "content"
    (content / "cases").mkdir(parents=True)
    (content / "cases" / "odd.md").write_text(
        "---\ntitle: Odd\ndate: 2011-01-01\nslug: odd\ntags: [Sciatca]\n---\nText.\n",
        encoding="utf-8",
    )
    done = publish(content, tmp_path / "out", tmp_path / "cache")
    assert done.returncode != 0
    assert "Sciatca" in done.stdout + done.stderr


def test_sitemap_lists_content_pages_only(build_fixture):
    site = build_fixture("drafts")
    from bs4 import BeautifulSoup

    sitemap = BeautifulSoup((site.output / "sitemap.xml").read_text(), "xml")
    locs = {loc.get_text() for loc in sitemap.find_all("loc")}
    assert "/published/" in locs and "/conditions/scoliosis/" in locs
    unlisted = {
        "/draft-reply/",
        "/hidden-reply/",
        "/future-reply/",
        "/draft-root/",
        "/drafts/draft-reply/",
        "/drafts/draft-root/",
        "/404.html",
        "/search/",
    }
    assert locs.isdisjoint(unlisted), locs & unlisted


def test_a_post_whose_yaml_does_not_parse_is_one_error_at_its_line(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("basic", content)
    (content / "cases" / "unclosed.md").write_text(
        "---\ntitle: Unclosed\nslug: unclosed\ndate: 2010-01-01\n"
        "tags: [Sciatica\nsummary: The list above never closes.\n---\nText.\n"
    )
    site = build(content, tmp_path, caplog)
    errors = site.messages(logging.ERROR)
    ours = [m for m in errors if "not valid YAML" in m]
    assert len(ours) == 1
    assert ours[0].split(": ", 1)[0].endswith("cases/unclosed.md:5")
    assert "is not closed" in ours[0]
    # One line, where the library's own reader logged a whole traceback.
    assert not any(r.exc_info for r in site.records)
