"""Consent bound to a text: what a reader sees, its fingerprint, what changed, the one edit."""

import datetime
import difflib
import json

import pytest

from casebook.consent import copy, frontmatter, state, store, visible
from casebook.consent.state import Standing
from casebook.content.source import parse
from casebook.rules.consent import unseen_lines

SETTINGS = {
    "MARKDOWN": {
        "extension_configs": {
            "markdown.extensions.extra": {},
            "markdown.extensions.meta": {},
            "markdown.extensions.toc": {"permalink": False},
        },
        "output_format": "html5",
    }
}
FP = "v1-" + "a" * 32
CASE = """\
---
title: "Neck pain at the desk: Ana R."
date: 2010-03-02
slug: neck-pain-at-the-desk-ana-r
tags: [Neck pain, Tension headache]
summary: "Neck pain from long hours at a screen."
case:
  client: Ana R.
  consent: {given: 2010-02-20, how: signed approval copy, text: FINGERPRINT}
  presenting_complaint: "Neck pain by the end of each working day."
  findings: "Tight muscles at the base of the skull."
  sessions: 4
  outcome_status: resolved
---

Ana came in with neck pain after long days
at the desk.

![Ana at her desk]({static}/images/desk.jpg "Her desk, before")

## Findings

Tight muscles; see [the condition](https://example.org/neck).
""".replace("FINGERPRINT", FP)
# A tag as written -> the condition's name: "cervicalgia" is an alias of Neck pain.
NAMES = {
    "neck pain": "Neck pain",
    "cervicalgia": "Neck pain",
    "tension headache": "Tension headache",
}


def names(tag):
    return NAMES.get(tag.lower(), tag)


def lines_of(text):
    return visible.case_lines(parse("cases/neck.md", text), visible.Reader(SETTINGS), names)


def fingerprint_of(text):
    return visible.fingerprint(lines_of(text))


# --- what a reader sees -------------------------------------------------------------------


def test_the_lines_are_what_a_reader_sees():
    lines = lines_of(CASE)
    assert lines[:3] == [
        "title: Neck pain at the desk: Ana R.",
        "address: neck-pain-at-the-desk-ana-r",
        "summary: Neck pain from long hours at a screen.",
    ]
    assert "Client: Ana R." in lines and "Outcome status: Resolved" in lines
    assert "condition: Neck pain" in lines and "condition: Tension headache" in lines
    # A paragraph is one line however the file wraps it; an image is a line of its own.
    assert "Ana came in with neck pain after long days at the desk." in lines
    assert (
        "image: {static}/images/desk.jpg | alt: Ana at her desk | title: Her desk, before" in lines
    )
    assert "Findings" in lines and lines[-1] == "link: https://example.org/neck"
    assert not any("consent" in line.lower() or "2010" in line for line in lines)


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t + "\nHer sister came along to one session.\n",  # a new paragraph
        lambda t: t.replace("long days", "long nights"),  # a word
        lambda t: t.replace('"Her desk, before"', '"Her desk, after"'),  # a caption
        lambda t: t.replace("![Ana at her desk]", "![Ana, at home]"),  # an alt text
        lambda t: t.replace("desk.jpg", "home.jpg"),  # another photo
        lambda t: t.replace("https://example.org/neck", "https://example.org/ana"),  # a link
        lambda t: t.replace("Tension headache]", "Tension headache, Scoliosis]"),  # a condition
        lambda t: t.replace("sessions: 4", "sessions: 5"),  # a field of the summary box
        lambda t: t.replace('"Neck pain at the desk: Ana R."', '"Neck pain: Ana R."'),  # title
        lambda t: t.replace("at a screen", "at a laptop"),  # the summary
        lambda t: t.replace("---\n\nAna", "followup_announced: her posture\n---\n\nAna"),
    ],
    ids=[
        "paragraph", "word", "caption", "alt", "image", "link", "condition", "field", "title",
        "summary", "announced follow-up",
    ],
)  # fmt: skip
def test_what_a_reader_would_see_changes_the_fingerprint(change):
    assert fingerprint_of(change(CASE)) != fingerprint_of(CASE)


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("\n", "\r\n"),  # Windows line endings
        lambda t: "\ufeff" + t,  # a byte-order mark (decoded away, as source.py does)
        lambda t: t.replace("long days\nat the desk", "long days at the desk"),  # re-wrapped
        lambda t: t.replace("neck pain after", "neck   pain\tafter"),  # extra spaces
        lambda t: t.replace("## Findings\n", "## Findings\n\n<!-- ask Ana about this -->\n"),
        lambda t: t.replace("sessions: 4", "sessions: 4   # counted from the notes"),
        lambda t: t.replace("[Neck pain, Tension headache]", "[Tension headache, cervicalgia]"),
        lambda t: t.replace(  # the keys in another order
            '  presenting_complaint: "Neck pain by the end of each working day."\n'
            '  findings: "Tight muscles at the base of the skull."\n',
            '  findings: "Tight muscles at the base of the skull."\n'
            '  presenting_complaint: "Neck pain by the end of each working day."\n',
        ).replace("date: 2010-03-02\nslug: neck", "slug: neck")
        .replace("---\ntitle:", "---\ndate: 2010-03-02\ntitle:"),
        lambda t: t.replace("given: 2010-02-20", "given: 2010-02-21"),  # the consent record
    ],
    ids=[
        "crlf", "bom", "rewrapped", "spaces", "html comment", "yaml comment", "alias and order",
        "key order", "consent record",
    ],
)  # fmt: skip
def test_what_no_reader_sees_never_changes_the_fingerprint(change):
    text = change(CASE).removeprefix("\ufeff").replace("\r\n", "\n")
    assert fingerprint_of(text) == fingerprint_of(CASE)


