"""Round ten: text as a reader reads it, where the lint did not yet read it so.

Each sentence is written for this test (not taken from any evaluation corpus).
"""

import pytest
from lintbody import every as found

from casebook.privacy.seen import normalise


def texts(body, category):
    """The texts found in one category."""
    return [t for c, t in found(body) if c == category]


# An accent written as a combining mark is read as part of its letter, so it never cuts a
# name in two: Yoruba and Vietnamese have letters no single code point spells.
@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("A card came from Adébáyọ̀ Ọláwálé after her last session.", "Adébáyọ Ọláwálé"),
        ("Jose\u0301 Marti\u0301nez wrote to thank us.", "José Martínez"),
    ],
)
def test_a_name_with_combining_accents_is_found_whole(body, name):
    assert name in texts(body, "names")


# The word lists are written in plain letters; an accented given name is still a listed one,
# so in lower case after a relation word it is a name as "renee" is.
@pytest.mark.parametrize("given", ["renée", "andré", "tomás"])
def test_an_accented_given_name_is_a_listed_one(given):
    found_names = texts(f"Her neighbour {given} drove her to every session.", "names")
    assert any(given in name for name in found_names), found_names


def test_combining_accents_join_their_letter_and_lead_back_to_it():
    text = "Jose\u0301 and Ado\u0323\u0300"
    seen, where = normalise(text)
    assert seen == "José and Adọ"
    assert [text[where(i)] for i in (3, 11)] == ["e", "o"]


def test_marks_of_other_scripts_are_kept():
    # A Devanagari vowel sign is a letter's part of that script, not an accent to read past.
    assert normalise("नमस्ते")[0] == "नमस्ते"


# Read without its accent, "Inès" must not become "in" + a plural ending, a common word.
def test_an_accented_name_is_never_an_english_plural():
    body = 'The photo is captioned "Inès Vautrin-Delacroix takes a bow" on the poster.'
    assert "Inès Vautrin-Delacroix" in texts(body, "names")


# A method after its founder is read before the method's own name is masked as a term.
def test_a_founder_after_a_masked_method_is_public():
    body = "She has trained in myofascial release after John Barnes and in the Graston Technique."
    assert texts(body, "names") == []
    assert texts("She has trained with John Barnes, her neighbour.", "names") == ["John Barnes"]


# A web address is judged by what it points at, written with a scheme or without one.
@pytest.mark.parametrize(
    ("body", "url"),
    [
        ("Her own site is marisolbakes.example.com, with photos.", "marisolbakes.example.com"),
        (
            "I am Nadia Okonkwo-Reyes, LMT; see okonkwo-reyes-studio.example.net for hours.",
            "okonkwo-reyes-studio.example.net",
        ),
        (
            "Her nephew, Tomasz Wierzbicki, runs wierzbicki-roofing.example.com/about-us today.",
            "wierzbicki-roofing.example.com/about-us",
        ),
    ],
)
def test_an_address_named_for_a_person_is_found(body, url):
    assert url in texts(body, "url")


def test_a_site_named_for_nobody_passes_and_a_spelled_email_is_still_one():
    body = (
        "Search pubmed.gov or amtamassage.org for the studies, and write to "
        "rnolasco [at] example.org with questions."
    )
    assert texts(body, "url") == []
    assert texts(body, "email") == ["rnolasco [at] example.org"]


# A social security number written to dodge a filter: dashes with spaces, en dashes between
# single digits, letters for digits.
@pytest.mark.parametrize(
    ("body", "number"),
    [
        ("- the employee, SSN #: 417 - 62 - 3391", "417 - 62 - 3391"),
        ("His form showed 3 1 7 – 4 4 – 9 0 2 6 at the top.", "3 1 7 – 4 4 – 9 0 2 6"),
        ("The cover sheet had it as 2O4-l7-5538 in the corner.", "2O4-l7-5538"),
    ],
)
def test_a_disguised_social_security_number_is_found(body, number):
    assert number in texts(body, "ssn")


def test_words_and_ranges_with_dashes_are_no_social_security_number():
    body = "Seen 2019–2021, in rooms 101-02 and 12-04; the Oslo-Lund-Bern tour; code I-90."
    assert texts(body, "ssn") == []


# A courtesy title in the client's language makes a name of the word after it, as "Mrs." does.
@pytest.mark.parametrize("body", ["## Doña Remedios", "## Tita Remy"])
def test_a_courtesy_title_in_another_language_makes_a_name(body):
    assert len(texts(body, "names")) == 1


# Where a client came from, in the words of someone who moved countries.
@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Oksana R. came to the States from Ternopil as a teenager.", "Ternopil"),
        ("Her parents emigrated from Mostar before she was born.", "Mostar"),
    ],
)
def test_where_a_client_came_from_is_a_place(body, place):
    assert place in texts(body, "geography")


