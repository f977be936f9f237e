"""Front of house (issue 11): booking and contact, referral summaries, condition pages, lay terms.

tests/fixtures/front (a snapshot of three of the practice's cases, their follow-ups, the
pages and every condition) is published once (publishconf.py, the real SITEURL) and read with
BeautifulSoup; the rules are judged by the real `make check` code on small folders. What the
practice's own content must be is tests/test_real_content.py's.
"""

import hashlib
import json
import logging
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, ROOT, build, front_matter

from casebook.cli.check import check_content
from casebook.content.settings import load

# The theme's stylesheet as committed, read before any test builds a site from it.
THEME_CSS_BEFORE = hashlib.sha256(
    (ROOT / "theme" / "static" / "css" / "style.css").read_bytes()
).hexdigest()

SITEURL = "https://www.metrowest-nmt.example"
KRYSTAL = "restless-leg-syndrome-pain-treatment-of-krystal-s"
FRONT = FIXTURES / "front"
CASES = sorted(p for p in (FRONT / "cases").glob("*.md"))
CASE_SLUGS = [front_matter(p)["slug"] for p in CASES]
CONDITION_SLUGS = sorted(p.stem for p in (FRONT / "conditions").glob("*.md"))
PHONE_LINK = "tel:+15085550100"
EMAIL_LINK = "mailto:office@metrowest-nmt.example"


