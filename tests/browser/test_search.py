"""Site search with Pagefind, in Chromium: aliases find their condition, titles are page titles."""

import json

import pytest
import yaml
from bs4 import BeautifulSoup

from .conftest import PAGE_KINDS, ROOT

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


# --- search that answers a worried reader (issue 23) ----------------------------------------

DANA = "/sciatica-and-low-back-pain-dana-m/"
LAY_TERMS = {
    " ".join(term.split()).casefold()
    for path in (ROOT / "content" / "conditions").glob("*.md")
    for term in yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1]).get(
        "lay_terms", []
    )
}


def answered(page, base_url, query):
    """The results as a reader sees them: [(href, facts, summary, excerpt)], and the hints."""
    page.goto(base_url + PAGE_KINDS["search"])
    page.get_by_label(LABEL).press_sequentially(query)
    page.wait_for_function(
        "q => document.getElementById('search-status').textContent.includes(q)", arg=query
    )
    found = []
    for li in page.locator(".search-results li").all():
        parts = {
            name: li.locator(f".result-{name}").all_inner_texts()
            for name in ("facts", "summary", "excerpt")
        }
        found.append(
            (
                li.locator("a").first.get_attribute("href"),
                " ".join(parts["facts"]),
                " ".join(parts["summary"]),
                " ".join(parts["excerpt"]),
            )
        )
    sounds = [a.get_attribute("href") for a in page.locator("#search-sounds-like a").all()]
    return found, sounds


def test_a_result_shows_its_summary_and_outcome_and_never_the_byline(new_page, base_url):
    found, _ = answered(new_page(), base_url, "sciatica")
    by_url = {href: rest for href, *rest in found}
    facts, summary, _excerpt = by_url[DANA]
    meta = yaml.safe_load((ROOT / "content" / "cases" / f"{DANA.strip('/')}.md").read_text(
        encoding="utf-8").split("---\n")[1])  # fmt: skip
    assert summary == " ".join(meta["summary"].split())
    assert facts == f"{meta['case']['sessions']} sessions · Much improved"
    for href, _facts, _summary, excerpt in found:
        for byline in ("Published ", "min read", "By Jordan Avery"):
            assert byline not in excerpt, (href, excerpt)


@pytest.mark.parametrize(
    ("query", "condition"),
    [
        ("restless legs", "/conditions/restless-legs-syndrome/"),
        ("heel pain", "/conditions/plantar-fasciitis/"),
        ("jaw pain", "/conditions/tmj-disorder/"),
        ("sciatica", "/conditions/sciatica/"),
        ("piriformis", "/conditions/piriformis-syndrome/"),
        ("RLS", "/conditions/restless-legs-syndrome/"),
    ],
)
def test_a_conditions_own_words_find_its_page_first(new_page, base_url, query, condition):
    found, _ = answered(new_page(), base_url, query)
    assert found[0][0] == condition, [f[0] for f in found]


# Everyday sentences a worried reader types; none of them is a lay term of the site.
SENTENCES = [
    ("my legs feel restless and twitchy at night", "/conditions/restless-legs-syndrome/"),
    ("crawling feeling in my legs", "/conditions/restless-legs-syndrome/"),
    ("my jaw clicks when I chew", "/conditions/tmj-disorder/"),
    ("I grind my teeth at night", "/conditions/tmj-disorder/"),
    ("a tight band around my head", "/conditions/tension-headache/"),
    ("shooting pain down my leg when I cough", "/conditions/sciatica/"),
    ("my shoulder aches when I lift my arm", "/conditions/shoulder-pain/"),
    ("my heel hurts first thing in the morning", "/conditions/plantar-fasciitis/"),
]


@pytest.mark.parametrize(("query", "condition"), SENTENCES)
def test_a_sentence_finds_the_condition_it_describes(
    new_page, base_url, query, condition, record_property
):
    assert " ".join(query.split()).casefold() not in LAY_TERMS
    found, sounds = answered(new_page(), base_url, query)
    record_property("search", f"{query!r}: {[f[0] for f in found[:4]]} sounds like {sounds}")
    assert found, query
    assert found[0][0] == condition, [f[0] for f in found]


def test_a_sentence_whose_condition_search_cannot_place_first_is_offered_it(new_page, base_url):
    # The whole sentence is on no page; its words are on Buttock pain's and Piriformis's.
    found, sounds = answered(new_page(), base_url, "aching in the buttock after driving")
    offered = set(sounds) | {f[0] for f in found[:3]}
    assert "/conditions/buttock-pain/" in offered or "/conditions/piriformis-syndrome/" in offered


def test_sounds_like_works_offline_from_the_page_itself(new_page, base_url):
    page = new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    answered(page, base_url, "my legs feel restless and twitchy at night")
    assert requests and [u for u in requests if not u.startswith(base_url + "/")] == []