# "The first man in line" is no feat of fame; "the first woman to swim it" is.
def test_the_first_in_a_queue_is_no_public_figure():
    assert texts("The first man in line was Teodoro Vasquez, who sells melons.", "names") == [
        "Teodoro Vasquez"
    ]
    assert texts("The first woman to swim the Channel was Gertrude Ederle.", "names") == []


# "arroba" is the Spanish and Portuguese word for "@": no English sentence says it.
@pytest.mark.parametrize(
    ("body", "address"),
    [
        (
            "Her cousin's email, lupe.ramos (arroba) example.com, is best.",
            "lupe.ramos (arroba) example.com",
        ),
        ("Escríbanos: rosa arroba example punto org.", "rosa arroba example punto org"),
    ],
)
def test_an_address_spelled_in_spanish_is_an_email(body, address):
    assert address in texts(body, "email")


# Labels written short or for things the earlier corpora did not hold.
@pytest.mark.parametrize(
    ("body", "category", "code"),
    [
        ("Her therapist signs as PR PT Lic. 5820 on every note.", "licence", "5820"),
        ("His key fob 71-3306 opens the side door after hours.", "other-code", "71-3306"),
        ("The watch keeps her ECG signature hash 8d02f7bb41 on file.", "biometric", "8d02f7bb41"),
    ],
)
def test_a_short_or_new_label_reads_its_code(body, category, code):
    assert any(code in t for t in texts(body, category))


# No exchange starts with 0 or 1: a standard's number is no local phone number.
def test_a_standard_number_is_no_phone_number():
    body = "The ergonomic standard ANSI/HFES 100-2007 is a good read; call 555-0142 to book."
    assert texts(body, "phone") == ["555-0142"]


# After a dash in prose, two lower-case words are a name only when the first is a given name.
def test_an_instruction_after_a_dash_is_no_signature():
    assert texts("3. **Chin tuck** — gaze level, chin back, 10 times.", "names") == []
    assert texts("If you waited — nora kowalczyk, we mean you — sorry.", "names") == [
        "nora kowalczyk"
    ]
    assert texts('> "Best hour of my week." — hemi walker', "names") == ["hemi walker"]


# A product with its price, a programme with its subtitle: things, not people; a relation
# before the same shape still makes it a person.
@pytest.mark.parametrize(
    "body",
    [
        "- **Pressure Positive Original Backnobber** ($32) for the back.",
        "- **Tai Chi Prime: Moving for Better Balance**, a course.",
    ],
)
def test_a_product_or_programme_title_is_no_name(body):
    assert texts(body, "names") == []


def test_a_relation_before_a_priced_pair_is_still_a_person():
    body = "Her neighbour Dana Whitfield (about $35 a week) drives her in."
    assert texts(body, "names") == ["Dana Whitfield"]


# What clients drive, the services they served in, the states they live in: no people.
@pytest.mark.parametrize(
    "body",
    [
        "He loads the chair into a 2019 Honda Odyssey with a ramp.",
        "His Coast Guard discharge papers came with him.",
        "A colleague in Oregon State sent the handout; her Minnesota MinnesotaCare card works.",
    ],
)
def test_a_vehicle_service_or_state_is_no_name(body):
    assert texts(body, "names") == []


def test_a_given_name_that_is_a_state_still_starts_a_name():
    assert texts("Georgia Whitfield drove her in.", "names") == ["Georgia Whitfield"]


# A two-syllable given name written with a hyphen and a small letter is still a pseudonym.
def test_a_hyphenated_given_name_and_initial_is_a_pseudonym():
    from casebook.privacy import people

    assert people.pseudonym("Ji-woo B.") is None
    assert people.pseudonym("Ji-woo Bae") is not None


# An italic byline names who wrote and where; an italic title stays a title.
def test_an_italic_byline_is_no_title():
    body = "*By Hannah Lindgren, LMT, Ponce.*"
    assert texts(body, "names") == ["Hannah Lindgren"]
    assert texts(body, "geography") == ["Ponce"]
    assert texts("We watched *Sleepless in Seattle* and *Stand By Me* again.", "names") == []


# A plate in one group of seven, as California writes them, after its state in a sentence
# about a vehicle.
def test_a_plate_in_one_group_after_its_state_is_found():
    assert texts("She drives a blue minivan (CA 7KQX219) to every session.", "vehicle") == [
        "7KQX219"
    ]
    assert texts("Her study, CA 7KQX219, was about knees.", "vehicle") == []


