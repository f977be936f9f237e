"""Round eight: look-alikes of clean practice prose (the practice's closing days, public
figures by their works and feats, citations, events and institutions named for a city),
each beside the same shape about a client, which is still found.

Each sentence is written for this test (not taken from any evaluation corpus).
"""

import pytest
from growth import growth
from lintbody import every as found

from casebook.privacy.context import JOURNAL, public_after, public_before
from casebook.privacy.whose import LISTED_BEFORE, own_calendar


def texts(body, category):
    """The texts found in one category."""
    return [t for c, t in found(body) if c == category]


# The practice's own closing days, in a paragraph that names no one, date nobody.
@pytest.mark.parametrize(
    "body",
    [
        "The studio is closed on July 4 and November 11, and on Labor Day.",
        "We shut for Memorial Day, Thanksgiving Day and December 31.",
        "We are closed on Martin Luther King Jr. Day, Presidents' Day and January 1.",
        "On Christmas Eve we close at two. We open again on January 2.",
    ],
)
def test_closing_days_date_nobody(body):
    assert texts(body, "dates") == []


@pytest.mark.parametrize(
    "body, date",
    [
        ("We closed on July 4 so she came in the next morning.", "July 4"),
        ("We are closed on July 4; your session moves to July 5.", "July 4"),
        ("The clinic is closed on March 3, 2024, the day of his surgery.", "March 3, 2024"),
        ("Her husband booked her first visit for December 26.", "December 26"),
    ],
)
def test_closing_days_with_someone_still_date(body, date):
    assert date in texts(body, "dates")


# A name with a work's title in italics right after its possessive is the work's author.
@pytest.mark.parametrize(
    "body",
    [
        "In the lobby we play Harold Vance's *Slow Tides* and little else.",
        "On the shelf: Corinne Balfour's *The Resting Body*, a kind book.",
        "A good start is Tobias Wrenfield's _Muscles at Work_.",
    ],
)
def test_possessive_before_an_italic_title_is_its_author(body):
    assert texts(body, "names") == []


@pytest.mark.parametrize(
    "body, name",
    [
        ("Harold Vance's shoulder was sore after the move.", "Harold Vance"),
        ("Her sister Corinne Balfour's *gift* was a heat pad.", "Corinne Balfour"),
    ],
)
def test_possessive_of_a_client_is_still_a_name(body, name):
    assert name in texts(body, "names")


def test_the_cast_of_a_dated_film_is_public():
    body = "Try *The Long Swim* (2015), with Marta Ellery and Joss Ferrand, on a slow night."
    assert "Marta Ellery" not in texts(body, "names")
    assert "Marta Ellery" in texts("She watched it with Marta Ellery, her neighbour.", "names")


# A public feat or an example of a public calling, in a clause with no client in it.
@pytest.mark.parametrize(
    "body",
    [
        "Legends of the sport, from Arno Veldkamp to Lise Orrin, all used a masseur.",
        "Pia Landgrebe and Oskar Feld are often held up as models of an easy stroke.",
        "A climber like Teodor Brask will rest a full day between hard routes.",
    ],
)
def test_public_feats_and_examples_name_no_client(body):
    assert texts(body, "names") == []


@pytest.mark.parametrize(
    "body, name",
    [
        ("My client Arno Veldkamp is a legend at his running club.", "Arno Veldkamp"),
        ("Her brother, Teodor Brask, is held up as a model at work.", "Teodor Brask"),
        ("A client like Ivo Marsh needs a lighter touch.", "Ivo Marsh"),
        ("Ivo Marsh had a long rest; Pia Landgrebe's sister famously swam.", "Ivo Marsh"),
    ],
)
def test_feats_beside_a_client_are_still_names(body, name):
    assert name in texts(body, "names")


def test_a_feat_is_read_by_its_clause():
    names = texts("Ivo Marsh had a long rest; Pia Landgrebe famously swam the day after.", "names")
    assert names == ["Ivo Marsh"]  # his clause holds no feat: he may be anyone


