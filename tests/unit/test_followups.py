"""The follow-up graph: series order, links both ways, pending announcements, problems."""

import datetime
import itertools
import random

import pytest
from followups import PostRef, Series, build_followups

START = datetime.datetime(2009, 6, 18, 9, 0)


def post(slug, day, follows=None, announced=None, path=None):
    return PostRef(
        slug=slug,
        source_path=path or f"content/cases/{slug}.md",
        date=START + datetime.timedelta(days=day),
        follows=follows,
        announced=announced,
    )


def chain(length):
    """Posts p0 <- p1 <- ... each following the one before."""
    return [post(f"p{i}", i, follows=f"p{i - 1}" if i else None) for i in range(length)]


# --- series ---------------------------------------------------------------


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_a_chain_reads_in_order_whatever_the_input_order(order):
    posts = [post("a", 0), post("b", 10, follows="a"), post("c", 20, follows="b")]
    graph = build_followups([posts[i] for i in order])
    assert graph.problems == ()
    assert graph.follows == {"b": "a", "c": "b"}
    assert graph.followed_by == {"a": ("b",), "b": ("c",)}
    parts = ("a", "b", "c")
    assert graph.series == {
        "a": Series(parts, 1, 3, None, "b"),
        "b": Series(parts, 2, 3, "a", "c"),
        "c": Series(parts, 3, 3, "b", None),
    }


@pytest.mark.parametrize("seed", range(5))
def test_a_shuffled_longer_chain_gives_the_same_series(seed):
    posts = chain(12)
    expected = build_followups(posts)
    random.Random(seed).shuffle(posts)
    assert build_followups(posts) == expected
    assert expected.series["p4"].index == 5
    assert expected.series["p4"].total == 12


@pytest.mark.parametrize("order", list(itertools.permutations(range(4))))
def test_follow_ups_of_one_post_are_ordered_by_date(order):
    posts = [
        post("first", 0),
        post("later", 30, follows="first"),
        post("sooner", 7, follows="first"),
        post("same-day-b", 14, follows="first"),
    ]
    twin = post("same-day-a", 14, follows="first")
    graph = build_followups([posts[i] for i in order] + [twin])
    assert graph.followed_by["first"] == ("sooner", "same-day-a", "same-day-b", "later")
    assert graph.series["first"].parts == ("first", "sooner", "same-day-a", "same-day-b", "later")


def test_a_tree_reads_depth_first():
    graph = build_followups(
        [
            post("a", 0),
            post("c", 20, follows="a"),
            post("b", 10, follows="a"),
            post("d", 30, follows="b"),
        ]
    )
    assert graph.series["d"] == Series(("a", "b", "d", "c"), 3, 4, "b", "c")
    assert graph.followed_by == {"a": ("b", "c"), "b": ("d",)}


def test_a_post_on_its_own_has_no_series_or_links():
    graph = build_followups([post("alone", 0), post("a", 1), post("b", 2, follows="a")])
    assert "alone" not in graph.series
    assert "alone" not in graph.follows
    assert "alone" not in graph.followed_by
    assert set(graph.series) == {"a", "b"}


def test_two_series_stay_apart():
    graph = build_followups(
        [post("a", 0), post("b", 1, follows="a"), post("x", 2), post("y", 3, follows="x")]
    )
    assert graph.series["b"].parts == ("a", "b")
    assert graph.series["y"].parts == ("x", "y")


# --- pending announcements ------------------------------------------------


def test_an_announcement_is_pending_until_a_follow_up_is_published():
    krystal = post("krystal", 0, announced="her perpetuating factors")
    assert build_followups([krystal]).pending == {"krystal": "her perpetuating factors"}

    graph = build_followups([krystal, post("factors", 90, follows="krystal")])
    assert graph.pending == {}


def test_a_draft_follow_up_leaves_the_announcement_pending():
    krystal = post("krystal", 0, announced="her perpetuating factors")
    graph = build_followups([krystal], {"factors": ("draft", "content/cases/factors.md")})
    assert graph.pending == {"krystal": "her perpetuating factors"}
    assert graph.problems == ()


def test_an_empty_announcement_is_not_pending():
    assert build_followups([post("a", 0, announced="  ")]).pending == {}


# --- problems -------------------------------------------------------------


def test_following_an_unknown_slug_names_the_file_and_suggests_a_close_slug():
    graph = build_followups(
        [
            post("restless-leg-syndrome-pain", 0),
            post("factors", 9, follows="restless-leg-syndrom-pain"),
        ]
    )
    [problem] = graph.problems
    assert problem.path == "content/cases/factors.md"
    assert "'restless-leg-syndrom-pain'" in problem.message
    assert (
        "did you mean 'restless-leg-syndrome-pain' "
        "(content/cases/restless-leg-syndrome-pain.md)?" in problem.message
    )
    assert graph.follows == {}
    assert graph.series == {}


def test_following_a_far_off_slug_offers_no_guess():
    [problem] = build_followups([post("a", 0), post("b", 1, follows="zzz")]).problems
    assert "did you mean" not in problem.message
    assert problem.message.startswith("follows: no published post has the slug 'zzz'")


def test_a_post_that_follows_itself_is_a_problem_and_gets_no_link():
    graph = build_followups([post("a", 0, follows="a")])
    [problem] = graph.problems
    assert problem.path == "content/cases/a.md"
    assert "follows itself" in problem.message
    assert graph.follows == {} and graph.series == {}


