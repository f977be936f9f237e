"""Outcomes at a glance: condition figures and the case table, built by Pelican from fixtures.

tests/fixtures/outcomes holds, with the shared vocabulary:
    case    date        conditions            sessions  status
    ana-p   2010-01-10  Piriformis, RLS       5         much improved
    bo-c    2010-02-10  Piriformis            5         resolved
    cy-d    2010-03-10  Piriformis, Scoliosis 8         managed with maintenance visits
    di-e    2010-04-10  Piriformis            "a few"   Much Improved (any case is read)
    ed-f    2010-05-10  RLS                   3         improved
    fay-g   a draft; gus-h hidden; hal-i without consent: never counted (all Piriformis)
    ana-p-later: a post (no case) about Piriformis.
By hand: Piriformis has 4 counted cases, newest first di-e, cy-d, bo-c, ana-p; sessions known
for 3 of them (5, 5, 8): median 5 (bo-c, ana-p), fewest 5 (bo-c, ana-p), most 8 (cy-d);
di-e gives no number. Statuses: resolved 1 (bo-c), much improved 2 (di-e, ana-p),
managed with maintenance visits 1 (cy-d). RLS has 2 cases and Scoliosis 1: no figures.
"""

import json
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, ROOT, build, copy_fixture, run_casebook, summary_field

