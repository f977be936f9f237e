"""Site search with Pagefind, in Chromium: aliases find their condition, titles are page titles."""

import json

from bs4 import BeautifulSoup

from .conftest import PAGE_KINDS

BANNER = "Metro-West Neuromuscular Therapy"
LABEL = "Search cases, posts and conditions"
# Pages that only list other pages: indexing them would show every case twice.
LIST_PAGES = ("/", "/archives/", "/conditions/", "/search/", "/404.html")


def search(page, base_url, query):
    """Type a query into the search page; the result titles and links, once shown."""
    page.goto(base_url + PAGE_KINDS["search"])
    page.get_by_label(LABEL).press_sequentially(query)
    page.locator(".search-results li a").first.wait_for(timeout=10_000)
    page.wait_for_function(
        "q => document.getElementById('search-status').textContent.includes(q)", arg=query
    )
    links = page.locator(".search-results li a")
    return [(a.inner_text(), a.get_attribute("href")) for a in links.all()]


def whole_index(page, base_url):
    """(url, title) of every page in the Pagefind index, through Pagefind's own API."""
    page.goto(base_url + PAGE_KINDS["search"])
    return page.evaluate("""async () => {
        const pagefind = await import("/pagefind/pagefind.js");
        const everything = await pagefind.search(null);
        const pages = await Promise.all(everything.results.map((r) => r.data()));
        return pages.map((p) => [p.url, p.meta.title]);
    }""")


def test_an_alias_finds_the_condition_and_its_cases(new_page, base_url):
    results = search(new_page(), base_url, "RLS")
    hrefs = [href for _, href in results]
    assert "/conditions/restless-legs-syndrome/" in hrefs
    assert "/restless-leg-syndrome-pain-treatment-of-krystal-s/" in hrefs
    titles = {href: title for title, href in results}
    assert titles["/conditions/restless-legs-syndrome/"] == "Restless legs syndrome"
    assert titles["/restless-leg-syndrome-pain-treatment-of-krystal-s/"] == (
        "Restless leg syndrome pain: Treatment of Krystal S."
    )
    assert all(title and title != BANNER for title, _ in results)


def test_a_condition_name_finds_the_model_case(new_page, base_url):
    results = search(new_page(), base_url, "piriformis")
    titles = [title for title, _ in results]
    assert "Restless leg syndrome pain: Treatment of Krystal S." in titles


def test_every_result_is_titled_with_its_page_heading(new_page, base_url, site_output):
    indexed = whole_index(new_page(), base_url)
    assert len(indexed) > 30
    for url, title in indexed:
        html = (site_output / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
        heading = BeautifulSoup(html, "lxml").select_one("main h1").get_text(" ", strip=True)
        assert (url, title) == (url, heading)
        assert title != BANNER


def test_list_pages_are_not_indexed(new_page, base_url, site_output):
    urls = [url for url, _ in whole_index(new_page(), base_url)]
    assert len(urls) == len(set(urls)), "a page is indexed twice"
    assert [u for u in urls if u in LIST_PAGES or "/page/" in u or u.startswith("/drafts/")] == []
    # The count Pagefind records is the count of pages that mark their text.
    entry = json.loads((site_output / "pagefind" / "pagefind-entry.json").read_text())
    marked = [
        p
        for p in site_output.rglob("*.html")
        if BeautifulSoup(p.read_text(encoding="utf-8"), "lxml").find(
            attrs={"data-pagefind-body": True}
        )
    ]
    assert entry["languages"]["en"]["page_count"] == len(marked) == len(urls)


def test_a_query_in_the_address_is_searched(new_page, base_url):
    page = new_page()
    page.goto(base_url + "/search/?q=scoliosis")
    page.locator(".search-results li a").first.wait_for(timeout=10_000)
    assert page.get_by_label(LABEL).input_value() == "scoliosis"


def test_without_javascript_the_page_says_so_and_links_conditions(new_page, base_url):
    page = new_page(java_script_enabled=False)
    page.goto(base_url + PAGE_KINDS["search"])
    note = page.locator("main .note")
    assert note.is_visible()
    assert "needs JavaScript" in note.inner_text()
    assert note.locator("a").get_attribute("href") == base_url + "/conditions/"
    assert not page.locator(".search-form").is_visible()
