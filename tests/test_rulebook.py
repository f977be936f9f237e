"""One rule book: the build and `make check` report the same problems, word for word.

Every fixture scenario, and every hostile one below, is judged twice: by the real
`make check` command (casebook.cli.check) and by a real Pelican build of the same
folder. Both must print the same lines, and neither may crash.
"""

import contextlib
import io
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, besides_unbound, build, copy_fixture
from PIL import Image
from pypdf import PdfWriter

from casebook.cli import check

RULEBOOK_LOGGER = "casebook.pelican.judging"

# A complete, publishable case: each scenario changes one thing about it.
CASE = """\
---
title: "Neck pain at the desk: Ana R."
date: 2010-03-02
slug: {slug}
tags: [Neck pain]
summary: "Neck pain from long hours at a screen."
case:
  client: Ana R.
  consent: true
  presenting_complaint: "Neck pain by the end of each working day."
  findings: "Tight muscles at the base of the skull."
  interventions: "Neuromuscular therapy to the neck and shoulders."
  sessions: 4
  outcome: "Pain-free at work."
  outcome_status: resolved
  follow_up: "None needed."
{extra}---

Ana came in with neck pain after long days at the desk.
"""


def _blank_pdf() -> bytes:
    """A real one-page PDF with no text, as pypdf writes it."""
    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return out.getvalue()


def _picture_pdf() -> bytes:
    """A real one-page PDF that is one picture (a scanned page), as Pillow writes it."""
    out = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(out, "PDF")
    return out.getvalue()


def case(slug="neck-pain-ana-r", extra="", replace=None):
    """A complete case's text, with `extra` front-matter lines and replaced substrings."""
    text = CASE.format(slug=slug, extra=extra)
    for old, new in (replace or {}).items():
        text = text.replace(old, new)
    return text


BOMB = (
    "---\ntitle: Bomb\nslug: bomb\ndate: 2010-01-01\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "---\nText.\n"
)

