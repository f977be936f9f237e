"""What a worried client meets first, on a phone (375×667) and on a wide screen (issue 23)."""

import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from pelican import Pelican
from pelican.settings import read_settings

from .conftest import PAGE_KINDS, ROOT

PHONE = {"width": 375, "height": 667}
FIXTURES = ROOT / "tests" / "fixtures"


def in_first_screen(page, selector):
    """Whether the element is shown, whole, inside the first screen."""
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


# A post's first screen is the post: it offers the call in its own "Book a visit" block.
@pytest.mark.parametrize("kind", ["home", "condition", "conditions", "page"])
def test_a_phones_first_screen_shows_the_practice_search_and_a_number_to_call(
    new_page, base_url, kind, artifacts
):
    page = new_page(**PHONE)
    page.goto(base_url + PAGE_KINDS[kind])
    page.screenshot(path=artifacts / "screenshots" / f"first-screen-{kind}.png")
    assert in_first_screen(page, ".site-name")
    assert in_first_screen(page, "#quick-search-query")
    assert in_first_screen(page, ".quick-call a[href^='tel:']")
    call = page.locator(".quick-call a")
    assert call.get_attribute("href") == "tel:+15085550100"
    assert call.bounding_box()["height"] >= 44  # a thumb's target
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_quick_search_box_searches(new_page, base_url):
    page = new_page(**PHONE)
    page.goto(base_url + "/")
    page.locator("#quick-search-query").fill("sciatica")
    page.locator(".quick-search button").click()
    page.wait_for_url("**/search/?q=sciatica")
    page.locator(".search-results li a").first.wait_for(timeout=10_000)
    assert (
        page.locator(".search-results li a")
        .first.get_attribute("href")
        .endswith("/conditions/sciatica/")
    )


def test_on_a_phone_the_menu_is_one_button_that_opens_without_javascript(new_page, base_url):
    page = new_page(java_script_enabled=False, **PHONE)
    page.goto(base_url + "/")
    conditions = page.locator("nav.site-nav a", has_text="Conditions")
    assert not conditions.is_visible()
    menu = page.locator("a.menu-open")
    assert menu.is_visible() and menu.inner_text() == "Menu"
    assert menu.bounding_box()["height"] >= 44
    menu.click()
    assert conditions.is_visible() and not menu.is_visible()
    page.locator("a.menu-close").click()
    assert not conditions.is_visible() and menu.is_visible()


def test_on_a_wide_screen_the_menu_is_one_line_of_links(new_page, base_url):
    page = new_page(width=1024, height=768)
    page.goto(base_url + "/")
    assert not page.locator("a.menu-open").is_visible()
    assert not page.locator("a.menu-close").is_visible()
    tops = {round(box["y"]) for box in
            (a.bounding_box() for a in page.locator("nav.site-nav li a").all())}  # fmt: skip
    assert len(tops) == 1, tops


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_a_phones_home_page_with_the_menu_open(
    new_page, base_url, scheme
):
    page = new_page(color_scheme=scheme, **PHONE)
    page.goto(base_url + "/")
    page.locator("a.menu-open").click()
    violations = Axe().run(page).response["violations"]
    assert violations == [], [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in violations]


@pytest.fixture(scope="module")
def from_disk(tmp_path_factory):
    """`make html`'s preview of the front fixture, to be opened from disk."""
    folder = tmp_path_factory.mktemp("disk")
    content = folder / "content"
    shutil.copytree(FIXTURES / "front", content)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(folder / "output"),
            "CACHE_PATH": str(folder / "cache"),
        },
    )
    Pelican(settings).run()
    return folder / "output"


def test_a_preview_opened_from_disk_says_how_to_see_it(new_page, from_disk):
    page = new_page()
    page.goto((from_disk / "index.html").as_uri())  # no server: its stylesheets cannot load
    note = page.locator(".preview-from-disk")
    assert note.is_visible()
    assert "make devserver" in note.inner_text()
    assert note.locator("a").get_attribute("href") == "http://127.0.0.1:8000/"


def test_a_published_page_carries_no_from_disk_note(new_page, base_url):
    page = new_page()
    page.goto(base_url + "/")
    assert page.locator(".preview-from-disk").count() == 0  # publish builds carry no preview
