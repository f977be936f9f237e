"""Outcomes at a glance in Chromium: the condition figures and the case table, on the sample site.

The gates every page kind meets (test_pages.py) for the pages this feature adds or changes:
axe in both schemes, a phone's width, no request off the site; then the chart's colours in
both schemes and in print, and the table printed on A4 and Letter.
"""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

# Leg pain has four cases (a chart); the table in each of its orders.
PAGES = {
    "condition-figures": "/conditions/leg-pain/",
    "case-table": "/case-table/",
    "case-table-sessions": "/case-table/by-sessions/",
    "case-table-date": "/case-table/by-date/",
}


def rgb(value):
    """(r, g, b) of a computed CSS colour, 0-255."""
    inner = value[value.index("(") + 1 : value.index(")")].replace(",", " ").split()
    return tuple(round(float(v)) for v in inner[:3])


def luminance(colour):
    channels = []
    for c in colour:
        c = c / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_no_violations(new_page, base_url, kind, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(base_url + PAGES[kind])
    violations = Axe().run(page).response["violations"]
    report = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}" for v in violations]
    assert violations == [], "\n".join(report)


@pytest.mark.parametrize("kind", PAGES)
def test_a_phone_never_scrolls_the_page_sideways(new_page, base_url, kind, artifacts):
    page = new_page(width=375, height=800)
    page.goto(base_url + PAGES[kind])
    page.screenshot(path=artifacts / "screenshots" / f"{kind}-375.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_table_scrolls_in_its_own_region_a_keyboard_can_reach(new_page, base_url):
    page = new_page(width=375, height=800)
    page.goto(base_url + PAGES["case-table"])
    region = page.locator(".table-scroll")
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("role") == "region"
    # Wider than the phone, so it scrolls inside the region and not the page.
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")


@pytest.mark.parametrize("kind", PAGES)
def test_every_request_stays_on_the_site(new_page, base_url, kind):
    page = new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + PAGES[kind])
    page.wait_for_load_state("networkidle")
    assert requests
    assert [url for url in requests if not url.startswith(base_url + "/")] == []


def test_the_figures_read_fully_without_javascript(new_page, base_url):
    page = new_page(java_script_enabled=False)
    page.goto(base_url + PAGES["condition-figures"])
    labels = page.locator(".outcome-chart .outcome-label").all_inner_texts()
    assert labels == ["Much improved: 1 of 4", "Managed with maintenance visits: 3 of 4"]
    assert page.locator(".outcome-chart svg rect.outcome-fill").count() == 2


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_bars_stand_out_from_the_page_in_both_schemes(new_page, base_url, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(base_url + PAGES["condition-figures"])
    fill = rgb(page.eval_on_selector(".outcome-fill", "el => getComputedStyle(el).fill"))
    track = rgb(page.eval_on_selector(".outcome-bar", "el => getComputedStyle(el).borderTopColor"))
    background = rgb(page.eval_on_selector("body", "el => getComputedStyle(el).backgroundColor"))
    # WCAG 1.4.11: a graphic a reader needs has 3:1 against what is around it.
    assert contrast(fill, background) >= 3, (fill, background)
    assert contrast(track, background) >= 1.5, (track, background)  # the scale, not the data


def test_the_bars_print_black(new_page, base_url):
    page = new_page(color_scheme="dark")
    page.goto(base_url + PAGES["condition-figures"])
    page.emulate_media(media="print")
    fill = page.eval_on_selector(".outcome-fill", "el => getComputedStyle(el).fill")
    stroke = page.eval_on_selector(".outcome-bar", "el => getComputedStyle(el).borderTopColor")
    assert rgb(fill) == rgb(stroke) == (0, 0, 0)


def printed(new_page, base_url, artifacts, path, paper, name):
    page = new_page()
    page.goto(base_url + path)
    page.emulate_media(media="print")
    pdf = page.pdf(format=paper, print_background=False)
    (artifacts / f"{name}-{paper}.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(p.extract_text().split()) for p in reader.pages]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_table_prints_whole_with_its_header_on_every_page(
    new_page, base_url, artifacts, paper, record_property
):
    pages = printed(new_page, base_url, artifacts, PAGES["case-table-date"], paper, "case-table")
    record_property(f"case_table_pages_{paper}", len(pages))
    assert 1 <= len(pages) <= 6
    text = " ".join(pages)
    assert "All cases in one table" in text and "Sort by" not in text
    # Every case, oldest last, and the column headers on each page the table runs over.
    assert "Treatment of Ray P." in text and "Treatment of Krystal S." in text
    assert text.index("Ray P.") < text.index("Krystal S.")
    table_pages = [p for p in pages if "Much improved" in p or "Managed with" in p]
    assert all("Conditions (ICD-10-CM)" in p for p in table_pages)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_condition_figures_print(new_page, base_url, artifacts, paper):
    text = " ".join(
        printed(new_page, base_url, artifacts, PAGES["condition-figures"], paper, "leg-pain")
    )
    assert "What the cases show" in text
    assert "Much improved: 1 of 4" in text
    assert "not a clinical trial" in text
