"""Each Safe Harbor detector alone: what it finds, what it must not, and hostile input.

One section per category (the plugin README lists which module finds which); the
examples are written for these tests, in the voices a practice site uses.
"""

import pytest

from casebook.privacy import (
    addresses,
    ages,
    code_spans,
    dates,
    emails,
    ip_addresses,
    lint_source,
    phones,
    places,
    ssns,
)
from casebook.privacy.links import url_identifier
from casebook.privacy.phones import phone_category
from casebook.privacy.seen import normalise, seen


def found(text, **kwargs):
    """(kind, category, text, warning) of each finding of the whole lint on a body."""
    return [(f.kind, f.category, f.text, f.warning) for f in lint_source(text, **kwargs)]


def categories(text):
    return {f.category for f in lint_source(text)}


def codes(text):
    return [(text[a:b], category) for (a, b), category in code_spans(text)]


# --- text as a reader sees it -------------------------------------------------------------


@pytest.mark.parametrize(
    "written, read",
    [
        ("jo&#64;example.org", "jo@example.org"),
        ("Maureen O&#39;Shea", "Maureen O'Shea"),
        ("５０８-５５５-０１９９", "508-555-0199"),
        ("tanya＠example.com", "tanya@example.com"),
        ("Ro\u200bbert Ka\u200bminski", "Robert Kaminski"),
        ("4Q\u00adF7-RM2", "4QF7-RM2"),
        ("\u041cartha", "Martha"),  # a Cyrillic capital Em
        ("\u043elga", "olga"),  # a Cyrillic small o
        ("plain ASCII text", "plain ASCII text"),
        ("a &unknown; entity", "a &unknown; entity"),
        ("line&#10;break", "line break"),  # an entity never starts a new block
    ],
)
def test_text_is_read_as_a_reader_sees_it(written, read):
    assert seen(written) == read


def test_every_seen_character_leads_back_to_where_it_was_written():
    text = "Call ５０８ or &#64; Ro\u200bbert."
    shown, origin = normalise(text)
    assert shown == "Call 508 or @ Robert."
    assert text[origin(shown.index("@"))] == "&"
    assert text[origin(shown.index("bert"))] == "b"
    assert origin(shown.index("508")) == text.index("５")


def test_disguises_change_nothing():
    assert ("name", "names", "Robert Kaminski", False) in found("— Ro\u200bbert Ka\u200bminski")
    assert ("email", "email", "olga.petrova@example.net", False) in found(
        "emailed us from \u043elga.petrova@example.net"
    )
    assert categories("her number: ５０８-５５５-０１９９.") == {"phone"}


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Her boss, Kevin Marchetti, suggested she try us.", ["Kevin Marchetti"]),
        ("His daughter, nancy oliveira, booked the visit.", ["nancy oliveira"]),
        ("Wife, Lorraine Dubois, attends and helps.", ["Lorraine Dubois"]),
        ("Her neurologist, Dr. Anjali Mehra, ruled it out.", ["Dr. Anjali Mehra"]),
        ("Moraska AF, Stenerson L, Butryn N. Trigger point massage. Clin J Pain. 2015;31:159.", []),
        ("Gerwin et al. (1997) found that trained examiners agreed.", []),
        ("A positive Tinel's sign, after the French neurologist Jules Tinel.", []),
        ("The Boston surgeon Ernest Amory Codman named it in 1934.", []),
        ("By the mid-1950s Senator John F. Kennedy was on crutches.", []),
        ("She stayed on under President Johnson.", []),
        ("Read *The Trigger Point Therapy Workbook* by Clair Davies first.", []),
        ("The Centers for Medicare & Medicaid Services publish the codes.", []),
        ("This follows the HIPAA Safe Harbor list of Health and Human Services.", []),
        ("Her insurer, Harvard Pilgrim, paid; Blue Cross did not.", []),
        ("We are closed from Christmas Eve to New Year's Day, as every year.", []),
    ],
)
def test_names_in_context(text, expected):
    assert [t for kind, _, t, _ in found(text) if kind == "name"] == expected


