"""The import's pure decisions: which post is a case, its client, a title from text, a slug."""

import pytest
from conftest import ROOT

from casebook.content.settings import load
from casebook.content.slugs import reserved_names
from casebook.rules.posts import slug_problem
from casebook.wordpress import convert, plan
from casebook.wordpress.wxr import Item

SETTINGS = load(str(ROOT / "pelicanconf.py"))
RESERVED = reserved_names(SETTINGS)


def item(post_name="", title="A title", post_id="7"):
    return Item(
        line=1,
        post_id=post_id,
        post_name=post_name,
        title=title,
        post_type="post",
        status="publish",
        date=None,
        link="",
        html="",
        excerpt="",
        menu_order=0,
        parent="",
        attachment_url="",
        terms=(),
        comments=0,
    )


@pytest.mark.parametrize(
    ("title", "case"),
    [
        (
            "Calf cramps at night: Treatment of Joan K.",
            {"client": "Joan K.", "presenting_complaint": "Calf cramps at night"},
        ),
        (
            "Restless leg syndrome pain: treatment of krystal s",
            {"client": "Krystal S.", "presenting_complaint": "Restless leg syndrome pain"},
        ),
        (
            "Neck pain at the desk: Ana R.",
            {"client": "Ana R.", "presenting_complaint": "Neck pain at the desk"},
        ),
        ("Five stretches for the desk", None),
        ("Stretching: part 2", None),
        ("Review: Joan Kowalski", None),
        ("Q: A.", None),
    ],
)
def test_a_title_that_reads_like_a_case_gives_its_complaint_and_client(title, case):
    assert plan.case_from_title(title) == case


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Notes on plantar fasciitis.", "Notes on plantar fasciitis"),
        (
            "one two three four five six seven eight nine",
            "one two three four five six seven eight…",
        ),
        ("", ""),
        ("   ", ""),
        ("x" * 500, "x" * 70 + "…"),
    ],
)
def test_an_untitled_post_is_titled_from_its_first_words(text, title):
    assert plan.title_from_text(text) == title


@pytest.mark.parametrize(
    ("post_name", "title", "slug"),
    [
        ("..%2F..%2Ftmp%2Fx", "Escape", "tmpx"),
        ("a%0Astatus%3A%20published", "New line", "a-status-published"),
        ("%3Cb%3Ebold%3C%2Fb%3E", "Markup", "bold"),
        ("caf%C3%A9", "Café", "cafe"),
        ("", "Calf cramps in swimmers", "calf-cramps-in-swimmers"),
        ("search", "The search page's name", "the-search-pages-name"),
        ("images", "", "wordpress-7"),
        ("%%%", "!!!", "wordpress-7"),
        ("a" * 300, "Long", "a" * 100),
    ],
)
def test_every_slug_is_one_the_rule_book_accepts(post_name, title, slug):
    found = plan.base_slug(item(post_name, title), title, SETTINGS, RESERVED)
    assert found == slug
    assert slug_problem(found, SETTINGS, RESERVED) is None


def test_a_slug_taken_earlier_in_the_export_gets_a_number():
    taken = {"stretching", "stretching-2", "b" * 100}
    assert plan.unique("stretching", taken, SETTINGS, RESERVED) == "stretching-3"
    assert plan.unique("b" * 100, taken, SETTINGS, RESERVED) == "b" * 98 + "-2"
    assert plan.unique("fresh", taken, SETTINGS, RESERVED) == "fresh"


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("{static}/images/a b.jpg", "{static}/images/a%20b.jpg"),
        ("{filename}/posts/x.md#part", "{filename}/posts/x.md#part"),
        ("https://x.example/a(b)", "https://x.example/a%28b%29"),
        ('/x" onclick="y', "/x%22%20onclick=%22y"),
        ("/{static}/x", "/%7Bstatic%7D/x"),
    ],
)
def test_a_link_target_cannot_end_early_or_become_a_placeholder(url, target):
    assert convert.link_target(url) == target