@pytest.mark.parametrize("status, word", [("draft", "a draft"), ("hidden", "hidden")])
def test_following_an_unpublished_post_gives_no_link_and_says_publish_it(status, word):
    graph = build_followups([post("b", 5, follows="x")], {"x": (status, "content/cases/x.md")})
    [problem] = graph.problems
    assert problem.path == "content/cases/b.md"
    assert problem.message == (
        f"follows: 'x' (content/cases/x.md), which is {word}; publish it first or remove `follows:`"
    )
    assert graph.follows == {} and graph.followed_by == {} and graph.series == {}


def test_a_published_post_wins_over_an_unpublished_one_with_its_slug():
    graph = build_followups(
        [post("a", 0), post("b", 1, follows="a")], {"a": ("draft", "content/cases/old-a.md")}
    )
    assert graph.problems == ()
    assert graph.follows == {"b": "a"}


@pytest.mark.parametrize("order", list(itertools.permutations(range(2))))
def test_a_two_post_cycle_names_both_files_and_links_neither(order):
    posts = [post("a", 0, follows="b"), post("b", 1, follows="a")]
    graph = build_followups([posts[i] for i in order])
    [problem] = graph.problems
    assert problem.path == "content/cases/a.md"
    assert "content/cases/a.md -> content/cases/b.md -> content/cases/a.md" in problem.message
    assert graph.follows == {} and graph.followed_by == {} and graph.series == {}


@pytest.mark.parametrize("order", list(itertools.permutations(range(5))))
def test_a_three_post_cycle_names_every_file_in_cycle_order(order):
    posts = [
        post("a", 0, follows="c"),
        post("b", 1, follows="a"),
        post("c", 2, follows="b"),
        post("x", 3),
        post("y", 4, follows="x"),  # an unrelated series is unaffected
    ]
    graph = build_followups([posts[i] for i in order])
    [problem] = graph.problems
    assert (
        "content/cases/a.md -> content/cases/c.md -> content/cases/b.md -> content/cases/a.md"
        in problem.message
    )
    assert graph.follows == {"y": "x"}
    assert set(graph.series) == {"x", "y"}


def test_a_cycle_entered_from_outside_still_starts_at_its_first_file():
    graph = build_followups(
        [
            post("a", 0, follows="c"),
            post("b", 1, follows="a"),
            post("c", 2, follows="b"),
            post("0-tail", 3, follows="b"),  # the walk reaches the cycle at b
        ]
    )
    [problem] = graph.problems
    assert problem.path == "content/cases/a.md"
    assert "content/cases/0-tail.md" not in problem.message
    assert (
        "content/cases/a.md -> content/cases/c.md -> content/cases/b.md -> content/cases/a.md"
        in problem.message
    )


def test_two_cycles_give_two_problems():
    graph = build_followups(
        [
            post("a", 0, follows="b"),
            post("b", 1, follows="a"),
            post("c", 2, follows="d"),
            post("d", 3, follows="c"),
        ]
    )
    assert [p.path for p in graph.problems] == ["content/cases/a.md", "content/cases/c.md"]


def test_a_post_following_into_a_cycle_gets_no_link():
    graph = build_followups(
        [post("a", 0, follows="b"), post("b", 1, follows="a"), post("t", 2, follows="a")]
    )
    assert len(graph.problems) == 1
    assert graph.follows == {} and graph.series == {}


def test_a_duplicate_slug_names_both_files_and_keeps_the_first_by_path():
    graph = build_followups(
        [
            post("a", 5, path="content/posts/a.md"),
            post("a", 0, path="content/cases/a.md"),
            post("b", 9, follows="a"),
        ]
    )
    [problem] = graph.problems
    assert problem.path == "content/posts/a.md"
    assert "'a'" in problem.message and "content/cases/a.md" in problem.message
    assert graph.follows == {"b": "a"}


def test_problems_follow_the_file_order_not_the_input_order():
    posts = [post("b", 0, follows="nope"), post("a", 1, follows="gone")]
    graph = build_followups(posts)
    assert [p.path for p in graph.problems] == ["content/cases/a.md", "content/cases/b.md"]


# --- scale ----------------------------------------------------------------


def test_a_five_thousand_post_chain_needs_no_recursion():
    posts = chain(5000)
    random.Random(1).shuffle(posts)
    graph = build_followups(posts)
    assert graph.problems == ()
    assert graph.series["p0"].index == 1
    assert graph.series["p4999"].index == 5000
    assert graph.series["p4999"].total == 5000
    assert graph.series["p4999"].next is None
    assert graph.series["p2500"].previous == "p2499"
    assert graph.series["p0"].parts is graph.series["p4999"].parts


def test_a_five_thousand_post_cycle_is_one_problem():
    posts = chain(5000)
    posts[0] = post("p0", 0, follows="p4999")
    [problem] = build_followups(posts).problems
    assert problem.message.count(" -> ") == 5000


# --- the first post of each series ------------------------------------------------------


def test_every_post_of_a_chain_has_its_first_post_as_root():
    from followups import series_roots

    assert series_roots({"a": None, "b": "a", "c": "b", "d": None}) == {
        "a": "a",
        "b": "a",
        "c": "a",
        "d": "d",
    }


def test_a_link_to_no_known_post_starts_a_series_there():
    from followups import series_roots

    assert series_roots({"b": "gone", "c": "b"}) == {"b": "b", "c": "b"}


def test_posts_in_a_circle_are_each_their_own_first_post():
    from followups import series_roots

    roots = series_roots({"a": "c", "b": "a", "c": "b", "d": "a"})
    assert roots == {"a": "a", "b": "b", "c": "c", "d": "a"}


def test_did_you_mean_never_offers_the_post_its_own_slug():
    # The follow-up of a follow-up whose file cannot be read: its own slug is the closest.
    graph = build_followups([post("x-follow-up-follow-up", 1, follows="x-follow-up")])
    (problem,) = graph.problems
    assert "did you mean" not in problem.message
