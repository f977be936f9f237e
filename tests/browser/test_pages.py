"""Every page kind in Chromium: accessible in both schemes, fits a phone, works without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PAGE_KINDS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_violations(new_page, base_url, kind, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(base_url + PAGE_KINDS[kind])
    results = Axe().run(page)
    violations = results.response["violations"]
    report = [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}" for v in violations
    ]
    assert violations == [], "\n".join(report)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_phone_width_does_not_scroll_sideways(new_page, base_url, kind, artifacts):
    page = new_page(width=375, height=800)
    page.goto(base_url + PAGE_KINDS[kind])
    page.screenshot(path=artifacts / "screenshots" / f"{kind}-375.png", full_page=True)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_desktop_screenshot(new_page, base_url, kind, artifacts):
    page = new_page(width=1280, height=900)
    response = page.goto(base_url + PAGE_KINDS[kind])
    page.screenshot(path=artifacts / "screenshots" / f"{kind}-1280.png", full_page=True)
    assert response.status == (404 if kind == "404" else 200)
    assert page.locator("main h1").count() == 1


def test_navigation_tap_targets_are_big_enough(new_page, base_url):
    page = new_page(width=375, height=800)
    page.goto(base_url + "/")
    links = page.locator("header nav a")
    assert links.count() >= 5
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, (links.nth(i).inner_text(), box)


def test_a_case_reads_fully_without_javascript(new_page, base_url):
    page = new_page(java_script_enabled=False)
    page.goto(base_url + PAGE_KINDS["case"])
    assert page.locator(".case-summary dt").count() >= 6
    assert page.locator("main a[href*='/conditions/']").count() >= 7
    assert page.locator("nav.series").count() == 1
    assert page.locator(".share input[readonly]").input_value().endswith(PAGE_KINDS["case"])


@pytest.mark.parametrize("kind", ["case", "condition", "home", "search"])
def test_every_request_stays_on_the_site(new_page, base_url, kind):
    page = new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + PAGE_KINDS[kind])
    page.wait_for_load_state("networkidle")
    assert requests, "the page made no request at all"
    assert [url for url in requests if not url.startswith(base_url + "/")] == []


def test_404_page_offers_a_way_on(site_output, new_page, base_url):
    assert (site_output / "404.html").is_file()
    page = new_page()
    response = page.goto(base_url + "/an/old/address/")
    assert response.status == 404
    hrefs = {a.get_attribute("href") for a in page.locator("main a").all()}
    assert {base_url + "/conditions/", base_url + "/search/", base_url + "/"} <= hrefs
