"""The writing desk in Chromium, as the practitioner uses it: write, get checked, save, preview,
add a picture, publish; accessible in both schemes, at 375 px, by keyboard, and without script."""

import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from desk_server import desk_fixture
from PIL import Image
from playwright.sync_api import expect

CASE = "cases/restless-leg-syndrome-pain-treatment-of-krystal-s.md"
PAGES = {
    "list": "/",
    "list-filtered": "/?condition=Sciatica&status=published",
    "new-case": "/new/case",
    "new-condition": "/new/condition?name=Frozen%20shoulder",
    "case": f"/edit/{CASE}",
    "post": "/edit/posts/perpetuating-factors-krystal-s.md",
    "page": "/edit/pages/about.md",
    "condition": "/edit/conditions/neck-pain.md",
    "publish": "/publish",
    "target": "/target",
}


desk = desk_fixture("desk-browser")


def gps_photo(path):
    image = Image.new("RGB", (3000, 2000), (200, 150, 120))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (42.0, 21.0, 10.0), "W", (71.0, 3.0, 30.0)
    image.save(path, "JPEG", exif=exif)
    with Image.open(path) as check:
        assert check.getexif().get_ifd(0x8825)  # the photo really carries a place
    return path


def violations(page):
    found = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}" for v in found]


def test_write_a_case_get_checked_save_preview_add_a_picture_and_publish(desk, new_page, tmp_path):
    page = new_page()
    page.goto(desk.url)
    page.get_by_role("link", name="New case").first.click()
    page.get_by_label("Title", exact=True).fill("Calf cramps at night: Joan K.")
    page.get_by_role("button", name="Start the case").click()
    expect(page).to_have_url(re.compile(r"/edit/cases/calf-cramps-at-night-joan-k\.md$"))
    relpath = "cases/calf-cramps-at-night-joan-k.md"
    path = desk.project / "content" / relpath

    page.get_by_label("Summary", exact=True).fill(
        "Night cramps in both calves, eased over four sessions."
    )
    page.get_by_label("Condition 1").fill("Leg pain")
    page.get_by_label("Client", exact=True).fill("Joan K.")
    page.get_by_label("Presenting complaint", exact=True).fill("Cramps in both calves at night.")
    page.get_by_label("Sessions", exact=True).fill("4")
    page.get_by_label("Outcome status", exact=True).select_option("much improved")
    body = page.locator("#field-body")
    body.fill("## What brought her in\n\nCramps at night. Call her at 617-555-0199.\n")
    # Flagged while typing, beside the text, before anything is saved.
    problems = page.locator("#problems-body")
    expect(problems).to_contain_text("617-555-0199", timeout=5000)
    expect(problems).to_contain_text("Line 3")
    expect(page.locator("[data-gutter] li.marked")).to_have_text("3")
    assert "617-555-0199" not in path.read_text(encoding="utf-8")
    body.fill("## What brought her in\n\nCramps at night, in both calves.\n")
    expect(problems).to_be_hidden(timeout=5000)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".saved")).to_contain_text("Saved")
    saved = path.read_text(encoding="utf-8")
    assert "Cramps at night, in both calves." in saved and "sessions: 4" in saved
    assert 'outcome_status: "much improved"' in saved

    # The preview beside the form shows the draft, once the preview has rebuilt it.
    frame = page.frame_locator("iframe[data-preview]")
    expect(frame.locator("h1")).to_contain_text("Calf cramps at night: Joan K.", timeout=60_000)

    # A picture with a place in it: inserted at the cursor, saved without any metadata.
    body.click()
    page.keyboard.press("Control+End")
    page.locator("#picture-file").set_input_files(str(gps_photo(tmp_path / "IMG_Joan_Kay.jpg")))
    page.get_by_label("What the picture shows").fill("The calf stretch against a wall")
    page.get_by_role("button", name="Add the picture at the cursor").click()
    expect(page.locator("[data-picture-status]")).to_contain_text("Added images/")
    expect(body).to_have_value(
        re.compile(r"!\[The calf stretch against a wall\]\(\{static\}/images/")
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".saved")).to_be_visible()
    pictures = list((desk.project / "content" / "images").glob("calf-cramps-at-night-joan-k-*.jpg"))
    assert len(pictures) == 1
    data = pictures[0].read_bytes()
    assert b"PhoneMaker" not in data and b"Exif" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.width == 1600 and not image.getexif()

    # Publish to a folder standing for the web host.
    online = tmp_path / "online"
    online.mkdir()
    page.get_by_role("link", name="Publish").click()
    page.get_by_role("link", name="Choose it").click()
    page.get_by_label("The host and folder").fill(str(online))
    page.get_by_role("button", name="Check and keep it").click()
    page.get_by_role("button", name="Check and build the site").click()
    expect(page.get_by_role("heading", name="What will change online")).to_be_visible(
        timeout=240_000
    )
    page.get_by_role("button", name="Publish these changes").click()
    expect(page.locator("[data-result]")).to_contain_text("Published", timeout=240_000)
    assert (online / "index.html").is_file()
    assert not (online / "drafts").exists()  # the new case is a draft: it stays at home


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_desk_page_has_no_axe_violations(desk, new_page, scheme):
    page = new_page(color_scheme=scheme)
    for name, address in PAGES.items():
        page.goto(desk.url.rstrip("/") + address)
        page.wait_for_load_state("load")
        assert violations(page) == [], name
    # The form with live problems shown, and the page a changed-on-disk save leads to.
    page.goto(desk.url.rstrip("/") + PAGES["case"])
    page.locator("#field-case-sessions").fill("ten")
    expect(page.locator("#field-case-sessions-problems")).to_be_visible(timeout=5000)
    assert violations(page) == [], "case with problems"
    path = desk.project / "content" / CASE
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nChanged elsewhere.\n", encoding="utf-8")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="This file was changed somewhere else")).to_be_visible()
    assert violations(page) == [], "conflict"
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name", PAGES)
def test_a_phone_width_needs_no_sideways_scrolling(desk, new_page, name, artifacts):
    page = new_page(width=375, height=800)
    page.goto(desk.url.rstrip("/") + PAGES[name])
    page.screenshot(path=artifacts / "screenshots" / f"desk-{name}-375.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_case_can_be_changed_and_saved_by_keyboard_alone(desk, new_page):
    page = new_page()
    page.goto(desk.url)
    reached = []
    for _ in range(400):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.textContent.trim()")
        reached.append(label)
        if label.startswith("Restless leg syndrome pain"):
            break
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/edit/cases/restless-leg"))
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "field-case-follow-up":
            break
    assert page.evaluate("document.activeElement.id") == "field-case-follow-up"
    page.keyboard.press("Control+a")
    page.keyboard.type("Maintenance visits every few months.")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # where the keyboard is can be seen
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Save":
            break
    page.keyboard.press("Enter")
    expect(page.locator(".saved")).to_be_visible()
    text = (desk.project / "content" / CASE).read_text(encoding="utf-8")
    assert 'follow_up: "Maintenance visits every few months."' in text


def test_reading_and_saving_work_without_javascript(desk, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(desk.url.rstrip("/") + "/edit/pages/about.md")
    page.get_by_label("Menu label").fill("About us")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".saved")).to_be_visible()
    text = (desk.project / "content" / "pages" / "about.md").read_text(encoding="utf-8")
    assert 'menu_label: "About us"' in text
    # Another condition box comes from the server, and what was typed stays.
    page.goto(desk.url.rstrip("/") + "/edit/posts/perpetuating-factors-krystal-s.md")
    boxes = page.locator("input[name=tags]")
    count = boxes.count()
    boxes.nth(count - 1).fill("Sciatica")
    page.get_by_role("button", name="Add another condition").click()
    expect(page.locator("input[name=tags]")).to_have_count(count + 1)
    assert page.locator("input[name=tags]").nth(count - 1).input_value() == "Sciatica"
