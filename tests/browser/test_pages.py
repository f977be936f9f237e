"""Every page kind in Chromium: accessible in both schemes, fits a phone, readable without JS."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PAGE_KINDS


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_violations(new_page, base_url, kind, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(base_url + PAGE_KINDS[kind])
    results = Axe().run(page)
    violations = results.response["violations"]
    report = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}" for v in violations]
    assert violations == [], "\n".join(report)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_search_results(new_page, base_url, scheme):
    # Results are drawn by script after load: check them once they are on the page.
    page = new_page(color_scheme=scheme)
    page.goto(base_url + PAGE_KINDS["search"] + "?q=RLS")
    page.locator(".search-results li mark").first.wait_for(timeout=10_000)
    violations = Axe().run(page).response["violations"]
    report = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}" for v in violations]
    assert violations == [], "\n".join(report)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_phone_width_does_not_scroll_sideways(new_page, base_url, kind, artifacts):
    page = new_page(width=375, height=800)
    page.goto(base_url + PAGE_KINDS[kind])
    page.screenshot(path=artifacts / "screenshots" / f"{kind}-375.png", full_page=True)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_navigation_links_are_big_enough_to_tap(new_page, base_url, kind):
    page = new_page(width=375, height=800)
    page.goto(base_url + PAGE_KINDS[kind])
    page.locator("a.menu-open").click()  # on a phone the menu opens first
    links = page.locator("nav[aria-label='Main'] a")
    assert links.count() >= 5
    small = [
        (link.inner_text(), box)
        for link in links.all()
        if (box := link.bounding_box())["height"] < 24 or box["width"] < 24
    ]
    assert small == []


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_desktop_screenshot(new_page, base_url, kind, artifacts):
    page = new_page(width=1280, height=900)
    response = page.goto(base_url + PAGE_KINDS[kind])
    page.screenshot(path=artifacts / "screenshots" / f"{kind}-1280.png", full_page=True)
    assert response.status == (404 if kind == "404" else 200)
    assert page.locator("main h1").count() == 1
    # Header, main column and footer share one left and right edge.
    edges = {
        (round(box["x"]), round(box["x"] + box["width"]))
        for box in (
            page.locator(s).bounding_box() for s in (".site-header", "main", ".site-footer")
        )
    }
    assert len(edges) == 1, edges


def test_a_case_reads_fully_without_javascript(new_page, base_url):
    page = new_page(java_script_enabled=False)
    page.goto(base_url + PAGE_KINDS["case"])
    assert page.locator(".case-summary dt").count() >= 6
    assert page.locator("main a[href*='/conditions/']").count() >= 7
    assert page.locator("nav.series").count() == 1
    assert page.locator(".share input[readonly]").input_value().endswith(PAGE_KINDS["case"])


@pytest.mark.parametrize(
    "path",
    [
        PAGE_KINDS["case"],
        PAGE_KINDS["condition"],
        PAGE_KINDS["home"],
        PAGE_KINDS["search"] + "?q=RLS",
    ],
)
def test_every_request_stays_on_the_site(new_page, base_url, path):
    page = new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    if "?q=" in path:  # the index and the result fragments have been fetched too
        page.locator(".search-results li a").first.wait_for(timeout=10_000)
        assert any("/pagefind/fragment/" in url for url in requests)
    assert requests, "the page made no request at all"
    assert [url for url in requests if not url.startswith(base_url + "/")] == []


def test_404_page_offers_a_way_on(site_output, new_page, base_url):
    assert (site_output / "404.html").is_file()
    page = new_page()
    response = page.goto(base_url + "/an/old/address/")
    assert response.status == 404
    hrefs = {a.get_attribute("href") for a in page.locator("main a").all()}
    assert {base_url + "/conditions/", base_url + "/search/", base_url + "/"} <= hrefs
