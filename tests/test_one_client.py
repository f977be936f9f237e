"""One client, one case (issue 23, 1): a series of three posts about one client counts once.

tests/fixtures/check_one_case_per_client, with the shared vocabulary:
    post          date        follows       what it carries
    ana-r         2010-03-02  -             the case: 4 sessions, resolved
    ana-r-later   2010-06-02  ana-r         `client: Ana R.`, no case block (as `make followup`)
    ana-r-again   2011-03-02  ana-r-later   a second `case:` block for Ana R.: refused
By hand: Piriformis syndrome has one case (ana-r); the case table one row; the JSON-LD one item.
"""

import json

import pytest
from conftest import FIXTURES, besides_unbound, build, copy_fixture, run_casebook

FIXTURE = "check_one_case_per_client"
PIRIFORMIS = "conditions/piriformis-syndrome/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture built once, as `make html` builds it (the refusal is a warning there)."""
    tmp_path = tmp_path_factory.mktemp("one-client")
    content = tmp_path / "content"
    copy_fixture(FIXTURE, content)
    return build(content, tmp_path)


def words(element):
    return " ".join(element.get_text(" ", strip=True).split())


def test_check_refuses_the_second_case_block_at_its_line_and_nothing_else():
    code, out = run_casebook("check", FIXTURES / FIXTURE)
    assert code == 1
    # (The fixture's cases, at `consent: true`, each warn that it names no text: left out.)
    problems = besides_unbound(out[:-1])
    assert len(problems) == 1, problems
    where, message = problems[0].split(": ", 1)
    assert where.endswith("check_one_case_per_client/posts/ana-r-again.md:8")  # `case:`
    assert message.startswith(
        "case: Ana R. already has a case in this series, in check_one_case_per_client/cases/"
        "ana-r.md; a follow-up adds no second case"
    )
    assert "write `client: Ana R.` instead" in message


def test_the_condition_counts_the_client_once(site):
    outcomes = site.page(PIRIFORMIS).select_one("section.outcomes")
    assert words(outcomes).startswith("What the cases show Only one published case of Piriformis")
    assert [a["href"] for a in outcomes.select("a")] == ["/ana-r/"]


def test_the_case_table_lists_the_case_once_in_every_view(site):
    for view in ("case-table/", "case-table/by-sessions/", "case-table/by-date/"):
        table = site.page(view).select_one("table.case-table")
        rows = [a["href"] for a in table.select("tbody th[scope=row] a")]
        assert rows == ["/ana-r/"], view
        assert words(table.select_one("caption")).startswith("1 published case")


def test_the_json_ld_item_list_holds_the_case_once(site):
    page = site.page(PIRIFORMIS)
    nodes = [
        node
        for script in page.select('script[type="application/ld+json"]')
        for node in json.loads(script.string)["@graph"]
    ]
    (listed,) = [n for n in nodes if n["@type"] == "ItemList"]
    assert listed["numberOfItems"] == 1
    assert [item["url"] for item in listed["itemListElement"]] == ["/ana-r/"]


def test_the_follow_ups_are_still_posts_of_the_series(site):
    series = site.page("ana-r/").select_one("nav.series")
    assert [a["href"] for a in series.select("ol a")] == ["/ana-r-later/", "/ana-r-again/"]
