"""Round two of issue 19: identifiers as practice sites really write them, and clean prose.

Each case is a sentence written for this test (not taken from either evaluation corpus):
one the lint must flag with the category it must name, one it must leave alone.
"""

import pytest

from casebook.privacy import lint_source


def found(body):
    """(category, text) of each error (not warning) the whole lint finds in a body."""
    text = "---\ntitle: A note\n---\n" + body + "\n"
    return [(f.category, f.text) for f in lint_source(text) if not f.warning]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A given name introduced only by a relation word: someone the client knows.
        ("My daughter Priya came along to the second session.", [("names", "Priya")]),
        ("Her husband, raj, drove her to every appointment.", [("names", "raj")]),
        ("His wife Maria's car was parked outside.", [("names", "Maria")]),
        ("Her daughters Emma and Zoe play soccer.", [("names", "Emma"), ("names", "Zoe")]),
        ("our neighbour, sarah, recommended us.", [("names", "sarah")]),
        # A town in lower case after the verbs of living and travelling.
        ("He drove in from framingham every week.", [("geography", "framingham")]),
        ("She is originally from leominster.", [("geography", "leominster")]),
        ("He commuted from natick for years.", [("geography", "natick")]),
        # The last four of a social security number, however it is said.
        ("The last four of his social were 4471.", [("ssn", "4471")]),
        ("Her social ends in 0392.", [("ssn", "0392")]),
        # An email spelled out after prose that also says "at".
        (
            "Reach her at jane dot doe at gmail dot com if you need to.",
            [("email", "jane dot doe at gmail dot com")],
        ),
        ("Write to jdoe at gmail.com with questions.", [("email", "jdoe at gmail.com")]),
    ],
)
def test_identifiers_written_as_people_write_them(body, expected):
    assert found(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # A relation word followed by no name.
        "Her husband, who is a nurse, drove her in.",
        "Her son, however, came along to one session.",
        "My friend said it helped her sleep.",
        "Her husband, a teacher, drove.",
        "my son plays football on Saturdays.",
        # Verbs of travel followed by no place.
        "She came in from work, tired.",
        "He works in construction and lifts all day.",
        "She lives in pain most days.",
        "He works from home in the mornings.",
        # An " at " in prose and a web address are no email.
        "Find us at example.org for more.",
        "I'll be at work at noon, then at home.",
        # Regions at or above a state, found as capitalised pairs, are no person.
        "Clients across New England and the Pacific Northwest report this.",
        "Winters in Northern Ireland and the Midwest are hard on joints.",
        # Historical figures cited for what they lived with.
        "Abraham Lincoln is said to have had Marfan syndrome.",
        "Joseph Pilates designed his method in the 1920s.",
        "Lou Gehrig gave the disease its everyday name.",
    ],
)
def test_clean_prose_stays_clean(body):
    assert found(body) == []
