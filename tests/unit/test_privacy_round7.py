"""Round seven: places as practice prose writes them (by their kind, after a phrase of where,
in lower case, with an ʻokina), and the look-alikes those rules must leave alone.

Each sentence is written for this test (not taken from any evaluation corpus).
"""

import pytest
from growth import growth
from lintbody import found

from casebook.privacy.placekinds import kind_spans, locative_spans, road_spans


# A capitalised name before a kind of place is a place, the kind included.
@pytest.mark.parametrize(
    "body, place",
    [
        ("She grew up on a farm out past Sweetwater Creek.", "Sweetwater Creek"),
        ("He hunts every fall near Tarbell Hollow with his brother.", "Tarbell Hollow"),
        ("Her family fishes on Bayou Teche most weekends.", "Bayou Teche"),
        ("She drives over from Rockfish Gap on Tuesdays.", "Rockfish Gap"),
        ("They ranch out by Black Mesa and she rides daily.", "Black Mesa"),
        ("She moved to Big Pine Key after retiring.", "Big Pine Key"),
        ("She works nights at the Tollan Point marina.", "Tollan Point"),
        ("They run the store at Dunmore Corners.", "Dunmore Corners"),
        ("She walks the Owl Creek Trail with her dog.", "Owl Creek Trail"),
        ("He coaches at Brightwater Elementary School.", "Brightwater Elementary School"),
        ("She teaches at Pine Bluff High School.", "Pine Bluff High School"),
        ("She volunteers at the Ridgeway Library on Saturdays.", "Ridgeway Library"),
        ("He sings at St. Brendan's Church every Sunday.", "St. Brendan's Church"),
        ("He has breakfast at the Blue Heron Diner most days.", "Blue Heron Diner"),
        ("She bakes for the Juniper Café.", "Juniper Café"),
        ("He buys hay at Mott's Feed store.", "Mott's Feed store"),
        ("They camp at Elk Meadow Campground each summer.", "Elk Meadow Campground"),
        ("She lives on the Wind River Reservation.", "Wind River Reservation"),
        ("She is from Zuni Pueblo.", "Zuni Pueblo"),
        ("He meets with elders at the Tsaile Chapter House.", "Tsaile Chapter House"),
        ("She lives in the Matanuska-Susitna Borough.", "Matanuska-Susitna Borough"),
        ("He fishes in the Bethel Census Area.", "Bethel Census Area"),
    ],
)
def test_a_name_before_a_kind_of_place_is_a_place(body, place):
    assert ("geography", place) in found(body)


@pytest.mark.parametrize(
    "body",
    [
        "Press the Trigger Point for thirty seconds.",
        "The Answer Key is at the back of the handout.",
        "We read the Turning Point chapter together.",
        "Massachusetts General Hospital published the protocol.",
        "The Royal London Hospital test loads the tendon.",
        "The High School Sports Medicine Association recommends this.",
        "She walks in the park each morning.",
        "A local trail is a fine place to start.",
        "He coaches at the high school.",
        "Gamekeeper's thumb is an injury of the ulnar collateral ligament.",
        "Baker's cyst can follow knee arthritis.",
        "The Springs Method is one approach.",
    ],
)
def test_kinds_that_name_no_place(body):
    assert not [f for f in found(body) if f[0] == "geography"]


def test_a_given_name_before_a_surname_kind_is_a_person():
    assert list(kind_spans("Robert Park and Charlotte Church came.")) == []


# A numbered road where someone lives or works; directions to the practice are not.
def test_a_numbered_road_where_someone_is():
    assert ("geography", "Hwy 41") in found("She commutes along Hwy 41 every morning.")
    assert ("geography", "Route 9") in found("His farm is off Route 9 past the mill.")
    assert not found("Take Route 9 to the second light; parking is behind the building.")


# A place no list holds, after a phrase of where, in a sentence with someone in it.
def test_a_place_after_a_phrase_of_where():
    assert ("geography", "Ostrander") in found("Her cousin's farm is just outside Ostrander.")
    assert ("geography", "Tarbell") in found("He lives out past Tarbell now.")
    assert not found("She was out past her usual bedtime.")
    assert not found("Over in Europe the approach differs.")
    assert not found("Sit up near the edge of the chair.")


# In lower case too, where the phrase of where says so, for a town the tables hold.
def test_a_lower_case_town_after_a_phrase_of_where():
    assert ("geography", "willcox") in found("her farm is just outside willcox.")
    assert not found("he was down in the dumps after the injury.")


# A street address whose name carries an ʻokina or a diacritic is an address.
def test_a_street_address_with_an_okina():
    assert ("geography", "42 Kalanianaʻole Hwy") in found("She lives at 42 Kalanianaʻole Hwy.")
    assert ("geography", "7 Rue Ménard Street") in found("He lives at 7 Rue Ménard Street.")


# A saint's hospital before its town: the town is a place, not a full name's surname.
def test_a_saints_hospital_and_its_town():
    assert ("geography", "Prineville") in found("Her scan was done at St. Charles Prineville.")
    assert not [f for f in found("Her scan was done at St. Charles Prineville.") if f[0] == "names"]


def test_the_new_patterns_stay_linear():
    assert growth(lambda t: list(kind_spans(t)), lambda n: "Ab " * n + "x", 2_000) < 8
    assert growth(lambda t: list(kind_spans(t)), lambda n: "Ab Creek " * n, 2_000) < 8
    assert growth(lambda t: list(road_spans(t)), lambda n: "on Hwy 4 she " * n, 2_000) < 8
    assert growth(lambda t: list(locative_spans(t)), lambda n: "out past Ab " * n, 2_000) < 8
