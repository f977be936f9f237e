"""Withdrawal (issue 22): `consent: {withdrawn: <date>}` takes a case out of everything.

The same site is published twice, as `make publish` does (the publish settings, then the
search index), before and after the client withdraws; every file of each output is searched
for the case's title, a sentence of its body and its client's pseudonym (the search index's
compressed files opened first). Before, they are found; after, in no file at all.
"""

import gzip
import subprocess
import sys

import pytest
from conftest import ROOT, Site, build, copy_fixture, run_casebook
from pelican import Pelican
from pelican.settings import read_settings
from PIL import Image

SLUG = "hip-pain-on-the-night-shift-zelda-q"
TITLE = "Hip pain on the night shift: Treatment of Zelda Q."
SENTENCE = "She climbs the stairs to the signal box every evening."
CLIENT = "Zelda Q."
SITEURL = "https://www.metrowest-nmt.example"
OLD_ADDRESS = "2011/05/zelda/"


def case(slug, title, client, sentence, date, extra=""):
    return f"""\
---
title: "{title}"
date: {date}
slug: {slug}
tags: [Piriformis syndrome, Scoliosis]
summary: "A night-shift worker's hip pain; five sessions."
case:
  client: {client}
  consent: true
  presenting_complaint: "Hip pain by the end of each shift."
  findings: "A tight piriformis."
  interventions: "Neuromuscular therapy to the hip."
  sessions: 5
  outcome: "Pain-free at work."
  outcome_status: resolved
  follow_up: "Stretches at home."
{extra}---

{sentence}

![A stretch for the hip]({{static}}/images/zelda-stretch.png)
"""


FOLLOW_UP = f"""\
---
title: "Six months on: the night shift again"
date: 2011-12-01
slug: six-months-on-the-night-shift
follows: {SLUG}
tags: [Piriformis syndrome]
summary: "How the stretches held up."
---

The stretches kept working through the winter.
"""


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    """Three Piriformis cases (enough for the condition's figures) and a follow-up."""
    folder = tmp_path_factory.mktemp("withdrawal") / "content"
    copy_fixture("check_clean", folder)
    (folder / "cases" / "neck.md").unlink()
    for relpath in ("conditions/piriformis-syndrome.md", "conditions/scoliosis.md"):
        (folder / relpath).write_text(
            (ROOT / "tests/fixtures/vocabulary" / relpath.split("/")[1]).read_text(),
            encoding="utf-8",
        )
    cases = folder / "cases"
    (cases / "zelda.md").write_text(
        case(SLUG, TITLE, CLIENT, SENTENCE, "2011-06-01", f"redirect_from: [/{OLD_ADDRESS}]\n"),
        encoding="utf-8",
    )
    for name, date in (("bo", "2011-02-01"), ("cy", "2011-03-01")):
        (cases / f"{name}.md").write_text(
            case(f"hip-pain-{name}", f"Hip pain: {name.title()} P.", f"{name.title()} P.",
                 "The hip settled after five sessions.", date),
            encoding="utf-8",
        )  # fmt: skip
    (folder / "posts").mkdir()
    (folder / "posts" / "later.md").write_text(FOLLOW_UP, encoding="utf-8")
    (folder / "images").mkdir()
    Image.new("RGB", (8, 8), "white").save(folder / "images" / "zelda-stretch.png")
    return folder


def publish(content, output):
    """The site as `make publish` makes it: the publish settings, then the search index."""
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(output), "SITEURL": SITEURL,
                 "CACHE_PATH": str(output.parent / "cache")}  # fmt: skip
    settings = read_settings(str(ROOT / "publishconf.py"), override=overrides)
    Pelican(settings).run()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(output), "--quiet"], check=True)
    return Site(output, settings)


