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


# The practice's closing days as a list led by a closure: each item is the practice's.
def test_a_list_of_closing_days_led_by_a_closure_is_the_practices():
    body = (
        "We are closed on these days this year:\n\n"
        "- Memorial Day, Monday, May 26\n"
        "- Labor Day, Monday, September 1\n"
        "- Thanksgiving, Thursday, November 27\n"
    )
    assert texts(body, "dates") == [], found(body)


def test_a_clients_day_in_a_list_of_closing_days_is_still_found():
    body = (
        "We are closed on these days:\n\n- Labor Day, Monday, September 1\n"
        "- the day Dana fell, March 3\n"
    )
    assert any("March 3" in t for t in texts(body, "dates")), found(body)


@pytest.mark.parametrize(
    "body",
    [
        "We are closed on Labor Day, Monday, September 1; book early if you want a session.",
        "We will be at the town's spring health fair on Saturday, April 11, with posture checks.",
        "Our prices last changed in March 2025.",
    ],
)
def test_the_practices_own_days_and_prices_are_no_clients(body):
    assert texts(body, "dates") == [], found(body)


def test_a_clients_day_beside_the_practices_fair_is_still_found():
    body = "We will be at the health fair on Saturday, April 11, where Dana fell last year."
    assert texts(body, "dates"), found(body)


# Goods by make and model: a product noun after them, a thing they stand in apposition to,
# or a list item led by a kind of goods.
@pytest.mark.parametrize(
    "body",
    [
        "She wears a pair of Saucony Triumph shoes at work.",
        "He bought a new putter, a Ping Anser, last spring.",
        "- Chairs: Steelcase Leap and Haworth Zody are the ones we like.",
        "**Uplift Commercial** (now sold by another firm): steady at full height.",
    ],
)
def test_a_make_and_model_is_no_person(body):
    assert texts(body, "names") == [] and texts(body, "geography") == [], found(body)


def test_a_person_beside_goods_is_still_a_person():
    body = "Her neighbour Dana Whitfield gave her the shoes."
    assert texts(body, "names") == ["Dana Whitfield"], found(body)


@pytest.mark.parametrize(
    "body",
    [
        "3. **Move Better Radio**, with its episodes on sleep and load.",
        "The Patient Safety and Quality Improvement Act sets the rules.",
        "The open day is in the Old Memorial Building.",
    ],
)
def test_laws_buildings_and_broadcasts_are_no_people(body):
    assert texts(body, "names") == [], found(body)


# An entity decodes to what the reader sees, normalised as typed text is.
def test_a_fax_written_with_entities_for_its_spaces_and_hyphens_is_found():
    body = "Her fax at home is (617)&#160;555&#8209;0174, she said."
    assert texts(body, "fax") or texts(body, "phone"), found(body)


@pytest.mark.parametrize(
    ("body", "category"),
    [
        ("Plan: Harvard Pilgrim member 778120934 on the card.", "health-plan"),
        ("His van, NH reg. 4TR 219, was parked outside.", "vehicle"),
        ("Charged to acct ****-****-7731-0452 last week.", "account"),
        ("His bike's frame no. 881 K 20417 is engraved.", "other-code"),
        ("Her CPF 301.448.927-05 was on the form.", "other-code"),
        ("His PESEL 84071203518 was on the letter.", "other-code"),
    ],
)
def test_more_labelled_codes_are_found(body, category):
    assert texts(body, category), found(body)


@pytest.mark.parametrize(
    "body",
    [
        "Write to lan chấm pham a còng example chấm com soon.",
        "She wrote from oksana собака example крапка ua last month.",
        "His address is peter kukac example pont hu, he said.",
    ],
)
def test_emails_spelled_in_vietnamese_ukrainian_and_hungarian_are_found(body):
    assert texts(body, "email"), found(body)


# The practice's own street and licence number, written alone in a post, are its own.
def test_the_practices_street_and_licence_number_alone_are_its_own():
    from casebook import practice
    from casebook.privacy import lint_source

    settings = {
        "PRACTICE": {
            "street": "12 Mill Lane, Suite 4",
            "license": "Massachusetts massage therapist license no. MT-4417 (example)",
        }
    }
    allowed = practice.allowed_phrases(settings)
    assert "12 Mill Lane" in allowed and "MT-4417" in allowed
    body = "We are at 12 Mill Lane. Jordan holds license no. MT-4417, shown in the room."
    findings = lint_source("---\ntitle: A note\n---\n" + body + "\n", allowed=allowed)
    assert [f.text for f in findings] == []
    client = "Her own license no. MT-9921 is a nurse's."
    assert lint_source("---\ntitle: A note\n---\n" + client + "\n", allowed=allowed)


def test_the_other_scripts_email_words_are_listed_as_the_text_is_read():
    from casebook.privacy.emails import SEEN_AS
    from casebook.privacy.seen import seen

    assert {word: seen(word) for word in SEEN_AS} == SEEN_AS


