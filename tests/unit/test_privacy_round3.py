"""Round three of issue 19: identifiers beside the look-alikes a practice's site is full of.

Each case is a sentence written for this test (not taken from any evaluation corpus):
one the lint must flag with the category it must name, one it must leave alone.
"""

import pytest
from lintbody import every as everything
from lintbody import found

from casebook.privacy import lint_source


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A name beside a reference entry is still a name when the entry is prose about a client.
        ("Her brother, Tobias Wrenfield, read the paper too.", [("names", "Tobias Wrenfield")]),
        # An article before a pair does not hide a local place's name.
        ("She works nights at the Copper Kettle diner.", [("names", "Copper Kettle")]),
        # A name before a place kind is a place (privacy8): geography, no longer a full name.
        ("He lives at the Birch Hollow residence now.", [("geography", "Birch Hollow")]),
        # A town's name after "the" is still a town when it names an office or a line.
        ("She works at the Hopkinton office of a bank.", [("geography", "Hopkinton")]),
        # A five-digit number with no procedure label is still an account or code.
        # A decade of one person's age is still an age over 89.
        ("He is in his 90s and still gardens.", [("ages", "his 90s")]),
        # A serial after its label is a device's, whatever maker stands before it.
        ("Her Vortek pump serial VT-2291-0045 was logged.", [("device", "serial VT-2291-0045")]),
        # A street named for a town, and a place beside a bus depot, are still places.
        ("She lives just off the Sudbury Turnpike.", [("geography", "Sudbury Turnpike")]),
        ("She drives from the Hudson bus depot at six.", [("geography", "Hudson")]),
        # Fame in the sentence does not hide someone the client knows.
        ("My cousin Idris Okereke holds the course record.", [("names", "Idris Okereke")]),
        # A name in italics that is no work's title is a name.
        ("Her neighbour *Marta Oyelaran* dropped her off.", [("names", "Marta Oyelaran")]),
    ],
)
def test_identifiers_beside_look_alikes(body, expected):
    assert found(body) == expected


def test_a_route_in_a_slug_is_no_town():
    text = "---\ntitle: A note\nslug: cycling-the-camino-again\n---\nBody.\n"
    assert lint_source(text) == []
    text = "---\ntitle: A note\nslug: notes-from-framingham\n---\nBody.\n"
    assert [f.category for f in lint_source(text)] == ["geography"]


def test_a_month_alone_about_a_client_still_warns():
    assert everything("In March we saw her twice a week.") == [("dates", "March")]
    assert everything("She finished the course in May.") == [("dates", "May")]


def test_five_digits_without_a_procedure_label_are_still_found():
    assert found("Her card ending 55213 was declined.") != []
    assert found("The billing code for her account is 55213-7.") != []


@pytest.mark.parametrize(
    "body",
    [
        # A reference entry wrapped over lines, read whole: one author and a journal suffice.
        "1. Okabe T, et al. Grip strength in office workers. *Hand Surg\n"
        "   Rehabil.* 2019;12(2):101-108.",
        # Authors with initials are no town and state ("Dover DE", "Reading PA").
        "Marsh KL, Dover DE, Quint P. Shoulder pain at the desk. *Work.*\n2016;4(1):5-9.",
        # A PubMed or ISBN number is no phone or account number.
        "See the trial (PMID: 31415926) for details.",
        "The second edition is ISBN 978-0-12-345678-9.",
        # An initial's full stop does not end the sentence that dates the name.
        "G. Hartwell described the sign in 1881 in a letter.",
        # Centuries before the sixteenth are history too.
        "Brother Anselm Corvin wrote of the pilgrims' feet in the eleventh century.",
        # Studies, reviews and their authors, named for a town.
        "The Hanover Shoulder Pain Index asks ten questions.",
        "Cochrane authors rate that evidence as low.",
        # Things, routes and buildings after an article; products after a maker.
        "We walked the Via Podiensis for a week.",
        "A Herman Miller chair or a Humanscale Float desk will do.",
        "She swears by a Kinesis Freestyle keyboard.",
        "We toured the Bellweather Palace on the last day.",
        # The rest of an institution's name after its head and "of".
        "Guidance from the American College of Sports Medicine helps.",
        "The National Institute of Arthritis and Musculoskeletal Diseases says so.",
        "The Ohio Board of Physical Therapy licenses them.",
        # Places abroad: a saint's or a harbour's town, a place in a region.
        "The team came from San Sebastián and Porto Alegre.",
        "We stayed a night in A Guarda in Galicia.",
        # A work's title in italics or quotes, then its year or author.
        "- *Stiff Necks and Sore Backs* (1998) is still worth reading.",
        '- "Why Knees Ache" by a physiotherapist, now out of print.',
        # A procedure's billing code names the service.
        "Your receipt shows CPT code 97124 for the massage.",
        "We list the procedure codes (97530 for exercise, 97124 for massage) on it.",
        # A month alone in the writer's or the practice's own calendar.
        "In August we close for two weeks.",
        "I was away in February at a course.",
        # A share of a group in their nineties is no one's age.
        "About one in ten of our walkers is in their 90s.",
        # A possessive before a work: an author.
        "Try Imogen Castellary's essays on posture.",
        # A model number after a maker's name and an article.
        "A unit such as the Vortek MX-2210 is cheap.",
        # A highway named for its state, and directions with no one in them.
        "Take the New Jersey Turnpike south.",
        "Buses from Worcester take about an hour; the exit is signed.",
        # A public figure's public feat, with no client or relation in the sentence.
        "Tereza Valdancourt won an Olympic medal in the heptathlon.",
        # A site's name holds digits but is no code.
        "Look up the code at icd10lookup.org for the full entry.",
        # A town after "the" that names a route, not a town.
        "Walking the Camino changed how I think about heels.",
    ],
)
def test_look_alikes_stay_clean(body):
    assert found(body) == []


def test_an_article_before_a_pair_in_a_case_still_finds_it():
    case = (
        "---\ntitle: A case\ncase:\n  client: Ida P.\n---\nShe trains at the Corvane Halbeck gym.\n"
    )
    assert [f.text for f in lint_source(case)] == ["Corvane Halbeck"]
    post = "---\ntitle: A note\n---\nWe tried the Corvane Halbeck chair for a month.\n"
    assert lint_source(post) == []