# As `make publish` builds, with the address the pages are checked against.
PUBLISHED = {"config": "publishconf.py", "SITEURL": SITEURL, "FEED_DOMAIN": SITEURL}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The front fixture as `make publish` builds it; (output folder, page reader)."""
    folder = tmp_path_factory.mktemp("front")
    output = build(
        FRONT, folder, config="publishconf.py", SITEURL=SITEURL, FEED_DOMAIN=SITEURL
    ).output

    def page(path):
        file = output / path / "index.html" if not path.endswith(".html") else output / path
        return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")

    return output, page


def hrefs(node):
    return [a["href"] for a in node.select("a[href]")]


def json_ld(page):
    nodes = []
    for script in page.select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        nodes.extend(data.get("@graph", [data]))
    return {node["@type"]: node for node in nodes}


# --- 1. the practice, from settings ---------------------------------------------------


def test_every_page_offers_to_book_in_the_menu(site):
    _, page = site
    for path in ("", f"{KRYSTAL}/", "conditions/sciatica/", "about/", "search/"):
        nav = page(path).select_one("nav[aria-label='Main']")
        links = {a.get_text(strip=True): a["href"] for a in nav.select("a")}
        assert links["Book a visit"] == f"{SITEURL}/contact/", path


@pytest.mark.parametrize("path", [f"{s}/" for s in CASE_SLUGS] + ["conditions/sciatica/"])
def test_case_and_condition_pages_have_a_booking_block_to_tap(site, path):
    _, page = site
    book = page(path).select_one("main .book")
    assert book is not None
    assert book.select_one("h2").get_text(strip=True) == "Book a visit"
    assert {PHONE_LINK, EMAIL_LINK, f"{SITEURL}/contact/"} <= set(hrefs(book))
    # Repeated on every page: search must not find it.
    assert book["data-pagefind-ignore"] == "all"


def test_every_condition_page_has_the_booking_block(site):
    _, page = site
    for slug in CONDITION_SLUGS:
        assert PHONE_LINK in hrefs(page(f"conditions/{slug}/").select_one("main .book")), slug


def test_case_pages_name_the_practitioner_and_credentials(site):
    _, page = site
    meta = page(f"{KRYSTAL}/").select_one(".post-header .post-meta").get_text(" ", strip=True)
    assert "By Jordan Avery, LMT, CNMT" in meta


def test_every_footer_carries_the_contact_details(site):
    output, _ = site
    pages = [p for p in output.rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) > 30
    for file in pages:
        html = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        # A referral summary ends with its own "Treated by" block instead.
        text = html.select_one("main" if "referral" in file.parts else "footer").get_text(" ")
        text = " ".join(text.split())
        assert "(508) 555-0100" in text and "Framingham, MA 01702" in text, file
        assert "office@metrowest-nmt.example" in text, file


def test_the_contact_page_says_what_a_first_visit_involves(site):
    _, page = site
    contact = page("contact/")
    assert contact.select_one("main h1").get_text(strip=True) == "Book a visit"
    visit = contact.select_one(".visit")
    headings = [h.get_text(strip=True) for h in visit.select("h2")]
    assert headings == ["How to book", "Your first visit", "Where and when"]
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in visit.select(".visit-facts dt")
    }
    assert facts["How long"] == "About 75 minutes; later sessions are 60 minutes."
    assert facts["Fees"].startswith("$120 for the first visit")
    assert "We do not bill insurance directly" in facts["Insurance"]
    assert len(visit.select("ol li")) == 4
    assert "Monday to Friday, 9 am to 6 pm" in visit.get_text()
    assert {PHONE_LINK, EMAIL_LINK} <= set(hrefs(visit))


def test_the_home_page_opens_with_what_nmt_is(site):
    _, page = site
    main = page("").select_one("main")
    first = main.select_one("h1").find_next_sibling("p")
    text = first.get_text(" ", strip=True)
    assert text.startswith("Neuromuscular therapy (NMT) is a hands-on treatment")
    assert text.count(". ") + text.endswith(".") >= 2
    assert f"{SITEURL}/about/" in hrefs(first)


# --- 2. the referral summary ------------------------------------------------------------


@pytest.mark.parametrize("slug", CASE_SLUGS)
def test_every_case_has_a_referral_summary_linked_from_it(site, slug):
    _, page = site
    case = page(f"{slug}/")
    assert f"{SITEURL}/{slug}/referral/" in hrefs(case.select_one(".case-summary"))
    referral = page(f"{slug}/referral/")
    assert referral.select_one('meta[name="robots"]')["content"] == "noindex"
    assert referral.select_one("[data-pagefind-body]") is None
    assert referral.select_one("link[rel='canonical']") is None
    text = referral.select_one("main").get_text(" ", strip=True)
    assert "Jordan Avery, LMT, CNMT" in text and "(508) 555-0100" in text
    assert "Fax (508) 555-0101" in text and "license no. MT-0000" in text
    assert f"{SITEURL}/{slug}/" in hrefs(referral.select_one("main"))
    # An address is printed in pieces that wrap after a slash: read it whole.
    assert f"This summary: {SITEURL}/{slug}/referral/" in text.replace("/ ", "/")
    labels = [dt.get_text(strip=True) for dt in referral.select(".case-summary dt")]
    assert labels[:2] == ["Client", "Presenting complaint"] and "Outcome" in labels


def test_the_referral_summary_lists_codes_with_their_titles(site):
    _, page = site
    rows = {
        tr.select_one("td").get_text(strip=True): tr.select("td")[1].get_text(" ", strip=True)
        for tr in page(f"{KRYSTAL}/referral/").select(".referral-codes tbody tr")
    }
    assert list(rows) == [
        "Buttock pain",
        "Chronic pain",
        "Leg pain",
        "Piriformis syndrome",
        "Restless legs syndrome",
        "Scoliosis",
        "Structural asymmetry",
    ]
    assert rows["Restless legs syndrome"] == "G25.81 Restless legs syndrome"
    assert rows["Piriformis syndrome"].startswith(
        "G57.00 Lesion of sciatic nerve, unspecified lower limb"
    )
    assert rows["Buttock pain"] == "No specific code"


def test_referral_summaries_are_in_no_list_sitemap_or_search(site):
    output, page = site
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "/referral/" not in sitemap and f"{SITEURL}/{KRYSTAL}/" in sitemap
    for path in ("", "archives/", "conditions/sciatica/", "conditions/"):
        assert not [h for h in hrefs(page(path)) if "/referral/" in h], path


def test_the_clinicians_page_links_every_referral_summary(site):
    _, page = site
    listed = set(hrefs(page("for-clinicians/").select_one(".clinician-cases")))
    assert {f"{SITEURL}/{slug}/referral/" for slug in CASE_SLUGS} <= listed


# --- 3. codes on the case page ------------------------------------------------------------


def test_the_summary_box_lists_conditions_with_codes_linked(site):
    _, page = site
    items = page(f"{KRYSTAL}/").select(".case-summary .case-conditions li")
    shown = {
        li.a.get_text(strip=True): (li.a["href"], li.get_text(" ", strip=True)) for li in items
    }
    assert shown["Piriformis syndrome"] == (
        f"{SITEURL}/conditions/piriformis-syndrome/",
        "Piriformis syndrome G57.00 , G57.01 , G57.02",
    )
    assert shown["Restless legs syndrome"][1] == "Restless legs syndrome G25.81"
    assert shown["Buttock pain"][1] == "Buttock pain"
    assert len(shown) == 7


# --- 4. condition pages -----------------------------------------------------------------


def test_a_condition_page_reads_in_the_order_a_client_needs(site):
    _, page = site
    main = page("conditions/sciatica/").select_one("main")
    # As a health service's page: what it is, its symptoms, when to see a doctor, causes,
    # what helps, who reviewed it and from which sources; then booking and the cases.
    order = [
        "nav.breadcrumbs",
        "h1",
        ".aliases",
        ".lay-terms",
        ".condition-description",
        ".symptoms",
        ".red-flags",
        ".condition-more",
        ".reviewed",
        ".sources",
        ".book",
        ".outcomes",
        ".list-title",
        ".post-list",
        ".codes",
    ]
    found = [main.select_one(s) for s in order]
    assert None not in found, [s for s, f in zip(order, found, strict=True) if f is None]
    everything = list(main.descendants)
    positions = [everything.index(node) for node in found]
    assert positions == sorted(positions)
    assert main.select_one(".aliases").get_text() == "Also called: sciatic nerve entrapment"
    overview = [h.get_text(strip=True) for h in main.select(".condition-description h2")]
    assert overview == ["What it is"]
    sections = [h.get_text(strip=True) for h in main.select(".condition-more h2")]
    assert sections == ["Causes", "How neuromuscular therapy helps", "What you can do yourself"]
    signs = [li.get_text(strip=True) for li in main.select(".symptoms li")]
    assert signs[0].startswith("pain in the buttock and down the back of the leg")
    flags = main.select_one(".red-flags")
    assert flags.select_one("h2").get_text(strip=True) == "When to see a doctor"
    assert [h.get_text(strip=True) for h in flags.select("h3")] == [
        "Straight away",
        "Book an appointment",
    ]
    assert [li.get_text(strip=True) for li in flags.select(".urgent-signs li")][:2] == [
        "weakness in a leg",
        "any change in bladder or bowel control",
    ]
    assert len(flags.select(".routine-signs li")) == 3
    assert hrefs(main.select_one(".sources")) == [
        "https://www.nhs.uk/conditions/sciatica/",
        "https://medlineplus.gov/sciatica.html",
    ]
    codes = main.select_one(".codes")
    assert codes.select_one("h2").get_text(strip=True) == "For clinicians"
    assert "M54.30" in codes.get_text()


def test_near_repeats_are_merged_in_also_called_and_every_alias_still_finds_the_page(site):
    _, page = site
    condition = page("conditions/restless-legs-syndrome/")
    # Restless leg syndrome and Restless leg syndrome (RLS) add nothing to the name and RLS.
    assert condition.select_one(".aliases").get_text() == "Also called: RLS, Willis-Ekbom disease"
    indexed = condition.select_one("[data-pagefind-index-attrs='data-aliases']")["data-aliases"]
    assert (
        indexed == "RLS, Restless leg syndrome, Restless leg syndrome (RLS), Willis-Ekbom disease"
    )


def test_who_reviewed_the_page_is_named(site):
    _, page = site
    reviewed = page("conditions/sciatica/").select_one(".reviewed").get_text(" ", strip=True)
    assert reviewed.startswith("Reviewed by Jordan Avery, LMT, CNMT on 25 November 2026")
    data = json_ld(page("conditions/sciatica/"))["MedicalWebPage"]
    assert data["reviewedBy"] == {"@type": "Person", "name": "Jordan Avery"}
    signs = [s["name"] for s in data["about"]["signOrSymptom"]]
    assert signs[0].startswith("pain in the buttock and down the back of the leg")


def test_review_date_and_next_review_are_shown(site):
    _, page = site
    times = page("conditions/sciatica/").select(".reviewed time")
    assert [t["datetime"] for t in times] == ["2026-11-25", "2027-11-25"]
    assert "next review due 25 November 2027" in page("conditions/sciatica/").select_one(
        ".reviewed"
    ).get_text(" ", strip=True)


def test_feeds_are_in_the_head_and_footer_never_mid_page(site):
    _, page = site
    condition = page("conditions/sciatica/")
    feed = f"{SITEURL}/conditions/sciatica/feed.atom"
    assert feed in [link["href"] for link in condition.select("link[rel='alternate']")]
    assert feed in hrefs(condition.select_one("footer"))
    assert not [h for h in hrefs(condition.select_one("main")) if "atom" in h]


# --- 5. lay terms in the A–Z --------------------------------------------------------------


def test_lay_terms_point_to_their_conditions_in_the_a_to_z(site):
    _, page = site
    lay = {li.get_text(" ", strip=True): hrefs(li) for li in page("conditions/").select("li.lay")}
    assert lay["jaw pain, see TMJ disorder"] == [f"{SITEURL}/conditions/tmj-disorder/"]
    assert lay["heel pain, see Plantar fasciitis"] == [f"{SITEURL}/conditions/plantar-fasciitis/"]
    # A lay term two conditions share points to both, A–Z.
    assert lay["hip pain, see Buttock pain or Piriformis syndrome"] == [
        f"{SITEURL}/conditions/buttock-pain/",
        f"{SITEURL}/conditions/piriformis-syndrome/",
    ]
    assert "back pain, see Low back pain" in lay


# --- 7. reading: contents, reading time, breadcrumbs ---------------------------------------


def test_a_long_case_opens_with_its_contents(site):
    _, page = site
    case = page(f"{KRYSTAL}/")
    toc = case.select_one("nav.toc")
    links = [a["href"] for a in toc.select("a")]
    ids = ["#" + h["id"] for h in case.select(".post-content h2")]
    assert len(links) == 6 and links == ids
    assert toc["data-pagefind-ignore"] == "all"


def test_contents_start_at_four_sections(tmp_path, caplog):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    for count in (3, 4):
        body = "\n\n".join(f"## Part {n}\n\nText of part {n}." for n in range(1, count + 1))
        (content / "posts" / f"p{count}.md").write_text(
            f"---\ntitle: Post {count}\ndate: 2010-01-0{count}\nslug: p{count}\n---\n{body}\n",
            encoding="utf-8",
        )
    site = build(content, tmp_path, caplog)
    assert site.page("p3/").select_one("nav.toc") is None
    toc = site.page("p4/").select_one("nav.toc")
    assert [a["href"] for a in toc.select("a")] == ["#part-1", "#part-2", "#part-3", "#part-4"]
    assert toc.select_one("h2").get_text() == "In this post"


def test_posts_show_their_reading_time(site):
    _, page = site
    # 690, 315 and 530 words of text (wc -w on the Markdown), at 200 words a minute.
    for slug, minutes in (
        (KRYSTAL, 4),
        ("sciatica-and-low-back-pain-dana-m", 2),
        ("perpetuating-factors-krystal-s", 3),
    ):
        meta = page(f"{slug}/").select_one(".post-header .post-meta").get_text(" ", strip=True)
        assert f"{minutes} min read" in meta, slug


@pytest.mark.parametrize("path", [f"{KRYSTAL}/", "conditions/sciatica/", "about/"])
def test_visible_breadcrumbs_match_the_json_ld(site, path):
    _, page = site
    html = page(path)
    crumbs = html.select_one("nav.breadcrumbs")
    if path == "about/":
        assert crumbs is None
        return
    shown = [(a.get_text(strip=True), a["href"]) for a in crumbs.select("a")]
    listed = [(i["name"], i["item"]) for i in json_ld(html)["BreadcrumbList"]["itemListElement"]]
    assert shown == listed
    assert crumbs.select("a")[-1]["aria-current"] == "page"
    assert shown[0] == ("Home", f"{SITEURL}/")


# --- gates ----------------------------------------------------------------------------------


def test_the_published_stylesheet_is_minified_and_whole(site):
    output, _ = site
    source = (ROOT / "theme" / "static" / "css" / "style.css").read_text(encoding="utf-8")
    published = (output / "theme" / "css" / "style.css").read_text(encoding="utf-8")
    assert len(published) < len(source) * 0.9
    assert "/*" not in published
    for rule in ("@media (prefers-color-scheme:dark)", "@media print", ".case-summary{", "@page"):
        assert rule in published, rule
    # A condition's own rules are in pages.css, which no case page loads.
    pages = (output / "theme" / "css" / "pages.css").read_text(encoding="utf-8")
    assert ".red-flags{" in pages and "/*" not in pages and ".red-flags{" not in published
    # The theme's own file is never touched: its bytes are what they were before any build.
    assert hashlib.sha256(source.encode()).hexdigest() == THEME_CSS_BEFORE


# --- the rules ------------------------------------------------------------------------------

CONDITION = """\
---
name: {name}
codes: []
reviewed: {reviewed}
{extra}{flags}see_a_doctor: [the pain has lasted more than a few weeks]
---
## What it is

