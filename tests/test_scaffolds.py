"""`make followup` and `make condition`: new files with every key, never over an existing one."""

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

ORIGINAL = "heel-pain-in-a-runner-greg-h"  # a published case in tests/fixtures/front
FOLLOW_UP = f"{ORIGINAL}-follow-up"
FRONT = FIXTURES / "front"
PLACEHOLDER_LINE = 16  # the line under "## What it is"

run = run_casebook


@pytest.fixture
def content(tmp_path):
    """A copy of the front fixture's content: three cases, their follow-ups, every condition."""
    copy = tmp_path / "content"
    shutil.copytree(FRONT, copy)
    return copy


def today():
    return datetime.datetime.now(ZoneInfo("America/New_York")).date()


# --- make followup -----------------------------------------------------------------------


def test_followup_follows_the_post_with_its_conditions_and_its_client(content):
    code, out = run("followup", "--content", content, ORIGINAL)
    # A follow-up is a post: it goes to content/posts/, wherever the case is.
    path = content / "posts" / f"{FOLLOW_UP}.md"
    assert (code, out) == (
        0,
        [
            str(path),
            f"see the draft at http://127.0.0.1:8000/drafts/{FOLLOW_UP}/ while `make devserver` "
            "runs (start it in another window)",
        ],
    )
    meta = front_matter(path)
    assert meta["title"] == "Follow-up: Heel pain in a runner: Treatment of Greg H."
    assert meta["follows"] == ORIGINAL
    assert meta["slug"] == FOLLOW_UP
    assert meta["date"] == today()
    assert meta["tags"] == ["Plantar fasciitis", "Leg pain", "Myofascial pain"]
    # The client in a key of its own: one client, one case box, counted once.
    assert meta["client"] == "Greg H."
    assert "case" not in meta
    assert meta["status"] == "draft"
    assert "# edit it: the follow-up's own title" in path.read_text(encoding="utf-8")


def test_the_preview_address_follows_the_port_make_devserver_is_given(content):
    code, out = run("followup", "--content", content, ORIGINAL, env={"PORT": "8123"})
    assert code == 0
    assert f"http://127.0.0.1:8123/drafts/{FOLLOW_UP}/" in out[1]


def test_a_new_followup_passes_check_and_says_what_is_left_once_published(content):
    run("followup", "--content", content, ORIGINAL)
    assert run("check", content)[0] == 0  # a draft: nothing to fill in yet
    path = content / "posts" / f"{FOLLOW_UP}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(r for r in text.split("\n") if not r.startswith("status:")))
    code, out = run("check", content)
    shown = os.path.relpath(path, ROOT)
    assert code == 1
    # Nothing about `follows:`, the client, the tags or the title: they are right as written;
    # and no advice names a key the file does not have.
    assert [line.split(": ", 2)[:2] for line in besides_unbound(out[:-1])] == [
        [
            f"{shown}:11",
            "section 'Since the last post' has no text; write it or remove the heading",
        ],
        [f"{shown}:13", "section 'What was done' has no text; write it or remove the heading"],
        [f"{shown}:15", "section 'Outcome' has no text; write it or remove the heading"],
    ]


def test_a_post_that_is_no_case_gets_a_followup_without_a_case_block(content):
    code, out = run("followup", "--content", content, "perpetuating-factors-krystal-s")
    assert code == 0
    meta = front_matter(Path(out[0]))
    assert Path(out[0]).parent == content / "posts"  # next to the post it follows
    assert meta["follows"] == "perpetuating-factors-krystal-s"
    assert "case" not in meta


def test_pelican_builds_the_followup_linked_to_the_post_it_follows(content, tmp_path, caplog):
    _code, out = run("followup", "--content", content, ORIGINAL)
    path = Path(out[0])
    # As the author finishes it: published, the sections written.
    text = path.read_text(encoding="utf-8").replace("status: draft", "status: published")
    path.write_text(text.replace("\n## Outcome\n", "\n## Outcome\n\nBetter.\n"), encoding="utf-8")
    site = build(content, tmp_path, caplog)
    page = site.page(f"{FOLLOW_UP}/")
    continues = page.select_one(".follows a")
    assert continues["href"] == f"/{ORIGINAL}/"


def test_a_second_followup_gets_its_own_slug_and_the_first_is_untouched(content):
    run("followup", "--content", content, ORIGINAL)
    first = content / "posts" / f"{FOLLOW_UP}.md"
    first.write_text(first.read_text(encoding="utf-8") + "\nThe author's words.\n")
    before = first.read_bytes()
    code, out = run("followup", "--content", content, ORIGINAL)
    assert (code, out[0]) == (0, str(content / "posts" / f"{FOLLOW_UP}-2.md"))
    assert first.read_bytes() == before


