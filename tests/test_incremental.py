"""A preview session rebuilds only the pages an edit changed, and its output is a full build's.

Each scenario edits a copy of the sample site the way the practitioner would, rebuilds in
the same session (as `make devserver` does after a save), and compares every file of the
output with a full build of the same content into an empty folder: byte for byte.
"""

import filecmp
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, besides_unbound, write_follow_up
from pelican import Pelican
from pelican.settings import read_settings

from casebook.preview import devserver
from casebook.preview.session import Session

POST = "jaw-pain-and-clenching-nora-j"
POST_FILE = f"cases/{POST}.md"
TITLE = "Jaw pain and clenching: Treatment of Nora J."


class Site:
    """A copy of the sample content, a preview session over it, and full builds to compare."""

    def __init__(self, tmp_path, monkeypatch):
        self.tmp = tmp_path
        self.content = tmp_path / "content"
        shutil.copytree(ROOT / "content", self.content)
        self.live = tmp_path / "live"
        self.session = Session()
        self.fulls = 0

    def settings(self, output):
        return read_settings(
            str(ROOT / "pelicanconf.py"),
            override={
                "PATH": str(self.content),
                "OUTPUT_PATH": str(output),
                "CACHE_PATH": str(self.tmp / "cache"),
                **devserver.OVERRIDES,
            },
        )

    def rebuild(self):
        """One build in the session, as after a save: the files it rendered."""
        with self.session.build(str(self.live)):
            Pelican(self.settings(self.live)).run()
        return sorted(self.session.last.rendered)

    def differences(self):
        """Files that differ between the session's output and a full build's."""
        self.fulls += 1
        full = self.tmp / f"full-{self.fulls}"
        Pelican(self.settings(full)).run()
        live = {p.relative_to(self.live).as_posix() for p in self.live.rglob("*") if p.is_file()}
        fresh = {p.relative_to(full).as_posix() for p in full.rglob("*") if p.is_file()}
        different = sorted(live ^ fresh)
        different += [
            f for f in sorted(live & fresh) if not filecmp.cmp(self.live / f, full / f, False)
        ]
        return different

    def edit(self, relpath, old, new):
        path = self.content / relpath
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def page(self, url):
        return BeautifulSoup((self.live / url / "index.html").read_text(encoding="utf-8"), "lxml")


@pytest.fixture
def site(tmp_path, monkeypatch):
    made = Site(tmp_path, monkeypatch)
    made.rebuild()
    return made


def test_the_first_build_renders_every_page_and_equals_a_full_build(site):
    assert site.session.last.kept == 0
    assert len(site.session.last.rendered) > 30
    assert site.differences() == []


def test_a_build_without_changes_renders_nothing(site):
    assert site.rebuild() == []
    assert site.differences() == []


def test_a_new_paragraph_renders_the_post_alone_and_its_approval_copy(site):
    site.edit(POST_FILE, "\n## ", "\nA new paragraph, written just now.\n\n## ")
    # The preview's approval copy for the client shows the whole text too.
    assert site.rebuild() == [f"{POST}/approval/index.html", f"{POST}/index.html"]
    assert "A new paragraph, written just now." in site.page(POST).get_text()
    assert site.differences() == []


def test_a_new_title_renders_the_post_and_every_list_showing_it(site):
    site.edit(POST_FILE, TITLE, "Jaw pain at night: Nora J.")
    assert site.rebuild() == [
        "archives/index.html",
        # The case table, in each of its three orders: every row links the case by title.
        "case-table/by-date/index.html",
        "case-table/by-sessions/index.html",
        "case-table/index.html",
        "conditions/neck-pain/index.html",
        "conditions/tension-headache/index.html",
        "conditions/tmj-disorder/index.html",
        "for-clinicians/index.html",
        "index.html",
        f"{POST}/approval/index.html",  # the preview's approval copy for the client
        f"{POST}/index.html",
        f"{POST}/referral/index.html",  # its one-page summary for clinicians
        # A post that lists it among its related cases, by title.
        "neck-pain-and-headaches-at-the-desk-priya-k/index.html",
    ]
    assert site.differences() == []


def test_an_unknown_tag_shows_on_the_post_and_on_the_problems_page(site):
    site.edit(POST_FILE, "tags: [TMJ disorder", "tags: [TMJ disordr")
    rendered = site.rebuild()
    assert {f"{POST}/index.html", "problems.html", "conditions/tmj-disorder/index.html"} <= set(
        rendered
    )
    banner = site.page(POST).select_one(".preview-problems li").get_text()
    assert "tags: 'TMJ disordr' is not a known condition; did you mean TMJ disorder?" in banner
    assert site.differences() == []
    site.edit(POST_FILE, "tags: [TMJ disordr", "tags: [TMJ disorder")
    site.rebuild()
    # What is left is the warning every case at `consent: true` carries.
    left = [li.get_text() for li in site.page(POST).select(".preview-problems li")]
    assert besides_unbound(left) == [] and len(left) == 1
    assert site.differences() == []