# Words of goods and of the public record that are also a client's: "episodes" of pain, a
# "driver" who is a person. Each was silenced by a first version of the rules above.
@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Dana Whitfield had three episodes of cramp at night.", "Dana Whitfield"),
        ("Her bus driver, Tom Keller, noticed the limp.", "Tom Keller"),
        ("- Driver: Tom Keller", "Tom Keller"),
        ("Her trainers, Dana Whitfield and Tom Keller, came too.", "Dana Whitfield"),
        ("Dana Whitfield listens to a podcast on her walks.", "Dana Whitfield"),
        ("The desk, Tom Keller said, was too high.", "Tom Keller"),
        ("- Shoes: she wore the pair Dana Whitfield gave her.", "Dana Whitfield"),
    ],
)
def test_a_person_named_beside_a_word_of_goods_or_of_episodes_is_found(body, name):
    assert name in texts(body, "names"), found(body)


# The attacker's pass on this round's rules: each input below was silenced by a first
# version of them, and caught on the commit before this round.
@pytest.mark.parametrize(
    ("body", "category"),
    [
        ("Her MRN is 4471 01702.", "medical-record"),
        ("His account no. 5512/01702 was closed.", "account"),
        ("We are closed on March 14; that is the day her surgery is scheduled.", "dates"),
        ("We will be closed on June 3; Dana M. has her hip surgery then.", "dates"),
        ("We are closed on these days:\n\n- June 3, for Dana's hip replacement\n", "dates"),
        ("We are closed on these days:\n\n- March 14 (Ifeoma Okafor's wedding)\n", "dates"),
        ("Our rates for your sessions with Dana changed on 3 February 2024.", "dates"),
        ("Our fees for the Okafor account were waived from 12 March 2024.", "dates"),
        ("The board chair, Maria Santos, came in with neck pain.", "names"),
        ("I gave Dana Okafor socks for her cold feet.", "names"),
        ("She lent Dana Okafor boots after the fall.", "names"),
        ("Shoes: Dana Okafor wears old clogs.", "names"),
        ("Gear: the roller Dana Okafor gave me last week.", "names"),
        ("Refer to the desk, Luis Ortega, for bookings.", "names"),
        ("Dana Okafor (made by her daughter) brought cookies.", "names"),
        ("Ray Pelletier listens to a podcast while I work on his back.", "names"),
        ("Maria Santos watched the World Cup final and then her back seized.", "names"),
        (
            "Clients who came after hearing our podcast:\n\n- Dana Okafor, with neck pain\n",
            "names",
        ),
    ],
)
def test_an_attackers_leak_through_this_rounds_silencing_rules_is_closed(body, category):
    assert texts(body, category), found(body)


def test_a_client_number_ending_in_the_practices_own_number_is_found():
    from casebook.privacy import lint_source

    body = "Her licence no. MA-3381 MT-0000 is on file."
    findings = lint_source("---\ntitle: A note\n---\n" + body + "\n", allowed=("MT-0000",))
    assert [f.category for f in findings] == ["licence"]


def test_a_case_keeps_its_date_beside_a_closure():
    from casebook.privacy import lint_source

    head = "---\ntitle: A case\ncase:\n  client: Dana M.\n---\n"
    body = "We are closed on March 14; that is when Dana had her hip replaced.\n"
    assert any(f.category == "dates" for f in lint_source(head + body))


@pytest.mark.parametrize(
    "body",
    [
        "Snowboarders crowd at Courchevel piste in the afternoon.",
        "The fee schedule is set out in reg. 164.514 of the rule.",
        "See HHS reg 45 CFR 164.514(b) for the safe harbor method.",
    ],
)
def test_an_attackers_clean_sentence_of_this_round_raises_nothing(body):
    assert found(body) == []


@pytest.mark.parametrize(
    ("body", "category"),
    [
        ("Her social is one two three, double-four, five six seven eight.", "ssn"),
        ("Her family name is 'Kowalczyk', as on the form.", "names"),
        ("Her family name is « Kowalczyk », as on the form.", "names"),
        ("Card: ●●●●-●●●●-0093-4471 on file.", "account"),
        ("Card: ####-####-0093-4471 on file.", "account"),
    ],
)
def test_an_attackers_evasion_of_this_rounds_rules_is_found(body, category):
    assert texts(body, category), found(body)


def test_a_long_lead_in_to_a_list_of_closing_days_stays_linear():
    from growth import growth

    def make(n):
        lead = "We are closed on these holidays: " + "and also " * (2 * n) + "\n\n"
        return lead + "".join(f"- March {k % 28 + 1}\n" for k in range(n))

    assert growth(lambda t: found(t), make, 60) < 6


@pytest.mark.parametrize(
    ("body", "category"),
    [
        ("She wrote from olha равлик example крапка ua this spring.", "email"),
        ("He wrote from taras собачка example крапка ua this spring.", "email"),
        ("Her social is nought one two, four five, six seven eight nine.", "ssn"),
    ],
)
def test_the_attackers_last_evasions_of_this_round_are_found(body, category):
    assert texts(body, category), found(body)
