"""`make newcase`: a new case file with the whole front matter, never over an existing one."""

import datetime
import os
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import (
    FIXTURES,
    HOSTILE,
    MARKER,
    ROOT,
    besides_unbound,
    build,
    front_matter,
    refused_quietly,
    run_casebook,
)

TITLE = "Neck pain: treatment of Ana R."
SLUG = "neck-pain-treatment-of-ana-r"
CASE_KEYS = [
    "client",
    "consent",
    "presenting_complaint",
    "findings",
    "interventions",
    "sessions",
    "outcome",
    "outcome_status",
    "follow_up",
    "patient_perspective",
]


run = run_casebook


@pytest.fixture
def content(tmp_path):
    """A copy of the front fixture's content (tests/fixtures/front): pages, cases, conditions."""
    copy = tmp_path / "content"
    shutil.copytree(FIXTURES / "front", copy)
    return copy


def test_writes_the_whole_template_and_prints_its_path(content):
    code, out = run("newcase", "--content", content, TITLE)
    path = content / "cases" / f"{SLUG}.md"
    assert code == 0
    assert out == [
        str(path),
        f"see the draft at http://127.0.0.1:8000/drafts/{SLUG}/ while `make devserver` runs "
        "(start it in another window)",
    ]
    meta = front_matter(path)
    assert meta["status"] == "draft"  # the key every "keep it as a draft" advice names
    assert meta["title"] == TITLE
    assert meta["date"] == datetime.datetime.now(ZoneInfo("America/New_York")).date()
    assert meta["slug"] == SLUG
    assert meta["tags"] == []
    assert "summary" in meta
    assert list(meta["case"]) == CASE_KEYS
    # The consent block, every key empty (no consent yet) and explained; `make consent` fills
    # in `text:`, the author `given:` and `how:`.
    assert meta["case"]["consent"] == {"given": None, "how": None, "text": None}
    text = path.read_text(encoding="utf-8")
    assert f"`make consent OF={SLUG}` prints the copy they sign" in text
    assert "\n    # withdrawn: 2026-12-01   # if the client withdraws" in text
    assert "# a pseudonym" in text  # every key carries its explanation
    # The outcome status offers its choices, on the key's own line.
    assert (
        "\n  outcome_status:   # one of: resolved, much improved, improved, "
        "managed with maintenance visits, no change, referred on\n"
    ) in text
    assert "\n## The first session\n" in text


def test_the_new_file_fails_check_only_for_what_the_author_must_fill_in(content):
    run("newcase", "--content", content, TITLE)
    assert run("check", content)[0] == 0  # a draft: nothing is asked of it yet
    path = content / "cases" / f"{SLUG}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(r for r in text.split("\n") if not r.startswith("status:")))
    code, out = run("check", content)
    shown = os.path.relpath(path, ROOT)
    assert code == 1
    # The author's to-do list once it is to be published, line by line: every key to fill,
    # every section to write.
    assert [line.split(": ", 2)[:2] for line in besides_unbound(out[:-1])] == [
        [f"{shown}:5", "tags"],
        [f"{shown}:6", "summary"],
        [f"{shown}:8", "case.client"],
        [f"{shown}:9", "case.consent"],
        [f"{shown}:14", "case.presenting_complaint"],
        [f"{shown}:15", "case.findings"],
        [f"{shown}:16", "case.interventions"],
        [f"{shown}:17", "case.sessions"],
        [f"{shown}:18", "case.outcome"],
        [f"{shown}:19", "case.outcome_status"],
        [f"{shown}:20", "case.follow_up"],
        [
            f"{shown}:24",
            "section 'What brought the client in' has no text; write it or remove the heading",
        ],
        [f"{shown}:26", "section 'The first session' has no text; write it or remove the heading"],
        [f"{shown}:28", "section 'Later sessions' has no text; write it or remove the heading"],
        [f"{shown}:30", "section 'Outcome' has no text; write it or remove the heading"],
    ]


def test_pelican_reads_the_new_file(content, tmp_path, caplog):
    run("newcase", "--content", content, TITLE)
    site = build(content, tmp_path, caplog)
    page = site.page(f"drafts/{SLUG}/")  # where the printed address points
    assert page.find("h1").get_text(strip=True) == TITLE


def test_refuses_to_overwrite_an_existing_file(content):
    run("newcase", "--content", content, TITLE)
    path = content / "cases" / f"{SLUG}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe author's words.\n", encoding="utf-8")
    before = path.read_bytes()
    code, out = run("newcase", "--content", content, TITLE)
    assert code == 1
    assert f"already uses the slug '{SLUG}'; nothing written" in out[0]
    assert path.read_bytes() == before


def test_refuses_a_slug_already_used_anywhere_in_content(content):
    code, out = run("newcase", "--content", content, "Contact")
    assert code == 1
    assert out == [
        f"{os.path.relpath(content / 'pages' / 'contact.md', ROOT)}: already uses the slug "
        "'contact'; nothing written; give the new case another title"
    ]
    assert not (content / "cases" / "contact.md").exists()


def test_a_title_without_letters_is_refused(content):
    code, out = run("newcase", "--content", content, "?!")
    assert code == 2
    assert "makes no slug" in out[0]


def make_newcase(*args, env=None):
    """`make newcase` as the practitioner types it; -o: pip is not run on the real venv."""
    return subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "newcase", *args],
        cwd=ROOT,
        # A TITLE in the runner's own environment must not stand in for a missing one.
        env={**{k: v for k, v in os.environ.items() if k != "TITLE"}, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def test_make_newcase_passes_the_title_through(content):
    result = make_newcase(f"TITLE={TITLE}", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (content / "cases" / f"{SLUG}.md").exists()


@pytest.mark.parametrize("form", HOSTILE)
def test_make_newcase_saves_a_hostile_title_verbatim_and_runs_nothing(
    content, tmp_path, marker, form
):
    title = form.format(m=f"{MARKER} {tmp_path / MARKER}")
    result = make_newcase(f"TITLE={title}", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
    assert not (tmp_path / MARKER).exists()
    written = result.stdout.splitlines()
    assert len(written) == 2 and written[0].startswith(f"{content}/cases/")
    assert front_matter(Path(written[0]))["title"] == title


def test_make_newcase_with_a_newline_in_the_title_writes_it_on_one_line(content):
    result = make_newcase("TITLE=Neck pain:\ntreatment  of\tAna R.\n", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stdout + result.stderr
    # newcase collapses every run of whitespace, newlines included, to one space.
    assert front_matter(content / "cases" / f"{SLUG}.md")["title"] == TITLE


def test_make_newcase_takes_a_title_from_the_environment_verbatim(content, tmp_path):
    title = f"Neck $(shell touch {tmp_path / MARKER}) `touch {tmp_path / MARKER}` pain"
    result = make_newcase(f"INPUTDIR={content}", env={"TITLE": title})
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (tmp_path / MARKER).exists()
    assert front_matter(Path(result.stdout.splitlines()[0]))["title"] == title


@pytest.mark.parametrize("given", [[], ["TITLE="]])
def test_make_newcase_without_a_title_says_how_to_give_one(content, given):
    result = make_newcase(*given, f"INPUTDIR={content}")
    assert refused_quietly(result), result.stderr
    assert result.stdout == (
        'make newcase: give a title, e.g. make newcase TITLE="Neck pain: treatment of Ana R."\n'
    )
    assert not (content / "cases" / f"{SLUG}.md").exists()