PIRIFORMIS = "conditions/piriformis-syndrome/"
NEVER_COUNTED = ("/fay-g/", "/gus-h/", "/hal-i/", "/drafts/fay-g/", "/ana-p-later/")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The outcomes fixture, built once for this module as `make html` builds it."""
    tmp_path = tmp_path_factory.mktemp("outcomes")
    content = tmp_path / "content"
    copy_fixture("outcomes", content)
    return build(content, tmp_path)


def hrefs(element):
    return [a["href"] for a in element.select("a")]


def text(element):
    return " ".join(element.get_text(" ", strip=True).split())


def json_ld(page):
    """Every JSON-LD node on the page, by type."""
    nodes = []
    for script in page.select('script[type="application/ld+json"]'):
        nodes.extend(json.loads(script.string)["@graph"])
    return {node["@type"]: node for node in nodes}


# --- a condition with enough cases -------------------------------------------------------


def test_the_summary_sits_above_the_list_of_cases(site):
    page = site.page(PIRIFORMIS)
    summary = page.select_one("section.outcomes")
    assert summary.find("h2").get_text(strip=True) == "What the cases show"
    assert summary.find_next("h2", class_="list-title") is not None  # the list comes after


def stylesheets(page):
    return [link["href"] for link in page.select('link[rel="stylesheet"]')]


def test_only_the_pages_with_figures_or_the_table_load_their_stylesheet(site):
    outcomes = "/theme/css/outcomes.css"
    assert outcomes in stylesheets(site.page(PIRIFORMIS))
    assert outcomes in stylesheets(site.page("case-table/by-date/"))
    # A case page, the heaviest page of the site, never carries the figures' rules, nor the
    # condition pages' own (pages.css).
    assert stylesheets(site.page("bo-c/")) == ["/theme/css/style.css", "/theme/css/preview.css"]
    assert "/theme/css/pages.css" in stylesheets(site.page(PIRIFORMIS))
    assert ".outcome-bar" in (site.output / "theme" / "css" / "outcomes.css").read_text()


def test_count_and_sessions_in_words_each_linked_to_its_cases(site):
    words = site.page(PIRIFORMIS).select_one(".outcomes-words")
    assert text(words) == (
        "4 published cases of Piriformis syndrome. "
        "Sessions per case: median 5 ( Bo C. , Ana P. ), fewest 5 ( Bo C. , Ana P. ), "
        "most 8 ( Cy D. ). Number of sessions not given: Di E. ."
    )
    assert hrefs(words) == [
        "/case-table/#condition-piriformis-syndrome",  # the count: the same cases in the table
        "/bo-c/",
        "/ana-p/",  # the median
        "/bo-c/",
        "/ana-p/",  # the fewest
        "/cy-d/",  # the most
        "/di-e/",  # no number
    ]


def test_the_chart_counts_each_status_with_its_cases_and_a_bar(site):
    chart = site.page(PIRIFORMIS).select_one("figure.outcome-chart")
    assert text(chart.figcaption) == "How the 4 cases turned out"
    rows = chart.select("li")
    assert [text(r.select_one(".outcome-label")) for r in rows] == [
        "Resolved: 1 of 4",
        "Much improved: 2 of 4",
        "Managed with maintenance visits: 1 of 4",
    ]
    assert [hrefs(r.select_one(".outcome-cases")) for r in rows] == [
        ["/bo-c/"],
        ["/di-e/", "/ana-p/"],
        ["/cy-d/"],
    ]
    # Bars: the share filled (1, 2 and 1 of 4) of a drawing 100 wide.
    assert [r.select_one("rect.outcome-fill")["width"] for r in rows] == ["25.0", "50.0", "25.0"]
    assert {r.select_one("svg")["viewbox"] for r in rows} == {"0 0 100 4"}
    # Decoration only: the numbers are written beside them.
    assert {r.select_one("svg")["aria-hidden"] for r in rows} == {"true"}


def test_under_the_summary_it_says_these_are_not_a_trial(site):
    note = site.page(PIRIFORMIS).select_one(".outcomes-note")
    assert "the practice's own cases" in text(note) and "not a clinical trial" in text(note)


def test_drafts_hidden_posts_posts_without_a_case_and_cases_without_consent_never_count(site):
    page = site.page(PIRIFORMIS)
    summary_links = hrefs(page.select_one("section.outcomes"))
    assert not set(summary_links) & set(NEVER_COUNTED)
    # They exist all the same: the post and the case without consent are listed below.
    listed = hrefs(page.select_one("ol.post-list"))
    assert "/ana-p-later/" in listed and "/hal-i/" in listed


# --- too few cases -----------------------------------------------------------------------


def test_two_cases_say_plainly_how_few_and_how_each_went(site):
    summary = site.page("conditions/restless-legs-syndrome/").select_one("section.outcomes")
    assert text(summary.p) == (
        "Only 2 published cases of Restless legs syndrome so far: too few to say what usually "
        "happens, so here is how each went."
    )
    assert [text(li) for li in summary.select(".outcome-few li")] == [
        "Ed F. : 3 sessions, improved",
        "Ana P. : 5 sessions, much improved",
    ]
    assert hrefs(summary.select_one(".outcome-few")) == ["/ed-f/", "/ana-p/"]
    assert summary.select("figure, .outcomes-words, svg") == []
    assert "not a clinical trial" in text(summary.select_one(".outcomes-note"))


def test_one_case_says_how_it_went(site):
    summary = site.page("conditions/scoliosis/").select_one("section.outcomes")
    assert text(summary.p).startswith("Only one published case of Scoliosis so far")
    assert [text(li) for li in summary.select(".outcome-few li")] == [
        "Cy D. : 8 sessions, managed with maintenance visits"
    ]
    assert summary.select("figure") == []


def test_every_list_of_cases_shows_the_outcome_beside_the_sessions(site):
    for path in ("", PIRIFORMIS):
        items = site.page(path).select(".post-list .post-item")
        metas = {i.select_one("a")["href"]: text(i.select_one(".post-meta")) for i in items}
        assert metas["/cy-d/"].endswith("8 sessions · Managed with maintenance visits"), path
        assert metas["/bo-c/"].endswith("5 sessions · Resolved"), path
    clinicians = site.page("for-clinicians/").select_one(".clinician-cases")
    assert "5 sessions · Resolved" in text(clinicians)


def one_case_site(tmp_path, caplog):
    """check_clean's one Neck pain case, with the shared vocabulary: Scoliosis has no case."""
    content = tmp_path / "content"
    copy_fixture("check_clean", content)
    shutil.copytree(FIXTURES / "vocabulary", content / "conditions", dirs_exist_ok=True)
    return build(content, tmp_path, caplog)