def test_a_fingerprint_is_the_version_and_128_bits_of_sha256():
    found = fingerprint_of(CASE)
    assert state.FINGERPRINT.fullmatch(found)
    assert found.startswith("v1-") and len(found) == 3 + 32


def test_markup_and_hostile_text_are_read_as_text():
    text = CASE.replace(
        "Ana came in",
        '<script>document.title="x"</script><b>$(touch /tmp/x)</b> `id` ../../etc Ana came in',
    )
    lines = lines_of(text)
    assert not any("document.title" in line for line in lines)  # a script is never shown
    assert (
        "$(touch /tmp/x) id ../../etc Ana came in with neck pain after long days at the desk."
        in lines
    )


def test_a_deeply_nested_body_is_read_without_recursion():
    text = CASE + "\n" + "<div>" * 5000 + "deep" + "</div>" * 5000 + "\n"
    assert any("deep" in line for line in lines_of(text))


# --- what changed, in plain words ----------------------------------------------------------


def test_changes_say_what_was_added_and_removed_word_by_word():
    old = lines_of(CASE)
    new = lines_of(
        CASE.replace("long days", "long nights") + "\nHer sister came along to one session.\n"
    )
    assert visible.changes(old, new) == [
        'removed: "days"',
        'added: "nights"',
        'added: "Her sister came along to one session."',
    ]
    assert visible.changes(old, old) == []


def test_a_long_passage_is_quoted_short_and_the_message_counts_the_rest():
    old = ["one line"]
    new = ["one line", "word " * 100, "two", "three", "four"]
    found = visible.changes(old, new)
    assert len(found) == 1 and found[0].endswith('…"') and len(found[0]) < 100
    summary = visible.summary_of_changes([f'added: "{n}"' for n in range(5)])
    assert summary == 'added: "0"; added: "1"; added: "2"; and 2 more'


def test_a_huge_rewrite_is_reported_as_whole_passages():
    old = [" ".join(f"a{i}" for i in range(3000))]
    new = [" ".join(f"b{i}" for i in range(3000))]
    found = visible.changes(old, new)
    assert [f.split(":")[0] for f in found] == ["removed", "added"]


# --- what consent says ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "standing"),
    [
        (True, Standing.UNBOUND),
        (False, Standing.NONE),
        (None, Standing.NONE),
        ({"given": None, "how": None, "text": None}, Standing.NONE),  # make newcase's
        ({"text": FP}, Standing.AWAITING),
        ({"given": datetime.date(2026, 11, 30), "how": "signed"}, Standing.UNBOUND),
        ({"given": datetime.date(2026, 11, 30), "text": FP}, Standing.GIVEN),
        ({"given": "2026-11-30", "text": FP}, Standing.GIVEN),
        ({"withdrawn": datetime.date(2026, 12, 1)}, Standing.WITHDRAWN),
        ({"given": "2026-11-30", "text": FP, "withdrawn": "soon"}, Standing.WITHDRAWN),
        ({"withdrawn": False, "given": datetime.date(2026, 11, 30)}, Standing.UNBOUND),
        ({"given": "last June", "text": FP}, Standing.INVALID),
        ({"given": datetime.date(2026, 11, 30), "text": "../../etc/passwd"}, Standing.INVALID),
        ({"given": datetime.date(2026, 11, 30), "signed": True}, Standing.INVALID),
        ("yes", Standing.INVALID),
        (["true"], Standing.INVALID),
    ],
)  # fmt: skip
def test_consent_reads_as(value, standing):
    found = state.read(value)
    assert found.standing == standing
    assert found.publishable == (standing in (Standing.UNBOUND, Standing.GIVEN))