# scenario -> {path under content/: text or bytes}, and hand-written expectations:
# (path, line, words of the message) for each problem the scenario must produce.
HOSTILE = {
    "crlf_and_bom": (
        {"cases/neck.md": ("\ufeff" + case()).replace("\n", "\r\n").encode()},
        [],
    ),
    "slug_is_the_conditions_index": (
        {"cases/neck.md": case(slug="conditions")},
        [("cases/neck.md", 4, "slug: 'conditions' is the address of the conditions index")],
    ),
    "slug_is_the_search_page": (
        {"cases/neck.md": case(slug="search")},
        [("cases/neck.md", 4, "slug: 'search' is the address of the search page")],
    ),
    "slug_is_the_404_page": (
        {"cases/neck.md": case(slug='"404.html"')},
        [("cases/neck.md", 4, "slug: '404.html' is the address of the page-not-found page")],
    ),
    "slug_climbs_out": (
        {"cases/neck.md": case(slug='"../x"')},
        [("cases/neck.md", 4, "slug: '../x' is not a plain URL", "write `slug: x`")],
    ),
    "slug_with_markup": (
        {"cases/neck.md": case(slug="'x\"><img src=x onerror=alert(1)>'")},
        [("cases/neck.md", 4, "is not a plain URL", "write `slug: x`")],
    ),
    "two_posts_one_slug": (
        {"cases/a.md": case(slug="same"), "cases/b.md": case(slug="same")},
        [("cases/b.md", 4, "slug: 'same' is also the slug of")],
    ),
    "redirect_onto_a_condition_page": (
        {"cases/neck.md": case(extra='redirect_from: ["/conditions/scoliosis/"]\n')},
        [("cases/neck.md", 17, "redirect_from: '/conditions/scoliosis/' is the address of")],
    ),
    "redirect_onto_the_search_page": (
        {"cases/neck.md": case(extra='redirect_from: ["/search/"]\n')},
        [("cases/neck.md", 17, "redirect_from: '/search/' is the address of the search page")],
    ),
    "a_draft_without_consent_is_fine": (
        {
            "cases/neck.md": case(
                extra="status: draft\n", replace={"consent: true": "consent: false"}
            )
        },
        [],
    ),
    "a_published_case_without_consent": (
        {"cases/neck.md": case(replace={"consent: true": "consent: false"})},
        [("cases/neck.md", 9, "case.consent: no consent", "`status: draft`")],
    ),
    "an_unfinished_case": (
        {
            "cases/neck.md": "---\ntitle: Unfinished\ndate: 2010-01-01\nslug: unfinished\n"
            "case:\n  client: Ana R.\n  consent: true\n---\n\n## The first session\n"
        },
        [
            ("cases/neck.md", 1, "tags: a published case needs its conditions"),
            ("cases/neck.md", 1, "summary: missing"),
            ("cases/neck.md", 5, "case.presenting_complaint: empty"),
            ("cases/neck.md", 5, "case.findings: empty"),
            ("cases/neck.md", 5, "case.interventions: empty"),
            ("cases/neck.md", 5, "case.sessions: empty"),
            ("cases/neck.md", 5, "case.outcome: empty"),
            ("cases/neck.md", 5, "case.outcome_status: missing", "much improved"),
            ("cases/neck.md", 5, "case.follow_up: empty"),
            ("cases/neck.md", 10, "section 'The first session' has no text"),
        ],
    ),
    "an_alias_bomb": (
        {"posts/bomb.md": BOMB},
        [("posts/bomb.md", 9, "expands to more than 10000 values", "without `&` anchors")],
    ),
    "a_thousand_deep_list": (
        {
            "posts/deep.md": "---\ntitle: Deep\nslug: deep\nx: "
            + "[" * 1000
            + "]" * 1000
            + "\n---\n"
        },
        [("posts/deep.md", 4, "nested more than 10 levels deep")],
    ),
    "a_thousand_deep_block": (
        {
            "posts/deep.md": "---\ntitle: Deep\nslug: deep\n"
            + "".join(f"{' ' * 2 * i}k{i}:\n" for i in range(1000))
            + "---\n"
        },
        [("posts/deep.md", 14, "nested more than 10 levels deep")],
    ),
    "a_huge_title": (
        {
            "posts/huge.md": case(slug="huge").replace(
                "Neck pain at the desk: Ana R.", "x" * 100_000
            )
        },
        [("posts/huge.md", 2, "title: 100000 characters")],
    ),
    "a_post_outside_every_folder": (
        {"notes/idea.md": case(), "idea.md": case(slug="idea")},
        [
            ("idea.md", None, "not in a folder the site builds"),
            ("notes/idea.md", None, "not in a folder the site builds"),
        ],
    ),
    "a_hidden_post": (
        {"cases/.draft.md": case(slug="hidden")},
        [("cases/.draft.md", None, "note: hidden file")],
    ),
    "html_and_rst_posts": (
        {"posts/old.html": "<html><head><title>Old</title></head></html>", "posts/x.rst": "X\n=\n"},
        [
            ("posts/old.html", None, "the site reads posts written in Markdown only"),
            ("posts/x.rst", None, "the site reads posts written in Markdown only"),
        ],
    ),
    "keys_that_move_a_page": (
        {"cases/neck.md": case(extra='save_as: "../../outside.html"\nurl: "x/"\n')},
        [
            ("cases/neck.md", 17, "save_as: not allowed"),
            ("cases/neck.md", 18, "url: not allowed"),
        ],
    ),
    "a_misspelt_key": (
        {"cases/neck.md": case(extra="sumary: A typo.\n")},
        [("cases/neck.md", 17, "warning: sumary: not a key the site reads", "`summary`")],
    ),
    "a_web_page_among_the_images": (
        {"cases/neck.md": case(), "images/page.html": "<script>alert(1)</script>"},
        [("images/page.html", None, "is published as it is")],
    ),
    # A PDF of text alone is read whole: only one with a picture is warned about.
    "a_handout_and_an_archive_among_the_images": (
        {
            "cases/neck.md": case(),
            "images/stretches.pdf": _blank_pdf(),
            "images/scan.pdf": _picture_pdf(),
            "images/old.zip": b"PK",
        },
        [
            ("images/old.zip", None, "warning: published exactly as it is, without any check"),
            (
                "images/scan.pdf",
                None,
                "warning: published as it is: its text and properties are checked",
            ),
        ],
    ),
    "a_date_that_is_no_date": (
        {"cases/neck.md": case(replace={"date: 2010-03-02": "date: sometime in June"})},
        [("cases/neck.md", 3, "date: 'sometime in June' is not a date")],
    ),
    "yaml_that_does_not_parse": (
        {"cases/neck.md": case(replace={"tags: [Neck pain]": "tags: [Neck pain"})},
        [("cases/neck.md", 5, "is not closed")],
    ),
}


