"""`make check` as the practitioner runs it: one line per problem, `path:line: advice`."""

import os
import shutil
import subprocess
import sys

import pytest
from conftest import (
    FIXTURES,
    ROOT,
    besides_unbound,
    refused_quietly,
)
from PIL import ExifTags, Image

FIXTURE_DIR = FIXTURES.relative_to(ROOT).as_posix()


def run_check(folder):
    """Run the real command from the project root; (exit code, problem lines, summary)."""
    result = subprocess.run(
        [sys.executable, "-m", "casebook.cli.check", str(folder)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": "plugins"},
        capture_output=True,
        text=True,
        check=False,
    )
    # stderr carries progress only, when a check runs long (a cold cache on a fresh clone).
    assert all(line.endswith(" files…") for line in result.stderr.splitlines()), result.stderr
    *printed, summary = result.stdout.splitlines()
    problems = besides_unbound(printed)
    unbound = len(printed) - len(problems)
    if unbound and not any(": warning: " in p for p in problems):
        # The summary counts those warnings too: they are the only ones.
        counted = f", {unbound} warning{'' if unbound == 1 else 's'}"
        assert counted in summary, summary
        summary = summary.replace(counted, "")
    return result.returncode, problems, summary


# fixture folder, file:line, words of the advice
BROKEN = [
    ("check_yaml_error", "posts/bad.md:4", ["not valid YAML", "double quotes"]),
    # A list never closed: the line where it opens, not the end of the front matter.
    ("check_yaml_unclosed", "posts/unclosed.md:5", ["not valid YAML", "is not closed"]),
    ("check_not_mapping", "posts/list.md:1", ["not a list of `key: value` lines"]),
    ("check_header", "posts/header.md:2", ["date: 'the 18th of June' is not a date", "YYYY-MM-DD"]),
    ("check_date", "posts/date.md:3", ["date: 'sometime in June' is not a date", "YYYY-MM-DD"]),
    ("check_impossible_date", "posts/date.md:4", ["not a real date", "YYYY-MM-DD"]),
    (
        "check_no_slug",
        "posts/no-slug.md:1",
        ["slug: missing", "add `slug: heel-pain-in-a-runner`", "it becomes the permanent URL"],
    ),
    ("check_tags_string", "posts/tags.md:5", ["tags: write a YAML list", "read as one item"]),
    ("check_sessions", "cases/neck.md:13", ["case.sessions: 'four' is not a whole number"]),
    (
        "check_consent_yes",
        "cases/neck.md:9",
        [
            "case.consent: 'yes' is neither true, false nor a block of `given:`",
            "print an approval copy with `make consent OF=neck-pain-at-the-desk-ana-r`",
        ],
    ),
    (
        "check_no_consent",
        "cases/neck.md:7",
        [
            "case.consent: no consent: a case never publishes until its client approved it",
            "`make consent OF=neck-pain-at-the-desk-ana-r`",
            "or keep the case as `status: draft`",
        ],
    ),
    (
        "check_consent_awaiting",
        "cases/neck.md:10",
        ["case.consent.given: the approval copy is printed but not signed", "`status: draft`"],
    ),
    (
        "check_consent_changed",
        "cases/neck.md:9",
        [
            "case.consent.text: what a reader sees has changed since the client approved it",
            "the approved copy (consents/neck-pain-at-the-desk-ana-r/v1-0000",
            "is not in this project",
        ],
    ),
    ("check_case_not_mapping", "cases/neck.md:5", ["case: must be a block", "make newcase"]),
    (
        "check_outcome_status_unknown",
        "cases/neck.md:15",
        [
            "case.outcome_status: 'much improvement' is not an outcome status",
            "did you mean `much improved`?",
            "write one of: resolved, much improved, improved, managed with maintenance visits, "
            "no change, referred on",
        ],
    ),
    (
        "check_outcome_status_missing",
        "cases/neck.md:7",
        [
            "case.outcome_status: missing",
            "resolved, much improved, improved, managed with maintenance visits, no change, "
            "referred on",
            "or keep the case as `status: draft`",
        ],
    ),
    (
        "check_unknown_condition",
        "cases/neck.md:5",
        [
            "tags: 'Neck pian' is not a known condition",
            "did you mean Neck pain?",
            "add it as an alias",
        ],
    ),
    (
        "check_follows_missing",
        "posts/two.md:5",
        ["follows: no published post has the slug 'onee'", "did you mean 'one'"],
    ),
    ("check_follows_self", "posts/one.md:5", ["follows: the post follows itself"]),
    (
        "check_follows_cycle",
        "posts/one.md:5",
        ["follow each other in a circle", "posts/two.md", "remove `follows:`"],
    ),
    (
        "check_duplicate_slug",
        "posts/two.md:4",
        [
            "slug: 'same' is also the slug of",
            "check_duplicate_slug/posts/one.md",
            "give one of them another slug",
        ],
    ),
    (
        "check_duplicate_key",
        "posts/twice.md:5",
        ["title: given twice (also on line 2)", "keep one"],
    ),
    (
        "check_privacy",
        "cases/neck.md:19",
        ["looks like a full name 'Ana Rodriguez'", "first name and initial"],
    ),
    (
        "check_redirect_from",
        "posts/old.md:5",
        ["redirect_from: '/?p=1&cat=2' cannot be answered by a static site", "/?p=123"],
    ),
    (
        "check_bad_code",
        "conditions/neck-pain.md:4",
        ["codes: 'M99.999' is not an ICD-10-CM code", "correct it or remove it"],
    ),
]


@pytest.mark.parametrize(("fixture", "where", "advice"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_broken_file_is_one_line_at_its_key(fixture, where, advice):
    code, problems, summary = run_check(f"{FIXTURE_DIR}/{fixture}")
    assert code == 1
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{FIXTURE_DIR}/{fixture}/{where}: ")
    for words in advice:
        assert words in problems[0]
    assert summary.endswith(": 1 problem")


def test_vocabulary_problems_are_sorted_by_path_and_line():
    code, problems, _summary = run_check(f"{FIXTURE_DIR}/check_vocabulary")
    where = [p.split(": ", 1)[0] for p in problems]
    assert code == 1
    assert where == [
        f"{FIXTURE_DIR}/check_vocabulary/conditions/cervicalgia.md:6",  # reviewed: last spring
        f"{FIXTURE_DIR}/check_vocabulary/conditions/neck-pain.md:2",  # name is the other's alias
        f"{FIXTURE_DIR}/check_vocabulary/conditions/neck-pain.md:3",  # alias is the other's name
    ]
    assert "keep it on one condition" in problems[1]


def test_a_key_value_header_may_list_tags_with_commas():
    # check_header's only problem is its date: "Tags: Neck pain, cervicalgia" is two known tags.
    _code, problems, _summary = run_check(f"{FIXTURE_DIR}/check_header")
    assert not any("tags" in p for p in problems)


def test_clean_content_passes():
    code, problems, summary = run_check(f"{FIXTURE_DIR}/check_clean")
    assert (code, problems) == (0, [])
    assert summary == f"checked 2 files in {FIXTURE_DIR}/check_clean: no problems"


def test_the_sites_own_content_passes():
    code, problems, summary = run_check("content")
    assert problems == []
    assert code == 0
    assert summary.startswith("checked ") and summary.endswith(" in content: no problems")


def test_a_withdrawn_case_is_a_note_and_needs_nothing_else():
    code, problems, summary = run_check(f"{FIXTURE_DIR}/check_consent_withdrawn")
    assert code == 0
    assert len(problems) == 1
    assert problems[0].startswith(
        f"{FIXTURE_DIR}/check_consent_withdrawn/cases/neck.md:9: note: case.consent.withdrawn: "
        "consent withdrawn (2026-11-20)"
    )
    assert summary.endswith("no problems, 1 note")


def test_what_privacy_ok_silences_is_shown_as_notes_and_does_not_fail():
    code, problems, summary = run_check(f"{FIXTURE_DIR}/check_privacy_ok")
    path = f"{FIXTURE_DIR}/check_privacy_ok/cases/neck.md"
    assert code == 0
    assert problems == [
        f"{path}:17: note: privacy_ok: 'Hanna Somatics' silences nothing in this post; remove it",
        f"{path}:20: note: privacy_ok silences 'Pilates Reformer'",
    ]
    assert summary.endswith("no problems, 2 notes")


@pytest.mark.parametrize(
    ("raw", "where", "byte"),
    [
        # Saved as UTF-16 by an editor: the byte-order mark comes first.
        ("---\ntitle: Notes\nslug: notes\n---\n".encode("utf-16"), 1, "0xff"),
        (b"---\ntitle: Caf\xe9\nslug: cafe\n---\n\nText.\n", 2, "0xe9"),  # Latin-1
    ],
    ids=["utf-16", "latin-1"],
)
def test_a_file_that_is_not_utf8_is_reported_not_a_crash(tmp_path, raw, where, byte):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "check_clean", content)
    (content / "posts").mkdir()
    (content / "posts" / "notes.md").write_bytes(raw)
    code, problems, _summary = run_check(content)
    shown = os.path.relpath(content / "posts" / "notes.md", ROOT)
    assert code == 1
    assert problems == [
        f"{shown}:{where}: not UTF-8 text (byte {byte}); re-save the file as UTF-8 in your editor"
    ]


def test_camera_metadata_in_an_image_is_reported(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "check_clean", content)
    (content / "images").mkdir()
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "EOS 5D"
    Image.new("RGB", (8, 8)).save(content / "images" / "desk.jpg", exif=exif)
    code, problems, summary = run_check(content)
    shown = os.path.relpath(content / "images" / "desk.jpg", ROOT)
    assert code == 1
    assert len(problems) == 1
    assert problems[0].startswith(f"{shown}: desk.jpg carries its camera Canon EOS 5D in EXIF")
    assert "exiftool -all= desk.jpg" in problems[0]
    assert summary.startswith("checked 3 files")


def test_make_check_runs_the_same_command():
    # -o: the Makefile's venv set-up step is not what is under test, and must not run pip.
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "check", f"INPUTDIR={FIXTURE_DIR}/check_no_slug"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    # Refused in check's own words, without make's "*** [Makefile:N: check] Error 1".
    assert refused_quietly(result), result.stderr
    assert f"{FIXTURE_DIR}/check_no_slug/posts/no-slug.md:1: slug: missing" in result.stdout


# --- a file YAML cannot read: its own message first, everything else in the same run ------


def test_a_yaml_mistake_comes_first_and_every_other_problem_is_still_reported():
    code, problems, summary = run_check(FIXTURES / "check_yaml_fallback")
    where = [line.split(": ", 1)[0].rsplit("/", 1)[-1] for line in problems]
    assert code == 1
    # The unquoted colon in the title: the file's own message, before anything else.
    assert where[0] == "b-follow-up.md:2" and "not valid YAML" in problems[0]
    # The rest of the same file, judged in the same run: the keys YAML could read, the body.
    assert "b-follow-up.md:6" in where and "sesions: not a key the site reads" in " ".join(problems)
    assert "b-follow-up.md:10" in where  # an empty section
    # Nothing about the title it could not read: that is the YAML message's to say.
    assert not [p for p in problems if "title:" in p]
    # The post that follows it is told the problem comes from there, not "no such post".
    (knock_on,) = [p for p in problems if p.split(": ", 1)[0].endswith("c-later.md:5")]
    assert "follows: 'b-follow-up' is the slug of " in knock_on
    assert "which cannot be read: this follows from that file's own message" in knock_on
    assert "no published post has the slug" not in " ".join(problems)
    assert summary.endswith("3 problems, 1 warning")


def test_a_tag_naming_a_condition_whose_file_cannot_be_read_says_so(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "check_clean", content)
    condition = content / "conditions" / "neck-pain.md"
    text = condition.read_text(encoding="utf-8")
    condition.write_text(text.replace("body_areas:", "body_areas: Head: and neck\nx:", 1))
    code, problems, _ = run_check(content)
    assert code == 1
    assert "conditions/neck-pain.md" in problems[0] and "not valid YAML" in problems[0]
    tag = [p for p in problems if "cases/neck.md" in p and "tags:" in p]
    assert tag and "which cannot be read: this follows from that file's own message" in tag[0]
    assert "is not a known condition" not in " ".join(problems)