def test_a_condition_without_cases_says_so(tmp_path, caplog):
    site = one_case_site(tmp_path, caplog)
    summary = site.page("conditions/scoliosis/").select_one("section.outcomes")
    assert text(summary) == "What the cases show No published case of Scoliosis yet."


# --- the case table ----------------------------------------------------------------------


def rows(page):
    """(case link, conditions, sessions, outcome, date) of each case row."""
    found = []
    for tr in page.select("table.case-table tbody tr:not(.table-group)"):
        cells = tr.find_all(["th", "td"], recursive=False)
        found.append(
            (
                cells[0].a["href"],
                [text(li) for li in cells[1].select("li")],
                text(cells[3]),
                text(cells[4]),
                cells[5].time["datetime"],
            )
        )
    return found


ANA = ("/ana-p/", ["Piriformis syndrome G57.00", "Restless legs syndrome G25.81"], "5",
       "Much improved", "2010-01-10")  # fmt: skip
BO = ("/bo-c/", ["Piriformis syndrome G57.00"], "5", "Resolved", "2010-02-10")
CY = ("/cy-d/", ["Piriformis syndrome G57.00", "Scoliosis M41.9"], "8",
      "Managed with maintenance visits", "2010-03-10")  # fmt: skip
DI = ("/di-e/", ["Piriformis syndrome G57.00"], "not given", "Much improved", "2010-04-10")
ED = ("/ed-f/", ["Restless legs syndrome G25.81"], "3", "Improved", "2010-05-10")


def test_the_table_by_date_lists_every_published_case_newest_first(site):
    page = site.page("case-table/by-date/")
    assert rows(page) == [ED, DI, CY, BO, ANA]
    assert text(page.select_one("caption")) == "5 published cases, by date, newest first"


def test_the_table_by_sessions_puts_the_fewest_first_and_unknown_last(site):
    assert rows(site.page("case-table/by-sessions/")) == [ED, BO, ANA, CY, DI]


def test_the_table_by_condition_lists_each_case_once_under_its_first_condition(site):
    page = site.page("case-table/")
    groups = page.select("table.case-table tbody")
    # Ana P. (Piriformis, RLS) and Cy D. (Piriformis, Scoliosis) are in the table once each,
    # their conditions in one cell; Ed F. is filed under RLS, his only condition.
    assert [text(g.select_one(".table-group")) for g in groups] == [
        "Piriformis syndrome (4 cases filed under it first)",
        "Restless legs syndrome (1 case filed under it first)",
    ]
    assert rows(page) == [DI, CY, BO, ANA, ED]
    for view in ("case-table/", "case-table/by-sessions/", "case-table/by-date/"):
        linked = [r[0] for r in rows(site.page(view))]
        assert len(linked) == len(set(linked)) == 5, view


def test_the_index_above_the_table_gives_every_condition_all_its_cases(site):
    index = site.page("case-table/").select_one("nav.table-index")
    entries = {li["id"]: (text(li.a), hrefs(li)[1:]) for li in index.select("li")}
    assert entries == {
        "condition-piriformis-syndrome": (
            "Piriformis syndrome",
            ["#case-di-e", "#case-cy-d", "#case-bo-c", "#case-ana-p"],
        ),
        "condition-restless-legs-syndrome": (
            "Restless legs syndrome",
            ["#case-ed-f", "#case-ana-p"],
        ),
        "condition-scoliosis": ("Scoliosis", ["#case-cy-d"]),
    }
    ids = {tr["id"] for tr in site.page("case-table/").select("tbody tr[id]")}
    assert {h.removeprefix("#") for _, links in entries.values() for h in links} <= ids


def test_each_row_gives_the_presenting_complaint_and_prints_its_address(site):
    page = site.page("case-table/by-date/")
    headers = [text(th) for th in page.select("thead th")]
    assert headers == [
        "Case",
        "Conditions (ICD-10-CM)",
        "Presenting complaint",
        "Sessions",
        "Outcome",
        "Date",
    ]
    row = page.select_one("tr#case-ana-p")
    assert text(row.find_all("td", recursive=False)[1]) == "Pain."
    assert row.select_one(".table-url").get_text() == "/ana-p/"