def test_a_name_the_file_shows_public_is_public_everywhere_in_it():
    text = (
        "---\ntitle: A review\nsummary: Clair Davies's book, and Amber Davies's edition.\n---\n"
        "The *Workbook* by Clair Davies is the one we lend.\n"
    )
    assert [f for f in found(text) if f[0] == "name"] == []


def test_someone_the_client_knows_is_named_even_in_a_passage_about_history():
    text = "In 1930 her grandfather, Jacob Miller, described the same pain."
    assert ("name", "names", "Jacob Miller", False) in found(text)


def test_a_name_in_a_history_passage_without_its_context_is_a_warning():
    text = (
        "In 1940 the method began. In 1950 it spread.\n\n"
        "Later Maria Kessler taught it to many students.\n"
    )
    assert ("name", "names", "Maria Kessler", True) in found(text)


def test_a_condition_alias_that_is_a_name_masks_nothing():
    terms = ["Piriformis syndrome", "Bus driver's hip (Doreen Castellano series)"]
    text = "---\ntitle: Bus driver\ntags: [Bus driver's hip (Doreen Castellano series)]\n---\n"
    assert ("name", "names", "Doreen Castellano", False) in found(text, known_terms=terms)


# --- geography --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She lives on Cedar Street in Hopkinton.", ["Cedar Street"]),
        ("Ashland Family Dental on Pond Street", ["Pond Street"]),
        ("She gave the ZIP as 01770 on the form.", ["ZIP as 01770"]),
        ("A trip down Memory Lane.", []),
        ("Paul St. John drew the threads together.", []),
    ],
)
def test_streets_and_zip_codes(text, expected):
    assert addresses(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Spring is late in New England again.", []),
        ("A health resort in Hertfordshire, England.", []),
        ("Janet Travell, a New York physician, mapped them.", []),
        ("She works in Jamaica Plain.", ["Jamaica Plain"]),
        ("A long series of studies in Madrid.", []),
        ("She moved here from London last year.", ["London"]),
        ("She grew up in Paris, TX.", ["Paris"]),
    ],
)
def test_regions_states_and_cities_abroad(text, expected):
    assert places(text) == expected


def test_places_in_history_and_reference_lists_are_none():
    text = (
        "It is named for two surgeons who described it in 1903: Robert Bayley Osgood in "
        "Boston and Carl Schlatter in Zurich.\n\n"
        "## References\n\n- Travell JG, Simons DG. *Trigger Point Manual*. Baltimore: "
        "Williams & Wilkins; 1983.\n"
    )
    assert found(text) == []


def test_a_place_in_lower_case_after_lives_in_and_a_landmark():
    assert ("place", "geography", "hopkinton", False) in found("she lives in hopkinton now")
    landmark = found("She trains on the Cochituate loop most weekends.")
    assert landmark and landmark[0][2] == "Cochituate loop" and landmark[0][3]


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Exams start on the third of May.", ["third of May"]),
        ("On the 14th of the first month she slept.", ["the 14th"]),
        ("He turned 97 on the 9th and celebrated.", ["the 9th"]),
        ("She took a tumble last Thanksgiving.", ["last Thanksgiving"]),
        ("Since Memorial Day weekend 2022.", ["Memorial Day weekend 2022"]),
        ("The 5th session and the 19th century.", []),
        ("Every March we collect food.", []),
    ],
)
def test_dates(text, expected):
    assert dates(text) == expected


def test_a_month_or_a_holiday_alone_is_a_warning_and_a_recurring_one_is_none():
    assert found("She came after a December of concerts.") == [("date", "dates", "December", True)]
    assert found("Made it to Labor Day without a bad day.") == [
        ("date", "dates", "Labor Day", True)
    ]
    assert found("We are closed on Thanksgiving Day, as every year.") == []


