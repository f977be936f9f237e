"""A referring clinician's printout: the case, whole and plain, on A4 and on Letter."""

import io
import unicodedata

import pytest
from pypdf import PdfReader

from .conftest import PAGE_KINDS

CASE = PAGE_KINDS["case"]


def printed_text(new_page, base_url, artifacts, paper):
    page = new_page()
    page.goto(base_url + CASE)
    page.emulate_media(media="print")
    pdf = page.pdf(format=paper, print_background=False)
    (artifacts / f"case-{paper}.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    # PDF text comes out in lines; join them so phrases that wrap still match,
    # and undo the typographic ligatures ("ﬁ") the PDF font uses.
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    return unicodedata.normalize("NFKC", text), len(reader.pages)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_printout_holds_the_case_and_its_address(new_page, base_url, artifacts, paper):
    text, pages = printed_text(new_page, base_url, artifacts, paper)
    assert 1 < pages < 8
    assert "Metro-West Neuromuscular Therapy" in text
    assert "Restless leg syndrome pain: Treatment of Krystal S." in text
    assert "18 June 2009" in text
    for label in (
        "Presenting complaint",
        "Findings",
        "Treatment",
        "Sessions",
        "Outcome",
        "Follow-up",
    ):
        assert label in text, label
    # The last section's closing sentence: the full text is printed, to its end.
    assert (
        "Treating the muscles eases the symptoms; understanding what keeps reloading "
        "those muscles is what lets the relief last."
    ) in text
    # A long address may wrap at a hyphen; the line break is not part of it.
    assert base_url + CASE in text.replace(" ", "")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_printout_leaves_out_the_screen_furniture(new_page, base_url, artifacts, paper):
    text, _ = printed_text(new_page, base_url, artifacts, paper)
    for screen_only in (
        "Archives",
        "Search",
        "Share this",
        "Skip to content",
        "Related cases",
        "Send the link by email",
    ):
        assert screen_only not in text, screen_only


def test_the_summary_box_is_kept_whole_in_print(new_page, base_url):
    page = new_page()
    page.goto(base_url + CASE)
    page.emulate_media(media="print")
    style = page.eval_on_selector(
        ".case-summary",
        "el => [getComputedStyle(el).breakInside, getComputedStyle(el).backgroundColor]",
    )
    assert style[0] == "avoid"
    assert style[1] in ("rgba(0, 0, 0, 0)", "transparent")