def test_the_figures_and_the_table_count_the_same_cases(site):
    summary = site.page(PIRIFORMIS).select_one("section.outcomes")
    counted = {h for h in hrefs(summary) if not h.startswith("/case-table/")}
    entry = site.page("case-table/").select_one("#condition-piriformis-syndrome")
    in_table = {h.replace("#case-", "/") + "/" for h in hrefs(entry)[1:]}
    assert counted == in_table == {"/ana-p/", "/bo-c/", "/cy-d/", "/di-e/"}


def test_each_order_is_its_own_page_marked_in_the_header_and_the_sort_links(site):
    expected = {
        "case-table/": ("Condition", "Conditions (ICD-10-CM)", "ascending"),
        "case-table/by-sessions/": ("Sessions", "Sessions", "ascending"),
        "case-table/by-date/": ("Date", "Date", "descending"),
    }
    for path, (current, column, order) in expected.items():
        page = site.page(path)
        sort = page.select_one("nav.table-sort")
        assert hrefs(sort) == ["/case-table/", "/case-table/by-sessions/", "/case-table/by-date/"]
        assert text(sort.select_one('[aria-current="page"]')) == current
        (sorted_by,) = page.select("thead th[aria-sort]")
        assert (text(sorted_by), sorted_by["aria-sort"]) == (column, order)
        assert sorted_by.a is None  # the other orders' headers are links
        assert len(page.select("thead th a")) == 2
        # One address for search engines: the other orders point to the first.
        assert page.select_one('link[rel="canonical"]')["href"] == "/case-table/"
    assert site.page("case-table/").h1.get_text(strip=True) == "All cases in one table"


def test_the_table_is_in_the_sitemap_and_linked_from_the_clinicians_page(site):
    sitemap = BeautifulSoup((site.output / "sitemap.xml").read_text(), "xml")
    locs = {loc.get_text() for loc in sitemap.find_all("loc")}
    assert "/case-table/" in locs
    assert not {"/case-table/by-sessions/", "/case-table/by-date/"} & locs
    clinicians = site.page("for-clinicians/")
    link = clinicians.select_one(".case-table-link a")
    assert (link["href"], link.get_text()) == ("/case-table/", "All cases in one table")


def test_the_table_never_shows_a_draft_a_hidden_post_or_a_case_without_consent(site):
    for path in ("case-table/", "case-table/by-sessions/", "case-table/by-date/"):
        linked = hrefs(site.page(path).select_one("table.case-table"))
        assert not set(linked) & set(NEVER_COUNTED), path


# --- structured data ---------------------------------------------------------------------


def test_condition_json_ld_lists_the_counted_cases_and_claims_no_outcome(site):
    graph = json_ld(site.page(PIRIFORMIS))
    assert set(graph) == {"MedicalWebPage", "BreadcrumbList", "ItemList"}
    cases = graph["ItemList"]
    assert cases == {
        "@type": "ItemList",
        "name": "Published cases: Piriformis syndrome",
        "numberOfItems": 4,
        "itemListOrder": "https://schema.org/ItemListUnordered",
        "itemListElement": [
            {"@type": "ListItem", "url": "/di-e/", "name": DI_TITLE},
            {"@type": "ListItem", "url": "/cy-d/", "name": CY_TITLE},
            {"@type": "ListItem", "url": "/bo-c/", "name": "Bo C.: piriformis"},
            {"@type": "ListItem", "url": "/ana-p/", "name": ANA_TITLE},
        ],
    }
    # The page's other nodes are as before: what the condition is, and where it sits.
    assert graph["MedicalWebPage"]["about"]["name"] == "Piriformis syndrome"


DI_TITLE = "Di E.: piriformis, sessions not counted"
CY_TITLE = "Cy D.: piriformis and scoliosis"
ANA_TITLE = "Ana P.: piriformis and restless legs"


