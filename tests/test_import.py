"""`make import`: a WordPress export becomes new files, and old addresses redirect."""

import importlib
import logging
import os
import shutil
import subprocess
import sys

import pytest
from conftest import (
    FIXTURES,
    ROOT,
    besides_unbound,
    build,
    front_matter,
    refused_quietly,
    run_casebook,
)

WXR = FIXTURES / "wxr" / "export.xml"
WXR_SHOWN = WXR.relative_to(ROOT).as_posix()
EXISTING = "cases/neck-pain-at-the-desk-ana-r.md"
NEW_FILES = [
    "cases/restless-legs-at-night-louise-t.md",
    "posts/desk-setup-for-your-neck.md",
    "posts/calf-cramps-in-swimmers.md",
    "pages/about-the-practice.md",
]


def run_import(content):
    return run_casebook("wpimport", "--content", content, WXR)


@pytest.fixture
def imported(tmp_path):
    """A copy of tests/fixtures/wxr/content/ with the export imported; (content, output)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "wxr" / "content", content)
    before = (content / EXISTING).read_bytes()
    code, out = run_import(content)
    assert code == 0, out
    assert (content / EXISTING).read_bytes() == before
    return content, out


def test_writes_new_files_and_says_what_became_of_every_item(imported):
    content, out = imported
    shown = [os.path.relpath(content / f, ROOT) for f in NEW_FILES]
    assert out[:6] == [
        f"{shown[0]} (case: held back as a draft)",
        shown[1],
        f"{shown[2]} (draft)",
        "  a draft in WordPress: kept as a draft",
        shown[3],
        "imported 4 new files",
    ]
    # The hand-written case has the slug and the file the import would write: left alone.
    assert out[6:12] == [
        "What the export held, and what became of it:",
        "  posts: 4: 3 imported (1 case, held back); 1 already in content/ (left as they are)",
        "  pages: 1: 1 imported",
        "  drafts: 1 (drafts, pending or scheduled in WordPress): kept as `status: draft`, "
        "never published until you change it",
        "  attachments: 1: 1 not shown in any imported post: not copied",
        "  menu items: 1: not imported, by design: a menu item: the site makes its menu from "
        "its pages",
    ]
    # The unknown terms whole: a comma inside a category is not a separator.
    assert (
        "Not a known condition, kept as a tag: 'Hips, knees and ankles', 'Ergonomics'; "
        "change the tag, add it as an alias in content/conditions/, or start a new condition "
        "with make condition (make check prints the command for each)"
    ) in out
    assert out[-1].startswith("Next: run `make check`.")


def test_a_case_is_held_back_with_its_client_its_conditions_and_its_old_addresses(imported):
    content, _out = imported
    meta = front_matter(content / NEW_FILES[0])
    assert meta["title"] == "Restless legs at night: treatment of Louise T."
    assert meta["slug"] == "restless-legs-at-night-louise-t"
    assert str(meta["date"]) == "2009-06-18 10:00"
    # "RLS" through an alias, "piriformis Syndrome" whatever its case; "Case studies" marks a case.
    assert meta["tags"] == ["Restless legs syndrome", "Piriformis syndrome"]
    assert meta["status"] == "draft"
    # Kept for the day it is published: drafts get no redirects until then.
    assert meta["redirect_from"] == ["/2009/06/18/restless-legs-at-night-louise-t/", "/?p=123"]
    assert meta["case"] == {
        "client": "Louise T.",
        "consent": False,
        "presenting_complaint": "Restless legs at night",
        "findings": None,
        "interventions": None,
        "sessions": None,
        "outcome": None,
        "outcome_status": None,
        "follow_up": None,
        "patient_perspective": None,
    }
    assert "## The first session" in (content / NEW_FILES[0]).read_text(encoding="utf-8")


def test_categories_with_commas_map_whole_and_unknown_ones_stay_tags(imported):
    content, _out = imported
    meta = front_matter(content / NEW_FILES[1])
    assert meta["tags"] == ["Neck pain", "Hips, knees and ankles", "Ergonomics"]
    assert meta["redirect_from"] == ["/?p=130"]  # its link was ?p=130 itself
    assert "case" not in meta
    # Its own body, and not the menu item's of the same name.
    assert (
        (content / NEW_FILES[1])
        .read_text(encoding="utf-8")
        .endswith("---\n\nRaise the screen to eye level.\n\nKeep the keyboard close.\n")
    )


def test_a_draft_stays_a_draft_with_a_slug_from_its_title(imported):
    content, _out = imported
    meta = front_matter(content / NEW_FILES[2])
    assert meta == {
        "title": "Calf cramps in swimmers",
        "slug": "calf-cramps-in-swimmers",
        "status": "draft",
    }


def test_a_page_is_a_page_in_the_menu_order_of_wordpress(imported):
    content, _out = imported
    meta = front_matter(content / NEW_FILES[3])
    assert meta["page_order"] == 0
    assert meta["redirect_from"] == ["/practice/about-the-practice/", "/?p=2"]


def test_importing_again_writes_nothing_and_says_so(imported):
    content, _out = imported
    before = {f: (content / f).read_bytes() for f in [*NEW_FILES, EXISTING]}
    code, out = run_import(content)
    assert code == 0
    assert out[:3] == [
        f"nothing new to import from {WXR_SHOWN}: no file was written (every file it would "
        "write is there already)",
        "What the export held, and what became of it:",
        "  posts: 4: 4 already in content/ (left as they are)",
    ]
    assert {f: (content / f).read_bytes() for f in before} == before
    assert sorted(p.name for p in content.rglob("*")) == sorted(
        p.name for p in content.rglob("*") if not p.name.startswith(".")
    )


def test_check_lists_what_the_author_must_finish(imported):
    content, _out = imported
    _code, lines = run_casebook("check", content)
    keys = [line.split(": ")[1] for line in besides_unbound(lines[:-1])]
    # The imported case is a draft: it needs no consent and no summary box yet. Left: a
    # name-like phrase in a page (this content folder has no privacy allow list), and the
    # categories no condition knows.
    assert keys == [
        "looks like a full name 'Metro-West Boston'; use a first name and initial, "
        "or list it in privacy_ok if it is not a person",
        "tags",
        "tags",
    ]


# Where each old address is answered


@pytest.fixture(scope="module")
def redirects():
    """casebook.addresses, imported as the plugin is: its `target` needs no build."""
    if str(ROOT / "plugins") not in sys.path:
        sys.path.insert(0, str(ROOT / "plugins"))
    return importlib.import_module("casebook.addresses")


@pytest.mark.parametrize(
    ("old", "save_as", "path"),
    [
        ("/2009/06/18/old-slug/", "2009/06/18/old-slug/index.html", "/2009/06/18/old-slug/"),
        ("/2009/06/18/old-slug", "2009/06/18/old-slug/index.html", "/2009/06/18/old-slug/"),
        ("/old-page.html", "old-page.html", "/old-page.html"),
        ("/caf%C3%A9/", "café/index.html", "/caf%C3%A9/"),
        ("/?p=123", "p/123/index.html", "/p/123/"),
        ("/blog/?page_id=7", "blog/page_id/7/index.html", "/blog/page_id/7/"),
        ("/caf%C3%A9/?p=7", "café/p/7/index.html", "/caf%C3%A9/p/7/"),
    ],
)
def test_each_old_address_has_a_file_a_static_host_serves(redirects, old, save_as, path):
    found = redirects.target(old)
    assert (found.save_as, found.path) == (save_as, path)


def test_a_query_address_gets_one_rule_by_placeholder(redirects):
    assert redirects.target("/?p=123").query_rule == "/ p=:value /p/:value/ 301!"
    assert redirects.target("/caf%C3%A9/?p=7").query_rule == (
        "/caf%C3%A9/ p=:value /caf%C3%A9/p/:value/ 301!"
    )


@pytest.mark.parametrize(
    "old",
    [
        "/",
        "/../../etc/passwd/",
        "/a/%2e%2e/b/",
        "https://old.example/x/",
        "x/",
        "/?p=1&cat=2",
        "/?p=../1",
    ],
)
def test_addresses_no_file_can_answer_are_refused(redirects, old):
    assert redirects.target(old) is None


# The imported site, built with the project's settings


def redirect_target(site, path):
    """The refresh target, canonical link and visible link of a redirect page."""
    page = site.page(path)
    assert page.html["lang"] == "en"
    assert page.find("meta", charset=True)["charset"] == "utf-8"
    assert page.find("meta", attrs={"name": "viewport"})
    assert page.title.get_text().startswith("Moved: ")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh.startswith("0; url=")
    canonical = page.find("link", rel="canonical")["href"]
    link = page.body.find("a")["href"]
    assert refresh.removeprefix("0; url=") == canonical == link
    return canonical


def test_old_addresses_redirect_in_the_built_site(imported, tmp_path, caplog):
    content, _out = imported
    site = build(content, tmp_path, caplog)
    # The held-back case answers its old addresses only once it is published.
    assert not (site.output / "2009").exists()
    assert redirect_target(site, "practice/about-the-practice/") == "/about-the-practice/"
    # ?p=N is answered by /p/N/, which the query rule in _redirects leads to.
    assert not (site.output / "p" / "123").exists()
    assert redirect_target(site, "p/130/") == "/desk-setup-for-your-neck/"
    assert redirect_target(site, "p/2/") == "/about-the-practice/"
    assert not (site.output / "p" / "140").exists()  # the draft was never public
    assert (site.output / "_redirects").read_text(encoding="utf-8").splitlines() == [
        "# Old addresses of moved posts, written by casebook.redirects",
        "/p/2/ /about-the-practice/ 301",
        "/practice/about-the-practice/ /about-the-practice/ 301",
        "/p/130/ /desk-setup-for-your-neck/ 301",
        "/ p=:value /p/:value/ 301!",
    ]
    assert not [m for m in site.messages() if "redirect_from" in m]


def test_redirects_are_absolute_when_the_site_has_an_address(imported, tmp_path, caplog):
    content, _out = imported
    site = build(content, tmp_path, caplog, SITEURL="https://www.example.org")
    assert redirect_target(site, "p/2/") == "https://www.example.org/about-the-practice/"
    assert "/p/2/ /about-the-practice/ 301" in (site.output / "_redirects").read_text()


def test_an_old_address_that_is_a_real_page_is_a_warning_naming_both(imported, tmp_path, caplog):
    content, _out = imported
    path = content / NEW_FILES[3]
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "redirect_from: [/practice/about-the-practice/, '/?p=2']",
            'redirect_from: ["/desk-setup-for-your-neck/"]',
        ),
        encoding="utf-8",
    )
    site = build(content, tmp_path, caplog)
    shown = os.path.relpath(path)
    assert (
        f"{shown}:6: redirect_from: '/desk-setup-for-your-neck/' is the address of "
        f"content/{NEW_FILES[1]}; remove it from redirect_from"  # named from its content folder
    ) in site.messages(logging.WARNING)
    page = site.page("desk-setup-for-your-neck/")
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None  # the real page stays


def test_make_import_passes_the_export_through(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "wxr" / "content", content)
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "import", f"WXR={WXR}", f"INPUTDIR={content}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert all((content / f).exists() for f in NEW_FILES)


def test_make_import_refuses_a_hostile_file_name_and_runs_nothing(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "wxr" / "content", content)
    marker = tmp_path / "injected"
    wxr = f"ex`touch {marker}`$(shell touch {marker})$$(touch {marker}) \"';\\\n.xml"
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "import", f"WXR={wxr}", f"INPUTDIR={content}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused_quietly(result), result.stderr
    assert (
        result.stdout == f"{wxr}: no such file; give the export from WordPress's Tools > Export\n"
    )
    assert not marker.exists()