def test_a_post_that_cannot_be_built_is_replaced_at_its_address_then_restored(site):
    site.edit(POST_FILE, "date: 2012-04-12", "date: 2012-14-45")
    site.rebuild()
    assert site.page(POST).find("h1").get_text(strip=True) == "This post is not built"
    assert TITLE not in site.page("").get_text()  # off the lists, not stale on them
    assert site.differences() == []
    site.edit(POST_FILE, "date: 2012-14-45", "date: 2012-04-12")
    site.rebuild()
    assert site.page(POST).find("h1").get_text(strip=True) == TITLE
    assert site.differences() == []


def test_a_withdrawn_case_leaves_every_page_then_comes_back(site):
    site.edit(POST_FILE, "consent: true", "consent: {withdrawn: 2026-11-20}")
    site.rebuild()
    assert site.page(POST).find("h1").get_text(strip=True) == "No longer published"
    assert TITLE not in site.page("").get_text()
    assert not (site.live / POST / "approval").exists()  # nothing left to approve
    assert site.differences() == []
    site.edit(POST_FILE, "consent: {withdrawn: 2026-11-20}", "consent: true")
    site.rebuild()
    assert site.page(POST).find("h1").get_text(strip=True) == TITLE
    assert site.differences() == []


def test_a_new_slug_removes_the_page_at_the_old_address(site):
    site.edit(POST_FILE, f"slug: {POST}", "slug: jaw-pain-nora-j")
    site.rebuild()
    assert not (site.live / POST).exists()
    assert (site.live / "jaw-pain-nora-j" / "index.html").exists()
    assert site.session.last.removed == [
        f"{POST}/approval/index.html",
        f"{POST}/index.html",
        f"{POST}/referral/index.html",
    ]
    assert site.differences() == []


def test_a_new_post_and_a_deleted_one(site):
    new = write_follow_up(site.content, POST_FILE, POST, TITLE)
    rendered = site.rebuild()
    assert {f"{POST}-follow-up/index.html", f"{POST}/index.html", "index.html"} <= set(rendered)
    follow_ups = site.page(POST).select(".follow-ups a")
    assert [a.get_text() for a in follow_ups] == ["Jaw pain, six months on"]
    assert site.differences() == []
    new.unlink()
    site.rebuild()
    assert not (site.live / f"{POST}-follow-up").exists()
    assert site.page(POST).select(".follow-ups") == []
    assert site.differences() == []


def test_an_old_address_is_answered_then_forgotten(site):
    site.edit(POST_FILE, f"slug: {POST}\n", f"slug: {POST}\nredirect_from: [/2012/04/jaw/]\n")
    site.rebuild()
    assert (site.live / "2012" / "04" / "jaw" / "index.html").exists()
    assert site.differences() == []
    site.edit(POST_FILE, "redirect_from: [/2012/04/jaw/]\n", "")
    site.rebuild()
    assert not (site.live / "2012").exists()
    assert not (site.live / "_redirects").exists()
    assert site.differences() == []


def test_a_condition_file_edit_renders_the_pages_that_show_it(site):
    site.edit("conditions/tmj-disorder.md", "name: TMJ disorder", "name: Jaw joint disorder")
    rendered = set(site.rebuild())
    assert {"conditions/tmj-disorder/index.html", f"{POST}/index.html"} <= rendered
    assert "about/index.html" not in rendered
    assert site.differences() == []


def test_a_page_title_renders_that_page_alone_when_the_menu_shows_its_label(site):
    site.edit("pages/about.md", "title: About the practice", "title: About us")
    assert site.rebuild() == ["about/index.html"]
    assert site.differences() == []


def test_a_menu_label_renders_every_page_with_the_menu(site):
    site.edit("pages/about.md", "menu_label: About", "menu_label: The practice")
    rendered = site.rebuild()
    # Every page but the preview's approval copies, which are printed and have no menu.
    kept = sorted(p.relative_to(site.live).as_posix() for p in site.live.glob("*/approval/*"))
    cases = list((site.content / "cases").glob("*.md"))
    assert site.session.last.kept == len(kept) == len(cases)
    assert not set(kept) & set(rendered)
    assert len(rendered) > 30
    assert site.differences() == []


def test_a_template_change_renders_every_page(site):
    site.session.everything()  # what the dev server does when a template is saved
    site.rebuild()
    assert site.session.last.kept == 0
    assert site.differences() == []


def test_a_failed_build_leaves_the_next_one_to_render_everything(site, monkeypatch):
    def broken(self):
        raise RuntimeError("a template that does not compile")

    with monkeypatch.context() as patched:
        patched.setattr(Pelican, "run", broken)
        with pytest.raises(RuntimeError):
            site.rebuild()
    site.rebuild()
    assert site.session.last.kept == 0
    assert site.differences() == []