def every_file(output):
    """(path in the output, its text): each file, the search index's unpacked first."""
    for path in sorted(p for p in output.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        yield path.relative_to(output).as_posix(), data.decode("utf-8", errors="replace")


def holding(output, words):
    return sorted(path for path, text in every_file(output) if words in text)


@pytest.fixture(scope="module")
def sites(content, tmp_path_factory):
    """The site published before the withdrawal and after it."""
    folder = tmp_path_factory.mktemp("published")
    before = publish(content, folder / "before")
    zelda = content / "cases" / "zelda.md"
    text = zelda.read_text(encoding="utf-8")
    zelda.write_text(text.replace("consent: true", "consent: {withdrawn: 2026-11-20}"), "utf-8")
    after = publish(content, folder / "after")
    return before, after


@pytest.mark.parametrize("words", [TITLE, SENTENCE, CLIENT], ids=["title", "sentence", "client"])
def test_before_the_case_is_everywhere_and_after_in_no_file(sites, words, record_property):
    before, after = sites
    found = holding(before.output, words)
    record_property(
        f"files_with_{words[:12]}",
        f"before {len(found)}, after {len(holding(after.output, words))}",
    )
    # Its page, the index, archives, condition pages, the case table, the feeds, search, …
    assert f"{SLUG}/index.html" in found and "feeds/all.atom.xml" in found
    assert any(p.startswith("pagefind/") for p in found)
    assert holding(after.output, words) == []


def test_its_address_and_its_referral_summarys_say_it_is_no_longer_published(sites):
    _before, after = sites
    for path in (f"{SLUG}/", f"{SLUG}/referral/"):
        page = after.page(path)
        assert page.find("h1").get_text(strip=True) == "No longer published"
        assert page.select_one('meta[name="robots"]')["content"] == "noindex"
        assert page.select_one("link[rel='canonical']") is None
        assert page.select('script[type="application/ld+json"]') == []
        assert page.select("[data-pagefind-body]") == []
    sitemap = (after.output / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{SITEURL}/{SLUG}/" not in sitemap and f"{SITEURL}/hip-pain-bo/" in sitemap


def test_no_page_links_to_it_but_its_old_address(sites):
    before, after = sites
    assert len(holding(before.output, f"/{SLUG}/")) > 10
    # The redirect from its old address still lands on the short page, not on a 404.
    assert holding(after.output, f"/{SLUG}/") == [f"{OLD_ADDRESS}index.html", "_redirects"]


def test_the_images_only_it_showed_are_not_published(sites):
    before, after = sites
    assert (before.output / "images" / "zelda-stretch.png").is_file()
    # The other two cases show the same image: it stays for them.
    assert (after.output / "images" / "zelda-stretch.png").is_file()


def test_an_image_only_it_showed_is_not_published(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("check_clean", content)
    text = (content / "cases" / "neck.md").read_text(encoding="utf-8")
    (content / "images").mkdir()
    Image.new("RGB", (8, 8), "white").save(content / "images" / "ana-desk.png")
    shown = text + "\n![Ana's desk]({static}/images/ana-desk.png)\n"
    (content / "cases" / "neck.md").write_text(shown, encoding="utf-8")
    kept = build(content, tmp_path / "one", caplog, config="publishconf.py", SITEURL=SITEURL)
    assert (kept.output / "images" / "ana-desk.png").is_file()
    start = shown.index("  consent: ")
    withdrawn = (
        shown[:start] + "  consent: {withdrawn: 2026-11-20}" + shown[shown.index("\n", start) :]
    )
    (content / "cases" / "neck.md").write_text(withdrawn, encoding="utf-8")
    gone = build(content, tmp_path / "two", caplog, config="publishconf.py", SITEURL=SITEURL)
    assert not (gone.output / "images").exists()


def test_the_follow_up_says_the_earlier_part_was_withdrawn(sites):
    before, after = sites
    link = before.page("six-months-on-the-night-shift/").select_one(".follows a")
    assert link["href"] == f"{SITEURL}/{SLUG}/"
    follows = after.page("six-months-on-the-night-shift/").select_one(".follows")
    assert follows.get_text(strip=True) == (
        "This post continues an earlier case that is no longer published."
    )
    assert follows.select("a") == []


def test_the_condition_figures_and_the_case_table_count_one_case_fewer(sites):
    before, after = sites
    for site, count in ((before, 3), (after, 2)):
        title = site.page("conditions/piriformis-syndrome/").select_one(".list-title")
        assert title.get_text(strip=True) == f"Cases and posts ({count + 1})"  # + the follow-up
        rows = site.page("case-table/").select("tbody tr:not(.table-group)")
        assert len(rows) == count  # each case once, its conditions in one cell
    # Three cases are enough for figures; two are not.
    assert before.page("conditions/piriformis-syndrome/").select(".outcome-chart")
    assert not after.page("conditions/piriformis-syndrome/").select(".outcome-chart")


def test_the_other_cases_no_longer_list_it_as_related(sites):
    before, after = sites
    related = [a["href"] for a in before.page("hip-pain-bo/").select(".related a")]
    assert f"{SITEURL}/{SLUG}/" in related
    related = [a["href"] for a in after.page("hip-pain-bo/").select(".related a")]
    assert f"{SITEURL}/hip-pain-cy/" in related and f"{SITEURL}/{SLUG}/" not in related


def test_check_notes_the_withdrawal_and_warns_about_the_follow_up(sites, content):
    code, lines = run_casebook("check", content)
    withdrawn = [line for line in lines if line.split(":")[0].endswith("cases/zelda.md")]
    assert (
        len(withdrawn) == 1
        and ": note: case.consent.withdrawn: consent withdrawn (2026-11-20)" in withdrawn[0]
    )
    later = [line for line in lines if line.split(":")[0].endswith("posts/later.md")]
    assert (
        len(later) == 1
        and f"warning: follows: '{SLUG}'" in later[0]
        and "was withdrawn" in later[0]
    )
    assert code == 0


def test_a_preview_built_again_from_its_build_cache_keeps_it_withdrawn(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("check_clean", content)
    (content / "images").mkdir()
    Image.new("RGB", (8, 8), "white").save(content / "images" / "ana-desk.png")
    path = content / "cases" / "neck.md"
    text = path.read_text(encoding="utf-8") + "\n![Ana's desk]({static}/images/ana-desk.png)\n"
    start = text.index("  consent: ")
    path.write_text(
        text[:start] + "  consent: {withdrawn: 2026-11-20}" + text[text.index("\n", start) :],
        encoding="utf-8",
    )
    # The build cache (cache/casebook-build/) keeps the post as read: the second build reads it
    # from there, and must still leave it out.
    for _build in range(2):
        site = build(content, tmp_path, caplog)
        page = site.page("neck-pain-at-the-desk-ana-r/")
        assert page.find("h1").get_text(strip=True) == "No longer published"
        assert not (site.output / "images" / "ana-desk.png").exists()
        assert "Ana R." not in site.page("").get_text()
    assert any((tmp_path / "cache" / "casebook-build").iterdir())