@contextlib.contextmanager
def hang_guard(seconds):
    """Fail the test, naming the hang, if the block has not finished after `seconds`."""

    def hung(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _fixture_scenarios():
    skip = {"wxr", "vocabulary"}
    return sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name not in skip)


def _write(content, files):
    for relpath, text in files.items():
        path = content / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


def judged_twice(content, tmp_path, caplog, capsys, **overrides):
    """(lines `make check` printed, lines the build logged), both from ROOT."""
    code = check.main(["--settings", str(ROOT / "pelicanconf.py"), str(content)])
    *printed, _summary = capsys.readouterr().out.splitlines()
    errors = [p for p in printed if ": note: " not in p and ": warning: " not in p]
    assert code == (1 if errors else 0)
    site = build(content, tmp_path, caplog, **overrides)
    logged = [r.getMessage() for r in site.records if r.name == RULEBOOK_LOGGER]
    return printed, logged, site


# Fixtures written to pass every rule: for them build and check must agree there is nothing.
CLEAN = {"aliases", "chain", "check_clean", "front", "raw_html_ok"}


@pytest.mark.parametrize("scenario", _fixture_scenarios())
def test_every_fixture_gets_the_same_problems_from_build_and_check(
    scenario, tmp_path, caplog, capsys
):
    content = tmp_path / "content"
    copy_fixture(scenario, content)
    printed, logged, _site = judged_twice(content, tmp_path, caplog, capsys)
    assert logged == printed
    # Two empty lists agree about nothing: a fixture is either clean by design, or has problems.
    # (A clean fixture's cases may be at `consent: true`, each warned that it names no text.)
    assert (besides_unbound(printed) == []) == (scenario in CLEAN), printed


@pytest.mark.parametrize("scenario", sorted(HOSTILE))
def test_hostile_content_gets_the_same_problems_and_never_crashes_the_build(
    scenario, tmp_path, caplog, capsys
):
    files, expected = HOSTILE[scenario]
    content = tmp_path / "content"
    copy_fixture("check_clean", content)
    (content / "cases" / "neck.md").unlink()
    shutil.copytree(FIXTURES / "vocabulary", content / "conditions", dirs_exist_ok=True)
    _write(content, files)
    with hang_guard(120):  # a hang would stall CI without a word; this names it
        printed, logged, site = judged_twice(content, tmp_path, caplog, capsys)
    assert logged == printed
    shown = os.path.relpath(content)
    printed = besides_unbound(printed)  # the CASE above is at `consent: true`
    for path, line, *words in expected:
        where = f"{shown}/{path}:{line}: " if line else f"{shown}/{path}: "
        found = [p for p in printed if p.startswith(where)]
        assert any(all(w in p for w in words) for p in found), (where, words, printed)
    assert len(printed) == len(expected), printed
    # Nothing hostile is written outside the output folder.
    assert not (tmp_path / "outside.html").exists()
    assert not (tmp_path / "x").exists()


