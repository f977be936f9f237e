"""A condition page's reader-facing parts, and addresses for paper: pure functions, by hand."""

import pytest

from casebook import leaflet
from casebook.printing import breakable_url, url_chunks

PATH = "content/conditions/x.md"


def test_near_repeats_of_the_name_and_of_each_other_are_left_out():
    shown = leaflet.shown_aliases(
        "Restless legs syndrome",
        ["RLS", "Restless leg syndrome", "Restless leg syndrome (RLS)", "Willis-Ekbom disease"],
    )
    assert shown == ("RLS", "Willis-Ekbom disease")


def test_different_words_are_kept_even_when_close():
    shown = leaflet.shown_aliases("Structural asymmetry", ["leg-length difference", "LLD"])
    assert shown == ("leg-length difference", "LLD")
    assert leaflet.shown_aliases("Neck pain", ["Neck Pain", "neck-pain", "cervicalgia"]) == (
        "cervicalgia",
    )


def test_sources_need_a_title_a_publisher_and_a_web_address():
    found, problems = leaflet.read_sources(
        [
            {
                "title": "Sciatica",
                "publisher": "NHS",
                "url": "https://www.nhs.uk/conditions/sciatica/",
            },
            {"title": "No address", "publisher": "NHS"},
            {"title": "Script", "publisher": "X", "url": "javascript:alert(1)"},
            "just text",
        ],
        PATH,
    )
    assert found == (
        leaflet.Reference("Sciatica", "NHS", "https://www.nhs.uk/conditions/sciatica/"),
    )
    assert [p.message.split(";")[0] for p in problems] == [
        "sources: item 2 has no url",
        "sources: item 3's url is not a web address",
        "sources: item 4 has no title or publisher or url",
    ]
    assert {p.key for p in problems} == {"sources"}
    assert leaflet.read_sources("NHS", PATH)[1][0].message.startswith("sources: write a list")


def test_the_overview_is_the_first_section_and_the_rest_follows():
    html = '<h2 id="a">What it is</h2>\n<p>One.</p>\n<h2 id="b">Causes</h2>\n<p>Two.</p>'
    overview, more = leaflet.split_overview(html)
    assert overview == '<h2 id="a">What it is</h2>\n<p>One.</p>'
    assert more == '<h2 id="b">Causes</h2>\n<p>Two.</p>'
    assert leaflet.split_overview("<p>No headings.</p>") == ("<p>No headings.</p>", "")
    assert leaflet.first_paragraph(overview) == "One."


@pytest.mark.parametrize(
    ("url", "chunks"),
    [
        (
            "https://www.metrowest-nmt.example/restless-leg-syndrome/referral/",
            ["https://www.metrowest-nmt.example/", "restless-leg-syndrome/", "referral/"],
        ),
        ("/a-b/", ["/", "a-b/"]),
        ("http://x.example", ["http://x.example"]),
    ],
)
def test_an_address_is_cut_after_each_slash_and_nowhere_else(url, chunks):
    assert url_chunks(url) == chunks
    assert "".join(url_chunks(url)) == url


def test_a_printed_address_is_escaped_text_in_unbreakable_pieces():
    html = str(breakable_url('https://x.example/"><script>/'))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count('<span class="url-part">') == 2 and html.count("<wbr>") == 1