# --- the one edit make consent makes -------------------------------------------------------


def edited(text):
    """The file after the edit, and the lines that changed (difflib, old and new)."""
    after = frontmatter.with_fingerprint(text, FP)
    diff = [
        line
        for line in difflib.ndiff(text.splitlines(True), after.splitlines(True))
        if line[:2] in ("- ", "+ ")
    ]
    return after, diff


@pytest.mark.parametrize(
    ("consent", "expected"),
    [
        ("  consent: true   # on file\n", f"  consent: {{text: {FP}}}   # on file\n"),
        ("  consent: false\n", f"  consent: {{text: {FP}}}\n"),
        ("  consent:\n", f"  consent: {{text: {FP}}}\n"),
        (
            "  consent: {given: 2026-11-30, text: v1-" + "b" * 32 + "}\n",
            f"  consent: {{given: 2026-11-30, text: {FP}}}\n",
        ),
        (
            '  consent: {given: 2026-11-30, how: "signed, in ink"}\n',
            f'  consent: {{text: {FP}, given: 2026-11-30, how: "signed, in ink"}}\n',
        ),
        ("  consent: {}\n", f"  consent: {{text: {FP}}}\n"),
    ],
    ids=["true", "false", "empty", "flow with text", "flow without text", "empty flow"],
)
def test_the_fingerprint_replaces_exactly_the_value(consent, expected):
    text = CASE.replace(
        f"  consent: {{given: 2010-02-20, how: signed approval copy, text: {FP}}}\n", consent
    )
    after, diff = edited(text)
    assert diff == [f"- {consent}", f"+ {expected}"]
    assert parse("c", after).meta["case"]["consent"]["text"] == FP


def test_the_new_case_blocks_text_line_is_filled_in_and_its_comments_kept():
    block = (
        "  consent:   # the client's approval\n    given:   # the date\n    how:   # how\n"
        "    text:   # written by make consent\n    # withdrawn: 2026-12-01\n"
    )
    text = CASE.replace(
        f"  consent: {{given: 2010-02-20, how: signed approval copy, text: {FP}}}\n", block
    )
    _after, diff = edited(text)
    assert diff == [
        "-     text:   # written by make consent\n",
        f"+     text: {FP}   # written by make consent\n",
    ]


def test_a_block_without_text_gets_one_line_and_a_case_without_consent_too():
    block = '  consent:\n    given: 2026-11-30\n    how: "signed"\n'
    text = CASE.replace(
        f"  consent: {{given: 2010-02-20, how: signed approval copy, text: {FP}}}\n", block
    )
    _after, diff = edited(text)
    assert diff == [f"+     text: {FP}\n"]
    text = CASE.replace(
        f"  consent: {{given: 2010-02-20, how: signed approval copy, text: {FP}}}\n", ""
    )
    _after, diff = edited(text)
    assert diff == [f"+   consent: {{text: {FP}}}\n"]


def test_line_endings_and_a_byte_order_mark_are_kept():
    text = "\ufeff" + CASE.replace("\n", "\r\n")
    after = frontmatter.with_fingerprint(text.replace(FP, "v1-" + "c" * 32), FP)
    assert after == text


@pytest.mark.parametrize(
    "text",
    [
        "Title: Neck\nSlug: neck\n\nText.\n",  # Pelican's `Key: value` header
        "---\ntitle: x\ncase: not a block\n---\n",
        "---\ntitle: x\ncase: {client: Ana R., consent: true}\n---\n",  # fine: flow case
        "---\ntitle: x\ncase:\n  client: Ana R.\n  consent: &c [1, 2]\n---\n",
        "---\ntitle: x\n---\n",
    ],
    ids=["header", "case text", "flow case", "list", "no case"],
)
def test_what_it_cannot_edit_safely_it_refuses(text):
    if "{client" in text:  # a flow `case:` with `consent:` in it is edited in place
        assert f"consent: {{text: {FP}}}" in frontmatter.with_fingerprint(text, FP)
        return
    with pytest.raises(frontmatter.EditError):
        frontmatter.with_fingerprint(text, FP)