def test_a_historical_date_about_a_public_figure_is_none():
    text = (
        "Kennedy took the chair to the White House after Senator John F. Kennedy's win in "
        "January 1961."
    )
    assert [f for f in found(text) if f[0] == "date"] == []
    assert ("date", "dates", "August 1930", False) in found("Edith was born in August 1930.")


# --- ages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He is ninety-one and proud of it.", ["is ninety-one"]),
        ("Now in her 95th year, she sews.", ["95th year"]),
        ("Still golfing at 97 years young.", ["at 97 years young"]),
        ("My mother came to you at 98 years of age.", ["at 98 years of age"]),
        ("A ninety-three-year-old from the town.", ["ninety-three-year-old"]),
        ("I am a nonagenarian.", ["nonagenarian"]),
        ("Edith turning ninety-five this week.", ["turning ninety-five"]),
        ("Several of our clients are in their nineties.", []),
        ("Trigger points behave the same at 30 as at 90.", []),
        ("Clients aged 90 or older, and those over 90.", []),
        ("Abduction at 90 degrees and 95% better.", []),
    ],
)
def test_ages(text, expected):
    assert ages(text) == expected


# --- phone and fax ----------------------------------------------------------------------------


def test_phone_and_fax_are_told_apart_by_their_words():
    text = "her employer's fax (f. 781-555-0155) and her cell 978 555 0126"
    assert [(p, phone_category(text, text.index(p))) for p in phones(text)] == [
        ("781-555-0155", "fax"),
        ("978 555 0126", "phone"),
    ]


def test_a_number_read_out_in_words():
    assert phones('reading it out as "six one seven, five five five, zero one nine eight"') == [
        "six one seven, five five five, zero one nine eight"
    ]
    assert phones("count one two three four five six seven eight nine zero") == []


# --- email ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "as maya dot lindgren at example dot edu, please",
            ["maya dot lindgren at example dot edu"],
        ),
        ("write to pnolan [at] example.org.", ["pnolan [at] example.org"]),
        (
            "walt (at) kowalczyklandscaping (dot) example",
            ["walt (at) kowalczyklandscaping (dot) example"],
        ),
        ("find us at example.org or at the front desk", []),
        ("write to us at example dot org", []),
    ],
)
def test_spelled_emails(text, expected):
    assert emails(text) == expected


# --- social security numbers -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("his social security number ending in 0392", ["0392"]),
        ("Do you need my social (219 44 0873)?", ["219 44 0873"]),
        ("the report header had xxx-xx-5528 on it", ["xxx-xx-5528"]),
        ("SSN 123-45-6789", ["SSN 123-45-6789"]),
        ("her social worker called in 2021", []),
        ("call 508-555-0100", []),
    ],
)
def test_social_security_numbers(text, expected):
    assert ssns(text) == expected


# --- record, plan, account, licence, vehicle, device, biometric and other codes ---------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Cardiology chart no. C-4418271 notes the leads.",
            [("chart no. C-4418271", "medical-record")],
        ),
        (
            "the record number of her nerve study (NCS-2023-0917)",
            [("NCS-2023-0917", "medical-record")],
        ),
        (
            "a Cigna plan with member ID U4471 0923 01.",
            [("member ID U4471 0923 01", "health-plan")],
        ),
        ("her Medicare number (7QW2-M41-HK90)", [("7QW2-M41-HK90", "health-plan")]),
        ("her HSA card, ending in 6604, and", [("ending in 6604", "account")]),
        ("Our invoices (INV-2024-0412 and more)", [("INV-2024-0412", "account")]),
        ("her driver's licence (S0419 2237) came up", [("S0419 2237", "licence")]),
        ("a Ford F-250 (VIN 1FTBF2B61HEC04417)", [("VIN 1FTBF2B61HEC04417", "vehicle")]),
        ("the one with the vanity plate MOSHEA", [("vanity plate MOSHEA", "vehicle")]),
        ("the ID of her medical-alert pendant (LL-4471-8823)", [("LL-4471-8823", "device")]),
        ("the phone's IMEI (356938035643809)", [("356938035643809", "device")]),
        ("my voiceprint ID VP-7781-0032 failed", [("voiceprint ID VP-7781-0032", "biometric")]),
        ("the new template is filed as FP-0041-2291.", [("FP-0041-2291", "biometric")]),
        (
            "Join with meeting ID 812 4471 9035 (passcode)",
            [("meeting ID 812 4471 9035", "other-code")],
        ),
        ("her first marathon, with bib 11873. Six weeks", [("bib 11873", "other-code")]),
        ("codes such as M54.50 or G57.01, and L4-L5", []),
        ("our licence number and the ICD-10-CM code your physician gave", []),
        ("Her chart from 2009, a record 10 sessions, licensed in 2005.", []),
        ("by the mid-1950s, a COVID-19 test, a Samsung SM-G991U", []),
    ],
)
def test_labelled_codes(text, expected):
    assert codes(text) == expected


