"""Round eleven: the holes an attacker's pass left open, and places said in fewer words.

Each sentence is written for this test (not taken from any evaluation corpus).
"""

import pytest
from lintbody import every as found


def texts(body, category):
    """The texts found in one category."""
    return [t for c, t in found(body) if c == category]


# "Here" says where the writer is, so what follows "from" is where the client came from.
@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("She came here from Tegucigalpa in 2009 and stayed.", "Tegucigalpa"),
        ("He moved here from Xalapa when he was ten.", "Xalapa"),
        ("Her family came over from Kinvara after the war.", "Kinvara"),
        ("Her parents came to the United States from Batangas.", "Batangas"),
    ],
)
def test_coming_here_from_a_place_names_it(body, place):
    assert place in texts(body, "geography")


# A label is a label written as one word, with a hyphen or with no full stop.
@pytest.mark.parametrize(
    ("body", "code", "category"),
    [
        ("Key-fob 44817 opened the side door for her.", "44817", "other-code"),
        ("Her keyfob 44817 opened the side door.", "44817", "other-code"),
        ("The letterhead gave PT Lic 4471 under his name.", "4471", "licence"),
    ],
)
def test_a_label_without_its_punctuation_still_labels(body, code, category):
    assert any(code in t for t in texts(body, category)), found(body)


# A state written as its old abbreviation before a plate is the plate's state.
@pytest.mark.parametrize(
    "body",
    [
        "The truck, Calif. 8BXT512, was parked outside.",
        "The truck with Tex. plates 8BXT512 was parked outside.",
    ],
)
def test_a_plate_after_a_state_abbreviation_is_a_plate(body):
    assert any("8BXT512" in t for t in texts(body, "vehicle")), found(body)


# After "plate", a state's code is the plate's state, not a vanity plate of its own.
def test_a_state_after_plate_is_no_plate_of_its_own():
    body = "The truck, plate CA: 8BXT512, was outside."
    assert [t for t in texts(body, "vehicle") if "8BXT512" not in t] == [], found(body)
    assert any("8BXT512" in t for t in texts(body, "vehicle")), found(body)


# However many spaces stand around its dashes, nine digits in 3-2-4 are one number.
def test_an_ssn_with_wide_dashes_is_one():
    body = "Her SSN is 548   -   22   -   7190 on the form."
    assert any("7190" in t for t in texts(body, "ssn")), found(body)


# "@rroba" is the arroba written to slip past a filter, as "(arroba)" is.
def test_an_email_with_a_disguised_arroba_is_one():
    body = "Write to lety.tamales @rroba example.com for the recipe."
    assert any("example.com" in t for t in texts(body, "email")), found(body)


# From the attacker's last pass: every place on a long line was checked against every place
# found before it (growth 6.9x for 4x input), where the spans taken are now bisected.
@pytest.mark.parametrize(
    "make",
    [
        lambda n: "she lives in Hopkinton, MA " * n,
        lambda n: "the Sweetwater Creek and Pine Hollow, " * n,
    ],
    ids=["places on one line", "places by their kind"],
)
def test_many_places_on_one_line_stay_linear(make):
    from growth import growth

    assert growth(lambda t: found(t), make, 300) < 6


def test_taken_spans_overlap_as_a_scan_of_them_says():
    import random

    from casebook.privacy.spans import Taken

    rng = random.Random(11)
    for _ in range(2000):
        spans, taken = [], Taken()
        for _ in range(rng.randint(0, 20)):
            start = rng.randint(0, 70)
            probe = (start, start + rng.randint(1, 10))
            assert taken.overlaps(probe) == any(probe[0] < b and a < probe[1] for a, b in spans)
            a = rng.randint(0, 60)
            spans.append((a, a + rng.randint(1, 12)))
            taken.add(spans[-1])


# A town abroad that shares no name with a US place is found from GeoNames' towns
# (data/places_abroad.txt) where the words say someone lives there or comes from there.
@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Kateryna lives in Kharkiv with her sister.", "Kharkiv"),
        ("He is from Tegucigalpa and plays in a band.", "Tegucigalpa"),
        ("She moved from Chisinau to Ohio in 2014.", "Chisinau"),
        ("Her brother still works in Batangas.", "Batangas"),
    ],
)
def test_a_town_abroad_is_found_where_someone_lives(body, place):
    assert place in texts(body, "geography")


@pytest.mark.parametrize(
    "body",
    [
        "A 2019 study from Leuven found the same in runners.",
        "In June I walked the Camino Francés,\nfrom León to Santiago de Compostela.",
        "The AMTA Washington Chapter publishes a list of courses.",
        "The course ran in Leuven, Maastricht and Kharkiv last spring.",
    ],
)
def test_a_town_abroad_in_research_a_route_or_a_list_is_no_ones(body):
    assert texts(body, "geography") == []