def test_a_condition_without_cases_has_no_case_list(tmp_path, caplog):
    site = one_case_site(tmp_path, caplog)
    assert "ItemList" not in json_ld(site.page("conditions/scoliosis/"))
    assert json_ld(site.page("conditions/neck-pain/"))["ItemList"]["numberOfItems"] == 1


# --- the site's own content --------------------------------------------------------------


def test_the_sample_sites_piriformis_page_sums_up_its_three_cases(tmp_path, caplog):
    site = build(ROOT / "content", tmp_path, caplog)
    words = text(site.page(PIRIFORMIS).select_one(".outcomes-words"))
    # Ray P. 5, Dana M. 6, Krystal S. 10 (their case files, by hand).
    assert words == (
        "3 published cases of Piriformis syndrome. Sessions per case: median 6 ( Dana M. ), "
        "fewest 5 ( Ray P. ), most 10 ( Krystal S. )."
    )
    chart = site.page(PIRIFORMIS).select_one("figure.outcome-chart")
    assert [text(x) for x in chart.select(".outcome-label")] == [
        "Much improved: 2 of 3",
        "Managed with maintenance visits: 1 of 3",
    ]
    assert len(rows(site.page("case-table/by-date/"))) == 11


# --- the rule and hostile values ---------------------------------------------------------


def test_no_post_may_take_the_case_tables_address(tmp_path):
    content = tmp_path / "content"
    copy_fixture("check_clean", content)
    post = content / "cases" / "neck.md"
    post.write_text(
        post.read_text().replace("slug: neck-pain-at-the-desk-ana-r", "slug: case-table")
    )
    code, out = run_casebook("check", content)
    assert code == 1
    assert out[0].endswith(
        "neck.md:4: slug: 'case-table' is the address of the case table (/case-table/); choose "
        "another slug, e.g. one that names the condition and the client's pseudonym"
    )


HOSTILE_STATUSES = {
    "img": '"><img src=x onerror=alert(1)>',
    "script": "</script><script>alert(1)</script>",
    "jinja": "{{ 7*7 }}",
    "shell": "$(id) `id`",
    "path": "../../etc/passwd",
    "newline": "resolved\nno change",
    "long": "resolved " * 12_000,
}


def test_a_hostile_status_is_one_short_line_in_check_and_text_on_the_page(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("outcomes", content)
    for i, (key, value) in enumerate(HOSTILE_STATUSES.items(), start=1):
        case = (content / "cases" / "bo-c.md").read_text()
        case = case.replace("slug: bo-c", f"slug: hostile-{key}").replace(
            "date: 2010-02-10", f"date: 2011-01-{i:02d}"
        )
        case = case.replace("outcome_status: resolved", f"outcome_status: {json.dumps(value)}")
        (content / "cases" / f"hostile-{key}.md").write_text(case)
    code, out = run_casebook("check", content)
    assert code == 1
    flagged = [line for line in out if "case.outcome_status:" in line]
    assert len(flagged) == len(HOSTILE_STATUSES)
    assert all("is not an outcome status" in line and len(line) < 400 for line in flagged)
    site = build(content, tmp_path, caplog)
    page = site.page(PIRIFORMIS)
    # Counted (published, with consent) under "Not recorded", newest first, as plain text.
    chart = page.select_one("figure.outcome-chart")
    last = chart.select("li")[-1]
    assert text(last.select_one(".outcome-label")) == "Not recorded: 7 of 11"
    assert hrefs(last) == [f"/hostile-{key}/" for key in reversed(HOSTILE_STATUSES)]
    assert page.select("img") == []
    for key in ("img", "jinja", "shell"):
        box = summary_field(site.page(f"hostile-{key}/"), "Outcome status")
        assert box.get_text() == HOSTILE_STATUSES[key]  # shown as the text it is
    table = site.page("case-table/by-date/")
    assert table.select("img") == []
    assert {r[3] for r in rows(table)[:7]} == {"Not recorded"}