def test_a_table_column_labels_its_cells():
    text = "| client | account | charge |\n|---|---|---|\n| Ana P. | 10-4471-22 | $95 |\n"
    assert ("record-number", "account", "10-4471-22", False) in found(text)


# --- URLs and IP addresses --------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.gofundme.com/f/maureen-walks-again", "a fundraiser"),
        ("https://www.youtube.com/@IlseViolin", "a video channel"),
        ("https://www.strava.com/athletes/48122097", "a fitness profile"),
        ("https://mail.example.com/t/click?uid=88213", "parameter uid="),
        ("https://denisebakes.example.com", "the name 'denise'"),
        ("https://www.nhs.uk/conditions/tension-headaches/", None),
        ("https://pubmed.ncbi.nlm.nih.gov/12345678/", None),
        ("https://example.org/about", None),
    ],
)
def test_urls_by_what_they_point_at(url, expected):
    given = frozenset({"denise", "maureen"})
    assert url_identifier(url, ("metrowest-nmt.example",), given) == expected


def test_the_practice_s_own_site_and_a_link_called_someone_s_own():
    assert (
        url_identifier("https://www.metrowest-nmt.example/fees", ("metrowest-nmt.example",)) is None
    )
    assert categories("See [his website](https://kowalczyk-landscaping.example.com).") == {"url"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("posted from 198.51.100.77, and", ["198.51.100.77"]),
        ("the login came from 198 . 51 . 100 . 203, an", ["198 . 51 . 100 . 203"]),
        ("a second account from 2001:db8:4a00:3e0::1f", ["2001:db8:4a00:3e0::1f"]),
        ("at 08:14:07, version 1.2.3.4, doi:10.1080/00325481.1952.11694280", []),
        ("999.1.1.1 and C5-C6", []),
    ],
)
def test_ip_addresses(text, expected):
    assert ip_addresses(text) == expected


# --- hostile input ----------------------------------------------------------------------------

HUGE = 200_000


@pytest.mark.parametrize(
    "text",
    [
        "MRN " * (HUGE // 4),
        "plate " * (HUGE // 6),
        "1-" * (HUGE // 2),
        "a [at] " * (HUGE // 7),
        "the 1st " * (HUGE // 8),
        "ninety " * (HUGE // 7),
        "&#64;" * (HUGE // 5),
        "\u200b" * HUGE,
        "Ｍ" * HUGE,
        "<b>" * (HUGE // 3),
        "- " * (HUGE // 2),
    ],
    ids=["labels", "plates", "hyphens", "spelled-at", "ordinals", "ninety", "entities",
         "invisible", "full-width", "markup", "list markers"],
)  # fmt: skip
def test_hostile_input_is_read_once(text):
    # Each finishes at once (the test would hang where everyone sees it); none crashes.
    assert isinstance(lint_source(text), list)
    assert isinstance(lint_source(f"---\ntitle: x\nsummary: {text[:5000]!r}\n---\n{text}\n"), list)


def test_markup_quotes_and_commands_are_text():
    text = "<script>alert('x')</script> `$(rm -rf ~)` ../../etc/passwd \"quoted\" 'single'"
    assert found(text) == []
