"""The practice's own content (content/): what its pages must be, built as `make publish` does.

Only what is about the real content lives here: every case page within its weight budget,
every condition page as complete as a health service's. Behaviour is tested on fixtures.
"""

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build, front_matter

SITEURL = "https://www.metrowest-nmt.example"
CASE_SLUGS = sorted(front_matter(p)["slug"] for p in (ROOT / "content" / "cases").glob("*.md"))
CONDITION_SLUGS = sorted(p.stem for p in (ROOT / "content" / "conditions").glob("*.md"))
# The heaviest a case page may be: its HTML and the stylesheet, as published.
PAGE_BUDGET = 30_000


# As `make publish` builds, with the address the pages are checked against.
PUBLISHED = {"config": "publishconf.py", "SITEURL": SITEURL, "FEED_DOMAIN": SITEURL}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The practice's content as `make publish` builds it (strict: any problem stops it)."""
    folder = tmp_path_factory.mktemp("real")
    output = build(
        ROOT / "content", folder, config="publishconf.py", SITEURL=SITEURL, FEED_DOMAIN=SITEURL
    ).output

    def page(path):
        return BeautifulSoup((output / path / "index.html").read_text(encoding="utf-8"), "lxml")

    return output, page


def test_every_case_page_with_its_stylesheet_stays_under_30_kb(site, record_property):
    output, _ = site
    css = (output / "theme" / "css" / "style.css").stat().st_size
    weights = {slug: (output / slug / "index.html").stat().st_size + css for slug in CASE_SLUGS}
    heaviest = max(weights, key=weights.get)
    record_property("heaviest_case_page", f"{heaviest}: {weights[heaviest]} bytes of HTML+CSS")
    assert weights[heaviest] <= PAGE_BUDGET, weights


@pytest.mark.parametrize("slug", CONDITION_SLUGS)
def test_every_condition_page_is_as_complete_as_a_health_services(site, slug):
    _, page = site
    main = page(f"conditions/{slug}/").select_one("main")
    assert [h.get_text(strip=True) for h in main.select(".condition-description h2")] == [
        "What it is"
    ]
    assert len(main.select(".symptoms li")) >= 3, "symptoms, as a list"
    assert main.select(".red-flags .urgent-signs li"), "when to see a doctor straight away"
    assert main.select(".red-flags .routine-signs li"), "when to book an appointment"
    sections = [h.get_text(strip=True) for h in main.select(".condition-more h2")]
    assert "Causes" in sections and "What you can do yourself" in sections, sections
    assert any("neuromuscular therapy" in s.lower() for s in sections), sections
    assert main.select_one(".reviewed").get_text(" ", strip=True).startswith("Reviewed by ")
    sources = [a["href"] for a in main.select(".sources a")]
    assert len(sources) >= 2 and all(s.startswith("https://") for s in sources), sources