def test_a_post_that_cannot_be_built_is_replaced_by_a_page_saying_why(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("check_clean", content)
    first = build(content, tmp_path, caplog)
    page = "neck-pain-at-the-desk-ana-r/"
    assert first.page(page).find("h1").get_text(strip=True) == "Neck pain at the desk: Ana R."
    post = content / "cases" / "neck.md"
    post.write_text(post.read_text().replace("date: 2010-03-02", "date: 2010-13-45"))
    second = build(content, tmp_path, caplog)
    stand_in = second.page(page)
    assert stand_in.find("h1").get_text(strip=True) == "This post is not built"
    problems = [li.get_text(strip=True) for li in stand_in.select(".problems li")]
    assert (
        len(problems) == 1
        and ":3: front matter holds a value that is not a real date" in problems[0]
    )
    assert "Ana R." not in second.page("").get_text()  # out of every list
    assert any(r.levelno == logging.ERROR for r in second.records if r.name == RULEBOOK_LOGGER)


def test_a_refused_slug_is_built_nowhere_near_its_address(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("check_clean", content)
    (content / "cases" / "neck.md").write_text(case(slug="conditions"))
    site = build(content, tmp_path, caplog)
    index = site.page("conditions/")
    assert index.find("h1").get_text(strip=True) == "Conditions A–Z"  # not the post
    assert site.page("not-built-neck/").find("h1").get_text(strip=True) == "This post is not built"


def test_publish_builds_the_rest_while_a_case_without_consent_waits_as_a_draft(tmp_path, caplog):
    content = tmp_path / "content"
    copy_fixture("check_clean", content)
    _write(
        content,
        {
            "cases/waiting.md": case(
                slug="waiting", extra="status: draft\n", replace={"consent: true": "consent: false"}
            )
        },
    )
    site = build(content, tmp_path, caplog, config="publishconf.py", SITEURL="https://example.test")
    assert site.messages(logging.WARNING) == []
    assert (site.output / "neck-pain-at-the-desk-ana-r" / "index.html").exists()
    assert not (site.output / "drafts").exists()
    assert not list(site.output.rglob("waiting*"))


def test_images_with_place_metadata_are_reported_by_both(tmp_path, caplog, capsys):
    content = tmp_path / "content"
    copy_fixture("check_clean", content)
    (content / "images").mkdir()
    exif = Image.Exif()
    exif[0x010F] = "Canon"  # Make
    Image.new("RGB", (8, 8)).save(content / "images" / "desk.jpg", exif=exif)
    printed, logged, _site = judged_twice(content, tmp_path, caplog, capsys)
    assert logged == printed
    assert len(printed) == 1 and "desk.jpg carries its camera Canon" in printed[0]


def test_a_link_out_of_the_content_folder_is_refused(tmp_path, caplog, capsys):
    content = tmp_path / "content"
    copy_fixture("check_clean", content)
    (content / "images").mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the web")
    os.symlink(secret, content / "images" / "secret.txt")
    printed, logged, _site = judged_twice(content, tmp_path, caplog, capsys)
    assert logged == printed
    assert len(printed) == 1 and "a link to a file outside the content folder" in printed[0]


def _pelican(content, output, cache, *args):
    """The real `pelican` command, as the Makefile runs it; (exit code, everything it printed)."""
    done = subprocess.run(
        [str(Path(sys.executable).with_name("pelican")), str(content), "-o", str(output),
         "-s", str(ROOT / "pelicanconf.py"), "-e", f"CACHE_PATH={json.dumps(str(cache))}", *args],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    return done.returncode, done.stdout + done.stderr


def test_a_damaged_cache_is_one_line_of_advice_not_a_traceback(tmp_path):
    content = tmp_path / "content"
    copy_fixture("check_clean", content)
    cache = tmp_path / "cache"
    # Pelican's own content cache, which a site may turn on (the build cache, on by default,
    # notices its own damage and builds anew: tests/test_incremental_publish.py).
    pelicans = ("CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true")  # after -e CACHE_PATH=…
    code, _out = _pelican(content, tmp_path / "output", cache, *pelicans)
    assert code == 0
    readers = cache / "ArticlesGenerator-Readers"
    readers.write_bytes(readers.read_bytes()[:100])  # cut short, as by a full disk
    code, out = _pelican(content, tmp_path / "output", cache, *pelicans)
    assert code != 0
    assert "Traceback" not in out
    assert "the content cache in" in out and "is damaged" in out and "make clean" in out


def test_an_output_folder_that_cannot_be_written_is_one_line_of_advice(tmp_path):
    content = tmp_path / "content"
    copy_fixture("check_clean", content)
    blocked = tmp_path / "output"
    blocked.write_text("a file where the output folder should be")
    code, out = _pelican(content, blocked, tmp_path / "cache")
    assert code != 0
    assert "Traceback" not in out
    assert "the build could not read or write it" in out


def test_a_fatal_warning_stops_the_build_with_advice_not_a_traceback(tmp_path):
    content = tmp_path / "content"
    copy_fixture("check_no_slug", content)
    code, out = _pelican(content, tmp_path / "output", tmp_path / "cache", "--fatal", "warnings")
    assert code != 0
    assert "Traceback" not in out
    assert "slug: missing" in out and "`make check` lists every problem at once" in out


def test_a_long_check_says_how_far_it_has_got_on_stderr(monkeypatch, capsys):
    # Progress appears once a check has run PROGRESS_AFTER seconds: here from the start.
    monkeypatch.setattr(check, "PROGRESS_AFTER", 0.0)
    code = check.main(["--settings", str(ROOT / "pelicanconf.py"), str(FIXTURES / "check_clean")])
    captured = capsys.readouterr()
    assert code == 0
    assert captured.err.splitlines()[0] == "read 1 of 2 files…"
    assert "no problems" in captured.out and "read" not in captured.out
