"""The outcome figures of one condition, checked by hand against small sets of cases."""

import pytest

from casebook.outcomes import CaseFacts, by_sessions, counted_once, facts, summarise


def case(name, sessions, status):
    """A case as the figures see it; the case itself is just its name here."""
    return CaseFacts(name, sessions, status)


def counts(summary):
    """{status: (count, cases)} as a reader would tally them."""
    return {s.status: (s.count, s.cases) for s in summary.statuses}


# --- too few cases: the cases, and no figures -----------------------------------------


def test_no_cases_gives_no_figures():
    summary = summarise([])
    assert summary.count == 0
    assert summary.cases == ()
    assert summary.enough is False
    assert summary.statuses == ()
    assert summary.sessions is None


def test_one_case_is_named_but_not_summed_up():
    summary = summarise([case("Ana R.", 4, "resolved")])
    assert (summary.count, summary.cases, summary.enough) == (1, ("Ana R.",), False)
    assert summary.statuses == ()
    assert summary.sessions is None


def test_two_cases_are_still_too_few():
    summary = summarise([case("Ana R.", 4, "resolved"), case("Bo C.", 9, "improved")])
    assert (summary.count, summary.enough) == (2, False)
    assert summary.sessions is None


# --- three cases and more -----------------------------------------------------------------


def test_three_cases_give_median_range_and_counts():
    # Sessions 5, 10, 6: sorted 5, 6, 10; the median is the middle one, 6 (Dana).
    summary = summarise(
        [
            case("Ray", 5, "much improved"),
            case("Krystal", 10, "managed with maintenance visits"),
            case("Dana", 6, "much improved"),
        ]
    )
    assert summary.enough is True
    assert summary.cases == ("Ray", "Krystal", "Dana")  # in the order given
    s = summary.sessions
    assert (s.median, s.median_text, s.middle, s.low, s.high) == (6.0, "6", (6,), 5, 10)
    assert (s.at_median, s.at_low, s.at_high) == (("Dana",), ("Ray",), ("Krystal",))
    assert counts(summary) == {
        "much improved": (2, ("Ray", "Dana")),
        "managed with maintenance visits": (1, ("Krystal",)),
    }
    # The vocabulary's order, not the order the cases came in.
    assert [x.label for x in summary.statuses] == [
        "Much improved",
        "Managed with maintenance visits",
    ]


def test_an_even_count_takes_the_mean_of_the_middle_two_and_links_every_tie():
    # Sessions 5, 5, 6, 10: the middle two are 5 and 6, median 5.5; three cases hold them.
    summary = summarise(
        [
            case("Greg", 5, "much improved"),
            case("Louise", 5, "managed with maintenance visits"),
            case("Ben", 6, "managed with maintenance visits"),
            case("Krystal", 10, "managed with maintenance visits"),
        ]
    )
    s = summary.sessions
    assert (s.median, s.median_text, s.middle, s.low, s.high) == (5.5, "5.5", (5, 6), 5, 10)
    assert s.at_median == ("Greg", "Louise", "Ben")
    assert s.at_low == ("Greg", "Louise")  # a tie at the low end: both cases
    assert s.at_high == ("Krystal",)
    shares = {x.status: x.share for x in summary.statuses}
    assert shares == {"much improved": 0.25, "managed with maintenance visits": 0.75}


def test_cases_tied_with_an_odd_median_are_all_linked():
    # 4, 6, 6, 6, 9: the median is 6, and three cases had 6 sessions.
    summary = summarise(
        [
            case("a", 6, "resolved"),
            case("b", 4, "resolved"),
            case("c", 6, "improved"),
            case("d", 9, "no change"),
            case("e", 6, "referred on"),
        ]
    )
    s = summary.sessions
    assert (s.median, s.middle, s.low, s.high) == (6.0, (6,), 4, 9)
    assert s.at_median == ("a", "c", "e")
    assert counts(summary) == {
        "resolved": (2, ("a", "b")),
        "improved": (1, ("c",)),
        "no change": (1, ("d",)),
        "referred on": (1, ("e",)),
    }