def test_the_towns_abroad_share_no_name_with_a_us_place_a_state_or_a_given_name():
    from casebook.privacy import gazetteer
    from casebook.privacy.placenames import abroad
    from casebook.privacy.wordlists import GIVEN_NAMES

    towns = list(abroad())
    assert len(towns) > 50_000 and towns == sorted(towns)
    clashes = [
        t for t in towns if t in gazetteer.places() or gazetteer.above_state(t) or t in GIVEN_NAMES
    ]
    assert clashes == []


# The practice's own calendar and the public one date no client's event.
@pytest.mark.parametrize(
    "body",
    [
        "We're closed from Wednesday 24 December to Thursday 1 January inclusive.",
        "Thanksgiving week: open Monday to Wednesday, closed Thursday and Friday.",
        "Hanukkah begins at sundown on 14 December; Kwanzaa runs from 26 December to 1 January.",
        "Festival season is here: Diwali, Hmong New Year, Thanksgiving, Hanukkah and Kwanzaa.",
        "Popular times for gift certificates: Mother's Day, Father's Day and Christmas.",
        "The busiest week of the year was the one after Thanksgiving, every year.",
        "The quietest was the first week of August.",
    ],
)
def test_a_date_of_the_practice_or_the_calendar_is_no_ones(body):
    assert texts(body, "dates") == [], found(body)


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("She came in the week after Thanksgiving with a locked neck.", "Thanksgiving"),
        ("Her fall was on 14 December, on the ice by the mailbox.", "14 December"),
        ("Dana M. first came in last August.", "August"),
    ],
)
def test_a_date_of_a_clients_event_is_still_found(body, date):
    assert any(date in t for t in texts(body, "dates")), found(body)


def test_last_before_a_holiday_makes_it_one_occasion_though_the_sentence_names_no_one():
    body = "They live out past the mill. The fall happened last Thanksgiving, on the steps."
    assert any("Thanksgiving" in t for t in texts(body, "dates")), found(body)


# Identifiers in the shapes other languages, other separators and other labels give them.
@pytest.mark.parametrize(
    ("body", "category", "part"),
    [
        ("Write to hanne.dahl bei example punkt de in German.", "email", "hanne.dahl"),
        ("Or to jules.fontaine chez example point fr in French.", "email", "jules.fontaine"),
        ("Or to paola.ricci chiocciola example punto it.", "email", "paola.ricci"),
        ("Notes by fax 508·555·0194 are welcome.", "fax", "0194"),
        ("Her plane is N-number N4471K, a Super Cub.", "vehicle", "N4471K"),
        ("Her satellite tracker, ESN 0-3318420, is watched all day.", "device", "3318420"),
        ("Her grandmother, who is hundred and one, still lives alone.", "ages", "hundred and one"),
        ("In her sister's hand: four six six, one two, zero zero nine four.", "ssn", "nine four"),
    ],
)
def test_an_identifier_in_another_tongue_or_shape_is_found(body, category, part):
    assert any(part in t for t in texts(body, category)), found(body)


def test_nine_digit_words_that_only_count_are_no_ssn():
    assert texts("We counted one two three, four five, six seven eight nine.", "ssn") == []


# A person's name in the shapes a form, a testimonial or a list gives it.
@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Her family name is Takahashi and she is from the coast.", "Takahashi"),
        ("His surname was Lindqvist-Berg, he said.", "Lindqvist-Berg"),
        ('> Dwayne "Big D" Pettaway, after his third session', 'Dwayne "Big D" Pettaway'),
        ("- dolores whitcombe, who is the oldest of our walkers", "dolores whitcombe"),
        ("The raffle's winner, Ines Carvalho-Ruiz, has the voucher.", "Ines Carvalho-Ruiz"),
    ],
)
def test_a_name_in_a_form_a_quote_or_a_list_is_found(body, name):
    assert name in texts(body, "names"), found(body)


def test_a_last_name_said_to_be_hard_names_no_one():
    assert texts("Her last name is hard to spell, she warned us.", "names") == []


# A case's places where a case says them: a client's life story with its old years, the
# court she works at, the villages she flies to, the town her father drove out of.
@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("She was born in 1928 in a farmhouse outside\nHibbing, and lived there.", "Hibbing"),
        ("She has lived since 1971 in Sudbury, near her daughter.", "Sudbury"),
        ("She works at the Worcester Trial Court, in the back row.", "Worcester"),
        ("She flies to villages like Noorvik and Kiana most weeks.", "Kiana"),
        ("His father drove trucks out of Ludhiana for thirty years.", "Ludhiana"),
    ],
)
def test_a_place_in_a_clients_story_is_found(body, place):
    assert place in case_texts(body, "geography")


