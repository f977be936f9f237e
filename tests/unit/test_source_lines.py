"""Where a front-matter key and value stand, counted as the file's own lines are (LF only)."""

import pytest

from casebook.content.source import parse
from casebook.privacy import lint_source

HEADER = (
    '---\ntitle: "Neck pain{brk}at the desk"\nslug: neck-pain\n'
    "summary: Call 508-555-0147.\n---\nText.\n"
)


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x85", " "])
def test_a_line_break_only_yaml_counts_moves_no_line(brk):
    text = HEADER.format(brk=brk)
    source = parse("posts/a.md", text)
    assert source.line("slug") == 3
    assert source.line("summary") == 4
    assert [f.line for f in lint_source(text)] == [4]