def test_an_even_count_whose_middle_two_agree_has_one_middle():
    # 5, 5, 5, 10: the middle two are both 5.
    found = [case("a", 5, None), case("b", 10, None), case("c", 5, None), case("d", 5, None)]
    s = summarise(found).sessions
    assert (s.median, s.middle, s.at_median) == (5.0, (5,), ("a", "c", "d"))


def test_every_case_with_the_same_sessions_is_median_low_and_high():
    summary = summarise([case("a", 7, "resolved"), case("b", 7, "resolved"), case("c", 7, None)])
    s = summary.sessions
    assert (s.median, s.middle, s.low, s.high) == (7.0, (7,), 7, 7)
    assert s.at_median == s.at_low == s.at_high == ("a", "b", "c")


# --- what a case does not say --------------------------------------------------------------


def test_unknown_sessions_are_left_out_of_the_median_and_named():
    # Known: 12, 3, 8 (sorted 3, 8, 12): median 8. "x" gave no number.
    summary = summarise(
        [
            case("a", 12, "improved"),
            case("x", None, "improved"),
            case("b", 3, "resolved"),
            case("c", 8, "improved"),
        ]
    )
    assert summary.count == 4
    s = summary.sessions
    assert (s.median, s.low, s.high) == (8.0, 3, 12)
    assert summary.sessions_unknown == ("x",)
    assert counts(summary)["improved"] == (3, ("a", "x", "c"))  # still counted for its outcome


def test_too_few_known_sessions_give_no_median_but_the_counts_stand():
    summary = summarise(
        [case("a", 5, "resolved"), case("b", None, "resolved"), case("c", None, "improved")]
    )
    assert summary.enough is True
    assert summary.sessions is None
    assert summary.sessions_unknown == ("b", "c")
    assert counts(summary) == {"resolved": (2, ("a", "b")), "improved": (1, ("c",))}


def test_a_case_without_a_known_status_is_counted_as_not_recorded_last():
    summary = summarise([case("a", 1, None), case("b", 2, "no change"), case("c", 3, "resolved")])
    assert [(x.label, x.cases) for x in summary.statuses] == [
        ("Resolved", ("c",)),
        ("No change", ("b",)),
        ("Not recorded", ("a",)),
    ]
    assert sum(x.share for x in summary.statuses) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("block", "sessions", "status"),
    [
        ({"sessions": 10, "outcome_status": "resolved"}, 10, "resolved"),
        ({"sessions": 0, "outcome_status": "Much-Improved"}, 0, "much improved"),
        ({"sessions": "four", "outcome_status": "  referred   on "}, None, "referred on"),
        ({"sessions": True, "outcome_status": "better"}, None, None),
        ({"sessions": -2, "outcome_status": ["resolved"]}, None, None),
        ({"sessions": 6.5, "outcome_status": "resolved" + " " * 100_000 + "x"}, None, None),
        ({}, None, None),
        ("not a block", None, None),
    ],
)
def test_facts_read_only_whole_numbers_and_the_vocabulary(block, sessions, status):
    found = facts("case", block)
    assert (found.case, found.sessions, found.status) == ("case", sessions, status)


def test_by_sessions_puts_the_fewest_first_unknown_last_and_keeps_ties_in_order():
    found = [case("a", 10, None), case("b", None, None), case("c", 5, None), case("d", 5, None)]
    assert [f.case for f in by_sessions(found)] == ["c", "d", "a", "b"]


def test_a_status_reads_as_its_label():
    assert case("a", 1, "managed with maintenance visits").label == (
        "Managed with maintenance visits"
    )
    assert case("a", 1, None).label == "Not recorded"


# --- one client, one case -----------------------------------------------------------------


def test_a_series_of_three_posts_about_one_client_counts_its_first_case_once():
    # (name, series, client), oldest first: two case boxes in Ana's series, one in Bo's.
    first, again, other = ("first", "s1", "ana"), ("again", "s1", "ana"), ("bo", "s2", "bo")
    kept = counted_once([first, again, other], lambda c: (c[1], c[2]))
    assert kept == {id(first), id(other)}


def test_two_clients_in_one_series_are_two_cases():
    one, two = ("one", "s1", "ana"), ("two", "s1", "bo")
    assert counted_once([one, two], lambda c: (c[1], c[2])) == {id(one), id(two)}
