"""`make devserver` in Chromium: the open page follows its file as it is edited, by itself."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from preview_server import DevServer, copy_content

ROOT = Path(__file__).resolve().parents[2]
POST = "jaw-pain-and-clenching-nora-j"
WAIT_MS = 90_000  # a rebuild on a loaded machine; a page that never reloads fails here


@pytest.fixture
def server(tmp_path):
    started = DevServer(copy_content(ROOT / "content", tmp_path), tmp_path)
    yield started
    started.stop()


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_page_reloads_itself_after_each_save_and_shows_its_problems(new_page, server):
    post = server.content / "cases" / f"{POST}.md"
    page = new_page(width=1000, height=600)
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{server.url}{POST}/")
    expect(page.locator("h1")).to_have_text("Jaw pain and clenching: Treatment of Nora J.")
    page.wait_for_load_state("load")
    page.evaluate("window.scrollTo(0, 700)")
    page.evaluate("window.openedBeforeTheSave = true")

    # A new sentence: the page shows it without the test asking for a reload.
    edit(post, "\n## ", "\nWritten while the page was open.\n\n## ")
    expect(page.locator("main")).to_contain_text(
        "Written while the page was open.", timeout=WAIT_MS
    )
    assert page.evaluate("window.openedBeforeTheSave") is None  # the page reloaded itself
    page.wait_for_load_state("load")
    assert page.evaluate("window.scrollY") == 700  # where the reader was

    # A broken tag: the problem is shown at the top of the page, in make check's words.
    edit(post, "tags: [TMJ disorder", "tags: [TMJ disordr")
    banner = page.locator("main .preview-problems")
    expect(banner).to_contain_text(
        "tags: 'TMJ disordr' is not a known condition; did you mean TMJ disorder?",
        timeout=WAIT_MS,
    )
    # Beside it, the warning every case at `consent: true` carries (bound to no text).
    expect(banner.locator("li")).to_have_count(2)
    violations = Axe().run(page).response["violations"]
    assert violations == [], [v["id"] for v in violations]

    # Fixed: only the consent warning is left.
    edit(post, "tags: [TMJ disordr", "tags: [TMJ disorder")
    expect(banner.locator("li")).to_have_count(1, timeout=WAIT_MS)
    expect(banner).to_contain_text("`consent: true` is not bound to any text")
    expect(banner).not_to_contain_text("TMJ disordr")
    expect(page.locator("main")).to_contain_text("Written while the page was open.")

    # Nothing was asked of any other host than the preview server.
    assert asked and all(url.startswith(server.url) for url in asked), asked


def test_a_post_that_cannot_be_built_is_replaced_by_a_page_that_says_why(new_page, server):
    post = server.content / "cases" / f"{POST}.md"
    page = new_page()
    page.goto(f"{server.url}{POST}/")
    page.wait_for_load_state("load")
    edit(post, "date: 2012-04-12", "date: 2012-14-45")
    expect(page.locator("h1")).to_have_text("This post is not built", timeout=WAIT_MS)
    # The date's error at its line, among the file's problems (its `consent: true` warning too).
    expect(page.locator(".unbuilt .problems li").filter(has_text=":3: ")).to_have_count(1)
    edit(post, "date: 2012-14-45", "date: 2012-04-12")
    expect(page.locator("h1")).to_have_text(
        "Jaw pain and clenching: Treatment of Nora J.", timeout=WAIT_MS
    )
