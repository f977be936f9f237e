"""The desk's pure parts: front matter changed in place, forms, placing problems, the lint cache."""

import datetime

from casebook.content.source import parse
from casebook.desk import documents, forms, header, placing
from casebook.privacy import Finding
from casebook.privacy.cache import LintCache

HAND_WRITTEN = """\
---
# Written by hand, years ago.
title: 'Neck pain: Ana R.'    # single quotes, kept
date: 2011-03-02
tags:
    - Neck pain           # indented four, kept
    - tension headache
summary:   # to write
case:
  client: Ana R.
  consent: true
  sessions: 6             # six, not seven
  outcome_status: improved
---
Body line one.
"""


def test_a_file_with_no_findings_is_not_linted_again(tmp_path):
    cache = LintCache(tmp_path)
    runs = []

    def lint():
        runs.append(1)
        return []

    for _ in range(3):
        assert cache.findings("clean text", [], lint) == []
    assert len(runs) == 1
    cache.save()
    assert LintCache(tmp_path).findings("clean text", [], lint) == [] and len(runs) == 1


def test_a_cached_finding_comes_back_as_it_was(tmp_path):
    cache = LintCache(tmp_path)
    found = [Finding(3, "phone", "617-555-0199", "looks like a phone")]
    assert cache.findings("t", [], lambda: found) == found
    cache.save()
    assert LintCache(tmp_path).findings("t", [], list) == found


def edit(text, changes, body=None):
    document = documents.Document("cases/a.md", text, "")
    return documents.compose(document, changes, body)


def changed_lines(before, after):
    old, new = before.split("\n"), after.split("\n")
    return [(a, b) for a, b in zip(old, new, strict=False) if a != b], len(new) - len(old)


def test_one_changed_field_changes_its_value_and_no_other_byte():
    after = edit(HAND_WRITTEN, {("case", "sessions"): 7})
    assert after == HAND_WRITTEN.replace("sessions: 6 ", "sessions: 7 ")


def test_a_changed_title_is_written_by_the_emitter_and_keeps_its_comment():
    after = edit(HAND_WRITTEN, {("title",): 'Neck pain: "Ana" R. # not a comment'})
    assert changed_lines(HAND_WRITTEN, after) == (
        [(
            "title: 'Neck pain: Ana R.'    # single quotes, kept",
            'title: "Neck pain: \\"Ana\\" R. # not a comment"    # single quotes, kept',
        )],
        0,
    )  # fmt: skip
    assert parse("cases/a.md", after).meta["title"] == 'Neck pain: "Ana" R. # not a comment'


def test_an_empty_value_gets_one_and_keeps_the_comment_after_it():
    after = edit(HAND_WRITTEN, {("summary",): "Six sessions."})
    assert 'summary: "Six sessions."   # to write' in after.split("\n")
    assert changed_lines(HAND_WRITTEN, after)[1] == 0


def test_a_new_case_field_goes_at_the_end_of_the_case_block_with_its_indent():
    after = edit(HAND_WRITTEN, {("case", "findings"): "Trigger points."})
    rows = after.split("\n")
    assert rows[rows.index("  outcome_status: improved") + 1] == '  findings: "Trigger points."'
    assert parse("cases/a.md", after).meta["case"]["findings"] == "Trigger points."


def test_a_block_list_becomes_one_flow_list_and_the_rest_stays():
    after = edit(HAND_WRITTEN, {("tags",): ["Neck pain"]})
    assert "tags: [Neck pain]" in after
    assert after.replace("tags: [Neck pain]", "") == HAND_WRITTEN.replace(
        "tags:\n    - Neck pain           # indented four, kept\n    - tension headache", ""
    )


def test_the_body_is_replaced_and_the_front_matter_kept_byte_for_byte():
    after = edit(HAND_WRITTEN, {}, "New body.\r\nSecond line.")
    assert after == HAND_WRITTEN.replace("Body line one.\n", "New body.\nSecond line.\n")


