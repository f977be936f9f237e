"""The pure parts of the front of house: lay terms, review dates, the practice, outlines."""

import datetime
from html import escape

import pytest
from growth import growth

from casebook import outline, practice
from casebook.vocabulary import (
    Vocabulary,
    add_months,
    alphabet_index,
    entry_from_metadata,
    lay_index,
    review_due,
    search_terms,
)

HOSTILE = ['"><img src=x onerror=alert(1)>', "</script>", "{{ 7*7 }}", "$(id)", "`id`", "../x"]


def entry(slug, name, **metadata):
    found, problems = entry_from_metadata(
        slug, {"name": name, **metadata}, f"content/conditions/{slug}.md"
    )
    assert problems == []
    return found


@pytest.fixture
def conditions():
    return [
        entry("buttock-pain", "Buttock pain", lay_terms=["hip pain", "pain when sitting"]),
        entry(
            "piriformis-syndrome",
            "Piriformis syndrome",
            lay_terms=["Hip pain", "deep buttock pain"],
        ),
        entry("tmj-disorder", "TMJ disorder", aliases=["TMD"], lay_terms=["jaw pain", "TMD"]),
    ]


def test_lay_terms_and_red_flags_are_read_as_lists():
    found = entry("sciatica", "Sciatica", lay_terms="shooting leg pain", red_flags=["leg weakness"])
    assert found.lay_terms == ("shooting leg pain",)
    assert found.red_flags == ("leg weakness",)


def test_a_lay_term_that_is_the_conditions_own_alias_is_dropped(conditions):
    assert conditions[2].lay_terms == ("jaw pain",)


def test_a_shared_lay_term_points_to_both_conditions_a_to_z(conditions):
    index = dict(alphabet_index(conditions))
    hip = [e for e in index["H"] if e.is_lay]
    assert len(hip) == 1
    assert hip[0].label == "hip pain"
    assert [c.name for c in hip[0].targets] == ["Buttock pain", "Piriformis syndrome"]
    jaw = [e for e in index["J"] if e.is_lay]
    assert [(e.label, e.condition.name, e.is_alias) for e in jaw] == [
        ("jaw pain", "TMJ disorder", True)
    ]
    # Names and aliases are unchanged: not lay entries.
    assert [(e.label, e.is_lay) for e in index["T"]] == [("TMD", False), ("TMJ disorder", False)]


def test_a_lay_term_that_is_another_conditions_name_is_a_warning_and_left_out():
    leg = entry("leg-pain", "Leg pain")
    sciatica = entry("sciatica", "Sciatica", lay_terms=["leg pain", "shooting leg pain"])
    vocabulary = Vocabulary([leg, sciatica])
    assert [(p.level, p.message.split(";")[0]) for p in vocabulary.problems] == [
        (
            "warning",
            "lay_terms: 'leg pain' is the name of content/conditions/leg-pain.md ('Leg pain'), "
            "which the A–Z lists already",
        )
    ]
    assert [term for term, _ in lay_index([leg, sciatica])] == ["shooting leg pain"]
    # A lay term never files a post: looking it up finds nothing, and the advice says why.
    assert vocabulary.lookup("shooting leg pain") is None
    assert "is a lay term" in vocabulary.unknown_tag("Shooting  leg pain")


def test_search_terms_hold_names_aliases_and_every_owner_of_a_lay_term(conditions):
    terms = [(term, c.slug) for term, c in search_terms(conditions)]
    assert ("hip pain", "buttock-pain") in terms and ("hip pain", "piriformis-syndrome") in terms
    assert ("TMD", "tmj-disorder") in terms and ("TMJ disorder", "tmj-disorder") in terms
    assert len(terms) == 3 + 1 + 5  # names, the alias, lay terms (hip pain twice)


