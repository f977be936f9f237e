"""Front of house in Chromium: search that finds and suggests, one-page referral summaries,
printouts that end with the contact details, and the new pages held to the site's gates."""

import io
import unicodedata

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from .conftest import PAGE_KINDS, ROOT

LABEL = "Search cases, posts and conditions"
CASE_SLUGS = sorted(
    yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1])["slug"]
    for p in (ROOT / "content" / "cases").glob("*.md")
)
KRYSTAL = PAGE_KINDS["case"].strip("/")
NEW_PAGES = {
    "referral": f"/{KRYSTAL}/referral/",
    "contact": "/contact/",
    "condition-sciatica": "/conditions/sciatica/",
}
# Pages whose own text mentions sciatica or the sciatic nerve (grep -il sciatic content/).
ABOUT_SCIATICA = {
    "/conditions/sciatica/",
    "/conditions/piriformis-syndrome/",
    "/conditions/buttock-pain/",
    "/conditions/leg-pain/",  # causes: "as in sciatica"
    "/conditions/low-back-pain/",  # causes: "a trapped nerve (sciatica)"
    "/sciatica-and-low-back-pain-dana-m/",
    "/buttock-pain-behind-the-wheel-ray-p/",
    f"/{KRYSTAL}/",
}


def search(page, base_url, query):
    """Type a query; (result paths, suggestion links as (text, path)) once the status is shown."""
    page.goto(base_url + PAGE_KINDS["search"])
    page.get_by_label(LABEL).press_sequentially(query)
    page.wait_for_function(
        "q => document.getElementById('search-status').textContent.includes(q)", arg=query
    )
    results = [a.get_attribute("href") for a in page.locator(".search-results li a").all()]
    hints = [
        (a.inner_text(), a.get_attribute("href").removeprefix(base_url))
        for a in page.locator("#search-suggestions a").all()
    ]
    return results, hints


@pytest.mark.parametrize(
    ("query", "condition"),
    [
        ("restlesslegs", ("Restless legs syndrome", "/conditions/restless-legs-syndrome/")),
        ("siatica", ("Sciatica", "/conditions/sciatica/")),
        ("pirformis", ("Piriformis syndrome", "/conditions/piriformis-syndrome/")),
        ("fascitis", ("Plantar fasciitis", "/conditions/plantar-fasciitis/")),
    ],
)
def test_a_misspelt_query_is_led_to_its_condition(new_page, base_url, query, condition):
    page = new_page()
    results, hints = search(page, base_url, query)
    assert hints[0] == condition, (results, hints)
    page.locator("#search-suggestions a").first.click()
    page.wait_for_url(base_url + condition[1])
    assert page.locator("main h1").inner_text() == condition[0]


@pytest.mark.parametrize("query", ["sciatica", "RLS", "jaw pain", "hip pain"])
def test_a_query_that_finds_its_condition_suggests_nothing(new_page, base_url, query):
    _, hints = search(new_page(), base_url, query)
    assert hints == []


def test_sciatica_finds_only_pages_about_sciatica(new_page, base_url, record_property):
    results, _ = search(new_page(), base_url, "sciatica")
    record_property("search_sciatica", " ".join(results))
    assert results[0] == "/conditions/sciatica/"
    assert "/sciatica-and-low-back-pain-dana-m/" in results
    assert set(results) <= ABOUT_SCIATICA, set(results) - ABOUT_SCIATICA


# Words the clinicians page's own text never uses (it does name scoliosis: that may find it).
@pytest.mark.parametrize("query", ["sciatica", "piriformis", "jaw", "heel", "neck", "RLS"])
def test_the_clinicians_page_is_no_result_for_a_condition(new_page, base_url, query):
    results, _ = search(new_page(), base_url, query)
    assert results, query
    assert "/for-clinicians/" not in results


def test_a_lay_term_finds_its_condition(new_page, base_url):
    results, _ = search(new_page(), base_url, "jaw pain")
    assert "/conditions/tmj-disorder/" in results


def printed(new_page, base_url, path, paper, artifacts=None, name=None):
    page = new_page()
    page.goto(base_url + path)
    page.emulate_media(media="print")
    pdf = page.pdf(format=paper, print_background=False)
    if artifacts is not None:
        (artifacts / f"{name}-{paper}.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    return [unicodedata.normalize("NFKC", t) for t in texts]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("slug", CASE_SLUGS)
def test_every_referral_summary_prints_on_one_page(
    new_page, base_url, artifacts, record_property, slug, paper
):
    pages = printed(new_page, base_url, f"/{slug}/referral/", paper, artifacts, f"referral-{slug}")
    full = printed(new_page, base_url, f"/{slug}/", paper)
    record_property(f"pages_{paper}", f"{slug}: referral {len(pages)}, full case {len(full)}")
    assert len(pages) == 1
    text = pages[0]
    for words in ("Referral summary", "Case summary", "ICD-10-CM", "Jordan Avery, LMT, CNMT"):
        assert words in text, words
    assert "(508) 555-0100" in text and "office@metrowest-nmt.example" in text
    assert f"{base_url}/{slug}/" in text.replace(" ", "")
    for screen_only in ("Skip to content", "Archives", "Search"):
        assert screen_only not in text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_full_case_printout_ends_with_the_contact_details(new_page, base_url, paper):
    pages = printed(new_page, base_url, PAGE_KINDS["case"], paper)
    last = pages[-1]
    # The footer's contact block closes the last page; the case's own address is on page 1.
    for detail in ("Jordan Avery, LMT, CNMT", "Framingham, MA 01702", "(508) 555-0100"):
        assert detail in last, detail
    assert "This case online" in pages[0]
    assert "No tracking" not in last and "Book a visit" not in last
    # The codes and conditions are in the printout too, in the summary box.
    assert "G25.81" in " ".join(pages)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", NEW_PAGES)
def test_axe_finds_no_violations_on_the_new_pages(new_page, base_url, kind, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(base_url + NEW_PAGES[kind])
    violations = Axe().run(page).response["violations"]
    report = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}" for v in violations]
    assert violations == [], "\n".join(report)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_a_suggestion_shown(new_page, base_url, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(base_url + PAGE_KINDS["search"] + "?q=siatica")
    page.locator("#search-suggestions a").first.wait_for(timeout=10_000)
    violations = Axe().run(page).response["violations"]
    assert violations == [], [v["id"] for v in violations]


@pytest.mark.parametrize("kind", NEW_PAGES)
def test_the_new_pages_fit_a_phone(new_page, base_url, kind, artifacts):
    page = new_page(width=375, height=800)
    page.goto(base_url + NEW_PAGES[kind])
    page.screenshot(path=artifacts / "screenshots" / f"{kind}-375.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


@pytest.mark.parametrize("kind", NEW_PAGES)
def test_the_new_pages_stay_on_the_site(new_page, base_url, kind):
    page = new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + NEW_PAGES[kind])
    page.wait_for_load_state("networkidle")
    assert requests
    assert [url for url in requests if not url.startswith(base_url + "/")] == []


def test_tap_to_call_is_big_enough_to_tap(new_page, base_url):
    page = new_page(width=375, height=800)
    page.goto(base_url + PAGE_KINDS["case"])
    call = page.locator("main .book a[href^='tel:']")
    assert call.get_attribute("href") == "tel:+15085550100"
    box = call.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24