def test_crlf_and_a_byte_order_mark_are_written_back_as_the_file_had_them(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitle: A\r\n---\r\nBody\r\n")
    document = documents.open_document(path, "posts/a.md")
    text = documents.compose(document, {("title",): "B"}, None)
    documents.save(path, document, text)
    assert path.read_bytes() == b'\xef\xbb\xbf---\r\ntitle: "B"\r\n---\r\nBody\r\n'


def test_a_key_value_header_is_edited_line_by_line():
    text = "Title: Old\nTags: Neck pain, Sciatica\nDate: 2010-01-01\n\nBody\n"
    after = edit(text, {("title",): "New: with a colon", ("summary",): "Two\nlines"})
    assert after == (
        "Title: New: with a colon\nTags: Neck pain, Sciatica\nDate: 2010-01-01\n"
        "Summary: Two lines\n\nBody\n"
    )


def test_hostile_values_stay_values():
    values = ["a\n---\nstatus: published", "x: y # z", "`$(touch x)`", "'\"", "[a, b]", "*alias"]
    for value in values:
        after = edit(HAND_WRITTEN, {("title",): value})
        meta = parse("cases/a.md", after).meta
        assert meta["title"] == value
        assert meta["case"]["sessions"] == 6
        assert "status" not in meta


def test_spans_of_nested_keys():
    spans, mappings = header.yaml_spans("a: 1\ncase:\n  b: two  # c\nz: [1, 2]\n")
    assert {k: v for k, v in spans.items() if k != ("case",)} == {
        ("a",): header.Span(2, 3, 4, False),
        ("case", "b"): header.Span(15, 16, 19, False),
        ("z",): header.Span(27, 28, 34, False),
    }
    assert mappings[("case",)].indent == 2


def test_only_the_fields_that_differ_are_changes():
    source = parse("cases/a.md", HAND_WRITTEN)
    sent = {
        "title": "Neck pain: Ana R.",
        "date": "2011-03-02",
        "summary": "",
        "case.sessions": "8",
        "case.client": "Ana R.",
        "status": "published",
    }
    lists = {"tags": ["Neck pain", "tension headache", ""]}
    found = forms.changes(forms.FORMS[forms.Form.CASE], source, sent, lists)
    assert found == {("case", "sessions"): 8}


def test_a_date_that_is_no_date_is_kept_as_written_for_the_rule_book():
    field = forms.DATE
    assert forms.submitted(field, {"date": "2011-02-30"}, {}) == "2011-02-30"
    assert forms.submitted(field, {"date": "2011-02-03"}, {}) == datetime.date(2011, 2, 3)


def test_problems_are_placed_beside_their_field_or_at_their_body_line():
    source = parse("cases/a.md", HAND_WRITTEN)
    fields = forms.FORMS[forms.Form.CASE]
    problems = [
        source.problem("case.sessions: wrong", "case", "sessions"),
        source.at("looks like a phone", 3),  # the title's line
        source.at("looks like a phone in the text", 15),  # the body's first line
        source.at("the file as a whole", None),
    ]
    placed = placing.place(problems, source, fields)
    assert [s.words for s in placed.fields["case.sessions"]] == ["case.sessions: wrong"]
    assert [s.words for s in placed.fields["title"]] == ["looks like a phone"]
    assert [(s.line, s.words) for s in placed.body] == [(1, "looks like a phone in the text")]
    assert [s.words for s in placed.general] == ["the file as a whole"]
    assert placed.count == 4 and placed.errors == 4


def test_a_consent_problem_is_placed_beside_the_consent():
    source = parse("cases/a.md", HAND_WRITTEN)
    problem = source.problem("case.consent: no consent", "case", "consent")
    fields = forms.FORMS[forms.Form.CASE]
    assert placing.place([problem], source, fields).general  # no field writes it...
    placed = placing.place([problem], source, fields, slots=[("case", "consent")])
    assert [s.words for s in placed.fields["case.consent"]] == ["case.consent: no consent"]


def test_consent_as_the_desk_shows_it():
    from casebook.desk.consent import Standing, consent_of

    given = consent_of({"consent": {"given": datetime.date(2026, 11, 30), "how": "signed copy"}})
    assert (given.standing, given.words) == (
        Standing.GIVEN,
        "Given on 30 November 2026, signed copy.",
    )
    assert consent_of({"consent": True}).standing == Standing.UNBOUND
    assert consent_of({"consent": {"withdrawn": "2027-01-02"}}).standing == Standing.WITHDRAWN
    assert consent_of({"consent": False}).standing == Standing.NOT_GIVEN
    assert consent_of(None).standing == Standing.NOT_GIVEN