# A name in a list beside a public one is in public company; a client word breaks it.
@pytest.mark.parametrize(
    "body",
    [
        "Corinne Balfour's *Still Water*, Harold Vance's *Tides* and Mira Oakes set the mood.",
        "We play Mira Oakes or Harold Vance's *Tides* (the long version) most days.",
        "A skater like Oskar Feld or Teodor Brask or Ivo Marsh trains twice a day.",
    ],
)
def test_a_list_beside_public_names_is_public(body):
    assert texts(body, "names") == []


def test_a_client_in_a_list_of_public_names_is_still_a_name():
    body = "My client Mira Oakes loves Harold Vance's *Tides* and Corinne Balfour's *Rain*."
    assert "Mira Oakes" in texts(body, "names")
    body = "We play Harold Vance's *Tides* for her husband, Ivo Marsh, and for Mira Oakes."
    assert "Ivo Marsh" in texts(body, "names")


# A citation: authors with initials and an italic journal before its volume(issue):pages.
@pytest.mark.parametrize(
    "body",
    [
        "Orrin LK, Feld OT, Brask T (2019). Rest days. *Scand J Sport Sci* 12(4):201-209.",
        "Veldkamp A, Marsh IJ (2021). Night splints. *Hand Surg Rev* (3):CD004411.",
        "Oakes M, Vance H, Balfour CR (2018). Recovery. *Phys Ther Sport* 9:403.",
    ],
)
def test_a_citation_with_volume_and_pages_names_no_one(body):
    assert [c for c, _ in found(body) if c in ("names", "geography")] == []


def test_an_italic_label_with_a_number_is_no_citation():
    body = "Orrin LK came in with Feld OT. *Note*: 3 sessions so far, and Ivo Marsh drove her."
    assert "Ivo Marsh" in texts(body, "names")


# A city before an event or a university names the event or the university.
@pytest.mark.parametrize(
    "body",
    [
        "Half our runners are training for the Chicago Marathon this autumn.",
        "The Atlanta Games had a massage tent by the track.",
        "The study came out of Lund University and was repeated twice.",
        "Ivo Marsh (1901 to 1977) was a wrestler from Chicago who taught stretching.",
    ],
)
def test_events_universities_and_figures_of_history_place_no_client(body):
    assert texts(body, "geography") == []


@pytest.mark.parametrize(
    "body, place",
    [
        ("My client ran the Chicago Marathon and lives in Chicago.", "Chicago"),
        ("She studies at Lund University and her sister visits.", "Lund"),
        ("She moved from Chicago in 1979 with her husband.", "Chicago"),
    ],
)
def test_a_client_at_the_event_or_university_is_still_placed(body, place):
    assert place in texts(body, "geography")


def test_linear_on_hostile_runs():
    assert growth(lambda t: own_calendar(t, "May 3"), lambda n: "We close " * n, 2_000) < 8
    assert growth(lambda t: own_calendar(t, "May 3"), lambda n: "we are " * n, 2_000) < 8
    assert growth(lambda t: public_after(t, 5), lambda n: "Ab Cd's *" * n, 2_000) < 8
    assert growth(lambda t: public_before(t, len(t)), lambda n: "* (2015), with " * n, 2_000) < 8
    assert growth(lambda t: found(t), lambda n: "a rider like " * n + "Ab Cd.", 2_000) < 8
    assert growth(lambda t: found(t), lambda n: "legends " * n + "Ab Cd.", 2_000) < 8
    assert growth(lambda t: found(t), lambda n: "(1901 to " * n + "1977) Chicago", 2_000) < 8
    cite = lambda n: "*J Ther* " * n + "12(4):201"  # noqa: E731
    assert growth(lambda t: JOURNAL.findall(t), cite, 2_000) < 8
    run = lambda n: "Ab Cd's *x* (y), and " * n  # noqa: E731
    assert growth(lambda t: LISTED_BEFORE.search(t, max(0, len(t) - 160)), run, 2_000) < 8


def test_a_block_of_many_names_is_linted_in_linear_time():
    # Found while tuning on clean5: each name read its whole block again to ask whether
    # the block is a reference entry (1000 names: 3 s, 2000: 9 s); now asked once a block.
    assert growth(found, lambda n: "Ab Cd's * " * n, 100) < 8
    assert growth(found, lambda n: "Ann Lee, Bo Park, " * n, 100) < 8
