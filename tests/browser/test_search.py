"""Site search with Pagefind, in Chromium: aliases find their condition, titles are page titles."""

import pytest

from .conftest import PAGE_KINDS

pytestmark = pytest.mark.browser

BANNER = "Metro-West Neuromuscular Therapy"


def search(page, base_url, query):
    """Type a query into the search page; the result titles and links, once shown."""
    page.goto(base_url + PAGE_KINDS["search"])
    page.get_by_label("Search cases, posts and conditions").fill(query)
    page.locator(".search-results li a").first.wait_for(timeout=10_000)
    links = page.locator(".search-results li a")
    return [(a.inner_text(), a.get_attribute("href")) for a in links.all()]


def test_an_alias_finds_the_condition_and_its_cases(new_page, base_url):
    results = search(new_page(), base_url, "RLS")
    hrefs = [href for _, href in results]
    assert "/conditions/restless-legs-syndrome/" in hrefs
    assert "/restless-leg-syndrome-pain-treatment-of-krystal-s/" in hrefs
    assert all(title and title != BANNER for title, _ in results)


def test_a_condition_name_finds_the_model_case(new_page, base_url):
    results = search(new_page(), base_url, "piriformis")
    titles = [title for title, _ in results]
    assert "Restless leg syndrome pain: Treatment of Krystal S." in titles


def test_list_pages_are_not_indexed(new_page, base_url):
    results = search(new_page(), base_url, "sessions")
    hrefs = [href for _, href in results]
    assert hrefs
    assert not any(h in ("/", "/archives/", "/conditions/") or "/page/" in h for h in hrefs)


def test_a_query_in_the_address_is_searched(new_page, base_url):
    page = new_page()
    page.goto(base_url + "/search/?q=scoliosis")
    page.locator(".search-results li a").first.wait_for(timeout=10_000)
    assert page.get_by_label("Search cases, posts and conditions").input_value() == "scoliosis"


def test_without_javascript_the_page_says_so_and_links_conditions(new_page, base_url):
    page = new_page(java_script_enabled=False)
    page.goto(base_url + PAGE_KINDS["search"])
    note = page.locator("main .note")
    assert "needs JavaScript" in note.inner_text()
    assert note.locator("a").get_attribute("href") == base_url + "/conditions/"
    assert not page.locator(".search-form").is_visible()
