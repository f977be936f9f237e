"""A referring clinician's printout: the case, whole and plain, on A4 and on Letter."""

import io
import unicodedata

import pytest
import yaml
from pypdf import PdfReader

from .conftest import PAGE_KINDS, ROOT

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


# --- every case, read in order on paper (issue 23) ------------------------------------------

CASE_PATHS = sorted(
    (ROOT / "content" / "cases").glob("*.md"),
)


def case_facts(path):
    """(slug, title, the summary box's last field text, series or None) from the file."""
    meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    return meta["slug"], meta["title"], meta["case"]["follow_up"]


def pdf_pages(new_page, base_url, path, paper):
    """Each printed page's text as lines, as a reader finds them on paper."""
    page = new_page()
    page.goto(base_url + path)
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False)))
    return [unicodedata.normalize("NFKC", p.extract_text()).split("\n") for p in reader.pages]


def flat(lines):
    return " ".join(" ".join(lines).split())


def printed_whole(url, lines):
    """(times `url` is printed at all, times with every line break in it after a slash)."""
    text = "\n".join(line.rstrip() for line in lines)
    return text.replace("\n", "").count(url), text.replace("/\n", "/").count(url)


def unbroken(url, lines):
    """Whether `url` is printed, and wherever it wraps, it wraps after a slash."""
    anywhere, after_slash = printed_whole(url, lines)
    return anywhere >= 1 and anywhere == after_slash


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("source", CASE_PATHS, ids=lambda p: p.stem)
def test_page_one_holds_the_title_contact_address_and_the_whole_summary_box(
    new_page, base_url, paper, source, record_property
):
    slug, title, last_field = case_facts(source)
    pages = pdf_pages(new_page, base_url, f"/{slug}/", paper)
    record_property(f"print_pages_{paper}", f"{slug}: {len(pages)}")
    first = flat(pages[0])
    assert " ".join(title.split()) in first
    for contact in ("Jordan Avery, LMT, CNMT", "(508) 555-0100"):
        assert contact in first, contact
    assert unbroken(f"{base_url}/{slug}/", pages[0]), pages[0][:12]
    # The box, first label to last field's last words, all on page 1: never split.
    assert "Case summary" in first and "Presenting complaint" in first
    assert " ".join(last_field.split())[-40:] in first


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_series_box_is_never_split_across_pages(new_page, base_url, paper):
    pages = pdf_pages(new_page, base_url, CASE, paper)
    holding = [i for i, lines in enumerate(pages) if "Part 1 of 2" in flat(lines)]
    assert len(holding) == 1
    box = flat(pages[holding[0]])
    assert "Next part: Why symptoms come back" in box


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("source", CASE_PATHS, ids=lambda p: p.stem)
def test_no_printed_address_breaks_at_a_hyphen(new_page, base_url, paper, source):
    slug, _title, _ = case_facts(source)
    case, summary = f"{base_url}/{slug}/", f"{base_url}/{slug}/referral/"
    for path, urls in ((f"/{slug}/", [case]), (f"/{slug}/referral/", [case, summary])):
        lines = [line for p in pdf_pages(new_page, base_url, path, paper) for line in p]
        for url in urls:
            assert unbroken(url, lines), (path, url, printed_whole(url, lines))