def test_a_file_already_at_the_followups_name_is_never_overwritten(content):
    taken = content / "posts" / f"{FOLLOW_UP}.md"
    taken.write_text("---\ntitle: Mine\nslug: mine\n---\nMy own words.\n", encoding="utf-8")
    before = taken.read_bytes()
    code, out = run("followup", "--content", content, ORIGINAL)
    assert (code, out) == (1, [f"{taken}: already exists; nothing written"])
    assert taken.read_bytes() == before


def test_a_slug_no_post_has_is_refused_with_advice(content):
    code, out = run("followup", "--content", content, "jaw-pain")
    assert code == 1
    assert out[0].startswith("followup: no post has the slug 'jaw-pain'; give the slug of a")


def test_a_draft_cannot_be_followed(content):
    post = content / "cases" / f"{ORIGINAL}.md"
    post.write_text(post.read_text().replace("---\n", "---\nstatus: draft\n", 1))
    code, out = run("followup", "--content", content, ORIGINAL)
    assert code == 1
    assert out == [
        f"{os.path.relpath(post, ROOT)}: is not published (status draft); a follow-up can "
        "only follow a published post; publish it first"
    ]


def test_a_page_cannot_be_followed(content):
    code, out = run("followup", "--content", content, "about")
    assert code == 1
    assert out[0].startswith("followup: no post has the slug 'about'")


# --- make condition ----------------------------------------------------------------------


def test_condition_writes_every_key_and_the_placeholder(content):
    code, out = run("condition", "--content", content, "Frozen shoulder")
    path = content / "conditions" / "frozen-shoulder.md"
    assert (code, out) == (0, [str(path)])
    meta = front_matter(path)
    assert meta == {
        "name": "Frozen shoulder",
        "aliases": [],
        "lay_terms": [],
        "codes": [],
        "body_areas": [],
        "reviewed": None,
        "reviewed_by": None,
        "symptoms": [],
        "red_flags": [],
        "see_a_doctor": [],
        "sources": [],
    }
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[PLACEHOLDER_LINE - 1].startswith("Write here what this condition is")


def test_check_refuses_the_placeholder_and_nothing_else(content):
    run("condition", "--content", content, "Frozen shoulder")
    code, out = run("check", content)
    shown = os.path.relpath(content / "conditions" / "frozen-shoulder.md", ROOT)
    assert code == 1
    assert besides_unbound(out[:-1]) == [
        f"{shown}:10: no 'When to see a doctor' section: list under `red_flags:` the signs to see "
        "a doctor straight away, and under `see_a_doctor:` when to book an appointment with a "
        "doctor, e.g. `red_flags: [weakness in a leg, any change in bladder or bowel control]` "
        "and `see_a_doctor: [the pain has lasted more than a few weeks]`",
        f"{shown}:{PLACEHOLDER_LINE}: the explanation is still the placeholder `make condition` "
        "wrote; replace it with your own: what the condition is, how it feels, how you treat it",
    ]


def test_a_written_explanation_passes_check(content):
    run("condition", "--content", content, "Frozen shoulder")
    path = content / "conditions" / "frozen-shoulder.md"
    text = path.read_text(encoding="utf-8")
    front = text.split("---\n## What it is")[0]
    front = front.replace("red_flags: []", "red_flags: [a shoulder that cannot move at all]")
    front = front.replace("see_a_doctor: []", "see_a_doctor: [the pain lasts more than a month]")
    path.write_text(front + "---\n\nA stiff, painful shoulder.\n")
    code, out = run("check", content)
    assert (code, besides_unbound(out[:-1])) == (0, [])


def test_the_condition_page_shows_its_placeholder_problem_in_preview(content, tmp_path, caplog):
    run("condition", "--content", content, "Frozen shoulder")
    site = build(content, tmp_path, caplog)
    banner = site.page("conditions/frozen-shoulder/").select_one(".preview-problems")
    lines = [li.get_text() for li in banner.select("li")]
    assert len(lines) == 2  # and the 'When to see a doctor' lists to fill
    assert lines[1].endswith(
        f"frozen-shoulder.md:{PLACEHOLDER_LINE}: the explanation is still "
        "the placeholder `make condition` wrote; replace it with your own: "
        "what the condition is, how it feels, how you treat it"
    )


def test_a_name_or_alias_already_in_use_is_refused(content):
    code, out = run("condition", "--content", content, "rls")
    assert code == 1
    assert out == [
        f"{os.path.relpath(content / 'conditions' / 'restless-legs-syndrome.md', ROOT)}: "
        "already has the name or alias 'rls'; nothing written"
    ]


