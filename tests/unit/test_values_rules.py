"""Front-matter values read one way only: ISO dates, text where text is shown."""

import datetime

import pytest

from casebook.content import source
from casebook.content.values import date_problem
from casebook.rules.fields import check_fields


@pytest.mark.parametrize(
    "value, words",
    [
        ("10-06-03", "can be read as 2003-10-06 or 2003-06-10 or 2010-06-03"),
        ("06/07/2009", "can be read as 2009-06-07 or 2009-07-06"),
        ("June 18, 2009", "write `2009-06-18`"),
        ("18/06/2009", "write `2009-06-18`"),
        ("June 2009", "is not a date"),  # no day: nothing to suggest
        ("2009-13-01", "is not a date"),
        (5, "is not a date"),
        (["2009-06-18"], "is not a date"),
    ],
)
def test_a_date_that_could_be_guessed_is_refused_with_the_iso_form(value, words):
    assert words in (date_problem(value) or ""), date_problem(value)


@pytest.mark.parametrize(
    "value",
    ["2009-06-18", "2009-06-18 10:20", "2009-06-18T10:20:30+02:00", datetime.date(2009, 6, 18)],
)
def test_an_iso_date_passes(value):
    assert date_problem(value) is None


def test_shown_keys_must_be_text_and_page_order_a_whole_number():
    text = (
        "---\ntitle: [a, b]\nsummary: {x: 1}\nmenu_label: 2\nlang: true\npage_order: first\n"
        "date: 10-06-03\n---\nBody.\n"
    )
    found = {
        p.key: (p.line, p.message)
        for p in check_fields(source.parse("pages/a.md", text), "page_order")
    }
    assert found["title"] == (
        2,
        "title: ['a', 'b'] is not text (YAML read a list); write it as one line of text, in quotes",
    )
    assert found["summary"][0] == 3 and "set of keys" in found["summary"][1]
    assert "menu_label" not in found  # a number is shown as it is
    assert found["lang"][0] == 5 and "yes/no" in found["lang"][1]
    assert found["page_order"] == (
        6,
        "page_order: 'first' is not a whole number; write the page's place in the menu as "
        "one, e.g. `page_order: 2`",
    )
    assert found["date"][0] == 7 and "2003-10-06" in found["date"][1]


@pytest.mark.parametrize("header", ["---\nlang: {}\n---\nBody.\n", "Title: A\nLang: {}\n\nBody.\n"])
@pytest.mark.parametrize("value", ["0", "''", "xx", "english", "$(touch x)", "../es"])
def test_a_language_that_is_no_language_tag_is_refused_in_either_header(header, value):
    if header.startswith("Title") and value == "''":
        value = ""  # `Lang:` and nothing: Pelican would file the post under `-.html` all the same
    text = header.format(value)
    found = {p.key: (p.line, p.message) for p in check_fields(source.parse("cases/a.md", text))}
    assert found["lang"][0] == 2, found
    assert "is not a language tag" in found["lang"][1] and "`es`" in found["lang"][1]


@pytest.mark.parametrize("value", ["en", "es", "pt-BR", "zh-Hant"])
def test_a_language_tag_passes(value):
    text = f"---\nlang: {value}\n---\nBody.\n"
    assert not check_fields(source.parse("cases/a.md", text))
