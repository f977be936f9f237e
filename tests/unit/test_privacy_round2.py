"""Round two of issue 19: identifiers as practice sites really write them, and clean prose.

Each case is a sentence written for this test (not taken from either evaluation corpus):
one the lint must flag with the category it must name, one it must leave alone.
"""

import pytest
from lintbody import found

from casebook.content.problems import Level
from casebook.content.source import parse
from casebook.rules.privacy import Privacy, check_privacy


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
        # A phone number read out in words has no digit on its line.
        (
            "Call her on five oh eight, five five five, zero one nine three.",
            [("phone", "five oh eight, five five five, zero one nine three")],
        ),
        # Digits spaced out, and hyphens that are not U+002D, hide nothing.
        ("Her card (0 3 1 - 4 4 - 7 7 2 9) was shredded.", [("ssn", "0 3 1 - 4 4 - 7 7 2 9")]),
        ("The form had 028\u221255\u22121937 on it.", [("ssn", "028-55-1937")]),
        ("The summary gave record HRN 0092\u20113317.", [("medical-record", "HRN 0092-3317")]),
        # Ages read with a qualifier.
        ('She says she is "nearly ninety-eight".', [("ages", "nearly ninety-eight")]),
        # Web addresses written without a scheme, and personal paths on any host.
        (
            "Follow youtube.com/@PatHolmStretches for more.",
            [("url", "youtube.com/@PatHolmStretches")],
        ),
        (
            "See linkedin.com/in/marcus-delacroix-pt.",
            [("url", "linkedin.com/in/marcus-delacroix-pt")],
        ),
        (
            "Give at https://giving.example.org/f/carl-knee-fund today.",
            [("url", "https://giving.example.org/f/carl-knee-fund")],
        ),
        (
            "Her page https://club.example.net/~kwalsh has photos.",
            [("url", "https://club.example.net/~kwalsh")],
        ),
        # Names in letters beyond Latin-1, in notes, in a signed quote, and of a family.
        ("Her manager, Wanda Szymańska, moved her desk.", [("names", "Wanda Szymańska")]),
        ("Intake notes: client is gary pelletier, roofer.", [("names", "gary pelletier")]),
        (
            "2026-01-05 ref none client=janice whitcombe",
            [("dates", "2026-01-05"), ("names", "janice whitcombe")],
        ),
        ('> "Best hour of my week." janice whitcombe', [("names", "janice whitcombe")]),
        ("A card came from the Okonkwo family.", [("names", "Okonkwo")]),
        # Biometric identifiers by the body part a machine reads.
        (
            "Her palm-vein scan ID PV-20418 is on file.",
            [("biometric", "palm-vein scan ID PV-20418")],
        ),
        ("Her face print 20931 is stored.", [("biometric", "face print 20931")]),
        ("Face ID enrolment reference 88213-B.", [("biometric", "88213-B")]),
        # A number after its label that only a far future year would share.
        ("Well done to runner bib 2093 on the hill.", [("other-code", "bib 2093")]),
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
        # An angle, a range of measures, a site's name and a reference page are no identifier.
        "Keep elbows at 90 to 100 degrees, wrists straight.",
        "It takes nearly 90 minutes.",
        "See example.com/about for our hours.",
        "Read nih.gov/health/back-pain before your visit.",
        "Use a 1/2 inch pad; rate pain 3.5/10.",
        # Landforms, abbreviated journals, studies and institutions' towns.
        "Outside work I hike in the White Mountains.",
        "A study by Andersen JH et al. (2007, Occup Environ Med) found this.",
        "Data from the Framingham Heart Study show this.",
        "A Cochrane review on massage found little.",
        "Alfred Adson described it at the Mayo Clinic in Rochester.",
        # Lower-case words after "client is", a quote or "the": no names.
        "The client is mostly better and the patient is sleeping.",
        '"It helped," she said, and the whole family came.',
        "The American family doctor sees this often.",
        "In 2019 she ran her first race; by 2031 she wants ten.",
        "She used her hand scan at the door and had a face-to-face chat.",
    ],
)
def test_clean_prose_stays_clean(body):
    assert found(body) == []


# --- the practice's own town --------------------------------------------------------------


def town_levels(body):
    """The levels of what the rule book reports of the practice's town (Natick) in a body."""
    source = parse("pages/about.md", "---\ntitle: About\n---\n" + body + "\n")
    found = check_privacy(source, Privacy(town="Natick"), None)
    return [p.level for p in found if "Natick" in p.message]


@pytest.mark.parametrize(
    "body",
    [
        "I have worked in Natick since 2009.",
        "Parking is easy at the Natick office.",
        "We opened our doors in Natick in 2015.",
    ],
)
def test_the_practice_town_in_words_about_the_practice_is_fine(body):
    assert town_levels(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "She lives in Natick with her sister.",
        "We moved her sessions after she moved to Natick.",
        "A runner from Natick came in.",
    ],
)
def test_the_practice_town_about_a_client_still_warns(body):
    assert town_levels(body) == [Level.WARNING]