{body}
"""
FLAGS = "red_flags: [weakness in an arm]\n"  # every condition says when to see a doctor


def write_condition(
    content, slug, name, body="A plain explanation.", reviewed="2026-11-01", extra="", flags=None
):
    folder = content / "conditions"
    folder.mkdir(parents=True, exist_ok=True)
    if flags is None:
        flags = "" if "red_flags:" in extra else FLAGS
    text = CONDITION.format(name=name, body=body, reviewed=reviewed, extra=extra, flags=flags)
    (folder / f"{slug}.md").write_text(text, encoding="utf-8")


def judged(content, tmp_path, **settings):
    values = {**load(str(ROOT / "pelicanconf.py")), "CACHE_PATH": str(tmp_path / "cache")}
    values.update(settings)
    problems, _ = check_content(content, values)
    return [(p.path.split("content/")[-1], p.line, p.level, p.message) for p in problems]


def test_red_flags_buried_in_the_text_are_an_error_at_their_line(tmp_path):
    content = tmp_path / "content"
    write_condition(
        content,
        "neck-pain",
        "Neck pain",
        body="Most neck pain eases.\n\nNumbness in the arms needs a doctor straight away.",
        flags="",
    )
    found = judged(content, tmp_path)
    assert len(found) == 1
    path, line, level, message = found[0]
    assert (path, line, level) == ("conditions/neck-pain.md", 11, "error")
    assert message.startswith("'needs a doctor': the text says when to see a doctor")
    assert "`red_flags:`" in message


def test_a_condition_that_says_not_when_to_see_a_doctor_is_a_problem_at_its_path(tmp_path):
    content = tmp_path / "content"
    folder = content / "conditions"
    folder.mkdir(parents=True)
    (folder / "neck-pain.md").write_text(
        "---\nname: Neck pain\nreviewed: 2026-11-01\n---\n## What it is\n\nCommon.\n",
        encoding="utf-8",
    )
    found = judged(content, tmp_path)
    assert [(f[0], f[1], f[2]) for f in found] == [("conditions/neck-pain.md", None, "error")]
    assert found[0][3].startswith("no 'When to see a doctor' section: list under `red_flags:`")
    # One of the two lists is still a problem, at the empty key's line.
    (folder / "neck-pain.md").write_text(
        "---\nname: Neck pain\nreviewed: 2026-11-01\nred_flags: [weakness in an arm]\n"
        "see_a_doctor: []\n---\n## What it is\n\nCommon.\n",
        encoding="utf-8",
    )
    found = judged(content, tmp_path)
    assert [(f[0], f[1]) for f in found] == [("conditions/neck-pain.md", 5)]
    assert found[0][3].startswith("see_a_doctor: empty; list when to book an appointment")


def test_relief_that_comes_right_away_is_no_red_flag(tmp_path):
    content = tmp_path / "content"
    write_condition(
        content,
        "neck-pain",
        "Neck pain",
        body="Relief often comes right away, and immediately after a session it feels looser.",
    )
    assert judged(content, tmp_path) == []


def test_red_flags_in_their_list_are_no_problem(tmp_path):
    content = tmp_path / "content"
    write_condition(
        content,
        "neck-pain",
        "Neck pain",
        body="Numbness in the arms needs a doctor straight away.",
        extra="red_flags: [numbness in the arms]\n",
    )
    assert judged(content, tmp_path) == []


def test_an_overdue_review_is_a_warning_judged_against_a_set_day(tmp_path):
    content = tmp_path / "content"
    write_condition(content, "neck-pain", "Neck pain", reviewed="2025-11-01")
    assert judged(content, tmp_path, CASEBOOK_TODAY="2026-10-31") == []
    found = judged(content, tmp_path, CASEBOOK_TODAY="2026-11-02")
    assert found == [
        (
            "conditions/neck-pain.md",
            4,
            "warning",
            "reviewed: 2025-11-01; the next review was due 2026-11-01 (every 12 months, "
            "CONDITION_REVIEW_MONTHS): read the explanation again and set `reviewed:` to the "
            "day you did",
        )
    ]
    # A practice that reviews every six months is warned sooner.
    found = judged(content, tmp_path, CASEBOOK_TODAY="2026-05-02", CONDITION_REVIEW_MONTHS=6)
    assert [f[3].split(";")[1].split(":")[0] for f in found] == [
        " the next review was due 2026-05-01 (every 6 months, CONDITION_REVIEW_MONTHS)"
    ]


def test_a_today_that_is_no_date_is_a_warning_not_a_crash(tmp_path):
    content = tmp_path / "content"
    write_condition(content, "neck-pain", "Neck pain")
    found = judged(content, tmp_path, CASEBOOK_TODAY="$(id) next tuesday")
    assert [(f[0], f[2]) for f in found] == [("pelicanconf.py", "warning")]
    assert "CASEBOOK_TODAY: '$(id) next tuesday' is not a date" in found[0][3]


def test_a_lay_term_that_names_another_condition_is_a_warning(tmp_path):
    content = tmp_path / "content"
    write_condition(content, "leg-pain", "Leg pain")
    write_condition(content, "sciatica", "Sciatica", extra="lay_terms: [leg pain, sore leg]\n")
    found = judged(content, tmp_path)
    assert [(f[0], f[1], f[2]) for f in found] == [("conditions/sciatica.md", 5, "warning")]
    assert found[0][3].startswith("lay_terms: 'leg pain' is the name of ")


def test_a_lay_term_used_as_a_tag_says_which_condition_to_tag(tmp_path):
    content = tmp_path / "content"
    write_condition(content, "tmj-disorder", "TMJ disorder", extra="lay_terms: [jaw pain]\n")
    (content / "posts").mkdir()
    (content / "posts" / "jaw.md").write_text(
        "---\ntitle: Jaw\ndate: 2010-01-01\nslug: jaw\ntags: [jaw pain]\n---\nText.\n",
        encoding="utf-8",
    )
    found = judged(content, tmp_path)
    assert [(f[0], f[1]) for f in found] == [("posts/jaw.md", 5)]
    assert "'jaw pain' is a lay term" in found[0][3] and "TMJ disorder" in found[0][3]


def test_the_practice_identity_is_warned_about_when_missing(tmp_path):
    content = tmp_path / "content"
    write_condition(content, "neck-pain", "Neck pain")
    practice = dict(load(str(ROOT / "pelicanconf.py"))["PRACTICE"])
    del practice["phone"]
    practice["email"] = "not an address"
    practice["booking_url"] = "javascript:alert(1)"
    found = judged(content, tmp_path, PRACTICE=practice)
    assert [(f[0], f[2]) for f in found] == [("pelicanconf.py", "warning")] * 3
    messages = sorted(f[3] for f in found)
    assert messages[0].startswith("PRACTICE['booking_url']: 'javascript:alert(1)' cannot be")
    assert messages[1].startswith("PRACTICE['email']: 'not an address' cannot be linked")
    assert messages[2].startswith("PRACTICE['phone']: missing")
    found = judged(content, tmp_path, PRACTICE=None)
    assert len(found) == 1 and found[0][3].startswith("PRACTICE: missing")


def test_the_practices_own_address_is_no_privacy_finding(tmp_path):
    content = tmp_path / "content"
    write_condition(content, "neck-pain", "Neck pain")
    (content / "pages").mkdir()
    page = "---\ntitle: Where\nslug: where\npage_order: 1\n---\n{}\n"
    (content / "pages" / "where.md").write_text(
        page.format("Jordan Avery sees clients at 100 Example Street, Suite 2, Framingham, MA."),
        encoding="utf-8",
    )
    assert judged(content, tmp_path) == []
    # Another town, or another person, is still a finding.
    (content / "pages" / "where.md").write_text(
        page.format("Our client Maria Lopez drives in from Worcester."), encoding="utf-8"
    )
    assert len(judged(content, tmp_path)) >= 2


def test_a_hostile_practice_setting_is_shown_as_text(tmp_path, caplog):
    content = tmp_path / "content"
    shutil.copytree(FRONT / "conditions", content / "conditions")
    shutil.copytree(FRONT / "pages", content / "pages")
    shutil.copy(FRONT / "cases" / f"{KRYSTAL}.md", content / "case.md")
    (content / "cases").mkdir()
    shutil.move(content / "case.md", content / "cases" / "case.md")
    hostile = '"><img src=x onerror=alert(1)>'
    practice = {
        "name": hostile,
        "practitioner": "</script><script>alert(1)</script>",
        "credentials": "{{ 7*7 }}",
        "phone": "$(id)",
        "email": "a@b.example?subject=<x>",
        "booking_url": "javascript:alert(1)",
        "street": "A" * 100_000,
        "town": "`id`",
        "hours": ["<b>bold</b>"],
        "first_visit": {"length": hostile, "steps": [hostile]},
        "about_nmt": hostile,
    }
    site = build(content, tmp_path, caplog, PRACTICE=practice)
    for path in (f"{KRYSTAL}/", "contact/", f"{KRYSTAL}/referral/", ""):
        html = site.page(path)
        assert html.select("img, b") == [], path
        assert [s for s in html.select("script") if "alert" in (s.string or "")] == [], path
        assert not [a for a in html.select("a[href]") if a["href"].startswith("javascript")]
        text = html.get_text()
        assert "{{ 7*7 }}" in text and "49" not in html.select_one("footer").get_text()
    assert "$(id)" in site.page("contact/").get_text()
    assert site.page("contact/").select_one("a[href^='tel:']") is None
    assert site.page("contact/").select_one("a[href^='mailto:']") is None
    assert logging.ERROR not in [r.levelno for r in site.records]


def test_no_referral_summary_for_a_case_without_consent(tmp_path, caplog):
    content = tmp_path / "content"
    shutil.copytree(FRONT / "conditions", content / "conditions")
    (content / "cases").mkdir()
    text = (FRONT / "cases" / f"{KRYSTAL}.md").read_text(encoding="utf-8")
    (content / "cases" / "draft.md").write_text(
        text.replace("consent: true", "consent: false").replace(
            "followup_announced:", "status: draft\nfollowup_announced:"
        ),
        encoding="utf-8",
    )
    site = build(content, tmp_path, caplog)
    assert not list(Path(site.output).rglob("referral"))


def test_hostile_lay_terms_and_red_flags_are_shown_as_text(tmp_path, caplog):
    content = tmp_path / "content"
    hostile = [
        '"><img src=x onerror=alert(1)>',
        "</script><script>alert(1)</script>",
        "A" * 100_000,
    ]
    write_condition(
        content,
        "neck-pain",
        "Neck pain",
        extra=f"lay_terms: {json.dumps(hostile)}\nred_flags: {json.dumps(hostile)}\n",
    )
    site = build(content, tmp_path, caplog)
    page = site.page("conditions/neck-pain/")
    assert page.select("main img") == []
    assert [li.get_text() for li in page.select(".red-flags .urgent-signs li")] == hostile
    assert page.select_one(".lay-terms").get_text() == "You may know it as: " + ", ".join(hostile)
    index = site.page("conditions/")
    assert {li.get_text().split(", see ")[0] for li in index.select("li.lay")} == set(hostile)
    search = site.page("search/").select_one("#search-terms").string
    assert [term for term, _, _ in json.loads(search)] == ["Neck pain", *hostile]