def test_a_study_named_for_its_town_and_a_title_of_communities_are_no_places():
    assert texts("The Framingham Heart Study began in 1948 and runs still.", "geography") == []
    assert texts("Our Communities of Practice meet monthly online.", "geography") == []


CASE = """---
title: "Wrist pain in a court reporter: Treatment of Ifeoma N."
slug: wrist-pain-in-a-court-reporter-ifeoma-n
tags: [Carpal tunnel syndrome]
case:
  client: Ifeoma N.
  consent: true
  presenting_complaint: "Tingling in the right thumb."
  findings: "Scalene trigger points."
  interventions: "NMT to the neck."
  sessions: 5
  outcome: "Tingling only after the longest days."
  outcome_status: much improved
---
"""


def case_texts(body, category):
    """The texts found in one category in a case write-up's body."""
    from casebook.privacy import lint_source

    return [f.text for f in lint_source(CASE + body + "\n") if f.category == category]


# What a file shows to be public: a product's model wherever the file gives it, a work's
# maker before the work.
def test_a_code_called_a_model_is_no_ones_anywhere_in_the_file():
    body = (
        "We tried a budget gun (model number MG-2800, about $49).\n\n"
        "Best value: the budget MG-2800, honestly.\n\n"
        "Her pump, serial 4471-AB, was new."
    )
    codes = [t for c, t in found(body) if c in ("other-code", "device")]
    assert codes == ["serial 4471-AB"], found(body)


def test_a_name_before_a_kind_of_work_is_its_maker():
    body = "He played a Dizzy Gillespie tune at the last session."
    assert case_texts(body, "names") == [] and case_texts(body, "geography") == []
    assert case_texts("He played a tune for Dana Whitfield.", "names") == ["Dana Whitfield"]


def test_a_year_after_model_is_no_model_of_the_file():
    body = "A model 2019 study said so.\n\nHer fall was on March 3, 2019."
    assert any("2019" in t for t in texts(body, "dates")), found(body)


# The attacker's pass on the rules above: what they must never silence.
@pytest.mark.parametrize(
    ("body", "date"),
    [
        (
            "Between Thanksgiving, Christmas and New Year's Day Dana fell twice, the worst on "
            "27 December 2023.",
            "27 December 2023",
        ),
        (
            "Over Thanksgiving, Christmas and Kwanzaa I flared badly, worst on 27 December.",
            "27 December",
        ),
        (
            "Thanksgiving, Christmas and New Year's Eve were hard; Ifeoma was admitted on "
            "27 December.",
            "27 December",
        ),
        ("Kwanzaa runs from 26 December to 1 January; her surgery was 28 December.", "28 December"),
        ("Hanukkah begins on 7 December 2023, the day Dana Whitfield was admitted.", "2023"),
        ("Christmas falls on a Monday, and the surgery was on 22 December 2023.", "2023"),
        ("Procedure: open reduction and internal fixation on 14 March.", "14 March"),
        ("Ifeoma's wound: closed by 12 May.", "12 May"),
        ("Dana's bakery reopens on 3 June after the surgery on 28 May.", "28 May"),
        ("Ifeoma always limps worst the week after Thanksgiving.", "Thanksgiving"),
        ("Dana Whitfield usually flares in August.", "August"),
    ],
)
def test_a_clients_date_beside_the_calendar_is_still_found(body, date):
    assert any(date in t for t in texts(body, "dates")), found(body)


def test_the_festival_season_of_many_clients_is_the_calendars():
    body = (
        "Late autumn is festival season for many of our clients: Diwali, Hmong New Year, "
        "Thanksgiving, Hanukkah, Christmas, Kwanzaa."
    )
    assert texts(body, "dates") == [], found(body)


@pytest.mark.parametrize(
    ("body", "category", "part"),
    [
        (
            "She uses an insulin pump, model 4471-AB. Its serial 4471-AB is on the back.",
            "device",
            "4471-AB",
        ),
        ("Her phone is a Motorola, model 555-0194. Call her at 555-0194.", "phone", "555-0194"),
        (
            "Her husband's rifle is a Winchester Model 94. At 94 she still walks daily.",
            "ages",
            "94",
        ),
        (
            "She drives a Tesla Model 3. Her fall was on 3 March outside 3 Ridge Road.",
            "dates",
            "3 March",
        ),
    ],
)
def test_a_model_never_hides_an_identifier_of_the_same_digits(body, category, part):
    assert any(part in t for t in texts(body, category)), found(body)


@pytest.mark.parametrize(
    "body",
    [
        "She lent me a Dana Whitfield book she wrote herself.",
        "Her son played a Marcus Pettaway song he wrote for her.",
        "We watched a Rosa Delgado film from her own phone.",
        "The Dana Whitfield show at the library was her first exhibition.",
        "She keeps a Dana Whitfield record of every session.",
    ],
)
def test_a_clients_name_before_a_work_is_still_a_name(body):
    assert case_texts(body, "names") != []


