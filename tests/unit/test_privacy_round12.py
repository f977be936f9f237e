"""Round twelve: the last stop's leftovers, and the holes corpus 9 and an attacker show.

Each sentence is written for this test (not taken from any evaluation corpus).
"""

import pytest
from lintbody import every as found


def texts(body, category):
    """The texts found in one category."""
    return [t for c, t in found(body) if c == category]


# Who made a work is looked for in a bounded reach: a text with no full stop was read to its
# end once per name (5.9x for 4x input).
def test_a_long_text_of_works_without_a_full_stop_stays_linear():
    from growth import growth

    make = lambda n: "He played a Dana Whitfield tune and " * n  # noqa: E731
    assert growth(lambda t: found(t), make, 200) < 6


# A code after any label in the lint's one list of labels is that identifier, whatever
# else the file calls it; the list of labels that ruled this was a second, shorter copy.
@pytest.mark.parametrize(
    ("body", "category", "code"),
    [
        ("Her tracker is a model KX47-B. Her passport KX47-B was stolen.", "other-code", "KX47-B"),
        ("The locker is a model GX4471. Her bib GX4471 was pinned on.", "other-code", "GX4471"),
        ("She uses a model TX9-4471. Her MBI TX9-4471 is on file.", "health-plan", "TX9-4471"),
    ],
)
def test_a_code_after_any_label_is_not_hidden_by_a_model(body, category, code):
    assert any(code in t for t in texts(body, category)), found(body)


def test_a_model_code_alone_is_still_a_products():
    body = "The massage gun is a model KX47-B. The KX47-B is quiet and light."
    assert [t for c, t in found(body) if "KX47" in t] == [], found(body)


# A town abroad listed after one that words of home introduced is a home too; a list no
# such words introduce names no one's ("We compared Kharkiv and Lviv").
@pytest.mark.parametrize(
    ("body", "towns"),
    [
        ("She lives in Kharkiv and Lviv by turns.", ["Kharkiv", "Lviv"]),
        ("He grew up between Kharkiv and Lviv.", ["Kharkiv", "Lviv"]),
        ("Her parents are from Jacmel, Léogâne or Hinche.", ["Jacmel", "Léogâne", "Hinche"]),
    ],
)
def test_every_town_abroad_in_a_list_after_words_of_home_is_found(body, towns):
    assert [t for t in towns if t not in texts(body, "geography")] == [], found(body)


def test_a_list_of_towns_abroad_without_words_of_home_is_no_ones():
    body = "The survey compared Kharkiv and Lviv with Boston."
    assert [t for t in texts(body, "geography") if t in ("Kharkiv", "Lviv")] == [], found(body)


# An SSN read out as people do, with a teen, a ten or "double".
@pytest.mark.parametrize(
    "body",
    [
        "Her SSN is five three zero, twelve, four four eight two.",
        "Her SSN is five three zero, double zero, four four eight two.",
        "Social security number: five three zero, forty-four, eight eight one two.",
    ],
)
def test_a_spoken_ssn_with_other_number_words_is_found(body):
    assert texts(body, "ssn"), found(body)


def test_number_words_without_a_label_are_a_count():
    body = "We did twelve, then twenty, then double twelve lunges and five more sets of three."
    assert texts(body, "ssn") == [], found(body)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ('Her family name is "O\'Connor", and she teaches.', "O'Connor"),
        ("Her maiden name was “Kowalczyk”.", "Kowalczyk"),
    ],
)
def test_a_surname_in_quotes_after_family_name_is_found(body, name):
    assert any(name in t for t in texts(body, "names")), found(body)