# A month of a group's ("most of the golfers we saw in April") dates no one client's event.
def test_a_month_of_a_group_is_no_clients_date():
    body = "Most of the golfers we treated in April were back on the course; all of them said so."
    assert texts(body, "dates") == []
    assert texts("Most of her sessions in April were short.", "dates") == ["April"]


# In a post that is no case, the names beside a listed public figure in a paragraph that
# names no client, relation or first person are public figures too.
def test_names_in_the_company_of_a_public_figure_are_public():
    body = (
        "Simone Biles has spoken about her back. Aly Raisman and Gabby Douglas "
        "both trained through long spells of pain."
    )
    assert texts(body, "names") == []


def test_a_client_beside_a_public_figure_is_still_a_client():
    body = "Like Simone Biles, my client Dana Whitfield trained through her back pain."
    assert texts(body, "names") == ["Dana Whitfield"]


# A state's name inside a list of places is an item, not the state a town is in.
def test_a_state_inside_a_list_of_cities_qualifies_no_town():
    body = "Every autumn our runners head to Chicago, New York or Berlin for the big races."
    assert texts(body, "geography") == []
    assert texts("She lives in Dover, Delaware, USA now.", "geography") == ["Dover"]


# When a public thing changed is no client's date; the same month beside a client still is.
def test_the_date_a_code_set_changed_is_public():
    assert texts("The codes changed in October 2021, when M54.5 was split in three.", "dates") == []
    assert texts("Her codes changed in October 2021, after the fall.", "dates") == ["October 2021"]


# A bold list head in Title Case is read as a heading is: its capitals are a title's.
@pytest.mark.parametrize(
    "body",
    [
        "- **Foam Roller Thoracic Extension**, two minutes.",
        "- **Exercises for Older Adults** from the county library.",
        "- **Heat Versus Ice**: which one, and when?",
    ],
)
def test_a_bold_title_case_list_head_is_no_name(body):
    assert texts(body, "names") == []


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("- **Maricel Dela Cruz** wrote in after her last visit.", "Dela Cruz"),
        ("- **A Note From Maricel Dela Cruz**", "Dela Cruz"),
        ("- **Thanks to Dana Whitfield** for the flowers.", "Dana Whitfield"),
    ],
)
def test_a_name_in_bold_is_still_a_name(body, name):
    assert any(name in t for t in texts(body, "names"))


# A named region inside one state is smaller than a state: a place where a client works.
def test_a_region_inside_a_state_is_a_place():
    body = "Arturo runs a pruning crew in the Napa Valley from March to June."
    assert texts(body, "geography") == ["Napa Valley"]
    assert texts("The napa valley of the old maps is gone.", "geography") == []


def test_two_names_in_one_bold_phrase_are_both_names():
    body = "- **Dana Whitfield and Mara Ostrova** ran the raffle table."
    assert texts(body, "names") == ["Dana Whitfield", "Mara Ostrova"]


# A mountain, a pond, a lake, an island, a bridge or a square after a name is a place.
@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Her desk is in Kendall Square, by the window.", "Kendall Square"),
        ("He hauls produce across the Anzalduas Bridge twice a day.", "Anzalduas Bridge"),
        ("The family cabin at Bear Mountain has no phone.", "Bear Mountain"),
    ],
)
def test_a_place_named_by_a_new_kind_is_found(body, place):
    assert place in texts(body, "geography")


def test_a_state_named_by_a_kind_and_an_exercise_are_no_places():
    assert texts("We flew to Rhode Island; try a Glute Bridge after.", "geography") == []


# An attacker's pass on today's rules: each of these once took time quadratic in its input.
@pytest.mark.parametrize(
    "make",
    [
        # Thousands of names in one paragraph beside a public figure: read once a block.
        lambda n: (
            "Tiger Woods and "
            + ", ".join(
                f"Dana Whit{chr(97 + i % 26)}{chr(97 + (i // 26) % 26)}ld" for i in range(n)
            )
            + "."
        ),
        # Thousands of dashes on one line before lower-case pairs: no search back to its start.
        lambda n: "— gaze level, chin back " * n,
    ],
    ids=["names beside a public figure", "dashes on one line"],
)
def test_todays_rules_stay_linear(make):
    from growth import growth

    assert growth(lambda t: found(t), make, 500) < 8


# Read again after the day's change: an accent written as an entity joins its letter as a
# written one does, and letters for digits are read with any dash an SSN may have.
def test_an_accent_written_as_an_entity_joins_its_letter():
    assert texts("Jose&#x301; Ruiz came in on a cane.", "names") == ["José Ruiz"]


@pytest.mark.parametrize("number", ["6O8–l2–4471", "6O8 - l2 - 4471"])
def test_letters_for_digits_with_any_dash_are_a_social_security_number(number):
    assert texts(f"The cover sheet showed {number} in the corner.", "ssn") == [number]