def test_only_a_fingerprint_is_ever_written():
    for hostile in ("x\nslug: other", "v1-" + "a" * 31 + "}", "$(touch /tmp/x)", "../../x"):
        with pytest.raises(frontmatter.EditError):
            frontmatter.with_fingerprint(CASE, hostile)


def test_hostile_values_around_it_stay_as_they_were():
    text = CASE.replace(
        'summary: "Neck pain from long hours at a screen."',
        'summary: "consent: {text: x} `id` $(touch /tmp/x) ---"',
    ).replace(FP, "v1-" + "d" * 32)
    after, diff = edited(text)
    assert len(diff) == 2 and "summary" not in "".join(diff)


# --- the private copies ------------------------------------------------------------------


def test_the_copies_sit_beside_the_content_folder(tmp_path):
    assert store.folder(tmp_path / "content", {}) == tmp_path / "consents"
    assert store.folder(tmp_path / "content", {"CONSENTS_PATH": "private"}) == tmp_path / "private"


@pytest.mark.parametrize("slug", ["../x", "..", ".", "a/b", ".hidden", "", "a\\b", "a\0b"])
def test_no_slug_leads_out_of_the_folder(tmp_path, slug):
    with pytest.raises(ValueError, match="cannot name|leads out"):
        store.place(tmp_path, slug, FP)
    assert store.load(tmp_path, slug, FP) is None


def test_a_record_keeps_the_day_it_was_first_printed(tmp_path):
    first = store.Approved("ana", FP, datetime.date(2026, 11, 30), ("title: A",))
    path, kept = store.save(tmp_path, first)
    assert path == tmp_path / "ana" / FP / "approved.json"
    again = store.Approved("ana", FP, datetime.date(2026, 12, 5), ("title: A",))
    assert store.save(tmp_path, again)[1].printed == datetime.date(2026, 11, 30)
    assert store.load(tmp_path, "ana", FP) == first
    assert path.stat().st_mode & 0o077 == 0  # the owner's alone


@pytest.mark.parametrize(
    "data",
    [
        "not json",
        json.dumps([1]),
        json.dumps({"fingerprint": FP, "lines": "x", "printed": "2026-01-01"}),
    ],
)
def test_a_damaged_record_reads_as_none(tmp_path, data):
    (tmp_path / "ana" / FP).mkdir(parents=True)
    (tmp_path / "ana" / FP / "approved.json").write_text(data, encoding="utf-8")
    assert store.load(tmp_path, "ana", FP) is None


# --- the copy as one file ------------------------------------------------------------------


def test_the_copy_carries_its_stylesheets_and_images_and_nothing_else(tmp_path):
    (tmp_path / "theme" / "css").mkdir(parents=True)
    (tmp_path / "theme" / "css" / "style.css").write_text("p{color:red}", encoding="utf-8")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path.parent / "secret.png").write_bytes(b"secret")
    page = (
        '<html><head><link rel="stylesheet" href="https://x.example/theme/css/style.css">'
        '<link rel="icon" href="/theme/images/favicon.svg"><script src="/live.js"></script>'
        '</head><body><img src="../../images/a.png" alt="A"><img src="../../../secret.png">'
        '<img src="https://other.example/b.png"></body></html>'
    )
    found = copy.self_contained(page, "case/approval/index.html", tmp_path, "https://x.example")
    assert "<style>p{color:red}</style>" in found
    assert 'src="data:image/png;base64,' in found
    assert "<script" not in found and "<link" not in found
    assert 'src="../../../secret.png"' in found  # outside the output: never read
    assert found.startswith("<!DOCTYPE html>")


def test_a_consent_blocks_lines_are_never_linted():
    source = parse("cases/neck.md", CASE.replace(
        f"  consent: {{given: 2010-02-20, how: signed approval copy, text: {FP}}}\n",
        "  consent:\n    given: 2026-11-30\n    # signed in the clinic\n    how: signed\n",
    ))  # fmt: skip
    assert unseen_lines(source) == {9, 10, 11, 12}
    assert unseen_lines(parse("cases/neck.md", CASE)) == {9}