def test_an_existing_condition_file_is_never_overwritten(content):
    taken = content / "conditions" / "frozen-shoulder.md"
    taken.write_text("My own notes, not yet a condition.\n", encoding="utf-8")
    code, out = run("condition", "--content", content, "Frozen shoulder")
    assert (code, out[-1:]) == (
        1,
        [f"{taken}: already exists; nothing written; give the condition another name"],
    )
    assert taken.read_text(encoding="utf-8") == "My own notes, not yet a condition.\n"


@pytest.mark.parametrize("name", ["?!", "   ", "../.."])
def test_a_name_without_letters_is_refused(content, name):
    code, out = run("condition", "--content", content, name)
    assert code == 2
    assert "makes no file name" in out[0]
    assert sorted(p.name for p in (content / "conditions").iterdir()) == sorted(
        p.name for p in (FRONT / "conditions").iterdir()
    )


def test_a_100_kb_name_is_refused_at_once(content):
    code, out = run("condition", "--content", content, "x" * 100_000)
    assert code == 2
    assert out == [
        "condition: the name has 100000 characters; give the name a reader sees, under 200, "
        "and put other spellings in `aliases:`"
    ]


# --- through make, with hostile values -----------------------------------------------------


def make(target, *args, env=None):
    """`make <target>` as the practitioner types it; -o: pip is not run on the real venv."""
    return subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", target, *args],
        cwd=ROOT,
        # A value in the runner's own environment must not stand in for a missing one.
        env={**{k: v for k, v in os.environ.items() if k not in ("OF", "NAME")}, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


# Markup, too, is saved as the text it is.
HOSTILE_NAMES = [*HOSTILE, "Neck <script>alert(1)</script> pain"]


@pytest.mark.parametrize("form", HOSTILE_NAMES)
def test_make_condition_saves_a_hostile_name_verbatim_and_runs_nothing(
    content, tmp_path, marker, form
):
    # "Wry": no condition of the sample site has the name this makes.
    name = form.replace("Neck", "Wry").format(m=f"{MARKER} {tmp_path / MARKER}")
    result = make("condition", f"NAME={name}", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
    assert not (tmp_path / MARKER).exists()
    written = Path(result.stdout.strip())
    assert written.parent == content / "conditions"  # never a path outside its folder
    assert front_matter(written)["name"] == " ".join(name.split())


@pytest.mark.parametrize("form", HOSTILE_NAMES)
def test_make_followup_takes_a_hostile_slug_as_text_and_runs_nothing(
    content, tmp_path, marker, form
):
    of = form.format(m=f"{MARKER} {tmp_path / MARKER}")
    result = make("followup", f"OF={of}", f"INPUTDIR={content}")
    assert result.returncode != 0
    assert not marker.exists()
    assert not (tmp_path / MARKER).exists()
    assert result.stdout.startswith("followup: no post has the slug ")
    for folder in ("cases", "posts"):
        assert sorted(p.name for p in (content / folder).iterdir()) == sorted(
            p.name for p in (FRONT / folder).iterdir()
        )


def test_make_followup_passes_the_slug_through(content):
    result = make("followup", f"OF={ORIGINAL}", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (content / "posts" / f"{FOLLOW_UP}.md").exists()


def test_make_condition_with_a_newline_in_the_name_writes_it_on_one_line(content):
    result = make("condition", "NAME=Frozen\nshoulder\n", f"INPUTDIR={content}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert front_matter(content / "conditions" / "frozen-shoulder.md")["name"] == "Frozen shoulder"


@pytest.mark.parametrize(
    ("target", "given", "advice"),
    [
        ("followup", [], "make followup: give the post it follows, e.g. make followup OF=<slug>\n"),
        (
            "followup",
            ["OF="],
            "make followup: give the post it follows, e.g. make followup OF=<slug>\n",
        ),
        (
            "condition",
            [],
            'make condition: give the name, e.g. make condition NAME="Piriformis syndrome"\n',
        ),
        (
            "condition",
            ["NAME="],
            'make condition: give the name, e.g. make condition NAME="Piriformis syndrome"\n',
        ),
    ],
)
def test_make_without_a_value_says_how_to_give_one(content, target, given, advice):
    result = make(target, *given, f"INPUTDIR={content}")
    assert refused_quietly(result), result.stderr
    assert result.stdout == advice


def test_make_condition_never_takes_the_name_from_the_environment(content):
    # Many systems set NAME to the computer's name: it must not become a condition.
    result = make("condition", f"INPUTDIR={content}", env={"NAME": "workstation"})
    assert refused_quietly(result), result.stderr
    assert result.stdout == (
        "make condition: give the name on the command line, e.g. "
        'make condition NAME="Piriformis syndrome"\n'
    )
    assert not (content / "conditions" / "workstation.md").exists()