@pytest.mark.parametrize(
    ("day", "months", "due"),
    [
        ("2026-11-25", 12, "2027-11-25"),
        ("2026-01-31", 1, "2026-02-28"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-05-01", 6, "2026-11-01"),
    ],
)
def test_the_next_review_is_months_later_on_a_real_day(day, months, due):
    assert add_months(datetime.date.fromisoformat(day), months).isoformat() == due


def test_no_review_is_due_without_a_date_or_past_the_calendar():
    assert review_due(None, 12) is None
    assert review_due(datetime.date(2026, 1, 1), 0) is None
    assert review_due(datetime.date(9999, 6, 1), 12) is None


@pytest.mark.parametrize(
    ("written", "link"),
    [
        ("(508) 555-0100", "tel:+15085550100"),
        ("508.555.0100", "tel:+15085550100"),
        ("+1 508 555 0100", "tel:+15085550100"),
        ("+44 20 7946 0958", "tel:+442079460958"),
        ("call us", None),
        ("", None),
        ("5" * 100_000, None),
        ("$(id)", None),
    ],
)
def test_a_phone_number_becomes_a_tel_link(written, link):
    assert practice.tel_uri(written) == link


def test_the_practice_view_links_only_what_can_be_linked():
    settings = {
        "PRACTICE": {
            "phone": "(508) 555-0100",
            "email": "office@example.com?cc=x",
            "booking_url": "javascript:alert(1)",
            "street": "1 Main Street",
            "town": "Framingham",
            "state": "MA",
            "zip": "01702",
            "hours": ["Mon", 5, ""],
            "first_visit": "not a mapping",
        }
    }
    shown = practice.view(settings)
    assert shown["phone_tel"] == "tel:+15085550100"
    assert shown["email"] == "" and shown["booking_url"] == ""
    assert shown["address_lines"] == ["1 Main Street", "Framingham, MA 01702"]
    assert shown["hours"] == ["Mon"] and shown["first_visit"] == {}
    good = practice.view({"PRACTICE": {"booking_url": "https://book.example/x"}})
    assert good["booking_url"] == "https://book.example/x"
    assert practice.view({"PRACTICE": "nonsense"})["address_lines"] == []


def test_the_practices_own_phrases_are_allowed_and_nothing_else():
    settings = {
        "PRACTICE": {
            "name": "Metro-West Neuromuscular Therapy",
            "practitioner": "Jordan Avery",
            "town": "Framingham",
            "state": "MA",
            "zip": "01702",
            "phone": "(508) 555-0100",
            "hours": ["Closed on Sundays"],
        }
    }
    assert practice.allowed_phrases(settings) == [
        "Metro-West Neuromuscular Therapy",
        "Jordan Avery",
        "Framingham",
        "MA",
        "01702",
        "(508) 555-0100",
        "Framingham, MA",
        "Framingham, MA 01702",
    ]
    assert practice.allowed_phrases({}) == []


def test_the_outline_lists_second_level_headings_with_ids():
    html = (
        '<h2 id="a">First <em>part</em></h2><p>x</p><h3 id="sub">Sub</h3>'
        '<h2>No id</h2><h2 id="b">Second</h2>'
    )
    assert outline.outline(html) == [("a", "First part"), ("b", "Second")]
    assert outline.outline("") == [] and outline.outline("plain text") == []


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_headings_come_back_as_their_text(value):
    # Markdown escapes a heading's text; the outline gives back exactly that text.
    assert outline.outline(f'<h2 id="x">{escape(value)}</h2>') == [("x", value)]


def test_reading_time_rounds_up_and_is_never_zero():
    assert outline.reading_minutes("") == 1
    assert outline.reading_minutes("<p>" + "word " * 200 + "</p>") == 1
    assert outline.reading_minutes("<p>" + "word " * 201 + "</p>") == 2
    assert outline.reading_minutes("<p>one <b>two</b></p>" * 300) == 3


def test_the_outline_and_reading_time_stay_linear_on_huge_input():
    huge = "<h2 id='x'>" + "A" * 100_000 + "</h2>" + "<p>w</p>" * 20_000
    nested = "<div>" * 200 + "<h2 id='deep'>Deep</h2>" + "</div>" * 200
    # Past the parser's depth limit nothing is lost but the outline: no error, no hang.
    assert outline.outline("<div>" * 5000 + "<h2 id='x'>X</h2>") in ([], [("x", "X")])
    assert outline.outline(huge)[0][1] == "A" * 100_000
    assert outline.reading_minutes(huge) == 101
    assert outline.outline(nested) == [("deep", "Deep")]

    def page(n):
        return "<h2 id='x'>" + "A" * n + "</h2>" + "<p>w</p>" * (n // 5)

    def read(html):
        return outline.outline(html), outline.reading_minutes(html)

    # Four times the page costs about four times the time; 16 would be quadratic.
    assert growth(read, page, 20_000) < 8