@pytest.mark.parametrize(
    ("body", "category", "part"),
    [
        ("She is from Santo Domingo and cooks for us.", "geography", "Santo Domingo"),
        ("She is from Chișinău and cooks for us.", "geography", "Chișinău"),
        ("She is from Łódź and cooks for us.", "geography", "Łódź"),
        ("She was raised outside Kharkiv.", "geography", "Kharkiv"),
        ("She is a native of Tegucigalpa.", "geography", "Tegucigalpa"),
        ("She fled Kharkiv in 2022 with her son.", "geography", "Kharkiv"),
        ("Write to hanne.dahl (bei) example (punkt) de.", "email", "hanne.dahl"),
        ("Her copy: four six six – one two – zero zero nine four.", "ssn", "nine four"),
        ("Call her at 508–555–0194 after six.", "phone", "0194"),
        ("Her SSN is 548·22·7190 on the form.", "ssn", "7190"),
        ("Dwayne «Big D» Pettaway wrote in.", "names", "Pettaway"),
        ('Dwayne "Big D" McPherson wrote in.', "names", "McPherson"),
        ("Her maiden name was O'Connor.", "names", "O'Connor"),
    ],
)
def test_an_attackers_other_spelling_is_found(body, category, part):
    assert any(part in t for t in texts(body, category)), found(body)


@pytest.mark.parametrize(
    "body",
    [
        "She switched from Bikram to a gentler class.",
        "I learned this from Tabata intervals years ago.",
        "Our new cheese plate comes from Gouda, naturally.",
        "We moved from SARS to COVID protocols in 2020.",
        "Count it like a dancer: five six seven, eight one, two three four five.",
        "Arnica's family name is Asteraceae, the daisies.",
        "We visit towns including Spanish speakers and veterans.",
    ],
)
def test_an_attackers_clean_sentence_raises_nothing(body):
    assert found(body) == []


def test_a_long_list_of_holidays_stays_linear():
    from growth import growth

    make = lambda n: ", ".join(["Diwali", "Thanksgiving", "Hanukkah", "Kwanzaa"] * n) + "."  # noqa: E731
    assert growth(lambda t: found(t), make, 20) < 6


# Clean sentences of the kinds a practice's site writes, written for this test.
@pytest.mark.parametrize(
    "body",
    [
        "The Boston Marathon runs on Patriots' Day, the third Monday of April.",
        "Our office is closed Monday, January 19 for Martin Luther King Jr. Day.",
        "Mother's Day gift certificates are on sale until May 10.",
        "The American Massage Therapy Association meets in Phoenix every September.",
    ],
)
def test_a_public_event_an_offer_and_our_closing_day_are_no_ones(body):
    assert found(body) == []


def test_a_closing_day_beside_a_clients_fall_is_still_hers():
    body = "We're closed on 24 December. Dana M. fell on the ice on 27 December."
    assert any("27 December" in t for t in texts(body, "dates")), found(body)


@pytest.mark.parametrize(
    "body",
    [
        "LeBron James reportedly spends a fortune on his body every year.",
        "Tom Brady, the NFL's oldest quarterback, swore by pliability work.",
    ],
)
def test_a_public_record_makes_a_public_figure(body):
    assert texts(body, "names") == [], found(body)


def test_a_client_beside_a_league_is_still_named():
    body = "Her neighbour Dana Whitfield reportedly watches every NFL game with her."
    assert "Dana Whitfield" in texts(body, "names")


@pytest.mark.parametrize(
    ("body", "category", "part"),
    [
        ("Write to ana.nowak małpa example kropka pl for the forms.", "email", "ana.nowak"),
        ("Write to ivan.petrov sobaka example tochka ru for the forms.", "email", "ivan.petrov"),
        ("Write to erik.lund snabel-a example punkt se for the forms.", "email", "erik.lund"),
        ("Her boat's HIN is ABC12345D404.", "vehicle", "ABC12345D404"),
        ("Her plane, tail-number N4471K, is red.", "vehicle", "N4471K"),
        ("Her plane, N4471K, is a Super Cub.", "vehicle", "N4471K"),
    ],
)
def test_more_tongues_and_registrations_are_found(body, category, part):
    assert any(part in t for t in texts(body, category)), found(body)


def test_a_mask_in_a_plane_is_no_registration():
    assert texts("Her plane has an N95 mask and an N100 filter in it.", "vehicle") == []


def test_many_registrations_in_one_sentence_stay_linear():
    from growth import growth

    assert growth(lambda t: found(t), lambda n: "Her plane N4471K and " * n, 100) < 6
